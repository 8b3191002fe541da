/**
 * Input adapter: co-building agreement fulfilment (共驻共建协议履约) per grand committee — the
 * commitments due and fulfilled in the period and the joint meetings held — turned into
 * assessment values (fulfilment rate, meetings). It declares its own row schema and does not
 * import `@gongzhi/co-building-agreement`.
 *
 * @since 0.1.0
 */
import { Issue, ValidationReport } from "@gongzhi/core"
import type * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { messages } from "../Messages.js"

/**
 * One agreement's fulfilment over the period, for the grand committee (`subjectId`) that signed it.
 *
 * @example
 * ```ts
 * import type { AgreementFulfilment } from "@gongzhi/assessment-scoring"
 *
 * const row: AgreementFulfilment.Row = { subjectId: "gc-01", agreementId: "ag-01", commitmentsDue: 10, commitmentsFulfilled: 9, meetingsHeld: 12 }
 * console.log(row.commitmentsFulfilled / row.commitmentsDue)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  readonly subjectId: string
  readonly agreementId: string
  readonly commitmentsDue: number
  readonly commitmentsFulfilled: number
  readonly meetingsHeld: number
}

/** Rates are given to four decimal places (e.g. 0.8187), so explanations stay readable. */
const round4 = (x: number): number => Math.round(x * 10000) / 10000

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * Schema of {@link Row}: counts are non-negative integers and no more commitments are
 * fulfilled than are due (`ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL`).
 *
 * @example
 * ```ts
 * import { AgreementFulfilment } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(AgreementFulfilment.Row)({ subjectId: "gc", agreementId: "a", commitmentsDue: 2, commitmentsFulfilled: 3, meetingsHeld: 1 })) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Row: Schema.Codec<Row> = Schema.Struct({
  subjectId: Schema.NonEmptyString,
  agreementId: Schema.NonEmptyString,
  commitmentsDue: Count,
  commitmentsFulfilled: Count,
  meetingsHeld: Count
}).check(Issue.refine((row: Row) =>
  row.commitmentsFulfilled > row.commitmentsDue
    ? [messages.make("ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL", {
      path: ["commitmentsFulfilled"],
      params: { part: "commitmentsFulfilled", actual: row.commitmentsFulfilled, total: row.commitmentsDue }
    })]
    : []
)).annotate({ identifier: "AgreementFulfilmentRow" })

/**
 * Decodes unknown rows, reporting every problem.
 *
 * @example
 * ```ts
 * import { AgreementFulfilment } from "@gongzhi/assessment-scoring"
 *
 * const bad = AgreementFulfilment.decode([{ subjectId: "gc", agreementId: "a", commitmentsDue: 2, commitmentsFulfilled: 3, meetingsHeld: 1 }])
 * if (bad._tag === "Failure") console.log(bad.failure.issues[0]?.code) // "ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL"
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const decode: (input: unknown) => Result.Result<ReadonlyArray<Row>, ValidationReport.ValidationReport> =
  ValidationReport.decodeUnknown(Schema.Array(Row))

/**
 * Which plan input each figure goes to.
 *
 * @example
 * ```ts
 * import type { AgreementFulfilment } from "@gongzhi/assessment-scoring"
 *
 * const keys: AgreementFulfilment.Keys = { fulfilmentRate: "co-building", meetings: "joint-meetings" }
 * console.log(keys.fulfilmentRate)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Keys {
  readonly fulfilmentRate?: string
  readonly meetings?: string
}

/**
 * Turns rows into values per grand committee: the fulfilment rate over all its agreements
 * (Σ fulfilled / Σ due, 1 when nothing was due) and the joint meetings held (the most held
 * under any one agreement, since a joint meeting brings all member units together).
 *
 * @example
 * ```ts
 * import { AgreementFulfilment } from "@gongzhi/assessment-scoring"
 *
 * const values = AgreementFulfilment.toValues([
 *   { subjectId: "gc-01", agreementId: "a1", commitmentsDue: 6, commitmentsFulfilled: 6, meetingsHeld: 12 },
 *   { subjectId: "gc-01", agreementId: "a2", commitmentsDue: 4, commitmentsFulfilled: 2, meetingsHeld: 11 }
 * ], { fulfilmentRate: "co-building", meetings: "joint-meetings" })
 * console.log(values.get("gc-01")) // { "co-building": 0.8, "joint-meetings": 12 }
 * ```
 *
 * @category adapters
 * @since 0.1.0
 */
export const toValues = (
  rows: ReadonlyArray<Row>,
  keys: Keys
): ReadonlyMap<string, Readonly<Record<string, number>>> => {
  const sums = new Map<string, { due: number; done: number; meetings: number }>()
  for (const row of rows) {
    const s = sums.get(row.subjectId) ?? { due: 0, done: 0, meetings: 0 }
    sums.set(row.subjectId, {
      due: s.due + row.commitmentsDue,
      done: s.done + row.commitmentsFulfilled,
      meetings: Math.max(s.meetings, row.meetingsHeld)
    })
  }
  const out = new Map<string, Readonly<Record<string, number>>>()
  for (const [id, s] of sums) {
    const values: Record<string, number> = {}
    if (keys.fulfilmentRate !== undefined) values[keys.fulfilmentRate] = round4(s.due === 0 ? 1 : s.done / s.due)
    if (keys.meetings !== undefined) values[keys.meetings] = s.meetings
    out.set(id, values)
  }
  return out
}
