/**
 * The engine against the plain reference ledger (reference.ts) on generated command
 * sequences: every outcome (entry, or the codes of a rejection), every balance, lot, hold,
 * stock and hash identical after every command. 300 sequences by default; set
 * `LEDGER_REFERENCE_RUNS=10000` (or more) for the long run.
 */
import { CivilDate, ValidationReport } from "@gongzhi/core"
import { type Command, Journal, Presets, Report } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { stateOf } from "../src/internal/handle.js"
import { catalog, open } from "./fixtures.js"
import { Reference } from "./reference.js"

const runs = Number(process.env["LEDGER_REFERENCE_RUNS"] ?? 300)

const setups: ReadonlyArray<Journal.Setup> = [
  { scheme: Presets.pingliScheme, catalog },
  { scheme: { ...Presets.pingliScheme, expiry: { _tag: "AfterDays", days: 40 } }, catalog, hashChain: false },
  { scheme: Presets.hailinScheme, catalog: Presets.pingliCatalog }
]
const members = ["a", "b", "c"] as const
const items = ["brush", "rice", "oil", "racket", "wheelchair", "mooncake", "caviar"] as const

type Op =
  | { readonly op: "earn"; readonly who: number; readonly activity: number; readonly minutes: number }
  | { readonly op: "redeem" | "hold"; readonly who: number; readonly item: number; readonly quantity: number }
  | { readonly op: "release" | "settle" | "reverse" | "again"; readonly pick: number }
  | { readonly op: "adjust"; readonly who: number; readonly amount: number; readonly self: boolean }
  | { readonly op: "transfer"; readonly who: number; readonly to: number; readonly amount: number }
  | { readonly op: "donate"; readonly who: number; readonly amount: number }
  | { readonly op: "expire" }

// mostly an open account, sometimes one that is not (3)
const who = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.constant(3) })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant("earn" as const),
      who,
      // mostly an activity of the scheme (index modulo their number), sometimes none (-1)
      activity: fc.oneof({ weight: 9, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: fc.constant(-1) }),
      minutes: fc.integer({ min: 0, max: 300 })
    })
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom("redeem" as const, "hold" as const),
      who,
      item: fc.integer({ min: 0, max: 6 }),
      quantity: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 3 }) }, {
        weight: 1,
        arbitrary: fc.constant(0)
      })
    })
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom("release" as const, "settle" as const, "reverse" as const, "again" as const),
      pick: fc.nat()
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("adjust" as const),
      who,
      amount: fc.integer({ min: -40, max: 200 }),
      self: fc.boolean()
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("transfer" as const),
      who,
      to: who,
      amount: fc.integer({ min: 0, max: 60 })
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("donate" as const), who, amount: fc.integer({ min: 0, max: 60 }) })
  },
  { weight: 1, arbitrary: fc.constant({ op: "expire" as const }) }
)
// mostly the same or the next days (caps, limits), sometimes a jump (expiry), sometimes a day back (refused)
const advanceArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 2, arbitrary: fc.integer({ min: 4, max: 60 }) },
  { weight: 1, arbitrary: fc.constant(-1) }
)
// mostly no expected seq; sometimes the right one (0), sometimes a stale one
const seqArb = fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, {
  weight: 2,
  arbitrary: fc.integer({ min: 0, max: 2 })
})
const stepArb = fc.tuple(opArb, advanceArb, seqArb)
const caseArb = fc.tuple(
  fc.integer({ min: 0, max: setups.length - 1 }),
  fc.array(stepArb, { minLength: 5, maxLength: 60 })
)

const startDay = CivilDate.toEpochDay(CivilDate.makeUnsafe("2024-01-01"))
const dateOf = (day: number) => ValidationReport.getOrThrow(CivilDate.fromEpochDay(startDay + day))

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
    const on = dateOf(day)
    const key = `k${n++}`
    const seq = expectedSeq === null ? {} : { expectedSeq: journal.length + (expectedSeq === 0 ? 0 : -expectedSeq) }
    const account = (i: number) => members[i] ?? "nobody"
    const holds = issued.filter((c) => c._tag === "Hold")
    let command: Command.Command
    switch (op.op) {
      case "earn": {
        const activity = op.activity < 0 ? "dancing" : activities[op.activity % activities.length]!
        command = {
          _tag: "Earn",
          key,
          on,
          account: account(op.who),
          activity,
          approvedBy: op.minutes % 13 === 0 ? [`m-${account(op.who)}`] : ["x1", "x2"],
          ...(op.minutes % 11 === 0 ? {} : { minutes: op.minutes }),
          ...seq
        }
        break
      }
      case "redeem":
      case "hold":
        command = {
          _tag: op.op === "redeem" ? "Redeem" : "Hold",
          key,
          on,
          account: account(op.who),
          item: items[op.item]!,
          quantity: op.quantity,
          ...seq
        }
        break
      case "release":
      case "settle":
        command = {
          _tag: op.op === "release" ? "Release" : "Settle",
          key,
          on,
          hold: holds.length === 0 ? "none" : holds[op.pick % holds.length]!.key
        }
        break
      case "reverse":
        command = {
          _tag: "Reverse",
          key,
          on,
          target: issued.length === 0 ? "none" : issued[op.pick % issued.length]!.key,
          reason: "test"
        }
        break
      case "again":
        if (issued.length === 0) continue
        command = issued[op.pick % issued.length]!
        break
      case "adjust":
        command = {
          _tag: "Adjust",
          key,
          on,
          account: account(op.who),
          amount: op.amount,
          reason: "test",
          approvedBy: op.self ? `m-${account(op.who)}` : "sec"
        }
        break
      case "transfer":
        command = { _tag: "Transfer", key, on, from: account(op.who), to: account(op.to), amount: op.amount }
        break
      case "donate":
        command = { _tag: "Donate", key, on, from: account(op.who), amount: op.amount }
        break
      case "expire":
        command = { _tag: "Expire", key, on, ...seq }
        break
    }
    apply(command)
    expect(engineView(journal, setup)).toEqual(referenceView(ref, setup))
  }
  expect(Report.reconcile(journal).balanced).toBe(true)
}

describe("Journal", () => {
  describe("engine and reference ledger", () => {
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
