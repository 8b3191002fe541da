import { KeyIndex } from "@gongzhi/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

describe("KeyIndex", () => {
  it("answers like a Map for any keys, through growth", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }),
        fc.array(fc.string({ maxLength: 6 })),
        (keys, probes) => {
          const stored: Array<string> = []
          const index = KeyIndex.make((slot) => stored[slot]!, 1)
          const model = new Map<string, number>()
          for (const key of keys) {
            if (model.has(key)) continue
            model.set(key, stored.length)
            stored.push(key)
            expect(index.add(key, stored.length - 1)).toBeUndefined()
          }
          expect(index.size).toBe(model.size)
          for (const key of [...keys, ...probes]) {
            expect(index.get(key)).toBe(model.get(key))
            expect(index.has(key)).toBe(model.has(key))
          }
          // adding a key again records nothing and names the slot recorded first
          for (const key of keys) expect(index.add(key, 99_999)).toBe(model.get(key))
          expect(index.size).toBe(model.size)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("adds in bulk exactly as one by one, with duplicates, look-ups only and skipped slots", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("a", "b", "c", "d", "id-149599", "id-312382", "e", "f"),
            fc.constantFrom(0, 1, 1, 2)
          ),
          { maxLength: 300 }
        ),
        (rows) => {
          const keys = rows.map(([key]) => key)
          const modes = Uint8Array.from(rows.map(([, mode]) => mode))
          const one = KeyIndex.make((slot) => keys[slot]!)
          const expected = rows.map(([key, mode], slot) =>
            mode === 0 ? -1 : (mode === 1 ? one.add(key, slot) : one.get(key)) ?? -1
          )
          const bulk = KeyIndex.make((slot) => keys[slot]!)
          const asked: Array<number> = []
          const firsts = bulk.addAll(keys.length, (slot) => {
            asked.push(slot)
            return modes[slot] as 0 | 1 | 2
          })
          expect(Array.from(firsts)).toEqual(expected)
          expect(asked).toEqual(keys.map((_, slot) => slot))
          expect(bulk.size).toBe(one.size)
          for (const key of new Set(keys)) expect(bulk.get(key)).toBe(one.get(key))
        }
      ),
      { numRuns: 300 }
    )
  })

  it("adds a million keys in bulk, across table regions", () => {
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `p${i % 700_000}`)
    const index = KeyIndex.make((slot) => keys[slot]!, 1000)
    const firsts = index.addAll(keys.length)
    expect(index.size).toBe(700_000)
    expect([firsts[0], firsts[699_999], firsts[700_000], firsts[999_999]]).toEqual([-1, -1, 0, 299_999])
    expect(index.get("p123456")).toBe(123_456)
    expect(() => index.addAll(-1)).toThrow(RangeError)
  })

  it("keeps a million keys apart", () => {
    const stored: Array<string> = []
    const index = KeyIndex.make((slot) => stored[slot]!)
    for (let i = 0; i < 1_000_000; i++) {
      stored.push(`t${i}`)
      index.add(`t${i}`, i)
    }
    expect(index.size).toBe(1_000_000)
    expect(index.get("t0")).toBe(0)
    expect(index.get("t999999")).toBe(999_999)
    expect(index.get("t1000000")).toBeUndefined()
    expect(index.get("")).toBeUndefined()
  })

  it("tells apart two keys with the same 32-bit hash", () => {
    // "id-149599" and "id-312382" hash alike (found by a birthday search over id-0 … id-312382)
    const stored = ["id-149599", "id-312382"]
    const index = KeyIndex.make((slot) => stored[slot]!)
    expect(index.add("id-149599", 0)).toBeUndefined()
    expect(index.get("id-312382")).toBeUndefined()
    expect(index.add("id-312382", 1)).toBeUndefined()
    expect([index.get("id-149599"), index.get("id-312382"), index.size]).toEqual([0, 1, 2])
  })

  it("never records nor finds a key that is not a string", () => {
    const keys: Array<unknown> = [null, 7, "x"]
    const index = KeyIndex.make((slot) => keys[slot] as string)
    expect(index.add(null as never, 0)).toBeUndefined()
    expect(index.add(7 as never, 1)).toBeUndefined()
    expect(index.size).toBe(0)
    expect(index.get(null as never)).toBeUndefined()
    expect(Array.from(index.addAll(3))).toEqual([-1, -1, -1])
    expect([index.size, index.get("x"), index.has(7 as never)]).toEqual([1, 2, false])
  })

  it("refuses slots a typed array cannot hold", () => {
    const index = KeyIndex.make(() => "x")
    expect(() => index.add("x", -1)).toThrow(RangeError)
    expect(() => index.add("x", 2 ** 31)).toThrow(RangeError)
    expect(() => index.add("x", 1.5)).toThrow(RangeError)
    expect(index.size).toBe(0)
  })
})
