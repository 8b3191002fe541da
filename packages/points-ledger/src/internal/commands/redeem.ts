/** Redeem (兑换) and Hold (冻结): points for catalog items, at once or held until settled or released. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import * as RedemptionCatalog from "../../RedemptionCatalog.js"
import { applyTakes, spendable, takeOldestExpiringFirst } from "../lots.js"
import { amountIssue, describe, fail, insufficient, isPositiveSafeInt, memberAccount, type Planned } from "../plan.js"
import { type Account, type HoldState, type State, system, type Take } from "../state.js"
import type { Undo } from "../undo.js"

const periodZh = { month: "月", quarter: "季度", year: "年" } as const

interface Checked {
  readonly account: Account
  readonly item: RedemptionCatalog.Item
  readonly quantity: number
  readonly amount: number
  readonly stock: number | undefined
  readonly takes: Array<Take>
  readonly redemptionKey: string
}

/** The checks a redemption and a hold share: item, quantity, validity, stock, limits, balance. */
const check = (
  state: State,
  c: Command.Redeem | Command.Hold,
  issues: Array<Issue.DomainIssue>
): Checked | undefined => {
  const scheme = state.options.scheme
  const account = memberAccount(state, c.account, ["account"], issues)
  const item = typeof c.item === "string" ? state.items.get(c.item) : undefined
  if (item === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ITEM", { path: ["item"], params: { item: describe(c.item) } }))
  }
  const quantityOk = isPositiveSafeInt(c.quantity)
  if (!quantityOk) issues.push(amountIssue(["quantity"], c.quantity))
  if (item === undefined || !quantityOk) return undefined
  const quantity = c.quantity
  const amount = item.price * quantity
  if (!Number.isSafeInteger(amount)) {
    issues.push(amountIssue(["quantity"], amount))
    return undefined
  }
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
  const info = state.dateOf(c.on)
  if (account === undefined) return undefined
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
  // like caps, the limit counts the current period (an earlier date is refused as out of order)
  if (limit !== undefined && c.on >= state.lastDate) {
    const used = account.redemptionKey === info.redemptionKey ? account.redemptionCount : 0
    if (used >= limit.count) {
      issues.push(messages.make("LEDGER_REDEMPTION_LIMIT_REACHED", {
        path: [],
        params: { limit: limit.count, period: limit.per, periodZh: periodZh[limit.per], used }
      }))
    }
  }
  const takes = takeOldestExpiringFirst(account, amount, info.day)
  if (takes === undefined) {
    issues.push(insufficient(account, spendable(account, info.day), amount, ["quantity"]))
    return undefined
  }
  return { account, item, quantity, amount, stock, takes, redemptionKey: info.redemptionKey }
}

/** Spends the points and counts the stock and the limits. */
const take = (state: State, t: Checked): void => {
  const { account, item, quantity } = t
  applyTakes(t.takes)
  if (t.stock !== undefined) state.stock.set(item.id, t.stock - quantity)
  if (item.perPersonLimit !== undefined) {
    if (account.taken === undefined) account.taken = new Map()
    account.taken.set(item.id, (account.taken.get(item.id) ?? 0) + quantity)
  }
  if (state.options.scheme.redemptionLimit !== undefined) {
    if (account.redemptionKey !== t.redemptionKey) {
      account.redemptionKey = t.redemptionKey
      account.redemptionCount = 0
    }
    account.redemptionCount++
  }
}

/** Gives back the stock and the limits a redemption or a hold counted (its points are restored apart). */
export const untake = (
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

export const planRedeem = (state: State, c: Command.Redeem): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const t = check(state, c, issues)
  if (issues.length > 0 || t === undefined) return fail(issues)
  return {
    issues,
    plan: {
      postings: [{ account: t.account.id, amount: -t.amount }, { account: system.redemption, amount: t.amount }],
      accounts: [t.account, state.systemAccount(system.redemption)],
      commit: (): Undo => {
        take(state, t)
        ;(c as { account: string }).account = t.account.id
        ;(c as { item: string }).item = t.item.id
        return {
          _tag: "Redeemed",
          account: t.account,
          spent: t.takes,
          item: t.item.id,
          quantity: t.quantity,
          redemptionKey: t.redemptionKey
        }
      }
    }
  }
}

export const planHold = (state: State, c: Command.Hold): Planned => {
  const issues: Array<Issue.DomainIssue> = []
  const t = check(state, c, issues)
  if (issues.length > 0 || t === undefined) return fail(issues)
  return {
    issues,
    plan: {
      postings: [{ account: t.account.id, amount: -t.amount }, { account: system.held, amount: t.amount }],
      accounts: [t.account, state.systemAccount(system.held)],
      commit: (seq): Undo => {
        take(state, t)
        t.account.held += t.amount
        const hold: HoldState = {
          seq,
          account: t.account,
          item: t.item.id,
          quantity: t.quantity,
          amount: t.amount,
          consumed: t.takes,
          redemptionKey: t.redemptionKey,
          status: "open",
          closedBy: undefined
        }
        state.holds.set(c.key, hold)
        return { _tag: "None" }
      }
    }
  }
}
