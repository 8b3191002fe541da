/**
 * Queries over a journal: account statements for a period, leaderboards (ties share a rank),
 * reconciliation (issued = balances + held + redeemed + expired + donated out, always), reports
 * per activity and per month, and the public notice (公示) with names masked by core's
 * redaction.
 *
 * @since 0.1.0
 */
import { CivilDate, Label, Period, Redaction, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import type * as Command from "./Command.js"
import type * as Entry from "./Entry.js"
import { historyAt, historyIndex, type State, system } from "./internal/engine.js"
import { attachedState, stateOf } from "./internal/handle.js"
import * as Journal from "./Journal.js"
import { messages } from "./Messages.js"

const before = (date: CivilDate.CivilDate): string => {
  const previous = CivilDate.addDays(date, -1)
  return Result.isSuccess(previous) ? previous.success : "0000-00-00"
}

const at = historyAt

/**
 * One line of a statement: the entry, its date and kind, the amount for the account and the
 * available balance after it.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 *
 * const line: Report.StatementLine = { seq: 4, key: "e1", on: "2024-01-08" as never, kind: "Earn", amount: 10, held: 0, available: 10 }
 * console.log(line.amount)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface StatementLine {
  readonly seq: number
  readonly key: string
  readonly on: CivilDate.CivilDate
  readonly kind: Command.Kind
  /** Change of the available balance. */
  readonly amount: number
  /** Change of the held balance. */
  readonly held: number
  /** Available balance after the entry. */
  readonly available: number
}

/**
 * An account statement (积分明细) for a period: opening and closing balances and every line.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 *
 * const empty: Report.Statement = { account: "ha", from: "2024-01-01" as never, to: "2024-12-31" as never, opening: 0, closing: 0, earned: 0, lines: [] }
 * console.log(empty.lines.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Statement {
  readonly account: string
  readonly from: CivilDate.CivilDate
  readonly to: CivilDate.CivilDate
  readonly opening: number
  readonly closing: number
  readonly earned: number
  readonly lines: ReadonlyArray<StatementLine>
}

const accountOf = (state: State, account: string) => {
  const found = state.account(account)
  return found === undefined
    ? Result.fail(
      ValidationReport.of(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account } }))
    )
    : Result.succeed(found)
}

/**
 * The statement of an account for a period (year, quarter, month or range of core's `Period`).
 *
 * @example
 * ```ts
 * import { Journal, Presets, Report } from "@gongzhi/points-ledger"
 * import { CivilDate, Period } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning" }
 * ])
 * if (built._tag === "Success") {
 *   const statement = Report.statement(built.success.journal, "ha", Period.month(2024, 3))
 *   if (statement._tag === "Success") console.log(statement.success.closing, statement.success.lines.length) // 5 2
 * }
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const statement = (
  journal: Journal.Journal,
  account: string,
  period: Period.Period
): Result.Result<Statement, ValidationReport.ValidationReport> => {
  const state = attachedState(journal)
  if (state === undefined) {
    return Result.fail(ValidationReport.of(messages.make("LEDGER_JOURNAL_DETACHED", { path: [], params: {} })))
  }
  return Result.map(accountOf(state, account), (found) => {
    const from = Period.start(period)
    const to = Period.end(period)
    const first = historyIndex(found, before(from), Number.MAX_SAFE_INTEGER)
    const last = historyIndex(found, to, Number.MAX_SAFE_INTEGER)
    const lines: Array<StatementLine> = []
    let prev = at(found, first)
    for (let i = first + 1; i <= last; i++) {
      const now = at(found, i)
      const command = state.commands[now.seq]
      if (command !== undefined) {
        lines.push({
          seq: now.seq,
          key: command.key,
          on: command.on,
          kind: command._tag,
          amount: now.available - prev.available,
          held: now.held - prev.held,
          available: now.available
        })
      }
      prev = now
    }
    const opening = at(found, first)
    const closing = at(found, last)
    return {
      account,
      from,
      to,
      opening: opening.available,
      closing: closing.available,
      earned: closing.earned - opening.earned,
      lines
    }
  })
}

/**
 * One row of a leaderboard: rank (ties share it: 1, 2, 2, 4), account, holder, points
 * earned in the period and available balance at its end.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 *
 * const row: Report.Standing = { rank: 1, account: "ha", name: "哈安喜", grid: undefined, earned: 400, available: 260 }
 * console.log(row.rank)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Standing {
  readonly rank: number
  readonly account: string
  readonly name: string
  readonly grid: string | undefined
  readonly earned: number
  readonly available: number
}

/**
 * Options of {@link leaderboard}: the period (default: all time), how many rows (default:
 * all; rows tied with the last one are kept) and whether accounts that earned nothing are listed.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 * import { Period } from "@gongzhi/core"
 *
 * const options: Report.LeaderboardOptions = { period: Period.year(2024), top: 10 }
 * console.log(options.top)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface LeaderboardOptions {
  readonly period?: Period.Period | undefined
  readonly top?: number | undefined
  readonly includeZero?: boolean | undefined
}

/**
 * The members ranked by points earned in a period (reversed earnings do not count); ties
 * share a rank and are listed by account id.
 *
 * @example
 * ```ts
 * import { Journal, Presets, Report } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o1", on, account: "a", holder: { name: "甲", roles: ["resident"] } },
 *   { _tag: "Open", key: "o2", on, account: "b", holder: { name: "乙", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e1", on, account: "a", activity: "cleaning" },
 *   { _tag: "Earn", key: "e2", on, account: "b", activity: "cleaning" }
 * ])
 * if (built._tag === "Success") console.log(Report.leaderboard(built.success.journal).map((s) => s.rank)) // [1, 1]
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const leaderboard = (journal: Journal.Journal, options?: LeaderboardOptions): ReadonlyArray<Standing> => {
  const state = stateOf(journal)
  const from = options?.period === undefined ? undefined : before(Period.start(options.period))
  const to = options?.period === undefined ? undefined : Period.end(options.period)
  const rows: Array<Omit<Standing, "rank">> = []
  for (const account of state.members) {
    const end = at(account, historyIndex(account, to, Number.MAX_SAFE_INTEGER))
    const start = from === undefined ? { earned: 0 } : at(account, historyIndex(account, from, Number.MAX_SAFE_INTEGER))
    const earned = end.earned - start.earned
    if (earned <= 0 && options?.includeZero !== true) continue
    rows.push({
      account: account.id,
      name: account.holder!.name,
      grid: account.holder!.grid,
      earned,
      available: end.available
    })
  }
  rows.sort((a, b) => b.earned - a.earned || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0))
  const ranked: Array<Standing> = []
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const rank = i > 0 && rows[i - 1]!.earned === row.earned ? ranked[i - 1]!.rank : i + 1
    if (options?.top !== undefined && i >= options.top && rank !== ranked[i - 1]?.rank) break
    ranked.push({ rank, ...row })
  }
  return ranked
}

/**
 * The reconciliation of a journal (对账): where every issued point is now. `balanced` is
 * true when issued = available + held + redeemed + expired + donated out, the held account
 * equals the members' held points, and the members' lots add up to their balances.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 *
 * const r: Report.Reconciliation = { issued: 720, available: 500, held: 0, redeemed: 200, expired: 20, donated: 0, lots: 500, memberHeld: 0, balanced: true }
 * console.log(r.balanced)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Reconciliation {
  readonly issued: number
  readonly available: number
  readonly held: number
  readonly redeemed: number
  readonly expired: number
  readonly donated: number
  /** Sum of the remaining points of every lot (must equal `available`). */
  readonly lots: number
  /** Sum of the members' held points (must equal `held`). */
  readonly memberHeld: number
  readonly balanced: boolean
}

/**
 * Reconciles a journal (see {@link Reconciliation}); it recomputes the totals from the
 * accounts and the lots, so any drift between them shows.
 *
 * @example
 * ```ts
 * import { Journal, Presets, Report } from "@gongzhi/points-ledger"
 *
 * console.log(Report.reconcile(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })).balanced) // true
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const reconcile = (journal: Journal.Journal): Reconciliation => {
  const state = stateOf(journal)
  const balanceOf = (id: string) => state.account(id)!.balance
  let available = 0
  let memberHeld = 0
  let lots = 0
  for (const account of state.members) {
    available += account.balance
    memberHeld += account.held
    for (let i = account.head; i < account.lots.length; i++) lots += account.lots[i]!.remaining
  }
  const issued = 0 - balanceOf(system.pool)
  const held = balanceOf(system.held)
  const redeemed = balanceOf(system.redemption)
  const expired = balanceOf(system.expiry)
  const donated = balanceOf(system.donation)
  return {
    issued,
    available,
    held,
    redeemed,
    expired,
    donated,
    lots,
    memberHeld,
    balanced: issued === available + held + redeemed + expired + donated && held === memberHeld && lots === available
  }
}

/**
 * Points earned per activity in a period: events, minutes of service and points (reversed
 * earnings left out).
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 *
 * const row: Report.ActivityTotal = { activity: "cleaning", label: { zh: "环境卫生清扫", en: "cleaning" }, events: 20, minutes: 0, points: 200 }
 * console.log(row.points)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ActivityTotal {
  readonly activity: string
  readonly label: Label.Label
  readonly events: number
  readonly minutes: number
  readonly points: number
}

const inPeriod = (on: string, from: string, to: string) => on >= from && on <= to

/**
 * The per-activity report of a period, in the scheme's order of activities.
 *
 * @example
 * ```ts
 * import { Journal, Presets, Report } from "@gongzhi/points-ledger"
 * import { Period } from "@gongzhi/core"
 *
 * const journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * console.log(Report.byActivity(journal, Period.year(2024)).map((r) => r.activity)) // ["cleaning", "volunteerService", …]
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const byActivity = (journal: Journal.Journal, period: Period.Period): ReadonlyArray<ActivityTotal> => {
  const state = stateOf(journal)
  const from = Period.start(period)
  const to = Period.end(period)
  const totals = new Map<string, { events: number; minutes: number; points: number }>()
  for (const activity of journal.scheme.activities) totals.set(activity.id, { events: 0, minutes: 0, points: 0 })
  for (let seq = 0; seq < state.length; seq++) {
    const c = state.commands[seq]!
    if (c._tag !== "Earn" || !inPeriod(c.on, from, to) || state.reversedBy.has(seq)) continue
    const total = totals.get(c.activity)
    if (total === undefined) continue
    total.events++
    total.minutes += c.minutes ?? 0
    total.points += state.postings[seq]![1]?.amount ?? 0
  }
  return journal.scheme.activities.map((a) => ({ activity: a.id, label: a.label, ...totals.get(a.id)! }))
}

/**
 * The flows of one month: points issued (earnings and adjustments, net of reversals),
 * redeemed, expired and donated out.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 *
 * const row: Report.MonthTotal = { month: "2024-03", issued: 120, redeemed: 50, expired: 0, donated: 0 }
 * console.log(row.month)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface MonthTotal {
  readonly month: string
  readonly issued: number
  readonly redeemed: number
  readonly expired: number
  readonly donated: number
}

/**
 * The per-month report of a period: net flows into and out of the system accounts.
 *
 * @example
 * ```ts
 * import { Journal, Presets, Report } from "@gongzhi/points-ledger"
 * import { Period } from "@gongzhi/core"
 *
 * const journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * console.log(Report.byMonth(journal, Period.quarter(2024, 1)).map((m) => m.month)) // ["2024-01", "2024-02", "2024-03"]
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const byMonth = (journal: Journal.Journal, period: Period.Period): ReadonlyArray<MonthTotal> => {
  const state = stateOf(journal)
  const months = Period.months(period).map((m) => `${m.year}-${String(m.month).padStart(2, "0")}`)
  const totals = new Map(months.map((m) => [m, { issued: 0, redeemed: 0, expired: 0, donated: 0 }]))
  for (let seq = 0; seq < state.length; seq++) {
    const total = totals.get(state.commands[seq]!.on.slice(0, 7))
    if (total === undefined) continue
    for (const p of state.postings[seq]!) {
      if (p.account === system.pool) total.issued -= p.amount
      else if (p.account === system.redemption) total.redeemed += p.amount
      else if (p.account === system.expiry) total.expired += p.amount
      else if (p.account === system.donation) total.donated += p.amount
    }
  }
  return months.map((month) => ({ month, ...totals.get(month)! }))
}

/**
 * A public notice (公示) of points: a title, the period, the ranked rows with masked names
 * and grids, and the journal's head (seq and hash of its last entry) so that anyone holding
 * the notice can later check that the journal was not cut off or rewritten.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/points-ledger"
 *
 * const notice: Report.PublicNotice = {
 *   title: { zh: "积分公示", en: "points notice" },
 *   period: "2024",
 *   rows: [{ rank: 1, name: "哈*喜", grid: undefined, earned: 400, available: 260 }]
 * }
 * console.log(notice.rows[0]?.name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface PublicNotice {
  readonly title: Label.Label
  readonly period: string
  readonly rows: ReadonlyArray<Omit<Standing, "account">>
  /** The journal's head when the notice was made (see `Journal.head`). */
  readonly head?: Entry.Head | undefined
}

/**
 * Makes the public notice of a period: the leaderboard with every name masked
 * (`哈安喜` → `哈*喜`) and no account ids.
 *
 * @example
 * ```ts
 * import { Journal, Presets, Report } from "@gongzhi/points-ledger"
 * import { CivilDate, Period } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning" }
 * ])
 * if (built._tag === "Success") {
 *   console.log(Report.publicNotice(built.success.journal, Period.year(2024)).rows[0]?.name) // "哈*喜"
 * }
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const publicNotice = (
  journal: Journal.Journal,
  period: Period.Period,
  options?: { readonly title?: Label.Label | undefined; readonly top?: number | undefined }
): PublicNotice => {
  const title = options?.title ?? {
    zh: `${journal.scheme.name.zh}积分公示`,
    en: `Points notice: ${journal.scheme.name.en}`
  }
  return {
    // every text field goes through redaction: free text (a grid, a title) may carry phone or ID numbers
    title: { zh: Redaction.maskText(title.zh), en: Redaction.maskText(title.en) },
    period: Period.format(period),
    rows: leaderboard(journal, { period, top: options?.top }).map(({ account: _account, ...row }) => ({
      rank: row.rank,
      name: Redaction.maskName(row.name),
      grid: row.grid === undefined ? undefined : Redaction.maskText(row.grid),
      earned: row.earned,
      available: row.available
    })),
    head: Journal.head(journal)
  }
}

/**
 * Formats a public notice as text in zh or en, one row a line.
 *
 * @example
 * ```ts
 * import { Report } from "@gongzhi/points-ledger"
 *
 * console.log(Report.formatNotice({ title: { zh: "积分公示", en: "Points notice" }, period: "2024", rows: [] }, "zh"))
 * // 积分公示（2024）
 * // 名次  姓名  网格  获得积分  可用积分
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatNotice = (notice: PublicNotice, lang: Label.Lang): string => {
  const head = lang === "zh"
    ? [`${notice.title.zh}（${notice.period}）`, "名次  姓名  网格  获得积分  可用积分"]
    : [`${notice.title.en} (${notice.period})`, "rank  name  grid  earned  available"]
  const tail = notice.head === undefined
    ? []
    : [lang === "zh"
      ? `账本链头：第 ${notice.head.seq} 笔，哈希 ${notice.head.hash || "（无哈希链）"}`
      : `journal head: entry ${notice.head.seq}, hash ${notice.head.hash || "(no hash chain)"}`]
  return [
    ...head,
    ...notice.rows.map((r) => `${r.rank}  ${r.name}  ${r.grid ?? "—"}  ${r.earned}  ${r.available}`),
    ...tail
  ].join("\n")
}

/**
 * Formats a leaderboard as text (names in full: for the committee, not for publishing).
 *
 * @example
 * ```ts
 * import { Report } from "@gongzhi/points-ledger"
 *
 * console.log(Report.formatLeaderboard([{ rank: 1, account: "ha", name: "哈安喜", grid: "城关-3", earned: 400, available: 260 }], "en"))
 * // rank  name  grid  earned  available
 * // 1  哈安喜  城关-3  400  260
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatLeaderboard = (rows: ReadonlyArray<Standing>, lang: Label.Lang): string =>
  [
    lang === "zh" ? "名次  姓名  网格  获得积分  可用积分" : "rank  name  grid  earned  available",
    ...rows.map((r) => `${r.rank}  ${r.name}  ${r.grid ?? "—"}  ${r.earned}  ${r.available}`)
  ].join("\n")
