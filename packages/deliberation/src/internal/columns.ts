/**
 * The columns the tally reads from an electorate, built once when it is made.
 *
 * @internal
 */

/** What the columns are built from (an electorate's voters). @internal */
export interface VoterLike {
  readonly id: string
  readonly area: number
  readonly weight: number
  readonly hasVote: boolean
}

/** @internal */
export interface Columns {
  readonly index: ReadonlyMap<string, number>
  readonly area: Float64Array
  readonly weight: Float64Array
  readonly hasVote: Uint8Array
}

/** @internal */
export const columnsKey: unique symbol = Symbol.for("@gongzhi/deliberation/Electorate/columns")

/** @internal */
export const buildColumns = (voters: ReadonlyArray<VoterLike>): Columns => {
  const n = voters.length
  const index = new Map<string, number>()
  const area = new Float64Array(n)
  const weight = new Float64Array(n)
  const hasVote = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const v = voters[i]!
    index.set(v.id, i)
    area[i] = v.area
    weight[i] = v.weight
    hasVote[i] = v.hasVote ? 1 : 0
  }
  return { index, area, weight, hasVote }
}

/** The columns of an electorate made by this package (rebuilt for a look-alike object). @internal */
export const columns = (electorate: { readonly voters: ReadonlyArray<VoterLike> }): Columns => {
  const own = Object.prototype.hasOwnProperty.call(electorate, columnsKey)
    ? (electorate as unknown as { [columnsKey]: Columns })[columnsKey]
    : undefined
  return own ?? buildColumns(electorate.voters)
}
