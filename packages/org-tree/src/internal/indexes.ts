import type { KeyIndex } from "@gongzhi/core"
import * as Kind from "../Kind.js"
import type * as OrgRows from "../OrgRows.js"

/** The indexes of a built tree (row indexes into `orgUnits`); kept beside the tree, never changed. */
export interface Indexes {
  /** Index of the root row (-1 for an empty tree). */
  readonly root: number
  readonly byId: KeyIndex.KeyIndex
  readonly parent: Int32Array
  readonly kind: Uint8Array
  readonly firstChild: Int32Array
  readonly nextSibling: Int32Array
  /** Rows in pre-order. */
  readonly preorder: Int32Array
  /** Position of each row in `preorder`; its subtree is `pre[i] … last[i]`. */
  readonly pre: Int32Array
  readonly last: Int32Array
  readonly depth: Int32Array
  readonly personById: KeyIndex.KeyIndex
  /** Person index → row index of their org unit (-1 none). */
  readonly personUnit: Int32Array
  readonly memberUnitById: KeyIndex.KeyIndex
  /** Direct full and probationary members of each row. */
  readonly full: Int32Array
  readonly probationary: Int32Array
  /** Positions by row: positionStart[i] … positionStart[i + 1] in positionOrder. */
  readonly positionStart: Int32Array
  readonly positionOrder: Int32Array
  /** Position index → row index of its org unit, and → index of its holder in `people` (-1 none). */
  readonly positionUnit: Int32Array
  readonly positionPerson: Int32Array
}

interface Tree {
  readonly orgUnits: ReadonlyArray<OrgRows.OrgUnitRow>
  readonly positions: ReadonlyArray<OrgRows.PositionRow>
}

const store = new WeakMap<object, Indexes>()

export const setIndexes = (tree: object, indexes: Indexes): void => {
  store.set(tree, indexes)
}

export const indexesOf = (tree: object): Indexes => {
  const found = store.get(tree)
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
