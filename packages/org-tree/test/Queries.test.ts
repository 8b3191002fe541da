import type { ValidationReport } from "@gongzhi/core"
import type { Result } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Change, Fixtures, type OrgRows, OrgTree, Presets, Query, Render, Rollup } from "../src/index.js"
import { asOf, d, failureCodes, ok, small } from "./fixtures.js"

const hongan = ok(OrgTree.build(Fixtures.hongan(), Presets.hongan))
const mingquan = ok(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))

describe("Query", () => {
  it("walks ancestors, paths and descendants", () => {
    expect(Query.ancestors(mingquan, "mq-b01-group-1").map((u) => u.id)).toEqual(["mq-b01", "mingquan",
      "duodao-street"])
    expect(Query.path(mingquan, "mq-b01-group-1")).toEqual(["duodao-street", "mingquan", "mq-b01", "mq-b01-group-1"])
    expect(Query.path(mingquan, "nope")).toEqual([])
    expect(Query.ancestors(mingquan, "nope")).toEqual([])
    expect(Query.descendants(mingquan, "mq-b01").map((u) => u.kind)).toEqual(["party-group", "centre-household",
      "party-group", "party-group"])
    expect(Query.descendants(mingquan, "nope")).toEqual([])
  })
  it("finds by kind and by role, within a subtree and on a date", () => {
    expect(Query.byKind(mingquan, "branch")).toHaveLength(13)
    expect(Query.byKind(hongan, "grid", "hongan-gc-01").length).toBeGreaterThan(10)
    expect(Query.byKind(hongan, "grid", "nope")).toEqual([])
    expect(Query.byRole(mingquan, "deputy-secretary").map((p) => p.personId)).toEqual(["mq-b09-m-001", "mq-b10-m-001"])
    expect(Query.byRole(mingquan, "secretary", { on: d("2020-01-01") })).toEqual([])
    expect(Query.byRole(mingquan, "secretary", { within: "nope" })).toEqual([])
  })
  it("lists members of a subtree, in-service members and member units", () => {
    const members = Query.membersOf(mingquan, "mq-b01")
    expect(members.length).toBeGreaterThanOrEqual(9)
    expect(members.every((m) => m.id.startsWith("mq-b01-"))).toBe(true)
    expect(Query.membersOf(hongan, "hongan-gc-01-grid-01-bd-1", { partyOnly: true })).toEqual([])
    expect(Query.membersOf(hongan, "hongan-gc-01-grid-01-bd-1").length).toBeGreaterThanOrEqual(1)
    expect(Query.membersOf(hongan, "nope")).toEqual([])
    expect(Query.inServiceReportingTo(mingquan, "mingquan").every((p) => p.employerUnitId !== undefined)).toBe(true)
    expect(Query.memberUnitsOf(mingquan, "mingquan").map((u) => u.name)).toContain("工商银行名泉支行")
  })
})

describe("Rollup", () => {
  it("红安's figures come out of the generated county exactly", () => {
    const counts = Rollup.counts(hongan)
    expect({
      grandCommittees: counts.byKind["grand-committee"],
      grids: counts.byKind.grid,
      branches: counts.byKind.branch,
      groups: counts.byKind["party-group"],
      centreHouseholds: counts.byKind["centre-household"],
      twoHeadsFourMembers: counts.twoHeadsFourMembers,
      branchCommitteeMembers: counts.branchCommitteeMembers,
      memberUnits: counts.memberUnits,
      inServiceMembers: counts.inServiceMembers
    }).toEqual({
      grandCommittees: 19,
      grids: 301,
      branches: 257,
      groups: 787,
      centreHouseholds: 842,
      twoHeadsFourMembers: 4735,
      branchCommitteeMembers: 771,
      memberUnits: 116,
      inServiceMembers: 6352
    })
  })
  it("the same figures for any seed", () => {
    const other = Rollup.counts(ok(OrgTree.build(Fixtures.hongan({ seed: 7 }), Presets.hongan)))
    expect([other.byKind.grid, other.byKind.branch, other.byKind["party-group"], other.twoHeadsFourMembers]).toEqual([
      301,
      257,
      787,
      4735
    ])
  })
  it("counts a subtree, on a date, and nothing for an unknown one", () => {
    const gc = Rollup.counts(mingquan, "mingquan")
    expect(gc.byKind.branch).toBe(13)
    expect(gc.memberUnits).toBe(15)
    expect(Rollup.counts(mingquan, "nope").byKind.branch).toBe(0)
    expect(Rollup.counts(mingquan, undefined, { on: d("2020-01-01") }).positionsFilled).toBe(0)
  })
  it("coverage: 44 of 红安's grids have no branch, 213 buildings no group", () => {
    const coverage = Rollup.coverage(hongan)
    expect(coverage.rows).toHaveLength(19)
    expect(coverage.total).toMatchObject({
      grids: 301,
      gridsWithBranch: 257,
      buildings: 1000,
      buildingsWithGroup: 787,
      branches: 257,
      partyGroups: 787,
      centreHouseholds: 842
    })
    expect(coverage.total.gridsWithoutBranch).toHaveLength(44)
    const table = Rollup.coverageTable(coverage, "en")
    expect(table.rows).toHaveLength(20)
    expect(table.rows.at(-1)).toEqual(["total", 301, 257, 85.4, 1000, 787, 78.7, 257, 787, 842])
    expect(Rollup.coverage(hongan, "nope").rows).toEqual([])
  })
})

describe("Change", () => {
  it("moves a subtree and can move it back", () => {
    const moved = ok(Change.move(hongan, "hongan-gc-01-grid-01-branch", "hongan-gc-02"))
    expect(Query.path(moved.tree, "hongan-gc-01-grid-01-branch-group-1")[1]).toBe("hongan-gc-02")
    const back = ok(Change.move(moved.tree, "hongan-gc-01-grid-01-branch", "hongan-gc-01"))
    expect(back.tree.orgUnits).toEqual(hongan.orgUnits)
  })
  it("refuses a move into its own subtree, under an unknown unit or where the policy forbids it", () => {
    expect(failureCodes(Change.move(hongan, "hongan-gc-01", "hongan-gc-01-grid-01"))).toEqual([
      "ORG_MOVE_INTO_OWN_SUBTREE"
    ])
    expect(failureCodes(Change.move(hongan, "nope", "nada"))).toEqual(["ORG_UNKNOWN_UNIT", "ORG_UNKNOWN_UNIT"])
    expect(failureCodes(Change.move(hongan, "hongan-gc-01-grid-01-branch", "hongan-gc-02-grid-01"))).toEqual([
      "ORG_KIND_NOT_ALLOWED"
    ])
  })
  it("merges grids: buildings move, coverage follows", () => {
    const merged = ok(Change.mergeGrids(hongan, "hongan-gc-01-grid-01", ["hongan-gc-01-grid-02"]))
    expect(merged.change).toMatchObject({
      _tag: "GridsMerged",
      into: "hongan-gc-01-grid-01",
      merged: ["hongan-gc-01-grid-02"]
    })
    expect(OrgTree.children(merged.tree, "hongan-gc-01-grid-01").length).toBeGreaterThanOrEqual(6)
    expect(OrgTree.get(merged.tree, "hongan-gc-01-grid-02-branch")?.covers).toEqual(["hongan-gc-01-grid-01"])
    expect(failureCodes(Change.mergeGrids(hongan, "hongan-gc-01", ["nope"]))).toEqual(["ORG_NOT_A_GRID",
      "ORG_UNKNOWN_UNIT"])
  })
  it("splits a grid and checks the buildings given", () => {
    const split = ok(
      Change.splitGrid(hongan, "hongan-gc-01-grid-01", [{
        id: "north",
        name: "北片",
        buildings: ["hongan-gc-01-grid-01-bd-3"]
      }])
    )
    expect(OrgTree.get(split.tree, "hongan-gc-01-grid-01-bd-3")?.parentId).toBe("north")
    expect(failureCodes(Change.splitGrid(hongan, "hongan-gc-01-grid-01", [
      { id: "a", name: "a", buildings: ["hongan-gc-01-grid-01-bd-1", "hongan-gc-02-grid-01-bd-1"] },
      { id: "b", name: "b", buildings: ["hongan-gc-01-grid-01-bd-1"] }
    ]))).toEqual(["ORG_SPLIT_BUILDING_NOT_IN_GRID", "ORG_SPLIT_BUILDING_TWICE"])
  })
  it("adds and ends positions, keeping history", () => {
    const tree = ok(OrgTree.build(small(), Presets.hongan))
    const added = ok(
      Change.addPosition(tree, { orgUnitId: "grid-1", personId: "r-1", role: "grid-head", start: d("2024-01-01") })
    )
    expect(Query.byRole(added.tree, "grid-head")).toHaveLength(1)
    expect(
      failureCodes(
        Change.addPosition(tree, { orgUnitId: "nope", personId: "r-1", role: "grid-head", start: d("2024-01-01") })
      )
    ).toEqual(["ORG_UNKNOWN_REFERENCE"])
    const ended = ok(
      Change.endPosition(added.tree, { orgUnitId: "grid-1", personId: "r-1", role: "grid-head", on: d("2024-06-30") })
    )
    expect(ended.tree.positions).toHaveLength(added.tree.positions.length)
    expect(Query.byRole(ended.tree, "grid-head", { on: asOf })).toEqual([])
    expect(
      failureCodes(
        Change.endPosition(ended.tree, { orgUnitId: "grid-1", personId: "r-1", role: "grid-head", on: asOf })
      )
    ).toEqual(["ORG_POSITION_NOT_FOUND"])
  })
  it("diffs snapshots: added, removed, renamed, re-parented, moved along", () => {
    const before = ok(OrgTree.build(small(), Presets.hongan))
    const rows = small()
    const after = ok(OrgTree.build({
      ...rows,
      orgUnits: [
        ...rows.orgUnits.filter((u) => u.id !== "ch-1").map((
          u
        ) => (u.id === "bd-2" ? { ...u, name: "二栋" } : u.id === "g-1" ? { ...u, parentId: "b-2" } : u)),
        { id: "b-2", parentId: "gc", kind: "branch", name: "新支部", branchType: "grid" },
        { id: "ch-2", parentId: "g-1", kind: "centre-household", name: "新中心户" }
      ],
      positions: [...rows.positions, { orgUnitId: "b-2", personId: "m-4", role: "secretary", start: d("2024-01-01") }]
    }, Presets.hongan))
    expect(Change.diff(before, after)).toEqual({
      added: ["b-2", "ch-2"],
      removed: ["ch-1"],
      renamed: [{ id: "bd-2", from: "2栋", to: "二栋" }],
      reparented: [{ id: "g-1", from: "b-1", to: "b-2" }],
      moved: []
    })
  })
})

describe("Render", () => {
  it("draws Mermaid and DOT, by subtree and depth, in either language", () => {
    const chart = Render.mermaid(mingquan, { root: "mingquan", depth: 1, territory: false, lang: "en" })
    expect(chart).toContain("[\"名泉社区大党委<br/><small>grand committee</small>\"]")
    expect(chart.match(/-->/g)).toHaveLength(13)
    expect(Render.mermaid(mingquan, { root: "nope" })).toBe(Render.mermaid(mingquan, { root: "nope" }))
    const dot = Render.dot(mingquan, { root: "mq-b01" })
    expect(dot).toContain("->")
    expect(dot.trim().endsWith("}")).toBe(true)
    const quoted = ok(
      OrgTree.build({ orgUnits: [{ id: "gc", kind: "grand-committee", name: "他说\"好\"<b>" }] }, Presets.hongan)
    )
    expect(Render.mermaid(quoted)).toContain("他说#quot;好#quot;#lt;b#gt;")
    expect(Render.dot(quoted)).toContain("他说\\\"好\\\"")
  })
  it("exports nested JSON as d3-hierarchy reads it", () => {
    const top = Render.nested(hongan, { depth: 1 })
    expect(top?.children).toHaveLength(19)
    expect(Render.nested(hongan, { root: "nope" })).toBeUndefined()
  })
  it("exports a subtree's rows that build again on their own", () => {
    const doc = Render.rows(hongan, { root: "hongan-gc-03" })
    const again = ok(OrgTree.build(doc, Presets.hongan))
    expect(Rollup.counts(again).byKind.branch).toBe(Rollup.counts(hongan, "hongan-gc-03").byKind.branch)
    expect(Rollup.counts(again).inServiceMembers).toBe(Rollup.counts(hongan, "hongan-gc-03").inServiceMembers)
  })
})

describe("types", () => {
  it("keeps the public signatures", () => {
    expectTypeOf(OrgTree.build).parameter(0).toEqualTypeOf<OrgRows.Rows>()
    expectTypeOf(OrgTree.build).returns.toEqualTypeOf<
      Result.Result<OrgTree.OrgTree, ValidationReport.ValidationReport>
    >()
    expectTypeOf(Change.move).returns.toEqualTypeOf<Result.Result<Change.Applied, ValidationReport.ValidationReport>>()
    expectTypeOf(Rollup.counts).returns.toEqualTypeOf<Rollup.Counts>()
    expectTypeOf(Render.mermaid).returns.toBeString()
  })
})
