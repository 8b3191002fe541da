import { Messages, Method, Plan, Presets } from "@gongzhi/assessment-scoring"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { simplePlan } from "./fixtures.js"

const codesOf = (result: Result.Result<unknown, { readonly issues: ReadonlyArray<{ readonly code: string }> }>) =>
  Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []

const leaf = (id: string, method: Plan.MethodRef, extra: Partial<Plan.Indicator> = {}): Plan.Indicator => ({
  id,
  label: { zh: id, en: id },
  max: 10,
  method,
  ...extra
})

const withIndicators = (indicators: ReadonlyArray<Plan.Indicator>): Plan.Plan => ({
  ...simplePlan,
  indicators,
  formula: { _tag: "Sum" }
})

/** One broken plan per plan-validation code. */
export const brokenPlans: Record<string, Plan.Plan> = {
  ASSESS_DUPLICATE_ID: withIndicators([leaf("x", { name: "linear", config: { floor: 0, target: 1 } }),
    leaf("x", { name: "linear", config: { floor: 0, target: 1 } })]),
  ASSESS_METHOD_UNKNOWN: withIndicators([leaf("x", { name: "lineer", config: {} })]),
  ASSESS_METHOD_CONFIG_INVALID: withIndicators([leaf("x", { name: "linear", config: { floor: "0" } })]),
  ASSESS_INDICATOR_NO_METHOD: withIndicators([{ id: "x", label: { zh: "x", en: "x" }, max: 10 }]),
  ASSESS_INDICATOR_METHOD_AND_CHILDREN: withIndicators([{
    ...leaf("x", { name: "linear", config: { floor: 0, target: 1 } }),
    children: [leaf("y", { name: "linear", config: { floor: 0, target: 1 } })]
  }]),
  ASSESS_WEIGHTS_PARTIAL: withIndicators([
    leaf("x", { name: "linear", config: { floor: 0, target: 1 } }, { weight: 2 }),
    leaf("y", { name: "linear", config: { floor: 0, target: 1 } })
  ]),
  ASSESS_TREE_TOO_DEEP: withIndicators([(() => {
    let node: Plan.Indicator = leaf("d9", { name: "linear", config: { floor: 0, target: 1 } })
    for (let d = 8; d >= 1; d--) node = { id: `d${d}`, label: { zh: "d", en: "d" }, max: 10, children: [node] }
    return node
  })()]),
  ASSESS_GRADE_BANDS_NOT_DESCENDING: {
    ...simplePlan,
    grades: {
      bands: [{ id: "a", label: { zh: "a", en: "a" }, min: 50 }, { id: "b", label: { zh: "b", en: "b" }, min: 60 }, {
        id: "c",
        label: { zh: "c", en: "c" },
        min: 0
      }]
    },
    vetoes: [],
    consequences: []
  },
  ASSESS_GRADE_BANDS_GAP: {
    ...simplePlan,
    grades: { bands: [{ id: "a", label: { zh: "a", en: "a" }, min: 50 }] },
    vetoes: [],
    consequences: []
  },
  ASSESS_GRADE_UNKNOWN: {
    ...simplePlan,
    consequences: [{ id: "c", kind: "commendation", when: { _tag: "Grade", grades: ["stellar"] } }]
  },
  ASSESS_VETO_UNKNOWN: {
    ...simplePlan,
    consequences: [{ id: "c", kind: "replacement", when: { _tag: "Veto", vetoes: ["nope"] } }]
  },
  ASSESS_VETO_FORCES_QUOTA_GRADE: {
    ...simplePlan,
    vetoes: [{ id: "v", label: { zh: "v", en: "v" }, effect: { _tag: "ForceGrade", grade: "excellent" } }]
  },
  ASSESS_QUOTA_INVALID: {
    ...simplePlan,
    grades: {
      ...simplePlan.grades!,
      quotas: [{ grade: "excellent", numerator: 4, denominator: 3, scope: "plan", tie: "exclude-tied" }]
    }
  },
  ASSESS_FORMULA_INDICATOR_UNKNOWN: {
    ...simplePlan,
    formula: { _tag: "BranchStar", evaluation: "nope", baseShare: 70, evaluationShare: 30 }
  },
  ASSESS_FORMULA_SHARES_INVALID: {
    ...simplePlan,
    formula: { _tag: "BranchStar", evaluation: "review", baseShare: 70, evaluationShare: 20 }
  },
  ASSESS_EXPRESSION_INVALID: withIndicators([
    leaf("x", { name: "expression", config: { logic: { "/": [1, 0] } } })
  ]),
  ASSESS_EXPRESSION_OPERATOR_UNKNOWN: withIndicators([
    leaf("x", { name: "expression", config: { logic: { "frobnicate": [1] } } })
  ]),
  ASSESS_EXPRESSION_ARITY: withIndicators([
    leaf("x", { name: "expression", config: { logic: { "!": [1, 2] } } })
  ]),
  ASSESS_EXPRESSION_TOO_DEEP: withIndicators([
    leaf("x", {
      name: "expression",
      config: { logic: Array.from({ length: 70 }).reduce<unknown>((inner) => ({ "!": [inner] }), 1) as never }
    })
  ]),
  ASSESS_MAX_BELOW_PRECISION: withIndicators([{
    ...leaf("x", { name: "linear", config: { floor: 0, target: 5 } }),
    max: 0.001
  }]),
  ASSESS_FIGURE_TOO_LARGE: withIndicators([{
    ...leaf("x", { name: "linear", config: { floor: 0, target: 5 } }),
    max: 1e300
  }]),
  ASSESS_RANGE_INVALID: withIndicators([leaf("x", { name: "linear", config: { floor: 5, target: 5 } })]),
  ASSESS_BANDS_OVERLAP: withIndicators([
    leaf("x", {
      name: "bands",
      config: { hitPolicy: "unique", bands: [{ below: 5, points: 1 }, { min: 4, points: 2 }] }
    })
  ])
}

describe("Plan", () => {
  describe("presets", () => {
    for (const plan of Object.values(Presets.plans)) {
      it(`${plan.id} decodes from JSON and validates`, () => {
        const decoded = Plan.decode(JSON.parse(JSON.stringify(plan)))
        expect(codesOf(decoded)).toEqual([])
        expect(Result.getOrThrow(decoded)).toEqual(plan)
      })
    }
    it("ids follow core's id rules: blank, untrimmed, NUL, lone surrogates and 1 MB ids are refused", () => {
      const withId = (id: string) => ({ ...simplePlan, id })
      expect(codesOf(Plan.decode(withId(" ")))).toContain("CORE_ID_UNTRIMMED")
      expect(codesOf(Plan.decode(withId(" x ")))).toEqual(["CORE_ID_UNTRIMMED"])
      expect(codesOf(Plan.decode(withId("p\u0000")))).toEqual(["CORE_ID_CONTROL_CHARACTER"])
      expect(codesOf(Plan.decode(withId("p\udc00")))).toEqual(["CORE_ID_LONE_SURROGATE"])
      expect(codesOf(Plan.decode(withId("p".repeat(1_000_000))))).toEqual(["CORE_ID_TOO_LONG"])
      const indicator = { ...simplePlan.indicators[0]!, id: "a b " }
      expect(codesOf(Plan.decode({ ...simplePlan, indicators: [indicator, ...simplePlan.indicators.slice(1)] })))
        .toContain("CORE_ID_UNTRIMMED")
    })
    it("every preset declares whether its subjects are people (names masked in public outputs)", () => {
      expect(Object.fromEntries(Object.values(Presets.plans).map((p) => [p.id, p.subjects]))).toEqual({
        "democratic-evaluation": "people",
        "branch-stars": "organisations",
        "qijiang-grand-committee": "organisations",
        "qijiang-committee-member": "people",
        "hongan-in-service-appraisal": "people"
      })
      expect(codesOf(Plan.decode({ ...simplePlan, subjects: "robots" }))).not.toEqual([])
      expect(codesOf(Plan.decode({ ...simplePlan, subjects: "organisations" }))).toEqual([])
    })
    it("the democratic evaluation keeps 优秀 to 1/3 and leaves probationary members ungraded", () => {
      const grades = Presets.democraticEvaluation.grades!
      expect(grades.quotas).toEqual([{
        grade: "excellent",
        numerator: 1,
        denominator: 3,
        scope: "plan",
        tie: "exclude-tied"
      }])
      expect(grades.ungraded?.[0]).toMatchObject({ attribute: "status", equals: "probationary" })
    })
    it("branch stars use the 70/30 formula and cap five stars at 30%", () => {
      expect(Presets.branchStars.formula).toEqual({
        _tag: "BranchStar",
        evaluation: "evaluation",
        baseShare: 70,
        evaluationShare: 30
      })
      expect(Presets.branchStars.grades?.quotas?.[0]).toMatchObject({
        grade: "five-star",
        numerator: 30,
        denominator: 100
      })
    })
  })

  describe("document", () => {
    it("exports a JSON Schema for form builders", () => {
      const schema = Plan.document.jsonSchema()
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
      expect(JSON.stringify(schema)).toContain("indicators")
    })
    it("reports every structural problem at once with paths", () => {
      const result = Plan.document.decode({
        kind: "assessment-plan",
        schemaVersion: 1,
        id: "",
        version: 1,
        indicators: []
      })
      expect(Result.isFailure(result)).toBe(true)
      if (Result.isFailure(result)) expect(result.failure.issues.length).toBeGreaterThanOrEqual(4)
    })
    it("rejects another kind of document", () => {
      expect(codesOf(Plan.decode({ kind: "assessment-inputs", schemaVersion: 1 }))).toEqual([
        "CORE_DOCUMENT_KIND_MISMATCH"
      ])
    })
    it("gives a Standard Schema validator", () => {
      const out = Plan.document.standardSchema("en")["~standard"].validate({}) as { issues?: ReadonlyArray<unknown> }
      expect(out.issues?.length).toBeGreaterThan(0)
    })
  })

  describe("validation errors", () => {
    for (const [code, plan] of Object.entries(brokenPlans)) {
      it(`reports ${code}`, () => {
        const result = Plan.validate(plan)
        expect(codesOf(result)).toContain(code)
        if (Result.isFailure(result)) {
          const issue = result.failure.issues.find((i) => i.code === code)!
          expect(issue.message.zh).not.toBe(code)
          expect(issue.message.en).not.toBe(code)
          expect(issue.message.en).not.toMatch(/\{[a-zA-Z]+\}/)
          expect(issue.message.zh).not.toMatch(/\{[a-zA-Z]+\}/)
        }
      })
    }
    it("passes the fixed plan", () => {
      expect(codesOf(Plan.validate(simplePlan))).toEqual([])
    })
    it("reports a bad method config with the path into the config", () => {
      const result = Plan.validate(brokenPlans["ASSESS_METHOD_CONFIG_INVALID"]!)
      if (Result.isFailure(result)) {
        const paths = result.failure.issues.map((i) => i.path.join("."))
        expect(paths).toContain("indicators.0.method.config.floor")
        expect(paths).toContain("indicators.0.method.config.target")
      }
    })
    it("reports every problem of a plan at once", () => {
      const plan: Plan.Plan = {
        ...brokenPlans["ASSESS_METHOD_UNKNOWN"]!,
        formula: { _tag: "BranchStar", evaluation: "nope", baseShare: 50, evaluationShare: 30 },
        bonus: [simplePlan.bonus![0]!, simplePlan.bonus![0]!]
      }
      expect(new Set(codesOf(Plan.validate(plan)))).toEqual(
        new Set([
          "ASSESS_METHOD_UNKNOWN",
          "ASSESS_FORMULA_INDICATOR_UNKNOWN",
          "ASSESS_FORMULA_SHARES_INVALID",
          "ASSESS_DUPLICATE_ID"
        ])
      )
    })
    it("validates a deep tree iteratively", () => {
      let node: Plan.Indicator = leaf("leaf", { name: "linear", config: { floor: 0, target: 1 } })
      for (let d = 0; d < 5000; d++) node = { id: `n${d}`, label: { zh: "n", en: "n" }, max: 10, children: [node] }
      expect(codesOf(Plan.validate(withIndicators([node])))).toContain("ASSESS_TREE_TOO_DEEP")
    })
    it("a plan with a custom method validates only against a registry that has it", () => {
      const custom = Method.defineMethod({
        name: "flat",
        label: { zh: "定额", en: "flat" },
        config: Schema.Struct({ points: Schema.Finite }),
        input: Schema.Boolean,
        score: (done: boolean, config) => (done ? config.points : 0)
      })
      const plan = withIndicators([leaf("x", { name: "flat", config: { points: 5 } })])
      expect(codesOf(Plan.validate(plan))).toEqual(["ASSESS_METHOD_UNKNOWN"])
      const registry = Result.getOrThrow(Method.register(Method.builtins, custom))
      expect(codesOf(Plan.validate(plan, registry))).toEqual([])
    })
  })

  describe("getters", () => {
    it("maxPossible adds the bonus cap (weighted by the base share for branch stars)", () => {
      expect(Plan.maxPossible(Presets.qijiangGrandCommittee)).toBe(110)
      // branch stars declare a total cap of 100: bonus cannot lift a total above it
      expect(Plan.maxPossible(Presets.branchStars)).toBe(100)
      expect(Plan.maxPossible({ ...Presets.branchStars, totalCap: 200 })).toBeCloseTo(104.2)
      expect(Plan.maxPossible(Presets.democraticEvaluation)).toBe(100)
    })
  })

  describe("messages", () => {
    it("every code has zh and en templates with the same placeholders, none of them a …Zh / …En word", () => {
      for (const code of Messages.messages.codes) {
        const t = Messages.messages.templates[code]
        // a language's words come as a label ({x:label}); the same name may print its plain value in English
        const ph = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?::label)?\}/g)].map((m) => m[1]!))].sort()
        expect(ph(t.zh).filter((p) => /[a-z](Zh|En)$/.test(p))).toEqual([])
        expect(code.startsWith("ASSESS_")).toBe(true)
        expect(ph(t.zh)).toEqual(ph(t.en))
      }
    })
  })
})
