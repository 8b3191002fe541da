/**
 * Reverse (冲正): new postings that undo an earlier transaction, which stays in the journal.
 * What the original did beyond its postings comes from its `Undo`: points it created must
 * still be there to take back (the created lots first, then oldest-expiring first), points it
 * spent go back to their lots, and stock, limits and caps are given back.
 */
import type { Issue } from "@gongzhi/core"
import * as Command from "../../Command.js"
import type * as Entry from "../../Entry.js"
import { messages } from "../../Messages.js"
import { uncountEarning } from "../caps.js"
import { record } from "../history.js"
import { applyTakes, restoreTakes, takeOldestExpiringFirst } from "../lots.js"
import { describe, insufficient } from "../plan.js"
import type { Account, Lot, State } from "../state.js"
import { none, type Undo } from "../undo.js"
import { untake } from "./redeem.js"

const reversible: ReadonlySet<Command.Kind> = new Set<Command.Kind>([
  "Earn",
  "Adjust",
  "Redeem",
  "Settle",
  "Transfer",
  "Donate",
  "Expire"
])

const hints = {
  Open: { zh: "账户一经开立即保留", en: "accounts stay open once opened" },
  Hold: { zh: "请用释放指令", en: "release it instead" },
  Release: { zh: "请重新冻结", en: "hold again instead" }
} as const

/** The points an original created that its reversal must take back: the account, its lots, the amount. */
const created = (
  state: State,
  postings: ReadonlyArray<Entry.Posting>,
  undo: Undo
): { account: Account; lots: ReadonlyArray<Lot>; amount: number } | undefined => {
  switch (undo._tag) {
    case "Earned":
      return { account: earner(state, postings), lots: [undo], amount: postings[1]!.amount }
    case "Credited":
      return undo
    default:
      return undefined
  }
}

/** The account an earning went to (its entry's second posting). */
const earner = (state: State, postings: ReadonlyArray<Entry.Posting>): Account => state.account(postings[1]!.account)!

export const checkReverse = (state: State, c: Command.Reverse, issues: Array<Issue.DomainIssue>): void => {
  const seq = typeof c.target === "string" ? state.seqOf(c.target) : undefined
  if (seq === undefined) {
    issues.push(
      messages.make("LEDGER_UNKNOWN_TRANSACTION", { path: ["target"], params: { target: describe(c.target) } })
    )
    return
  }
  const kind = state.commands[seq]!._tag
  if (kind === "Reverse") {
    issues.push(messages.make("LEDGER_REVERSAL_OF_REVERSAL", { path: ["target"], params: { target: c.target } }))
    return
  }
  if (!reversible.has(kind)) {
    const hint = hints[kind as keyof typeof hints]
    issues.push(messages.make("LEDGER_NOT_REVERSIBLE", {
      path: ["target"],
      params: { target: c.target, kind },
      labels: { kind: Command.kindLabels[kind], hint }
    }))
    return
  }
  const by = state.reversedBy.get(seq)
  if (by !== undefined) {
    issues.push(messages.make("LEDGER_ALREADY_REVERSED", { path: ["target"], params: { target: c.target, by } }))
    return
  }
  const undo = state.undo[seq]!
  const p = state.pending
  const postings: Array<Entry.Posting> = []
  const original = state.postings[seq]!
  for (let i = 0; i < original.length; i++) {
    const posting = original[i]!
    postings.push({ account: posting.account, amount: -posting.amount })
    p.accounts[i] = state.account(posting.account)!
  }
  p.count = postings.length
  const credit = created(state, original, undo)
  if (credit !== undefined) {
    const takes = takeOldestExpiringFirst(credit.account, credit.amount, undefined, credit.lots)
    if (takes === undefined) {
      issues.push(insufficient(credit.account, credit.account.balance, credit.amount, ["target"]))
      return
    }
    p.takes = takes
  }
  p.postings = postings
  p.target = seq
  p.undo = undo
}

export const commitReverse = (state: State, c: Command.Reverse, seq: number, day: number): Undo => {
  const p = state.pending
  applyTakes(p.takes)
  const undo = p.undo!
  const postings = state.postings[p.target]!
  switch (undo._tag) {
    case "Earned": {
      const account = earner(state, postings)
      const points = postings[1]!.amount
      account.earned -= points
      uncountEarning(account, state.dateOf(state.commands[p.target]!.on), points)
      break
    }
    case "Credited":
    case "Spent":
      restoreTakes(state.due, undo.spent)
      break
    case "Redeemed":
      restoreTakes(state.due, undo.spent)
      untake(state, undo.account, undo.item, undo.quantity, undo.redemptionKey)
      break
    case "Settled": {
      // reversing a settlement reopens its hold
      const hold = undo.hold
      hold.account.held += hold.amount
      record(hold.account, seq, day)
      hold.status = "open"
      hold.closedBy = undefined
      break
    }
    case "None":
      break
  }
  state.reversedBy.set(p.target, c.key)
  return none
}
