/**
 * Benchmark of the stream store.
 *
 * 1. Durable batched appends (PGlite on a directory, fsync on; and a PostgreSQL server when
 *    GONGZHI_BENCH_POSTGRES_URL or GONGZHI_TEST_POSTGRES_URL is set): `StreamStore.append` of
 *    points commands in batches, against the peer, a bare `INSERT` of the same rows (the same
 *    columns, hashes computed beforehand) into a table of the same shape, one statement a
 *    batch from arrays (`INSERT … SELECT … FROM unnest(…)`, the fastest bare form we know),
 *    through the same client, in the same run. Ours and the peer take turns (9 each), both
 *    warmed the same way; the median rates, the median of the turns' ratios and their spread
 *    are printed.
 * 2. On PostgreSQL: 1 writer on 1 stream vs 8 writers on 8 streams (one pool of 8 connections).
 * 3. Opening a stored journal of GONGZHI_BENCH_JOURNAL records (1,000,000 by default) on PGlite:
 *    the full replay (read every record, check every hash, fold the balances) vs the newest
 *    snapshot plus its tail (1,000 records after it), ready to append.
 *
 * 4. Opening a stored REAL points journal (`@gongzhi/points-ledger`, GONGZHI_BENCH_POINTS entries,
 *    1,000,000 by default: 1,000 accounts opened, then earnings) on PGlite and being ready to
 *    append: `LedgerStore.open` (the newest `Journal.snapshot` plus the 1,000 entries after it,
 *    replayed with every rule) vs `JournalStore.load` (every entry replayed), each from a closed
 *    database and followed by one append. GONGZHI_BENCH_ONLY=points runs this part alone and
 *    keeps the other figures of the last run; GONGZHI_BENCH_ONLY=appends runs parts 1 and 2 alone.
 *
 * Writes bench/results/store.json and the table in README.md between the bench markers.
 * Run: pnpm bench (tsx --conditions=@gongzhi/source bench/index.ts). GONGZHI_BENCH_QUICK=1 runs a
 * small version (for a smoke test).
 */
import { CivilDate } from "@gongzhi/core"
import { type Command, Journal, JournalStore, Presets } from "@gongzhi/points-ledger"
import { Database, LedgerStore, Record, StreamStore } from "@gongzhi/store"
import { Effect, Layer, ManagedRuntime } from "effect"
import { SqlClient } from "effect/sql"
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const quick = process.env["GONGZHI_BENCH_QUICK"] === "1"
const journalSize = Number(process.env["GONGZHI_BENCH_JOURNAL"] ?? (quick ? 20_000 : 1_000_000))
const batch = 1_000
const rounds = quick ? 2 : 9
const perRound = quick ? 2_000 : 20_000
const serverUrl = process.env["GONGZHI_BENCH_POSTGRES_URL"] ?? process.env["GONGZHI_TEST_POSTGRES_URL"]

type Runtime = ManagedRuntime.ManagedRuntime<StreamStore.StreamStore | SqlClient.SqlClient, unknown>
const open = (location: string, maxConnections = 2): Runtime =>
  ManagedRuntime.make(Database.layer(location, { maxConnections }) as Layer.Layer<
    StreamStore.StreamStore | SqlClient.SqlClient,
    unknown
  >)
const store = Effect.service(StreamStore.StreamStore)
const sqlClient = Effect.service(SqlClient.SqlClient)

const command = (i: number) => ({
  _tag: "Earn",
  key: `earn-${i}`,
  on: "2024-03-04",
  account: `pingli-${i % 997}`,
  activity: i % 3 === 0 ? "cleaning" : "patrol"
})
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const now = () => performance.now()

/** Rows of the bare peer: the same columns as the store's, hashes chained beforehand. */
const bareRows = (stream: string, from: number, count: number, at: Date) => {
  let prev = Record.genesis
  return Array.from({ length: count }, (_, k) => {
    const seq = from + k
    const payload = JSON.stringify(command(seq))
    const hash = Record.hashOf(
      prev,
      { stream, seq, type: "Earn", key: `earn-${seq}`, recordedAt: at.getTime() },
      payload
    )
    prev = hash
    return { stream_id: stream, seq, type: "Earn", payload, idempotency_key: `earn-${seq}`, recorded_at: at, hash }
  })
}

const appendsOn = async (label: string, runtime: Runtime) => {
  await runtime.runPromise(Effect.flatMap(sqlClient, (sql) =>
    Effect.gen(function*() {
      yield* sql`DROP TABLE IF EXISTS bench_bare`
      yield* sql`CREATE TABLE bench_bare (stream_id text NOT NULL, seq integer NOT NULL, type text NOT NULL,
        payload text NOT NULL, idempotency_key text, recorded_at timestamptz NOT NULL, hash text NOT NULL,
        PRIMARY KEY (stream_id, seq))`
      yield* sql`CREATE UNIQUE INDEX bench_bare_key ON bench_bare (stream_id, idempotency_key) WHERE idempotency_key IS NOT NULL`
    })))
  const ours = async (stream: string) => {
    const start = now()
    for (let from = 0; from < perRound; from += batch) {
      const records = Array.from({ length: batch }, (_, k) => {
        const c = command(from + k)
        return { type: c._tag, payload: c, key: c.key }
      })
      await runtime.runPromise(Effect.flatMap(store, (s) => s.append(stream, records, from)))
    }
    return perRound / ((now() - start) / 1000)
  }
  const bare = async (stream: string) => {
    // the peer's rows are made (and hashed) before its clock starts: it only inserts
    const at = new Date()
    const batches: Array<ReturnType<typeof bareRows>> = []
    for (let from = 0; from < perRound; from += batch) batches.push(bareRows(stream, from, batch, at))
    // one statement a batch, the rows as arrays (the fastest bare INSERT we know: the same form
    // as the store's append; a VALUES list with a parameter per column per row is slower)
    const columns = batches.map((rows) => ({
      seqs: rows.map((r) => r.seq),
      types: rows.map((r) => r.type),
      payloads: rows.map((r) => r.payload),
      keys: rows.map((r) => r.idempotency_key),
      hashes: rows.map((r) => r.hash)
    }))
    const start = now()
    for (const c of columns) {
      await runtime.runPromise(
        Effect.flatMap(
          sqlClient,
          (sql) =>
            sql`INSERT INTO bench_bare (stream_id, seq, type, payload, idempotency_key, recorded_at, hash)
          SELECT ${stream}, t.seq, t.type, t.payload, t.k, ${at}::timestamptz, t.hash
          FROM unnest(${c.seqs}::int4[], ${c.types}::text[], ${c.payloads}::text[], ${c.keys}::text[], ${c.hashes}::text[])
            AS t(seq, type, payload, k, hash)`
        )
      )
    }
    return perRound / ((now() - start) / 1000)
  }
  // warm both the same way, then take turns
  await ours(`warm-${label}`)
  await bare(`warm-${label}`)
  const oursRates: Array<number> = []
  const bareRates: Array<number> = []
  for (let r = 0; r < rounds; r++) {
    oursRates.push(await ours(`bench-${label}-${r}`))
    bareRates.push(await bare(`bench-${label}-${r}`))
  }
  const turns = oursRates.map((ours, r) => ours / bareRates[r]!)
  const result = {
    target: label,
    batch,
    commands: perRound,
    rounds,
    oursPerSecond: Math.round(median(oursRates)),
    bareInsertPerSecond: Math.round(median(bareRates)),
    // the ratio of each turn (ours and the peer one after the other, under the same load),
    // their median and spread: steadier than a ratio of medians on a machine shared with others
    ratio: Number(median(turns).toFixed(2)),
    ratioTurns: [Number(Math.min(...turns).toFixed(2)), Number(Math.max(...turns).toFixed(2))],
    load: loadAverage()
  }
  console.log(
    `${label}: ours ${result.oursPerSecond} commands/s, bare INSERT ${result.bareInsertPerSecond} rows/s, ratio ${result.ratio}× (turns ${
      result.ratioTurns.join("–")
    }, load ${result.load})`
  )
  return result
}

const writersOn = async (url: string) => {
  const runtime = open(url, 8)
  const run = async (writers: number) => {
    const each = quick ? 2_000 : 10_000
    const start = now()
    await runtime.runPromise(Effect.all(
      Array.from({ length: writers }, (_, w) =>
        Effect.gen(function*() {
          const s = yield* store
          const stream = `writers-${writers}-${w}-${Date.now()}`
          for (let from = 0; from < each; from += batch) {
            const records = Array.from(
              { length: batch },
              (_, k) => ({ type: "Earn", payload: command(from + k), key: `k-${from + k}` })
            )
            yield* s.append(stream, records, from)
          }
        })),
      { concurrency: "unbounded" }
    ))
    return (writers * each) / ((now() - start) / 1000)
  }
  await run(1)
  const one = await run(1)
  const eight = await run(8)
  await runtime.dispose()
  const result = {
    oneWriter: Math.round(one),
    eightWriters: Math.round(eight),
    scaling: Number((eight / one).toFixed(2))
  }
  console.log(
    `PostgreSQL: 1 writer ${result.oneWriter}/s, 8 writers on 8 streams ${result.eightWriters}/s (${result.scaling}×)`
  )
  return result
}

/** The state the journal opens to: points per account, folded from the records. */
const fold = (state: Map<string, number>, records: ReadonlyArray<Record.Record>) => {
  for (const r of records) {
    const p = r.payload as { readonly account: string }
    state.set(p.account, (state.get(p.account) ?? 0) + 5)
  }
  return state
}

const openJournal = async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongzhi-bench-journal-"))
  try {
    let runtime = open(dir)
    const stream = "ledger/bench"
    const build = now()
    const chunk = 5_000
    for (let from = 0; from < journalSize; from += chunk) {
      const n = Math.min(chunk, journalSize - from)
      const records = Array.from(
        { length: n },
        (_, k) => ({ type: "Earn", payload: command(from + k), key: `earn-${from + k}` })
      )
      await runtime.runPromise(Effect.flatMap(store, (s) => s.append(stream, records, from)))
    }
    const buildSeconds = (now() - build) / 1000
    const full = await runtime.runPromise(Effect.flatMap(store, (s) => s.read(stream)))
    const state = fold(new Map(), full)
    await runtime.runPromise(
      Effect.flatMap(store, (s) => s.saveSnapshot(stream, journalSize, Object.fromEntries(state)))
    )
    const tail = Array.from(
      { length: 1_000 },
      (_, k) => ({ type: "Earn", payload: command(journalSize + k), key: `earn-${journalSize + k}` })
    )
    await runtime.runPromise(Effect.flatMap(store, (s) => s.append(stream, tail, journalSize)))
    await runtime.dispose()

    // each way of opening starts from a closed database, like a process that starts
    const time = async (f: (r: Runtime) => Promise<number>) => {
      runtime = open(dir)
      const start = now()
      const length = await f(runtime)
      const seconds = (now() - start) / 1000
      await runtime.dispose()
      return { seconds: Number(seconds.toFixed(2)), length }
    }
    const replay = await time(async (r) => {
      const records = await r.runPromise(Effect.flatMap(store, (s) => s.read(stream)))
      fold(new Map(), records)
      return records.length
    })
    const snapshot = await time(async (r) => {
      const opened = await r.runPromise(Effect.flatMap(store, (s) => s.loadSnapshot(stream)))
      const state = new Map(Object.entries(opened.snapshot!.state as { readonly [k: string]: number }))
      fold(state, opened.tail)
      return opened.snapshot!.seq + opened.tail.length
    })
    const result = {
      records: journalSize + 1_000,
      buildSeconds: Number(buildSeconds.toFixed(1)),
      fullReplaySeconds: replay.seconds,
      snapshotSeconds: snapshot.seconds,
      speedup: Number((replay.seconds / snapshot.seconds).toFixed(1))
    }
    console.log(
      `open a ${result.records}-record journal on PGlite: full replay ${result.fullReplaySeconds} s, snapshot + tail ${result.snapshotSeconds} s (${result.speedup}×)`
    )
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const pointsSize = Number(process.env["GONGZHI_BENCH_POINTS"] ?? (quick ? 20_000 : 1_000_000))

/** A real points journal: 1,000 accounts opened, then earnings, 2,000 a day. */
const pointsJournal = () => {
  const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
  const base = Date.UTC(2020, 0, 1)
  const day = (i: number) =>
    CivilDate.makeUnsafe(new Date(base + Math.floor(i / 2000) * 86_400_000).toISOString().slice(0, 10))
  const commands: Array<Command.Command> = []
  for (let a = 0; a < 1000; a++) {
    commands.push({
      _tag: "Open",
      key: `o-${a}`,
      on: day(0),
      account: `a${a}`,
      holder: { name: `居民${a}`, roles: ["resident"] }
    } as Command.Command)
  }
  for (let i = commands.length; i < pointsSize + 1; i++) {
    commands.push(
      { _tag: "Earn", key: `e-${i}`, on: day(i), account: `a${i % 1000}`, activity: "cleaning" } as Command.Command
    )
  }
  const built = Journal.appendAll(Journal.make(setup), commands)
  if (built._tag === "Failure") throw new Error(JSON.stringify(built.failure.issues.slice(0, 3)))
  return { setup, journal: built.success.journal, next: commands.pop()! }
}

const openPoints = async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongzhi-bench-points-"))
  try {
    const t0 = now()
    const { journal: all, next } = pointsJournal()
    const journal = Journal.upTo(all, all.length - 2) // the last command is appended after opening
    const buildSeconds = (now() - t0) / 1000
    const entries = Journal.entries(journal)
    const runtime = open(dir)
    const ledger = LedgerStore.layer("bench")
    const t1 = now()
    for (let from = 0; from < entries.length; from += 5_000) {
      const part = entries.slice(from, from + 5_000)
      await runtime.runPromise(
        Effect.provide(Effect.flatMap(Effect.service(JournalStore.JournalStore), (s) => s.append(part, from)), ledger)
      )
    }
    const storeSeconds = (now() - t1) / 1000
    const t2 = now()
    const at = entries.length - 1_001 // the snapshot folds all but the last 1,000 entries
    await runtime.runPromise(LedgerStore.saveSnapshot("bench", Journal.upTo(journal, at)))
    const snapshotSaveSeconds = (now() - t2) / 1000
    await runtime.dispose()
    // each way of opening runs in a process of its own, started for it (like a process that
    // starts: no journal of the builder's in its heap), from a closed database
    const ready = (way: "snapshot" | "replay") => {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: {
          ...process.env,
          GONGZHI_BENCH_OPEN: way,
          GONGZHI_BENCH_OPEN_DIR: dir,
          GONGZHI_BENCH_OPEN_NEXT: JSON.stringify(next)
        },
        encoding: "utf8",
        maxBuffer: 1 << 24
      })
      if (child.status !== 0) throw new Error(`opening by ${way} failed: ${child.stderr}`)
      return JSON.parse(child.stdout.trim().split("\n").pop()!) as Opening
    }
    const snapshot = ready("snapshot")
    const replay = ready("replay")
    if (snapshot.length !== replay.length) throw new Error("the two ways of opening differ")
    const result = {
      entries: entries.length,
      snapshotAt: at + 1,
      buildSeconds: Number(buildSeconds.toFixed(1)),
      storeSeconds: Number(storeSeconds.toFixed(1)),
      snapshotSaveSeconds: Number(snapshotSaveSeconds.toFixed(1)),
      snapshotOpenSeconds: snapshot.seconds,
      fullReplayOpenSeconds: replay.seconds,
      snapshotPhases: snapshot.phases,
      speedup: Number((replay.seconds / snapshot.seconds).toFixed(1)),
      load: loadAverage()
    }
    console.log(
      `open a stored ${result.entries}-entry points journal on PGlite and append: snapshot + tail ${result.snapshotOpenSeconds} s, full replay ${result.fullReplayOpenSeconds} s (load ${result.load})`
    )
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

interface Opening {
  readonly seconds: number
  readonly length: number
  /** Where the time of an opening from the snapshot goes, each phase timed again after it (ms). */
  readonly phases?: {
    readonly pgliteOpen: number
    readonly selectState: number
    readonly stateChars: number
    readonly digest: number
    readonly jsonParse: number
    readonly loadSnapshot: number
    readonly fromSnapshot: number
  }
}

const benchSetup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }

/** In the child process: opens the stored points journal one way, appends one, puts it back. */
const openChild = async (way: "snapshot" | "replay", dir: string, next: Command.Command): Promise<Opening> => {
  const timed = await openTimed(way, dir, next)
  // the journal opened is gone from the heap before the phases are timed
  return way === "replay" ? timed : { ...timed, phases: await snapshotPhases(dir) }
}

const openTimed = async (way: "snapshot" | "replay", dir: string, next: Command.Command): Promise<Opening> => {
  const setup = benchSetup
  const ledger = LedgerStore.layer("bench")
  const start = now()
  const runtime = open(dir)
  const opened = await runtime.runPromise(
    way === "snapshot" ? LedgerStore.open("bench", setup) : Effect.provide(JournalStore.load(setup), ledger)
  )
  const appended = await runtime.runPromise(Effect.provide(JournalStore.appendCommand(opened, next), ledger))
  const seconds = Number(((now() - start) / 1000).toFixed(2))
  // put the stream back as it was for the other way of opening
  const length = appended.journal.length - 1
  const sql = await runtime.runPromise(sqlClient)
  await runtime.runPromise(sql`DELETE FROM gongzhi_records WHERE stream_id = 'ledger/bench' AND seq = ${length}`)
  await runtime.runPromise(
    sql`UPDATE gongzhi_streams SET length = ${length}, head_hash = (SELECT hash FROM gongzhi_records WHERE stream_id = 'ledger/bench' AND seq = ${
      length - 1
    }) WHERE stream_id = 'ledger/bench'`
  )
  await runtime.dispose()
  return { seconds, length: appended.journal.length }
}

/** The phases of an opening from the snapshot, each timed alone on a database opened again. */
const snapshotPhases = async (dir: string): Promise<NonNullable<Opening["phases"]>> => {
  const setup = benchSetup
  const t0 = now()
  const runtime = open(dir)
  const sql2 = await runtime.runPromise(sqlClient)
  const pgliteOpen = now() - t0
  // the text read alone, hashed and parsed, then dropped before loadSnapshot reads it again
  const { selectState, stateChars, digest, jsonParse } = await (async () => {
    const t1 = now()
    const rows = await runtime.runPromise(
      sql2<
        { readonly state: string }
      >`SELECT state FROM gongzhi_snapshots WHERE stream_id = 'ledger/bench' ORDER BY seq DESC LIMIT 1`
    )
    const text = rows[0]!.state
    const selectState = now() - t1
    const t2 = now()
    Record.digest(text)
    const digest = now() - t2
    const t3 = now()
    JSON.parse(text)
    return { selectState, stateChars: text.length, digest, jsonParse: now() - t3 }
  })()
  const t4 = now()
  const loaded = await runtime.runPromise(Effect.flatMap(store, (s) => s.loadSnapshot("ledger/bench")))
  const loadSnapshot = now() - t4
  const tail = LedgerStore.entriesOf(loaded.tail)
  const t5 = now()
  Journal.fromSnapshot(setup, loaded.snapshot!.state, tail._tag === "Success" ? tail.success : [])
  const fromSnapshot = now() - t5
  await runtime.dispose()
  const ms = (x: number) => Math.round(x)
  return {
    pgliteOpen: ms(pgliteOpen),
    selectState: ms(selectState),
    stateChars,
    digest: ms(digest),
    jsonParse: ms(jsonParse),
    loadSnapshot: ms(loadSnapshot),
    fromSnapshot: ms(fromSnapshot)
  }
}

const loadAverage = () => {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")
  } catch {
    return "unknown"
  }
}

const main = async () => {
  const way = process.env["GONGZHI_BENCH_OPEN"]
  if (way === "snapshot" || way === "replay") {
    const opening = await openChild(
      way,
      process.env["GONGZHI_BENCH_OPEN_DIR"]!,
      JSON.parse(process.env["GONGZHI_BENCH_OPEN_NEXT"]!) as Command.Command
    )
    return console.log(JSON.stringify(opening))
  }
  if (process.env["GONGZHI_BENCH_ONLY"] === "points") {
    const previous = JSON.parse(readFileSync(join(here, "results", "store.json"), "utf8"))
    return write({ ...(previous as Results), points: await openPoints() })
  }
  const appends: Array<Awaited<ReturnType<typeof appendsOn>>> = []
  const dir = mkdtempSync(join(tmpdir(), "gongzhi-bench-"))
  try {
    const pglite = open(dir)
    appends.push(await appendsOn("PGlite (directory)", pglite))
    await pglite.dispose()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  let writers: Awaited<ReturnType<typeof writersOn>> | undefined
  if (serverUrl !== undefined) {
    const server = open(serverUrl, 2)
    appends.push(await appendsOn("PostgreSQL", server))
    await server.dispose()
    writers = await writersOn(serverUrl)
  } else {
    console.log("PostgreSQL: not measured (set GONGZHI_BENCH_POSTGRES_URL)")
  }
  const only = process.env["GONGZHI_BENCH_ONLY"] === "appends"
  const previous = only ? JSON.parse(readFileSync(join(here, "results", "store.json"), "utf8")) as Results : undefined
  const journal = previous?.journal ?? await openJournal()
  const points = previous?.points ?? await openPoints()
  return write({
    date: new Date().toISOString(),
    node: process.version,
    machine: "2 shared cores; figures are noisy",
    quick,
    load: loadAverage(),
    appends,
    writers: writers ?? null,
    journal,
    points
  })
}

interface Results {
  readonly date: string
  readonly node: string
  readonly machine: string
  readonly quick: boolean
  readonly load?: string
  readonly appends: ReadonlyArray<
    Omit<Awaited<ReturnType<typeof appendsOn>>, "ratioTurns" | "load"> & {
      readonly ratioTurns?: ReadonlyArray<number>
      readonly load?: string
    }
  >
  readonly writers: Awaited<ReturnType<typeof writersOn>> | null
  readonly journal: Awaited<ReturnType<typeof openJournal>>
  readonly points?: Awaited<ReturnType<typeof openPoints>> & { readonly snapshotPhases?: Opening["phases"] }
}

const write = (results: Results) => {
  const { appends, journal, points, quick } = results
  const writers = results.writers ?? undefined
  mkdirSync(join(here, "results"), { recursive: true })
  writeFileSync(join(here, "results", "store.json"), `${JSON.stringify(results, null, 2)}\n`)
  const rows = [
    "| measure | ours | peer | ratio |",
    "|---|---:|---:|---:|",
    ...appends.map((a) =>
      `| durable appends, ${a.target}, batches of ${a.batch} | ${
        a.oursPerSecond.toLocaleString("en")
      } commands/s | bare INSERT ${a.bareInsertPerSecond.toLocaleString("en")} rows/s | ${a.ratio}×${
        a.ratioTurns === undefined ? "" : ` (${a.rounds} turns ${a.ratioTurns[0]}–${a.ratioTurns[1]}, load ${a.load})`
      } |`
    ),
    ...(writers === undefined
      ? ["| 8 writers on 8 streams, PostgreSQL | not measured (no server) | | |"]
      : [
        `| 8 writers on 8 streams, PostgreSQL | ${writers.eightWriters.toLocaleString("en")} commands/s | 1 writer ${
          writers.oneWriter.toLocaleString("en")
        } commands/s | ${writers.scaling}× |`
      ]),
    `| open a ${
      journal.records.toLocaleString("en")
    }-record journal, PGlite | snapshot + tail ${journal.snapshotSeconds} s | full replay ${journal.fullReplaySeconds} s | ${journal.speedup}× faster |`,
    ...(points === undefined ? [] : [
      `| open a stored ${points.entries.toLocaleString("en")}-entry points journal (real \`Journal.snapshot\` at ${
        points.snapshotAt.toLocaleString("en")
      } + tail) and append one, PGlite, each way in a fresh process (load ${points.load}) | snapshot + tail ${points.snapshotOpenSeconds} s | full replay ${points.fullReplayOpenSeconds} s | ${points.speedup}× faster |`
    ])
  ]
  const table = [
    "<!-- bench:start -->",
    "",
    `Measured ${results.date.slice(0, 10)} on this machine (${results.machine}), Node ${results.node}${
      quick ? ", quick run" : ""
    }${results.load === undefined ? "" : `; load average at the end of the appends ${results.load}`}:`,
    "",
    ...rows,
    ...(points?.snapshotPhases === undefined ? [] : [
      "",
      `Opening from the snapshot, each phase timed again alone in the same process (ms): PGlite open ${points.snapshotPhases.pgliteOpen}, reading the snapshot's ${
        points.snapshotPhases.stateChars.toLocaleString("en")
      } characters ${points.snapshotPhases.selectState}, their SHA-256 ${points.snapshotPhases.digest}, \`JSON.parse\` ${points.snapshotPhases.jsonParse}, the whole \`loadSnapshot\` (those three and the tail) ${points.snapshotPhases.loadSnapshot}, \`Journal.fromSnapshot\` ${points.snapshotPhases.fromSnapshot}.`
    ]),
    "",
    "<!-- bench:end -->"
  ].join("\n")
  const readme = join(here, "..", "README.md")
  const text = readFileSync(readme, "utf8")
  const start = text.indexOf("<!-- bench:start -->")
  const end = text.indexOf("<!-- bench:end -->")
  if (start >= 0 && end > start) {
    writeFileSync(readme, text.slice(0, start) + table + text.slice(end + "<!-- bench:end -->".length))
  }
  console.log(rows.join("\n"))
}

main().then(() => process.exit(0), (error) => {
  console.error(error)
  process.exit(1)
})
