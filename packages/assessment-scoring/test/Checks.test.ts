import { Assessment, type Inputs } from "@gongzhi/assessment-scoring"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { simpleInputs, simplePlan, subject } from "./fixtures.js"

/**
 * The input checks run in two passes: a fast one that only says whether a subject is
 * well-formed, and, for a subject it doubts, the reporting one that names every problem. Each
 * corruption below has the issue it must produce; a generated set of subjects, each with some
 * corruptions, must fail with exactly the issues of its corruptions (and succeed with none).
 */
interface Corruption {
  readonly group: string
  readonly apply: (s: Mutable) => void
  readonly expected: (s: number) => ReadonlyArray<string>
}
interface Mutable {
  id: string
  values: Record<string, unknown>
  bonus?: Record<string, number>
  deductions?: Record<string, number>
  vetoes?: Array<Inputs.VetoInput>
}
const at = (code: string, ...path: ReadonlyArray<string | number>) => `${code} ${JSON.stringify(path)}`
const reason = { zh: "原因", en: "reason" }
const corruptions: ReadonlyArray<Corruption> = [
  {
    group: "hours",
    apply: (s) => void delete s.values["hours"],
    expected: (k) => [at("ASSESS_INPUT_MISSING", "subjects", k, "values", "hours")]
  },
  {
    group: "hours",
    apply: (s) => void (s.values["hours"] = "forty"),
    expected: (k) => [at("ASSESS_INPUT_WRONG_TYPE", "subjects", k, "values", "hours")]
  },
  {
    group: "hours",
    apply: (s) => void (s.values["hours"] = Number.NaN),
    expected: (k) => [at("ASSESS_INPUT_WRONG_TYPE", "subjects", k, "values", "hours")]
  },
  {
    group: "funds",
    apply: (s) => void (s.values["funds"] = Infinity),
    expected: (k) => [at("ASSESS_INPUT_WRONG_TYPE", "subjects", k, "values", "funds")]
  },
  {
    group: "funds",
    apply: (s) => void delete s.values["funds"],
    expected: (k) => [at("ASSESS_INPUT_MISSING", "subjects", k, "values", "funds")]
  },
  {
    group: "extra",
    apply: (s) => void (s.values["zzz"] = 1),
    expected: (k) => [at("ASSESS_INPUT_UNKNOWN", "subjects", k, "values", "zzz")]
  },
  {
    group: "bonus",
    apply: (s) => void (s.bonus = { nope: 1 }),
    expected: (k) => [at("ASSESS_ITEM_UNKNOWN", "subjects", k, "bonus", "nope")]
  },
  {
    group: "bonus",
    apply: (s) => void (s.bonus = { award: 1.5 }),
    expected: (k) => [at("ASSESS_OCCURRENCES_INVALID", "subjects", k, "bonus", "award")]
  },
  {
    group: "deductions",
    apply: (s) => void (s.deductions = { complaint: -1 }),
    expected: (k) => [at("ASSESS_OCCURRENCES_INVALID", "subjects", k, "deductions", "complaint")]
  },
  {
    group: "vetoes",
    apply: (s) => void (s.vetoes = [{ id: "incident", reason }, { id: "nope", reason }]),
    expected: (k) => [at("ASSESS_ITEM_UNKNOWN", "subjects", k, "vetoes", 1, "id")]
  },
  {
    group: "id",
    apply: (s) => void (s.id = "s0"),
    expected: (k) => (k === 0 ? [] : [at("ASSESS_SUBJECT_DUPLICATE", "subjects", k, "id")])
  }
]

const subjectCase = fc.uniqueArray(fc.integer({ min: 0, max: corruptions.length - 1 }), {
  maxLength: 4,
  selector: (i) => corruptions[i]?.group
})

const build = (cases: ReadonlyArray<ReadonlyArray<number>>) => {
  const expected: Array<string> = []
  const subjects = cases.map((list, k) => {
    const s: Mutable = { id: `s${k}`, values: { ...subject(`s${k}`).values } }
    for (const i of list) {
      const corruption = corruptions[i]
      if (corruption === undefined) continue
      corruption.apply(s)
      expected.push(...corruption.expected(k))
    }
    return s as Inputs.Subject
  })
  return { inputs: simpleInputs(subjects), expected }
}

const issuesOf = (inputs: Inputs.Inputs): ReadonlyArray<string> => {
  const result = Assessment.score(simplePlan, inputs)
  return Result.isFailure(result) ? result.failure.issues.map((i) => at(i.code, ...i.path)) : []
}

describe("Assessment input checks", () => {
  it("a well-formed subject passes the fast pass: the run scores", () => {
    expect(issuesOf(simpleInputs([subject("a"), subject("b")]))).toEqual([])
  })

  it("a subject the fast pass doubts gets every one of its problems named by the reporting pass", () => {
    const { expected, inputs } = build([[], [0, 5, 6, 8, 9]])
    expect(issuesOf(inputs)).toEqual([
      at("ASSESS_INPUT_UNKNOWN", "subjects", 1, "values", "zzz"),
      at("ASSESS_INPUT_MISSING", "subjects", 1, "values", "hours"),
      at("ASSESS_ITEM_UNKNOWN", "subjects", 1, "bonus", "nope"),
      at("ASSESS_OCCURRENCES_INVALID", "subjects", 1, "deductions", "complaint"),
      at("ASSESS_ITEM_UNKNOWN", "subjects", 1, "vetoes", 1, "id")
    ])
    expect([...issuesOf(inputs)].sort()).toEqual([...expected].sort())
  })

  it("generated subjects with generated problems: exactly the issues of the problems, none for none", () => {
    fc.assert(
      fc.property(fc.array(subjectCase, { minLength: 1, maxLength: 6 }), (cases) => {
        const { expected, inputs } = build(cases)
        expect([...issuesOf(inputs)].sort()).toEqual([...expected].sort())
      }),
      { numRuns: 300 }
    )
  })

  it("a duplicate id is named wherever it comes: after ids in increasing order, after a fall, repeated", () => {
    // ids in increasing order are compared with the one before, a set checks them from the first fall
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1, maxLength: 8 }), (ids) => {
        const expected = ids.flatMap((id, k) =>
          ids.slice(0, k).includes(id) ? [at("ASSESS_SUBJECT_DUPLICATE", "subjects", k, "id")] : []
        )
        expect(issuesOf(simpleInputs(ids.map((id) => subject(id))))).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })
})
