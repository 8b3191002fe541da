import { Lifecycle, MicroWish, Presets, Whistle } from "@gongzhi/co-building-agreement"
import { CivilDate, Id, Instant } from "@gongzhi/core"
import { Journal, JournalStore, Presets as LedgerPresets } from "@gongzhi/points-ledger"
import { CoBuildingStore, LedgerStore, StreamStore } from "@gongzhi/store"
import { Database } from "@gongzhi/store"
import { Effect, Layer, ManagedRuntime, Result } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const codes = (r: Result.Result<unknown, { readonly issues: ReadonlyArray<{ readonly code: string }> }>) =>
  Result.isFailure(r) ? r.failure.issues.map((i) => i.code) : []

const base = Database.layer("memory://")
const live = Layer.mergeAll(LedgerStore.layer("pingli"), CoBuildingStore.layer).pipe(Layer.provideMerge(base))
let runtime: ManagedRuntime.ManagedRuntime<
  JournalStore.JournalStore | CoBuildingStore.CoBuildingStore | StreamStore.StreamStore | SqlClient.SqlClient,
  unknown
>
beforeAll(async () => {
  runtime = ManagedRuntime.make(live)
  await runtime.runPromise(Effect.void)
}, 60_000)
afterAll(() => runtime.dispose())

const setup = { scheme: LedgerPresets.neverExpireScheme, catalog: LedgerPresets.pingliCatalog }
const on = CivilDate.makeUnsafe("2024-02-01")
const open = { _tag: "Open", key: "o-ha", on, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } } as const
const earn = (key: string) => ({ _tag: "Earn", key, on, account: "ha", activity: "cleaning" }) as const

describe("LedgerStore", () => {
  it("keeps a journal: appendCommand, load and the balance come back the same", async () => {
    const program = Effect.gen(function*() {
      let journal = Journal.make(setup)
      for (const command of [open, earn("e-1"), earn("e-2")]) {
        journal = (yield* JournalStore.appendCommand(journal, command)).journal
      }
      const loaded = yield* JournalStore.load(setup)
      return { loaded, journal }
    })
    const { loaded, journal } = await runtime.runPromise(program)
    expect(loaded.length).toBe(3)
    expect(Journal.lastHash(loaded)).toBe(Journal.lastHash(journal))
    expect(Journal.balance(loaded, "ha")).toEqual(Journal.balance(journal, "ha"))
    const records = await runtime.runPromise(
      Effect.flatMap(Effect.service(StreamStore.StreamStore), (s) => s.read(LedgerStore.streamOf("pingli")))
    )
    expect(records.map((r) => [r.type, r.key])).toEqual([["Open", "o-ha"], ["Earn", "e-1"], ["Earn", "e-2"]])
  })

  it("a stale writer gets LEDGER_SEQUENCE_CONFLICT; after reloading, its retry is the ledger's idempotent replay", async () => {
    const program = Effect.gen(function*() {
      const stale = Journal.make(setup) // a writer that never loaded the stored journal
      // the very command stored first, retried where it was stored: the original, no second copy
      const same = yield* JournalStore.appendCommand(stale, open)
      const conflict = yield* Effect.result(
        JournalStore.appendCommand(stale, { ...open, key: "o-zhou", account: "zhou" })
      )
      const wrongKey = yield* Effect.result(
        JournalStore.appendCommand(same.journal, { ...earn("e-1"), on: CivilDate.makeUnsafe("2024-02-02") })
      )
      const reloaded = yield* JournalStore.load(setup)
      const retry = yield* JournalStore.appendCommand(reloaded, earn("e-1"))
      return { conflict, wrongKey, retry, length: (yield* JournalStore.load(setup)).length }
    })
    const out = await runtime.runPromise(program)
    expect(codes(out.conflict)).toEqual(["LEDGER_SEQUENCE_CONFLICT"])
    expect(codes(out.wrongKey)).toEqual(["LEDGER_SEQUENCE_CONFLICT"])
    if (Result.isFailure(out.conflict)) {
      expect(out.conflict.failure.issues[0]!.params).toEqual({ expected: 0, actual: 3 })
    }
    if (Result.isFailure(out.wrongKey)) {
      expect(out.wrongKey.failure.issues[0]!.params).toEqual({ expected: 1, actual: 3 })
    }
    expect(out.retry.replayed).toBe(true)
    expect(out.length).toBe(3)
  })

  it("a tampered entry is refused by load, naming the row", async () => {
    await runtime.runPromise(Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`UPDATE gongzhi_records SET payload = replace(payload, '"cleaning"', '"patrol"')
        WHERE stream_id = 'ledger/pingli' AND seq = 2`
    }))
    const loaded = await runtime.runPromise(Effect.result(JournalStore.load(setup)))
    expect(codes(loaded)).toEqual(["STORE_HASH_MISMATCH"])
    if (Result.isFailure(loaded)) expect(loaded.failure.issues[0]!.path).toEqual(["records", 2])
  })

  it("entriesOf names undecodable entries and a seq that is not the record's", () => {
    const bad = LedgerStore.entriesOf([{ seq: 4, payload: { seq: 4 } }])
    expect(Result.isFailure(bad) && bad.failure.issues[0]!.path.slice(0, 2)).toEqual(["records", 4])
    const entry = {
      seq: 1,
      command: { _tag: "Expire", key: "k", on: "2025-01-01" },
      postings: [],
      prevHash: "",
      hash: ""
    }
    const shifted = LedgerStore.entriesOf([{ seq: 0, payload: entry }])
    expect(codes(shifted)).toEqual(["LEDGER_REPLAY_MISMATCH"])
  })
})

describe("CoBuildingStore", () => {
  const store = Effect.service(CoBuildingStore.CoBuildingStore)

  it("keeps an agreement's lifecycle and refuses a history that could not have happened", async () => {
    const state = Presets.mingquanScenario({ year: 2024 }).records[0]!
    const out = await runtime.runPromise(Effect.gen(function*() {
      const s = yield* store
      const first = yield* s.saveLifecycle({ ...state, history: state.history.slice(0, 1) }, 0)
      const rest = yield* s.saveLifecycle(state, first)
      const stale = yield* Effect.result(s.saveLifecycle(state, first))
      const loaded = yield* s.loadLifecycle(state.agreement.id)
      return { rest, stale, loaded }
    }))
    expect(out.rest).toBe(state.history.length)
    expect(codes(out.stale)).toEqual(["STORE_SEQUENCE_CONFLICT"])
    expect(out.loaded.value.status).toBe(state.status)
    expect(out.loaded.value.history).toEqual(state.history)
    const draft = Lifecycle.example()
    const bad = await runtime.runPromise(
      Effect.result(
        Effect.flatMap(
          store,
          (s) =>
            s.saveLifecycle({ ...draft, history: [...draft.history, { _tag: "Resumed", on: draft.history[0]!.on }] }, 0)
              .pipe(Effect.andThen(s.loadLifecycle(draft.agreement.id)))
        )
      )
    )
    expect(codes(bad).length).toBeGreaterThan(0)
    const invalid = await runtime.runPromise(
      Effect.result(Effect.flatMap(store, (s) =>
        s.saveLifecycle({
          ...draft,
          agreement: { ...draft.agreement, id: "other" as never },
          history: [{ _tag: "Nope" } as never]
        }, 0)))
    )
    expect(Result.isFailure(invalid)).toBe(true)
  })

  it("keeps a micro-wish: posted, claimed, withdrawn, claimed again, delivered", async () => {
    const d = CivilDate.makeUnsafe
    const posted = MicroWish.example()
    const claimed = Result.getOrThrow(MicroWish.claim(posted, { unit: Id.UnitId.make("unit-07"), on: d("2024-03-06") }))
    const withdrawn = Result.getOrThrow(
      MicroWish.withdraw(claimed, { unit: Id.UnitId.make("unit-07"), on: d("2024-03-07"), reason: "没货" })
    )
    const again = Result.getOrThrow(
      MicroWish.claim(withdrawn, { unit: Id.UnitId.make("unit-08"), on: d("2024-03-08") })
    )
    const delivered = Result.getOrThrow(MicroWish.deliver(again, d("2024-03-11")))
    const out = await runtime.runPromise(Effect.gen(function*() {
      const s = yield* store
      const n = yield* s.saveWish(claimed, 0)
      yield* s.saveWish(delivered, n)
      return yield* s.loadWish(posted.id)
    }))
    expect(out.value).toEqual(delivered)
    expect(out.length).toBe(delivered.history.length)
    const fallen = {
      ...posted,
      id: MicroWish.WishId.make("w-fallen"),
      status: "fallen-back" as const,
      history: [...posted.history, { _tag: "FellBack" as const, on: d("2024-04-01") }]
    }
    const back = await runtime.runPromise(
      Effect.flatMap(store, (s) => s.saveWish(fallen, 0).pipe(Effect.andThen(s.loadWish("w-fallen"))))
    )
    expect(back.value.status).toBe("fallen-back")
  })

  it("refuses a wish stream that does not start with its posting, or hands a claimed wish back", async () => {
    const sql = Effect.service(SqlClient.SqlClient)
    const st = Effect.service(StreamStore.StreamStore)
    const out = await runtime.runPromise(Effect.gen(function*() {
      const s = yield* st
      yield* s.append("wish/bad-1", [{ type: "Claimed", payload: { _tag: "Claimed", on: "2024-03-06", unit: "u" } }], 0)
      const a = yield* Effect.result(Effect.flatMap(store, (c) => c.loadWish("bad-1")))
      const posted = MicroWish.example()
      const claimed = Result.getOrThrow(
        MicroWish.claim(posted, { unit: Id.UnitId.make("unit-07"), on: CivilDate.makeUnsafe("2024-03-06") })
      )
      yield* Effect.flatMap(store, (c) => c.saveWish({ ...claimed, id: MicroWish.WishId.make("bad-2") }, 0))
      yield* s.append("wish/bad-2", [{ type: "FellBack", payload: { _tag: "FellBack", on: "2024-04-01" } }], 2)
      const b = yield* Effect.result(Effect.flatMap(store, (c) => c.loadWish("bad-2")))
      yield* sql
      return [codes(a), codes(b)]
    }))
    expect(out).toEqual([["STORE_HISTORY_START"], ["STORE_WISH_NOT_OPEN"]])
  })

  it("keeps a whistle: blown, arrivals (one proactive), completion, closed", async () => {
    const whistle = Whistle.example()
    const t = Instant.makeUnsafe
    const { responses: _responses, ...call } = whistle
    const events: ReadonlyArray<CoBuildingStore.WhistleEvent> = [
      { _tag: "Blown", call },
      { _tag: "Arrived", party: "fire", at: t("2024-07-01T21:20:00+08:00") },
      { _tag: "Arrived", party: "school", at: t("2024-07-01T21:25:00+08:00"), kind: "unit" },
      { _tag: "Completed", party: "fire", at: t("2024-07-01T23:00:00+08:00") },
      { _tag: "Closed", at: t("2024-07-02T01:00:00+08:00") }
    ]
    const expected = Result.getOrThrow(Result.flatMap(
      Result.flatMap(
        Result.flatMap(
          Whistle.reportArrival(whistle, { party: "fire", at: t("2024-07-01T21:20:00+08:00") }),
          (w) => Whistle.reportArrival(w, { party: "school", at: t("2024-07-01T21:25:00+08:00"), kind: "unit" })
        ),
        (w) => Whistle.reportCompletion(w, { party: "fire", at: t("2024-07-01T23:00:00+08:00") })
      ),
      (w) => Whistle.close(w, t("2024-07-02T01:00:00+08:00"))
    ))
    const out = await runtime.runPromise(Effect.flatMap(store, (s) =>
      Effect.gen(function*() {
        const n = yield* s.appendWhistle(whistle.id, events.slice(0, 2), 0)
        yield* s.appendWhistle(whistle.id, events.slice(2), n)
        const loaded = yield* s.loadWhistle(whistle.id)
        const late = yield* Effect.result(
          s.appendWhistle(whistle.id, [{ _tag: "Arrived", party: "x", at: t("2024-07-03T00:00:00+08:00") }], 5)
            .pipe(Effect.andThen(s.loadWhistle(whistle.id)))
        )
        const noStart = yield* Effect.result(
          s.appendWhistle("w-2", [events[1]!], 0).pipe(Effect.andThen(s.loadWhistle("w-2")))
        )
        const twice = yield* Effect.result(
          s.appendWhistle("w-3", [events[0]!, events[0]!], 0).pipe(Effect.andThen(s.loadWhistle("w-3")))
        )
        const bad = yield* Effect.result(s.appendWhistle("w-4", [{ _tag: "Closed", at: "yesterday" } as never], 0))
        return { loaded, late: codes(late), noStart: codes(noStart), twice: codes(twice), bad: codes(bad).length }
      })))
    expect(out.loaded.value).toEqual(expected)
    expect(out.loaded.length).toBe(5)
    expect(out.late).toEqual(["AGREEMENT_WHISTLE_CLOSED"])
    expect(out.noStart).toEqual(["STORE_HISTORY_START"])
    expect(out.twice).toEqual(["STORE_HISTORY_FIRST_ONLY"])
    expect(out.bad).toBeGreaterThan(0)
  })
})

describe("DeliberationStore", () => {
  it("keeps a matter's history and a ballot box, replayed by deliberation when loaded", async () => {
    const { Ballots, Process } = await import("@gongzhi/deliberation")
    const { DeliberationStore } = await import("@gongzhi/store")
    const live = DeliberationStore.layer.pipe(Layer.provideMerge(StreamStore.layerMemory()))
    const matter = Process.example()
    const box = Ballots.example()
    const out = await Effect.runPromise(Effect.provide(
      Effect.gen(function*() {
        const s = yield* DeliberationStore.DeliberationStore
        const n = yield* s.saveMatter(matter, 0)
        const stale = yield* Effect.result(s.saveMatter(matter, 0))
        const half = { ...box, records: box.records.slice(0, 1) } as typeof box
        const k = yield* s.saveBox(half, 0)
        const all = yield* s.saveBox(box, k)
        const loadedBox = yield* s.loadBox(box.matter)
        const loadedMatter = yield* s.loadMatter(matter.matter.id)
        const missing = yield* Effect.result(s.loadBox("nothing"))
        const st = yield* StreamStore.StreamStore
        yield* st.append("matter/bad", [{
          type: "Discussed",
          payload: { _tag: "Discussed", on: "2024-10-15", people: [], units: [], evidence: [] }
        }], 0)
        const bad = yield* Effect.result(s.loadMatter("bad"))
        return { n, stale: codes(stale), all, loadedBox, loadedMatter, missing: codes(missing), bad: codes(bad).length }
      }),
      live
    ))
    expect(out.n).toBe(matter.history.length)
    expect(out.stale).toEqual(["STORE_SEQUENCE_CONFLICT"])
    expect(out.all).toBe(1 + box.records.length + (box.closedAt === undefined ? 0 : 1))
    expect(out.loadedBox.value.records).toEqual(box.records)
    expect(out.loadedMatter.value.done).toEqual(matter.done)
    expect(out.missing).toEqual(["STORE_HISTORY_START"])
    expect(out.bad).toBeGreaterThan(0)
  }, 60_000)
})
