/**
 * The one place where postings change balances: every posting's amount goes into its
 * account's balance (members and system accounts alike), and every account touched records
 * its history point for the entry.
 */
import type * as Entry from "../Entry.js"
import { record } from "./history.js"
import type { Account } from "./state.js"

export const applyPostings = (
  postings: ReadonlyArray<Entry.Posting>,
  accounts: ReadonlyArray<Account>,
  seq: number,
  day: number
): void => {
  for (let i = 0; i < postings.length; i++) {
    const account = accounts[i]!
    account.balance += postings[i]!.amount
    record(account, seq, day)
  }
}
