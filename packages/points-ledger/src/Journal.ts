/**
 * The points journal (积分账本): append-only and double entry. Every command is checked
 * against the scheme and the catalog (accounts, activities, caps, approvals, balances,
 * stock, limits, dates, idempotency keys, the expected sequence) and either appended as one
 * entry whose postings sum to zero, or rejected with every problem and nothing changed.
 * Earned points form lots that are spent oldest-expiring first and expire exactly once.
 *
 * A journal is an immutable value: `append` returns a new journal and leaves the old one as
 * it was. Appending to the newest value is fast (it takes over the shared state); using an
 * older value again rebuilds that value's state from its entries first.
 *
 * @since 0.1.0
 */
import { type CivilDate, Issue, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as Command from "./Command.js"
import * as Entry from "./Entry.js"
import * as Hasher from "./Hasher.js"
import { room } from "./internal/caps.js"
import { execute, historyAt, historyIndex, nothing, Rejected, Replayed, system } from "./internal/engine.js"
import { attach, attachedState, fresh, stateOf } from "./internal/handle.js"
import { checkHead, replayInto, verifyState } from "./internal/replay.js"
import { encode, type Refs, restore } from "./internal/snapshot.js"
import { readEntries } from "./internal/snapshotEntries.js"
import { State } from "./internal/state.js"
import { messages } from "./Messages.js"
import type * as RedemptionCatalog from "./RedemptionCatalog.js"
import type * as Scheme from "./Scheme.js"
import * as Snapshot from "./Snapshot.js"

/**
 * A points journal: its scheme, catalog, whether it keeps a hash chain, and its length.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const journal: Journal.Journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * console.log(journal.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Journal {
  readonly _tag: "Journal"
  /** The points scheme the journal applies. */
  readonly scheme: Scheme.Scheme
  /** The redemption catalog the journal sells from. */
  readonly catalog: RedemptionCatalog.RedemptionCatalog
  /** Whether each entry carries a SHA-256 hash chain. */
  readonly hashChain: boolean
  /** The number of entries. */
  readonly length: number
}

/**
 * What a journal is made from: the scheme, the catalog and whether to keep the hash chain
 * (on by default; off only for throw-away simulations).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const setup: Journal.Setup = { scheme: Presets.honganLoveBankScheme, catalog: Presets.honganLoveBankCatalog, hashChain: true }
 * console.log(Journal.make(setup).hashChain) // true
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Setup {
  readonly scheme: Scheme.Scheme
  readonly catalog: RedemptionCatalog.RedemptionCatalog
  readonly hashChain?: boolean | undefined
  /** The SHA-256 function of the chain (default: `Hasher.detected`, chosen when the package loads). */
  readonly hasher?: Hasher.Hasher | undefined
}

/**
 * The ids of the system accounts: the issuing pool (发放池, its balance is minus everything
 * issued), points held for pending redemptions, the redemption sink, the expiry sink and the
 * donation account.
 *
 * @example
 * ```ts
 * import { Journal } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.SystemAccount.redemption) // "system:redemption"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const SystemAccount: {
  readonly pool: "system:pool"
  readonly held: "system:held"
  readonly redemption: "system:redemption"
  readonly expiry: "system:expiry"
  readonly donation: "system:donation"
} = system

const wrap = (setup: Setup, length: number): Journal => ({
  _tag: "Journal",
  scheme: setup.scheme,
  catalog: setup.catalog,
  hashChain: setup.hashChain ?? true,
  length
})

/**
 * Makes an empty journal for a scheme and a catalog.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * console.log(Journal.lastHash(journal) === "0".repeat(64)) // true
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (setup: Setup): Journal => {
  const journal = wrap(setup, 0)
  return attach(
    journal,
    fresh({
      scheme: setup.scheme,
      catalog: setup.catalog,
      hashChain: journal.hashChain,
      hasher: setup.hasher ?? Hasher.detected
    })
  )
}

/**
 * The result of a successful {@link append}: the new journal, the entry (`undefined` when an
 * expiry run found nothing to expire) and whether the command was an idempotent replay of
 * an earlier one (then the journal is the same value and the entry is the original).
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const describe = (a: Journal.Appended) => (a.replayed ? "replayed" : `entry ${a.entry?.seq}`)
 * console.log(typeof describe)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Appended {
  readonly journal: Journal
  readonly entry: Entry.Entry | undefined
  readonly replayed: boolean
}

const detached = () => ValidationReport.of(messages.make("LEDGER_JOURNAL_DETACHED", { path: [], params: {} }))

const appendImpl = (
  journal: Journal,
  command: Command.Command,
  trusted: boolean
): Result.Result<Appended, ValidationReport.ValidationReport> => {
  const state = attachedState(journal)
  if (state === undefined) return Result.fail(detached())
  const outcome = execute(state, command, trusted)
  if (outcome instanceof Rejected) return Result.fail(ValidationReport.make(outcome.issues))
  if (outcome instanceof Replayed) return Result.succeed({ journal, entry: state.entry(outcome.seq), replayed: true })
  if (outcome === nothing) return Result.succeed({ journal, entry: undefined, replayed: false })
  const next = attach(wrap(journal, journal.length + 1), state)
  return Result.succeed({ journal: next, entry: state.entry(outcome), replayed: false })
}

/**
 * Checks a command and appends it as one entry; on failure the report lists every problem
 * and the journal is unchanged. The same idempotency key with the same command returns the
 * original entry; with a different command it is an error.
 *
 * The command may come from anywhere (a form, a request body, any JavaScript value): it is
 * read once, field by field, and checked against the `Command` schema's rules before the
 * ledger's rules, so that whatever the journal accepts, `Entry.decodeAll` accepts again when
 * the journal is loaded. Fields the command's kind does not have are not stored.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 * import { pipe } from "effect"
 *
 * const on = CivilDate.makeUnsafe("2024-01-08")
 * const j0 = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * const r1 = Journal.append(j0, { _tag: "Open", key: "open-ha", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } })
 * if (r1._tag === "Success") {
 *   const r2 = pipe(r1.success.journal, Journal.append({ _tag: "Earn", key: "e1", on, account: "ha", activity: "cleaning", approvedBy: ["grid-sec"] }))
 *   if (r2._tag === "Success") console.log(r2.success.entry?.postings) // [{ account: "system:pool", amount: -10 }, { account: "ha", amount: 10 }]
 *   const bad = Journal.append(r1.success.journal, { _tag: "Earn", key: "e2", on, account: "nobody", activity: "cleaning" })
 *   if (bad._tag === "Failure") console.log(bad.failure.issues.map((i) => i.code)) // ["LEDGER_UNKNOWN_ACCOUNT", "LEDGER_APPROVAL_MISSING"]
 * }
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const append: {
  (command: Command.Command): (journal: Journal) => Result.Result<Appended, ValidationReport.ValidationReport>
  (journal: Journal, command: Command.Command): Result.Result<Appended, ValidationReport.ValidationReport>
} = dual(2, (journal: Journal, command: Command.Command) => appendImpl(journal, command, false))

/**
 * Appends a command already known to be well formed — decoded by `Command.decode`, or built
 * by typed code that keeps the `Command` schema's rules — skipping the field checks of
 * {@link append} (the ledger's rules still all apply). A command that breaks the schema's
 * rules may then be stored and make the journal unloadable: use {@link append} for anything
 * that comes from outside.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-01-08")
 * const j0 = Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog })
 * const r = Journal.appendTrusted(j0, { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } })
 * console.log(r._tag) // "Success"
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const appendTrusted: {
  (command: Command.Command): (journal: Journal) => Result.Result<Appended, ValidationReport.ValidationReport>
  (journal: Journal, command: Command.Command): Result.Result<Appended, ValidationReport.ValidationReport>
} = dual(2, (journal: Journal, command: Command.Command) => appendImpl(journal, command, true))

/**
 * Appends a batch of commands in one pass, all or nothing: each is checked as by {@link append}
 * and committed in order; at the first rejected one the whole batch fails (its issues get the
 * path `[index, ...]`) and the journal given is unchanged: what the batch's commands changed
 * is put back at once (its cost is what they touched, not the journal's length), and the
 * journal given stays the newest value, fast to append to. Idempotent replays and expiry runs
 * that expire nothing add no entry.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-01-08")
 * const result = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "zhou", holder: { name: "周玉宏", roles: ["partyMember"] } },
 *   { _tag: "Earn", key: "e", on, account: "zhou", activity: "cleaning" }
 * ])
 * if (result._tag === "Success") console.log(result.success.journal.length) // 2
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const appendAll: {
  (commands: Iterable<Command.Command>): (journal: Journal) => Result.Result<
    { readonly journal: Journal; readonly entries: ReadonlyArray<Entry.Entry> },
    ValidationReport.ValidationReport
  >
  (journal: Journal, commands: Iterable<Command.Command>): Result.Result<
    { readonly journal: Journal; readonly entries: ReadonlyArray<Entry.Entry> },
    ValidationReport.ValidationReport
  >
} = dual(2, (journal: Journal, commands: Iterable<Command.Command>) => {
  const state = attachedState(journal)
  if (state === undefined) return Result.fail(detached())
  const from = state.length
  let index = 0
  state.begin()
  try {
    for (const command of commands) {
      const outcome = execute(state, command, false)
      if (outcome instanceof Rejected) {
        // the batch's entries are taken back out of the shared state (what they touched, not a rebuild)
        state.end(false)
        return Result.fail(ValidationReport.make(outcome.issues.map(Issue.prefixPath([index]))))
      }
      index++
    }
  } catch {
    state.end(false)
    return Result.fail(ValidationReport.of(messages.make("LEDGER_COMMAND_UNREADABLE", {
      path: [index],
      params: { field: "(commands)" }
    })))
  }
  state.end(true)
  const to = state.length
  return Result.succeed(batchResult(to === from ? journal : attach(wrap(journal, to), state), state, from, to))
})

/** A batch's result: its entries (the entries `from` … `to` − 1 of the state) made when first read. */
const batchResult = (journal: Journal, state: State, from: number, to: number) => {
  let made: ReadonlyArray<Entry.Entry> | undefined
  return {
    journal,
    get entries(): ReadonlyArray<Entry.Entry> {
      if (made === undefined) {
        const list = new Array<Entry.Entry>(to - from)
        for (let seq = from; seq < to; seq++) list[seq - from] = state.entry(seq)
        made = list
      }
      return made
    }
  }
}

/**
 * The entries of a journal, oldest first (a copy).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.entries(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }))) // []
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const entries = (journal: Journal): ReadonlyArray<Entry.Entry> => stateOf(journal).entriesUpTo(journal.length)

/**
 * The entry recorded under an idempotency key, if any.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.entryOf(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "e1")) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const entryOf = (journal: Journal, key: string): Entry.Entry | undefined => {
  const state = stateOf(journal)
  const seq = state.seqOf(key)
  return seq === undefined ? undefined : state.entry(seq)
}

/**
 * The hash of the last entry (the genesis hash for an empty journal, `""` without a hash chain).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.lastHash(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })).length) // 64
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const lastHash = (journal: Journal): string => head(journal).hash

/**
 * The head of the journal: the seq and hash of its last entry (see `Entry.Head`). Publish it
 * (in the public notice, in the store, to a second party) and check a journal read back
 * against it with `verify(journal, { head })` or `replay(setup, entries, { head })`: that
 * finds entries cut off at the end and whole rewrites, which the chain alone cannot.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.head(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })).seq) // -1
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const head = (journal: Journal): Entry.Head => {
  const state = stateOf(journal)
  const n = state.length
  return n === 0 ? { seq: -1, hash: state.genesis } : { seq: n - 1, hash: state.hashOf(n - 1) }
}

/**
 * Checks the journal's hash chain from the start: intact, or the first broken index; with a
 * known head (published earlier, kept by the store), also that the journal reaches it with
 * the same hash (see `Entry.verify` for what the chain can and cannot prove). A journal
 * without a hash chain checks only sequence numbers and balance. A copy made by
 * `structuredClone` or JSON is `Broken` with the reason `detached`.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.verify(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }))._tag) // "Intact"
 * ```
 *
 * @category verification
 * @since 0.1.0
 */
export const verify = (
  journal: Journal,
  options?: { readonly head?: Entry.Head | undefined }
): Entry.Verification => {
  const state = attachedState(journal)
  if (state === undefined) return { _tag: "Broken", index: 0, reason: "detached" }
  return verifyState(state, options?.head)
}

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
   * entry's seq, link to the previous hash and postings are compared). Several times faster;
   * `verify` the journal afterwards to recompute the chain.
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

/**
 * The balance of an account: points available to spend, points held for pending
 * redemptions, and the points earned over its lifetime (net of reversed earnings).
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const balance: Journal.Balance = { account: "ha", available: 350, held: 50, lifetimeEarned: 400 }
 * console.log(balance.available + balance.held)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Balance {
  readonly account: string
  readonly available: number
  readonly held: number
  readonly lifetimeEarned: number
}

/**
 * The balance of an account as of the end of a date (default: now), from the account's
 * indexed history (a binary search: fast on a journal of any size). System accounts have a
 * balance too (the pool's is minus everything issued).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "volunteerService" }
 * ])
 * if (built._tag === "Success") {
 *   console.log(Journal.balance(built.success.journal, "ha")) // Success { account: "ha", available: 5, held: 0, lifetimeEarned: 5 }
 *   console.log(Journal.balance(built.success.journal, "ha", CivilDate.makeUnsafe("2024-02-29"))) // Success { … available: 0 … }
 * }
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const balance = (
  journal: Journal,
  account: string,
  asOf?: CivilDate.CivilDate | undefined
): Result.Result<Balance, ValidationReport.ValidationReport> => {
  const state = attachedState(journal)
  if (state === undefined) return Result.fail(detached())
  const found = typeof account === "string" ? state.account(account) : undefined
  if (found === undefined) {
    return Result.fail(
      ValidationReport.of(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account } }))
    )
  }
  if (asOf === undefined) {
    return Result.succeed({ account, available: found.balance, held: found.held, lifetimeEarned: found.earned })
  }
  const point = historyAt(found, historyIndex(found, asOf, Number.MAX_SAFE_INTEGER))
  return Result.succeed({ account, available: point.available, held: point.held, lifetimeEarned: point.earned })
}

/**
 * A member account and its holder.
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const account: Journal.AccountInfo = { id: "ha", holder: { name: "哈安喜", roles: ["resident"] }, openedSeq: 0 }
 * console.log(account.holder.name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface AccountInfo {
  readonly id: string
  readonly holder: Command.Holder
  readonly openedSeq: number
}

/**
 * The member accounts, in the order they were opened.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.accounts(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })).length) // 0
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const accounts = (journal: Journal): ReadonlyArray<AccountInfo> =>
  stateOf(journal).members.map((a) => ({ id: a.id, holder: a.holder!, openedSeq: a.openedSeq }))

/**
 * The stock left of a catalog item (`undefined` for an unlimited or unknown item).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.stockOf(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "rice")) // 5000
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const stockOf = (journal: Journal, item: string): number | undefined => stateOf(journal).stock.get(item)

/**
 * The state of a hold (pending redemption): open, released or settled; `undefined` if unknown.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.holdStatus(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "h1")) // undefined
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const holdStatus = (journal: Journal, hold: string): "open" | "released" | "settled" | undefined =>
  stateOf(journal).holds.get(hold)?.status

/**
 * The key of the entry that reversed a transaction, if it was reversed.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.reversedBy(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), "e1")) // undefined
 * ```
 *
 * @category queries
 * @since 0.1.0
 */
export const reversedBy = (journal: Journal, key: string): string | undefined => {
  const state = stateOf(journal)
  const seq = state.seqOf(key)
  return seq === undefined ? undefined : state.reversedBy.get(seq)
}

/**
 * The room left under each earning cap for an account and an activity on a date: what can
 * still be earned today, this month and this year before an earning is refused with
 * `LEDGER_CAP_EXCEEDED` (the caps of a scheme hold for all its activities together; `left` is
 * the smallest room, `undefined` when the scheme has no cap). The date is the journal's last
 * date or later: the only dates a new earning may have.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-06")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e", on, account: "ha", activity: "cleaning", approvedBy: ["grid-sec"] }
 * ])
 * if (built._tag === "Success") {
 *   const room = Journal.capRoom(built.success.journal, "ha", "cleaning", on)
 *   if (room._tag === "Success") console.log(room.success.left, room.success.caps[0]) // 20 { cap: "daily", limit: 30, used: 10, left: 20 }
 * }
 * ```
 *
 * @category queries
 * @since 0.2.0
 */
export const capRoom = (
  journal: Journal,
  account: string,
  activity: string,
  on: CivilDate.CivilDate
): Result.Result<CapRoom, ValidationReport.ValidationReport> => {
  const state = attachedState(journal)
  if (state === undefined) return Result.fail(detached())
  const issues: Array<Issue.DomainIssue> = []
  const found = typeof account === "string" ? state.account(account) : undefined
  if (found === undefined || found.holder === undefined) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACCOUNT", { path: ["account"], params: { account: String(account) } }))
  }
  if (typeof activity !== "string" || !state.activities.has(activity)) {
    issues.push(messages.make("LEDGER_UNKNOWN_ACTIVITY", {
      path: ["activity"],
      params: { activity: String(activity), known: state.options.scheme.activities.map((a) => a.id).join(", ") }
    }))
  }
  const info = state.date(on)
  if (info === undefined) {
    issues.push(messages.make("LEDGER_DATE_INVALID", { path: ["on"], params: { actual: String(on) } }))
  } else if (on < state.lastDate) {
    issues.push(messages.make("LEDGER_DATE_OUT_OF_ORDER", { path: ["on"], params: { on, last: state.lastDate } }))
  }
  if (issues.length > 0 || found === undefined || info === undefined) return Result.fail(ValidationReport.make(issues))
  const caps = room(found, info, state.options.scheme.caps)
  let left: number | undefined
  for (const r of caps) left = left === undefined ? r.left : Math.min(left, r.left)
  return Result.succeed({ account, activity, on, caps, left })
}

/**
 * What {@link capRoom} answers: each cap with its limit, the points used in its period and
 * the room left, and the smallest room (`undefined` when the scheme has no cap).
 *
 * @example
 * ```ts
 * import type { Journal } from "@gongzhi/points-ledger"
 *
 * const room: Journal.CapRoom = {
 *   account: "ha",
 *   activity: "cleaning",
 *   on: "2024-03-06" as never,
 *   caps: [{ cap: "daily", limit: 30, used: 10, left: 20 }],
 *   left: 20
 * }
 * console.log(room.left)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface CapRoom {
  readonly account: string
  readonly activity: string
  readonly on: CivilDate.CivilDate
  readonly caps: ReadonlyArray<{
    readonly cap: "daily" | "monthly" | "yearly"
    readonly limit: number
    readonly used: number
    readonly left: number
  }>
  readonly left: number | undefined
}

/**
 * The journal as it was after the entry `seq` (its first `seq + 1` entries): a snapshot of
 * balances, lots, holds and stock at that point, with `head(...)` its seq and hash. The value
 * is made at once; its state is rebuilt from those entries when it is first used. `seq` -1
 * gives the empty journal; a `seq` past the end gives the journal itself.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-01")
 * const built = Journal.appendAll(Journal.make({ scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }), [
 *   { _tag: "Open", key: "o", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } },
 *   { _tag: "Earn", key: "e1", on, account: "ha", activity: "cleaning" },
 *   { _tag: "Earn", key: "e2", on, account: "ha", activity: "cleaning" }
 * ])
 * if (built._tag === "Success") {
 *   const then = Journal.upTo(built.success.journal, 1)
 *   console.log(then.length, Journal.balance(then, "ha")._tag === "Success") // 2 true
 * }
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const upTo = (journal: Journal, seq: number): Journal => {
  const state = attachedState(journal)
  if (state === undefined || !Number.isSafeInteger(seq) || seq + 1 >= journal.length) return journal
  return attach(wrap(journal, Math.max(0, seq + 1)), state)
}
