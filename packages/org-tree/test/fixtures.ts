import { CivilDate, ValidationReport } from "@gongzhi/core"
import type { Result } from "effect"
import type { OrgPolicy, OrgRows } from "../src/index.js"
import { Presets } from "../src/index.js"

export const d = CivilDate.makeUnsafe
export const asOf = d("2024-12-31")

/** A policy where party groups may nest, for deep chains. */
export const nesting: OrgPolicy.OrgPolicy = {
  ...Presets.hongan,
  id: "nesting",
  roots: [...Presets.hongan.roots, "party-group"],
  allowed: [...Presets.hongan.allowed.filter((r) => r.parent !== "party-group"), {
    parent: "party-group",
    children: ["party-group", "centre-household"]
  }]
}

/** Rows with every list present. */
export interface FullRows {
  readonly orgUnits: ReadonlyArray<OrgRows.OrgUnitRow>
  readonly people: ReadonlyArray<OrgRows.PersonRow>
  readonly memberUnits: ReadonlyArray<OrgRows.MemberUnitRow>
  readonly positions: ReadonlyArray<OrgRows.PositionRow>
}

/** A small valid community: a grand committee, a grid with two buildings, a branch of 8 with its committee. */
export const small = (): FullRows => ({
  orgUnits: [
    { id: "gc", kind: "grand-committee", name: "城东社区大党委" },
    { id: "grid-1", parentId: "gc", kind: "grid", name: "第一网格" },
    { id: "bd-1", parentId: "grid-1", kind: "building", name: "1栋" },
    { id: "bd-2", parentId: "grid-1", kind: "building", name: "2栋" },
    { id: "b-1", parentId: "gc", kind: "branch", name: "第一网格党支部", branchType: "grid", covers: ["grid-1"] },
    { id: "g-1", parentId: "b-1", kind: "party-group", name: "1栋党小组", covers: ["bd-1"] },
    { id: "ch-1", parentId: "g-1", kind: "centre-household", name: "党员中心户" }
  ],
  people: [
    ...Array.from(
      { length: 8 },
      (_, i) => ({
        id: `m-${i + 1}`,
        name: `党员${i + 1}`,
        membership: "full" as const,
        orgUnitId: i < 4 ? "b-1" : "g-1"
      })
    ),
    { id: "m-9", name: "预备党员", membership: "probationary" as const, orgUnitId: "b-1" },
    { id: "r-1", name: "楼栋长", membership: "none" as const, orgUnitId: "bd-1" },
    { id: "ism-1", name: "在职党员", membership: "full" as const, employerUnitId: "u-bank", reportsTo: "gc" },
    { id: "fs-1", name: "第一书记", membership: "full" as const, external: true }
  ],
  memberUnits: [{ id: "u-bank", name: "工商银行", type: "bank", grandCommitteeId: "gc" }],
  positions: [
    { orgUnitId: "gc", personId: "m-1", role: "secretary", start: d("2021-07-01"), end: d("2026-06-30") },
    { orgUnitId: "gc", personId: "fs-1", role: "first-secretary", start: d("2021-07-01") },
    { orgUnitId: "b-1", personId: "m-1", role: "secretary", start: d("2023-03-01"), end: d("2026-02-28") },
    { orgUnitId: "b-1", personId: "m-2", role: "committee-member", start: d("2023-03-01"), end: d("2026-02-28") },
    { orgUnitId: "b-1", personId: "m-3", role: "committee-member", start: d("2023-03-01"), end: d("2026-02-28") },
    { orgUnitId: "g-1", personId: "m-5", role: "group-head", start: d("2023-03-01"), end: d("2026-02-28") },
    { orgUnitId: "bd-1", personId: "r-1", role: "building-head", start: d("2023-03-01") }
  ]
})

export const codes = (report: ValidationReport.ValidationReport): ReadonlyArray<string> =>
  report.issues.map((i) => i.code)

export const failureCodes = <A>(result: Result.Result<A, ValidationReport.ValidationReport>): ReadonlyArray<string> =>
  result._tag === "Failure" ? codes(result.failure) : []

export const ok = <A>(result: Result.Result<A, ValidationReport.ValidationReport>): A =>
  ValidationReport.getOrThrow(result)
