/** The records the journal's state is made of: lots, accounts, holds, takes and date facts. */
import type * as Command from "../Command.js"
import type * as Entry from "../Entry.js"

/** Points earned together, spendable until `expires` (an epoch day, inclusive). */
export interface Lot {
  readonly seq: number
  readonly expires: number
  remaining: number
}

export interface Account {
  readonly id: string
  readonly holder: Command.Holder | undefined
  /** The holder's member id (an earner may not approve their own points). */
  readonly member: string | undefined
  /** The holder's roles as bits (see `roleBits`). */
  readonly roles: number
  readonly openedSeq: number
  balance: number
  held: number
  earned: number
  /** Sorted by expiry (oldest-expiring first); lots before `head` are spent. */
  lots: Array<Lot>
  head: number
  /**
   * History after each entry touching the account, flat in one array: (seq, epoch day,
   * balance, held, earned) × n. See `history.ts`.
   */
  readonly history: Array<number>
  /** Points earned on the current day / month / year (dates never go back). */
  dayKey: number
  dayTotal: number
  monthKey: number
  monthTotal: number
  yearKey: number
  yearTotal: number
  redemptionKey: string
  redemptionCount: number
  taken: Map<string, number> | undefined
  /** The postings of this account's last earning, frozen: the next earning of the same points shares them. */
  credit: ReadonlyArray<Entry.Posting> | undefined
  /** The points of `credit` (read here, without loading the postings from memory). */
  creditPoints: number
  /**
   * The postings of the last earning of other points than `credit`'s, and their points (a member
   * mostly earns one of two amounts, e.g. 10 and 20: both lists are shared).
   */
  credit2: ReadonlyArray<Entry.Posting> | undefined
  credit2Points: number
  /** The expiry day of the last lot of `lots` (a new lot mostly goes last: no load of that lot). */
  lastExpires: number
  /** The account's place in the state's list of accounts (system accounts first). */
  index: number
  /** The day the expiry index keeps this account under (see `due.ts`; +∞: none). */
  due: number
  /** The id of the last batch that saved this account (see `batch.ts`; 0: none). */
  saved: number
}

export interface HoldState {
  readonly seq: number
  readonly account: Account
  readonly item: string
  readonly quantity: number
  readonly amount: number
  readonly consumed: ReadonlyArray<Take>
  readonly redemptionKey: string
  status: "open" | "released" | "settled"
  closedBy: string | undefined
}

/** An amount taken from (or put into) one lot of one account. */
export interface Take {
  readonly account: Account
  readonly lot: Lot
  readonly amount: number
}

/** What the engine needs to know about a date, computed once per distinct date. */
export interface DateInfo {
  /** The date itself: one string for every entry of that day (entries read from JSON share it). */
  readonly on: string
  /** Epoch day. */
  readonly day: number
  /** year × 12 + month. */
  readonly month: number
  readonly year: number
  /** The epoch day until which points earned on this date can be spent. */
  readonly expires: number
  readonly redemptionKey: string
}

/** An account as it was when a batch first touched it (see `batch.ts`). */
export interface SavedAccount {
  readonly account: Account
  readonly balance: number
  readonly held: number
  readonly earned: number
  readonly lots: Array<Lot>
  /** The `remaining` of each lot of `lots` (lots are changed in place). */
  readonly remaining: Array<number>
  readonly head: number
  readonly historyLength: number
  /** The last history point (a system account's point of the day is updated in place). */
  readonly lastPoint: ReadonlyArray<number>
  readonly caps: readonly [number, number, number, number, number, number]
  readonly redemptionKey: string
  readonly redemptionCount: number
  readonly taken: ReadonlyMap<string, number> | undefined
  readonly credit: ReadonlyArray<Entry.Posting> | undefined
  readonly creditPoints: number
  readonly credit2: ReadonlyArray<Entry.Posting> | undefined
  readonly credit2Points: number
}

/** An all-or-nothing batch running: the journal-wide facts it may change, as they were when it began. */
export interface Batch {
  readonly id: number
  /** The accounts saved the first time the batch was about to change them. */
  readonly accounts: Array<SavedAccount>
  readonly entries: number
  readonly undo: number
  readonly all: number
  readonly members: number
  readonly lastDate: string
  readonly lastHash: string
  readonly lastApprovers: ReadonlyArray<string>
  readonly stock: ReadonlyArray<readonly [string, number]>
}
