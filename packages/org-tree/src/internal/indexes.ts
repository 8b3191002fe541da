import * as Result from "effect/Result"
import * as Kind from "../Kind.js"
import type * as OrgPolicy from "../OrgPolicy.js"
import type * as OrgRows from "../OrgRows.js"
import { buildTree, type Indexes } from "./build.js"

export type { Indexes } from "./build.js"

interface Tree {
  readonly orgUnits: ReadonlyArray<OrgRows.OrgUnitRow>
  readonly positions: ReadonlyArray<OrgRows.PositionRow>
}

const store = new WeakMap<object, Indexes>()

export const setIndexes = (tree: object, indexes: Indexes): void => {
  store.set(tree, indexes)
}

/**
 * The indexes of a tree copied by `structuredClone` or through JSON (the copy is not in the store):
 * built again from the copy's own rows and policy, once, and kept for the copy. `undefined` when
 * the value is not a tree or its rows no longer build.
 */
const rebuild = (value: object): Indexes | undefined => {
  try {
    const copy = value as Partial<Record<keyof Tree | "people" | "memberUnits" | "policy", unknown>>
    const { orgUnits, people, memberUnits, positions, policy } = copy
    const isList = (u: unknown) => u === undefined || Array.isArray(u)
    if (!Array.isArray(orgUnits) || !isList(people) || !isList(memberUnits) || !isList(positions)) return undefined
    if (typeof policy !== "object" || policy === null) return undefined
    const built = buildTree(
      {
        orgUnits: orgUnits as ReadonlyArray<OrgRows.OrgUnitRow>,
        people: people as ReadonlyArray<OrgRows.PersonRow> | undefined,
        memberUnits: memberUnits as ReadonlyArray<OrgRows.MemberUnitRow> | undefined,
        positions: positions as ReadonlyArray<OrgRows.PositionRow> | undefined
      },
      policy as OrgPolicy.OrgPolicy
    )
    if (Result.isFailure(built)) return undefined
    store.set(value, built.success.indexes)
    return built.success.indexes
  } catch {
    return undefined
  }
}

/**
 * Whether a value can be read as a tree: built by `OrgTree.build`, or a copy of one whose rows
 * build again (its indexes are then rebuilt and kept). Public functions check it first and return
 * a failure (or an empty answer) instead of throwing a `TypeError`.
 */
export const isReadable = (tree: unknown): boolean =>
  typeof tree === "object" && tree !== null && (store.has(tree) || rebuild(tree) !== undefined)

export const indexesOf = (tree: object): Indexes => {
  const found = store.get(tree) ?? rebuild(tree)
  // callers check `isReadable` first: this is never reached from the public API
  if (found === undefined) throw new TypeError("not a tree built by OrgTree.build")
  return found
}

export const kindAt = (tree: object, i: number): Kind.Kind => Kind.kinds[indexesOf(tree).kind[i]!]!

/** Row indexes of a subtree in pre-order. */
export const subtree = (tree: object, i: number): Int32Array => {
  const { preorder, pre, last } = indexesOf(tree)
  return preorder.subarray(pre[i]!, last[i]! + 1)
}

/** The positions of a row. */
export const positionsAt = (tree: Tree, i: number): ReadonlyArray<OrgRows.PositionRow> => {
  const { positionStart, positionOrder } = indexesOf(tree)
  const out: Array<OrgRows.PositionRow> = []
  for (let k = positionStart[i]!; k < positionStart[i + 1]!; k++) out.push(tree.positions[positionOrder[k]!]!)
  return out
}

const emptyPolicy: OrgPolicy.OrgPolicy = Object.freeze({
  kind: "org-policy",
  schemaVersion: 1,
  id: "empty",
  name: { zh: "空", en: "empty" },
  roots: [],
  allowed: [],
  thresholds: {
    branchMinFullMembers: 3,
    jointBranchMaxUnits: 5,
    branchMaxMembers: 50,
    committeeRequiredAt: 7,
    committeeMin: 3,
    committeeMax: 5,
    committeeHardMax: 7,
    generalBranchSuggestAt: 50,
    committeeSuggestAt: 100
  },
  termYears: { default: 3, byKind: [] },
  maxDeputies: [],
  secretaryRequired: [],
  sources: []
})
const empty = Result.getOrThrow(buildTree({ orgUnits: [] }, emptyPolicy))
store.set(empty.tree, empty.indexes)

/**
 * The tree itself when it can be read (see {@link isReadable}), else an empty tree: the getters of
 * the public API answer "nothing" for a value that is not a tree instead of throwing.
 */
export const readableTree = <T>(tree: T): T => (isReadable(tree) ? tree : (empty.tree as unknown as T))
