import { Assessment, Inputs, Method, Plan, Presets } from "@gongzhi/assessment-scoring"
import type { ValidationReport } from "@gongzhi/core"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { simpleInputs, simplePlan, subject } from "./fixtures.js"

const codesOf = (r: Result.Result<unknown, ValidationReport.ValidationReport>) =>
  Result.isFailure(r) ? r.failure.issues.map((i) => [i.code, i.path]) : "success"

const throwing = (at: string) =>
  new Proxy({}, {
    get: (_, key) => {
      if (key === at || at === "*") throw new Error(`no ${String(key)}`)
      return undefined
    },
    ownKeys: () => {
      if (at === "*") throw new Error("no keys")
      return []
    }
  })

const good = subject("s-1")

describe("Assessment", () => {
  describe("scoring", () => {
    it("gives failures, never exceptions, whatever a JavaScript caller hands it", () => {
      const score = (plan: unknown, inputs: unknown) =>
        codesOf(Assessment.score(plan as Plan.Plan, inputs as Inputs.Inputs))
      expect(score(simplePlan, undefined)).toEqual([["ASSESS_INPUTS_MALFORMED", []]])
      expect(score(simplePlan, { planId: "simple" })).toEqual([["ASSESS_INPUTS_MALFORMED", ["subjects"]]])
      // a sparse list of subjects
      const sparse: Array<unknown> = [good]
      sparse[2] = good
      expect(score(simplePlan, { planId: "simple", subjects: sparse })).toEqual([
        ["ASSESS_INPUTS_MALFORMED", ["subjects", 1]]
      ])
      expect(score(simplePlan, simpleInputs([{ id: 7, values: [] } as never]))).toEqual([
        ["ASSESS_INPUTS_MALFORMED", ["subjects", 0, "id"]],
        ["ASSESS_INPUTS_MALFORMED", ["subjects", 0, "values"]]
      ])
      const sparseVetoes: Array<unknown> = []
      sparseVetoes[1] = { id: "v", reason: { zh: "x", en: "x" } }
      expect(score(simplePlan, simpleInputs([{ ...good, vetoes: sparseVetoes as never, previousRank: 0 }]))).toEqual([
        ["ASSESS_INPUTS_MALFORMED", ["subjects", 0, "previousRank"]],
        ["ASSESS_INPUTS_MALFORMED", ["subjects", 0, "vetoes", 0]]
      ])
      // Proxies and getters that throw, in the inputs, a subject, its values, and the plan
      expect(score(simplePlan, throwing("*"))).toEqual([["ASSESS_UNREADABLE", []]])
      expect(score(simplePlan, { planId: "simple", subjects: [throwing("values")] })).toEqual([
        ["ASSESS_UNREADABLE", []]
      ])
      const values = { ...good.values }
      Object.defineProperty(values, "hours", {
        enumerable: true,
        get: () => {
          throw new Error("getter")
        }
      })
      expect(score(simplePlan, simpleInputs([{ ...good, values }]))).toEqual([["ASSESS_UNREADABLE", []]])
      expect(score(throwing("*"), simpleInputs([good]))).toEqual([["ASSESS_UNREADABLE", []]])
      expect(score({ ...simplePlan, indicators: throwing("length") }, simpleInputs([good]))).toEqual([
        ["ASSESS_UNREADABLE", []]
      ])
    })
    it("a plug-in method that throws gives a failure", () => {
      const boom = Method.defineMethod({
        name: "boom",
        label: { zh: "炸", en: "boom" },
        config: Schema.Struct({}),
        input: Schema.Finite,
        score: () => {
          throw new Error("plug-in bug")
        }
      })
      const registry = Result.getOrThrow(Method.register(Method.builtins, boom))
      const plan: Plan.Plan = {
        ...simplePlan,
        indicators: [{ id: "x", label: { zh: "x", en: "x" }, max: 100, method: { name: "boom", config: {} } }]
      }
      const r = Assessment.score(plan, simpleInputs([{ id: "s", values: { x: 1 } }]), { registry })
      expect(Result.isFailure(r) && r.failure.issues.map((i) => [i.code, i.params.reason])).toEqual([
        ["ASSESS_UNREADABLE", "Error: plug-in bug"]
      ])
    })
    it("reports 200,000 bad rows without overflowing the stack", () => {
      // regression: issues.push(...list) put every issue on the stack and threw RangeError
      const n = 200_000
      const subjects = Array.from({ length: n }, (_, i) => ({ id: `s-${i}`, values: { x: "bad" } }))
      const plan: Plan.Plan = {
        kind: "assessment-plan",
        schemaVersion: 1,
        id: "many",
        version: "1",
        name: { zh: "多", en: "many" },
        subject: { zh: "对象", en: "subject" },
        maxTotal: 10,
        indicators: [{
          id: "x",
          label: { zh: "x", en: "x" },
          max: 10,
          method: { name: "linear", config: { floor: 0, target: 10 } }
        }]
      }
      const r = Assessment.score(plan, Inputs.make("many", subjects))
      expect(Result.isFailure(r) && [r.failure.issues.length, r.failure.issues[0]!.code]).toEqual([n,
        "ASSESS_INPUT_WRONG_TYPE"])
      // (200,000 issues with their messages: 5–8 s at load 10–11 on the shared 2 cores)
    }, 60_000)
  })
})

describe("Plan", () => {
  describe("validation", () => {
    it("decode gives failures for Proxies, throwing getters and sparse arrays", () => {
      const doc = JSON.parse(JSON.stringify(Presets.branchStars)) as Record<string, unknown>
      expect(Result.isFailure(Plan.decode(throwing("*")))).toBe(true)
      const holes: Array<unknown> = []
      holes[0] = (doc.indicators as Array<unknown>)[0]
      holes[2] = (doc.indicators as Array<unknown>)[1]
      const sparse = { ...doc, indicators: holes }
      expect(Result.isFailure(Plan.decode(sparse))).toBe(true)
      const getter = { ...doc }
      Object.defineProperty(getter, "maxTotal", {
        enumerable: true,
        get: () => {
          throw new Error("getter")
        }
      })
      expect(Result.isFailure(Plan.decode(getter))).toBe(true)
      expect(Result.isFailure(Inputs.document.decode(throwing("*")))).toBe(true)
    })
  })
})

describe("values that reach themselves (JSON cannot make them, a JavaScript caller can)", () => {
  it("a plan or inputs holding a cycle are answered (no hang), and fingerprinted alike every time", () => {
    const plan = { ...simplePlan } as Plan.Plan & { self?: unknown }
    plan.self = plan
    const validated = Plan.validate(plan)
    expect(validated._tag).toBe("Success")
    expect(Plan.fingerprint(plan)).toMatch(/^[0-9a-f]{16}$/)
    expect(Plan.fingerprint(plan)).not.toBe(Plan.fingerprint(simplePlan))
    const peer: Record<string, unknown> = { id: "p" }
    peer["self"] = peer
    const inputs = simpleInputs([subject("s-1", { values: { hours: 40, meetings: 1, peers: [peer] } })])
    const scored = Assessment.score(simplePlan, inputs)
    expect(scored._tag).toBe("Failure")
    const other: Record<string, unknown> = { id: "p" }
    other["self"] = other
    const again = simpleInputs([subject("s-1", { values: { hours: 40, meetings: 1, peers: [other] } })])
    expect(Assessment.inputsHash(inputs)).toBe(Assessment.inputsHash(again))
    // a cycle two levels up is not the same value as one a level up
    const outer: Record<string, unknown> = { id: "p" }
    outer["inner"] = { back: outer }
    const twice = simpleInputs([subject("s-1", { values: { hours: 40, meetings: 1, peers: [outer] } })])
    expect(Assessment.inputsHash(twice)).not.toBe(Assessment.inputsHash(inputs))
  })
})

describe("Presets", () => {
  describe("getters", () => {
    it("a preset name from input finds no inherited member", () => {
      // regression (issue 16): `preset:constructor` found Object.prototype.constructor and crashed the CLI
      for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
        expect(Presets.plans[name]).toBeUndefined()
        expect(Presets.get(name)).toBeUndefined()
      }
      expect(Presets.get("branch-stars")).toBe(Presets.branchStars)
      expect(Object.keys(Presets.plans)).toEqual([
        "democratic-evaluation",
        "branch-stars",
        "qijiang-grand-committee",
        "qijiang-committee-member",
        "hongan-in-service-appraisal"
      ])
    })
  })
})
