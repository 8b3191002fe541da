/**
 * The written-out reading of an earning (the most common command) against the generic reader
 * it replaces: on earning-shaped input with every field good, missing, of the wrong type or
 * extra, the same copy (the same fields in the same order) and the same issues.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { copyTrusted, copyTrustedGeneric, readWith, Refused } from "../src/internal/read.js"

const isDate = (on: unknown): boolean => typeof on === "string" && /^\d{4}-\d{2}-\d{2}$/.test(on)

/** A value for a field: mostly a good one, sometimes one that breaks a rule. */
const field = <A>(good: fc.Arbitrary<A>) =>
  fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(""), fc.constant(" x"), fc.integer(), fc.constant(null), fc.string()) }
  )
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
const earningArb = fc.record({
  _tag: fc.constant("Earn"),
  key: field(id),
  on: field(fc.constantFrom("2024-01-02", "2024-02-30", "2024-13-01")),
  expectedSeq: field(fc.nat()),
  account: field(id),
  activity: field(id),
  minutes: field(fc.integer({ min: -5, max: 300 })),
  approvedBy: field(fc.oneof(fc.array(id, { maxLength: 3 }), fc.array(fc.anything(), { maxLength: 2 }))),
  note: field(fc.string({ maxLength: 20 })),
  extra: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.string() })
}, { requiredKeys: ["_tag"] })

/** What a reading gives, as plain data: the copy with its key order, or the issues and the copy. */
const view = (read: unknown) =>
  read instanceof Refused
    ? {
      issues: read.issues.map((i) => [i.code, i.path]),
      copy: read.command === undefined ? undefined : Object.entries(read.command)
    }
    : { copy: Object.entries(read as object) }

describe("Journal", () => {
  describe("reading an earning", () => {
    it("the written-out reader gives the generic reader's copy and issues (1,000 generated earnings)", () => {
      fc.assert(
        fc.property(earningArb, (input) => {
          const { extra, ...rest } = input
          const command = extra === undefined ? rest : { ...rest, expectedSq: extra }
          expect(view(readWith(command, isDate, true))).toEqual(view(readWith(command, isDate, false)))
        }),
        { numRuns: 1000 }
      )
    })

    it("copies a trusted earning as the generic copy does (1,000 generated earnings)", () => {
      fc.assert(
        // a trusted command keeps the schema's types: its approvers are a list
        fc.property(earningArb.filter((e) => e.approvedBy === undefined || Array.isArray(e.approvedBy)), (input) => {
          const { extra: _extra, ...command } = input
          const copy = copyTrusted(command as never)
          expect(Object.entries(copy)).toEqual(Object.entries(copyTrustedGeneric(command as never)))
          if (Array.isArray(command.approvedBy)) {
            expect((copy as { approvedBy?: unknown }).approvedBy).not.toBe(command.approvedBy)
          }
        }),
        { numRuns: 1000 }
      )
    })

    it("reads each field once, in the stored order", () => {
      const reads: Array<string> = []
      const input = new Proxy({ _tag: "Earn", key: "e", on: "2024-01-02", account: "ha", activity: "cleaning" }, {
        get: (target, key) => {
          if (typeof key === "string") reads.push(key)
          return (target as Record<string | symbol, unknown>)[key]
        }
      })
      const read = readWith(input, isDate, true)
      expect(read instanceof Refused).toBe(false)
      expect(Object.keys(read)).toEqual(["_tag", "key", "on", "account", "activity"])
      expect(reads).toEqual(["_tag", "key", "on", "expectedSeq", "account", "activity", "minutes", "approvedBy",
        "note"])
    })
  })
})
