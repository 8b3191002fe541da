/**
 * The fast pass of the input checks reads a subject's values leaf by leaf (by name, then its own
 * keys counted), and adds up the digests of the numbers it reads (small whole numbers remembered
 * per key). These properties hold it to a
 * plain check written here: the same issues in the same order, and for valid inputs the same
 * totals and an inputs fingerprint equal to `Assessment.inputsHash`, whatever way the values
 * objects were made — filled key by key (V8 then keeps 40 keys as a hash table), parsed from
 * JSON (fast properties), without a prototype, or with a prototype whose members must not count.
 */
import { Assessment, Inputs, Plan } from "@gongzhi/assessment-scoring"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const LEAVES = 40
const keyOf = (i: number) => `x${i}`
const isOptional = (i: number) => i % 7 === 3

const plan: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "wide",
  version: "1",
  name: { zh: "宽方案", en: "wide plan" },
  subject: { zh: "社区", en: "community" },
  maxTotal: LEAVES,
  bonus: [{ id: "award", label: { zh: "表彰", en: "award" }, points: 1, cap: 2 }],
  deductions: [{ id: "complaint", label: { zh: "投诉", en: "complaint" }, points: 1, cap: 2 }],
  indicators: [{
    id: "d",
    label: { zh: "维度", en: "dimension" },
    max: LEAVES,
    children: Array.from({ length: LEAVES }, (_, i) => ({
      id: keyOf(i),
      label: { zh: keyOf(i), en: keyOf(i) },
      max: 1,
      optional: isOptional(i),
      method: i % 2 === 0
        ? { name: "linear", config: { floor: 0, target: 100 } }
        : {
          name: "bands",
          config: {
            hitPolicy: "first",
            bands: [{ below: 40, points: 0 }, { min: 40, below: 80, points: 0.5 }, { min: 80, points: 1 }]
          }
        }
    }))
  }]
}

/** A well-formed value: mostly small whole numbers (their digests are remembered), some not. */
const good: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e4, max: 1e4 }) },
  { weight: 2, arbitrary: fc.constantFrom(-0, 127, 128, -1, 2 ** 31, 0.5) }
)
/** What may be wrong with a value: absent, undefined (both fine for an optional leaf) or not a finite number. */
const absent = Symbol("absent")
const bad = fc.constantFrom<unknown>(absent, undefined, "ten", Number.NaN, Infinity, null)
/** Mostly none, else a few. */
const few = <A>(arbitrary: fc.Arbitrary<A>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(arbitrary, { maxLength: 2 }) })

/** A subject's values as entries, in a shuffled order: well-formed, but for a few bad values and unknown keys. */
const entries = fc.tuple(
  fc.array(good, { minLength: LEAVES, maxLength: LEAVES }),
  few(fc.tuple(fc.integer({ min: 0, max: LEAVES - 1 }), bad)),
  few(fc.constantFrom("zz", "x40", "X1", "constructor")),
  fc.integer()
).map(([values, problems, extra, seed]) => {
  const all = [...values]
  for (const [i, v] of problems) all[i] = v
  const list: Array<readonly [string, unknown]> = []
  all.forEach((v, i) => {
    if (v !== absent) list.push([keyOf(i), v])
  })
  for (const key of new Set(extra)) list.push([key, 1])
  // a shuffle of the keys' order, fixed by the seed
  return list.map((e, k) => ({ e, r: Math.imul(seed ^ k, 0x9e3779b1) })).sort((a, b) => a.r - b.r).map(({ e }) => e)
})

/** A subject's other members, which the fingerprint reads too: mostly items and texts, sometimes what the walk must read itself. */
const others: fc.Arbitrary<Record<string, unknown>> = fc.record({
  name: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
  group: fc.option(fc.constantFrom("东", "西"), { nil: undefined }),
  previousRank: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  bonus: fc.option(fc.oneof(fc.record({ award: fc.integer({ min: 0, max: 3 }) }), fc.constant({})), { nil: undefined }),
  deductions: fc.option(fc.constantFrom({ complaint: 1 }, { complaint: 0 }), { nil: undefined }),
  attributes: fc.option(fc.constant({ unit: "甲" }), { nil: undefined })
}, { requiredKeys: [] })

type Make = (list: ReadonlyArray<readonly [string, unknown]>) => Record<string, unknown>
const keyByKey: Make = (list) => {
  const o: Record<string, unknown> = {}
  for (const [k, v] of list) o[k] = v
  return o
}
const makers: ReadonlyArray<readonly [string, Make]> = [
  ["filled key by key", keyByKey],
  ["parsed from JSON", (list) => JSON.parse(JSON.stringify(keyByKey(list)))],
  ["without a prototype", (list) => Object.assign(Object.create(null), keyByKey(list))],
  ["with a prototype of its own", (list) => Object.setPrototypeOf(keyByKey(list), { x0: 50, zz: 1 })]
]

const at = (code: string, path: ReadonlyArray<string | number>) => `${code} ${JSON.stringify(path)}`

const isFiniteNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v)

/** The checks written plainly: per subject, its unknown keys (in the values' own key order), then each leaf in order. */
const plainIssues = (subjects: ReadonlyArray<Inputs.Subject>): ReadonlyArray<string> => {
  const found: Array<string> = []
  subjects.forEach((subject, s) => {
    const own = Object.keys(subject.values)
    for (const key of own) {
      const i = /^x(\d+)$/.exec(key)
      if (i === null || Number(i[1]) >= LEAVES || keyOf(Number(i[1])) !== key) {
        found.push(at("ASSESS_INPUT_UNKNOWN", ["subjects", s, "values", key]))
      }
    }
    for (let i = 0; i < LEAVES; i++) {
      const key = keyOf(i)
      const v = Object.hasOwn(subject.values, key) ? subject.values[key] : undefined
      if (v === undefined) {
        if (!isOptional(i)) found.push(at("ASSESS_INPUT_MISSING", ["subjects", s, "values", key]))
      } else if (!isFiniteNumber(v)) {
        found.push(at("ASSESS_INPUT_WRONG_TYPE", ["subjects", s, "values", key]))
      }
    }
  })
  return found
}

const issuesOf = (result: ReturnType<typeof Assessment.score>): ReadonlyArray<string> =>
  Result.isFailure(result) ? result.failure.issues.map((i) => at(i.code, i.path)) : []

describe("Assessment input checks, fast pass", () => {
  it(
    "the same issues in the same order as the plain checks, and the same scores and fingerprint, however the values were made",
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(entries, others), { minLength: 1, maxLength: 5 }), (lists) => {
          let totals: ReadonlyArray<number> | undefined
          for (const [, make] of makers) {
            const inputs = Inputs.make(
              "wide",
              lists.map(([list, rest], s) => ({ id: `s${s}`, ...rest, values: make(list) }) as Inputs.Subject),
              "2024"
            )
            const result = Assessment.score(plan, inputs)
            expect(issuesOf(result)).toEqual(plainIssues(inputs.subjects))
            if (Result.isSuccess(result)) {
              expect(result.success.inputsHash).toBe(Assessment.inputsHash(inputs))
              const these = result.success.subjects.map((r) => r.total)
              if (totals === undefined) totals = these
              else expect(these).toEqual(totals)
            }
          }
        }),
        { numRuns: 300 }
      )
      // (300 generated runs: over 5 s at load 9 on the shared 2 cores)
    },
    60_000
  )

  it("a subject whose values are all there scores the same as its copy through JSON, many subjects in one run", () => {
    const list = Array.from(
      { length: 300 },
      (_, s) => Array.from({ length: LEAVES }, (_, i) => [keyOf(i), (s * 7 + i * 13) % 101] as const)
    )
    const filled = Inputs.make("wide", list.map((l, s) => ({ id: `s${s}`, values: keyByKey(l) })))
    const parsed: Inputs.Inputs = JSON.parse(JSON.stringify(filled))
    const a = Result.getOrThrow(Assessment.score(plan, filled))
    const b = Result.getOrThrow(Assessment.score(plan, parsed))
    expect(b.subjects.map((r) => r.total)).toEqual(a.subjects.map((r) => r.total))
    expect(a.inputsHash).toBe(Assessment.inputsHash(filled))
    expect(b.inputsHash).toBe(a.inputsHash)
  })

  it.each([true, false])(
    "a member of Object.prototype (enumerable: %s) is neither read as a value nor reported as unknown",
    (enumerable) => {
      const values = keyByKey(Array.from({ length: LEAVES }, (_, i) => [keyOf(i), 50] as const))
      delete values["x0"]
      const inputs = Inputs.make("wide", [{ id: "a", values }])
      const program = Result.getOrThrow(Plan.compile(plan))
      const before = issuesOf(Assessment.score(program, inputs))
      // added after the plan was compiled, and plain objects then inherit the leaf's key
      Object.defineProperty(Object.prototype, "x0", { value: 50, enumerable, configurable: true, writable: true })
      try {
        expect(issuesOf(Assessment.score(program, inputs))).toEqual(before)
        expect(issuesOf(Assessment.score(plan, inputs))).toEqual(before)
      } finally {
        delete (Object.prototype as Record<string, unknown>)["x0"]
      }
      expect(before).toEqual([at("ASSESS_INPUT_MISSING", ["subjects", 0, "values", "x0"])])
    }
  )
})
