/**
 * The organisation as a tree, built from flat rows with every problem reported at once
 * (duplicate ids, missing parents, several roots, cycles, kinds the policy does not allow under
 * their parent, references to people, units or territory that do not exist). Building is
 * iterative and linear: a 100,000-deep chain or a cycle in a million rows does not overflow the
 * stack. A tree is immutable; changes make a new one.
 *
 * @since 0.1.0
 */
import { CivilDate, Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import { buildTree } from "./internal/build.js"
import { indexesOf, readableTree, setIndexes } from "./internal/indexes.js"
import { messages } from "./Messages.js"
import type * as OrgPolicy from "./OrgPolicy.js"
import type * as OrgRows from "./OrgRows.js"

/**
 * A built organisation: the rows it was built from, the policy it was built against, and the
 * indexes queries and roll-ups use. Treat it as a value: functions of this package read it and
 * return new trees; its arrays are never changed.
 *
 * @example
 * ```ts
 * import { OrgTree, Presets } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build({
 *   orgUnits: [
 *     { id: "gc-1", kind: "grand-committee", name: "城东社区大党委" },
 *     { id: "b-1", parentId: "gc-1", kind: "branch", name: "一网格党支部", branchType: "grid" }
 *   ]
 * }, Presets.hongan))
 * console.log(tree.size, OrgTree.get(tree, "b-1")?.name) // 2 "一网格党支部"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface OrgTree {
  readonly policy: OrgPolicy.OrgPolicy
  readonly orgUnits: ReadonlyArray<OrgRows.OrgUnitRow>
  readonly people: ReadonlyArray<OrgRows.PersonRow>
  readonly memberUnits: ReadonlyArray<OrgRows.MemberUnitRow>
  readonly positions: ReadonlyArray<OrgRows.PositionRow>
  /** Number of org units (and grids, buildings, entrances). */
  readonly size: number
}

/**
 * Builds the tree from rows, checking them against the policy's structure. Every problem is
 * reported at once, with its path (`["orgUnits", 17, "parentId"]`); if there is any error, no
 * tree is returned.
 *
 * @example
 * ```ts
 * import { OrgTree, Presets } from "@gongzhi/org-tree"
 *
 * const built = OrgTree.build({
 *   orgUnits: [
 *     { id: "gc-1", kind: "grand-committee", name: "城东社区大党委" },
 *     { id: "g-1", parentId: "gc-9", kind: "party-group", name: "1栋党小组" },
 *     { id: "gc-1", kind: "grand-committee", name: "重复" }
 *   ]
 * }, Presets.hongan)
 * if (built._tag === "Failure") for (const issue of built.failure.issues) console.log(issue.code)
 * // ORG_DUPLICATE_ID
 * // ORG_MISSING_PARENT
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const build = (
  rows: OrgRows.Rows,
  policy: OrgPolicy.OrgPolicy
): Result.Result<OrgTree, ValidationReport.ValidationReport> => {
  let built: ReturnType<typeof buildTree>
  try {
    built = buildTree(rows, policy)
  } catch (cause) {
    // rows that were never decoded (a JavaScript caller's Proxy, a missing array): a failure, not a throw
    return Result.fail(
      ValidationReport.of(messages.make("ORG_ROWS_UNREADABLE", { params: { reason: Issue.describeCause(cause) } }))
    )
  }
  if (Result.isFailure(built)) return Result.fail(built.failure)
  setIndexes(built.success.tree, built.success.indexes)
  return Result.succeed(built.success.tree)
}

/**
 * The rows of a tree, as {@link build} takes them (`build(rows(tree), tree.policy)` gives the
 * same tree).
 *
 * @example
 * ```ts
 * import { OrgTree, Presets } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build({ orgUnits: [{ id: "gc-1", kind: "grand-committee", name: "城东" }] }, Presets.hongan))
 * console.log(OrgTree.rows(tree).orgUnits.length) // 1
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const rows = (tree: OrgTree): Required<OrgRows.Rows> => ({
  orgUnits: tree.orgUnits,
  people: tree.people,
  memberUnits: tree.memberUnits,
  positions: tree.positions
})

/**
 * The row of an org unit by id.
 *
 * @example
 * ```ts
 * import { OrgTree, Presets } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build({ orgUnits: [{ id: "gc-1", kind: "grand-committee", name: "城东" }] }, Presets.hongan))
 * console.log(OrgTree.get(tree, "gc-1")?.kind, OrgTree.get(tree, "nope")) // "grand-committee" undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const get = (tree: OrgTree, id: string): OrgRows.OrgUnitRow | undefined => {
  tree = readableTree(tree)
  const i = indexesOf(tree).byId.get(id)
  return i === undefined ? undefined : tree.orgUnits[i]
}

/**
 * The root row (`undefined` for an empty tree).
 *
 * @example
 * ```ts
 * import { OrgTree, Presets } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build({ orgUnits: [{ id: "gc-1", kind: "grand-committee", name: "城东" }] }, Presets.hongan))
 * console.log(OrgTree.root(tree)?.id) // "gc-1"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const root = (tree: OrgTree): OrgRows.OrgUnitRow | undefined => {
  tree = readableTree(tree)
  return tree.orgUnits[indexesOf(tree).root]
}

/**
 * The children of an org unit, in row order.
 *
 * @example
 * ```ts
 * import { OrgTree, Presets } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build({
 *   orgUnits: [
 *     { id: "gc-1", kind: "grand-committee", name: "城东" },
 *     { id: "b-1", parentId: "gc-1", kind: "branch", name: "一支部", branchType: "grid" },
 *     { id: "b-2", parentId: "gc-1", kind: "branch", name: "二支部", branchType: "grid" }
 *   ]
 * }, Presets.hongan))
 * console.log(OrgTree.children(tree, "gc-1").map((c) => c.id)) // ["b-1", "b-2"]
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const children = (tree: OrgTree, id: string): ReadonlyArray<OrgRows.OrgUnitRow> => {
  tree = readableTree(tree)
  const i = indexesOf(tree).byId.get(id)
  const out: Array<OrgRows.OrgUnitRow> = []
  if (i === undefined) return out
  for (let c = indexesOf(tree).firstChild[i]!; c >= 0; c = indexesOf(tree).nextSibling[c]!) out.push(tree.orgUnits[c]!)
  return out
}

/**
 * Whether an org unit is the other or inside its subtree.
 *
 * @example
 * ```ts
 * import { OrgTree, Presets } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build({
 *   orgUnits: [
 *     { id: "gc-1", kind: "grand-committee", name: "城东" },
 *     { id: "b-1", parentId: "gc-1", kind: "branch", name: "一支部", branchType: "grid" }
 *   ]
 * }, Presets.hongan))
 * console.log(OrgTree.isWithin(tree, "b-1", "gc-1"), OrgTree.isWithin(tree, "gc-1", "b-1")) // true false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isWithin = (tree: OrgTree, id: string, ancestorId: string): boolean => {
  tree = readableTree(tree)
  const i = indexesOf(tree).byId.get(id)
  const a = indexesOf(tree).byId.get(ancestorId)
  if (i === undefined || a === undefined) return false
  const p = indexesOf(tree).pre[i]!
  return p >= indexesOf(tree).pre[a]! && p <= indexesOf(tree).last[a]!
}

/**
 * Whether a position is held on a date: started on or before it and not left before it (a term
 * past its scheduled end is still held until someone is elected: that is an expired term).
 *
 * @example
 * ```ts
 * import { OrgTree } from "@gongzhi/org-tree"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const d = CivilDate.makeUnsafe
 * const position = { orgUnitId: "b-1", personId: "p-1", role: "secretary" as const, start: d("2021-01-01"), end: d("2023-12-31"), left: d("2024-01-05") }
 * console.log(OrgTree.isHeldOn(position, d("2024-01-01")), OrgTree.isHeldOn(position, d("2024-02-01"))) // true false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isHeldOn = (position: OrgRows.PositionRow, on: CivilDate.CivilDate): boolean =>
  CivilDate.compare(position.start, on) <= 0 &&
  (position.left === undefined || CivilDate.compare(on, position.left) <= 0)
