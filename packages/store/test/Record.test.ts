import { Record } from "@gongzhi/store"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

// The plain reference: JSON.stringify for scalars, keys sorted by hand for objects (an object
// rebuilt with sorted keys would not do: JavaScript lists integer-like keys first).
const reference = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(reference).join(",")}]`
    : v !== null && typeof v === "object"
    ? `{${
      Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${reference((v as { readonly [k: string]: unknown })[k])}`)
        .join(",")
    }}`
    : JSON.stringify(v)

describe("Record", () => {
  describe("canonical", () => {
    it("is JSON with sorted keys, for any JSON value (differential against the plain reference)", () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const text = Record.canonical(value)
          expect(text).toEqual(Result.succeed(reference(value)))
        }),
        { numRuns: 500 }
      )
    })

    it("takes its fast path and its careful path to the same text (objects with keys out of order, integer-like keys, deep nesting)", () => {
      const key = fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 20 }).map(String))
      const tree = fc.letrec((tie) => ({
        node: fc.oneof(
          { depthSize: "small" },
          fc.jsonValue({ maxDepth: 1 }),
          fc.array(tie("node"), { maxLength: 4 }),
          fc.dictionary(key, tie("node"), { maxKeys: 5 })
        )
      })).node
      fc.assert(
        fc.property(tree, fc.nat({ max: 40 }), (value, depth) => {
          // nested deeper than the fast path goes: the careful path answers
          let deep: unknown = value
          for (let i = 0; i < depth; i++) deep = { d: deep }
          expect(Record.canonical(deep)).toEqual(Result.succeed(reference(deep)))
        }),
        { numRuns: 300 }
      )
    })

    it("writes integer-like keys, __proto__ keys and undefined fields as the plain reference does", () => {
      const values: ReadonlyArray<unknown> = [
        JSON.parse("{\"__proto__\":{\"b\":1,\"a\":2},\"z\":[1,{\"y\":null,\"x\":\"\\u0000\"}]}"),
        { b: 1, 10: "ten", 9: "nine", a: { 2: true, 1: false } },
        { b: undefined, a: [{ d: undefined, c: -0 }], "4294967295": 1, "01": 2 },
        [{ "é": 1, "e": 2, "😀": 3, "\ud800": 4 }]
      ]
      // undefined fields are left out, as JSON.stringify leaves them out
      for (const value of values) {
        expect(Record.canonical(value)).toEqual(Result.succeed(reference(JSON.parse(JSON.stringify(value)))))
      }
    })

    it("is the same for equal values whatever their key order", () => {
      expect(Record.canonical({ b: [1, { d: 1, c: 2 }], a: "x" })).toEqual(
        Record.canonical({ a: "x", b: [1, { c: 2, d: 1 }] })
      )
    })

    it("names every place that is not JSON, cycles included", () => {
      const cyclic: { self?: unknown; n: number } = { n: 1 }
      cyclic.self = cyclic
      const r = Record.canonical({ a: cyclic, b: 1n, c: [Symbol.iterator], d: Number.POSITIVE_INFINITY }, ["payload"])
      expect(Result.isFailure(r) && r.failure.issues.map((i) => [i.path, i.params["actual"]])).toEqual([
        [["payload", "a", "self"], "cycle"],
        [["payload", "b"], "bigint"],
        [["payload", "c", 0], "symbol"],
        [["payload", "d"], "Infinity"]
      ])
    })
  })

  describe("hashInput", () => {
    it("is the previous hash and the JSON array of the fields and the payload text (differential against JSON.stringify)", () => {
      const text = fc.string({ unit: "binary", maxLength: 12 })
      fc.assert(
        fc.property(
          fc.record({
            stream: text,
            seq: fc.nat(),
            type: text,
            key: fc.option(text, { nil: undefined }),
            recordedAt: fc.maxSafeNat()
          }),
          text,
          text,
          (fields, prev, payload) => {
            expect(Record.hashInput(prev, fields, payload)).toBe(
              `${prev}\n${
                JSON.stringify([fields.stream, fields.seq, fields.type, fields.key ?? null, fields.recordedAt, payload])
              }`
            )
          }
        ),
        { numRuns: 500 }
      )
    })
  })

  describe("hashOf", () => {
    it("chains: a change of any field or of the previous hash changes the hash", () => {
      const fields = { stream: "s", seq: 3, type: "T", key: "k", recordedAt: 5 }
      const base = Record.hashOf(Record.genesis, fields, "{}")
      expect(Record.hashOf("1".repeat(64), fields, "{}")).not.toBe(base)
      expect(Record.hashOf(Record.genesis, { ...fields, seq: 4 }, "{}")).not.toBe(base)
      expect(Record.hashOf(Record.genesis, { ...fields, key: undefined }, "{}")).not.toBe(base)
      expect(Record.hashOf(Record.genesis, { ...fields, recordedAt: 6 }, "{}")).not.toBe(base)
      expect(Record.hashOf(Record.genesis, fields, "[]")).not.toBe(base)
      expect(Record.digest(Record.hashInput(Record.genesis, fields, "{}"))).toBe(base)
    })
  })
})
