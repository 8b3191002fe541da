/**
 * The accounts an expiry run must look at: each account with points in lots is kept under the
 * expiry day of its first lot (oldest-expiring), or an earlier day, so that an `Expire` on a
 * day reads the accounts kept under the days before it and no other (a county's members mostly
 * have nothing due in a given month). The index may keep an account under a day earlier than
 * its first lot's (after that lot was spent): such an account is read and has nothing to expire.
 * What keeps it right: a lot that becomes an account's first (a new lot, points put back into a
 * lot, a rollback, a snapshot's accounts) is noted here; an expiry run moves the accounts it read
 * to their new first lot.
 */
import type { Account } from "./model.js"

export class Due {
  /** Accounts by day (an account is counted under the day of its `due` only; other places are stale). */
  private readonly days = new Map<number, Array<Account>>()

  /** Keeps `account` under `day` (an expiry day of one of its lots with points), unless under an earlier day already. */
  note(account: Account, day: number): void {
    if (day >= account.due) return
    account.due = day
    const list = this.days.get(day)
    if (list === undefined) this.days.set(day, [account])
    else list.push(account)
  }

  /** Keeps `account` under the expiry day of its first lot (nothing when it has no lot left). */
  noteFirst(account: Account): void {
    if (account.head < account.lots.length) this.note(account, account.lots[account.head]!.expires)
  }

  /**
   * The accounts that may have points expiring before `day`, in the order of the journal's
   * accounts; `alive` says whether an account is still one of the journal's (a batch rolled back
   * takes away the accounts it opened).
   */
  before(day: number, alive: (account: Account) => boolean): Array<Account> {
    const out: Array<Account> = []
    for (const [d, list] of this.days) {
      if (d >= day) continue
      for (const account of list) if (account.due === d && alive(account)) out.push(account)
    }
    out.sort(byIndex)
    // an account may be under one day twice (kept there, moved earlier by an undo, back again)
    let n = 0
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!
    out.length = n
    return out
  }

  /**
   * After an expiry run on `day` that read `accounts` (from `before`): the days before `day` are
   * dropped and each account read is kept under its new first lot.
   */
  moved(day: number, accounts: ReadonlyArray<Account>): void {
    for (const d of this.days.keys()) if (d < day) this.days.delete(d)
    for (const account of accounts) {
      account.due = Number.POSITIVE_INFINITY
      this.noteFirst(account)
    }
  }
}

const byIndex = (a: Account, b: Account): number => a.index - b.index
