import { Result } from "effect"
import { pipe } from "effect/Function"
import { describe, expect, it } from "vitest"
import { Presets, Template } from "../src/index.js"
import { agreement, codesOf, expectWellFormed, mingquan, ok } from "./fixtures.js"

const template = Presets.standardTemplate

describe("Template", () => {
  describe("documents", () => {
    it("the standard template decodes and round-trips through its own schema", () => {
      expect(ok(Template.document.decode(JSON.parse(JSON.stringify(template))))).toEqual(template)
      expect(Template.clause(template, "five-joints")?.zh).toContain("联学联做")
      expect(Template.clause(template, "nope")).toBeUndefined()
      expect(Template.minimumFunding(template)).toBe(1_000_000)
    })

    it("reports duplicate clauses and a default term longer than the maximum", () => {
      const bad = { ...template, termMonths: 48, clauses: [...template.clauses, template.clauses[0]] }
      expect(codesOf(Template.document.decode(bad))).toEqual(["AGREEMENT_DUPLICATE_ID", "AGREEMENT_RANGE_INVALID"])
    })
  })

  describe("validation", () => {
    it("every 名泉 agreement conforms, in both call styles", () => {
      for (const a of mingquan().agreements) {
        expect(Template.issues(a, template)).toEqual([])
        expect(pipe(a, Template.conform(template))).toEqual(Result.succeed(a))
      }
    })

    it("reports every clause an agreement breaks", () => {
      const a = agreement({
        term: { start: "2024-01-01", end: "2027-06-30" },
        commitments: [{ _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: 500_000 }],
        meetings: { minPerYear: 0, maxPerYear: 4 },
        reporting: [{ frequency: "yearly", to: "街道工委", form: "written" }]
      })
      const issues = Template.issues(a, template)
      expect(issues.map((i) => i.code)).toEqual([
        "AGREEMENT_TEMPLATE_JOINT_MISSING",
        "AGREEMENT_TEMPLATE_JOINT_MISSING",
        "AGREEMENT_TEMPLATE_JOINT_MISSING",
        "AGREEMENT_TEMPLATE_JOINT_MISSING",
        "AGREEMENT_TEMPLATE_FUNDING_BELOW_MINIMUM",
        "AGREEMENT_TEMPLATE_MEETINGS_OUT_OF_RANGE",
        "AGREEMENT_TEMPLATE_REPORTING_MISSING",
        "AGREEMENT_TEMPLATE_TERM_TOO_LONG"
      ])
      expect(issues[0]!.message.zh).toContain("联学联做")
      expect(issues.at(-1)!.params).toMatchObject({ actual: 42, maximum: 36 })
      expectWellFormed(issues)
      expect(Result.isFailure(Template.conform(a, template))).toBe(true)
    })

    it("a more frequent report than required satisfies the duty; a term of exactly 36 months is allowed", () => {
      const a = agreement({
        term: { start: "2024-01-01", end: "2026-12-31" },
        reporting: [{ frequency: "monthly", to: "街道工委", form: "written" }]
      })
      expect(Template.issues(a, template)).toEqual([])
    })
  })

  describe("constructors", () => {
    const input = {
      id: "mq-2025-bank",
      grandCommittee: { id: "mingquan", name: "名泉社区大党委" },
      memberUnit: { id: "bank", name: "某银行支行" },
      liaisons: { committee: { name: "王书记" }, unit: { name: "李行长" } },
      start: "2025-03-01",
      commitments: agreement().commitments
    }

    it("drafts an agreement with the template's term, meetings and reporting", () => {
      const drafted = ok(Template.draft(template, input))
      expect(drafted.term).toEqual({ start: "2025-03-01", end: "2026-02-28" })
      expect(drafted.meetings).toEqual(template.meetings)
      expect(drafted.template).toBe("standard-2024")
      expect(pipe(template, Template.draft(input))).toEqual(Result.succeed(drafted))
    })

    it("reports document problems and template breaches of a draft", () => {
      expect(codesOf(Template.draft(template, { ...input, start: "2025-02-30" }))).toContain("CORE_DATE_INVALID")
      expect(codesOf(Template.draft(template, { ...input, commitments: [] }))).toEqual([
        ...Array(5).fill("AGREEMENT_TEMPLATE_JOINT_MISSING"),
        "AGREEMENT_TEMPLATE_FUNDING_BELOW_MINIMUM"
      ])
    })
  })
})
