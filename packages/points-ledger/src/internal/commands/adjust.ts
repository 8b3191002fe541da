/** Adjust (调整): points issued from the pool (a new lot) or taken back to it, by hand with a reason. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import { applyTakes, insertLot, takeOldestExpiringFirst } from "../lots.js"
import { amountIssue, insufficient, memberAccount } from "../plan.js"
import { type Lot, type State, system } from "../state.js"
import type { Undo } from "../undo.js"

export const checkAdjust = (state: State, c: Command.Adjust, issues: Array<Issue.DomainIssue>): void => {
  const account = memberAccount(state, c.account, ["account"], issues)
  const ok = typeof c.amount === "number" && Number.isSafeInteger(c.amount) && c.amount !== 0
  if (!ok) issues.push(amountIssue(["amount"], c.amount))
  if (typeof c.approvedBy !== "string" || c.approvedBy === "") {
    issues.push(messages.make("LEDGER_APPROVAL_MISSING", { path: ["approvedBy"], params: { required: 1, given: 0 } }))
  } else if (account !== undefined && (c.approvedBy === account.id || c.approvedBy === account.holder?.member)) {
    issues.push(messages.make("LEDGER_SELF_APPROVAL", { path: ["approvedBy"], params: { approver: c.approvedBy } }))
  }
  if (!ok || account === undefined) return
  const amount = c.amount
  const p = state.pending
  const pool = state.all[0]!
  if (amount > 0) {
    if (issues.length > 0) return
    p.account = account
    p.amount = amount
    p.info = state.dateOf(c.on)
    p.postings = p.pair(system.pool, -amount, account.id, amount)
    p.two(pool, account)
    return
  }
  // taking points back takes them oldest-expiring first, expired ones included
  const takes = takeOldestExpiringFirst(account, -amount, undefined)
  if (takes === undefined) issues.push(insufficient(account, account.balance, -amount, ["amount"]))
  if (issues.length > 0 || takes === undefined) return
  p.account = account
  p.amount = amount
  p.takes = takes
  p.postings = p.pair(account.id, amount, system.pool, -amount)
  p.two(account, pool)
}

export const commitAdjust = (state: State, seq: number): Undo => {
  const { account, amount, info, takes } = state.pending
  if (amount < 0) {
    applyTakes(takes)
    return { _tag: "Spent", spent: takes }
  }
  const lot: Lot = { seq, expires: info!.expires, remaining: amount }
  insertLot(state.due, account!, lot)
  return { _tag: "Credited", account: account!, lots: [lot], amount, spent: [] }
}
