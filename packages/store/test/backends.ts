// The databases the store's suites run on: embedded PGlite (always), the `@effect/sql-pg`
// driver against PGlite served over the PostgreSQL wire protocol on 127.0.0.1 (always), and a
// PostgreSQL server at GONGZHI_TEST_POSTGRES_URL (when set; GONGZHI_TEST_REQUIRE_SERVER=1 makes
// a missing URL a failure). A suite meant to run that cannot start fails; it is never skipped.
import { PGlite } from "@electric-sql/pglite"
import { PGLiteSocketServer } from "@electric-sql/pglite-socket"
import { Database } from "@gongzhi/store"
import type { StreamStore } from "@gongzhi/store"
import { Effect, Layer, ManagedRuntime } from "effect"
import type { SqlClient } from "effect/sql"
import { build } from "esbuild"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const serverUrl = process.env["GONGZHI_TEST_POSTGRES_URL"]
export const serverRequired = process.env["GONGZHI_TEST_REQUIRE_SERVER"] === "1"

export interface Backend {
  readonly name: "pglite" | "pg-wire" | "server"
  readonly label: string
  /** Starts the database; gives a location string for `Database.layer` and a stop function. */
  readonly start: () => Promise<{ readonly location: string; readonly stop: () => Promise<void> }>
}

/** PGlite in memory, served on 127.0.0.1 (a free port) over the wire protocol. */
export const servePglite = async (options?: { readonly dataDir?: string; readonly maxConnections?: number }) => {
  const db = await PGlite.create(options?.dataDir === undefined ? {} : { dataDir: options.dataDir })
  // PGlite is one session: its wire server queues messages, not whole extended-protocol
  // exchanges, so concurrent connections can break each other's unnamed portals; one
  // connection at a time (the default of pglite-socket) is safe, more only for one client.
  const server = new PGLiteSocketServer({
    db,
    port: 0,
    host: "127.0.0.1",
    maxConnections: options?.maxConnections ?? 1
  })
  await server.start()
  return {
    location: `postgres://postgres@${server.getServerConn()}/postgres`,
    db,
    /** Stops serving (every connection dropped), keeping the database. */
    stopServer: () => server.stop(),
    stop: async () => {
      await server.stop()
      await db.close()
    }
  }
}

export const backends: ReadonlyArray<Backend> = [
  {
    name: "pglite",
    label: "embedded PGlite (in memory)",
    start: async () => ({ location: "memory://", stop: async () => {} })
  },
  {
    name: "pg-wire",
    label: "@effect/sql-pg against PGlite over the wire protocol (pglite-socket, 127.0.0.1)",
    start: () => servePglite({ maxConnections: 4 })
  },
  ...(serverUrl === undefined ? [] : [{
    name: "server" as const,
    label: `PostgreSQL server (GONGZHI_TEST_POSTGRES_URL, ${new URL(serverUrl).host})`,
    start: async () => ({ location: serverUrl, stop: async () => {} })
  }])
]

export const suitesLine = (ran: ReadonlyArray<string>) =>
  `@gongzhi/store suites that ran: ${ran.join("; ")}` +
  (serverUrl === undefined ? " — PostgreSQL server suite not configured (set GONGZHI_TEST_POSTGRES_URL)" : "")

export type Runtime = ManagedRuntime.ManagedRuntime<StreamStore.StreamStore | SqlClient.SqlClient, unknown>

/** A runtime over the store at a location (PGlite-over-wire needs one connection per query queue). */
export const runtimeAt = (location: string, maxConnections = 4): Runtime =>
  ManagedRuntime.make(Database.layer(location, { maxConnections }) as Layer.Layer<
    StreamStore.StreamStore | SqlClient.SqlClient,
    unknown
  >)

export const run = <A, E>(
  runtime: Runtime,
  effect: Effect.Effect<A, E, StreamStore.StreamStore | SqlClient.SqlClient>
) => runtime.runPromise(effect)

export const result = <A, E>(
  runtime: Runtime,
  effect: Effect.Effect<A, E, StreamStore.StreamStore | SqlClient.SqlClient>
) => runtime.runPromise(Effect.result(effect))

/**
 * Bundles `test/worker.ts` (esbuild) into `node_modules/.cache/<name>.mjs`, so that each writer
 * process the fault suites spawn starts in a fraction of a second; gives the bundle's path.
 */
export const buildWorker = async (name: string): Promise<string> => {
  const here = dirname(fileURLToPath(import.meta.url))
  const outfile = join(here, "..", "node_modules", ".cache", `${name}.mjs`)
  await build({
    entryPoints: [join(here, "worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@gongzhi/source"],
    external: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
    logLevel: "error"
  })
  return outfile
}
