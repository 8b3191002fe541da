/**
 * The CLI on a store (`--db <dir | memory:// | postgres://…>`). This module is imported only
 * when a command uses a store, so `gongzhi --help` and the file commands never load PGlite or
 * the PostgreSQL driver.
 *
 * A stored journal is two streams: `ledger-setup/<name>` holds one record, the journal file's
 * header (scheme and catalog, presets or embedded documents), and `ledger/<name>` the entries
 * (`@gongzhi/store`'s `LedgerStore`).
 */
import type { MicroWish } from "@gongzhi/co-building-agreement"
import { ValidationReport } from "@gongzhi/core"
import type { Ballots } from "@gongzhi/deliberation"
import { type Command, Journal, JournalStore } from "@gongzhi/points-ledger"
import { CoBuildingStore, Database, DeliberationStore, LedgerStore, Record, StreamStore } from "@gongzhi/store"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { isAbsolute, join } from "node:path"
import * as Cli from "../Cli.js"
import * as JournalFile from "../JournalFile.js"

/** The journal file's header, as stored in `ledger-setup/<name>`. */
export interface Header {
  readonly kind: "points-journal"
  readonly schemaVersion: 1
  readonly scheme: string | object
  readonly catalog: string | object
  readonly hashChain?: boolean
}

/** The stream of a stored journal's header. */
export const setupStreamOf = (name: string): string => `ledger-setup/${name}`

/** Where the store is: `--db`, else `GONGZHI_DB`, else `./gongzhi-data`; directories from the cwd. */
export const locationOf = (context: Cli.Context, db: string | undefined): string => {
  const location = db ?? context.io.env["GONGZHI_DB"] ?? Database.defaultLocation
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1]
  if (scheme !== undefined && !/^postgres(?:ql)?$/i.test(scheme) && location !== "memory://") {
    // a URL of another database is a mistake, never a PGlite folder named after it
    const given = db === undefined ? "GONGZHI_DB" : "--db"
    throw new Cli.UsageError({
      zh: `${given} ${scheme}://… 不是支持的存储：请用 PGlite 文件夹、memory:// 或 postgres://…（postgresql://…）`,
      en:
        `${given} ${scheme}://… is not a supported store: use a PGlite folder, memory:// or postgres://… (postgresql://…)`
    })
  }
  const target = ValidationReport.getOrThrow(Database.parse(location))
  return target._tag === "Pglite" && target.dataDir !== undefined && !isAbsolute(target.dataDir)
    ? join(context.io.cwd, target.dataDir)
    : location
}

/** The location as printed: a server URL without its password. */
export const shown = (location: string): string =>
  location.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, "$1:***@")

/** Runs a program on the store at `location`, closing it after; a failure is the CLI's error. */
export const run = async <A>(
  location: string,
  program: Effect.Effect<
    A,
    ValidationReport.ValidationReport,
    StreamStore.StreamStore | DeliberationStore.DeliberationStore | CoBuildingStore.CoBuildingStore
  >
): Promise<A> => {
  const base = Database.layer(location, { maxConnections: 2 })
  const live = Layer.provideMerge(Layer.mergeAll(DeliberationStore.layer, CoBuildingStore.layer), base)
  const result = await Effect.runPromise(Effect.result(Effect.provide(program, live)))
  return ValidationReport.getOrThrow(result)
}

const setupOf = (header: Header): Result.Result<Journal.Setup, ValidationReport.ValidationReport> =>
  Result.map(
    JournalFile.load({ ...header, entries: [] } as JournalFile.JournalDocument),
    (empty) => ({ scheme: empty.scheme, catalog: empty.catalog, hashChain: empty.hashChain })
  )

const fromResult = <A>(r: Result.Result<A, ValidationReport.ValidationReport>) =>
  Result.isFailure(r) ? Effect.fail(r.failure) : Effect.succeed(r.success)

/** The stored header of a journal, or `undefined` if the store has no journal of that name. */
const readHeader = (name: string) =>
  Effect.flatMap(
    Effect.service(StreamStore.StreamStore),
    (store) =>
      Effect.flatMap(store.read(setupStreamOf(name)), (records) => {
        const first = records[0]
        if (first === undefined) return Effect.succeed(undefined)
        return Effect.map(
          fromResult(JournalFile.document.decode({ ...(first.payload as object), entries: [] })),
          (doc): Header => ({
            kind: "points-journal",
            schemaVersion: 1,
            scheme: doc.scheme,
            catalog: doc.catalog,
            ...(doc.hashChain === undefined ? {} : { hashChain: doc.hashChain })
          })
        )
      })
  )

const notFound = (name: string, location: string) =>
  new Cli.UsageError({
    zh: `${
      shown(location)
    } 中没有名为 ${name} 的积分流水（先用 gongzhi ledger open ${name} … 开户；文件须以 .jsonl 结尾）`,
    en: `${
      shown(location)
    } holds no journal named ${name} (open an account with gongzhi ledger open ${name} … first; a file must end in .jsonl)`
  })

const loadStored = (name: string, location: string) =>
  Effect.gen(function*() {
    const header = yield* readHeader(name)
    if (header === undefined) return yield* Effect.die(notFound(name, location))
    const setup = yield* fromResult(setupOf(header))
    const journal = yield* LedgerStore.open(name, setup)
    return { header, journal }
  })

const rethrowDefects = async <A>(promise: Promise<A>): Promise<A> => {
  try {
    return await promise
  } catch (error) {
    // a defect carrying the CLI's usage error (Effect wraps it)
    const cause = (error as { cause?: unknown }).cause
    if (cause instanceof Cli.UsageError) throw cause
    throw error
  }
}

/** Reads, replays and verifies a stored journal (its records' chain, then every entry). */
export const loadJournal = (location: string, name: string): Promise<Journal.Journal> =>
  rethrowDefects(run(location, Effect.map(loadStored(name, location), (s) => s.journal)))

/**
 * Appends one command to a stored journal, creating it with `header` if the store has none of
 * that name (a header given for an existing journal must be the same).
 */
export const appendCommand = (
  location: string,
  name: string,
  makeCommand: (journal: Journal.Journal) => Command.Command,
  header: Header | undefined
): Promise<{ readonly journal: Journal.Journal; readonly appended: Journal.Appended; readonly created: boolean }> =>
  rethrowDefects(run(
    location,
    Effect.gen(function*() {
      const store = yield* StreamStore.StreamStore
      let stored = yield* readHeader(name)
      let created = false
      if (stored === undefined) {
        if (header === undefined) return yield* Effect.die(notFound(name, location))
        yield* fromResult(setupOf(header))
        yield* store.append(setupStreamOf(name), [{ type: "Setup", payload: header, key: "setup" }], 0)
        stored = header
        created = true
      } else if (header !== undefined && JSON.stringify(header) !== JSON.stringify(stored)) {
        return yield* Effect.die(
          new Cli.UsageError({
            zh: `积分流水 ${name} 已按另一方案或目录开立（${JSON.stringify(stored.scheme)}，${
              JSON.stringify(stored.catalog)
            }）`,
            en: `The journal ${name} was opened with another scheme or catalog (${JSON.stringify(stored.scheme)}, ${
              JSON.stringify(stored.catalog)
            })`
          })
        )
      }
      const setup = yield* fromResult(setupOf(stored))
      return yield* Effect.provide(
        Effect.gen(function*() {
          const journal = yield* LedgerStore.open(name, setup)
          const appended = yield* JournalStore.appendCommand(journal, makeCommand(journal))
          return { journal: appended.journal, appended, created }
        }),
        LedgerStore.layer(name)
      )
    })
  ))

/** JSON with sorted keys, as the store keeps payloads. */
const canonical = (value: unknown): string => Result.getOrElse(Record.canonical(value), () => "")

/**
 * `tally --db`: stores the ballot box (stream `ballots/<matter>`) and gives it back as read from
 * the store, with its stream's length. A box stored before under the same matter is continued
 * with what it does not hold yet; one that holds other ballots is refused.
 */
export const storeBox = (
  location: string,
  box: Ballots.Box
): Promise<{ readonly box: Ballots.Box; readonly length: number; readonly written: number }> =>
  rethrowDefects(run(
    location,
    Effect.gen(function*() {
      const store = yield* DeliberationStore.DeliberationStore
      const streams = yield* StreamStore.StreamStore
      const head = yield* streams.head(`ballots/${box.matter}`)
      if (head.length > 0) {
        const before = (yield* store.loadBox(box.matter)).value
        const same = (b: Ballots.Box) => JSON.stringify([b.opensAt, b.closesAt, b.rule.id])
        if (
          same(before) !== same(box) ||
          canonical(before.records) !== canonical(box.records.slice(0, before.records.length))
        ) {
          return yield* Effect.die(
            new Cli.UsageError({
              zh: `${shown(location)} 中事项 ${box.matter} 的票箱已存有别的表决票（换一个 --matter）`,
              en: `${
                shown(location)
              } already holds another ballot box for the matter ${box.matter} (use another --matter)`
            })
          )
        }
      }
      const length = yield* store.saveBox(box, head.length)
      const loaded = yield* store.loadBox(box.matter)
      return { box: loaded.value, length, written: length - head.length }
    })
  ))

/** What `demo --db` stores, reads back and prints. */
export interface DemoRecords {
  readonly journalName: string
  readonly journal: Journal.Journal
  readonly header: Header
  readonly box: Ballots.Box
  readonly wish: MicroWish.Wish
  /** The whistle's id and the events that made it (blown, then the reports in order). */
  readonly whistle: { readonly id: string; readonly events: ReadonlyArray<CoBuildingStore.WhistleEvent> }
}

/** What was read back from the store after `demo --db` wrote its records. */
export interface DemoReadBack {
  readonly journal: {
    readonly name: string
    readonly length: number
    readonly lastHash: string
    readonly written: number
  }
  readonly box: {
    readonly matter: string
    readonly records: number
    readonly ballots: number
    readonly written: number
  }
  readonly wish: { readonly id: string; readonly status: string; readonly records: number; readonly written: number }
  readonly whistle: {
    readonly id: string
    readonly arrivals: number
    readonly records: number
    readonly written: number
  }
}

/**
 * Writes the demo's records into the store (what it does not hold yet: a second run with the
 * same seed writes nothing) and reads every one back through its layer.
 */
export const saveDemo = (location: string, records: DemoRecords): Promise<DemoReadBack> =>
  rethrowDefects(run(
    location,
    Effect.gen(function*() {
      const streams = yield* StreamStore.StreamStore
      const deliberation = yield* DeliberationStore.DeliberationStore
      const coBuilding = yield* CoBuildingStore.CoBuildingStore
      const name = records.journalName
      // the journal: its header, then the entries the store does not hold yet, in one append
      const setupHead = yield* streams.head(setupStreamOf(name))
      if (setupHead.length === 0) {
        yield* streams.append(setupStreamOf(name), [{ type: "Setup", payload: records.header, key: "setup" }], 0)
      }
      const entries = Journal.entries(records.journal)
      const journalHead = yield* streams.head(LedgerStore.streamOf(name))
      const toWrite = entries.slice(journalHead.length)
      if (toWrite.length > 0) {
        yield* Effect.provide(
          Effect.flatMap(Effect.service(JournalStore.JournalStore), (s) => s.append(toWrite, journalHead.length)),
          LedgerStore.layer(name)
        )
      }
      const read = yield* loadStored(name, location)
      // the owners' vote, the micro-wish and the whistle
      const boxHead = yield* streams.head(`ballots/${records.box.matter}`)
      const boxLength = 1 + records.box.records.length + (records.box.closedAt === undefined ? 0 : 1)
      if (boxHead.length < boxLength) yield* deliberation.saveBox(records.box, boxHead.length)
      const box = yield* deliberation.loadBox(records.box.matter)
      const wishHead = yield* streams.head(`wish/${records.wish.id}`)
      const wishWritten = yield* coBuilding.saveWish(records.wish, wishHead.length)
      const wish = yield* coBuilding.loadWish(records.wish.id)
      const whistleStream = `whistle/${records.whistle.id}`
      const whistleHead = yield* streams.head(whistleStream)
      const events = records.whistle.events
      if (whistleHead.length < events.length) {
        yield* coBuilding.appendWhistle(records.whistle.id, events.slice(whistleHead.length), whistleHead.length)
      }
      const whistle = yield* coBuilding.loadWhistle(records.whistle.id)
      return {
        journal: {
          name,
          length: read.journal.length,
          lastHash: Journal.lastHash(read.journal),
          written: toWrite.length
        },
        box: {
          matter: box.value.matter,
          records: box.length,
          ballots: box.value.records.length,
          written: box.length - boxHead.length
        },
        wish: {
          id: wish.value.id,
          status: wish.value.status,
          records: wish.length,
          written: wishWritten - wishHead.length
        },
        whistle: {
          id: whistle.value.id,
          arrivals: whistle.value.responses.filter((r) => r.arrivedAt !== undefined).length,
          records: whistle.length,
          written: whistle.length - whistleHead.length
        }
      }
    })
  ))

/** `ledger snapshot`: saves the journal's state (`Journal.snapshot`) so that opening it replays only what follows. */
export const snapshotJournal = (
  location: string,
  name: string
): Promise<{ readonly entries: number; readonly lastHash: string }> =>
  rethrowDefects(run(
    location,
    Effect.gen(function*() {
      const { journal } = yield* loadStored(name, location)
      const entries = yield* LedgerStore.saveSnapshot(name, journal)
      return { entries, lastHash: Journal.lastHash(journal) }
    })
  ))
