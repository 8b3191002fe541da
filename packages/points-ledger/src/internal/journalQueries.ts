/**
 * What a journal answers (re-exported by the `Journal` module): its entries, head and chain,
 * balances (now or as of a date), accounts, stock, holds, reversals and the room left under
 * the earning caps.
 */
import { type CivilDate, Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import type * as Command from "../Command.js"
import * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import { room } from "./caps.js"
import { historyAt, historyIndex } from "./engine.js"
import { attachedState, stateOf } from "./handle.js"
import { detached, type Journal } from "./journalValue.js"
import { verifyState } from "./verify.js"

/**
 * The entries of a journal, oldest first (a copy).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.entries(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }))) // []
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const entries = (journal: Journal): ReadonlyArray<Entry.Entry> => stateOf(journal).entriesUpTo(journal.length)

/**
 * The entry recorded under an idempotency key, if any.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.entryOf(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "e1")) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const entryOf = (journal: Journal, key: string): Entry.Entry | undefined => {
  const state = stateOf(journal)
  const seq = state.seqOf(key)
  return seq === undefined ? undefined : state.entry(seq)
}

/**
 * The hash of the last entry (the genesis hash for an empty journal, `""` without a hash chain).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.lastHash(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })).length) // 64
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const lastHash = (journal: Journal): string => head(journal).hash

/**
 * The head of the journal: the seq and hash of its last entry (see `Entry.Head`). Publish it
 * (in the public notice, in the store, to a second party) and check a journal read back
 * against it with `verify(journal, { head })` or `replay(setup, entries, { head })`: that
 * finds entries cut off at the end and whole rewrites, which the chain alone cannot.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.head(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })).seq) // -1
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const head = (journal: Journal): Entry.Head => {
  const state = stateOf(journal)
  const n = state.length
  return n === 0 ? { seq: -1, hash: state.genesis } : { seq: n - 1, hash: state.hashOf(n - 1) }
}

/**
 * Checks the journal's hash chain from the start: intact, or the first broken index; with a
 * known head (published earlier, kept by the store), also that the journal reaches it with
 * the same hash (see `Entry.verify` for what the chain can and cannot prove). A journal
 * without a hash chain checks only sequence numbers and balance. A copy made by
 * `structuredClone` or JSON is `Broken` with the reason `detached`.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.verify(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }))._tag) // "Intact"
 * ```
 *
 * @category verification
 * @since 0.1.0
 */
export const verify = (
  journal: Journal,
  options?: { readonly head?: Entry.Head | undefined }
): Entry.Verification => {
  const state = attachedState(journal)
  if (state === undefined) return { _tag: "Broken", index: 0, reason: "detached" }
  return verifyState(state, options?.head)
}

/**
 * The balance of an account: points available to spend, points held for pending
 * redemptions, and the points earned over its lifetime (net of reversed earnings).
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const balance: Journal.Balance = { account: "ha", available: 350, held: 50, lifetimeEarned: 400 }
 * console.log(balance.available + balance.held)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Balance {
  readonly account: string
  readonly available: number
  readonly held: number
  readonly lifetimeEarned: number
}

/**
 * The balance of an account as of the end of a date (default: now), from the account's
 * indexed history (a binary search: fast on a journal of any size). System accounts have a
 * balance too (the pool's is minus everything issued).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "volunteerService" }
 * ])
 * if (built._tag === "Success") {
 *   console.log(Journal.balance(built.success.journal, "ha")) // Success { account: "ha", available: 5, held: 0, lifetimeEarned: 5 }
 *   console.log(Journal.balance(built.success.journal, "ha", CivilDate.makeUnsafe("2024-02-29"))) // Success { … available: 0 … }
 * }
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const balance = (
  journal: Journal,
  account: string,
  asOf?: CivilDate.CivilDate | undefined
): Result.Result<Balance, ValidationReport.ValidationReport> => {
  const state = attachedState(journal)
  if (state === undefined) return Result.fail(detached())
  const found = typeof account === "string" ? state.account(account) : undefined
  if (found === undefined) {
    return Result.fail(
      ValidationReport.of(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account } }))
    )
  }
  if (asOf === undefined) {
    return Result.succeed({ account, available: found.balance, held: found.held, lifetimeEarned: found.earned })
  }
  const point = historyAt(found, historyIndex(found, asOf, Number.MAX_SAFE_INTEGER))
  return Result.succeed({ account, available: point.available, held: point.held, lifetimeEarned: point.earned })
}

/**
 * A member account and its holder.
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const account: Journal.AccountInfo = { id: "ha", holder: { name: "哈安喜", roles: ["resident"] }, openedSeq: 0 }
 * console.log(account.holder.name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface AccountInfo {
  readonly id: string
  readonly holder: Command.Holder
  readonly openedSeq: number
}

/**
 * The member accounts, in the order they were opened.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.accounts(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })).length) // 0
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const accounts = (journal: Journal): ReadonlyArray<AccountInfo> =>
  stateOf(journal).members.map((a) => ({ id: a.id, holder: a.holder!, openedSeq: a.openedSeq }))

/**
 * The stock left of a catalog item (`undefined` for an unlimited or unknown item).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.stockOf(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "rice")) // 5000
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const stockOf = (journal: Journal, item: string): number | undefined => stateOf(journal).stock.get(item)

/**
 * The state of a hold (pending redemption): open, released or settled; `undefined` if unknown.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.holdStatus(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "h1")) // undefined
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const holdStatus = (journal: Journal, hold: string): "open" | "released" | "settled" | undefined =>
  stateOf(journal).holds.get(hold)?.status

/**
 * The key of the entry that reversed a transaction, if it was reversed.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.reversedBy(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "e1")) // undefined
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const reversedBy = (journal: Journal, key: string): string | undefined => {
  const state = stateOf(journal)
  const seq = state.seqOf(key)
  return seq === undefined ? undefined : state.reversedBy.get(seq)
}

/**
 * The room left under each earning cap for an account and an activity on a date: what can
 * still be earned today, this month and this year before an earning is refused with
 * `LEDGER_CAP_EXCEEDED` (the caps of a scheme hold for all its activities together; `left` is
 * the smallest room, `undefined` when the scheme has no cap). The date is the journal's last
 * date or later: the only dates a new earning may have.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-06")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning", approvedBy: ["grid-sec"] }
 * ])
 * if (built._tag === "Success") {
 *   const room = Journal.capRoom(built.success.journal, "ha", "cleaning", on)
 *   if (room._tag === "Success") console.log(room.success.left, room.success.caps[0]) // 20 { cap: "daily", limit: 30, used: 10, left: 20 }
 * }
 * ```
 *
 * @category queries
 * @since 0.2.0
 */
export const capRoom = (
  journal: Journal,
  account: string,
  activity: string,
  on: CivilDate.CivilDate
): Result.Result<CapRoom, ValidationReport.ValidationReport> => {
  const state = attachedState(journal)
  if (state === undefined) return Result.fail(detached())
  const issues: Array<Issue.DomainIssue> = []
  const found = typeof account === "string" ? state.account(account) : undefined
  if (found === undefined || found.holder === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account: String(account) } }))
  }
  if (typeof activity !== "string" || !state.activities.has(activity)) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACTIVITY", {
      path: ["activity"],
      params: { activity: String(activity), known: state.options.scheme.activities.map((a) => a.id).join(", ") }
    }))
  }
  const info = state.date(on)
  if (info === undefined) {
    issues.push(messages.make("LEDGER_DATE_INVALID", { path: ["on"], params: { actual: String(on) } }))
  } else if (on < state.lastDate) {
    issues.push(messages.make("LEDGER_DATE_OUT_OF_ORDER", { path: ["on"], params: { on, last: state.lastDate } }))
  }
  if (issues.length > 0 || found === undefined || info === undefined) return Result.fail(ValidationReport.make(issues))
  const caps = room(found, info, state.options.scheme.caps)
  let left: number | undefined
  for (const r of caps) left = left === undefined ? r.left : Math.min(left, r.left)
  return Result.succeed({ account, activity, on, caps, left })
}

/**
 * What {@link capRoom} answers: each cap with its limit, the points used in its period and
 * the room left, and the smallest room (`undefined` when the scheme has no cap).
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const room: Journal.CapRoom = {
 *   account: "ha",
 *   activity: "cleaning",
 *   on: "2024-03-06" as never,
 *   caps: [{ cap: "daily", limit: 30, used: 10, left: 20 }],
 *   left: 20
 * }
 * console.log(room.left)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface CapRoom {
  readonly account: string
  readonly activity: string
  readonly on: CivilDate.CivilDate
  readonly caps: ReadonlyArray<{
    readonly cap: "daily" | "monthly" | "yearly"
    readonly limit: number
    readonly used: number
    readonly left: number
  }>
  readonly left: number | undefined
}
