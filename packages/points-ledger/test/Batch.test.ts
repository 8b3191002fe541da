import { type Command, Journal } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { stateOf } from "../src/internal/handle.js"
import { base, codes, d, earn, ok, open } from "./fixtures.js"
import { caseArb, commandOf, dateOf, members, setups } from "./sequences.js"

const runs = Math.max(100, Math.round(Number(process.env["LEDGER_REFERENCE_RUNS"] ?? 300) / 2))

/** Every answer a journal gives, as plain data (the snapshot holds the whole state). */
const everything = (journal: Journal.Journal) => ({
  snapshot: ok(Journal.snapshot(journal)),
  entries: Journal.entries(journal),
  head: Journal.head(journal),
  verify: Journal.verify(journal),
  accounts: Journal.accounts(journal),
  balances: Journal.accounts(journal).map((a) => [
    ok(Journal.balance(journal, a.id)),
    ok(Journal.balance(journal, a.id, d("2024-01-31")))
  ])
})

/**
 * Batches against one append after another: a batch the one-by-one appends accept all of gives
 * the same entries and state; one they reject somewhere fails at that command with the same
 * codes, and leaves the journal's shared state exactly as it was (no rebuild: the same state
 * object, answering every query as the journal rebuilt from its entries would).
 */
const seen = { failed: 0, kept: 0 }
// mostly short batches (many are kept), sometimes long ones (most are refused somewhere)
const sizeArb = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) }, {
  weight: 1,
  arbitrary: fc.integer({ min: 4, max: 12 })
})
const batches = (setupIndex: number, steps: Parameters<typeof commandOf>[0][], sizes: ReadonlyArray<number>) => {
  const setup = setups[setupIndex]!
  const activities = setup.scheme.activities.map((a) => a.id)
  const opens = members.map((m) => open(m, `成员${m}`, "2024-01-01", ["resident", "partyMember"]))
  let journal = ok(Journal.appendAll(Journal.make(setup), opens)).journal
  let oneByOne = ok(Journal.appendAll(Journal.make(setup), opens)).journal
  const issued: Array<Command.Command> = []
  let step = 0
  let day = 0
  for (let b = 0; step < steps.length; b++) {
    const size = sizes[b % sizes.length]!
    const commands: Array<Command.Command> = []
    let expected = oneByOne
    let failedAt = -1
    let failedCodes: ReadonlyArray<string> = []
    const appended: Array<Command.Command> = []
    for (let i = 0; i < size && step < steps.length; i++, step++) {
      day += i % 3
      const command = commandOf(steps[step]!, step % 7 === 0 ? 0 : null, {
        key: `k${step}`,
        on: dateOf(day),
        length: expected.length,
        activities,
        issued: [...issued, ...appended]
      })
      if (command === undefined) continue
      commands.push(command)
      if (failedAt >= 0) continue
      const r = Journal.append(expected, command)
      if (r._tag === "Failure") {
        failedAt = commands.length - 1
        failedCodes = codes(r)
      } else {
        if (r.success.entry !== undefined && !r.success.replayed) appended.push(command)
        expected = r.success.journal
      }
    }
    const state = stateOf(journal)
    const before = everything(journal)
    const result = Journal.appendAll(journal, commands)
    if (failedAt >= 0) {
      expect(result._tag).toBe("Failure")
      expect(codes(result)).toEqual(failedCodes)
      if (result._tag === "Failure") expect(result.failure.issues.every((i) => i.path[0] === failedAt)).toBe(true)
      seen.failed++
      expect(stateOf(journal)).toBe(state)
      expect(everything(journal)).toEqual(before)
      expect(everything(journal)).toEqual(everything(oneByOne))
    } else {
      seen.kept += commands.length > 1 ? 1 : 0
      const done = ok(result)
      expect(done.entries).toEqual(Journal.entries(expected).slice(oneByOne.length))
      journal = done.journal
      oneByOne = expected
      issued.push(...appended)
      expect(everything(journal)).toEqual(everything(oneByOne))
    }
  }
}

const last = "2024-02-12"

describe("Journal", () => {
  describe("appendAll", () => {
    it("is all or nothing: a rejected command leaves the journal given as it was, and usable", () => {
      const j = base()
      const before = { head: Journal.head(j), ha: ok(Journal.balance(j, "ha")) }
      const result = Journal.appendAll(j, [earn("ha", "cleaning", last), earn("ha", "nosuch", last)])
      expect(codes(result)).toEqual(["LEDGER_UNKNOWN_ACTIVITY"])
      if (result._tag === "Failure") expect(result.failure.issues[0]!.path[0]).toBe(1)
      expect({ head: Journal.head(j), ha: ok(Journal.balance(j, "ha")) }).toEqual(before)
      const again = ok(Journal.appendAll(j, [earn("ha", "cleaning", last)]))
      expect(again.journal.length).toBe(j.length + 1)
      expect(Journal.verify(again.journal)._tag).toBe("Intact")
    })

    it("puts everything back when its last command is bad, and the next append works", () => {
      const j = ok(Journal.appendAll(base(), [
        { _tag: "Hold", key: "h1", on: d(last), account: "ha", item: "brush", quantity: 1 },
        { _tag: "Settle", key: "s1", on: d(last), hold: "h1" }
      ])).journal
      const before = everything(j)
      const state = stateOf(j)
      const on = d("2024-03-01")
      const batch: Array<Command.Command> = [
        open("li", "李秀兰", "2024-03-01"),
        earn("li", "cleaning", "2024-03-01", { key: "li-1" }),
        earn("ha", "cleaning", "2024-03-01", { key: "ha-1" }),
        { _tag: "Redeem", key: "r1", on, account: "zhou", item: "rice", quantity: 1 },
        { _tag: "Hold", key: "h2", on, account: "ha", item: "brush", quantity: 1 },
        { _tag: "Release", key: "rel", on, hold: "h2" },
        { _tag: "Reverse", key: "rv", on, target: "s1", reason: "退回" },
        { _tag: "Transfer", key: "t1", on, from: "zhou", to: "li", amount: 5 },
        { _tag: "Donate", key: "dn", on, from: "li", amount: 5 },
        { _tag: "Adjust", key: "a1", on, account: "ha", amount: 7, reason: "补登", approvedBy: "grid-sec" },
        { _tag: "Adjust", key: "a2", on, account: "zhou", amount: -3, reason: "更正", approvedBy: "grid-sec" },
        { _tag: "Reverse", key: "rv2", on, target: "seed-ha-3", reason: "登记错误" },
        { _tag: "Expire", key: "x1", on: d("2026-01-01") },
        earn("ha", "nosuch", "2026-01-01", { key: "bad" })
      ]
      const result = Journal.appendAll(j, batch)
      expect(codes(result)).toEqual(["LEDGER_UNKNOWN_ACTIVITY"])
      if (result._tag === "Failure") expect(result.failure.issues[0]!.path[0]).toBe(batch.length - 1)
      // the same state, not a rebuilt one, and every answer as before
      expect(stateOf(j)).toBe(state)
      expect(everything(j)).toEqual(before)
      expect(Journal.holdStatus(j, "h1")).toBe("settled")
      expect(Journal.holdStatus(j, "h2")).toBeUndefined()
      expect(Journal.reversedBy(j, "s1")).toBeUndefined()
      expect(Journal.entryOf(j, "li-1")).toBeUndefined()
      // the next append works, and the whole batch less its bad command gives what one append after another gives
      const good = ok(Journal.appendAll(j, batch.slice(0, -1)))
      let one = Journal.fromEntries(setups[0]!, Journal.entries(j))
      let replayed = ok(one)
      for (const c of batch.slice(0, -1)) replayed = ok(Journal.append(replayed, c)).journal
      expect(everything(good.journal)).toEqual(everything(replayed))
      expect(good.entries.length).toBe(batch.length - 1)
      one = Journal.replay(setups[0]!, Journal.entries(good.journal))
      expect(ok(one).length).toBe(good.journal.length)
    })

    it("keeps apart a journal appended to from inside a batch that is then refused", () => {
      const j = base()
      let inner: Journal.Journal | undefined
      function* commands(): Generator<Command.Command> {
        yield earn("ha", "cleaning", last, { key: "g1" })
        const r = Journal.append(j, earn("zhou", "cleaning", last, { key: "g2" }))
        if (r._tag === "Success") inner = r.success.journal
        yield earn("ha", "nosuch", last, { key: "g3" })
      }
      expect(codes(Journal.appendAll(j, commands()))).toEqual(["LEDGER_UNKNOWN_ACTIVITY"])
      // the append inside went to the journal given (older than the batch's state then: a branch of its own)
      expect(inner!.length).toBe(j.length + 1)
      expect(Journal.entryOf(inner!, "g2")?.seq).toBe(j.length)
      expect(Journal.entryOf(inner!, "g1")).toBeUndefined()
      expect(Journal.verify(inner!)._tag).toBe("Intact")
      expect(Journal.entryOf(j, "g1")).toBeUndefined()
      expect(Journal.entryOf(j, "g2")).toBeUndefined()
      expect(ok(Journal.append(j, earn("zhou", "cleaning", last, { key: "g2" }))).journal.length).toBe(j.length + 1)
    })

    it(`is one append after another, or nothing at all (${runs} generated batches)`, () => {
      fc.assert(
        fc.property(
          caseArb,
          fc.array(sizeArb, { minLength: 1, maxLength: 5 }),
          ([s, steps], sizes) => batches(s, steps.map(([op]) => op), sizes)
        ),
        { numRuns: runs }
      )
      // both kinds of batch were met, many times
      expect(seen.failed).toBeGreaterThan(runs)
      expect(seen.kept).toBeGreaterThan(runs / 5)
    }, 600_000)

    it("gives the same entries as one append after another", () => {
      const commands = [earn("ha", "cleaning", last, { key: "b1" }), earn("zhou", "cleaning", last, { key: "b2" })]
      const batch = ok(Journal.appendAll(base(), commands))
      let one = base()
      for (const c of commands) one = ok(Journal.append(one, c)).journal
      expect(Journal.entries(batch.journal)).toEqual(Journal.entries(one))
      expect(batch.entries).toHaveLength(2)
    })
  })

  describe("capRoom", () => {
    it("tells the room left under each cap, which is what an earning may still get", () => {
      const on = "2024-02-13"
      const j = ok(Journal.append(base(), earn("ha", "fireDuty", on))).journal
      const room = ok(Journal.capRoom(j, "ha", "cleaning", d(on)))
      expect(room.caps.map((c) => [c.cap, c.limit, c.used, c.left])).toEqual([
        ["daily", 30, 20, 10],
        ["monthly", 120, 70, 50],
        ["yearly", 600, 120, 480]
      ])
      expect(room.left).toBe(10)
      // 10 fit, 10 more do not
      const after = ok(Journal.append(j, earn("ha", "cleaning", on))).journal
      expect(ok(Journal.capRoom(after, "ha", "cleaning", d(on))).left).toBe(0)
      expect(codes(Journal.append(after, earn("ha", "cleaning", on)))).toEqual(["LEDGER_CAP_EXCEEDED"])
      expect(ok(Journal.capRoom(after, "ha", "cleaning", d("2024-02-14"))).left).toBe(30)
    })

    it("refuses an unknown account or activity and a date before the journal's last", () => {
      expect([...codes(Journal.capRoom(base(), "nobody", "dancing", d("2024-01-01")))].sort()).toEqual(
        ["LEDGER_DATE_OUT_OF_ORDER", "LEDGER_UNKNOWN_ACCOUNT", "LEDGER_UNKNOWN_ACTIVITY"]
      )
      expect(codes(Journal.capRoom(base(), "ha", "cleaning", "2024-02-30" as never))).toEqual(["LEDGER_DATE_INVALID"])
    })
  })
})

describe("Journal.upTo", () => {
  it("is the journal as it was after an entry, with that entry's head, the journal itself unchanged", () => {
    const j = base()
    const entries = Journal.entries(j)
    const then = Journal.upTo(j, 5)
    expect(then.length).toBe(6)
    expect(Journal.head(then)).toEqual({ seq: 5, hash: entries[5]!.hash })
    expect(Journal.entries(then)).toEqual(entries.slice(0, 6))
    expect(Journal.head(j)).toEqual({ seq: entries.length - 1, hash: Journal.lastHash(j) })
    expect(Journal.upTo(j, 99)).toBe(j)
    expect(Journal.upTo(j, -1).length).toBe(0)
    // appending to the snapshot branches off; the journal itself stays as it was
    const branch = ok(Journal.append(then, earn("ha", "cleaning", "2024-02-12", { key: "branch" }))).journal
    expect(branch.length).toBe(7)
    expect(Journal.entries(j)).toEqual(entries)
  })
})
