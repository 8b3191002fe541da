/**
 * The life of an agreement as a state machine: draft → signed (both parties, dated) → active
 * (within term) → suspended ⇄ active → expired / terminated (with a reason); renewal creates
 * a linked successor; amendments are versioned. Every step is a pure function that refuses
 * an illegal move with a typed, bilingual issue and leaves the state unchanged; the history
 * is append-only and can be replayed.
 *
 * @since 0.1.0
 */
import { CivilDate, type Issue, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Agreement from "./Agreement.js"
import { fail1, failWith } from "./internal/checks.js"
import { messages } from "./Messages.js"

/**
 * The states of an agreement.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Lifecycle.statuses) // ["draft", "signed", "active", "suspended", "expired", "terminated"]
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const statuses = ["draft", "signed", "active", "suspended", "expired", "terminated"] as const

/**
 * A state of an agreement.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * const status: Lifecycle.Status = "suspended"
 * console.log(status)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Status = (typeof statuses)[number]

/**
 * The zh and en names of each state.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Lifecycle.statusLabels.active.zh) // "履行中"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const statusLabels = {
  draft: { zh: "草拟", en: "draft" },
  signed: { zh: "已签订", en: "signed" },
  active: { zh: "履行中", en: "active" },
  suspended: { zh: "已中止", en: "suspended" },
  expired: { zh: "已期满", en: "expired" },
  terminated: { zh: "已终止", en: "terminated" }
} as const

const Reason = Schema.String
const On = CivilDate.CivilDate

/**
 * Schema of a history event; each carries the date it happened.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Lifecycle.Event)({ _tag: "Suspended", on: "2024-05-01", reason: "单位改制" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Event = Schema.Union([
  Schema.TaggedStruct("Drafted", { on: On, agreement: Agreement.document.schema }),
  Schema.TaggedStruct("Signed", {
    on: On,
    committee: Schema.Struct({ signatory: Schema.String, on: On }),
    unit: Schema.Struct({ signatory: Schema.String, on: On })
  }),
  Schema.TaggedStruct("Activated", { on: On }),
  Schema.TaggedStruct("Suspended", { on: On, reason: Reason }),
  Schema.TaggedStruct("Resumed", { on: On }),
  Schema.TaggedStruct("Expired", { on: On }),
  Schema.TaggedStruct("Terminated", { on: On, reason: Reason, by: Schema.Literals(["committee", "unit", "both"]) }),
  Schema.TaggedStruct("Amended", { on: On, reason: Reason, agreement: Agreement.document.schema }),
  Schema.TaggedStruct("Renewed", { on: On, successor: Schema.String })
]).annotate({ identifier: "LifecycleEvent" })

/**
 * One event of an agreement's history.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const event: Lifecycle.Event = { _tag: "Activated", on: CivilDate.makeUnsafe("2024-01-01") }
 * console.log(event._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Event = typeof Event.Type

/**
 * An agreement with its lifecycle: the current version, the state, the version number, the
 * whole history (append-only) and the links to a predecessor or successor.
 *
 * @example
 * ```ts
 * import { Lifecycle, Presets } from "@gongzhi/co-building-agreement"
 *
 * const [record] = Presets.mingquanScenario({ year: 2024 }).records
 * const state: Lifecycle.State = record!
 * console.log(state.status, state.version) // "active" 1
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface State {
  readonly agreement: Agreement.Agreement
  readonly status: Status
  readonly version: number
  readonly history: ReadonlyArray<Event>
  readonly predecessor?: string
  readonly successor?: string
}

/**
 * The actions and the states each may start from.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Lifecycle.transitions.resume) // { from: ["suspended"], to: "active" }
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const transitions = {
  sign: { from: ["draft"], to: "signed" },
  activate: { from: ["signed"], to: "active" },
  suspend: { from: ["active"], to: "suspended" },
  resume: { from: ["suspended"], to: "active" },
  expire: { from: ["signed", "active", "suspended"], to: "expired" },
  terminate: { from: ["draft", "signed", "active", "suspended"], to: "terminated" },
  amend: { from: ["draft", "signed", "active", "suspended"], to: undefined },
  renew: { from: ["active", "suspended", "expired"], to: undefined }
} as const satisfies Record<string, { readonly from: ReadonlyArray<Status>; readonly to: Status | undefined }>

/**
 * An action of the lifecycle.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * const action: Lifecycle.Action = "terminate"
 * console.log(action)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Action = keyof typeof transitions

const actionLabels: { readonly [A in Action]: { readonly zh: string; readonly en: string } } = {
  sign: { zh: "签订", en: "sign" },
  activate: { zh: "生效", en: "activate" },
  suspend: { zh: "中止", en: "suspend" },
  resume: { zh: "恢复", en: "resume" },
  expire: { zh: "期满", en: "expire" },
  terminate: { zh: "终止", en: "terminate" },
  amend: { zh: "修订", en: "amend" },
  renew: { zh: "续签", en: "renew" }
}

const partyLabels = {
  committee: { zh: "社区大党委", en: "grand committee" },
  unit: { zh: "驻区单位", en: "member unit" }
} as const

const actionOf: { readonly [T in Exclude<Event["_tag"], "Drafted">]: Action } = {
  Signed: "sign",
  Activated: "activate",
  Suspended: "suspend",
  Resumed: "resume",
  Expired: "expire",
  Terminated: "terminate",
  Amended: "amend",
  Renewed: "renew"
}

/**
 * Whether an action may start from a state.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Lifecycle.allows("draft", "activate"), Lifecycle.allows("signed", "activate")) // false true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const allows = (status: Status, action: Action): boolean =>
  typeof action === "string" && Object.hasOwn(transitions, action) &&
  (transitions[action].from as ReadonlyArray<Status>).includes(status)

/**
 * The actions allowed from a state.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Lifecycle.allowedActions("terminated")) // []
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const allowedActions = (status: Status): ReadonlyArray<Action> =>
  (Object.keys(transitions) as Array<Action>).filter((action) => allows(status, action))

const lastDate = (state: State): CivilDate.CivilDate | undefined => state.history[state.history.length - 1]?.on

const illegal = (status: Status, action: Action): Issue.DomainIssue =>
  messages.make("AGREEMENT_ILLEGAL_TRANSITION", {
    path: ["status"],
    params: { from: status, action },
    labels: { from: statusLabels[status], action: actionLabels[action] }
  })

const blank = (s: string) => s.trim() === ""

/** The issues that stop an event from applying to a state; empty when it applies. */
const issuesOf = (state: State, event: Exclude<Event, { _tag: "Drafted" }>): Array<Issue.DomainIssue> => {
  const action = actionOf[event._tag]
  if (!allows(state.status, action)) return [illegal(state.status, action)]
  const found: Array<Issue.DomainIssue> = []
  const previous = lastDate(state)
  if (previous !== undefined && event.on < previous) {
    found.push(messages.make("AGREEMENT_DATE_BEFORE_PREVIOUS", { path: ["on"], params: { date: event.on, previous } }))
  }
  const { start, end } = state.agreement.term
  const outside = (date: CivilDate.CivilDate, path: Issue.Path) =>
    messages.make("AGREEMENT_OUTSIDE_TERM", { path, params: { date, start, end } })
  switch (event._tag) {
    case "Signed": {
      for (const party of ["committee", "unit"] as const) {
        if (blank(event[party].signatory)) {
          found.push(messages.make("AGREEMENT_SIGNATORY_REQUIRED", {
            path: [party, "signatory"],
            params: { party },
            labels: { party: partyLabels[party] }
          }))
        }
        if (event[party].on > end) found.push(outside(event[party].on, [party, "on"]))
      }
      break
    }
    case "Activated":
    case "Resumed": {
      if (!Agreement.inTerm(state.agreement, event.on)) found.push(outside(event.on, ["on"]))
      break
    }
    case "Suspended":
    case "Terminated": {
      if (blank(event.reason)) {
        found.push(messages.make("AGREEMENT_REASON_REQUIRED", {
          path: ["reason"],
          params: { action },
          labels: { action: actionLabels[action] }
        }))
      }
      break
    }
    case "Expired": {
      if (event.on <= end) {
        found.push(messages.make("AGREEMENT_EXPIRED_TOO_EARLY", { path: ["on"], params: { date: event.on, end } }))
      }
      break
    }
    case "Amended": {
      const next = event.agreement
      if (
        next.id !== state.agreement.id || next.grandCommittee.id !== state.agreement.grandCommittee.id ||
        next.memberUnit.id !== state.agreement.memberUnit.id
      ) {
        found.push(messages.make("AGREEMENT_AMENDMENT_CHANGES_ID", { path: ["agreement", "id"] }))
      }
      if (blank(event.reason)) {
        found.push(messages.make("AGREEMENT_REASON_REQUIRED", {
          path: ["reason"],
          params: { action },
          labels: { action: actionLabels[action] }
        }))
      }
      break
    }
    case "Renewed":
      break
  }
  return found
}

const apply = (state: State, event: Exclude<Event, { _tag: "Drafted" }>): State => {
  const history = [...state.history, event]
  switch (event._tag) {
    case "Amended":
      return { ...state, agreement: event.agreement, version: state.version + 1, history }
    case "Renewed":
      return { ...state, successor: event.successor, history }
    default:
      return { ...state, status: transitions[actionOf[event._tag]].to as Status, history }
  }
}

const step = (
  state: State,
  event: Exclude<Event, { _tag: "Drafted" }>
): Result.Result<State, ValidationReport.ValidationReport> => {
  const found = issuesOf(state, event)
  return found.length > 0 ? failWith(found) : Result.succeed(apply(state, event))
}

/**
 * Starts the life of an agreement as a draft, dated.
 *
 * @example
 * ```ts
 * import { Lifecycle, Presets } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const [agreement] = Presets.mingquanScenario({ year: 2024 }).agreements
 * const state = Lifecycle.draft(agreement!, CivilDate.makeUnsafe("2023-12-01"))
 * console.log(state.status, state.history.length) // "draft" 1
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const draft = (agreement: Agreement.Agreement, on: CivilDate.CivilDate): State => ({
  agreement,
  status: "draft",
  version: 1,
  history: [{ _tag: "Drafted", on, agreement }]
})

/**
 * Signs a draft: both parties' signatories and dates; the event is dated by the later
 * signature. Refused unless the state is `draft`.
 *
 * @example
 * ```ts
 * import { Lifecycle, Presets } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const d = CivilDate.makeUnsafe
 * const [agreement] = Presets.mingquanScenario({ year: 2024 }).agreements
 * const signed = Lifecycle.sign(Lifecycle.draft(agreement!, d("2023-12-01")), {
 *   committee: { signatory: "王书记", on: d("2023-12-20") },
 *   unit: { signatory: "李行长", on: d("2023-12-22") }
 * })
 * if (signed._tag === "Success") console.log(signed.success.status, signed.success.history[1]?.on) // "signed" "2023-12-22"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const sign: {
  (signatures: Signatures): (state: State) => Result.Result<State, ValidationReport.ValidationReport>
  (state: State, signatures: Signatures): Result.Result<State, ValidationReport.ValidationReport>
} = dual(2, (state: State, signatures: Signatures) =>
  step(state, {
    _tag: "Signed",
    on: CivilDate.max(signatures.committee.on, signatures.unit.on),
    committee: signatures.committee,
    unit: signatures.unit
  }))

/**
 * Both parties' signatures: who signed and when.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const s: Lifecycle.Signatures = {
 *   committee: { signatory: "王书记", on: CivilDate.makeUnsafe("2024-01-02") },
 *   unit: { signatory: "李行长", on: CivilDate.makeUnsafe("2024-01-03") }
 * }
 * console.log(s.unit.signatory)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Signatures {
  readonly committee: { readonly signatory: string; readonly on: CivilDate.CivilDate }
  readonly unit: { readonly signatory: string; readonly on: CivilDate.CivilDate }
}

const dated = (tag: "Activated" | "Resumed" | "Expired") =>
  dual(2, (state: State, on: CivilDate.CivilDate) => step(state, { _tag: tag, on })) as {
    (on: CivilDate.CivilDate): (state: State) => Result.Result<State, ValidationReport.ValidationReport>
    (state: State, on: CivilDate.CivilDate): Result.Result<State, ValidationReport.ValidationReport>
  }

/**
 * Puts a signed agreement into force on a date within its term.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 * import { pipe } from "effect"
 *
 * const result = pipe(Lifecycle.example(), Lifecycle.activate(CivilDate.makeUnsafe("2024-01-01")))
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "AGREEMENT_ILLEGAL_TRANSITION"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const activate = dated("Activated")

/**
 * Resumes a suspended agreement, on a date within its term.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const result = Lifecycle.resume(Lifecycle.example(), CivilDate.makeUnsafe("2024-06-01"))
 * console.log(result._tag) // "Failure" (a draft is not suspended)
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const resume = dated("Resumed")

/**
 * Marks an agreement expired, on a date after its term ends.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const result = Lifecycle.expire(Lifecycle.example(), CivilDate.makeUnsafe("2025-01-01"))
 * console.log(result._tag) // "Failure" (a draft never comes into force, so it cannot expire)
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const expire = dated("Expired")

/**
 * Suspends an active agreement, with a reason.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const result = Lifecycle.suspend(Lifecycle.example(), { on: CivilDate.makeUnsafe("2024-05-01"), reason: "单位搬迁" })
 * console.log(result._tag) // "Failure"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const suspend: {
  (
    input: { readonly on: CivilDate.CivilDate; readonly reason: string }
  ): (state: State) => Result.Result<State, ValidationReport.ValidationReport>
  (
    state: State,
    input: { readonly on: CivilDate.CivilDate; readonly reason: string }
  ): Result.Result<State, ValidationReport.ValidationReport>
} = dual(
  2,
  (state: State, input: { readonly on: CivilDate.CivilDate; readonly reason: string }) =>
    step(state, { _tag: "Suspended", on: input.on, reason: input.reason })
)

/**
 * Terminates an agreement before its end, with a reason and who ended it.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const result = Lifecycle.terminate(Lifecycle.example(), { on: CivilDate.makeUnsafe("2024-02-01"), reason: "单位撤并", by: "both" })
 * if (result._tag === "Success") console.log(result.success.status) // "terminated"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const terminate: {
  (input: TerminateInput): (state: State) => Result.Result<State, ValidationReport.ValidationReport>
  (state: State, input: TerminateInput): Result.Result<State, ValidationReport.ValidationReport>
} = dual(
  2,
  (state: State, input: TerminateInput) =>
    step(state, { _tag: "Terminated", on: input.on, reason: input.reason, by: input.by })
)

/**
 * What {@link terminate} needs.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const input: Lifecycle.TerminateInput = { on: CivilDate.makeUnsafe("2024-02-01"), reason: "单位撤并", by: "unit" }
 * console.log(input.by)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface TerminateInput {
  readonly on: CivilDate.CivilDate
  readonly reason: string
  readonly by: "committee" | "unit" | "both"
}

/**
 * Amends an agreement: the new version replaces the current one, the version number grows
 * and the previous version stays in the history. The id and the parties cannot change.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const state = Lifecycle.example()
 * const amended = Lifecycle.amend(state, {
 *   on: CivilDate.makeUnsafe("2024-01-10"),
 *   reason: "增加设施开放时间",
 *   agreement: { ...state.agreement, meetings: { minPerYear: 2, maxPerYear: 2 } }
 * })
 * if (amended._tag === "Success") console.log(amended.success.version, Lifecycle.versions(amended.success).length) // 2 2
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const amend: {
  (input: AmendInput): (state: State) => Result.Result<State, ValidationReport.ValidationReport>
  (state: State, input: AmendInput): Result.Result<State, ValidationReport.ValidationReport>
} = dual(
  2,
  (state: State, input: AmendInput) =>
    step(state, { _tag: "Amended", on: input.on, reason: input.reason, agreement: input.agreement })
)

/**
 * What {@link amend} needs.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Lifecycle.AmendInput> = ["on", "reason", "agreement"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface AmendInput {
  readonly on: CivilDate.CivilDate
  readonly reason: string
  readonly agreement: Agreement.Agreement
}

/**
 * Renews an agreement: the successor (same parties, starting after the current term ends)
 * begins as a draft linked to its predecessor, and the predecessor records the renewal.
 *
 * @example
 * ```ts
 * import { type Agreement, Lifecycle, Presets } from "@gongzhi/co-building-agreement"
 * import { CivilDate, Id } from "@gongzhi/core"
 *
 * const [record] = Presets.mingquanScenario({ year: 2024 }).records
 * const next: Agreement.Agreement = { ...record!.agreement, id: Id.AgreementId.make("mq-2025-01"), term: {
 *   start: CivilDate.makeUnsafe("2025-01-01"), end: CivilDate.makeUnsafe("2025-12-31")
 * } }
 * const renewed = Lifecycle.renew(record!, { on: CivilDate.makeUnsafe("2024-12-20"), successor: next })
 * if (renewed._tag === "Success") console.log(renewed.success.successor.predecessor === record!.agreement.id) // true
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const renew: {
  (input: RenewInput): (state: State) => Result.Result<Renewal, ValidationReport.ValidationReport>
  (state: State, input: RenewInput): Result.Result<Renewal, ValidationReport.ValidationReport>
} = dual(2, (state: State, input: RenewInput): Result.Result<Renewal, ValidationReport.ValidationReport> => {
  const next = input.successor
  const found = issuesOf(state, { _tag: "Renewed", on: input.on, successor: next.id })
  if (found.length === 0) {
    if (
      next.grandCommittee.id !== state.agreement.grandCommittee.id ||
      next.memberUnit.id !== state.agreement.memberUnit.id
    ) {
      found.push(messages.make("AGREEMENT_RENEWAL_PARTIES_DIFFER", { path: ["successor", "memberUnit"] }))
    }
    if (next.term.start <= state.agreement.term.end) {
      found.push(messages.make("AGREEMENT_RENEWAL_OVERLAP", {
        path: ["successor", "term", "start"],
        params: { start: next.term.start, end: state.agreement.term.end }
      }))
    }
    if (next.id === state.agreement.id) {
      found.push(
        messages.make("AGREEMENT_DUPLICATE_ID", { path: ["successor", "id"], params: { id: next.id, first: 0 } })
      )
    }
  }
  if (found.length > 0) return failWith(found)
  const predecessor = apply(state, { _tag: "Renewed", on: input.on, successor: next.id })
  const successor: State = { ...draft(next, input.on), predecessor: state.agreement.id }
  return Result.succeed({ predecessor, successor })
})

/**
 * What {@link renew} needs.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Lifecycle.RenewInput> = ["on", "successor"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface RenewInput {
  readonly on: CivilDate.CivilDate
  readonly successor: Agreement.Agreement
}

/**
 * The result of a renewal: the predecessor (with the renewal recorded) and the successor draft.
 *
 * @example
 * ```ts
 * import type { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Lifecycle.Renewal> = ["predecessor", "successor"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Renewal {
  readonly predecessor: State
  readonly successor: State
}

/**
 * Every version of the agreement, oldest first (the first is the drafted one).
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Lifecycle.versions(Lifecycle.example()).length) // 1
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const versions = (state: State): ReadonlyArray<Agreement.Agreement> =>
  state.history.flatMap((e) => (e._tag === "Amended" || e._tag === "Drafted" ? [e.agreement] : []))

/**
 * Replays a history (it starts with the drafted version of the agreement), refusing the first
 * event that could not have happened (its index is in the issue's path). Use it to check a
 * stored history. The predecessor link of a renewal is not part of the history: pass it in
 * `options` to restore it.
 *
 * @example
 * ```ts
 * import { Lifecycle, Presets } from "@gongzhi/co-building-agreement"
 *
 * const [record] = Presets.mingquanScenario({ year: 2024 }).records
 * const replayed = Lifecycle.replay(record!.history)
 * if (replayed._tag === "Success") console.log(replayed.success.status) // "active"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const replay = (
  history: ReadonlyArray<Event>,
  options?: { readonly predecessor?: string }
): Result.Result<State, ValidationReport.ValidationReport> => {
  try {
    if (!Array.isArray(history)) {
      return fail1(messages.make("AGREEMENT_HISTORY_INVALID", {
        path: ["history"],
        params: { index: 0, detail: "not-a-list" },
        labels: { detail: { zh: "历史应为事件列表", en: "a history is a list of events" } }
      }))
    }
    return replayEvents(history, options)
  } catch {
    // a history JSON cannot make (a Proxy, a getter that throws): a failure, never a throw
    return fail1(messages.make("AGREEMENT_HISTORY_INVALID", {
      path: ["history"],
      params: { index: 0, detail: "unreadable" },
      labels: { detail: { zh: "无法读取该历史", en: "the history cannot be read" } }
    }))
  }
}

const replayEvents = (
  history: ReadonlyArray<Event>,
  options: { readonly predecessor?: string } | undefined
): Result.Result<State, ValidationReport.ValidationReport> => {
  const first = history[0]
  if (typeof first !== "object" || first === null || first._tag !== "Drafted") {
    return fail1(messages.make("AGREEMENT_HISTORY_INVALID", {
      path: ["history", 0],
      params: { index: 0, detail: "first-not-drafted" },
      labels: { detail: { zh: "历史须以草拟开始", en: "a history starts with Drafted" } }
    }))
  }
  let state: State = options?.predecessor === undefined
    ? draft(first.agreement, first.on)
    : { ...draft(first.agreement, first.on), predecessor: options.predecessor }
  for (let index = 1; index < history.length; index++) {
    const event = history[index]!
    // an event of a caller's history is looked up on own keys only: "constructor" is no event
    if (typeof event?._tag !== "string" || (event._tag !== "Drafted" && !Object.hasOwn(actionOf, event._tag))) {
      const raw: unknown = (event as { readonly _tag?: unknown } | undefined)?._tag
      const tag = typeof raw === "string" ? raw : typeof raw
      return fail1(messages.make("AGREEMENT_HISTORY_INVALID", {
        path: ["history", index, "_tag"],
        params: { index, detail: "unknown-event", event: tag },
        labels: { detail: { zh: `不认识的事件 ${tag}`, en: `unknown event ${tag}` } }
      }))
    }
    if (event._tag === "Drafted") {
      return fail1(messages.make("AGREEMENT_HISTORY_INVALID", {
        path: ["history", index],
        params: { index, detail: "drafted-not-first" },
        labels: { detail: { zh: "草拟只能是第一项", en: "Drafted can only come first" } }
      }))
    }
    const next = step(state, event)
    if (Result.isFailure(next)) {
      return failWith(next.failure.issues.map((issue) => ({ ...issue, path: ["history", index, ...issue.path] })))
    }
    state = next.success
  }
  return Result.succeed(state)
}

/**
 * The state an agreement was in at the end of a date, read from its history.
 *
 * @example
 * ```ts
 * import { Lifecycle, Presets } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const [record] = Presets.mingquanScenario({ year: 2024 }).records
 * console.log(Lifecycle.statusOn(record!, CivilDate.makeUnsafe("2023-06-01"))) // undefined (not yet drafted)
 * console.log(Lifecycle.statusOn(record!, CivilDate.makeUnsafe("2024-06-01"))) // "active"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const statusOn = (state: State, date: CivilDate.CivilDate): Status | undefined => {
  let status: Status | undefined = undefined
  for (const event of state.history) {
    if (event.on > date) break
    if (event._tag === "Drafted") status = "draft"
    else if (event._tag !== "Amended" && event._tag !== "Renewed" && Object.hasOwn(actionOf, event._tag)) {
      status = transitions[actionOf[event._tag]].to as Status
    }
  }
  return status
}

/**
 * Whether an agreement was in force (active) on a date.
 *
 * @example
 * ```ts
 * import { Lifecycle, Presets } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const [record] = Presets.mingquanScenario({ year: 2024 }).records
 * console.log(Lifecycle.isActiveOn(record!, CivilDate.makeUnsafe("2024-03-01"))) // true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isActiveOn = (state: State, date: CivilDate.CivilDate): boolean => statusOn(state, date) === "active"

/**
 * A small draft agreement, for examples and quick experiments.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@gongzhi/co-building-agreement"
 *
 * console.log(Lifecycle.example().status) // "draft"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const example = (): State =>
  draft(
    ValidationReport.getOrThrow(Agreement.decode({
      kind: "co-building-agreement",
      schemaVersion: 1,
      id: "example-agreement",
      grandCommittee: { id: "example-committee", name: "示例社区大党委" },
      memberUnit: { id: "example-unit", name: "示例驻区单位" },
      liaisons: { committee: { name: "联络员甲" }, unit: { name: "联络员乙" } },
      term: { start: "2024-01-01", end: "2024-12-31" },
      commitments: [{ _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: 2_000_000 }],
      meetings: { minPerYear: 1, maxPerYear: 2 },
      reporting: []
    })),
    CivilDate.makeUnsafe("2023-12-01")
  )
