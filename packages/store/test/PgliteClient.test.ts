import { Database, PgliteClient, StreamStore } from "@gongzhi/store"
import { Effect, Result, Stream } from "effect"
import * as Redacted from "effect/Redacted"
import { SqlClient } from "effect/sql"
import { describe, expect, it } from "vitest"

const tagOf = (r: Result.Result<unknown, { readonly reason: { readonly _tag: string } }>) =>
  Result.isFailure(r) ? r.failure.reason._tag : "none"

describe("PgliteClient", () => {
  it("runs statements, values, streams and transactions, and classifies PostgreSQL errors", async () => {
    const program = Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL)`
      yield* sql`INSERT INTO t ${sql.insert([{ id: 1, name: "哈安喜" }, { id: 2, name: "周玉宏" }])}`
      const values = yield* sql`SELECT id, name FROM t ORDER BY id`.values
      const raw = yield* sql`SELECT count(*)::int AS n FROM t`.raw
      const unprepared = yield* sql`SELECT name FROM t WHERE id = ${2}`.unprepared
      const streamed = yield* Stream.runCollect(sql`SELECT id FROM t ORDER BY id`.stream)
      const rolledBack = yield* Effect.result(sql.withTransaction(Effect.gen(function*() {
        yield* sql`INSERT INTO t (id, name) VALUES (3, 'x')`
        return yield* Effect.fail("abort")
      })))
      const count = yield* sql<{ readonly n: number }>`SELECT count(*)::int AS n FROM t`
      const unique = yield* Effect.result(sql`INSERT INTO t (id, name) VALUES (1, 'again')`)
      const notNull = yield* Effect.result(sql`INSERT INTO t (id) VALUES (9)`)
      const syntax = yield* Effect.result(sql`SELEC 1`)
      const unknown = yield* Effect.result(sql`SELECT 1 / 0`)
      const client = yield* PgliteClient.PgliteClient
      return {
        values,
        n: (raw as { readonly rows: ReadonlyArray<{ readonly n: number }> }).rows[0]!.n,
        unprepared,
        streamed: [...streamed],
        rolledBack: rolledBack._tag,
        count: count[0]!.n,
        errors: [tagOf(unique), tagOf(notNull), tagOf(syntax), tagOf(unknown)],
        live: typeof client.pglite.query
      }
    })
    const out = await Effect.runPromise(Effect.provide(program, PgliteClient.layer()))
    expect(out).toEqual({
      values: [[1, "哈安喜"], [2, "周玉宏"]],
      n: 2,
      unprepared: [{ name: "周玉宏" }],
      streamed: [{ id: 1 }, { id: 2 }],
      rolledBack: "Failure",
      count: 2,
      errors: ["UniqueViolation", "ConstraintError", "SqlSyntaxError", "UnknownError"],
      live: "function"
    })
  }, 30_000)

  it("fails to open a data directory it cannot use, as a SqlError", async () => {
    const opened = await Effect.runPromise(
      Effect.result(
        Effect.provide(Effect.service(SqlClient.SqlClient), PgliteClient.layer({ dataDir: "/proc/gongzhi" }))
      )
    )
    expect(opened._tag).toBe("Failure")
  }, 30_000)
})

describe("Database", () => {
  it("parses locations", () => {
    expect(Database.parse("postgresql://u@h/db").pipe(Result.map((t) => t._tag))).toEqual(Result.succeed("Postgres"))
    expect(Database.parse("./data").pipe(Result.map((t) => t))).toEqual(
      Result.succeed({ _tag: "Pglite", dataDir: "./data" })
    )
    expect(Database.parse("memory://")).toEqual(Result.succeed({ _tag: "Pglite", dataDir: undefined }))
    const bad = Database.parse(42)
    expect(Result.isFailure(bad) && bad.failure.issues[0]!.code).toBe("STORE_TARGET_INVALID")
    const parsed = Database.parse("postgres://gongzhi:secret@127.0.0.1/x")
    expect(Result.isSuccess(parsed) && parsed.success._tag === "Postgres" && Redacted.value(parsed.success.url)).toBe(
      "postgres://gongzhi:secret@127.0.0.1/x"
    )
    expect(JSON.stringify(parsed)).not.toContain("secret")
    // another scheme is not a directory named "mysql:/…": refused, naming the scheme only
    for (const other of ["mysql://root:secret@h/db", "file:///tmp/x", "HTTP://h"]) {
      const refused = Database.parse(other)
      expect(Result.isFailure(refused) && refused.failure.issues[0]!.code).toBe("STORE_TARGET_INVALID")
      expect(JSON.stringify(refused)).not.toContain("secret")
    }
    expect(Database.parse("idb://gongzhi")).toEqual(Result.succeed({ _tag: "Pglite", dataDir: "idb://gongzhi" }))
    expect(Database.parse("C:\\data")).toEqual(Result.succeed({ _tag: "Pglite", dataDir: "C:\\data" }))
  })

  it("a location that is a revoked Proxy is a failure, not a throw (pnpm fuzz)", () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const bad = Database.parse(proxy)
    expect(Result.isFailure(bad) && bad.failure.issues.map((i) => [i.code, i.params["actual"]])).toEqual([
      ["STORE_TARGET_INVALID", "object"]
    ])
  })

  it("a bad location or an unreachable server is a STORE_* failure, not a throw", async () => {
    const store = Effect.service(StreamStore.StreamStore)
    const bad = await Effect.runPromise(Effect.result(Effect.provide(store, Database.layer(""))))
    expect(Result.isFailure(bad) && bad.failure.issues[0]!.code).toBe("STORE_TARGET_INVALID")
    const down = await Effect.runPromise(
      Effect.result(
        Effect.provide(store, Database.layer("postgres://postgres@127.0.0.1:9/none", { maxConnections: 1 }))
      )
    )
    expect(Result.isFailure(down) && down.failure.issues[0]!.code).toBe("STORE_DATABASE_FAILED")
  }, 30_000)

  it("keeps records in a PGlite directory across openings", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs")
    const { tmpdir } = await import("node:os")
    const { join } = await import("node:path")
    const dir = mkdtempSync(join(tmpdir(), "gongzhi-store-"))
    try {
      const store = Effect.service(StreamStore.StreamStore)
      await Effect.runPromise(Effect.provide(
        Effect.flatMap(store, (s) => s.append("kept", [{ type: "T", payload: { n: 1 } }], 0)),
        Database.layer(dir)
      ))
      const head = await Effect.runPromise(
        Effect.provide(Effect.flatMap(store, (s) => s.verify("kept")), Database.layer(dir))
      )
      expect(head.length).toBe(1)
      const memory = await Effect.runPromise(
        Effect.provide(Effect.flatMap(store, (s) => s.head("kept")), StreamStore.layerMemory())
      )
      expect(memory.length).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it(
    "checks the free space when a transaction begins: a transaction without room is refused before it writes, a rollback goes through",
    async () => {
      const { mkdtempSync, rmSync, statfsSync } = await import("node:fs")
      const { tmpdir } = await import("node:os")
      const { join } = await import("node:path")
      const dir = mkdtempSync(join(tmpdir(), "gongzhi-store-guard-"))
      try {
        const free = (() => {
          const s = statfsSync(dir)
          return s.bavail * s.bsize
        })()
        // with room: a transaction that fails is rolled back (the rollback is never refused)
        const program = Effect.scoped(Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          yield* sql`CREATE TABLE t (n integer)`
          const inside = yield* Effect.result(sql.withTransaction(Effect.gen(function*() {
            yield* sql`INSERT INTO t VALUES (1)`
            yield* sql`INSERT INTO t VALUES (2)`
            return yield* Effect.fail("roll back" as const)
          })))
          const rows = yield* sql<{ readonly n: number }>`SELECT count(*)::int AS n FROM t`
          return { inside, rows }
        }))
        const ok = await Effect.runPromise(
          Effect.provide(program, PgliteClient.layer({ dataDir: dir, minFreeBytes: 1 }))
        )
        expect(Result.isFailure(ok.inside) && ok.inside.failure).toBe("roll back")
        expect(ok.rows[0]!.n).toBe(0)
        const refused = await Effect.runPromise(Effect.result(Effect.provide(
          Effect.flatMap(Effect.service(SqlClient.SqlClient), (sql) => sql.withTransaction(sql`SELECT 1`)),
          PgliteClient.layer({ dataDir: dir, minFreeBytes: free * 4 })
        )))
        expect(tagOf(refused as never)).toBe("UnknownError")
        if (Result.isFailure(refused)) {
          expect(String((refused.failure as Error).message)).toMatch(/No space left for PGlite/)
        }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    60_000
  )
})
