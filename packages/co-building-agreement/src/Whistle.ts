/**
 * Whistle and report (吹哨报到): the community blows a whistle — a problem beyond the street's
 * power, a joint enforcement, an emergency — calling units and departments; each reports its
 * arrival and its completion; the response-time targets per urgency are a policy document
 * (平谷, 2017: on site within 30 minutes, stay until done). Units that report without being
 * called (主动报到) are recorded as such.
 *
 * @since 0.1.0
 */
import { Document, Id, Instant, Issue, Label, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { duplicateIds, fail1, failWith, idText, positiveInt } from "./internal/checks.js"
import { messages } from "./Messages.js"

/**
 * The urgencies of a whistle, least first, with their names.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Whistle.urgencyLabels.emergency.zh) // "紧急"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const urgencyLabels = {
  routine: { zh: "一般", en: "routine" },
  urgent: { zh: "较急", en: "urgent" },
  emergency: { zh: "紧急", en: "emergency" }
} as const

/**
 * An urgency of a whistle.
 *
 * @example
 * ```ts
 * import type { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const urgency: Whistle.Urgency = "urgent"
 * console.log(urgency)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Urgency = keyof typeof urgencyLabels

const Urgency = Schema.Literals(["routine", "urgent", "emergency"])

/**
 * The categories of a whistle, with their names.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Whistle.categoryLabels["beyond-street-power"].zh) // "街道无权处置的问题"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const categoryLabels = {
  "beyond-street-power": { zh: "街道无权处置的问题", en: "a problem beyond the street's power" },
  "joint-enforcement": { zh: "联合执法", en: "joint enforcement" },
  emergency: { zh: "突发事件", en: "emergency" }
} as const

const Target = Schema.Struct({
  urgency: Urgency,
  arriveWithinMinutes: positiveInt({ zh: "到场时限（分钟）", en: "Minutes to arrive" }),
  completeWithinHours: Schema.optionalKey(positiveInt({ zh: "办结时限（小时）", en: "Hours to complete" })),
  stayUntilDone: Schema.Boolean
}).annotate({ identifier: "ResponseTarget" })

/**
 * The response policy document (`kind: "whistle-response-policy"`, `schemaVersion: 1`): one
 * target per urgency.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const result = Whistle.policyDocument.decode({
 *   kind: "whistle-response-policy", schemaVersion: 1, id: "x", name: { zh: "甲", en: "x" },
 *   targets: [{ urgency: "routine", arriveWithinMinutes: 60, stayUntilDone: true }]
 * })
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.code))
 * // ["AGREEMENT_POLICY_URGENCY_MISSING", "AGREEMENT_POLICY_URGENCY_MISSING"]
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const policyDocument = Document.define({
  kind: "whistle-response-policy",
  schemaVersion: 1,
  label: { zh: "吹哨报到响应规范", en: "whistle response policy" },
  description: "Response-time targets per urgency for whistle-and-report (吹哨报到)",
  fields: {
    id: idText({ zh: "规范编号", en: "policy id" }),
    name: Label.Label,
    targets: Schema.Array(Target)
  },
  checks: [
    (doc) => duplicateIds(doc.targets, (t) => t.urgency, ["targets"], ["urgency"]),
    (doc) =>
      (Object.keys(urgencyLabels) as Array<Urgency>).filter((u) => !doc.targets.some((t) => t.urgency === u)).map((u) =>
        messages.make("AGREEMENT_POLICY_URGENCY_MISSING", {
          path: ["targets"],
          params: { urgency: u },
          labels: { urgency: urgencyLabels[u] }
        })
      )
  ]
})

/**
 * A whistle response policy.
 *
 * @example
 * ```ts
 * import { Presets, type Whistle } from "@gongzhi/co-building-agreement"
 *
 * const policy: Whistle.Policy = Presets.pingguWhistlePolicy
 * console.log(policy.targets[0]?.arriveWithinMinutes) // 30
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Policy = Document.Type<typeof policyDocument>

/**
 * Id of a whistle.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const id: Whistle.WhistleId = Whistle.WhistleId.make("qijiang-2024-07-fire")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const WhistleId = Id.make("WhistleId", { label: { zh: "哨令编号", en: "whistle id" } })

/**
 * The type of {@link WhistleId}.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const id: Whistle.WhistleId = Whistle.WhistleId.make("w-1")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type WhistleId = typeof WhistleId.Type

const Party = Schema.Struct({
  kind: Schema.Literals(["unit", "department"]),
  id: idText({ zh: "单位或部门编号", en: "unit or department id" }),
  name: Schema.optionalKey(Schema.String)
})

/**
 * Schema of a whistle as it is blown: category, urgency, when, what, and who is called.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Whistle.Call)({
 *   id: "w-1", grandCommittee: "gc", category: "emergency", urgency: "emergency",
 *   blownAt: "2024-07-01T21:00:00+08:00", description: "暴雨积水", called: [{ kind: "department", id: "fire" }]
 * })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Call = Schema.Struct({
  id: WhistleId,
  grandCommittee: Id.OrgUnitId,
  category: Schema.Literals(["beyond-street-power", "joint-enforcement", "emergency"]),
  urgency: Urgency,
  blownAt: Instant.Instant,
  description: Schema.NonEmptyString,
  called: Schema.Array(Party).check(Schema.isMinLength(1))
}).check(
  Issue.refine((c: { readonly called: ReadonlyArray<{ readonly id: string }> }) =>
    duplicateIds(c.called, (p) => p.id, ["called"])
  )
).annotate({ identifier: "WhistleCall" })

/**
 * A whistle as blown.
 *
 * @example
 * ```ts
 * import type { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Whistle.Call> = ["id", "urgency", "blownAt", "called"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Call = typeof Call.Type

/**
 * One party's report (报到): called or proactive, when it arrived and when it was done.
 *
 * @example
 * ```ts
 * import type { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Whistle.Response> = ["party", "kind", "called", "arrivedAt", "completedAt"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Response {
  readonly party: string
  readonly kind: "unit" | "department"
  /** False for a party that reported without being called (主动报到). */
  readonly called: boolean
  readonly arrivedAt?: Instant.Instant
  readonly completedAt?: Instant.Instant
}

/**
 * A whistle with its responses, in the order the parties were called (proactive ones after).
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const whistle: Whistle.Whistle = Whistle.example()
 * console.log(whistle.responses.every((r) => r.called)) // true
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Whistle extends Call {
  readonly responses: ReadonlyArray<Response>
  readonly closedAt?: Instant.Instant
}

const decodeCall = ValidationReport.decodeUnknown(Call)

/**
 * Blows a whistle: the call is checked (every problem at once) and each called party gets a
 * pending response.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const result = Whistle.blow({ id: "w-1", grandCommittee: "gc", category: "fire", urgency: "now", blownAt: "21:00", description: "", called: [] })
 * if (result._tag === "Failure") console.log(result.failure.issues.length >= 5) // true
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const blow = (input: unknown): Result.Result<Whistle, ValidationReport.ValidationReport> =>
  Result.map(decodeCall(input), (call) => ({
    ...call,
    responses: call.called.map((p) => ({ party: p.id, kind: p.kind, called: true }))
  }))

const ms = Instant.toEpochMillis

const timeChecks = (whistle: Whistle, at: Instant.Instant): Array<Issue.DomainIssue> => {
  if (whistle.closedAt !== undefined) {
    return [
      messages.make("AGREEMENT_WHISTLE_CLOSED", {
        path: ["at"],
        params: { whistle: whistle.id, closedAt: whistle.closedAt }
      })
    ]
  }
  return ms(at) < ms(whistle.blownAt)
    ? [messages.make("AGREEMENT_WHISTLE_BEFORE_BLOWN", { path: ["at"], params: { at, blownAt: whistle.blownAt } })]
    : []
}

/**
 * What a party reports: who it is and when.
 *
 * @example
 * ```ts
 * import type { Whistle } from "@gongzhi/co-building-agreement"
 * import { Instant } from "@gongzhi/core"
 *
 * const report: Whistle.Report = { party: "fire", at: Instant.makeUnsafe("2024-07-01T21:20:00+08:00") }
 * console.log(report.party)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Report {
  readonly party: string
  readonly at: Instant.Instant
  /** For a party that was not called: a unit (default) or a department. */
  readonly kind?: "unit" | "department"
}

/**
 * A party reports its arrival on site (报到). A party that was not called is added as a
 * proactive report (主动报到).
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 * import { Instant } from "@gongzhi/core"
 *
 * const result = Whistle.reportArrival(Whistle.example(), { party: "school", at: Instant.makeUnsafe("2024-07-01T21:10:00+08:00") })
 * if (result._tag === "Success") console.log(result.success.responses.find((r) => r.party === "school")?.called) // false
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const reportArrival: {
  (report: Report): (whistle: Whistle) => Result.Result<Whistle, ValidationReport.ValidationReport>
  (whistle: Whistle, report: Report): Result.Result<Whistle, ValidationReport.ValidationReport>
} = dual(2, (whistle: Whistle, report: Report): Result.Result<Whistle, ValidationReport.ValidationReport> => {
  const found = timeChecks(whistle, report.at)
  const index = whistle.responses.findIndex((r) => r.party === report.party)
  const existing = whistle.responses[index]
  if (existing?.arrivedAt !== undefined) {
    found.push(messages.make("AGREEMENT_WHISTLE_ALREADY_REPORTED", {
      path: ["party"],
      params: { party: report.party, whistle: whistle.id, what: "arrival" },
      labels: { what: { zh: "报到", en: "arrival" } }
    }))
  }
  if (found.length > 0) return failWith(found)
  const responses = existing === undefined
    ? [...whistle.responses, { party: report.party, kind: report.kind ?? "unit", called: false, arrivedAt: report.at }]
    : whistle.responses.map((r, i) => (i === index ? { ...r, arrivedAt: report.at } : r))
  return Result.succeed({ ...whistle, responses })
})

/**
 * A party that has arrived reports its part done (办结).
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 * import { Instant } from "@gongzhi/core"
 *
 * const result = Whistle.reportCompletion(Whistle.example(), { party: "fire", at: Instant.makeUnsafe("2024-07-01T23:00:00+08:00") })
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "AGREEMENT_WHISTLE_NOT_ARRIVED"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const reportCompletion: {
  (report: Report): (whistle: Whistle) => Result.Result<Whistle, ValidationReport.ValidationReport>
  (whistle: Whistle, report: Report): Result.Result<Whistle, ValidationReport.ValidationReport>
} = dual(2, (whistle: Whistle, report: Report): Result.Result<Whistle, ValidationReport.ValidationReport> => {
  const found = timeChecks(whistle, report.at)
  const index = whistle.responses.findIndex((r) => r.party === report.party)
  const existing = whistle.responses[index]
  if (existing?.arrivedAt === undefined) {
    found.push(messages.make("AGREEMENT_WHISTLE_NOT_ARRIVED", { path: ["party"], params: { party: report.party } }))
  } else if (existing.completedAt !== undefined) {
    found.push(messages.make("AGREEMENT_WHISTLE_ALREADY_REPORTED", {
      path: ["party"],
      params: { party: report.party, whistle: whistle.id, what: "completion" },
      labels: { what: { zh: "报告办结", en: "completion" } }
    }))
  } else if (ms(report.at) < ms(existing.arrivedAt)) {
    found.push(messages.make("AGREEMENT_DATE_BEFORE_PREVIOUS", {
      path: ["at"],
      params: { date: report.at, previous: existing.arrivedAt }
    }))
  }
  if (found.length > 0) return failWith(found)
  return Result.succeed({
    ...whistle,
    responses: whistle.responses.map((r, i) => (i === index ? { ...r, completedAt: report.at } : r))
  })
})

/**
 * Closes a whistle when the matter is done; no report is accepted after.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 * import { Instant } from "@gongzhi/core"
 *
 * const closed = Whistle.close(Whistle.example(), Instant.makeUnsafe("2024-07-02T01:00:00+08:00"))
 * if (closed._tag === "Success") console.log(closed.success.closedAt) // "2024-07-02T01:00:00+08:00"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const close: {
  (at: Instant.Instant): (whistle: Whistle) => Result.Result<Whistle, ValidationReport.ValidationReport>
  (whistle: Whistle, at: Instant.Instant): Result.Result<Whistle, ValidationReport.ValidationReport>
} = dual(2, (whistle: Whistle, at: Instant.Instant): Result.Result<Whistle, ValidationReport.ValidationReport> => {
  const found = timeChecks(whistle, at)
  return found.length > 0 ? failWith(found) : Result.succeed({ ...whistle, closedAt: at })
})

/**
 * How one party answered a whistle, judged by the policy's target for its urgency.
 *
 * @example
 * ```ts
 * import type { Whistle } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Whistle.Verdict> = ["party", "called", "onTime", "minutesToArrive", "stayedUntilDone"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Verdict {
  readonly party: string
  readonly kind: "unit" | "department"
  readonly called: boolean
  readonly arrived: boolean
  /** Whole minutes from the whistle to arrival (rounded up). */
  readonly minutesToArrive?: number
  /** Arrived within the target. */
  readonly onTime: boolean
  /** Reported completion (the policy asks parties to stay until done). */
  readonly stayedUntilDone: boolean
  /** Completed within the target hours, when the policy sets one. */
  readonly completedOnTime?: boolean
}

/**
 * Judges every response of a whistle by the policy: minutes to arrive, on time or not,
 * stayed until done, proactive or called. Fails when the policy has no target for the
 * whistle's urgency.
 *
 * @example
 * ```ts
 * import { Presets, Whistle } from "@gongzhi/co-building-agreement"
 * import { Instant } from "@gongzhi/core"
 * import { pipe, Result } from "effect"
 *
 * const verdicts = pipe(
 *   Whistle.reportArrival(Whistle.example(), { party: "fire", at: Instant.makeUnsafe("2024-07-01T21:25:00+08:00") }),
 *   Result.flatMap((w) => Whistle.evaluate(w, Presets.pingguWhistlePolicy))
 * )
 * if (verdicts._tag === "Success") console.log(verdicts.success[0]?.onTime, verdicts.success[0]?.minutesToArrive) // true 25
 * ```
 *
 * @category scoring
 * @since 0.1.0
 */
export const evaluate: {
  (policy: Policy): (whistle: Whistle) => Result.Result<ReadonlyArray<Verdict>, ValidationReport.ValidationReport>
  (whistle: Whistle, policy: Policy): Result.Result<ReadonlyArray<Verdict>, ValidationReport.ValidationReport>
} = dual(
  2,
  (whistle: Whistle, policy: Policy): Result.Result<ReadonlyArray<Verdict>, ValidationReport.ValidationReport> => {
    const target = policy.targets.find((t) => t.urgency === whistle.urgency)
    if (target === undefined) {
      return fail1(messages.make("AGREEMENT_POLICY_URGENCY_MISSING", {
        path: ["urgency"],
        params: { urgency: whistle.urgency },
        labels: { urgency: urgencyLabels[whistle.urgency] }
      }))
    }
    const blown = ms(whistle.blownAt)
    return Result.succeed(whistle.responses.map((r): Verdict => {
      const minutes = r.arrivedAt === undefined ? undefined : Math.ceil((ms(r.arrivedAt) - blown) / 60_000)
      const done = r.completedAt !== undefined
      return {
        party: r.party,
        kind: r.kind,
        called: r.called,
        arrived: r.arrivedAt !== undefined,
        ...(minutes === undefined ? {} : { minutesToArrive: minutes }),
        onTime: minutes !== undefined && minutes <= target.arriveWithinMinutes,
        stayedUntilDone: done,
        ...(target.completeWithinHours === undefined ? {} : {
          completedOnTime: r.completedAt !== undefined &&
            ms(r.completedAt) - blown <= target.completeWithinHours * 3_600_000
        })
      }
    }))
  }
)

/**
 * A 綦江 whistle for the examples: a night flood, blown at 21:00, calling the fire brigade and
 * the property company.
 *
 * @example
 * ```ts
 * import { Whistle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Whistle.example().called.length) // 2
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const example = (): Whistle =>
  ValidationReport.getOrThrow(blow({
    id: "qijiang-2024-07-01-flood",
    grandCommittee: "qijiang-community",
    category: "emergency",
    urgency: "emergency",
    blownAt: "2024-07-01T21:00:00+08:00",
    description: "暴雨致小区地下车库进水",
    called: [{ kind: "department", id: "fire", name: "消防救援站" }, { kind: "unit", id: "property", name: "物业公司" }]
  }))
