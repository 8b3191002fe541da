/**
 * Snapshots: a journal restored from the snapshot taken after entry k, plus the entries after
 * k, is the journal of the full replay (the same snapshot, the same answers to every further
 * command); a snapshot made for another setup, one that contradicts itself, a malformed one
 * and a tail that does not continue it are refused with every problem.
 */
import { ValidationReport } from "@gongzhi/core"
import { type Command, Journal, Presets, Snapshot } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { d, open, setup } from "./fixtures.js"
import { members, outcome, runSteps, setups, stepArb } from "./sequences.js"

const runs = Number(process.env["LEDGER_SNAPSHOT_RUNS"] ?? 200)

const json = <A>(value: A): A => JSON.parse(JSON.stringify(value))

const snap = (journal: Journal.Journal): Snapshot.Snapshot => {
  const taken = Journal.snapshot(journal)
  if (taken._tag === "Failure") throw new Error(JSON.stringify(taken.failure.issues))
  return json(taken.success)
}

describe("Journal.snapshot / fromSnapshot", () => {
  it(`restored at entry k plus the tail is the full replay, before and after more commands (${runs} sequences)`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: setups.length - 1 }),
        fc.array(stepArb, { minLength: 3, maxLength: 50 }),
        fc.array(stepArb, { minLength: 0, maxLength: 25 }),
        fc.nat(),
        (s, before, after, cutAt) => {
          const setupOf = setups[s]!
          const activities = setupOf.scheme.activities.map((a) => a.id)
          const issued: Array<Command.Command> = []
          const opened = Journal.appendAll(
            Journal.make(setupOf),
            members.map((m) =>
              open(m, `成员${m}`, "2024-01-01", m === "c" ? ["resident"] : ["resident", "partyMember"])
            )
          )
          if (opened._tag === "Failure") throw new Error("open")
          const built = [opened.success.journal]
          runSteps(built, before, activities, issued, { day: 0, n: 0 })
          const full = built[0]!
          const entries = Journal.entries(full)
          const cut = (cutAt % (entries.length + 1)) - 1
          const restored = Journal.fromSnapshot(setupOf, snap(Journal.upTo(full, cut)), entries.slice(cut + 1))
          expect(restored._tag).toBe("Success")
          if (restored._tag === "Failure") return
          const replayed = Journal.replay(setupOf, entries)
          if (replayed._tag === "Failure") throw new Error("replay")
          expect(snap(restored.success)).toEqual(snap(full))
          expect(snap(replayed.success)).toEqual(snap(full))
          const loaded = Journal.replay(setupOf, entries, { trusted: true })
          expect(loaded._tag === "Success" && snap(loaded.success)).toEqual(snap(full))
          expect(Journal.verify(restored.success)._tag).toBe("Intact")
          // the same answers to what comes next, then the same state again
          const journals = [full, restored.success, replayed.success]
          const outcomes = runSteps(journals, after, activities, issued, { day: 400, n: 1000 })
          expect(outcomes[1]).toEqual(outcomes[0])
          expect(outcomes[2]).toEqual(outcomes[0])
          expect(snap(journals[1]!)).toEqual(snap(journals[0]!))
          expect(snap(journals[2]!)).toEqual(snap(journals[0]!))
        }
      ),
      { numRuns: runs }
    )
  }, 600_000)

  const on = d("2024-03-04")
  const small = () => {
    const r = Journal.appendAll(Journal.make(setup), [
      open("ha", "哈安喜"),
      open("zhou", "周玉宏"),
      { _tag: "Earn", key: "e1", on, account: "ha", activity: "cleaning", approvedBy: ["sec"] },
      { _tag: "Earn", key: "e2", on, account: "zhou", activity: "cleaning", approvedBy: ["sec"] },
      { _tag: "Hold", key: "h1", on, account: "ha", item: "brush", quantity: 1 },
      { _tag: "Transfer", key: "t1", on, from: "zhou", to: "ha", amount: 3 }
    ])
    if (r._tag === "Failure") throw new Error(JSON.stringify(r.failure.issues))
    return r.success.journal
  }

  it("is plain data: JSON keeps all of it, and the restored journal appends like the original", () => {
    const journal = small()
    const restored = Journal.fromSnapshot(setup, snap(journal))
    expect(restored._tag).toBe("Success")
    if (restored._tag === "Failure") return
    expect(Journal.head(restored.success)).toEqual(Journal.head(journal))
    expect(Journal.balance(restored.success, "ha")).toEqual(Journal.balance(journal, "ha"))
    expect(Journal.holdStatus(restored.success, "h1")).toBe("open")
    const next: Command.Command = { _tag: "Settle", key: "s1", on, hold: "h1" }
    expect(outcome(Journal.append(restored.success, next))).toEqual(outcome(Journal.append(journal, next)))
    // an idempotent retry of an entry from before the snapshot gives its original
    const again = Journal.append(restored.success, Journal.entries(journal)[2]!.command)
    expect(again._tag === "Success" && again.success.replayed).toBe(true)
  })

  it("is what the declared Snapshot schema describes", () => {
    const decoded = ValidationReport.decodeUnknown(Snapshot.Snapshot)(snap(small()))
    expect(decoded._tag).toBe("Success")
    expect(ValidationReport.decodeUnknown(Snapshot.Snapshot)({ ...snap(small()), lots: ["x"] })._tag).toBe("Failure")
  })

  it("refuses a snapshot made for another scheme, catalog or chain setting", () => {
    const s = snap(small())
    const scheme = Journal.fromSnapshot({ ...setup, scheme: Presets.hailinScheme }, s)
    expect(scheme._tag === "Failure" && scheme.failure.issues.map((i) => [i.code, i.path])).toEqual([
      ["LEDGER_SNAPSHOT_SETUP_MISMATCH", ["scheme", "id"]],
      ["LEDGER_SNAPSHOT_SETUP_MISMATCH", ["scheme", "digest"]]
    ])
    const changed = Journal.fromSnapshot({ ...setup, scheme: { ...setup.scheme, caps: {} } }, s)
    expect(changed._tag === "Failure" && changed.failure.issues.map((i) => i.path)).toEqual([["scheme", "digest"]])
    const catalog = Journal.fromSnapshot({ ...setup, catalog: Presets.pingliCatalog }, s)
    expect(catalog._tag === "Failure" && catalog.failure.issues.map((i) => i.path)).toEqual([["catalog", "digest"]])
    const chain = Journal.fromSnapshot({ ...setup, hashChain: false }, s)
    expect(chain._tag === "Failure" && chain.failure.issues.map((i) => i.path)).toEqual([["hashChain"]])
    const version = Journal.fromSnapshot(setup, { ...s, hashVersion: 1 })
    expect(version._tag === "Failure" && version.failure.issues[0]!.code).toBe("LEDGER_SNAPSHOT_SETUP_MISMATCH")
  })

  it("reports every malformed field at once", () => {
    const r = Journal.fromSnapshot(setup, { kind: "points-journal-snapshot", snapshotVersion: 2, head: { seq: "x" } })
    expect(r._tag).toBe("Failure")
    if (r._tag === "Success") return
    expect(r.failure.issues.length).toBeGreaterThan(5)
    expect(r.failure.issues.some((i) => i.path[0] === "snapshotVersion")).toBe(true)
    expect(r.failure.issues.some((i) => i.path[0] === "entries")).toBe(true)
    expect(Journal.fromSnapshot(setup, null)._tag).toBe("Failure")
    expect(Journal.snapshot(structuredClone(small()))).toMatchObject({ _tag: "Failure" })
  })

  const inconsistent = (s: Snapshot.Snapshot) => {
    const r = Journal.fromSnapshot(setup, s)
    return r._tag === "Failure" ? r.failure.issues.map((i) => i.code) : []
  }
  const haIndex = 5

  it("refuses a snapshot whose numbers contradict each other (balances, lots, held points, history, entries)", () => {
    const s = snap(small())
    const withAccount = (patch: Partial<Snapshot.Snapshot["accounts"][number]>) => ({
      ...s,
      accounts: s.accounts.map((a, i) => (i === haIndex ? { ...a, ...patch } : a))
    })
    const ha = s.accounts[haIndex]!
    expect(ha.id).toBe("ha")
    expect(inconsistent(withAccount({ balance: ha.balance + 1 }))).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent(withAccount({ held: ha.held + 1 }))).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent(withAccount({ earned: ha.earned + 1 }))).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent(withAccount({ lots: [...ha.lots, ha.lots[0]!] }))).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent({ ...s, lots: s.lots.map((x, i) => (i === 2 ? x + 1 : x)) })).toContain(
      "LEDGER_SNAPSHOT_INCONSISTENT"
    )
    expect(inconsistent({ ...s, head: { ...s.head, seq: s.head.seq - 1 } })).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    const lastHash = s.entries.hashes.map((h, i) => (i === s.entries.hashes.length - 1 ? "f".repeat(64) : h))
    expect(inconsistent({ ...s, entries: { ...s.entries, hashes: lastHash } })).toContain(
      "LEDGER_SNAPSHOT_INCONSISTENT"
    )
    // entry 2 (ha's earning): its second posting's amount is the 7th number of the postings column (0, 0, 2, pool, -10, ha, 10)
    const postings = s.entries.postings.map((x, i) => (i === 6 ? x + 1 : x))
    expect(inconsistent({ ...s, entries: { ...s.entries, postings } })).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent({ ...s, entries: { ...s.entries, postings: s.entries.postings.slice(0, -1) } })).toContain(
      "LEDGER_SNAPSHOT_INCONSISTENT"
    )
    expect(inconsistent({ ...s, entries: { ...s.entries, hashes: s.entries.hashes.slice(1) } })).toContain(
      "LEDGER_SNAPSHOT_INCONSISTENT"
    )
    expect(inconsistent({ ...s, holds: [] })).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent({ ...s, undo: s.undo.slice(1) })).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent({ ...s, stock: [] })).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent({ ...s, lastDate: "2030-01-01" })).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    expect(inconsistent(s)).toEqual([])
  })

  it("refuses every single-field change of a lot or an account's balances", () => {
    const s = snap(small())
    for (let a = 0; a < s.accounts.length; a++) {
      for (const field of ["balance", "held", "earned"] as const) {
        const accounts = s.accounts.map((x, i) => (i === a ? { ...x, [field]: x[field] + 1 } : x))
        expect(inconsistent({ ...s, accounts }), `${a} ${field}`).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
      }
    }
    for (let l = 0; l < s.lots.length / 3; l++) {
      const lots = s.lots.map((x, i) => (i === 3 * l + 2 ? x + 1 : x))
      expect(inconsistent({ ...s, lots }), `lot ${l}`).toContain("LEDGER_SNAPSHOT_INCONSISTENT")
    }
  })

  it("names the problems of a malformed entry inside a snapshot", () => {
    const s = snap(small())
    const commands = s.entries.commands.map((c, i) => (i === 2 ? { ...c, account: "", key: 7 } : c))
    const r = Journal.fromSnapshot(setup, { ...s, entries: { ...s.entries, commands } })
    expect(r._tag === "Failure" && r.failure.issues.map((i) => i.path.slice(0, 4)).sort()).toEqual([
      ["entries", "commands", 2, "account"],
      ["entries", "commands", 2, "key"]
    ])
  })

  it("loads trusted entries without reading or hashing them again, still comparing seq, links and postings", () => {
    const journal = small()
    const entries = Journal.entries(journal)
    const loaded = Journal.replay(setup, entries, { trusted: true })
    expect(loaded._tag === "Success" && snap(loaded.success)).toEqual(snap(journal))
    const postings = entries.map((e, i) => (i === 2 ? { ...e, postings: [...e.postings].reverse() } : e))
    const p = Journal.replay(setup, postings, { trusted: true })
    expect(p._tag === "Failure" && p.failure.issues.map((i) => i.code)).toEqual(["LEDGER_REPLAY_MISMATCH"])
    const unlinked = entries.map((e, i) => (i === 3 ? { ...e, prevHash: "0".repeat(64) } : e))
    const u = Journal.replay(setup, unlinked, { trusted: true })
    expect(u._tag === "Failure" && u.failure.issues.map((i) => i.path)).toEqual([[3, "prevHash"]])
    // a changed hash is what trusting skips: verify finds it
    const rehashed = entries.map((e, i) => (i === entries.length - 1 ? { ...e, hash: "f".repeat(64) } : e))
    const h = Journal.replay(setup, rehashed, { trusted: true })
    expect(h._tag === "Success" && Journal.verify(h.success)._tag).toBe("Broken")
  })

  it("refuses a tail that does not continue the snapshot, and a head that is not reached", () => {
    const journal = small()
    const entries = Journal.entries(journal)
    const s = snap(Journal.upTo(journal, 3))
    const skipped = Journal.fromSnapshot(setup, s, entries.slice(5))
    expect(skipped._tag === "Failure" && skipped.failure.issues[0]!.path.slice(0, 2)).toEqual(["tail", 0])
    const tampered = entries.slice(4).map((e, i) => (i === 1 ? { ...e, hash: "f".repeat(64) } : e))
    const broken = Journal.fromSnapshot(setup, s, tampered)
    expect(broken._tag === "Failure" && broken.failure.issues.map((i) => [i.code, i.path])).toEqual([
      ["LEDGER_CHAIN_BROKEN", ["tail", 1, "hash"]]
    ])
    const head = Journal.head(journal)
    const short = Journal.fromSnapshot(setup, s, entries.slice(4, 5), { head })
    expect(short._tag === "Failure" && short.failure.issues[0]!.code).toBe("LEDGER_HEAD_NOT_REACHED")
    expect(Journal.fromSnapshot(setup, s, entries.slice(4), { head })._tag).toBe("Success")
  })
})
