/** The column of hashes as bytes against a plain array of the same strings. */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { HashColumn } from "../src/internal/hashes.js"

const hex = fc.stringMatching(/^[0-9a-f]{64}$/)
const hashArb = fc.oneof(
  { weight: 8, arbitrary: hex },
  // what only an entry from outside can carry: upper case, the wrong length, anything
  { weight: 1, arbitrary: hex.map((h) => h.toUpperCase()) },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) }
)

describe("Journal", () => {
  describe("hash column", () => {
    it("gives back every hash pushed, tells equal ones, and forgets the ones cut off", () => {
      fc.assert(
        fc.property(fc.array(hashArb, { maxLength: 40 }), fc.nat(), (hashes, cut) => {
          const column = new HashColumn()
          for (const h of hashes) column.push(h)
          expect(hashes.map((_, seq) => column.at(seq))).toEqual(hashes)
          hashes.forEach((h, seq) => {
            expect(column.is(seq, h)).toBe(true)
            expect(column.is(seq, h === "0".repeat(64) ? "1".repeat(64) : "0".repeat(64))).toBe(false)
            // any other text is not the hash: another one of the list, the same in upper case
            for (const other of [...hashes, h.toUpperCase()]) expect(column.is(seq, other)).toBe(other === h)
          })
          const n = hashes.length === 0 ? 0 : cut % hashes.length
          column.truncate(n)
          const more = "ab".repeat(32)
          column.push(more)
          expect(column.length).toBe(n + 1)
          expect(column.at(n)).toBe(more)
          expect(Array.from({ length: n }, (_, seq) => column.at(seq))).toEqual(hashes.slice(0, n))
        })
      )
    })

    it("spans chunks (65,536 hashes each)", () => {
      const column = new HashColumn()
      const hashOf = (i: number) => i.toString(16).padStart(64, "0")
      for (let i = 0; i < 70_000; i++) column.push(hashOf(i))
      expect([0, 65_535, 65_536, 69_999].map((i) => column.at(i))).toEqual([0, 65_535, 65_536, 69_999].map(hashOf))
      column.truncate(65_536)
      column.push(hashOf(1))
      expect(column.at(65_536)).toBe(hashOf(1))
    })
  })
})
