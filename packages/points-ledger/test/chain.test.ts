/**
 * The hashes of appended entries with a hasher that takes bytes (the entry's text written
 * straight into UTF-8, internal/hashText.ts) and with a hasher of text only (the text made
 * by `Entry.hashInput`): on generated command sequences (test/sequences.ts, keys with odd
 * characters), appended one by one and in batches, and replayed from their entries, every
 * outcome and every hash is the same, and each hash is SHA-256 of the plain reference text
 * (test/canonical.ts). 300 sequences by default (`LEDGER_REFERENCE_RUNS` for more).
 */
import { type Command, type Entry, Hasher, Journal } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Reference from "./canonical.js"
import { codes, ok, open } from "./fixtures.js"
import { caseArb, commandOf, dateOf, members, type Op, setups } from "./sequences.js"

const runs = Number(process.env["LEDGER_REFERENCE_RUNS"] ?? 300)

const node = Hasher.node()!
const noble = Hasher.noble()
const textOnly: Hasher.Hasher = { name: "node:crypto", sha256Hex: node.sha256Hex }
const hashers = [node, noble, textOnly] as const

// keys are part of the hashed text: plain, non-ASCII, with quotes and backslashes, a lone surrogate
const prefixArb = fc.constantFrom("k", "居民-", "a\"b\\", "\u{1F600}", "\ud800", "\u0001")

/** What an outcome shows of itself: the codes of a rejection, or the entry's hash (and whether replayed). */
const shown = (r: ReturnType<typeof Journal.append>) =>
  r._tag === "Failure" ? codes(r) : [r.success.replayed, r.success.entry?.hash]

const referenceHashes = (entries: ReadonlyArray<Entry.Entry>): ReadonlyArray<string> => {
  const out: Array<string> = []
  let prev = "0".repeat(64)
  for (const e of entries) {
    prev = node.sha256Hex(Reference.hashInput(prev, e.seq, e.command, e.postings))
    out.push(prev)
  }
  return out
}

const sequence = (
  setupIndex: number,
  steps: ReadonlyArray<readonly [Op, number, number | null]>,
  prefix: string,
  size: number
) => {
  // every setup with its chain (the one without is the same rules)
  const setup = { ...setups[setupIndex]!, hashChain: true }
  const activities = setup.scheme.activities.map((a) => a.id)
  const opens = members.map((m) => open(m, `成员${m}`, "2024-01-01", ["resident", "partyMember"]))
  const journals = hashers.map((hasher) => ok(Journal.appendAll(Journal.make({ ...setup, hasher }), opens)).journal)
  const commands: Array<Command.Command> = [...opens]
  const issued: Array<Command.Command> = []
  let day = 0
  let n = 0
  for (const [op, advance, expectedSeq] of steps) {
    day = Math.max(0, day + advance)
    const command = commandOf(op, expectedSeq, {
      key: `${prefix}${n++}`,
      on: dateOf(day),
      length: journals[0]!.length,
      activities,
      issued
    })
    if (command === undefined) continue
    const outcomes = journals.map((j) => Journal.append(j, command))
    const first = shown(outcomes[0]!)
    for (let h = 1; h < hashers.length; h++) expect(shown(outcomes[h]!)).toEqual(first)
    outcomes.forEach((r, h) => {
      if (r._tag === "Success") journals[h] = r.success.journal
    })
    const r = outcomes[0]!
    if (r._tag === "Success") {
      commands.push(command)
      if (r.success.entry !== undefined && !r.success.replayed) issued.push(command)
    }
  }
  const entries = Journal.entries(journals[0]!)
  const hashes = entries.map((e) => e.hash)
  expect(hashes).toEqual(referenceHashes(entries))
  for (let h = 1; h < hashers.length; h++) expect(Journal.entries(journals[h]!).map((e) => e.hash)).toEqual(hashes)
  for (const hasher of hashers) {
    // the commands accepted, in batches of `size`
    let batched = Journal.make({ ...setup, hasher })
    for (let i = 0; i < commands.length; i += size) {
      batched = ok(Journal.appendAll(batched, commands.slice(i, i + size))).journal
    }
    expect(Journal.entries(batched).map((e) => e.hash)).toEqual(hashes)
    // a replay from the entries (every command run again, each hash made again and compared)
    const replayed = ok(Journal.replay({ ...setup, hasher }, entries))
    expect(Journal.lastHash(replayed)).toBe(hashes[hashes.length - 1])
    expect(Journal.verify(replayed)._tag).toBe("Intact")
  }
}

describe("Journal", () => {
  describe("the chain with a hasher of bytes and one of text", () => {
    it(`gives the same hashes, those of the plain reference text (${runs} sequences)`, () => {
      let sequences = 0
      fc.assert(
        fc.property(caseArb, prefixArb, fc.integer({ min: 1, max: 12 }), ([s, steps], prefix, size) => {
          sequence(s, steps, prefix, size)
          sequences++
        }),
        { numRuns: runs }
      )
      expect(sequences).toBe(runs)
    }, 600_000)

    it("tells a tampered stored hash apart with either hasher", () => {
      const setup = { ...setups[0]!, hashChain: true }
      const opens = members.map((m) => open(m, `成员${m}`, "2024-01-01", ["resident", "partyMember"]))
      for (const hasher of hashers) {
        const entries = Journal.entries(ok(Journal.appendAll(Journal.make({ ...setup, hasher }), opens)).journal)
        const tampered = entries.map((
          e,
          i
        ) => (i === 1 ? { ...e, hash: e.hash.replace(/^./, (c) => c === "0" ? "1" : "0") } : e))
        expect(Journal.replay({ ...setup, hasher }, tampered)._tag).toBe("Failure")
      }
    })
  })
})
