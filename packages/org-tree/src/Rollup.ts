/**
 * Roll-ups of a tree or a subtree: counts by kind, members full and probationary, in-service
 * members, member units and positions filled (two heads four members, committee members); and
 * coverage (全覆盖): grids without a branch, buildings without a party group. One linear pass;
 * a million nodes take milliseconds.
 *
 * @since 0.1.0
 */
import type { CivilDate, Label } from "@gongzhi/core"
import { indexesOf, readableTree, subtree } from "./internal/indexes.js"
import * as Kind from "./Kind.js"
import * as OrgTree from "./OrgTree.js"

/**
 * The counts of a subtree.
 *
 * @example
 * ```ts
 * import type { Rollup } from "@gongzhi/org-tree"
 *
 * const branches = (counts: Rollup.Counts) => counts.byKind.branch
 * console.log(typeof branches)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Counts {
  readonly byKind: Readonly<Record<Kind.Kind, number>>
  readonly membersFull: number
  readonly membersProbationary: number
  /** People without party membership holding roles. */
  readonly residents: number
  /** In-service members reporting to a grand committee of the subtree. */
  readonly inServiceMembers: number
  /** Member units of the grand committees of the subtree. */
  readonly memberUnits: number
  /** Positions held (on the date given, or not left). */
  readonly positionsFilled: number
  /** Committee positions (secretaries, deputies, members) of branches and general branches. */
  readonly branchCommitteeMembers: number
  /** Positions of the "two heads, four members" (两长四员). */
  readonly twoHeadsFourMembers: number
}

/**
 * Counts a subtree (the whole tree by default).
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Rollup } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const counts = Rollup.counts(Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan)))
 * console.log(counts.byKind["grand-committee"], counts.byKind.grid, counts.byKind.branch, counts.byKind["party-group"]) // 19 301 257 787
 * console.log(counts.byKind["centre-household"], counts.twoHeadsFourMembers, counts.memberUnits, counts.inServiceMembers) // 842 4735 116 6352
 * ```
 *
 * @category roll-ups
 * @since 0.1.0
 */
export const counts = (
  tree: OrgTree.OrgTree,
  rootId?: string,
  options?: { readonly on?: CivilDate.CivilDate | undefined }
): Counts => {
  tree = readableTree(tree)
  const index = indexesOf(tree)
  const start = rootId === undefined ? index.root : index.byId.get(rootId)
  const byKind = Object.fromEntries(Kind.kinds.map((k) => [k, 0])) as Record<Kind.Kind, number>
  const empty: Counts = {
    byKind,
    membersFull: 0,
    membersProbationary: 0,
    residents: 0,
    inServiceMembers: 0,
    memberUnits: 0,
    positionsFilled: 0,
    branchCommitteeMembers: 0,
    twoHeadsFourMembers: 0
  }
  if (start === undefined || start < 0) return empty
  const rows = subtree(tree, start)
  const kindCounts = new Int32Array(Kind.kinds.length)
  let positionsFilled = 0
  let branchCommitteeMembers = 0
  let twoHeadsFourMembers = 0
  const grandCommittees = new Set<string>()
  const isBranchLike = (k: number) => Kind.kinds[k] === "branch" || Kind.kinds[k] === "general-branch"
  for (let k = 0; k < rows.length; k++) {
    const u = rows[k]!
    const kind = index.kind[u]!
    kindCounts[kind]!++
    if (Kind.kinds[kind] === "grand-committee") grandCommittees.add(tree.orgUnits[u]!.id)
    for (let q = index.positionStart[u]!; q < index.positionStart[u + 1]!; q++) {
      const position = tree.positions[index.positionOrder[q]!]!
      const held = options?.on === undefined ? position.left === undefined : OrgTree.isHeldOn(position, options.on)
      if (!held) continue
      positionsFilled++
      if (Kind.twoHeadsFourMembers.includes(position.role)) twoHeadsFourMembers++
      if (isBranchLike(kind) && Kind.committeeRoles.includes(position.role)) branchCommitteeMembers++
    }
  }
  Kind.kinds.forEach((k, i) => (byKind[k] = kindCounts[i]!))
  const from = index.pre[start]!
  const to = index.last[start]!
  let membersFull = 0
  let membersProbationary = 0
  let residents = 0
  let inServiceMembers = 0
  tree.people.forEach((person, p) => {
    if (person.reportsTo !== undefined && grandCommittees.has(person.reportsTo)) inServiceMembers++
    const u = index.personUnit[p]!
    if (u < 0 || index.pre[u]! < from || index.pre[u]! > to) return
    if (person.membership === "full") membersFull++
    else if (person.membership === "probationary") membersProbationary++
    else residents++
  })
  const memberUnits = tree.memberUnits.filter((unit) => grandCommittees.has(unit.grandCommitteeId)).length
  return {
    byKind,
    membersFull,
    membersProbationary,
    residents,
    inServiceMembers,
    memberUnits,
    positionsFilled,
    branchCommitteeMembers,
    twoHeadsFourMembers
  }
}

/**
 * The coverage (全覆盖) of one grand committee: its grids and how many a branch covers, its
 * buildings and how many a party group covers, and which are left out.
 *
 * @example
 * ```ts
 * import type { Rollup } from "@gongzhi/org-tree"
 *
 * const gap = (row: Rollup.CoverageRow) => row.grids - row.gridsWithBranch
 * console.log(typeof gap)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface CoverageRow {
  readonly id: string
  readonly name: string
  readonly grids: number
  readonly gridsWithBranch: number
  readonly buildings: number
  readonly buildingsWithGroup: number
  readonly branches: number
  readonly partyGroups: number
  readonly centreHouseholds: number
  readonly gridsWithoutBranch: ReadonlyArray<string>
  readonly buildingsWithoutGroup: ReadonlyArray<string>
}

/**
 * The coverage of every grand committee of a subtree, and the total.
 *
 * @example
 * ```ts
 * import type { Rollup } from "@gongzhi/org-tree"
 *
 * const rate = (c: Rollup.Coverage) => c.total.gridsWithBranch / c.total.grids
 * console.log(typeof rate)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Coverage {
  readonly rows: ReadonlyArray<CoverageRow>
  readonly total: CoverageRow
}

/**
 * Computes coverage per grand committee: a grid counts as covered when a branch names it in
 * `covers` (or a branch covers one of its buildings), a building when a party group does.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Rollup } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const coverage = Rollup.coverage(Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan)))
 * console.log(coverage.rows.length, coverage.total.grids, coverage.total.gridsWithBranch) // 19 301 257
 * ```
 *
 * @category roll-ups
 * @since 0.1.0
 */
export const coverage = (tree: OrgTree.OrgTree, rootId?: string): Coverage => {
  tree = readableTree(tree)
  const index = indexesOf(tree)
  const start = rootId === undefined ? index.root : index.byId.get(rootId)
  const covered = new Uint8Array(tree.size)
  const cover = (u: number, by: "branch" | "party-group") => {
    for (const target of tree.orgUnits[u]!.covers ?? []) {
      const t = index.byId.get(target)
      if (t === undefined) continue
      const kind = Kind.kinds[index.kind[t]!]
      if (by === "branch" && kind === "grid") covered[t] = 1
      if (by === "branch" && kind === "building" && index.parent[t]! >= 0) covered[index.parent[t]!] = 1
      if (by === "party-group" && kind === "building") covered[t] = 1
    }
  }
  if (start === undefined || start < 0) {
    const none: CoverageRow = {
      id: "",
      name: "",
      grids: 0,
      gridsWithBranch: 0,
      buildings: 0,
      buildingsWithGroup: 0,
      branches: 0,
      partyGroups: 0,
      centreHouseholds: 0,
      gridsWithoutBranch: [],
      buildingsWithoutGroup: []
    }
    return { rows: [], total: none }
  }
  const rows = subtree(tree, start)
  for (let k = 0; k < rows.length; k++) {
    const kind = Kind.kinds[index.kind[rows[k]!]!]
    if (kind === "branch") cover(rows[k]!, "branch")
    else if (kind === "party-group") cover(rows[k]!, "party-group")
  }
  const out: Array<CoverageRow> = []
  for (let k = 0; k < rows.length; k++) {
    const gc = rows[k]!
    if (Kind.kinds[index.kind[gc]!] !== "grand-committee") continue
    const within = subtree(tree, gc)
    let grids = 0
    let gridsWithBranch = 0
    let buildings = 0
    let buildingsWithGroup = 0
    let branches = 0
    let partyGroups = 0
    let centreHouseholds = 0
    const gridsWithoutBranch: Array<string> = []
    const buildingsWithoutGroup: Array<string> = []
    for (let j = 0; j < within.length; j++) {
      const u = within[j]!
      switch (Kind.kinds[index.kind[u]!]) {
        case "grid":
          grids++
          if (covered[u] === 1) gridsWithBranch++
          else gridsWithoutBranch.push(tree.orgUnits[u]!.id)
          break
        case "building":
          buildings++
          if (covered[u] === 1) buildingsWithGroup++
          else buildingsWithoutGroup.push(tree.orgUnits[u]!.id)
          break
        case "branch":
          branches++
          break
        case "party-group":
          partyGroups++
          break
        case "centre-household":
          centreHouseholds++
          break
      }
    }
    const row = tree.orgUnits[gc]!
    out.push({
      id: row.id,
      name: row.name,
      grids,
      gridsWithBranch,
      buildings,
      buildingsWithGroup,
      branches,
      partyGroups,
      centreHouseholds,
      gridsWithoutBranch,
      buildingsWithoutGroup
    })
  }
  const sum = (f: (r: CoverageRow) => number) => out.reduce((s, r) => s + f(r), 0)
  const top = tree.orgUnits[start]!
  return {
    rows: out,
    total: {
      id: top.id,
      name: top.name,
      grids: sum((r) => r.grids),
      gridsWithBranch: sum((r) => r.gridsWithBranch),
      buildings: sum((r) => r.buildings),
      buildingsWithGroup: sum((r) => r.buildingsWithGroup),
      branches: sum((r) => r.branches),
      partyGroups: sum((r) => r.partyGroups),
      centreHouseholds: sum((r) => r.centreHouseholds),
      gridsWithoutBranch: out.flatMap((r) => r.gridsWithoutBranch),
      buildingsWithoutGroup: out.flatMap((r) => r.buildingsWithoutGroup)
    }
  }
}

/**
 * The coverage as a table (headers in Chinese or English, a row per grand committee and the
 * total), ready for a terminal, Markdown or a spreadsheet.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Rollup } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const table = Rollup.coverageTable(Rollup.coverage(Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan))), "zh")
 * console.log(table.columns.slice(0, 3)) // ["社区大党委", "网格", "有支部的网格"]
 * ```
 *
 * @category roll-ups
 * @since 0.1.0
 */
export const coverageTable = (
  coverage: Coverage,
  lang: Label.Lang
): { readonly columns: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<string | number>> } => {
  const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part * 1000) / whole) / 10)
  const line = (r: CoverageRow, name: string) => [
    name,
    r.grids,
    r.gridsWithBranch,
    percent(r.gridsWithBranch, r.grids),
    r.buildings,
    r.buildingsWithGroup,
    percent(r.buildingsWithGroup, r.buildings),
    r.branches,
    r.partyGroups,
    r.centreHouseholds
  ]
  return {
    columns: lang === "zh"
      ? ["社区大党委", "网格", "有支部的网格", "网格覆盖率%", "楼栋", "有党小组的楼栋", "楼栋覆盖率%", "党支部",
        "党小组", "党员中心户"]
      : ["grand committee", "grids", "grids with a branch", "grids covered %", "buildings", "buildings with a group",
        "buildings covered %", "branches", "party groups", "centre households"],
    rows: [...coverage.rows.map((r) => line(r, r.name)), line(coverage.total, lang === "zh" ? "合计" : "total")]
  }
}
