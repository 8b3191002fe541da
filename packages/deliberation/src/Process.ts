/**
 * A matter (议题) and its seven-step process (七步工作法) as an event-sourced state: 公开提事
 * raise openly → 小区分事 sort per estate → 社区议事 discuss in the community → 民主定事 decide
 * democratically → 综合办事 handle jointly → 结果公示 publish the result → 反馈民事 report back.
 * Each step is an event with its date, the people and units involved and its evidence by
 * reference (minutes, sign-in sheets, photos); sorting fixes the estates or buildings affected
 * (hence the electorate) and the decision rule, chosen from the matter's category and
 * overridable with a reason. Steps go in order; a step redone keeps its history. A refused
 * event leaves the state unchanged.
 *
 * @since 0.2.0
 */
import { type Issue, Label, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import type * as DecisionRule from "./DecisionRule.js"
import * as Electorate from "./Electorate.js"
import { invalidInput, notOneOf, unreadable } from "./internal/input.js"
import * as rules from "./internal/rules.js"
import { safely } from "./internal/safe.js"
import { messages } from "./Messages.js"
import type * as Tally from "./Tally.js"

/**
 * The seven steps, in order.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.steps.map((s) => Process.stepLabels[s].zh).join("→"))
 * // 公开提事→小区分事→社区议事→民主定事→综合办事→结果公示→反馈民事
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const steps = ["raise", "sort", "discuss", "decide", "handle", "publish", "feedback"] as const

/**
 * A step of the seven-step method.
 *
 * @example
 * ```ts
 * import type { Process } from "@gongzhi/deliberation"
 *
 * const step: Process.Step = "decide"
 * console.log(step)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Step = (typeof steps)[number]

/**
 * The zh and en names of the steps.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.stepLabels.sort.en) // "sort per estate"
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const stepLabels: { readonly [S in Step]: Label.Label } = {
  raise: { zh: "公开提事", en: "raise openly" },
  sort: { zh: "小区分事", en: "sort per estate" },
  discuss: { zh: "社区议事", en: "discuss in the community" },
  decide: { zh: "民主定事", en: "decide democratically" },
  handle: { zh: "综合办事", en: "handle jointly" },
  publish: { zh: "结果公示", en: "publish the result" },
  feedback: { zh: "反馈民事", en: "report back" }
}

/**
 * The categories of matters and the rule each is decided by unless overridden: using the
 * maintenance fund is an ordinary matter (民法典 Art. 278 item 5); raising it, rebuilding and
 * changing the use of common parts are special (items 6–8).
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.categories["fund-use"].rule) // "civil-code-278-ordinary"
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const categories = {
  "fund-use": { label: { zh: "使用维修资金", en: "using the maintenance fund" }, rule: "civil-code-278-ordinary" },
  "fund-raise": { label: { zh: "筹集维修资金", en: "raising the maintenance fund" }, rule: "civil-code-278-special" },
  rebuild: { label: { zh: "改建、重建建筑物及其附属设施", en: "rebuilding" }, rule: "civil-code-278-special" },
  "common-use": {
    label: { zh: "改变共有部分用途或利用共有部分经营", en: "changing the use of common parts" },
    rule: "civil-code-278-special"
  },
  "owners-other": {
    label: { zh: "业主共同决定的其他事项", en: "other owners' matters" },
    rule: "civil-code-278-ordinary"
  },
  "branch-matter": {
    label: { zh: "支部党员大会议定事项", en: "matter of the branch general meeting" },
    rule: "branch-rules-art-11"
  },
  "residents-matter": {
    label: { zh: "居民会议议定事项", en: "matter of the residents' meeting" },
    rule: "residents-committee-law-art-9"
  }
} as const

/**
 * A category of matter.
 *
 * @example
 * ```ts
 * import type { Process } from "@gongzhi/deliberation"
 *
 * const c: Process.Category = "fund-use"
 * console.log(c)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Category = keyof typeof categories

/**
 * A piece of evidence, by reference: minutes (会议记录), a sign-in sheet (签到表), a photo, a
 * notice, or anything else the county files.
 *
 * @example
 * ```ts
 * import type { Process } from "@gongzhi/deliberation"
 *
 * const e: Process.Evidence = { kind: "minutes", ref: "archive://2024/外墙/议事记录.pdf" }
 * console.log(e.kind)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Evidence {
  readonly kind: "minutes" | "sign-in" | "photo" | "notice" | "other"
  readonly ref: string
}

/**
 * What every step records: its date (YYYY-MM-DD), the people and units involved, evidence and a note.
 *
 * @example
 * ```ts
 * import type { Process } from "@gongzhi/deliberation"
 *
 * const r: Process.Record = { on: "2024-10-08", people: ["葛精莉"], units: ["业委会"], evidence: [] }
 * console.log(r.on)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Record {
  readonly on: string
  readonly people: ReadonlyArray<string>
  readonly units: ReadonlyArray<string>
  readonly evidence: ReadonlyArray<Evidence>
  readonly note?: string
}

/**
 * A matter (议题): its id, title, category and who raised it.
 *
 * @example
 * ```ts
 * import type { Process } from "@gongzhi/deliberation"
 *
 * const m: Process.Matter = { id: "mjxz-wall", title: "外墙瓷砖维修", category: "fund-use", raisedBy: "南城社区党委" }
 * console.log(m.category)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Matter {
  readonly id: string
  readonly title: string
  readonly category: Category
  readonly raisedBy: string
}

/**
 * The events of a matter's history; `Redone` reopens an earlier step (with a reason): any step
 * done but raising, which is never undone (to go through the steps again, redo `sort`).
 *
 * @example
 * ```ts
 * import type { Process } from "@gongzhi/deliberation"
 *
 * const e: Process.Event = { _tag: "Discussed", on: "2024-10-15", people: [], units: [], evidence: [] }
 * console.log(e._tag)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Event =
  | Record & { readonly _tag: "Raised"; readonly matter: Matter }
  | Record & {
    readonly _tag: "Sorted"
    readonly scope: { readonly estates: ReadonlyArray<string>; readonly buildings: ReadonlyArray<string> }
    readonly rule: string
    readonly override?: { readonly reason: string }
  }
  | Record & { readonly _tag: "Discussed" }
  | Record & { readonly _tag: "Decided"; readonly decision: Tally.Decision }
  | Record & { readonly _tag: "Handled" }
  | Record & { readonly _tag: "Published"; readonly notice: string; readonly until: string }
  | Record & { readonly _tag: "FedBack"; readonly feedback: string }
  | Record & { readonly _tag: "Redone"; readonly step: Step; readonly reason: string }

/** Whether a value (from an undecoded event) is one of the seven steps. */
const isStep = (step: unknown): step is Step =>
  typeof step === "string" && Object.prototype.hasOwnProperty.call(stepLabels, step)

const stepOfTag = {
  Raised: "raise",
  Sorted: "sort",
  Discussed: "discuss",
  Decided: "decide",
  Handled: "handle",
  Published: "publish",
  FedBack: "feedback"
} as const

/** The `_tag`s of the events, in the order of the steps, the redo last. */
const eventTags: ReadonlyArray<Event["_tag"]> = [...Object.keys(stepOfTag) as Array<keyof typeof stepOfTag>, "Redone"]

/** Whether a value (from an undecoded event) is the `_tag` of an event. */
const isEventTag = (tag: unknown): tag is Event["_tag"] =>
  tag === "Redone" || (typeof tag === "string" && Object.prototype.hasOwnProperty.call(stepOfTag, tag))

/** `DELIB_INPUT_NOT_ONE_OF` for an event whose `_tag` is no event's, at `path`. */
const unknownEvent = (path: Issue.Path): Issue.DomainIssue => notOneOf(path, "eventKind", eventTags)

/**
 * What `DELIB_PROCESS_STEP_OUT_OF_ORDER` says should happen instead of a step: the next step, or
 * why there is none (the param `expected` stays the step's key).
 */
const nextClause = (expected: Step | undefined): Label.Label =>
  expected === undefined
    ? { zh: "七步均已完成", en: "All seven steps are done" }
    : { zh: `现在应进行"${stepLabels[expected].zh}"`, en: `The next step is "${stepLabels[expected].en}"` }

const alreadyRaised: Label.Label = { zh: "议题已经提出", en: "The matter has already been raised" }

/** The step a stored event (of a known `_tag`) records, named for an out-of-order message. */
const eventLabel = (event: Event | undefined): Label.Label => {
  if (event === undefined) return { zh: "（没有事件）", en: "(no event)" }
  return event._tag === "Redone" ? { zh: "重做一步", en: "redo a step" } : stepLabels[stepOfTag[event._tag]]
}

/**
 * The state of a matter: the matter, its history (append-only), the steps done in the
 * current pass, and what sorting and deciding fixed.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * const s: Process.State = Process.example()
 * console.log(s.done) // ["raise"]
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface State {
  readonly matter: Matter
  readonly history: ReadonlyArray<Event>
  readonly done: ReadonlyArray<Step>
  readonly rule?: string
  readonly scope?: { readonly estates: ReadonlyArray<string>; readonly buildings: ReadonlyArray<string> }
  readonly decision?: Tally.Decision
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/

const recordIssues = (event: Record, previous: string | undefined): Array<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  if (typeof event.on !== "string" || !datePattern.test(event.on)) {
    found.push(invalidInput(["on"], "date"))
  } else if (previous !== undefined && event.on < previous) {
    found.push(
      messages.make("DELIB_PROCESS_DATE_BEFORE_PREVIOUS", { path: ["on"], params: { date: event.on, previous } })
    )
  }
  for (const key of ["people", "units"] as const) {
    const list = event[key] as unknown
    if (!Array.isArray(list) || list.some((x) => typeof x !== "string")) {
      found.push(invalidInput([key], key))
    }
  }
  const evidence = event.evidence as unknown
  if (
    !Array.isArray(evidence) || evidence.some((e) => typeof e !== "object" || e === null || typeof e.ref !== "string")
  ) {
    found.push(
      invalidInput(["evidence"], "evidence")
    )
  }
  return found
}

const blank = (s: unknown) => typeof s !== "string" || s.trim() === ""

const freeze = <A extends object>(a: A): A => Object.freeze(a)

/**
 * Raises a matter openly (公开提事): the first event of its history.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * const s = Process.raise({
 *   matter: { id: "wall", title: "外墙瓷砖维修", category: "fund-use", raisedBy: "南城社区党委" },
 *   on: "2024-10-08", people: ["葛精莉"], units: ["业委会"], evidence: []
 * })
 * if (s._tag === "Success") console.log(Process.nextStep(s.success)) // "sort"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const raise = (
  input: Record & { readonly matter: Matter }
): Result.Result<State, ValidationReport.ValidationReport> => {
  try {
    const found = recordIssues(input, undefined)
    const m = input.matter
    if (typeof m !== "object" || m === null || blank(m.id) || typeof m.title !== "string" || blank(m.raisedBy)) {
      found.push(
        invalidInput(["matter"], "matter")
      )
    } else if (!Object.prototype.hasOwnProperty.call(categories, m.category)) {
      found.push(notOneOf(["matter", "category"], "category", Object.keys(categories)))
    }
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    const event: Event = freeze({ ...input, _tag: "Raised", matter: freeze({ ...m }) })
    return Result.succeed(
      freeze({ matter: event.matter, history: freeze([event]), done: freeze(["raise"] as Array<Step>) })
    )
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
}

/**
 * The next step the matter expects, or `undefined` once it has been reported back.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.nextStep(Process.example())) // "sort"
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const nextStep = (state: State): Step | undefined => safely(undefined, () => steps[state.done.length])

/**
 * Whether every step has been done (the matter was reported back).
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.isComplete(Process.example())) // false
 * ```
 *
 * @category predicates
 * @since 0.2.0
 */
export const isComplete = (state: State): boolean => safely(false, () => state.done.length === steps.length)

/**
 * The rule a matter of a category is decided by by default.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.defaultRule("rebuild")?.id) // "civil-code-278-special"
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const defaultRule = (category: Category): DecisionRule.DecisionRule | undefined =>
  typeof category === "string" && Object.prototype.hasOwnProperty.call(categories, category)
    ? rules.byId(categories[category].rule)
    : undefined

const issuesOf = (state: State, event: Event): Array<Issue.DomainIssue> => {
  const previous = state.history[state.history.length - 1]?.on
  const found = recordIssues(event, previous)
  if (event._tag === "Raised") {
    return [messages.make("DELIB_PROCESS_STEP_OUT_OF_ORDER", {
      path: ["_tag"],
      params: { step: "raise", expected: nextStep(state) ?? "none" },
      labels: { step: stepLabels.raise, expected: alreadyRaised }
    })]
  }
  if (!isEventTag(event._tag)) return [...found, unknownEvent(["_tag"])]
  if (event._tag === "Redone") {
    if (!isStep(event.step)) {
      found.push(notOneOf(["step"], "step", steps))
    } else if (event.step === "raise") {
      // raising is never undone (no Raised can follow it); going back to just after it is a redo of sort
      found.push(messages.make("DELIB_PROCESS_REDO_RAISE", {
        path: ["step"],
        params: { step: "raise", instead: "sort" },
        labels: { step: stepLabels.raise, instead: stepLabels.sort }
      }))
    } else if (!state.done.includes(event.step)) {
      found.push(messages.make("DELIB_PROCESS_REDO_NOT_DONE", {
        path: ["step"],
        params: { step: event.step },
        labels: { step: stepLabels[event.step] }
      }))
    }
    if (blank(event.reason)) {
      found.push(messages.make("DELIB_PROCESS_REASON_REQUIRED", {
        path: ["reason"],
        params: { action: "redo" },
        labels: { action: { zh: "重做一步", en: "redoing a step" } }
      }))
    }
    return found
  }
  const step = stepOfTag[event._tag]
  const expected = nextStep(state)
  if (step !== expected) {
    return [
      ...found,
      messages.make("DELIB_PROCESS_STEP_OUT_OF_ORDER", {
        path: ["_tag"],
        params: { step, expected: expected ?? "none" },
        labels: { step: stepLabels[step], expected: nextClause(expected) }
      })
    ]
  }
  switch (event._tag) {
    case "Sorted": {
      const scope = event.scope
      if (
        typeof scope !== "object" || scope === null || !Array.isArray(scope.estates) ||
        !Array.isArray(scope.buildings) ||
        scope.estates.length + scope.buildings.length === 0
      ) {
        found.push(messages.make("DELIB_PROCESS_SCOPE_EMPTY", { path: ["scope"] }))
      }
      const byDefault = categories[state.matter.category].rule
      if (event.rule !== byDefault && (event.override === undefined || blank(event.override.reason))) {
        found.push(messages.make("DELIB_PROCESS_REASON_REQUIRED", {
          path: ["override", "reason"],
          params: { action: "override" },
          labels: { action: { zh: "改用其他表决规则", en: "overriding the category's rule" } }
        }))
      }
      if (blank(event.rule)) {
        found.push(
          messages.make("DELIB_PROCESS_RULE_UNKNOWN", { path: ["rule"], params: { rule: String(event.rule) } })
        )
      }
      break
    }
    case "Decided": {
      const d = event.decision
      if (typeof d !== "object" || d === null) {
        found.push(invalidInput(["decision"], "decision"))
      } else {
        if (d.rule !== state.rule) {
          found.push(messages.make("DELIB_PROCESS_DECISION_MISMATCH", {
            path: ["decision", "rule"],
            params: { actual: String(d.rule), expected: String(state.rule) }
          }))
        }
        if (d.matter !== state.matter.id) {
          found.push(messages.make("DELIB_PROCESS_DECISION_OTHER_MATTER", {
            path: ["decision", "matter"],
            params: { actual: String(d.matter), expected: state.matter.id }
          }))
        }
      }
      break
    }
    case "Handled": {
      if (state.decision?.passed !== true) found.push(messages.make("DELIB_PROCESS_NOT_PASSED", { path: ["_tag"] }))
      break
    }
    case "Published": {
      if (blank(event.notice)) {
        found.push(
          invalidInput(["notice"], "noticeRef")
        )
      }
      if (typeof event.until !== "string" || !datePattern.test(event.until) || event.until < event.on) {
        found.push(
          messages.make("DELIB_NOTICE_PERIOD_INVALID", { path: ["until"], params: { days: String(event.until) } })
        )
      }
      break
    }
    case "FedBack": {
      if (blank(event.feedback)) {
        found.push(
          invalidInput(["feedback"], "feedbackRef")
        )
      }
      break
    }
    case "Discussed":
      break
  }
  return found
}

const apply = (state: State, event: Event): State => {
  const history = freeze([...state.history, event])
  if (event._tag === "Redone") {
    const keep = state.done.slice(0, state.done.indexOf(event.step))
    const next: { -readonly [K in keyof State]: State[K] } = { ...state, history, done: freeze(keep) }
    if (!keep.includes("sort")) {
      delete next.rule
      delete next.scope
    }
    if (!keep.includes("decide")) delete next.decision
    return freeze(next)
  }
  const done = freeze([...state.done, stepOfTag[event._tag as keyof typeof stepOfTag]])
  switch (event._tag) {
    case "Sorted":
      return freeze({ ...state, history, done, rule: event.rule, scope: event.scope })
    case "Decided":
      return freeze({ ...state, history, done, decision: event.decision })
    default:
      return freeze({ ...state, history, done })
  }
}

/**
 * Records the next step (or a redo) of a matter: refused, with every problem and the state
 * unchanged, when the step is out of order, dated before the last one, misses what it needs
 * (a scope when sorting; a reason to override the category's rule; a decision counted by the
 * matter's rule; a passed decision before handling) or redoes a step not done, or raising; an
 * event of no known `_tag`, or a redo of no step, gives `DELIB_INPUT_NOT_ONE_OF` with the tags or
 * the steps allowed.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * const r = { people: [], units: [], evidence: [] }
 * const sorted = Process.record(Process.example(), {
 *   _tag: "Sorted", on: "2024-10-10", ...r, scope: { estates: ["美佳星座"], buildings: [] }, rule: "civil-code-278-ordinary"
 * })
 * if (sorted._tag === "Success") console.log(Process.nextStep(sorted.success)) // "discuss"
 * const early = Process.record(Process.example(), { _tag: "Handled", on: "2024-10-10", ...r })
 * if (early._tag === "Failure") console.log(early.failure.issues[0]!.message.zh) // "现在应进行\"小区分事\"，不能进行\"综合办事\""
 * if (early._tag === "Failure") console.log(early.failure.issues[0]!.message.en) // "The next step is \"sort per estate\"; \"handle jointly\" cannot be done now"
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const record: {
  (event: Event): (state: State) => Result.Result<State, ValidationReport.ValidationReport>
  (state: State, event: Event): Result.Result<State, ValidationReport.ValidationReport>
} = dual(2, (state: State, event: Event): Result.Result<State, ValidationReport.ValidationReport> => {
  try {
    if (typeof event !== "object" || event === null) {
      return Result.fail(ValidationReport.of(invalidInput([], "event")))
    }
    const found = issuesOf(state, event)
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    return Result.succeed(apply(state, freeze({ ...event })))
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
})

/**
 * Replays a stored history, refusing the first event that could not have happened (its index
 * is in the issue's path).
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * const replayed = Process.replay(Process.example().history)
 * if (replayed._tag === "Success") console.log(replayed.success.done) // ["raise"]
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const replay = (history: ReadonlyArray<Event>): Result.Result<State, ValidationReport.ValidationReport> => {
  try {
    const first = history[0]
    if (first !== undefined && !isEventTag(first._tag)) {
      return Result.fail(ValidationReport.of(unknownEvent(["history", 0, "_tag"])))
    }
    if (first === undefined || first._tag !== "Raised") {
      return Result.fail(ValidationReport.of(messages.make("DELIB_PROCESS_STEP_OUT_OF_ORDER", {
        path: ["history", 0],
        params: { step: String(first?._tag), expected: "raise" },
        labels: { step: eventLabel(first), expected: nextClause("raise") }
      })))
    }
    let state = raise(first)
    for (let i = 1; i < history.length && Result.isSuccess(state); i++) {
      const next = record(state.success, history[i]!)
      state = Result.isFailure(next)
        ? Result.fail(
          ValidationReport.make(next.failure.issues.map((issue) => ({ ...issue, path: ["history", i, ...issue.path] })))
        )
        : next
    }
    return state
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
}

/**
 * The electorate the matter is decided by: the owners of the buildings sorting fixed (all of
 * them when only estates were named), or the members' electorate as it is.
 *
 * @example
 * ```ts
 * import { Electorate, Process } from "@gongzhi/deliberation"
 *
 * const r = { people: [], units: [], evidence: [] }
 * const sorted = Process.record(Process.example(), {
 *   _tag: "Sorted", on: "2024-10-10", ...r, scope: { estates: [], buildings: ["2"] }, rule: "civil-code-278-ordinary"
 * })
 * if (sorted._tag === "Success") {
 *   const e = Process.electorateOf(sorted.success, Electorate.example())
 *   if (e._tag === "Success") console.log(e.success.totals.headcount) // 1
 * }
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const electorateOf = (
  state: State,
  full: Electorate.Electorate
): Result.Result<Electorate.Electorate, ValidationReport.ValidationReport> =>
  safely(
    Result.fail(
      ValidationReport.of(invalidInput([], "stateAndElectorate"))
    ),
    () => electorateIn(state, full)
  )

const electorateIn = (
  state: State,
  full: Electorate.Electorate
): Result.Result<Electorate.Electorate, ValidationReport.ValidationReport> => {
  if (state.scope === undefined) {
    return Result.fail(ValidationReport.of(messages.make("DELIB_PROCESS_SCOPE_EMPTY", { path: ["scope"] })))
  }
  return state.scope.buildings.length === 0 ? Result.succeed(full) : Electorate.restrict(full, state.scope.buildings)
}

/**
 * Every time a step was done or redone, oldest first, with its zh/en name. An event it cannot
 * name a step for — a redo of no step, an event of no known `_tag`, or no event at all, which only
 * a state built by hand can hold (`record` and `replay` refuse them) — is left out; every other
 * entry is kept, in its place.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.timeline(Process.example())[0]) // { on: "2024-10-08", step: "raise", label: { zh: "公开提事", en: "raise openly" }, redo: false }
 * const s = Process.example()
 * const odd = { ...s, history: [...s.history, { ...s.history[0]!, _tag: "Redone", step: "vote", reason: "?" }] } as Process.State
 * console.log(Process.timeline(odd).length) // 1
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const timeline = (
  state: State
): ReadonlyArray<{ readonly on: string; readonly step: Step; readonly label: Label.Label; readonly redo: boolean }> =>
  safely([], () => timelineOf(state))

const timelineOf = (
  state: State
): ReadonlyArray<{ readonly on: string; readonly step: Step; readonly label: Label.Label; readonly redo: boolean }> =>
  state.history.flatMap((e: Event | null | undefined) => {
    if (typeof e !== "object" || e === null) return []
    const redo = e._tag === "Redone"
    const step: unknown = redo ? e.step : isEventTag(e._tag) ? stepOfTag[e._tag] : undefined
    if (!isStep(step)) return []
    return [{
      on: e.on,
      step,
      label: redo ? Label.make(`重做${stepLabels[step].zh}`, `redo: ${stepLabels[step].en}`) : stepLabels[step],
      redo
    }]
  })

/**
 * A raised matter for examples: 外墙瓷砖维修, using the maintenance fund.
 *
 * @example
 * ```ts
 * import { Process } from "@gongzhi/deliberation"
 *
 * console.log(Process.example().matter.title) // "外墙瓷砖维修"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const example = (): State =>
  ValidationReport.getOrThrow(raise({
    matter: { id: "example-matter", title: "外墙瓷砖维修", category: "fund-use", raisedBy: "南城社区党委" },
    on: "2024-10-08",
    people: ["葛精莉"],
    units: ["业主委员会"],
    evidence: [{ kind: "minutes", ref: "archive://example/raise.pdf" }]
  }))
