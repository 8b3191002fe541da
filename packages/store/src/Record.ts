/**
 * A record of a stream: its stream id, its sequence number, a type, a JSON payload, an
 * optional idempotency key, the time it was recorded and its hash, which chains it to the
 * record before it. The store computes the hash; `Record.hashOf` lets anyone check it.
 *
 * @since 0.2.0
 */
import { Issue, ValidationReport } from "@gongzhi/core"
import { Hasher } from "@gongzhi/points-ledger"
import * as Result from "effect/Result"
import { messages } from "./Messages.js"

/**
 * A stored record.
 *
 * @example
 * ```ts
 * import type { Record } from "@gongzhi/store"
 *
 * const record: Record.Record = {
 *   stream: "wish/w-1", seq: 0, type: "Posted", payload: { on: "2024-03-04" },
 *   key: undefined, recordedAt: 0, hash: "…"
 * }
 * console.log(record.seq) // 0
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Record {
  readonly stream: string
  /** The position in the stream, from 0. */
  readonly seq: number
  readonly type: string
  /** The payload as a JSON value (as parsed back from its canonical JSON). */
  readonly payload: unknown
  /** The idempotency key, unique in its stream. */
  readonly key: string | undefined
  /** Milliseconds since the epoch. */
  readonly recordedAt: number
  /** SHA-256 (hex) of the previous record's hash and this record's fields. */
  readonly hash: string
}

/**
 * A record to append: a type, a JSON payload and an optional idempotency key.
 *
 * @example
 * ```ts
 * import type { Record } from "@gongzhi/store"
 *
 * const next: Record.Input = { type: "Claimed", payload: { unit: "unit-07" }, key: "claim-07" }
 * console.log(next.type) // Claimed
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Input {
  readonly type: string
  readonly payload: unknown
  readonly key?: string | undefined
}

/**
 * The hash before the first record of every stream: 64 zeros.
 *
 * @example
 * ```ts
 * import { Record } from "@gongzhi/store"
 *
 * console.log(Record.genesis.length) // 64
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const genesis = "0".repeat(64)

/**
 * The canonical JSON of a JSON value (object keys sorted, no spaces), or every place where the
 * value is not JSON (functions, `undefined`, non-finite numbers, bigints, symbols, holes in
 * arrays, cycles, throwing getters): two equal payloads always have the same text.
 *
 * @example
 * ```ts
 * import { Record } from "@gongzhi/store"
 *
 * const text = Record.canonical({ b: 1, a: [true, "x"] })
 * if (text._tag === "Success") console.log(text.success) // {"a":[true,"x"],"b":1}
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const canonical = (
  value: unknown,
  path: Issue.Path = []
): Result.Result<string, ValidationReport.ValidationReport> => {
  const quick = fast(value)
  if (quick !== undefined) return Result.succeed(quick)
  const issues: Array<Issue.DomainIssue> = []
  const seen = new Set<object>()
  // the path of the value being read, kept as a stack: copied only when an issue is made
  const stack: Array<string | number> = []
  const bad = (actual: string) =>
    issues.push(messages.make("STORE_PAYLOAD_NOT_JSON", { path: [...path, ...stack], params: { actual } }))
  const go = (v: unknown): string => {
    if (typeof v === "string") return JSON.stringify(v)
    if (typeof v === "boolean") return v ? "true" : "false"
    if (v === null) return "null"
    if (typeof v === "number") {
      if (Number.isFinite(v)) return JSON.stringify(v)
      bad(String(v))
      return "null"
    }
    if (typeof v !== "object") {
      bad(typeof v)
      return "null"
    }
    if (seen.has(v)) {
      bad("cycle")
      return "null"
    }
    seen.add(v)
    try {
      if (Array.isArray(v)) {
        let out = "["
        const length = v.length
        for (let i = 0; i < length; i++) {
          stack.push(i)
          if (!Object.hasOwn(v, i)) bad("hole")
          else out += (i === 0 ? "" : ",") + go(v[i])
          stack.pop()
        }
        return `${out}]`
      }
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) {
        bad("object of a class")
        return "null"
      }
      const keys = Object.keys(v).sort()
      let out = "{"
      let first = true
      for (const key of keys) {
        const field = (v as { readonly [k: string]: unknown })[key]
        if (field === undefined) continue
        stack.push(key)
        out += `${first ? "" : ","}${JSON.stringify(key)}:${go(field)}`
        stack.pop()
        first = false
      }
      return `${out}}`
    } catch {
      bad("unreadable")
      return "null"
    } finally {
      seen.delete(v)
    }
  }
  const text = go(value)
  return issues.length > 0 ? Result.fail(ValidationReport.make(issues)) : Result.succeed(text)
}

// The fast path of `canonical`, for what payloads are (plain objects and arrays of strings,
// finite numbers, booleans and null, nested a few levels): one pass, no path stack, no cycle
// set (a depth bound instead), keys sorted only when they are not in order already. Anything
// else (a hole, a non-finite number, a class instance, undefined in an array, a throwing
// getter, deep nesting) answers `undefined` and the careful path above decides, with its
// issues. Differential property test against a plain reference: test/Record.test.ts.
const fastDepth = 32

const fast = (value: unknown): string | undefined => {
  try {
    // first a clean copy with its keys in order, written by the engine's own JSON.stringify;
    // a value with integer-like keys (listed first by JavaScript whatever their order) or
    // `__proto__` goes to the one-pass writer below
    const copy = copyGo(value, 0)
    return copy === notCopied ? fastGo(value, 0) : JSON.stringify(copy)
  } catch {
    return undefined
  }
}

const notCopied: unique symbol = Symbol("notCopied")

// a key JavaScript lists before the others (an array index): 0, 1, … 4294967294
const indexLike = (key: string): boolean => {
  const c = key.charCodeAt(0)
  if (c < 48 || c > 57) return false
  return /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295
}

/**
 * A copy of a JSON value read once (plain objects with their keys in sorted order, fields
 * that are `undefined` left out), or `notCopied` where the engine's JSON.stringify of a copy
 * would not be the canonical text or the careful path must decide.
 */
const copyGo = (v: unknown, depth: number): unknown => {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v
    case "number":
      return Number.isFinite(v) ? v : notCopied
    case "object": {
      if (v === null) return null
      if (depth >= fastDepth) return notCopied
      if (Array.isArray(v)) {
        const length = v.length
        const out = new Array<unknown>(length)
        for (let i = 0; i < length; i++) {
          if (!(i in v)) return notCopied
          const item = copyGo(v[i], depth + 1)
          if (item === notCopied || item === undefined) return notCopied
          out[i] = item
        }
        return out
      }
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) return notCopied
      let keys = Object.keys(v)
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1]! >= keys[i]!) {
          keys = keys.sort()
          break
        }
      }
      const out: { [k: string]: unknown } = {}
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        if (key === "__proto__" || indexLike(key)) return notCopied
        const field = (v as { readonly [k: string]: unknown })[key]
        if (field === undefined) continue
        const item = copyGo(field, depth + 1)
        if (item === notCopied || item === undefined) return notCopied
        out[key] = item
      }
      return out
    }
    default:
      return notCopied
  }
}

const fastGo = (v: unknown, depth: number): string | undefined => {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v)
    case "boolean":
      return v ? "true" : "false"
    case "number":
      return Number.isFinite(v) ? JSON.stringify(v) : undefined
    case "object": {
      if (v === null) return "null"
      if (depth >= fastDepth) return undefined
      if (Array.isArray(v)) {
        const length = v.length
        let out = "["
        for (let i = 0; i < length; i++) {
          if (!(i in v)) return undefined
          const item = fastGo(v[i], depth + 1)
          if (item === undefined) return undefined
          out += i === 0 ? item : `,${item}`
        }
        return `${out}]`
      }
      const proto = Object.getPrototypeOf(v)
      if (proto !== Object.prototype && proto !== null) return undefined
      let keys = Object.keys(v)
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1]! >= keys[i]!) {
          keys = keys.sort()
          break
        }
      }
      let out = "{"
      let first = true
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        const field = (v as { readonly [k: string]: unknown })[key]
        if (field === undefined) continue
        const text = fastGo(field, depth + 1)
        if (text === undefined) return undefined
        out += `${first ? "" : ","}${JSON.stringify(key)}:${text}`
        first = false
      }
      return `${out}}`
    }
    default:
      return undefined
  }
}

/**
 * The text a record's hash is computed over: the previous hash, then the canonical JSON of
 * the stream id, seq, type, key (or null), recording time and the payload's canonical JSON.
 *
 * @example
 * ```ts
 * import { Record } from "@gongzhi/store"
 *
 * console.log(Record.hashInput(Record.genesis, { stream: "s", seq: 0, type: "T", key: undefined, recordedAt: 0 }, "{}"))
 * // 0000000000000000000000000000000000000000000000000000000000000000\n["s",0,"T",null,0,"{}"]
 * ```
 *
 * @category hashing
 * @since 0.2.0
 */
export const hashInput = (
  prevHash: string,
  fields: Pick<Record, "stream" | "seq" | "type" | "key" | "recordedAt">,
  payloadText: string
): string =>
  // the text of JSON.stringify([stream, seq, type, key ?? null, recordedAt, payloadText]),
  // written element by element (no array made and walked for every record)
  `${prevHash}\n[${item(fields.stream)},${item(fields.seq)},${item(fields.type)},${
    fields.key == null ? "null" : item(fields.key)
  },${item(fields.recordedAt)},${item(payloadText)}]`

// one element of a JSON array: what JSON.stringify writes for it inside an array
const item = (value: unknown): string => JSON.stringify(value) ?? "null"

/**
 * The hash of a record: SHA-256 (hex) of {@link hashInput} (node:crypto where there is one,
 * `@noble/hashes` in browsers: points-ledger's `Hasher`).
 *
 * @example
 * ```ts
 * import { Record } from "@gongzhi/store"
 *
 * const hash = Record.hashOf(Record.genesis, { stream: "s", seq: 0, type: "T", key: undefined, recordedAt: 0 }, "{}")
 * console.log(hash.length) // 64
 * ```
 *
 * @category hashing
 * @since 0.2.0
 */
export const hashOf = (
  prevHash: string,
  fields: Pick<Record, "stream" | "seq" | "type" | "key" | "recordedAt">,
  payloadText: string
): string => Hasher.detected.sha256Hex(hashInput(prevHash, fields, payloadText))

/**
 * The hash of a text (SHA-256, hex), as used for snapshots.
 *
 * @example
 * ```ts
 * import { Record } from "@gongzhi/store"
 *
 * console.log(Record.digest("")) // e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
 * ```
 *
 * @category hashing
 * @since 0.2.0
 */
export const digest = (text: string): string => Hasher.detected.sha256Hex(text)
