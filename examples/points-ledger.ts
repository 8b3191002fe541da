/**
 * A year of 平利 points (积分制) with @gongzhi/points-ledger: 哈安喜 reaches 400 points from
 * cleaning and volunteer service, 周玉宏 320 from security patrol and fire duty, both exchange
 * points for rice, flour and oil in the points supermarket; the year closes with the
 * year-end expiry. Prints the leaderboard, the masked public notice, the reconciliation,
 * the hash chain check and what the journal says no to.
 *
 * Run: pnpm demo (or: npx tsx --conditions=@gongzhi/source examples/points-ledger.ts)
 */
import { CivilDate, Period, ValidationReport } from "@gongzhi/core"
import { Journal, JournalStore, Report, Simulation } from "@gongzhi/points-ledger"
import { Effect } from "effect"

/** Runs the 平利 points year and returns what it prints. */
export const runPointsLedgerDemo = (): string => {
  const lines: Array<string> = []
  const say = (line = "") => lines.push(line)
  say("== @gongzhi/points-ledger: a year of 平利 points ==")

  const year = Simulation.pingliYear({ seed: 2024, residents: 40 })
  const journal = ValidationReport.getOrThrow(Journal.appendAll(Journal.make(year.setup), year.commands)).journal
  say(
    `${year.commands.length} transactions under "${year.setup.scheme.name.zh}", hash chain ${
      Journal.verify(journal)._tag
    }`
  )

  const ha = ValidationReport.getOrThrow(
    Journal.balance(journal, Simulation.named.haAnxi, CivilDate.makeUnsafe("2024-12-31"))
  )
  const zhou = ValidationReport.getOrThrow(
    Journal.balance(journal, Simulation.named.zhouYuhong, CivilDate.makeUnsafe("2024-12-31"))
  )
  say(`哈安喜 earned ${ha.lifetimeEarned} points (cleaning, volunteer service), ${ha.available} left on 2024-12-31`)
  say(`周玉宏 earned ${zhou.lifetimeEarned} points (security patrol, fire duty), ${zhou.available} left on 2024-12-31`)
  for (const row of Report.byActivity(journal, Period.year(2024))) {
    say(
      `  ${row.label.zh.padEnd(8, "　")} ${String(row.events).padStart(4)} events ${
        String(row.points).padStart(6)
      } points`
    )
  }

  say()
  say("Leaderboard 2024 (for the grid committee):")
  say(Report.formatLeaderboard(Report.leaderboard(journal, { period: Period.year(2024), top: 8 }), "zh"))

  say()
  say("Public notice (公示), names masked:")
  say(Report.formatNotice(Report.publicNotice(journal, Period.year(2024), { top: 8 }), "zh"))

  say()
  const r = Report.reconcile(journal)
  say(
    `Reconciliation: issued ${r.issued} = available ${r.available} + held ${r.held} + redeemed ${r.redeemed} + expired ${r.expired} + donated ${r.donated} → ${
      r.balanced ? "balanced" : "NOT balanced"
    }`
  )

  // What the journal refuses: every problem at once, in Chinese and English, nothing changed.
  const refused = Journal.append(journal, {
    _tag: "Redeem",
    key: "late-rice",
    on: CivilDate.makeUnsafe("2025-01-02"),
    account: Simulation.named.haAnxi,
    item: "rice",
    quantity: 2
  })
  if (refused._tag === "Failure") {
    say()
    say("哈安喜 asks for 2 bags of rice after the year-end expiry:")
    say(ValidationReport.format(refused.failure, "zh"))
  }

  // Persist through the JournalStore service and load it back: same state, same hashes.
  const loaded = Effect.runSync(
    Effect.provide(JournalStore.load(year.setup), JournalStore.layerMemory(Journal.entries(journal)))
  )
  say()
  say(
    `Reloaded from the in-memory JournalStore: ${loaded.length} entries, same last hash: ${
      Journal.lastHash(loaded) === Journal.lastHash(journal)
    }`
  )
  return lines.join("\n")
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(runPointsLedgerDemo())
