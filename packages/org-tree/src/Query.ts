/**
 * Questions asked of a tree: ancestors, descendants and the path of an org unit; org units by
 * kind; positions by role; the members of a subtree; the in-service members reporting to a
 * community; the member units of a grand committee. All linear in what they return.
 *
 * @since 0.1.0
 */
import type { CivilDate } from "@gongzhi/core"
import { indexesOf, kindAt, positionsAt, readableTree, subtree } from "./internal/indexes.js"
import type * as Kind from "./Kind.js"
import type * as OrgRows from "./OrgRows.js"
import * as OrgTree from "./OrgTree.js"

const indexOf = (tree: OrgTree.OrgTree, id: string): number | undefined => indexesOf(tree).byId.get(id)

/**
 * The ancestors of an org unit, nearest first (empty for the root or an unknown id).
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * console.log(Query.ancestors(tree, "mq-b01").map((u) => u.kind)) // ["grand-committee", "street-working-committee"]
 * ```
 *
 * @category navigation
 * @since 0.1.0
 */
export const ancestors = (tree: OrgTree.OrgTree, id: string): ReadonlyArray<OrgRows.OrgUnitRow> => {
  tree = readableTree(tree)
  const { parent } = indexesOf(tree)
  const out: Array<OrgRows.OrgUnitRow> = []
  const i = indexOf(tree, id)
  if (i === undefined) return out
  for (let p = parent[i]!; p >= 0; p = parent[p]!) out.push(tree.orgUnits[p]!)
  return out
}

/**
 * The path from the root to an org unit, as ids (empty for an unknown id).
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * console.log(Query.path(tree, "mq-b01")) // ["duodao-street", "mingquan", "mq-b01"]
 * ```
 *
 * @category navigation
 * @since 0.1.0
 */
export const path = (tree: OrgTree.OrgTree, id: string): ReadonlyArray<string> => {
  tree = readableTree(tree)
  if (indexOf(tree, id) === undefined) return []
  return [...ancestors(tree, id).map((u) => u.id).reverse(), id]
}

/**
 * The descendants of an org unit in pre-order (parents before children), optionally only to a
 * depth below it.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * console.log(Query.descendants(tree, "mingquan", { depth: 1 }).filter((u) => u.kind === "branch").length) // 13
 * ```
 *
 * @category navigation
 * @since 0.1.0
 */
export const descendants = (
  tree: OrgTree.OrgTree,
  id: string,
  options?: { readonly depth?: number | undefined }
): ReadonlyArray<OrgRows.OrgUnitRow> => {
  tree = readableTree(tree)
  const i = indexOf(tree, id)
  if (i === undefined) return []
  const { depth } = indexesOf(tree)
  const limit = options?.depth === undefined ? Number.POSITIVE_INFINITY : depth[i]! + options.depth
  const rows = subtree(tree, i)
  const out: Array<OrgRows.OrgUnitRow> = []
  for (let k = 1; k < rows.length; k++) {
    const r = rows[k]!
    if (depth[r]! <= limit) out.push(tree.orgUnits[r]!)
  }
  return out
}

/**
 * The org units of a kind, in pre-order, in the whole tree or below an org unit.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.hongan(), Presets.hongan))
 * console.log(Query.byKind(tree, "grand-committee").length) // 19
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const byKind = (tree: OrgTree.OrgTree, kind: Kind.Kind, within?: string): ReadonlyArray<OrgRows.OrgUnitRow> => {
  tree = readableTree(tree)
  const { root } = indexesOf(tree)
  const start = within === undefined ? root : indexOf(tree, within)
  if (start === undefined || start < 0) return []
  const rows = subtree(tree, start)
  const out: Array<OrgRows.OrgUnitRow> = []
  for (let k = 0; k < rows.length; k++) if (kindAt(tree, rows[k]!) === kind) out.push(tree.orgUnits[rows[k]!]!)
  return out
}

/**
 * The positions of a role (held on a date, if given), in the whole tree or below an org unit.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { CivilDate } from "@gongzhi/core"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * console.log(Query.byRole(tree, "deputy-secretary", { within: "mingquan", on: CivilDate.makeUnsafe("2024-06-30") }).length) // 2
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const byRole = (
  tree: OrgTree.OrgTree,
  role: Kind.Role,
  options?: { readonly within?: string | undefined; readonly on?: CivilDate.CivilDate | undefined }
): ReadonlyArray<OrgRows.PositionRow> => {
  tree = readableTree(tree)
  const { root } = indexesOf(tree)
  const start = options?.within === undefined ? root : indexOf(tree, options.within)
  if (start === undefined || start < 0) return []
  const rows = subtree(tree, start)
  const out: Array<OrgRows.PositionRow> = []
  for (let k = 0; k < rows.length; k++) {
    for (const position of positionsAt(tree, rows[k]!)) {
      if (position.role === role && (options?.on === undefined || OrgTree.isHeldOn(position, options.on))) {
        out.push(position)
      }
    }
  }
  return out
}

/**
 * The people whose membership is in an org unit or below it (party members and residents
 * with roles), optionally only party members.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.pingliGridBranch(), Presets.hongan))
 * console.log(Query.membersOf(tree, "pingli-b1", { partyOnly: true }).length) // 212
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const membersOf = (
  tree: OrgTree.OrgTree,
  id: string,
  options?: { readonly partyOnly?: boolean | undefined }
): ReadonlyArray<OrgRows.PersonRow> => {
  tree = readableTree(tree)
  const i = indexOf(tree, id)
  if (i === undefined) return []
  const { pre, last, personUnit } = indexesOf(tree)
  const from = pre[i]!
  const to = last[i]!
  const out: Array<OrgRows.PersonRow> = []
  tree.people.forEach((person, k) => {
    const u = personUnit[k]!
    if (u < 0 || pre[u]! < from || pre[u]! > to) return
    if (options?.partyOnly === true && person.membership === "none") return
    out.push(person)
  })
  return out
}

/**
 * The in-service members (在职党员) who report to a community's grand committee.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * console.log(Query.inServiceReportingTo(tree, "mingquan").length > 0) // true
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const inServiceReportingTo = (
  tree: OrgTree.OrgTree,
  grandCommitteeId: string
): ReadonlyArray<OrgRows.PersonRow> =>
  readableTree(tree).people.filter((person) => person.reportsTo === grandCommitteeId)

/**
 * The member units (驻区单位) of a grand committee.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Query } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * console.log(Query.memberUnitsOf(tree, "mingquan").length) // 15
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const memberUnitsOf = (tree: OrgTree.OrgTree, grandCommitteeId: string): ReadonlyArray<OrgRows.MemberUnitRow> =>
  readableTree(tree).memberUnits.filter((unit) => unit.grandCommitteeId === grandCommitteeId)
