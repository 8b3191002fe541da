/**
 * The peer of the benchmark: a plain-JavaScript journal as one would write it in an
 * afternoon — entries as objects in an array, a `Map` of accounts with their balances and
 * lots, a `Map` of keys — keeping the rules the benchmark's workload exercises (open; earn
 * with eligibility, approvals and the day / month / year caps; redeem with stock and balance,
 * oldest-expiring lots first; reverse of an earning or a redemption; the expiry run). It is
 * honest: every entry is kept with its postings, every key is recorded, and in the chained run
 * every entry is hashed over the same text with the same function as ours. The benchmark checks
 * that it takes the same decisions and ends with the same balances and hash.
 */
import { CivilDate } from "@gongzhi/core"
import { type Command, Entry, type Hasher, type Journal, Scheme } from "@gongzhi/points-ledger"

interface Lot {
  readonly expires: number
  remaining: number
}

interface Account {
  readonly roles: ReadonlyArray<string>
  readonly member: string | undefined
  balance: number
  lots: Array<Lot>
  day: number
  dayTotal: number
  month: number
  monthTotal: number
  year: number
  yearTotal: number
}

interface PeerEntry {
  readonly seq: number
  readonly command: Command.Command
  readonly postings: ReadonlyArray<Entry.Posting>
  readonly prevHash: string
  readonly hash: string
  /** What to undo: the lot of an earning, or the lots a redemption took from. */
  readonly lot?: Lot
  readonly taken?: ReadonlyArray<readonly [Lot, number]>
  reversed?: boolean
}

export class PlainJournal {
  readonly entries: Array<PeerEntry> = []
  readonly keys = new Map<string, number>()
  readonly accounts = new Map<string, Account>()
  readonly system = new Map<string, number>()
  readonly stock = new Map<string, number>()
  lastHash: string
  private lastDate = ""
  private readonly days = new Map<string, { day: number; month: number; year: number; expires: number }>()

  constructor(readonly setup: Journal.Setup, readonly hasher: Hasher.Hasher | undefined) {
    this.lastHash = hasher === undefined ? "" : Entry.genesis
    for (const item of setup.catalog.items) if (item.stock !== undefined) this.stock.set(item.id, item.stock)
  }

  private date(on: string) {
    let info = this.days.get(on)
    if (info === undefined) {
      const d = on as CivilDate.CivilDate
      const { month, year } = CivilDate.toParts(d)
      info = {
        day: CivilDate.toEpochDay(d),
        month: year * 12 + month,
        year,
        expires: CivilDate.toEpochDay(Scheme.expiresOn(this.setup.scheme, d))
      }
      this.days.set(on, info)
    }
    return info
  }

  private push(command: Command.Command, postings: Array<Entry.Posting>, extra: Partial<PeerEntry>): void {
    const seq = this.entries.length
    const prevHash = this.lastHash
    const hash = this.hasher === undefined
      ? ""
      : this.hasher.sha256Hex(Entry.hashInput(prevHash, seq, command, postings))
    this.entries.push({ seq, command: { ...command }, postings, prevHash, hash, ...extra })
    this.keys.set(command.key, seq)
    for (const p of postings) {
      const account = this.accounts.get(p.account)
      if (account !== undefined) account.balance += p.amount
      else this.system.set(p.account, (this.system.get(p.account) ?? 0) + p.amount)
    }
    this.lastHash = hash
    this.lastDate = command.on
  }

  /** Applies a command: true when appended, false when refused. */
  append(c: Command.Command): boolean {
    if (this.keys.has(c.key) || c.on < this.lastDate) return false
    const info = this.date(c.on)
    switch (c._tag) {
      case "Open": {
        if (this.accounts.has(c.account)) return false
        this.accounts.set(c.account, {
          roles: c.holder.roles,
          member: c.holder.member,
          balance: 0,
          lots: [],
          day: -1,
          dayTotal: 0,
          month: -1,
          monthTotal: 0,
          year: -1,
          yearTotal: 0
        })
        this.push(c, [], {})
        return true
      }
      case "Earn": {
        const account = this.accounts.get(c.account)
        const activity = Scheme.findActivity(this.setup.scheme, c.activity)
        if (account === undefined || activity === undefined) return false
        const points = Scheme.pointsOf(activity, c.minutes)
        if (points._tag === "Failure") return false
        const roles = Scheme.eligibleRoles(this.setup.scheme, activity)
        if (!account.roles.some((r) => roles.includes(r as Scheme.Role))) return false
        const approvers = new Set((c.approvedBy ?? []).filter((a) => a !== c.account && a !== account.member))
        if (approvers.size < Scheme.approversRequired(this.setup.scheme, activity)) return false
        const n = points.success
        const caps = this.setup.scheme.caps
        const day = account.day === info.day ? account.dayTotal : 0
        const month = account.month === info.month ? account.monthTotal : 0
        const year = account.year === info.year ? account.yearTotal : 0
        if (caps.perDay !== undefined && day + n > caps.perDay) return false
        if (caps.perMonth !== undefined && month + n > caps.perMonth) return false
        if (caps.perYear !== undefined && year + n > caps.perYear) return false
        account.day = info.day
        account.dayTotal = day + n
        account.month = info.month
        account.monthTotal = month + n
        account.year = info.year
        account.yearTotal = year + n
        const lot: Lot = { expires: info.expires, remaining: n }
        let i = account.lots.length
        while (i > 0 && account.lots[i - 1]!.expires > lot.expires) i--
        account.lots.splice(i, 0, lot)
        this.push(c, [{ account: "system:pool", amount: -n }, { account: c.account, amount: n }], { lot })
        return true
      }
      case "Redeem": {
        const account = this.accounts.get(c.account)
        const item = this.setup.catalog.items.find((i) => i.id === c.item)
        if (account === undefined || item === undefined) return false
        const stock = this.stock.get(item.id)
        if (stock !== undefined && stock < c.quantity) return false
        const amount = item.price * c.quantity
        const taken: Array<readonly [Lot, number]> = []
        let left = amount
        for (const lot of account.lots) {
          if (left === 0) break
          if (lot.remaining === 0 || lot.expires < info.day) continue
          const t = Math.min(lot.remaining, left)
          taken.push([lot, t])
          left -= t
        }
        if (left > 0) return false
        for (const [lot, t] of taken) lot.remaining -= t
        if (stock !== undefined) this.stock.set(item.id, stock - c.quantity)
        this.push(c, [{ account: c.account, amount: -amount }, { account: "system:redemption", amount }], { taken })
        return true
      }
      case "Reverse": {
        const seq = this.keys.get(c.target)
        const target = seq === undefined ? undefined : this.entries[seq]!
        if (target === undefined || target.reversed === true) return false
        const original = target.command
        if (original._tag === "Earn") {
          const lot = target.lot!
          const account = this.accounts.get(original.account)!
          const points = target.postings[1]!.amount
          // the points must still be there: the earning's own lot first, then the oldest-expiring others
          const taken: Array<readonly [Lot, number]> = []
          let left = points
          for (const l of [lot, ...account.lots]) {
            if (left === 0) break
            if (l.remaining === 0 || (l === lot && taken.length > 0)) continue
            const t = Math.min(l.remaining, left)
            taken.push([l, t])
            left -= t
          }
          if (left > 0) return false
          for (const [l, t] of taken) l.remaining -= t
          const o = this.date(original.on)
          if (account.day === o.day) account.dayTotal -= points
          if (account.month === o.month) account.monthTotal -= points
          if (account.year === o.year) account.yearTotal -= points
        } else if (original._tag === "Redeem") {
          const account = this.accounts.get(original.account)!
          for (const [lot, t] of target.taken!) lot.remaining += t
          void account
          const stock = this.stock.get(original.item)
          if (stock !== undefined) this.stock.set(original.item, stock + original.quantity)
        } else return false
        target.reversed = true
        this.push(c, target.postings.map((p) => ({ account: p.account, amount: -p.amount })), {})
        return true
      }
      case "Expire": {
        const postings: Array<Entry.Posting> = []
        let total = 0
        for (const [id, account] of this.accounts) {
          let sum = 0
          for (const lot of account.lots) {
            if (lot.expires >= info.day) break
            sum += lot.remaining
            lot.remaining = 0
          }
          if (sum > 0) {
            postings.push({ account: id, amount: -sum })
            total += sum
          }
        }
        if (total === 0) return true // nothing expired: no entry, not a refusal
        postings.push({ account: "system:expiry", amount: total })
        this.push(c, postings, {})
        return true
      }
      default:
        return false
    }
  }
}
