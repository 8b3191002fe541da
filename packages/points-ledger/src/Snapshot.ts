/**
 * Journal snapshots (账本快照): the whole state of a journal after an entry — its entries,
 * every account with its balances, lots, history and cap counters, the holds, what each entry
 * did (to reverse it later), the reversals and the stock — as plain JSON-able data, anchored
 * to the journal's head (the seq and hash of its last entry). Made by `Journal.snapshot`,
 * restored by `Journal.fromSnapshot`, which decodes it with {@link Snapshot}, checks that it
 * agrees with itself and with the setup, and appends the entries written after it.
 *
 * What a snapshot proves: nothing beyond what its writer vouches for. It is **trusted state**:
 * restoring it runs no command again, so a snapshot written by a faulty or hostile party whose
 * numbers agree with each other restores a journal that never happened. Its anchor says
 * which journal it claims to be (compare `head` with a head published or kept elsewhere);
 * `Journal.verify` on the restored journal recomputes every hash of its chain; a host that
 * distrusts the snapshot replays the entries instead (`Journal.replay`, every rule checked).
 *
 * @since 0.3.0
 */
import * as Schema from "effect/Schema"
import * as Command from "./Command.js"

const Int = Schema.Int
const Index = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * Which document (scheme or catalog) a snapshot was made with: its id, schema version and the
 * SHA-256 of its canonical JSON (a document changed under the same id is refused too).
 *
 * @example
 * ```ts
 * import { Snapshot } from "@gongzhi/points-ledger"
 *
 * console.log(Object.keys(Snapshot.DocumentRef.fields).length) // 3
 * ```
 *
 * @category schemas
 * @since 0.3.0
 */
export const DocumentRef = Schema.Struct({ id: Schema.String, schemaVersion: Int, digest: Schema.String })

/**
 * Points taken from a lot: `[index of the lot in the snapshot's lots, points]` (the account
 * is the lot's owner).
 *
 * @example
 * ```ts
 * import { Snapshot } from "@gongzhi/points-ledger"
 *
 * const take: typeof Snapshot.Take.Type = [0, 5]
 * console.log(take[1]) // 5
 * ```
 *
 * @category schemas
 * @since 0.3.0
 */
export const Take = Schema.Tuple([Index, Int])

/**
 * One account: holder (none for the system accounts), balances, its lots (indexes into the
 * snapshot's lots, lot `i` being the numbers `3i` to `3i + 2`, oldest-expiring first, the ones before `head` spent), its balance history
 * (seq, epoch day, balance, held, earned) × n, the cap counters `[dayKey, dayTotal, monthKey,
 * monthTotal, yearKey, yearTotal]`, the redemption-limit counter and the items it took that
 * have a per-person limit.
 *
 * @example
 * ```ts
 * import { Snapshot } from "@gongzhi/points-ledger"
 *
 * console.log(Object.keys(Snapshot.AccountState.fields).length) // 12
 * ```
 *
 * @category schemas
 * @since 0.3.0
 */
export const AccountState = Schema.Struct({
  id: Schema.String,
  holder: Schema.optionalKey(Command.Holder),
  openedSeq: Int,
  balance: Int,
  held: Int,
  earned: Int,
  lots: Schema.Array(Index),
  head: Index,
  history: Schema.Array(Int),
  caps: Schema.Tuple([Int, Int, Int, Int, Int, Int]),
  redemption: Schema.Tuple([Schema.String, Int]),
  taken: Schema.Array(Schema.Tuple([Schema.String, Int]))
})

/**
 * A hold (pending redemption): its key and seq, the account (index into the accounts), item,
 * quantity, points, the lots it took, its redemption period, its status and the key that
 * closed it.
 *
 * @example
 * ```ts
 * import { Snapshot } from "@gongzhi/points-ledger"
 *
 * console.log(Object.keys(Snapshot.HoldState.fields).includes("status")) // true
 * ```
 *
 * @category schemas
 * @since 0.3.0
 */
export const HoldState = Schema.Struct({
  key: Schema.String,
  seq: Index,
  account: Index,
  item: Schema.String,
  quantity: Int,
  amount: Int,
  consumed: Schema.Array(Take),
  redemptionKey: Schema.String,
  status: Schema.Literals(["open", "released", "settled"]),
  closedBy: Schema.optionalKey(Schema.String)
})

/**
 * What an entry did besides its postings, kept to reverse it: the lot an earning made (its
 * index, a bare number: most entries are earnings), the lots credited and taken, the lots
 * spent, a redemption's item and period, a settled hold.
 *
 * @example
 * ```ts
 * import { Snapshot } from "@gongzhi/points-ledger"
 *
 * const undo: Snapshot.Undo = { _tag: "Settled", hold: "h1" }
 * console.log(undo._tag) // "Settled"
 * ```
 *
 * @category schemas
 * @since 0.3.0
 */
export const Undo = Schema.Union([
  Index,
  Schema.TaggedStruct("Credited", {
    account: Index,
    lots: Schema.Array(Index),
    amount: Int,
    spent: Schema.Array(Take)
  }),
  Schema.TaggedStruct("Spent", { spent: Schema.Array(Take) }),
  Schema.TaggedStruct("Redeemed", {
    account: Index,
    spent: Schema.Array(Take),
    item: Schema.String,
    quantity: Int,
    redemptionKey: Schema.String
  }),
  Schema.TaggedStruct("Settled", { hold: Schema.String }),
  Schema.TaggedStruct("None", {})
])

/**
 * The type of {@link Undo}.
 *
 * @example
 * ```ts
 * import type { Snapshot } from "@gongzhi/points-ledger"
 *
 * const undo: Snapshot.Undo = { _tag: "None" }
 * console.log(undo._tag) // "None"
 * ```
 *
 * @category models
 * @since 0.3.0
 */
export type Undo = typeof Undo.Type

/**
 * The schema of a journal snapshot (see the module's description for what it proves).
 *
 * @example
 * ```ts
 * import { Snapshot } from "@gongzhi/points-ledger"
 *
 * console.log(Snapshot.kind) // "points-journal-snapshot"
 * ```
 *
 * @category schemas
 * @since 0.3.0
 */
export const Snapshot = Schema.Struct({
  kind: Schema.Literal("points-journal-snapshot"),
  snapshotVersion: Schema.Literal(1),
  scheme: DocumentRef,
  catalog: DocumentRef,
  hashChain: Schema.Boolean,
  hashVersion: Int,
  /** The anchor: the seq and hash of the last entry (-1 and the genesis hash when empty). */
  head: Schema.Struct({ seq: Int, hash: Schema.String }),
  lastDate: Schema.String,
  /**
   * The entries as columns: the commands, the hashes (`""` each without a chain; each entry's
   * previous hash is the hash before it) and the postings, for each entry their number and then
   * (account index into `accounts`, amount) pairs.
   */
  entries: Schema.Struct({
    commands: Schema.Array(Command.Command),
    hashes: Schema.Array(Schema.String),
    postings: Schema.Array(Int)
  }),
  /** Every account, the five system accounts first (in the order of `Journal.SystemAccount`). */
  accounts: Schema.Array(AccountState),
  /** The lots, three numbers each: the seq of the entry that made it, its last epoch day, the points remaining. */
  lots: Schema.Array(Int),
  holds: Schema.Array(HoldState),
  /** One record per entry. */
  undo: Schema.Array(Undo),
  /** `[seq of a reversed entry, key of its reversal]`. */
  reversed: Schema.Array(Schema.Tuple([Index, Schema.String])),
  stock: Schema.Array(Schema.Tuple([Schema.String, Int]))
}).annotate({ identifier: "LedgerJournalSnapshot" })

/**
 * The type of {@link Snapshot}: plain data, `JSON.stringify` keeps all of it.
 *
 * @example
 * ```ts
 * import { Journal, Presets, Snapshot } from "@gongzhi/points-ledger"
 * import { Result } from "effect"
 *
 * const taken = Journal.snapshot(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }))
 * if (Result.isSuccess(taken)) {
 *   const snapshot: Snapshot.Snapshot = JSON.parse(JSON.stringify(taken.success))
 *   console.log(snapshot.head.seq, snapshot.accounts.length) // -1 5
 * }
 * ```
 *
 * @category models
 * @since 0.3.0
 */
export type Snapshot = typeof Snapshot.Type

/**
 * The `kind` of every snapshot.
 *
 * @example
 * ```ts
 * import { Snapshot } from "@gongzhi/points-ledger"
 *
 * console.log(Snapshot.kind) // "points-journal-snapshot"
 * ```
 *
 * @category constants
 * @since 0.3.0
 */
export const kind = "points-journal-snapshot" as const
