/**
 * Balances and history: after each entry that touches an account, its balance, held and
 * lifetime earned points are recorded with the seq and the day, flat in one array; a balance
 * as of a date is a binary search.
 */
import { type Account, dayOf } from "./state.js"

const stride = 5

/**
 * Records an account's balances after the entry `seq` (once per entry: a second call updates
 * it). System accounts (touched by most entries) keep one point per day, the balances at the
 * end of that day: enough for balances as of a date, without a million points for the pool.
 */
export const record = (account: Account, seq: number, day: number): void => {
  const h = account.history
  const n = h.length
  if (n > 0 && (h[n - stride] === seq || (account.holder === undefined && h[n - stride + 1] === day))) {
    h[n - stride] = seq
    h[n - 3] = account.balance
    h[n - 2] = account.held
    h[n - 1] = account.earned
    return
  }
  h.push(seq, day, account.balance, account.held, account.earned)
}

/** Index of the last history point on or before a date (or before a seq), -1 if none. */
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
