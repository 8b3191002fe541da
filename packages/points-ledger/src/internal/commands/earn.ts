/** Earn (获得积分): points for one event of an activity, as a new lot. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import * as Scheme from "../../Scheme.js"
import { checkCaps, countEarning } from "../caps.js"
import { insertLot } from "../lots.js"
import { describe, memberAccount } from "../plan.js"
import { type State, system } from "../state.js"
import type { EarnedLot } from "../undo.js"

const noApprovers: ReadonlyArray<string> = []

export const checkEarn = (state: State, c: Command.Earn, issues: Array<Issue.DomainIssue>): void => {
  const scheme = state.options.scheme
  const account = memberAccount(state, c.account, ["account"], issues)
  const known = typeof c.activity === "string" ? state.activities.get(c.activity) : undefined
  if (known === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACTIVITY", {
      path: ["activity"],
      params: { activity: describe(c.activity), known: scheme.activities.map((a) => a.id).join(", ") }
    }))
    return
  }
  const activity = known.activity
  let points = 0
  if (known.points !== undefined && c.minutes === undefined) points = known.points
  else {
    const computed = Scheme.pointsOf(activity, c.minutes)
    if (computed._tag === "Failure") issues.push(...computed.failure.issues)
    else points = computed.success
  }
  // approvals: distinct approvers other than the earner
  const approvedBy = c.approvedBy ?? noApprovers
  let given = 0
  for (let i = 0; i < approvedBy.length; i++) {
    const approver = approvedBy[i]!
    if (account !== undefined && (approver === account.id || approver === account.member)) {
      issues.push(messages.make("LEDGER_SELF_APPROVAL", { path: ["approvedBy"], params: { approver } }))
    } else if (approvedBy.indexOf(approver) === i) given++
  }
  if (given < known.approvers) {
    issues.push(messages.make("LEDGER_APPROVAL_MISSING", {
      path: ["approvedBy"],
      params: { required: known.approvers, given }
    }))
  }
  const info = state.dateOf(c.on)
  if (account === undefined) return
  if ((account.roles & known.allowedBits) === 0) {
    issues.push(messages.make("LEDGER_NOT_ELIGIBLE", {
      path: ["activity"],
      params: {
        account: account.id,
        activity: activity.id,
        roles: account.holder!.roles.join(", "),
        allowed: known.allowed.join(", ")
      }
    }))
  }
  // caps count the current periods: a command dated before the journal's last date is refused
  // (LEDGER_DATE_OUT_OF_ORDER) and its caps are not checked
  if (points > 0 && c.on >= state.lastDate) checkCaps(account, info, scheme.caps, points, issues)
  if (issues.length > 0) return
  const p = state.pending
  p.account = account
  p.amount = points
  p.info = info
  // a stored earning keeps its own postings when they are these (a trusted load), else they are shared
  const stored = p.stored
  p.postings = stored !== undefined && stored.length === 2 && stored[0]!.account === system.pool &&
      stored[0]!.amount === -points && stored[1]!.account === account.id && stored[1]!.amount === points
    ? stored
    : state.earningPostings(account, points)
  p.two(state.all[0]!, account) // the pool, the earner
  p.id = activity.id
}

export const commitEarn = (state: State, seq: number): EarnedLot => {
  const { account, amount: points, info } = state.pending
  const lot: EarnedLot = { _tag: "Earned", seq, expires: info!.expires, remaining: points }
  insertLot(state.due, account!, lot)
  account!.earned += points
  countEarning(account!, info!, points)
  return lot
}
