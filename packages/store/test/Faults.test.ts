// Faults with real processes (child_process): writers racing on one stream, a writer killed
// with SIGKILL in the middle of a batch (on the wire and on an embedded PGlite directory), an
// idempotent retry from another process after a commit that succeeded, and the database going
// away mid-write. Bounded: a few processes, small batches, 127.0.0.1 only.
import { CivilDate } from "@gongzhi/core"
import { Journal, JournalStore, Presets } from "@gongzhi/points-ledger"
import { Database, LedgerStore, StreamStore } from "@gongzhi/store"
import { Effect, Layer, ManagedRuntime, Result } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildWorker, servePglite, serverUrl } from "./backends.js"

const here = dirname(fileURLToPath(import.meta.url))
// The worker is bundled once (buildWorker, esbuild) so that each process starts in a fraction of a second;
// PGlite stays external (it loads its WASM beside its own files).
let worker = ""
const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
const on = CivilDate.makeUnsafe("2024-02-01")
const store = Effect.service(StreamStore.StreamStore)

interface Spawned {
  readonly child: ChildProcess
  readonly lines: Array<Record<string, unknown>>
  readonly done: Promise<{ readonly code: number | null; readonly signal: string | null; readonly stderr: string }>
  readonly waitFor: (p: (line: Record<string, unknown>) => boolean) => Promise<void>
}

const start = (task: Record<string, unknown>): Spawned => {
  const child = spawn(process.execPath, [worker, JSON.stringify(task)], {
    cwd: join(here, ".."),
    stdio: ["ignore", "pipe", "pipe"]
  })
  const lines: Array<Record<string, unknown>> = []
  const waiters: Array<{ p: (line: Record<string, unknown>) => boolean; resolve: () => void }> = []
  let buffer = ""
  let stderr = ""
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8")
    let nl: number
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>
      buffer = buffer.slice(nl + 1)
      lines.push(line)
      const ready = waiters.filter((w) => w.p(line))
      for (const w of ready) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
    }
  })
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")))
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr }))
  )
  return {
    child,
    lines,
    done,
    waitFor: (p) => lines.some(p) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ p, resolve }))
  }
}

const targets: Array<{ readonly name: string; readonly location: () => string }> = []
let wire: Awaited<ReturnType<typeof servePglite>>
beforeAll(async () => {
  worker = await buildWorker("gongzhi-store-worker")
  wire = await servePglite()
}, 60_000)
afterAll(async () => {
  await wire?.stop()
})
targets.push({ name: "the pg driver on PGlite's wire protocol", location: () => wire.location })
if (serverUrl !== undefined) {
  const url = serverUrl
  targets.push({ name: "the PostgreSQL server", location: () => url })
}

const unique = (name: string) => `${name}-${process.pid}-${Date.now()}`

for (const target of targets) {
  describe(`faults on ${target.name}`, () => {
    it(
      "writers in 3 processes race on one journal: each seq has one winner, the stored journal is a serial run of the accepted commands",
      async () => {
        const journal = unique("race")
        const runtime = ManagedRuntime.make(
          LedgerStore.layer(journal).pipe(Layer.provideMerge(Database.layer(target.location(), { maxConnections: 1 })))
        )
        const opened = await runtime.runPromise(JournalStore.appendCommand(Journal.make(setup), {
          _tag: "Open",
          key: "open-ha",
          on,
          account: "ha",
          holder: { name: "哈安喜", roles: ["resident"] }
        }))
        expect(opened.entry?.seq).toBe(0)
        await runtime.dispose()
        const writers = ["a", "b", "c"].map((writer) =>
          start({ mode: "ledger", location: target.location(), journal, writer, count: 4 })
        )
        const exits = await Promise.all(writers.map((w) => w.done))
        for (const exit of exits) expect(exit, exit.stderr).toMatchObject({ code: 0 })
        const lines = writers.flatMap((w) => w.lines)
        const wins = lines.filter((l) => typeof l["won"] === "number")
        const losses = lines.filter((l) => l["lost"] !== undefined)
        for (const loss of losses) expect(loss["code"], String(loss["detail"])).toBe("LEDGER_SEQUENCE_CONFLICT")
        // every command won exactly once, and no two commands won the same seq
        expect(wins.length).toBe(12)
        expect(new Set(wins.map((w) => w["key"])).size).toBe(12)
        expect(new Set(wins.map((w) => w["won"])).size).toBe(12)
        const checking = ManagedRuntime.make(
          LedgerStore.layer(journal).pipe(Layer.provideMerge(Database.layer(target.location(), { maxConnections: 1 })))
        )
        const loaded = await checking.runPromise(JournalStore.load(setup))
        const stored = Journal.entries(loaded)
        expect(stored.length).toBe(13)
        for (const win of wins) expect(stored[win["won"] as number]!.command.key).toBe(win["key"])
        // a serial run of the stored commands in their order gives the same journal, hash for hash
        const serial = Journal.appendAll(Journal.make(setup), stored.map((e) => e.command))
        expect(Result.isSuccess(serial) && Journal.lastHash(serial.success.journal)).toBe(Journal.lastHash(loaded))
        const balance = Journal.balance(loaded, "ha")
        expect(Result.isSuccess(balance) && balance.success.available).toBe(12 * 5)
        await checking.runPromise(Effect.flatMap(store, (s) => s.verify(LedgerStore.streamOf(journal))))
        console.log(`race on ${target.name}: 12 commands from 3 processes, ${losses.length} conflicts lost and retried`)
        await checking.dispose()
      },
      90_000
    )

    it("a writer killed with SIGKILL in the middle of a batch leaves all of the batch or none", async () => {
      const stream = unique("kill")
      const w = start({ mode: "batches", location: target.location(), stream, size: 2000 })
      await w.waitFor((l) => l["start"] === 2)
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)))
      w.child.kill("SIGKILL")
      const exit = await w.done
      expect(exit.signal).toBe("SIGKILL")
      const runtime = ManagedRuntime.make(Database.layer(target.location(), { maxConnections: 1 }))
      // A server may still commit the transaction whose COMMIT the writer sent just before it was
      // killed (it finishes a statement it has received): the stream is read until it stops
      // changing, and holds whole batches every time it is read.
      const verify = () => runtime.runPromise(Effect.flatMap(store, (s) => s.verify(stream)))
      let head = await verify()
      for (let stable = 0, tries = 0; stable < 3 && tries < 50; tries++) {
        expect(head.length % 2000).toBe(0)
        await new Promise((r) => setTimeout(r, 100))
        const again = await verify()
        stable = again.length === head.length ? stable + 1 : 0
        head = again
      }
      expect(head.length % 2000).toBe(0)
      expect(head.length).toBeGreaterThanOrEqual(4000)
      const next = await runtime.runPromise(
        Effect.flatMap(store, (s) => s.append(stream, [{ type: "After", payload: null }], head.length))
      )
      expect(next.head.length).toBe(head.length + 1)
      await runtime.dispose()
    }, 90_000)

    it("a retry from another process after a commit that succeeded returns the original records", async () => {
      const stream = unique("retry")
      const first = start({ mode: "once", location: target.location(), stream, expectedSeq: 0 })
      await first.done
      const retry = start({ mode: "once", location: target.location(), stream, expectedSeq: 0 })
      await retry.done
      const [original] = first.lines
      const [again] = retry.lines
      expect(original).toMatchObject({ replayed: false, seqs: [0, 1, 2] })
      expect(again).toEqual({ ...original, replayed: true })
      const runtime = ManagedRuntime.make(Database.layer(target.location(), { maxConnections: 1 }))
      expect((await runtime.runPromise(Effect.flatMap(store, (s) => s.verify(stream)))).length).toBe(3)
      await runtime.dispose()
    }, 90_000)
  })
}

describe("faults on an embedded PGlite directory", () => {
  it("a writer process killed with SIGKILL mid-batch: the directory opens, verifies, holds whole batches", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongzhi-kill-"))
    try {
      const w = start({ mode: "batches", location: dir, stream: "kill", size: 1000 })
      await w.waitFor((l) => l["start"] === 2)
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)))
      w.child.kill("SIGKILL")
      expect((await w.done).signal).toBe("SIGKILL")
      const runtime = ManagedRuntime.make(Database.layer(dir))
      const head = await runtime.runPromise(Effect.flatMap(store, (s) => s.verify("kill")))
      expect(head.length % 1000).toBe(0)
      expect(head.length).toBeGreaterThanOrEqual(2000)
      const next = await runtime.runPromise(
        Effect.flatMap(store, (s) => s.append("kill", [{ type: "After", payload: 1 }], head.length))
      )
      expect(next.head.length).toBe(head.length + 1)
      await runtime.dispose()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})

describe("the database going away mid-write", () => {
  it("fails clearly, stores nothing partial, and the next append works once the database is back", async () => {
    const served = await servePglite({ maxConnections: 4 })
    const port = Number(new URL(served.location).port)
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket")
    const runtime = ManagedRuntime.make(Database.layer(served.location, { maxConnections: 1 }))
    const stream = "away"
    await runtime.runPromise(Effect.flatMap(store, (s) => s.append(stream, [{ type: "First", payload: 0 }], 0)))
    const big = Array.from({ length: 8000 }, (_, i) => ({ type: "Row", payload: { i, text: "y".repeat(64) } }))
    const writing = runtime.runPromise(Effect.result(Effect.flatMap(store, (s) => s.append(stream, big, 1))))
    await new Promise((r) => setTimeout(r, 150))
    // the server goes away: every connection is dropped
    const db = served.db
    await served.stopServer()
    const outcome = await writing
    const back = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 4 })
    await back.start()
    try {
      if (Result.isFailure(outcome)) expect(outcome.failure.issues[0]!.code).toBe("STORE_DATABASE_FAILED")
      const reopened = ManagedRuntime.make(Database.layer(served.location, { maxConnections: 1 }))
      const head = await reopened.runPromise(Effect.flatMap(store, (s) => s.verify(stream)))
      expect([1, 8001]).toContain(head.length)
      const next = await reopened.runPromise(
        Effect.flatMap(store, (s) => s.append(stream, [{ type: "After", payload: null }], head.length))
      )
      expect(next.head.length).toBe(head.length + 1)
      console.log(
        `database went away mid-write: ${
          Result.isFailure(outcome) ? "the append failed" : "the append had committed"
        }, ${head.length} records kept`
      )
      await reopened.dispose()
    } finally {
      await runtime.dispose().catch(() => {})
      await back.stop()
      await db.close()
    }
  }, 90_000)
})

describe.runIf(serverUrl !== undefined)("a PostgreSQL server dropping the writer's connection mid-write", () => {
  it("fails clearly, stores nothing partial, and the next append works", async () => {
    const url = serverUrl!
    const name = `gongzhi-away-${process.pid}`
    const { PgClient } = await import("@effect/sql-pg")
    const Redacted = await import("effect/Redacted")
    const writer = ManagedRuntime.make(
      StreamStore.layer.pipe(
        Layer.provideMerge(PgClient.layer({ url: Redacted.make(url), applicationName: name, maxConnections: 1 }))
      )
    )
    const admin = ManagedRuntime.make(Database.layer(url, { maxConnections: 1 }))
    const stream = unique("dropped")
    try {
      await writer.runPromise(Effect.flatMap(store, (s) => s.append(stream, [{ type: "First", payload: 0 }], 0)))
      const big = Array.from({ length: 30_000 }, (_, i) => ({ type: "Row", payload: { i, text: "z".repeat(64) } }))
      const writing = writer.runPromise(Effect.result(Effect.flatMap(store, (s) => s.append(stream, big, 1))))
      await new Promise((r) => setTimeout(r, 100))
      const { SqlClient } = await import("effect/sql")
      await admin.runPromise(
        Effect.flatMap(
          Effect.service(SqlClient.SqlClient),
          (sql) => sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${name}`
        )
      )
      const outcome = await writing
      if (Result.isFailure(outcome)) expect(outcome.failure.issues[0]!.code).toBe("STORE_DATABASE_FAILED")
      const head = await admin.runPromise(Effect.flatMap(store, (s) => s.verify(stream)))
      expect([1, 30_001]).toContain(head.length)
      // the writer's pool opens a new connection for the next append
      const next = await writer.runPromise(
        Effect.flatMap(store, (s) => s.append(stream, [{ type: "After", payload: null }], head.length))
      )
      expect(next.head.length).toBe(head.length + 1)
      console.log(
        `server dropped the writer mid-write: ${
          Result.isFailure(outcome) ? "the append failed" : "the append had committed"
        }, ${head.length} records kept`
      )
    } finally {
      await writer.dispose().catch(() => {})
      await admin.dispose()
    }
  }, 90_000)
})
