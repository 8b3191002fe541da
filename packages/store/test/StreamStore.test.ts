import { Migrations, PgliteClient, Record, StreamStore } from "@gongzhi/store"
import { Effect, Result } from "effect"
import { SqlClient } from "effect/sql"
import * as fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { backends, result, run, type Runtime, runtimeAt, serverRequired, serverUrl, suitesLine } from "./backends.js"

const ran: Array<string> = []
afterAll(() => {
  console.log(suitesLine(ran))
})

describe("suites", () => {
  it("runs the PostgreSQL server suite when it is required", () => {
    // CI sets GONGZHI_TEST_REQUIRE_SERVER=1 with the URL its server prints: a missing URL fails.
    expect(serverRequired && serverUrl === undefined, "GONGZHI_TEST_POSTGRES_URL must be set").toBe(false)
  })
})

const store = Effect.service(StreamStore.StreamStore)
const codes = (r: Result.Result<unknown, { readonly issues: ReadonlyArray<{ readonly code: string }> }>) =>
  Result.isFailure(r) ? r.failure.issues.map((i) => i.code) : []
const at = Date.UTC(2024, 2, 4, 8, 0, 0)
let counter = 0
const fresh = (name: string) => `${name}/${process.pid}-${Date.now()}-${counter++}`

for (const backend of backends) {
  describe(`StreamStore on ${backend.label}`, () => {
    let runtime: Runtime
    let stop: () => Promise<void>
    beforeAll(async () => {
      const started = await backend.start()
      stop = started.stop
      runtime = runtimeAt(started.location, backend.name === "pg-wire" ? 1 : 4)
      await run(runtime, Effect.asVoid(store))
      ran.push(backend.label)
    }, 60_000)
    afterAll(async () => {
      await runtime?.dispose()
      await stop?.()
    })

    describe("append", () => {
      it("stores a batch, gives seqs from the expected one and chains the hashes", async () => {
        const s = fresh("wish")
        const appended = await run(
          runtime,
          Effect.flatMap(store, (st) =>
            st.append(
              s,
              [
                { type: "Posted", payload: { title: "轮椅", on: "2024-03-04" }, key: "post" },
                { type: "Claimed", payload: { unit: "unit-07" } }
              ],
              0,
              { recordedAt: at }
            ))
        )
        expect(appended.replayed).toBe(false)
        expect(appended.records.map((r) => r.seq)).toEqual([0, 1])
        expect(appended.head.length).toBe(2)
        const [first, second] = appended.records
        expect(first!.hash).toBe(Record.hashOf(Record.genesis, first!, "{\"on\":\"2024-03-04\",\"title\":\"轮椅\"}"))
        expect(second!.hash).toBe(Record.hashOf(first!.hash, second!, "{\"unit\":\"unit-07\"}"))
        const read = await run(runtime, Effect.flatMap(store, (st) => st.read(s)))
        expect(read).toEqual(appended.records)
        expect((await run(runtime, Effect.flatMap(store, (st) => st.read(s, 1)))).map((r) => r.type)).toEqual([
          "Claimed"
        ])
        expect(await run(runtime, Effect.flatMap(store, (st) => st.verify(s)))).toEqual(appended.head)
      })

      it("refuses a stale expected seq with STORE_SEQUENCE_CONFLICT and stores nothing", async () => {
        const s = fresh("conflict")
        await run(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "A", payload: 1 }], 0)))
        const stale = await result(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "B", payload: 2 }], 0)))
        expect(codes(stale)).toEqual(["STORE_SEQUENCE_CONFLICT"])
        if (Result.isFailure(stale)) {
          expect(stale.failure.issues[0]!.params).toEqual({ stream: s, expected: 0, actual: 1 })
        }
        const ahead = await result(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "B", payload: 2 }], 5)))
        expect(codes(ahead)).toEqual(["STORE_SEQUENCE_CONFLICT"])
        expect((await run(runtime, Effect.flatMap(store, (st) => st.head(s)))).length).toBe(1)
      })

      it("a writer appends onto the stored head when another writer moved it or wrote the stream anew", async () => {
        const s = fresh("two-writers")
        // another writer: a second store on the same database
        const other = <A, E>(f: (st: StreamStore.StreamStore["Service"]) => Effect.Effect<A, E>) =>
          Effect.provide(Effect.flatMap(store, f), StreamStore.layer)
        await run(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "A", payload: 1 }], 0)))
        await run(runtime, other((st) => st.append(s, [{ type: "B", payload: 2 }], 1)))
        const stale = await result(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "C", payload: 3 }], 1)))
        expect(codes(stale)).toEqual(["STORE_SEQUENCE_CONFLICT"])
        await run(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "C", payload: 3 }], 2)))
        // the stream written anew to the same length by the other writer: same length, other hash
        await run(
          runtime,
          Effect.flatMap(Effect.service(SqlClient.SqlClient), (sql) =>
            Effect.andThen(
              sql`DELETE FROM gongzhi_records WHERE stream_id = ${s}`,
              sql`DELETE FROM gongzhi_streams WHERE stream_id = ${s}`
            ))
        )
        await run(
          runtime,
          other((st) =>
            st.append(s, [{ type: "X", payload: [1] }, { type: "Y", payload: [2] }, { type: "Z", payload: [3] }], 0)
          )
        )
        const next = await run(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "D", payload: 4 }], 3)))
        const all = await run(runtime, Effect.flatMap(store, (st) => st.read(s)))
        expect(all.map((r) => r.type)).toEqual(["X", "Y", "Z", "D"])
        expect(next.records[0]!.hash).toBe(Record.hashOf(all[2]!.hash, all[3]!, JSON.stringify(4)))
        expect((await run(runtime, Effect.flatMap(store, (st) => st.verify(s)))).length).toBe(4)
      })

      it("an empty batch only checks the expected seq", async () => {
        const s = fresh("empty")
        const ok = await run(runtime, Effect.flatMap(store, (st) => st.append(s, [], 0)))
        expect(ok.records).toEqual([])
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.append(s, [], 1))))).toEqual([
          "STORE_SEQUENCE_CONFLICT"
        ])
      })

      it("a retried batch with the same keys returns the original records, even at a stale seq", async () => {
        const s = fresh("retry")
        const batch = [{ type: "Earn", payload: { points: 5 }, key: "e-1" }, {
          type: "Earn",
          payload: { points: 3 },
          key: "e-2"
        }]
        const first = await run(runtime, Effect.flatMap(store, (st) => st.append(s, batch, 0, { recordedAt: at })))
        await run(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "Other", payload: null }], 2)))
        const again = await run(runtime, Effect.flatMap(store, (st) => st.append(s, batch, 0, { recordedAt: at + 9 })))
        expect(again.replayed).toBe(true)
        expect(again.records).toEqual(first.records)
        expect(again.head.length).toBe(3)
      })

      it("a key reused for other content is STORE_IDEMPOTENCY_MISMATCH", async () => {
        const s = fresh("mismatch")
        await run(runtime, Effect.flatMap(store, (st) => st.append(s, [{ type: "Earn", payload: 5, key: "k" }], 0)))
        const other = await result(
          runtime,
          Effect.flatMap(store, (st) => st.append(s, [{ type: "Earn", payload: 6, key: "k" }], 1))
        )
        expect(codes(other)).toEqual(["STORE_IDEMPOTENCY_MISMATCH"])
        const partly = await result(
          runtime,
          Effect.flatMap(
            store,
            (st) => st.append(s, [{ type: "Earn", payload: 5, key: "k" }, { type: "X", payload: 1, key: "new" }], 1)
          )
        )
        expect(codes(partly)).toEqual(["STORE_IDEMPOTENCY_MISMATCH"])
        expect((await run(runtime, Effect.flatMap(store, (st) => st.head(s)))).length).toBe(1)
      })

      it("keys are unique per stream, not across streams", async () => {
        const a = fresh("a"), b = fresh("b")
        await run(runtime, Effect.flatMap(store, (st) => st.append(a, [{ type: "T", payload: 1, key: "same" }], 0)))
        const other = await run(
          runtime,
          Effect.flatMap(store, (st) => st.append(b, [{ type: "T", payload: 1, key: "same" }], 0))
        )
        expect(other.replayed).toBe(false)
      })

      it("reports every bad input at once and stores nothing", async () => {
        const s = fresh("bad")
        const sparse: Array<unknown> = [{ type: "T", payload: 1 }]
        sparse[2] = { type: "T", payload: 1 }
        const holey: Array<unknown> = [1]
        holey[2] = 3
        const bad = await result(
          runtime,
          Effect.flatMap(store, (st) =>
            st.append(
              s,
              [
                { type: "", payload: 1 },
                { type: "T", payload: { x: Number.NaN, f: () => 1 }, key: "" },
                { type: "T", payload: holey, key: "k" },
                { type: "T", payload: new Date(0), key: "k" },
                null,
                ...(sparse as Array<never>)
              ] as never,
              -1,
              { recordedAt: 1.5 }
            ))
        )
        expect(codes(bad)).toEqual([
          "STORE_SEQ_INVALID",
          "STORE_TYPE_INVALID",
          "STORE_KEY_INVALID",
          "STORE_PAYLOAD_NOT_JSON",
          "STORE_PAYLOAD_NOT_JSON",
          "STORE_PAYLOAD_NOT_JSON",
          "STORE_KEY_DUPLICATE",
          "STORE_PAYLOAD_NOT_JSON",
          "STORE_RECORDS_INVALID",
          "STORE_RECORDS_INVALID",
          "STORE_RECORDED_AT_INVALID"
        ])
        const stream = await result(runtime, Effect.flatMap(store, (st) => st.append("" as string, "x" as never, 0)))
        expect(codes(stream)).toEqual(["STORE_STREAM_INVALID", "STORE_RECORDS_INVALID"])
        const hostile = new Proxy([], {
          get: () => {
            throw new Error("no")
          }
        })
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.append(s, hostile, 0))))).toEqual([
          "STORE_RECORDS_INVALID"
        ])
        const getter = {
          get type(): string {
            throw new Error("no")
          },
          payload: 1
        }
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.append(s, [getter], 0))))).toEqual([
          "STORE_RECORDS_INVALID"
        ])
        expect((await run(runtime, Effect.flatMap(store, (st) => st.head(s)))).length).toBe(0)
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.read(s, -2))))).toEqual([
          "STORE_SEQ_INVALID"
        ])
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.head(7 as never))))).toEqual([
          "STORE_STREAM_INVALID"
        ])
      })

      it("keeps any JSON payload exactly (property)", async () => {
        const s = fresh("json")
        let seq = 0
        await fc.assert(
          fc.asyncProperty(fc.jsonValue(), async (value) => {
            const appended = await run(
              runtime,
              Effect.flatMap(store, (st) => st.append(s, [{ type: "J", payload: value }], seq))
            )
            const back = await run(runtime, Effect.flatMap(store, (st) => st.read(s, seq)))
            seq++
            // JSON has no -0: the canonical text writes it as 0
            expect(back[0]!.payload).toEqual(JSON.parse(JSON.stringify(value)))
            expect(back[0]).toEqual(appended.records[0])
          }),
          { numRuns: 12 }
        )
      })
    })

    describe("snapshots", () => {
      it("gives the newest snapshot and the tail, checked against the anchor", async () => {
        const s = fresh("snap")
        const rows = Array.from({ length: 5 }, (_, i) => ({ type: "Add", payload: i + 1 }))
        await run(runtime, Effect.flatMap(store, (st) => st.append(s, rows, 0)))
        const none = await run(runtime, Effect.flatMap(store, (st) => st.loadSnapshot(s)))
        expect(none.snapshot).toBeUndefined()
        expect(none.tail.length).toBe(5)
        await run(runtime, Effect.flatMap(store, (st) => st.saveSnapshot(s, 2, { total: 3 })))
        const saved = await run(runtime, Effect.flatMap(store, (st) => st.saveSnapshot(s, 4, { total: 10 })))
        const opened = await run(runtime, Effect.flatMap(store, (st) => st.loadSnapshot(s)))
        expect(opened.snapshot).toEqual(saved)
        expect(opened.tail.map((r) => r.payload)).toEqual([5])
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.saveSnapshot(s, 6, {}))))).toEqual([
          "STORE_SNAPSHOT_BEYOND_HEAD"
        ])
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.saveSnapshot(s, 0, {}))))).toEqual([
          "STORE_SNAPSHOT_BEYOND_HEAD"
        ])
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.saveSnapshot(s, 1, { f: Symbol() })))))
          .toEqual([
            "STORE_PAYLOAD_NOT_JSON"
          ])
      })

      it("refuses a snapshot whose state or anchor was changed by SQL", async () => {
        const s = fresh("snap-bad")
        await run(
          runtime,
          Effect.flatMap(store, (st) => st.append(s, [{ type: "Add", payload: 1 }, { type: "Add", payload: 2 }], 0))
        )
        await run(runtime, Effect.flatMap(store, (st) => st.saveSnapshot(s, 2, { total: 3 })))
        const sql = (q: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, unknown>) =>
          run(runtime, Effect.flatMap(Effect.service(SqlClient.SqlClient), q))
        await sql((c) => c`UPDATE gongzhi_snapshots SET state = '{"total":4}' WHERE stream_id = ${s}`)
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.loadSnapshot(s))))).toEqual([
          "STORE_SNAPSHOT_STATE_CHANGED"
        ])
        await sql((c) =>
          c`UPDATE gongzhi_snapshots SET state = '{"total":3}', head_hash = ${"f".repeat(64)} WHERE stream_id = ${s}`
        )
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.loadSnapshot(s))))).toEqual([
          "STORE_SNAPSHOT_STATE_CHANGED"
        ])
        // a forger who recomputes the state hash still does not match the records
        const forged = "e".repeat(64)
        await sql((c) =>
          c`UPDATE gongzhi_snapshots SET head_hash = ${forged}, state_hash = ${
            Record.digest(`${forged}\n2\n{"total":3}`)
          } WHERE stream_id = ${s}`
        )
        expect(codes(await result(runtime, Effect.flatMap(store, (st) => st.loadSnapshot(s))))).toEqual([
          "STORE_SNAPSHOT_MISMATCH"
        ])
      })
    })

    describe("tamper evidence", () => {
      const seeded = async () => {
        const s = fresh("tamper")
        await run(
          runtime,
          Effect.flatMap(
            store,
            (st) => st.append(s, Array.from({ length: 4 }, (_, i) => ({ type: "Add", payload: i })), 0)
          )
        )
        return s
      }
      const sql = (q: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, unknown>) =>
        run(runtime, Effect.flatMap(Effect.service(SqlClient.SqlClient), q))
      const issuesOf = async (s: string) => {
        const r = await result(runtime, Effect.flatMap(store, (st) => st.verify(s)))
        const read = await result(runtime, Effect.flatMap(store, (st) => st.read(s)))
        expect(codes(read)).toEqual(codes(r))
        return Result.isFailure(r) ? r.failure.issues.map((i) => [i.code, i.params["seq"] ?? null]) : []
      }

      it("names a changed row", async () => {
        const s = await seeded()
        await sql((c) => c`UPDATE gongzhi_records SET payload = '99' WHERE stream_id = ${s} AND seq = 2`)
        expect(await issuesOf(s)).toEqual([["STORE_HASH_MISMATCH", 2]])
      })

      it("names a changed type or time", async () => {
        const s = await seeded()
        await sql((c) =>
          c`UPDATE gongzhi_records SET recorded_at = recorded_at + interval '1 second' WHERE stream_id = ${s} AND seq = 1`
        )
        await sql((c) => c`UPDATE gongzhi_records SET type = 'Sub' WHERE stream_id = ${s} AND seq = 3`)
        expect(await issuesOf(s)).toEqual([["STORE_HASH_MISMATCH", 1], ["STORE_HASH_MISMATCH", 3]])
      })

      it("names a deleted row", async () => {
        const s = await seeded()
        await sql((c) => c`DELETE FROM gongzhi_records WHERE stream_id = ${s} AND seq = 1`)
        expect(await issuesOf(s)).toEqual([["STORE_ROW_MISSING", 1]])
      })

      it("names a deleted last row", async () => {
        const s = await seeded()
        await sql((c) => c`DELETE FROM gongzhi_records WHERE stream_id = ${s} AND seq = 3`)
        expect(await issuesOf(s)).toEqual([["STORE_ROW_MISSING", 3]])
      })

      it("names an inserted row, even one with a correct hash", async () => {
        const s = await seeded()
        const head = await run(runtime, Effect.flatMap(store, (st) => st.head(s)))
        const fields = { stream: s, seq: 4, type: "Add", key: undefined, recordedAt: at }
        const hash = Record.hashOf(head.hash, fields, "100")
        await sql((c) =>
          c`INSERT INTO gongzhi_records (stream_id, seq, type, payload, recorded_at, hash)
            VALUES (${s}, 4, 'Add', '100', ${new Date(at)}, ${hash})`
        )
        expect(await issuesOf(s)).toEqual([["STORE_ROW_UNEXPECTED", 4]])
      })

      it("names a renumbered row", async () => {
        const s = await seeded()
        await sql((c) => c`UPDATE gongzhi_records SET seq = 7 WHERE stream_id = ${s} AND seq = 3`)
        expect(await issuesOf(s)).toEqual([["STORE_ROW_UNEXPECTED", 7], ["STORE_ROW_MISSING", 3]])
      })

      it("finds a changed head and an undecodable row", async () => {
        const s = await seeded()
        await sql((c) => c`UPDATE gongzhi_streams SET head_hash = ${"a".repeat(64)} WHERE stream_id = ${s}`)
        expect(await issuesOf(s)).toEqual([["STORE_HEAD_MISMATCH", null]])
        const t = await seeded()
        await sql((c) => c`UPDATE gongzhi_records SET payload = '{not json' WHERE stream_id = ${t} AND seq = 0`)
        expect(await issuesOf(t)).toEqual([["STORE_ROW_INVALID", 0]])
      })

      it("a rewrite of the whole chain with new hashes is found by the head only when the head is kept apart", async () => {
        // what the chain proves: an intruder who rewrites every later hash and the head leaves a
        // consistent stream; only a head published elsewhere (a notice, a backup) shows it.
        const s = await seeded()
        const before = await run(runtime, Effect.flatMap(store, (st) => st.head(s)))
        const records = await run(runtime, Effect.flatMap(store, (st) => st.read(s)))
        let prev = Record.genesis
        for (const r of records) {
          const text = r.seq === 0 ? "42" : JSON.stringify(r.payload)
          const hash = Record.hashOf(prev, r, text)
          await sql((c) =>
            c`UPDATE gongzhi_records SET payload = ${text}, hash = ${hash} WHERE stream_id = ${s} AND seq = ${r.seq}`
          )
          prev = hash
        }
        await sql((c) => c`UPDATE gongzhi_streams SET head_hash = ${prev} WHERE stream_id = ${s}`)
        const after = await run(runtime, Effect.flatMap(store, (st) => st.verify(s)))
        expect(after.length).toBe(before.length)
        expect(after.hash).not.toBe(before.hash)
      })
    })
  })
}

describe("Migrations", () => {
  it("creates the schema, upgrades a version-1 database and keeps its records", async () => {
    const program = Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      expect(yield* Migrations.version).toBe(0)
      expect(yield* Migrations.run(1)).toEqual([1])
      expect(yield* Migrations.version).toBe(1)
      yield* sql`INSERT INTO gongzhi_records (stream_id, seq, type, payload, recorded_at, hash)
        VALUES ('old', 0, 'T', '1', now(), 'x')`
      expect(yield* Migrations.run()).toEqual([2])
      expect(yield* Migrations.run()).toEqual([])
      const rows = yield* sql<{ readonly n: number }>`SELECT count(*)::int AS n FROM gongzhi_records`
      const tables = yield* sql<{ readonly t: string | null }>`SELECT to_regclass('gongzhi_snapshots')::text AS t`
      return [rows[0]!.n, tables[0]!.t]
    })
    expect(await Effect.runPromise(Effect.provide(program, PgliteClient.layer()))).toEqual([1, "gongzhi_snapshots"])
  }, 30_000)
})
