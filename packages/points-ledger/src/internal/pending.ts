/** The findings of the checks of the command being run, which its commit reads (see `plan.ts`). */
import type * as Entry from "../Entry.js"
import type * as RedemptionCatalog from "../RedemptionCatalog.js"
import type { Account, DateInfo, HoldState, Take } from "./model.js"
import type { Undo } from "./undo.js"

/**
 * What the checks of the command being run found, for its commit: one record per state,
 * reused by every command (no plan object, closure or array per command). The checks fill
 * it; the commit of the same kind reads it right after.
 */
export class Pending {
  /** The entry's postings. */
  postings: ReadonlyArray<Entry.Posting> = noPostings
  /**
   * The postings of the stored entry being loaded (a trusted load, see `engine.ts`), else
   * `undefined`: when the command makes the same postings, they are taken as they are.
   */
  stored: ReadonlyArray<Entry.Posting> | undefined = undefined
  /** The account of each posting, resolved while checking (no second lookup by id); `count` of them. */
  readonly accounts: Array<Account> = []
  count = 0
  /** The member account of the command (earner, redeemer, giver, the adjusted or the hold's). */
  account: Account | undefined = undefined
  /** The receiving member of a transfer. */
  to: Account | undefined = undefined
  /** Points earned or moved. */
  amount = 0
  info: DateInfo | undefined = undefined
  item: RedemptionCatalog.Item | undefined = undefined
  /** The id of an earning's activity, as the scheme spells it (the command stored shares it). */
  id = ""
  quantity = 0
  stock: number | undefined = undefined
  /** Points taken from lots (the lots spent, or a reversal's taking back). */
  takes: ReadonlyArray<Take> = noTakes
  hold: HoldState | undefined = undefined
  /** The accounts an expiry run read (see `due.ts`) and its epoch day. */
  read: ReadonlyArray<Account> = noAccounts
  day = 0
  /** A reversal's original: its seq and what it did. */
  target = -1
  undo: Undo | undefined = undefined

  /** Starts over for the next command: the postings go to no account yet. */
  reset(): void {
    this.count = 0
    this.account = undefined
    this.to = undefined
    this.item = undefined
    this.hold = undefined
    this.undo = undefined
    this.takes = noTakes
  }

  /**
   * The postings of an entry with two (`first` gets `firstAmount`, `second` `secondAmount`): the
   * stored entry's own list when it is the same (no new list in a trusted load), else a new one.
   */
  pair(first: string, firstAmount: number, second: string, secondAmount: number): ReadonlyArray<Entry.Posting> {
    const s = this.stored
    if (
      s !== undefined && s.length === 2 && s[0]!.account === first && s[0]!.amount === firstAmount &&
      s[1]!.account === second && s[1]!.amount === secondAmount
    ) return s
    return [{ account: first, amount: firstAmount }, { account: second, amount: secondAmount }]
  }

  /** The accounts of two postings, in their order. */
  two(a: Account, b: Account): void {
    this.accounts[0] = a
    this.accounts[1] = b
    this.count = 2
  }
}

const noPostings: ReadonlyArray<Entry.Posting> = Object.freeze([])
const noAccounts: ReadonlyArray<Account> = Object.freeze([])
const noTakes: ReadonlyArray<Take> = Object.freeze([])
