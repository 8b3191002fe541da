/**
 * The 平利 scenario: a generated 金缘上城 A区 of 539 households, the exterior-wall repair
 * decided by the 民法典 Art. 278 ordinary-matter rule with more than 70 % of the owners in
 * favour, paid from the fund's interest, published and reported back.
 *
 * @internal
 */
import { Random, ValidationReport } from "@gongzhi/core"
import type { Fen, Instant } from "@gongzhi/core"
import * as Ballots from "../Ballots.js"
import * as Electorate from "../Electorate.js"
import * as Feedback from "../Feedback.js"
import * as Fund from "../Fund.js"
import * as Notice from "../Notice.js"
import * as Process from "../Process.js"
import * as Tally from "../Tally.js"
import * as rules from "./rules.js"

/** @internal */
export interface PingliScenario {
  readonly electorate: Electorate.Electorate
  readonly box: Ballots.Box
  readonly tally: Tally.Tally
  readonly decision: Tally.Decision
  readonly process: Process.State
  readonly notice: Notice.Notice
  readonly feedback: Feedback.Summary
  readonly fund: Fund.Fund
}

const surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
  "郭", "马", "罗"]
const given = ["安", "喜", "玉", "宏", "兴", "琼", "明", "伟", "礼", "芝", "秀", "环", "莉", "星", "金", "华", "平",
  "利", "茶", "山"]

/** @internal */
export const pingliScenario = (options?: { readonly seed?: number }): PingliScenario => {
  const random = Random.seeded(options?.seed ?? 539)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(random() * xs.length)]!
  const get = ValidationReport.getOrThrow
  // 11 buildings × 7 floors × 7 units = 539 households, 75–145 m² each
  const units: Array<Electorate.UnitInput> = []
  for (let b = 1; b <= 11; b++) {
    for (let floor = 1; floor <= 7; floor++) {
      for (let u = 1; u <= 7; u++) {
        const n = units.length
        units.push({
          id: `A${b}-${floor}0${u}`,
          building: `A${b}`,
          area: 7500 + Math.floor(random() * 7000),
          owner: {
            id: `jysc-a-${String(n + 1).padStart(3, "0")}`,
            name: `${pick(surnames)}${pick(given)}${pick(given)}`,
            kind: "household"
          }
        })
      }
    }
  }
  const electorate = get(Electorate.owners(units))
  const rule = rules.ownersOrdinary
  const at = (day: number, hour: number) =>
    `2024-10-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+08:00` as Instant.Instant

  // 公开提事, 小区分事, 社区议事
  const record = (on: string, people: ReadonlyArray<string>, units: ReadonlyArray<string>, ref: string) => ({
    on,
    people,
    units,
    evidence: [{ kind: "minutes" as const, ref }]
  })
  let process = get(Process.raise({
    matter: {
      id: "jysc-a-wall-2024",
      title: "金缘上城A区外墙瓷砖维修",
      category: "fund-use",
      raisedBy: "东关社区金缘上城网格党支部"
    },
    ...record("2024-10-08", ["葛精莉", "邹伟礼"], ["社区党委", "业主委员会"], "archive://jysc-a/2024/raise.pdf")
  }))
  process = get(Process.record(process, {
    _tag: "Sorted",
    ...record("2024-10-10", ["邹伟礼"], ["业主委员会"], "archive://jysc-a/2024/sort.pdf"),
    scope: { estates: ["金缘上城A区"], buildings: Electorate.buildings(electorate) },
    rule: rule.id
  }))
  process = get(Process.record(process, {
    _tag: "Discussed",
    ...record(
      "2024-10-15",
      ["葛精莉", "邹伟礼"],
      ["社区党委", "业主委员会", "红色物业"],
      "archive://jysc-a/2024/discuss.pdf"
    )
  }))

  // 民主定事: door to door, online and at the meeting; 70 %+ of the owners in favour
  const box0 = get(Ballots.open({
    matter: "jysc-a-wall-2024",
    rule,
    electorate: get(Process.electorateOf(process, electorate)),
    opensAt: at(16, 8),
    closesAt: at(31, 18)
  }))
  const ballots: Array<Ballots.Ballot> = []
  const channels: ReadonlyArray<Ballots.Channel> = ["door-to-door", "door-to-door", "door-to-door", "online", "meeting"]
  electorate.voters.forEach((voter, i) => {
    const r = random()
    if (r >= 0.9) return // about 10 % do not take part
    const choice: Ballots.Choice = r < 0.74 ? "yes" : r < 0.84 ? "no" : r < 0.89 ? "abstain" : "spoiled"
    const day = 17 + (i % 14)
    const ballot: Ballots.Ballot = {
      voter: voter.id,
      choice,
      at: at(day, 10),
      channel: pick(channels),
      recordedBy: "网格支部委员"
    }
    // some change their mind after the risks are explained: first no, then yes
    if (choice === "yes" && i % 23 === 0) ballots.push({ ...ballot, choice: "no", at: at(day, 9) })
    ballots.push(
      i % 37 === 0 ? { ...ballot, proxy: { name: "子女代签", authorisation: `委托书-${voter.id}` } } : ballot
    )
  })
  const box = get(Ballots.close(get(Ballots.castAll(box0, ballots)), at(31, 18)))
  const tally = get(Tally.count(box))
  const decision = Tally.decision(tally, "2024-10-31")
  process = get(Process.record(process, {
    _tag: "Decided",
    ...record("2024-10-31", ["邹伟礼"], ["业主委员会"], "archive://jysc-a/2024/tally.pdf"),
    decision
  }))

  // 综合办事: paid from interest ("用利息保本金")
  let fund = get(Fund.open({
    id: "jysc-a-fund",
    name: "金缘上城A区住宅专项维修资金",
    openedOn: "2019-06-01",
    policy: { auditEveryYears: 3, statementEveryMonths: 12, spendFrom: "interest-only" }
  }))
  const fen = (yuan: number) => (yuan * 100) as Fen.Fen
  const entries: Array<Fund.Entry> = [{
    _tag: "Deposited",
    on: "2019-06-01",
    amount: fen(5_120_000),
    source: "initial"
  }]
  const yearEnd = (year: number) => {
    entries.push({
      _tag: "InterestCredited",
      on: `${year}-12-21`,
      amount: fen(200_000 + Math.floor(random() * 10_000))
    })
    entries.push({
      _tag: "StatementPublished",
      on: `${year + 1}-01-10`,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      ref: `公示-${year}`
    })
  }
  for (let year = 2019; year <= 2023; year++) {
    if (year === 2022) entries.push({ _tag: "Audited", on: "2022-05-20", by: "会计师事务所", ref: "审计报告-2022" })
    yearEnd(year)
  }
  entries.push({
    _tag: "Spent",
    on: "2024-11-20",
    amount: fen(880_000),
    from: "interest",
    purpose: "外墙真石漆翻新",
    decision,
    approved: fen(900_000)
  })
  yearEnd(2024)
  for (const e of entries) fund = get(Fund.post(fund, e))
  process = get(Process.record(process, {
    _tag: "Handled",
    ...record("2024-11-20", ["葛精莉"], ["施工队", "红色物业", "业主委员会"], "archive://jysc-a/2024/works.pdf")
  }))

  // 结果公示, 反馈民事
  const notice = get(Notice.make({
    matter: { id: "jysc-a-wall-2024", title: "金缘上城A区外墙瓷砖维修" },
    tally,
    publishedOn: "2024-11-21" as never,
    days: 7,
    people: [{ name: "葛精莉", role: "南城社区党委书记" }, { name: "邹伟礼", role: "网格党支部书记" }]
  }))
  process = get(Process.record(process, {
    _tag: "Published",
    ...record("2024-11-21", ["邹伟礼"], ["业主委员会"], "archive://jysc-a/2024/notice.jpg"),
    notice: "jysc-a-wall-2024-notice",
    until: notice.until
  }))
  const responses: Array<Feedback.Response> = electorate.voters.slice(0, 120).map((v, i) => ({
    from: v.name,
    on: "2024-12-01",
    satisfaction: i % 12 === 0 ? "neutral" : i % 40 === 0 ? "dissatisfied" : "satisfied"
  }))
  const feedback = get(Feedback.summarise(responses, ["电梯维修列入下一议题"]))
  process = get(Process.record(process, {
    _tag: "FedBack",
    ...record("2024-12-01", ["邹伟礼"], ["业主委员会"], "archive://jysc-a/2024/feedback.pdf"),
    feedback: "jysc-a-wall-2024-feedback"
  }))
  return { electorate, box, tally, decision, process, notice, feedback, fund }
}
