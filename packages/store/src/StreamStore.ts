/**
 * The stream store: append-only streams of records on a SQL database (PGlite or PostgreSQL,
 * through effect's `SqlClient`). An append stores all its records or none, and only when the
 * stream holds exactly `expectedSeq` records (optimistic concurrency: of two writers at the
 * same seq exactly one wins). Idempotency keys are unique per stream, so a retry from any
 * process returns the records first stored. Every record is hash-chained to the one before,
 * and each stream's head (length and last hash) is kept beside its records: reading a stream
 * back checks both, so a row changed, deleted or inserted by SQL is named.
 *
 * @since 0.2.0
 */
import { type Issue, ValidationReport } from "@gongzhi/core"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Result from "effect/Result"
import * as SqlClient from "effect/sql/SqlClient"
import { isSqlError, type SqlError } from "effect/sql/SqlError"
import { describe } from "./internal/describe.js"
import { messages } from "./Messages.js"
import * as Migrations from "./Migrations.js"
import * as PgliteClient from "./PgliteClient.js"
import * as Record from "./Record.js"

/**
 * The head of a stream: how many records it holds and the hash of the last one (the genesis
 * hash for an empty stream).
 *
 * @example
 * ```ts
 * import { Record, type StreamStore } from "@gongzhi/store"
 *
 * const head: StreamStore.Head = { stream: "ledger/pingli", length: 0, hash: Record.genesis }
 * console.log(head.length) // 0
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Head {
  readonly stream: string
  readonly length: number
  readonly hash: string
}

/**
 * The outcome of an append: the records stored (or, for a retry whose keys were already
 * stored, the original records with `replayed: true`) and the head after it.
 *
 * @example
 * ```ts
 * import type { StreamStore } from "@gongzhi/store"
 *
 * const say = (a: StreamStore.Appended) => (a.replayed ? "already stored" : `${a.records.length} stored`)
 * console.log(typeof say) // function
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Appended {
  readonly records: ReadonlyArray<Record.Record>
  readonly replayed: boolean
  readonly head: Head
}

/**
 * A snapshot of a state folded from a stream's first `seq` records, anchored to the hash of
 * record `seq - 1`.
 *
 * @example
 * ```ts
 * import type { StreamStore } from "@gongzhi/store"
 *
 * const s: StreamStore.Snapshot = { stream: "s", seq: 10, headHash: "…", state: { total: 3 } }
 * console.log(s.seq) // 10
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Snapshot {
  readonly stream: string
  readonly seq: number
  readonly headHash: string
  readonly state: unknown
}

/**
 * What {@link StreamStore} `loadSnapshot` gives: the newest snapshot (if any) and the records
 * after it, checked against the snapshot's anchor.
 *
 * @example
 * ```ts
 * import type { StreamStore } from "@gongzhi/store"
 *
 * const count = (o: StreamStore.Opened) => (o.snapshot?.seq ?? 0) + o.tail.length
 * console.log(count({ snapshot: undefined, tail: [] })) // 0
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Opened {
  readonly snapshot: Snapshot | undefined
  readonly tail: ReadonlyArray<Record.Record>
}

/**
 * Options of an append: the recording time (milliseconds since the epoch; by default the
 * effect `Clock`'s now).
 *
 * @example
 * ```ts
 * import type { StreamStore } from "@gongzhi/store"
 *
 * const options: StreamStore.AppendOptions = { recordedAt: Date.UTC(2024, 2, 4) }
 * console.log(options.recordedAt) // 1709510400000
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface AppendOptions {
  readonly recordedAt?: number | undefined
}

/**
 * The stream store service. Every operation fails with a `ValidationReport` (codes
 * `STORE_*`): bad input, a sequence conflict, an idempotency key reused for other content, a
 * tampered row, or `STORE_DATABASE_FAILED` when the database itself fails (a rejected
 * operation changes nothing).
 *
 * @example
 * ```ts no-run
 * import { StreamStore } from "@gongzhi/store"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* StreamStore.StreamStore
 *   yield* store.append("wish/w-1", [{ type: "Posted", payload: { on: "2024-03-04" }, key: "post" }], 0)
 *   const again = yield* store.append("wish/w-1", [{ type: "Posted", payload: { on: "2024-03-04" }, key: "post" }], 0)
 *   return [again.replayed, (yield* store.read("wish/w-1")).length]
 * })
 * console.log(await Effect.runPromise(Effect.provide(program, StreamStore.layerMemory()))) // [ true, 1 ]
 * ```
 *
 * @category services
 * @since 0.2.0
 */
export class StreamStore extends Context.Service<StreamStore, {
  /** Appends records when the stream holds exactly `expectedSeq` records. */
  readonly append: (
    stream: string,
    records: ReadonlyArray<Record.Input>,
    expectedSeq: number,
    options?: AppendOptions
  ) => Effect.Effect<Appended, ValidationReport.ValidationReport>
  /** Reads a stream from a seq on, checking the hash chain and the stream's head. */
  readonly read: (
    stream: string,
    fromSeq?: number
  ) => Effect.Effect<ReadonlyArray<Record.Record>, ValidationReport.ValidationReport>
  /** The stream's head as stored (no records read). */
  readonly head: (stream: string) => Effect.Effect<Head, ValidationReport.ValidationReport>
  /** Reads the whole stream and checks every record and the head; gives the head. */
  readonly verify: (stream: string) => Effect.Effect<Head, ValidationReport.ValidationReport>
  /** Stores a snapshot of a state folded from the first `seq` records. */
  readonly saveSnapshot: (
    stream: string,
    seq: number,
    state: unknown
  ) => Effect.Effect<Snapshot, ValidationReport.ValidationReport>
  /** The newest snapshot and the records after it (all records when there is none). */
  readonly loadSnapshot: (stream: string) => Effect.Effect<Opened, ValidationReport.ValidationReport>
}>()("@gongzhi/store/StreamStore") {}

// ---------------------------------------------------------------------------
// input checks
// ---------------------------------------------------------------------------

interface Prepared {
  readonly type: string
  readonly key: string | undefined
  readonly text: string
}

const fail = (issues: ReadonlyArray<Issue.DomainIssue>) => Effect.fail(ValidationReport.make(issues))

const checkStream = (stream: unknown, issues: Array<Issue.DomainIssue>): stream is string => {
  if (typeof stream === "string" && stream.length > 0 && stream.length <= 200) return true
  issues.push(messages.make("STORE_STREAM_INVALID", { path: ["stream"], params: { actual: describe(stream) } }))
  return false
}

const checkSeq = (seq: unknown, path: Issue.Path, issues: Array<Issue.DomainIssue>): seq is number => {
  if (typeof seq === "number" && Number.isSafeInteger(seq) && seq >= 0 && seq <= 2_147_483_647) return true
  issues.push(messages.make("STORE_SEQ_INVALID", { path, params: { actual: describe(seq) } }))
  return false
}

const prepare = (records: unknown, issues: Array<Issue.DomainIssue>): ReadonlyArray<Prepared> => {
  if (!Array.isArray(records)) {
    issues.push(messages.make("STORE_RECORDS_INVALID", { path: ["records"], params: { actual: describe(records) } }))
    return []
  }
  const out: Array<Prepared> = []
  const keys = new Set<string>()
  let length = 0
  try {
    length = records.length
  } catch {
    issues.push(messages.make("STORE_RECORDS_INVALID", { path: ["records"], params: { actual: "unreadable" } }))
    return []
  }
  for (let i = 0; i < length; i++) {
    const path = ["records", i]
    let input: unknown, type: unknown, key: unknown, payload: unknown
    try {
      input = Object.hasOwn(records, i) ? records[i] : undefined
      if (typeof input !== "object" || input === null) {
        issues.push(messages.make("STORE_RECORDS_INVALID", { path, params: { actual: describe(input) } }))
        continue
      }
      type = (input as { readonly type?: unknown }).type
      key = (input as { readonly key?: unknown }).key
      payload = (input as { readonly payload?: unknown }).payload
    } catch {
      issues.push(messages.make("STORE_RECORDS_INVALID", { path, params: { actual: "unreadable" } }))
      continue
    }
    const before = issues.length
    if (typeof type !== "string" || type.length === 0) {
      issues.push(messages.make("STORE_TYPE_INVALID", { path: [...path, "type"], params: { actual: describe(type) } }))
    }
    if (key !== undefined && (typeof key !== "string" || key.length === 0)) {
      issues.push(messages.make("STORE_KEY_INVALID", { path: [...path, "key"], params: { actual: describe(key) } }))
    } else if (typeof key === "string") {
      if (keys.has(key)) {
        issues.push(messages.make("STORE_KEY_DUPLICATE", { path: [...path, "key"], params: { key } }))
      }
      keys.add(key)
    }
    const text = Record.canonical(payload, [...path, "payload"])
    if (Result.isFailure(text)) issues.push(...text.failure.issues)
    if (issues.length === before && Result.isSuccess(text)) {
      out.push({ type: type as string, key: key as string | undefined, text: text.success })
    }
  }
  return out
}

// ---------------------------------------------------------------------------
// rows
// ---------------------------------------------------------------------------

interface Row {
  readonly seq: unknown
  readonly type: unknown
  readonly payload: unknown
  readonly idempotency_key: unknown
  readonly recorded_at: unknown
  readonly hash: unknown
}

const millisOf = (value: unknown): number => {
  if (value instanceof Date) return value.getTime()
  if (typeof value === "string") return Date.parse(value)
  return Number.NaN
}

/** Decodes one row, or names what is wrong with it. */
const decodeRow = (
  stream: string,
  row: Row
): Result.Result<Record.Record & { readonly text: string }, Issue.DomainIssue> => {
  const seq = Number(row.seq)
  const bad = (field: string) =>
    Result.fail(
      messages.make("STORE_ROW_INVALID", {
        path: ["records", Number.isFinite(seq) ? seq : -1],
        params: { stream, seq, field }
      })
    )
  if (!Number.isSafeInteger(seq)) return bad("seq")
  if (typeof row.type !== "string") return bad("type")
  if (typeof row.payload !== "string") return bad("payload")
  if (row.idempotency_key !== null && typeof row.idempotency_key !== "string") return bad("idempotency_key")
  if (typeof row.hash !== "string") return bad("hash")
  const recordedAt = millisOf(row.recorded_at)
  if (!Number.isSafeInteger(recordedAt)) return bad("recorded_at")
  let payload: unknown
  try {
    payload = JSON.parse(row.payload)
  } catch {
    return bad("payload")
  }
  return Result.succeed({
    stream,
    seq,
    type: row.type,
    payload,
    key: row.idempotency_key ?? undefined,
    recordedAt,
    hash: row.hash,
    text: row.payload
  })
}

const strip = (r: Record.Record & { readonly text?: string }): Record.Record => ({
  stream: r.stream,
  seq: r.seq,
  type: r.type,
  payload: r.payload,
  key: r.key,
  recordedAt: r.recordedAt,
  hash: r.hash
})

const detailOf = (error: { readonly message: string; readonly reason: { readonly cause?: unknown } }): string => {
  const cause = error.reason.cause
  return cause instanceof Error && cause.message !== "" && cause.message !== error.message
    ? `${error.message}: ${cause.message}`
    : error.message
}

const databaseFailed = (error: SqlError) =>
  ValidationReport.of(messages.make("STORE_DATABASE_FAILED", {
    path: [],
    params: { reason: error.reason._tag, detail: detailOf(error) }
  }))

/**
 * Handles the first SQL error of a failure — a typed one, or a defect (a connection that broke
 * while rolling back adds one) — and passes on the store's own failures; interruptions stay.
 */
const onSqlError = <B>(
  handle: (error: SqlError) => Effect.Effect<B, ValidationReport.ValidationReport>
) =>
<A>(effect: Effect.Effect<A, ValidationReport.ValidationReport | SqlError>) =>
  Effect.catchCause(effect, (cause): Effect.Effect<A | B, ValidationReport.ValidationReport> => {
    for (const reason of cause.reasons) {
      if (Cause.isFailReason(reason)) {
        return isSqlError(reason.error) ? handle(reason.error) : Effect.fail(reason.error)
      }
    }
    for (const reason of cause.reasons) {
      if (Cause.isDieReason(reason) && isSqlError(reason.defect)) return handle(reason.defect)
    }
    return Effect.failCause(cause as Cause.Cause<never>)
  })

const guard = <A>(effect: Effect.Effect<A, ValidationReport.ValidationReport | SqlError>) =>
  onSqlError((error) => Effect.fail(databaseFailed(error)))(effect)

const pageSize = 10_000
const headsKept = 4_096

// A record just stored, its payload parsed from the stored text only when it is read (the
// layers of this package read the head, not the payloads: the parse was a tenth of an append).
const storedRecord = (
  fields: Pick<Record.Record, "stream" | "seq" | "type" | "key" | "recordedAt">,
  text: string,
  hash: string
): Record.Record => {
  let payload: unknown
  let parsed = false
  // the fields written out (a spread into an object with a getter was 1.6 µs a record)
  return {
    stream: fields.stream,
    seq: fields.seq,
    type: fields.type,
    key: fields.key,
    recordedAt: fields.recordedAt,
    get payload() {
      if (!parsed) {
        payload = JSON.parse(text)
        parsed = true
      }
      return payload
    },
    hash
  }
}

/**
 * The store over effect's `SqlClient` (PGlite or PostgreSQL), migrating the schema first.
 *
 * @example
 * ```ts no-run
 * import { PgliteClient, StreamStore } from "@gongzhi/store"
 * import { Effect, Layer } from "effect"
 *
 * const live = StreamStore.layer.pipe(Layer.provide(PgliteClient.layer()))
 * const program = Effect.gen(function*() {
 *   const store = yield* StreamStore.StreamStore
 *   yield* store.append("s", [{ type: "T", payload: 1 }], 0)
 *   return (yield* store.verify("s")).length
 * })
 * console.log(await Effect.runPromise(Effect.provide(program, live))) // 1
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layer: Layer.Layer<StreamStore, ValidationReport.ValidationReport, SqlClient.SqlClient> = Layer.effect(
  StreamStore,
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* Effect.mapError(Migrations.run(), databaseFailed)

    const headOf = (stream: string) =>
      Effect.map(
        sql<{ readonly length: unknown; readonly head_hash: string }>`
          SELECT length, head_hash FROM gongzhi_streams WHERE stream_id = ${stream}`,
        (rows): Head =>
          rows[0] === undefined
            ? { stream, length: 0, hash: Record.genesis }
            : { stream, length: Number(rows[0].length), hash: rows[0].head_hash }
      )

    const columns = sql`seq, type, payload, idempotency_key, recorded_at, hash`

    // The head each stream had after this layer's last append to it: the next append there
    // hashes onto it without reading the head first. Only a guess: the append's statement
    // moves nothing unless the stored head is still exactly this one, and then the head is read.
    const heads = new Map<string, Head>()

    /** The stored records of some keys, or why the batch may not be replayed. */
    const stored = (stream: string, batch: ReadonlyArray<Prepared>) =>
      Effect.gen(function*() {
        const keys = batch.flatMap((p) => (p.key === undefined ? [] : [p.key]))
        if (keys.length === 0) return undefined
        const rows = yield* sql<Row>`
          SELECT ${columns} FROM gongzhi_records
          WHERE stream_id = ${stream} AND idempotency_key IN ${sql.in(keys)} ORDER BY seq`
        if (rows.length === 0) return undefined
        const found = new Map<string, Record.Record & { readonly text: string }>()
        for (const row of rows) {
          const decoded = decodeRow(stream, row)
          if (Result.isFailure(decoded)) return yield* fail([decoded.failure])
          found.set(decoded.success.key!, decoded.success)
        }
        const originals: Array<Record.Record> = []
        for (let i = 0; i < batch.length; i++) {
          const p = batch[i]!
          const original = p.key === undefined ? undefined : found.get(p.key)
          const previous = originals[originals.length - 1]
          if (
            original === undefined || original.type !== p.type || original.text !== p.text ||
            (previous !== undefined && original.seq !== previous.seq + 1)
          ) {
            const first = rows[0]!
            return yield* fail([messages.make("STORE_IDEMPOTENCY_MISMATCH", {
              path: ["records", i, "key"],
              params: {
                stream,
                key: String(original?.key ?? first.idempotency_key),
                seq: original?.seq ?? Number(first.seq)
              }
            })])
          }
          originals.push(strip(original))
        }
        return originals
      })

    const replayedOrConflict = (stream: string, batch: ReadonlyArray<Prepared>, expectedSeq: number) =>
      Effect.gen(function*() {
        const originals = yield* stored(stream, batch)
        const head = yield* headOf(stream)
        if (originals !== undefined) return { records: originals, replayed: true, head }
        return yield* fail([messages.make("STORE_SEQUENCE_CONFLICT", {
          path: ["expectedSeq"],
          params: { stream, expected: expectedSeq, actual: head.length }
        })])
      })

    const append = (
      stream: string,
      records: ReadonlyArray<Record.Input>,
      expectedSeq: number,
      options?: AppendOptions
    ): Effect.Effect<Appended, ValidationReport.ValidationReport> =>
      Effect.gen(function*() {
        const issues: Array<Issue.DomainIssue> = []
        const okStream = checkStream(stream, issues)
        checkSeq(expectedSeq, ["expectedSeq"], issues)
        const batch = prepare(records, issues)
        let recordedAt: number | undefined
        try {
          recordedAt = options?.recordedAt
        } catch {
          recordedAt = Number.NaN
        }
        if (recordedAt !== undefined && !(Number.isSafeInteger(recordedAt) && recordedAt >= 0)) {
          issues.push(messages.make("STORE_RECORDED_AT_INVALID", {
            path: ["options", "recordedAt"],
            params: { actual: describe(recordedAt) }
          }))
        }
        if (issues.length > 0 || !okStream) return yield* fail(issues)
        const at = recordedAt ?? (yield* Clock.currentTimeMillis)
        // Optimistic, in one statement: the records are hashed onto the head (the genesis for a
        // new stream; the one this layer last wrote to the stream, or else the stored one), and
        // one statement moves the head only if it still holds that length and hash, and inserts
        // the batch from arrays (unnest) only if it did. A writer that lost the seq moves
        // nothing; a retry whose records are stored meets the moved head or the unique index of
        // its keys; then the stored records are looked up and returned, or it is a conflict.
        const attempt = (head: Head) =>
          Effect.gen(function*() {
            const count = batch.length
            const made = new Array<Record.Record>(count)
            const types = new Array<string>(count)
            const payloads = new Array<string>(count)
            const keys = new Array<string>(count)
            const hashes = new Array<string>(count)
            let prev = head.hash
            for (let i = 0; i < count; i++) {
              const p = batch[i]!
              const fields = { stream, seq: expectedSeq + i, type: p.type, key: p.key, recordedAt: at }
              const hash = Record.hashOf(prev, fields, p.text)
              prev = hash
              made[i] = storedRecord(fields, p.text, hash)
              types[i] = p.type
              payloads[i] = p.text
              keys[i] = p.key ?? "" // a key is never empty: '' stands for none
              hashes[i] = hash
            }
            const length = expectedSeq + count
            const recordedAt = new Date(at)
            const moveHead = expectedSeq === 0
              ? sql`INSERT INTO gongzhi_streams AS s (stream_id, length, head_hash) VALUES (${stream}, ${length}, ${prev})
                ON CONFLICT (stream_id) DO UPDATE SET length = EXCLUDED.length, head_hash = EXCLUDED.head_hash
                WHERE s.length = 0 AND s.head_hash = ${head.hash}
                RETURNING 1 AS moved`
              : sql`UPDATE gongzhi_streams SET length = ${length}, head_hash = ${prev}
                WHERE stream_id = ${stream} AND length = ${expectedSeq} AND head_hash = ${head.hash}
                RETURNING 1 AS moved`
            const moved = yield* sql<{ readonly moved: unknown }>`
            WITH head AS (${moveHead}), stored AS (
              INSERT INTO gongzhi_records (stream_id, seq, type, payload, idempotency_key, recorded_at, hash)
              SELECT ${stream}, ${expectedSeq} + t.n - 1, t.type, t.payload, NULLIF(t.k, ''), ${recordedAt}::timestamptz, t.hash
              FROM unnest(${types}::text[], ${payloads}::text[], ${keys}::text[], ${hashes}::text[])
                WITH ORDINALITY AS t(type, payload, k, hash, n)
              WHERE EXISTS (SELECT 1 FROM head))
            SELECT count(*)::int4 AS moved FROM head`
            if (Number(moved[0]?.moved) !== 1) return undefined
            const appended: Appended = { records: made, replayed: false, head: { stream, length, hash: prev } }
            return appended
          })
        const write = Effect.gen(function*() {
          if (batch.length > 0) {
            const known = expectedSeq === 0 ? { stream, length: 0, hash: Record.genesis } : heads.get(stream)
            if (known !== undefined && known.length === expectedSeq) {
              const written = yield* attempt(known)
              if (written !== undefined || expectedSeq === 0) return written
            }
          }
          // the head as stored (another writer may have moved it since this layer did)
          const head = yield* headOf(stream)
          if (head.length !== expectedSeq) return undefined
          if (batch.length === 0) return { records: [], replayed: false, head }
          return yield* attempt(head)
        })
        return yield* write.pipe(
          Effect.flatMap((written) => {
            heads.delete(stream)
            if (written === undefined) return replayedOrConflict(stream, batch, expectedSeq)
            // kept newest last, at most headsKept streams
            heads.set(stream, written.head)
            if (heads.size > headsKept) heads.delete(heads.keys().next().value!)
            return Effect.succeed(written)
          }),
          onSqlError((error) =>
            error.reason._tag === "UniqueViolation" || error.reason._tag === "SerializationError" ||
              error.reason._tag === "DeadlockError"
              // another writer took the seq or the key first: a retry of a stored batch gives the
              // original records, anything else is a conflict
              ? guard(replayedOrConflict(stream, batch, expectedSeq))
              : Effect.fail(databaseFailed(error))
          )
        )
      })

    /** Reads rows from `fromSeq`, checking the chain from the row before and the stored head. */
    const readChecked = (stream: string, fromSeq: number) =>
      sql.withTransaction(Effect.gen(function*() {
        yield* sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`
        const head = yield* headOf(stream)
        const issues: Array<Issue.DomainIssue> = []
        let prev = Record.genesis
        let expected = fromSeq
        if (fromSeq > 0) {
          const before = yield* sql<{ readonly hash: string }>`
            SELECT hash FROM gongzhi_records WHERE stream_id = ${stream} AND seq = ${fromSeq - 1}`
          if (before[0] === undefined) {
            if (fromSeq - 1 < head.length) {
              issues.push(messages.make("STORE_ROW_MISSING", {
                path: ["records", fromSeq - 1],
                params: { stream, seq: fromSeq - 1 }
              }))
            }
          } else {
            prev = before[0].hash
          }
        }
        const out: Array<Record.Record> = []
        let after = fromSeq - 1
        let lastHash = fromSeq === 0 ? Record.genesis : prev
        for (;;) {
          const rows = yield* sql<Row>`
            SELECT ${columns} FROM gongzhi_records
            WHERE stream_id = ${stream} AND seq > ${after} ORDER BY seq LIMIT ${pageSize}`
          for (const row of rows) {
            const decoded = decodeRow(stream, row)
            if (Result.isFailure(decoded)) {
              issues.push(decoded.failure)
              after = Number(row.seq)
              expected = after + 1
              prev = "" // the chain cannot be followed over an unreadable row
              continue
            }
            const r = decoded.success
            after = r.seq
            if (r.seq >= head.length) {
              issues.push(messages.make("STORE_ROW_UNEXPECTED", {
                path: ["records", r.seq],
                params: { stream, seq: r.seq, length: head.length }
              }))
            }
            if (expected < r.seq) {
              for (; expected < Math.min(r.seq, head.length); expected++) {
                issues.push(messages.make("STORE_ROW_MISSING", {
                  path: ["records", expected],
                  params: { stream, seq: expected }
                }))
              }
              prev = "" // the chain cannot be followed over a gap
            }
            if (prev !== "" && Record.hashOf(prev, r, r.text) !== r.hash) {
              issues.push(messages.make("STORE_HASH_MISMATCH", {
                path: ["records", r.seq],
                params: { stream, seq: r.seq }
              }))
            }
            prev = r.hash
            lastHash = r.hash
            expected = r.seq + 1
            out.push(strip(r))
          }
          if (rows.length < pageSize) break
        }
        while (expected < head.length) {
          issues.push(
            messages.make("STORE_ROW_MISSING", { path: ["records", expected], params: { stream, seq: expected } })
          )
          expected++
        }
        if (issues.length === 0 && fromSeq <= head.length && (expected !== head.length || lastHash !== head.hash)) {
          issues.push(messages.make("STORE_HEAD_MISMATCH", { path: ["head"], params: { stream, length: head.length } }))
        }
        if (issues.length > 0) return yield* fail(issues)
        return { records: out, head }
      }))

    const orDatabase = guard

    const checkedStream = (stream: unknown, seq?: unknown) => {
      const issues: Array<Issue.DomainIssue> = []
      checkStream(stream, issues)
      if (seq !== undefined) checkSeq(seq, ["seq"], issues)
      return issues
    }

    const read = (stream: string, fromSeq: number = 0) => {
      const issues = checkedStream(stream, fromSeq)
      if (issues.length > 0) return fail(issues)
      return orDatabase(Effect.map(readChecked(stream, fromSeq), (r) => r.records))
    }

    const saveSnapshot = (stream: string, seq: number, state: unknown) =>
      Effect.gen(function*() {
        const issues = checkedStream(stream, seq)
        const text = Record.canonical(state, ["state"])
        if (Result.isFailure(text)) issues.push(...text.failure.issues)
        if (issues.length > 0 || Result.isFailure(text)) return yield* fail(issues)
        return yield* orDatabase(sql.withTransaction(Effect.gen(function*() {
          const head = yield* headOf(stream)
          if (seq < 1 || seq > head.length) {
            return yield* fail([messages.make("STORE_SNAPSHOT_BEYOND_HEAD", {
              path: ["seq"],
              params: { stream, seq, length: head.length }
            })])
          }
          const at = yield* sql<{ readonly hash: string }>`
            SELECT hash FROM gongzhi_records WHERE stream_id = ${stream} AND seq = ${seq - 1}`
          if (at[0] === undefined) {
            return yield* fail([messages.make("STORE_ROW_MISSING", {
              path: ["records", seq - 1],
              params: { stream, seq: seq - 1 }
            })])
          }
          const headHash = at[0].hash
          const stateHash = Record.digest(`${headHash}\n${seq}\n${text.success}`)
          const takenAt = new Date(yield* Clock.currentTimeMillis)
          yield* sql`
            INSERT INTO gongzhi_snapshots (stream_id, seq, head_hash, state, state_hash, taken_at)
            VALUES (${stream}, ${seq}, ${headHash}, ${text.success}, ${stateHash}, ${takenAt})
            ON CONFLICT (stream_id, seq) DO UPDATE SET head_hash = EXCLUDED.head_hash, state = EXCLUDED.state,
              state_hash = EXCLUDED.state_hash, taken_at = EXCLUDED.taken_at`
          return { stream, seq, headHash, state: JSON.parse(text.success) as unknown }
        })))
      })

    const loadSnapshot = (stream: string) =>
      Effect.gen(function*() {
        const issues = checkedStream(stream)
        if (issues.length > 0) return yield* fail(issues)
        const rows = yield* orDatabase(sql<{
          readonly seq: unknown
          readonly head_hash: string
          readonly state: string
          readonly state_hash: string
        }>`
          SELECT s.seq, s.head_hash, s.state, s.state_hash FROM gongzhi_snapshots s
          WHERE s.stream_id = ${stream}
            AND s.seq <= (SELECT coalesce(max(length), 0) FROM gongzhi_streams WHERE stream_id = ${stream})
          ORDER BY s.seq DESC LIMIT 1`)
        const row = rows[0]
        if (row === undefined) return { snapshot: undefined, tail: yield* read(stream, 0) }
        const seq = Number(row.seq)
        const mismatch = (code: "STORE_SNAPSHOT_MISMATCH" | "STORE_SNAPSHOT_STATE_CHANGED") =>
          fail([messages.make(code, { path: ["snapshots", seq], params: { stream, seq } })])
        if (Record.digest(`${row.head_hash}\n${seq}\n${row.state}`) !== row.state_hash) {
          return yield* mismatch("STORE_SNAPSHOT_STATE_CHANGED")
        }
        const checked = yield* orDatabase(readChecked(stream, seq - 1))
        const anchor = checked.records[0]
        if (anchor === undefined || anchor.seq !== seq - 1 || anchor.hash !== row.head_hash) {
          return yield* mismatch("STORE_SNAPSHOT_MISMATCH")
        }
        let state: unknown
        try {
          state = JSON.parse(row.state)
        } catch {
          return yield* mismatch("STORE_SNAPSHOT_STATE_CHANGED")
        }
        return {
          snapshot: { stream, seq, headHash: row.head_hash, state },
          tail: checked.records.slice(1)
        }
      })

    return StreamStore.of({
      append,
      read,
      head: (stream) => {
        const issues = checkedStream(stream)
        return issues.length > 0 ? fail(issues) : orDatabase(headOf(stream))
      },
      verify: (stream) => {
        const issues = checkedStream(stream)
        return issues.length > 0 ? fail(issues) : orDatabase(Effect.map(readChecked(stream, 0), (r) => r.head))
      },
      saveSnapshot,
      loadSnapshot
    })
  })
)

/**
 * The store on a fresh in-memory PGlite database: for tests, demos and browser apps (nothing
 * is kept when the layer is released).
 *
 * @example
 * ```ts no-run
 * import { StreamStore } from "@gongzhi/store"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(StreamStore.StreamStore), (store) => store.head("s"))
 * console.log((await Effect.runPromise(Effect.provide(program, StreamStore.layerMemory()))).length) // 0
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layerMemory = (): Layer.Layer<StreamStore, ValidationReport.ValidationReport> =>
  layer.pipe(
    Layer.provide(
      Layer.effect(SqlClient.SqlClient, Effect.mapError(PgliteClient.make(), databaseFailed)).pipe(
        Layer.provide(Reactivity.layer)
      )
    )
  )
