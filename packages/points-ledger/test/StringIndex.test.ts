import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { StringIndex } from "../src/internal/StringIndex.js"

describe("StringIndex (the journal's key and account index)", () => {
  it("answers like a Map for any keys, through growth and hash collisions", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), fc.array(fc.string({ maxLength: 6 })), (keys, probes) => {
        const stored: Array<string> = []
        const index = new StringIndex((slot) => stored[slot]!, 1)
        const model = new Map<string, number>()
        for (const key of keys) {
          if (model.has(key)) continue
          model.set(key, stored.length)
          index.add(key, stored.length)
          stored.push(key)
        }
        expect(index.size).toBe(model.size)
        for (const key of [...keys, ...probes]) expect(index.get(key)).toBe(model.get(key) ?? -1)
      }),
      { numRuns: 200 }
    )
  })

  it("keeps a million keys apart", () => {
    const stored: Array<string> = []
    const index = new StringIndex((slot) => stored[slot]!)
    for (let i = 0; i < 1_000_000; i++) {
      stored.push(`t${i}`)
      index.add(`t${i}`, i)
    }
    expect(index.get("t0")).toBe(0)
    expect(index.get("t999999")).toBe(999_999)
    expect(index.get("t1000000")).toBe(-1)
    expect(index.get("")).toBe(-1)
  })
})
