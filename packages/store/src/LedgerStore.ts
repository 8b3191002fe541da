/**
 * points-ledger's `JournalStore` on the stream store: one stream per journal, one record per
 * entry (type = the command's kind, payload = the entry, idempotency key = the command's key).
 * `JournalStore.appendCommand` and `JournalStore.load` work on it unchanged; a stale writer
 * gets `LEDGER_SEQUENCE_CONFLICT`, a tampered row the store's `STORE_*` issue naming it.
 *
 * @since 0.2.0
 */
import { Issue, ValidationReport } from "@gongzhi/core"
import { Entry, Journal, JournalStore, Messages as LedgerMessages } from "@gongzhi/points-ledger"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { messages } from "./Messages.js"
import * as StreamStore from "./StreamStore.js"

/**
 * The stream of a journal: `ledger/<name>`.
 *
 * @example
 * ```ts
 * import { LedgerStore } from "@gongzhi/store"
 *
 * console.log(LedgerStore.streamOf("pingli")) // ledger/pingli
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const streamOf = (journal: string): string => `ledger/${journal}`

// A stale writer (its expected length, or a key it reuses with another entry, tells that its
// journal is behind): the ledger's conflict, so that it reloads and retries; the ledger's own
// idempotency then answers a retried command.
const conflict = (
  report: ValidationReport.ValidationReport,
  expected: number,
  actual: number
): ValidationReport.ValidationReport =>
  ValidationReport.make(
    report.issues.map((issue) =>
      issue.code === "STORE_SEQUENCE_CONFLICT" || issue.code === "STORE_IDEMPOTENCY_MISMATCH"
        ? LedgerMessages.messages.make("LEDGER_SEQUENCE_CONFLICT", { path: [], params: { expected, actual } })
        : issue
    )
  )

const isStale = (report: ValidationReport.ValidationReport) =>
  report.issues.some((i) => i.code === "STORE_SEQUENCE_CONFLICT" || i.code === "STORE_IDEMPOTENCY_MISMATCH")

/**
 * Decodes the entries of stored records, checking that each entry's seq is its record's.
 *
 * @example
 * ```ts
 * import { LedgerStore } from "@gongzhi/store"
 *
 * console.log(LedgerStore.entriesOf([])._tag) // Success
 * ```
 *
 * @category decoding
 * @since 0.2.0
 */
export const entriesOf = (
  records: ReadonlyArray<{ readonly seq: number; readonly payload: unknown }>
): Result.Result<ReadonlyArray<Entry.Entry>, ValidationReport.ValidationReport> => {
  const decoded = Entry.decodeAll(records.map((r) => r.payload))
  if (Result.isFailure(decoded)) {
    return Result.fail(ValidationReport.make(decoded.failure.issues.map((issue) => {
      const index = issue.path[0]
      const seq = typeof index === "number" ? records[index]?.seq ?? index : index
      return { ...issue, path: ["records", ...(seq === undefined ? [] : [seq]), ...issue.path.slice(1)] }
    })))
  }
  const issues: Array<Issue.DomainIssue> = []
  decoded.success.forEach((entry, i) => {
    const seq = records[i]!.seq
    if (entry.seq !== seq) {
      issues.push(LedgerMessages.messages.make("LEDGER_REPLAY_MISMATCH", {
        path: ["records", seq, "seq"],
        params: { index: seq, field: "seq" },
        labels: { field: { zh: "序号", en: "seq" } }
      }))
    }
  })
  return issues.length > 0 ? Result.fail(ValidationReport.make(issues)) : decoded
}

/**
 * A `JournalStore` layer keeping the journal `name` in the stream store (see {@link streamOf}).
 *
 * @example
 * ```ts no-run
 * import { CivilDate } from "@gongzhi/core"
 * import { Journal, JournalStore, Presets } from "@gongzhi/points-ledger"
 * import { LedgerStore, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer } from "effect"
 *
 * const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
 * const on = CivilDate.makeUnsafe("2024-02-01")
 * const program = Effect.gen(function*() {
 *   const j = yield* JournalStore.appendCommand(Journal.make(setup), { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } })
 *   yield* JournalStore.appendCommand(j.journal, { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning" })
 *   const loaded = yield* JournalStore.load(setup)
 *   return Journal.balance(loaded, "ha")
 * })
 * const live = LedgerStore.layer("pingli").pipe(Layer.provide(StreamStore.layerMemory()))
 * const balance = await Effect.runPromise(Effect.provide(program, live))
 * if (balance._tag === "Success") console.log(balance.success.available) // 5
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layer = (name: string): Layer.Layer<JournalStore.JournalStore, never, StreamStore.StreamStore> =>
  Layer.effect(
    JournalStore.JournalStore,
    Effect.map(Effect.service(StreamStore.StreamStore), (store) => {
      const stream = streamOf(name)
      return JournalStore.JournalStore.of({
        append: (entries, expectedLength) =>
          Effect.suspend(() =>
            store.append(
              stream,
              entries.map((entry) => ({ type: entry.command._tag, payload: entry, key: entry.command.key })),
              expectedLength
            )
          ).pipe(
            Effect.catch((report) =>
              isStale(report)
                ? Effect.flatMap(
                  Effect.orElseSucceed(store.head(stream), () => ({ length: -1 })),
                  (head) => Effect.fail(conflict(report, expectedLength, head.length))
                )
                : Effect.fail(report)
            ),
            Effect.asVoid
          ),
        read: (from) =>
          Effect.flatMap(store.read(stream, from), (records) => {
            const entries = entriesOf(records)
            return Result.isFailure(entries) ? Effect.fail(entries.failure) : Effect.succeed(entries.success)
          })
      })
    })
  )

const snapshotMismatch = (name: string, seq: number) =>
  ValidationReport.of(
    messages.make("STORE_SNAPSHOT_MISMATCH", { path: ["snapshots", seq], params: { stream: streamOf(name), seq } })
  )

/**
 * Saves a real points-journal snapshot (`Journal.snapshot`: the whole state anchored to the
 * journal's head) for the journal `name`, keyed by the number of entries it folds; the store ties
 * it to the hash of the record of the last of them. Gives the number of entries it folds.
 *
 * @example
 * ```ts no-run
 * import { CivilDate } from "@gongzhi/core"
 * import { Journal, JournalStore, Presets } from "@gongzhi/points-ledger"
 * import { LedgerStore, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer } from "effect"
 *
 * const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
 * const on = CivilDate.makeUnsafe("2024-02-01")
 * const program = Effect.gen(function*() {
 *   const j = yield* JournalStore.appendCommand(Journal.make(setup), { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } })
 *   return yield* LedgerStore.saveSnapshot("pingli", j.journal)
 * })
 * const live = LedgerStore.layer("pingli").pipe(Layer.provideMerge(StreamStore.layerMemory()))
 * console.log(await Effect.runPromise(Effect.provide(program, live))) // 1
 * ```
 *
 * @category snapshots
 * @since 0.2.0
 */
export const saveSnapshot = (
  name: string,
  journal: Journal.Journal
): Effect.Effect<number, ValidationReport.ValidationReport, StreamStore.StreamStore> =>
  Effect.gen(function*() {
    const taken = Journal.snapshot(journal)
    if (Result.isFailure(taken)) return yield* Effect.fail(taken.failure)
    const store = yield* StreamStore.StreamStore
    const saved = yield* store.saveSnapshot(streamOf(name), taken.success.head.seq + 1, taken.success)
    return saved.seq
  })

/**
 * Opens the stored journal `name` from its newest snapshot and the entries after it
 * (`Journal.fromSnapshot`: no command of the snapshot's part is run again; every tail entry is
 * replayed with every rule), or by a full replay when it has none. A snapshot that does not
 * match its entries is refused: the store's anchor (the record hash it was tied to), the number
 * of entries it claims, the journal's head it claims (the stored entry at that seq), the setup
 * it was made for, its own consistency, and the tail continuing it.
 *
 * @example
 * ```ts no-run
 * import { CivilDate } from "@gongzhi/core"
 * import { Journal, JournalStore, Presets } from "@gongzhi/points-ledger"
 * import { LedgerStore, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer } from "effect"
 *
 * const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
 * const on = CivilDate.makeUnsafe("2024-02-01")
 * const program = Effect.gen(function*() {
 *   const j = yield* JournalStore.appendCommand(Journal.make(setup), { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } })
 *   yield* LedgerStore.saveSnapshot("pingli", j.journal)
 *   yield* JournalStore.appendCommand(j.journal, { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning" })
 *   const opened = yield* LedgerStore.open("pingli", setup)
 *   return Journal.balance(opened, "ha")
 * })
 * const live = LedgerStore.layer("pingli").pipe(Layer.provideMerge(StreamStore.layerMemory()))
 * const balance = await Effect.runPromise(Effect.provide(program, live))
 * if (balance._tag === "Success") console.log(balance.success.available) // 5
 * ```
 *
 * @category snapshots
 * @since 0.2.0
 */
export const open = (
  name: string,
  setup: Journal.Setup,
  options?: { readonly head?: Entry.Head | undefined }
): Effect.Effect<Journal.Journal, ValidationReport.ValidationReport, StreamStore.StreamStore> =>
  Effect.gen(function*() {
    const store = yield* StreamStore.StreamStore
    const stream = streamOf(name)
    const opened = yield* store.loadSnapshot(stream)
    const tail = entriesOf(opened.tail)
    if (Result.isFailure(tail)) return yield* Effect.fail(tail.failure)
    const replayOptions = options?.head === undefined ? undefined : { head: options.head }
    if (opened.snapshot === undefined) {
      const replayed = Journal.replay(setup, tail.success, replayOptions)
      return Result.isFailure(replayed) ? yield* Effect.fail(replayed.failure) : replayed.success
    }
    const { seq, state } = opened.snapshot
    const claimed = (state as { readonly head?: { readonly seq?: unknown; readonly hash?: unknown } } | null)?.head
    if (claimed?.seq !== seq - 1) return yield* Effect.fail(snapshotMismatch(name, seq))
    if (tail.success.length === 0) {
      // nothing after it to continue the snapshot's head: its head must be the stored entry
      const anchor = entriesOf(yield* store.read(stream, seq - 1))
      if (Result.isFailure(anchor)) return yield* Effect.fail(anchor.failure)
      if (anchor.success[0]?.hash !== claimed.hash) return yield* Effect.fail(snapshotMismatch(name, seq))
    }
    const restored = Journal.fromSnapshot(setup, state, tail.success, replayOptions)
    return Result.isFailure(restored) ? yield* Effect.fail(restored.failure) : restored.success
  })
