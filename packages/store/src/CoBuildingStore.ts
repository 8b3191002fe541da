/**
 * The event sequences of co-building on the stream store: an agreement's lifecycle (its
 * history of `Lifecycle.Event`s), a micro-wish (its posting, then its `MicroWish.Event`s) and a
 * whistle (blown, arrivals, completions, closed). Each lives in its own stream
 * (`agreement/<id>`, `wish/<id>`, `whistle/<id>`); `save…` appends what happened since the
 * stored length (the expected seq: a stale writer gets `STORE_SEQUENCE_CONFLICT`), `load…`
 * reads the stream and replays it with the package's own transitions, so a stored sequence
 * that could not have happened is refused.
 *
 * @since 0.2.0
 */
import { Lifecycle, MicroWish, Whistle } from "@gongzhi/co-building-agreement"
import { Instant, Issue, ValidationReport } from "@gongzhi/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { messages } from "./Messages.js"
import type * as Record from "./Record.js"
import * as StreamStore from "./StreamStore.js"

/**
 * What happens to a whistle, in order: blown (the call), a party's arrival or completion
 * report, closed.
 *
 * @example
 * ```ts
 * import { CoBuildingStore } from "@gongzhi/store"
 * import { Schema } from "effect"
 *
 * const event = { _tag: "Closed", at: "2024-07-02T01:00:00+08:00" }
 * console.log(Schema.is(CoBuildingStore.WhistleEvent)(event)) // true
 * ```
 *
 * @category schemas
 * @since 0.2.0
 */
export const WhistleEvent = Schema.Union([
  Schema.TaggedStruct("Blown", { call: Whistle.Call }),
  Schema.TaggedStruct("Arrived", {
    party: Schema.String,
    at: Instant.Instant,
    kind: Schema.optionalKey(Schema.Literals(["unit", "department"]))
  }),
  Schema.TaggedStruct("Completed", {
    party: Schema.String,
    at: Instant.Instant,
    kind: Schema.optionalKey(Schema.Literals(["unit", "department"]))
  }),
  Schema.TaggedStruct("Closed", { at: Instant.Instant })
]).annotate({ identifier: "WhistleEvent" })

/**
 * The type of {@link WhistleEvent}.
 *
 * @example
 * ```ts
 * import type { CoBuildingStore } from "@gongzhi/store"
 * import { Instant } from "@gongzhi/core"
 *
 * const e: CoBuildingStore.WhistleEvent = { _tag: "Arrived", party: "fire", at: Instant.makeUnsafe("2024-07-01T21:20:00+08:00") }
 * console.log(e._tag) // Arrived
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type WhistleEvent = typeof WhistleEvent.Type

/**
 * A loaded value with the number of records its stream holds (the expected seq of the next
 * save).
 *
 * @example
 * ```ts
 * import type { CoBuildingStore } from "@gongzhi/store"
 *
 * const loaded: CoBuildingStore.Loaded<string> = { value: "x", length: 3 }
 * console.log(loaded.length) // 3
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Loaded<A> {
  readonly value: A
  readonly length: number
}

/**
 * The co-building store service.
 *
 * @example
 * ```ts no-run
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate, Id } from "@gongzhi/core"
 * import { CoBuildingStore, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer, Result } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* CoBuildingStore.CoBuildingStore
 *   const posted = MicroWish.example()
 *   const length = yield* store.saveWish(posted, 0)
 *   const claimed = Result.getOrThrow(MicroWish.claim(posted, { unit: Id.UnitId.make("unit-07"), on: CivilDate.makeUnsafe("2024-03-06") }))
 *   yield* store.saveWish(claimed, length)
 *   return (yield* store.loadWish(posted.id)).value.status
 * })
 * const live = CoBuildingStore.layer.pipe(Layer.provide(StreamStore.layerMemory()))
 * console.log(await Effect.runPromise(Effect.provide(program, live))) // claimed
 * ```
 *
 * @category services
 * @since 0.2.0
 */
export class CoBuildingStore extends Context.Service<CoBuildingStore, {
  /** Appends the agreement's history after `storedLength` events; gives the new length. */
  readonly saveLifecycle: (
    state: Lifecycle.State,
    storedLength: number
  ) => Effect.Effect<number, ValidationReport.ValidationReport>
  /** Reads and replays an agreement's history. */
  readonly loadLifecycle: (
    agreement: string,
    options?: { readonly predecessor?: string }
  ) => Effect.Effect<Loaded<Lifecycle.State>, ValidationReport.ValidationReport>
  /** Appends the wish's history after `storedLength` events (the first carries the posting). */
  readonly saveWish: (
    wish: MicroWish.Wish,
    storedLength: number
  ) => Effect.Effect<number, ValidationReport.ValidationReport>
  /** Reads and replays a wish. */
  readonly loadWish: (wish: string) => Effect.Effect<Loaded<MicroWish.Wish>, ValidationReport.ValidationReport>
  /** Appends whistle events at the expected seq. */
  readonly appendWhistle: (
    whistle: string,
    events: ReadonlyArray<WhistleEvent>,
    expectedSeq: number
  ) => Effect.Effect<number, ValidationReport.ValidationReport>
  /** Reads and replays a whistle. */
  readonly loadWhistle: (whistle: string) => Effect.Effect<Loaded<Whistle.Whistle>, ValidationReport.ValidationReport>
}>()("@gongzhi/store/CoBuildingStore") {}

const prefix = (report: ValidationReport.ValidationReport, path: Issue.Path) =>
  ValidationReport.make(report.issues.map(Issue.prefixPath(path)))

const encodeWith = <S extends Schema.Top>(schema: S) => {
  const encode = Schema.encodeUnknownResult(schema as never)
  return (value: unknown, path: Issue.Path): Result.Result<unknown, ValidationReport.ValidationReport> =>
    Result.mapError(encode(value), (e) => ValidationReport.fromSchemaIssue((e as Schema.SchemaError).issue, path))
}

const decodeWith = <S extends Schema.Top>(schema: S) => {
  const decode = Schema.decodeUnknownResult(schema as never)
  return (value: unknown, path: Issue.Path): Result.Result<S["Type"], ValidationReport.ValidationReport> =>
    Result.mapError(
      decode(value),
      (e) => ValidationReport.fromSchemaIssue((e as Schema.SchemaError).issue, path)
    ) as never
}

const WishRecord = Schema.Union([
  Schema.TaggedStruct("Posted", { on: MicroWish.Event.members[0].fields.on, posting: MicroWish.Posting }),
  MicroWish.Event.members[1],
  MicroWish.Event.members[2],
  MicroWish.Event.members[3],
  MicroWish.Event.members[4]
])

const encodeLifecycle = encodeWith(Lifecycle.Event)
const decodeLifecycle = decodeWith(Lifecycle.Event)
const encodeWish = encodeWith(WishRecord)
const decodeWish = decodeWith(WishRecord)
const encodeWhistle = encodeWith(WhistleEvent)
const decodeWhistle = decodeWith(WhistleEvent)

const fromResult = <A>(r: Result.Result<A, ValidationReport.ValidationReport>) =>
  Result.isFailure(r) ? Effect.fail(r.failure) : Effect.succeed(r.success)

const all = <A>(
  items: ReadonlyArray<unknown>,
  f: (item: unknown, i: number) => Result.Result<A, ValidationReport.ValidationReport>
): Result.Result<ReadonlyArray<A>, ValidationReport.ValidationReport> => {
  const out: Array<A> = []
  const issues: Array<Issue.DomainIssue> = []
  items.forEach((item, i) => {
    const r = f(item, i)
    if (Result.isFailure(r)) issues.push(...r.failure.issues)
    else out.push(r.success)
  })
  return issues.length > 0 ? Result.fail(ValidationReport.make(issues)) : Result.succeed(out)
}

const replayWish = (
  stream: string,
  records: ReadonlyArray<typeof WishRecord.Type>
): Result.Result<MicroWish.Wish, ValidationReport.ValidationReport> => {
  const first = records[0]
  if (first === undefined || first._tag !== "Posted" || !("posting" in first)) {
    return Result.fail(ValidationReport.of(messages.make("STORE_HISTORY_START", {
      path: ["records", 0],
      params: { stream, first: "Posted" }
    })))
  }
  let wish: Result.Result<MicroWish.Wish, ValidationReport.ValidationReport> = MicroWish.post(first.posting)
  for (let i = 1; i < records.length && Result.isSuccess(wish); i++) {
    const event = records[i]!
    const current: MicroWish.Wish = wish.success
    const at = (r: Result.Result<MicroWish.Wish, ValidationReport.ValidationReport>) =>
      Result.mapError(r, (report) => prefix(report, ["records", i]))
    switch (event._tag) {
      case "Claimed":
        wish = at(MicroWish.claim(current, { unit: event.unit, on: event.on }))
        break
      case "Withdrawn":
        wish = at(MicroWish.withdraw(current, { unit: event.unit, on: event.on, reason: event.reason }))
        break
      case "FellBack":
        // the policy that made it due is not part of the history: the wish is only checked to be open
        wish = current.status === "published"
          ? Result.succeed({ ...current, status: "fallen-back", history: [...current.history, event] })
          : Result.fail(ValidationReport.of(messages.make("STORE_WISH_NOT_OPEN", {
            path: ["records", i],
            params: { stream, seq: i }
          })))
        break
      case "Delivered": {
        const delivered = at(MicroWish.deliver(current, event.on))
        wish = Result.isSuccess(delivered) && delivered.success.delivered?.by !== event.by
          ? Result.fail(ValidationReport.of(messages.make("STORE_WISH_DELIVERER_MISMATCH", {
            path: ["records", i, "by"],
            params: { stream, seq: i, by: event.by, expected: delivered.success.delivered?.by ?? "" }
          })))
          : delivered
        break
      }
      case "Posted":
        wish = Result.fail(ValidationReport.of(messages.make("STORE_HISTORY_FIRST_ONLY", {
          path: ["records", i],
          params: { stream, seq: i, type: "Posted" }
        })))
    }
  }
  return wish
}

const replayWhistle = (
  stream: string,
  events: ReadonlyArray<WhistleEvent>
): Result.Result<Whistle.Whistle, ValidationReport.ValidationReport> => {
  const first = events[0]
  if (first === undefined || first._tag !== "Blown") {
    return Result.fail(ValidationReport.of(messages.make("STORE_HISTORY_START", {
      path: ["records", 0],
      params: { stream, first: "Blown" }
    })))
  }
  let whistle = Result.mapError(Whistle.blow(first.call), (r) => prefix(r, ["records", 0]))
  for (let i = 1; i < events.length && Result.isSuccess(whistle); i++) {
    const event = events[i]!
    const current = whistle.success
    let next: Result.Result<Whistle.Whistle, ValidationReport.ValidationReport>
    switch (event._tag) {
      case "Arrived":
      case "Completed": {
        const report = event.kind === undefined
          ? { party: event.party, at: event.at }
          : { party: event.party, at: event.at, kind: event.kind }
        next = event._tag === "Arrived"
          ? Whistle.reportArrival(current, report)
          : Whistle.reportCompletion(current, report)
        break
      }
      case "Closed":
        next = Whistle.close(current, event.at)
        break
      case "Blown":
        next = Result.fail(ValidationReport.of(messages.make("STORE_HISTORY_FIRST_ONLY", {
          path: ["records", i],
          params: { stream, seq: i, type: "Blown" }
        })))
    }
    whistle = Result.mapError(next, (r) => prefix(r, ["records", i]))
  }
  return whistle
}

/**
 * The co-building store on the stream store.
 *
 * @example
 * ```ts no-run
 * import { Presets } from "@gongzhi/co-building-agreement"
 * import { CoBuildingStore, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* CoBuildingStore.CoBuildingStore
 *   const state = Presets.mingquanScenario({ year: 2024 }).records[0]!
 *   yield* store.saveLifecycle(state, 0)
 *   const loaded = yield* store.loadLifecycle(state.agreement.id)
 *   return [loaded.value.status, loaded.length === state.history.length]
 * })
 * const live = CoBuildingStore.layer.pipe(Layer.provide(StreamStore.layerMemory()))
 * console.log(await Effect.runPromise(Effect.provide(program, live))) // [ 'active', true ]
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layer: Layer.Layer<CoBuildingStore, never, StreamStore.StreamStore> = Layer.effect(
  CoBuildingStore,
  Effect.map(Effect.service(StreamStore.StreamStore), (store) => {
    const appendEncoded = (
      stream: string,
      items: ReadonlyArray<unknown>,
      expectedSeq: number,
      encode: (item: unknown, i: number) => Result.Result<unknown, ValidationReport.ValidationReport>
    ) =>
      Effect.gen(function*() {
        const payloads = yield* fromResult(all(items, encode))
        const records: Array<Record.Input> = payloads.map((payload) => ({
          type: String((payload as { readonly _tag: unknown })._tag),
          payload
        }))
        const appended = yield* store.append(stream, records, expectedSeq)
        return appended.head.length
      })
    const readDecoded = <A>(
      stream: string,
      decode: (payload: unknown, path: Issue.Path) => Result.Result<A, ValidationReport.ValidationReport>
    ) =>
      Effect.flatMap(
        store.read(stream),
        (records) => fromResult(all(records.map((r) => r.payload), (p, i) => decode(p, ["records", records[i]!.seq])))
      )
    const historyOf = (value: { readonly history?: unknown }): ReadonlyArray<unknown> => {
      const history = value?.history
      return Array.isArray(history) ? history : []
    }
    return CoBuildingStore.of({
      saveLifecycle: (state, storedLength) =>
        Effect.suspend(() =>
          appendEncoded(
            `agreement/${state.agreement.id}`,
            historyOf(state).slice(storedLength),
            storedLength,
            (e, i) => encodeLifecycle(e, ["history", storedLength + i])
          )
        ),
      loadLifecycle: (agreement, options) =>
        Effect.gen(function*() {
          const events = yield* readDecoded(`agreement/${agreement}`, decodeLifecycle)
          const state = yield* fromResult(Lifecycle.replay(events, options))
          return { value: state, length: events.length }
        }),
      saveWish: (wish, storedLength) =>
        Effect.suspend(() => {
          const { history: _history, status: _status, claim: _claim, delivered: _delivered, ...posting } = wish
          const records = historyOf(wish).map((event, i) => i === 0 ? { ...(event as object), posting } : event)
          return appendEncoded(
            `wish/${wish.id}`,
            records.slice(storedLength),
            storedLength,
            (e, i) => encodeWish(e, ["history", storedLength + i])
          )
        }),
      loadWish: (wish) =>
        Effect.gen(function*() {
          const records = yield* readDecoded(`wish/${wish}`, decodeWish)
          return { value: yield* fromResult(replayWish(`wish/${wish}`, records)), length: records.length }
        }),
      appendWhistle: (whistle, events, expectedSeq) =>
        Effect.suspend(() =>
          appendEncoded(
            `whistle/${whistle}`,
            Array.isArray(events) ? events : [],
            expectedSeq,
            (e, i) => encodeWhistle(e, ["events", i])
          )
        ),
      loadWhistle: (whistle) =>
        Effect.gen(function*() {
          const events = yield* readDecoded(`whistle/${whistle}`, decodeWhistle)
          return { value: yield* fromResult(replayWhistle(`whistle/${whistle}`, events)), length: events.length }
        })
    })
  })
)
