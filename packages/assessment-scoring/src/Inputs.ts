/**
 * The inputs of an assessment run (考核数据): for each subject its values per indicator,
 * bonus and deduction occurrences, vetoes with their reasons, peer group, attributes (unit,
 * supervisor, status …) and last period's rank. Values are checked against the plan when
 * scoring (missing, wrong type, out of range → all issues at once).
 *
 * @since 0.1.0
 */
import { Document, Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { ItemId, SubjectId } from "./internal/ids.js"
import { messages } from "./Messages.js"

/**
 * A subject attribute value.
 *
 * @example
 * ```ts
 * import type { Inputs } from "@gongzhi/assessment-scoring"
 *
 * const value: Inputs.AttributeValue = "probationary"
 * console.log(value)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type AttributeValue = string | number | boolean

/**
 * A veto applied to a subject by the input, with the recorded reason.
 *
 * @example
 * ```ts
 * import type { Inputs } from "@gongzhi/assessment-scoring"
 *
 * const veto: Inputs.VetoInput = { id: "duty-failure", reason: { zh: "连续三次无故缺席联席会议", en: "missed three joint meetings without reason" } }
 * console.log(veto.id)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface VetoInput {
  readonly id: string
  readonly reason: Label.Label
}

/**
 * One subject's inputs.
 *
 * @example
 * ```ts
 * import type { Inputs } from "@gongzhi/assessment-scoring"
 *
 * const subject: Inputs.Subject = {
 *   id: "m-001", name: "张三", attributes: { status: "full" },
 *   values: { peers: [{ by: "m-002", value: 95 }], committee: { points: 90, justification: "带头认领微心愿" } }
 * }
 * console.log(subject.id)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Subject {
  readonly id: string
  readonly name?: string
  readonly group?: string
  readonly attributes?: Readonly<Record<string, AttributeValue>>
  readonly values: Readonly<Record<string, unknown>>
  readonly bonus?: Readonly<Record<string, number>>
  readonly deductions?: Readonly<Record<string, number>>
  readonly vetoes?: ReadonlyArray<VetoInput>
  readonly previousRank?: number
}

/**
 * Schema of {@link Subject}; values are checked against the plan when scoring.
 *
 * @example
 * ```ts
 * import { Inputs } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Inputs.Subject)({ id: "m-1", values: {} })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Subject: Schema.Codec<Subject> = Schema.Struct({
  id: SubjectId,
  name: Schema.optionalKey(Schema.String),
  group: Schema.optionalKey(Schema.String),
  attributes: Schema.optionalKey(
    Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Finite, Schema.Boolean]))
  ),
  values: Schema.Record(Schema.String, Schema.Unknown),
  bonus: Schema.optionalKey(Schema.Record(Schema.String, Schema.Number)),
  deductions: Schema.optionalKey(Schema.Record(Schema.String, Schema.Number)),
  vetoes: Schema.optionalKey(Schema.Array(Schema.Struct({ id: ItemId, reason: Label.Label }))),
  previousRank: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)))
}).annotate({ identifier: "AssessmentSubject" })

/**
 * The inputs document (`kind: "assessment-inputs"`, `schemaVersion: 1`): the plan it is for,
 * the period, and the subjects.
 *
 * @example
 * ```ts
 * import { Inputs } from "@gongzhi/assessment-scoring"
 *
 * const result = Inputs.document.decode({
 *   kind: "assessment-inputs", schemaVersion: 1, planId: "democratic-evaluation", period: "2024",
 *   subjects: [{ id: "m-1", values: {} }]
 * })
 * console.log(result._tag) // "Success"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "assessment-inputs",
  schemaVersion: 1,
  label: { zh: "考核数据", en: "assessment inputs" },
  description: "The values, bonus and deduction occurrences and vetoes of each subject of an assessment",
  fields: {
    planId: Schema.NonEmptyString,
    period: Schema.optionalKey(Schema.String),
    subjects: Schema.Array(Subject)
  }
})

/**
 * An inputs document.
 *
 * @example
 * ```ts
 * import type { Inputs } from "@gongzhi/assessment-scoring"
 *
 * const inputs: Inputs.Inputs = { kind: "assessment-inputs", schemaVersion: 1, planId: "p", subjects: [] }
 * console.log(inputs.subjects.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Inputs = Document.Type<typeof document>

/**
 * Makes an inputs document from a plan id and subjects (no checks: {@link document} decodes
 * unknown data, `Assessment.score` checks the values against the plan).
 *
 * @example
 * ```ts
 * import { Inputs } from "@gongzhi/assessment-scoring"
 *
 * const inputs = Inputs.make("democratic-evaluation", [{ id: "m-1", values: {} }], "2024")
 * console.log(inputs.kind, inputs.period) // "assessment-inputs 2024"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (planId: string, subjects: ReadonlyArray<Subject>, period?: string): Inputs => ({
  kind: "assessment-inputs",
  schemaVersion: 1,
  planId,
  ...(period === undefined ? {} : { period }),
  subjects
})

/**
 * Adds values (from an adapter such as `LedgerParticipation.toValues`) to the subjects of an
 * inputs document: a new document, the old one unchanged; values already present are
 * replaced. Values for a subject the inputs do not have fail with
 * `ASSESS_ADAPTER_SUBJECT_UNKNOWN` (nothing is silently dropped).
 *
 * @example
 * ```ts
 * import { Inputs } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const inputs = Inputs.make("hongan-in-service-appraisal", [{ id: "ism-1", values: { reports: 2 } }])
 * const more = Result.getOrThrow(Inputs.addValues(inputs, new Map([["ism-1", { "service-hours": 56 }]])))
 * console.log(more.subjects[0]?.values) // { reports: 2, "service-hours": 56 }
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const addValues = (
  inputs: Inputs,
  values: ReadonlyMap<string, Readonly<Record<string, unknown>>>
): Result.Result<Inputs, ValidationReport.ValidationReport> => {
  const ids = new Set(inputs.subjects.map((s) => s.id))
  const unknown = [...values.keys()].filter((id) => !ids.has(id))
  if (unknown.length > 0) {
    return Result.fail(
      ValidationReport.make(unknown.map((id) => messages.make("ASSESS_ADAPTER_SUBJECT_UNKNOWN", { params: { id } })))
    )
  }
  return Result.succeed({
    ...inputs,
    subjects: inputs.subjects.map((s) => {
      const extra = values.get(s.id)
      return extra === undefined ? s : { ...s, values: { ...s.values, ...extra } }
    })
  })
}
