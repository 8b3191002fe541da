/**
 * Loading a journal (re-exported by the `Journal` module): a replay of stored entries (every
 * check, or trusted entries from the journal's own store), and snapshots taken and restored.
 */
import { ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Entry from "../Entry.js"
import * as Hasher from "../Hasher.js"
import { messages } from "../Messages.js"
import type * as RedemptionCatalog from "../RedemptionCatalog.js"
import type * as Scheme from "../Scheme.js"
import * as Snapshot from "../Snapshot.js"
import { attach, attachedState, stateOf } from "./handle.js"
import { detached, type Journal, make, type Setup, wrap } from "./journalValue.js"
import { checkHead, replayInto } from "./replay.js"
import { encode, type Refs, restore } from "./snapshot.js"
import { readEntries } from "./snapshotEntries.js"
import { State } from "./state.js"

/**
 * Rebuilds a journal from stored entries by running every command again with all checks,
 * and fails if any entry differs from what the commands produce (postings, sequence, hashes)
 * or the chain is broken: the same entries always give the same state and hashes.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
 * const on = CivilDate.makeUnsafe("2024-02-01")
 * const built = Journal.appendAll(Journal.make(setup), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning" }
 * ])
 * if (built._tag === "Success") {
 *   const replayed = Journal.replay(setup, Journal.entries(built.success.journal))
 *   if (replayed._tag === "Success") console.log(Journal.lastHash(replayed.success) === Journal.lastHash(built.success.journal)) // true
 * }
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const replay = (
  setup: Setup,
  stored: ReadonlyArray<Entry.Entry>,
  options?: ReplayOptions
): Result.Result<Journal, ValidationReport.ValidationReport> => {
  try {
    return replayUnsafe(setup, stored, options)
  } catch {
    return Result.fail(ValidationReport.of(messages.make("LEDGER_COMMAND_UNREADABLE", {
      path: [],
      params: { field: "(entries)" }
    })))
  }
}

/**
 * What {@link replay} may check besides the entries themselves: the head the journal must
 * reach (published earlier or kept by the store apart from the entries).
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const options: Journal.ReplayOptions = { head: { seq: 9, hash: "ab…" } }
 * console.log(options.head?.seq)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface ReplayOptions {
  readonly head?: Entry.Head | undefined
  /**
   * Entries from the journal's own store, whose chain the store checked when it read them: the
   * commands are not read again and the hashes not recomputed (every rule still runs, and each
   * entry's seq, link to the previous hash and postings are compared): about twice as fast as
   * the full replay (the package bench prints both); `verify` the journal afterwards to
   * recompute the chain.
   */
  readonly trusted?: boolean | undefined
}

/**
 * Rebuilds a journal from its entries: the same as {@link replay} (every command run again
 * with all checks, every entry compared), named for what a host does after a journal value was
 * copied (`structuredClone`, JSON) and lost its state: `fromEntries(setup, entries)`.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const setup = { scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }
 * const copy = structuredClone(Journal.make(setup))
 * console.log(Journal.verify(copy), Journal.fromEntries(setup, [])._tag) // { _tag: "Broken", index: 0, reason: "detached" } Success
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const fromEntries = (
  setup: Setup,
  stored: ReadonlyArray<Entry.Entry>,
  options?: ReplayOptions
): Result.Result<Journal, ValidationReport.ValidationReport> => replay(setup, stored, options)

const refsOf = (
  o: { readonly scheme: Scheme.Scheme; readonly catalog: RedemptionCatalog.RedemptionCatalog },
  hasher: Hasher.Hasher
): Refs => ({
  scheme: {
    id: o.scheme.id,
    schemaVersion: o.scheme.schemaVersion,
    digest: hasher.sha256Hex(Entry.canonical(o.scheme))
  },
  catalog: {
    id: o.catalog.id,
    schemaVersion: o.catalog.schemaVersion,
    digest: hasher.sha256Hex(Entry.canonical(o.catalog))
  },
  hashVersion: Entry.hashVersion
})

/**
 * The state of a journal as plain data (see the `Snapshot` module): its entries, every
 * account with its balances, lots, history and cap counters, the holds, what each entry did
 * (to reverse it), the reversals and the stock, anchored to its head. `JSON.stringify` keeps
 * all of it; a store persists it and restores the journal with {@link fromSnapshot} without
 * running a command again. For the state after entry `seq`, snapshot `upTo(journal, seq)`.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning" }
 * ])
 * if (built._tag === "Success") {
 *   const taken = Journal.snapshot(built.success.journal)
 *   if (taken._tag === "Success") console.log(taken.success.head.seq, taken.success.accounts[5]?.balance) // 1 5
 * }
 * ```
 *
 * @category snapshots
 * @since 0.3.0
 */
export const snapshot = (journal: Journal): Result.Result<Snapshot.Snapshot, ValidationReport.ValidationReport> => {
  const state = attachedState(journal)
  if (state === undefined) return Result.fail(detached())
  return Result.succeed(encode(state, refsOf(state.options, state.options.hasher)))
}

// the commands are read by the journal's own reader (the Command schema's rules, quick), the rest by the schema
const decodeShell = ValidationReport.decodeUnknown(Schema.Struct({
  ...Snapshot.Snapshot.fields,
  entries: Schema.Struct({ ...Snapshot.Snapshot.fields.entries.fields, commands: Schema.Unknown })
}))

/**
 * Restores a journal from a snapshot (any JavaScript value, e.g. parsed JSON) and then appends
 * the entries written after it (`tail`, each replayed with every check and compared, the
 * first continuing the snapshot's head). The snapshot is decoded with the `Snapshot` schema
 * (every problem at once), refused when it was made for another scheme or catalog (id,
 * version or content), another chain setting or hash version (`LEDGER_SNAPSHOT_SETUP_MISMATCH`),
 * and refused when it contradicts itself (`LEDGER_SNAPSHOT_INCONSISTENT`: balances that are not
 * the sums of their postings or of their lots, held points that are not the open holds,
 * entries that do not link or do not end at the head, lots owned twice, records of the wrong
 * kind, …). The restored journal is the one the full replay gives: the same entries, state,
 * balances, head and answers to further appends.
 *
 * A snapshot is trusted state: no command is run again, and the hashes of its entries are
 * not recomputed (`verify` the journal for that). A host that distrusts the snapshot's writer
 * checks its head against one published elsewhere (`options.head`), or replays the entries.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make(setup), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e1", on, account: "ha", activity: "cleaning" },
 *   { _tag: "Earn", key: "e2", on, account: "ha", activity: "cleaning" }
 * ])
 * if (built._tag === "Success") {
 *   const journal = built.success.journal
 *   const taken = Journal.snapshot(Journal.upTo(journal, 1))
 *   if (taken._tag === "Success") {
 *     const stored = JSON.parse(JSON.stringify(taken.success))
 *     const restored = Journal.fromSnapshot(setup, stored, Journal.entries(journal).slice(2))
 *     if (restored._tag === "Success") console.log(Journal.lastHash(restored.success) === Journal.lastHash(journal)) // true
 *     const other = Journal.fromSnapshot({ ...setup, scheme: Presets.pingliScheme }, stored)
 *     if (other._tag === "Failure") console.log(other.failure.issues[0]?.code) // "LEDGER_SNAPSHOT_SETUP_MISMATCH"
 *   }
 * }
 * ```
 *
 * @category snapshots
 * @since 0.3.0
 */
export const fromSnapshot = (
  setup: Setup,
  input: unknown,
  tail: ReadonlyArray<Entry.Entry> = [],
  options?: ReplayOptions
): Result.Result<Journal, ValidationReport.ValidationReport> => {
  try {
    const shell = decodeShell(input)
    if (Result.isFailure(shell)) return Result.fail(shell.failure)
    const hashChain = setup.hashChain ?? true
    const read = readEntries(shell.success.entries, shell.success.accounts, hashChain ? Entry.genesis : "", ["entries"])
    if (read.issues.length > 0) return Result.fail(ValidationReport.make(read.issues))
    const decoded = { success: { ...shell.success, entries: read.entries } }
    const engineOptions = {
      scheme: setup.scheme,
      catalog: setup.catalog,
      hashChain: setup.hashChain ?? true,
      hasher: setup.hasher ?? Hasher.detected
    }
    const state = restore(engineOptions, refsOf(setup, engineOptions.hasher), decoded.success)
    if (!(state instanceof State)) return Result.fail(ValidationReport.make(state))
    const failed = replayInto(state, tail, ["tail"], options?.trusted === true) ?? checkHead(state, options?.head)
    if (failed !== undefined) return Result.fail(failed)
    return Result.succeed(attach(wrap(setup, state.length), state))
  } catch {
    return Result.fail(ValidationReport.of(messages.make("LEDGER_COMMAND_UNREADABLE", {
      path: [],
      params: { field: "(snapshot)" }
    })))
  }
}

const replayUnsafe = (
  setup: Setup,
  stored: ReadonlyArray<Entry.Entry>,
  options: ReplayOptions | undefined
): Result.Result<Journal, ValidationReport.ValidationReport> => {
  const journal = make(setup)
  const state = stateOf(journal)
  const failed = replayInto(state, stored, [], options?.trusted === true) ?? checkHead(state, options?.head)
  if (failed !== undefined) return Result.fail(failed)
  return Result.succeed(attach(wrap(setup, stored.length), state))
}
