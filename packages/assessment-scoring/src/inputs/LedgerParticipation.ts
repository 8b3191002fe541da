/**
 * Input adapter: volunteer participation from a points ledger (积分制 / 爱心银行) — hours of
 * service, points earned and activities per subject over the period — turned into assessment
 * values. It declares its own row schema and does not import `@gongzhi/points-ledger`: the
 * caller maps the ledger's statement or leaderboard to these rows.
 *
 * @since 0.1.0
 */
import { ValidationReport } from "@gongzhi/core"
import type * as Result from "effect/Result"
import * as Schema from "effect/Schema"

/**
 * One subject's participation over the period: hours of actual service (travel excluded,
 * 志愿服务记录办法), points earned and number of activities.
 *
 * @example
 * ```ts
 * import type { LedgerParticipation } from "@gongzhi/assessment-scoring"
 *
 * const row: LedgerParticipation.Row = { subjectId: "ism-0001", hours: 56, points: 64, activities: 14 }
 * console.log(row.hours)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  readonly subjectId: string
  readonly hours: number
  readonly points: number
  readonly activities: number
}

/**
 * Schema of {@link Row}: hours not negative, points an integer, activities a non-negative integer.
 *
 * @example
 * ```ts
 * import { LedgerParticipation } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(LedgerParticipation.Row)({ subjectId: "a", hours: -1, points: 0, activities: 0 })) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Row: Schema.Codec<Row> = Schema.Struct({
  subjectId: Schema.NonEmptyString,
  hours: Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0)),
  points: Schema.Int,
  activities: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
}).annotate({ identifier: "LedgerParticipationRow" })

/**
 * Decodes unknown rows (e.g. parsed JSON from the ledger's export), reporting every problem.
 *
 * @example
 * ```ts
 * import { LedgerParticipation } from "@gongzhi/assessment-scoring"
 *
 * const bad = LedgerParticipation.decode([{ subjectId: "", hours: "56" }])
 * if (bad._tag === "Failure") console.log(bad.failure.issues.length >= 3) // true
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const decode: (input: unknown) => Result.Result<ReadonlyArray<Row>, ValidationReport.ValidationReport> =
  ValidationReport.decodeUnknown(Schema.Array(Row))

/**
 * Which plan input each figure goes to; figures without a key are left out.
 *
 * @example
 * ```ts
 * import type { LedgerParticipation } from "@gongzhi/assessment-scoring"
 *
 * const keys: LedgerParticipation.Keys = { hours: "service-hours", points: "love-bank-points" }
 * console.log(keys.hours)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Keys {
  readonly hours?: string
  readonly points?: string
  readonly activities?: string
}

/**
 * Turns rows into values per subject; several rows of one subject (several accounts) add up.
 *
 * @example
 * ```ts
 * import { LedgerParticipation } from "@gongzhi/assessment-scoring"
 *
 * const values = LedgerParticipation.toValues(
 *   [{ subjectId: "ism-1", hours: 30, points: 40, activities: 6 }, { subjectId: "ism-1", hours: 26, points: 24, activities: 5 }],
 *   { hours: "service-hours", points: "love-bank-points" }
 * )
 * console.log(values.get("ism-1")) // { "service-hours": 56, "love-bank-points": 64 }
 * ```
 *
 * @category adapters
 * @since 0.1.0
 */
export const toValues = (
  rows: ReadonlyArray<Row>,
  keys: Keys
): ReadonlyMap<string, Readonly<Record<string, number>>> => {
  const sums = new Map<string, { hours: number; points: number; activities: number }>()
  for (const row of rows) {
    const s = sums.get(row.subjectId) ?? { hours: 0, points: 0, activities: 0 }
    sums.set(row.subjectId, {
      hours: s.hours + row.hours,
      points: s.points + row.points,
      activities: s.activities + row.activities
    })
  }
  const out = new Map<string, Readonly<Record<string, number>>>()
  for (const [id, s] of sums) {
    const values: Record<string, number> = {}
    if (keys.hours !== undefined) values[keys.hours] = Math.round(s.hours * 100) / 100
    if (keys.points !== undefined) values[keys.points] = s.points
    if (keys.activities !== undefined) values[keys.activities] = s.activities
    out.set(id, values)
  }
  return out
}
