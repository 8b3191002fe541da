/** Expire (过期清零): every lot past its last day, in one transaction (nothing when nothing expired). */
import type * as Command from "../../Command.js"
import type * as Entry from "../../Entry.js"
import { applyTakes, expiredLots } from "../lots.js"
import { type Planned, planned } from "../plan.js"
import { type Account, type State, system, type Take } from "../state.js"

export const planExpire = (state: State, c: Command.Expire): Planned => {
  const takes: Array<Take> = []
  const postings: Array<Entry.Posting> = []
  const accounts: Array<Account> = []
  const day = state.dateOf(c.on).day
  let total = 0
  for (const account of state.members) {
    const sum = expiredLots(account, day, takes)
    if (sum > 0) {
      postings.push({ account: account.id, amount: -sum })
      accounts.push(account)
      total += sum
    }
  }
  if (total === 0) return { issues: [], plan: undefined }
  postings.push({ account: system.expiry, amount: total })
  accounts.push(state.systemAccount(system.expiry))
  return planned({
    postings,
    accounts,
    commit: () => {
      applyTakes(takes)
      return { _tag: "Spent", spent: takes }
    }
  })
}
