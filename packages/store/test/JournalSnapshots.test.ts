// Real points-journal snapshots in the store (LedgerStore.saveSnapshot / LedgerStore.open):
// opening from a snapshot at any entry plus the tail gives the journal the full replay gives
// (differential property over generated years of 平利 points, compared by their whole state),
// and a snapshot that does not match its entries is refused.
import { Journal, JournalStore, Presets, Simulation } from "@gongzhi/points-ledger"
import { Database, LedgerStore, StreamStore } from "@gongzhi/store"
import { Effect, Layer, ManagedRuntime, Result } from "effect"
import { SqlClient } from "effect/sql"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const codes = (r: Result.Result<unknown, { readonly issues: ReadonlyArray<{ readonly code: string }> }>) =>
  Result.isFailure(r) ? r.failure.issues.map((i) => i.code) : []

const year = (seed: number) => {
  const generated = Simulation.pingliYear({ seed, year: 2024 })
  const built = Journal.appendAll(Journal.make(generated.setup), generated.commands)
  if (Result.isFailure(built)) throw new Error("the generated year does not build")
  return { setup: generated.setup, journal: built.success.journal }
}

/** Stores the journal's entries in one append. */
const store = (name: string, journal: Journal.Journal) =>
  Effect.provide(
    Effect.flatMap(Effect.service(JournalStore.JournalStore), (s) => s.append(Journal.entries(journal), 0)),
    LedgerStore.layer(name)
  )

const state = (journal: Journal.Journal) => Result.getOrThrow(Journal.snapshot(journal))

describe("LedgerStore snapshots", () => {
  it("open = snapshot at entry k + the tail = the full replay, before and after more commands (property)", async () => {
    const years = [1, 2, 3].map(year)
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), async (y, at) => {
        const { journal, setup } = years[y]!
        const k = Math.min(journal.length - 1, Math.floor(at * journal.length))
        const program = Effect.gen(function*() {
          yield* store("p", journal)
          const folded = yield* LedgerStore.saveSnapshot("p", Journal.upTo(journal, k))
          const opened = yield* LedgerStore.open("p", setup)
          const replayed = yield* Effect.provide(JournalStore.load(setup), LedgerStore.layer("p"))
          return { folded, opened, replayed }
        })
        const { folded, opened, replayed } = await Effect.runPromise(
          Effect.provide(program, StreamStore.layerMemory())
        )
        expect(folded).toBe(k + 1)
        expect(state(opened)).toEqual(state(replayed))
        expect(state(opened)).toEqual(state(journal))
        expect(Journal.verify(opened)._tag).toBe("Intact")
      }),
      { numRuns: 8 }
    )
  }, 300_000)

  describe("on PGlite", () => {
    let runtime: ManagedRuntime.ManagedRuntime<StreamStore.StreamStore | SqlClient.SqlClient, unknown>
    beforeAll(async () => {
      runtime = ManagedRuntime.make(Database.layer("memory://") as Layer.Layer<
        StreamStore.StreamStore | SqlClient.SqlClient,
        unknown
      >)
      await runtime.runPromise(Effect.void)
    }, 60_000)
    afterAll(() => runtime.dispose())
    const { journal, setup } = year(7)
    const k = Math.floor(journal.length / 2)

    it("opens from the snapshot and appends after it", async () => {
      const program = Effect.gen(function*() {
        yield* store("named", journal)
        yield* LedgerStore.saveSnapshot("named", Journal.upTo(journal, k))
        const opened = yield* LedgerStore.open("named", setup)
        const more = yield* Effect.provide(
          JournalStore.appendCommand(opened, {
            _tag: "Open",
            key: "late-open",
            on: Journal.entries(journal).at(-1)!.command.on,
            account: "late",
            holder: { name: "曾环", roles: ["resident"] }
          }),
          LedgerStore.layer("named")
        )
        const again = yield* LedgerStore.open("named", setup)
        return { opened, more, again }
      })
      const { again, more, opened } = await runtime.runPromise(program)
      expect(state(opened)).toEqual(state(journal))
      expect(state(again)).toEqual(state(more.journal))
    }, 120_000)

    it("refuses a snapshot whose state was changed in SQL (STORE_SNAPSHOT_STATE_CHANGED)", async () => {
      const program = Effect.gen(function*() {
        yield* store("changed", journal)
        yield* LedgerStore.saveSnapshot("changed", Journal.upTo(journal, k))
        const sql = yield* SqlClient.SqlClient
        yield* sql`UPDATE gongzhi_snapshots SET state = replace(state, '"lastDate":"2024', '"lastDate":"2023') WHERE stream_id = 'ledger/changed'`
        return yield* Effect.result(LedgerStore.open("changed", setup))
      })
      expect(codes(await runtime.runPromise(program))).toEqual(["STORE_SNAPSHOT_STATE_CHANGED"])
    }, 120_000)

    it("refuses a snapshot of another journal at the same length, with a tail and without one", async () => {
      const other = year(8).journal
      const m = Math.min(journal.length, other.length)
      const program = Effect.gen(function*() {
        yield* store("other", journal)
        // consistent in itself and anchored by the store, but of other entries
        yield* LedgerStore.saveSnapshot("other", Journal.upTo(other, k))
        const withTail = yield* Effect.result(LedgerStore.open("other", setup))
        // a stream that ends where the snapshot does: no tail to continue it
        yield* store("other-end", Journal.upTo(journal, m - 1))
        yield* LedgerStore.saveSnapshot("other-end", Journal.upTo(other, m - 1))
        const atHead = yield* Effect.result(LedgerStore.open("other-end", setup))
        return { withTail, atHead }
      })
      const { atHead, withTail } = await runtime.runPromise(program)
      expect(codes(withTail)).toContainEqual(expect.stringMatching(/^LEDGER_(CHAIN_BROKEN|REPLAY_MISMATCH)$/))
      expect(codes(atHead)).toEqual(["STORE_SNAPSHOT_MISMATCH"])
    }, 120_000)

    it("refuses a snapshot made for another scheme (LEDGER_SNAPSHOT_SETUP_MISMATCH)", async () => {
      const program = Effect.gen(function*() {
        yield* store("setup", journal)
        yield* LedgerStore.saveSnapshot("setup", Journal.upTo(journal, k))
        return yield* Effect.result(LedgerStore.open("setup", { ...setup, scheme: Presets.neverExpireScheme }))
      })
      expect(codes(await runtime.runPromise(program))).toContain("LEDGER_SNAPSHOT_SETUP_MISMATCH")
    }, 120_000)
  })
})
