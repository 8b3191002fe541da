/**
 * The ballot box of one matter (表决票): one current ballot per voter, changed by a later
 * ballot before the close (every ballot stays on record); proxies with a written authorisation
 * and the rule's per-proxy limit; the channel (paper, online, door to door, at the meeting,
 * an absent member's written opinion) and who recorded it; ballots before the opening or
 * after the close refused. A refused ballot leaves the box exactly as it was.
 *
 * @since 0.2.0
 */
import { Instant, type Issue, type Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import type * as DecisionRule from "./DecisionRule.js"
import * as Electorate from "./Electorate.js"
import { choiceCode, type State, stateKey } from "./internal/boxState.js"
import { columns } from "./internal/columns.js"
import { invalidInput, notOneOf, unreadable } from "./internal/input.js"
import * as rules from "./internal/rules.js"
import { safely } from "./internal/safe.js"
import { messages } from "./Messages.js"

/**
 * The choices of a ballot: 同意 / 反对 / 弃权 / 废票.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * console.log(Ballots.choiceLabels.abstain.zh) // "弃权"
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const choiceLabels = {
  yes: { zh: "同意", en: "yes" },
  no: { zh: "反对", en: "no" },
  abstain: { zh: "弃权", en: "abstain" },
  spoiled: { zh: "废票", en: "spoiled" }
} as const

/**
 * A choice on a ballot.
 *
 * @example
 * ```ts
 * import type { Ballots } from "@gongzhi/deliberation"
 *
 * const choice: Ballots.Choice = "yes"
 * console.log(choice)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Choice = keyof typeof choiceLabels

/**
 * The channels a ballot comes by: 纸质票, 线上, 入户, 会场, 书面意见 (an absent member's written
 * opinion, counted only where the rule says so).
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * console.log(Ballots.channelLabels["door-to-door"].zh) // "入户"
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const channelLabels = {
  paper: { zh: "纸质票", en: "paper" },
  online: { zh: "线上", en: "online" },
  "door-to-door": { zh: "入户", en: "door to door" },
  meeting: { zh: "会场", en: "at the meeting" },
  "written-opinion": { zh: "书面意见", en: "written opinion" }
} as const

/**
 * A channel a ballot comes by.
 *
 * @example
 * ```ts
 * import type { Ballots } from "@gongzhi/deliberation"
 *
 * const channel: Ballots.Channel = "online"
 * console.log(channel)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Channel = keyof typeof channelLabels

/**
 * One ballot: the voter, the choice, when, by which channel, who recorded it and, for a
 * proxy, who voted and the reference of the written authorisation (委托书).
 *
 * @example
 * ```ts
 * import type { Ballots } from "@gongzhi/deliberation"
 * import { Instant } from "@gongzhi/core"
 *
 * const ballot: Ballots.Ballot = {
 *   voter: "o-1", choice: "yes", at: Instant.makeUnsafe("2024-10-20T10:00:00+08:00"),
 *   channel: "door-to-door", recordedBy: "网格员",
 *   proxy: { name: "曾环", authorisation: "委托书-017" }
 * }
 * console.log(ballot.proxy?.name)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Ballot {
  readonly voter: string
  readonly choice: Choice
  readonly at: Instant.Instant
  readonly channel: Channel
  readonly recordedBy: string
  readonly proxy?: { readonly name: string; readonly authorisation: string }
}

/**
 * A voter left out of "those who should attend": why (one of the rule's reasons) and who
 * approved it. The count of those left out, and why, is part of the record.
 *
 * @example
 * ```ts
 * import type { Ballots } from "@gongzhi/deliberation"
 *
 * const e: Ballots.Exclusion = { voter: "m-9", reason: "abroad", approvedBy: "街道党工委" }
 * console.log(e.reason)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Exclusion {
  readonly voter: string
  readonly reason: string
  readonly approvedBy: string
}

/**
 * A ballot box: the matter, the rule and electorate it is counted by, the voting window,
 * those left out of "those who should attend", and every accepted ballot in order.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * const box = Ballots.example()
 * console.log(box.records.length, box.closedAt) // 0 undefined
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Box {
  readonly matter: string
  readonly rule: DecisionRule.DecisionRule
  readonly electorate: Electorate.Electorate
  readonly opensAt: Instant.Instant
  readonly closesAt: Instant.Instant
  readonly closedAt?: Instant.Instant
  readonly exclusions: ReadonlyArray<Exclusion>
  readonly records: ReadonlyArray<Ballot>
}

const fail = <A>(issues: ReadonlyArray<Issue.DomainIssue>): Result.Result<A, ValidationReport.ValidationReport> =>
  Result.fail(ValidationReport.make(issues))

const millisOf = (value: unknown): number | undefined => {
  if (typeof value !== "string") return undefined
  const made = Instant.make(value)
  return Result.isSuccess(made) ? Instant.toEpochMillis(made.success) : undefined
}

const blank = (s: unknown) => typeof s !== "string" || s.trim() === ""

/** Whom an electorate is made of, for `DELIB_BOX_RULE_ELECTORATE_MISMATCH`; any other value speaks for itself. */
const electorateLabel = (kind: unknown): Label.Label =>
  kind === "owners"
    ? { zh: "业主", en: "owners" }
    : kind === "members"
    ? { zh: "党员或居民", en: "members (party members or residents)" }
    : { zh: String(kind), en: String(kind) }

/**
 * What {@link open} needs.
 *
 * @example
 * ```ts
 * import type { Ballots } from "@gongzhi/deliberation"
 *
 * const keys: ReadonlyArray<keyof Ballots.OpenInput> = ["matter", "rule", "electorate", "opensAt", "closesAt"]
 * console.log(keys.length)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface OpenInput {
  readonly matter: string
  readonly rule: DecisionRule.DecisionRule
  readonly electorate: Electorate.Electorate
  readonly opensAt: Instant.Instant
  readonly closesAt: Instant.Instant
  readonly exclusions?: ReadonlyArray<Exclusion>
}

const seal = (box: Box, state: State): Box => {
  Object.defineProperty(box, stateKey, { value: state, enumerable: false })
  return Object.freeze(box)
}

/**
 * Opens a ballot box. Each voter left out of those who should attend needs a reason the rule
 * accepts and the approval it names.
 *
 * @example
 * ```ts
 * import { Ballots, Electorate, Presets } from "@gongzhi/deliberation"
 * import { Instant } from "@gongzhi/core"
 *
 * const box = Ballots.open({
 *   matter: "外墙维修",
 *   rule: Presets.ownersOrdinary,
 *   electorate: Electorate.example(),
 *   opensAt: Instant.makeUnsafe("2024-10-01T00:00:00+08:00"),
 *   closesAt: Instant.makeUnsafe("2024-10-31T18:00:00+08:00")
 * })
 * console.log(box._tag) // "Success"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const open = (input: OpenInput): Result.Result<Box, ValidationReport.ValidationReport> => {
  try {
    const found: Array<Issue.DomainIssue> = []
    const { matter, rule, electorate } = input
    const opens = millisOf(input.opensAt)
    const closes = millisOf(input.closesAt)
    if (blank(matter)) {
      found.push(invalidInput(["matter"], "matterId"))
    }
    if (opens === undefined || closes === undefined) {
      found.push(invalidInput(["opensAt"], "instants"))
    } else if (closes <= opens) {
      found.push(messages.make("DELIB_BOX_WINDOW_INVALID", {
        path: ["closesAt"],
        params: { opensAt: input.opensAt, closesAt: input.closesAt }
      }))
    }
    if (rule.electorate !== electorate.kind) {
      found.push(messages.make("DELIB_BOX_RULE_ELECTORATE_MISMATCH", {
        path: ["electorate"],
        params: { expected: rule.electorate, actual: electorate.kind },
        labels: { expected: electorateLabel(rule.electorate), actual: electorateLabel(electorate.kind) }
      }))
    }
    const cols = columns(electorate)
    const excluded = new Uint8Array(electorate.voters.length)
    const exclusions = input.exclusions ?? []
    const reasons = new Set(rule.exclusions.reasons.map((r) => r.id))
    exclusions.forEach((e, i) => {
      const path = ["exclusions", i]
      const index = cols.index.get(e.voter)
      if (index === undefined) {
        found.push(
          messages.make("DELIB_BALLOT_UNKNOWN_VOTER", { path: [...path, "voter"], params: { voter: String(e.voter) } })
        )
        return
      }
      if (!rule.exclusions.allowed) {
        found.push(messages.make("DELIB_EXCLUSION_NOT_ALLOWED", { path, params: { voter: e.voter } }))
        return
      }
      if (!reasons.has(e.reason)) {
        found.push(messages.make("DELIB_EXCLUSION_REASON_UNKNOWN", {
          path: [...path, "reason"],
          params: { voter: e.voter, reason: String(e.reason), allowed: [...reasons].join(", ") }
        }))
      }
      if (blank(e.approvedBy)) {
        found.push(messages.make("DELIB_EXCLUSION_APPROVAL_REQUIRED", {
          path: [...path, "approvedBy"],
          params: { voter: e.voter },
          labels: { approval: rule.exclusions.approval }
        }))
      }
      if (excluded[index] === 1) {
        found.push(messages.make("DELIB_DUPLICATE_ID", { path: [...path, "voter"], params: { id: e.voter, first: i } }))
      }
      excluded[index] = 1
    })
    if (found.length > 0) return fail(found)
    const n = electorate.voters.length
    const box: Box = {
      matter,
      rule,
      electorate,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      exclusions: Object.freeze(exclusions.map((e) => Object.freeze({ ...e }))),
      records: Object.freeze([])
    }
    return Result.succeed(seal(box, {
      current: new Uint8Array(n),
      last: new Int32Array(n).fill(-1),
      millis: [],
      excluded,
      proxies: new Map(),
      opens: opens!,
      closes: closes!,
      latest: opens!
    }))
  } catch (cause) {
    return fail([unreadable([], cause)])
  }
}

/** The working state of a box; rebuilt by replaying a look-alike box's records. */
const stateOf = (box: Box): State => {
  if (Object.prototype.hasOwnProperty.call(box, stateKey)) return (box as unknown as { [stateKey]: State })[stateKey]
  const restored = restore(box)
  if (Result.isFailure(restored)) throw new Error(ValidationReport.format(restored.failure, "en"))
  return (restored.success as unknown as { [stateKey]: State })[stateKey]
}

/**
 * Restores a box read back from storage (plain JSON): opens it again and replays its records,
 * reporting the first problems if they could not have been accepted.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * const stored = JSON.parse(JSON.stringify(Ballots.example()))
 * const box = Ballots.restore(stored)
 * console.log(box._tag) // "Success"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const restore = (box: Box): Result.Result<Box, ValidationReport.ValidationReport> => {
  try {
    const opened = open(box)
    if (Result.isFailure(opened)) return opened
    const replayed = castAll(opened.success, box.records)
    if (Result.isFailure(replayed)) return replayed
    return box.closedAt === undefined ? replayed : close(replayed.success, box.closedAt)
  } catch (cause) {
    return fail([unreadable([], cause)])
  }
}

/** Mutable working copy used while a batch is checked; copied from the state once. */
interface Working {
  current: Uint8Array
  last: Int32Array
  millis: Array<number>
  proxies: Map<string, Set<number>>
  records: Array<Ballot>
}

const checkOne = (
  box: Box,
  state: State,
  work: Working,
  ballot: Ballot,
  path: Issue.Path,
  found: Array<Issue.DomainIssue>
): void => {
  if (typeof ballot !== "object" || ballot === null) {
    found.push(invalidInput(path, "ballot"))
    return
  }
  const { voter, choice, channel, recordedBy, proxy } = ballot
  const before = found.length
  const index = typeof voter === "string" ? columns(box.electorate).index.get(voter) : undefined
  if (index === undefined) {
    found.push(
      messages.make("DELIB_BALLOT_UNKNOWN_VOTER", { path: [...path, "voter"], params: { voter: String(voter) } })
    )
  } else if (box.electorate.voters[index]!.hasVote === false || state.excluded[index] === 1) {
    found.push(messages.make("DELIB_BALLOT_NO_VOTE", { path: [...path, "voter"], params: { voter: voter as string } }))
  }
  const code = typeof choice === "string" && Object.prototype.hasOwnProperty.call(choiceCode, choice)
    ? choiceCode[choice]
    : 0
  if (code === 0) {
    found.push(notOneOf([...path, "choice"], "choice", ["yes", "no", "abstain", "spoiled"]))
  }
  if (typeof channel !== "string" || !Object.prototype.hasOwnProperty.call(channelLabels, channel)) {
    found.push(
      invalidInput([...path, "channel"], "channel")
    )
  } else if (channel === "written-opinion" && box.rule.writtenOpinions !== "count") {
    found.push(messages.make("DELIB_BALLOT_WRITTEN_NOT_ALLOWED", { path: [...path, "channel"] }))
  }
  if (blank(recordedBy)) found.push(messages.make("DELIB_BALLOT_RECORDER_REQUIRED", { path: [...path, "recordedBy"] }))
  const at = millisOf(ballot.at)
  if (at === undefined) {
    found.push(
      invalidInput([...path, "at"], "instant")
    )
  } else if (at < state.opens) {
    found.push(
      messages.make("DELIB_BALLOT_EARLY", { path: [...path, "at"], params: { at: ballot.at, opensAt: box.opensAt } })
    )
  } else if (at > state.closes) {
    found.push(
      messages.make("DELIB_BALLOT_LATE", { path: [...path, "at"], params: { at: ballot.at, closesAt: box.closesAt } })
    )
  } else if (index !== undefined && work.last[index]! >= 0 && at < work.millis[work.last[index]!]!) {
    found.push(messages.make("DELIB_BALLOT_BEFORE_PREVIOUS", {
      path: [...path, "at"],
      params: { voter: voter as string, at: ballot.at, previous: work.records[work.last[index]!]!.at }
    }))
  }
  let proxyName: string | undefined
  if (proxy !== undefined) {
    if (!box.rule.proxies.allowed) {
      found.push(messages.make("DELIB_BALLOT_PROXY_NOT_ALLOWED", { path: [...path, "proxy"] }))
    } else if (typeof proxy !== "object" || proxy === null || blank(proxy.name)) {
      found.push(
        invalidInput([...path, "proxy"], "proxyName")
      )
    } else if (blank(proxy.authorisation)) {
      found.push(messages.make("DELIB_BALLOT_PROXY_AUTHORISATION_REQUIRED", {
        path: [...path, "proxy", "authorisation"],
        params: { voter: String(voter) }
      }))
    } else {
      proxyName = proxy.name.trim()
      const max = box.rule.proxies.maxPerProxy
      const represented = work.proxies.get(proxyName)
      if (
        max !== undefined && index !== undefined && !(represented?.has(index) ?? false) &&
        (represented?.size ?? 0) >= max
      ) {
        found.push(
          messages.make("DELIB_BALLOT_PROXY_LIMIT", { path: [...path, "proxy"], params: { proxy: proxyName, max } })
        )
      }
    }
  }
  if (found.length > before) return
  const record = work.records.length
  work.records.push(
    Object.freeze(proxy === undefined ? { ...ballot } : { ...ballot, proxy: Object.freeze({ ...proxy }) })
  )
  work.millis.push(at!)
  work.current[index!] = code + (channel === "written-opinion" ? 8 : 0)
  work.last[index!] = record
  if (proxyName !== undefined) {
    const set = work.proxies.get(proxyName)
    if (set === undefined) work.proxies.set(proxyName, new Set([index!]))
    else set.add(index!)
  }
}

/**
 * Casts ballots, all or none: every problem of every ballot is reported (its index in the
 * issue's path) and the box is returned unchanged; otherwise a new box with them recorded.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 * import { Instant } from "@gongzhi/core"
 *
 * const at = Instant.makeUnsafe("2024-10-20T10:00:00+08:00")
 * const box = Ballots.castAll(Ballots.example(), [
 *   { voter: "o-1", choice: "yes", at, channel: "paper", recordedBy: "业委会" },
 *   { voter: "o-9", choice: "yes", at, channel: "paper", recordedBy: "业委会" }
 * ])
 * if (box._tag === "Failure") console.log(box.failure.issues.map((i) => i.code)) // ["DELIB_BALLOT_UNKNOWN_VOTER"]
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const castAll = (
  box: Box,
  ballots: ReadonlyArray<Ballot>
): Result.Result<Box, ValidationReport.ValidationReport> => {
  try {
    if (!Array.isArray(ballots)) {
      return fail([invalidInput([], "ballotList")])
    }
    if (box.closedAt !== undefined) {
      return fail([messages.make("DELIB_BALLOT_CLOSED", { params: { closedAt: box.closedAt } })])
    }
    const state = stateOf(box)
    const work: Working = {
      current: new Uint8Array(state.current),
      last: new Int32Array(state.last),
      millis: [...state.millis],
      proxies: new Map([...state.proxies].map(([k, v]) => [k, new Set(v)])),
      records: [...box.records]
    }
    const found: Array<Issue.DomainIssue> = []
    for (let i = 0; i < ballots.length; i++) checkOne(box, state, work, ballots[i]!, [i], found)
    if (found.length > 0) return fail(found)
    return Result.succeed(seal({ ...box, records: Object.freeze(work.records) }, {
      ...state,
      current: work.current,
      last: work.last,
      millis: work.millis,
      proxies: work.proxies,
      latest: work.millis.reduce((a, b) => (b > a ? b : a), state.latest)
    }))
  } catch (cause) {
    return fail([unreadable([], cause)])
  }
}

/**
 * Casts one ballot; a later ballot of the same voter replaces their current one (both stay on
 * record). Refused ballots leave the box unchanged.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 * import { Instant } from "@gongzhi/core"
 *
 * const late = Ballots.cast(Ballots.example(), {
 *   voter: "o-1", choice: "yes", at: Instant.makeUnsafe("2024-11-01T09:00:00+08:00"), channel: "online", recordedBy: "系统"
 * })
 * if (late._tag === "Failure") console.log(late.failure.issues[0]!.code) // "DELIB_BALLOT_LATE"
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const cast = (box: Box, ballot: Ballot): Result.Result<Box, ValidationReport.ValidationReport> =>
  Result.mapError(
    castAll(box, [ballot]),
    (report) =>
      ValidationReport.make(
        report.issues.map((issue) => (issue.path[0] === 0 ? { ...issue, path: issue.path.slice(1) } : issue))
      )
  )

/**
 * Closes the box at an instant; no ballot is taken after.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 * import { Instant } from "@gongzhi/core"
 *
 * const closed = Ballots.close(Ballots.example(), Instant.makeUnsafe("2024-10-31T18:00:00+08:00"))
 * if (closed._tag === "Success") console.log(closed.success.closedAt) // "2024-10-31T18:00:00+08:00"
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const close = (box: Box, at: Instant.Instant): Result.Result<Box, ValidationReport.ValidationReport> => {
  try {
    if (box.closedAt !== undefined) {
      return fail([messages.make("DELIB_BALLOT_CLOSED", { params: { closedAt: box.closedAt } })])
    }
    const state = stateOf(box)
    const ms = millisOf(at)
    if (ms === undefined) {
      return fail([invalidInput(["at"], "instant")])
    }
    if (ms < state.latest) {
      return fail([messages.make("DELIB_BALLOT_BEFORE_PREVIOUS", {
        path: ["at"],
        params: { voter: "-", at, previous: box.records[box.records.length - 1]?.at ?? box.opensAt }
      })])
    }
    return Result.succeed(seal({ ...box, closedAt: at }, state))
  } catch (cause) {
    return fail([unreadable([], cause)])
  }
}

/**
 * The current ballot of each voter who has voted, in electorate order.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * console.log(Ballots.current(Ballots.example()).length) // 0
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const current = (box: Box): ReadonlyArray<Ballot> => safely([], () => currentOf(box))

const currentOf = (box: Box): ReadonlyArray<Ballot> => {
  const state = stateOf(box)
  const out: Array<Ballot> = []
  for (let i = 0; i < state.last.length; i++) if (state.last[i]! >= 0) out.push(box.records[state.last[i]!]!)
  return out
}

/**
 * The headers a ballot sheet may use for each field (the first present wins).
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * console.log(Ballots.rowHeaders.choice) // ["表决意见", "意见", "表决"]
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const rowHeaders = {
  voter: ["表决权人编号", "业主编号", "党员编号", "编号"],
  choice: ["表决意见", "意见", "表决"],
  at: ["表决时间", "时间"],
  channel: ["表决方式", "方式", "渠道"],
  recordedBy: ["登记人", "记录人"],
  proxy: ["受托人", "代理人"],
  authorisation: ["委托书", "委托书编号"],
  rowId: ["序号"]
} as const

const choiceWords: ReadonlyMap<string, Choice> = new Map([
  ["同意", "yes"],
  ["赞成", "yes"],
  ["反对", "no"],
  ["不同意", "no"],
  ["弃权", "abstain"],
  ["废票", "spoiled"],
  ["无效", "spoiled"]
])
const channelWords: ReadonlyMap<string, Channel> = new Map([
  ["纸质", "paper"],
  ["纸质票", "paper"],
  ["线上", "online"],
  ["网上", "online"],
  ["微信", "online"],
  ["入户", "door-to-door"],
  ["会场", "meeting"],
  ["现场", "meeting"],
  ["书面意见", "written-opinion"]
])

const cellOf = (row: object, headers: ReadonlyArray<string>): { header: string; value: string } | undefined => {
  for (const header of headers) {
    if (!Object.prototype.hasOwnProperty.call(row, header)) continue
    const raw = (row as { readonly [k: string]: unknown })[header]
    const value = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : ""
    if (value !== "") return { header, value }
  }
  return undefined
}

const localTime = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/

/**
 * Reads ballots from a sheet with Chinese headers (see {@link rowHeaders}): 意见 同意 / 赞成,
 * 反对 / 不同意, 弃权, 废票 / 无效; 方式 纸质, 线上, 入户, 会场, 书面意见; 表决时间 as ISO-8601 with
 * an offset, or "YYYY-MM-DD HH:mm" in China time (+08:00). Every problem at once, each with its
 * row id (序号, else the spreadsheet line: index + 2). The ballots keep the rows' order, so the
 * issues of {@link castAll} point at the same rows.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * const read = Ballots.fromRows([
 *   { 序号: "1", 业主编号: "o-1", 意见: "同意", 表决时间: "2024-10-20 10:00", 方式: "入户", 登记人: "网格员" },
 *   { 序号: "2", 业主编号: "o-2", 意见: "同意", 表决时间: "2024-10-20 11:00", 方式: "入户", 登记人: "网格员", 受托人: "曾环", 委托书: "W-17" }
 * ])
 * if (read._tag === "Success") console.log(read.success[1]!.at, read.success[1]!.proxy?.name) // "2024-10-20T11:00:00+08:00" "曾环"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const fromRows = (
  rows: ReadonlyArray<unknown>
): Result.Result<ReadonlyArray<Ballot>, ValidationReport.ValidationReport> => {
  try {
    if (!Array.isArray(rows)) {
      return fail([invalidInput(["rows"], "rowList")])
    }
    const found: Array<Issue.DomainIssue> = []
    const out: Array<Ballot> = []
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]
      if (typeof row !== "object" || row === null) {
        found.push(
          invalidInput(["rows", i], "row")
        )
        continue
      }
      const rowId = cellOf(row, rowHeaders.rowId)?.value ?? String(i + 2)
      const before = found.length
      const need = (headers: ReadonlyArray<string>) => {
        const c = cellOf(row, headers)
        if (c === undefined) {
          found.push(
            messages.make("DELIB_ROW_MISSING", {
              path: ["rows", i, headers[0]!],
              params: { row: rowId, column: headers[0]! }
            })
          )
        }
        return c
      }
      const word = <A>(c: { header: string; value: string } | undefined, words: ReadonlyMap<string, A>) => {
        if (c === undefined) return undefined
        const v = words.get(c.value)
        if (v === undefined) {
          found.push(messages.make("DELIB_ROW_VALUE_INVALID", {
            path: ["rows", i, c.header],
            params: { row: rowId, column: c.header, value: c.value, allowed: [...words.keys()].join("、") }
          }))
        }
        return v
      }
      const voter = need(rowHeaders.voter)
      const choice = word(need(rowHeaders.choice), choiceWords)
      const channel = word(need(rowHeaders.channel), channelWords)
      const recordedBy = need(rowHeaders.recordedBy)
      const atCell = need(rowHeaders.at)
      let at: string | undefined
      if (atCell !== undefined) {
        const local = localTime.exec(atCell.value)
        const text = local === null ? atCell.value : `${local[1]}T${local[2]}${local[3] ?? ":00"}+08:00`
        if (Result.isSuccess(Instant.make(text))) at = text
        else {
          found.push(messages.make("DELIB_ROW_VALUE_INVALID", {
            path: ["rows", i, atCell.header],
            params: { row: rowId, column: atCell.header, value: atCell.value, allowed: "YYYY-MM-DD HH:mm" }
          }))
        }
      }
      const proxy = cellOf(row, rowHeaders.proxy)
      const authorisation = cellOf(row, rowHeaders.authorisation)
      if (found.length > before) continue
      out.push(Object.freeze({
        voter: voter!.value,
        choice: choice!,
        at: at as Instant.Instant,
        channel: channel!,
        recordedBy: recordedBy!.value,
        ...(proxy === undefined
          ? {}
          : { proxy: Object.freeze({ name: proxy.value, authorisation: authorisation?.value ?? "" }) })
      }))
    }
    return found.length > 0 ? fail(found) : Result.succeed(Object.freeze(out))
  } catch (cause) {
    return fail([unreadable(["rows"], cause)])
  }
}

/**
 * A small open box for examples: the {@link Electorate.example} owners, the 民法典 Art. 278
 * ordinary rule, open through October 2024.
 *
 * @example
 * ```ts
 * import { Ballots } from "@gongzhi/deliberation"
 *
 * console.log(Ballots.example().rule.id) // "civil-code-278-ordinary"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const example = (): Box => {
  const box = open({
    matter: "example-matter",
    rule: rules.ownersOrdinary,
    electorate: Electorate.example(),
    opensAt: "2024-10-01T00:00:00+08:00" as Instant.Instant,
    closesAt: "2024-10-31T18:00:00+08:00" as Instant.Instant
  })
  return ValidationReport.getOrThrow(box)
}
