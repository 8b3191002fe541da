/**
 * A generated year of co-building in 名泉社区 (Duodao district, Jingmen, Hubei).
 *
 * @since 0.1.0
 */
import { CivilDate, Fen, Id, Instant, Random, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Agreement from "../Agreement.js"
import type * as Fulfilment from "../Fulfilment.js"
import * as JointMeeting from "../JointMeeting.js"
import * as Lifecycle from "../Lifecycle.js"
import * as MicroWish from "../MicroWish.js"
import * as ThreeLists from "../ThreeLists.js"
import * as Whistle from "../Whistle.js"
import { pingguWhistlePolicy } from "./pingguWhistlePolicy.js"
import { standardTemplate } from "./standardTemplate.js"

/** The 15 member units and their annual co-building funds in yuan (sum 300,000). */
const units: ReadonlyArray<readonly [string, string, number, string]> = [
  ["mq-hospital", "荆门市第二人民医院", 40_000, "health"],
  ["mq-icbc", "工商银行名泉支行", 30_000, "funds"],
  ["mq-power", "国网掇刀供电分公司", 30_000, "repairs"],
  ["mq-school", "掇刀区实验小学", 25_000, "education"],
  ["mq-middle-school", "名泉中学", 25_000, "child-care"],
  ["mq-police", "名泉派出所", 20_000, "safety"],
  ["mq-city-management", "掇刀区城管执法中队", 20_000, "environment"],
  ["mq-property", "名泉物业公司", 20_000, "repairs"],
  ["mq-rcb", "农商银行掇刀支行", 20_000, "employment"],
  ["mq-mobile", "中国移动掇刀营业部", 15_000, "education"],
  ["mq-tax", "掇刀区税务分局", 15_000, "legal"],
  ["mq-water", "荆门市自来水公司", 10_000, "repairs"],
  ["mq-kindergarten", "名泉幼儿园", 10_000, "child-care"],
  ["mq-sinopec", "中石化名泉加油站", 10_000, "transport"],
  ["mq-market", "名泉农贸市场", 10_000, "goods"]
]

/**
 * Options of {@link mingquanScenario}.
 *
 * @example
 * ```ts
 * import type { Presets } from "@gongzhi/co-building-agreement"
 *
 * const options: Presets.MingquanOptions = { year: 2024, seed: 7 }
 * console.log(options.year)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface MingquanOptions {
  /** The year of co-building (agreements run from 1 January to 31 December); 1001–9998, 2024 by default. */
  readonly year?: number
  /** Seed of the shortfalls and absences; 2024 by default. */
  readonly seed?: number
}

/**
 * A generated year of co-building.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/co-building-agreement"
 *
 * const scenario: Presets.Scenario = Presets.mingquanScenario({ year: 2024 })
 * console.log(scenario.agreements.length, scenario.meetings.length) // 15 2
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Scenario {
  readonly grandCommittee: { readonly id: Id.OrgUnitId; readonly name: string }
  readonly agreements: ReadonlyArray<Agreement.Agreement>
  /** The agreements with their lifecycle: drafted, signed and in force all year. */
  readonly records: ReadonlyArray<Lifecycle.State>
  readonly deliveries: ReadonlyArray<Fulfilment.Delivery>
  readonly meetings: ReadonlyArray<JointMeeting.Meeting>
  readonly lists: ThreeLists.Lists
  readonly wishes: ReadonlyArray<MicroWish.Wish>
  readonly whistles: ReadonlyArray<Whistle.Whistle>
  readonly whistlePolicy: Whistle.Policy
}

const Year = Schema.Int.check(Schema.isBetween({ minimum: 1001, maximum: 9998 }))

/**
 * Generates a year of co-building in 名泉社区: 15 member units with agreements after the
 * standard template (all five joints; 300,000 yuan of funds a year in all; 1–2 joint meetings;
 * quarterly reports), their lifecycle, a year of delivery records (some units fall short,
 * chosen by the seed), two joint meetings with attendance and decisions, the three lists,
 * micro-wishes published to all 15 units and two whistles. Deterministic for a seed; 2024 and
 * seed 2024 when no options are given (as the other generated scenarios). Throws a
 * `DomainError` for a year outside 1001–9998.
 *
 * @example
 * ```ts
 * import { Agreement, Presets } from "@gongzhi/co-building-agreement"
 *
 * const scenario = Presets.mingquanScenario({ year: 2024 })
 * const funds = scenario.agreements.reduce((sum, a) => sum + Agreement.annualFunding(a), 0)
 * console.log(scenario.agreements.length, funds / 100) // 15 300000
 * console.log(Presets.mingquanScenario().agreements[0]?.term.start) // "2024-01-01"
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const mingquanScenario = (options?: MingquanOptions): Scenario => {
  const year = ValidationReport.getOrThrow(ValidationReport.decodeUnknown(Year)(options?.year ?? 2024))
  const random = Random.seeded(options?.seed ?? 2024)
  const y = String(year)
  const d = (md: string): CivilDate.CivilDate => CivilDate.makeUnsafe(`${y}-${md}`)
  const prev = (md: string): CivilDate.CivilDate => CivilDate.makeUnsafe(`${year - 1}-${md}`)
  const grandCommittee = { id: Id.OrgUnitId.make("mingquan"), name: "名泉社区大党委" }

  const agreements = units.map(([id, name, yuan, category], i) =>
    ValidationReport.getOrThrow(Agreement.decode({
      kind: "co-building-agreement",
      schemaVersion: 1,
      id: `mq-${y}-${String(i + 1).padStart(2, "0")}`,
      grandCommittee: { ...grandCommittee, signatory: "名泉社区党委书记" },
      memberUnit: { id, name, signatory: `${name}党组织负责人` },
      liaisons: { committee: { name: `社区联络员${i + 1}` }, unit: { name: `${name}联络员` } },
      term: { start: `${y}-01-01`, end: `${y}-12-31` },
      commitments: [
        { _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: yuan * 100, purpose: "共建资金" },
        { _tag: "Service", id: "study", joint: "joint-study", description: "联合主题党日", timesPerYear: 4 },
        { _tag: "VolunteerHours", id: "patrol", joint: "joint-safety", hours: 8 + (i % 4) * 4, per: "month" },
        {
          _tag: "FacilityOpening",
          id: "facility",
          joint: "shared-facilities",
          facility: `${name}活动场地`,
          hoursPerWeek: 4 + (i % 3) * 2
        },
        { _tag: "Service", id: "civility", joint: "joint-civility", description: "文明创建志愿活动", timesPerYear: 2 },
        ...(category === "repairs" || category === "safety"
          ? [{
            _tag: "Project",
            id: "project",
            joint: "joint-safety",
            name: "老旧小区安全改造",
            budget: 5_000_000,
            due: `${y}-10-31`
          }]
          : [])
      ],
      meetings: standardTemplate.meetings,
      reporting: standardTemplate.reporting,
      template: standardTemplate.id
    }))
  )

  const records = agreements.map((agreement, i) => {
    const signing = Lifecycle.sign(Lifecycle.draft(agreement, prev("11-20")), {
      committee: { signatory: "名泉社区党委书记", on: prev("12-20") },
      unit: {
        signatory: agreement.memberUnit.signatory ?? agreement.memberUnit.name,
        on: prev(`12-${String(21 + (i % 8)).padStart(2, "0")}`)
      }
    })
    return ValidationReport.getOrThrow(Result.flatMap(signing, Lifecycle.activate(d("01-01"))))
  })

  // deliveries: funds in two instalments, monthly hours and opening, services, reports
  const deliveries: Array<Fulfilment.Delivery> = []
  agreements.forEach((a) => {
    const funding = Agreement.annualFunding(a)
    const shortfall = random() < 0.25 // about one unit in four pays only part of the second instalment
    const first = Math.floor(funding / 2)
    const second = shortfall ? Math.floor((funding - first) * (random() < 0.5 ? 0 : 0.5)) : funding - first
    deliveries.push({
      _tag: "FundsDelivered",
      agreement: a.id,
      commitment: Agreement.CommitmentId.make("funds"),
      on: d("03-15"),
      amount: Fen.makeUnsafe(first)
    })
    if (second > 0) {
      deliveries.push({
        _tag: "FundsDelivered",
        agreement: a.id,
        commitment: Agreement.CommitmentId.make("funds"),
        on: d("09-15"),
        amount: Fen.makeUnsafe(second)
      })
    }
    for (const c of a.commitments) {
      if (c._tag === "VolunteerHours") {
        for (let m = 1; m <= 12; m++) {
          const served = random() < 0.15 ? Math.floor(c.hours / 2) : c.hours
          if (served > 0) {
            deliveries.push({
              _tag: "HoursDelivered",
              agreement: a.id,
              commitment: c.id,
              on: d(`${String(m).padStart(2, "0")}-25`),
              hours: served
            })
          }
        }
      }
      if (c._tag === "FacilityOpening") {
        for (let m = 1; m <= 12; m++) {
          const days = CivilDate.daysInMonth(year, m)
          const open = random() < 0.1 ? 0 : Math.floor((c.hoursPerWeek * days) / 7)
          if (open > 0) {
            deliveries.push({
              _tag: "FacilityOpened",
              agreement: a.id,
              commitment: c.id,
              on: d(`${String(m).padStart(2, "0")}-${days}`),
              hours: open
            })
          }
        }
      }
      if (c._tag === "Service") {
        for (let k = 0; k < c.timesPerYear; k++) {
          if (random() < 0.1) continue
          const month = Math.floor((12 * k) / c.timesPerYear) + 2
          deliveries.push({
            _tag: "ServiceDelivered",
            agreement: a.id,
            commitment: c.id,
            on: d(`${String(month).padStart(2, "0")}-10`),
            times: 1
          })
        }
      }
      if (c._tag === "Project" && random() < 0.7) {
        deliveries.push({ _tag: "ProjectCompleted", agreement: a.id, commitment: c.id, on: d("10-20") })
      }
    }
    for (const month of ["03-31", "06-30", "09-30", "12-31"]) {
      if (random() < 0.9) deliveries.push({ _tag: "ReportSubmitted", agreement: a.id, on: d(month) })
    }
  })

  const invited = agreements.map((a) => a.memberUnit.id)
  const meetings = [
    {
      id: `mq-${y}-jm-1`,
      date: d("01-18"),
      decisions: [
        {
          id: "d-1",
          text: "确定年度共建项目清单",
          outcome: { _tag: "ActionItem", owner: "名泉社区党委", due: `${y}-02-28` }
        },
        { id: "d-2", text: "老旧小区安全改造", outcome: { _tag: "Project", project: "mq-safety-renovation" } }
      ]
    },
    {
      id: `mq-${y}-jm-2`,
      date: d("07-11"),
      decisions: [
        {
          id: "d-1",
          text: "下半年微心愿认领动员",
          outcome: { _tag: "ActionItem", owner: "名泉社区党委", due: `${y}-08-31` }
        }
      ]
    }
  ].map((m) =>
    ValidationReport.getOrThrow(JointMeeting.record({
      ...m,
      grandCommittee: grandCommittee.id,
      kind: "regular",
      invited,
      attendance: invited.map((unit) => ({ unit, present: random() >= 0.12 }))
    }))
  )

  // the three lists: each unit offers one resource in its field; residents' needs
  const resources = units.map(([id, name, , category], i) => ({
    id: `mq-r-${String(i + 1).padStart(2, "0")}`,
    grandCommittee: grandCommittee.id,
    unit: id,
    category,
    tags: [category],
    capacity: 5 + (i % 4) * 5,
    description: `${name}可提供的共建资源`,
    grid: `mq-grid-${(i % 6) + 1}`
  }))
  const needCategories = ["health", "repairs", "education", "child-care", "safety", "environment", "employment",
    "legal", "transport", "goods", "elderly-care"]
  const needs = Array.from({ length: 33 }, (_, i) => ({
    id: `mq-n-${String(i + 1).padStart(2, "0")}`,
    grandCommittee: grandCommittee.id,
    category: needCategories[i % needCategories.length]!,
    tags: [needCategories[i % needCategories.length]!],
    urgency: (["low", "normal", "high", "critical"] as const)[i % 4]!,
    quantity: 1 + (i % 3),
    raisedBy: {
      kind: i % 2 === 0 ? "resident" : "branch",
      name: i % 2 === 0 ? `居民${i + 1}` : `第${(i % 13) + 1}党支部`
    },
    raisedOn: `${y}-${String((i % 12) + 1).padStart(2, "0")}-05`,
    description: `居民需求 ${i + 1}`,
    status: "open",
    grid: `mq-grid-${(i % 6) + 1}`
  }))
  const lists = ValidationReport.getOrThrow(
    ValidationReport.decodeUnknown(Schema.Struct({
      resources: Schema.Array(ThreeLists.Resource),
      needs: Schema.Array(ThreeLists.Need),
      projects: Schema.Array(ThreeLists.Project)
    }))({
      resources,
      needs,
      projects: [{
        id: "mq-safety-renovation",
        grandCommittee: grandCommittee.id,
        name: "老旧小区安全改造",
        owner: "mq-property",
        budget: 15_000_000,
        status: "in-progress",
        milestones: [{ name: "方案", due: `${y}-03-31`, doneOn: `${y}-03-20` }, { name: "完工", due: `${y}-10-31` }],
        needs: [],
        allocations: [{ resource: "mq-r-08", amount: 5 }]
      }]
    })
  )

  // micro-wishes published to all 15 units: most claimed and delivered, one falls back
  const wishPolicy = { claimWindowDays: 14 }
  const titles = ["助学书包", "助听器", "爱心午餐", "轮椅", "电风扇", "冬衣", "学习台灯", "血压计"]
  const wishes = titles.map((title, i) => {
    const postedOn = d(`${String(i + 2).padStart(2, "0")}-01`)
    const posted = ValidationReport.getOrThrow(MicroWish.post({
      id: `mq-wish-${i + 1}`,
      grandCommittee: grandCommittee.id,
      title,
      wisher: `居民${i + 1}`,
      postedOn,
      publishedTo: invited
    }))
    if (i === titles.length - 1) {
      return ValidationReport.getOrThrow(Result.flatMap(
        MicroWish.fallBack(posted, { on: d(`${String(i + 2).padStart(2, "0")}-20`), policy: wishPolicy }),
        MicroWish.deliver(d(`${String(i + 2).padStart(2, "0")}-28`))
      ))
    }
    const unit = invited[(i * 4) % invited.length]!
    const claimOn = d(`${String(i + 2).padStart(2, "0")}-0${2 + (i % 5)}`)
    return ValidationReport.getOrThrow(Result.flatMap(
      MicroWish.claim(posted, { unit, on: claimOn }),
      MicroWish.deliver(d(`${String(i + 2).padStart(2, "0")}-${10 + i}`))
    ))
  })

  // whistles: units called, arrival within or beyond 30 minutes, one proactive report
  const at = (md: string, hm: string) => `${y}-${md}T${hm}:00+08:00`
  const t = (md: string, hm: string) => Instant.makeUnsafe(at(md, hm))
  const flood = Result.flatMap(
    Whistle.blow({
      id: `mq-${y}-whistle-flood`,
      grandCommittee: grandCommittee.id,
      category: "emergency",
      urgency: "emergency",
      blownAt: at("07-05", "21:00"),
      description: "暴雨致地下车库进水",
      called: [{ kind: "unit", id: "mq-property" }, { kind: "unit", id: "mq-power" }, {
        kind: "department",
        id: "fire-station"
      }]
    }),
    (w) =>
      Result.flatMap(
        Whistle.reportArrival(w, { party: "mq-property", at: t("07-05", "21:12") }),
        (w) =>
          Result.flatMap(Whistle.reportArrival(w, { party: "mq-power", at: t("07-05", "21:41") }), (w) =>
            Result.flatMap(Whistle.reportArrival(w, { party: "fire-station", at: t("07-05", "21:18") }), (w) =>
              Result.flatMap(Whistle.reportArrival(w, { party: "mq-police", at: t("07-05", "21:20") }), (w) =>
                Result.flatMap(Whistle.reportCompletion(w, { party: "mq-property", at: t("07-06", "02:30") }), (w) =>
                  Result.flatMap(Whistle.reportCompletion(w, { party: "mq-power", at: t("07-06", "01:10") }), (w) =>
                    Whistle.close(w, t("07-06", "03:00")))))))
      )
  )
  const stalls = Result.flatMap(
    Whistle.blow({
      id: `mq-${y}-whistle-stalls`,
      grandCommittee: grandCommittee.id,
      category: "joint-enforcement",
      urgency: "routine",
      blownAt: at("04-16", "09:00"),
      description: "农贸市场周边占道经营",
      called: [{ kind: "unit", id: "mq-city-management" }, { kind: "unit", id: "mq-market" }]
    }),
    (w) =>
      Result.flatMap(
        Whistle.reportArrival(w, { party: "mq-city-management", at: t("04-16", "09:25") }),
        (w) =>
          Result.flatMap(Whistle.reportArrival(w, { party: "mq-market", at: t("04-16", "09:20") }), (w) =>
            Whistle.close(w, t("04-16", "11:30")))
      )
  )
  const whistles = [ValidationReport.getOrThrow(stalls), ValidationReport.getOrThrow(flood)]

  return {
    grandCommittee,
    agreements,
    records,
    deliveries,
    meetings,
    lists,
    wishes,
    whistles,
    whistlePolicy: pingguWhistlePolicy
  }
}
