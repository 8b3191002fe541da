/**
 * Scoring methods (计分方法): how one indicator turns its input into points. Eight methods are
 * built in (checklist, linear, threshold bands, ratio to target, rank among peers, deduction
 * per occurrence, manual score with justification, JSON Logic expression); integrators add
 * their own with {@link defineMethod} and a {@link Registry}, without forking.
 *
 * @since 0.1.0
 */
import { type Issue, Label, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Expression from "./Expression.js"
import { isFiniteNumber } from "./internal/guards.js"
import { ItemId } from "./internal/ids.js"
import { messages } from "./Messages.js"

/**
 * What a method's score function sees besides its input: the indicator's maximum, its id,
 * the state `prepare` computed over all subjects, and the subject being scored.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const context: Method.Context<undefined> = {
 *   max: 10, indicatorId: "hours", state: undefined,
 *   subject: { id: "m-1", group: undefined, attributes: {} }
 * }
 * console.log(context.max)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Context<State> {
  /** The indicator's maximum points; the engine clamps the method's points to `[0, max]`. */
  readonly max: number
  /** The indicator's id. */
  readonly indicatorId: string
  /** What `prepare` returned (`undefined` for methods without `prepare`). */
  readonly state: State
  /** The subject being scored. */
  readonly subject: SubjectView
}

/**
 * The parts of a subject a method may read: id, peer group and attributes.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const view: Method.SubjectView = { id: "gc-01", group: "古南街道", attributes: { street: "古南" } }
 * console.log(view.group)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface SubjectView {
  readonly id: string
  readonly group: string | undefined
  readonly attributes: Readonly<Record<string, string | number | boolean>>
}

/**
 * What a method's score function returns: points, or points with a note for the explanation.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const outcome: Method.Outcome = { points: 8, note: { zh: "3 项中完成 2 项", en: "2 of 3 items met" } }
 * console.log(outcome.points)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Outcome {
  readonly points: number
  readonly note?: Label.Label | undefined
}

/**
 * One input of a method over all subjects, given to `prepare` (e.g. to rank among peers).
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const peer: Method.PeerInput<number> = { input: 42, subject: { id: "gc-01", group: undefined, attributes: {} } }
 * console.log(peer.input)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface PeerInput<Input> {
  readonly input: Input
  readonly subject: SubjectView
}

/**
 * A scoring method: its name, label, config and input schemas, and a pure score function.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * const linear: Method.Method<Method.LinearConfig, number, undefined> = Method.linear
 * console.log(linear.name) // "linear"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Method<Config, Input, State> {
  /** The name plans use to refer to the method (`method: { name, config }`). */
  readonly name: string
  /** What the method is called, in zh and en. */
  readonly label: Label.Label
  /** Schema of the method's configuration in a plan. */
  readonly config: Schema.Decoder<Config>
  /** Schema of the value a subject gives for an indicator scored by this method. */
  readonly input: Schema.Decoder<Input>
  /** What the input must be, for messages ("a number", "一个数值"). */
  readonly inputDescription: Label.Label
  /** A fast type test of an input (defaults to `Schema.is(input)`). */
  readonly guard: (u: unknown) => u is Input
  /** Checks a decoded config against the indicator (paths relative to the config). */
  readonly checkConfig: (config: Config, max: number) => ReadonlyArray<Issue.DomainIssue>
  /** Checks a well-typed input (range, references; paths relative to the value). */
  readonly checkInput:
    | ((input: Input, config: Config, context: Context<undefined>) => ReadonlyArray<Issue.DomainIssue>)
    | undefined
  /** Computes a state over all subjects' inputs once per scoring run. */
  readonly prepare: ((config: Config, peers: ReadonlyArray<PeerInput<Input>>) => State) | undefined
  /**
   * Whether `prepare` reads the peers, declared (never inferred from the function): when
   * `true` the engine gives `prepare` every subject's input, when `false` none. Required with
   * `prepare`; {@link register} and `Plan.compile` refuse a method whose `prepare` has no
   * declaration.
   */
  readonly usesPeers: boolean
  /** The points of one input; the engine clamps them to `[0, max]` and rounds them. */
  readonly score: (input: Input, config: Config, context: Context<State>) => number | Outcome
}

/**
 * A method of any config, input and state, as kept in a registry.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * const all: ReadonlyArray<Method.Any> = [Method.linear, Method.checklist]
 * console.log(all.map((m) => m.name)) // ["linear", "checklist"]
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Any = Method<
  // oxlint-disable-next-line typescript/no-explicit-any -- any method, whatever its config, input and state
  any,
  // oxlint-disable-next-line typescript/no-explicit-any -- any input
  any,
  // oxlint-disable-next-line typescript/no-explicit-any -- any state
  any
>

/**
 * The `prepare` step of a method being defined, with its declaration of whether it reads the
 * peers (required with `prepare`: `usesPeers: true` to be given every subject's input).
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const preparation: Method.Preparation<{}, number, number> = {
 *   usesPeers: true,
 *   prepare: (_config, peers) => peers.length
 * }
 * console.log(preparation.usesPeers) // true
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Preparation<Config, Input, State> =
  | { readonly prepare?: undefined; readonly usesPeers?: false | undefined }
  | {
    readonly prepare: (config: Config, peers: ReadonlyArray<PeerInput<Input>>) => State
    readonly usesPeers: boolean
  }

/**
 * Defines a scoring method: a config schema, an input schema and a pure score function
 * (plus optional checks and a `prepare` step over all subjects).
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * // 邢台桥西: an in-service member passes with 50 hours a year; each hour above adds a bonus.
 * const hoursWithBonus = Method.defineMethod({
 *   name: "hours-with-bonus",
 *   label: { zh: "时长达标加分", en: "hours with bonus" },
 *   config: Schema.Struct({ pass: Schema.Finite, perHourAbove: Schema.Finite }),
 *   input: Schema.Finite,
 *   inputDescription: { zh: "服务小时数", en: "a number of hours" },
 *   score: (hours, config, context) =>
 *     hours < config.pass ? 0 : Math.min(context.max, 60 + (hours - config.pass) * config.perHourAbove)
 * })
 * console.log(hoursWithBonus.score(55, { pass: 50, perHourAbove: 2 }, {
 *   max: 100, indicatorId: "hours", state: undefined, subject: { id: "m", group: undefined, attributes: {} }
 * })) // 70
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const defineMethod = <Config, Input, State = undefined>(
  spec: {
    readonly name: string
    readonly label: Label.Label
    readonly config: Schema.Decoder<Config>
    readonly input: Schema.Decoder<Input>
    readonly inputDescription?: Label.Label | undefined
    readonly guard?: ((u: unknown) => u is Input) | undefined
    readonly checkConfig?: ((config: Config, max: number) => ReadonlyArray<Issue.DomainIssue>) | undefined
    readonly checkInput?:
      | ((input: Input, config: Config, context: Context<undefined>) => ReadonlyArray<Issue.DomainIssue>)
      | undefined
    readonly score: (input: Input, config: Config, context: Context<State>) => number | Outcome
  } & Preparation<Config, Input, State>
): Method<Config, Input, State> => {
  const is = Schema.is(spec.input)
  return {
    name: spec.name,
    label: spec.label,
    config: spec.config,
    input: spec.input,
    inputDescription: spec.inputDescription ?? { zh: "符合该方法要求的数据", en: `a valid ${spec.name} input` },
    guard: spec.guard ?? ((u: unknown): u is Input => is(u)),
    checkConfig: spec.checkConfig ?? (() => []),
    checkInput: spec.checkInput,
    prepare: spec.prepare,
    // as declared: a JavaScript caller that leaves it out with a `prepare` is told so by `register`
    usesPeers: spec.prepare === undefined ? (spec.usesPeers ?? false) : (spec.usesPeers as boolean),
    score: spec.score
  }
}

// ---------------------------------------------------------------------------
// Shared pieces of the built-in methods
// ---------------------------------------------------------------------------

const aNumber: Label.Label = { zh: "一个有限数值", en: "a finite number" }
const PositiveFinite = Schema.Finite.check(Schema.isGreaterThan(0))
const NonNegativeFinite = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x)
const fmt = (n: number): string => String(Math.round(n * 10000) / 10000)

const outOfRange = (indicator: string, value: number, min: number, max: number, path: Issue.Path = []) =>
  messages.make("ASSESS_INPUT_OUT_OF_RANGE", { path, params: { indicator, value, min, max } })

// ---------------------------------------------------------------------------
// checklist
// ---------------------------------------------------------------------------

/**
 * Configuration of {@link checklist}: the items, each worth some points when met.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.ChecklistConfig = {
 *   items: [{ id: "meeting", label: { zh: "召开联席会议", en: "joint meeting held" }, points: 5 }]
 * }
 * console.log(config.items.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ChecklistConfig {
  readonly items: ReadonlyArray<{ readonly id: string; readonly label: Label.Label; readonly points: number }>
}

const ChecklistConfig: Schema.Decoder<ChecklistConfig> = Schema.Struct({
  items: Schema.NonEmptyArray(Schema.Struct({ id: ItemId, label: Label.Label, points: PositiveFinite }))
})

const stringArray = (u: unknown): u is ReadonlyArray<string> =>
  Array.isArray(u) && u.every((x) => typeof x === "string")

/**
 * Checklist (清单计分): the input lists the ids of the items met; points are the sum of
 * their points (each item counted once), capped at the indicator's maximum.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * const config = { items: [
 *   { id: "meeting", label: { zh: "召开联席会议", en: "joint meeting" }, points: 5 },
 *   { id: "list", label: { zh: "建立三张清单", en: "three lists kept" }, points: 5 }
 * ] }
 * const state = Method.checklist.prepare!(config, [])
 * const out = Method.checklist.score(["meeting"], config, {
 *   max: 10, indicatorId: "work", state, subject: { id: "gc", group: undefined, attributes: {} }
 * })
 * console.log(typeof out === "number" ? out : out.points) // 5
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const checklist: Method<ChecklistConfig, ReadonlyArray<string>, ReadonlyMap<string, number>> = defineMethod({
  name: "checklist",
  label: { zh: "清单计分", en: "checklist" },
  config: ChecklistConfig,
  input: Schema.Array(Schema.String),
  inputDescription: { zh: "已完成事项编号的数组", en: "an array of the ids of the items met" },
  guard: stringArray,
  checkConfig: (config) => duplicates(config.items.map((i) => i.id), "checklist item", ["items"]),
  checkInput: (input, config, context) => {
    const known = new Set(config.items.map((i) => i.id))
    const found: Array<Issue.DomainIssue> = []
    input.forEach((item, i) => {
      if (!known.has(item)) {
        found.push(messages.make("ASSESS_CHECKLIST_ITEM_UNKNOWN", {
          path: [i],
          params: { indicator: context.indicatorId, item }
        }))
      }
    })
    return found
  },
  usesPeers: false,
  prepare: (config): ReadonlyMap<string, number> => new Map(config.items.map((i) => [i.id, i.points])),
  score: (input, config, context) => {
    const seen = new Set<string>()
    let points = 0
    for (const id of input) {
      if (seen.has(id)) continue
      seen.add(id)
      points += context.state.get(id) ?? 0
    }
    return {
      points,
      note: {
        zh: `${config.items.length} 项中完成 ${seen.size} 项`,
        en: `${seen.size} of ${config.items.length} items met`
      }
    }
  }
})

/** Issues for ids used more than once. */
const duplicates = (ids: ReadonlyArray<string>, kind: string, path: Issue.Path): Array<Issue.DomainIssue> => {
  const seen = new Set<string>()
  const found: Array<Issue.DomainIssue> = []
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      found.push(messages.make("ASSESS_DUPLICATE_ID", { path: [...path, i, "id"], params: { kind, id } }))
    }
    seen.add(id)
  })
  return found
}

// ---------------------------------------------------------------------------
// linear
// ---------------------------------------------------------------------------

/**
 * Configuration of {@link linear}: the value scoring 0 (`floor`) and the value scoring the
 * maximum (`target`); a target below the floor means "lower is better".
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.LinearConfig = { floor: 0, target: 50 }
 * console.log(config.target)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface LinearConfig {
  readonly floor: number
  readonly target: number
}

/**
 * Linear between a floor and a target (线性计分): `max × (value − floor) / (target − floor)`,
 * clamped to `[0, max]`.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * // 邢台桥西: 50 hours of service a year earn the full 20 points
 * const points = Method.linear.score(30, { floor: 0, target: 50 }, {
 *   max: 20, indicatorId: "hours", state: undefined, subject: { id: "m", group: undefined, attributes: {} }
 * })
 * console.log(points) // 12
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const linear: Method<LinearConfig, number, undefined> = defineMethod({
  name: "linear",
  label: { zh: "线性计分", en: "linear" },
  config: Schema.Struct({ floor: Schema.Finite, target: Schema.Finite }),
  input: Schema.Finite,
  inputDescription: aNumber,
  guard: isFiniteNumber,
  checkConfig: (config) =>
    config.floor === config.target
      ? [messages.make("ASSESS_RANGE_INVALID", { path: ["target"], params: { min: config.floor, max: config.target } })]
      : [],
  score: (value, config, context) => context.max * clamp01((value - config.floor) / (config.target - config.floor))
})

// ---------------------------------------------------------------------------
// bands
// ---------------------------------------------------------------------------

/**
 * Configuration of {@link bands}: value ranges `[min, below)` with their points, a hit policy
 * (`first` match, `unique` — ranges may not overlap —, or `max` of the matches) and the points
 * when no band matches (`otherwise`, default 0).
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.BandsConfig = {
 *   hitPolicy: "unique",
 *   bands: [{ below: 2, points: 0 }, { min: 2, below: 4, points: 5 }, { min: 4, points: 10 }]
 * }
 * console.log(config.bands.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface BandsConfig {
  readonly hitPolicy: "first" | "unique" | "max"
  readonly bands: ReadonlyArray<{ readonly min?: number; readonly below?: number; readonly points: number }>
  readonly otherwise?: number
}

const BandsConfig: Schema.Decoder<BandsConfig> = Schema.Struct({
  hitPolicy: Schema.Literals(["first", "unique", "max"]),
  bands: Schema.NonEmptyArray(Schema.Struct({
    min: Schema.optionalKey(Schema.Finite),
    below: Schema.optionalKey(Schema.Finite),
    points: NonNegativeFinite
  })),
  otherwise: Schema.optionalKey(NonNegativeFinite)
})

const noBand: Label.Label = { zh: "未命中任何分档", en: "no band matched" }
const bandNote = (i: number): Label.Label => ({ zh: `命中第 ${i + 1} 档`, en: `band ${i + 1} matched` })

const bandIssues = (config: BandsConfig): Array<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  config.bands.forEach((band, i) => {
    if (band.min !== undefined && band.below !== undefined && band.min >= band.below) {
      found.push(
        messages.make("ASSESS_RANGE_INVALID", { path: ["bands", i], params: { min: band.min, max: band.below } })
      )
    }
  })
  if (config.hitPolicy === "unique" && found.length === 0) {
    const order = config.bands.map((band, i) => ({ i, lo: band.min ?? -Infinity, hi: band.below ?? Infinity }))
      .sort((a, b) => a.lo - b.lo || a.i - b.i)
    order.forEach((cur, k) => {
      const prev = order[k - 1]
      if (prev !== undefined && cur.lo < prev.hi) {
        found.push(messages.make("ASSESS_BANDS_OVERLAP", {
          path: ["bands", cur.i],
          params: { first: Math.min(prev.i, cur.i), second: Math.max(prev.i, cur.i) }
        }))
      }
    })
  }
  return found
}

/**
 * What {@link bands} prepares once per scoring run from its config: each band's bounds
 * (`min`, `below`; a missing bound as ∓Infinity) and one frozen outcome per band and for no
 * band, shared by every value scored to it. A state prepared from another config object is not
 * used: the config's own bands are read then.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.BandsConfig = { hitPolicy: "first", bands: [{ below: 2, points: 0 }, { min: 2, points: 5 }] }
 * const state: Method.BandsState = Method.bands.prepare!(config, [])
 * console.log(state.below[0], state.outcomes[1]!.points) // 2 5
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface BandsState {
  /** The config the state was prepared from. */
  readonly config: BandsConfig
  /** Each band's lower bound (inclusive), -Infinity when it has none. */
  readonly min: Float64Array
  /** Each band's upper bound (exclusive), Infinity when it has none. */
  readonly below: Float64Array
  /** Each band's outcome: its points and the note "band i matched". */
  readonly outcomes: ReadonlyArray<Outcome>
  /** The outcome when no band matches: `otherwise` (default 0) and the note "no band matched". */
  readonly otherwise: Outcome
}

/**
 * Threshold bands (分档计分), like a DMN decision table with a declared hit policy: the
 * value's band gives the points.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * // joint meetings a year: fewer than 2 → 0, 2–3 → 5, 4 or more → 10
 * const config = { hitPolicy: "unique" as const, bands: [{ below: 2, points: 0 }, { min: 2, below: 4, points: 5 }, { min: 4, points: 10 }] }
 * const out = Method.bands.score(3, config, {
 *   max: 10, indicatorId: "meetings", state: Method.bands.prepare!(config, []), subject: { id: "gc", group: undefined, attributes: {} }
 * })
 * console.log(typeof out === "number" ? out : out.points) // 5
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const bands: Method<BandsConfig, number, BandsState> = defineMethod({
  name: "bands",
  label: { zh: "分档计分", en: "threshold bands" },
  config: BandsConfig,
  input: Schema.Finite,
  inputDescription: aNumber,
  guard: isFiniteNumber,
  checkConfig: bandIssues,
  usesPeers: false,
  prepare: (config): BandsState => ({
    config,
    min: Float64Array.from(config.bands, (band) => band.min ?? -Infinity),
    below: Float64Array.from(config.bands, (band) => band.below ?? Infinity),
    outcomes: config.bands.map((band, i) => Object.freeze({ points: band.points, note: bandNote(i) })),
    otherwise: Object.freeze({ points: config.otherwise ?? 0, note: noBand })
  }),
  score: (value, config, context) => {
    const state = context.state
    if (state !== undefined && state.config === config) {
      // the prepared bounds and outcomes (the common case: the engine prepares every leaf's state)
      const { below, min, outcomes } = state
      // (the three lists have one entry per band; a typed array's missing entry reads NaN, never in a band)
      if (config.hitPolicy !== "max") {
        for (let i = 0; i < outcomes.length; i++) {
          const outcome = outcomes[i]
          if (outcome !== undefined && value >= (min[i] ?? NaN) && value < (below[i] ?? NaN)) return outcome
        }
        return state.otherwise
      }
      let hit: Outcome | undefined
      for (let i = 0; i < outcomes.length; i++) {
        const outcome = outcomes[i]
        if (
          outcome !== undefined && value >= (min[i] ?? NaN) && value < (below[i] ?? NaN) &&
          (hit === undefined || outcome.points > hit.points)
        ) hit = outcome
      }
      return hit ?? state.otherwise
    }
    let hit = -1
    let points = -1
    for (let i = 0; i < config.bands.length; i++) {
      const band = config.bands[i]
      if (band === undefined) continue
      if ((band.min === undefined || value >= band.min) && (band.below === undefined || value < band.below)) {
        if (config.hitPolicy === "max") {
          if (band.points > points) {
            points = band.points
            hit = i
          }
        } else {
          hit = i
          points = band.points
          break
        }
      }
    }
    return hit === -1 ? { points: config.otherwise ?? 0, note: noBand } : { points, note: bandNote(hit) }
  }
})

// ---------------------------------------------------------------------------
// ratio
// ---------------------------------------------------------------------------

/**
 * Configuration of {@link ratio}: the target value that earns the maximum.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.RatioConfig = { target: 60 }
 * console.log(config.target)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface RatioConfig {
  readonly target: number
}

/**
 * Ratio to target, capped (完成率计分): `max × min(value / target, 1)`; the input is not negative.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * // 邢台桥西: 60 volunteer points a year is the target
 * console.log(Method.ratio.score(45, { target: 60 }, {
 *   max: 20, indicatorId: "points", state: undefined, subject: { id: "m", group: undefined, attributes: {} }
 * })) // 15
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const ratio: Method<RatioConfig, number, undefined> = defineMethod({
  name: "ratio",
  label: { zh: "完成率计分", en: "ratio to target" },
  config: Schema.Struct({ target: PositiveFinite }),
  input: NonNegativeFinite,
  inputDescription: aNumber,
  guard: isFiniteNumber,
  checkInput: (value, _config, context) => value < 0 ? [outOfRange(context.indicatorId, value, 0, Infinity)] : [],
  score: (value, config, context) => context.max * Math.min(value / config.target, 1)
})

// ---------------------------------------------------------------------------
// rank
// ---------------------------------------------------------------------------

/**
 * Configuration of {@link rank}: which direction is better and whether peers are all
 * subjects or the subject's group.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.RankConfig = { order: "higher-is-better", among: "group" }
 * console.log(config.among)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface RankConfig {
  readonly order: "higher-is-better" | "lower-is-better"
  readonly among: "all" | "group"
}

/**
 * The state of {@link rank}: each peer group's values, best first.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const state: Method.RankState = new Map([["all", [30, 20, 10]]])
 * console.log(state.get("all"))
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type RankState = ReadonlyMap<string, ReadonlyArray<number>>

const groupKey = (config: RankConfig, subject: SubjectView): string =>
  config.among === "group" ? `g:${subject.group ?? ""}` : "all"

/**
 * Rank among peers (排名计分): the best value gets the maximum, the worst 0, the others in
 * between by competition rank: `max × (n − rank) / (n − 1)`; a lone subject gets the maximum.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * const config = { order: "higher-is-better" as const, among: "all" as const }
 * const subject = (id: string) => ({ id, group: undefined, attributes: {} })
 * const state = Method.rank.prepare!(config, [10, 20, 30].map((v, i) => ({ input: v, subject: subject(`s${i}`) })))
 * const out = Method.rank.score(20, config, { max: 10, indicatorId: "funds", state, subject: subject("s1") })
 * console.log(typeof out === "number" ? out : out.points) // 5
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const rank: Method<RankConfig, number, RankState> = defineMethod({
  name: "rank",
  label: { zh: "排名计分", en: "rank among peers" },
  config: Schema.Struct({
    order: Schema.Literals(["higher-is-better", "lower-is-better"]),
    among: Schema.Literals(["all", "group"])
  }),
  input: Schema.Finite,
  inputDescription: aNumber,
  guard: isFiniteNumber,
  usesPeers: true,
  prepare: (config, peers): RankState => {
    const groups = new Map<string, Array<number>>()
    for (const peer of peers) {
      const key = groupKey(config, peer.subject)
      let values = groups.get(key)
      if (values === undefined) groups.set(key, values = [])
      values.push(peer.input)
    }
    const sign = config.order === "higher-is-better" ? -1 : 1
    for (const values of groups.values()) values.sort((a, b) => sign * (a - b))
    return groups
  },
  score: (value, config, context) => {
    const values = context.state.get(groupKey(config, context.subject)) ?? [value]
    const n = values.length
    // competition rank: 1 + the number of peers strictly better (binary search in best-first order)
    const better = (x: number) => (config.order === "higher-is-better" ? x > value : x < value)
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (better(values[mid] ?? value)) lo = mid + 1
      else hi = mid
    }
    const position = lo + 1
    const points = n <= 1 ? context.max : context.max * (n - position) / (n - 1)
    return { points, note: { zh: `同组 ${n} 个中排第 ${position}`, en: `rank ${position} of ${n} peers` } }
  }
})

// ---------------------------------------------------------------------------
// deduction per occurrence
// ---------------------------------------------------------------------------

/**
 * Configuration of {@link deductionPerOccurrence}: the points taken off per occurrence.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.DeductionConfig = { pointsPerOccurrence: 2 }
 * console.log(config.pointsPerOccurrence)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface DeductionConfig {
  readonly pointsPerOccurrence: number
}

/**
 * Deduction per occurrence with a floor (扣分计分): starts from the maximum and takes off
 * the points per occurrence; an item never goes below zero (扣完为止).
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * // "三会一课" missed 4 times, 3 points each, out of 10: the item stops at 0
 * const out = Method.deductionPerOccurrence.score(4, { pointsPerOccurrence: 3 }, {
 *   max: 10, indicatorId: "meetings", state: undefined, subject: { id: "b", group: undefined, attributes: {} }
 * })
 * console.log(typeof out === "number" ? out : out.points) // 0
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const deductionPerOccurrence: Method<DeductionConfig, number, undefined> = defineMethod({
  name: "deduction-per-occurrence",
  label: { zh: "按次扣分", en: "deduction per occurrence" },
  config: Schema.Struct({ pointsPerOccurrence: PositiveFinite }),
  input: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  inputDescription: { zh: "非负整数次数", en: "a non-negative whole number of occurrences" },
  guard: (u): u is number => typeof u === "number" && Number.isSafeInteger(u),
  checkInput: (value, _config, context) =>
    value < 0 ? [outOfRange(context.indicatorId, value, 0, Number.MAX_SAFE_INTEGER)] : [],
  score: (count, config, context) => {
    const taken = count * config.pointsPerOccurrence
    return {
      points: Math.max(0, context.max - taken),
      note: {
        zh: `${count} 次，每次扣 ${fmt(config.pointsPerOccurrence)} 分${taken > context.max ? "，扣完为止" : ""}`,
        en: `${count} × ${fmt(config.pointsPerOccurrence)} off${taken > context.max ? ", stopped at zero" : ""}`
      }
    }
  }
})

// ---------------------------------------------------------------------------
// manual
// ---------------------------------------------------------------------------

/**
 * The input of {@link manual}: the points, the written justification and who gave them.
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const input: Method.ManualInput = { points: 18, justification: "牵头解决消防泵问题", by: "街道党工委" }
 * console.log(input.points)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ManualInput {
  readonly points: number
  readonly justification: string
  readonly by?: string
}

const ManualInput: Schema.Decoder<ManualInput> = Schema.Struct({
  points: Schema.Finite,
  justification: Schema.String,
  by: Schema.optionalKey(Schema.String)
})

/**
 * Manual score with a required justification (人工评分): the points must lie in
 * `[0, max]` and the justification must not be blank; it goes into the explanation.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * const context = { max: 20, indicatorId: "work", state: undefined, subject: { id: "gc", group: undefined, attributes: {} } }
 * const issues = Method.manual.checkInput!({ points: 18, justification: " " }, {}, context)
 * console.log(issues[0]?.code) // "ASSESS_JUSTIFICATION_MISSING"
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const manual: Method<{}, ManualInput, undefined> = defineMethod({
  name: "manual",
  label: { zh: "人工评分", en: "manual score" },
  config: Schema.Struct({}),
  input: ManualInput,
  inputDescription: { zh: "{ points, justification } 对象", en: "an object { points, justification }" },
  guard: (u): u is ManualInput =>
    typeof u === "object" && u !== null && isFiniteNumber((u as ManualInput).points) &&
    typeof (u as ManualInput).justification === "string" &&
    ((u as ManualInput).by === undefined || typeof (u as ManualInput).by === "string"),
  checkInput: (input, _config, context) => {
    const found: Array<Issue.DomainIssue> = []
    if (input.points < 0 || input.points > context.max) {
      found.push(outOfRange(context.indicatorId, input.points, 0, context.max, ["points"]))
    }
    if (input.justification.trim() === "") {
      found.push(messages.make("ASSESS_JUSTIFICATION_MISSING", {
        path: ["justification"],
        params: { indicator: context.indicatorId }
      }))
    }
    return found
  },
  score: (input) => ({
    points: input.points,
    note: {
      zh: `人工评分${input.by === undefined ? "" : `（${input.by}）`}：${input.justification}`,
      en: `scored by hand${input.by === undefined ? "" : ` (${input.by})`}: ${input.justification}`
    }
  })
})

// ---------------------------------------------------------------------------
// expression
// ---------------------------------------------------------------------------

/**
 * Configuration of {@link expression}: a JSON Logic rule. It reads `value` (the input),
 * `attributes` and `group` of the subject, and `max` (the indicator's maximum).
 *
 * @example
 * ```ts
 * import type { Method } from "@gongzhi/assessment-scoring"
 *
 * const config: Method.ExpressionConfig = { logic: { "min": [{ "*": [{ "var": "value" }, 2] }, { "var": "max" }] } }
 * console.log(JSON.stringify(config.logic))
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ExpressionConfig {
  readonly logic: Expression.Logic
}

/**
 * Expression in JSON Logic (表达式计分), compiled to closures (no code generated at run time): a
 * county's Java or Python back end can evaluate the same rule. The result must be a finite number.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * // 佛山: an in-service member who reported twice a year gets the full points, once half, never 0
 * const config = { logic: { "if": [{ ">=": [{ "var": "value" }, 2] }, { "var": "max" }, { "==": [{ "var": "value" }, 1] }, { "/": [{ "var": "max" }, 2] }, 0] } }
 * const state = Method.expression.prepare!(config, [])
 * console.log(Method.expression.score(1, config, {
 *   max: 10, indicatorId: "reports", state, subject: { id: "m", group: undefined, attributes: {} }
 * })) // 5
 * ```
 *
 * @category methods
 * @since 0.1.0
 */
export const expression: Method<ExpressionConfig, Schema.Json, Expression.Compiled | undefined> = defineMethod({
  name: "expression",
  label: { zh: "表达式计分（JSON Logic）", en: "JSON Logic expression" },
  config: Schema.Struct({ logic: Expression.Logic }),
  input: Schema.Json,
  inputDescription: { zh: "JSON 数据", en: "a JSON value" },
  guard: (u): u is Schema.Json =>
    u !== undefined && typeof u !== "function" && typeof u !== "symbol" && typeof u !== "bigint",
  checkConfig: (config) => {
    const compiled = Expression.compile(config.logic, ["logic"])
    return Result.isFailure(compiled) ? compiled.failure.issues : []
  },
  usesPeers: false,
  prepare: (config) => Result.getOrUndefined(Expression.compile(config.logic)),
  score: (value, _config, context) => {
    const out = context.state?.evaluate({
      value,
      max: context.max,
      attributes: context.subject.attributes,
      group: context.subject.group ?? null
    })
    return typeof out === "number" ? out : Number.NaN
  }
})

// ---------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------

/**
 * The methods a plan may refer to, by name.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * console.log(Method.names(Method.builtins).length) // 8
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Registry {
  readonly methods: ReadonlyMap<string, Any>
}

/**
 * The eight built-in methods.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * console.log(Method.names(Method.builtins).join(", "))
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const builtins: Registry = {
  methods: new Map<string, Any>(
    [checklist, linear, bands, ratio, rank, deductionPerOccurrence, manual, expression].map((m) => [m.name, m])
  )
}

/**
 * The names of a registry's methods, sorted.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * console.log(Method.names(Method.builtins)[0]) // "bands"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const names = (registry: Registry): ReadonlyArray<string> => [...registry.methods.keys()].sort()

/**
 * Looks a method up by name.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * console.log(Method.get(Method.builtins, "linear")?.label.zh) // "线性计分"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const get = (registry: Registry, name: string): Any | undefined => registry.methods.get(name)

const isLabel = (u: unknown): boolean =>
  typeof u === "object" && u !== null && typeof (u as Label.Label).zh === "string" &&
  typeof (u as Label.Label).en === "string"

/** What each member of a method must be: a test and the expected kind, in both languages. */
const memberRules: ReadonlyArray<readonly [keyof Any, (u: unknown) => boolean, Label.Label]> = [
  ["name", (u) => typeof u === "string" && u.trim() !== "", { zh: "非空文本", en: "a non-empty string" }],
  ["label", isLabel, { zh: "{ zh, en } 名称", en: "a label { zh, en }" }],
  ["config", Schema.isSchema, { zh: "配置的 Schema", en: "a Schema of the config" }],
  ["input", Schema.isSchema, { zh: "输入的 Schema", en: "a Schema of the input" }],
  ["inputDescription", isLabel, { zh: "{ zh, en } 说明", en: "a label { zh, en }" }],
  ["guard", (u) => typeof u === "function", { zh: "函数", en: "a function" }],
  ["checkConfig", (u) => typeof u === "function", { zh: "函数", en: "a function" }],
  ["checkInput", (u) => u === undefined || typeof u === "function", { zh: "函数或不填", en: "a function or nothing" }],
  ["prepare", (u) => u === undefined || typeof u === "function", { zh: "函数或不填", en: "a function or nothing" }],
  ["score", (u) => typeof u === "function", { zh: "函数", en: "a function" }]
]

/**
 * Checks a scoring method (a plug-in) and reports everything wrong with it
 * (`ASSESS_METHOD_INVALID`, the path naming the member): a missing or mistyped member, a
 * `prepare` without its declaration `usesPeers: true | false`, `usesPeers: true` without a
 * `prepare`. {@link register} runs it, and so does `Plan.compile` for the methods a plan uses.
 * Never throws (a member whose getter throws is reported as unreadable).
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 *
 * const plugin = { ...Method.rank, usesPeers: undefined }
 * console.log(Method.check(plugin).map((i) => i.path.join("."))) // [ 'usesPeers' ]
 * ```
 *
 * @category validation
 * @since 0.2.0
 */
export const check = (method: unknown): ReadonlyArray<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  let name = "?"
  const problem = (member: string, expected: Label.Label) =>
    found.push(messages.make("ASSESS_METHOD_INVALID", {
      path: [member],
      params: { method: name, member },
      labels: { expected }
    }))
  if (typeof method !== "object" || method === null) {
    problem("", { zh: "计分方法对象", en: "a scoring method object" })
    return found
  }
  const read = (key: string): { readonly ok: boolean; readonly value: unknown } => {
    try {
      return { ok: true, value: (method as Record<string, unknown>)[key] }
    } catch {
      return { ok: false, value: undefined }
    }
  }
  const named = read("name")
  if (named.ok && typeof named.value === "string") name = named.value
  for (const [key, test, expected] of memberRules) {
    const member = read(key)
    if (!member.ok) problem(key, { zh: "可读取的成员", en: "a readable member" })
    else if (!test(member.value)) problem(key, expected)
  }
  const prepare = read("prepare")
  const peers = read("usesPeers")
  if (!peers.ok) {
    problem("usesPeers", { zh: "可读取的成员", en: "a readable member" })
  } else if (typeof prepare.value === "function" && typeof peers.value !== "boolean") {
    problem("usesPeers", {
      zh: "有 prepare 时必须声明 usesPeers: true 或 false（是否读取全部对象的输入）",
      en: "usesPeers: true or false, declared with prepare (whether it reads every subject's input)"
    })
  } else if (prepare.value === undefined && peers.value === true) {
    problem("usesPeers", { zh: "没有 prepare 时不能为 true", en: "not true without a prepare" })
  }
  return found
}

/**
 * Adds a method to a registry (a new registry; the old one is unchanged), after checking it
 * ({@link check}: `ASSESS_METHOD_INVALID` for each member that is wrong), or fails with
 * `ASSESS_METHOD_DUPLICATE` when the name is taken.
 *
 * @example
 * ```ts
 * import { Method } from "@gongzhi/assessment-scoring"
 * import { pipe, Result, Schema } from "effect"
 *
 * const double = Method.defineMethod({
 *   name: "double", label: { zh: "双倍", en: "double" },
 *   config: Schema.Struct({}), input: Schema.Finite, score: (n: number) => n * 2
 * })
 * const registry = Result.getOrThrow(pipe(Method.builtins, Method.register(double)))
 * console.log(Method.names(registry).includes("double")) // true
 * console.log(Method.register(registry, double)._tag) // "Failure"
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const register: {
  (method: Any): (registry: Registry) => Result.Result<Registry, ValidationReport.ValidationReport>
  (registry: Registry, method: Any): Result.Result<Registry, ValidationReport.ValidationReport>
} = dual(2, (registry: Registry, method: Any): Result.Result<Registry, ValidationReport.ValidationReport> => {
  const problems = check(method)
  if (problems.length > 0) return Result.fail(ValidationReport.make(problems))
  if (registry.methods.has(method.name)) {
    return Result.fail(
      ValidationReport.of(messages.make("ASSESS_METHOD_DUPLICATE", { params: { method: method.name } }))
    )
  }
  const methods = new Map(registry.methods)
  methods.set(method.name, method)
  return Result.succeed({ methods })
})
