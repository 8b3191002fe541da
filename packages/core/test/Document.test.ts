import { Result, Schema } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import { CivilDate, Document, Fen, Issue, Period } from "../src/index.js"

const Scheme = Document.define({
  kind: "points-scheme",
  schemaVersion: 1,
  label: { zh: "积分方案", en: "points scheme" },
  description: "How volunteer service earns points",
  fields: {
    name: Schema.NonEmptyString,
    pointsPerHour: Schema.Int,
    period: Period.PeriodString,
    start: CivilDate.CivilDate,
    budget: Fen.Fen,
    note: Schema.optional(Schema.String)
  },
  checks: [(doc) =>
    doc.pointsPerHour > 10
      ? [
        Issue.make({
          code: "X_TOO_GENEROUS",
          path: ["pointsPerHour"],
          message: { zh: "每小时最多 10 分", en: "at most 10 points an hour" }
        })
      ]
      : []]
})

const good = {
  kind: "points-scheme",
  schemaVersion: 1,
  name: "平利积分制",
  pointsPerHour: 1,
  period: "2024",
  start: "2024-01-01",
  budget: 100
}
const codes = (input: unknown) => {
  const result = Scheme.decode(input)
  return Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []
}

describe("Document", () => {
  describe("decoding", () => {
    it("reports a document check together with a bad field: every problem at once", () => {
      // effect runs the checks only when every field decodes; define runs them on the input too
      expect(codes({ ...good, pointsPerHour: 12, budget: 1.5 })).toEqual(["CORE_AMOUNT_NOT_SAFE_INTEGER",
        "X_TOO_GENEROUS"])
      expect(codes({ ...good, pointsPerHour: 12 })).toEqual(["X_TOO_GENEROUS"])
    })

    it("adds nothing from a check that cannot read a malformed input, and repeats no issue", () => {
      // a check sees the input as given (here a string "12", which JavaScript compares as 12)
      expect(codes({ ...good, pointsPerHour: "12" })).toEqual(["CORE_SCHEMA_INVALID_TYPE", "X_TOO_GENEROUS"])
      const Strict = Document.define({
        kind: "strict",
        schemaVersion: 1,
        label: { zh: "严格", en: "strict" },
        fields: { items: Schema.Array(Schema.Struct({ id: Schema.String })) },
        checks: [
          (doc) =>
            doc.items.map((_, i) =>
              Issue.make({ code: "X_ITEM", path: ["items", i], message: { zh: "项", en: "item" } })
            )
        ]
      })
      const result = Strict.decode({ kind: "strict", schemaVersion: 1, items: 3 })
      expect(Result.isFailure(result) && result.failure.issues.map((i) => i.code)).toEqual(["CORE_SCHEMA_INVALID_TYPE"])
    })

    it("decodes a good document", () => {
      const result = Scheme.decode(good)
      expect(Result.isSuccess(result) && result.success.period).toEqual(Period.year(2024))
    })
    it("reports every problem at once, typos included", () => {
      expect(
        codes({
          ...good,
          name: "",
          pointsPerHour: undefined,
          pointsPerHuor: 1,
          start: "2023-02-29",
          budget: 1.5,
          period: "x"
        })
      ).toEqual([
        "CORE_SCHEMA_UNEXPECTED_KEY",
        "CORE_SCHEMA_INVALID_VALUE",
        "CORE_SCHEMA_INVALID_TYPE",
        "CORE_PERIOD_FORMAT",
        "CORE_DATE_INVALID",
        "CORE_AMOUNT_NOT_SAFE_INTEGER"
      ])
    })
    it("runs whole-document checks once the fields are good", () => {
      expect(codes({ ...good, pointsPerHour: 11 })).toEqual(["X_TOO_GENEROUS"])
    })
    it("checks the header first: object, kind, version", () => {
      expect(codes([1])).toEqual(["CORE_DOCUMENT_NOT_OBJECT"])
      expect(codes(null)).toEqual(["CORE_DOCUMENT_NOT_OBJECT"])
      expect(codes({ schemaVersion: 1 })).toEqual(["CORE_DOCUMENT_KIND_MISSING"])
      expect(codes({ ...good, kind: "assessment-plan" })).toEqual(["CORE_DOCUMENT_KIND_MISMATCH"])
      expect(codes({ ...good, kind: 3 })).toEqual(["CORE_DOCUMENT_KIND_MISMATCH"])
      expect(codes({ ...good, schemaVersion: 2 })).toEqual(["CORE_DOCUMENT_VERSION_UNSUPPORTED"])
      expect(codes({ ...good, schemaVersion: "1" })).toEqual(["CORE_DOCUMENT_VERSION_UNSUPPORTED"])
      const mismatch = Scheme.decode({ ...good, kind: "assessment-plan" })
      expect(Result.isFailure(mismatch) && mismatch.failure.issues[0]?.message.zh).toBe(
        "文档类型是 \"assessment-plan\"，此处需要 \"points-scheme\""
      )
    })
    it("peeks at a header without decoding", () => {
      expect(Document.peekHeader(good)).toEqual({ kind: "points-scheme", schemaVersion: 1 })
      expect(Document.peekHeader({ kind: "x" })).toBeUndefined()
      expect(Document.peekHeader("x")).toBeUndefined()
      expect(Document.peekHeader(JSON.parse("{\"__proto__\":{\"kind\":\"x\",\"schemaVersion\":1}}"))).toBeUndefined()
    })
  })

  describe("JSON Schema", () => {
    it("exports draft 2020-12 with the document's title, required fields and no extra keys", () => {
      const schema = Scheme.jsonSchema()
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
      expect(schema["$id"]).toBe("urn:gongzhi:schema:points-scheme:v1")
      expect(schema["title"]).toBe("points scheme (积分方案)")
      const body = (schema["$defs"] as Record<string, Record<string, unknown>>)["points-scheme"]!
      expect(body["additionalProperties"]).toBe(false)
      expect(body["required"]).toEqual(["kind", "schemaVersion", "name", "pointsPerHour", "period", "start", "budget"])
      expect(JSON.stringify(schema)).toContain("\"format\":\"date\"")
      expect(Scheme.jsonSchema()).toBe(schema)
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
    })
  })

  describe("Standard Schema", () => {
    it("validates with messages in the chosen language", () => {
      const zh = Scheme.standardSchema()["~standard"]
      expect(zh.vendor).toBe("gongzhi")
      expect(zh.version).toBe(1)
      const bad = zh.validate({ ...good, start: "2023-02-29" })
      expect(bad).toEqual({
        issues: [{ message: "CORE_DATE_INVALID: 2023-02-29 不是日历上存在的日期", path: ["start"] }]
      })
      const en = Scheme.standardSchema("en")["~standard"].validate({ ...good, start: "2023-02-29" })
      expect(en).toEqual({
        issues: [{ message: "CORE_DATE_INVALID: 2023-02-29 is not a date on the calendar", path: ["start"] }]
      })
      const ok = zh.validate(good)
      expect("value" in ok && ok.value).toMatchObject({ name: "平利积分制" })
    })
  })

  describe("types", () => {
    it("infers the document type", () => {
      type Doc = Document.Type<typeof Scheme>
      expectTypeOf<Doc["kind"]>().toEqualTypeOf<"points-scheme">()
      expectTypeOf<Doc["schemaVersion"]>().toEqualTypeOf<1>()
      expectTypeOf<Doc["budget"]>().toEqualTypeOf<Fen.Fen>()
      expectTypeOf<Doc["period"]>().toEqualTypeOf<Period.Period>()
      expectTypeOf(Scheme.decode).returns.toEqualTypeOf<
        Result.Result<Doc, import("../src/ValidationReport.js").ValidationReport>
      >()
    })
  })
})
