/**
 * Effect's `SqlClient` over PGlite (`@electric-sql/pglite`, PostgreSQL compiled to WASM, in
 * the process: a directory or memory; Node and browsers). `@effect/sql-pglite` exists only
 * for effect 4 betas (it imports `effect/unstable/sql`, which effect 4.1 renamed), so this is
 * a small driver written after it and after `@effect/sql-pg`: one PGlite session, used by one
 * statement or one transaction at a time.
 *
 * @since 0.2.0
 */
// PGlite's declarations use the global Emscripten types without naming them: with this
// reference (and @types/emscripten, a dependency) a consumer's strict type-check finds them.
/// <reference types="emscripten" preserve="true" />
import { PGlite, type PGliteInterface, type PGliteOptions } from "@electric-sql/pglite"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import * as Client from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import {
  AuthenticationError,
  AuthorizationError,
  ConnectionError,
  ConstraintError,
  DeadlockError,
  LockTimeoutError,
  SerializationError,
  SqlError,
  SqlSyntaxError,
  StatementTimeoutError,
  UniqueViolation,
  UnknownError
} from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"
import * as Stream from "effect/Stream"

/**
 * The PGlite client service: a `SqlClient` that also gives the PGlite instance (for
 * `dumpDataDir` backups).
 *
 * @example
 * ```ts no-run
 * import { PgliteClient } from "@gongzhi/store"
 * import { Effect } from "effect"
 *
 * const version = Effect.gen(function*() {
 *   const client = yield* PgliteClient.PgliteClient
 *   const rows = yield* client`SELECT 1 + 1 AS two`
 *   return rows[0]
 * })
 * console.log(await Effect.runPromise(Effect.provide(version, PgliteClient.layer()))) // { two: 2 }
 * ```
 *
 * @category services
 * @since 0.2.0
 */
export interface PgliteClient extends Client.SqlClient {
  readonly pglite: PGliteInterface
}

/**
 * The service tag of {@link PgliteClient}.
 *
 * @example
 * ```ts
 * import { PgliteClient } from "@gongzhi/store"
 *
 * console.log(PgliteClient.PgliteClient.key) // @gongzhi/store/PgliteClient
 * ```
 *
 * @category services
 * @since 0.2.0
 */
export const PgliteClient = Context.Service<PgliteClient>("@gongzhi/store/PgliteClient")

/**
 * Where PGlite keeps its data: `dataDir` a directory (Node) or `idb://name` (browsers);
 * leave it out for memory. Any other PGlite option may be given too.
 *
 * `minFreeBytes` (a directory on Node only; 64 MiB by default, `0` to turn it off): a
 * transaction (or a statement outside one) is refused with a clear `SqlError` when it begins
 * while the directory's file system has less free space than this. PGlite 0.5 does not fail when its disk fills: the write that meets the full
 * disk never returns (measured: a 56 MB tmpfs, the process busy until killed), so the store
 * stops before that, with room left for a WAL segment (16 MB) and a batch.
 *
 * @example
 * ```ts
 * import type { PgliteClient } from "@gongzhi/store"
 *
 * const config: PgliteClient.Config = { dataDir: "./gongzhi-data" }
 * console.log("dataDir" in config) // true
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Config =
  | (PGliteOptions & { readonly minFreeBytes?: number | undefined })
  | { readonly liveClient: PGliteInterface }

/** The free space a PGlite directory must keep (see {@link Config}). */
const defaultMinFreeBytes = 64 * 1024 * 1024

const codeOf = (cause: unknown): string | undefined => {
  if (typeof cause !== "object" || cause === null || !("code" in cause)) return undefined
  const code = (cause as { readonly code: unknown }).code
  return typeof code === "string" ? code : undefined
}

const constraintOf = (cause: unknown): string => {
  if (typeof cause !== "object" || cause === null || !("constraint" in cause)) return "unknown"
  const constraint = (cause as { readonly constraint: unknown }).constraint
  return typeof constraint === "string" && constraint.trim() !== "" ? constraint.trim() : "unknown"
}

const classify = (cause: unknown, message: string, operation: string): SqlError => {
  const props = { cause, message, operation }
  const code = codeOf(cause)
  const reason = code === undefined
    ? new UnknownError(props)
    : code.startsWith("08")
    ? new ConnectionError(props)
    : code.startsWith("28")
    ? new AuthenticationError(props)
    : code === "42501"
    ? new AuthorizationError(props)
    : code.startsWith("42")
    ? new SqlSyntaxError(props)
    : code === "23505"
    ? new UniqueViolation({ ...props, constraint: constraintOf(cause) })
    : code.startsWith("23")
    ? new ConstraintError(props)
    : code === "40P01"
    ? new DeadlockError(props)
    : code === "40001"
    ? new SerializationError(props)
    : code === "55P03"
    ? new LockTimeoutError(props)
    : code === "57014"
    ? new StatementTimeoutError(props)
    : new UnknownError(props)
  return new SqlError({ reason })
}

/** Checks the room left before a statement (a full disk would hang PGlite); `void` for none. */
type Guard = Effect.Effect<void, SqlError>

/**
 * When the free-space check runs: before a statement outside a transaction and before a
 * transaction begins — not again for each statement inside it (the margin of `minFreeBytes`
 * covers a batch), and never for its end: a rollback always goes through (refusing it would
 * leave PGlite's one session in the transaction, and every later statement would fail). One
 * session per connection; it learns that a transaction is open when its `BEGIN` succeeded.
 */
interface Session {
  readonly before: (sql: string) => Guard
  readonly after: (sql: string) => void
}

const begins = /^\s*(?:begin|start\s+transaction)\b/i
const ends = /^\s*(?:commit|end|abort|rollback(?!\s+to\b))\b/i
const inside = /^\s*(?:rollback|release|savepoint)\b/i

const sessionOf = (guard: Guard): Session => {
  let inTransaction = false
  return {
    before: (
      sql
    ) => (begins.test(sql) ? guard : inTransaction || ends.test(sql) || inside.test(sql) ? Effect.void : guard),
    after: (sql) => {
      if (begins.test(sql)) inTransaction = true
      else if (ends.test(sql)) inTransaction = false
    }
  }
}

const query = <Row>(
  pglite: PGliteInterface,
  session: Session,
  sql: string,
  params: ReadonlyArray<unknown>,
  operation: string,
  options?: { readonly rowMode: "array" }
) =>
  Effect.andThen(
    Effect.suspend(() => session.before(sql)),
    Effect.tryPromise({
      try: async () => {
        const result = await pglite.query<Row>(sql, params as Array<unknown>, options)
        session.after(sql)
        return result
      },
      catch: (cause) => classify(cause, "Failed to execute statement", operation)
    })
  )

const queryValues = (
  pglite: PGliteInterface,
  session: Session,
  sql: string,
  params: ReadonlyArray<unknown>,
  operation: string
) =>
  Effect.map(
    query<Array<unknown>>(pglite, session, sql, params, operation, { rowMode: "array" }),
    (result) => result.rows as ReadonlyArray<ReadonlyArray<unknown>>
  )

type Transform = (<A extends object>(rows: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined

const connectionOf = (pglite: PGliteInterface, guard: Guard): Connection => {
  const session = sessionOf(guard)
  const rows = (sql: string, params: ReadonlyArray<unknown>, transform: Transform, operation: string) =>
    Effect.map(
      query<object>(pglite, session, sql, params, operation),
      (result): Array<object> => [...(transform ? transform(result.rows) : result.rows)]
    )
  return {
    execute: (sql, params, transform) => rows(sql, params, transform, "execute"),
    executeRaw: (sql, params) => query(pglite, session, sql, params, "executeRaw"),
    executeStream: (sql, params, transform) => Stream.fromArrayEffect(rows(sql, params, transform, "executeStream")),
    executeValues: (sql, params) => queryValues(pglite, session, sql, params, "executeValues"),
    executeValuesUnprepared: (sql, params) => queryValues(pglite, session, sql, params, "executeValuesUnprepared"),
    executeUnprepared: (sql, params, transform) => rows(sql, params, transform, "executeUnprepared")
  }
}

const escape = Statement.defaultEscape("\"")

/**
 * The statement compiler of PostgreSQL (`$1` placeholders, double-quoted identifiers), the
 * same as `@effect/sql-pg`'s without its JSON fragments.
 *
 * @example
 * ```ts
 * import { PgliteClient } from "@gongzhi/store"
 *
 * console.log(typeof PgliteClient.compiler.compile) // function
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const compiler: Statement.Compiler = Statement.makeCompiler({
  dialect: "pg",
  placeholder: (index) => `$${index}`,
  onIdentifier: (value) => escape(value),
  onRecordUpdate: (placeholders, valueAlias, valueColumns, values, returning) => [
    `(values ${placeholders}) AS ${valueAlias}${valueColumns}${returning ? ` RETURNING ${returning[0]}` : ""}`,
    returning ? values.flat().concat(returning[1]) : values.flat()
  ],
  onCustom: () => ["", []]
})

/** The free-space check of a directory on Node (see {@link Config}); none elsewhere. */
const guardOf = (config: Config): Effect.Effect<Guard> =>
  Effect.promise(async (): Promise<Guard> => {
    if ("liveClient" in config) return Effect.void
    const dir = config.dataDir
    const minFree = config.minFreeBytes ?? defaultMinFreeBytes
    const node = (globalThis as { readonly process?: { readonly versions?: { readonly node?: unknown } } }).process
    const onNode = typeof node?.versions?.node === "string"
    if (dir === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(dir) || minFree <= 0 || !onNode) return Effect.void
    // named through a variable so that browser bundles do not look for it
    const fsModule = "node:fs/promises"
    const { statfs } = (await import(/* @vite-ignore */ fsModule)) as {
      readonly statfs: (path: string) => Promise<{ readonly bavail: number; readonly bsize: number }>
    }
    return Effect.flatMap(
      Effect.promise(() => statfs(dir).then((s) => s.bavail * s.bsize, () => Number.POSITIVE_INFINITY)),
      (free) =>
        free >= minFree ? Effect.void : Effect.fail(
          new SqlError({
            reason: new UnknownError({
              message: `No space left for PGlite: ${Math.floor(free / 1048576)} MiB free in ${dir}, ${
                Math.ceil(minFree / 1048576)
              } MiB needed (a full disk would stop PGlite without an answer); nothing was written`,
              operation: "execute",
              cause: undefined
            })
          })
        )
    )
  })

/**
 * Makes a PGlite client in a scope: it opens PGlite (unless given a live one, which stays the
 * caller's) and closes it when the scope closes.
 *
 * @example
 * ```ts no-run
 * import { PgliteClient } from "@gongzhi/store"
 * import { Effect } from "effect"
 * import * as Reactivity from "effect/reactivity/Reactivity"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const client = yield* PgliteClient.make({})
 *   return (yield* client`SELECT 'ok' AS status`)[0]
 * }))
 * console.log(await Effect.runPromise(Effect.provide(program, Reactivity.layer))) // { status: 'ok' }
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = (
  config: Config = {}
): Effect.Effect<PgliteClient, SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const pglite = "liveClient" in config
      ? config.liveClient
      : yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: async () => {
            const { minFreeBytes: _minFree, ...options } = config
            const db = new PGlite(options)
            await db.waitReady
            return db
          },
          catch: (cause) => classify(cause, "Failed to open PGlite", "connect")
        }),
        (db) => Effect.promise(() => db.close()).pipe(Effect.timeoutOption(5000))
      )
    const guard = yield* guardOf(config)
    const connection = connectionOf(pglite, guard)
    const semaphore = Semaphore.makeUnsafe(1)
    const acquirer = semaphore.withPermits(1)(Effect.succeed(connection))
    const transactionAcquirer = Effect.uninterruptibleMask((restore) => {
      const fiber = Fiber.getCurrent()!
      const scope = Context.getUnsafe(fiber.context, Scope.Scope)
      return Effect.as(
        Effect.tap(restore(semaphore.take(1)), () => Scope.addFinalizer(scope, semaphore.release(1))),
        connection
      )
    })
    const client = yield* Client.make({
      acquirer,
      transactionAcquirer,
      compiler,
      driver: "pglite",
      spanAttributes: [["db.system.name", "postgresql"]]
    })
    return Object.assign(client, { pglite }) as PgliteClient
  })

/**
 * A layer giving both {@link PgliteClient} and effect's `SqlClient`.
 *
 * @example
 * ```ts no-run
 * import { PgliteClient } from "@gongzhi/store"
 * import { Effect } from "effect"
 * import { SqlClient } from "effect/sql"
 *
 * const program = Effect.gen(function*() {
 *   const sql = yield* SqlClient.SqlClient
 *   return (yield* sql`SELECT 40 + 2 AS n`)[0]
 * })
 * console.log(await Effect.runPromise(Effect.provide(program, PgliteClient.layer()))) // { n: 42 }
 * ```
 *
 * @category layers
 * @since 0.2.0
 */
export const layer = (config: Config = {}): Layer.Layer<PgliteClient | Client.SqlClient, SqlError> =>
  Layer.effectContext(
    Effect.map(make(config), (client) => Context.make(PgliteClient, client).pipe(Context.add(Client.SqlClient, client)))
  ).pipe(Layer.provide(Reactivity.layer))
