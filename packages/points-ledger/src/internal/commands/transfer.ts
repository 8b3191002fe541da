/** Transfer (转赠) between members, the points keeping their expiry dates, and Donate (捐赠) out of the members' accounts. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import { applyTakes, insertLot, spendable, takeOldestExpiringFirst } from "../lots.js"
import { amountIssue, insufficient, isPositiveSafeInt, memberAccount } from "../plan.js"
import { type Account, type Lot, type State, system, type Take } from "../state.js"
import type { Undo } from "../undo.js"

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

export const checkTransfer = (state: State, c: Command.Transfer, issues: Array<Issue.DomainIssue>): void => {
  const from = memberAccount(state, c.from, ["from"], issues)
  const to = memberAccount(state, c.to, ["to"], issues)
  if (from !== undefined && from === to) {
    issues.push(messages.make("LEDGER_SAME_ACCOUNT", { path: ["to"], params: { account: from.id } }))
  }
  const takes = give(state, from, c.amount, c.on, issues)
  if (issues.length > 0 || from === undefined || to === undefined || takes === undefined) return
  const amount = c.amount
  const p = state.pending
  p.account = from
  p.to = to
  p.amount = amount
  p.takes = takes
  p.postings = p.pair(from.id, -amount, to.id, amount)
  p.two(from, to)
}

export const commitTransfer = (state: State, seq: number): Undo => {
  const { to, amount, takes } = state.pending
  applyTakes(takes)
  const lots: Array<Lot> = []
  for (const take of takes) {
    const lot: Lot = { seq, expires: take.lot.expires, remaining: take.amount }
    insertLot(state.due, to!, lot)
    lots.push(lot)
  }
  return { _tag: "Credited", account: to!, lots, amount, spent: takes }
}

export const checkDonate = (state: State, c: Command.Donate, issues: Array<Issue.DomainIssue>): void => {
  const from = memberAccount(state, c.from, ["from"], issues)
  const takes = give(state, from, c.amount, c.on, issues)
  if (issues.length > 0 || from === undefined || takes === undefined) return
  const p = state.pending
  p.takes = takes
  p.postings = p.pair(from.id, -c.amount, system.donation, c.amount)
  p.two(from, state.all[4]!)
}

export const commitDonate = (state: State): Undo => {
  const takes = state.pending.takes
  applyTakes(takes)
  return { _tag: "Spent", spent: takes }
}
