/**
 * A points journal as a file: JSON Lines, the first line a header naming the scheme and
 * catalog (embedded documents, or shipped presets such as `"preset:pingli"`), every further
 * line one journal entry with its hashes. Appending a line never rewrites the others, so the
 * file is as append-only as the journal.
 *
 * ```text
 * {"kind":"points-journal","schemaVersion":1,"scheme":"preset:pingli","catalog":"preset:pingli"}
 * {"seq":0,"command":{…},"postings":[…],"prevHash":"000…","hash":"9f2…"}
 * ```
 *
 * @since 0.1.0
 */
import { Document, Issue, Period, ValidationReport } from "@gongzhi/core"
import { Entry, Journal, Messages, Presets, RedemptionCatalog, Scheme } from "@gongzhi/points-ledger"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

/**
 * The messages of journal files.
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 *
 * console.log(JournalFile.messages.codes.includes("CLI_JOURNAL_BAD_LINE")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CLI_JOURNAL_BAD_LINE: {
    zh: "第 {line} 行不是有效的 JSON：{reason}",
    en: "Line {line} is not valid JSON: {reason}"
  },
  CLI_JOURNAL_UNKNOWN_PRESET: {
    zh: "没有名为 {name} 的预置{what:label}（可用：{known}）",
    en: "There is no preset {what:label} named {name} (available: {known})"
  },
  CLI_JOURNAL_UNREADABLE: {
    zh: "无法读取积分流水：{reason}",
    en: "The points journal cannot be read: {reason}"
  },
  CLI_JOURNAL_TAMPERED: {
    zh: "第 {index} 条记录（文件第 {line} 行）被改动过或链条断裂：{reason:label}",
    en: "Entry {index} (line {line} of the file) was changed or the chain is broken: {reason:label}"
  }
})

/**
 * The shipped schemes and catalogs a journal header may name as `preset:<name>`.
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 *
 * console.log(Object.keys(JournalFile.presets.schemes)) // ["pingli", "hongan-love-bank", "hailin", "never-expire"]
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const presets: {
  readonly schemes: Readonly<Record<string, Scheme.Scheme>>
  readonly catalogs: Readonly<Record<string, RedemptionCatalog.RedemptionCatalog>>
} = {
  schemes: {
    pingli: Presets.pingliScheme,
    "hongan-love-bank": Presets.honganLoveBankScheme,
    hailin: Presets.hailinScheme,
    "never-expire": Presets.neverExpireScheme
  },
  catalogs: {
    pingli: Presets.pingliCatalog,
    "hongan-love-bank": Presets.honganLoveBankCatalog
  }
}

/**
 * The journal file as one document (`kind: "points-journal"`): the header's fields and the
 * entries (the lines after the header).
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 *
 * console.log(JournalFile.document.kind) // "points-journal"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "points-journal",
  schemaVersion: 1,
  label: { zh: "积分流水", en: "points journal" },
  description: "A points journal: the scheme and catalog it runs under, and its entries with their hash chain",
  fields: {
    scheme: Schema.Union([Schema.String, Schema.Record(Schema.String, Schema.Unknown)]),
    catalog: Schema.Union([Schema.String, Schema.Record(Schema.String, Schema.Unknown)]),
    hashChain: Schema.optionalKey(Schema.Boolean),
    entries: Schema.Array(Schema.Unknown)
  }
})

/**
 * A journal document as read from a file.
 *
 * @example
 * ```ts
 * import type { JournalFile } from "@gongzhi/cli"
 *
 * const doc: JournalFile.JournalDocument = { kind: "points-journal", schemaVersion: 1, scheme: "preset:pingli", catalog: "preset:pingli", entries: [] }
 * console.log(doc.entries.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type JournalDocument = Document.Type<typeof document>

/**
 * Reads JSON Lines text into a journal document: the first line is the header, each further
 * non-blank line an entry. Every line that is not JSON is reported with its number.
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 *
 * const text = '{"kind":"points-journal","schemaVersion":1,"scheme":"preset:pingli","catalog":"preset:pingli"}\n'
 * const read = JournalFile.parse(text)
 * if (read._tag === "Success") console.log(read.success["kind"]) // "points-journal"
 * ```
 *
 * @category reading
 * @since 0.1.0
 */
export const parse = (text: string): Result.Result<Record<string, unknown>, ValidationReport.ValidationReport> => {
  if (typeof text !== "string") return unreadable("the journal is not text")
  try {
    return parseText(text)
  } catch (cause) {
    return unreadable(cause instanceof Error ? cause.message : "the text cannot be read")
  }
}

const unreadable = (reason: string) =>
  Result.fail(ValidationReport.of(messages.make("CLI_JOURNAL_UNREADABLE", { params: { reason } })))

const parseText = (text: string): Result.Result<Record<string, unknown>, ValidationReport.ValidationReport> => {
  const issues: Array<Issue.DomainIssue> = []
  let header: Record<string, unknown> = {}
  const entries: Array<unknown> = []
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/)
  lines.forEach((line, index) => {
    if (line.trim() === "") return
    try {
      const value: unknown = JSON.parse(line)
      if (index === 0) {
        header = typeof value === "object" && value !== null && !Array.isArray(value)
          ? { ...value }
          : { header: value }
      } else entries.push(value)
    } catch (cause) {
      issues.push(
        messages.make("CLI_JOURNAL_BAD_LINE", {
          path: [index + 1],
          params: { line: index + 1, reason: (cause as Error).message }
        })
      )
    }
  })
  return issues.length > 0 ? Result.fail(ValidationReport.make(issues)) : Result.succeed({ ...header, entries })
}

/** The scheme and catalog a journal header names (a preset's name, or the document itself). */
const setupOf = (header: { readonly scheme: unknown; readonly catalog: unknown }) => ({
  scheme: resolve(
    header.scheme,
    { zh: "积分方案", en: "points scheme" },
    "scheme",
    presets.schemes,
    Scheme.Scheme.decode
  ),
  catalog: resolve(
    header.catalog,
    { zh: "积分超市目录", en: "redemption catalog" },
    "catalog",
    presets.catalogs,
    RedemptionCatalog.RedemptionCatalog.decode
  )
})

const chunk = 5_000

const decodeEntries = (
  raw: ReadonlyArray<unknown>,
  onProgress: ((done: number) => void) | undefined
): Result.Result<ReadonlyArray<Entry.Entry>, ValidationReport.ValidationReport> => {
  const decoded: Array<Entry.Entry> = []
  const issues: Array<Issue.DomainIssue> = []
  for (let from = 0; from < raw.length; from += chunk) {
    const part = Entry.decodeAll(raw.slice(from, from + chunk))
    if (Result.isSuccess(part)) { for (const entry of part.success) decoded.push(entry) }
    else {
      for (const issue of part.failure.issues) {
        const [index, ...rest] = issue.path
        issues.push({ ...issue, path: ["entries", typeof index === "number" ? index + from : index ?? from, ...rest] })
      }
    }
    onProgress?.(Math.min(chunk, raw.length - from))
  }
  return issues.length > 0 ? Result.fail(ValidationReport.make(issues)) : Result.succeed(decoded)
}

const resolve = <A>(
  value: unknown,
  what: { readonly zh: string; readonly en: string },
  field: string,
  table: Readonly<Record<string, A>>,
  decode: (input: unknown) => Result.Result<A, ValidationReport.ValidationReport>
): Result.Result<A, ValidationReport.ValidationReport> => {
  if (typeof value === "string") {
    const name = value.replace(/^preset:/, "")
    const found = Object.hasOwn(table, name) ? table[name] : undefined
    return found === undefined
      ? Result.fail(ValidationReport.of(messages.make("CLI_JOURNAL_UNKNOWN_PRESET", {
        path: [field],
        params: { name: value, what: field, known: Object.keys(table).map((k) => `preset:${k}`).join(", ") },
        labels: { what }
      })))
      : Result.succeed(found)
  }
  return Result.mapError(decode(value), (report) => ValidationReport.make(report.issues.map(Issue.prefixPath([field]))))
}

/** Why a chain is broken, in words. */
const brokenReasons: Readonly<Record<Extract<Entry.Verification, { _tag: "Broken" }>["reason"], Label>> = {
  seq: { zh: "序号不连续", en: "the sequence number is out of order" },
  prevHash: { zh: "前一哈希不符", en: "the previous hash does not match" },
  hash: { zh: "哈希与内容不符", en: "the hash does not match the content" },
  unbalanced: { zh: "借贷不平", en: "the postings do not sum to zero" },
  malformed: { zh: "记录无法读取", en: "the entry cannot be read" },
  truncated: { zh: "末尾的记录被删去", en: "entries were cut off at the end" },
  head: { zh: "与已知链头不符", en: "it differs from the known head" },
  detached: { zh: "账本值已失去其记录", en: "the journal value lost its entries" }
}

type Label = { readonly zh: string; readonly en: string }

/** The report of an entry that was changed (or a chain broken) at `index`. */
const tampered = (
  index: number,
  reason: Extract<Entry.Verification, { _tag: "Broken" }>["reason"]
): ValidationReport.ValidationReport =>
  ValidationReport.of(messages.make("CLI_JOURNAL_TAMPERED", {
    path: ["entries", index],
    params: { index, line: index + 2, reason },
    labels: { reason: brokenReasons[reason] }
  }))

/**
 * The journal of a document: resolves the scheme and catalog, decodes every entry and
 * replays them, checking that each entry is what its command produces and that the hash
 * chain holds. A tampered entry is named by its index and its line in the file.
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 *
 * const journal = JournalFile.load({ kind: "points-journal", schemaVersion: 1, scheme: "preset:pingli", catalog: "preset:pingli", entries: [] })
 * if (journal._tag === "Success") console.log(journal.success.length) // 0
 * ```
 *
 * @category reading
 * @since 0.1.0
 */
export const load = (
  doc: JournalDocument,
  options?: {
    /** Called as entries are decoded, with the number just done (for a progress bar). */
    readonly onProgress?: ((done: number) => void) | undefined
  }
): Result.Result<Journal.Journal, ValidationReport.ValidationReport> => {
  try {
    return loadDocument(doc, options?.onProgress)
  } catch (cause) {
    // a document from a JavaScript caller that throws when read (a Proxy, a getter)
    return unreadable(cause instanceof Error ? cause.message : "the document cannot be read")
  }
}

const loadDocument = (
  doc: JournalDocument,
  onProgress: ((done: number) => void) | undefined
): Result.Result<Journal.Journal, ValidationReport.ValidationReport> => {
  const { scheme, catalog } = setupOf(doc)
  const entries = decodeEntries(doc.entries, onProgress)
  const failures: Array<Issue.DomainIssue> = []
  if (Result.isFailure(scheme)) { for (const issue of scheme.failure.issues) failures.push(issue) }
  if (Result.isFailure(catalog)) { for (const issue of catalog.failure.issues) failures.push(issue) }
  if (Result.isFailure(entries)) { for (const issue of entries.failure.issues) failures.push(issue) }
  if (Result.isFailure(scheme) || Result.isFailure(catalog) || Result.isFailure(entries)) {
    return Result.fail(ValidationReport.make(failures))
  }
  const verification = Entry.verify(entries.success, { hashChain: doc.hashChain })
  if (verification._tag === "Broken") return Result.fail(tampered(verification.index, verification.reason))
  const setup: Journal.Setup = {
    scheme: scheme.success,
    catalog: catalog.success,
    ...(doc.hashChain === undefined ? {} : { hashChain: doc.hashChain })
  }
  return Result.mapError(
    Journal.replay(setup, entries.success),
    (report) => ValidationReport.make(report.issues.map(Issue.prefixPath(["entries"])))
  )
}

/**
 * How far {@link loader} has got, in the units its lines were given (bytes of the file, say):
 * lines read (parsed and decoded), entries whose hash chain was checked, and entries replayed.
 *
 * @example
 * ```ts
 * import type { JournalFile } from "@gongzhi/cli"
 *
 * const progress: JournalFile.Progress = { read: 100, verified: 60, replayed: 40 }
 * console.log(progress.read - progress.replayed) // 60
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Progress {
  readonly read: number
  readonly verified: number
  readonly replayed: number
}

/**
 * A journal file read line by line (see {@link loader}): give it each line, then `finish`.
 *
 * @example
 * ```ts
 * import type { JournalFile } from "@gongzhi/cli"
 *
 * const feed = (loader: JournalFile.Loader, lines: ReadonlyArray<string>) => {
 *   for (const line of lines) loader.line(line)
 *   return loader.finish()
 * }
 * console.log(typeof feed)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Loader {
  /** The next line of the file (without its line break); `weight` counts for the progress (1 by default). */
  readonly line: (text: string, weight?: number) => void
  /** The journal, or every problem found, as {@link parse} and {@link load} would report them. */
  readonly finish: () => Result.Result<Journal.Journal, ValidationReport.ValidationReport>
}

/** Entries decoded, checked and replayed together. */
const defaultBatchSize = 5_000

/** The postings of two entries are the same, in order. */
const samePostings = (a: ReadonlyArray<Entry.Posting>, b: ReadonlyArray<Entry.Posting>): boolean =>
  a.length === b.length && a.every((p, i) => p.account === b[i]!.account && p.amount === b[i]!.amount)

/**
 * Loads a journal file line by line, holding no more than one batch of lines and entries
 * besides the journal itself: each batch of 5,000 lines (`batchSize`) is parsed, decoded, its hash chain
 * checked and its commands replayed (with every rule, each made entry compared with the stored
 * one) before the next is read, and `onProgress` is told after each. The outcome is the one of
 * `load(parse(text))`: every line that is not JSON; else the header's problems; else the
 * scheme's, catalog's and every entry's; else the first changed entry; else the first entry
 * its command does not make again.
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 *
 * const loader = JournalFile.loader()
 * loader.line('{"kind":"points-journal","schemaVersion":1,"scheme":"preset:pingli","catalog":"preset:pingli"}')
 * const journal = loader.finish()
 * if (journal._tag === "Success") console.log(journal.success.length) // 0
 * ```
 *
 * @category reading
 * @since 0.2.0
 */
export const loader = (options?: {
  readonly onProgress?: ((progress: Progress) => void) | undefined
  /** Entries decoded, checked and replayed together (5,000 by default). */
  readonly batchSize?: number | undefined
}): Loader => {
  const batchSize = Math.max(1, Math.floor(options?.batchSize ?? defaultBatchSize))
  let lineNumber = 0
  let entryCount = 0
  const badLines: Array<Issue.DomainIssue> = []
  // the header's problems; then the scheme's, catalog's and entries'
  let headerIssues: ReadonlyArray<Issue.DomainIssue> | undefined
  const issues: Array<Issue.DomainIssue> = []
  let header: Record<string, unknown> | undefined
  let journal: Journal.Journal | undefined
  let hashChain = true
  let stopped: ValidationReport.ValidationReport | undefined
  let prev: string = Entry.genesis
  let raw: Array<unknown> = []
  let weights = 0
  const progress = { read: 0, verified: 0, replayed: 0 }

  const begin = (value: Record<string, unknown>) => {
    header = value
    const doc = document.decode({ ...value, entries: [] })
    if (Result.isFailure(doc)) {
      headerIssues = doc.failure.issues
      return
    }
    const { scheme, catalog } = setupOf(doc.success)
    if (Result.isFailure(scheme)) { for (const issue of scheme.failure.issues) issues.push(issue) }
    if (Result.isFailure(catalog)) { for (const issue of catalog.failure.issues) issues.push(issue) }
    if (Result.isFailure(scheme) || Result.isFailure(catalog)) return
    hashChain = doc.success.hashChain !== false
    prev = hashChain ? Entry.genesis : ""
    journal = Journal.make({
      scheme: scheme.success,
      catalog: catalog.success,
      ...(doc.success.hashChain === undefined ? {} : { hashChain: doc.success.hashChain })
    })
  }

  /** The hash chain of a batch, from where the last batch ended. */
  const verify = (entries: ReadonlyArray<Entry.Entry>, from: number): ValidationReport.ValidationReport | undefined => {
    const outcome = Entry.verify(entries, { hashChain, after: { seq: from - 1, hash: prev } })
    if (outcome._tag === "Broken") return tampered(outcome.index, outcome.reason)
    prev = outcome.lastHash
    return undefined
  }

  /** Runs a batch's commands again, all checks on, and compares the entries they make with the stored ones. */
  const replay = (entries: ReadonlyArray<Entry.Entry>, from: number): ValidationReport.ValidationReport | undefined => {
    const appended = Journal.appendAll(journal!, entries.map((entry) => entry.command))
    if (Result.isFailure(appended)) {
      const [at] = appended.failure.issues[0]?.path ?? []
      // an entry before the rejected one that its command does not make again is the first problem
      const before = typeof at === "number" && at > 0 ? replay(entries.slice(0, at), from) : undefined
      return before ?? ValidationReport.make(appended.failure.issues.map((issue) => {
        const [index, ...rest] = issue.path
        return { ...issue, path: ["entries", typeof index === "number" ? from + index : from, "command", ...rest] }
      }))
    }
    const last = entries[entries.length - 1]
    // With the chain on, the batch's last hash covers every entry it made (seq, previous hash,
    // command, postings): the same last hash and count mean the same entries, so they are made
    // and compared one by one only to find where a batch differs.
    if (
      hashChain && last !== undefined && appended.success.journal.length === from + entries.length &&
      Journal.lastHash(appended.success.journal) === last.hash
    ) {
      journal = appended.success.journal
      return undefined
    }
    const made = appended.success.entries
    const mismatch = (i: number, field: string, fieldZh: string) =>
      ValidationReport.of(Messages.messages.make("LEDGER_REPLAY_MISMATCH", {
        path: ["entries", from + i, field],
        params: { index: from + i, field },
        labels: { field: { zh: fieldZh, en: field } }
      }))
    for (let i = 0; i < entries.length; i++) {
      const stored = entries[i]!
      const entry = made[i]
      // a command that made no entry (its key was already used, an expiry with nothing to expire)
      if (entry === undefined || entry.command.key !== stored.command.key) return mismatch(i, "command", "指令结果")
      if (entry.seq !== stored.seq) return mismatch(i, "seq", "序号")
      if (!samePostings(stored.postings, entry.postings)) return mismatch(i, "postings", "分录")
      if (entry.prevHash !== stored.prevHash || entry.hash !== stored.hash) {
        const field = entry.prevHash !== stored.prevHash ? "prevHash" : "hash"
        return ValidationReport.of(Messages.messages.make("LEDGER_CHAIN_BROKEN", {
          path: ["entries", from + i, field],
          params: { index: from + i, part: field },
          labels: {
            reason: field === "prevHash"
              ? { zh: "前一哈希不符", en: "the previous hash differs" }
              : { zh: "哈希与内容不符", en: "the hash differs from the entry's content" }
          }
        }))
      }
    }
    journal = appended.success.journal
    return undefined
  }

  const flush = () => {
    if (raw.length === 0) return
    const from = entryCount - raw.length
    const batch = raw
    raw = []
    progress.read += weights
    const weight = weights
    weights = 0
    // after a line that is not JSON or a bad header, only the lines are checked (as parse does)
    if (badLines.length > 0 || headerIssues !== undefined) return options?.onProgress?.({ ...progress })
    const decoded = Entry.decodeAll(batch)
    if (Result.isFailure(decoded)) {
      for (const issue of decoded.failure.issues) {
        const [index, ...rest] = issue.path
        issues.push({ ...issue, path: ["entries", typeof index === "number" ? index + from : index ?? from, ...rest] })
      }
    } else if (stopped === undefined && issues.length === 0 && journal !== undefined) {
      stopped = verify(decoded.success, from)
      if (stopped === undefined) {
        progress.verified += weight
        stopped = replay(decoded.success, from)
        if (stopped === undefined) progress.replayed += weight
      }
    }
    options?.onProgress?.({ ...progress })
  }

  return {
    line: (text, weight = 1) => {
      const index = lineNumber++
      const line = index === 0 ? text.replace(/^\uFEFF/, "") : text
      weights += weight
      if (line.trim() === "") return
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (cause) {
        badLines.push(messages.make("CLI_JOURNAL_BAD_LINE", {
          path: [index + 1],
          params: { line: index + 1, reason: (cause as Error).message }
        }))
        return
      }
      if (index === 0) {
        begin(typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : { header: value })
        return
      }
      if (header === undefined) begin({})
      raw.push(value)
      entryCount++
      if (raw.length >= batchSize) flush()
    },
    finish: () => {
      if (header === undefined && badLines.length === 0) begin({})
      flush()
      if (badLines.length > 0) return Result.fail(ValidationReport.make(badLines))
      if (headerIssues !== undefined) return Result.fail(ValidationReport.make(headerIssues))
      if (issues.length > 0) return Result.fail(ValidationReport.make(issues))
      if (stopped !== undefined) return Result.fail(stopped)
      return Result.succeed(journal!)
    }
  }
}

/**
 * Writes a journal as JSON Lines: the header, then one entry a line.
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * console.log(JournalFile.stringify(journal, { scheme: "preset:pingli", catalog: "preset:pingli" }).split("\n").length) // 2
 * ```
 *
 * @category writing
 * @since 0.1.0
 */
export const stringify = (
  journal: Journal.Journal,
  header: { readonly scheme: string | object; readonly catalog: string | object }
): string => {
  const lines = [
    JSON.stringify({
      kind: document.kind,
      schemaVersion: document.schemaVersion,
      scheme: header.scheme,
      catalog: header.catalog,
      ...(journal.hashChain ? {} : { hashChain: false })
    })
  ]
  for (const entry of Journal.entries(journal)) lines.push(JSON.stringify(entry))
  return `${lines.join("\n")}\n`
}

/**
 * The year points were last earned in (the current year of a running scheme; a year-end expiry
 * dated the next morning does not count), as a period; `undefined` for an empty journal.
 *
 * @example
 * ```ts
 * import { JournalFile } from "@gongzhi/cli"
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(JournalFile.lastYear(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }))) // undefined
 * ```
 *
 * @category reading
 * @since 0.1.0
 */
export const lastYear = (journal: Journal.Journal): Period.Year | undefined => {
  const entries = Journal.entries(journal)
  let last = entries[entries.length - 1]
  // the year-end expiry is dated the next morning: the year is the last one points were earned in
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i]!.command._tag === "Earn") {
      last = entries[i]
      break
    }
  }
  return last === undefined ? undefined : Period.year(Number(last.command.on.slice(0, 4)))
}
