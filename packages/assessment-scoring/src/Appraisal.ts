/**
 * Written appraisals of in-service members (书面鉴定, 红安): the community writes an appraisal
 * of each in-service member's work and sends it to the member's unit as a basis of the unit's
 * annual assessment. An appraisal is an output document addressed to the unit, carrying the
 * plan, period and inputs hash of the assessment it comes from.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, type Issue, Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as Assessment from "./Assessment.js"
import { append } from "./internal/append.js"
import { messages } from "./Messages.js"

/**
 * The appraisal document (`kind: "in-service-member-appraisal"`, `schemaVersion: 1`).
 *
 * @example
 * ```ts
 * import { Appraisal } from "@gongzhi/assessment-scoring"
 *
 * console.log(Appraisal.document.jsonSchema().$id) // "urn:gongzhi:schema:in-service-member-appraisal:v1"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "in-service-member-appraisal",
  schemaVersion: 1,
  label: { zh: "在职党员到社区报到鉴定", en: "appraisal of an in-service member" },
  description: "A community's written appraisal of an in-service member, addressed to the member's unit",
  fields: {
    id: Schema.NonEmptyString,
    planId: Schema.NonEmptyString,
    planVersion: Schema.NonEmptyString,
    inputsHash: Schema.NonEmptyString,
    period: Schema.optionalKey(Schema.String),
    issuedOn: CivilDate.CivilDate,
    community: Schema.Struct({ id: Schema.NonEmptyString, name: Schema.NonEmptyString }),
    to: Schema.Struct({ unitId: Schema.NonEmptyString, supervisorId: Schema.optionalKey(Schema.NonEmptyString) }),
    member: Schema.Struct({ id: Schema.NonEmptyString, name: Schema.optionalKey(Schema.String) }),
    total: Schema.Finite,
    maxTotal: Schema.Finite,
    grade: Schema.optionalKey(Schema.Struct({ id: Schema.NonEmptyString, label: Label.Label })),
    lines: Schema.Array(Label.Label),
    text: Label.Label
  }
})

/**
 * An appraisal.
 *
 * @example
 * ```ts
 * import type { Appraisal } from "@gongzhi/assessment-scoring"
 *
 * const keys: ReadonlyArray<keyof Appraisal.Appraisal> = ["to", "member", "text"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Appraisal = Document.Type<typeof document>

/**
 * Who writes the appraisals and when; `unitAttribute` / `supervisorAttribute` name the subject
 * attributes holding the unit and supervisor ids (default `unitId`, `supervisorId`).
 *
 * @example
 * ```ts
 * import type { Appraisal } from "@gongzhi/assessment-scoring"
 *
 * const options: Appraisal.Options = { community: { id: "hongan-chengguan", name: "城关社区" }, issuedOn: "2025-01-10" }
 * console.log(options.community.name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly community: { readonly id: string; readonly name: string }
  readonly issuedOn: string
  readonly unitAttribute?: string
  readonly supervisorAttribute?: string
}

const lineOf = (node: { readonly label: Label.Label; readonly points: number; readonly max: number }): Label.Label => ({
  zh: `${node.label.zh}：${node.points}/${node.max} 分`,
  en: `${node.label.en}: ${node.points} of ${node.max}`
})

/**
 * Writes the appraisal of one subject of an assessment, addressed to the subject's unit;
 * fails with `ASSESS_APPRAISAL_SUBJECT_UNKNOWN` or `ASSESS_APPRAISAL_UNIT_MISSING`, or with
 * the issues of a bad `issuedOn` date.
 *
 * @example
 * ```ts
 * import { Appraisal, Assessment, Inputs, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const inputs = Inputs.make("hongan-in-service-appraisal", [{
 *   id: "ism-0001", name: "刘洋", attributes: { unitId: "county-finance-bureau" },
 *   values: { reports: 2, "service-hours": 56, "love-bank-points": 64, wishes: 1, community: { points: 18, justification: "疫情期间值守卡点" } }
 * }], "2024")
 * const result = Result.getOrThrow(Assessment.score(Presets.honganInServiceAppraisal, inputs))
 * const appraisal = Result.getOrThrow(Appraisal.make(result, "ism-0001", {
 *   community: { id: "chengguan", name: "城关镇城东社区" }, issuedOn: "2025-01-10"
 * }))
 * console.log(appraisal.to.unitId, appraisal.grade?.label.zh) // "county-finance-bureau 优秀"
 * console.log(appraisal.text.zh)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  assessment: Assessment.Assessment,
  subjectId: string,
  options: Options,
  path: Issue.Path = []
): Result.Result<Appraisal, ValidationReport.ValidationReport> => {
  const found: Array<Issue.DomainIssue> = []
  const date = CivilDate.make(options.issuedOn)
  if (Result.isFailure(date)) {
    found.push(...date.failure.issues.map((i) => ({ ...i, path: [...path, "issuedOn", ...i.path] })))
  }
  const subject = assessment.subjects.find((s) => s.id === subjectId)
  if (subject === undefined) {
    found.push(messages.make("ASSESS_APPRAISAL_SUBJECT_UNKNOWN", { path, params: { id: subjectId } }))
    return Result.fail(ValidationReport.make(found))
  }
  const unitAttribute = options.unitAttribute ?? "unitId"
  const unit = subject.attributes[unitAttribute]
  if (unit === undefined || String(unit) === "") {
    found.push(
      messages.make("ASSESS_APPRAISAL_UNIT_MISSING", { path, params: { id: subjectId, attribute: unitAttribute } })
    )
  }
  if (found.length > 0 || Result.isFailure(date) || unit === undefined) return Result.fail(ValidationReport.make(found))
  const supervisor = subject.attributes[options.supervisorAttribute ?? "supervisorId"]
  const name = subject.name ?? subject.id
  const grade = subject.grade
  const vetoes = subject.vetoes
  const gradeZh = grade?.label.zh ?? "不评定等次"
  const gradeEn = grade?.label.en ?? "not graded"
  const text: Label.Label = {
    zh:
      `${name}同志${
        assessment.period === undefined ? "" : `${assessment.period}年度`
      }到${options.community.name}报到服务，` +
      `按《${assessment.planName.zh}》考核得 ${subject.total} 分（满分 ${subject.maxTotal} 分），鉴定等次为${gradeZh}。` +
      (vetoes.length > 0 ? `存在以下情形：${vetoes.map((v) => `${v.label.zh}（${v.reason.zh}）`).join("；")}。` : "") +
      `特此反馈所在单位，作为年度考核的依据。`,
    en:
      `${name} reported to ${options.community.name}${
        assessment.period === undefined ? "" : ` in ${assessment.period}`
      } and scored ` +
      `${subject.total} of ${subject.maxTotal} under "${assessment.planName.en}"; the appraisal grade is ${gradeEn}. ` +
      (vetoes.length > 0 ? `Noted: ${vetoes.map((v) => `${v.label.en} (${v.reason.en})`).join("; ")}. ` : "") +
      `Sent to the member's unit as a basis of its annual assessment.`
  }
  return Result.succeed({
    kind: "in-service-member-appraisal",
    schemaVersion: 1,
    id: `${assessment.planId}/${assessment.period ?? "-"}/${subject.id}`,
    planId: assessment.planId,
    planVersion: assessment.planVersion,
    inputsHash: assessment.inputsHash,
    ...(assessment.period === undefined ? {} : { period: assessment.period }),
    issuedOn: date.success,
    community: options.community,
    to: { unitId: String(unit), ...(supervisor === undefined ? {} : { supervisorId: String(supervisor) }) },
    member: { id: subject.id, ...(subject.name === undefined ? {} : { name: subject.name }) },
    total: subject.total,
    maxTotal: subject.maxTotal,
    ...(grade === undefined ? {} : { grade }),
    lines: subject.explanation.tree.map(lineOf),
    text
  })
}

/**
 * Writes the appraisals of every subject of an assessment, reporting every subject without a
 * unit at once (paths `["subjects", i]`).
 *
 * @example
 * ```ts
 * import { Appraisal, Assessment, Inputs, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const inputs = Inputs.make("hongan-in-service-appraisal", [{
 *   id: "ism-0002", values: { reports: 0, "service-hours": 10, "love-bank-points": 12, community: { points: 8, justification: "未参加活动" } }
 * }])
 * const result = Result.getOrThrow(Assessment.score(Presets.honganInServiceAppraisal, inputs))
 * const all = Appraisal.makeAll(result, { community: { id: "c", name: "城东社区" }, issuedOn: "2025-01-10" })
 * if (all._tag === "Failure") console.log(all.failure.issues[0]?.code) // "ASSESS_APPRAISAL_UNIT_MISSING"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeAll = (
  assessment: Assessment.Assessment,
  options: Options
): Result.Result<ReadonlyArray<Appraisal>, ValidationReport.ValidationReport> => {
  const out: Array<Appraisal> = []
  const found: Array<Issue.DomainIssue> = []
  assessment.subjects.forEach((s, i) => {
    const r = make(assessment, s.id, options, ["subjects", i])
    if (Result.isSuccess(r)) out.push(r.success)
    else append(found, r.failure.issues)
  })
  return found.length > 0 ? Result.fail(ValidationReport.make(found)) : Result.succeed(out)
}
