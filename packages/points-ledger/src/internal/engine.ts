/**
 * The journal engine: one command at a time, read (untrusted input) or copied (trusted), then
 * the checks every command shares (key, expected seq, date), then the checks of its kind (one
 * plan function per kind, in `commands/`), and, when nothing is wrong, the commit: the entry
 * (hashed when the journal keeps a chain), the plan's own changes, and the postings applied to
 * the balances in one place (`postings.ts`). A rejected command changes nothing.
 */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../Command.js"
import * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import { save } from "./batch.js"
import { checkAdjust, commitAdjust } from "./commands/adjust.js"
import { checkEarn, commitEarn } from "./commands/earn.js"
import { checkExpire, commitExpire } from "./commands/expire.js"
import { checkRelease, checkSettle, commitRelease, commitSettle } from "./commands/holds.js"
import { checkOpen, commitOpen } from "./commands/open.js"
import { checkHold, checkRedeem, commitHold, commitRedeem } from "./commands/redeem.js"
import { checkReverse, commitReverse } from "./commands/reverse.js"
import { checkDonate, checkTransfer, commitDonate, commitTransfer } from "./commands/transfer.js"
import { entryHash } from "./entryHash.js"
import { replayFields } from "./labels.js"
import type { Account, Batch } from "./model.js"
import type { Pending } from "./pending.js"
import { describe } from "./plan.js"
import { applyPostings } from "./postings.js"
import { copyTrusted, readCommand, Refused } from "./read.js"
import { State } from "./state.js"
import type { Undo } from "./undo.js"

export { historyAt, historyIndex } from "./history.js"
export { type Options, State, system } from "./state.js"

/**
 * The checks of each kind of command: every issue is added to `issues`; when there is none,
 * what the commit needs is in `state.pending`. `false`: nothing to do (an expiry run that
 * finds nothing expired).
 */
const check = (
  state: State,
  c: Command.Command,
  issues: Array<Issue.DomainIssue>,
  stored: ReadonlyArray<Entry.Posting> | undefined
): boolean => {
  state.pending.reset()
  state.pending.stored = stored
  switch (c._tag) {
    case "Open":
      checkOpen(state, c, issues)
      return true
    case "Earn":
      checkEarn(state, c, issues)
      return true
    case "Redeem":
      checkRedeem(state, c, issues)
      return true
    case "Hold":
      checkHold(state, c, issues)
      return true
    case "Release":
      checkRelease(state, c, issues)
      return true
    case "Settle":
      checkSettle(state, c, issues)
      return true
    case "Adjust":
      checkAdjust(state, c, issues)
      return true
    case "Reverse":
      checkReverse(state, c, issues)
      return true
    case "Transfer":
      checkTransfer(state, c, issues)
      return true
    case "Donate":
      checkDonate(state, c, issues)
      return true
    case "Expire":
      return checkExpire(state, c)
  }
}

/** The changes of a checked command that are not postings (lots, caps, holds, stock, limits), and its `Undo`. */
const commit = (state: State, c: Command.Command, seq: number, day: number): Undo => {
  switch (c._tag) {
    case "Open":
      return commitOpen(state, c, seq, day)
    case "Earn":
      return commitEarn(state, seq)
    case "Redeem":
      return commitRedeem(state)
    case "Hold":
      return commitHold(state, c, seq)
    case "Release":
      return commitRelease(state, c)
    case "Settle":
      return commitSettle(state, c, seq, day)
    case "Adjust":
      return commitAdjust(state, seq)
    case "Reverse":
      return commitReverse(state, c, seq, day)
    case "Transfer":
      return commitTransfer(state, seq)
    case "Donate":
      return commitDonate(state)
    case "Expire":
      return commitExpire(state)
  }
}

/** The text two commands under one key must share to be the same command (the expected seq aside). */
const fingerprint = (c: Command.Command): string => Entry.commandText(c, false)

/** The same approvers as the last entry (most earnings are approved by the same people): share its frozen list. */
const shareApprovers = (state: State, c: Command.Command): Command.Command => {
  if (c._tag !== "Earn" || c.approvedBy === undefined) return c
  const last = state.lastApprovers
  const given = c.approvedBy
  let same = last.length === given.length
  for (let i = 0; i < last.length && same; i++) same = last[i] === given[i]
  ;(c as { approvedBy: ReadonlyArray<string> }).approvedBy = same ? last : (state.lastApprovers = Object.freeze(given))
  return c
}

/** An idempotent replay: the seq of the entry first recorded under the command's key. */
export class Replayed {
  constructor(readonly seq: number) {}
}

/** A rejected command: every issue. */
export class Rejected {
  constructor(readonly issues: ReadonlyArray<Issue.DomainIssue>) {}
}

/** A command that passed and has nothing to do (an expiry run that finds nothing expired). */
export const nothing: unique symbol = Symbol("nothing")

/** What running a command did: the seq of the entry appended (see `State.entry`), or a replay, a rejection or nothing. */
export type Outcome = number | Replayed | Rejected | typeof nothing

const noIssues: ReadonlyArray<Issue.DomainIssue> = []

/** Whether an issue found by the engine already covers a path the schema reports. */
const covers = (found: ReadonlyArray<Issue.DomainIssue>, path: Issue.Path): boolean => {
  for (const issue of found) {
    const p = issue.path
    if (p.length === 0 || p.length > path.length) continue
    let prefix = true
    for (let i = 0; i < p.length && prefix; i++) prefix = p[i] === path[i]
    if (prefix) return true
  }
  return false
}

/** The engine's issues, then the schema's on the paths the engine did not speak about. */
const merge = (found: Array<Issue.DomainIssue>, shape: ReadonlyArray<Issue.DomainIssue>): Array<Issue.DomainIssue> => {
  const own = found.slice()
  for (const issue of shape) if (!covers(own, issue.path)) found.push(issue)
  return found
}

const rejected = (issues: ReadonlyArray<Issue.DomainIssue>): Outcome => new Rejected(issues)

/**
 * The command stored shares the id strings of the account, the activity and the item its
 * checks found (one string each, not one per entry).
 */
const shareIds = (c: Command.Command, p: Pending): void => {
  if (c._tag === "Earn") {
    ;(c as { account: string }).account = p.account!.id
    ;(c as { activity: string }).activity = p.id
  } else if (c._tag === "Redeem" || c._tag === "Hold") {
    ;(c as { account: string }).account = p.account!.id
    ;(c as { item: string }).item = p.item!.id
  }
}

/**
 * Checks and, when it passes, applies one command to the state. An untrusted command is read
 * and checked first (see `read.ts`); a trusted one decoded already is only copied. With
 * `stored` (the journal's own entry: a load of trusted entries, a rebuild of the journal's own
 * prefix), `input` is its command, checked as it is and never changed (no copy), and the entry
 * is the stored one: its command, postings and hash go into the columns.
 */
export const execute = (state: State, input: unknown, trusted: boolean, stored?: Entry.Entry): Outcome => {
  let c: Command.Command
  let shape = noIssues
  if (stored !== undefined) c = input as Command.Command
  else if (trusted) c = copyTrusted(input as Command.Command)
  else {
    const read = readCommand(input, state.isDate)
    if (read instanceof Refused) {
      if (read.command === undefined) return rejected(read.issues)
      c = read.command
      shape = read.issues
    } else c = read
  }
  // one array per state for the issues of every command (copied when a command is rejected)
  const issues = state.found
  issues.length = 0
  if (typeof c.key !== "string" || c.key === "") {
    issues.push(messages.make("LEDGER_KEY_MISSING", { path: ["key"], params: { actual: describe(c.key) } }))
  } else {
    const seen = state.keys.get(c.key)
    if (seen !== undefined) {
      if (shape.length === 0 && fingerprint(state.commands[seen]!) === fingerprint(c)) return new Replayed(seen)
      return rejected([
        messages.make("LEDGER_IDEMPOTENCY_CONFLICT", { path: ["key"], params: { key: c.key, seq: seen } })
      ])
    }
  }
  const seq = state.length
  if (c.expectedSeq !== undefined && c.expectedSeq !== seq) {
    issues.push(messages.make("LEDGER_SEQUENCE_CONFLICT", {
      path: ["expectedSeq"],
      params: { expected: describe(c.expectedSeq), actual: seq }
    }))
  }
  const info = state.date(c.on)
  if (info === undefined) {
    issues.push(messages.make("LEDGER_DATE_INVALID", { path: ["on"], params: { actual: describe(c.on) } }))
    return rejected(merge(issues.slice(), shape))
  }
  if (c.on < state.lastDate) {
    issues.push(messages.make("LEDGER_DATE_OUT_OF_ORDER", { path: ["on"], params: { on: c.on, last: state.lastDate } }))
  }
  if (shape.length > 0) {
    // a malformed command is never committed: its checks only gather the rules' issues (and must not throw)
    const own = issues.length
    try {
      check(state, c, issues, undefined)
    } catch {
      issues.length = own // the schema's issues say what is wrong
    }
    return rejected(merge(issues.slice(), shape))
  }
  const something = check(state, c, issues, stored?.postings)
  if (issues.length > 0) return rejected(issues.slice())
  if (!something) return nothing
  const p = state.pending
  const postings = p.postings
  let hash: string
  if (stored !== undefined) {
    // a stored entry is taken as it is: its postings must be the ones its command makes
    if (!samePostings(stored.postings, postings)) {
      return rejected([messages.make("LEDGER_REPLAY_MISMATCH", {
        path: ["postings"],
        params: { index: seq, field: "postings" },
        labels: { field: replayFields.postings }
      })])
    }
    hash = stored.hash
    state.push(stored.command, stored.postings, hash)
  } else {
    shareIds(c, p)
    const command = shareApprovers(state, c)
    hash = chainHash(state, seq, command, postings)
    state.push(command, postings, hash) // the command stored shares the day's date string (the hash is made: same text, one string)
    ;(c as { on: string }).on = info.on
  }
  if (state.batch !== undefined) saveTouched(state, state.batch, c, p.accounts, p.count)
  state.undo.push(commit(state, c, seq, info.day))
  applyPostings(postings, p.accounts, seq, info.day)
  state.keys.add(c.key, seq)
  state.lastDate = info.on
  state.lastHash = hash
  return seq
}

/** The hash of the entry about to be appended (`""` without a chain; see `entryHash.ts`). */
const chainHash = (
  state: State,
  seq: number,
  command: Command.Command,
  postings: ReadonlyArray<Entry.Posting>
): string =>
  state.options.hashChain ? entryHash(state.options.hasher, state.hashText, state.lastHash, seq, command, postings) : ""

/**
 * Saves, in a running batch, every account the commit is about to change: those of the
 * postings, and the holder of a hold whose held points a settlement (or its reversal) changes
 * without a posting to the holder.
 */
const saveTouched = (
  state: State,
  batch: Batch,
  c: Command.Command,
  accounts: ReadonlyArray<Account>,
  count: number
): void => {
  for (let i = 0; i < count; i++) save(batch, accounts[i]!)
  if (c._tag === "Settle") {
    const hold = state.holds.get(c.hold)
    if (hold !== undefined) save(batch, hold.account)
  } else if (c._tag === "Reverse") {
    const target = state.seqOf(c.target)
    const undo = target === undefined ? undefined : state.undo[target]
    if (undo?._tag === "Settled") save(batch, undo.hold.account)
  }
}

/** Whether two lists of postings are the same. */
export const samePostings = (a: ReadonlyArray<Entry.Posting>, b: ReadonlyArray<Entry.Posting>): boolean => {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.account !== b[i]!.account || a[i]!.amount !== b[i]!.amount) return false
  }
  return true
}

/** Rebuilds a state from trusted entries (the prefix of another state). */
export const rebuild = (from: State, n: number): State => {
  const state = new State(from.options)
  for (let seq = 0; seq < n; seq++) execute(state, from.commands[seq]!, true, from.entry(seq))
  return state
}
