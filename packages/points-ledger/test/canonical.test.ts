/**
 * The hashed text against its plain reference (canonical.ts), byte for byte: `Entry.hashInput`
 * and `Entry.commandText` as texts, and the UTF-8 writer of the verification
 * (internal/hashText.ts) as bytes, after a previous hash given as text or as its 32 bytes, on generated commands of every kind with odd strings
 * (quotes, backslashes, control characters, non-ASCII, lone surrogates, empty), optional
 * fields absent, present and `undefined`, and values no command of the journal has (entries
 * from outside: fractions, `NaN`, lists of anything, unknown kinds). 10,000 runs of one command
 * of each kind by default (`LEDGER_CANONICAL_RUNS` for more).
 */
import { type Command, Entry, Hasher } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { HashText } from "../src/internal/hashText.js"
import * as Reference from "./canonical.js"

const runs = Number(process.env["LEDGER_CANONICAL_RUNS"] ?? 10_000)

const encoder = new TextEncoder()
const node = Hasher.node()!
const noble = Hasher.noble()

const odd = fc.constantFrom(
  "",
  "\"",
  "\\",
  "a\"b\\c",
  "\\\"",
  "居民",
  "\u2028",
  "\u007f",
  "\u0000\u001f",
  "\ud800",
  "\udc00x",
  "😀",
  "-",
  "|",
  "system:pool"
)
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\ud83d", "\ude00", "\"", "\\", "a"), maxLength: 6 }) },
  { weight: 3, arbitrary: odd }
)
const whole = fc.oneof(fc.integer(), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER))
// what only an entry from outside can carry where a string or a whole number is expected
const strange = fc.oneof(
  fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 2 ** 60, -1e-7, null, true, false),
  fc.array(fc.oneof(text, fc.integer(), fc.constant(null), fc.constant(undefined)), { maxLength: 3 }),
  fc.dictionary(text, fc.oneof(text, fc.integer()), { maxKeys: 2, noNullPrototype: true }),
  // no `toString`: a text cannot be made of it (both the reference and the writer throw)
  fc.dictionary(text, fc.integer(), { maxKeys: 1 })
)
const str = fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: strange })
const int = fc.oneof({ weight: 9, arbitrary: whole }, { weight: 1, arbitrary: strange })
const list = fc.oneof({ weight: 9, arbitrary: fc.array(text, { maxLength: 3 }) }, { weight: 1, arbitrary: strange })
/** An optional field: left out, present as `undefined`, or there. */
const optional = <A>(arb: fc.Arbitrary<A>) => fc.oneof(fc.constant("absent" as const), fc.constant(undefined), arb)

const command = (tag: unknown, fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ key: str, on: str, expectedSeq: optional(int), ...fields }).map((c) => {
    const out: Record<string, unknown> = { _tag: tag }
    for (const [k, v] of Object.entries(c)) if (v !== "absent") out[k] = v
    return out as unknown as Command.Command
  })

const holder = fc.oneof(
  { weight: 9, arbitrary: fc.record({ name: str, roles: list, member: optional(str), grid: optional(str) }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.constant(null), strange) }
).map((h) =>
  h !== null && typeof h === "object" && !Array.isArray(h)
    ? Object.fromEntries(Object.entries(h).filter(([, v]) => v !== "absent"))
    : h
)

/** One command of each kind (and one of a kind that is none of these). */
const commands = fc.tuple(
  command("Open", { account: str, holder }),
  command("Earn", {
    account: str,
    activity: str,
    minutes: optional(int),
    approvedBy: optional(list),
    note: optional(str)
  }),
  command("Redeem", { account: str, item: str, quantity: int }),
  command("Hold", { account: str, item: str, quantity: int }),
  command("Release", { hold: str }),
  command("Settle", { hold: str }),
  command("Adjust", { account: str, amount: int, reason: str, approvedBy: optional(list) }),
  command("Reverse", { target: str, reason: str }),
  command("Transfer", { from: str, to: str, amount: int }),
  command("Donate", { from: str, amount: int }),
  command("Expire", {}),
  fc.oneof(fc.constantFrom<unknown>("toString", "__proto__", "earn", "", "Earn ", 5, null), text).chain((tag) =>
    command(tag, { account: str })
  )
)
const postings = fc.array(
  fc.oneof(
    { weight: 9, arbitrary: fc.record({ account: text, amount: whole }) },
    { weight: 1, arbitrary: fc.record({ account: fc.oneof(text, strange), amount: fc.oneof(whole, strange) }) }
  ),
  { maxLength: 4 }
) as fc.Arbitrary<ReadonlyArray<Entry.Posting>>
const prevHash = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: text },
  // 64 characters that are not all ASCII (the writer copies 64 ASCII ones at once)
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom("a", "é", "居", "\ud800", "\"", "😀"), minLength: 64, maxLength: 64 })
  }
)
const seq = fc.oneof({ weight: 9, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constantFrom(1.5, -1, 2 ** 60) })

/** What a function gives, or that it throws (a verification reports the entry as malformed then). */
const outcome = <A>(f: () => A): A | "throws" => {
  try {
    return f()
  } catch {
    return "throws"
  }
}

/** Whether two byte arrays hold the same bytes (quicker than `toEqual`, which runs only when they differ). */
const same = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

describe("Entry", () => {
  describe("the hashed text against its plain reference", () => {
    it("is the same text, and the writer's bytes are its UTF-8, for every kind of command", () => {
      // one writer for all the runs: its buffer is written over from one entry to the next
      const writer = new HashText()
      let checked = 0
      fc.assert(
        fc.property(prevHash, seq, commands, postings, (prev, n, cs, ps) => {
          for (const c of cs) {
            checked++
            const expected = outcome(() => Reference.hashInput(prev, n, c, ps))
            const texts = [
              [outcome(() => Entry.hashInput(prev, n, c, ps)), expected],
              [outcome(() => Entry.commandText(c, true)), outcome(() => Reference.commandText(c, true))],
              [outcome(() => Entry.commandText(c, false)), outcome(() => Reference.commandText(c, false))]
            ] as const
            // `expect` only on a difference (10,000 runs of twelve commands: the plain comparison is quicker)
            for (const [actual, wanted] of texts) if (actual !== wanted) expect(actual).toBe(wanted)
            const bytes = outcome(() => writer.entry(prev, n, c, ps))
            if (expected === "throws" || bytes === "throws") {
              if (bytes !== expected) expect(bytes).toBe(expected)
              continue
            }
            const utf8 = encoder.encode(expected)
            if (!same(bytes, utf8)) expect([...bytes]).toEqual([...utf8])
          }
        }),
        { numRuns: runs }
      )
      // `runs` commands of each kind (and of an unknown one), none of them different
      expect(checked).toBe(12 * runs)
    }, 120_000)

    it("hashes the writer's bytes as the text is hashed, with both hashers", () => {
      const writer = new HashText()
      fc.assert(
        fc.property(prevHash, seq, commands, postings, (prev, n, cs, ps) => {
          for (const c of cs) {
            if (outcome(() => Reference.hashInput(prev, n, c, ps)) === "throws") continue
            const expected = node.sha256Hex(Reference.hashInput(prev, n, c, ps))
            expect(node.sha256HexOfUtf8!(writer.entry(prev, n, c, ps))).toBe(expected)
            expect(noble.sha256HexOfUtf8!(writer.entry(prev, n, c, ps))).toBe(expected)
            expect(noble.sha256Hex(Reference.hashInput(prev, n, c, ps))).toBe(expected)
          }
        }),
        { numRuns: Math.ceil(runs / 10) }
      )
    }, 60_000)

    it("writes the same bytes after a previous hash given as its 32 bytes (the verification's digests)", () => {
      const writer = new HashText()
      const digest = fc.uint8Array({ minLength: 32, maxLength: 32 })
      const numRuns = Math.ceil(runs / 5)
      let checked = 0
      fc.assert(
        fc.property(digest, seq, commands, postings, (prev, n, cs, ps) => {
          const prevHex = Array.from(prev, (b) => b.toString(16).padStart(2, "0")).join("")
          for (const c of cs) {
            checked++
            const expected = outcome(() => Reference.hashInput(prevHex, n, c, ps))
            const bytes = outcome(() => writer.entryAfter(prev, n, c, ps))
            if (expected === "throws" || bytes === "throws") {
              if (bytes !== expected) expect(bytes).toBe(expected)
              continue
            }
            const utf8 = encoder.encode(expected)
            if (!same(bytes, utf8)) expect([...bytes]).toEqual([...utf8])
            // and as `entry` writes it from the hash's text, one call after the other on one writer
            const again = writer.entry(prevHex, n, c, ps)
            if (!same(again, utf8)) expect([...again]).toEqual([...utf8])
          }
        }),
        { numRuns }
      )
      expect(checked).toBe(12 * numRuns)
    }, 60_000)

    it("grows its buffer for a long entry and keeps writing short ones after it", () => {
      const writer = new HashText()
      const expire = { _tag: "Expire", key: "x", on: "2025-01-01" } as unknown as Command.Command
      const many = Array.from({ length: 5000 }, (_, i) => ({ account: `居民${i}`, amount: -i }))
      const long = Reference.hashInput(Entry.genesis, 7, expire, many)
      expect(writer.entry(Entry.genesis, 7, expire, many)).toEqual(encoder.encode(long))
      expect(writer.entry(Entry.genesis, 8, expire, [])).toEqual(
        encoder.encode(Reference.hashInput(Entry.genesis, 8, expire, []))
      )
      // the previous hash from bytes after the buffer grew (it is written into the new buffer)
      const prev = Uint8Array.from({ length: 32 }, (_, i) => 255 - i)
      const prevHex = Array.from(prev, (b) => b.toString(16).padStart(2, "0")).join("")
      const grown = new HashText()
      expect(grown.entryAfter(prev, 9, expire, many)).toEqual(
        encoder.encode(Reference.hashInput(prevHex, 9, expire, many))
      )
      expect(grown.entryAfter(prev, 10, expire, [])).toEqual(
        encoder.encode(Reference.hashInput(prevHex, 10, expire, []))
      )
    })
  })
})
