/**
 * A plan whose every leaf is scored by a built-in method that does not read its peers is scored
 * subject by subject during the check (`scoreChecked` in src/Assessment.ts). The same plan with
 * the same methods under other objects (copies registered in a registry of their own) runs the
 * steps in turn: both must give the same result, or the same issues, for any inputs.
 */
import { Assessment, Inputs, Method, type Plan } from "@gongzhi/assessment-scoring"
import { ValidationReport } from "@gongzhi/core"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const label = (s: string) => ({ zh: s, en: s })

export const plan: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "one-pass",
  version: "1",
  name: label("one pass"),
  subject: label("community"),
  maxTotal: 100,
  indicators: [
    {
      id: "d1",
      label: label("d1"),
      max: 60,
      children: [
        {
          id: "b1",
          label: label("b1"),
          max: 20,
          method: {
            name: "bands",
            config: {
              hitPolicy: "first",
              bands: [{ below: 40, points: 0 }, { min: 40, below: 80, points: 0.6 }, { min: 80, points: 1 }]
            }
          }
        },
        {
          id: "l1",
          label: label("l1"),
          max: 20,
          optional: true,
          method: { name: "linear", config: { floor: 0, target: 50 } }
        },
        {
          id: "c1",
          label: label("c1"),
          max: 20,
          method: {
            name: "checklist",
            config: { items: [{ id: "a", label: label("a"), points: 10 }, { id: "b", label: label("b"), points: 10 }] }
          }
        }
      ]
    },
    {
      id: "d2",
      label: label("d2"),
      max: 40,
      children: [
        {
          id: "x1",
          label: label("x1"),
          max: 20,
          weight: 1,
          method: { name: "expression", config: { logic: { "*": [{ "var": "value" }, 2] } } }
        },
        {
          id: "p1",
          label: label("p1"),
          max: 20,
          weight: 3,
          method: { name: "deduction-per-occurrence", config: { pointsPerOccurrence: 3 } }
        }
      ]
    }
  ],
  bonus: [{ id: "award", label: label("award"), points: 2, cap: 4 }],
  deductions: [{ id: "complaint", label: label("complaint"), points: 3, cap: 6 }],
  vetoes: [
    {
      id: "low",
      label: label("low"),
      effect: { _tag: "ForceGrade", grade: "fail" },
      when: { "<": [{ "var": "points.d1" }, 10] }
    },
    { id: "incident", label: label("incident"), effect: { _tag: "BarGrades", grades: ["excellent"] } }
  ],
  rounding: { places: 2, mode: "half-up" },
  grades: {
    bands: [
      { id: "excellent", label: label("excellent"), min: 80 },
      { id: "pass", label: label("pass"), min: 50 },
      { id: "fail", label: label("fail"), min: 0 }
    ],
    quotas: [{ grade: "excellent", numerator: 1, denominator: 3, scope: "plan", tie: "by-subject-id" }]
  },
  ranking: { mode: "competition", scope: "plan" }
}

/** The built-in methods under other objects: the engine then runs the steps in turn. */
const copies: Method.Registry = {
  methods: new Map([...Method.builtins.methods].map(([name, method]) => [name, { ...method }]))
}

/** A value of any kind a caller might send for a leaf (mostly good ones). */
const anyValue = (good: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 60, arbitrary: good },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("12", null, Number.NaN, Infinity, -1, [], {}) },
    { weight: 1, arbitrary: fc.constant(undefined) }
  )

const valuesArb = fc.record({
  b1: anyValue(fc.integer({ min: 0, max: 100 })),
  l1: anyValue(fc.double({ min: 0, max: 80, noNaN: true })),
  c1: anyValue(fc.subarray(["a", "b"])),
  x1: anyValue(fc.integer({ min: 0, max: 15 })),
  p1: anyValue(fc.integer({ min: 0, max: 8 }))
}, { requiredKeys: [] })

/** How a subject's values object is made: a plain object, one with a prototype, one with an extra key, or null-prototype. */
const shapeArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant("plain") },
  { weight: 2, arbitrary: fc.constantFrom("inherited", "bare") },
  { weight: 1, arbitrary: fc.constant("extra") }
)

const subjectArb = fc.record({
  values: valuesArb,
  shape: shapeArb,
  award: fc.integer({ min: 0, max: 3 }),
  complaint: fc.integer({ min: 0, max: 3 }),
  incident: fc.boolean()
}).map(({ award, complaint, incident, shape, values }) => (id: string): Inputs.Subject => {
  const own: Record<string, unknown> = shape === "bare"
    ? Object.create(null)
    : shape === "inherited"
    ? Object.create({})
    : {}
  for (const [key, value] of Object.entries(values)) if (value !== undefined) own[key] = value
  if (shape === "extra") own["unknown"] = 1
  return {
    id,
    values: own as Inputs.Subject["values"],
    bonus: { award },
    deductions: { complaint },
    ...(incident ? { vetoes: [{ id: "incident", reason: label("incident") }] } : {})
  }
})

// ids in order, in another order, or with a duplicate
const inputsArb = fc.tuple(
  fc.array(subjectArb, { minLength: 1, maxLength: 8 }),
  fc.constantFrom("ordered", "reversed", "duplicate")
).map(([made, ids]) =>
  Inputs.make(
    "one-pass",
    made.map((subject, k) =>
      subject(ids === "duplicate" && k === made.length - 1 ? "s0" : `s${ids === "reversed" ? 9 - k : k}`)
    )
  )
)

/** What a user reads of a result: every subject's figures and explanation, or every issue. */
const seen = (r: Result.Result<Assessment.Assessment, ValidationReport.ValidationReport>) =>
  Result.isFailure(r)
    ? { issues: r.failure.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })) }
    : {
      inputsHash: r.success.inputsHash,
      subjects: r.success.subjects.map((s) => ({
        id: s.id,
        total: s.total,
        grade: s.grade?.id,
        rank: s.rank,
        vetoes: s.vetoes.map((v) => v.id),
        consequences: s.consequences,
        explanation: JSON.parse(JSON.stringify(s.explanation))
      }))
    }

describe("scoring subject by subject during the check", () => {
  it("gives what the steps in turn give (the same methods under other objects)", () => {
    let scored = 0
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const once = Assessment.score(plan, inputs)
        const inTurn = Assessment.score(plan, inputs, { registry: copies })
        expect(seen(once)).toEqual(seen(inTurn))
        if (Result.isSuccess(once)) scored++
      }),
      { numRuns: 500 }
    )
    // both outcomes are met: scored runs, and runs refused with issues
    expect(scored).toBeGreaterThan(25)
    expect(scored).toBeLessThan(475)
  })

  it("scores well-formed inputs and reports every issue of bad ones", () => {
    const good = Inputs.make("one-pass", [
      { id: "s1", values: { b1: 90, l1: 50, c1: ["a", "b"], x1: 10, p1: 0 } },
      { id: "s2", values: { b1: 50, c1: ["a"], x1: 3, p1: 2 } }
    ])
    const scored = Assessment.score(plan, good)
    // s1: 1 + 20 + 20 in d1, and d2 weighted (1 × 20/20 + 3 × 20/20) / 4 × 40 = 40;
    // s2: 0.6 + 0 (no value) + 10, and (1 × 6/20 + 3 × 14/20) / 4 × 40 = 24
    expect(Result.isSuccess(scored) && scored.success.subjects.map((s) => s.total)).toEqual([81, 34.6])
    // a bad subject after good ones: only the issues, as when the steps run in turn
    const bad = Inputs.make("one-pass", [...good.subjects, { id: "s3", values: { b1: "x", c1: ["a"], x1: 1, p1: 0 } }])
    const failed = Assessment.score(plan, bad)
    expect(Result.isFailure(failed) && failed.failure.issues.map((i) => [i.code, i.path])).toEqual([
      ["ASSESS_INPUT_WRONG_TYPE", ["subjects", 2, "values", "b1"]]
    ])
  })
})
