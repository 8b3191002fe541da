/**
 * Storage of a journal for hosts that persist it (a database table, a file, a key-value
 * store): an effect service with two operations, append entries at an expected length and
 * read entries back. The in-memory implementation is a `Layer`; a host writes its own layer
 * over its database. Loading replays every stored command, so a stored journal always gives
 * the same state and hashes.
 *
 * What a store implements and relies on:
 *
 * - **Entries in.** `append(entries, expectedLength)` stores all the entries or none, and only
 *   when the store holds exactly `expectedLength` entries (optimistic concurrency). Entries are
 *   plain JSON values (`Entry.Entry`): store them as they are; `Entry.decodeAll` accepts every
 *   entry a journal wrote, and nothing a store adds may change a field (the hash covers them).
 * - **Journal out.** `read(from)` gives the entries from an index on, oldest first;
 *   `load(setup, { head })` replays them into a journal (every command checked again, every
 *   entry compared), the same as `Journal.fromEntries`.
 * - **The head.** After each append, `Journal.head(journal)` is `{ seq, hash }` of the last
 *   entry. Keep it apart from the entries (another table, another party) or publish it: `load`
 *   and `Entry.verify(entries, { head })` then find entries cut off at the end and whole
 *   rewrites, which the chain alone cannot.
 * - **Snapshots.** `Journal.upTo(journal, seq)` is the state after the entry `seq`, with its
 *   head; a state is not serialised (a store keeps entries and heads, and a load replays).
 * - **Verification without replay.** `Entry.verify(entries, { hashChain, head })` checks the
 *   chain, sequence and balance of stored entries alone (no scheme needed).
 *
 * @since 0.1.0
 */
import { ValidationReport } from "@gongzhi/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import type * as Command from "./Command.js"
import type * as Entry from "./Entry.js"
import * as Journal from "./Journal.js"
import { messages } from "./Messages.js"

/**
 * The storage service of a journal. `append` must store all the entries or none, and only
 * when the store holds exactly `expectedLength` entries (else it fails with
 * `LEDGER_SEQUENCE_CONFLICT`): this is the optimistic concurrency of several writers.
 *
 * @example
 * ```ts
 * import { JournalStore } from "@gongzhi/points-ledger"
 * import { Effect } from "effect"
 *
 * const count = Effect.gen(function*() {
 *   const store = yield* JournalStore.JournalStore
 *   return (yield* store.read(0)).length
 * })
 * console.log(Effect.runSync(Effect.provide(count, JournalStore.layerMemory()))) // 0
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export class JournalStore extends Context.Service<JournalStore, {
  /** Appends entries when the store holds exactly `expectedLength` entries. */
  readonly append: (
    entries: ReadonlyArray<Entry.Entry>,
    expectedLength: number
  ) => Effect.Effect<void, ValidationReport.ValidationReport>
  /** Reads the entries from an index on, oldest first. */
  readonly read: (from: number) => Effect.Effect<ReadonlyArray<Entry.Entry>, ValidationReport.ValidationReport>
}>()("@gongzhi/points-ledger/JournalStore") {}

/**
 * An in-memory store (optionally seeded with entries), for tests, demos and browser apps.
 *
 * @example
 * ```ts
 * import { JournalStore } from "@gongzhi/points-ledger"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* JournalStore.JournalStore
 *   return yield* Effect.result(store.append([], 5))
 * })
 * const result = Effect.runSync(Effect.provide(program, JournalStore.layerMemory()))
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "LEDGER_SEQUENCE_CONFLICT"
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory = (initial: ReadonlyArray<Entry.Entry> = []): Layer.Layer<JournalStore> =>
  Layer.sync(JournalStore, () => {
    const stored: Array<Entry.Entry> = [...initial]
    return {
      append: (entries, expectedLength) =>
        Effect.suspend(() => {
          if (expectedLength !== stored.length) {
            return Effect.fail(ValidationReport.of(messages.make("LEDGER_SEQUENCE_CONFLICT", {
              path: [],
              params: { expected: expectedLength, actual: stored.length }
            })))
          }
          for (const entry of entries) stored.push(entry)
          return Effect.void
        }),
      read: (from) => Effect.sync(() => stored.slice(Math.max(0, from)))
    }
  })

/**
 * Appends a command to a journal and stores the new entry (nothing is stored for an
 * idempotent replay or an expiry run that expired nothing).
 *
 * @example
 * ```ts
 * import { Journal, JournalStore, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 * import { Effect } from "effect"
 *
 * const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
 * const on = CivilDate.makeUnsafe("2024-02-01")
 * const program = Effect.gen(function*() {
 *   const j1 = yield* JournalStore.appendCommand(Journal.make(setup), { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } })
 *   yield* JournalStore.appendCommand(j1.journal, { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning" })
 *   const loaded = yield* JournalStore.load(setup)
 *   return Journal.balance(loaded, "ha")
 * })
 * console.log(Effect.runSync(Effect.provide(program, JournalStore.layerMemory()))) // Success { account: "ha", available: 5, … }
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const appendCommand = (
  journal: Journal.Journal,
  command: Command.Command
): Effect.Effect<Journal.Appended, ValidationReport.ValidationReport, JournalStore> =>
  Effect.gen(function*() {
    const result = Journal.append(journal, command)
    if (Result.isFailure(result)) return yield* Effect.fail(result.failure)
    const appended = result.success
    if (appended.entry !== undefined && !appended.replayed) {
      const store = yield* JournalStore
      yield* store.append([appended.entry], appended.entry.seq)
    }
    return appended
  })

/**
 * Loads the stored journal: reads every entry and replays it (see `Journal.replay`),
 * failing if any entry does not match what its command produces or the chain is broken;
 * with `options.head` (a head kept apart from the entries, or published), also if the stored
 * entries stop before it or differ from it (cut off at the end, or rewritten).
 *
 * @example
 * ```ts
 * import { JournalStore, Presets } from "@gongzhi/points-ledger"
 * import { Effect } from "effect"
 *
 * const loaded = Effect.runSync(Effect.provide(
 *   JournalStore.load({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }),
 *   JournalStore.layerMemory()
 * ))
 * console.log(loaded.length) // 0
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const load = (
  setup: Journal.Setup,
  options?: Journal.ReplayOptions
): Effect.Effect<Journal.Journal, ValidationReport.ValidationReport, JournalStore> =>
  Effect.gen(function*() {
    const store = yield* JournalStore
    const entries = yield* store.read(0)
    const result = Journal.replay(setup, entries, options)
    return Result.isFailure(result) ? yield* Effect.fail(result.failure) : result.success
  })
