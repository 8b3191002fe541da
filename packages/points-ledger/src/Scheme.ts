/**
 * The points scheme (积分制 / 爱心银行 规则): a low-code document that says which activities earn
 * points and how many (per event or per hour, with rounding and an hour cap), who may earn,
 * the caps per day / month / year, how many approvers an activity needs, when points expire
 * and how often a member may redeem.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, Issue, Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { DistinctArray, IdString } from "./internal/fields.js"
import { messages } from "./Messages.js"

const PositiveInt = Schema.Int.check(Schema.isGreaterThan(0))

/**
 * Who holds an account: a resident (居民), a party member (党员) or an in-service member
 * (在职党员, reporting to the community where they live).
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Scheme.Role)("inServiceMember")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Role = Schema.Literals(["resident", "partyMember", "inServiceMember"]).annotate({
  identifier: "Role",
  description: "resident (居民), partyMember (党员) or inServiceMember (在职党员)"
})

/**
 * The type of {@link Role}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const role: Scheme.Role = "partyMember"
 * console.log(role)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Role = typeof Role.Type

const Roles = DistinctArray(Role, { zh: "身份", en: "role" }).check(Schema.isMinLength(1))

/**
 * The zh and en names of each role.
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 *
 * console.log(Scheme.roleLabels.inServiceMember.zh) // "在职党员"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const roleLabels: { readonly [R in Role]: Label.Label } = {
  resident: { zh: "居民", en: "resident" },
  partyMember: { zh: "党员", en: "party member" },
  inServiceMember: { zh: "在职党员", en: "in-service member" }
}

/**
 * How an hours-based credit is rounded to whole points: down (floor), up (ceiling) or to
 * the nearest point (halves up).
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Scheme.Rounding)("down")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rounding = Schema.Literals(["down", "up", "nearest"])

/**
 * The type of {@link Rounding}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const rounding: Scheme.Rounding = "nearest"
 * console.log(rounding)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Rounding = typeof Rounding.Type

/**
 * How an activity earns: a fixed number of points per event, or points per hours of actual
 * service (minutes are integers; `minutesPerUnit: 60, pointsPerUnit: 1` is 海林's
 * "1 hour = 1 point", `minutesPerUnit: 120` is 黄岩's "2 hours = 1 point"), with an optional
 * cap of credited minutes per event (海林: 120).
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * const hailin: Scheme.EarningRule = { _tag: "PerHour", minutesPerUnit: 60, pointsPerUnit: 1, rounding: "down", maxMinutesPerEvent: 120 }
 * console.log(Schema.is(Scheme.EarningRule)(hailin)) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const EarningRule = Schema.Union([
  Schema.TaggedStruct("PerEvent", { points: PositiveInt }),
  Schema.TaggedStruct("PerHour", {
    minutesPerUnit: PositiveInt,
    pointsPerUnit: PositiveInt,
    rounding: Rounding,
    maxMinutesPerEvent: Schema.optionalKey(PositiveInt)
  })
]).annotate({ identifier: "EarningRule" })

/**
 * The type of {@link EarningRule}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const rule: Scheme.EarningRule = { _tag: "PerEvent", points: 10 }
 * console.log(rule.points)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type EarningRule = typeof EarningRule.Type

/**
 * How many approvers an earning needs: none (automatic), one, or two.
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Scheme.Approval)("two")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Approval = Schema.Literals(["automatic", "one", "two"])

/**
 * The type of {@link Approval}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const approval: Scheme.Approval = "one"
 * console.log(approval)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Approval = typeof Approval.Type

/**
 * One activity that earns points (cleaning, volunteer service, security patrol, fire duty,
 * mediation…), with its own roles and approval when they differ from the scheme's.
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * const cleaning: Scheme.Activity = {
 *   id: "cleaning",
 *   label: { zh: "环境卫生清扫", en: "cleaning" },
 *   rule: { _tag: "PerEvent", points: 10 }
 * }
 * console.log(Schema.is(Scheme.Activity)(cleaning)) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Activity = Schema.Struct({
  id: IdString({ zh: "活动编号", en: "activity id" }),
  label: Label.Label,
  rule: EarningRule,
  roles: Schema.optionalKey(Roles),
  approval: Schema.optionalKey(Approval)
}).annotate({ identifier: "Activity" })

/**
 * The type of {@link Activity}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const patrol: Scheme.Activity = { id: "patrol", label: { zh: "治安巡逻", en: "security patrol" }, rule: { _tag: "PerEvent", points: 10 } }
 * console.log(patrol.id)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Activity = typeof Activity.Type

/**
 * When earned points expire: never (郑州金昌: points roll over), a number of days after
 * earning, or at the end of the year they were earned in (年底清零).
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Scheme.Expiry)({ _tag: "AfterDays", days: 365 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Expiry = Schema.Union([
  Schema.TaggedStruct("Never", {}),
  Schema.TaggedStruct("AfterDays", { days: PositiveInt }),
  Schema.TaggedStruct("YearEnd", {})
]).annotate({ identifier: "Expiry" })

/**
 * The type of {@link Expiry}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const expiry: Scheme.Expiry = { _tag: "YearEnd" }
 * console.log(expiry._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Expiry = typeof Expiry.Type

/**
 * Caps on the points one account may earn per calendar day, month and year.
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Scheme.Caps)({ perDay: 20, perMonth: 100 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Caps = Schema.Struct({
  perDay: Schema.optionalKey(PositiveInt),
  perMonth: Schema.optionalKey(PositiveInt),
  perYear: Schema.optionalKey(PositiveInt)
}).annotate({ identifier: "Caps" })

/**
 * The type of {@link Caps}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const caps: Scheme.Caps = { perYear: 600 }
 * console.log(caps.perYear)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Caps = typeof Caps.Type

/**
 * How often one account may redeem (海林: once a quarter); holds count as redemptions
 * until they are released.
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Scheme.RedemptionLimit)({ count: 1, per: "quarter" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const RedemptionLimit = Schema.Struct({
  count: PositiveInt,
  per: Schema.Literals(["month", "quarter", "year"])
}).annotate({ identifier: "RedemptionLimit" })

/**
 * The type of {@link RedemptionLimit}.
 *
 * @example
 * ```ts
 * import type { Scheme } from "@gongzhi/points-ledger"
 *
 * const limit: Scheme.RedemptionLimit = { count: 2, per: "month" }
 * console.log(limit.per)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type RedemptionLimit = typeof RedemptionLimit.Type

const duplicateIds = (
  ids: ReadonlyArray<string>,
  path: ReadonlyArray<string>,
  what: Label.Label
): Array<Issue.DomainIssue> => {
  const seen = new Set<string>()
  const found: Array<Issue.DomainIssue> = []
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      found.push(messages.make("LEDGER_DUPLICATE_ID", {
        path: [...path, i, "id"],
        params: { id },
        labels: { what }
      }))
    }
    seen.add(id)
  })
  return found
}

const checkCaps = (caps: Caps, path: Issue.Path): Array<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  const order = [["perDay", "daily"], ["perMonth", "monthly"], ["perYear", "yearly"]] as const
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const small = caps[order[i]![0]]
      const large = caps[order[j]![0]]
      if (small !== undefined && large !== undefined && small > large) {
        found.push(messages.make("LEDGER_CAPS_INCONSISTENT", {
          path: [...path, order[i]![0]],
          params: { smaller: order[i]![1], smallerValue: small, larger: order[j]![1], largerValue: large }
        }))
      }
    }
  }
  return found
}

/**
 * The points scheme document (`kind: "points-scheme"`, `schemaVersion: 1`): decode it,
 * export its JSON Schema, or use it as a Standard Schema validator.
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 *
 * const result = Scheme.Scheme.decode({
 *   kind: "points-scheme",
 *   schemaVersion: 1,
 *   id: "demo",
 *   name: { zh: "示例积分", en: "demo points" },
 *   roles: ["resident"],
 *   approval: "automatic",
 *   activities: [
 *     { id: "a", label: { zh: "清扫", en: "cleaning" }, rule: { _tag: "PerEvent", points: 0 } },
 *     { id: "a", label: { zh: "清扫", en: "cleaning" }, rule: { _tag: "PerEvent", points: 5 } }
 *   ],
 *   caps: { perDay: 50, perMonth: 20 },
 *   expiry: { _tag: "Never" }
 * })
 * if (result._tag === "Failure") console.log(result.failure.issues.length) // 3: points 0, duplicate id, caps
 * console.log(Scheme.Scheme.jsonSchema().title) // "points scheme (积分方案)"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Scheme = Document.define({
  kind: "points-scheme",
  schemaVersion: 1,
  label: { zh: "积分方案", en: "points scheme" },
  description: "Which activities earn volunteer points, who may earn, caps, approval, expiry and redemption limits",
  fields: {
    id: IdString({ zh: "方案编号", en: "scheme id" }),
    name: Label.Label,
    roles: Roles,
    approval: Approval,
    activities: Schema.Array(Activity).check(Schema.isMinLength(1)),
    caps: Caps,
    expiry: Expiry,
    redemptionLimit: Schema.optionalKey(RedemptionLimit)
  },
  checks: [
    (scheme) => duplicateIds(scheme.activities.map((a) => a.id), ["activities"], { zh: "活动", en: "activity" }),
    (scheme) => checkCaps(scheme.caps, ["caps"])
  ]
})

/**
 * A decoded points scheme.
 *
 * @example
 * ```ts
 * import { Presets, type Scheme } from "@gongzhi/points-ledger"
 *
 * const scheme: Scheme.Scheme = Presets.pingliScheme
 * console.log(scheme.activities.map((a) => a.id))
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Scheme = Document.Type<typeof Scheme>

/**
 * Finds an activity of a scheme by id.
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 *
 * console.log(Scheme.findActivity(Presets.pingliScheme, "cleaning")?.label.zh) // "环境卫生清扫"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const findActivity = (scheme: Scheme, id: string): Activity | undefined => {
  for (const activity of scheme.activities) if (activity.id === id) return activity
  return undefined
}

/**
 * How many approvers an activity needs (its own setting, else the scheme's), as a number.
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 *
 * const activity = Scheme.findActivity(Presets.pingliScheme, "fireDuty")!
 * console.log(Scheme.approversRequired(Presets.pingliScheme, activity)) // 1
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const approversRequired = (scheme: Scheme, activity: Activity): 0 | 1 | 2 => {
  const approval = activity.approval ?? scheme.approval
  return approval === "automatic" ? 0 : approval === "one" ? 1 : 2
}

/**
 * The roles that may earn points for an activity (its own list, else the scheme's).
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 *
 * const activity = Scheme.findActivity(Presets.pingliScheme, "cleaning")!
 * console.log(Scheme.eligibleRoles(Presets.pingliScheme, activity)) // ["resident", "partyMember", "inServiceMember"]
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const eligibleRoles = (scheme: Scheme, activity: Activity): ReadonlyArray<Role> => activity.roles ?? scheme.roles

const round = (numerator: number, denominator: number, rounding: Rounding): number => {
  const q = Math.floor(numerator / denominator)
  const r = numerator - q * denominator
  if (r === 0 || rounding === "down") return q
  if (rounding === "up") return q + 1
  return 2 * r >= denominator ? q + 1 : q
}

/**
 * The points an activity earns: its per-event points, or the credited minutes (capped per
 * event) converted by its rate and rounding. Fails on an unknown activity, missing or bad
 * minutes, or a credit that rounds to zero points.
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 *
 * // 海林: 1 hour = 1 point, at most 2 hours credited per activity
 * console.log(Scheme.pointsFor(Presets.hailinScheme, "volunteerService", 150)) // Success 2
 * console.log(Scheme.pointsFor(Presets.hailinScheme, "volunteerService", 30)._tag) // "Failure"
 * ```
 *
 * @category computations
 * @since 0.1.0
 */
export const pointsFor = (
  scheme: Scheme,
  activityId: string,
  minutes?: number | undefined
): Result.Result<number, ValidationReport.ValidationReport> => {
  const activity = findActivity(scheme, activityId)
  if (activity === undefined) {
    return Result.fail(ValidationReport.of(messages.make("LEDGER_UNKNOWN_ACTIVITY", {
      path: ["activity"],
      params: { activity: activityId, known: scheme.activities.map((a) => a.id).join(", ") }
    })))
  }
  return pointsOf(activity, minutes)
}

/**
 * The points one event of an activity earns (see {@link pointsFor}, which looks the activity up).
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 *
 * const huangyan: Scheme.Activity = {
 *   id: "volunteerService",
 *   label: { zh: "志愿服务", en: "volunteer service" },
 *   rule: { _tag: "PerHour", minutesPerUnit: 120, pointsPerUnit: 1, rounding: "down" }
 * }
 * console.log(Scheme.pointsOf(huangyan, 300)) // Success 2 (黄岩: 2 hours = 1 point)
 * ```
 *
 * @category computations
 * @since 0.1.0
 */
export const pointsOf = (
  activity: Activity,
  minutes: number | undefined
): Result.Result<number, ValidationReport.ValidationReport> => {
  const rule = activity.rule
  if (rule._tag === "PerEvent") return Result.succeed(rule.points)
  if (minutes === undefined) {
    return Result.fail(ValidationReport.of(messages.make("LEDGER_HOURS_MISSING", {
      path: ["minutes"],
      params: { activity: activity.id }
    })))
  }
  if (!Number.isSafeInteger(minutes) || minutes <= 0) {
    return Result.fail(ValidationReport.of(messages.make("LEDGER_AMOUNT_NOT_POSITIVE", {
      path: ["minutes"],
      params: { actual: String(minutes) }
    })))
  }
  const credited = rule.maxMinutesPerEvent === undefined ? minutes : Math.min(minutes, rule.maxMinutesPerEvent)
  const points = round(credited * rule.pointsPerUnit, rule.minutesPerUnit, rule.rounding)
  if (points <= 0) {
    return Result.fail(ValidationReport.of(messages.make("LEDGER_AMOUNT_NOT_POSITIVE", {
      path: ["minutes"],
      params: { actual: points }
    })))
  }
  return Result.succeed(points)
}

/**
 * The last day on which points earned on a date can be spent; `"9999-12-31"` when they never expire.
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(Scheme.expiresOn(Presets.pingliScheme, CivilDate.makeUnsafe("2024-03-05"))) // "2024-12-31"
 * console.log(Scheme.expiresOn(Presets.neverExpireScheme, CivilDate.makeUnsafe("2024-03-05"))) // "9999-12-31"
 * ```
 *
 * @category computations
 * @since 0.1.0
 */
export const expiresOn = (scheme: Scheme, earnedOn: CivilDate.CivilDate): CivilDate.CivilDate => {
  const expiry = scheme.expiry
  if (expiry._tag === "Never") return never
  if (expiry._tag === "YearEnd") return `${earnedOn.slice(0, 4)}-12-31` as CivilDate.CivilDate
  const result = CivilDate.addDays(earnedOn, expiry.days)
  return Result.isSuccess(result) ? result.success : never
}

/**
 * The date used for points that never expire.
 *
 * @example
 * ```ts
 * import { Scheme } from "@gongzhi/points-ledger"
 *
 * console.log(Scheme.never) // "9999-12-31"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const never: CivilDate.CivilDate = "9999-12-31" as CivilDate.CivilDate
