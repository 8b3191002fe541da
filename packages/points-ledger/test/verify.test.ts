/**
 * `Journal.verify` (the journal's own columns, src/internal/verify.ts) against a plain
 * verification of its entries: each hash made again from the plain reference text
 * (test/canonical.ts) with `sha256Hex` and compared as text. Journals loaded with
 * `{ trusted: true }` keep the hashes they are given without recomputing them, so a changed
 * command or hash that keeps the chain linked reaches `verify`: every such change is found at
 * its entry, with the reason the plain verification gives, with each way of hashing — digests
 * as bytes (`sha256OfUtf8Into`: node:crypto and noble), hex of bytes (`sha256HexOfUtf8` only)
 * and text only.
 */
import { type Command, type Entry, Hasher, Journal } from "@gongzhi/points-ledger"
import { describe, expect, it } from "vitest"
import * as Reference from "./canonical.js"
import { base, earn, ok, open, setup } from "./fixtures.js"
import { vectorCommands, vectorSetup } from "./vectors/commands.js"

const node = Hasher.node()!
const noble = Hasher.noble()
const hexOfBytes: Hasher.Hasher = {
  name: "node:crypto",
  sha256Hex: node.sha256Hex,
  sha256HexOfUtf8: node.sha256HexOfUtf8
}
const textOnly: Hasher.Hasher = { name: "node:crypto", sha256Hex: node.sha256Hex }
const hashers = [node, noble, hexOfBytes, textOnly] as const

/** The plain verification of a journal's entries from the genesis: the first broken entry and why, or the last hash. */
const plainVerify = (entries: ReadonlyArray<Entry.Entry>): Entry.Verification => {
  let prev = "0".repeat(64)
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!
    if (e.postings.reduce((sum, p) => sum + p.amount, 0) !== 0) {
      return { _tag: "Broken", index: i, reason: "unbalanced" }
    }
    let hash: string
    try {
      hash = node.sha256Hex(Reference.hashInput(prev, i, e.command, e.postings))
    } catch {
      return { _tag: "Broken", index: i, reason: "malformed" }
    }
    if (hash !== e.hash) return { _tag: "Broken", index: i, reason: "hash" }
    prev = hash
  }
  return { _tag: "Intact", length: entries.length, lastHash: prev, head: { seq: entries.length - 1, hash: prev } }
}

/** Changes of one stored entry that a trusted load keeps (its command is not read again, its hash not made again). */
const changes: ReadonlyArray<readonly [string, (e: Entry.Entry) => Entry.Entry]> = [
  ["key", (e) => ({ ...e, command: { ...e.command, key: `${e.command.key}x` } })],
  ["key (non-ASCII)", (e) => ({ ...e, command: { ...e.command, key: `${e.command.key}居"\\` } })],
  ["expectedSeq", (e) => ({ ...e, command: { ...e.command, expectedSeq: e.seq } })],
  ["note", (e) => (e.command._tag === "Earn" ? { ...e, command: { ...e.command, note: "改" } } : e)],
  ["reason", (e) => ("reason" in e.command ? { ...e, command: { ...e.command, reason: `${e.command.reason}.` } } : e)],
  ["hash", (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === "0" ? "1" : "0")) })],
  ["hash, last digit", (e) => ({ ...e, hash: e.hash.replace(/.$/, (c) => (c === "0" ? "1" : "0")) })],
  ["hash in upper case", (e) => ({ ...e, hash: e.hash.toUpperCase() })]
]

/** The entries with entry `i` changed, and the next entry linked to its (changed) hash so that the chain stays linked. */
const changedAt = (
  entries: ReadonlyArray<Entry.Entry>,
  i: number,
  change: (e: Entry.Entry) => Entry.Entry
): ReadonlyArray<Entry.Entry> => {
  const out = [...entries]
  out[i] = change(entries[i]!)
  if (i + 1 < out.length) out[i + 1] = { ...out[i + 1]!, prevHash: out[i]!.hash }
  return out
}

/**
 * Six residents' cleanings over half a year: 78 entries, more than two of the blocks in which the
 * verification reads its entries ahead (32), so that a change is found in every place of a block.
 */
const halfYear = (): Journal.Journal => {
  const accounts = ["a", "b", "c", "d", "e", "f"]
  const commands: Array<Command.Command> = accounts.map((account) => open(account, `居民${account}`))
  for (let month = 1; month <= 6; month++) {
    for (const day of ["03", "04"]) {
      for (const account of accounts) commands.push(earn(account, "cleaning", `2024-0${month}-${day}`))
    }
  }
  return ok(Journal.appendAll(Journal.make(setup), commands)).journal
}

/** A journal, and the entries changed in it (all of them, or the ends of its blocks: each change replays the journal). */
const journals: ReadonlyArray<
  readonly [string, Journal.Setup, ReadonlyArray<Entry.Entry>, ReadonlyArray<number> | undefined]
> = [
  ["every kind of command", vectorSetup,
    Journal.entries(ok(Journal.appendAll(Journal.make(vectorSetup), vectorCommands)).journal), undefined],
  ["earnings", setup, Journal.entries(base()), undefined],
  ["more than two blocks of entries", setup, Journal.entries(halfYear()), [0, 1, 30, 31, 32, 33, 63, 64, 65, 76, 77]]
]

describe("Journal", () => {
  describe("verify", () => {
    it("finds every change a trusted load keeps, at its entry and for the reason the plain verification gives", () => {
      for (const [, setupOf, entries, at] of journals) {
        expect(plainVerify(entries)._tag).toBe("Intact")
        const indexes = at ?? entries.map((e) => e.seq)
        let found = 0
        for (const i of indexes) {
          for (const [name, change] of changes) {
            const changed = changedAt(entries, i, change)
            if (JSON.stringify(changed[i]) === JSON.stringify(entries[i])) continue // nothing to change
            const expected = plainVerify(changed)
            expect(expected, `${name} at ${i}`).toEqual({ _tag: "Broken", index: i, reason: "hash" })
            for (const hasher of hashers) {
              const loaded = Journal.replay({ ...setupOf, hasher }, changed, { trusted: true })
              // a change the trusted load refuses (a key used twice, an expected seq that is not the entry's) is not its to keep
              if (loaded._tag === "Failure") continue
              found++
              expect(Journal.verify(loaded.success), `${name} at ${i}, ${hasher.name}`).toEqual(expected)
            }
          }
        }
        expect(found).toBeGreaterThan(indexes.length * 4)
      }
    })

    it("gives the head and last hash of the plain verification, with every way of hashing", () => {
      for (const [, setupOf, entries] of journals) {
        const expected = plainVerify(entries)
        for (const hasher of hashers) {
          const journal = ok(Journal.replay({ ...setupOf, hasher }, entries))
          expect(Journal.verify(journal)).toEqual(expected)
          const last = entries[entries.length - 1]!
          expect(Journal.verify(journal, { head: { seq: last.seq, hash: last.hash } })).toEqual(expected)
          expect(Journal.verify(Journal.make({ ...setupOf, hasher }))).toEqual({
            _tag: "Intact",
            length: 0,
            lastHash: "0".repeat(64),
            head: { seq: -1, hash: "0".repeat(64) }
          })
        }
      }
    })
  })
})
