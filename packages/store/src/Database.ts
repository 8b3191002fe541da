/**
 * Where the store keeps its records, from one string (the CLI's `--db`): a directory for an
 * embedded PGlite database (the default, nothing to install), `memory://` for a throw-away
 * one, or a `postgres://` URL for a PostgreSQL server (through `@effect/sql-pg`).
 *
 * @since 0.2.0
 */
import { PgClient } from "@effect/sql-pg"
import { ValidationReport } from "@gongzhi/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import type * as SqlClient from "effect/sql/SqlClient"
import { describe } from "./internal/describe.js"
import { messages } from "./Messages.js"
import * as PgliteClient from "./PgliteClient.js"
import * as StreamStore from "./StreamStore.js"

/**
 * A parsed database location.
 *
 * @example
 * ```ts
 * import type { Database } from "@gongzhi/store"
 *
 * const target: Database.Target = { _tag: "Pglite", dataDir: "./gongzhi-data" }
 * console.log(target._tag) // Pglite
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Target =
  | { readonly _tag: "Pglite"; readonly dataDir: string | undefined }
  | { readonly _tag: "Postgres"; readonly url: Redacted.Redacted<string> }

/**
 * The default location: a PGlite directory `./gongzhi-data`.
 *
 * @example
 * ```ts
 * import { Database } from "@gongzhi/store"
 *
 * console.log(Database.defaultLocation) // ./gongzhi-data
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultLocation = "./gongzhi-data"

/**
 * Parses a location: `postgres://…` or `postgresql://…` is a server, `memory://` an
 * in-memory PGlite database, `idb://…` and `opfs-ahp://…` PGlite's browser stores, a path a
 * PGlite directory; a URL of any other scheme (`mysql://…`, `file://…`) is refused with
 * `STORE_TARGET_INVALID` naming only its scheme (never its password). The URL is kept redacted.
 *
 * @example
 * ```ts
 * import { Database } from "@gongzhi/store"
 *
 * const target = Database.parse("postgres://gongzhi:secret@127.0.0.1:5432/gongzhi")
 * if (target._tag === "Success") console.log(target.success._tag) // Postgres
 * console.log(Database.parse("")._tag) // Failure
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const parse = (location: unknown): Result.Result<Target, ValidationReport.ValidationReport> => {
  if (typeof location !== "string" || location.trim() === "") {
    return Result.fail(
      ValidationReport.of(messages.make("STORE_TARGET_INVALID", { path: [], params: { actual: describe(location) } }))
    )
  }
  if (/^postgres(ql)?:\/\//i.test(location)) return Result.succeed({ _tag: "Postgres", url: Redacted.make(location) })
  if (location === "memory://") return Result.succeed({ _tag: "Pglite", dataDir: undefined })
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)
  if (scheme !== null && !/^(?:idb|opfs-ahp)$/i.test(scheme[1]!)) {
    return Result.fail(
      ValidationReport.of(messages.make("STORE_TARGET_INVALID", { path: [], params: { actual: `${scheme[1]}://…` } }))
    )
  }
  return Result.succeed({ _tag: "Pglite", dataDir: location })
}

const detailOf = (error: { readonly message: string; readonly reason: { readonly cause?: unknown } }): string => {
  const cause = error.reason.cause
  return cause instanceof Error && cause.message !== "" && cause.message !== error.message
    ? `${error.message}: ${cause.message}`
    : error.message
}

const failed = (
  error: { readonly reason: { readonly _tag: string; readonly cause?: unknown }; readonly message: string }
) =>
  ValidationReport.of(messages.make("STORE_DATABASE_FAILED", {
    path: [],
    params: { reason: error.reason._tag, detail: detailOf(error) }
  }))

/**
 * Effect's `SqlClient` for a target: PGlite in the process, or a pool of connections to a
 * PostgreSQL server (`maxConnections`, 10 by default).
 *
 * @example
 * ```ts no-run
 * import { Database } from "@gongzhi/store"
 * import { Effect } from "effect"
 * import { SqlClient } from "effect/sql"
 *
 * const program = Effect.flatMap(Effect.service(SqlClient.SqlClient), (sql) => sql`SELECT 1 AS one`)
 * console.log(await Effect.runPromise(Effect.provide(program, Database.layerSql({ _tag: "Pglite", dataDir: undefined })))) // [ { one: 1 } ]
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layerSql = (
  target: Target,
  options?: { readonly maxConnections?: number | undefined }
): Layer.Layer<SqlClient.SqlClient, ValidationReport.ValidationReport> => {
  const client = target._tag === "Postgres"
    ? PgClient.layer({ url: target.url, maxConnections: options?.maxConnections ?? 10 })
    : PgliteClient.layer(target.dataDir === undefined ? {} : { dataDir: target.dataDir })
  return Layer.catchTag(
    client as Layer.Layer<SqlClient.SqlClient, import("effect/sql/SqlError").SqlError>,
    "SqlError",
    (error) => Layer.effectDiscard(Effect.fail(failed(error)))
  ) as Layer.Layer<SqlClient.SqlClient, ValidationReport.ValidationReport>
}

/**
 * The stream store at a location (see {@link parse}), with the schema migrated.
 *
 * @example
 * ```ts no-run
 * import { Database, StreamStore } from "@gongzhi/store"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* StreamStore.StreamStore
 *   yield* store.append("demo", [{ type: "Hello", payload: { to: "名泉社区" } }], 0)
 *   return (yield* store.read("demo"))[0]?.payload
 * })
 * console.log(await Effect.runPromise(Effect.provide(program, Database.layer("memory://")))) // { to: '名泉社区' }
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layer = (
  location: string = defaultLocation,
  options?: { readonly maxConnections?: number | undefined }
): Layer.Layer<StreamStore.StreamStore | SqlClient.SqlClient, ValidationReport.ValidationReport> => {
  const target = parse(location)
  if (target._tag === "Failure") return Layer.effectDiscard(Effect.fail(target.failure)) as never
  return Layer.provideMerge(StreamStore.layer, layerSql(target.success, options))
}
