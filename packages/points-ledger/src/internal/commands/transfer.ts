/** Transfer (转赠) between members, the points keeping their expiry dates, and Donate (捐赠) out of the members' accounts. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import { applyTakes, insertLot, spendable, takeOldestExpiringFirst } from "../lots.js"
import { amountIssue, fail, insufficient, isPositiveSafeInt, memberAccount, type Planned, planned } from "../plan.js"
import { type Account, type Lot, type State, system, type Take } from "../state.js"

/** The unexpired points a member gives away, oldest-expiring first. */
const give = (
  state: State,
  from: Account | undefined,
  amount: unknown,
  on: string,
  issues: Array<Issue.DomainIssue>
): Array<Take> | undefined => {
  if (!isPositiveSafeInt(amount)) {
    issues.push(amountIssue(["amount"], amount))
    return undefined
  }
  if (from === undefined) return undefined
  const day = state.dateOf(on).day
  const takes = takeOldestExpiringFirst(from, amount, day)
  if (takes === undefined) issues.push(insufficient(from, spendable(from, day), amount, ["amount"]))
  return takes
}

export const planTransfer = (state: State, c: Command.Transfer): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const from = memberAccount(state, c.from, ["from"], issues)
  const to = memberAccount(state, c.to, ["to"], issues)
  if (from !== undefined && from === to) {
    issues.push(messages.make("LEDGER_SAME_ACCOUNT", { path: ["to"], params: { account: from.id } }))
  }
  const takes = give(state, from, c.amount, c.on, issues)
  if (issues.length > 0 || from === undefined || to === undefined || takes === undefined) return fail(issues)
  const amount = c.amount
  return planned({
    postings: [{ account: from.id, amount: -amount }, { account: to.id, amount }],
    accounts: [from, to],
    commit: (seq) => {
      applyTakes(takes)
      const lots: Array<Lot> = []
      for (const take of takes) {
        const lot: Lot = { seq, expires: take.lot.expires, remaining: take.amount }
        insertLot(to, lot)
        lots.push(lot)
      }
      return { _tag: "Credited", account: to, lots, amount, spent: takes }
    }
  })
}

export const planDonate = (state: State, c: Command.Donate): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const from = memberAccount(state, c.from, ["from"], issues)
  const takes = give(state, from, c.amount, c.on, issues)
  if (issues.length > 0 || from === undefined || takes === undefined) return fail(issues)
  return planned({
    postings: [{ account: from.id, amount: -c.amount }, { account: system.donation, amount: c.amount }],
    accounts: [from, state.systemAccount(system.donation)],
    commit: () => {
      applyTakes(takes)
      return { _tag: "Spent", spent: takes }
    }
  })
}
