import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Change, OrgPolicy, type OrgRows, OrgTree, Presets, Query, Render, Rollup, Validation } from "../src/index.js"
import { asOf, codes, failureCodes, ok, small } from "./fixtures.js"

const boom = () => {
  throw new Error("boom")
}

describe("hostile and careless input (issue 16)", () => {
  describe("lookups by a name from input", () => {
    it("finds presets on their own keys only", () => {
      expect(Presets.find("hongan")?.id).toBe("hongan")
      expect(Presets.find("preset:mingquan")?.id).toBe("mingquan")
      for (const name of ["constructor", "preset:constructor", "__proto__", "toString", "hasOwnProperty", ""]) {
        expect(Presets.find(name)).toBeUndefined()
        expect((Presets.policies as Record<string, unknown>)[name.replace("preset:", "")]).toBeUndefined()
      }
      expect(Presets.find(undefined as unknown as string)).toBeUndefined()
      expect(Object.keys(Presets.policies)).toContain("hongan")
    })
    it("refuses roles, memberships, branch types and unit types that are not known, prototype names included", () => {
      const rows = small()
      const result = OrgTree.build({
        ...rows,
        orgUnits: rows.orgUnits.map((u) => (u.id === "b-1" ? { ...u, branchType: "toString" as "grid" } : u)),
        people: rows.people.map((p) => (p.id === "m-2" ? { ...p, membership: "__proto__" as "full" } : p)),
        memberUnits: [{ ...rows.memberUnits[0]!, type: "constructor" as "bank" }],
        positions: [...rows.positions, { ...rows.positions[2]!, role: "constructor" as "secretary" }]
      }, Presets.hongan)
      expect(failureCodes(result)).toEqual(Array(4).fill("ORG_UNKNOWN_VALUE"))
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => i.params["id"])).toEqual(["b-1", "u-bank", "m-2", "b-1/m-1"])
      expect(issues[0]!.message.en).toBe(
        "b-1: the branchType toString is not known (known: grid, unit, functional, joint, red-property)"
      )
    })
    it("turns rows that were never decoded into a failure, not a throw", () => {
      for (
        const rows of [
          new Proxy({ orgUnits: [] }, { get: boom }),
          { orgUnits: null },
          { orgUnits: [null] },
          { orgUnits: [{ id: "gc", kind: "grand-committee", name: "x" }], positions: [null] }
        ]
      ) {
        const result = OrgTree.build(rows as unknown as OrgRows.Rows, Presets.hongan)
        expect(failureCodes(result)).toEqual(["ORG_ROWS_UNREADABLE"])
      }
    })
  })

  describe("copies of a tree", () => {
    const tree = ok(OrgTree.build(small(), Presets.hongan))
    const copies = {
      structuredClone: structuredClone(tree),
      "a JSON copy": JSON.parse(JSON.stringify(tree)) as OrgTree.OrgTree
    }
    for (const [how, copy] of Object.entries(copies)) {
      it(`answers for ${how} as for the tree itself, without a TypeError`, () => {
        expect(OrgTree.get(copy, "b-1")?.name).toBe("第一网格党支部")
        expect(OrgTree.root(copy)?.id).toBe("gc")
        expect(OrgTree.children(copy, "gc").map((u) => u.id)).toEqual(["grid-1", "b-1"])
        expect(OrgTree.isWithin(copy, "ch-1", "gc")).toBe(true)
        expect(Query.path(copy, "ch-1")).toEqual(Query.path(tree, "ch-1"))
        expect(Query.byKind(copy, "branch").length).toBe(1)
        expect(Rollup.counts(copy)).toEqual(Rollup.counts(tree))
        expect(Render.mermaid(copy)).toBe(Render.mermaid(tree))
        expect(codes(Validation.validate(copy, { asOf }))).toEqual(codes(Validation.validate(tree, { asOf })))
        expect(Result.isSuccess(Change.move(copy, "g-1", "b-1"))).toBe(true)
        expect(Change.diff(copy, tree).added).toEqual([])
      })
    }
    it("gives a failure that says how to rebuild for a copy whose rows no longer build, and empty answers", () => {
      const copy = structuredClone(tree) as { -readonly [K in keyof OrgTree.OrgTree]: OrgTree.OrgTree[K] }
      copy.orgUnits = [...copy.orgUnits, { id: "gc", kind: "branch", name: "重复" }]
      const broken = copy as OrgTree.OrgTree
      for (const value of [broken, {} as OrgTree.OrgTree, null as unknown as OrgTree.OrgTree]) {
        const report = Validation.validate(value, { asOf })
        expect(codes(report)).toEqual(["ORG_TREE_NOT_BUILT"])
        expect(report.issues[0]!.message.en).toContain("OrgTree.build(rows, policy)")
        expect(failureCodes(Change.move(value, "g-1", "b-1"))).toEqual(["ORG_TREE_NOT_BUILT"])
        expect(failureCodes(Change.addPosition(value, tree.positions[0]!))).toEqual(["ORG_TREE_NOT_BUILT"])
        expect(OrgTree.get(value, "b-1")).toBeUndefined()
        expect(OrgTree.root(value)).toBeUndefined()
        expect(Query.byKind(value, "branch")).toEqual([])
        expect(Query.memberUnitsOf(value, "gc")).toEqual([])
        expect(Rollup.counts(value).byKind.branch).toBe(0)
        expect(Render.nested(value)).toBeUndefined()
        expect(Validation.membership(value, "b-1")).toEqual({ full: 0, probationary: 0 })
      }
    })
  })

  describe("names and lists", () => {
    it("refuses empty names of org units, people and member units, naming the row's id", () => {
      const rows = small()
      const result = OrgTree.build({
        ...rows,
        orgUnits: rows.orgUnits.map((
          u
        ) => (u.id === "b-1" ? { ...u, name: "" } : u.id === "g-1" ? { ...u, name: "  " } : u)),
        people: rows.people.map((p) => (p.id === "m-2" ? { ...p, name: "\u3000" } : p)),
        memberUnits: [{ ...rows.memberUnits[0]!, name: "" }]
      }, Presets.hongan)
      expect(failureCodes(result)).toEqual(Array(4).fill("ORG_EMPTY_NAME"))
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => [i.path, i.params["id"]])).toEqual([
        [["orgUnits", 4, "name"], "b-1"],
        [["orgUnits", 5, "name"], "g-1"],
        [["memberUnits", 0, "name"], "u-bank"],
        [["people", 1, "name"], "m-2"]
      ])
      expect(issues[0]!.message.zh).toBe("组织 b-1 没有名称")
    })
    it("refuses an entry twice in covers, memberUnits and the positions", () => {
      const rows = small()
      const result = OrgTree.build({
        ...rows,
        orgUnits: rows.orgUnits.map((u) =>
          u.id === "b-1" ? { ...u, covers: ["grid-1", "grid-1"], memberUnits: ["u-bank", "u-bank"] } : u
        ),
        positions: [...rows.positions, rows.positions[3]!]
      }, Presets.hongan)
      expect(failureCodes(result)).toEqual(["ORG_DUPLICATE_ENTRY", "ORG_DUPLICATE_ENTRY", "ORG_DUPLICATE_POSITION"])
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => i.path)).toEqual([
        ["orgUnits", 4, "covers", 1],
        ["orgUnits", 4, "memberUnits", 1],
        ["positions", 7]
      ])
      expect(issues[2]!.message.en).toBe(
        "The committee member position of m-2 in b-1 from 2023-03-01 is given twice (first in row 4)"
      )
    })
    it("refuses a kind twice in a policy's lists", () => {
      const policy = JSON.parse(JSON.stringify(Presets.hongan))
      policy.roots = ["grand-committee", "grand-committee"]
      policy.secretaryRequired = [...policy.secretaryRequired, "branch"]
      policy.allowed[1].children = [...policy.allowed[1].children, "grid"]
      policy.termYears.byKind = [...policy.termYears.byKind, { kind: "grand-committee", years: 4 }]
      policy.maxDeputies = [...policy.maxDeputies, { kind: "branch", max: 2 }]
      const result = OrgPolicy.document.decode(policy)
      expect(failureCodes(result)).toEqual(Array(5).fill("ORG_POLICY_DUPLICATE_ENTRY"))
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => i.path)).toEqual([
        ["roots", 1],
        ["allowed", 1, "children", 3],
        ["termYears", "byKind", 2],
        ["maxDeputies", 1],
        ["secretaryRequired", 3]
      ])
    })
  })

  describe("ids of member units", () => {
    it("follow core's Id rules like the ids of org units and people", () => {
      const rows = small()
      for (
        const [id, code] of [[" u-bank", "CORE_ID_UNTRIMMED"], ["u\u0000", "CORE_ID_CONTROL_CHARACTER"], ["u\uD800",
          "CORE_ID_LONE_SURROGATE"]]
      ) {
        const result = OrgTree.build({ ...rows, memberUnits: [{ ...rows.memberUnits[0]!, id: id! }] }, Presets.hongan)
        expect(failureCodes(result)[0]).toBe(code)
        expect(Result.isFailure(result) ? result.failure.issues[0]!.path : []).toEqual(["memberUnits", 0, "id"])
      }
    })
  })

  describe("issues name the row", () => {
    it("an unknown kind and a bad id name the row's id (and row number) in params and message", () => {
      const rows = small()
      const result = OrgTree.build({
        ...rows,
        orgUnits: [...rows.orgUnits, { id: "x-1", parentId: "gc", kind: "党之部" as "branch", name: "x" }, {
          id: " b-9",
          parentId: "gc",
          kind: "branch",
          name: "y"
        }]
      }, Presets.hongan)
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => i.code)).toEqual(["ORG_UNKNOWN_KIND", "CORE_ID_UNTRIMMED"])
      expect(issues[0]!.params["id"]).toBe("x-1")
      expect(issues[0]!.message.zh).toMatch(/^x-1：不认识的组织类型 党之部（可用：街道党工委、社区大党委/)
      expect(issues[1]!.params).toMatchObject({ id: " b-9", row: 9 })
      expect(issues[1]!.message.en).toBe("Row 9 (id  b-9): The id must not start or end with white space")
    })
  })
})
