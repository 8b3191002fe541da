/** Open (开户): a new member account. */
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import { record } from "../history.js"
import { describe, fail, type Planned, planned } from "../plan.js"
import { newAccount, type State } from "../state.js"
import { none } from "../undo.js"

export const planOpen = (state: State, c: Command.Open): Planned => {
  if (typeof c.account !== "string" || c.account === "") {
    return fail([
      messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account: describe(c.account) } })
    ])
  }
  if (c.account.startsWith("system:")) {
    return fail([messages.make("LEDGER_ACCOUNT_RESERVED", { path: ["account"], params: { account: c.account } })])
  }
  if (state.ids.has(c.account)) {
    return fail([messages.make("LEDGER_ACCOUNT_EXISTS", { path: ["account"], params: { account: c.account } })])
  }
  return planned({
    postings: [],
    accounts: [],
    commit: (seq, day) => {
      const account = newAccount(c.account, c.holder, seq)
      state.addAccount(account)
      state.members.push(account)
      record(account, seq, day)
      return none
    }
  })
}
