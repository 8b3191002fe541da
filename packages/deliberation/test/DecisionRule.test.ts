import { describe, expect, it } from "vitest"
import { DecisionRule, Fraction, Presets } from "../src/index.js"

const codes = (input: unknown) => {
  const r = DecisionRule.decode(input)
  return r._tag === "Failure" ? r.failure.issues.map((i) => i.code) : []
}

describe("DecisionRule", () => {
  describe("presets", () => {
    it("every preset decodes and cites its source", () => {
      for (const rule of Presets.all) {
        expect(DecisionRule.decode(rule)._tag).toBe("Success")
        expect(rule.source.article).not.toBe("")
        expect(rule.source.note?.zh.length).toBeGreaterThan(0)
      }
      expect(new Set(Presets.all.map((r) => r.id)).size).toBe(Presets.all.length)
    })
    it("encodes 民法典 Art. 278 ordinary and special matters", () => {
      const o = Presets.ownersOrdinary
      expect(o.quorum.map((c) => [c.dimension, c.base, Fraction.format(c.threshold)])).toEqual([
        ["area", "eligible", "≥ 2/3"],
        ["headcount", "eligible", "≥ 2/3"]
      ])
      expect(o.pass.map((c) => [c.dimension, c.base, Fraction.format(c.threshold)])).toEqual([
        ["area", "participants", "> 1/2"],
        ["headcount", "participants", "> 1/2"]
      ])
      expect(Presets.ownersSpecial.pass.map((c) => Fraction.format(c.threshold))).toEqual(["≥ 3/4", "≥ 3/4"])
      expect(Presets.ownersSpecial.quorum).toEqual(o.quorum)
    })
    it("encodes the party meeting, election, committee and residents' meeting rules", () => {
      expect(Presets.branchMeeting.quorum[0]).toMatchObject({ base: "shouldAttend", threshold: Fraction.moreThanHalf })
      expect(Presets.branchMeeting.pass[0]).toMatchObject({ base: "shouldAttend", threshold: Fraction.moreThanHalf })
      expect(Presets.branchMeeting.writtenOpinions).toBe("count")
      expect(Presets.partyElection.quorum[0]).toMatchObject({ base: "shouldAttend", threshold: Fraction.fourFifths })
      expect(Presets.partyElection.pass[0]).toMatchObject({ base: "shouldAttend", threshold: Fraction.moreThanHalf })
      expect(Presets.branchCommittee.quorum[0]!.threshold).toEqual(Fraction.moreThanHalf)
      expect(Presets.residentsMeeting.quorum[0]).toMatchObject({ base: "eligible", threshold: Fraction.moreThanHalf })
      expect(Presets.residentsMeeting.pass[0]).toMatchObject({ base: "participants", threshold: Fraction.moreThanHalf })
    })
    it("finds rules by id with own keys only", () => {
      expect(Presets.byId("civil-code-278-ordinary")).toBe(Presets.ownersOrdinary)
      expect(Presets.byId("__proto__")).toBeUndefined()
    })
  })

  describe("document", () => {
    it("reports every problem at once", () => {
      expect(
        codes({
          ...Presets.branchMeeting,
          dimensions: ["headcount", "area", "headcount"],
          quorum: [{ dimension: "weight", base: "eligible", threshold: Fraction.moreThanHalf }],
          pass: [],
          proxies: { allowed: false, maxPerProxy: 2 }
        }).sort()
      ).toEqual([
        "DELIB_DUPLICATE_ID",
        "DELIB_RULE_AREA_FOR_MEMBERS",
        "DELIB_RULE_DIMENSION_UNDECLARED",
        "DELIB_RULE_NO_PASS_CHECK",
        "DELIB_RULE_PROXY_LIMIT_WITHOUT_PROXIES"
      ])
    })
    it("refuses a threshold above one and unknown keys", () => {
      const bad = {
        ...Presets.ownersOrdinary,
        pass: [{ dimension: "area", base: "participants", threshold: { numerator: 3, denominator: 2, strict: false } }],
        extra: 1
      }
      expect(codes(bad)).toContain("CORE_SCHEMA_UNEXPECTED_KEY")
      expect(codes(bad)).toContain("DELIB_FRACTION_INVALID")
    })
    it("never throws on odd input", () => {
      for (const input of [null, 1, "x", [], { kind: "deliberation-decision-rule" }, new Proxy({}, {})]) {
        expect(DecisionRule.decode(input)._tag).toBe("Failure")
      }
    })
    it("exports a JSON Schema", () => {
      const schema = DecisionRule.document.jsonSchema()
      expect(schema.$id).toBe("urn:gongzhi:schema:deliberation-decision-rule:v1")
      expect(JSON.stringify(schema)).toContain("shouldAttend")
    })
    it("labels checks for explanations", () => {
      const m = Presets.branchMeeting
      expect(DecisionRule.checkLabel(m, "quorum", m.quorum[0]!).zh).toBe("到会人数")
      expect(DecisionRule.checkLabel(m, "pass", m.pass[0]!).zh).toBe("赞成人数（占应到会）")
      expect(DecisionRule.checkLabel(m, "pass", { ...m.pass[0]!, label: { zh: "甲", en: "a" } }).zh).toBe("甲")
    })
  })
})
