/**
 * The agreement template (协议范本): a county's standard clauses for co-building agreements —
 * which joints must be covered, the least annual funding, how many joint meetings a year,
 * which reports are due, the longest term — and the default values a new draft starts from.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, type Fen, type Issue, Label, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Agreement from "./Agreement.js"
import * as FiveJoints from "./FiveJoints.js"
import { duplicateIds, idText, NonNegativeFen, positiveInt } from "./internal/checks.js"
import { messages } from "./Messages.js"

const Clause = Schema.Struct({ id: idText({ zh: "条款编号", en: "clause id" }), text: Label.Label }).annotate({
  identifier: "Clause"
})

/**
 * The template document (`kind: "co-building-agreement-template"`, `schemaVersion: 1`).
 *
 * @example
 * ```ts
 * import { Template } from "@gongzhi/co-building-agreement"
 *
 * const result = Template.document.decode({ kind: "co-building-agreement-template", schemaVersion: 1 })
 * if (result._tag === "Failure") console.log(result.failure.issues.length > 0) // true
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "co-building-agreement-template",
  schemaVersion: 1,
  label: { zh: "共驻共建协议范本", en: "co-building agreement template" },
  description: "A county's standard clauses for co-building agreements (协议范本)",
  fields: {
    id: idText({ zh: "范本编号", en: "template id" }),
    name: Label.Label,
    requiredJoints: Schema.Array(FiveJoints.Joint),
    minimumAnnualFunding: NonNegativeFen,
    meetings: Agreement.MeetingObligation,
    reporting: Schema.Array(Agreement.Reporting),
    termMonths: positiveInt({ zh: "协议期限（月）", en: "Term in months" }),
    maxTermMonths: positiveInt({ zh: "最长期限（月）", en: "Longest term in months" }),
    clauses: Schema.Array(Clause)
  },
  checks: [
    (doc) => duplicateIds(doc.clauses, (c) => c.id, ["clauses"]),
    (doc) =>
      doc.termMonths > doc.maxTermMonths
        ? [messages.make("AGREEMENT_RANGE_INVALID", {
          path: ["termMonths"],
          params: { min: doc.termMonths, max: doc.maxTermMonths }
        })]
        : []
  ]
})

/**
 * An agreement template.
 *
 * @example
 * ```ts
 * import { Presets, type Template } from "@gongzhi/co-building-agreement"
 *
 * const template: Template.Template = Presets.standardTemplate
 * console.log(template.requiredJoints.length) // 5
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Template = Document.Type<typeof document>

/** Whole months a term spans, a started month counting as one (2024-01-01..2024-12-31 = 12). */
const monthsSpanned = (start: CivilDate.CivilDate, end: CivilDate.CivilDate): number => {
  const a = CivilDate.toParts(start)
  const c = CivilDate.toParts(Result.getOrElse(CivilDate.addDays(end, 1), () => end))
  return (c.year - a.year) * 12 + (c.month - a.month) + (c.day > a.day ? 1 : 0)
}

/**
 * The issues of an agreement against a template's standard clauses (empty if it conforms).
 *
 * @example
 * ```ts
 * import { Presets, Template } from "@gongzhi/co-building-agreement"
 *
 * const [first] = Presets.mingquanScenario({ year: 2024 }).agreements
 * console.log(Template.issues(first!, Presets.standardTemplate)) // []
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const issues: {
  (template: Template): (agreement: Agreement.Agreement) => ReadonlyArray<Issue.DomainIssue>
  (agreement: Agreement.Agreement, template: Template): ReadonlyArray<Issue.DomainIssue>
} = dual(2, (agreement: Agreement.Agreement, template: Template): ReadonlyArray<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  const present = new Set(agreement.commitments.map((c) => c.joint))
  for (const joint of template.requiredJoints) {
    if (!present.has(joint)) {
      found.push(messages.make("AGREEMENT_TEMPLATE_JOINT_MISSING", {
        path: ["commitments"],
        params: { joint },
        labels: { joint: FiveJoints.labels[joint] }
      }))
    }
  }
  const funding = Agreement.annualFunding(agreement)
  if (funding < template.minimumAnnualFunding) {
    found.push(messages.make("AGREEMENT_TEMPLATE_FUNDING_BELOW_MINIMUM", {
      path: ["commitments"],
      params: { actual: funding, minimum: template.minimumAnnualFunding }
    }))
  }
  const m = agreement.meetings
  if (m.minPerYear < template.meetings.minPerYear || m.maxPerYear > template.meetings.maxPerYear) {
    found.push(messages.make("AGREEMENT_TEMPLATE_MEETINGS_OUT_OF_RANGE", {
      path: ["meetings"],
      params: {
        min: m.minPerYear,
        max: m.maxPerYear,
        templateMin: template.meetings.minPerYear,
        templateMax: template.meetings.maxPerYear
      }
    }))
  }
  for (const duty of template.reporting) {
    // the same body by role (街道工委 = 城关街道党工委), else by its text as written
    const role = Agreement.recipientOfDuty(duty)
    const sameBody = (r: Agreement.Reporting) =>
      role !== undefined ? Agreement.recipientOfDuty(r) === role : normalizeBody(r.to) === normalizeBody(duty.to)
    const covered = agreement.reporting.some((r) =>
      sameBody(r) && r.form === duty.form && rankOf(r.frequency) <= rankOf(duty.frequency)
    )
    if (!covered) {
      found.push(messages.make("AGREEMENT_TEMPLATE_REPORTING_MISSING", {
        path: ["reporting"],
        params: { frequency: duty.frequency, to: duty.to },
        labels: { frequency: Agreement.reportingFrequencyLabels[duty.frequency] }
      }))
    }
  }
  const months = monthsSpanned(agreement.term.start, agreement.term.end)
  if (months > template.maxTermMonths) {
    found.push(messages.make("AGREEMENT_TEMPLATE_TERM_TOO_LONG", {
      path: ["term"],
      params: { actual: months, maximum: template.maxTermMonths }
    }))
  }
  return found
})

const frequencyRank: ReadonlyMap<string, number> = new Map([["monthly", 0], ["quarterly", 1], ["half-yearly", 2], [
  "yearly",
  3
]])
const rankOf = (frequency: string): number => frequencyRank.get(frequency) ?? Number.POSITIVE_INFINITY
const normalizeBody = (text: string): string => text.normalize("NFKC").replace(/\s+/g, "")

/**
 * Checks an agreement against a template: succeeds with the agreement, or fails with every
 * clause it breaks.
 *
 * @example
 * ```ts
 * import { Presets, Template } from "@gongzhi/co-building-agreement"
 *
 * const [first] = Presets.mingquanScenario({ year: 2024 }).agreements
 * const noFunds = { ...first!, commitments: first!.commitments.filter((c) => c._tag !== "Funding") }
 * const result = Template.conform(noFunds, Presets.standardTemplate)
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.code))
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const conform: {
  (
    template: Template
  ): (agreement: Agreement.Agreement) => Result.Result<Agreement.Agreement, ValidationReport.ValidationReport>
  (
    agreement: Agreement.Agreement,
    template: Template
  ): Result.Result<Agreement.Agreement, ValidationReport.ValidationReport>
} = dual(
  2,
  (agreement: Agreement.Agreement, template: Template) =>
    ValidationReport.toResult(ValidationReport.make(issues(agreement, template)), agreement)
)

/**
 * What a new draft needs beyond the template's defaults.
 *
 * @example
 * ```ts
 * import type { Template } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Template.DraftInput> = ["id", "start", "commitments"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface DraftInput {
  readonly id: string
  readonly grandCommittee: { readonly id: string; readonly name: string; readonly signatory?: string }
  readonly memberUnit: { readonly id: string; readonly name: string; readonly signatory?: string }
  readonly liaisons: {
    readonly committee: { readonly name: string; readonly phone?: string }
    readonly unit: { readonly name: string; readonly phone?: string }
  }
  /** First day in force; the term lasts the template's `termMonths`. */
  readonly start: string
  readonly commitments: ReadonlyArray<unknown>
}

/**
 * Drafts an agreement from a template: meetings, reporting and term come from the template;
 * the result is decoded as a document and checked against the template, with every problem
 * reported at once.
 *
 * @example
 * ```ts
 * import { Presets, Template, Agreement } from "@gongzhi/co-building-agreement"
 *
 * const result = Template.draft(Presets.standardTemplate, {
 *   id: "mq-2025-bank",
 *   grandCommittee: { id: "mingquan", name: "名泉社区大党委" },
 *   memberUnit: { id: "bank", name: "某银行支行" },
 *   liaisons: { committee: { name: "王书记" }, unit: { name: "李行长" } },
 *   start: "2025-01-01",
 *   commitments: [
 *     { _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: 2_000_000 },
 *     { _tag: "Service", id: "study", joint: "joint-study", description: "联合党课", timesPerYear: 4 },
 *     { _tag: "VolunteerHours", id: "patrol", joint: "joint-safety", hours: 20, per: "month" },
 *     { _tag: "FacilityOpening", id: "hall", joint: "shared-facilities", facility: "会议室", hoursPerWeek: 8 },
 *     { _tag: "Service", id: "civility", joint: "joint-civility", description: "文明创建", timesPerYear: 2 }
 *   ]
 * })
 * if (result._tag === "Success") console.log(result.success.term.end, Agreement.joints(result.success).length)
 * // "2025-12-31" 5
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const draft: {
  (input: DraftInput): (template: Template) => Result.Result<Agreement.Agreement, ValidationReport.ValidationReport>
  (template: Template, input: DraftInput): Result.Result<Agreement.Agreement, ValidationReport.ValidationReport>
} = dual(
  2,
  (template: Template, input: DraftInput): Result.Result<Agreement.Agreement, ValidationReport.ValidationReport> => {
    const start = CivilDate.make(input.start)
    const end = Result.flatMap(
      start,
      (s) => Result.flatMap(CivilDate.addMonths(s, template.termMonths), (after) => CivilDate.addDays(after, -1))
    )
    const decoded = Agreement.decode({
      kind: "co-building-agreement",
      schemaVersion: 1,
      id: input.id,
      grandCommittee: input.grandCommittee,
      memberUnit: input.memberUnit,
      liaisons: input.liaisons,
      term: { start: input.start, end: Result.isSuccess(end) ? end.success : input.start },
      commitments: input.commitments,
      meetings: template.meetings,
      reporting: template.reporting,
      template: template.id
    })
    return Result.flatMap(decoded, (agreement) => conform(agreement, template))
  }
)

/**
 * The template's least annual funding, as fen.
 *
 * @example
 * ```ts
 * import { Presets, Template } from "@gongzhi/co-building-agreement"
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.format(Template.minimumFunding(Presets.standardTemplate))) // "¥10,000.00"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const minimumFunding = (template: Template): Fen.Fen => template.minimumAnnualFunding

/**
 * Where a template's standard clause text is found, by id.
 *
 * @example
 * ```ts
 * import { Presets, Template } from "@gongzhi/co-building-agreement"
 *
 * console.log(Template.clause(Presets.standardTemplate, "liaison")?.zh.length! > 0) // true
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const clause = (template: Template, id: string): Label.Label | undefined =>
  template.clauses.find((c) => c.id === id)?.text
