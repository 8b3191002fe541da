/** Release (释放) and Settle (结算) of a hold. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import { record } from "../history.js"
import { restoreTakes } from "../lots.js"
import { describe, fail, type Planned, planned } from "../plan.js"
import { type HoldState, type State, system } from "../state.js"
import { none } from "../undo.js"
import { untake } from "./redeem.js"

const openHold = (state: State, key: unknown, issues: Array<Issue.DomainIssue>): HoldState | undefined => {
  const hold = typeof key === "string" ? state.holds.get(key) : undefined
  if (hold === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_HOLD", { path: ["hold"], params: { hold: describe(key) } }))
    return undefined
  }
  if (hold.status !== "open") {
    issues.push(messages.make("LEDGER_HOLD_CLOSED", {
      path: ["hold"],
      params: { hold: String(key), state: hold.status, stateZh: hold.status === "released" ? "释放" : "结算" }
    }))
    return undefined
  }
  return hold
}

export const planRelease = (state: State, c: Command.Release): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const hold = openHold(state, c.hold, issues)
  if (hold === undefined) return fail(issues)
  const account = hold.account
  return planned({
    postings: [{ account: system.held, amount: -hold.amount }, { account: account.id, amount: hold.amount }],
    accounts: [state.systemAccount(system.held), account],
    commit: () => {
      restoreTakes(hold.consumed)
      account.held -= hold.amount
      untake(state, account, hold.item, hold.quantity, hold.redemptionKey)
      hold.status = "released"
      hold.closedBy = c.key
      return none
    }
  })
}

export const planSettle = (state: State, c: Command.Settle): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const hold = openHold(state, c.hold, issues)
  if (hold === undefined) return fail(issues)
  const account = hold.account
  return planned({
    postings: [{ account: system.held, amount: -hold.amount }, { account: system.redemption, amount: hold.amount }],
    accounts: [state.systemAccount(system.held), state.systemAccount(system.redemption)],
    commit: (seq, day) => {
      account.held -= hold.amount
      record(account, seq, day)
      hold.status = "settled"
      hold.closedBy = c.key
      return { _tag: "Settled", hold }
    }
  })
}
