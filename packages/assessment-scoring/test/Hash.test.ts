import { Assessment, Inputs, Method, Plan, Presets } from "@gongzhi/assessment-scoring"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { simplePlan } from "./fixtures.js"

/** Known answers of the inputs fingerprint: a change to any of them changes every recorded result's hash. */
const inputsVectors: ReadonlyArray<readonly [unknown, string]> = [
  [null, "eb0c34310574fbf1"],
  [true, "f10c3da3ff74e26f"],
  [false, "e30c27990d74f499"],
  [0, "723fc12baeb3ae04"],
  [-0, "723fc12baeb3ae04"],
  [1, "70afc12b8803ae04"],
  [-1.5, "e417c12b149bae04"],
  [1e21, "6e522447c1a22dc9"],
  ["", "d7516ba643fd7c8d"],
  ["共治", "e309020891d29ee6"],
  ["a\u0000b", "d3b3afe0419ae1f7"],
  [[], "23f3c9bbfaabc1fe"],
  [{}, "8b6c20956e285dd6"],
  [[1, [2, [3]]], "9e74a848bd1ef7a8"],
  [{ a: 1, b: [2] }, "158c0b1ca33f97b3"],
  [{ b: [2], a: 1 }, "158c0b1ca33f97b3"],
  [{ x: undefined, y: null }, "f6165d6ab0820902"],
  [{ planId: "p", subjects: [{ id: "s", values: { a: 1, b: 2 } }] }, "dff8dc3df23e0f3c"],
  [Presets.democraticEvaluationExample, "ee8726b8cbc0acae"],
  [Presets.branchStarsExample, "a868276e861b996c"]
]

describe("Assessment", () => {
  describe("getters", () => {
    it("inputsHash gives the known answers", () => {
      for (const [value, hash] of inputsVectors) expect([value, Assessment.inputsHash(value)]).toEqual([value, hash])
    })
    it("a result's inputsHash is the fingerprint of its inputs even when a plug-in's check scores again", () => {
      // regression: the fingerprint's sums lived in module-level variables, which the inner score reset
      let inner: string | undefined
      const nested = Method.defineMethod({
        name: "nested",
        label: { zh: "嵌套", en: "nested" },
        config: Schema.Struct({}),
        input: Schema.Finite,
        checkInput: () => {
          const again = Assessment.score(Presets.branchStars, Presets.branchStarsExample)
          inner = Result.isSuccess(again) ? again.success.inputsHash : undefined
          return []
        },
        score: (n: number) => n
      })
      const registry = Result.getOrThrow(Method.register(Method.builtins, nested))
      const leaf = (id: string, method: Plan.MethodRef): Plan.Indicator => ({
        id,
        label: { zh: id, en: id },
        max: 50,
        method
      })
      const plan: Plan.Plan = {
        kind: "assessment-plan",
        schemaVersion: 1,
        id: "nested",
        version: "1",
        name: { zh: "嵌套", en: "nested" },
        subject: { zh: "对象", en: "subject" },
        maxTotal: 100,
        indicators: [
          leaf("a", { name: "linear", config: { floor: 0, target: 10 } }),
          leaf("b", { name: "nested", config: {} })
        ]
      }
      const inputs = Inputs.make("nested", [{ id: "s1", values: { a: 3, b: 4 } }, { id: "s2", values: { a: 5, b: 6 } }])
      const result = Result.getOrThrow(Assessment.score(plan, inputs, { registry }))
      expect(inner).toBe(Assessment.inputsHash(Presets.branchStarsExample))
      expect(result.inputsHash).toBe(Assessment.inputsHash(inputs))
    })
  })
})

/** A plan written out here, so that its known answer does not move when a preset is revised. */
const tiny: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "tiny",
  version: "1",
  name: { zh: "小", en: "tiny" },
  subject: { zh: "对象", en: "subject" },
  maxTotal: 10,
  indicators: [{
    id: "x",
    label: { zh: "x", en: "x" },
    max: 10,
    method: { name: "linear", config: { floor: 0, target: 5 } }
  }]
}

describe("Plan", () => {
  describe("getters", () => {
    it("fingerprint gives the known answers, whatever the order of keys", () => {
      expect(Plan.fingerprint(tiny)).toBe("c282f6c7ca4b1a79")
      expect(Plan.fingerprint(simplePlan)).toBe("96eafd0fdcc0588c")
      const reordered = Object.fromEntries(Object.entries(tiny).reverse()) as unknown as Plan.Plan
      expect(Plan.fingerprint(reordered)).toBe("c282f6c7ca4b1a79")
    })
    it("every result records the plan's content: a changed plan with the same version is told apart", () => {
      const inputs = Inputs.make("tiny", [{ id: "s", values: { x: 3 } }])
      const before = Result.getOrThrow(Assessment.score(tiny, inputs))
      const changed = Result.getOrThrow(Assessment.score({ ...tiny, maxTotal: 20 }, inputs))
      expect(before.planHash).toBe("c282f6c7ca4b1a79")
      expect([changed.planVersion, changed.planHash === before.planHash]).toEqual(["1", false])
    })
  })
})

describe("Assessment", () => {
  describe("scoring", () => {
    it("scores a program compiled once as it scores the plan", () => {
      const program = Result.getOrThrow(Plan.compile(Presets.branchStars))
      expect(Plan.isProgram(program)).toBe(true)
      const a = Result.getOrThrow(Assessment.score(program, Presets.branchStarsExample))
      const b = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
      expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)))
      expect(a.planHash).toBe(program.fingerprint)
    })
  })
})
