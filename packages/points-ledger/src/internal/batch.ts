/**
 * All-or-nothing batches: while a batch runs, every account is saved the first time an entry
 * is about to change it (its balances, lots, history end, cap and limit counters), and the
 * journal-wide facts are saved when the batch begins. When a command of the batch is
 * rejected, `rollback` puts all of it back: the saved accounts, then what the batch's entries
 * did to holds and reversals (undone newest first, from the entries themselves), then the
 * entries, accounts opened, stock and last date and hash. The cost is what the batch touched,
 * never the length of the journal (no rebuild from the entries).
 */
import type * as Command from "../Command.js"
import type { Due } from "./due.js"
import type { Account, Batch, HoldState, Lot, SavedAccount } from "./model.js"
import type { State } from "./state.js"

/** Starts an all-or-nothing batch: the journal-wide facts it may change, as they are now. */
export const begin = (state: State): void => {
  state.batch = {
    id: state.nextBatch(),
    accounts: [],
    entries: state.length,
    undo: state.undo.length,
    all: state.all.length,
    members: state.members.length,
    lastDate: state.lastDate,
    lastHash: state.lastHash,
    lastApprovers: state.lastApprovers,
    stock: [...state.stock]
  }
}

/** Ends the batch: keeps what it did (`true`) or puts the state back as it was when it began. */
export const end = (state: State, keep: boolean): void => {
  const batch = state.batch
  state.batch = undefined
  if (!keep && batch !== undefined) rollback(state, batch)
}

/** Saves an account the first time the batch is about to change it. */
export const save = (batch: Batch, account: Account): void => {
  // an account opened by the batch goes away with it: nothing to put back
  if (account.saved === batch.id || account.index >= batch.all) return
  account.saved = batch.id
  const lots = account.lots.slice()
  const remaining = new Array<number>(lots.length)
  for (let i = 0; i < lots.length; i++) remaining[i] = lots[i]!.remaining
  const h = account.history
  batch.accounts.push({
    account,
    balance: account.balance,
    held: account.held,
    earned: account.earned,
    lots,
    remaining,
    head: account.head,
    historyLength: h.length,
    lastPoint: h.slice(Math.max(0, h.length - 5)),
    caps: [account.dayKey, account.dayTotal, account.monthKey, account.monthTotal, account.yearKey, account.yearTotal],
    redemptionKey: account.redemptionKey,
    redemptionCount: account.redemptionCount,
    taken: account.taken === undefined ? undefined : new Map(account.taken),
    credit: account.credit,
    creditPoints: account.creditPoints,
    credit2: account.credit2,
    credit2Points: account.credit2Points
  })
}

const restoreAccount = (due: Due, s: SavedAccount): void => {
  const account = s.account
  account.balance = s.balance
  account.held = s.held
  account.earned = s.earned
  for (let i = 0; i < s.lots.length; i++) s.lots[i]!.remaining = s.remaining[i]!
  account.lots = s.lots
  account.head = s.head
  const h = account.history
  h.length = s.historyLength
  for (let i = 0; i < s.lastPoint.length; i++) h[s.historyLength - s.lastPoint.length + i] = s.lastPoint[i]!
  ;[account.dayKey, account.dayTotal, account.monthKey, account.monthTotal, account.yearKey, account.yearTotal] = s.caps
  account.redemptionKey = s.redemptionKey
  account.redemptionCount = s.redemptionCount
  account.taken = s.taken === undefined ? undefined : new Map(s.taken)
  account.credit = s.credit
  account.creditPoints = s.creditPoints
  account.credit2 = s.credit2
  account.credit2Points = s.credit2Points
  account.lastExpires = lastExpiresOf(s.lots)
  account.saved = 0
  due.noteFirst(account) // its first lot may be one an expiry run of the batch emptied
}

const lastExpiresOf = (lots: ReadonlyArray<Lot>): number =>
  lots.length === 0 ? Number.NEGATIVE_INFINITY : lots[lots.length - 1]!.expires

/** Undoes what one entry of the batch did to holds and reversals (entries are undone newest first). */
const undoEntry = (state: State, c: Command.Command): void => {
  switch (c._tag) {
    case "Hold":
      state.holds.delete(c.key)
      return
    case "Release":
    case "Settle": {
      // it closed a hold that was open
      const hold = state.holds.get(c.hold)
      if (hold !== undefined) reopen(hold)
      return
    }
    case "Reverse": {
      const target = state.seqOf(c.target)
      if (target === undefined) return
      state.reversedBy.delete(target)
      const original = state.commands[target]!
      if (original._tag === "Settle") {
        // the reversal reopened the hold its original settled
        const hold = state.holds.get(original.hold)
        if (hold !== undefined) {
          hold.status = "settled"
          hold.closedBy = original.key
        }
      }
      return
    }
    default:
      return
  }
}

const reopen = (hold: HoldState): void => {
  hold.status = "open"
  hold.closedBy = undefined
}

/** Puts the state back as it was when the batch began. */
const rollback = (state: State, batch: Batch): void => {
  for (const saved of batch.accounts) restoreAccount(state.due, saved)
  for (let seq = state.length - 1; seq >= batch.entries; seq--) undoEntry(state, state.commands[seq]!)
  state.truncate(batch.entries)
  state.undo.length = batch.undo
  for (let i = batch.all; i < state.all.length; i++) state.ids.delete(state.all[i]!.id)
  state.all.length = batch.all
  state.members.length = batch.members
  state.lastDate = batch.lastDate
  state.lastHash = batch.lastHash
  state.lastApprovers = batch.lastApprovers
  for (const [item, left] of batch.stock) state.stock.set(item, left)
}
