import { CivilDate, ValidationReport } from "@gongzhi/core"
import { type Command, Journal, JournalStore, Presets, Report } from "@gongzhi/points-ledger"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { catalog, open } from "./fixtures.js"

const setup: Journal.Setup = { scheme: Presets.pingliScheme, catalog }
const members = ["a", "b", "c"] as const
const activities = ["cleaning", "volunteerService", "securityPatrol", "fireDuty", "mediation"] as const
const items = ["brush", "rice", "oil", "racket", "wheelchair", "mooncake"] as const

type Op =
  | { readonly op: "earn"; readonly who: number; readonly activity: number; readonly minutes: number }
  | { readonly op: "redeem" | "hold"; readonly who: number; readonly item: number; readonly quantity: number }
  | { readonly op: "release" | "settle" | "reverse" | "replayKey"; readonly pick: number }
  | { readonly op: "adjust"; readonly who: number; readonly amount: number }
  | { readonly op: "transfer"; readonly who: number; readonly to: number; readonly amount: number }
  | { readonly op: "donate"; readonly who: number; readonly amount: number }
  | { readonly op: "expire" }

const who = fc.integer({ min: 0, max: 2 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("earn" as const),
      who,
      activity: fc.integer({ min: 0, max: 4 }),
      minutes: fc.integer({ min: 1, max: 300 })
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom("redeem" as const, "hold" as const),
      who,
      item: fc.integer({ min: 0, max: 5 }),
      quantity: fc.integer({ min: 1, max: 3 })
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom("release" as const, "settle" as const, "reverse" as const, "replayKey" as const),
      pick: fc.nat()
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("adjust" as const), who, amount: fc.integer({ min: -40, max: 40 }) })
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
    arbitrary: fc.record({ op: fc.constant("donate" as const), who, amount: fc.integer({ min: 1, max: 60 }) })
  },
  { weight: 1, arbitrary: fc.constant({ op: "expire" as const }) }
)
const stepArb = fc.tuple(opArb, fc.integer({ min: 0, max: 45 }))
const sequenceArb = fc.array(stepArb, { minLength: 1, maxLength: 30 })

const startDay = CivilDate.toEpochDay(CivilDate.makeUnsafe("2024-01-01"))
const dateOf = (day: number) => ValidationReport.getOrThrow(CivilDate.fromEpochDay(startDay + day))

const balances = (journal: Journal.Journal) =>
  Journal.accounts(journal).map((a) => ValidationReport.getOrThrow(Journal.balance(journal, a.id)))

interface Run {
  readonly journals: ReadonlyArray<Journal.Journal>
  readonly applied: ReadonlyArray<Command.Command>
}

/** Turns ops into commands and applies them; every accepted one is checked on the spot. */
const run = (steps: ReadonlyArray<readonly [Op, number]>): Run => {
  const opens = members.map((m) =>
    open(m, `成员${m}`, "2024-01-01", m === "c" ? ["resident"] : ["resident", "partyMember"])
  )
  let journal = ValidationReport.getOrThrow(Journal.appendAll(Journal.make(setup), opens)).journal
  const journals = [journal]
  const applied: Array<Command.Command> = []
  let day = 0
  let n = 0
  for (const [op, advance] of steps) {
    day += advance
    const on = dateOf(day)
    const key = `k${n++}`
    const holds = applied.filter((c) => c._tag === "Hold")
    let command: Command.Command
    switch (op.op) {
      case "earn": {
        const activity = activities[op.activity]!
        command = {
          _tag: "Earn",
          key,
          on,
          account: members[op.who]!,
          activity,
          approvedBy: ["x1", "x2"],
          ...(activity === "volunteerService" ? { minutes: op.minutes } : {})
        }
        break
      }
      case "redeem":
      case "hold":
        command = {
          _tag: op.op === "redeem" ? "Redeem" : "Hold",
          key,
          on,
          account: members[op.who]!,
          item: items[op.item]!,
          quantity: op.quantity
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
          target: applied.length === 0 ? "none" : applied[op.pick % applied.length]!.key,
          reason: "test"
        }
        break
      case "replayKey": {
        if (applied.length === 0) continue
        const original = applied[op.pick % applied.length]!
        const again = Journal.append(journal, original)
        expect(again._tag).toBe("Success")
        if (again._tag === "Success") {
          expect(again.success.replayed).toBe(true)
          expect(again.success.journal).toBe(journal)
        }
        continue
      }
      case "adjust":
        command = {
          _tag: "Adjust",
          key,
          on,
          account: members[op.who]!,
          amount: op.amount,
          reason: "test",
          approvedBy: "sec"
        }
        break
      case "transfer":
        command = { _tag: "Transfer", key, on, from: members[op.who]!, to: members[op.to]!, amount: op.amount }
        break
      case "donate":
        command = { _tag: "Donate", key, on, from: members[op.who]!, amount: op.amount }
        break
      case "expire":
        command = { _tag: "Expire", key, on }
        break
    }
    const beforeHash = Journal.lastHash(journal)
    const result = Journal.append(journal, command)
    if (result._tag === "Failure") {
      // a rejected command changes nothing
      expect(Journal.lastHash(journal)).toBe(beforeHash)
      expect(result.failure.issues.length).toBeGreaterThan(0)
      continue
    }
    if (result.success.entry === undefined) continue
    journal = result.success.journal
    journals.push(journal)
    applied.push(command)
    // postings always sum to zero
    expect(result.success.entry.postings.reduce((s, p) => s + p.amount, 0)).toBe(0)
    // no available balance ever negative, no held balance negative, no stock negative
    for (const b of balances(journal)) {
      expect(b.available).toBeGreaterThanOrEqual(0)
      expect(b.held).toBeGreaterThanOrEqual(0)
    }
    for (const item of catalog.items) {
      const stock = Journal.stockOf(journal, item.id)
      if (stock !== undefined) expect(stock).toBeGreaterThanOrEqual(0)
    }
    // reconciliation always holds
    expect(Report.reconcile(journal).balanced).toBe(true)
  }
  return { journals, applied }
}

const capsHold = (journal: Journal.Journal): boolean => {
  const caps = setup.scheme.caps
  const reversed = new Set(
    Journal.entries(journal).filter((e) => e.command._tag === "Reverse").map((e) =>
      (e.command as Command.Reverse).target
    )
  )
  const totals = new Map<string, number>()
  for (const entry of Journal.entries(journal)) {
    const c = entry.command
    if (c._tag !== "Earn" || reversed.has(c.key)) continue
    const points = entry.postings[1]!.amount
    for (const [kind, key] of [["d", c.on], ["m", c.on.slice(0, 7)], ["y", c.on.slice(0, 4)]] as const) {
      const id = `${c.account}|${kind}|${key}`
      totals.set(id, (totals.get(id) ?? 0) + points)
    }
  }
  for (const [id, total] of totals) {
    const kind = id.split("|")[1]
    const limit = kind === "d" ? caps.perDay : kind === "m" ? caps.perMonth : caps.perYear
    if (limit !== undefined && total > limit) return false
  }
  return true
}

describe("Journal", () => {
  describe("properties", () => {
    it("holds every invariant over 10,000 random command sequences", () => {
      fc.assert(
        fc.property(sequenceArb, (steps) => {
          const { journals } = run(steps)
          const journal = journals[journals.length - 1]!
          // caps never exceeded
          expect(capsHold(journal)).toBe(true)
          // the chain verifies and replay reproduces state and hashes
          expect(Journal.verify(journal)._tag).toBe("Intact")
          const replayed = ValidationReport.getOrThrow(Journal.replay(setup, Journal.entries(journal)))
          expect(Journal.lastHash(replayed)).toBe(Journal.lastHash(journal))
          expect(balances(replayed)).toEqual(balances(journal))
          expect(Report.reconcile(replayed)).toEqual(Report.reconcile(journal))
        }),
        { numRuns: 10_000 }
      )
    }, 180_000)

    it("reverse ∘ apply restores the balances (for the last reversible transaction)", () => {
      fc.assert(
        fc.property(sequenceArb, (steps) => {
          const { journals, applied } = run(steps)
          if (applied.length === 0) return
          const lastCommand = applied[applied.length - 1]!
          if (!["Earn", "Redeem", "Adjust", "Transfer", "Donate", "Expire", "Settle"].includes(lastCommand._tag)) return
          const previous = journals[journals.length - 2]!
          const journal = journals[journals.length - 1]!
          const on = lastCommand.on
          const undone = Journal.append(journal, {
            _tag: "Reverse",
            key: "undo",
            on,
            target: lastCommand.key,
            reason: "test"
          })
          expect(undone._tag).toBe("Success")
          if (undone._tag === "Success") {
            expect(balances(undone.success.journal)).toEqual(balances(previous))
            for (const item of catalog.items) {
              expect(Journal.stockOf(undone.success.journal, item.id)).toBe(Journal.stockOf(previous, item.id))
            }
          }
        }),
        { numRuns: 1_000 }
      )
    }, 60_000)

    it("reloads from the JournalStore with the same state and hashes", () => {
      fc.assert(
        fc.property(sequenceArb, (steps) => {
          const { journals } = run(steps)
          const journal = journals[journals.length - 1]!
          const program = Effect.gen(function*() {
            let rebuilt = Journal.make(setup)
            for (const entry of Journal.entries(journal)) {
              rebuilt = (yield* JournalStore.appendCommand(rebuilt, entry.command)).journal
            }
            return yield* JournalStore.load(setup)
          })
          const loaded = Effect.runSync(Effect.provide(program, JournalStore.layerMemory()))
          expect(Journal.lastHash(loaded)).toBe(Journal.lastHash(journal))
          expect(balances(loaded)).toEqual(balances(journal))
        }),
        { numRuns: 300 }
      )
    }, 60_000)
  })
})
