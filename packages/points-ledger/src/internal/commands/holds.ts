/** Release (释放) and Settle (结算) of a hold. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import { record } from "../history.js"
import { restoreTakes } from "../lots.js"
import { describe } from "../plan.js"
import { type HoldState, type State, system } from "../state.js"
import { none, type Undo } from "../undo.js"
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
      params: { hold: String(key), state: hold.status },
      labels: { state: { zh: hold.status === "released" ? "释放" : "结算", en: hold.status } }
    }))
    return undefined
  }
  return hold
}

export const checkRelease = (state: State, c: Command.Release, issues: Array<Issue.DomainIssue>): void => {
  const hold = openHold(state, c.hold, issues)
  if (hold === undefined || issues.length > 0) return
  const p = state.pending
  p.hold = hold
  p.postings = p.pair(system.held, -hold.amount, hold.account.id, hold.amount)
  p.two(state.all[1]!, hold.account)
}

export const commitRelease = (state: State, c: Command.Release): Undo => {
  const hold = state.pending.hold!
  const account = hold.account
  restoreTakes(state.due, hold.consumed)
  account.held -= hold.amount
  untake(state, account, hold.item, hold.quantity, hold.redemptionKey)
  hold.status = "released"
  hold.closedBy = c.key
  return none
}

export const checkSettle = (state: State, c: Command.Settle, issues: Array<Issue.DomainIssue>): void => {
  const hold = openHold(state, c.hold, issues)
  if (hold === undefined || issues.length > 0) return
  const p = state.pending
  p.hold = hold
  p.postings = p.pair(system.held, -hold.amount, system.redemption, hold.amount)
  p.two(state.all[1]!, state.all[2]!)
}

export const commitSettle = (state: State, c: Command.Settle, seq: number, day: number): Undo => {
  const hold = state.pending.hold!
  hold.account.held -= hold.amount
  record(hold.account, seq, day)
  hold.status = "settled"
  hold.closedBy = c.key
  return { _tag: "Settled", hold }
}
