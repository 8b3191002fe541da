/**
 * The journal engine: a mutable state owned by the newest journal value. Commands are first
 * checked (collecting every issue, mutating nothing), then committed. Public values stay
 * immutable: a journal value is (state, length); when an older value is used, its state is
 * rebuilt from its entries (see Journal.ts).
 */
import { CivilDate, type Issue } from "@gongzhi/core"
import * as Command from "../Command.js"
import * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import * as RedemptionCatalog from "../RedemptionCatalog.js"
import * as Scheme from "../Scheme.js"

export const system = {
  pool: "system:pool",
  held: "system:held",
  redemption: "system:redemption",
  expiry: "system:expiry",
  donation: "system:donation"
} as const

export interface Lot {
  readonly seq: number
  readonly expiresOn: string
  remaining: number
}

export interface Account {
  readonly id: string
  readonly holder: Command.Holder | undefined
  readonly openedSeq: number
  balance: number
  held: number
  earned: number
  lots: Array<Lot>
  head: number
  // history of (seq, date, balance, held, earned) after each entry touching the account
  readonly hSeq: Array<number>
  readonly hDate: Array<string>
  readonly hBalance: Array<number>
  readonly hHeld: Array<number>
  readonly hEarned: Array<number>
  // caps of the current day / month / year (dates never go back, so only the current ones matter)
  dayKey: string
  dayTotal: number
  monthKey: string
  monthTotal: number
  yearKey: string
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
export interface Effect {
  readonly consumed: ReadonlyArray<Take>
  readonly created: ReadonlyArray<Take>
  readonly account: Account | undefined
  readonly amount: number
  readonly item: string | undefined
  readonly quantity: number
  readonly redemptionKey: string | undefined
  readonly hold: HoldState | undefined
}

export interface Options {
  readonly scheme: Scheme.Scheme
  readonly catalog: RedemptionCatalog.RedemptionCatalog
  readonly hashChain: boolean
}

export class State {
  readonly entries: Array<Entry.Entry> = []
  readonly byKey = new Map<string, number>()
  readonly accounts = new Map<string, Account>()
  readonly members: Array<Account> = []
  readonly effects: Array<Effect | undefined> = []
  readonly reversedBy = new Map<number, string>()
  readonly holds = new Map<string, HoldState>()
  readonly stock = new Map<string, number>()
  readonly activities = new Map<string, Scheme.Activity>()
  readonly items = new Map<string, RedemptionCatalog.Item>()
  lastDate = ""
  lastHash: string = Entry.genesis
  readonly dates = new Map<string, DateInfo>()
  constructor(readonly options: Options) {
    for (const id of Object.values(system)) this.accounts.set(id, newAccount(id, undefined, -1))
    for (const activity of options.scheme.activities) this.activities.set(activity.id, activity)
    for (const item of options.catalog.items) {
      this.items.set(item.id, item)
      if (item.stock !== undefined) this.stock.set(item.id, item.stock)
    }
  }
}

const newAccount = (id: string, holder: Command.Holder | undefined, seq: number): Account => ({
  id,
  holder,
  openedSeq: seq,
  balance: 0,
  held: 0,
  earned: 0,
  lots: [],
  head: 0,
  hSeq: [],
  hDate: [],
  hBalance: [],
  hHeld: [],
  hEarned: [],
  dayKey: "",
  dayTotal: 0,
  monthKey: "",
  monthTotal: 0,
  yearKey: "",
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
  readonly month: string
  readonly year: string
  readonly expiresOn: string
  readonly redemptionKey: string
}

const dateInfo = (state: State, on: unknown): DateInfo | undefined => {
  if (typeof on !== "string") return undefined
  const cached = state.dates.get(on)
  if (cached !== undefined) return cached
  const parsed = CivilDate.make(on)
  if (parsed._tag === "Failure") return undefined
  const info: DateInfo = {
    month: on.slice(0, 7),
    year: on.slice(0, 4),
    expiresOn: Scheme.expiresOn(state.options.scheme, parsed.success),
    redemptionKey: redemptionPeriodKey(state.options.scheme, on)
  }
  state.dates.set(on, info)
  return info
}

const infoOf = (state: State, on: string): DateInfo => dateInfo(state, on)!

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
  on: string,
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
    if (skipExpired && lot.expiresOn < on) continue
    const t = Math.min(lot.remaining, left)
    takes.push({ account, lot, amount: t })
    left -= t
  }
  return left === 0 ? takes : undefined
}

const spendable = (account: Account, on: string): number => {
  let sum = 0
  const lots = account.lots
  for (let i = account.head; i < lots.length; i++) {
    const lot = lots[i]!
    if (lot.expiresOn >= on) sum += lot.remaining
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
  if (last === undefined || last.expiresOn <= lot.expiresOn) {
    lots.push(lot)
    return
  }
  let lo = account.head
  let hi = lots.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (lots[mid]!.expiresOn <= lot.expiresOn) lo = mid + 1
    else hi = mid
  }
  lots.splice(lo, 0, lot)
}

// ---------------------------------------------------------------------------
// history
// ---------------------------------------------------------------------------

const record = (account: Account, seq: number, on: string): void => {
  const n = account.hSeq.length
  if (n > 0 && account.hSeq[n - 1] === seq) {
    account.hBalance[n - 1] = account.balance
    account.hHeld[n - 1] = account.held
    account.hEarned[n - 1] = account.earned
    return
  }
  account.hSeq.push(seq)
  account.hDate.push(on)
  account.hBalance.push(account.balance)
  account.hHeld.push(account.held)
  account.hEarned.push(account.earned)
}

/** Index of the last history point on or before a date (or seq), -1 if none. */
export const historyIndex = (account: Account, asOf: string | undefined, maxSeq: number): number => {
  let lo = 0
  let hi = account.hSeq.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((asOf === undefined || account.hDate[mid]! <= asOf) && account.hSeq[mid]! < maxSeq) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

// ---------------------------------------------------------------------------
// planning: every check, no mutation
// ---------------------------------------------------------------------------

interface Plan {
  readonly postings: Array<Entry.Posting>
  readonly commit: (seq: number) => Effect | undefined
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
  const account = state.accounts.get(id)
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
    issues.push(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account: describe(c.account) } }))
  } else if (c.account.startsWith("system:")) {
    issues.push(messages.make("LEDGER_ACCOUNT_RESERVED", { path: ["account"], params: { account: c.account } }))
  } else if (state.accounts.has(c.account)) {
    issues.push(messages.make("LEDGER_ACCOUNT_EXISTS", { path: ["account"], params: { account: c.account } }))
  }
  if (issues.length > 0) return fail(issues)
  return {
    issues,
    plan: {
      postings: [],
      commit: (seq) => {
        const holder: Command.Holder = {
          ...c.holder,
          roles: [...c.holder.roles]
        }
        const account = newAccount(c.account, holder, seq)
        state.accounts.set(c.account, account)
        state.members.push(account)
        record(account, seq, c.on)
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
  const activity = typeof c.activity === "string" ? state.activities.get(c.activity) : undefined
  if (activity === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACTIVITY", {
      path: ["activity"],
      params: { activity: describe(c.activity), known: scheme.activities.map((a) => a.id).join(", ") }
    }))
    return fail(issues)
  }
  let points = 0
  if (activity.rule._tag === "PerEvent" && c.minutes === undefined) {
    points = activity.rule.points
  } else {
    const computed = Scheme.pointsOf(activity, c.minutes)
    if (computed._tag === "Failure") issues.push(...computed.failure.issues)
    else points = computed.success
  }
  // approvals: distinct approvers other than the earner
  const required = Scheme.approversRequired(scheme, activity)
  const approvedBy = c.approvedBy ?? []
  let given = 0
  for (let i = 0; i < approvedBy.length; i++) {
    const approver = approvedBy[i]!
    if (account !== undefined && (approver === account.id || approver === account.holder?.member)) {
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
    const allowed = Scheme.eligibleRoles(scheme, activity)
    const roles = account.holder!.roles
    if (!roles.some((r) => allowed.includes(r))) {
      issues.push(messages.make("LEDGER_NOT_ELIGIBLE", {
        path: ["activity"],
        params: { account: account.id, activity: activity.id, roles: roles.join(", "), allowed: allowed.join(", ") }
      }))
    }
    if (points > 0) {
      const caps = scheme.caps
      const info = infoOf(state, c.on)
      capCheck(issues, points, caps.perDay, account.dayKey === c.on ? account.dayTotal : 0, "daily", "每日")
      capCheck(issues, points, caps.perMonth, account.monthKey === info.month ? account.monthTotal : 0, "monthly", "每月")
      capCheck(issues, points, caps.perYear, account.yearKey === info.year ? account.yearTotal : 0, "yearly", "每年")
    }
  }
  if (issues.length > 0 || account === undefined) return fail(issues)
  const info = infoOf(state, c.on)
  const expiresOn = info.expiresOn
  return {
    issues,
    plan: {
      postings: [{ account: system.pool, amount: -points }, { account: account.id, amount: points }],
      commit: (seq) => {
        const lot: Lot = { seq, expiresOn, remaining: points }
        insertLot(account, lot)
        account.balance += points
        account.earned += points
        countCaps(account, c.on, info, points)
        return effect({ created: [{ account, lot, amount: points }], account, amount: points })
      }
    }
  }
}

const countCaps = (account: Account, on: string, info: DateInfo, points: number): void => {
  const month = info.month
  const year = info.year
  if (account.dayKey !== on) {
    account.dayKey = on
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

const uncountCaps = (account: Account, on: string, points: number): void => {
  if (account.dayKey === on) account.dayTotal -= points
  if (account.monthKey === on.slice(0, 7)) account.monthTotal -= points
  if (account.yearKey === on.slice(0, 4)) account.yearTotal -= points
}

const effect = (e: Partial<Effect>): Effect => ({
  consumed: e.consumed ?? [],
  created: e.created ?? [],
  account: e.account,
  amount: e.amount ?? 0,
  item: e.item,
  quantity: e.quantity ?? 0,
  redemptionKey: e.redemptionKey,
  hold: e.hold
})

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
    takes = planTake(account, amount, c.on, true)
    if (takes === undefined) issues.push(insufficient(account, spendable(account, c.on), amount, ["quantity"]))
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
          return effect({ consumed, account, amount, item: item.id, quantity, redemptionKey, hold })
        }
        return effect({ consumed, account, amount, item: item.id, quantity, redemptionKey })
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
      commit: (seq) => {
        account.held -= hold.amount
        record(account, seq, c.on)
        hold.status = "settled"
        hold.closedBy = c.key
        return effect({
          consumed: hold.consumed,
          account,
          amount: hold.amount,
          item: hold.item,
          quantity: hold.quantity,
          redemptionKey: hold.redemptionKey,
          hold
        })
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
    const expiresOn = infoOf(state, c.on).expiresOn
    return {
      issues,
      plan: {
        postings: [{ account: system.pool, amount: -amount }, { account: account.id, amount }],
        commit: (seq) => {
          const lot: Lot = { seq, expiresOn, remaining: amount }
          insertLot(account, lot)
          account.balance += amount
          return effect({ created: [{ account, lot, amount }], account, amount })
        }
      }
    }
  }
  const takes = planTake(account, -amount, c.on, false)
  if (takes === undefined) issues.push(insufficient(account, account.balance, -amount, ["amount"]))
  if (issues.length > 0 || takes === undefined) return fail(issues)
  return {
    issues,
    plan: {
      postings: [{ account: account.id, amount }, { account: system.pool, amount: -amount }],
      commit: () => {
        applyTakes(takes)
        account.balance += amount
        return effect({ consumed: takes, account, amount })
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
    takes = planTake(from, c.amount, c.on, true)
    if (takes === undefined) issues.push(insufficient(from, spendable(from, c.on), c.amount, ["amount"]))
  }
  if (issues.length > 0 || from === undefined || takes === undefined) return fail(issues)
  if (c._tag === "Transfer" && to === undefined) return fail(issues)
  const amount = c.amount
  const consumed = takes
  return {
    issues,
    plan: {
      postings: [{ account: from.id, amount: -amount }, { account: to === undefined ? system.donation : to.id, amount }],
      commit: (seq) => {
        applyTakes(consumed)
        from.balance -= amount
        const created: Array<Take> = []
        if (to !== undefined) {
          for (const take of consumed) {
            const lot: Lot = { seq, expiresOn: take.lot.expiresOn, remaining: take.amount }
            insertLot(to, lot)
            created.push({ account: to, lot, amount: take.amount })
          }
          to.balance += amount
        }
        return effect({ consumed, created, account: from, amount })
      }
    }
  }
}

const planExpire = (state: State, c: Command.Expire): Planned => {
  const takes: Array<Take> = []
  const postings: Array<Entry.Posting> = []
  const perAccount: Array<[Account, number]> = []
  let total = 0
  for (const account of state.members) {
    let sum = 0
    const lots = account.lots
    for (let i = account.head; i < lots.length; i++) {
      const lot = lots[i]!
      if (lot.expiresOn >= c.on) break
      if (lot.remaining > 0) {
        takes.push({ account, lot, amount: lot.remaining })
        sum += lot.remaining
      }
    }
    if (sum > 0) {
      postings.push({ account: account.id, amount: -sum })
      perAccount.push([account, sum])
      total += sum
    }
  }
  if (total === 0) return { issues: [], plan: undefined }
  postings.push({ account: system.expiry, amount: total })
  return {
    issues: [],
    plan: {
      postings,
      commit: () => {
        applyTakes(takes)
        for (const [account, sum] of perAccount) account.balance -= sum
        return effect({ consumed: takes, amount: total })
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
  const seq = typeof c.target === "string" ? state.byKey.get(c.target) : undefined
  if (seq === undefined) {
    return fail([messages.make("LEDGER_UNKNOWN_TRANSACTION", { path: ["target"], params: { target: describe(c.target) } })])
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
  // Points that were created (earn, positive adjustment, transfer) must still be there to take back.
  if (kind === "Settle") {
    const hold = fx.hold!
    return {
      issues,
      plan: {
        postings,
        commit: (at) => {
          hold.account.held += hold.amount
          record(hold.account, at, c.on)
          hold.status = "open"
          hold.closedBy = undefined
          state.reversedBy.set(seq, c.key)
          return undefined
        }
      }
    }
  }
  const takes: Array<Take> = []
  const creditedAccount = fx.created[0]?.account
  if (creditedAccount !== undefined) {
    const amount = fx.created.reduce((s, t) => s + t.amount, 0)
    // the created lots first, then the oldest others
    let short = false
    const planned = takes
    let left = amount
    for (const t of fx.created) {
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
      commit: () => {
        applyTakes(takes)
        restoreTakes(fx.consumed)
        // balances follow the postings of member accounts
        for (const p of postings) {
          const account = state.accounts.get(p.account)!
          if (account.holder !== undefined) account.balance += p.amount
        }
        if (kind === "Earn") {
          fx.account!.earned -= fx.amount
          uncountCaps(fx.account!, target.command.on, fx.amount)
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

const copyCommand = (c: Command.Command): Command.Command => {
  const copy: Record<string, unknown> = { ...c }
  if ("approvedBy" in c && Array.isArray(c.approvedBy)) copy["approvedBy"] = [...c.approvedBy]
  if (c._tag === "Open") copy["holder"] = { ...c.holder, roles: [...c.holder.roles] }
  return copy as Command.Command
}

export type Outcome =
  | { readonly _tag: "Appended"; readonly entry: Entry.Entry }
  | { readonly _tag: "Replayed"; readonly entry: Entry.Entry }
  | { readonly _tag: "Nothing" }
  | { readonly _tag: "Rejected"; readonly issues: ReadonlyArray<Issue.DomainIssue> }

const kinds: ReadonlySet<string> = new Set([
  "Open",
  "Earn",
  "Redeem",
  "Hold",
  "Release",
  "Settle",
  "Adjust",
  "Reverse",
  "Transfer",
  "Donate",
  "Expire"
])

/** Checks and, when it passes, applies one command to the state. */
export const execute = (state: State, c: Command.Command, stored?: Entry.Entry): Outcome => {
  const issues: Array<Issue.DomainIssue> = []
  if (typeof c !== "object" || c === null || !kinds.has((c as { _tag?: unknown })._tag as string)) {
    return {
      _tag: "Rejected",
      issues: [messages.make("LEDGER_UNKNOWN_COMMAND", {
        path: ["_tag"],
        params: { actual: describe((c as { _tag?: unknown } | null)?._tag) }
      })]
    }
  }
  const keyOk = typeof c.key === "string" && c.key !== ""
  if (!keyOk) issues.push(messages.make("LEDGER_KEY_MISSING", { path: ["key"], params: { actual: describe(c.key) } }))
  else {
    const seen = state.byKey.get(c.key)
    if (seen !== undefined) {
      const original = state.entries[seen]!
      if (fingerprint(original.command) === fingerprint(c)) return { _tag: "Replayed", entry: original }
      return {
        _tag: "Rejected",
        issues: [messages.make("LEDGER_IDEMPOTENCY_CONFLICT", { path: ["key"], params: { key: c.key, seq: seen } })]
      }
    }
  }
  const length = state.entries.length
  if (c.expectedSeq !== undefined && c.expectedSeq !== length) {
    issues.push(messages.make("LEDGER_SEQUENCE_CONFLICT", {
      path: ["expectedSeq"],
      params: { expected: describe(c.expectedSeq), actual: length }
    }))
  }
  if (dateInfo(state, c.on) === undefined) {
    issues.push(messages.make("LEDGER_DATE_INVALID", { path: ["on"], params: { actual: describe(c.on) } }))
    return { _tag: "Rejected", issues }
  }
  if (c.on < state.lastDate) {
    issues.push(messages.make("LEDGER_DATE_OUT_OF_ORDER", { path: ["on"], params: { on: c.on, last: state.lastDate } }))
  }
  const planned = planOf(state, c)
  issues.push(...planned.issues)
  if (issues.length > 0) return { _tag: "Rejected", issues }
  if (planned.plan === undefined) return { _tag: "Nothing" }
  const seq = length
  const postings = planned.plan.postings
  const command = copyCommand(c)
  let entry: Entry.Entry
  if (stored !== undefined) {
    entry = stored
  } else {
    const prevHash = state.options.hashChain ? state.lastHash : ""
    const hash = state.options.hashChain ? Entry.hashOf(prevHash, seq, command, postings) : ""
    entry = { seq, command, postings, prevHash, hash }
  }
  const fx = planned.plan.commit(seq)
  state.entries.push(entry)
  state.effects.push(fx)
  state.byKey.set(c.key, seq)
  state.lastDate = c.on
  state.lastHash = entry.hash
  for (const posting of postings) {
    const account = state.accounts.get(posting.account)!
    if (account.holder === undefined) account.balance += posting.amount
    record(account, seq, c.on)
  }
  return { _tag: "Appended", entry }
}

/** Rebuilds a state from trusted entries (the prefix of another state). */
export const rebuild = (options: Options, entries: ReadonlyArray<Entry.Entry>): State => {
  const state = new State(options)
  for (const entry of entries) execute(state, entry.command, entry)
  return state
}
