/**
 * The load of trusted entries (`Journal.replay(setup, entries, { trusted: true })`, what a
 * store's load does) against its plain reference, the full replay (every command read and
 * checked again, every entry compared and its hash recomputed): on generated command
 * sequences of every kind (test/sequences.ts), the same snapshot, entries, balances (now and
 * as of earlier dates), holds, stock, head, room under the caps, and the same answers to the
 * commands that come next. Entries that contradict their commands are refused as before.
 * 1,000 sequences (`LEDGER_TRUSTED_RUNS` sets the number).
 */
import { type CivilDate, ValidationReport } from "@gongzhi/core"
import { type Command, type Entry, Journal, type Snapshot } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { open } from "./fixtures.js"
import { caseArb, dateOf, members, runSteps, setups, type Step, stepArb } from "./sequences.js"

const runs = Number(process.env["LEDGER_TRUSTED_RUNS"] ?? 1_000)

const json = <A>(value: A): A => JSON.parse(JSON.stringify(value))

const snap = (journal: Journal.Journal): Snapshot.Snapshot =>
  json(ValidationReport.getOrThrow(Journal.snapshot(journal)))

/** Everything the queries answer about a journal, at the dates given. */
const view = (
  journal: Journal.Journal,
  activities: ReadonlyArray<string>,
  dates: ReadonlyArray<CivilDate.CivilDate>
) => ({
  head: Journal.head(journal),
  lastHash: Journal.lastHash(journal),
  length: journal.length,
  entries: json(Journal.entries(journal)),
  accounts: json(Journal.accounts(journal)),
  balances: [...members, "nobody", "system:pool", "system:held", "system:redemption", "system:expiry"].map((a) => [
    json(Journal.balance(journal, a)),
    ...dates.map((on) => json(Journal.balance(journal, a, on)))
  ]),
  room: members.flatMap((a) =>
    activities.flatMap((activity) => dates.map((on) => json(Journal.capRoom(journal, a, activity, on))))
  ),
  holds: Journal.entries(journal).flatMap((
    e
  ) => (e.command._tag === "Hold" ? [Journal.holdStatus(journal, e.command.key)] : [])),
  stock: ["brush", "rice", "oil", "racket", "wheelchair", "mooncake", "caviar"].map((i) => Journal.stockOf(journal, i)),
  reversed: Journal.entries(journal).map((e) => Journal.reversedBy(journal, e.command.key) ?? null),
  verify: Journal.verify(journal)
})

/** A journal built by appending the steps one by one, and what was issued. */
const build = (setupIndex: number, steps: ReadonlyArray<Step>) => {
  const setup = setups[setupIndex]!
  const activities = setup.scheme.activities.map((a) => a.id)
  const opened = Journal.appendAll(
    Journal.make(setup),
    members.map((m) => open(m, `成员${m}`, "2024-01-01", m === "c" ? ["resident"] : ["resident", "partyMember"]))
  )
  const journals = [ValidationReport.getOrThrow(opened).journal]
  const issued: Array<Command.Command> = []
  const at = { day: 0, n: 0 }
  runSteps(journals, steps, activities, issued, at)
  return { setup, activities, journal: journals[0]!, issued, at }
}

describe("Journal", () => {
  describe("replay (trusted entries)", () => {
    it(`loads the journal the full replay gives (${runs} sequences)`, () => {
      let sequences = 0
      fc.assert(
        fc.property(caseArb, fc.array(stepArb, { minLength: 0, maxLength: 20 }), ([s, steps], next) => {
          const { activities, at, issued, journal, setup } = build(s, steps)
          const entries = Journal.entries(journal)
          const full = ValidationReport.getOrThrow(Journal.replay(setup, entries))
          const loaded = ValidationReport.getOrThrow(Journal.replay(setup, entries, { trusted: true }))
          // the entries handed in are not changed by the load
          expect(json(entries)).toEqual(json(Journal.entries(journal)))
          const dates = [dateOf(0), dateOf(Math.floor(at.day / 2)), dateOf(at.day), dateOf(at.day + 400)]
          expect(snap(loaded)).toEqual(snap(full))
          expect(view(loaded, activities, dates)).toEqual(view(full, activities, dates))
          // the same answers to what comes next, then the same journal again
          const journals = [full, loaded]
          const outcomes = runSteps(journals, next, activities, issued, { ...at })
          expect(outcomes[1]).toEqual(outcomes[0])
          expect(snap(journals[1]!)).toEqual(snap(journals[0]!))
          expect(view(journals[1]!, activities, dates)).toEqual(view(journals[0]!, activities, dates))
          sequences++
        }),
        { numRuns: runs }
      )
      expect(sequences).toBe(runs)
    }, 600_000)

    it(`refuses entries that contradict their commands as before (${Math.ceil(runs / 4)} sequences)`, () => {
      const tamperings = ["postings", "amount", "seq", "prevHash", "key", "command"] as const
      fc.assert(
        fc.property(caseArb, fc.nat(), fc.constantFrom(...tamperings), ([s, steps], pick, how) => {
          const { journal, setup } = build(s, steps)
          const entries = Journal.entries(journal)
          const i = pick % entries.length
          const e = entries[i]!
          const other = entries[(i + entries.length - 1) % entries.length]!
          const changed: Entry.Entry = how === "postings"
            ? { ...e, postings: [...e.postings, { account: "system:pool", amount: 0 }] }
            : how === "amount"
            ? { ...e, postings: e.postings.map((p, k) => (k === 0 ? { ...p, amount: p.amount + 1 } : p)) }
            : how === "seq"
            ? { ...e, seq: e.seq + 1 }
            : how === "prevHash"
            ? { ...e, prevHash: "1".repeat(64) }
            : how === "key"
            ? { ...e, command: { ...e.command, key: other.command.key } }
            : { ...e, command: other.command }
          // the first entry given another's command may be good (nothing before it to contradict)
          if (JSON.stringify(changed) === JSON.stringify(e) || (i === 0 && (how === "key" || how === "command"))) return
          const tampered = entries.map((x, k) => (k === i ? changed : x))
          const loaded = Journal.replay(setup, tampered, { trusted: true })
          expect(loaded._tag).toBe("Failure")
          if (loaded._tag === "Success") return
          const first = loaded.failure.issues[0]!
          const expected = {
            postings: [["LEDGER_REPLAY_MISMATCH", [i, "command", "postings"]]],
            amount: [["LEDGER_REPLAY_MISMATCH", [i, "command", "postings"]]],
            seq: [["LEDGER_REPLAY_MISMATCH", [i, "seq"]]],
            prevHash: [["LEDGER_REPLAY_MISMATCH", [i, "prevHash"]]],
            key: [["LEDGER_IDEMPOTENCY_CONFLICT", [i, "command", "key"]], ["LEDGER_REPLAY_MISMATCH", [i, "command"]]],
            command: [["LEDGER_REPLAY_MISMATCH", [i, "command"]]]
          }[how]
          expect(expected).toContainEqual([first.code, first.path])
        }),
        { numRuns: Math.ceil(runs / 4) }
      )
    }, 600_000)
  })
})
