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
import { Entry, Journal, Presets, RedemptionCatalog, Scheme } from "@gongzhi/points-ledger"
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
    zh: "没有名为 {name} 的预置{whatZh}（可用：{known}）",
    en: "There is no preset {whatEn} named {name} (available: {known})"
  },
  CLI_JOURNAL_TAMPERED: {
    zh: "第 {index} 条记录（文件第 {line} 行）被改动过或链条断裂：{reasonZh}",
    en: "Entry {index} (line {line} of the file) was changed or the chain is broken: {reasonEn}"
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
        params: {
          name: value,
          whatZh: what.zh,
          whatEn: what.en,
          known: Object.keys(table).map((k) => `preset:${k}`).join(", ")
        }
      })))
      : Result.succeed(found)
  }
  return Result.mapError(decode(value), (report) => ValidationReport.make(report.issues.map(Issue.prefixPath([field]))))
}

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
  const scheme = resolve(
    doc.scheme,
    { zh: "积分方案", en: "points scheme" },
    "scheme",
    presets.schemes,
    Scheme.Scheme.decode
  )
  const catalog = resolve(
    doc.catalog,
    { zh: "积分超市目录", en: "redemption catalog" },
    "catalog",
    presets.catalogs,
    RedemptionCatalog.RedemptionCatalog.decode
  )
  const entries = decodeEntries(doc.entries, options?.onProgress)
  const failures: Array<Issue.DomainIssue> = []
  if (Result.isFailure(scheme)) { for (const issue of scheme.failure.issues) failures.push(issue) }
  if (Result.isFailure(catalog)) { for (const issue of catalog.failure.issues) failures.push(issue) }
  if (Result.isFailure(entries)) { for (const issue of entries.failure.issues) failures.push(issue) }
  if (Result.isFailure(scheme) || Result.isFailure(catalog) || Result.isFailure(entries)) {
    return Result.fail(ValidationReport.make(failures))
  }
  const verification = Entry.verify(entries.success, { hashChain: doc.hashChain })
  if (verification._tag === "Broken") {
    const reasons = {
      seq: { zh: "序号不连续", en: "the sequence number is out of order" },
      prevHash: { zh: "前一哈希不符", en: "the previous hash does not match" },
      hash: { zh: "哈希与内容不符", en: "the hash does not match the content" },
      unbalanced: { zh: "借贷不平", en: "the postings do not sum to zero" },
      malformed: { zh: "记录无法读取", en: "the entry cannot be read" },
      truncated: { zh: "末尾的记录被删去", en: "entries were cut off at the end" },
      head: { zh: "与已知链头不符", en: "it differs from the known head" },
      detached: { zh: "账本值已失去其记录", en: "the journal value lost its entries" }
    }[verification.reason]
    return Result.fail(ValidationReport.of(messages.make("CLI_JOURNAL_TAMPERED", {
      path: ["entries", verification.index],
      params: { index: verification.index, line: verification.index + 2, reasonZh: reasons.zh, reasonEn: reasons.en }
    })))
  }
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
