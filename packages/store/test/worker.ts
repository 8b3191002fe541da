// A writer process for the fault tests (spawned by Faults.test.ts): it connects to the store at
// the location it is given and prints one JSON line per outcome on stdout.
import { CivilDate } from "@gongzhi/core"
import { JournalStore, Presets } from "@gongzhi/points-ledger"
import { Database, LedgerStore, StreamStore } from "@gongzhi/store"
import { Effect, Layer, ManagedRuntime, Result } from "effect"

const task = JSON.parse(process.argv[2]!) as
  | {
    readonly mode: "ledger"
    readonly location: string
    readonly journal: string
    readonly writer: string
    readonly count: number
  }
  | { readonly mode: "batches"; readonly location: string; readonly stream: string; readonly size: number }
  | { readonly mode: "once"; readonly location: string; readonly stream: string; readonly expectedSeq: number }

const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`)

export const setup = { scheme: Presets.neverExpireScheme, catalog: Presets.pingliCatalog }
export const on = CivilDate.makeUnsafe("2024-02-01")

const main = async () => {
  const base = Database.layer(task.location, { maxConnections: 1 })
  if (task.mode === "ledger") {
    // every load and every append on a connection of its own, so that other processes write in
    // between (PGlite's wire server takes one connection at a time: a refused one is retried)
    const withStore = async <A, E>(
      effect: Effect.Effect<A, E, JournalStore.JournalStore>
    ): Promise<Result.Result<A, E>> => {
      for (;;) {
        const runtime = ManagedRuntime.make(
          LedgerStore.layer(task.journal).pipe(Layer.provideMerge(Database.layer(task.location, { maxConnections: 1 })))
        )
        try {
          return await runtime.runPromise(Effect.result(effect))
        } catch (error) {
          if (!JSON.stringify(error).includes("STORE_DATABASE_FAILED")) throw error
          await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 20)))
        } finally {
          await runtime.dispose()
        }
      }
    }
    for (let i = 0; i < task.count; i++) {
      const key = `${task.writer}-${i}`
      const command = { _tag: "Earn", key, on, account: "ha", activity: "cleaning" } as const
      for (let attempt = 0; attempt < 200; attempt++) {
        const journal = await withStore(JournalStore.load(setup))
        if (Result.isFailure(journal)) throw journal.failure
        const outcome = await withStore(JournalStore.appendCommand(journal.success, command))
        if (Result.isSuccess(outcome)) {
          say({ key, won: outcome.success.entry?.seq, replayed: outcome.success.replayed })
          break
        }
        const code = outcome.failure.issues[0]?.code
        say({ key, lost: journal.success.length, code, detail: outcome.failure.issues[0]?.message.en })
        if (code !== "LEDGER_SEQUENCE_CONFLICT") break
      }
    }
    return
  }
  const runtime = ManagedRuntime.make(base)
  const store = Effect.service(StreamStore.StreamStore)
  if (task.mode === "batches") {
    // append batches until killed; say when each batch starts and when it was stored
    for (let b = 0;; b++) {
      const head = await runtime.runPromise(Effect.flatMap(store, (s) => s.head(task.stream)))
      const records = Array.from({ length: task.size }, (_, i) => ({
        type: "Row",
        payload: { batch: b, i, text: "x".repeat(64) },
        key: `b${b}-${i}`
      }))
      say({ start: b, at: head.length })
      await runtime.runPromise(Effect.flatMap(store, (s) => s.append(task.stream, records, head.length)))
      say({ stored: b })
    }
  }
  // once: one keyed batch at an expected seq (a retry, or the first attempt of one)
  const records = [0, 1, 2].map((i) => ({ type: "Paid", payload: { i, fen: 30_000 }, key: `pay-${i}` }))
  const outcome = await runtime.runPromise(
    Effect.result(
      Effect.flatMap(
        store,
        (s) => s.append(task.stream, records, task.expectedSeq, { recordedAt: 1_700_000_000_000 + process.pid })
      )
    )
  )
  say(
    Result.isSuccess(outcome)
      ? {
        replayed: outcome.success.replayed,
        seqs: outcome.success.records.map((r) => r.seq),
        hashes: outcome.success.records.map((r) => r.hash)
      }
      : { codes: outcome.failure.issues.map((i) => i.code) }
  )
  await runtime.dispose()
}

main().then(() => process.exit(0), (error) => {
  console.error(JSON.stringify(error))
  process.exit(1)
})
