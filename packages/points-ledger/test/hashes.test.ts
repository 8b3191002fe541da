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

    it("tells a digest given as bytes that is the hash, and finds one byte changed at any place (against a plain comparison of texts)", () => {
      const bytesOf = (h: string) =>
        Uint8Array.from({ length: 32 }, (_, i) => Number.parseInt(h.slice(2 * i, 2 * i + 2), 16))
      const hexOf = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
      fc.assert(
        fc.property(
          fc.array(hashArb, { maxLength: 20 }),
          fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 5 }),
          fc.integer({ min: 1, max: 255 }),
          (hashes, others, flip) => {
            const column = new HashColumn()
            for (const h of hashes) column.push(h)
            hashes.forEach((h, seq) => {
              // the plain reference: the digest's hex is the hash's text
              for (const digest of [...others, ...hashes.filter((o) => /^[0-9a-f]{64}$/.test(o)).map(bytesOf)]) {
                expect(column.isDigest(seq, digest)).toBe(hexOf(digest) === h)
              }
              if (!/^[0-9a-f]{64}$/.test(h)) {
                // a hash kept apart (upper case, another length) is no digest's, not even of its own digits
                if (/^[0-9a-fA-F]{64}$/.test(h)) expect(column.isDigest(seq, bytesOf(h.toLowerCase()))).toBe(false)
                return
              }
              const digest = bytesOf(h)
              expect(column.isDigest(seq, digest)).toBe(true)
              for (let at = 0; at < 32; at++) {
                const changed = Uint8Array.from(digest)
                changed[at] = changed[at]! ^ flip
                expect(column.isDigest(seq, changed)).toBe(false)
              }
            })
          }
        )
      )
    })

    it("spans chunks (65,536 hashes each)", () => {
      const column = new HashColumn()
      const hashOf = (i: number) => i.toString(16).padStart(64, "0")
      for (let i = 0; i < 70_000; i++) column.push(hashOf(i))
      expect([0, 65_535, 65_536, 69_999].map((i) => column.at(i))).toEqual([0, 65_535, 65_536, 69_999].map(hashOf))
      const digestOf = (i: number) =>
        Uint8Array.from({ length: 32 }, (_, k) => (k < 28 ? 0 : (i >>> (8 * (31 - k))) & 255))
      expect([0, 65_535, 65_536, 69_999].map((i) => column.isDigest(i, digestOf(i)))).toEqual([true, true, true, true])
      expect(column.isDigest(65_536, digestOf(65_535))).toBe(false)
      column.truncate(65_536)
      column.push(hashOf(1))
      expect(column.at(65_536)).toBe(hashOf(1))
      expect(column.isDigest(65_536, digestOf(1))).toBe(true)
    })
  })
})
