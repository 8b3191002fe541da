// Outages with real components: a PostgreSQL server of the test's own (Debian's binaries, the
// same script as CI) stopped with `pg_ctl stop -m immediate` while a writer process appends,
// then started again; and a full disk — a small tmpfs under an embedded PGlite directory, and
// under a PostgreSQL tablespace holding the records — made larger again afterwards. Each must
// fail clearly (STORE_DATABASE_FAILED), keep whole batches only, and take the next append.
//
// Needs: the PostgreSQL server binaries (/usr/lib/postgresql/*/bin, as `.ci/run` installs them)
// for the server cases, and `mount` (root, or sudo without a password) for the full disks.
// Where GONGZHI_TEST_REQUIRE_SERVER=1 (CI), a missing one is a failure; elsewhere (the README's
// command on a fresh machine, which has neither) the case is skipped and says why.
import { Database, StreamStore } from "@gongzhi/store"
import { Effect, ManagedRuntime, Result } from "effect"
import { SqlClient } from "effect/sql"
import { execFileSync, spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildWorker, serverRequired } from "./backends.js"

const here = dirname(fileURLToPath(import.meta.url))
let worker = ""
const store = Effect.service(StreamStore.StreamStore)
const isRoot = process.getuid?.() === 0

const pgBin = (() => {
  try {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))
    for (const v of versions) {
      const bin = `/usr/lib/postgresql/${v}/bin`
      if (existsSync(`${bin}/postgres`) && existsSync(`${bin}/pg_ctl`)) return bin
    }
  } catch {
    // no PostgreSQL installed
  }
  return undefined
})()

const sudo = (command: string, args: ReadonlyArray<string>) =>
  isRoot
    ? execFileSync(command, args, { stdio: "pipe" })
    : execFileSync("sudo", ["-n", command, ...args], { stdio: "pipe" })

const canMount = (() => {
  if (process.platform !== "linux") return false
  const probe = mkdtempSync(join(tmpdir(), "gongzhi-mount-probe-"))
  try {
    sudo("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe])
    sudo("umount", [probe])
    return true
  } catch {
    return false
  } finally {
    rmSync(probe, { recursive: true, force: true })
  }
})()

/** Says why a case cannot run here; under GONGZHI_TEST_REQUIRE_SERVER=1 that is a failure. */
const needs = (what: string, ok: boolean) => {
  if (!ok && serverRequired) throw new Error(`${what} is required (GONGZHI_TEST_REQUIRE_SERVER=1) and missing`)
  if (!ok) console.log(`skipped: ${what} is not available on this machine`)
  return ok
}
const haveServer = needs("the PostgreSQL server binaries (/usr/lib/postgresql/*/bin)", pgBin !== undefined)
const haveMount = needs("mount (root, or sudo -n) for a small tmpfs", canMount)

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject()))
    })
  })

/** A PostgreSQL server of this file's own: the CI script, on its own directory and port. */
const ownServer = async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongzhi-outage-pg-"))
  const port = await freePort()
  const url = execFileSync("bash", [join(here, "..", "scripts", "ci-postgres.sh")], {
    env: { ...process.env, GONGZHI_PG_DIR: dir, GONGZHI_PG_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"]
  }).toString().trim()
  const asPg = (args: ReadonlyArray<string>) =>
    isRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe" })
      : execFileSync(args[0]!, args.slice(1), { stdio: "pipe" })
  const data = join(dir, "data")
  return {
    url,
    dir,
    stop: () => asPg([`${pgBin}/pg_ctl`, "-D", data, "-m", "immediate", "stop"]),
    start: () =>
      asPg([`${pgBin}/pg_ctl`, "-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o",
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on`, "start"]),
    remove: () => {
      try {
        asPg([`${pgBin}/pg_ctl`, "-D", data, "-m", "immediate", "stop"])
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

const rows = (batch: number, size: number) =>
  Array.from({ length: size }, (_, i) => ({ type: "Row", payload: { batch, i, text: "d".repeat(200) } }))

beforeAll(async () => {
  worker = await buildWorker("gongzhi-store-outage-worker")
}, 60_000)

describe.runIf(haveServer)("a PostgreSQL server stopped mid-write (pg_ctl stop -m immediate), then started", () => {
  let server: Awaited<ReturnType<typeof ownServer>>
  beforeAll(async () => {
    server = await ownServer()
  }, 120_000)
  afterAll(() => server?.remove())

  it("fails the writer clearly, keeps whole batches only, and the next append works once it is back", async () => {
    // a pool opened before the outage, to see that it recovers by itself
    const before = ManagedRuntime.make(Database.layer(server.url, { maxConnections: 2 }))
    await before.runPromise(Effect.flatMap(store, (s) => s.append("stopped", [{ type: "First", payload: 0 }], 0)))
    const child = spawn(process.execPath, [worker, JSON.stringify({
      mode: "batches",
      location: server.url,
      stream: "stopped",
      size: 2000
    })], { cwd: join(here, ".."), stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    let err = ""
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")))
    child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")))
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
    // let it store a few batches, then stop the server while the next one is being written
    while (!out.includes("\"stored\":2")) await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 30)))
    server.stop()
    const code = await exited
    expect(code).toBe(1)
    expect(err).toContain("STORE_DATABASE_FAILED")
    server.start()
    try {
      const after = ManagedRuntime.make(Database.layer(server.url, { maxConnections: 1 }))
      const head = await after.runPromise(Effect.flatMap(store, (s) => s.verify("stopped")))
      expect((head.length - 1) % 2000).toBe(0)
      expect(head.length).toBeGreaterThanOrEqual(1 + 3 * 2000)
      const next = await after.runPromise(
        Effect.flatMap(store, (s) => s.append("stopped", [{ type: "After", payload: 1 }], head.length))
      )
      expect(next.head.length).toBe(head.length + 1)
      await after.dispose()
      // the pool opened before the outage: its first use may meet a connection the server
      // dropped (a clear STORE_DATABASE_FAILED); a retry on it then works
      let outcome = await before.runPromise(
        Effect.result(
          Effect.flatMap(store, (s) => s.append("stopped", [{ type: "Again", payload: 2 }], head.length + 1))
        )
      )
      if (Result.isFailure(outcome)) {
        expect(outcome.failure.issues[0]!.code).toBe("STORE_DATABASE_FAILED")
        outcome = await before.runPromise(
          Effect.result(
            Effect.flatMap(store, (s) => s.append("stopped", [{ type: "Again", payload: 2 }], head.length + 1))
          )
        )
      }
      expect(Result.isSuccess(outcome)).toBe(true)
      console.log(
        `server stopped mid-write: the writer failed with STORE_DATABASE_FAILED, ${
          head.length - 1
        } rows (whole batches of 2000) kept, appends work after the restart`
      )
    } finally {
      await before.dispose().catch(() => {})
    }
  }, 180_000)

  it.runIf(haveMount)(
    "a full tablespace: a clear failure, nothing partial, the next append works once there is room",
    async () => {
      const mount = join(server.dir, "small")
      mkdirSync(mount)
      sudo("mount", ["-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", mount])
      try {
        if (isRoot) execFileSync("chown", ["postgres:postgres", mount])
        const runtime = ManagedRuntime.make(Database.layer(server.url, { maxConnections: 1 }))
        const exec = (text: string) =>
          runtime.runPromise(Effect.flatMap(Effect.service(SqlClient.SqlClient), (sql) => sql.unsafe(text)))
        await runtime.runPromise(Effect.flatMap(store, (s) => s.head("warm-up")))
        await exec(`CREATE TABLESPACE gongzhi_small LOCATION '${mount}'`)
        // the records and their indexes on the small disk
        await exec("ALTER TABLE gongzhi_records SET TABLESPACE gongzhi_small")
        for (const index of await exec(`SELECT indexname FROM pg_indexes WHERE tablename = 'gongzhi_records'`)) {
          await exec(`ALTER INDEX ${(index as { indexname: string }).indexname} SET TABLESPACE gongzhi_small`)
        }
        let stored = 0
        let failure: Result.Result<
          unknown,
          { readonly issues: ReadonlyArray<{ code: string; message: { en: string } }> }
        >
        for (let b = 0;; b++) {
          failure = await runtime.runPromise(
            Effect.result(Effect.flatMap(store, (s) => s.append("full", rows(b, 500), stored)))
          )
          if (Result.isFailure(failure)) break
          stored += 500
          expect(b).toBeLessThan(200)
        }
        expect(failure.failure.issues[0]!.code).toBe("STORE_DATABASE_FAILED")
        expect(failure.failure.issues[0]!.message.en).toMatch(/No space left on device|could not extend/)
        const head = await runtime.runPromise(Effect.flatMap(store, (s) => s.verify("full")))
        expect(head.length).toBe(stored)
        expect(stored).toBeGreaterThan(0)
        sudo("mount", ["-o", "remount,size=64m", mount])
        const next = await runtime.runPromise(Effect.flatMap(store, (s) => s.append("full", rows(-1, 500), stored)))
        expect(next.head.length).toBe(stored + 500)
        console.log(
          `PostgreSQL tablespace full: STORE_DATABASE_FAILED (${
            failure.failure.issues[0]!.message.en.slice(0, 160)
          }), ${stored} rows kept, the next append works once there is room`
        )
        await exec("ALTER TABLE gongzhi_records SET TABLESPACE pg_default")
        await runtime.dispose()
      } finally {
        try {
          sudo("umount", ["-l", mount])
        } catch {
          // the server may still hold it
        }
      }
    },
    180_000
  )
})

describe.runIf(haveMount)("a full disk under an embedded PGlite directory", () => {
  // PGlite 0.5 itself never answers a write that meets a full disk (measured on a 56 MB tmpfs:
  // the process stays busy until killed), so PgliteClient refuses statements while less than
  // minFreeBytes (64 MiB) is free: this checks that refusal, on a real small file system
  it("fails clearly, keeps whole batches only, and the next append works once there is room", async () => {
    const mount = mkdtempSync(join(tmpdir(), "gongzhi-full-pglite-"))
    sudo("mount", ["-t", "tmpfs", "-o", "size=160m", "tmpfs", mount])
    try {
      const dir = join(mount, "data")
      const runtime = ManagedRuntime.make(Database.layer(dir))
      const run = <A, E>(e: Effect.Effect<A, E, StreamStore.StreamStore>) =>
        runtime.runPromise(Effect.mapError(e, (r) => new Error(JSON.stringify(r))))
      let stored = 0
      let failure: Result.Result<unknown, { readonly issues: ReadonlyArray<{ code: string; message: { en: string } }> }>
      for (let b = 0;; b++) {
        failure = await runtime.runPromise(
          Effect.result(Effect.flatMap(store, (s) => s.append("full", rows(b, 2000), stored)))
        )
        if (Result.isFailure(failure)) break
        stored += 2000
        expect(b).toBeLessThan(500)
      }
      expect(failure.failure.issues[0]!.code).toBe("STORE_DATABASE_FAILED")
      const message = failure.failure.issues[0]!.message.en
      expect(message).toMatch(/No space left for PGlite: \d+ MiB free in .*, 64 MiB needed/)
      expect(stored).toBeGreaterThan(0)
      sudo("mount", ["-o", "remount,size=512m", mount])
      const head = await run(Effect.flatMap(store, (s) => s.verify("full")))
      expect(head.length).toBe(stored)
      const next = await run(Effect.flatMap(store, (s) => s.append("full", rows(-1, 10), stored)))
      expect(next.head.length).toBe(stored + 10)
      await runtime.dispose()
      // and a fresh process opens the directory and verifies it
      const reopened = ManagedRuntime.make(Database.layer(dir))
      expect((await reopened.runPromise(Effect.flatMap(store, (s) => s.verify("full")))).length).toBe(stored + 10)
      await reopened.dispose()
      console.log(
        `PGlite directory on a full disk: STORE_DATABASE_FAILED (${message}), ${stored} rows kept, the next append works once there is room`
      )
    } finally {
      sudo("umount", ["-l", mount])
      rmSync(mount, { recursive: true, force: true })
    }
  }, 300_000)
})
