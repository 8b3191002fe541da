/**
 * Expire (过期清零): every lot past its last day, in one transaction (nothing when nothing
 * expired). Only the accounts the expiry index keeps under an earlier day are read (see `due.ts`).
 */
import type * as Command from "../../Command.js"
import type * as Entry from "../../Entry.js"
import { applyTakes, expiredLots } from "../lots.js"
import { type State, system, type Take } from "../state.js"
import type { Undo } from "../undo.js"

/** Whether anything expires (the postings and accounts are then pending). */
export const checkExpire = (state: State, c: Command.Expire): boolean => {
  const takes: Array<Take> = []
  const postings: Array<Entry.Posting> = []
  const p = state.pending
  const accounts = p.accounts
  const day = state.dateOf(c.on).day
  const read = state.due.before(day, (account) => state.all[account.index] === account)
  let total = 0
  for (const account of read) {
    const sum = expiredLots(account, day, takes)
    if (sum > 0) {
      postings.push({ account: account.id, amount: -sum })
      accounts[postings.length - 1] = account
      total += sum
    }
  }
  if (total === 0) return false
  postings.push({ account: system.expiry, amount: total })
  accounts[postings.length - 1] = state.all[3]!
  p.count = postings.length
  p.postings = postings
  p.takes = takes
  p.read = read
  p.day = day
  return true
}

export const commitExpire = (state: State): Undo => {
  const { takes, read, day } = state.pending
  applyTakes(takes)
  state.due.moved(day, read)
  return { _tag: "Spent", spent: takes }
}
