import {
  AgreementFulfilment,
  Appraisal,
  Assessment,
  Inputs,
  LedgerParticipation,
  OrgCoverage,
  Presets
} from "@gongzhi/assessment-scoring"
import { ValidationReport } from "@gongzhi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const ok = <A>(r: Result.Result<A, ValidationReport.ValidationReport>): A => ValidationReport.getOrThrow(r)
const codesOf = (r: Result.Result<unknown, ValidationReport.ValidationReport>) =>
  Result.isFailure(r) ? r.failure.issues.map((i) => i.code) : []

describe("Inputs", () => {
  describe("document", () => {
    it("subject ids follow core's id rules", () => {
      const doc = (id: string) => ({
        kind: "assessment-inputs",
        schemaVersion: 1,
        planId: "p",
        subjects: [{ id, values: {} }]
      })
      expect(codesOf(Inputs.document.decode(doc("gc-01")))).toEqual([])
      expect(codesOf(Inputs.document.decode(doc(" gc-01")))).toEqual(["CORE_ID_UNTRIMMED"])
      expect(codesOf(Inputs.document.decode(doc("gc\u0000")))).toEqual(["CORE_ID_CONTROL_CHARACTER"])
    })
    it("decodes an inputs document and reports bad subjects", () => {
      expect(Inputs.document.decode(JSON.parse(JSON.stringify(Presets.branchStarsExample)))._tag).toBe("Success")
      const bad = Inputs.document.decode({
        kind: "assessment-inputs",
        schemaVersion: 1,
        planId: "p",
        subjects: [{ id: "", values: 3, previousRank: 0 }]
      })
      expect(Result.isFailure(bad) && bad.failure.issues.length).toBeGreaterThanOrEqual(3)
    })
  })
  describe("addValues", () => {
    it("adds adapter values without changing the original", () => {
      const inputs = Inputs.make("p", [{ id: "a", values: { x: 1 } }])
      const more = ok(Inputs.addValues(inputs, new Map([["a", { y: 2 }]])))
      expect(more.subjects[0]!.values).toEqual({ x: 1, y: 2 })
      expect(inputs.subjects[0]!.values).toEqual({ x: 1 })
    })
    it("reports ASSESS_ADAPTER_SUBJECT_UNKNOWN for values of a subject the inputs lack", () => {
      const inputs = Inputs.make("p", [{ id: "a", values: {} }])
      expect(codesOf(Inputs.addValues(inputs, new Map([["zz", { y: 2 }]])))).toEqual(["ASSESS_ADAPTER_SUBJECT_UNKNOWN"])
    })
  })
})

describe("LedgerParticipation", () => {
  describe("adapters", () => {
    it("sums the rows of a subject into the chosen inputs", () => {
      const rows = ok(LedgerParticipation.decode([
        { subjectId: "ism-1", hours: 30, points: 40, activities: 6 },
        { subjectId: "ism-1", hours: 26.5, points: 24, activities: 5 },
        { subjectId: "ism-2", hours: 4, points: 4, activities: 1 }
      ]))
      const values = LedgerParticipation.toValues(rows, {
        hours: "service-hours",
        points: "love-bank-points",
        activities: "activities"
      })
      expect(values.get("ism-1")).toEqual({ "service-hours": 56.5, "love-bank-points": 64, activities: 11 })
      expect(LedgerParticipation.toValues(rows, {}).get("ism-2")).toEqual({})
    })
    it("reports bad rows", () => {
      expect(codesOf(LedgerParticipation.decode([{ subjectId: "a", hours: -1, points: 1.5, activities: 0 }])).length)
        .toBe(2)
    })
  })
})

describe("AgreementFulfilment", () => {
  describe("adapters", () => {
    it("computes the fulfilment rate and meetings per grand committee", () => {
      const values = AgreementFulfilment.toValues([
        { subjectId: "gc", agreementId: "a", commitmentsDue: 6, commitmentsFulfilled: 6, meetingsHeld: 12 },
        { subjectId: "gc", agreementId: "b", commitmentsDue: 3, commitmentsFulfilled: 1, meetingsHeld: 4 },
        { subjectId: "none", agreementId: "c", commitmentsDue: 0, commitmentsFulfilled: 0, meetingsHeld: 0 }
      ], { fulfilmentRate: "co-building", meetings: "joint-meetings" })
      expect(values.get("gc")).toEqual({ "co-building": 0.7778, "joint-meetings": 12 })
      expect(values.get("none")).toEqual({ "co-building": 1, "joint-meetings": 0 })
    })
    it("reports ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL for more fulfilled than due", () => {
      expect(
        codesOf(
          AgreementFulfilment.decode([{
            subjectId: "gc",
            agreementId: "a",
            commitmentsDue: 1,
            commitmentsFulfilled: 2,
            meetingsHeld: 0
          }])
        )
      )
        .toEqual(["ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL"])
      expect(
        codesOf(
          AgreementFulfilment.decode([{
            subjectId: "gc",
            agreementId: "a",
            commitmentsDue: 2,
            commitmentsFulfilled: 2,
            meetingsHeld: 0
          }])
        )
      ).toEqual([])
    })
  })
})

describe("OrgCoverage", () => {
  describe("adapters", () => {
    it("computes coverage rates (红安: 257 branches in 301 grids)", () => {
      const values = OrgCoverage.toValues(
        ok(OrgCoverage.decode([
          { subjectId: "hongan", households: 1000, householdsCovered: 900, grids: 301, gridsWithBranch: 257 },
          { subjectId: "empty", households: 0, householdsCovered: 0, grids: 0, gridsWithBranch: 0 }
        ])),
        { householdRate: "red-stewards", gridRate: "grid-branches" }
      )
      expect(values.get("hongan")).toEqual({ "red-stewards": 0.9, "grid-branches": 0.8538 })
      expect(values.get("empty")).toEqual({ "red-stewards": 0, "grid-branches": 0 })
    })
    it("reports both parts above their totals at once", () => {
      expect(
        codesOf(
          OrgCoverage.decode([{ subjectId: "x", households: 1, householdsCovered: 2, grids: 1, gridsWithBranch: 2 }])
        )
      )
        .toEqual(["ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL", "ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL"])
    })
  })
})

describe("Appraisal", () => {
  const inputs = Inputs.make(Presets.honganInServiceAppraisal.id, [
    {
      id: "ism-1",
      name: "刘洋",
      attributes: { unitId: "finance-bureau", supervisorId: "county" },
      values: {
        reports: 2,
        "service-hours": 56,
        "love-bank-points": 64,
        community: { points: 18, justification: "值守卡点" }
      }
    },
    {
      id: "ism-2",
      attributes: { unitId: "school" },
      values: {
        reports: 1,
        "service-hours": 60,
        "love-bank-points": 80,
        wishes: 3,
        community: { points: 20, justification: "认领微心愿" }
      }
    },
    {
      id: "ism-3",
      values: {
        reports: 0,
        "service-hours": 0,
        "love-bank-points": 0,
        community: { points: 2, justification: "未参加" }
      }
    }
  ], "2024")
  const result = ok(Assessment.score(Presets.honganInServiceAppraisal, inputs))

  describe("constructors", () => {
    it("writes an appraisal addressed to the member's unit (红安)", () => {
      const a = ok(
        Appraisal.make(result, "ism-1", { community: { id: "cd", name: "城东社区" }, issuedOn: "2025-01-10" })
      )
      expect(a.to).toEqual({ unitId: "finance-bureau", supervisorId: "county" })
      expect(a.planId).toBe("hongan-in-service-appraisal")
      expect(a.inputsHash).toBe(result.inputsHash)
      expect(a.text.zh).toContain("反馈所在单位")
      expect(Appraisal.document.decode(JSON.parse(JSON.stringify(a)))._tag).toBe("Success")
    })
    it("reporting fewer than twice bars 合格 (佛山) and the appraisal says why", () => {
      const s = Assessment.subject(result, "ism-2")!
      expect(s.total).toBeGreaterThanOrEqual(90)
      expect(s.grade?.id).toBe("basic")
      const a = ok(
        Appraisal.make(result, "ism-2", { community: { id: "cd", name: "城东社区" }, issuedOn: "2025-01-10" })
      )
      expect(a.text.en).toContain("fewer than twice")
    })
    it("reports ASSESS_APPRAISAL_UNIT_MISSING and ASSESS_APPRAISAL_SUBJECT_UNKNOWN", () => {
      const options = { community: { id: "cd", name: "城东社区" }, issuedOn: "2025-01-10" }
      expect(codesOf(Appraisal.make(result, "ism-3", options))).toEqual(["ASSESS_APPRAISAL_UNIT_MISSING"])
      expect(codesOf(Appraisal.make(result, "nobody", options))).toEqual(["ASSESS_APPRAISAL_SUBJECT_UNKNOWN"])
      expect(codesOf(Appraisal.make(result, "ism-1", { ...options, issuedOn: "2025-02-30" })).length).toBe(1)
      const all = Appraisal.makeAll(result, options)
      expect(Result.isFailure(all) && all.failure.issues.map((i) => i.path)).toEqual([["subjects", 2]])
      const two = { ...result, subjects: result.subjects.slice(0, 2) }
      expect(ok(Appraisal.makeAll(two, options)).length).toBe(2)
    })
  })
})
