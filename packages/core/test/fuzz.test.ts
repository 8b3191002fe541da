import { Result, Schema } from "effect"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import { CivilDate, Document, Fen, Id, Period, Points, ValidationReport } from "../src/index.js"

const Plan = Document.define({
  kind: "fuzz-plan",
  schemaVersion: 1,
  label: { zh: "模糊测试方案", en: "fuzz plan" },
  fields: {
    id: Id.OrgUnitId,
    start: CivilDate.CivilDate,
    period: Period.PeriodString,
    budget: Fen.Fen,
    points: Points.Points,
    tags: Schema.Array(Schema.String),
    weights: Schema.Record(Schema.String, Schema.Number),
    meta: Schema.optional(Schema.Unknown),
    nested: Schema.optional(Schema.Struct({ a: Schema.Array(Schema.Struct({ b: Schema.Int })) }))
  }
})

const keys = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "kind",
    "schemaVersion",
    "id",
    "weights",
    "nested"
  )
)
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.string({ minLength: 1000, maxLength: 5000 }),
    fc.array(tie("value")),
    fc.dictionary(keys, tie("value"))
  )
})).value

const deep = (depth: number): unknown => {
  let value: unknown = "leaf"
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { nested: value, __proto__: value }
  return value
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort()
const before = prototypeKeys()

describe("decoding untrusted input", () => {
  afterEach(() => {
    expect(prototypeKeys()).toEqual(before)
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
  })

  it("never throws on arbitrary JSON, and every failure is a report with codes and messages (property)", () => {
    fc.assert(
      fc.property(json, (input) => {
        const result = Plan.decode(input)
        if (Result.isFailure(result)) {
          expect(result.failure.issues.length).toBeGreaterThan(0)
          for (const issue of result.failure.issues) {
            expect(issue.code).toMatch(/^[A-Z][A-Z0-9_]+$/)
            expect(issue.message.zh.length).toBeGreaterThan(0)
            expect(issue.message.en.length).toBeGreaterThan(0)
          }
        }
      }),
      { numRuns: 2000 }
    )
  })

  it("never throws on documents that are nearly right (property)", () => {
    const nearlyRight = fc.record({
      kind: fc.constant("fuzz-plan"),
      schemaVersion: fc.constant(1),
      id: json,
      start: fc.oneof(json, fc.constant("2024-02-29")),
      period: fc.oneof(json, fc.constant("2024-Q1")),
      budget: json,
      points: json,
      tags: json,
      weights: fc.oneof(json, fc.dictionary(keys, fc.double())),
      nested: json
    })
    fc.assert(
      fc.property(nearlyRight, (input) => {
        expect(() => Plan.decode(input)).not.toThrow()
      }),
      { numRuns: 2000 }
    )
  })

  it("ignores or rejects __proto__ and constructor keys without polluting anything", () => {
    const attack = JSON.parse(
      "{\"kind\":\"fuzz-plan\",\"schemaVersion\":1,\"__proto__\":{\"polluted\":true},\"constructor\":{\"prototype\":{\"polluted\":true}}," +
        "\"id\":\"a\",\"start\":\"2024-01-01\",\"period\":\"2024\",\"budget\":1,\"points\":1,\"tags\":[]," +
        "\"weights\":{\"__proto__\":{\"polluted\":1},\"constructor\":1},\"meta\":{\"__proto__\":{\"polluted\":true}}}"
    )
    const result = Plan.decode(attack)
    expect(Result.isFailure(result)).toBe(true)
    const codes = Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []
    expect(codes).toContain("CORE_SCHEMA_UNEXPECTED_KEY")
  })

  it("survives deep nesting and huge strings", () => {
    for (
      const input of [deep(100_000), { kind: "fuzz-plan", schemaVersion: 1, meta: deep(100_000), nested: deep(10_000) },
        "x".repeat(5_000_000)]
    ) {
      expect(() => Plan.decode(input)).not.toThrow()
    }
    const huge = Plan.decode({ kind: "fuzz-plan", schemaVersion: 1, id: "x".repeat(1_000_000) })
    const message = Result.isFailure(huge) ? ValidationReport.format(huge.failure, "en") : ""
    expect(message.length).toBeLessThan(5_000)
  })
})
