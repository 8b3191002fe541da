import { Result, Schema } from "effect"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import { CivilDate, Document, Fen, Id, Instant, Issue, Period, Points, ValidationReport } from "../src/index.js"

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

// GONGZHI_FUZZ_RUNS=100000 npx vitest run --project core test/fuzz.test.ts for a longer run
const runs = Math.max(1, Number(process.env["GONGZHI_FUZZ_RUNS"] ?? 2000) || 2000)
const timeout = Math.max(30_000, runs * 20)

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
      { numRuns: runs }
    )
  }, timeout)

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
      { numRuns: runs }
    )
  }, timeout)

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

describe("values JSON cannot make (Proxies, throwing getters, sparse arrays, cycles)", () => {
  const boom = () => {
    throw new Error("boom")
  }
  const doc = () => ({
    kind: "fuzz-plan",
    schemaVersion: 1,
    id: "a",
    start: "2024-01-01",
    period: "2024",
    budget: 1,
    points: 1,
    tags: [],
    weights: {}
  })
  const revoked = (() => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  })()
  const traps = { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }
  const hostile = (): ReadonlyArray<readonly [string, unknown]> => {
    const cyclic: Record<string, unknown> = doc()
    cyclic["meta"] = cyclic
    cyclic["nested"] = { a: [] }
    ;(cyclic["nested"] as { a: Array<unknown> }).a.push(cyclic["nested"])
    const sparse = new Array(5)
    sparse[3] = "x"
    return [
      ["a getter that throws on kind", Object.defineProperty({}, "kind", { get: boom, enumerable: true })],
      ["a getter that throws on a field", Object.defineProperty(doc(), "id", { get: boom, enumerable: true })],
      ["a Proxy whose every trap throws", new Proxy({}, traps)],
      ["a Proxy of a good document whose get throws", new Proxy(doc(), { get: boom })],
      ["a Proxy of a good document whose ownKeys throws", new Proxy(doc(), { ownKeys: boom })],
      ["a revoked Proxy", revoked],
      ["a field that is a revoked Proxy", { ...doc(), weights: revoked }],
      ["a sparse array", { ...doc(), tags: sparse }],
      ["an array Proxy whose get throws", { ...doc(), tags: new Proxy(["a"], { get: boom }) }],
      ["a cyclic object", cyclic],
      ["a symbol and a bigint", { ...doc(), kind: Symbol("k"), schemaVersion: 1n }],
      ["a value whose toString throws", { ...doc(), id: { toString: boom, valueOf: boom } }]
    ]
  }
  const throwingCheck = Document.define({
    kind: "fuzz-plan",
    schemaVersion: 1,
    label: { zh: "模糊测试方案", en: "fuzz plan" },
    fields: { id: Schema.String },
    checks: [() => boom()]
  })

  it("Document.decode returns a failure with a code and zh/en text, never throws", () => {
    for (const [name, input] of hostile()) {
      let result: ReturnType<typeof Plan.decode> | undefined
      expect(() => (result = Plan.decode(input)), name).not.toThrow()
      expect(Result.isFailure(result!), name).toBe(true)
      for (const issue of Result.isFailure(result!) ? result!.failure.issues : []) {
        expect(issue.code, name).toMatch(/^CORE_[A-Z_]+$/)
        expect(issue.message.zh.length).toBeGreaterThan(0)
        expect(issue.message.en.length).toBeGreaterThan(0)
      }
    }
  })
  it("a value that throws when read is reported as unreadable, not as too deep", () => {
    const result = Plan.decode(new Proxy(doc(), { get: boom }))
    expect(Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []).toEqual(["CORE_INPUT_UNREADABLE"])
    const check = throwingCheck.decode({ kind: "fuzz-plan", schemaVersion: 1, id: "a" })
    expect(Result.isFailure(check) ? check.failure.issues.map((i) => i.code) : []).toEqual(["CORE_INPUT_UNREADABLE"])
    const field = ValidationReport.decodeUnknown(Schema.Struct({ a: Schema.String }))(
      Object.defineProperty({}, "a", { get: boom, enumerable: true })
    )
    expect(Result.isFailure(field)).toBe(true)
  })
  it("peekHeader, the Standard Schema validator and the guards never throw", () => {
    for (const [name, input] of hostile()) {
      expect(() => Document.peekHeader(input), name).not.toThrow()
      expect(() => Plan.standardSchema("en")["~standard"].validate(input), name).not.toThrow()
      expect(ValidationReport.isValidationReport(input), name).toBe(false)
      expect(Issue.fromAnnotations(input), name).toBeUndefined()
    }
    expect(Document.peekHeader(new Proxy({ kind: "x", schemaVersion: 1 }, { get: boom }))).toBeUndefined()
  })
  it("the parsers and id checks return failures for what is not a string", () => {
    const values: ReadonlyArray<unknown> = [undefined, null, 1, Number.NaN, {}, [], Symbol("s"), 10n, revoked,
      new Proxy({}, traps), { toString: boom, valueOf: boom }]
    for (const value of values) {
      const v = value as string
      expect(Id.isValid(v)).toBe(false)
      expect(Id.validate(v).map((i) => i.code)).toEqual(["CORE_ID_NOT_STRING"])
      const parsers: ReadonlyArray<(text: string) => Result.Result<unknown, unknown>> = [
        CivilDate.make,
        Period.parse,
        Fen.parse,
        Points.parse,
        Instant.make
      ]
      for (const parse of parsers) expect(Result.isFailure(parse(v))).toBe(true)
      expect(Result.isFailure(CivilDate.fromParts(value as CivilDate.Parts))).toBe(true)
      if (value !== 1) expect(Result.isFailure(Instant.fromEpochMillis(value as number))).toBe(true)
    }
    expect(Result.isFailure(CivilDate.fromParts(Object.defineProperty({}, "year", { get: boom }) as CivilDate.Parts)))
      .toBe(true)
  })
})
