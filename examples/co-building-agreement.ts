/**
 * A year of 共驻共建 in 名泉社区 (15 member units, 300,000 yuan a year, the five joints,
 * 1–2 joint meetings), fulfilment per unit, the 平利 micro-wish (a wheelchair delivered one
 * week after it was posted, published to 22 co-building units), a 綦江 whistle judged by
 * 平谷's 30-minute rule, and the 綦江 problem list split between community and grand committee.
 *
 * Run: npx tsx --conditions=@gongzhi/source examples/co-building-agreement.ts
 */
import {
  Agreement,
  FiveJoints,
  Fulfilment,
  JointMeeting,
  Lifecycle,
  Matching,
  MicroWish,
  Presets,
  Template,
  ThreeLists,
  Whistle
} from "@gongzhi/co-building-agreement"
import { CivilDate, Fen, Id, Instant, Period, ValidationReport } from "@gongzhi/core"
import { pipe, Result } from "effect"

const permille = (n: number) => `${(n / 10).toFixed(1)}%`

/** Pads to a display width, counting a CJK character as two columns. */
const padCjk = (text: string, width: number) => {
  let w = 0
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return text + " ".repeat(Math.max(0, width - w))
}

/** Runs the co-building walk-through and returns what it prints. */
export const runCoBuildingAgreementDemo = (): string => {
  const lines: Array<string> = []
  const say = (line = "") => lines.push(line)
  const d = CivilDate.makeUnsafe

  say("== @gongzhi/co-building-agreement: 共驻共建 ==")

  // 名泉: a year of co-building
  const scenario = Presets.mingquanScenario({ year: 2024 })
  const funds = ValidationReport.getOrThrow(Fen.sum(scenario.agreements.map(Agreement.annualFunding)))
  const jointsEverywhere = scenario.agreements.every((a) => Agreement.joints(a).length === FiveJoints.all.length)
  const conforming = scenario.agreements.filter((a) => Template.issues(a, Presets.standardTemplate).length === 0).length
  say(
    `名泉社区大党委: ${scenario.agreements.length} agreements (共驻共建协议书), ${Fen.format(funds)} (${
      Fen.formatWan(funds)
    }) a year`
  )
  say(
    `  five joints (${
      FiveJoints.all.map((j) => FiveJoints.labels[j].zh).join("、")
    }) in every agreement: ${jointsEverywhere}`
  )
  say(
    `  conform to the standard template: ${conforming}/${scenario.agreements.length}; all in force on 2024-06-30: ${
      scenario.records.every((r) => Lifecycle.isActiveOn(r, d("2024-06-30")))
    }`
  )
  const planned = JointMeeting.schedule(scenario.agreements, 2024)
  say(
    `  joint meetings (联席会议): 1–2 a year agreed, ${planned.length} planned at least (${
      planned.map((m) => m.date).join(", ")
    }), ${scenario.meetings.length} held (${scenario.meetings.map((m) => m.date).join(", ")})`
  )

  const report = ValidationReport.getOrThrow(Fulfilment.compute(scenario, Period.year(2024)))
  const committee = report.grandCommittees[0]!
  say()
  say(
    "Fulfilment 2024 per member unit (funds delivered / committed; hours, facility, services, reports as % of committed;\n  meetings attended/invited; wishes delivered/claimed; whistles on time/called):"
  )
  say(`  ${padCjk("unit", 20)} ${"funds".padStart(25)}  hours facility services reports meetings wishes whistles`)
  const byFunds = [...committee.units].sort((a, b) =>
    b.figures.fundsCommitted - a.figures.fundsCommitted || (a.unit < b.unit ? -1 : 1)
  )
  for (const u of byFunds) {
    const f = u.figures
    say(
      `  ${padCjk(u.name, 20)} ${
        `${Fen.format(Fen.makeUnsafe(f.fundsDelivered))} / ${Fen.format(Fen.makeUnsafe(f.fundsCommitted))}`.padStart(25)
      }  ${permille(u.rates.volunteerHours).padStart(6)} ${permille(u.rates.facilityHours).padStart(8)} ${
        permille(u.rates.services).padStart(8)
      } ${permille(u.rates.reports).padStart(7)} ${`${f.meetingsAttended}/${f.meetingsInvited}`.padStart(8)} ${
        `${f.wishesDelivered}/${f.wishesClaimed}`.padStart(6)
      } ${`${f.whistlesOnTime}/${f.whistlesCalled}`.padStart(8)}`
    )
  }
  const t = report.totals
  say(
    `  total: funds ${Fen.formatWan(Fen.makeUnsafe(t.fundsDelivered))} of ${
      Fen.formatWan(Fen.makeUnsafe(t.fundsCommitted))
    } (${
      permille(committee.rates.funds)
    }), volunteer hours ${t.volunteerHoursDelivered}/${t.volunteerHoursCommitted}, whistles on time ${t.whistlesOnTime}/${t.whistlesCalled}, proactive reports ${t.proactiveReports}`
  )
  say(
    `  committee: ${committee.committee.wishesPosted} wishes posted, ${committee.committee.wishesFellBack} fell back to the community; ${committee.committee.whistlesBlown} whistles`
  )
  say(
    `  (the report is a "${report.kind}" v${report.schemaVersion} document of numbers; JSON Schema ${Fulfilment.document.jsonSchema().$id})`
  )

  const plan = Matching.plan(scenario.lists)
  const best = plan.matches[0]
  say(
    `  three lists: ${scenario.lists.resources.length} resources, ${scenario.lists.needs.length} needs → ${plan.matches.length} matched, ${plan.unmatched.length} left${
      best === undefined
        ? ""
        : `; e.g. ${best.need} ← ${best.resource} (score ${best.score}: ${
          best.explanation.map((p) => `${p.factor} ${p.points}`).join(", ")
        })`
    }`
  )

  // 平利: the wheelchair
  say()
  const wish = MicroWish.example()
  const claimant = Id.UnitId.make("unit-07")
  const delivered = ValidationReport.getOrThrow(pipe(
    MicroWish.claim(wish, { unit: claimant, on: d("2024-03-06") }),
    Result.flatMap(MicroWish.deliver(d("2024-03-11")))
  ))
  const timing = MicroWish.timings(delivered)
  say(
    `平利 micro-wish (微心愿) "${wish.title}": posted ${wish.postedOn} to ${wish.publishedTo.length} co-building units`
  )
  say(
    `  claimed by ${claimant} after ${timing.daysToClaim} days, delivered ${delivered.delivered?.on} — ${timing.daysToDelivery} days after posting`
  )
  const second = MicroWish.claim(
    ValidationReport.getOrThrow(MicroWish.claim(wish, { unit: claimant, on: d("2024-03-06") })),
    {
      unit: Id.UnitId.make("unit-08"),
      on: d("2024-03-06")
    }
  )
  if (Result.isFailure(second)) {
    say(`  a second claim: ${ValidationReport.format(second.failure, "zh").split("\n")[1]!.trim()}`)
  }
  const swept = MicroWish.sweep([wish], { on: d("2024-03-19"), policy: Presets.wishPolicy })
  say(
    `  left unclaimed ${Presets.wishPolicy.claimWindowDays} days: ${swept.wishes[0]!.status} (${
      MicroWish.statusLabels["fallen-back"].zh
    })`
  )

  // 綦江: a whistle, judged by 平谷's rule
  say()
  const at = (hm: string) => Instant.makeUnsafe(`2024-07-01T${hm}:00+08:00`)
  const whistle = ValidationReport.getOrThrow(pipe(
    Whistle.example(),
    Whistle.reportArrival({ party: "fire", at: at("21:18") }),
    Result.flatMap(Whistle.reportArrival({ party: "bank", at: at("21:12") })),
    Result.flatMap(Whistle.reportArrival({ party: "property", at: at("21:46") })),
    Result.flatMap(Whistle.reportCompletion({ party: "fire", at: at("23:40") })),
    Result.flatMap(Whistle.reportCompletion({ party: "property", at: at("23:55") }))
  ))
  say(
    `綦江 whistle (吹哨) "${whistle.description}" at ${whistle.blownAt}, calling ${
      whistle.called.map((p) => p.name ?? p.id).join(" and ")
    }`
  )
  for (const v of ValidationReport.getOrThrow(Whistle.evaluate(whistle, Presets.pingguWhistlePolicy))) {
    say(
      `  ${v.party.padEnd(9)} ${v.called ? "called     " : "proactive  "} on site after ${
        String(v.minutesToArrive).padStart(2)
      } min: ${v.onTime ? "on time" : "late   "} (平谷: ≤ 30 min), stayed until done: ${v.stayedUntilDone}`
    )
  }
  const split = ThreeLists.triage(Presets.qijiangProblemList(), Presets.qijiangTriagePolicy)
  say(
    `綦江 problem list: ${
      split.community.length + split.grandCommittee.length
    } problems from 8 branches → ${split.community.length} solved by the community, ${split.grandCommittee.length} need the grand committee`
  )

  // a rule author's bad agreement: every problem at once
  say()
  const bad = Agreement.decode({
    kind: "co-building-agreement",
    schemaVersion: 1,
    id: "mq-2025-01",
    grandCommittee: { id: "mingquan", name: "名泉社区大党委" },
    memberUnit: { id: "mq-bank", name: "某银行" },
    liaisons: { committee: { name: "王" }, unit: { name: "李" } },
    term: { start: "2025-12-31", end: "2025-01-01" },
    commitments: [
      { _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: -2_000_000 },
      { _tag: "VolunteerHours", id: "patrol", joint: "joint-safety", hours: 0, per: "month" }
    ],
    meetings: { minPerYear: 2, maxPerYear: 1 },
    reporting: []
  })
  if (Result.isFailure(bad)) {
    say("A bad agreement document, every problem at once:")
    for (const line of ValidationReport.format(bad.failure, "zh").split("\n")) say(`  ${line}`)
    for (const line of ValidationReport.format(bad.failure, "en").split("\n")) say(`  ${line}`)
  }
  return lines.join("\n")
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(runCoBuildingAgreementDemo())
