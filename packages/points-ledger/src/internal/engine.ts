/**
 * The journal engine: a mutable state owned by the newest journal value. Commands are first
 * checked (collecting every issue, mutating nothing), then committed. Public values stay
 * immutable: a journal value is (state, length); when an older value is used, its state is
 * rebuilt from its entries (see Journal.ts).
 */
import { CivilDate, type Issue, KeyIndex } from "@gongzhi/core"
import * as Command from "../Command.js"
import * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import * as RedemptionCatalog from "../RedemptionCatalog.js"
import * as Scheme from "../Scheme.js"
import { copyTrusted, readCommand } from "./read.js"

export const system = {
  pool: "system:pool",
  held: "system:held",
  redemption: "system:redemption",
  expiry: "system:expiry",
  donation: "system:donation"
} as const

type SystemAccount = typeof system[keyof typeof system]
const systemOrder: ReadonlyArray<SystemAccount> = Object.values(system)

export interface Lot {
  readonly seq: number
  /** The last day (epoch day) on which the lot can be spent. */
  readonly expires: number
  remaining: number
}

export interface Account {
  readonly id: string
  readonly holder: Command.Holder | undefined
  /** The holder's member id (an earner may not approve their own points). */
  readonly member: string | undefined
  /** The holder's roles as bits (see `roleBits`). */
  readonly roles: number
  readonly openedSeq: number
  balance: number
  held: number
  earned: number
  lots: Array<Lot>
  head: number
  /**
   * History after each entry touching the account, flat in one array (one allocation, one
   * cache line per point): (seq, epoch day, balance, held, earned) × n. See `historyIndex`.
   */
  readonly history: Array<number>
  // caps of the current day / month / year (dates never go back, so only the current ones matter)
  dayKey: number
  dayTotal: number
  monthKey: number
  monthTotal: number
  yearKey: number
  yearTotal: number
  redemptionKey: string
  redemptionCount: number
  taken: Map<string, number> | undefined
}

interface Take {
  readonly account: Account
  readonly lot: Lot
  readonly amount: number
}

export interface HoldState {
  readonly seq: number
  readonly account: Account
  readonly item: string
  readonly quantity: number
  readonly amount: number
  readonly consumed: ReadonlyArray<Take>
  readonly redemptionKey: string
  status: "open" | "released" | "settled"
  closedBy: string | undefined
}

/** What an entry did to lots and counters, kept to reverse it. */
export class Effect {
  constructor(
    readonly account: Account | undefined,
    readonly amount: number,
    readonly consumed: ReadonlyArray<Take>,
    /** The lots created in other accounts (transfers). */
    readonly created: ReadonlyArray<Take>,
    /** The one lot an earning or a positive adjustment created in `account`. */
    readonly lot: Lot | undefined,
    readonly item: string | undefined,
    readonly quantity: number,
    readonly redemptionKey: string | undefined,
    readonly hold: HoldState | undefined
  ) {}

  /** Every lot the entry created, with its account and amount. */
  get createdTakes(): ReadonlyArray<Take> {
    return this.lot !== undefined && this.account !== undefined
      ? [{ account: this.account, lot: this.lot, amount: this.amount }]
      : this.created
  }
}

const none: ReadonlyArray<Take> = []

const earned = (account: Account, amount: number, lot: Lot): Effect =>
  new Effect(account, amount, none, none, lot, undefined, 0, undefined, undefined)

const spent = (account: Account | undefined, amount: number, consumed: ReadonlyArray<Take>): Effect =>
  new Effect(account, amount, consumed, none, undefined, undefined, 0, undefined, undefined)

export interface Options {
  readonly scheme: Scheme.Scheme
  readonly catalog: RedemptionCatalog.RedemptionCatalog
  readonly hashChain: boolean
}

export class State {
  readonly entries: Array<Entry.Entry> = []
  /** Idempotency keys → seq. */
  readonly keys = KeyIndex.make((seq) => this.entries[seq]!.command.key, 1024)
  /** Every account, system ones first; `ids` maps an id to its index here. */
  readonly all: Array<Account> = []
  readonly ids = KeyIndex.make((index) => this.all[index]!.id, 1024)
  readonly members: Array<Account> = []
  readonly effects: Array<Effect | undefined> = []
  readonly reversedBy = new Map<number, string>()
  readonly holds = new Map<string, HoldState>()
  readonly stock = new Map<string, number>()
  readonly activities = new Map<string, ActivityInfo>()
  readonly items = new Map<string, RedemptionCatalog.Item>()
  lastDate = ""
  /** The approvers of the last command copied (frozen, shared by the entries that have the same). */
  lastApprovers: ReadonlyArray<string> = Object.freeze([])
  lastHash: string = Entry.genesis
  readonly dates = new Map<string, DateInfo>()
  constructor(readonly options: Options) {
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

  /** An account by id. */
  account(id: string): Account | undefined {
    const index = this.ids.get(id)
    return index === undefined ? undefined : this.all[index]
  }

  /** A system account (they are the first accounts, in the order of `system`). */
  systemAccount(id: SystemAccount): Account {
    return this.all[systemOrder.indexOf(id)]!
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

  private readonly poolPostings = new Map<number, Entry.Posting>()

  addAccount(account: Account): void {
    this.ids.add(account.id, this.all.length)
    this.all.push(account)
  }
}

/** What the engine needs to know about an activity, computed once. */
interface ActivityInfo {
  readonly activity: Scheme.Activity
  readonly allowed: ReadonlyArray<Scheme.Role>
  readonly allowedBits: number
  readonly approvers: number
  /** The points per event, when they do not depend on the command. */
  readonly points: number | undefined
}

const roleBit: Readonly<Record<Scheme.Role, number>> = { resident: 1, partyMember: 2, inServiceMember: 4 }

const bitsOf = (roles: ReadonlyArray<unknown>): number => {
  let bits = 0
  for (const role of roles) {
    bits |= typeof role === "string" && Object.hasOwn(roleBit, role)
      ? roleBit[role as Scheme.Role]
      : 0
  }
  return bits
}

const newAccount = (id: string, holder: Command.Holder | undefined, seq: number): Account => ({
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
  taken: undefined
})

// ---------------------------------------------------------------------------
// small checks
// ---------------------------------------------------------------------------

const describe = (u: unknown): string => (typeof u === "string" ? JSON.stringify(u) : String(u))

const isPositiveSafeInt = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n > 0

const amountIssue = (path: Issue.Path, actual: unknown) =>
  messages.make("LEDGER_AMOUNT_NOT_POSITIVE", { path, params: { actual: describe(actual) } })

/** What the engine needs to know about a date, computed once per distinct date. */
export interface DateInfo {
  /** Epoch day. */
  readonly day: number
  /** year × 12 + month. */
  readonly month: number
  readonly year: number
  /** The epoch day until which points earned on this date can be spent. */
  readonly expires: number
  readonly redemptionKey: string
}

const dateInfo = (state: State, on: unknown): DateInfo | undefined => {
  if (typeof on !== "string") return undefined
  const cached = state.dates.get(on)
  if (cached !== undefined) return cached
  const parsed = CivilDate.make(on)
  if (parsed._tag === "Failure") return undefined
  const { month, year } = CivilDate.toParts(parsed.success)
  const info: DateInfo = {
    day: CivilDate.toEpochDay(parsed.success),
    month: year * 12 + month,
    year,
    expires: CivilDate.toEpochDay(Scheme.expiresOn(state.options.scheme, parsed.success)),
    redemptionKey: redemptionPeriodKey(state.options.scheme, on)
  }
  state.dates.set(on, info)
  return info
}

const infoOf = (state: State, on: string): DateInfo => dateInfo(state, on)!

/** The epoch day of a date given to a query; before every date (or after) when it is not one. */
export const dayOf = (date: string): number => {
  const parsed = CivilDate.make(date)
  if (parsed._tag === "Success") return CivilDate.toEpochDay(parsed.success)
  return date < "0001-01-01" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
}

const redemptionPeriodKey = (scheme: Scheme.Scheme, on: string): string => {
  const limit = scheme.redemptionLimit
  if (limit === undefined) return ""
  if (limit.per === "year") return on.slice(0, 4)
  if (limit.per === "month") return on.slice(0, 7)
  return `${on.slice(0, 4)}-Q${Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1}`
}

const periodZh = { month: "月", quarter: "季度", year: "年" } as const

// ---------------------------------------------------------------------------
// lots
// ---------------------------------------------------------------------------

/** Plans taking `amount` from an account's lots, oldest-expiring first; `undefined` if short. */
const planTake = (
  account: Account,
  amount: number,
  day: number,
  skipExpired: boolean,
  first?: Lot | undefined
): Array<Take> | undefined => {
  const takes: Array<Take> = []
  let left = amount
  if (first !== undefined && first.remaining > 0) {
    const t = Math.min(first.remaining, left)
    takes.push({ account, lot: first, amount: t })
    left -= t
  }
  const lots = account.lots
  for (let i = account.head; i < lots.length && left > 0; i++) {
    const lot = lots[i]!
    if (lot === first || lot.remaining === 0) continue
    if (skipExpired && lot.expires < day) continue
    const t = Math.min(lot.remaining, left)
    takes.push({ account, lot, amount: t })
    left -= t
  }
  return left === 0 ? takes : undefined
}

const spendable = (account: Account, day: number): number => {
  let sum = 0
  const lots = account.lots
  for (let i = account.head; i < lots.length; i++) {
    const lot = lots[i]!
    if (lot.expires >= day) sum += lot.remaining
  }
  return sum
}

const applyTakes = (takes: ReadonlyArray<Take>): void => {
  for (const take of takes) {
    take.lot.remaining -= take.amount
    const account = take.account
    const lots = account.lots
    while (account.head < lots.length && lots[account.head]!.remaining === 0) account.head++
  }
}

const restoreTakes = (takes: ReadonlyArray<Take>): void => {
  for (const take of takes) {
    take.lot.remaining += take.amount
    const account = take.account
    if (account.head > 0) {
      const index = account.lots.indexOf(take.lot)
      if (index !== -1 && index < account.head) account.head = index
    }
  }
}

const insertLot = (account: Account, lot: Lot): void => {
  const lots = account.lots
  const last = lots[lots.length - 1]
  if (last === undefined || last.expires <= lot.expires) {
    lots.push(lot)
    return
  }
  let lo = account.head
  let hi = lots.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (lots[mid]!.expires <= lot.expires) lo = mid + 1
    else hi = mid
  }
  lots.splice(lo, 0, lot)
}

// ---------------------------------------------------------------------------
// history
// ---------------------------------------------------------------------------

const stride = 5

const record = (account: Account, seq: number, day: number): void => {
  const h = account.history
  const n = h.length
  if (n > 0 && h[n - stride] === seq) {
    h[n - 3] = account.balance
    h[n - 2] = account.held
    h[n - 1] = account.earned
    return
  }
  h.push(seq, day, account.balance, account.held, account.earned)
}

/** Index of the last history point on or before a date (or seq), -1 if none. */
export const historyIndex = (account: Account, asOf: string | undefined, maxSeq: number): number => {
  const h = account.history
  const day = asOf === undefined ? Number.POSITIVE_INFINITY : dayOf(asOf)
  let lo = 0
  let hi = h.length / stride
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (h[mid * stride + 1]! <= day && h[mid * stride]! < maxSeq) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** The history point at an index from {@link historyIndex} (zeros before the first). */
export const historyAt = (account: Account, index: number): {
  readonly seq: number
  readonly available: number
  readonly held: number
  readonly earned: number
} => {
  if (index < 0) return { seq: -1, available: 0, held: 0, earned: 0 }
  const h = account.history
  const at = index * stride
  return { seq: h[at]!, available: h[at + 2]!, held: h[at + 3]!, earned: h[at + 4]! }
}

// ---------------------------------------------------------------------------
// planning: every check, no mutation
// ---------------------------------------------------------------------------

interface Plan {
  readonly postings: Array<Entry.Posting>
  /** The account of each posting, resolved while checking (no second lookup by id). */
  readonly accounts: ReadonlyArray<Account>
  readonly commit: (seq: number, day: number) => Effect | undefined
}

type Planned = { readonly issues: Array<Issue.DomainIssue>; readonly plan: Plan | undefined }

const fail = (issues: Array<Issue.DomainIssue>): Planned => ({ issues, plan: undefined })

const memberAccount = (
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

const insufficient = (account: Account, available: number, requested: number, path: Issue.Path) =>
  messages.make("LEDGER_INSUFFICIENT_BALANCE", {
    path,
    params: { account: account.id, available, held: account.held, requested }
  })

const planOpen = (state: State, c: Command.Open): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  if (typeof c.account !== "string" || c.account === "") {
    issues.push(
      messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account: describe(c.account) } })
    )
  } else if (c.account.startsWith("system:")) {
    issues.push(messages.make("LEDGER_ACCOUNT_RESERVED", { path: ["account"], params: { account: c.account } }))
  } else if (state.ids.has(c.account)) {
    issues.push(messages.make("LEDGER_ACCOUNT_EXISTS", { path: ["account"], params: { account: c.account } }))
  }
  if (issues.length > 0) return fail(issues)
  return {
    issues,
    plan: {
      postings: [],
      accounts: [],
      commit: (seq, day) => {
        const holder: Command.Holder = {
          ...c.holder,
          roles: [...c.holder.roles]
        }
        const account = newAccount(c.account, holder, seq)
        state.addAccount(account)
        state.members.push(account)
        record(account, seq, day)
        return undefined
      }
    }
  }
}

const capCheck = (
  issues: Array<Issue.DomainIssue>,
  points: number,
  limit: number | undefined,
  used: number,
  cap: string,
  capZh: string
): void => {
  if (limit !== undefined && used + points > limit) {
    issues.push(messages.make("LEDGER_CAP_EXCEEDED", {
      path: ["activity"],
      params: { cap, capZh, limit, used, left: Math.max(0, limit - used), requested: points }
    }))
  }
}

const planEarn = (state: State, c: Command.Earn): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const scheme = state.options.scheme
  const account = memberAccount(state, c.account, ["account"], issues)
  const known = typeof c.activity === "string" ? state.activities.get(c.activity) : undefined
  if (known === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACTIVITY", {
      path: ["activity"],
      params: { activity: describe(c.activity), known: scheme.activities.map((a) => a.id).join(", ") }
    }))
    return fail(issues)
  }
  const activity = known.activity
  let points = 0
  if (known.points !== undefined && c.minutes === undefined) {
    points = known.points
  } else {
    const computed = Scheme.pointsOf(activity, c.minutes)
    if (computed._tag === "Failure") issues.push(...computed.failure.issues)
    else points = computed.success
  }
  // approvals: distinct approvers other than the earner
  const required = known.approvers
  const approvedBy = c.approvedBy ?? noApprovers
  let given = 0
  for (let i = 0; i < approvedBy.length; i++) {
    const approver = approvedBy[i]!
    if (account !== undefined && (approver === account.id || approver === account.member)) {
      issues.push(messages.make("LEDGER_SELF_APPROVAL", { path: ["approvedBy"], params: { approver } }))
    } else if (approvedBy.indexOf(approver) === i) {
      given++
    }
  }
  if (given < required) {
    issues.push(messages.make("LEDGER_APPROVAL_MISSING", {
      path: ["approvedBy"],
      params: { required, given }
    }))
  }
  if (account !== undefined) {
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
    if (points > 0) {
      const caps = scheme.caps
      const info = infoOf(state, c.on)
      capCheck(issues, points, caps.perDay, account.dayKey === info.day ? account.dayTotal : 0, "daily", "每日")
      capCheck(
        issues,
        points,
        caps.perMonth,
        account.monthKey === info.month ? account.monthTotal : 0,
        "monthly",
        "每月"
      )
      capCheck(issues, points, caps.perYear, account.yearKey === info.year ? account.yearTotal : 0, "yearly", "每年")
    }
  }
  if (issues.length > 0 || account === undefined) return fail(issues)
  const info = infoOf(state, c.on)
  return {
    issues,
    plan: {
      postings: [state.poolPosting(-points), { account: account.id, amount: points }],
      accounts: [state.systemAccount(system.pool), account],
      commit: (seq) => {
        const lot: Lot = { seq, expires: info.expires, remaining: points }
        insertLot(account, lot)
        account.balance += points
        account.earned += points
        countCaps(account, info, points)
        return earned(account, points, lot)
      }
    }
  }
}

const countCaps = (account: Account, info: DateInfo, points: number): void => {
  const month = info.month
  const year = info.year
  if (account.dayKey !== info.day) {
    account.dayKey = info.day
    account.dayTotal = 0
  }
  if (account.monthKey !== month) {
    account.monthKey = month
    account.monthTotal = 0
  }
  if (account.yearKey !== year) {
    account.yearKey = year
    account.yearTotal = 0
  }
  account.dayTotal += points
  account.monthTotal += points
  account.yearTotal += points
}

const uncountCaps = (account: Account, info: DateInfo, points: number): void => {
  if (account.dayKey === info.day) account.dayTotal -= points
  if (account.monthKey === info.month) account.monthTotal -= points
  if (account.yearKey === info.year) account.yearTotal -= points
}

const noApprovers: ReadonlyArray<string> = []

const planRedeemOrHold = (state: State, c: Command.Redeem | Command.Hold): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const scheme = state.options.scheme
  const account = memberAccount(state, c.account, ["account"], issues)
  const item = typeof c.item === "string" ? state.items.get(c.item) : undefined
  if (item === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ITEM", { path: ["item"], params: { item: describe(c.item) } }))
  }
  const quantityOk = isPositiveSafeInt(c.quantity)
  if (!quantityOk) issues.push(amountIssue(["quantity"], c.quantity))
  if (item === undefined || !quantityOk) return fail(issues)
  const quantity = c.quantity
  const amount = item.price * quantity
  if (!Number.isSafeInteger(amount)) return fail([...issues, amountIssue(["quantity"], amount)])
  if (!RedemptionCatalog.isAvailableOn(item, c.on)) {
    issues.push(messages.make("LEDGER_ITEM_NOT_AVAILABLE", {
      path: ["item"],
      params: { item: item.id, on: c.on, from: item.validFrom ?? "…", to: item.validTo ?? "…" }
    }))
  }
  const stock = state.stock.get(item.id)
  if (stock !== undefined && stock < quantity) {
    issues.push(messages.make("LEDGER_STOCK_EXHAUSTED", {
      path: ["quantity"],
      params: { item: item.id, stock, requested: quantity }
    }))
  }
  let takes: Array<Take> | undefined
  const redemptionKey = infoOf(state, c.on).redemptionKey
  if (account !== undefined) {
    if (item.perPersonLimit !== undefined) {
      const used = account.taken?.get(item.id) ?? 0
      if (used + quantity > item.perPersonLimit) {
        issues.push(messages.make("LEDGER_ITEM_LIMIT_REACHED", {
          path: ["quantity"],
          params: { item: item.id, limit: item.perPersonLimit, used, requested: quantity }
        }))
      }
    }
    const limit = scheme.redemptionLimit
    if (limit !== undefined) {
      const used = account.redemptionKey === redemptionKey ? account.redemptionCount : 0
      if (used >= limit.count) {
        issues.push(messages.make("LEDGER_REDEMPTION_LIMIT_REACHED", {
          path: [],
          params: { limit: limit.count, period: limit.per, periodZh: periodZh[limit.per], used }
        }))
      }
    }
    const day = infoOf(state, c.on).day
    takes = planTake(account, amount, day, true)
    if (takes === undefined) issues.push(insufficient(account, spendable(account, day), amount, ["quantity"]))
  }
  if (issues.length > 0 || account === undefined || takes === undefined) return fail(issues)
  const consumed = takes
  const isHold = c._tag === "Hold"
  return {
    issues,
    plan: {
      postings: [{ account: account.id, amount: -amount }, {
        account: isHold ? system.held : system.redemption,
        amount
      }],
      accounts: [account, state.systemAccount(isHold ? system.held : system.redemption)],
      commit: (seq) => {
        applyTakes(consumed)
        account.balance -= amount
        if (isHold) account.held += amount
        if (stock !== undefined) state.stock.set(item.id, stock - quantity)
        if (item.perPersonLimit !== undefined) {
          if (account.taken === undefined) account.taken = new Map()
          account.taken.set(item.id, (account.taken.get(item.id) ?? 0) + quantity)
        }
        if (scheme.redemptionLimit !== undefined) {
          if (account.redemptionKey !== redemptionKey) {
            account.redemptionKey = redemptionKey
            account.redemptionCount = 0
          }
          account.redemptionCount++
        }
        if (isHold) {
          const hold: HoldState = {
            seq,
            account,
            item: item.id,
            quantity,
            amount,
            consumed,
            redemptionKey,
            status: "open",
            closedBy: undefined
          }
          state.holds.set(c.key, hold)
          return new Effect(account, amount, consumed, none, undefined, item.id, quantity, redemptionKey, hold)
        }
        return new Effect(account, amount, consumed, none, undefined, item.id, quantity, redemptionKey, undefined)
      }
    }
  }
}

const openHold = (state: State, key: unknown, issues: Array<Issue.DomainIssue>): HoldState | undefined => {
  const hold = typeof key === "string" ? state.holds.get(key) : undefined
  if (hold === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_HOLD", { path: ["hold"], params: { hold: describe(key) } }))
    return undefined
  }
  if (hold.status !== "open") {
    issues.push(messages.make("LEDGER_HOLD_CLOSED", {
      path: ["hold"],
      params: {
        hold: String(key),
        state: hold.status,
        stateZh: hold.status === "released" ? "释放" : "结算"
      }
    }))
    return undefined
  }
  return hold
}

const undoRedemption = (
  state: State,
  account: Account,
  item: string,
  quantity: number,
  redemptionKey: string
): void => {
  const stock = state.stock.get(item)
  if (stock !== undefined) state.stock.set(item, stock + quantity)
  if (account.taken !== undefined && account.taken.has(item)) {
    account.taken.set(item, account.taken.get(item)! - quantity)
  }
  if (account.redemptionKey === redemptionKey && redemptionKey !== "") account.redemptionCount--
}

const planRelease = (state: State, c: Command.Release): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const hold = openHold(state, c.hold, issues)
  if (hold === undefined) return fail(issues)
  const account = hold.account
  return {
    issues,
    plan: {
      postings: [{ account: system.held, amount: -hold.amount }, { account: account.id, amount: hold.amount }],
      accounts: [state.systemAccount(system.held), account],
      commit: () => {
        restoreTakes(hold.consumed)
        account.balance += hold.amount
        account.held -= hold.amount
        undoRedemption(state, account, hold.item, hold.quantity, hold.redemptionKey)
        hold.status = "released"
        hold.closedBy = c.key
        return undefined
      }
    }
  }
}

const planSettle = (state: State, c: Command.Settle): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const hold = openHold(state, c.hold, issues)
  if (hold === undefined) return fail(issues)
  const account = hold.account
  return {
    issues,
    plan: {
      postings: [{ account: system.held, amount: -hold.amount }, { account: system.redemption, amount: hold.amount }],
      accounts: [state.systemAccount(system.held), state.systemAccount(system.redemption)],
      commit: (seq, day) => {
        account.held -= hold.amount
        record(account, seq, day)
        hold.status = "settled"
        hold.closedBy = c.key
        return new Effect(
          account,
          hold.amount,
          hold.consumed,
          none,
          undefined,
          hold.item,
          hold.quantity,
          hold.redemptionKey,
          hold
        )
      }
    }
  }
}

const planAdjust = (state: State, c: Command.Adjust): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const account = memberAccount(state, c.account, ["account"], issues)
  const ok = typeof c.amount === "number" && Number.isSafeInteger(c.amount) && c.amount !== 0
  if (!ok) issues.push(amountIssue(["amount"], c.amount))
  if (typeof c.approvedBy !== "string" || c.approvedBy === "") {
    issues.push(messages.make("LEDGER_APPROVAL_MISSING", { path: ["approvedBy"], params: { required: 1, given: 0 } }))
  } else if (account !== undefined && (c.approvedBy === account.id || c.approvedBy === account.holder?.member)) {
    issues.push(messages.make("LEDGER_SELF_APPROVAL", { path: ["approvedBy"], params: { approver: c.approvedBy } }))
  }
  if (!ok || account === undefined) return fail(issues)
  const amount = c.amount
  if (amount > 0) {
    if (issues.length > 0) return fail(issues)
    const expires = infoOf(state, c.on).expires
    return {
      issues,
      plan: {
        postings: [{ account: system.pool, amount: -amount }, { account: account.id, amount }],
        accounts: [state.systemAccount(system.pool), account],
        commit: (seq) => {
          const lot: Lot = { seq, expires, remaining: amount }
          insertLot(account, lot)
          account.balance += amount
          return earned(account, amount, lot)
        }
      }
    }
  }
  const takes = planTake(account, -amount, 0, false)
  if (takes === undefined) issues.push(insufficient(account, account.balance, -amount, ["amount"]))
  if (issues.length > 0 || takes === undefined) return fail(issues)
  return {
    issues,
    plan: {
      postings: [{ account: account.id, amount }, { account: system.pool, amount: -amount }],
      accounts: [account, state.systemAccount(system.pool)],
      commit: () => {
        applyTakes(takes)
        account.balance += amount
        return spent(account, amount, takes)
      }
    }
  }
}

const planTransfer = (state: State, c: Command.Transfer | Command.Donate): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const from = memberAccount(state, c.from, ["from"], issues)
  const to = c._tag === "Transfer" ? memberAccount(state, c.to, ["to"], issues) : undefined
  if (c._tag === "Transfer" && from !== undefined && from === to) {
    issues.push(messages.make("LEDGER_SAME_ACCOUNT", { path: ["to"], params: { account: from.id } }))
  }
  const ok = isPositiveSafeInt(c.amount)
  if (!ok) issues.push(amountIssue(["amount"], c.amount))
  let takes: Array<Take> | undefined
  if (ok && from !== undefined) {
    const day = infoOf(state, c.on).day
    takes = planTake(from, c.amount, day, true)
    if (takes === undefined) issues.push(insufficient(from, spendable(from, day), c.amount, ["amount"]))
  }
  if (issues.length > 0 || from === undefined || takes === undefined) return fail(issues)
  if (c._tag === "Transfer" && to === undefined) return fail(issues)
  const amount = c.amount
  const consumed = takes
  return {
    issues,
    plan: {
      postings: [{ account: from.id, amount: -amount }, {
        account: to === undefined ? system.donation : to.id,
        amount
      }],
      accounts: [from, to ?? state.systemAccount(system.donation)],
      commit: (seq) => {
        applyTakes(consumed)
        from.balance -= amount
        const created: Array<Take> = []
        if (to !== undefined) {
          for (const take of consumed) {
            const lot: Lot = { seq, expires: take.lot.expires, remaining: take.amount }
            insertLot(to, lot)
            created.push({ account: to, lot, amount: take.amount })
          }
          to.balance += amount
        }
        return new Effect(from, amount, consumed, created, undefined, undefined, 0, undefined, undefined)
      }
    }
  }
}

const planExpire = (state: State, c: Command.Expire): Planned => {
  const takes: Array<Take> = []
  const postings: Array<Entry.Posting> = []
  const accounts: Array<Account> = []
  const perAccount: Array<[Account, number]> = []
  const day = infoOf(state, c.on).day
  let total = 0
  for (const account of state.members) {
    let sum = 0
    const lots = account.lots
    for (let i = account.head; i < lots.length; i++) {
      const lot = lots[i]!
      if (lot.expires >= day) break
      if (lot.remaining > 0) {
        takes.push({ account, lot, amount: lot.remaining })
        sum += lot.remaining
      }
    }
    if (sum > 0) {
      postings.push({ account: account.id, amount: -sum })
      accounts.push(account)
      perAccount.push([account, sum])
      total += sum
    }
  }
  if (total === 0) return { issues: [], plan: undefined }
  postings.push({ account: system.expiry, amount: total })
  accounts.push(state.systemAccount(system.expiry))
  return {
    issues: [],
    plan: {
      postings,
      accounts,
      commit: () => {
        applyTakes(takes)
        for (const [account, sum] of perAccount) account.balance -= sum
        return spent(undefined, total, takes)
      }
    }
  }
}

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

const planReverse = (state: State, c: Command.Reverse): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const seq = typeof c.target === "string" ? state.seqOf(c.target) : undefined
  if (seq === undefined) {
    return fail([
      messages.make("LEDGER_UNKNOWN_TRANSACTION", { path: ["target"], params: { target: describe(c.target) } })
    ])
  }
  const target = state.entries[seq]!
  const kind = target.command._tag
  if (kind === "Reverse") {
    return fail([messages.make("LEDGER_REVERSAL_OF_REVERSAL", { path: ["target"], params: { target: c.target } })])
  }
  if (!reversible.has(kind)) {
    const hint = hints[kind as keyof typeof hints]
    return fail([messages.make("LEDGER_NOT_REVERSIBLE", {
      path: ["target"],
      params: {
        target: c.target,
        kind: Command.kindLabels[kind].en,
        kindZh: Command.kindLabels[kind].zh,
        hint: hint.en,
        hintZh: hint.zh
      }
    })])
  }
  const by = state.reversedBy.get(seq)
  if (by !== undefined) {
    return fail([messages.make("LEDGER_ALREADY_REVERSED", { path: ["target"], params: { target: c.target, by } })])
  }
  const fx = state.effects[seq]!
  // the inverse postings; reversing a settlement reopens its hold
  const postings: Array<Entry.Posting> = target.postings.map((p) => ({ account: p.account, amount: -p.amount }))
  const accounts = postings.map((p) => state.account(p.account)!)
  // Points that were created (earn, positive adjustment, transfer) must still be there to take back.
  if (kind === "Settle") {
    const hold = fx.hold!
    return {
      issues,
      plan: {
        postings,
        accounts,
        commit: (at) => {
          hold.account.held += hold.amount
          record(hold.account, at, infoOf(state, c.on).day)
          hold.status = "open"
          hold.closedBy = undefined
          state.reversedBy.set(seq, c.key)
          return undefined
        }
      }
    }
  }
  const takes: Array<Take> = []
  const created = fx.createdTakes
  const creditedAccount = created[0]?.account
  if (creditedAccount !== undefined) {
    const amount = created.reduce((s, t) => s + t.amount, 0)
    // the created lots first, then the oldest others
    let short = false
    const planned = takes
    let left = amount
    for (const t of created) {
      const a = Math.min(t.lot.remaining, left)
      if (a > 0) planned.push({ account: creditedAccount, lot: t.lot, amount: a })
      left -= a
    }
    if (left > 0) {
      const used = new Set(planned.map((t) => t.lot))
      const lots = creditedAccount.lots
      for (let i = creditedAccount.head; i < lots.length && left > 0; i++) {
        const lot = lots[i]!
        if (used.has(lot) || lot.remaining === 0) continue
        const a = Math.min(lot.remaining, left)
        planned.push({ account: creditedAccount, lot, amount: a })
        left -= a
      }
      short = left > 0
    }
    if (short) {
      issues.push(insufficient(creditedAccount, creditedAccount.balance, amount, ["target"]))
      return fail(issues)
    }
  }
  return {
    issues,
    plan: {
      postings,
      accounts,
      commit: () => {
        applyTakes(takes)
        restoreTakes(fx.consumed)
        // balances follow the postings of member accounts
        for (let i = 0; i < postings.length; i++) {
          const account = accounts[i]!
          if (account.holder !== undefined) account.balance += postings[i]!.amount
        }
        if (kind === "Earn") {
          fx.account!.earned -= fx.amount
          uncountCaps(fx.account!, infoOf(state, target.command.on), fx.amount)
        }
        if (kind === "Redeem" && fx.item !== undefined) {
          undoRedemption(state, fx.account!, fx.item, fx.quantity, fx.redemptionKey ?? "")
        }
        state.reversedBy.set(seq, c.key)
        return undefined
      }
    }
  }
}

const planOf = (state: State, c: Command.Command): Planned => {
  switch (c._tag) {
    case "Open":
      return planOpen(state, c)
    case "Earn":
      return planEarn(state, c)
    case "Redeem":
    case "Hold":
      return planRedeemOrHold(state, c)
    case "Release":
      return planRelease(state, c)
    case "Settle":
      return planSettle(state, c)
    case "Adjust":
      return planAdjust(state, c)
    case "Reverse":
      return planReverse(state, c)
    case "Transfer":
    case "Donate":
      return planTransfer(state, c)
    case "Expire":
      return planExpire(state, c)
  }
}

const fingerprint = (c: Command.Command): string => {
  const { expectedSeq: _ignored, ...rest } = c
  return Entry.canonical(rest)
}

/** The same approvers as the last copy (most earnings are approved by the same people): reuse it. */
const approversOf = (state: State, approvedBy: ReadonlyArray<string>): ReadonlyArray<string> => {
  const last = state.lastApprovers
  if (last.length === approvedBy.length) {
    let same = true
    for (let i = 0; i < last.length && same; i++) same = last[i] === approvedBy[i]
    if (same) return last
  }
  return (state.lastApprovers = Object.freeze([...approvedBy]))
}

/** The fresh copy of a command, its approvers shared with the entries before that have the same. */
const shareApprovers = (state: State, c: Command.Command): Command.Command => {
  if (c._tag === "Earn" && c.approvedBy !== undefined) {
    ;(c as { approvedBy: ReadonlyArray<string> }).approvedBy = approversOf(state, c.approvedBy)
  }
  return c
}

const noIssues: ReadonlyArray<Issue.DomainIssue> = []

export type Outcome =
  | { readonly _tag: "Appended"; readonly entry: Entry.Entry }
  | { readonly _tag: "Replayed"; readonly entry: Entry.Entry }
  | { readonly _tag: "Nothing" }
  | { readonly _tag: "Rejected"; readonly issues: ReadonlyArray<Issue.DomainIssue> }

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
const merge = (
  found: Array<Issue.DomainIssue>,
  shape: ReadonlyArray<Issue.DomainIssue>
): Array<Issue.DomainIssue> => {
  const own = found.slice()
  for (const issue of shape) if (!covers(own, issue.path)) found.push(issue)
  return found
}

const rejected = (issues: ReadonlyArray<Issue.DomainIssue>): Outcome => ({ _tag: "Rejected", issues })

/**
 * Checks and, when it passes, applies one command to the state. An untrusted command is read
 * and checked first (see `read.ts`); a trusted one (decoded already, or the journal's own
 * entry) is only copied.
 */
export const execute = (state: State, input: unknown, trusted: boolean, stored?: Entry.Entry): Outcome => {
  let c: Command.Command
  let shape: ReadonlyArray<Issue.DomainIssue> = noIssues
  if (trusted) c = copyTrusted(input as Command.Command)
  else {
    const read = readCommand(input, (on) => dateInfo(state, on) !== undefined)
    if (read._tag === "Unreadable") return rejected(read.issues)
    c = read.command
    if (read._tag === "Malformed") shape = read.issues
  }
  const issues: Array<Issue.DomainIssue> = []
  const keyOk = typeof c.key === "string" && c.key !== ""
  if (!keyOk) issues.push(messages.make("LEDGER_KEY_MISSING", { path: ["key"], params: { actual: describe(c.key) } }))
  else {
    const seen = state.keys.get(c.key)
    if (seen !== undefined) {
      const original = state.entries[seen]!
      if (shape.length === 0 && fingerprint(original.command) === fingerprint(c)) {
        return { _tag: "Replayed", entry: original }
      }
      return rejected([
        messages.make("LEDGER_IDEMPOTENCY_CONFLICT", { path: ["key"], params: { key: c.key, seq: seen } })
      ])
    }
  }
  const length = state.entries.length
  if (c.expectedSeq !== undefined && c.expectedSeq !== length) {
    issues.push(messages.make("LEDGER_SEQUENCE_CONFLICT", {
      path: ["expectedSeq"],
      params: { expected: describe(c.expectedSeq), actual: length }
    }))
  }
  const info = dateInfo(state, c.on)
  if (info === undefined) {
    issues.push(messages.make("LEDGER_DATE_INVALID", { path: ["on"], params: { actual: describe(c.on) } }))
    return rejected(merge(issues, shape))
  }
  if (c.on < state.lastDate) {
    issues.push(messages.make("LEDGER_DATE_OUT_OF_ORDER", { path: ["on"], params: { on: c.on, last: state.lastDate } }))
  }
  let planned: Planned
  if (shape.length === 0) planned = planOf(state, c)
  else {
    // a malformed command is never committed: its plan only gathers the rules' issues (and must not throw)
    try {
      planned = planOf(state, c)
    } catch {
      planned = fail([])
    }
    return rejected(merge([...issues, ...planned.issues], shape))
  }
  for (const issue of planned.issues) issues.push(issue)
  if (issues.length > 0) return rejected(issues)
  if (planned.plan === undefined) return { _tag: "Nothing" }
  const seq = length
  const { postings, accounts } = planned.plan
  let entry: Entry.Entry
  if (stored !== undefined) {
    entry = stored
  } else {
    const command = shareApprovers(state, c)
    const prevHash = state.options.hashChain ? state.lastHash : ""
    const hash = state.options.hashChain ? Entry.hashOf(prevHash, seq, command, postings) : ""
    entry = { seq, command, postings, prevHash, hash }
  }
  const fx = planned.plan.commit(seq, info.day)
  state.entries.push(entry)
  state.effects.push(fx)
  state.keys.add(c.key, seq)
  state.lastDate = c.on
  state.lastHash = entry.hash
  for (let i = 0; i < postings.length; i++) {
    const account = accounts[i]!
    if (account.holder === undefined) account.balance += postings[i]!.amount
    record(account, seq, info.day)
  }
  return { _tag: "Appended", entry }
}

/** Rebuilds a state from trusted entries (the prefix of another state). */
export const rebuild = (options: Options, entries: ReadonlyArray<Entry.Entry>): State => {
  const state = new State(options)
  for (const entry of entries) execute(state, entry.command, true, entry)
  return state
}
