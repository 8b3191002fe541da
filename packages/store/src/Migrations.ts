/**
 * The store's schema and its migrations. `run` brings a database up to the newest version
 * (or a given one) in one transaction under an advisory lock, so several processes that start
 * at once migrate it once; a database already there is left alone.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"

/**
 * One migration: a version number, a name and its SQL statements.
 *
 * @example
 * ```ts
 * import { Migrations } from "@gongzhi/store"
 *
 * console.log(Migrations.all.map((m) => `${m.version}_${m.name}`)) // [ '1_streams', '2_snapshots' ]
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: ReadonlyArray<string>
}

/**
 * The migrations, oldest first. Version 1 holds the records and the head of every stream;
 * version 2 adds snapshots.
 *
 * ```sql
 * CREATE TABLE gongzhi_records (
 *   stream_id text NOT NULL, seq integer NOT NULL, type text NOT NULL, payload text NOT NULL,
 *   idempotency_key text, recorded_at timestamptz NOT NULL, hash text NOT NULL,
 *   PRIMARY KEY (stream_id, seq))
 * CREATE UNIQUE INDEX gongzhi_records_key ON gongzhi_records (stream_id, idempotency_key)
 *   WHERE idempotency_key IS NOT NULL
 * CREATE TABLE gongzhi_streams (stream_id text PRIMARY KEY, length integer NOT NULL, head_hash text NOT NULL)
 * CREATE TABLE gongzhi_snapshots (stream_id text NOT NULL, seq integer NOT NULL, head_hash text NOT NULL,
 *   state text NOT NULL, state_hash text NOT NULL, taken_at timestamptz NOT NULL, PRIMARY KEY (stream_id, seq))
 * ```
 *
 * @example
 * ```ts
 * import { Migrations } from "@gongzhi/store"
 *
 * console.log(Migrations.latest) // 2
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const all: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: "streams",
    statements: [
      `CREATE TABLE gongzhi_records (
        stream_id text NOT NULL,
        seq integer NOT NULL CHECK (seq >= 0),
        type text NOT NULL,
        payload text NOT NULL,
        idempotency_key text,
        recorded_at timestamptz NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (stream_id, seq)
      )`,
      `CREATE UNIQUE INDEX gongzhi_records_key ON gongzhi_records (stream_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL`,
      `CREATE TABLE gongzhi_streams (
        stream_id text PRIMARY KEY,
        length integer NOT NULL,
        head_hash text NOT NULL
      )`
    ]
  },
  {
    version: 2,
    name: "snapshots",
    statements: [
      `CREATE TABLE gongzhi_snapshots (
        stream_id text NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        head_hash text NOT NULL,
        state text NOT NULL,
        state_hash text NOT NULL,
        taken_at timestamptz NOT NULL,
        PRIMARY KEY (stream_id, seq)
      )`
    ]
  }
]

/**
 * The newest schema version.
 *
 * @example
 * ```ts
 * import { Migrations } from "@gongzhi/store"
 *
 * console.log(Migrations.latest === Migrations.all.length) // true
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const latest: number = all.length

// The advisory lock every migrating process takes (any fixed 64-bit number).
const lockId = 20240612

/**
 * The schema version of a database (0 when the store was never set up there).
 *
 * @example
 * ```ts no-run
 * import { Migrations, PgliteClient } from "@gongzhi/store"
 * import * as Effect from "effect/Effect"
 *
 * console.log(await Effect.runPromise(Effect.provide(Migrations.version, PgliteClient.layer()))) // 0
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const version: Effect.Effect<number, SqlError, SqlClient.SqlClient> = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const table = yield* sql<
    { readonly name: string | null }
  >`SELECT to_regclass('gongzhi_store_migrations')::text AS name`
  if (table[0]?.name == null) return 0
  const rows = yield* sql<
    { readonly version: number | null }
  >`SELECT max(version) AS version FROM gongzhi_store_migrations`
  return Number(rows[0]?.version ?? 0)
})

/**
 * Migrates the database up to `upTo` (the newest version by default) and returns the versions
 * it applied.
 *
 * @example
 * ```ts no-run
 * import { Migrations, PgliteClient } from "@gongzhi/store"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function*() {
 *   const applied = yield* Migrations.run()
 *   const again = yield* Migrations.run()
 *   return [applied, again]
 * })
 * console.log(await Effect.runPromise(Effect.provide(program, PgliteClient.layer()))) // [ [ 1, 2 ], [] ]
 * ```
 *
 * @category operations
 * @since 0.2.0
 */
export const run = (upTo: number = latest): Effect.Effect<ReadonlyArray<number>, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    return yield* sql.withTransaction(Effect.gen(function*() {
      yield* sql`SELECT pg_advisory_xact_lock(${lockId})`
      yield* sql`CREATE TABLE IF NOT EXISTS gongzhi_store_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`
      const current = yield* version
      const applied: Array<number> = []
      for (const migration of all) {
        if (migration.version <= current || migration.version > upTo) continue
        for (const statement of migration.statements) yield* sql.unsafe(statement)
        yield* sql`INSERT INTO gongzhi_store_migrations (version, name) VALUES (${migration.version}, ${migration.name})`
        applied.push(migration.version)
      }
      return applied
    }))
  })
