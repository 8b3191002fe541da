/**
 * The journal's mutable state, owned by the newest journal value (see `handle.ts`): the
 * entries, the accounts with their balances, lots, caps and history, holds, stock, and the
 * indexes of keys and account ids. Commands change it only through `engine.ts`.
 */
import { CivilDate, type Issue, KeyIndex } from "@gongzhi/core"
import type * as Command from "../Command.js"
import type * as Entry from "../Entry.js"
import type * as Hasher from "../Hasher.js"
import type * as RedemptionCatalog from "../RedemptionCatalog.js"
import * as Scheme from "../Scheme.js"
import { Due } from "./due.js"
import { HashColumn } from "./hashes.js"
import { HashText } from "./hashText.js"
import type { Account, Batch, DateInfo, HoldState } from "./model.js"
import { Pending } from "./pending.js"
import type { Undo } from "./undo.js"

export type { Account, DateInfo, HoldState, Lot, Take } from "./model.js"

export const system = {
  pool: "system:pool",
  held: "system:held",
  redemption: "system:redemption",
  expiry: "system:expiry",
  donation: "system:donation"
} as const

export type SystemAccount = typeof system[keyof typeof system]
const systemOrder: ReadonlyArray<SystemAccount> = Object.values(system)

export interface Options {
  readonly scheme: Scheme.Scheme
  readonly catalog: RedemptionCatalog.RedemptionCatalog
  readonly hashChain: boolean
  readonly hasher: Hasher.Hasher
}

/** What the engine needs to know about an activity, computed once. */
export interface ActivityInfo {
  readonly activity: Scheme.Activity
  readonly allowed: ReadonlyArray<Scheme.Role>
  readonly allowedBits: number
  readonly approvers: number
  /** The points per event, when they do not depend on the command. */
  readonly points: number | undefined
}

const roleBit: Readonly<Record<Scheme.Role, number>> = { resident: 1, partyMember: 2, inServiceMember: 4 }

export const bitsOf = (roles: ReadonlyArray<unknown>): number => {
  let bits = 0
  for (const role of roles) {
    bits |= typeof role === "string" && Object.hasOwn(roleBit, role) ? roleBit[role as Scheme.Role] : 0
  }
  return bits
}

export const newAccount = (id: string, holder: Command.Holder | undefined, seq: number): Account => ({
  id,
  holder,
  member: holder?.member,
  roles: holder === undefined ? 0 : bitsOf(holder.roles),
  openedSeq: seq,
  balance: 0,
  held: 0,
  earned: 0,
  lots: [],
  head: 0,
  history: [],
  dayKey: -1,
  dayTotal: 0,
  monthKey: -1,
  monthTotal: 0,
  yearKey: -1,
  yearTotal: 0,
  redemptionKey: "",
  redemptionCount: 0,
  taken: undefined,
  credit: undefined,
  creditPoints: 0,
  credit2: undefined,
  credit2Points: 0,
  lastExpires: Number.NEGATIVE_INFINITY,
  due: Number.POSITIVE_INFINITY,
  saved: 0,
  index: -1
})

export class State {
  /**
   * The entries as columns, oldest first: the command, the postings and the hash of each (the
   * seq is the index, the previous hash the hash before). An entry object is made when one is
   * read (`entry`), none is kept.
   */
  commands: Array<Command.Command> = []
  readonly postings: Array<ReadonlyArray<Entry.Posting>> = []
  /** The hash of each entry (none without a chain). */
  readonly hashes = new HashColumn()
  /** Without a chain: the hashes that are not empty (only stored entries from outside can have one), by seq. */
  private readonly unchainedHashes = new Map<number, string>()
  /** Idempotency keys → seq. */
  // a slot past the end (left by a batch rolled back, see `batch.ts`) matches no key
  keys: KeyIndex.KeyIndex = KeyIndex.make((seq) => this.commands[seq]?.key ?? "", 1024)
  /** Every account, system ones first; `ids` maps an id to its index here. */
  readonly all: Array<Account> = []
  /**
   * Every account by id (a `Map`: a county has tens of thousands of accounts, and V8 keeps each
   * id string's hash); an account's `index` is its place in `all`.
   */
  readonly ids = new Map<string, Account>()
  readonly members: Array<Account> = []
  /** The members by the expiry day of their first lot (what an expiry run reads). */
  readonly due = new Due()
  /** What each entry did, to reverse it. */
  readonly undo: Array<Undo> = []
  readonly reversedBy = new Map<number, string>()
  readonly holds = new Map<string, HoldState>()
  readonly stock = new Map<string, number>()
  readonly activities = new Map<string, ActivityInfo>()
  readonly items = new Map<string, RedemptionCatalog.Item>()
  readonly dates = new Map<string, DateInfo>()
  lastDate = ""
  /** The approvers of the last command stored (frozen, shared by the entries that have the same). */
  lastApprovers: ReadonlyArray<string> = Object.freeze([])
  lastHash: string
  /** The hash before the first entry. */
  readonly genesis: string
  /** The batch running, if any (see `batch.ts`): what it changes is saved to be put back. */
  batch: Batch | undefined = undefined
  /** What the checks of the command being run found, for its commit (see `plan.ts`). */
  readonly pending = new Pending()
  /** The issues of the command being run (one array, copied when the command is rejected). */
  readonly found: Array<Issue.DomainIssue> = []
  /**
   * The writer of the hashed texts of the entries appended, when the journal keeps a chain and
   * its hasher takes bytes (`Hasher.sha256HexOfUtf8`, see `hashText.ts`): one per state, its
   * buffer written over by each entry.
   */
  readonly hashText: HashText | undefined
  private batches = 0
  private readonly poolPostings = new Map<number, Entry.Posting>()

  constructor(readonly options: Options) {
    this.genesis = options.hashChain ? "0".repeat(64) : ""
    this.lastHash = this.genesis
    this.hashText = options.hashChain && options.hasher.sha256HexOfUtf8 !== undefined ? new HashText() : undefined
    for (const id of systemOrder) this.addAccount(newAccount(id, undefined, -1))
    for (const activity of options.scheme.activities) {
      const allowed = Scheme.eligibleRoles(options.scheme, activity)
      this.activities.set(activity.id, {
        activity,
        allowed,
        allowedBits: bitsOf(allowed),
        approvers: Scheme.approversRequired(options.scheme, activity),
        points: activity.rule._tag === "PerEvent" ? activity.rule.points : undefined
      })
    }
    for (const item of options.catalog.items) {
      this.items.set(item.id, item)
      if (item.stock !== undefined) this.stock.set(item.id, item.stock)
    }
  }

  /** The number of entries. */
  get length(): number {
    return this.commands.length
  }

  /** The hash before the entry `seq` (the genesis hash before the first). */
  prevHash(seq: number): string {
    return seq === 0 ? this.genesis : this.hashOf(seq - 1)
  }

  /** The hash of the entry `seq`. */
  hashOf(seq: number): string {
    if (this.options.hashChain) return this.hashes.at(seq)
    return this.unchainedHashes.size === 0 ? "" : this.unchainedHashes.get(seq) ?? ""
  }

  /** The entry `seq`, made from the columns. */
  entry(seq: number): Entry.Entry {
    return {
      seq,
      command: this.commands[seq]!,
      postings: this.postings[seq]!,
      prevHash: this.prevHash(seq),
      hash: this.hashOf(seq)
    }
  }

  /** The first `n` entries (all of them when there are fewer), made from the columns. */
  entriesUpTo(n: number): Array<Entry.Entry> {
    n = Math.min(n, this.length)
    const out = new Array<Entry.Entry>(n)
    for (let seq = 0; seq < n; seq++) out[seq] = this.entry(seq)
    return out
  }

  /** Records an entry in the columns. */
  push(command: Command.Command, postings: ReadonlyArray<Entry.Posting>, hash: string): void {
    this.commands.push(command)
    this.postings.push(postings)
    if (this.options.hashChain) this.hashes.push(hash)
    else if (hash !== "") this.unchainedHashes.set(this.commands.length - 1, hash)
  }

  /** Keeps the first `n` entries only (a batch rolled back). */
  truncate(n: number): void {
    this.commands.length = n
    this.postings.length = n
    if (this.options.hashChain) this.hashes.truncate(n)
    for (const seq of this.unchainedHashes.keys()) if (seq >= n) this.unchainedHashes.delete(seq)
  }

  /**
   * Takes over entries read from a snapshot, the column of their commands and the index of their
   * keys over that column (made while checking them).
   */
  adopt(commands: Array<Command.Command>, entries: ReadonlyArray<Entry.Entry>, keys: KeyIndex.KeyIndex): void {
    this.commands = commands
    for (const entry of entries) {
      this.postings.push(entry.postings)
      if (this.options.hashChain) this.hashes.push(entry.hash)
      else if (entry.hash !== "") this.unchainedHashes.set(this.postings.length - 1, entry.hash)
    }
    this.keys = keys
  }

  /** A new id for a batch (see `batch.ts`). */
  nextBatch(): number {
    return ++this.batches
  }

  /** An account by id. */
  account(id: string): Account | undefined {
    return this.ids.get(id)
  }

  /** A system account (they are the first accounts, in the order of `system`). */
  systemAccount(id: SystemAccount): Account {
    switch (id) {
      case "system:pool":
        return this.all[0]!
      case "system:held":
        return this.all[1]!
      case "system:redemption":
        return this.all[2]!
      case "system:expiry":
        return this.all[3]!
      case "system:donation":
        return this.all[4]!
    }
  }

  /** The seq of the entry recorded under an idempotency key. */
  seqOf(key: string): number | undefined {
    return this.keys.get(key)
  }

  /** The pool's side of an earning: one frozen posting per amount, shared by the entries. */
  poolPosting(amount: number): Entry.Posting {
    let posting = this.poolPostings.get(amount)
    if (posting === undefined) {
      posting = Object.freeze({ account: system.pool, amount })
      this.poolPostings.set(amount, posting)
    }
    return posting
  }

  /**
   * The postings of an earning: frozen and shared with the account's last earning of the same
   * points, or with its last earning of the other points it earned before.
   */
  earningPostings(account: Account, points: number): ReadonlyArray<Entry.Posting> {
    const last = account.credit
    if (last !== undefined && account.creditPoints === points) return last
    const other = account.credit2
    if (other !== undefined && account.credit2Points === points) {
      account.credit2 = last
      account.credit2Points = account.creditPoints
      account.credit = other
      account.creditPoints = points
      return other
    }
    const postings = Object.freeze([this.poolPosting(-points), Object.freeze({ account: account.id, amount: points })])
    account.credit2 = last
    account.credit2Points = account.creditPoints
    account.credit = postings
    account.creditPoints = points
    return postings
  }

  addAccount(account: Account): void {
    account.index = this.all.length
    this.ids.set(account.id, account)
    this.all.push(account)
  }

  /** The date's facts (cached), `undefined` when `on` is not a good date. */
  date(on: unknown): DateInfo | undefined {
    if (typeof on !== "string") return undefined
    const cached = this.dates.get(on)
    if (cached !== undefined) return cached
    const parsed = CivilDate.make(on)
    if (parsed._tag === "Failure") return undefined
    const { month, year } = CivilDate.toParts(parsed.success)
    const info: DateInfo = {
      on,
      day: CivilDate.toEpochDay(parsed.success),
      month: year * 12 + month,
      year,
      expires: CivilDate.toEpochDay(Scheme.expiresOn(this.options.scheme, parsed.success)),
      redemptionKey: redemptionPeriodKey(this.options.scheme, on)
    }
    this.dates.set(on, info)
    return info
  }

  /** Whether `on` is a good date (made once: passed to the command reader). */
  readonly isDate = (on: unknown): boolean => this.date(on) !== undefined

  /** The facts of a date already checked. */
  dateOf(on: string): DateInfo {
    return this.date(on)!
  }
}

const redemptionPeriodKey = (scheme: Scheme.Scheme, on: string): string => {
  const limit = scheme.redemptionLimit
  if (limit === undefined) return ""
  if (limit.per === "year") return on.slice(0, 4)
  if (limit.per === "month") return on.slice(0, 7)
  return `${on.slice(0, 4)}-Q${Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1}`
}

const digit = (date: string, i: number): number => {
  const c = date.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : Number.NaN
}

/** The epoch day of a date given to a query; before every date (or after) when it is not one. */
export const dayOf = (date: string): number => {
  // a good `YYYY-MM-DD` date without the general parser (a query's date is read on every call)
  if (typeof date === "string" && date.length === 10 && date[4] === "-" && date[7] === "-") {
    const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3)
    const month = digit(date, 5) * 10 + digit(date, 6)
    const day = digit(date, 8) * 10 + digit(date, 9)
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= CivilDate.daysInMonth(year, month)) {
      return CivilDate.toEpochDay(date as CivilDate.CivilDate)
    }
  }
  const parsed = CivilDate.make(date)
  if (parsed._tag === "Success") return CivilDate.toEpochDay(parsed.success)
  return date < "0001-01-01" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
}
