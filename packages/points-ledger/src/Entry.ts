/**
 * Journal entries (账本分录) and the hash chain: each entry carries its sequence number, the
 * command it records, its postings (which sum to zero across accounts: double entry), the
 * hash of the entry before it and its own SHA-256 hash over the previous hash and the
 * entry's text (a fixed-order text per command kind, see `hashInput`). Any changed field of any
 * entry breaks the chain at that entry.
 *
 * @since 0.1.0
 */
import { ValidationReport } from "@gongzhi/core"
import type * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Command from "./Command.js"
import * as Hasher from "./Hasher.js"
import { IdString, quote } from "./internal/fields.js"
import { HashText, holderText, valueText } from "./internal/hashText.js"

/**
 * One line of a transaction: an amount of points into (positive) or out of (negative) an account.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Entry.Posting)({ account: "system:pool", amount: -10 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Posting = Schema.Struct({ account: IdString({ zh: "账户编号", en: "account id" }), amount: Schema.Int })

/**
 * The type of {@link Posting}.
 *
 * @example
 * ```ts
 * import type { Entry } from "@gongzhi/points-ledger"
 *
 * const posting: Entry.Posting = { account: "ha", amount: 10 }
 * console.log(posting.amount)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Posting = typeof Posting.Type

/**
 * A recorded transaction: sequence number (0-based), the command, the postings, the previous
 * hash and this entry's hash (both 64 hex characters; empty strings when the journal was made
 * without a hash chain).
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 *
 * const result = Entry.decode({ seq: 0, command: { _tag: "Expire", key: "k", on: "2025-01-01" }, postings: [], prevHash: Entry.genesis, hash: "" })
 * console.log(result._tag) // "Success"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Entry = Schema.Struct({
  seq: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  command: Command.Command,
  postings: Schema.Array(Posting),
  prevHash: Schema.String,
  hash: Schema.String
}).annotate({ identifier: "LedgerEntry" })

/**
 * The type of {@link Entry}.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const entry: Entry.Entry = {
 *   seq: 0,
 *   command: { _tag: "Expire", key: "k", on: CivilDate.makeUnsafe("2025-01-01") },
 *   postings: [],
 *   prevHash: Entry.genesis,
 *   hash: ""
 * }
 * console.log(entry.seq)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Entry = typeof Entry.Type

const decodeEntries = ValidationReport.decodeUnknown(Schema.Array(Entry))

/**
 * Decodes one stored entry (e.g. a row read back from a database), reporting every problem.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 *
 * console.log(Entry.decode({ seq: -1 })._tag) // "Failure"
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Result.Result<Entry, ValidationReport.ValidationReport> =>
  ValidationReport.decodeUnknown(Entry)(input)

/**
 * Decodes a list of stored entries (a whole exported journal).
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 *
 * console.log(Entry.decodeAll([])._tag) // "Success"
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeAll = (input: unknown): Result.Result<ReadonlyArray<Entry>, ValidationReport.ValidationReport> =>
  decodeEntries(input)

/**
 * The previous hash of the first entry: 64 zeros.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 *
 * console.log(Entry.genesis.length) // 64
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const genesis = "0".repeat(64)

const canonicalValue = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value)
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null"
  if (Array.isArray(value)) {
    let out = "["
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalValue(value[i])
    return `${out}]`
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort()
      break
    }
  }
  let out = "{"
  let first = true
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const v = record[key]
    if (v === undefined) continue
    out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalValue(v)}`
    first = false
  }
  return `${out}}`
}

/**
 * The canonical JSON of a value: object keys sorted, no spaces, `undefined` keys left out;
 * two equal commands have the same canonical JSON.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 *
 * console.log(Entry.canonical({ b: 1, a: [true, "x"] })) // '{"a":[true,"x"],"b":1}'
 * ```
 *
 * @category hashing
 * @since 0.1.0
 */
export const canonical = (value: unknown): string => canonicalValue(value)

/**
 * The version of the hashed text: 2 is a fixed-order text per command kind (version 1, the
 * canonical JSON of the whole command, was dropped before the first release).
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 *
 * console.log(Entry.hashVersion) // 2
 * ```
 *
 * @category hashing
 * @since 0.2.0
 */
export const hashVersion = 2

/**
 * The text of a command in the hash chain and in idempotency checks: its kind, key, date, the
 * expected seq (when `withExpectedSeq`) and then the fields of its kind in a fixed order
 * (strings as JSON, a missing optional field as `-`), separated by `|`.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-01-05")
 * console.log(Entry.commandText({ _tag: "Earn", key: "e1", on, account: "ha", activity: "cleaning", approvedBy: ["sec"] }, true))
 * // Earn|"e1"|"2024-01-05"|-|"ha"|"cleaning"|-|["sec"]|-
 * ```
 *
 * @category hashing
 * @since 0.2.0
 */
export const commandText = (command: Command.Command, withExpectedSeq: boolean): string => {
  const expectedSeq = withExpectedSeq && command.expectedSeq !== undefined ? String(command.expectedSeq) : "-"
  const head = `${command._tag}|${valueText(command.key)}|${valueText(command.on)}|${expectedSeq}`
  const tag = command._tag
  return Object.hasOwn(kindTexts, tag) ? head + kindTexts[tag](command as never) : head
}

type Of<K extends Command.Kind> = Extract<Command.Command, { readonly _tag: K }>
const v = (value: unknown): string => valueText(value)

/** The fields of each kind, in the order of `internal/read.ts`'s `fields` (the known-answer vectors pin both). */
const kindTexts: { readonly [K in Command.Kind]: (c: Of<K>) => string } = {
  Open: (c) => `|${v(c.account)}|${holderText(c.holder)}`,
  Earn: (c) => `|${v(c.account)}|${v(c.activity)}|${v(c.minutes)}|${v(c.approvedBy)}|${v(c.note)}`,
  Redeem: (c) => `|${v(c.account)}|${v(c.item)}|${v(c.quantity)}`,
  Hold: (c) => `|${v(c.account)}|${v(c.item)}|${v(c.quantity)}`,
  Release: (c) => `|${v(c.hold)}`,
  Settle: (c) => `|${v(c.hold)}`,
  Adjust: (c) => `|${v(c.account)}|${v(c.amount)}|${v(c.reason)}|${v(c.approvedBy)}`,
  Reverse: (c) => `|${v(c.target)}|${v(c.reason)}`,
  Transfer: (c) => `|${v(c.from)}|${v(c.to)}|${v(c.amount)}`,
  Donate: (c) => `|${v(c.from)}|${v(c.amount)}`,
  Expire: () => ""
}

/**
 * The text an entry's hash is computed over: the hash version, the previous hash, the
 * sequence number, the command's text ({@link commandText}) and the postings.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const text = Entry.hashInput(Entry.genesis, 0, { _tag: "Expire", key: "k", on: CivilDate.makeUnsafe("2025-01-01") }, [])
 * console.log(text) // 2|0000000000000000000000000000000000000000000000000000000000000000|0|Expire|"k"|"2025-01-01"|-|
 * ```
 *
 * @category hashing
 * @since 0.1.0
 */
export const hashInput = (
  prevHash: string,
  seq: number,
  command: Command.Command,
  postings: ReadonlyArray<Posting>
): string => {
  let p = ""
  for (let i = 0; i < postings.length; i++) {
    const posting = postings[i]!
    p += `${i === 0 ? "" : ","}${quote(posting.account)}:${posting.amount}`
  }
  return `${hashVersion}|${prevHash}|${seq}|${commandText(command, true)}|${p}`
}

/**
 * The SHA-256 (hex) of an entry given the previous hash, with the given hasher (by default the
 * one chosen at start, `Hasher.detected`).
 *
 * @example
 * ```ts
 * import { Entry, Hasher } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const command = { _tag: "Expire", key: "k", on: CivilDate.makeUnsafe("2025-01-01") } as const
 * const hash = Entry.hashOf(Entry.genesis, 0, command, [])
 * console.log(hash === Entry.hashOf(Entry.genesis, 0, command, [], Hasher.noble())) // true
 * ```
 *
 * @category hashing
 * @since 0.1.0
 */
export const hashOf = (
  prevHash: string,
  seq: number,
  command: Command.Command,
  postings: ReadonlyArray<Posting>,
  hasher: Hasher.Hasher = Hasher.detected
): string => hasher.sha256Hex(hashInput(prevHash, seq, command, postings))

/**
 * The head of a journal: the sequence number and hash of its last entry (`seq` -1 and the
 * genesis hash for an empty journal; the hash is `""` in a journal without a hash chain).
 * Hosts publish it (in the public notice, in their store, to a second party): a chain checked
 * against a known head shows that no entry up to the head was changed, removed or appended
 * in a rewrite, which the chain alone cannot (see {@link verify}).
 *
 * @example
 * ```ts
 * import type { Entry } from "@gongzhi/points-ledger"
 *
 * const head: Entry.Head = { seq: 41, hash: "9f2c…" }
 * console.log(head.seq)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Head {
  readonly seq: number
  readonly hash: string
}

/**
 * The head of a list of entries (see {@link Head}).
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 *
 * console.log(Entry.headOf([])) // { seq: -1, hash: "0000000000000000000000000000000000000000000000000000000000000000" }
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const headOf = (entries: ReadonlyArray<Entry>, options?: { readonly hashChain?: boolean | undefined }): Head => {
  const last = entries[entries.length - 1]
  if (last === undefined) return { seq: -1, hash: options?.hashChain === false ? "" : genesis }
  return { seq: last.seq, hash: last.hash }
}

/**
 * The outcome of {@link verify}: the chain is intact (with its head), or the index of the
 * first broken entry and why: its `seq` is not its index, its `prevHash` does not match, its
 * `hash` does not match its content, its postings do not sum to zero, it cannot be read
 * (`malformed`), the entries stop before the known head (`truncated`), the entry at the known
 * head has another hash (`head`), or the journal value is a copy without its entries
 * (`detached`).
 *
 * @example
 * ```ts
 * import type { Entry } from "@gongzhi/points-ledger"
 *
 * const outcome: Entry.Verification = { _tag: "Broken", index: 3, reason: "hash" }
 * console.log(outcome._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Verification =
  | { readonly _tag: "Intact"; readonly length: number; readonly lastHash: string; readonly head: Head }
  | {
    readonly _tag: "Broken"
    readonly index: number
    readonly reason: "seq" | "prevHash" | "hash" | "unbalanced" | "malformed" | "truncated" | "head" | "detached"
  }

/**
 * What {@link verify} checks against: whether the entries carry a hash chain (default: yes;
 * without it, `prevHash` and `hash` must be empty and only sequence and balance are checked),
 * and a head known from elsewhere (published, stored apart) that the entries must reach and
 * match.
 *
 * @example
 * ```ts
 * import type { Entry } from "@gongzhi/points-ledger"
 *
 * const options: Entry.VerifyOptions = { head: { seq: 0, hash: "ab12…" } }
 * console.log(options.head?.seq)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface VerifyOptions {
  readonly hashChain?: boolean | undefined
  readonly head?: Head | undefined
  /**
   * The head of the entries before these, checked already (default: none, the chain starts at
   * the genesis): the first entry must have seq `after.seq + 1` and previous hash `after.hash`.
   * Lets a long journal be checked in parts, each from where the last one ended; the answer
   * (the broken entry's seq, or the length and head of the whole chain) is the one of the whole.
   */
  readonly after?: Head | undefined
  /** The SHA-256 function (default: `Hasher.detected`). */
  readonly hasher?: Hasher.Hasher | undefined
}

const broken = (index: number, reason: Extract<Verification, { _tag: "Broken" }>["reason"]): Verification => ({
  _tag: "Broken",
  index,
  reason
})

/**
 * Checks a chain of entries from the start (or from `options.after`, the head of the entries
 * before them) and returns the first broken one, if any, by its seq.
 *
 * What the chain proves: each entry's hash covers its content and the hash before it, so an
 * entry changed, removed or moved inside the list breaks the chain at that entry. What it
 * cannot prove alone: that entries were not cut off at the end (a shorter list is a valid
 * chain) or that the whole list was not rewritten with new hashes (SHA-256 is not a
 * signature: anyone can recompute it). Both are caught by checking against a head published
 * or stored apart (`options.head`): the entries must reach that head and have its hash there.
 *
 * @example
 * ```ts
 * import { Entry } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const command = { _tag: "Expire", key: "k", on: CivilDate.makeUnsafe("2025-01-01") } as const
 * const entry = { seq: 0, command, postings: [], prevHash: Entry.genesis, hash: Entry.hashOf(Entry.genesis, 0, command, []) }
 * console.log(Entry.verify([entry])._tag) // "Intact"
 * console.log(Entry.verify([{ ...entry, command: { ...command, key: "changed" } }])) // { _tag: "Broken", index: 0, reason: "hash" }
 * console.log(Entry.verify([], { head: { seq: 0, hash: entry.hash } })) // { _tag: "Broken", index: 0, reason: "truncated" }
 * console.log(Entry.verify([], { after: { seq: 0, hash: entry.hash } })._tag) // "Intact"
 * ```
 *
 * @category hashing
 * @since 0.1.0
 */
export const verify = (entries: ReadonlyArray<Entry>, options?: VerifyOptions): Verification => {
  const chained = options?.hashChain !== false
  const hasher = options?.hasher ?? Hasher.detected
  // the texts written straight into bytes when the hasher takes them (see internal/hashText.ts)
  const text = hasher.sha256HexOfUtf8 === undefined ? undefined : new HashText()
  const after = options?.after ?? { seq: -1, hash: chained ? genesis : "" }
  // the seq of entries[0]; a broken entry is named by its seq
  const base = after.seq + 1
  let prev = after.hash
  let i = 0
  try {
    const n = entries.length
    for (; i < n; i++) {
      const entry = entries[i]!
      if (entry.seq !== base + i) return broken(base + i, "seq")
      if (entry.prevHash !== prev) return broken(base + i, "prevHash")
      let sum = 0
      const postings = entry.postings
      for (let p = 0; p < postings.length; p++) sum += postings[p]!.amount
      if (sum !== 0) return broken(base + i, "unbalanced")
      const hash = !chained
        ? ""
        : text !== undefined
        ? hasher.sha256HexOfUtf8!(text.entry(prev, entry.seq, entry.command, postings))
        : hasher.sha256Hex(hashInput(prev, entry.seq, entry.command, postings))
      if (entry.hash !== hash) return broken(base + i, "hash")
      prev = hash
    }
  } catch {
    return broken(base + i, "malformed")
  }
  const last = base + entries.length - 1
  const head: Head = { seq: last, hash: prev }
  const known = options?.head
  if (known !== undefined) {
    if (known.seq > last) return broken(last + 1, "truncated")
    // a head before `after` is not among these entries: it cannot be shown to hold here
    const at = known.seq > after.seq
      ? entries[known.seq - base]!.hash
      : known.seq === after.seq || options?.after === undefined
      ? after.hash
      : undefined
    if (at !== known.hash) return broken(Math.max(0, known.seq), "head")
  }
  return { _tag: "Intact", length: last + 1, lastHash: prev, head }
}
