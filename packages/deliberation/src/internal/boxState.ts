/**
 * The working state of a ballot box, kept beside it (not enumerable).
 *
 * @internal
 */

/** Choice codes in the current column: 0 none; 1–4 the choice; +8 a written opinion. @internal */
export const choiceCode = { yes: 1, no: 2, abstain: 3, spoiled: 4 } as const

/** @internal */
export interface State {
  readonly current: Uint8Array
  readonly last: Int32Array
  readonly millis: ReadonlyArray<number>
  readonly excluded: Uint8Array
  readonly proxies: ReadonlyMap<string, ReadonlySet<number>>
  readonly opens: number
  readonly closes: number
  readonly latest: number
}

/** @internal */
export const stateKey: unique symbol = Symbol.for("@gongzhi/deliberation/Ballots/state")

/** The state of a box made by Ballots, if it carries one. @internal */
export const stateIfAny = (box: object): State | undefined =>
  Object.prototype.hasOwnProperty.call(box, stateKey) ? (box as { [stateKey]: State })[stateKey] : undefined

interface BoxLike {
  readonly records: ReadonlyArray<
    { readonly voter: string; readonly choice: keyof typeof choiceCode; readonly channel: string }
  >
}

/** The per-voter choice codes, as of an instant when given (replayed from the records). @internal */
export const codesAsOf = (
  box: BoxLike,
  state: State,
  index: ReadonlyMap<string, number>,
  asOf: number | undefined
): { readonly codes: Uint8Array; readonly excluded: Uint8Array } => {
  if (asOf === undefined || asOf >= state.latest) return { codes: state.current, excluded: state.excluded }
  const codes = new Uint8Array(state.current.length)
  for (let r = 0; r < box.records.length; r++) {
    if (state.millis[r]! > asOf) continue
    const b = box.records[r]!
    codes[index.get(b.voter)!] = choiceCode[b.choice] + (b.channel === "written-opinion" ? 8 : 0)
  }
  return { codes, excluded: state.excluded }
}
