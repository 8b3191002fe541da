/**
 * deliberation's sequences on the stream store: a matter's seven-step history
 * (`Process.Event`s, stream `matter/<id>`) and a ballot box (opened, ballots cast, closed;
 * stream `ballots/<matter>`). `save…` appends what happened since the stored length (the
 * expected seq), `load…` replays the stream with deliberation's own `Process.replay` and
 * `Ballots.restore`, so a stored sequence that could not have happened is refused.
 *
 * @since 0.2.0
 */
import { ValidationReport } from "@gongzhi/core"
import { Ballots, Process } from "@gongzhi/deliberation"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { messages } from "./Messages.js"
import * as StreamStore from "./StreamStore.js"

/**
 * A loaded value with the number of records its stream holds (the expected seq of the next
 * save).
 *
 * @example
 * ```ts
 * import type { DeliberationStore } from "@gongzhi/store"
 *
 * const loaded: DeliberationStore.Loaded<number> = { value: 1, length: 1 }
 * console.log(loaded.length) // 1
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
 * The deliberation store service.
 *
 * @example
 * ```ts no-run
 * import { Ballots, Process } from "@gongzhi/deliberation"
 * import { DeliberationStore, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* DeliberationStore.DeliberationStore
 *   const matter = Process.example()
 *   yield* store.saveMatter(matter, 0)
 *   const box = Ballots.example()
 *   yield* store.saveBox(box, 0)
 *   const loaded = yield* store.loadBox(box.matter)
 *   return [(yield* store.loadMatter(matter.matter.id)).value.done, loaded.value.records.length === box.records.length]
 * })
 * const live = DeliberationStore.layer.pipe(Layer.provide(StreamStore.layerMemory()))
 * console.log(await Effect.runPromise(Effect.provide(program, live))) // [ [ 'raise' ], true ]
 * ```
 *
 * @category services
 * @since 0.2.0
 */
export class DeliberationStore extends Context.Service<DeliberationStore, {
  /** Appends the matter's history after `storedLength` events; gives the new length. */
  readonly saveMatter: (
    state: Process.State,
    storedLength: number
  ) => Effect.Effect<number, ValidationReport.ValidationReport>
  /** Reads and replays a matter. */
  readonly loadMatter: (matter: string) => Effect.Effect<Loaded<Process.State>, ValidationReport.ValidationReport>
  /** Appends the box's records (opened, ballots, closed) after `storedLength`; gives the new length. */
  readonly saveBox: (box: Ballots.Box, storedLength: number) => Effect.Effect<number, ValidationReport.ValidationReport>
  /** Reads and restores a ballot box. */
  readonly loadBox: (matter: string) => Effect.Effect<Loaded<Ballots.Box>, ValidationReport.ValidationReport>
}>()("@gongzhi/store/DeliberationStore") {}

type BoxRecord =
  | { readonly _tag: "Opened"; readonly box: Omit<Ballots.Box, "records" | "closedAt"> }
  | { readonly _tag: "Cast"; readonly ballot: Ballots.Ballot }
  | { readonly _tag: "Closed"; readonly at: string }

const fromResult = <A>(r: Result.Result<A, ValidationReport.ValidationReport>) =>
  Result.isFailure(r) ? Effect.fail(r.failure) : Effect.succeed(r.success)

const startsWith = (stream: string, first: string) =>
  ValidationReport.of(messages.make("STORE_HISTORY_START", { path: ["records", 0], params: { stream, first } }))

/**
 * The deliberation store on the stream store.
 *
 * @example
 * ```ts no-run
 * import { Process } from "@gongzhi/deliberation"
 * import { DeliberationStore, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(DeliberationStore.DeliberationStore), (s) => s.saveMatter(Process.example(), 0))
 * const live = DeliberationStore.layer.pipe(Layer.provide(StreamStore.layerMemory()))
 * console.log(await Effect.runPromise(Effect.provide(program, live))) // 1
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layer: Layer.Layer<DeliberationStore, never, StreamStore.StreamStore> = Layer.effect(
  DeliberationStore,
  Effect.map(Effect.service(StreamStore.StreamStore), (store) => {
    const append = (stream: string, items: ReadonlyArray<{ readonly _tag: string }>, storedLength: number) =>
      Effect.map(
        store.append(
          stream,
          items.slice(storedLength).map((payload) => ({ type: payload._tag, payload })),
          storedLength
        ),
        (appended) => appended.head.length
      )
    const recordsOf = (box: Ballots.Box): ReadonlyArray<BoxRecord> => {
      const { records, closedAt, ...opened } = box
      return [
        { _tag: "Opened", box: opened },
        ...records.map((ballot): BoxRecord => ({ _tag: "Cast", ballot })),
        ...(closedAt === undefined ? [] : [{ _tag: "Closed", at: closedAt } as const])
      ]
    }
    return DeliberationStore.of({
      saveMatter: (state, storedLength) =>
        Effect.suspend(() => append(`matter/${state.matter.id}`, state.history, storedLength)),
      loadMatter: (matter) =>
        Effect.gen(function*() {
          const records = yield* store.read(`matter/${matter}`)
          const state = yield* fromResult(Process.replay(records.map((r) => r.payload as Process.Event)))
          return { value: state, length: records.length }
        }),
      saveBox: (box, storedLength) =>
        Effect.suspend(() => append(`ballots/${box.matter}`, recordsOf(box), storedLength)),
      loadBox: (matter) =>
        Effect.gen(function*() {
          const stream = `ballots/${matter}`
          const records = (yield* store.read(stream)).map((r) => r.payload as BoxRecord)
          const first = records[0]
          if (first?._tag !== "Opened") return yield* Effect.fail(startsWith(stream, "Opened"))
          const closed = records.find((r): r is Extract<BoxRecord, { _tag: "Closed" }> => r._tag === "Closed")
          const box = {
            ...first.box,
            records: records.flatMap((r) => (r._tag === "Cast" ? [r.ballot] : [])),
            ...(closed === undefined ? {} : { closedAt: closed.at })
          } as unknown as Ballots.Box
          return { value: yield* fromResult(Ballots.restore(box)), length: records.length }
        })
    })
  })
)
