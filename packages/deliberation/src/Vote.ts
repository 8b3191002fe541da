/**
 * A vote as a document (表决记录): the matter, the rule it is decided by, the electorate's
 * roster and the ballot sheet — rows with the Chinese headers a county's spreadsheets have —
 * and the voting window. {@link count} reads it into an electorate, a closed ballot box, the
 * tally and the decision; the `gongzhi` CLI's `tally` command and the county report read votes
 * this way.
 *
 * @since 0.2.0
 */
import { Document, Instant, Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Ballots from "./Ballots.js"
import * as DecisionRule from "./DecisionRule.js"
import * as Electorate from "./Electorate.js"
import { MatterId, ReasonId, VoterId } from "./internal/ids.js"
import { unreadable } from "./internal/input.js"
import * as rules from "./internal/rules.js"
import { messages } from "./Messages.js"
import * as Tally from "./Tally.js"

const Cell = Schema.Union([Schema.String, Schema.Number])
const Row = Schema.Record(Schema.String, Cell)

const fields = {
  matter: Schema.Struct({ id: MatterId, title: Schema.String }),
  rule: Schema.Union([Schema.NonEmptyString, Schema.Record(Schema.String, Schema.Unknown)]).annotate({
    description: "a shipped rule's id (e.g. civil-code-278-ordinary) or a decision rule document"
  }),
  electorate: Schema.Struct({
    kind: Schema.Literals(["owners", "members"]),
    rows: Schema.Array(Row)
  }),
  ballots: Schema.Array(Row),
  opensAt: Schema.optionalKey(Instant.Instant),
  closesAt: Schema.optionalKey(Instant.Instant),
  exclusions: Schema.optionalKey(Schema.Array(Schema.Struct({
    voter: VoterId,
    reason: ReasonId,
    approvedBy: Schema.NonEmptyString
  })))
}

/**
 * The vote document (`kind: "deliberation-vote"`, `schemaVersion: 1`).
 *
 * - `matter`: the matter's id and title;
 * - `rule`: the id of a shipped rule (`civil-code-278-ordinary`, …) or a whole decision rule
 *   document;
 * - `electorate`: `owners` or `members`, and the roster's rows as the spreadsheet has them
 *   (headers of {@link Electorate.ownerHeaders} / {@link Electorate.memberHeaders});
 * - `ballots`: the ballot sheet's rows (headers of {@link Ballots.rowHeaders});
 * - `opensAt`, `closesAt`: the voting window, by default the first and the last ballot;
 * - `exclusions`: voters left out of "those who should attend", each with its reason and approval.
 *
 * @example
 * ```ts
 * import { Vote } from "@gongzhi/deliberation"
 *
 * console.log(Vote.document.kind, Vote.document.jsonSchema().title) // "deliberation-vote" "vote record (表决记录)"
 * ```
 *
 * @category documents
 * @since 0.2.0
 */
export const document = Document.define({
  kind: "deliberation-vote",
  schemaVersion: 1,
  label: { zh: "表决记录", en: "vote record" },
  description: "A vote: the matter, its decision rule, the electorate's roster and the ballot sheet (表决记录)",
  fields
})

/**
 * A vote record.
 *
 * @example
 * ```ts
 * import type { Vote } from "@gongzhi/deliberation"
 *
 * const vote: Vote.Vote = {
 *   kind: "deliberation-vote", schemaVersion: 1,
 *   matter: { id: "wall-2024", title: "外墙维修" }, rule: "civil-code-278-ordinary",
 *   electorate: { kind: "owners", rows: [] }, ballots: []
 * }
 * console.log(vote.matter.title) // "外墙维修"
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Vote = Document.Type<typeof document>

/**
 * Decodes unknown input (parsed JSON or YAML) to a vote record, reporting every problem.
 *
 * @example
 * ```ts
 * import { Vote } from "@gongzhi/deliberation"
 *
 * console.log(Vote.decode({ kind: "deliberation-vote", schemaVersion: 1 })._tag) // "Failure"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = document.decode

/**
 * What {@link count} makes of a vote: the rule, the electorate, the closed ballot box, the
 * tally and the decision (dated the day voting closed, in China time).
 *
 * @example
 * ```ts
 * import type { Vote } from "@gongzhi/deliberation"
 *
 * const keys: ReadonlyArray<keyof Vote.Counted> = ["rule", "electorate", "box", "tally", "decision"]
 * console.log(keys.length) // 5
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Counted {
  readonly rule: DecisionRule.DecisionRule
  readonly electorate: Electorate.Electorate
  readonly box: Ballots.Box
  readonly tally: Tally.Tally
  readonly decision: Tally.Decision
}

type Path = Issue.Path

/** Moves issues of a rows reader (paths `["rows", i, …]`) under the document's field. */
const under = (prefix: Path, report: ValidationReport.ValidationReport): ReadonlyArray<Issue.DomainIssue> =>
  report.issues.map((issue) => ({
    ...issue,
    path: issue.path[0] === "rows" ? [...prefix, ...issue.path.slice(1)] : [...prefix, ...issue.path]
  }))

/** The sheet's header of each field of a ballot (the ballot's `proxy` comes from two columns). */
const fieldHeaders: ReadonlyArray<readonly [ReadonlyArray<string>, ReadonlyArray<string>]> = [
  [["voter"], Ballots.rowHeaders.voter],
  [["choice"], Ballots.rowHeaders.choice],
  [["at"], Ballots.rowHeaders.at],
  [["channel"], Ballots.rowHeaders.channel],
  [["recordedBy"], Ballots.rowHeaders.recordedBy],
  [["proxy", "authorisation"], Ballots.rowHeaders.authorisation],
  [["proxy", "name"], Ballots.rowHeaders.proxy],
  [["proxy"], Ballots.rowHeaders.proxy]
]

/**
 * Points an issue of casting (`["ballots", i, "voter"]`, a field of the ballot read from row i)
 * at the cell of the sheet it came from (`["ballots", i, "业主编号"]`): the header that row has.
 */
const atHeader = (rows: ReadonlyArray<unknown>) => (issue: Issue.DomainIssue): Issue.DomainIssue => {
  const [top, index, ...field] = issue.path
  if (top !== "ballots" || typeof index !== "number") return issue
  const row = rows[index]
  if (typeof row !== "object" || row === null) return issue
  for (const [names, headers] of fieldHeaders) {
    if (names.length > field.length || !names.every((name, k) => field[k] === name)) continue
    const header = headers.find((h) => Object.hasOwn(row, h))
    if (header === undefined) return issue
    return { ...issue, path: ["ballots", index, header, ...field.slice(names.length)] }
  }
  return issue
}

/**
 * The rule a vote is decided by: one of `given` (already decoded, used as it is) or a shipped one
 * named by its id, or the rule document decoded.
 */
const resolveRule = (
  rule: Vote["rule"],
  given: ReadonlyArray<DecisionRule.DecisionRule>,
  found: Array<Issue.DomainIssue>
): DecisionRule.DecisionRule | undefined => {
  if (typeof rule === "string") {
    const known = given.find((r) => r.id === rule) ?? rules.byId(rule)
    if (known === undefined) {
      const ids = [...new Set([...given.map((r) => r.id), ...rules.all.map((r) => r.id)])]
      found.push(messages.make("DELIB_VOTE_RULE_UNKNOWN", {
        path: ["rule"],
        params: { rule, known: ids.join(", ") }
      }))
    }
    return known
  }
  const decoded = DecisionRule.decode(rule)
  if (Result.isSuccess(decoded)) return decoded.success
  for (const issue of decoded.failure.issues) found.push(Issue.prefixPath(issue, ["rule"]))
  return undefined
}

/** The first and the last ballot's moment (the default voting window). */
const span = (
  ballots: ReadonlyArray<Ballots.Ballot>
): { first: Instant.Instant; last: Instant.Instant } | undefined => {
  if (ballots.length === 0) return undefined
  let first = ballots[0]!.at
  let last = first
  for (const ballot of ballots) {
    if (Instant.toEpochMillis(ballot.at) < Instant.toEpochMillis(first)) first = ballot.at
    if (Instant.toEpochMillis(ballot.at) > Instant.toEpochMillis(last)) last = ballot.at
  }
  return { first, last }
}

/** The civil date of an instant in China time (UTC+8), e.g. the day a vote closed. */
const chinaDate = (at: Instant.Instant): string =>
  new Date(Instant.toEpochMillis(at) + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * Counts a vote: decodes the document, resolves its rule, reads the roster and the ballot
 * sheet, opens the box for the window (by default from the first to the last ballot; give it when
 * there are no ballots or all share one moment), casts every ballot, closes the box and tallies it.
 * Every problem of every part comes back at once, with its path in the document (a roster
 * row's issue names the row's 序号). With `asOf`, counts as of that moment instead (how far
 * from passing while voting is open); the box is then left open. With `rules`, decision rules
 * already decoded (by {@link DecisionRule.decode}, say, from a county's own file), the
 * document's `rule` may name one of them by its id besides the shipped ones: it is used as it
 * is, not decoded again, and comes before a shipped rule of the same id.
 *
 * @example
 * ```ts
 * import { Presets, Vote } from "@gongzhi/deliberation"
 *
 * const counted = Vote.count({
 *   kind: "deliberation-vote", schemaVersion: 1,
 *   matter: { id: "wall-2024", title: "外墙维修" }, rule: "civil-code-278-ordinary",
 *   electorate: { kind: "owners", rows: [
 *     { 序号: 1, 房号: "101", 面积: "90", 业主: "甲", 业主编号: "o-1" },
 *     { 序号: 2, 房号: "102", 面积: "90", 业主: "乙", 业主编号: "o-2" },
 *     { 序号: 3, 房号: "201", 面积: "120", 业主: "丙", 业主编号: "o-3" }
 *   ] },
 *   ballots: [
 *     { 业主编号: "o-1", 意见: "同意", 表决时间: "2024-10-20 10:00", 方式: "入户", 登记人: "网格员" },
 *     { 业主编号: "o-3", 意见: "同意", 表决时间: "2024-10-21 10:00", 方式: "线上", 登记人: "系统" }
 *   ]
 * })
 * if (counted._tag === "Success") console.log(counted.success.tally.passed, counted.success.decision.decidedOn) // true "2024-10-21"
 * const bad = Vote.count({ kind: "deliberation-vote", schemaVersion: 1, matter: { id: "m", title: "" }, rule: "constructor", electorate: { kind: "owners", rows: [] }, ballots: [] })
 * if (bad._tag === "Failure") console.log(bad.failure.issues.map((i) => i.code)) // ["DELIB_VOTE_RULE_UNKNOWN", "DELIB_ELECTORATE_EMPTY", "DELIB_VOTE_WINDOW_REQUIRED"]
 * const own = { ...Presets.ownersOrdinary, id: "county-wall-rule" }
 * const byOwn = Vote.count({ kind: "deliberation-vote", schemaVersion: 1, matter: { id: "m", title: "" }, rule: "county-wall-rule", electorate: { kind: "owners", rows: [] }, ballots: [] }, { rules: [own] })
 * if (byOwn._tag === "Failure") console.log(byOwn.failure.issues.map((i) => i.code)) // ["DELIB_ELECTORATE_EMPTY", "DELIB_VOTE_WINDOW_REQUIRED"]
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const count = (
  input: unknown,
  options?: {
    readonly asOf?: Instant.Instant | undefined
    readonly rules?: ReadonlyArray<DecisionRule.DecisionRule> | undefined
  }
): Result.Result<Counted, ValidationReport.ValidationReport> => {
  try {
    const decoded = decode(input)
    if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
    const vote = decoded.success
    const found: Array<Issue.DomainIssue> = []
    const rule = resolveRule(vote.rule, options?.rules ?? [], found)
    const readRoster = vote.electorate.kind === "owners" ? Electorate.fromOwnerRows : Electorate.fromMemberRows
    const electorate = readRoster(vote.electorate.rows)
    if (Result.isFailure(electorate)) found.push(...under(["electorate", "rows"], electorate.failure))
    const ballots = Ballots.fromRows(vote.ballots)
    if (Result.isFailure(ballots)) found.push(...under(["ballots"], ballots.failure))
    const times = Result.isSuccess(ballots) ? span(ballots.success) : undefined
    const opensAt = vote.opensAt ?? times?.first
    const closesAt = vote.closesAt ?? times?.last
    const degenerate = vote.opensAt === undefined && vote.closesAt === undefined && times !== undefined &&
      Instant.toEpochMillis(times.first) === Instant.toEpochMillis(times.last)
    if ((opensAt === undefined || closesAt === undefined || degenerate) && Result.isSuccess(ballots)) {
      const path = [opensAt === undefined ? "opensAt" : "closesAt"]
      found.push(messages.make("DELIB_VOTE_WINDOW_REQUIRED", { path }))
    }
    if (found.length > 0 || rule === undefined || Result.isFailure(electorate) || Result.isFailure(ballots)) {
      return Result.fail(ValidationReport.make(found))
    }
    const opened = Ballots.open({
      matter: vote.matter.id,
      rule,
      electorate: electorate.success,
      opensAt: opensAt!,
      closesAt: closesAt!,
      ...(vote.exclusions === undefined ? {} : { exclusions: vote.exclusions })
    })
    if (Result.isFailure(opened)) return Result.fail(ValidationReport.make(under([], opened.failure)))
    const cast = Ballots.castAll(opened.success, ballots.success)
    if (Result.isFailure(cast)) {
      return Result.fail(ValidationReport.make(under(["ballots"], cast.failure).map(atHeader(vote.ballots))))
    }
    const box = options?.asOf === undefined ? Ballots.close(cast.success, closesAt!) : Result.succeed(cast.success)
    if (Result.isFailure(box)) return Result.fail(box.failure)
    const tally = Tally.count(box.success, options?.asOf === undefined ? undefined : { asOf: options.asOf })
    if (Result.isFailure(tally)) return Result.fail(tally.failure)
    return Result.succeed({
      rule,
      electorate: electorate.success,
      box: box.success,
      tally: tally.success,
      decision: Tally.decision(tally.success, chinaDate(options?.asOf ?? closesAt!))
    })
  } catch (cause) {
    return Result.fail(
      ValidationReport.of(unreadable([], cause))
    )
  }
}

const kindWords = { person: "个人", household: "家庭", developer: "开发商", member: "正式党员" } as const

/** The roster's rows, as {@link Electorate.fromOwnerRows} / {@link Electorate.fromMemberRows} read them. */
const rosterRows = (
  electorate: Electorate.Electorate,
  found: Array<Issue.DomainIssue>
): Array<{ readonly [header: string]: string | number }> => {
  const voters = new Map(electorate.voters.map((v) => [v.id, v]))
  if (electorate.kind === "members") {
    return electorate.voters.map((v, i) => {
      if (v.weight !== 1) found.push(messages.make("DELIB_VOTE_WEIGHT_NOT_IN_ROWS", { path: ["voters", i] }))
      return { 序号: i + 1, 党员编号: v.id, 姓名: v.name, 类别: v.hasVote ? "正式党员" : "预备党员" }
    })
  }
  return electorate.units.map((u, i) => {
    const owner = voters.get(u.owner)
    if (u.weight !== 1) found.push(messages.make("DELIB_VOTE_WEIGHT_NOT_IN_ROWS", { path: ["units", i] }))
    return {
      序号: i + 1,
      房屋编号: u.id,
      楼栋: u.building,
      面积: (u.area / 100).toFixed(2),
      业主编号: u.owner,
      业主: owner?.name ?? u.owner,
      类型: kindWords[owner?.kind ?? "person"],
      ...(u.coOwners.length === 0 ? {} : { 共有人: u.coOwners.join("、") })
    }
  })
}

/**
 * The vote record of a ballot box: the rule (by id when it is a shipped rule), the roster and
 * every ballot on record (changed ones too, in order) as rows with Chinese headers, the window
 * and the exclusions — what a host keeps or hands to the county report. {@link count} of the
 * record gives the same tally as the box. Custom weights per unit cannot be written as roster
 * rows and are refused (`DELIB_VOTE_WEIGHT_NOT_IN_ROWS`).
 *
 * @example
 * ```ts
 * import { Ballots, Vote } from "@gongzhi/deliberation"
 * import { Instant } from "@gongzhi/core"
 *
 * const at = Instant.makeUnsafe("2024-10-20T10:00:00+08:00")
 * const box = Ballots.castAll(Ballots.example(), [{ voter: "o-1", choice: "yes", at, channel: "paper", recordedBy: "业委会" }])
 * if (box._tag === "Success") {
 *   const vote = Vote.fromBox(box.success, { title: "外墙维修" })
 *   if (vote._tag === "Success") {
 *     const first = vote.success.ballots[0]!
 *     console.log(vote.success.rule, first["意见"], first["方式"]) // "civil-code-278-ordinary" "同意" "纸质票"
 *     const counted = Vote.count(vote.success)
 *     if (counted._tag === "Success") console.log(counted.success.tally.counts.yes.headcount) // 1
 *   }
 * }
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const fromBox = (
  box: Ballots.Box,
  matter: { readonly title: string }
): Result.Result<Vote, ValidationReport.ValidationReport> => {
  try {
    const found: Array<Issue.DomainIssue> = []
    const rows = rosterRows(box.electorate, found)
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    const ballots = box.records.map((b, i) => ({
      序号: i + 1,
      表决权人编号: b.voter,
      意见: Ballots.choiceLabels[b.choice].zh,
      表决时间: b.at,
      方式: Ballots.channelLabels[b.channel].zh,
      登记人: b.recordedBy,
      ...(b.proxy === undefined ? {} : { 受托人: b.proxy.name, 委托书: b.proxy.authorisation })
    }))
    return decode({
      kind: document.kind,
      schemaVersion: document.schemaVersion,
      matter: { id: box.matter, title: matter.title },
      rule: rules.byId(box.rule.id) === box.rule ? box.rule.id : box.rule,
      electorate: { kind: box.electorate.kind, rows },
      ballots,
      opensAt: box.opensAt,
      closesAt: box.closedAt ?? box.closesAt,
      ...(box.exclusions.length === 0 ? {} : { exclusions: box.exclusions })
    })
  } catch (cause) {
    return Result.fail(
      ValidationReport.of(unreadable([], cause))
    )
  }
}
