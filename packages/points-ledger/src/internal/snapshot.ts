/**
 * A state as snapshot data and back. `encode` numbers the lots (in the order of the accounts
 * and their lots) and writes every reference (a take's lot, a hold's account) as an index;
 * `restore` builds a state from that data without running a command, after checking the
 * facts the data must agree with (see `check.ts`).
 */
import type { Issue } from "@gongzhi/core"
import type * as Entry from "../Entry.js"
import type * as Snapshot from "../Snapshot.js"
import { checkSnapshot } from "./snapshotCheck.js"
import type { Decoded, Refs } from "./snapshotTypes.js"
import { type Account, type HoldState, type Lot, newAccount, type Options, State, type Take } from "./state.js"
import type { Undo } from "./undo.js"

export type { Decoded, Refs } from "./snapshotTypes.js"

export const encode = (state: State, refs: Refs): Snapshot.Snapshot => {
  const lotIds = new Map<Lot, number>()
  const lots: Array<number> = []
  const accountIds = new Map<Account, number>()
  const accounts: Array<Snapshot.Snapshot["accounts"][number]> = []
  for (let a = 0; a < state.all.length; a++) {
    const account = state.all[a]!
    accountIds.set(account, a)
    const own: Array<number> = []
    for (const lot of account.lots) {
      const id = lots.length / 3
      lotIds.set(lot, id)
      own.push(id)
      lots.push(lot.seq, lot.expires, lot.remaining)
    }
    accounts.push({
      id: account.id,
      ...(account.holder === undefined ? {} : { holder: account.holder }),
      openedSeq: account.openedSeq,
      balance: account.balance,
      held: account.held,
      earned: account.earned,
      lots: own,
      head: account.head,
      history: account.history.slice(),
      caps: [
        account.dayKey,
        account.dayTotal,
        account.monthKey,
        account.monthTotal,
        account.yearKey,
        account.yearTotal
      ],
      redemption: [account.redemptionKey, account.redemptionCount],
      taken: account.taken === undefined ? [] : [...account.taken]
    })
  }
  const takes = (list: ReadonlyArray<Take>) =>
    list.map((t): readonly [number, number] => [lotIds.get(t.lot)!, t.amount])
  const holdKeys = new Map<HoldState, string>()
  const holds: Array<Snapshot.Snapshot["holds"][number]> = []
  for (const [key, hold] of state.holds) {
    holdKeys.set(hold, key)
    holds.push({
      key,
      seq: hold.seq,
      account: accountIds.get(hold.account)!,
      item: hold.item,
      quantity: hold.quantity,
      amount: hold.amount,
      consumed: takes(hold.consumed),
      redemptionKey: hold.redemptionKey,
      status: hold.status,
      ...(hold.closedBy === undefined ? {} : { closedBy: hold.closedBy })
    })
  }
  const undo = state.undo.map((u): Snapshot.Undo => {
    switch (u._tag) {
      case "Earned":
        return lotIds.get(u)!
      case "Credited":
        return {
          _tag: "Credited",
          account: accountIds.get(u.account)!,
          lots: u.lots.map((l) => lotIds.get(l)!),
          amount: u.amount,
          spent: takes(u.spent)
        }
      case "Spent":
        return { _tag: "Spent", spent: takes(u.spent) }
      case "Redeemed":
        return {
          _tag: "Redeemed",
          account: accountIds.get(u.account)!,
          spent: takes(u.spent),
          item: u.item,
          quantity: u.quantity,
          redemptionKey: u.redemptionKey
        }
      case "Settled":
        return { _tag: "Settled", hold: holdKeys.get(u.hold)! }
      case "None":
        return { _tag: "None" }
    }
  })
  const n = state.length
  return {
    kind: "points-journal-snapshot",
    snapshotVersion: 1,
    scheme: refs.scheme,
    catalog: refs.catalog,
    hashChain: state.options.hashChain,
    hashVersion: refs.hashVersion,
    head: n === 0 ? { seq: -1, hash: state.lastHash } : { seq: n - 1, hash: state.hashOf(n - 1) },
    lastDate: state.lastDate,
    entries: entryColumns(state),
    accounts,
    lots,
    holds,
    undo,
    reversed: [...state.reversedBy],
    stock: [...state.stock]
  }
}

/** The entries as the snapshot's columns: commands, hashes, postings (count, then account index and amount). */
const entryColumns = (state: State): Snapshot.Snapshot["entries"] => {
  const commands: Array<Entry.Entry["command"]> = []
  const hashes: Array<string> = []
  const postings: Array<number> = []
  for (let seq = 0; seq < state.length; seq++) {
    const list = state.postings[seq]!
    commands.push(state.commands[seq]!)
    hashes.push(state.hashOf(seq))
    postings.push(list.length)
    for (const p of list) postings.push(state.ids.get(p.account)!.index, p.amount)
  }
  return { commands, hashes, postings }
}

/** A state from checked snapshot data, or every fact it gets wrong. */
export const restore = (
  options: Options,
  refs: Refs,
  s: Decoded
): State | ReadonlyArray<Issue.DomainIssue> => {
  const { commands, issues, keys } = checkSnapshot(options, refs, s)
  if (issues.length > 0) return issues
  const state = new State(options)
  const lots: Array<Lot> = []
  const earned = new Set<number>()
  for (const u of s.undo) if (typeof u === "number") earned.add(u)
  for (let i = 0; i < s.lots.length; i += 3) {
    const seq = s.lots[i]!
    const expires = s.lots[i + 1]!
    const remaining = s.lots[i + 2]!
    lots.push(earned.has(i / 3) ? ({ _tag: "Earned", seq, expires, remaining } as Lot) : { seq, expires, remaining })
  }
  const accounts: Array<Account> = []
  for (let a = 0; a < s.accounts.length; a++) {
    const data = s.accounts[a]!
    let account: Account
    if (a < state.all.length) account = state.all[a]!
    else {
      account = newAccount(data.id, data.holder, data.openedSeq)
      state.addAccount(account)
      state.members.push(account)
    }
    account.balance = data.balance
    account.held = data.held
    account.earned = data.earned
    account.lots = data.lots.map((l) => lots[l]!)
    account.lastExpires = account.lots.at(-1)?.expires ?? Number.NEGATIVE_INFINITY
    account.head = data.head
    state.due.noteFirst(account)
    ;(account as { history: Array<number> }).history = data.history.slice()
    ;[account.dayKey, account.dayTotal, account.monthKey, account.monthTotal, account.yearKey, account.yearTotal] =
      data.caps
    account.redemptionKey = data.redemption[0]
    account.redemptionCount = data.redemption[1]
    account.taken = data.taken.length === 0 ? undefined : new Map(data.taken)
    accounts.push(account)
  }
  const owner: Array<Account> = []
  for (let a = 0; a < s.accounts.length; a++) for (const l of s.accounts[a]!.lots) owner[l] = accounts[a]!
  const takes = (list: ReadonlyArray<readonly [number, number]>): ReadonlyArray<Take> =>
    list.map(([l, amount]) => ({ account: owner[l]!, lot: lots[l]!, amount }))
  for (const h of s.holds) {
    state.holds.set(h.key, {
      seq: h.seq,
      account: accounts[h.account]!,
      item: h.item,
      quantity: h.quantity,
      amount: h.amount,
      consumed: takes(h.consumed),
      redemptionKey: h.redemptionKey,
      status: h.status,
      closedBy: h.closedBy
    })
  }
  for (const u of s.undo) {
    let undo: Undo
    if (typeof u === "number") {
      state.undo.push(lots[u] as Lot & { _tag: "Earned" })
      continue
    }
    switch (u._tag) {
      case "Credited":
        undo = {
          _tag: "Credited",
          account: accounts[u.account]!,
          lots: u.lots.map((l) => lots[l]!),
          amount: u.amount,
          spent: takes(u.spent)
        }
        break
      case "Spent":
        undo = { _tag: "Spent", spent: takes(u.spent) }
        break
      case "Redeemed":
        undo = {
          _tag: "Redeemed",
          account: accounts[u.account]!,
          spent: takes(u.spent),
          item: u.item,
          quantity: u.quantity,
          redemptionKey: u.redemptionKey
        }
        break
      case "Settled":
        undo = { _tag: "Settled", hold: state.holds.get(u.hold)! }
        break
      case "None":
        undo = { _tag: "None" }
        break
    }
    state.undo.push(undo)
  }
  state.adopt(commands, s.entries, keys)
  for (const [seq, key] of s.reversed) state.reversedBy.set(seq, key)
  state.stock.clear()
  for (const [item, left] of s.stock) state.stock.set(item, left)
  state.lastDate = s.lastDate
  state.lastHash = s.head.hash
  return state
}
