/**
 * What an entry did beyond its postings, kept to reverse it: one case per kind of effect.
 * A reversal reads only this (and the original's postings).
 */
import type { Account, HoldState, Lot, Take } from "./model.js"

/** The lot of an earning, tagged as its undo record. */
export interface EarnedLot extends Lot {
  readonly _tag: "Earned"
}

export type Undo =
  /**
   * An earning: the lot it created is its own record (the account, the points and the date
   * whose caps counted them are read from the entry when it is reversed), one object per
   * earning instead of two.
   */
  | EarnedLot
  /** Points issued or moved in: the lots created (a positive adjustment, a transfer's receiver). */
  | {
    readonly _tag: "Credited"
    readonly account: Account
    readonly lots: ReadonlyArray<Lot>
    readonly amount: number
    readonly spent: ReadonlyArray<Take>
  }
  /** Points taken from lots (a negative adjustment, a donation, an expiry run). */
  | { readonly _tag: "Spent"; readonly spent: ReadonlyArray<Take> }
  /** A redemption: the lots spent, the stock and the limits counted. */
  | {
    readonly _tag: "Redeemed"
    readonly account: Account
    readonly spent: ReadonlyArray<Take>
    readonly item: string
    readonly quantity: number
    readonly redemptionKey: string
  }
  /** A settlement of a hold. */
  | { readonly _tag: "Settled"; readonly hold: HoldState }
  /** Nothing to undo, or not reversible (open, hold, release, reversal). */
  | { readonly _tag: "None" }

export const none: Undo = { _tag: "None" }
