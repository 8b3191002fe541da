/**
 * Joint meetings (联席会议) of a grand committee with its member units: scheduled from the
 * agreements' meeting obligations, recorded with attendance by unit and decisions that become
 * action items or projects.
 *
 * @since 0.1.0
 */
import { CivilDate, Id, Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as Agreement from "./Agreement.js"
import { duplicateIds, idText } from "./internal/checks.js"
import { messages } from "./Messages.js"
import * as ThreeLists from "./ThreeLists.js"

/**
 * Id of a joint meeting.
 *
 * @example
 * ```ts
 * import { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * const id: JointMeeting.MeetingId = JointMeeting.MeetingId.make("mq-2024-1")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const MeetingId = Id.make("MeetingId", { label: { zh: "会议编号", en: "meeting id" } })

/**
 * The type of {@link MeetingId}.
 *
 * @example
 * ```ts
 * import { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * const id: JointMeeting.MeetingId = JointMeeting.MeetingId.make("m-1")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type MeetingId = typeof MeetingId.Type

const Decision = Schema.Struct({
  id: idText({ zh: "决定编号", en: "decision id" }),
  text: Schema.NonEmptyString,
  outcome: Schema.Union([
    Schema.TaggedStruct("ActionItem", { owner: Schema.NonEmptyString, due: CivilDate.CivilDate }),
    Schema.TaggedStruct("Project", { project: ThreeLists.ProjectId })
  ])
}).annotate({ identifier: "Decision" })

/**
 * Schema of a joint meeting's minutes: date, who was invited, who attended, what was decided.
 *
 * @example
 * ```ts
 * import { JointMeeting } from "@gongzhi/co-building-agreement"
 * import { ValidationReport } from "@gongzhi/core"
 *
 * const result = ValidationReport.decodeUnknown(JointMeeting.Meeting)({
 *   id: "m-1", grandCommittee: "mingquan", date: "2024-06-14", kind: "regular", invited: ["bank"],
 *   attendance: [{ unit: "school", present: true }], decisions: []
 * })
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "AGREEMENT_MEETING_NOT_INVITED"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Meeting = Schema.Struct({
  id: MeetingId,
  grandCommittee: Id.OrgUnitId,
  date: CivilDate.CivilDate,
  kind: Schema.Literals(["regular", "extraordinary"]),
  invited: Schema.Array(Id.UnitId),
  attendance: Schema.Array(Schema.Struct({
    unit: Id.UnitId,
    present: Schema.Boolean,
    representative: Schema.optionalKey(Schema.String)
  })),
  decisions: Schema.Array(Decision)
}).check(Issue.refine((m: {
  readonly invited: ReadonlyArray<string>
  readonly attendance: ReadonlyArray<{ readonly unit: string }>
  readonly decisions: ReadonlyArray<{ readonly id: string }>
}) => {
  const invited = new Set(m.invited)
  return [
    ...duplicateIds(m.invited, (u) => u, ["invited"], []),
    ...duplicateIds(m.attendance, (a) => a.unit, ["attendance"], ["unit"]),
    ...duplicateIds(m.decisions, (d) => d.id, ["decisions"]),
    ...m.attendance.flatMap((a, i) =>
      invited.has(a.unit)
        ? []
        : [
          messages.make("AGREEMENT_MEETING_NOT_INVITED", { path: ["attendance", i, "unit"], params: { unit: a.unit } })
        ]
    )
  ]
})).annotate({ identifier: "JointMeeting" })

/**
 * The minutes of a joint meeting.
 *
 * @example
 * ```ts
 * import type { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * const kind: JointMeeting.Meeting["kind"] = "regular"
 * console.log(kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Meeting = typeof Meeting.Type

const decodeMeeting = ValidationReport.decodeUnknown(Meeting)

/**
 * Records a meeting's minutes, reporting every problem at once (attendance of a unit that
 * was not invited, duplicate entries, bad dates…).
 *
 * @example
 * ```ts
 * import { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * const result = JointMeeting.record({
 *   id: "m-1", grandCommittee: "mingquan", date: "2024-06-14", kind: "regular", invited: ["bank", "school"],
 *   attendance: [{ unit: "bank", present: true }, { unit: "school", present: false }],
 *   decisions: [{ id: "d-1", text: "更换消防泵", outcome: { _tag: "Project", project: "fire-pumps" } }]
 * })
 * if (result._tag === "Success") console.log(JointMeeting.attendanceOf([result.success], "bank")) // { invited: 1, attended: 1 }
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const record = (input: unknown): Result.Result<Meeting, ValidationReport.ValidationReport> =>
  decodeMeeting(input)

/**
 * How many meetings a unit was invited to and attended.
 *
 * @example
 * ```ts
 * import { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * console.log(JointMeeting.attendanceOf([], "bank")) // { invited: 0, attended: 0 }
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const attendanceOf = (
  meetings: ReadonlyArray<Meeting>,
  unit: string
): { readonly invited: number; readonly attended: number } => {
  let invited = 0
  let attended = 0
  for (const m of meetings) {
    if (!m.invited.includes(unit as Id.UnitId)) continue
    invited++
    if (m.attendance.some((a) => a.unit === unit && a.present)) attended++
  }
  return { invited, attended }
}

/**
 * A planned joint meeting.
 *
 * @example
 * ```ts
 * import type { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof JointMeeting.Planned> = ["grandCommittee", "date", "invited"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Planned {
  readonly grandCommittee: Id.OrgUnitId
  readonly date: CivilDate.CivilDate
  readonly invited: ReadonlyArray<Id.UnitId>
}

/**
 * Plans a year's joint meetings per grand committee: as many as the most demanding agreement
 * in force that year asks for (its `minPerYear`), spread evenly over the year (on the 15th),
 * inviting the units whose agreements are in force on that day. A year outside 1–9999 plans
 * nothing.
 *
 * @example
 * ```ts
 * import { JointMeeting, Presets } from "@gongzhi/co-building-agreement"
 *
 * const plan = JointMeeting.schedule(Presets.mingquanScenario({ year: 2024 }).agreements, 2024)
 * console.log(plan.map((m) => m.date), plan[0]?.invited.length) // ["2024-07-15"] 15
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const schedule = (agreements: ReadonlyArray<Agreement.Agreement>, year: number): ReadonlyArray<Planned> => {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return []
  const first = `${String(year).padStart(4, "0")}-01-01`
  const last = `${String(year).padStart(4, "0")}-12-31`
  const byCommittee = new Map<Id.OrgUnitId, Array<Agreement.Agreement>>()
  for (const a of agreements) {
    if (a.term.end < first || a.term.start > last) continue
    const list = byCommittee.get(a.grandCommittee.id)
    if (list === undefined) byCommittee.set(a.grandCommittee.id, [a])
    else list.push(a)
  }
  const out: Array<Planned> = []
  for (const [grandCommittee, list] of [...byCommittee].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let n = 0
    for (const a of list) n = Math.max(n, a.meetings.minPerYear)
    for (let i = 0; i < n; i++) {
      const month = Math.min(12, Math.floor((12 * (2 * i + 1)) / (2 * n)) + 1)
      const date = CivilDate.makeUnsafe(`${first.slice(0, 4)}-${String(month).padStart(2, "0")}-15`)
      out.push({
        grandCommittee,
        date,
        invited: list.filter((a) => a.term.start <= date && date <= a.term.end).map((a) => a.memberUnit.id)
      })
    }
  }
  return out
}

/**
 * An action item decided at a meeting, with the meeting it came from.
 *
 * @example
 * ```ts
 * import type { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof JointMeeting.ActionItem> = ["meeting", "decision", "text", "owner", "due"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ActionItem {
  readonly meeting: MeetingId
  readonly decision: string
  readonly text: string
  readonly owner: string
  readonly due: CivilDate.CivilDate
}

/**
 * Every action item decided at the given meetings, by due date.
 *
 * @example
 * ```ts
 * import { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * console.log(JointMeeting.actionItems([])) // []
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const actionItems = (meetings: ReadonlyArray<Meeting>): ReadonlyArray<ActionItem> =>
  meetings.flatMap((m) =>
    m.decisions.flatMap((d) =>
      d.outcome._tag === "ActionItem"
        ? [{ meeting: m.id, decision: d.id, text: d.text, owner: d.outcome.owner, due: d.outcome.due }]
        : []
    )
  ).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))

/**
 * The projects decided at the given meetings (their ids, each once).
 *
 * @example
 * ```ts
 * import { JointMeeting } from "@gongzhi/co-building-agreement"
 *
 * console.log(JointMeeting.decidedProjects([])) // []
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const decidedProjects = (meetings: ReadonlyArray<Meeting>): ReadonlyArray<ThreeLists.ProjectId> => {
  const seen = new Set<ThreeLists.ProjectId>()
  for (const m of meetings) for (const d of m.decisions) if (d.outcome._tag === "Project") seen.add(d.outcome.project)
  return [...seen]
}
