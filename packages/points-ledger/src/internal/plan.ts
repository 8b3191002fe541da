/**
 * Plans: every command is first checked against the state, collecting every issue and
 * changing nothing; a command that passes gives a plan (its postings, the accounts they go
 * to, and a `commit` that makes the changes that are not postings and returns its `Undo`).
 */
import type { Issue } from "@gongzhi/core"
import type * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import type { Account, State } from "./state.js"
import type { Undo } from "./undo.js"

export interface Plan {
  readonly postings: ReadonlyArray<Entry.Posting>
  /** The account of each posting, resolved while checking (no second lookup by id). */
  readonly accounts: ReadonlyArray<Account>
  /** Changes that are not postings (lots, caps, holds, stock, limits); the balances follow the postings. */
  readonly commit: (seq: number, day: number) => Undo
}

export interface Planned {
  readonly issues: ReadonlyArray<Issue.DomainIssue>
  readonly plan: Plan | undefined
}

const noIssues: ReadonlyArray<Issue.DomainIssue> = Object.freeze([])

export const fail = (issues: ReadonlyArray<Issue.DomainIssue>): Planned => ({ issues, plan: undefined })

export const planned = (plan: Plan): Planned => ({ issues: noIssues, plan })

export const describe = (u: unknown): string => (typeof u === "string" ? JSON.stringify(u) : String(u))

export const isPositiveSafeInt = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n > 0

export const amountIssue = (path: Issue.Path, actual: unknown) =>
  messages.make("LEDGER_AMOUNT_NOT_POSITIVE", { path, params: { actual: describe(actual) } })

export const insufficient = (account: Account, available: number, requested: number, path: Issue.Path) =>
  messages.make("LEDGER_INSUFFICIENT_BALANCE", {
    path,
    params: { account: account.id, available, held: account.held, requested }
  })

/** The open member account of an id (system accounts are not members), or an issue. */
export const memberAccount = (
  state: State,
  id: unknown,
  path: Issue.Path,
  issues: Array<Issue.DomainIssue>
): Account | undefined => {
  if (typeof id !== "string" || id === "") {
    issues.push(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path, params: { account: describe(id) } }))
    return undefined
  }
  const account = state.account(id)
  if (account === undefined || account.holder === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path, params: { account: id } }))
    return undefined
  }
  return account
}
