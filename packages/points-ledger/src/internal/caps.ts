/**
 * Caps on earning (per day, month, year, for each account): what has been earned in the
 * current period, the room left under each cap, counting an earning and taking it back.
 */
import type { Issue } from "@gongzhi/core"
import { messages } from "../Messages.js"
import type * as Scheme from "../Scheme.js"
import type { Account, DateInfo } from "./state.js"

/** One cap with what is used and left of it on a date. */
export interface Room {
  readonly cap: "daily" | "monthly" | "yearly"
  readonly limit: number
  readonly used: number
  readonly left: number
}

const labels = { daily: "每日", monthly: "每月", yearly: "每年" } as const

/** The room left under each cap of the scheme for an account on a date (at or after its last earning). */
export const room = (account: Account, info: DateInfo, caps: Scheme.Caps): Array<Room> => {
  const out: Array<Room> = []
  const add = (cap: Room["cap"], limit: number | undefined, used: number) => {
    if (limit !== undefined) out.push({ cap, limit, used, left: Math.max(0, limit - used) })
  }
  add("daily", caps.perDay, account.dayKey === info.day ? account.dayTotal : 0)
  add("monthly", caps.perMonth, account.monthKey === info.month ? account.monthTotal : 0)
  add("yearly", caps.perYear, account.yearKey === info.year ? account.yearTotal : 0)
  return out
}

const capIssue = (cap: Room["cap"], limit: number, used: number, points: number) =>
  messages.make("LEDGER_CAP_EXCEEDED", {
    path: ["activity"],
    params: { cap, limit, used, left: Math.max(0, limit - used), requested: points },
    labels: { cap: { zh: labels[cap], en: cap } }
  })

/** The issues of earning `points` beyond a cap (no allocation when every cap has room). */
export const checkCaps = (
  account: Account,
  info: DateInfo,
  caps: Scheme.Caps,
  points: number,
  issues: Array<Issue.DomainIssue>
): void => {
  const { perDay, perMonth, perYear } = caps
  if (perDay !== undefined) {
    const used = account.dayKey === info.day ? account.dayTotal : 0
    if (used + points > perDay) issues.push(capIssue("daily", perDay, used, points))
  }
  if (perMonth !== undefined) {
    const used = account.monthKey === info.month ? account.monthTotal : 0
    if (used + points > perMonth) issues.push(capIssue("monthly", perMonth, used, points))
  }
  if (perYear !== undefined) {
    const used = account.yearKey === info.year ? account.yearTotal : 0
    if (used + points > perYear) issues.push(capIssue("yearly", perYear, used, points))
  }
}

/** Counts an earning in the current periods (a new period starts at zero). */
export const countEarning = (account: Account, info: DateInfo, points: number): void => {
  if (account.dayKey !== info.day) {
    account.dayKey = info.day
    account.dayTotal = 0
  }
  if (account.monthKey !== info.month) {
    account.monthKey = info.month
    account.monthTotal = 0
  }
  if (account.yearKey !== info.year) {
    account.yearKey = info.year
    account.yearTotal = 0
  }
  account.dayTotal += points
  account.monthTotal += points
  account.yearTotal += points
}

/** Takes a reversed earning out of the periods it was counted in (if they are still current). */
export const uncountEarning = (account: Account, info: DateInfo, points: number): void => {
  if (account.dayKey === info.day) account.dayTotal -= points
  if (account.monthKey === info.month) account.monthTotal -= points
  if (account.yearKey === info.year) account.yearTotal -= points
}
