/**
 * Changes to an organisation, each returning the new tree and the change as data (for an audit
 * log or an approval flow): move a subtree, merge or split grids, add or end a position. A
 * rejected change returns every problem and leaves the tree as it was. {@link diff} compares two
 * snapshots.
 *
 * @since 0.1.0
 */
import { type CivilDate, type Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import { indexesOf, isReadable, kindAt, readableTree } from "./internal/indexes.js"
import * as Kind from "./Kind.js"
import { messages } from "./Messages.js"
import type * as OrgRows from "./OrgRows.js"
import * as OrgTree from "./OrgTree.js"

/**
 * A change, as data.
 *
 * @example
 * ```ts
 * import type { Change } from "@gongzhi/org-tree"
 *
 * const describe = (change: Change.Change) => change._tag
 * console.log(typeof describe)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Change =
  | { readonly _tag: "Moved"; readonly id: string; readonly from: string | undefined; readonly to: string }
  | {
    readonly _tag: "GridsMerged"
    readonly into: string
    readonly merged: ReadonlyArray<string>
    readonly buildings: ReadonlyArray<string>
  }
  | {
    readonly _tag: "GridSplit"
    readonly grid: string
    readonly into: ReadonlyArray<{ readonly id: string; readonly buildings: ReadonlyArray<string> }>
  }
  | { readonly _tag: "PositionAdded"; readonly position: OrgRows.PositionRow }
  | { readonly _tag: "PositionEnded"; readonly position: OrgRows.PositionRow; readonly on: CivilDate.CivilDate }

/**
 * The outcome of a change: the new tree and what changed.
 *
 * @example
 * ```ts
 * import type { Change } from "@gongzhi/org-tree"
 *
 * const tag = (applied: Change.Applied) => applied.change._tag
 * console.log(typeof tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Applied {
  readonly tree: OrgTree.OrgTree
  readonly change: Change
}

const notBuilt = (): Result.Result<Applied, ValidationReport.ValidationReport> =>
  Result.fail(ValidationReport.of(messages.make("ORG_TREE_NOT_BUILT")))

const unknownUnit = (id: string, path: Issue.Path) => messages.make("ORG_UNKNOWN_UNIT", { path, params: { id } })

const rebuild = (
  tree: OrgTree.OrgTree,
  rows: OrgRows.Rows,
  change: Change
): Result.Result<Applied, ValidationReport.ValidationReport> =>
  Result.map(OrgTree.build(rows, tree.policy), (next) => ({ tree: next, change }))

/**
 * Moves an org unit and its subtree under another parent (the policy must allow its kind
 * there; it cannot move into its own subtree).
 *
 * @example
 * ```ts
 * import { Change, Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan))
 * const moved = Result.getOrThrow(Change.move(tree, "hongan-gc-01-grid-01-branch", "hongan-gc-02"))
 * console.log(moved.change, Query.path(moved.tree, "hongan-gc-01-grid-01-branch").at(-2))
 * // { _tag: "Moved", id: "hongan-gc-01-grid-01-branch", from: "hongan-gc-01", to: "hongan-gc-02" } "hongan-gc-02"
 * ```
 *
 * @category changes
 * @since 0.1.0
 */
export const move = (
  tree: OrgTree.OrgTree,
  id: string,
  newParentId: string
): Result.Result<Applied, ValidationReport.ValidationReport> => {
  if (!isReadable(tree)) return notBuilt()
  const index = indexesOf(tree)
  const i = index.byId.get(id)
  const p = index.byId.get(newParentId)
  const issues: Array<Issue.DomainIssue> = []
  if (i === undefined) issues.push(unknownUnit(id, ["id"]))
  if (p === undefined) issues.push(unknownUnit(newParentId, ["to"]))
  if (i !== undefined && p !== undefined && OrgTree.isWithin(tree, newParentId, id)) {
    issues.push(messages.make("ORG_MOVE_INTO_OWN_SUBTREE", { path: ["to"], params: { id, target: newParentId } }))
  }
  if (issues.length > 0 || i === undefined) return Result.fail(ValidationReport.make(issues))
  const row = tree.orgUnits[i]!
  const orgUnits = tree.orgUnits.map((u, k) => (k === i ? { ...u, parentId: newParentId } : u))
  return rebuild(tree, { ...OrgTree.rows(tree), orgUnits }, {
    _tag: "Moved",
    id,
    from: row.parentId ?? undefined,
    to: newParentId
  })
}

const requireGrid = (
  tree: OrgTree.OrgTree,
  id: string,
  path: Issue.Path,
  issues: Array<Issue.DomainIssue>
): number | undefined => {
  const i = indexesOf(tree).byId.get(id)
  if (i === undefined) {
    issues.push(unknownUnit(id, path))
    return undefined
  }
  const kind = kindAt(tree, i)
  if (kind !== "grid") {
    issues.push(
      messages.make("ORG_NOT_A_GRID", {
        path,
        params: { id, kind },
        labels: { kind: Kind.labels[kind] }
      })
    )
    return undefined
  }
  return i
}

/**
 * Merges grids into one: their buildings move to it, branches covering them now cover it, and
 * the merged grids are removed (网格合并).
 *
 * @example
 * ```ts
 * import { Change, Fixtures, OrgTree, Presets, Rollup } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan))
 * const merged = Result.getOrThrow(Change.mergeGrids(tree, "hongan-gc-01-grid-01", ["hongan-gc-01-grid-02"]))
 * console.log(Rollup.counts(merged.tree).byKind.grid) // 300
 * ```
 *
 * @category changes
 * @since 0.1.0
 */
export const mergeGrids = (
  tree: OrgTree.OrgTree,
  into: string,
  merged: ReadonlyArray<string>
): Result.Result<Applied, ValidationReport.ValidationReport> => {
  if (!isReadable(tree)) return notBuilt()
  const issues: Array<Issue.DomainIssue> = []
  requireGrid(tree, into, ["into"], issues)
  merged.forEach((id, k) => requireGrid(tree, id, ["merged", k], issues))
  if (issues.length > 0) return Result.fail(ValidationReport.make(issues))
  const gone = new Set(merged.filter((id) => id !== into))
  const buildings: Array<string> = []
  const orgUnits: Array<OrgRows.OrgUnitRow> = []
  for (const u of tree.orgUnits) {
    if (gone.has(u.id)) continue
    let next = u
    if (u.parentId !== undefined && u.parentId !== null && gone.has(u.parentId)) {
      buildings.push(u.id)
      next = { ...next, parentId: into }
    }
    if (u.covers?.some((c) => gone.has(c)) === true) {
      next = { ...next, covers: [...new Set(u.covers.map((c) => (gone.has(c) ? into : c)))] }
    }
    orgUnits.push(next)
  }
  return rebuild(tree, { ...OrgTree.rows(tree), orgUnits }, { _tag: "GridsMerged", into, merged: [...gone], buildings })
}

/**
 * Splits a grid: named buildings go to new grids under the same parent (the rest stay).
 *
 * @example
 * ```ts
 * import { Change, Fixtures, OrgTree, Presets, Rollup } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan))
 * const split = Result.getOrThrow(Change.splitGrid(tree, "hongan-gc-01-grid-01", [
 *   { id: "hongan-gc-01-grid-01b", name: "城东第1网格（北）", buildings: ["hongan-gc-01-grid-01-bd-3"] }
 * ]))
 * console.log(Rollup.counts(split.tree).byKind.grid) // 302
 * ```
 *
 * @category changes
 * @since 0.1.0
 */
export const splitGrid = (
  tree: OrgTree.OrgTree,
  grid: string,
  into: ReadonlyArray<{ readonly id: string; readonly name: string; readonly buildings: ReadonlyArray<string> }>
): Result.Result<Applied, ValidationReport.ValidationReport> => {
  if (!isReadable(tree)) return notBuilt()
  const issues: Array<Issue.DomainIssue> = []
  const g = requireGrid(tree, grid, ["grid"], issues)
  const index = indexesOf(tree)
  const target = new Map<string, string>()
  into.forEach((part, k) => {
    part.buildings.forEach((building, n) => {
      const b = index.byId.get(building)
      if (b === undefined || g === undefined || index.parent[b] !== g) {
        issues.push(
          messages.make("ORG_SPLIT_BUILDING_NOT_IN_GRID", {
            path: ["into", k, "buildings", n],
            params: { building, grid }
          })
        )
      } else if (target.has(building)) {
        issues.push(
          messages.make("ORG_SPLIT_BUILDING_TWICE", { path: ["into", k, "buildings", n], params: { building } })
        )
      } else target.set(building, part.id)
    })
  })
  if (issues.length > 0 || g === undefined) return Result.fail(ValidationReport.make(issues))
  const parentId = tree.orgUnits[g]!.parentId ?? undefined
  const orgUnits: Array<OrgRows.OrgUnitRow> = []
  for (const u of tree.orgUnits) {
    const moved = target.get(u.id)
    orgUnits.push(moved === undefined ? u : { ...u, parentId: moved })
    if (u.id === grid) {
      for (const part of into) {
        orgUnits.push({ id: part.id, ...(parentId === undefined ? {} : { parentId }), kind: "grid", name: part.name })
      }
    }
  }
  return rebuild(tree, { ...OrgTree.rows(tree), orgUnits }, {
    _tag: "GridSplit",
    grid,
    into: into.map((p) => ({ id: p.id, buildings: p.buildings }))
  })
}

/**
 * Adds a position (its org unit and person must exist; validate the result for the rules).
 *
 * @example
 * ```ts
 * import { Change, Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { CivilDate } from "@gongzhi/core"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * const added = Result.getOrThrow(Change.addPosition(tree, {
 *   orgUnitId: "mq-grid-1", personId: "mq-b01-m-004", role: "red-steward", start: CivilDate.makeUnsafe("2024-03-01")
 * }))
 * console.log(Query.byRole(added.tree, "red-steward").length) // 1
 * ```
 *
 * @category changes
 * @since 0.1.0
 */
export const addPosition = (
  tree: OrgTree.OrgTree,
  position: OrgRows.PositionRow
): Result.Result<Applied, ValidationReport.ValidationReport> =>
  isReadable(tree)
    ? rebuild(tree, { ...OrgTree.rows(tree), positions: [...tree.positions, position] }, {
      _tag: "PositionAdded",
      position
    })
    : notBuilt()

/**
 * Ends a position on a date: the holder leaves (`left`), the row stays as history.
 *
 * @example
 * ```ts
 * import { Change, Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { CivilDate } from "@gongzhi/core"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * const on = CivilDate.makeUnsafe("2024-09-30")
 * const ended = Result.getOrThrow(Change.endPosition(tree, { orgUnitId: "mingquan", personId: "mq-b09-m-001", role: "deputy-secretary", on }))
 * console.log(Query.byRole(ended.tree, "deputy-secretary", { on: CivilDate.makeUnsafe("2024-10-01") }).length) // 1
 * ```
 *
 * @category changes
 * @since 0.1.0
 */
export const endPosition = (
  tree: OrgTree.OrgTree,
  which: {
    readonly orgUnitId: string
    readonly personId: string
    readonly role: Kind.Role
    readonly on: CivilDate.CivilDate
  }
): Result.Result<Applied, ValidationReport.ValidationReport> => {
  if (!isReadable(tree)) return notBuilt()
  const k = tree.positions.findIndex((p) =>
    p.orgUnitId === which.orgUnitId && p.personId === which.personId && p.role === which.role &&
    OrgTree.isHeldOn(p, which.on)
  )
  if (k < 0) {
    return Result.fail(ValidationReport.of(messages.make("ORG_POSITION_NOT_FOUND", {
      params: { id: which.orgUnitId, personId: which.personId, role: which.role },
      labels: { role: Kind.roleLabels[which.role] }
    })))
  }
  const ended = { ...tree.positions[k]!, left: which.on }
  const positions = tree.positions.map((p, n) => (n === k ? ended : p))
  return rebuild(tree, { ...OrgTree.rows(tree), positions }, { _tag: "PositionEnded", position: ended, on: which.on })
}

/**
 * What differs between two snapshots of an organisation: org units added and removed,
 * renamed, re-parented (their parent changed), and moved along with an ancestor (same parent,
 * but a different place in the tree).
 *
 * @example
 * ```ts
 * import type { Change } from "@gongzhi/org-tree"
 *
 * const isEmpty = (d: Change.Diff) => d.added.length + d.removed.length + d.renamed.length + d.reparented.length + d.moved.length === 0
 * console.log(typeof isEmpty)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Diff {
  readonly added: ReadonlyArray<string>
  readonly removed: ReadonlyArray<string>
  readonly renamed: ReadonlyArray<{ readonly id: string; readonly from: string; readonly to: string }>
  readonly reparented: ReadonlyArray<
    { readonly id: string; readonly from: string | undefined; readonly to: string | undefined }
  >
  readonly moved: ReadonlyArray<string>
}

/**
 * Compares two snapshots in linear time.
 *
 * @example
 * ```ts
 * import { Change, Fixtures, OrgTree, Presets } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const before = Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan))
 * const after = Result.getOrThrow(Change.move(before, "hongan-gc-01-grid-01-branch", "hongan-gc-02")).tree
 * const diff = Change.diff(before, after)
 * console.log(diff.reparented.length, diff.moved.length) // 1 6
 * console.log(Change.diff(before, before).moved.length) // 0
 * ```
 *
 * @category changes
 * @since 0.1.0
 */
export const diff = (before: OrgTree.OrgTree, after: OrgTree.OrgTree): Diff => {
  before = readableTree(before)
  after = readableTree(after)
  const a = indexesOf(before)
  const b = indexesOf(after)
  const added: Array<string> = []
  const removed: Array<string> = []
  const renamed: Array<{ id: string; from: string; to: string }> = []
  const reparented: Array<{ id: string; from: string | undefined; to: string | undefined }> = []
  const moved: Array<string> = []
  for (const row of before.orgUnits) if (!b.byId.has(row.id)) removed.push(row.id)
  // pre-order over the new tree: a node moved along when an ancestor's place changed
  const changedPlace = new Uint8Array(after.size)
  for (let k = 0; k < b.preorder.length; k++) {
    const u = b.preorder[k]!
    const row = after.orgUnits[u]!
    const old = a.byId.get(row.id)
    const p = b.parent[u]!
    const inherited = p >= 0 && changedPlace[p] === 1
    if (old === undefined) {
      added.push(row.id)
      changedPlace[u] = 1
      continue
    }
    const oldRow = before.orgUnits[old]!
    if (oldRow.name !== row.name) renamed.push({ id: row.id, from: oldRow.name, to: row.name })
    const from = oldRow.parentId ?? undefined
    const to = row.parentId ?? undefined
    if ((from ?? "") !== (to ?? "")) {
      reparented.push({ id: row.id, from, to })
      changedPlace[u] = 1
    } else if (inherited) {
      moved.push(row.id)
      changedPlace[u] = 1
    }
  }
  return { added, removed, renamed, reparented, moved }
}
