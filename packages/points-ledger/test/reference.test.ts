/**
 * The engine against the plain reference ledger (reference.ts) on generated command
 * sequences: every outcome (entry, or the codes of a rejection), every balance, lot, hold,
 * stock and hash identical after every command. 10,000 sequences in CI (`CI=true`, as `.ci/run`
 * sets it; ~28 s at load 1–2), 300 otherwise; `LEDGER_REFERENCE_RUNS` sets the number.
 */
import { CivilDate, ValidationReport } from "@gongzhi/core"
import { type Command, Journal, Report } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { stateOf } from "../src/internal/handle.js"
import { open } from "./fixtures.js"
import { Reference } from "./reference.js"
import { caseArb, commandOf, dateOf, members, type Op, setups } from "./sequences.js"

const runs = Number(process.env["LEDGER_REFERENCE_RUNS"] ?? (process.env["CI"] === "true" ? 10_000 : 300))

/** Everything a journal shows, from the engine. */
const engineView = (journal: Journal.Journal, setup: Journal.Setup) => {
  const state = stateOf(journal)
  return {
    accounts: state.all.map((a) => ({
      id: a.id,
      balance: a.balance,
      held: a.held,
      earned: a.earned,
      lots: a.lots.filter((l) => l.remaining > 0).map((l) => [CivilDate.toEpochDay(dateOfLot(l.expires)), l.remaining])
    })),
    stock: setup.catalog.items.map((i) => Journal.stockOf(journal, i.id)),
    holds: [...state.holds.keys()].map((k) => [k, Journal.holdStatus(journal, k)]),
    reversed: Journal.entries(journal).map((e) => Journal.reversedBy(journal, e.command.key) ?? null),
    head: Journal.head(journal)
  }
}
const dateOfLot = (day: number) => ValidationReport.getOrThrow(CivilDate.fromEpochDay(day))

/** Everything a journal shows, from the reference. */
const referenceView = (ref: Reference, setup: Journal.Setup) => ({
  accounts: [...ref.accounts.values()].map((a) => ({
    id: a.id,
    balance: a.balance,
    held: a.held,
    earned: a.earned,
    lots: a.lots.filter((l) => l.remaining > 0).map((l) => [
      CivilDate.toEpochDay(CivilDate.makeUnsafe(l.expires)),
      l.remaining
    ])
  })),
  stock: setup.catalog.items.map((i) => ref.stock.get(i.id)),
  holds: [...ref.holds.entries()].map(([k, h]) => [k, h.status]),
  reversed: ref.entries.map((e) => ref.reversedBy.get(e.command.key) ?? null),
  head: ref.entries.length === 0
    ? { seq: -1, hash: setup.hashChain === false ? "" : "0".repeat(64) }
    : { seq: ref.entries.length - 1, hash: ref.entries[ref.entries.length - 1]!.hash }
})

const differential = (setupIndex: number, steps: ReadonlyArray<readonly [Op, number, number | null]>) => {
  const setup = setups[setupIndex]!
  const ref = new Reference(setup)
  let journal = Journal.make(setup)
  const activities = setup.scheme.activities.map((a) => a.id)
  const issued: Array<Command.Command> = []
  let day = 0
  let n = 0
  const apply = (command: Command.Command) => {
    const expected = ref.append(command)
    const actual = Journal.append(journal, command)
    if (expected._tag === "Rejected") {
      expect(actual._tag, JSON.stringify(command)).toBe("Failure")
      if (actual._tag === "Failure") {
        expect(actual.failure.issues.map((i) => i.code).sort(), JSON.stringify(command)).toEqual(
          [...expected.codes].sort()
        )
      }
      return
    }
    expect(actual._tag, JSON.stringify(command)).toBe("Success")
    if (actual._tag !== "Success") return
    expect(actual.success.replayed).toBe(expected._tag === "Replayed")
    if (expected._tag === "Nothing") expect(actual.success.entry).toBeUndefined()
    else expect(actual.success.entry).toEqual(expected.entry)
    journal = actual.success.journal
    if (expected._tag === "Appended") issued.push(command)
  }
  for (const m of members) {
    apply(open(m, `成员${m}`, "2024-01-01", m === "c" ? ["resident"] : ["resident", "partyMember"]))
  }
  for (const [op, advance, expectedSeq] of steps) {
    day = Math.max(0, day + advance)
    const command = commandOf(op, expectedSeq, {
      key: `k${n++}`,
      on: dateOf(day),
      length: journal.length,
      activities,
      issued
    })
    if (command === undefined) continue
    apply(command)
    expect(engineView(journal, setup)).toEqual(referenceView(ref, setup))
  }
  expect(Report.reconcile(journal).balanced).toBe(true)
}

describe("Journal", () => {
  describe("engine and reference ledger", () => {
    it("keep a lot that comes in while the account's points are held before the lots that expire later", () => {
      // found by the property below (CI, seed -2030475876): b earns, holds all of it (its lot is
      // spent), receives a point from a that expires a day earlier, and the hold is released. The
      // engine placed the received lot after b's own spent lot, so once the release filled that
      // lot again b would have spent the later-expiring points first.
      expect(() =>
        differential(1, [
          [{ op: "earn", who: 0, activity: 0, minutes: 1 }, 0, null],
          [{ op: "earn", who: 1, activity: 16, minutes: 60 }, 1, null],
          [{ op: "hold", who: 1, item: 0, quantity: 1 }, 1, null],
          [{ op: "transfer", who: 0, to: 1, amount: 1 }, 0, null],
          [{ op: "earn", who: 0, activity: 0, minutes: 0 }, 1, null],
          [{ op: "release", pick: 0 }, 0, 0],
          [{ op: "earn", who: 0, activity: 0, minutes: 0 }, 1, null],
          [{ op: "earn", who: 0, activity: -1, minutes: 0 }, 0, null]
        ])
      ).not.toThrow()
    })

    it(`agree on every outcome, balance, lot, hold, stock and hash (${runs} sequences)`, () => {
      let sequences = 0
      fc.assert(
        fc.property(caseArb, ([setup, steps]) => {
          differential(setup, steps)
          sequences++
        }),
        { numRuns: runs }
      )
      expect(sequences).toBe(runs)
    }, 3_600_000)
  })
})
