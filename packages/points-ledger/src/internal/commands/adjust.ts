/** Adjust (调整): points issued from the pool (a new lot) or taken back to it, by hand with a reason. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import { applyTakes, insertLot, takeOldestExpiringFirst } from "../lots.js"
import { amountIssue, fail, insufficient, memberAccount, type Planned, planned } from "../plan.js"
import { type Lot, type State, system } from "../state.js"

export const planAdjust = (state: State, c: Command.Adjust): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const account = memberAccount(state, c.account, ["account"], issues)
  const ok = typeof c.amount === "number" && Number.isSafeInteger(c.amount) && c.amount !== 0
  if (!ok) issues.push(amountIssue(["amount"], c.amount))
  if (typeof c.approvedBy !== "string" || c.approvedBy === "") {
    issues.push(messages.make("LEDGER_APPROVAL_MISSING", { path: ["approvedBy"], params: { required: 1, given: 0 } }))
  } else if (account !== undefined && (c.approvedBy === account.id || c.approvedBy === account.holder?.member)) {
    issues.push(messages.make("LEDGER_SELF_APPROVAL", { path: ["approvedBy"], params: { approver: c.approvedBy } }))
  }
  if (!ok || account === undefined) return fail(issues)
  const amount = c.amount
  const pool = state.systemAccount(system.pool)
  if (amount > 0) {
    if (issues.length > 0) return fail(issues)
    const expires = state.dateOf(c.on).expires
    return planned({
      postings: [{ account: system.pool, amount: -amount }, { account: account.id, amount }],
      accounts: [pool, account],
      commit: (seq) => {
        const lot: Lot = { seq, expires, remaining: amount }
        insertLot(account, lot)
        return { _tag: "Credited", account, lots: [lot], amount, spent: [] }
      }
    })
  }
  // taking points back takes them oldest-expiring first, expired ones included
  const takes = takeOldestExpiringFirst(account, -amount, undefined)
  if (takes === undefined) issues.push(insufficient(account, account.balance, -amount, ["amount"]))
  if (issues.length > 0 || takes === undefined) return fail(issues)
  return planned({
    postings: [{ account: account.id, amount }, { account: system.pool, amount: -amount }],
    accounts: [account, pool],
    commit: () => {
      applyTakes(takes)
      return { _tag: "Spent", spent: takes }
    }
  })
}
