/** Redeem (兑换) and Hold (冻结): points for catalog items, at once or held until settled or released. */
import type { Issue } from "@gongzhi/core"
import type * as Command from "../../Command.js"
import { messages } from "../../Messages.js"
import * as RedemptionCatalog from "../../RedemptionCatalog.js"
import { applyTakes, spendable, takeOldestExpiringFirst } from "../lots.js"
import { amountIssue, describe, insufficient, isPositiveSafeInt, memberAccount } from "../plan.js"
import { type Account, type State, system } from "../state.js"
import { none, type Undo } from "../undo.js"

const periodZh = { month: "月", quarter: "季度", year: "年" } as const

/** The checks a redemption and a hold share: item, quantity, validity, stock, limits, balance. */
const check = (state: State, c: Command.Redeem | Command.Hold, issues: Array<Issue.DomainIssue>): void => {
  const scheme = state.options.scheme
  const account = memberAccount(state, c.account, ["account"], issues)
  const item = typeof c.item === "string" ? state.items.get(c.item) : undefined
  if (item === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ITEM", { path: ["item"], params: { item: describe(c.item) } }))
  }
  const quantityOk = isPositiveSafeInt(c.quantity)
  if (!quantityOk) issues.push(amountIssue(["quantity"], c.quantity))
  if (item === undefined || !quantityOk) return
  const quantity = c.quantity
  const amount = item.price * quantity
  if (!Number.isSafeInteger(amount)) {
    issues.push(amountIssue(["quantity"], amount))
    return
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
  if (account === undefined) return
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
        params: { limit: limit.count, period: limit.per, used },
        labels: { period: { zh: periodZh[limit.per], en: limit.per } }
      }))
    }
  }
  const takes = takeOldestExpiringFirst(account, amount, info.day)
  if (takes === undefined) {
    issues.push(insufficient(account, spendable(account, info.day), amount, ["quantity"]))
    return
  }
  if (issues.length > 0) return
  const p = state.pending
  p.account = account
  p.item = item
  p.quantity = quantity
  p.amount = amount
  p.stock = stock
  p.takes = takes
  p.info = info
}

/** Spends the points and counts the stock and the limits. */
const take = (state: State): void => {
  const { account, item, quantity, stock, takes, info } = state.pending
  applyTakes(takes)
  if (stock !== undefined) state.stock.set(item!.id, stock - quantity)
  if (item!.perPersonLimit !== undefined) {
    const taken = account!.taken ??= new Map()
    taken.set(item!.id, (taken.get(item!.id) ?? 0) + quantity)
  }
  if (state.options.scheme.redemptionLimit !== undefined) {
    if (account!.redemptionKey !== info!.redemptionKey) {
      account!.redemptionKey = info!.redemptionKey
      account!.redemptionCount = 0
    }
    account!.redemptionCount++
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

export const checkRedeem = (state: State, c: Command.Redeem, issues: Array<Issue.DomainIssue>): void => {
  check(state, c, issues)
  if (issues.length > 0) return
  const { account, amount } = state.pending
  state.pending.postings = state.pending.pair(account!.id, -amount, system.redemption, amount)
  state.pending.two(account!, state.all[2]!)
}

export const commitRedeem = (state: State): Undo => {
  take(state)
  const { account, item, quantity, takes, info } = state.pending
  return {
    _tag: "Redeemed",
    account: account!,
    spent: takes,
    item: item!.id,
    quantity,
    redemptionKey: info!.redemptionKey
  }
}

export const checkHold = (state: State, c: Command.Hold, issues: Array<Issue.DomainIssue>): void => {
  check(state, c, issues)
  if (issues.length > 0) return
  const { account, amount } = state.pending
  state.pending.postings = state.pending.pair(account!.id, -amount, system.held, amount)
  state.pending.two(account!, state.all[1]!)
}

export const commitHold = (state: State, c: Command.Hold, seq: number): Undo => {
  take(state)
  const { account, item, quantity, amount, takes, info } = state.pending
  account!.held += amount
  state.holds.set(c.key, {
    seq,
    account: account!,
    item: item!.id,
    quantity,
    amount,
    consumed: takes,
    redemptionKey: info!.redemptionKey,
    status: "open",
    closedBy: undefined
  })
  return none
}
