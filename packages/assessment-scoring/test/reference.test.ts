/**
 * The engine against the plain reference scorer (`reference.ts`) on generated plans × inputs:
 * totals, grades, quotas, ranks, vetoes, consequences and the explanation's sums and tree points
 * identical. ASSESS_REFERENCE_RUNS sets the number of generated cases: 10,000 in CI (`CI=true`,
 * as `.ci/run` sets it), 200 otherwise.
 */
import { Assessment, type Explanation, type Inputs, type Plan, Plan as PlanModule } from "@gongzhi/assessment-scoring"
import { ValidationReport } from "@gongzhi/core"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { referenceScore } from "./reference.js"

const RUNS = Number(process.env["ASSESS_REFERENCE_RUNS"] ?? (process.env["CI"] === "true" ? 10_000 : 200))

const label = (s: string) => ({ zh: s, en: s })

/**
 * A value from `min` to `max`, mostly whole (as most inputs are), sometimes -0, a fraction
 * (unless `whole`; often a half or a quarter) or a larger whole number (around 128 and 253 too): the engine keeps small whole
 * numbers in a byte and every other number apart, and remembers the band of the smallest, and
 * every way is compared here.
 */
const numberIn = (min: number, max: number, whole = false): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 8 },
    { arbitrary: fc.constant(-0), weight: 1 },
    { arbitrary: fc.integer({ min: 120, max: 300 }), weight: 1 },
    { arbitrary: fc.integer({ min: 254, max: 100_000 }), weight: 1 },
    {
      // a whole number and a half or a quarter, near where bands and thresholds change
      arbitrary: whole
        ? fc.integer({ min, max })
        : fc.tuple(fc.integer({ min, max: max - 1 }), fc.constantFrom(0.25, 0.5, 0.75)).map(([n, f]) => n + f),
      weight: 1
    },
    { arbitrary: whole ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }), weight: 1 }
  )

/** A leaf's method and how to generate a value for it. */
interface LeafKind {
  readonly method: Plan.MethodRef
  readonly value: fc.Arbitrary<unknown>
}

const leafKind: fc.Arbitrary<LeafKind> = fc.oneof(
  fc.record({ floor: fc.integer({ min: 0, max: 40 }), span: fc.integer({ min: 1, max: 60 }), lower: fc.boolean() })
    .map(({ floor, lower, span }) => ({
      method: {
        name: "linear",
        config: lower ? { floor: floor + span, target: floor } : { floor, target: floor + span }
      },
      value: numberIn(0, 110)
    })),
  fc.integer({ min: 1, max: 100 }).map((target) => ({
    method: { name: "ratio", config: { target } },
    value: numberIn(0, 120)
  })),
  fc.integer({ min: 1, max: 5 }).map((per) => ({
    method: { name: "deduction-per-occurrence", config: { pointsPerOccurrence: per } },
    value: numberIn(0, 6, true)
  })),
  fc.record({ order: fc.constantFrom("higher-is-better", "lower-is-better"), among: fc.constantFrom("all", "group") })
    .map((config) => ({ method: { name: "rank", config }, value: numberIn(0, 9) })),
  fc.record({
    a: fc.integer({ min: 10, max: 40 }),
    b: fc.integer({ min: 50, max: 90 }),
    p: fc.constantFrom(0.25, 0.5, 0.6, 0.75),
    hitPolicy: fc.constantFrom("first", "unique", "max")
  }).map(({ a, b, hitPolicy, p }) => ({
    method: {
      name: "bands",
      config: {
        hitPolicy,
        bands: [{ below: a, points: 0 }, { min: a, below: b, points: p }, { min: b, points: 1 }]
      }
    },
    value: numberIn(0, 100)
  })),
  fc.integer({ min: 1, max: 3 }).map((k) => ({
    method: { name: "expression", config: { logic: { "min": [{ "*": [{ "var": "value" }, k] }, { "var": "max" }] } } },
    value: numberIn(0, 20)
  })),
  fc.constant({
    method: {
      name: "checklist",
      config: {
        items: [{ id: "x", label: label("x"), points: 2 }, { id: "y", label: label("y"), points: 3 }]
      }
    },
    value: fc.subarray(["x", "y"])
  })
)

interface Generated {
  readonly plan: Plan.Plan
  readonly inputs: Inputs.Inputs
}

const maxOf = fc.constantFrom(1, 2, 5, 7.5, 10, 12, 20, 30)

/** A plan and its valid inputs. */
const generatedWith = (leafKind: fc.Arbitrary<LeafKind>): fc.Arbitrary<Generated> =>
  fc.record({
    roots: fc.array(
      fc.record({
        max: maxOf,
        weight: fc.constantFrom(1, 2, 3),
        children: fc.array(
          fc.record({
            max: maxOf,
            weight: fc.constantFrom(1, 2, 5),
            optional: fc.boolean(),
            kind: leafKind,
            grandchildren: fc.array(fc.record({ max: maxOf, kind: leafKind }), { maxLength: 2 })
          }),
          { maxLength: 3 }
        ),
        kind: leafKind
      }),
      { minLength: 1, maxLength: 3 }
    ),
    rootsWeighted: fc.boolean(),
    childrenWeighted: fc.boolean(),
    maxTotal: fc.constantFrom(10, 60, 100),
    branchStar: fc.boolean(),
    places: fc.integer({ min: 0, max: 2 }),
    mode: fc.constantFrom("half-up", "half-even", "down", "up"),
    bonus: fc.array(fc.record({ points: fc.constantFrom(0.5, 1, 2, 3), cap: fc.constantFrom(1, 2, 4, 6) }), {
      maxLength: 2
    }),
    bonusCap: fc.option(fc.constantFrom(1, 3, 5), { nil: undefined }),
    deductions: fc.array(fc.record({ points: fc.constantFrom(0.5, 1, 2, 5), cap: fc.constantFrom(1, 3, 10) }), {
      maxLength: 2
    }),
    deductionCap: fc.option(fc.constantFrom(2, 6), { nil: undefined }),
    totalCap: fc.option(fc.constantFrom(50, 90, 100), { nil: undefined }),
    vetoRule: fc.option(fc.constantFrom("total", "points", "value"), { nil: undefined }),
    vetoThreshold: fc.integer({ min: 0, max: 60 }),
    vetoEffect: fc.constantFrom("force", "bar"),
    grades: fc.constant(true),
    top: fc.integer({ min: 50, max: 95 }),
    mid: fc.integer({ min: 1, max: 49 }),
    quota: fc.option(
      fc.record({
        numerator: fc.integer({ min: 0, max: 2 }),
        denominator: fc.integer({ min: 2, max: 4 }),
        scope: fc.constantFrom("plan", "group"),
        tie: fc.constantFrom("exclude-tied", "by-subject-id"),
        overflowToLast: fc.boolean(),
        mid: fc.option(
          fc.record({
            numerator: fc.integer({ min: 0, max: 3 }),
            denominator: fc.integer({ min: 3, max: 5 }),
            scope: fc.constantFrom("plan", "group"),
            tie: fc.constantFrom("exclude-tied", "by-subject-id")
          }),
          { nil: undefined }
        )
      }),
      { nil: undefined }
    ),
    ungraded: fc.boolean(),
    ranking: fc.option(
      fc.record({
        mode: fc.constantFrom("competition", "dense"),
        scope: fc.constantFrom("plan", "group"),
        vetoed: fc.constantFrom(undefined, "last", "unranked")
      }),
      { nil: undefined }
    ),
    rankTop: fc.integer({ min: 1, max: 3 }),
    ruleTotal: fc.integer({ min: 0, max: 100 }),
    subjects: fc.integer({ min: 1, max: 9 }),
    idsDecrease: fc.boolean()
  }).chain((g) => {
    const leaves: Array<{ id: string; kind: LeafKind; optional: boolean }> = []
    let n = 0
    const indicators: Array<Plan.Indicator> = g.roots.map((root, r) => {
      const id = `r${r}`
      const weight = g.rootsWeighted ? { weight: root.weight } : {}
      if (root.children.length === 0) {
        leaves.push({ id, kind: root.kind, optional: false })
        return { id, label: label(id), max: root.max, ...weight, method: root.kind.method }
      }
      return {
        id,
        label: label(id),
        max: root.max,
        ...weight,
        children: root.children.map((child): Plan.Indicator => {
          const cid = `n${n++}`
          const cweight = g.childrenWeighted ? { weight: child.weight } : {}
          if (child.grandchildren.length === 0) {
            leaves.push({ id: cid, kind: child.kind, optional: child.optional })
            return {
              id: cid,
              label: label(cid),
              max: child.max,
              ...cweight,
              ...(child.optional ? { optional: true } : {}),
              method: child.kind.method
            }
          }
          return {
            id: cid,
            label: label(cid),
            max: child.max,
            ...cweight,
            children: child.grandchildren.map((gc) => {
              const gid = `n${n++}`
              leaves.push({ id: gid, kind: gc.kind, optional: false })
              return { id: gid, label: label(gid), max: gc.max, method: gc.kind.method }
            })
          }
        })
      }
    })
    const branchStar = g.branchStar && indicators.length >= 2
    const bands = [
      { id: "top", label: label("top"), min: g.top },
      { id: "mid", label: label("mid"), min: g.mid },
      { id: "low", label: label("low"), min: 0 }
    ]
    const firstLeaf = leaves[0]!
    const vetoWhen = g.vetoRule === "total"
      ? { "<": [{ "var": "total" }, g.vetoThreshold] }
      : g.vetoRule === "points"
      ? { "<": [{ "var": `points.${firstLeaf.id}` }, g.vetoThreshold / 10] }
      : { "==": [{ "var": `values.${firstLeaf.id}` }, g.vetoThreshold % 7] }
    const vetoEffect: Plan.VetoEffect = g.vetoEffect === "force" || !g.grades
      ? { _tag: "ForceGrade", grade: "low" }
      : { _tag: "BarGrades", grades: ["top"] }
    const plan: Plan.Plan = {
      kind: "assessment-plan",
      schemaVersion: 1,
      id: "gen",
      version: "1",
      name: label("generated"),
      subject: label("subject"),
      maxTotal: g.maxTotal,
      indicators,
      bonus: g.bonus.map((b, i) => ({ id: `b${i}`, label: label(`b${i}`), ...b })),
      ...(g.bonusCap === undefined ? {} : { bonusCap: g.bonusCap }),
      deductions: g.deductions.map((d, i) => ({ id: `d${i}`, label: label(`d${i}`), ...d })),
      ...(g.deductionCap === undefined ? {} : { deductionCap: g.deductionCap }),
      ...(g.totalCap === undefined ? {} : { totalCap: g.totalCap }),
      vetoes: [
        { id: "listed", label: label("listed"), effect: vetoEffect },
        ...(g.vetoRule === undefined ? [] : [{ id: "rule", label: label("rule"), effect: vetoEffect, when: vetoWhen }])
      ],
      ...(branchStar
        ? {
          formula: {
            _tag: "BranchStar" as const,
            evaluation: indicators[indicators.length - 1]!.id,
            baseShare: 70,
            evaluationShare: 30
          }
        }
        : {}),
      rounding: { places: g.places, mode: g.mode },
      ...(g.grades
        ? {
          grades: {
            bands,
            ...(g.quota === undefined ? {} : {
              quotas: [{
                grade: "top",
                numerator: g.quota.numerator,
                denominator: g.quota.denominator,
                scope: g.quota.scope,
                tie: g.quota.tie,
                ...(g.quota.overflowToLast ? { overflowTo: "low" } : {})
              }, ...(g.quota.mid === undefined ? [] : [{
                // a second quota, on the band the first one pushes subjects into (listed first:
                // quotas apply best grade first whatever their order)
                grade: "mid",
                numerator: g.quota.mid.numerator,
                denominator: g.quota.mid.denominator,
                scope: g.quota.mid.scope,
                tie: g.quota.mid.tie
              }])].reverse()
            }),
            ...(g.ungraded
              ? { ungraded: [{ attribute: "status", equals: "probationary", reason: label("probationary") }] }
              : {})
          }
        }
        : {}),
      ...(g.ranking === undefined ? {} : {
        ranking: {
          mode: g.ranking.mode,
          scope: g.ranking.scope,
          ...(g.ranking.vetoed === undefined ? {} : { vetoed: g.ranking.vetoed })
        }
      }),
      consequences: [
        ...(g.grades
          ? [{ id: "c-grade", kind: "commendation" as const, when: { _tag: "Grade" as const, grades: ["top"] } }]
          : []),
        { id: "c-veto", kind: "reminder-talk" as const, when: { _tag: "Veto" as const } },
        { id: "c-rank", kind: "priority-in-awards" as const, when: { _tag: "Rank" as const, top: g.rankTop } },
        {
          id: "c-rule",
          kind: "notice-to-unit" as const,
          when: { _tag: "Rule" as const, logic: { "<": [{ "var": "total" }, g.ruleTotal] } }
        }
      ]
    }
    const subject = (id: string) =>
      fc.record({
        values: fc.tuple(
          ...leaves.map((leaf) => leaf.optional ? fc.option(leaf.kind.value, { nil: undefined }) : leaf.kind.value)
        ),
        group: fc.option(fc.constantFrom("a", "b"), { nil: undefined }),
        probationary: fc.boolean(),
        bonus: fc.tuple(...plan.bonus!.map(() => fc.integer({ min: 0, max: 3 }))),
        deductions: fc.tuple(...plan.deductions!.map(() => fc.integer({ min: 0, max: 3 }))),
        listed: fc.integer({ min: 0, max: 9 })
      }).map((s): Inputs.Subject => {
        const values: Record<string, unknown> = {}
        leaves.forEach((leaf, l) => {
          if (s.values[l] !== undefined) values[leaf.id] = s.values[l]
        })
        return {
          id,
          ...(s.group === undefined ? {} : { group: s.group }),
          ...(s.probationary && g.ungraded ? { attributes: { status: "probationary" } } : {}),
          values,
          bonus: Object.fromEntries(s.bonus.map((k, j) => [`b${j}`, k])),
          deductions: Object.fromEntries(s.deductions.map((k, j) => [`d${j}`, k])),
          ...(s.listed === 0 ? { vetoes: [{ id: "listed", reason: label("listed") }] } : {})
        }
      })
    // ids in increasing order (ties compared by subject number) or not (compared as text)
    const ids = g.idsDecrease
      ? Array.from({ length: g.subjects }, (_, i) => `s${g.subjects - 1 - i}`)
      : Array.from({ length: g.subjects }, (_, i) => `s${i}`)
    return fc.tuple(...ids.map((id) => subject(id))).map((subjects) => ({
      plan,
      inputs: { kind: "assessment-inputs", schemaVersion: 1, planId: "gen", subjects } as Inputs.Inputs
    }))
  })

const generated = generatedWith(leafKind)

/**
 * Threshold-bands leaves only (first or unique hit): whole plans scored by the band tables and
 * their memo of small whole numbers, whose leaves keep no points of their own (a bands leaf's
 * units are its band's); values small whole numbers, larger ones, fractions, -0, optional ones
 * missing.
 */
const bandsOnly: fc.Arbitrary<LeafKind> = fc.record({
  a: fc.integer({ min: 10, max: 40 }),
  b: fc.integer({ min: 50, max: 90 }),
  p: fc.constantFrom(0.25, 0.5, 0.6, 0.75),
  hitPolicy: fc.constantFrom("first", "unique")
}).map(({ a, b, hitPolicy, p }) => ({
  method: {
    name: "bands",
    config: { hitPolicy, bands: [{ below: a, points: 0 }, { min: a, below: b, points: p }, { min: b, points: 1 }] }
  },
  value: numberIn(0, 100)
}))

const treePoints = (nodes: ReadonlyArray<Explanation.Node>, into: Record<string, number>): Record<string, number> => {
  for (const node of nodes) {
    into[node.id] = node.points
    if (node.children !== undefined) treePoints(node.children, into)
  }
  return into
}

describe("Assessment", () => {
  describe("scoring", () => {
    it(`agrees with the plain reference scorer on ${RUNS} generated plans × inputs`, () => {
      // (the assertions are in `agrees`; a counterexample is reported with the property's failure)
      expect(() => fc.assert(fc.property(generated, agrees), { numRuns: RUNS })).not.toThrow()
    }, 600_000)

    it(
      `agrees with it on ${Math.ceil(RUNS / 4)} plans of threshold bands only`,
      () => {
        fc.assert(
          fc.property(generatedWith(bandsOnly), (generated) => {
            agrees(generated)
            // every bands leaf's explanation has its note: the band it matched, or "no value"
            const result = Assessment.score(generated.plan, generated.inputs)
            if (Result.isFailure(result)) throw new Error(ValidationReport.format(result.failure, "en"))
            const leaves = (nodes: ReadonlyArray<Explanation.Node>): ReadonlyArray<Explanation.Node> =>
              nodes.flatMap((node) => (node.children === undefined ? [node] : leaves(node.children)))
            for (const subject of result.success.subjects) {
              for (const leaf of leaves(subject.explanation.tree)) expect(leaf.note).toBeDefined()
            }
          }),
          { numRuns: Math.ceil(RUNS / 4) }
        )
      },
      600_000
    )
  })
})

/** The engine's results equal the reference scorer's for one generated plan and inputs. */
const agrees = ({ inputs, plan }: Generated): void => {
  const decoded = PlanModule.decode(JSON.parse(JSON.stringify(plan)))
  if (Result.isFailure(decoded)) throw new Error(ValidationReport.format(decoded.failure, "en"))
  const result = Assessment.score(plan, inputs)
  if (Result.isFailure(result)) throw new Error(ValidationReport.format(result.failure, "en"))
  const engine = result.success
  const reference = referenceScore(plan, inputs)
  const ours = engine.subjects.map((s) => ({
    id: s.id,
    points: treePoints(s.explanation.tree, {}),
    base: s.explanation.base,
    bonusTotal: s.explanation.bonusTotal,
    deductionTotal: s.explanation.deductionTotal,
    total: s.total,
    vetoes: s.vetoes.map((v) => v.id),
    grade: s.grade?.id,
    ungraded: s.ungraded !== undefined,
    rank: s.rank,
    peers: s.peers,
    consequences: s.consequences.map((c) => c.rule)
  }))
  expect(ours).toEqual(reference.subjects)
  expect(engine.quotas.map((q) => ({
    grade: q.grade,
    graded: q.graded,
    limit: q.limit,
    holders: q.holders,
    demoted: q.demoted.map((d) => d.id)
  }))).toEqual(reference.quotas)
  // the explanation's sums: bonus and deductions add up to their totals (caps aside)
  for (const s of engine.subjects) {
    const e = s.explanation
    const items = e.bonus.reduce((sum, b) => sum + b.points, 0)
    expect(e.bonusTotal).toBeLessThanOrEqual(items + 1e-9)
  }
}
