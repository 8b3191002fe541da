/**
 * Checks and commits: every command is first checked against the state, collecting every
 * issue and changing nothing, its findings kept in the state's `Pending` record; a command
 * that passes is committed by its kind's commit (the changes that are not postings, returning
 * its `Undo`), and its postings are applied in one place (`postings.ts`).
 */
import type { Issue } from "@gongzhi/core"
import { messages } from "../Messages.js"
import type { Account } from "./model.js"
import type { State } from "./state.js"

/** A value as a message shows it; never throws (a value whose `toString` throws, or that has none, is named by its type). */
export const describe = (u: unknown): string => {
  if (typeof u === "string") return JSON.stringify(u)
  try {
    return String(u)
  } catch {
    return `(${typeof u})` // (`typeof` is all that can be read of, say, a revoked Proxy)
  }
}

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
