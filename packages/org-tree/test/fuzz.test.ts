/**
 * Every public decoder of org-tree on hostile input: arbitrary JSON, documents that are nearly right,
 * values JSON cannot make. None throws; every failure has a code, a path and zh/en text; nothing
 * pollutes a prototype. GONGZHI_FUZZ_RUNS=10000 runs the properties longer (500 by default).
 */
import { Result } from "effect"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import { OrgPolicy, OrgRows, OrgTree, Presets, Roster, Validation } from "../src/index.js"
import { asOf } from "./fixtures.js"

const runs = Math.max(1, Number(process.env["GONGZHI_FUZZ_RUNS"] ?? 500) || 500)
const timeout = Math.max(30_000, runs * 40)

const keys = fc.oneof(
  fc.string(),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "id", "kind", "name", "parentId", "policy")
)
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom("constructor", "__proto__", "branch", "grand-committee", "secretary", "full", "2024-01-01"),
    fc.array(tie("value")),
    fc.dictionary(keys, tie("value"))
  )
})).value

const expectWellFormed = (result: Result.Result<unknown, { readonly issues: ReadonlyArray<any> }>) => {
  if (Result.isSuccess(result)) return
  expect(result.failure.issues.length).toBeGreaterThan(0)
  for (const issue of result.failure.issues) {
    expect(issue.code).toMatch(/^[A-Z][A-Z0-9_]+$/)
    expect(Array.isArray(issue.path)).toBe(true)
    expect(issue.message.zh.length).toBeGreaterThan(0)
    expect(issue.message.en.length).toBeGreaterThan(0)
    expectNeutral(issue)
  }
}

/** Params are language-neutral (the words of each language are labels, filled into the message). */
const expectNeutral = (
  issue: { readonly params: object; readonly message: { readonly zh: string; readonly en: string } }
) => {
  expect(Object.keys(issue.params).filter((name) => /[a-z](Zh|En)$/.test(name))).toEqual([])
  expect(issue.message.zh).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_]*:label\}/)
  expect(issue.message.en).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_]*:label\}/)
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort()
const before = prototypeKeys()

const kinds = fc.constantFrom("grand-committee", "branch", "party-group", "grid", "building", "constructor", "党支部")
const nearlyRows = fc.record({
  kind: fc.constant("org-rows"),
  schemaVersion: fc.constant(1),
  policy: fc.oneof(fc.constant(undefined), fc.constantFrom("preset:hongan", "constructor", "preset:__proto__")),
  orgUnits: fc.array(
    fc.record({
      id: fc.oneof(fc.constantFrom("gc", "b-1", "g-1", " x", "", "\uD800"), fc.string({ maxLength: 4 })),
      parentId: fc.oneof(fc.constant(undefined), fc.constantFrom("gc", "b-1", "nope", "")),
      kind: kinds,
      name: fc.oneof(fc.constantFrom("", " ", "一支部"), fc.string({ maxLength: 3 })),
      covers: fc.oneof(fc.constant(undefined), fc.array(fc.constantFrom("g-1", "b-1", "g-1"), { maxLength: 3 }))
    }, { requiredKeys: ["id", "kind", "name"] }),
    { maxLength: 8 }
  ),
  people: fc.array(
    fc.record({
      id: fc.constantFrom("m-1", "m-2", "m-1"),
      name: fc.constantFrom("哈安喜", "", "王"),
      membership: fc.constantFrom("full", "probationary", "none", "constructor"),
      orgUnitId: fc.constantFrom("gc", "b-1", "nope")
    }),
    { maxLength: 5 }
  ),
  positions: fc.array(
    fc.record({
      orgUnitId: fc.constantFrom("gc", "b-1"),
      personId: fc.constantFrom("m-1", "m-2"),
      role: fc.constantFrom("secretary", "committee-member", "constructor"),
      start: fc.constantFrom("2023-01-01", "2023-02-30"),
      end: fc.constantFrom("2026-01-01", "2029-01-01")
    }),
    { maxLength: 4 }
  )
})

describe("org-tree's decoders on hostile input", () => {
  afterEach(() => {
    expect(prototypeKeys()).toEqual(before)
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
  })

  it("OrgRows.document.decode and OrgPolicy.document.decode never throw on arbitrary JSON (property)", () => {
    fc.assert(
      fc.property(json, (input) => {
        expectWellFormed(OrgRows.document.decode(input))
        expectWellFormed(OrgPolicy.document.decode(input))
      }),
      { numRuns: runs }
    )
    expect(prototypeKeys()).toEqual(before)
  }, timeout)

  it("decode, build and validate never throw on rows that are nearly right (property)", () => {
    fc.assert(
      fc.property(nearlyRows, (input) => {
        const decoded = OrgRows.document.decode(input)
        expectWellFormed(decoded)
        // the rows as a JavaScript caller hands them, never decoded
        const raw = OrgTree.build(input as unknown as OrgRows.Rows, Presets.hongan)
        expectWellFormed(raw)
        if (Result.isSuccess(raw)) {
          const report = Validation.validate(raw.success, { asOf })
          for (const issue of report.issues) {
            expect(issue.message.en.length).toBeGreaterThan(0)
            expectNeutral(issue)
          }
        }
        if (Result.isSuccess(decoded)) {
          const policy = Presets.find(decoded.success.policy ?? "preset:hongan") ?? Presets.national
          expectWellFormed(OrgTree.build(decoded.success, policy))
        }
      }),
      { numRuns: runs }
    )
    expect(prototypeKeys()).toEqual(before)
  }, timeout)

  it("Roster.read never throws on arbitrary cells (property)", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string({ maxLength: 6 }),
      fc.constantFrom(
        "编号",
        "类型",
        "名称",
        "上级编号",
        "党支部",
        "社区大党委",
        "正式",
        "constructor",
        "__proto__",
        "=1+1"
      )
    )
    const sheet = fc.record({
      name: fc.constantFrom("组织", "人员", "职务", "驻区单位", "constructor", "x"),
      rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 })
    })
    fc.assert(fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => expectWellFormed(Roster.read(sheets))), {
      numRuns: runs
    })
    expect(prototypeKeys()).toEqual(before)
  }, timeout)

  it("values JSON cannot make give failures, not throws", () => {
    const boom = () => {
      throw new Error("boom")
    }
    const sparse = new Array(3)
    sparse[1] = { id: "gc", kind: "grand-committee", name: "x" }
    const cyclic: Record<string, unknown> = { id: "gc", kind: "grand-committee", name: "x" }
    cyclic["covers"] = [cyclic]
    const hostile: ReadonlyArray<unknown> = [
      new Proxy({}, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom }),
      { kind: "org-rows", schemaVersion: 1, orgUnits: sparse },
      { kind: "org-rows", schemaVersion: 1, orgUnits: [cyclic] },
      { kind: "org-rows", schemaVersion: 1, orgUnits: new Proxy([], { get: boom }) },
      Object.defineProperty({ kind: "org-rows", schemaVersion: 1 }, "orgUnits", { get: boom, enumerable: true })
    ]
    for (const input of hostile) {
      expect(() => OrgRows.document.decode(input)).not.toThrow()
      expectWellFormed(OrgRows.document.decode(input))
      expectWellFormed(OrgPolicy.document.decode(input))
      expectWellFormed(OrgTree.build(input as OrgRows.Rows, Presets.hongan))
      expectWellFormed(OrgTree.build({ orgUnits: [] }, input as OrgPolicy.OrgPolicy))
      expectWellFormed(Roster.read([{ name: "组织", rows: input as never }]))
    }
  })
})

describe("found by pnpm fuzz", () => {
  const codes = (result: Result.Result<unknown, { readonly issues: ReadonlyArray<{ readonly code: string }> }>) =>
    Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []

  it("validating a tree built from rows that were never decoded gives a failure, not a throw", () => {
    const rows = {
      orgUnits: [{ id: "gc", kind: "grand-committee", name: "城东社区大党委" }, {
        id: "b-1",
        parentId: "gc",
        kind: "branch",
        name: "一支部"
      }],
      people: [{ id: "m-1", name: "哈安喜", membership: "full", orgUnitId: "b-1" }],
      positions: [{ orgUnitId: "b-1", personId: "m-1", role: "secretary", start: 20230101 }]
    }
    const built = OrgTree.build(rows as unknown as OrgRows.Rows, Presets.hongan)
    expect(Result.isSuccess(built)).toBe(true)
    const report = Validation.validate(Result.getOrThrow(built), { asOf })
    expect(report.issues.map((i) => i.code)).toEqual(["ORG_ROWS_UNREADABLE"])
    expect(Validation.validate(Result.getOrThrow(built), undefined as never).issues.map((i) => i.code)).toEqual([
      "ORG_ROWS_UNREADABLE"
    ])
  })

  it("Roster.read refuses sheets that are not a list at once (a 1 MB string took seconds, char by char)", () => {
    for (const sheets of ["\uD800".repeat(1_000_000), null, 7, { name: "组织", rows: [] }]) {
      expect(codes(Roster.read(sheets as never))).toEqual(["ORG_ROSTER_SHEETS_NOT_A_LIST"])
    }
    expect(codes(Roster.read([{ name: "组织", rows: "x".repeat(1_000_000) as never }]))).toEqual([
      "ORG_ROSTER_ROWS_NOT_A_LIST"
    ])
  })
})
