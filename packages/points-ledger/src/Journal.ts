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
import { Issue, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import type * as Command from "./Command.js"
import * as Entry from "./Entry.js"
import { begin, end } from "./internal/batch.js"
import { execute, nothing, Rejected, Replayed } from "./internal/engine.js"
import { attach, attachedState } from "./internal/handle.js"
import { detached, type Journal, wrap } from "./internal/journalValue.js"
import { State } from "./internal/state.js"
import { messages } from "./Messages.js"

export { fromEntries, fromSnapshot, replay, snapshot } from "./internal/journalLoad.js"
export type { ReplayOptions } from "./internal/journalLoad.js"
export {
  accounts,
  balance,
  capRoom,
  entries,
  entryOf,
  head,
  holdStatus,
  lastHash,
  reversedBy,
  stockOf,
  verify
} from "./internal/journalQueries.js"
export type { AccountInfo, Balance, CapRoom } from "./internal/journalQueries.js"
export { make, SystemAccount } from "./internal/journalValue.js"
export type { Journal, Setup } from "./internal/journalValue.js"

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
  begin(state)
  try {
    for (const command of commands) {
      const outcome = execute(state, command, false)
      if (outcome instanceof Rejected) {
        // the batch's entries are taken back out of the shared state (what they touched, not a rebuild)
        end(state, false)
        return Result.fail(ValidationReport.make(outcome.issues.map(Issue.prefixPath([index]))))
      }
      index++
    }
  } catch {
    end(state, false)
    return Result.fail(ValidationReport.of(messages.make("LEDGER_COMMAND_UNREADABLE", {
      path: [index],
      params: { field: "(commands)" }
    })))
  }
  end(state, true)
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
