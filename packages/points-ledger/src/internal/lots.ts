/**
 * Lots: the points of each earning, kept per account sorted by expiry date. The one rule of
 * spending is named here once: points are taken **oldest-expiring first**; lots past their last
 * day cannot be spent (they wait for the next `Expire`).
 */
import type { Due } from "./due.js"
import type { Account, Lot, Take } from "./state.js"

/** "Spend the points that expire first": no expiry day given means expired lots may be taken too. */
export const takeOldestExpiringFirst = (
  account: Account,
  amount: number,
  /** The epoch day of spending: lots that expired before it are skipped; `undefined`: none skipped. */
  day: number | undefined,
  /** Lots to take from before all others (a reversal takes back the lots its original created). */
  first: ReadonlyArray<Lot> = noLots
): Array<Take> | undefined => {
  const takes: Array<Take> = []
  let left = amount
  for (let i = 0; i < first.length && left > 0; i++) {
    const lot = first[i]!
    const t = Math.min(lot.remaining, left)
    if (t > 0) takes.push({ account, lot, amount: t })
    left -= t
  }
  const lots = account.lots
  for (let i = account.head; i < lots.length && left > 0; i++) {
    const lot = lots[i]!
    if (lot.remaining === 0 || (day !== undefined && lot.expires < day) || first.includes(lot)) continue
    const t = Math.min(lot.remaining, left)
    takes.push({ account, lot, amount: t })
    left -= t
  }
  return left === 0 ? takes : undefined
}

const noLots: ReadonlyArray<Lot> = []

/** The points of an account that can be spent on a day (not expired). */
export const spendable = (account: Account, day: number): number => {
  let sum = 0
  const lots = account.lots
  for (let i = account.head; i < lots.length; i++) {
    const lot = lots[i]!
    if (lot.expires >= day) sum += lot.remaining
  }
  return sum
}

/** The lots whose last day is before `day`, with what is left in them (for an expiry run). */
export const expiredLots = (account: Account, day: number, into: Array<Take>): number => {
  let sum = 0
  const lots = account.lots
  for (let i = account.head; i < lots.length; i++) {
    const lot = lots[i]!
    if (lot.expires >= day) break
    if (lot.remaining > 0) {
      into.push({ account, lot, amount: lot.remaining })
      sum += lot.remaining
    }
  }
  return sum
}

/** Takes the planned amounts out of their lots. */
export const applyTakes = (takes: ReadonlyArray<Take>): void => {
  for (const take of takes) {
    take.lot.remaining -= take.amount
    const account = take.account
    const lots = account.lots
    while (account.head < lots.length && lots[account.head]!.remaining === 0) account.head++
  }
}

/** Puts taken amounts back into their lots (noted in the expiry index: one may become its account's first). */
export const restoreTakes = (due: Due, takes: ReadonlyArray<Take>): void => {
  for (const take of takes) {
    take.lot.remaining += take.amount
    const account = take.account
    due.note(account, take.lot.expires)
    if (account.head > 0) {
      const index = account.lots.indexOf(take.lot)
      if (index !== -1 && index < account.head) account.head = index
    }
  }
}

/**
 * Adds a lot in expiry order (after the lots expiring the same day), noted in the expiry index.
 * The whole list stays in order, the spent lots before the account's first unspent one too: a
 * released hold or a reversal puts points back into a spent lot (`restoreTakes`), which must then
 * still come before every lot expiring after it. A lot placed among the spent ones becomes the
 * first unspent one.
 */
export const insertLot = (due: Due, account: Account, lot: Lot): void => {
  const lots = account.lots
  due.note(account, lot.expires)
  if (account.lastExpires <= lot.expires) {
    lots.push(lot)
    account.lastExpires = lot.expires
    return
  }
  let lo = 0
  let hi = lots.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (lots[mid]!.expires <= lot.expires) lo = mid + 1
    else hi = mid
  }
  lots.splice(lo, 0, lot)
  if (lo < account.head) account.head = lo
}
