import { Fen, ValidationReport } from "@gongzhi/core"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Agreement, FiveJoints } from "../src/index.js"
import { agreement, agreementJson, codesOf, d, expectWellFormed, issuesOf, mingquan } from "./fixtures.js"

describe("Agreement", () => {
  describe("documents", () => {
    it("decodes a well-formed agreement with all five joints", () => {
      const a = agreement()
      expect(Agreement.joints(a)).toEqual(FiveJoints.all)
      expect(Agreement.annualFunding(a)).toBe(2_000_000)
    })

    it("reports every problem of a bad document at once, with paths and both languages", () => {
      const result = Agreement.decode(agreementJson({
        term: { start: "2024-12-31", end: "2024-01-01" },
        commitments: [
          { _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: -100 },
          { _tag: "VolunteerHours", id: "hours", joint: "joint-unknown", hours: 0, per: "month" },
          { _tag: "FacilityOpening", id: "f", joint: "shared-facilities", facility: "馆", hoursPerWeek: 200 }
        ],
        meetings: { minPerYear: 3, maxPerYear: 1 },
        liaisons: { committee: { name: "" }, unit: { name: "李" } }
      }))
      const issues = issuesOf(result)
      expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining([
        "AGREEMENT_END_BEFORE_START",
        "AGREEMENT_AMOUNT_NEGATIVE",
        "AGREEMENT_QUANTITY_NOT_POSITIVE",
        "AGREEMENT_RANGE_INVALID"
      ]))
      expect(issues.length).toBeGreaterThanOrEqual(7)
      const paths = issues.map((i) => i.path.join("."))
      expect(paths).toContain("term.end")
      expect(paths).toContain("commitments.0.annualAmount")
      expect(paths).toContain("meetings.maxPerYear")
      expectWellFormed(issues)
    })

    it("rejects wrong dates, unknown keys and a wrong kind", () => {
      expect(codesOf(Agreement.decode(agreementJson({ term: { start: "2023-02-29", end: "2024-13-01" } })))).toEqual([
        "CORE_DATE_INVALID",
        "CORE_DATE_INVALID"
      ])
      expect(codesOf(Agreement.decode({ ...agreementJson(), extra: 1 }))).toEqual(["CORE_SCHEMA_UNEXPECTED_KEY"])
      expect(codesOf(Agreement.decode({ ...agreementJson(), kind: "points-scheme" }))).toEqual([
        "CORE_DOCUMENT_KIND_MISMATCH"
      ])
    })

    it("runs the whole-document checks: duplicate commitment ids, same party, project due outside the term", () => {
      const result = Agreement.decode(agreementJson({
        memberUnit: { id: "mingquan", name: "自己" },
        commitments: [
          { _tag: "Funding", id: "x", joint: "joint-public-welfare", annualAmount: 1 },
          { _tag: "Project", id: "x", joint: "joint-safety", name: "改造", budget: 10, due: "2025-03-01" }
        ]
      }))
      expect(codesOf(result)).toEqual(["AGREEMENT_DUPLICATE_ID", "AGREEMENT_SAME_PARTY", "AGREEMENT_OUTSIDE_TERM"])
      expect(issuesOf(result)[0]!.path).toEqual(["commitments", 1, "id"])
    })

    it("exports a JSON Schema and a Standard Schema validator", () => {
      const schema = Agreement.document.jsonSchema()
      expect(schema.$id).toBe("urn:gongzhi:schema:co-building-agreement:v1")
      expect(JSON.stringify(schema)).toContain("joint-civility")
      const standard = Agreement.document.standardSchema("en")["~standard"].validate(agreementJson({ commitments: 1 }))
      expect("issues" in standard && standard.issues!.length).toBe(1)
    })
  })

  describe("getters", () => {
    it("名泉: 15 agreements sum to 300,000 yuan a year, all five joints in each, 1–2 meetings", () => {
      const { agreements } = mingquan()
      expect(agreements).toHaveLength(15)
      const total = ValidationReport.getOrThrow(Fen.sum(agreements.map(Agreement.annualFunding)))
      expect(Fen.formatWan(total)).toBe("30万元")
      for (const a of agreements) {
        expect(Agreement.joints(a)).toEqual(FiveJoints.all)
        expect(a.meetings).toEqual({ minPerYear: 1, maxPerYear: 2 })
      }
      expect(new Set(agreements.map((a) => a.memberUnit.id)).size).toBe(15)
    })

    it("tells whether a date is within the term", () => {
      const a = agreement()
      expect(Agreement.inTerm(a, d("2024-01-01"))).toBe(true)
      expect(Agreement.inTerm(a, d("2024-12-31"))).toBe(true)
      expect(Agreement.inTerm(a, d("2025-01-01"))).toBe(false)
    })

    it("commitment schemas accept each kind and refuse a wrong tag", () => {
      expect(Schema.is(Agreement.Commitment)({ _tag: "Project", id: "p", joint: "joint-safety", name: "n", budget: 0 }))
        .toBe(true)
      expect(Schema.is(Agreement.Commitment)({ _tag: "Gift", id: "p", joint: "joint-safety" })).toBe(false)
      expect(
        Result.isSuccess(ValidationReport.decodeUnknown(Agreement.Term)({ start: "2024-01-01", end: "2024-01-01" }))
      ).toBe(true)
    })
  })
})

describe("FiveJoints", () => {
  describe("getters", () => {
    it("lists the joints an agreement misses, and names each in zh and en", () => {
      expect(FiveJoints.missing(FiveJoints.all)).toEqual([])
      expect(FiveJoints.missing([])).toEqual(FiveJoints.all)
      expect(FiveJoints.all.map((j) => FiveJoints.labels[j].zh)).toEqual(["联学联做", "平安联创", "公益联办",
        "设施联用", "文明联创"])
    })
  })
})
