/** Open (开户): a new member account. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import type * as Entry from "../../Entry.js"
import { messages } from "../../Messages.js"
import { record } from "../history.js"
import { describe } from "../plan.js"
import { newAccount, type State } from "../state.js"
import { none, type Undo } from "../undo.js"

export const checkOpen = (state: State, c: Command.Open, issues: Array<Issue.DomainIssue>): void => {
  if (typeof c.account !== "string" || c.account === "") {
    issues.push(
      messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account: describe(c.account) } })
    )
  } else if (c.account.startsWith("system:")) {
    issues.push(messages.make("LEDGER_ACCOUNT_RESERVED", { path: ["account"], params: { account: c.account } }))
  } else if (state.ids.has(c.account)) {
    issues.push(messages.make("LEDGER_ACCOUNT_EXISTS", { path: ["account"], params: { account: c.account } }))
  } else state.pending.postings = noPostings
}

const noPostings: ReadonlyArray<Entry.Posting> = Object.freeze([])

export const commitOpen = (state: State, c: Command.Open, seq: number, day: number): Undo => {
  const account = newAccount(c.account, c.holder, seq)
  state.addAccount(account)
  state.members.push(account)
  record(account, seq, day)
  return none
}
