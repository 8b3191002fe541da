/**
 * The reference ledger: the journal's rules written as plainly as possible (a `Map` of
 * accounts, lots in sorted arrays, totals per period in `Map`s, no typed arrays, no shared
 * state tricks, no caches), to be compared with the engine on generated command sequences
 * (reference.test.ts). It reuses only the package's definitions of the rules' inputs: the
 * points of an activity, the expiry date of an earning, an item's validity, the command schema
 * and the hash function.
 */
import { CivilDate, type Issue } from "@gongzhi/core"
import { Command, Entry, type Journal, RedemptionCatalog, Scheme } from "@gongzhi/points-ledger"

export interface RefLot {
  readonly seq: number
  readonly expires: string
  remaining: number
}

export interface RefAccount {
  readonly id: string
  readonly holder: Command.Holder | undefined
  balance: number
  held: number
  earned: number
  /** Sorted by expiry date, oldest first; a new lot goes after those expiring the same day. */
  readonly lots: Array<RefLot>
  readonly earnedIn: Map<string, number>
  readonly taken: Map<string, number>
  readonly redemptions: Map<string, number>
}

interface RefHold {
  readonly account: RefAccount
  readonly item: string
  readonly quantity: number
  readonly amount: number
  readonly taken: ReadonlyArray<readonly [RefLot, number]>
  readonly period: string
  status: "open" | "released" | "settled"
}

/** What an entry did beyond its postings. */
interface Did {
  readonly created?: { readonly account: RefAccount; readonly lots: ReadonlyArray<RefLot> }
  readonly taken?: ReadonlyArray<readonly [RefLot, number]>
  readonly earned?: { readonly account: RefAccount; readonly points: number; readonly on: string }
  readonly redeemed?: {
    readonly account: RefAccount
    readonly item: string
    readonly quantity: number
    readonly period: string
  }
  readonly settled?: RefHold
}

export type RefOutcome =
  | { readonly _tag: "Appended"; readonly entry: Entry.Entry }
  | { readonly _tag: "Replayed"; readonly entry: Entry.Entry }
  | { readonly _tag: "Nothing" }
  | { readonly _tag: "Rejected"; readonly codes: ReadonlyArray<string> }

const systemIds = ["system:pool", "system:held", "system:redemption", "system:expiry", "system:donation"]

const periodKeys = (on: string) => [`d${on}`, `m${on.slice(0, 7)}`, `y${on.slice(0, 4)}`] as const

export class Reference {
  readonly entries: Array<Entry.Entry> = []
  readonly accounts = new Map<string, RefAccount>()
  readonly stock = new Map<string, number>()
  readonly holds = new Map<string, RefHold>()
  readonly reversedBy = new Map<string, string>()
  private readonly did: Array<Did> = []
  private lastDate = ""

  constructor(readonly setup: Journal.Setup) {
    for (const id of systemIds) this.accounts.set(id, this.newAccount(id, undefined))
    for (const item of setup.catalog.items) if (item.stock !== undefined) this.stock.set(item.id, item.stock)
  }

  private newAccount(id: string, holder: Command.Holder | undefined): RefAccount {
    return {
      id,
      holder,
      balance: 0,
      held: 0,
      earned: 0,
      lots: [],
      earnedIn: new Map(),
      taken: new Map(),
      redemptions: new Map()
    }
  }

  member(id: string): RefAccount | undefined {
    const account = this.accounts.get(id)
    return account?.holder === undefined ? undefined : account
  }

  /** The points of an account that can be spent on a date. */
  spendable(account: RefAccount, on: string): number {
    return account.lots.filter((l) => l.expires >= on).reduce((s, l) => s + l.remaining, 0)
  }

  /** Takes `amount` from the lots, oldest-expiring first (the lots `first` before all), skipping expired ones when `on` is given. */
  take(
    account: RefAccount,
    amount: number,
    on: string | undefined,
    first: ReadonlyArray<RefLot> = []
  ): Array<[RefLot, number]> | undefined {
    const order = [...first, ...account.lots.filter((l) => !first.includes(l))]
    const takes: Array<[RefLot, number]> = []
    let left = amount
    for (const lot of order) {
      if (left === 0) break
      if (lot.remaining === 0 || (on !== undefined && !first.includes(lot) && lot.expires < on)) continue
      const t = Math.min(lot.remaining, left)
      takes.push([lot, t])
      left -= t
    }
    return left === 0 ? takes : undefined
  }

  private addLot(account: RefAccount, lot: RefLot): void {
    let i = account.lots.length
    while (i > 0 && account.lots[i - 1]!.expires > lot.expires) i--
    account.lots.splice(i, 0, lot)
  }

  private expiresOf(on: string): string {
    return Scheme.expiresOn(this.setup.scheme, on as CivilDate.CivilDate)
  }

  private period(on: string): string {
    const limit = this.setup.scheme.redemptionLimit
    if (limit === undefined) return ""
    if (limit.per === "year") return on.slice(0, 4)
    if (limit.per === "month") return on.slice(0, 7)
    return `${on.slice(0, 4)}-Q${Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1}`
  }

  append(input: Command.Command): RefOutcome {
    const decoded = Command.decode(input)
    const shape: ReadonlyArray<Issue.DomainIssue> = decoded._tag === "Failure" ? decoded.failure.issues : []
    const c = input
    const codes: Array<Issue.DomainIssue> = []
    const seen = this.entries.find((e) => e.command.key === c.key)
    if (seen !== undefined) {
      const same = shape.length === 0 && Entry.commandText(seen.command, false) === Entry.commandText(c, false)
      return same ? { _tag: "Replayed", entry: seen } : { _tag: "Rejected", codes: ["LEDGER_IDEMPOTENCY_CONFLICT"] }
    }
    const issue = (code: string, path: Issue.Path): undefined => {
      codes.push({ code, path } as unknown as Issue.DomainIssue)
      return undefined
    }
    if (c.expectedSeq !== undefined && c.expectedSeq !== this.entries.length) {
      issue("LEDGER_SEQUENCE_CONFLICT", ["expectedSeq"])
    }
    if (CivilDate.make(c.on)._tag === "Failure") {
      issue("LEDGER_DATE_INVALID", ["on"])
      return this.reject(codes, shape)
    }
    if (c.on < this.lastDate) issue("LEDGER_DATE_OUT_OF_ORDER", ["on"])
    let plan: ReturnType<Reference["plan"]>
    try {
      plan = this.plan(c, issue)
    } catch {
      plan = undefined
    }
    if (codes.length > 0 || shape.length > 0) return this.reject(codes, shape)
    if (plan === undefined) return { _tag: "Nothing" }
    const seq = this.entries.length
    const prevHash = this.setup.hashChain === false ? "" : (this.entries[seq - 1]?.hash ?? Entry.genesis)
    const hash = this.setup.hashChain === false ? "" : Entry.hashOf(prevHash, seq, c, plan.postings)
    const entry: Entry.Entry = { seq, command: c, postings: plan.postings, prevHash, hash }
    this.did.push(plan.commit(seq))
    for (const p of plan.postings) this.accounts.get(p.account)!.balance += p.amount
    this.entries.push(entry)
    this.lastDate = c.on
    return { _tag: "Appended", entry }
  }

  private reject(codes: ReadonlyArray<Issue.DomainIssue>, shape: ReadonlyArray<Issue.DomainIssue>): RefOutcome {
    const covered = (path: Issue.Path) =>
      codes.some((i) => i.path.length > 0 && i.path.length <= path.length && i.path.every((p, k) => p === path[k]))
    return {
      _tag: "Rejected",
      codes: [...codes.map((i) => i.code), ...shape.filter((i) => !covered(i.path)).map((i) => i.code)]
    }
  }

  private plan(
    c: Command.Command,
    issue: (code: string, path: Issue.Path) => undefined
  ): { postings: Array<Entry.Posting>; commit: (seq: number) => Did } | undefined {
    const known = (id: unknown, path: Issue.Path) => {
      const account = typeof id === "string" ? this.member(id) : undefined
      if (account === undefined) issue("LEDGER_UNKNOWN_ACCOUNT", path)
      return account
    }
    const positive = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n > 0
    switch (c._tag) {
      case "Open": {
        if (c.account.startsWith("system:")) return issue("LEDGER_ACCOUNT_RESERVED", ["account"])
        if (this.accounts.has(c.account)) return issue("LEDGER_ACCOUNT_EXISTS", ["account"])
        return {
          postings: [],
          commit: () => {
            this.accounts.set(c.account, this.newAccount(c.account, c.holder))
            return {}
          }
        }
      }
      case "Earn": {
        const account = known(c.account, ["account"])
        const activity = Scheme.findActivity(this.setup.scheme, c.activity)
        if (activity === undefined) return issue("LEDGER_UNKNOWN_ACTIVITY", ["activity"])
        const points = Scheme.pointsOf(activity, c.minutes)
        if (points._tag === "Failure") { for (const i of points.failure.issues) issue(i.code, i.path) }
        const approvers = [...new Set(c.approvedBy ?? [])]
        const self = (c.approvedBy ?? []).filter((a) => a === account?.id || a === account?.holder?.member)
        for (const _ of self) issue("LEDGER_SELF_APPROVAL", ["approvedBy"])
        const valid = approvers.filter((a) => !self.includes(a)).length
        if (valid < Scheme.approversRequired(this.setup.scheme, activity)) {
          issue("LEDGER_APPROVAL_MISSING", ["approvedBy"])
        }
        if (account === undefined) return undefined
        const roles = Scheme.eligibleRoles(this.setup.scheme, activity)
        if (!account.holder!.roles.some((r) => roles.includes(r))) issue("LEDGER_NOT_ELIGIBLE", ["activity"])
        if (points._tag === "Failure") return undefined
        const caps = this.setup.scheme.caps
        const limits = [caps.perDay, caps.perMonth, caps.perYear]
        // (a command dated before the last one is refused as out of order; its caps are not checked)
        if (c.on >= this.lastDate) {
          periodKeys(c.on).forEach((key, i) => {
            const limit = limits[i]
            if (limit !== undefined && (account.earnedIn.get(key) ?? 0) + points.success > limit) {
              issue("LEDGER_CAP_EXCEEDED", ["activity"])
            }
          })
        }
        const n = points.success
        return {
          postings: [{ account: "system:pool", amount: -n }, { account: account.id, amount: n }],
          commit: (seq) => {
            const lot = { seq, expires: this.expiresOf(c.on), remaining: n }
            this.addLot(account, lot)
            account.earned += n
            for (const key of periodKeys(c.on)) account.earnedIn.set(key, (account.earnedIn.get(key) ?? 0) + n)
            return { created: { account, lots: [lot] }, earned: { account, points: n, on: c.on } }
          }
        }
      }
      case "Redeem":
      case "Hold": {
        const account = known(c.account, ["account"])
        const item = RedemptionCatalog.findItem(this.setup.catalog, c.item)
        if (item === undefined) issue("LEDGER_UNKNOWN_ITEM", ["item"])
        if (!positive(c.quantity)) issue("LEDGER_AMOUNT_NOT_POSITIVE", ["quantity"])
        if (item === undefined || !positive(c.quantity)) return undefined
        const amount = item.price * c.quantity
        if (!RedemptionCatalog.isAvailableOn(item, c.on)) issue("LEDGER_ITEM_NOT_AVAILABLE", ["item"])
        const stock = this.stock.get(item.id)
        if (stock !== undefined && stock < c.quantity) issue("LEDGER_STOCK_EXHAUSTED", ["quantity"])
        if (account === undefined) return undefined
        if (item.perPersonLimit !== undefined && (account.taken.get(item.id) ?? 0) + c.quantity > item.perPersonLimit) {
          issue("LEDGER_ITEM_LIMIT_REACHED", ["quantity"])
        }
        const limit = this.setup.scheme.redemptionLimit
        const period = this.period(c.on)
        if (limit !== undefined && c.on >= this.lastDate && (account.redemptions.get(period) ?? 0) >= limit.count) {
          issue("LEDGER_REDEMPTION_LIMIT_REACHED", [])
        }
        const takes = this.take(account, amount, c.on)
        if (takes === undefined) return issue("LEDGER_INSUFFICIENT_BALANCE", ["quantity"])
        const hold = c._tag === "Hold"
        return {
          postings: [{ account: account.id, amount: -amount }, {
            account: hold ? "system:held" : "system:redemption",
            amount
          }],
          commit: () => {
            for (const [lot, t] of takes) lot.remaining -= t
            if (stock !== undefined) this.stock.set(item.id, stock - c.quantity)
            account.taken.set(item.id, (account.taken.get(item.id) ?? 0) + c.quantity)
            account.redemptions.set(period, (account.redemptions.get(period) ?? 0) + 1)
            if (!hold) return { taken: takes, redeemed: { account, item: item.id, quantity: c.quantity, period } }
            account.held += amount
            this.holds.set(c.key, {
              account,
              item: item.id,
              quantity: c.quantity,
              amount,
              taken: takes,
              period,
              status: "open"
            })
            return {}
          }
        }
      }
      case "Release":
      case "Settle": {
        const hold = this.holds.get(c.hold)
        if (hold === undefined) return issue("LEDGER_UNKNOWN_HOLD", ["hold"])
        if (hold.status !== "open") return issue("LEDGER_HOLD_CLOSED", ["hold"])
        const release = c._tag === "Release"
        return {
          postings: [{ account: "system:held", amount: -hold.amount }, {
            account: release ? hold.account.id : "system:redemption",
            amount: hold.amount
          }],
          commit: () => {
            hold.account.held -= hold.amount
            if (!release) {
              hold.status = "settled"
              return { settled: hold }
            }
            hold.status = "released"
            for (const [lot, t] of hold.taken) lot.remaining += t
            this.untake(hold.account, hold.item, hold.quantity, hold.period)
            return {}
          }
        }
      }
      case "Adjust": {
        const account = known(c.account, ["account"])
        if (c.approvedBy === account?.id || c.approvedBy === account?.holder?.member) {
          issue("LEDGER_SELF_APPROVAL", ["approvedBy"])
        }
        const amount = c.amount
        if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount === 0) {
          return issue("LEDGER_AMOUNT_NOT_POSITIVE", ["amount"])
        }
        if (account === undefined) return undefined
        if (amount > 0) {
          return {
            postings: [{ account: "system:pool", amount: -amount }, { account: account.id, amount }],
            commit: (seq) => {
              const lot = { seq, expires: this.expiresOf(c.on), remaining: amount }
              this.addLot(account, lot)
              return { created: { account, lots: [lot] } }
            }
          }
        }
        const takes = this.take(account, -amount, undefined)
        if (takes === undefined) return issue("LEDGER_INSUFFICIENT_BALANCE", ["amount"])
        return {
          postings: [{ account: account.id, amount }, { account: "system:pool", amount: -amount }],
          commit: () => {
            for (const [lot, t] of takes) lot.remaining -= t
            return { taken: takes }
          }
        }
      }
      case "Transfer":
      case "Donate": {
        const from = known(c.from, ["from"])
        const to = c._tag === "Transfer" ? known(c.to, ["to"]) : undefined
        if (c._tag === "Transfer" && from !== undefined && from === to) issue("LEDGER_SAME_ACCOUNT", ["to"])
        if (!positive(c.amount)) return issue("LEDGER_AMOUNT_NOT_POSITIVE", ["amount"])
        if (from === undefined) return undefined
        const takes = this.take(from, c.amount, c.on)
        if (takes === undefined) return issue("LEDGER_INSUFFICIENT_BALANCE", ["amount"])
        if (c._tag === "Transfer" && to === undefined) return undefined
        const amount = c.amount
        return {
          postings: [{ account: from.id, amount: -amount }, { account: to?.id ?? "system:donation", amount }],
          commit: (seq) => {
            for (const [lot, t] of takes) lot.remaining -= t
            if (to === undefined) return { taken: takes }
            const lots = takes.map(([lot, t]) => ({ seq, expires: lot.expires, remaining: t }))
            for (const lot of lots) this.addLot(to, lot)
            return { taken: takes, created: { account: to, lots } }
          }
        }
      }
      case "Expire": {
        const takes: Array<[RefLot, number]> = []
        const postings: Array<Entry.Posting> = []
        let total = 0
        for (const account of this.accounts.values()) {
          if (account.holder === undefined) continue
          let sum = 0
          for (const lot of account.lots) {
            if (lot.expires < c.on && lot.remaining > 0) {
              takes.push([lot, lot.remaining])
              sum += lot.remaining
            }
          }
          if (sum > 0) postings.push({ account: account.id, amount: -sum })
          total += sum
        }
        if (total === 0) return undefined
        postings.push({ account: "system:expiry", amount: total })
        return {
          postings,
          commit: () => {
            for (const [lot, t] of takes) lot.remaining -= t
            return { taken: takes }
          }
        }
      }
      case "Reverse": {
        const index = this.entries.findIndex((e) => e.command.key === c.target)
        if (index === -1) return issue("LEDGER_UNKNOWN_TRANSACTION", ["target"])
        const target = this.entries[index]!
        const kind = target.command._tag
        if (kind === "Reverse") return issue("LEDGER_REVERSAL_OF_REVERSAL", ["target"])
        if (kind === "Open" || kind === "Hold" || kind === "Release") return issue("LEDGER_NOT_REVERSIBLE", ["target"])
        if (this.reversedBy.has(target.command.key)) return issue("LEDGER_ALREADY_REVERSED", ["target"])
        const did = this.did[index]!
        let back: Array<[RefLot, number]> = []
        if (did.created !== undefined) {
          const amount = target.postings.filter((p) => p.account === did.created!.account.id)
            .reduce((s, p) => s + p.amount, 0)
          const takes = this.take(did.created.account, amount, undefined, did.created.lots)
          if (takes === undefined) return issue("LEDGER_INSUFFICIENT_BALANCE", ["target"])
          back = takes
        }
        return {
          postings: target.postings.map((p) => ({ account: p.account, amount: -p.amount })),
          commit: () => {
            for (const [lot, t] of back) lot.remaining -= t
            for (const [lot, t] of did.taken ?? []) lot.remaining += t
            if (did.earned !== undefined) {
              did.earned.account.earned -= did.earned.points
              for (const key of periodKeys(did.earned.on)) {
                did.earned.account.earnedIn.set(key, did.earned.account.earnedIn.get(key)! - did.earned.points)
              }
            }
            if (did.redeemed !== undefined) {
              const r = did.redeemed
              this.untake(r.account, r.item, r.quantity, r.period)
            }
            if (did.settled !== undefined) {
              did.settled.account.held += did.settled.amount
              did.settled.status = "open"
            }
            this.reversedBy.set(target.command.key, c.key)
            return {}
          }
        }
      }
    }
  }

  private untake(account: RefAccount, item: string, quantity: number, period: string): void {
    const stock = this.stock.get(item)
    if (stock !== undefined) this.stock.set(item, stock + quantity)
    account.taken.set(item, account.taken.get(item)! - quantity)
    if (period !== "") account.redemptions.set(period, account.redemptions.get(period)! - 1)
  }
}
