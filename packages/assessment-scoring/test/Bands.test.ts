import { Assessment, Inputs, Method, type Plan } from "@gongzhi/assessment-scoring"
import { ValidationReport } from "@gongzhi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

/**
 * Leaves scored by the built-in threshold bands are scored from a band table worked out once per
 * run (first and unique hit policies); every other method, and `max`, is called. Both must give
 * what the method itself gives: the same points (clamped to the leaf's max, rounded), the same
 * cap and the same note in the explanation.
 */
const planOf = (config: Method.BandsConfig, max: number): Plan.Plan => ({
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "bands",
  version: "1",
  name: { zh: "分档", en: "bands" },
  subject: { zh: "社区", en: "community" },
  maxTotal: 100,
  indicators: [{
    id: "d",
    label: { zh: "维度", en: "dimension" },
    max: 100,
    children: [{ id: "x", label: { zh: "指标", en: "indicator" }, max, method: { name: "bands", config } }]
  }],
  rounding: { places: 1, mode: "half-up" }
})

const configs: fc.Arbitrary<Method.BandsConfig> = fc.record({
  a: fc.integer({ min: -5, max: 30 }),
  gap: fc.integer({ min: 1, max: 30 }),
  hole: fc.integer({ min: 0, max: 5 }),
  points: fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 3, maxLength: 3 }),
  otherwise: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  hitPolicy: fc.constantFrom("first" as const, "unique" as const, "max" as const)
}).map(({ a, gap, hitPolicy, hole, otherwise, points }) => ({
  hitPolicy,
  ...(otherwise === undefined ? {} : { otherwise }),
  bands: [
    { below: a, points: points[0] ?? 0 },
    { min: a, below: a + gap, points: points[1] ?? 0 },
    // a hole of `hole` between the last two bands: values there match no band
    { min: a + gap + hole, points: points[2] ?? 0 }
  ]
}))

describe("Assessment bands leaves", () => {
  it("score as the bands method does: points clamped and rounded, the method's own notes", () => {
    fc.assert(
      fc.property(
        configs,
        fc.integer({ min: 1, max: 30 }),
        // small whole numbers (their band read from a table made once), others (searched), -0
        fc.array(
          fc.oneof(
            fc.integer({ min: -20, max: 80 }),
            fc.integer({ min: 120, max: 140 }),
            fc.double({ min: -20, max: 200, noNaN: true }),
            fc.constant(-0)
          ),
          { minLength: 1, maxLength: 8 }
        ),
        (config, max, values) => {
          const inputs = Inputs.make("bands", values.map((x, k) => ({ id: `s${k}`, values: { x } })))
          const result = Assessment.score(planOf(config, max), inputs)
          // (the generated bands never overlap, so even `unique` configs are accepted)
          if (result._tag === "Failure") throw new Error(JSON.stringify(result.failure.issues[0]))
          const prepare = Method.bands.prepare
          if (prepare === undefined) throw new Error("the bands method prepares its state")
          const state = prepare(config, [])
          values.forEach((x, k) => {
            const out = Method.bands.score(x, config, {
              max,
              indicatorId: "x",
              state,
              subject: { id: `s${k}`, group: undefined, attributes: {} }
            })
            const points = typeof out === "number" ? out : out.points
            const rounded = Math.round(points * 10) / 10
            const expected = Math.min(Math.max(rounded, 0), max)
            const node = result.success.subjects[k]?.explanation.tree[0]?.children?.[0]
            expect(node?.points).toBeCloseTo(expected, 9)
            expect(node?.note).toEqual(typeof out === "number" ? undefined : out.note)
            // how the points were capped, which a band table's leaf keeps as its outcome's
            expect(node?.capped).toBe(rounded > max ? "max" : rounded < 0 ? "zero" : undefined)
          })
        }
      ),
      { numRuns: 500 }
    )
  })

  it("a value in no band takes the otherwise points and says so", () => {
    const config: Method.BandsConfig = {
      hitPolicy: "first",
      otherwise: 1,
      bands: [{ below: 10, points: 0 }, { min: 20, points: 5 }]
    }
    const result = ValidationReport.getOrThrow(
      Assessment.score(planOf(config, 5), Inputs.make("bands", [{ id: "a", values: { x: 15 } }]))
    )
    const node = result.subjects[0]?.explanation.tree[0]?.children?.[0]
    expect(node?.points).toBe(1)
    expect(node?.note?.en).toBe("no band matched")
  })
})

describe("Assessment explanation inputs", () => {
  it("are the values as read: numbers (-0 too), lists, absent optional values", () => {
    const bands: Method.BandsConfig = { hitPolicy: "first", bands: [{ below: 10, points: 0 }, { min: 10, points: 5 }] }
    const plan: Plan.Plan = {
      ...planOf(bands, 5),
      indicators: [{
        id: "d",
        label: { zh: "维度", en: "dimension" },
        max: 100,
        children: [
          { id: "x", label: { zh: "指标", en: "x" }, max: 5, method: { name: "bands", config: bands } },
          { id: "o", label: { zh: "可选", en: "o" }, max: 5, optional: true, method: { name: "bands", config: bands } },
          {
            id: "c",
            label: { zh: "清单", en: "c" },
            max: 5,
            method: {
              name: "checklist",
              config: {
                items: [{ id: "p", label: { zh: "p", en: "p" }, points: 2 }, {
                  id: "q",
                  label: { zh: "q", en: "q" },
                  points: 3
                }]
              }
            }
          }
        ]
      }]
    }
    const list = ["p", "q"]
    const inputs = Inputs.make("bands", [
      { id: "a", values: { x: -0, o: 12, c: list } },
      { id: "b", values: { c: ["q"], x: 20 } },
      // an empty list, members in another order
      { id: "e", values: { x: 3, c: [], o: 1 } }
    ])
    const result = ValidationReport.getOrThrow(Assessment.score(plan, inputs))
    const leaves = (k: number) => result.subjects[k]?.explanation.tree[0]?.children ?? []
    expect(leaves(0).map((n) => n.input)).toEqual([-0, 12, ["p", "q"]])
    expect(Object.is(leaves(0)[0]?.input, -0)).toBe(true)
    expect(leaves(0).map((n) => n.points)).toEqual([0, 5, 5])
    expect(leaves(1).map((n) => n.input)).toEqual([20, undefined, ["q"]])
    expect(leaves(1)[1]?.note?.en).toBe("no value (optional indicator, 0 points)")
    expect(leaves(2).map((n) => n.input)).toEqual([3, 1, []])
    expect(result.subjects.map((s) => s.total)).toEqual([10, 8, 0])
  })
})
