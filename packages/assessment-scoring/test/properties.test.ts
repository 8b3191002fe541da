import { Assessment, Inputs, Plan, Presets } from "@gongzhi/assessment-scoring"
import { ValidationReport } from "@gongzhi/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { simpleInputs, simplePlan, subject } from "./fixtures.js"

const arbSubject = (id: string) =>
  fc.record({
    hours: fc.double({ min: -100, max: 200, noNaN: true }),
    meetings: fc.nat({ max: 50 }),
    lists: fc.subarray(["a", "b"]),
    manual: fc.integer({ min: 0, max: 20 }),
    funds: fc.integer({ min: 0, max: 1000 }),
    award: fc.nat({ max: 5 }),
    complaint: fc.nat({ max: 5 })
  }).map((v) =>
    subject(id, {
      values: {
        hours: v.hours,
        meetings: v.meetings,
        lists: v.lists,
        manual: { points: v.manual, justification: "x" },
        funds: v.funds
      },
      bonus: { award: v.award },
      deductions: { complaint: v.complaint }
    })
  )

const arbInputs = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => arbSubject(`s${String(i).padStart(2, "0")}`)))
).map((subjects) => simpleInputs(subjects))

describe("Assessment", () => {
  describe("properties", () => {
    it("scores never exceed maxima and never go below zero", () => {
      fc.assert(
        fc.property(arbInputs, (inputs) => {
          const result = ValidationReport.getOrThrow(Assessment.score(simplePlan, inputs))
          for (const s of result.subjects) {
            expect(s.total).toBeGreaterThanOrEqual(0)
            expect(s.total).toBeLessThanOrEqual(Plan.maxPossible(simplePlan))
            const stack = [...s.explanation.tree]
            while (stack.length > 0) {
              const node = stack.pop()!
              expect(node.points).toBeGreaterThanOrEqual(0)
              expect(node.points).toBeLessThanOrEqual(node.max)
              stack.push(...(node.children ?? []))
            }
          }
        }),
        { numRuns: 150 }
      )
    })

    it("the result's inputs fingerprint is the inputs' hash, whatever the order and kind of the values", () => {
      // numbers only (fingerprinted from the values as read) and mixed values (walked), in the
      // leaves' order or not, with optional values absent or present but undefined
      const leaf = (id: string) => ({
        id,
        label: { zh: id, en: id },
        max: 10,
        optional: true,
        method: { name: "linear", config: { floor: 0, target: 10 } }
      })
      const plan: Plan.Plan = {
        ...simplePlan,
        id: "numbers",
        indicators: [{ id: "d", label: { zh: "d", en: "d" }, max: 30, children: [leaf("p"), leaf("q"), leaf("r")] }],
        vetoes: [],
        consequences: []
      }
      const value = fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.constant(-0),
        fc.constant(undefined)
      )
      const values = fc.tuple(fc.shuffledSubarray(["p", "q", "r"]), fc.array(value, { minLength: 3, maxLength: 3 }))
        .map(([keys, vs]) => Object.fromEntries(keys.map((k, i) => [k, vs[i]])))
      const arb = fc.array(values, { minLength: 1, maxLength: 8 }).map((list) =>
        Inputs.make("numbers", list.map((v, i) => ({ id: `s${i}`, values: v, bonus: { award: i % 2 } })), "2024")
      )
      fc.assert(
        fc.property(arb, (inputs) => {
          const result = ValidationReport.getOrThrow(Assessment.score(plan, inputs))
          expect(result.inputsHash).toBe(Assessment.inputsHash(inputs))
          // the same inputs through JSON (no undefined members, -0 written as 0): the same hash
          expect(result.inputsHash).toBe(Assessment.inputsHash(JSON.parse(JSON.stringify(inputs))))
        }),
        { numRuns: 300 }
      )
      const mixed = simpleInputs([subject("a"), subject("b", { values: { funds: 3, hours: -0 } })])
      expect(ValidationReport.getOrThrow(Assessment.score(simplePlan, mixed)).inputsHash).toBe(
        Assessment.inputsHash(mixed)
      )
    })

    it("the inputs fingerprint tells different JSON values apart and equal ones together", () => {
      // equal: the same JSON once object keys are sorted (and -0 is 0, as JSON writes it)
      const canonical = (v: unknown): string =>
        JSON.stringify(v, (_, x: unknown) =>
          x !== null && typeof x === "object" && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).sort(([k1], [k2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : 0)))
            : x)
      const shuffled = (v: unknown): unknown =>
        Array.isArray(v) ?
          v.map(shuffled)
          : v !== null && typeof v === "object" ?
          Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, shuffled(x)]))
          : v
      fc.assert(
        fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => {
          expect(Assessment.inputsHash(x)).toBe(Assessment.inputsHash(shuffled(x)))
          expect(Assessment.inputsHash(x) === Assessment.inputsHash(y)).toBe(canonical(x) === canonical(y))
        }),
        { numRuns: 3000 }
      )
      // members swapped between keys, a value moved into a nested array, strings that look like numbers
      expect(Assessment.inputsHash({ a: 1, b: 2 })).not.toBe(Assessment.inputsHash({ a: 2, b: 1 }))
      expect(Assessment.inputsHash({ a: [1, 2] })).not.toBe(Assessment.inputsHash({ a: [2, 1] }))
      expect(Assessment.inputsHash({ a: [1] })).not.toBe(Assessment.inputsHash({ a: 1 }))
      expect(Assessment.inputsHash({ a: "1" })).not.toBe(Assessment.inputsHash({ a: 1 }))
      expect(Assessment.inputsHash({})).not.toBe(Assessment.inputsHash([]))
      expect(Assessment.inputsHash([null])).not.toBe(Assessment.inputsHash([]))
      expect(Assessment.inputsHash({ a: { b: 1 } })).not.toBe(Assessment.inputsHash({ a: 1, b: 1 }))
    })

    it("the inputs fingerprint changes when any one value of any subject changes", () => {
      const plan = Presets.branchStars
      const inputs = Presets.branchStarsExample
      const base = ValidationReport.getOrThrow(Assessment.score(plan, inputs)).inputsHash
      const seen = new Set([base])
      inputs.subjects.forEach((s, k) => {
        for (const [key, v] of Object.entries(s.values)) {
          if (typeof v !== "number") continue
          const changed = {
            ...inputs,
            subjects: inputs.subjects.map((x, j) => (j === k ? { ...x, values: { ...x.values, [key]: v + 1 } } : x))
          }
          const result = Assessment.score(plan, changed)
          const hash = result._tag === "Success" ? result.success.inputsHash : Assessment.inputsHash(changed)
          expect(hash).toBe(Assessment.inputsHash(changed))
          expect(seen.has(hash)).toBe(false)
          seen.add(hash)
        }
      })
      expect(seen.size).toBeGreaterThan(10)
    })

    it("the inputs fingerprint walks inputs nested 200,000 deep without overflowing the stack", () => {
      let deepArray: unknown = 1
      let deepObject: unknown = 1
      for (let i = 0; i < 200_000; i++) {
        deepArray = [deepArray]
        deepObject = { x: deepObject }
      }
      expect(Assessment.inputsHash(deepArray)).toMatch(/^[0-9a-f]{16}$/)
      expect(Assessment.inputsHash(deepObject)).not.toBe(Assessment.inputsHash(deepArray))
    })

    it("a deduction item never goes below zero", () => {
      fc.assert(fc.property(fc.nat({ max: 1_000_000 }), (missed) => {
        const r = ValidationReport.getOrThrow(
          Assessment.score(simplePlan, simpleInputs([subject("a", { values: { meetings: missed } })]))
        )
        const meetings = r.subjects[0]!.explanation.tree[0]!.children![1]!
        expect(meetings.points).toBe(Math.max(0, 20 - 5 * missed))
      }))
    })

    it("the quota is never exceeded, whatever the totals and ties", () => {
      const vote = fc.integer({ min: 1, max: 4 })
      const member = (i: number) =>
        fc.record({
          votes: fc.array(vote, { minLength: 3, maxLength: 6 }),
          committee: fc.integer({ min: 0, max: 100 }),
          probationary: fc.boolean()
        })
          .map((m) => ({
            id: `m-${i}`,
            attributes: { status: m.probationary ? "probationary" : "full" },
            values: {
              peers: m.votes.map((value, k) => ({ by: `v${k}`, value })),
              committee: { points: m.committee, justification: "评议" }
            }
          }))
      const arb = fc.integer({ min: 1, max: 30 }).chain((n) =>
        fc.tuple(...Array.from({ length: n }, (_, i) => member(i)))
      )
      fc.assert(
        fc.property(arb, (subjects) => {
          const r = ValidationReport.getOrThrow(
            Assessment.score(Presets.democraticEvaluation, { ...Presets.democraticEvaluationExample, subjects })
          )
          const graded = r.subjects.filter((s) => s.grade !== undefined)
          const excellent = graded.filter((s) => s.grade!.id === "excellent").length
          expect(excellent).toBeLessThanOrEqual(Math.floor(graded.length / 3))
          for (const s of r.subjects) expect(s.grade === undefined).toBe(s.attributes["status"] === "probationary")
        }),
        { numRuns: 100 }
      )
    })

    it("the five-star cap of branch stars holds", () => {
      const arb = fc.array(fc.integer({ min: 60, max: 100 }), { minLength: 1, maxLength: 25 })
      fc.assert(
        fc.property(arb, (evaluations) => {
          const template = Presets.branchStarsExample.subjects[1]!
          const subjects = evaluations.map((e, i) => ({
            ...template,
            id: `b-${i}`,
            values: { ...template.values, evaluation: [{ by: "x", value: e }] }
          }))
          const r = ValidationReport.getOrThrow(
            Assessment.score(Presets.branchStars, { ...Presets.branchStarsExample, subjects })
          )
          expect(r.subjects.filter((s) => s.grade?.id === "five-star").length).toBeLessThanOrEqual(
            Math.floor(subjects.length * 0.3)
          )
        }),
        { numRuns: 100 }
      )
    })

    it("raising one input of a linear indicator never lowers the total", () => {
      fc.assert(
        fc.property(arbInputs, fc.double({ min: 0, max: 100, noNaN: true }), (inputs, raise) => {
          const before = ValidationReport.getOrThrow(Assessment.score(simplePlan, inputs))
          const first = inputs.subjects[0]!
          const raised = {
            ...inputs,
            subjects: [{ ...first, values: { ...first.values, hours: (first.values["hours"] as number) + raise } },
              ...inputs.subjects.slice(1)]
          }
          const after = ValidationReport.getOrThrow(Assessment.score(simplePlan, raised))
          expect(after.subjects[0]!.total).toBeGreaterThanOrEqual(before.subjects[0]!.total)
        }),
        { numRuns: 150 }
      )
    })

    it("scoring is deterministic", () => {
      fc.assert(
        fc.property(arbInputs, (inputs) => {
          const a = Assessment.score(simplePlan, inputs)
          const b = Assessment.score(simplePlan, structuredClone(inputs))
          expect(a).toEqual(b)
        }),
        { numRuns: 50 }
      )
    })
  })
})
