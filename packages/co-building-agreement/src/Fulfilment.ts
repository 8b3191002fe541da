/**
 * Fulfilment (履约) of co-building for any period, per agreement, per member unit and per grand
 * committee: funds delivered against funds committed (名泉: 15 units, 300,000 yuan a year),
 * volunteer hours, facility opening hours, services, projects, reports, joint meetings
 * attended, micro-wishes claimed and delivered, whistles answered on time. The output is a
 * documented schema of plain numbers (`kind: "co-building-fulfilment"`) that the assessment
 * package reads as input, without importing this package.
 *
 * Commitments are prorated to the period exactly: rates per year, quarter or month are spread
 * over months by the share of each month's days in the period, and rounded down once per
 * commitment (a whole year or a whole month is exact); facility hours a week are spread by
 * days (÷ 7, rounded down).
 *
 * @since 0.1.0
 */
import { CivilDate, Document, Id, Instant, type Issue, Period, Redaction, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Agreement from "./Agreement.js"
import { failWith, NonNegativeFen, overlapDays, positiveInt, unreadable } from "./internal/checks.js"
import type * as JointMeeting from "./JointMeeting.js"
import { messages } from "./Messages.js"
import * as MicroWish from "./MicroWish.js"
import * as Whistle from "./Whistle.js"

const Ref = { agreement: Id.AgreementId, commitment: Agreement.CommitmentId, on: CivilDate.CivilDate }

/**
 * Schema of a delivery record: what a unit did against one commitment of its agreement, and
 * when (funds paid, volunteer hours served, facility hours opened, services given, a project
 * completed, a report submitted).
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Fulfilment.Delivery)({ _tag: "FundsDelivered", agreement: "mq-01", commitment: "funds", on: "2024-03-01", amount: 1_000_000 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Delivery = Schema.Union([
  Schema.TaggedStruct("FundsDelivered", { ...Ref, amount: NonNegativeFen }),
  Schema.TaggedStruct("HoursDelivered", { ...Ref, hours: positiveInt({ zh: "服务时长", en: "Hours served" }) }),
  Schema.TaggedStruct("FacilityOpened", { ...Ref, hours: positiveInt({ zh: "开放时长", en: "Hours open" }) }),
  Schema.TaggedStruct("ServiceDelivered", { ...Ref, times: positiveInt({ zh: "服务次数", en: "Times served" }) }),
  Schema.TaggedStruct("ProjectCompleted", Ref),
  Schema.TaggedStruct("ReportSubmitted", { agreement: Id.AgreementId, on: CivilDate.CivilDate })
]).annotate({ identifier: "Delivery" })

/**
 * A delivery record.
 *
 * @example
 * ```ts
 * import type { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const tags: ReadonlyArray<Fulfilment.Delivery["_tag"]> = ["FundsDelivered", "HoursDelivered"]
 * console.log(tags)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Delivery = typeof Delivery.Type

const deliveryFits: { readonly [T in Exclude<Delivery["_tag"], "ReportSubmitted">]: Agreement.Commitment["_tag"] } = {
  FundsDelivered: "Funding",
  HoursDelivered: "VolunteerHours",
  FacilityOpened: "FacilityOpening",
  ServiceDelivered: "Service",
  ProjectCompleted: "Project"
}

const deliveryLabels: { readonly [T in Delivery["_tag"]]: { readonly zh: string; readonly en: string } } = {
  FundsDelivered: { zh: "资金拨付", en: "funds" },
  HoursDelivered: { zh: "志愿服务", en: "volunteer hours" },
  FacilityOpened: { zh: "设施开放", en: "facility opening" },
  ServiceDelivered: { zh: "服务", en: "service" },
  ProjectCompleted: { zh: "项目完成", en: "project completion" },
  ReportSubmitted: { zh: "报告", en: "report" }
}

const readingWhat = { zh: "协议和交付记录", en: "agreements and deliveries" } as const

/**
 * The issues of delivery records against the agreements: unknown agreements or commitments,
 * and records of the wrong kind for their commitment. Paths are `[index, …]`.
 *
 * @example
 * ```ts
 * import { Fulfilment, Presets } from "@gongzhi/co-building-agreement"
 *
 * const scenario = Presets.mingquanScenario({ year: 2024 })
 * console.log(Fulfilment.validateDeliveries(scenario.agreements, scenario.deliveries)) // []
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validateDeliveries = (
  agreements: ReadonlyArray<Agreement.Agreement>,
  deliveries: ReadonlyArray<Delivery>
): ReadonlyArray<Issue.DomainIssue> => {
  try {
    const given: ReadonlyArray<unknown> = [agreements, deliveries]
    if (!given.every(Array.isArray)) {
      return [unreadable("agreementsAndDeliveries", readingWhat, "they are lists")]
    }
    return checkDeliveries(agreements, deliveries)
  } catch (cause) {
    // values JSON cannot make (a Proxy, a getter that throws) or records that were never decoded
    return [unreadable("agreementsAndDeliveries", readingWhat, cause)]
  }
}

const checkDeliveries = (
  agreements: ReadonlyArray<Agreement.Agreement>,
  deliveries: ReadonlyArray<Delivery>
): ReadonlyArray<Issue.DomainIssue> => {
  const byId = new Map<string, Agreement.Agreement>(agreements.map((a) => [a.id, a]))
  const commitments = new Map<string, Agreement.Commitment>()
  for (const a of agreements) for (const c of a.commitments) commitments.set(`${a.id}\u0000${c.id}`, c)
  const found: Array<Issue.DomainIssue> = []
  deliveries.forEach((d, index) => {
    if (!byId.has(d.agreement)) {
      found.push(messages.make("AGREEMENT_UNKNOWN_REFERENCE", {
        path: [index, "agreement"],
        params: { what: "agreement", id: d.agreement },
        labels: { what: { zh: "协议", en: "agreement" } }
      }))
      return
    }
    if (d._tag === "ReportSubmitted") return
    const c = commitments.get(`${d.agreement}\u0000${d.commitment}`)
    if (c === undefined) {
      found.push(messages.make("AGREEMENT_UNKNOWN_REFERENCE", {
        path: [index, "commitment"],
        params: { what: "commitment", id: d.commitment },
        labels: { what: { zh: "承诺", en: "commitment" } }
      }))
    } else if (!Object.hasOwn(deliveryFits, d._tag)) {
      found.push(messages.make("AGREEMENT_DELIVERY_KIND_MISMATCH", {
        path: [index, "_tag"],
        params: { delivery: String(d._tag), commitment: d.commitment, commitmentKind: c._tag },
        labels: { delivery: { zh: String(d._tag), en: String(d._tag) } }
      }))
    } else if (deliveryFits[d._tag] !== c._tag) {
      found.push(messages.make("AGREEMENT_DELIVERY_KIND_MISMATCH", {
        path: [index, "_tag"],
        params: { delivery: d._tag, commitment: d.commitment, commitmentKind: c._tag },
        labels: { delivery: deliveryLabels[d._tag] }
      }))
    }
  })
  return found
}

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

const commitmentFields = {
  fundsCommitted: Count,
  fundsDelivered: Count,
  volunteerHoursCommitted: Count,
  volunteerHoursDelivered: Count,
  facilityHoursCommitted: Count,
  facilityHoursOpened: Count,
  servicesCommitted: Count,
  servicesDelivered: Count,
  projectsCommitted: Count,
  projectsCompleted: Count,
  reportsDue: Count,
  reportsSubmitted: Count
}

const engagementFields = {
  meetingsInvited: Count,
  meetingsAttended: Count,
  wishesPublished: Count,
  wishesClaimed: Count,
  wishesDelivered: Count,
  whistlesCalled: Count,
  whistlesAnswered: Count,
  whistlesOnTime: Count,
  proactiveReports: Count
}

/**
 * Schema of the figures that come from an agreement's commitments. Money is in fen.
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * console.log(Object.keys(Fulfilment.CommitmentFigures.fields).length) // 12
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const CommitmentFigures = Schema.Struct(commitmentFields).annotate({ identifier: "CommitmentFigures" })

/**
 * The figures that come from an agreement's commitments.
 *
 * @example
 * ```ts
 * import type { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const key: keyof Fulfilment.CommitmentFigures = "fundsDelivered"
 * console.log(key)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type CommitmentFigures = typeof CommitmentFigures.Type

/**
 * Schema of all the figures of a unit (or of a sum of units): the commitment figures plus
 * meetings, micro-wishes and whistles. Every figure is a non-negative integer and adds up
 * over units.
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * console.log(Object.keys(Fulfilment.Figures.fields).length) // 22
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Figures = Schema.Struct({ agreements: Count, ...commitmentFields, ...engagementFields }).annotate({
  identifier: "Figures"
})

/**
 * All the figures of a unit or a sum of units.
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const zero: Fulfilment.Figures = Fulfilment.zero
 * console.log(zero.wishesClaimed) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Figures = typeof Figures.Type

/**
 * Schema of fulfilment rates in per mille (‰, 0–1000), each delivered ÷ committed rounded
 * down and capped at 1000; a rate with nothing committed is 1000 (nothing outstanding).
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * console.log(Object.keys(Fulfilment.Rates.fields))
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rates = Schema.Struct({
  funds: Count,
  volunteerHours: Count,
  facilityHours: Count,
  services: Count,
  projects: Count,
  reports: Count,
  meetings: Count,
  whistlesOnTime: Count
}).annotate({ identifier: "Rates" })

/**
 * Fulfilment rates in per mille.
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * console.log(Fulfilment.rates(Fulfilment.zero).funds) // 1000
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Rates = typeof Rates.Type

const CommitteeFigures = Schema.Struct({
  meetingsHeld: Count,
  meetingsRequired: Count,
  wishesPosted: Count,
  wishesFellBack: Count,
  wishesDeliveredByCommunity: Count,
  whistlesBlown: Count
}).annotate({ identifier: "CommitteeFigures" })

/**
 * The fulfilment report document (`kind: "co-building-fulfilment"`, `schemaVersion: 1`), the
 * documented input of assessment: the period; `totals` (the sum over committees); per grand
 * committee its `figures` (the sum over its units), `committee` figures (meetings held and
 * required, wishes posted / fallen back / delivered by the community, whistles blown) and
 * its `units`, each with `figures`, `rates` and per-agreement commitment figures. Ids are
 * strings; everything else is an integer (money in fen, rates in ‰).
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const schema = Fulfilment.document.jsonSchema()
 * console.log(schema.$id) // "urn:gongzhi:schema:co-building-fulfilment:v1"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "co-building-fulfilment",
  schemaVersion: 1,
  label: { zh: "共驻共建履约统计", en: "co-building fulfilment" },
  description:
    "Fulfilment of co-building per grand committee, member unit and agreement for a period; integers only (fen, hours, counts, ‰)",
  fields: {
    period: Schema.Struct({ start: CivilDate.CivilDate, end: CivilDate.CivilDate }),
    totals: Figures,
    grandCommittees: Schema.Array(Schema.Struct({
      grandCommittee: Schema.String,
      figures: Figures,
      rates: Rates,
      committee: CommitteeFigures,
      units: Schema.Array(Schema.Struct({
        unit: Schema.String,
        name: Schema.String,
        figures: Figures,
        rates: Rates,
        agreements: Schema.Array(Schema.Struct({ agreement: Schema.String, figures: CommitmentFigures }))
      }))
    }))
  }
})

/**
 * A fulfilment report.
 *
 * @example
 * ```ts
 * import type { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const kind: Fulfilment.Report["kind"] = "co-building-fulfilment"
 * console.log(kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Report = Document.Type<typeof document>

/**
 * All figures zero.
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * console.log(Fulfilment.zero.fundsCommitted) // 0
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const zero: Figures = Object.fromEntries(
  ["agreements", ...Object.keys(commitmentFields), ...Object.keys(engagementFields)].map((k) => [k, 0])
) as unknown as Figures

const figureKeys = Object.keys(zero) as Array<keyof Figures>
const commitmentKeys = Object.keys(commitmentFields) as Array<keyof CommitmentFigures>

/**
 * Adds figures field by field.
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const one = { ...Fulfilment.zero, wishesClaimed: 1 }
 * console.log(Fulfilment.add(one, one).wishesClaimed) // 2
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const add = (a: Figures, b: Figures): Figures => {
  const out: Record<string, number> = {}
  for (const k of figureKeys) out[k] = a[k] + b[k]
  return out as unknown as Figures
}

const permille = (delivered: number, committed: number): number =>
  committed <= 0 ? 1000 : Math.min(1000, Math.floor((delivered * 1000) / committed))

/**
 * The fulfilment rates (‰) of some figures.
 *
 * @example
 * ```ts
 * import { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * console.log(Fulfilment.rates({ ...Fulfilment.zero, fundsCommitted: 2_000_000, fundsDelivered: 1_500_000 }).funds) // 750
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const rates = (f: Figures): Rates => ({
  funds: permille(f.fundsDelivered, f.fundsCommitted),
  volunteerHours: permille(f.volunteerHoursDelivered, f.volunteerHoursCommitted),
  facilityHours: permille(f.facilityHoursOpened, f.facilityHoursCommitted),
  services: permille(f.servicesDelivered, f.servicesCommitted),
  projects: permille(f.projectsCompleted, f.projectsCommitted),
  reports: permille(f.reportsSubmitted, f.reportsDue),
  meetings: permille(f.meetingsAttended, f.meetingsInvited),
  whistlesOnTime: permille(f.whistlesOnTime, f.whistlesCalled)
})

// --- exact proration -------------------------------------------------------------------

/** lcm(28, 29, 30, 31): every month's share of days is a whole number of these parts. */
const MONTH_PARTS = 377_580n

/** Σ over the months of the overlap of (days covered ÷ days in month), in MONTH_PARTS units. */
const monthShare = (start: CivilDate.CivilDate, end: CivilDate.CivilDate): bigint => {
  if (end < start) return 0n
  let total = 0n
  const range = Period.range(start, end)
  if (Result.isFailure(range)) return 0n
  for (const m of Period.months(range.success)) {
    const days = overlapDays({ start: Period.start(m), end: Period.end(m) }, { start, end })
    const length = CivilDate.daysInMonth(m.year, m.month)
    total += (BigInt(days) * MONTH_PARTS) / BigInt(length)
  }
  return total
}

/** rate (per `per` months) × share, rounded down. */
const prorate = (rate: number, perMonths: number, share: bigint): number =>
  Number((BigInt(rate) * share) / (BigInt(perMonths) * MONTH_PARTS))

const reportsDueIn = (
  frequency: Agreement.Reporting["frequency"],
  start: CivilDate.CivilDate,
  end: CivilDate.CivilDate
): number => {
  if (end < start) return 0
  const every = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 }[frequency]
  const range = Period.range(start, end)
  if (Result.isFailure(range)) return 0
  let due = 0
  for (const m of Period.months(range.success)) {
    if (m.month % every !== 0) continue
    const last = Period.end(m)
    if (start <= last && last <= end) due++
  }
  return due
}

/**
 * What fulfilment is computed from. Deliveries, wishes, whistles and meetings are optional;
 * a whistle policy is needed when whistles are given.
 *
 * @example
 * ```ts
 * import type { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const input: Fulfilment.Input = { agreements: [] }
 * console.log(input.agreements.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Input {
  readonly agreements: ReadonlyArray<Agreement.Agreement>
  readonly deliveries?: ReadonlyArray<Delivery>
  readonly wishes?: ReadonlyArray<MicroWish.Wish>
  readonly whistles?: ReadonlyArray<Whistle.Whistle>
  readonly meetings?: ReadonlyArray<JointMeeting.Meeting>
  readonly whistlePolicy?: Whistle.Policy
}

const inRange = (date: CivilDate.CivilDate, start: CivilDate.CivilDate, end: CivilDate.CivilDate) =>
  start <= date && date <= end

interface UnitAcc {
  name: string
  figures: Record<keyof Figures, number>
  agreements: Array<{ agreement: string; figures: CommitmentFigures }>
}

interface CommitteeAcc {
  units: Map<string, UnitAcc>
  committee: Record<keyof typeof CommitteeFigures.fields, number>
}

/**
 * Computes fulfilment for a period, per agreement, per unit and per grand committee. Fails
 * with every problem when a delivery refers to an unknown agreement or commitment or does
 * not fit its commitment, or when a whistle's urgency has no target in the policy. The
 * totals of a committee are the sums over its units, and the report's totals the sums over
 * committees. Linear in the size of the input.
 *
 * @example
 * ```ts
 * import { Fulfilment, Presets } from "@gongzhi/co-building-agreement"
 * import { Fen, Period } from "@gongzhi/core"
 *
 * const scenario = Presets.mingquanScenario({ year: 2024 })
 * const report = Fulfilment.compute(scenario, Period.year(2024))
 * if (report._tag === "Success") {
 *   console.log(Fen.formatWan(Fen.makeUnsafe(report.success.totals.fundsCommitted))) // "30万元"
 *   console.log(report.success.grandCommittees[0]!.units.length) // 15
 * }
 * ```
 *
 * @category computations
 * @since 0.1.0
 */
export const compute = (
  input: Input,
  period: Period.Period
): Result.Result<Report, ValidationReport.ValidationReport> => {
  const start = Period.start(period)
  const end = Period.end(period)
  const deliveries = input.deliveries ?? []
  const found: Array<Issue.DomainIssue> = validateDeliveries(input.agreements, deliveries).map((i) => ({
    ...i,
    path: ["deliveries", ...i.path]
  }))
  const whistles = input.whistles ?? []
  const verdicts = new Map<Whistle.Whistle, ReadonlyArray<Whistle.Verdict>>()
  whistles.forEach((w, index) => {
    const blownOn = Instant.toCivilDate(w.blownAt)
    if (!inRange(blownOn, start, end)) return
    if (input.whistlePolicy === undefined) {
      found.push(messages.make("AGREEMENT_POLICY_URGENCY_MISSING", {
        path: ["whistlePolicy"],
        params: { urgency: w.urgency },
        labels: { urgency: Whistle.urgencyLabels[w.urgency] }
      }))
      return
    }
    const v = Whistle.evaluate(w, input.whistlePolicy)
    if (Result.isFailure(v)) {
      found.push(...v.failure.issues.map((i) => ({ ...i, path: ["whistles", index, ...i.path] })))
    } else verdicts.set(w, v.success)
  })
  if (found.length > 0) return failWith(found)

  const committees = new Map<string, CommitteeAcc>()
  const committeeOf = (id: string): CommitteeAcc => {
    let acc = committees.get(id)
    if (acc === undefined) {
      acc = {
        units: new Map(),
        committee: {
          meetingsHeld: 0,
          meetingsRequired: 0,
          wishesPosted: 0,
          wishesFellBack: 0,
          wishesDeliveredByCommunity: 0,
          whistlesBlown: 0
        }
      }
      committees.set(id, acc)
    }
    return acc
  }
  const unitOf = (committee: string, unit: string, name?: string): UnitAcc => {
    const c = committeeOf(committee)
    let acc = c.units.get(unit)
    if (acc === undefined) {
      acc = { name: name ?? unit, figures: { ...zero }, agreements: [] }
      c.units.set(unit, acc)
    } else if (name !== undefined && acc.name === unit) acc.name = name
    return acc
  }

  // commitments, per agreement
  const perAgreement = new Map<string, Record<keyof CommitmentFigures, number>>()
  const required = new Map<string, number>()
  for (const a of input.agreements) {
    const from = CivilDate.max(a.term.start, start)
    const to = CivilDate.min(a.term.end, end)
    const days = overlapDays(a.term, { start, end })
    if (days === 0) continue
    const share = monthShare(from, to)
    const f: Record<keyof CommitmentFigures, number> = Object.fromEntries(commitmentKeys.map((k) => [k, 0])) as never
    for (const c of a.commitments) {
      switch (c._tag) {
        case "Funding":
          f.fundsCommitted += prorate(c.annualAmount, 12, share)
          break
        case "VolunteerHours":
          f.volunteerHoursCommitted += prorate(c.hours, c.per === "month" ? 1 : c.per === "quarter" ? 3 : 12, share)
          break
        case "FacilityOpening":
          f.facilityHoursCommitted += Math.floor((c.hoursPerWeek * days) / 7)
          break
        case "Service":
          f.servicesCommitted += prorate(c.timesPerYear, 12, share)
          break
        case "Project":
          if (c.due === undefined ? true : inRange(c.due, start, end)) f.projectsCommitted += 1
          break
      }
    }
    for (const r of a.reporting) f.reportsDue += reportsDueIn(r.frequency, from, to)
    perAgreement.set(a.id, f)
    const unit = unitOf(a.grandCommittee.id, a.memberUnit.id, a.memberUnit.name)
    unit.figures.agreements += 1
    required.set(
      a.grandCommittee.id,
      Math.max(required.get(a.grandCommittee.id) ?? 0, prorate(a.meetings.minPerYear, 12, share))
    )
  }
  const agreementById = new Map<string, Agreement.Agreement>(input.agreements.map((a) => [a.id, a]))
  for (const d of deliveries) {
    if (!inRange(d.on, start, end)) continue
    const a = agreementById.get(d.agreement)!
    let f = perAgreement.get(d.agreement)
    if (f === undefined) {
      f = Object.fromEntries(commitmentKeys.map((k) => [k, 0])) as never
      perAgreement.set(d.agreement, f)
      unitOf(a.grandCommittee.id, a.memberUnit.id, a.memberUnit.name)
    }
    switch (d._tag) {
      case "FundsDelivered":
        f.fundsDelivered += d.amount
        break
      case "HoursDelivered":
        f.volunteerHoursDelivered += d.hours
        break
      case "FacilityOpened":
        f.facilityHoursOpened += d.hours
        break
      case "ServiceDelivered":
        f.servicesDelivered += d.times
        break
      case "ProjectCompleted":
        f.projectsCompleted += 1
        break
      case "ReportSubmitted":
        f.reportsSubmitted += 1
        break
    }
  }
  for (const a of input.agreements) {
    const f = perAgreement.get(a.id)
    if (f === undefined) continue
    const unit = unitOf(a.grandCommittee.id, a.memberUnit.id, a.memberUnit.name)
    unit.agreements.push({ agreement: a.id, figures: f })
    for (const k of commitmentKeys) unit.figures[k] += f[k]
  }

  // joint meetings
  for (const m of input.meetings ?? []) {
    if (!inRange(m.date, start, end)) continue
    committeeOf(m.grandCommittee).committee.meetingsHeld += 1
    const present = new Set(m.attendance.filter((x) => x.present).map((x) => x.unit))
    for (const u of m.invited) {
      const unit = unitOf(m.grandCommittee, u)
      unit.figures.meetingsInvited += 1
      if (present.has(u)) unit.figures.meetingsAttended += 1
    }
  }

  // micro-wishes
  for (const w of input.wishes ?? []) {
    const c = committeeOf(w.grandCommittee)
    if (inRange(w.postedOn, start, end)) {
      c.committee.wishesPosted += 1
      for (const u of w.publishedTo) unitOf(w.grandCommittee, u).figures.wishesPublished += 1
    }
    for (const e of w.history) {
      if (!inRange(e.on, start, end)) continue
      if (e._tag === "FellBack") c.committee.wishesFellBack += 1
      if (e._tag === "Delivered") {
        if (e.by === MicroWish.community) c.committee.wishesDeliveredByCommunity += 1
        else unitOf(w.grandCommittee, e.by).figures.wishesDelivered += 1
      }
    }
    // a claim counts when it stands (not withdrawn), in the period it was made
    if (w.claim !== undefined && inRange(w.claim.on, start, end)) {
      unitOf(w.grandCommittee, w.claim.unit).figures.wishesClaimed += 1
    }
  }

  // whistles
  for (const [w, vs] of verdicts) {
    committeeOf(w.grandCommittee).committee.whistlesBlown += 1
    for (const v of vs) {
      if (v.kind !== "unit") continue
      const unit = unitOf(w.grandCommittee, v.party)
      if (v.called) {
        unit.figures.whistlesCalled += 1
        if (v.arrived) unit.figures.whistlesAnswered += 1
        if (v.onTime) unit.figures.whistlesOnTime += 1
      } else if (v.arrived) unit.figures.proactiveReports += 1
    }
  }

  let totals = zero
  const grandCommittees = [...committees.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(
    ([id, acc]) => {
      let figures = zero
      const units = [...acc.units.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(
        ([unit, u]) => {
          const f = u.figures as unknown as Figures
          figures = add(figures, f)
          return { unit, name: u.name, figures: f, rates: rates(f), agreements: u.agreements }
        }
      )
      totals = add(totals, figures)
      return {
        grandCommittee: id,
        figures,
        rates: rates(figures),
        committee: { ...acc.committee, meetingsRequired: required.get(id) ?? 0 },
        units
      }
    }
  )
  return Result.succeed({
    kind: "co-building-fulfilment" as const,
    schemaVersion: 1 as const,
    period: { start, end },
    totals,
    grandCommittees
  })
}

/**
 * A cell of a public table: text already masked, or a number.
 *
 * @example
 * ```ts
 * import type { Fulfilment } from "@gongzhi/co-building-agreement"
 *
 * const cell: Fulfilment.Cell = "工商银行"
 * console.log(cell) // 工商银行
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Cell = string | number

/**
 * The table of fulfilment per member unit, for a public report or a CSV file: the unit's name
 * (free text from the agreements, so phones, ID numbers, bank cards and e-mail addresses in it are
 * masked with core's `Redaction.maskText`), funds committed and delivered in yuan, the rates in
 * per cent (one decimal, from ‰), meetings attended of invited, wishes claimed and whistles answered
 * on time of called. Units are sorted by funds committed, most first. The cells are data: pass
 * each text cell through `Redaction.csvCell` when writing a CSV (or use {@link csv}).
 *
 * @example
 * ```ts
 * import { Fulfilment, Presets } from "@gongzhi/co-building-agreement"
 * import { Period } from "@gongzhi/core"
 * import { Result } from "effect"
 *
 * const report = Result.getOrThrow(Fulfilment.compute(Presets.mingquanScenario({ year: 2024 }), Period.year(2024)))
 * const table = Fulfilment.table(report, "zh")
 * console.log(table.columns[0], table.rows.length) // 单位 15
 * ```
 *
 * @category reports
 * @since 0.2.0
 */
export const table = (
  report: Report,
  lang: "zh" | "en"
): { readonly columns: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<Cell>> } => {
  const units = report.grandCommittees.flatMap((gc) => gc.units)
  const sorted = [...units].sort((a, b) =>
    b.figures.fundsCommitted - a.figures.fundsCommitted || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  )
  const percent = (permilleValue: number) => permilleValue / 10
  return {
    columns: lang === "zh"
      ? ["单位", "承诺经费（元）", "到位经费（元）", "经费到位率%", "志愿服务率%", "场地开放率%", "服务完成率%", "参会",
        "认领心愿", "按时报到"]
      : [
        "member unit",
        "funds committed (yuan)",
        "funds delivered (yuan)",
        "funds %",
        "volunteer hours %",
        "facility %",
        "services %",
        "meetings",
        "wishes claimed",
        "whistles on time"
      ],
    rows: sorted.map((u) => [
      Redaction.maskText(u.name),
      u.figures.fundsCommitted / 100,
      u.figures.fundsDelivered / 100,
      percent(u.rates.funds),
      percent(u.rates.volunteerHours),
      percent(u.rates.facilityHours),
      percent(u.rates.services),
      `${u.figures.meetingsAttended}/${u.figures.meetingsInvited}`,
      u.figures.wishesClaimed,
      `${u.figures.whistlesOnTime}/${u.figures.whistlesCalled}`
    ])
  }
}

/**
 * The {@link table} as CSV text (RFC 4180, a header line first, lines ending in `\r\n`), every cell
 * made safe against formula injection by core's `Redaction.csvLine` (a name such as
 * `=HYPERLINK(…)` is written `'=HYPERLINK(…)`).
 *
 * @example
 * ```ts
 * import { Fulfilment, Presets } from "@gongzhi/co-building-agreement"
 * import { Period } from "@gongzhi/core"
 * import { Result } from "effect"
 *
 * const report = Result.getOrThrow(Fulfilment.compute(Presets.mingquanScenario({ year: 2024 }), Period.year(2024)))
 * console.log(Fulfilment.csv(report, "en").split("\r\n")[0]?.startsWith("member unit,funds committed (yuan)")) // true
 * ```
 *
 * @category reports
 * @since 0.2.0
 */
export const csv = (report: Report, lang: "zh" | "en"): string => {
  const { columns, rows } = table(report, lang)
  return [columns, ...rows].map((cells) => Redaction.csvLine(cells)).join("\r\n") + "\r\n"
}
