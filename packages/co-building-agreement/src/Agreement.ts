/**
 * The co-building agreement (共驻共建协议书) between a grand committee (社区大党委) and a
 * member unit (驻区单位): parties and signatories, liaison persons, term, commitments by the
 * five joints, joint-meeting obligations and reporting duties. A low-code document with a
 * `kind`, a `schemaVersion` and a JSON Schema export.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, Fen, Id, Issue, type ValidationReport } from "@gongzhi/core"
import type * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as FiveJoints from "./FiveJoints.js"
import { duplicateIds, endBeforeStart, NonNegativeFen, positiveInt } from "./internal/checks.js"
import { messages } from "./Messages.js"

/**
 * Id of one commitment inside an agreement (unique within the agreement).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const id: Agreement.CommitmentId = Agreement.CommitmentId.make("funds")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const CommitmentId = Id.make("CommitmentId", { label: { zh: "承诺编号", en: "commitment id" } })

/**
 * The type of {@link CommitmentId}.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const id: Agreement.CommitmentId = Agreement.CommitmentId.make("hours")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type CommitmentId = typeof CommitmentId.Type

const Text = Schema.NonEmptyString

/**
 * A commitment of annual co-building funds (共建资金), in fen.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.Funding)({ _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: 2_000_000 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Funding = Schema.TaggedStruct("Funding", {
  id: CommitmentId,
  joint: FiveJoints.Joint,
  annualAmount: NonNegativeFen,
  purpose: Schema.optionalKey(Text)
}).annotate({ identifier: "Funding", description: "Annual co-building funds, in fen (共建资金)" })

/**
 * Volunteer hours per month, quarter or year (志愿服务时长).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.VolunteerHours)({ _tag: "VolunteerHours", id: "v", joint: "joint-civility", hours: 40, per: "quarter" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const VolunteerHours = Schema.TaggedStruct("VolunteerHours", {
  id: CommitmentId,
  joint: FiveJoints.Joint,
  hours: positiveInt({ zh: "志愿服务时长", en: "Volunteer hours" }),
  per: Schema.Literals(["month", "quarter", "year"])
}).annotate({ identifier: "VolunteerHours", description: "Volunteer hours per period (志愿服务)" })

/**
 * Opening a facility to residents: which one and how many hours a week (设施开放).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.FacilityOpening)({ _tag: "FacilityOpening", id: "f", joint: "shared-facilities", facility: "篮球场", hoursPerWeek: 10 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const FacilityOpening = Schema.TaggedStruct("FacilityOpening", {
  id: CommitmentId,
  joint: FiveJoints.Joint,
  facility: Text,
  hoursPerWeek: positiveInt({ zh: "每周开放时长", en: "Opening hours a week" }).check(
    Schema.isLessThanOrEqualTo(168)
  )
}).annotate({ identifier: "FacilityOpening", description: "A facility opened to residents (设施开放)" })

/**
 * A service delivered a number of times a year (e.g. a legal clinic, a health check).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.Service)({ _tag: "Service", id: "s", joint: "joint-study", description: "党课", timesPerYear: 4 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Service = Schema.TaggedStruct("Service", {
  id: CommitmentId,
  joint: FiveJoints.Joint,
  description: Text,
  timesPerYear: positiveInt({ zh: "每年服务次数", en: "Times a year" })
}).annotate({ identifier: "Service", description: "A service delivered a number of times a year" })

/**
 * A named project the unit undertakes, with a budget and an optional due date.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.NamedProject)({ _tag: "Project", id: "p", joint: "joint-safety", name: "消防泵更换", budget: 70_000_000 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const NamedProject = Schema.TaggedStruct("Project", {
  id: CommitmentId,
  joint: FiveJoints.Joint,
  name: Text,
  budget: NonNegativeFen,
  due: Schema.optionalKey(CivilDate.CivilDate)
}).annotate({ identifier: "NamedProject", description: "A named project with a budget" })

/**
 * Schema of a commitment: funds, volunteer hours, facility opening, a service or a project,
 * each tagged with one of the five joints.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.Commitment)({ _tag: "Service", id: "s", joint: "joint-study", description: "党课", timesPerYear: 4 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Commitment = Schema.Union([Funding, VolunteerHours, FacilityOpening, Service, NamedProject]).annotate({
  identifier: "Commitment"
})

/**
 * One commitment of an agreement.
 *
 * @example
 * ```ts
 * import type { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const tags: ReadonlyArray<Agreement.Commitment["_tag"]> = ["Funding", "Project"]
 * console.log(tags)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Commitment = typeof Commitment.Type

/**
 * How often a report is due.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * console.log(Agreement.reportingFrequencyLabels.quarterly.zh) // "每季度"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const reportingFrequencyLabels = {
  monthly: { zh: "每月", en: "monthly" },
  quarterly: { zh: "每季度", en: "quarterly" },
  "half-yearly": { zh: "每半年", en: "half-yearly" },
  yearly: { zh: "每年", en: "yearly" }
} as const

/**
 * Labels of the bodies an agreement reports to, by role: the street working committee (街道党工委,
 * written 街道工委, 城关街道党工委, 街道大工委 …), the community's grand committee (社区大党委), the
 * organisation department (组织部) and the unit's supervising department (主管部门).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * console.log(Agreement.recipientLabels["street-working-committee"].zh) // 街道党工委
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const recipientLabels = {
  "street-working-committee": { zh: "街道党工委", en: "street working committee" },
  "grand-committee": { zh: "社区大党委", en: "grand committee" },
  "organisation-department": { zh: "党委组织部", en: "organisation department" },
  "supervising-department": { zh: "主管部门", en: "supervising department" }
} as const

/**
 * The role of a body a report goes to.
 *
 * @example
 * ```ts
 * import type { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const to: Agreement.Recipient = "street-working-committee"
 * console.log(to) // street-working-committee
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Recipient = keyof typeof recipientLabels

/**
 * Schema of {@link Recipient}.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.Recipient)("grand-committee")) // true
 * ```
 *
 * @category schemas
 * @since 0.2.0
 */
export const Recipient: Schema.Codec<Recipient> = Schema.Literals([
  "street-working-committee",
  "grand-committee",
  "organisation-department",
  "supervising-department"
])

/**
 * The role named by the text of a reporting duty's `to`, or `undefined` when the text names none
 * of the known bodies: `街道工委`, `城关街道党工委`, `街道大工委` and `党工委` are the street working
 * committee; `社区大党委`, `社区党委` the grand committee; `区委组织部` the organisation department;
 * `主管部门` the supervising department. Spaces and full-width forms are ignored.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * console.log(Agreement.recipientOf("城关街道党工委"), Agreement.recipientOf("街道工委")) // street-working-committee street-working-committee
 * console.log(Agreement.recipientOf("物业公司")) // undefined
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const recipientOf = (text: string): Recipient | undefined => {
  if (typeof text !== "string") return undefined
  const t = text.normalize("NFKC").replace(/\s+/g, "")
  if (/党工委|街道.{0,8}(工委|大工委)|street[- ]?working[- ]?committee/i.test(t)) return "street-working-committee"
  if (/社区.{0,8}党委|大党委|grand[- ]?committee/i.test(t)) return "grand-committee"
  if (/组织部|organi[sz]ation[- ]?department/i.test(t)) return "organisation-department"
  if (/主管(部门|单位)|supervising[- ]?department/i.test(t)) return "supervising-department"
  return undefined
}

/**
 * The role a reporting duty goes to: its `recipient` when given, else the role its `to` text
 * names ({@link recipientOf}).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * console.log(Agreement.recipientOfDuty({ frequency: "quarterly", to: "城关街道党工委", form: "written" })) // street-working-committee
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const recipientOfDuty = (duty: Reporting): Recipient | undefined => duty.recipient ?? recipientOf(duty.to)

/**
 * Schema of a reporting duty, e.g. a quarterly written report to the street. `to` is the body as
 * written; `recipient` (optional) says its role, which the template check compares (else the role
 * is read from `to`).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Agreement.Reporting)({ frequency: "quarterly", to: "街道工委", form: "written" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Reporting = Schema.Struct({
  frequency: Schema.Literals(["monthly", "quarterly", "half-yearly", "yearly"]),
  to: Text,
  recipient: Schema.optionalKey(Recipient),
  form: Schema.Literals(["written", "oral"])
}).annotate({ identifier: "Reporting" })

/**
 * A reporting duty.
 *
 * @example
 * ```ts
 * import type { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const duty: Agreement.Reporting = { frequency: "quarterly", to: "街道工委", form: "written" }
 * console.log(duty.to)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Reporting = typeof Reporting.Type

const Count = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 366 }))

/**
 * Schema of the joint-meeting obligation: how many joint meetings (联席会议) a year, at least
 * and at most (名泉 1–2, 綦江 12, 玉门 4).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { ValidationReport } from "@gongzhi/core"
 *
 * const result = ValidationReport.decodeUnknown(Agreement.MeetingObligation)({ minPerYear: 3, maxPerYear: 2 })
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "AGREEMENT_RANGE_INVALID"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const MeetingObligation = Schema.Struct({ minPerYear: Count, maxPerYear: Count }).check(Issue.refine(
  (m: { readonly minPerYear: number; readonly maxPerYear: number }) =>
    m.minPerYear > m.maxPerYear
      ? [
        messages.make("AGREEMENT_RANGE_INVALID", {
          path: ["maxPerYear"],
          params: { min: m.minPerYear, max: m.maxPerYear }
        })
      ]
      : []
)).annotate({ identifier: "MeetingObligation" })

/**
 * The joint-meeting obligation.
 *
 * @example
 * ```ts
 * import type { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const mingquan: Agreement.MeetingObligation = { minPerYear: 1, maxPerYear: 2 }
 * console.log(mingquan.minPerYear)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type MeetingObligation = typeof MeetingObligation.Type

/**
 * Schema of a term: the first and last day the agreement is in force (both included).
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 * import { ValidationReport } from "@gongzhi/core"
 *
 * const result = ValidationReport.decodeUnknown(Agreement.Term)({ start: "2024-12-31", end: "2024-01-01" })
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "AGREEMENT_END_BEFORE_START"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Term = Schema.Struct({ start: CivilDate.CivilDate, end: CivilDate.CivilDate }).check(Issue.refine(
  (t: { readonly start: CivilDate.CivilDate; readonly end: CivilDate.CivilDate }) =>
    endBeforeStart(t.start, t.end, ["end"])
)).annotate({ identifier: "Term" })

/**
 * A term: first and last day in force.
 *
 * @example
 * ```ts
 * import type { Agreement } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const term: Agreement.Term = { start: CivilDate.makeUnsafe("2024-01-01"), end: CivilDate.makeUnsafe("2026-12-31") }
 * console.log(term.end)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Term = typeof Term.Type

const Liaison = Schema.Struct({ name: Text, phone: Schema.optionalKey(Text) }).annotate({ identifier: "Liaison" })

/**
 * The agreement document (`kind: "co-building-agreement"`, `schemaVersion: 1`): decode it
 * from JSON with every problem reported, export its JSON Schema, or validate with Standard
 * Schema.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const result = Agreement.document.decode({
 *   kind: "co-building-agreement", schemaVersion: 1, id: "mq-01",
 *   grandCommittee: { id: "mingquan", name: "名泉社区大党委" },
 *   memberUnit: { id: "bank", name: "某银行支行" },
 *   liaisons: { committee: { name: "王书记" }, unit: { name: "李行长" } },
 *   term: { start: "2024-12-31", end: "2024-01-01" },
 *   commitments: [{ _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: -100 }],
 *   meetings: { minPerYear: 1, maxPerYear: 2 },
 *   reporting: []
 * })
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.code))
 * // ["AGREEMENT_END_BEFORE_START", "AGREEMENT_AMOUNT_NEGATIVE"]
 * console.log(Agreement.document.jsonSchema().title) // "co-building agreement (共驻共建协议书)"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "co-building-agreement",
  schemaVersion: 1,
  label: { zh: "共驻共建协议书", en: "co-building agreement" },
  description: "An agreement between a community grand party committee and a member unit (共驻共建协议书)",
  fields: {
    id: Id.AgreementId,
    grandCommittee: Schema.Struct({ id: Id.OrgUnitId, name: Text, signatory: Schema.optionalKey(Text) }),
    memberUnit: Schema.Struct({ id: Id.UnitId, name: Text, signatory: Schema.optionalKey(Text) }),
    liaisons: Schema.Struct({ committee: Liaison, unit: Liaison }),
    term: Term,
    commitments: Schema.Array(Commitment),
    meetings: MeetingObligation,
    reporting: Schema.Array(Reporting),
    template: Schema.optionalKey(Text)
  },
  checks: [
    (doc) => duplicateIds(doc.commitments, (c) => c.id, ["commitments"]),
    (doc) =>
      (doc.grandCommittee.id as string) === (doc.memberUnit.id as string)
        ? [messages.make("AGREEMENT_SAME_PARTY", { path: ["memberUnit", "id"], params: { id: doc.memberUnit.id } })]
        : [],
    (doc) =>
      doc.commitments.flatMap((c, index) =>
        c._tag === "Project" && c.due !== undefined && (c.due < doc.term.start || c.due > doc.term.end)
          ? [messages.make("AGREEMENT_OUTSIDE_TERM", {
            path: ["commitments", index, "due"],
            params: { date: c.due, start: doc.term.start, end: doc.term.end }
          })]
          : []
      )
  ]
})

/**
 * A co-building agreement (共驻共建协议书).
 *
 * @example
 * ```ts
 * import type { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const kind: Agreement.Agreement["kind"] = "co-building-agreement"
 * console.log(kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Agreement = Document.Type<typeof document>

/**
 * Decodes an agreement from unknown input (parsed JSON or YAML), reporting every problem.
 *
 * @example
 * ```ts
 * import { Agreement } from "@gongzhi/co-building-agreement"
 *
 * const result = Agreement.decode({ kind: "co-building-agreement", schemaVersion: 1 })
 * console.log(result._tag) // "Failure"
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode: (input: unknown) => Result.Result<Agreement, ValidationReport.ValidationReport> = document.decode

/**
 * The annual co-building funds an agreement commits to (the sum of its funding commitments).
 *
 * @example
 * ```ts
 * import { Presets, Agreement } from "@gongzhi/co-building-agreement"
 * import { Fen } from "@gongzhi/core"
 *
 * const scenario = Presets.mingquanScenario({ year: 2024 })
 * const total = scenario.agreements.reduce((sum, a) => sum + Agreement.annualFunding(a), 0)
 * console.log(Fen.formatWan(Fen.makeUnsafe(total))) // "30万元"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const annualFunding = (agreement: Agreement): Fen.Fen => {
  let total = 0
  for (const c of agreement.commitments) if (c._tag === "Funding") total += c.annualAmount
  return total as Fen.Fen
}

/**
 * The joints an agreement has commitments in, each once, in the order of `FiveJoints.all`.
 *
 * @example
 * ```ts
 * import { Presets, Agreement } from "@gongzhi/co-building-agreement"
 *
 * const [first] = Presets.mingquanScenario({ year: 2024 }).agreements
 * console.log(Agreement.joints(first!).length) // 5
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const joints = (agreement: Agreement): ReadonlyArray<FiveJoints.Joint> => {
  const present = new Set(agreement.commitments.map((c) => c.joint))
  return FiveJoints.all.filter((joint) => present.has(joint))
}

/**
 * Whether an agreement's term covers a date.
 *
 * @example
 * ```ts
 * import { Presets, Agreement } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const [first] = Presets.mingquanScenario({ year: 2024 }).agreements
 * console.log(Agreement.inTerm(first!, CivilDate.makeUnsafe("2024-06-30"))) // true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const inTerm = (agreement: Agreement, date: CivilDate.CivilDate): boolean =>
  agreement.term.start <= date && date <= agreement.term.end
