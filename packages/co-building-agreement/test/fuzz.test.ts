/**
 * Every public decoder of co-building-agreement on hostile input: arbitrary JSON and values JSON
 * cannot make. None throws; every failure has a code, a path and zh/en text; nothing pollutes a
 * prototype. GONGZHI_FUZZ_RUNS=10000 runs the property longer (500 by default).
 */
import { Result } from "effect"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import { Agreement, Fulfilment, JointMeeting, MicroWish, Template, ThreeLists, Whistle } from "../src/index.js"
import { agreementJson } from "./fixtures.js"

const runs = Math.max(1, Number(process.env["GONGZHI_FUZZ_RUNS"] ?? 500) || 500)
const timeout = Math.max(30_000, runs * 40)

const keys = fc.oneof(
  fc.string(),
  fc.constantFrom("__proto__", "constructor", "toString", "kind", "schemaVersion", "_tag", "id", "reporting", "to")
)
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom("co-building-agreement", "constructor", "__proto__", "街道工委", "2024-01-01", "Funding"),
    fc.array(tie("value")),
    fc.dictionary(keys, tie("value"))
  )
})).value

const decoders: ReadonlyArray<readonly [string, (input: unknown) => Result.Result<unknown, any>]> = [
  ["Agreement.decode", Agreement.decode],
  ["Template.document.decode", Template.document.decode],
  ["Fulfilment.document.decode", Fulfilment.document.decode],
  ["ThreeLists.document.decode", ThreeLists.document.decode],
  ["Whistle.policyDocument.decode", Whistle.policyDocument.decode],
  ["Whistle.blow", Whistle.blow],
  ["MicroWish.post", MicroWish.post],
  ["JointMeeting.record", JointMeeting.record]
]

const expectWellFormed = (name: string, result: Result.Result<unknown, { readonly issues: ReadonlyArray<any> }>) => {
  if (Result.isSuccess(result)) return
  expect(result.failure.issues.length, name).toBeGreaterThan(0)
  for (const issue of result.failure.issues) {
    expect(issue.code, name).toMatch(/^[A-Z][A-Z0-9_]+$/)
    expect(Array.isArray(issue.path), name).toBe(true)
    expect(issue.message.zh.length, name).toBeGreaterThan(0)
    expect(issue.message.en.length, name).toBeGreaterThan(0)
  }
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort()
const before = prototypeKeys()

describe("co-building-agreement's decoders on hostile input", () => {
  afterEach(() => {
    expect(prototypeKeys()).toEqual(before)
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
  })

  it("never throw on arbitrary JSON (property)", () => {
    fc.assert(
      fc.property(json, (input) => {
        for (const [name, decode] of decoders) expectWellFormed(name, decode(input))
      }),
      { numRuns: runs }
    )
    expect(prototypeKeys()).toEqual(before)
  }, timeout)

  it("never throw on agreements that are nearly right (property)", () => {
    const nearly = fc.record({
      reporting: fc.array(
        fc.record({
          frequency: fc.constantFrom("quarterly", "constructor", "yearly"),
          to: fc.oneof(fc.constantFrom("街道工委", "城关街道党工委", "", "__proto__"), fc.string()),
          recipient: fc.oneof(fc.constant(undefined), fc.constantFrom("grand-committee", "constructor")),
          form: fc.constantFrom("written", "oral", "toString")
        }, { requiredKeys: ["frequency", "to", "form"] }),
        { maxLength: 3 }
      ),
      commitments: fc.oneof(
        json,
        fc.array(fc.record({ _tag: fc.constantFrom("Funding", "constructor"), id: fc.string() }))
      )
    })
    fc.assert(
      fc.property(nearly, (overrides) => {
        const result = Agreement.decode(agreementJson(overrides))
        expectWellFormed("Agreement.decode", result)
      }),
      { numRuns: runs }
    )
    expect(prototypeKeys()).toEqual(before)
  }, timeout)

  it("values JSON cannot make give failures, not throws", () => {
    const boom = () => {
      throw new Error("boom")
    }
    const sparse = new Array(3)
    sparse[1] = { frequency: "quarterly", to: "街道工委", form: "written" }
    const cyclic: Record<string, unknown> = { ...agreementJson() }
    cyclic["self"] = cyclic
    const hostile: ReadonlyArray<unknown> = [
      new Proxy({}, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom }),
      new Proxy(agreementJson(), { get: boom }),
      Object.defineProperty(agreementJson(), "reporting", { get: boom, enumerable: true }),
      agreementJson({ reporting: sparse }),
      agreementJson({ commitments: new Proxy([], { get: boom }) }),
      cyclic
    ]
    for (const input of hostile) {
      for (const [name, decode] of decoders) {
        let result: Result.Result<unknown, any> | undefined
        expect(() => (result = decode(input)), name).not.toThrow()
        expectWellFormed(name, result!)
      }
    }
  })
})
