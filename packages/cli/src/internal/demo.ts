import { Assessment, Inputs, Presets as AssessmentPresets } from "@gongzhi/assessment-scoring"
import { Agreement, Fulfilment, MicroWish, Presets as CoBuildingPresets, Whistle } from "@gongzhi/co-building-agreement"
import { CivilDate, Fen, Id, Instant, Period, Random, ValidationReport } from "@gongzhi/core"
import { Presets as DeliberationPresets, Vote } from "@gongzhi/deliberation"
import { Journal, Report as LedgerReport, Simulation } from "@gongzhi/points-ledger"
import { pipe } from "effect/Function"
import * as Result from "effect/Result"
import * as Cli from "../Cli.js"
import type * as CountyReport from "../CountyReport.js"
import * as JournalFile from "../JournalFile.js"
import * as Progress from "../Progress.js"
import { orgDemo, type OrgDemoFigures } from "./org.js"
import * as Program from "./program.js"
import { buildAndWrite } from "./report.js"
import type { DemoRecords } from "./store.js"

/** The figures the demo prints with `--json`; tests assert the seeds' numbers on them. */
export interface DemoFigures {
  readonly seed: number
  readonly year: number
  readonly org: OrgDemoFigures
  readonly mingquanCoBuilding: {
    readonly agreements: number
    readonly memberUnits: number
    readonly annualFundsYuan: number
    readonly fundsDeliveredYuan: number
  }
  readonly pingli: {
    readonly transactions: number
    readonly haAnxiEarned: number
    readonly zhouYuhongEarned: number
    readonly hashChain: string
    readonly reconciled: boolean
    readonly notice: ReadonlyArray<{ readonly rank: number; readonly name: string; readonly earned: number }>
    readonly wish: {
      readonly title: string
      readonly claimedBy: string
      readonly daysToDelivery: number | undefined
      readonly publishedTo: number
    }
  }
  /** 平利 (004): the exterior-wall repair decided by the owners under 民法典 Art. 278. */
  readonly pingliRepair: {
    readonly households: number
    readonly participants: number
    readonly yes: number
    readonly passed: boolean
  }
  readonly qijiang: {
    readonly whistle: ReadonlyArray<
      { readonly party: string; readonly minutesToArrive: number | undefined; readonly onTime: boolean }
    >
    readonly ranking: ReadonlyArray<
      {
        readonly rank: number | undefined
        readonly id: string
        readonly name: string | undefined
        readonly total: number
        readonly grade: string | undefined
      }
    >
    readonly commended: ReadonlyArray<string>
    readonly disqualified: ReadonlyArray<
      {
        readonly id: string
        readonly name: string | undefined
        readonly grade: string | undefined
        readonly vetoes: ReadonlyArray<string>
        readonly noticesTo: ReadonlyArray<string>
      }
    >
  }
  readonly files: ReadonlyArray<string>
}

const streets = ["古南街道", "文龙街道", "通惠街道", "新盛街道"]
const communities = ["沱湾", "九龙", "桥河", "陵园", "北渡", "新街", "大南门", "沙溪", "永新", "万兴", "红星", "河西",
  "营盘山", "东林"]

/** 綦江: 14 grand committees of a district, for the horse race. */
const qijiangInputs = (seed: number, year: number): Inputs.Inputs => {
  const random = Random.seeded(seed)
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  return Inputs.make(
    AssessmentPresets.qijiangGrandCommittee.id,
    communities.map((community, i): Inputs.Subject => {
      const street = streets[i % streets.length]!
      return {
        id: `gc-${String(i + 1).padStart(2, "0")}`,
        name: `${community}社区大党委`,
        group: street,
        attributes: { supervisorId: `${street}党工委` },
        previousRank: ((i * 5) % communities.length) + 1,
        values: {
          "joint-meetings": between(6, 12),
          "problems-resolved": between(72, 100) / 100,
          "three-lists": ["resources", "projects", "needs"].slice(0, between(2, 3)),
          "red-stewards": between(75, 100) / 100,
          "co-building": between(70, 100) / 100,
          // 沱湾 raised 700,000 yuan for the fire pumps
          "funds-raised": i === 0 ? 700_000 : between(5, 69) * 10_000,
          "first-secretary": { points: between(6, 10), justification: "第一书记督导意见", by: "区级部门第一书记" }
        },
        ...(i === 0
          ? { bonus: { "report-unbidden": 3, "model-promoted": 1 } }
          : random() < 0.3
          ? { bonus: { "report-unbidden": between(1, 3) } }
          : {}),
        ...(random() < 0.4 ? { deductions: { complaint: between(1, 4) } } : {})
      }
    }),
    String(year)
  )
}

/** 綦江: the grand committee's members from its member units; the bank's head failed duties. */
const qijiangMembers = (year: number): Inputs.Inputs =>
  Inputs.make(AssessmentPresets.qijiangCommitteeMember.id, [
    {
      id: "cm-school",
      name: "区实验小学校长",
      attributes: { unitId: "区实验小学", supervisorId: "区教委" },
      values: { attendance: 12, tasks: 1, resources: ["venue", "volunteers", "funds"] }
    },
    {
      id: "cm-bank",
      name: "农商行支行行长",
      attributes: { unitId: "农商行古南支行", supervisorId: "区金融办" },
      values: { attendance: 11, tasks: 0.95, resources: ["funds", "venue", "volunteers"] },
      vetoes: [{
        id: "duty-failure",
        reason: {
          zh: "防汛应急“吹哨”后未按要求报到",
          en: "did not report when the whistle blew during the flood emergency"
        }
      }]
    },
    {
      id: "cm-property",
      name: "物业公司经理",
      attributes: { unitId: "渝江物业", supervisorId: "区住建委" },
      values: { attendance: 10, tasks: 0.8, resources: ["venue"] }
    },
    {
      id: "cm-enterprise",
      name: "重点企业负责人",
      attributes: { unitId: "綦江齿轮厂", supervisorId: "区经信委" },
      values: { attendance: 3, tasks: 0.3, resources: [] }
    }
  ], String(year))

/** Pretty JSON for people to read; compact once a document is large (红安's roster). */
const json = (value: unknown) => {
  const compact = JSON.stringify(value)
  return `${compact.length > 500_000 ? compact : JSON.stringify(value, null, 2)}\n`
}

/** Runs the seeds end to end, writes the documents and the report, and returns the figures. */
export const runDemo = async (
  context: Cli.Context,
  options: {
    readonly out: string
    readonly seed: number
    readonly year: number
    /** Given the records the demo made, to keep them in a store (`demo --db`). */
    readonly keep?: ((records: DemoRecords) => void) | undefined
  }
): Promise<DemoFigures> => {
  const { out, seed, year } = options
  const lang = context.lang()
  const zh = lang === "zh"
  const docs = `${out.replace(/[\\/]+$/, "")}/documents`
  const sources: Array<CountyReport.Source> = []
  const files: Array<string> = []
  const save = async (name: string, value: unknown, text: string = json(value)) => {
    await context.io.writeFile(`${docs}/${name}`, text)
    files.push(`${docs}/${name}`)
    sources.push({ file: name, value })
  }
  const steps = ["org", "co-building", "points", "whistle", "assessment", "report"]
  const bar = Progress.make({
    label: zh ? "演示" : "demo",
    total: steps.length,
    sink: context.io.stderr,
    enabled: !context.quiet()
  })

  // 名泉 and 红安: the organisation
  const org = orgDemo(seed, ValidationReport.getOrThrow(CivilDate.make(`${year}-12-31`)))
  for (const doc of org.documents) await save(doc.file, doc.value)
  bar.advance()

  // 名泉: a year of co-building
  const scenario = CoBuildingPresets.mingquanScenario({ year, seed })
  const funds = ValidationReport.getOrThrow(Fen.sum(scenario.agreements.map(Agreement.annualFunding)))
  const fulfilment = ValidationReport.getOrThrow(Fulfilment.compute(scenario, Period.year(year)))
  await save("mingquan-fulfilment.json", fulfilment)
  bar.advance()

  // 平利: the owners' vote on the exterior-wall repair (金缘上城, 539 households)
  const repair = DeliberationPresets.pingliScenario({ seed })
  await save(
    "pingli-repair-vote.json",
    ValidationReport.getOrThrow(Vote.fromBox(repair.box, { title: repair.process.matter.title }))
  )
  // 平利: a year of points and a micro-wish
  const pingli = Simulation.pingliYear({ seed, year })
  const journal = ValidationReport.getOrThrow(Journal.appendAll(Journal.make(pingli.setup), pingli.commands)).journal
  const journalText = JournalFile.stringify(journal, { scheme: pingli.setup.scheme, catalog: pingli.setup.catalog })
  await save("pingli-journal.jsonl", ValidationReport.getOrThrow(JournalFile.parse(journalText)), journalText)
  const endOfYear = ValidationReport.getOrThrow(CivilDate.make(`${year}-12-31`))
  const ha = ValidationReport.getOrThrow(Journal.balance(journal, Simulation.named.haAnxi, endOfYear))
  const zhou = ValidationReport.getOrThrow(Journal.balance(journal, Simulation.named.zhouYuhong, endOfYear))
  const notice = LedgerReport.publicNotice(journal, Period.year(year), { top: 10 })
  const wish = MicroWish.example()
  const claimant = Id.UnitId.make("unit-07")
  const delivered = ValidationReport.getOrThrow(pipe(
    MicroWish.claim(wish, { unit: claimant, on: CivilDate.makeUnsafe("2024-03-06") }),
    Result.flatMap(MicroWish.deliver(CivilDate.makeUnsafe("2024-03-11")))
  ))
  bar.advance()

  // 綦江: a whistle judged by 平谷's 30-minute rule
  const at = (hm: string) => Instant.makeUnsafe(`2024-07-01T${hm}:00+08:00`)
  const whistle = ValidationReport.getOrThrow(pipe(
    Whistle.example(),
    Whistle.reportArrival({ party: "fire", at: at("21:18") }),
    Result.flatMap(Whistle.reportArrival({ party: "bank", at: at("21:12") })),
    Result.flatMap(Whistle.reportArrival({ party: "property", at: at("21:46") })),
    Result.flatMap(Whistle.reportCompletion({ party: "fire", at: at("23:40") })),
    Result.flatMap(Whistle.reportCompletion({ party: "property", at: at("23:55") }))
  ))
  const verdicts = ValidationReport.getOrThrow(Whistle.evaluate(whistle, CoBuildingPresets.pingguWhistlePolicy))
  if (options.keep !== undefined) {
    const { closedAt: _closed, responses: _responses, ...call } = Whistle.example()
    options.keep({
      journalName: `pingli-${year}-seed-${seed}`,
      journal,
      header: { kind: "points-journal", schemaVersion: 1, scheme: pingli.setup.scheme, catalog: pingli.setup.catalog },
      box: repair.box,
      wish: delivered,
      whistle: {
        id: whistle.id,
        events: [
          { _tag: "Blown", call },
          { _tag: "Arrived", party: "fire", at: at("21:18") },
          { _tag: "Arrived", party: "bank", at: at("21:12") },
          { _tag: "Arrived", party: "property", at: at("21:46") },
          { _tag: "Completed", party: "fire", at: at("23:40") },
          { _tag: "Completed", party: "property", at: at("23:55") }
        ]
      }
    })
  }
  bar.advance()

  // 綦江: the annual assessment, the horse race, a commendation and a disqualification
  const district = qijiangInputs(seed, year)
  const members = qijiangMembers(year)
  await save("qijiang-plan.json", AssessmentPresets.qijiangGrandCommittee)
  await save("qijiang-inputs.json", district)
  await save("qijiang-members-plan.json", AssessmentPresets.qijiangCommitteeMember)
  await save("qijiang-members-inputs.json", members)
  const ranked = ValidationReport.getOrThrow(Assessment.score(AssessmentPresets.qijiangGrandCommittee, district))
  const memberResults = ValidationReport.getOrThrow(Assessment.score(AssessmentPresets.qijiangCommitteeMember, members))
  bar.advance()

  const written = await buildAndWrite(context, sources, out, {
    title: zh ? `共治演示报告（${year} 年，种子 ${seed}）` : `gongzhi demo report (${year}, seed ${seed})`,
    subtitle: zh
      ? "名泉社区大党委、红安县、平利县积分制、綦江区吹哨报到与赛马比拼：全部为按种子生成的确定性数据"
      : "名泉 grand committee, 红安 county, 平利 points, 綦江 whistles and horse race: deterministic data generated from the seed",
    asOf: endOfYear
  })
  bar.advance()
  bar.done()

  const standings = Assessment.standings(ranked)
  return {
    seed,
    year,
    org: org.figures,
    mingquanCoBuilding: {
      agreements: scenario.agreements.length,
      memberUnits: new Set(scenario.agreements.map((a) => a.memberUnit.id)).size,
      annualFundsYuan: funds / 100,
      fundsDeliveredYuan: fulfilment.totals.fundsDelivered / 100
    },
    pingli: {
      transactions: journal.length,
      haAnxiEarned: ha.lifetimeEarned,
      zhouYuhongEarned: zhou.lifetimeEarned,
      hashChain: Journal.verify(journal)._tag,
      reconciled: LedgerReport.reconcile(journal).balanced,
      notice: notice.rows.map((r) => ({ rank: r.rank, name: r.name, earned: r.earned })),
      wish: {
        title: wish.title,
        claimedBy: claimant,
        daysToDelivery: MicroWish.timings(delivered).daysToDelivery,
        publishedTo: wish.publishedTo.length
      }
    },
    pingliRepair: {
      households: repair.electorate.totals.headcount,
      participants: repair.tally.counts.participants.headcount,
      yes: repair.tally.counts.yes.headcount,
      passed: repair.tally.passed
    },
    qijiang: {
      whistle: verdicts.map((v) => ({ party: v.party, minutesToArrive: v.minutesToArrive, onTime: v.onTime })),
      ranking: standings.map((s) => ({
        rank: s.rank,
        id: s.id,
        name: s.name,
        total: s.total,
        grade: s.grade?.label[lang]
      })),
      commended: standings.filter((s) => s.consequences.some((c) => c.kind === "commendation")).map((s) =>
        s.name ?? s.id
      ),
      disqualified: memberResults.subjects.filter((s) => s.vetoes.length > 0).map((s) => ({
        id: s.id,
        name: s.name,
        grade: s.grade?.label[lang],
        vetoes: s.vetoes.map((v) => v.label[lang]),
        noticesTo: [
          ...new Set(
            s.consequences.flatMap((c) => c.notices.filter((n) => n.to !== "subject").map((n) => String(n.id ?? n.to)))
          )
        ]
      }))
    },
    files: [...files, ...written]
  }
}

/** The terminal summary of the demo's figures. */
export const summary = (figures: DemoFigures, lang: "zh" | "en"): ReadonlyArray<string> => {
  const zh = lang === "zh"
  const o = figures.org
  const p = figures.pingli
  const r = figures.pingliRepair
  const q = figures.qijiang
  const m = figures.mingquanCoBuilding
  const top = q.ranking.slice(0, 3).map((r) => `${r.rank}. ${r.name} ${r.total}`).join(zh ? "，" : ", ")
  return zh
    ? [
      `名泉（000）：社区大党委 ${o.mingquan.memberUnits} 家驻区单位、${o.mingquan.branches} 个支部；${m.agreements} 份共建协议，每年 ${
        m.annualFundsYuan.toLocaleString("zh-CN")
      } 元，到位 ${m.fundsDeliveredYuan.toLocaleString("zh-CN")} 元`,
      `红安（002）：${o.hongan.grandCommittees} 个社区大党委、${o.hongan.grids} 个网格、${o.hongan.branches} 个支部、${o.hongan.groups} 个楼栋党小组、${o.hongan.centreHouseholds} 个党员中心户、${o.hongan.memberUnits} 家单位、${o.hongan.inServiceMembers} 名在职党员、两长四员 ${o.hongan.twoHeadsFourMembers} 人；${o.hongan.gridsWithoutBranch} 个网格尚无党支部`,
      `平利（004）：${p.transactions} 笔积分流水，哈安喜 ${p.haAnxiEarned} 分，周玉宏 ${p.zhouYuhongEarned} 分；哈希链 ${p.hashChain}，${
        p.reconciled ? "账实相符" : "不平衡"
      }；微心愿“${p.wish.title}” ${p.wish.daysToDelivery} 天送达`,
      `平利（004）：外墙维修 ${r.households} 户业主，${r.participants} 户参与表决，${r.yes} 户同意，${
        r.passed ? "通过" : "未通过"
      }（民法典第二百七十八条）`,
      `綦江（001）：吹哨报到 ${
        q.whistle.map((w) => `${w.party} ${w.minutesToArrive ?? "—"} 分钟${w.onTime ? "按时" : "迟到"}`).join("，")
      }；赛马比拼 ${top}`,
      `  表彰：${q.commended.join("、") || "无"}；取消评优：${
        q.disqualified.map((d) => `${d.name}（${d.vetoes.join("、")}，通知 ${d.noticesTo.join("、")}）`).join("；")
      }`
    ]
    : [
      `名泉 (000): grand committee with ${o.mingquan.memberUnits} member units and ${o.mingquan.branches} branches; ${m.agreements} agreements, ${
        m.annualFundsYuan.toLocaleString("en")
      } yuan a year, ${m.fundsDeliveredYuan.toLocaleString("en")} delivered`,
      `红安 (002): ${o.hongan.grandCommittees} grand committees, ${o.hongan.grids} grids, ${o.hongan.branches} branches, ${o.hongan.groups} groups, ${o.hongan.centreHouseholds} centre households, ${o.hongan.memberUnits} units, ${o.hongan.inServiceMembers} in-service members, ${o.hongan.twoHeadsFourMembers} two-heads-four-members; ${o.hongan.gridsWithoutBranch} grids without a branch`,
      `平利 (004): ${p.transactions} transactions, 哈安喜 ${p.haAnxiEarned} points, 周玉宏 ${p.zhouYuhongEarned}; hash chain ${p.hashChain}, ${
        p.reconciled ? "reconciled" : "NOT reconciled"
      }; micro-wish "${p.wish.title}" delivered in ${p.wish.daysToDelivery} days`,
      `平利 (004): exterior-wall repair, ${r.households} households, ${r.participants} voted, ${r.yes} in favour: ${
        r.passed ? "passed" : "not passed"
      } (Civil Code Art. 278)`,
      `綦江 (001): whistle ${
        q.whistle.map((w) => `${w.party} ${w.minutesToArrive ?? "—"} min ${w.onTime ? "on time" : "late"}`).join(", ")
      }; horse race ${top}`,
      `  commended: ${q.commended.join(", ") || "none"}; disqualified: ${
        q.disqualified.map((d) => `${d.name} (${d.vetoes.join(", ")}; notice to ${d.noticesTo.join(", ")})`).join("; ")
      }`
    ]
}

/** What `demo --db` read back from the store. */
const storedSummary = (
  r: import("./store.js").DemoReadBack,
  location: string,
  lang: "zh" | "en"
): ReadonlyArray<string> =>
  lang === "zh"
    ? [
      `存储 ${location}（读回）：`,
      `  积分流水 ledger/${r.journal.name}：${r.journal.length} 条（本次写入 ${r.journal.written} 条），重放一致，最后哈希 ${r.journal.lastHash}`,
      `  票箱 ballots/${r.box.matter}：${r.box.ballots} 张票，${r.box.records} 条记录（本次写入 ${r.box.written} 条）`,
      `  微心愿 wish/${r.wish.id}：${r.wish.status}，${r.wish.records} 条记录（本次写入 ${r.wish.written} 条）`,
      `  吹哨 whistle/${r.whistle.id}：${r.whistle.arrivals} 方报到，${r.whistle.records} 条记录（本次写入 ${r.whistle.written} 条）`
    ]
    : [
      `store ${location} (read back):`,
      `  journal ledger/${r.journal.name}: ${r.journal.length} entries (${r.journal.written} written now), replayed consistently, last hash ${r.journal.lastHash}`,
      `  ballot box ballots/${r.box.matter}: ${r.box.ballots} ballots, ${r.box.records} records (${r.box.written} written now)`,
      `  micro-wish wish/${r.wish.id}: ${r.wish.status}, ${r.wish.records} records (${r.wish.written} written now)`,
      `  whistle whistle/${r.whistle.id}: ${r.whistle.arrivals} parties arrived, ${r.whistle.records} records (${r.whistle.written} written now)`
    ]

export const installDemo: Cli.Installer = (program, context) => {
  const t = Program.pick(context.helpLang)
  program
    .command("demo")
    .description(Program.described("demo", context.helpLang))
    .option("-o, --out <dir>", t("报告文件夹", "the report folder"), "gongzhi-report")
    .option(
      "--seed <n>",
      t("生成数据的种子（种子相同，输出相同）", "the seed of the generated data (same seed, same output)"),
      "2024"
    )
    .option("--json", t("以 JSON 输出各项数字，而不是摘要", "print the figures as JSON instead of the summary"))
    .option(
      "--db <location>",
      t(
        "同时把示例的记录（平利的积分流水、业主表决、微心愿、吹哨）写入存储（PGlite 目录、memory:// 或 postgres://…）并读回",
        "also write the demo's records (平利's journal, the owners' vote, the micro-wish, the whistle) into a store (a PGlite directory, memory:// or postgres://…) and read them back"
      )
    )
    .addHelpText(
      "after",
      Cli.helpExamples([
        "gongzhi demo",
        "gongzhi demo --out /tmp/county --seed 7",
        "gongzhi demo --json --quiet",
        "gongzhi demo --db ./gongzhi-data"
      ], context.helpLang)
    )
    .action(async (options: { out: string; seed: string; json?: boolean; db?: string }) => {
      const seed = Number(options.seed)
      if (!Number.isSafeInteger(seed)) {
        throw new Cli.UsageError({
          zh: `--seed 应为整数，实际为 ${options.seed}`,
          en: `--seed must be a whole number, got ${options.seed}`
        })
      }
      // loaded only with --db (a store means PGlite or the pg driver), and checked before any work
      const store = options.db === undefined ? undefined : await import("./store.js")
      const location = store?.locationOf(context, options.db)
      let records: DemoRecords | undefined
      const figures = await runDemo(context, {
        out: options.out,
        seed,
        year: 2024,
        keep: options.db === undefined ? undefined : (r) => void (records = r)
      })
      const readBack = store === undefined || records === undefined
        ? undefined
        : await store.saveDemo(location!, records)
      if (options.json === true) {
        context.io.stdout.write(json(readBack === undefined ? figures : { ...figures, stored: readBack }))
        return
      }
      for (const line of summary(figures, context.lang())) context.print(line)
      if (readBack !== undefined) {
        for (const line of storedSummary(readBack, store!.shown(location!), context.lang())) context.print(line)
      }
      if (!context.quiet()) {
        const zh = context.lang() === "zh"
        context.print(
          zh
            ? `报告：${options.out}/report.html（另有 report.md、report.xlsx、csv/）`
            : `Report: ${options.out}/report.html (also report.md, report.xlsx, csv/)`
        )
        context.print(
          zh
            ? `文档：${options.out}/documents/（可用 gongzhi validate / gongzhi report 再次处理）`
            : `Documents: ${options.out}/documents/ (try gongzhi validate / gongzhi report on them)`
        )
      }
    })
}
