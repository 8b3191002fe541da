/**
 * 议事决策 in 平利 (seed 004): the 金缘上城 A区 exterior-wall repair through the seven steps,
 * counted by 民法典 Art. 278 for ordinary matters; the boundaries the law draws (exactly half
 * is not "more than half"); a branch meeting where probationary members have no vote; the
 * vote as one document, as the county report reads it; and a bad ballot sheet, every problem
 * at once.
 *
 * Run: npx tsx --conditions=@gongzhi/source examples/deliberation.ts
 */
import { Instant, ValidationReport } from "@gongzhi/core"
import { Ballots, Electorate, Presets, Process, Tally, Vote } from "@gongzhi/deliberation"
import { Result } from "effect"

/** Runs the deliberation walk-through and returns what it prints. */
export const runDeliberationDemo = (): string => {
  const lines: Array<string> = []
  const say = (line = "") => lines.push(line)
  const get = ValidationReport.getOrThrow

  say("== @gongzhi/deliberation: 议事决策 ==")
  const pingli = Presets.pingliScenario()
  say(
    `平利 ${pingli.process.matter.title}: ${pingli.electorate.totals.headcount} 户业主，专有部分 ${
      (pingli.electorate.totals.area / 100).toFixed(2)
    } ㎡`
  )
  for (const step of Process.timeline(pingli.process)) say(`  ${step.on} ${step.label.zh}`)
  say(`  ${pingli.tally.explanation.zh}`)
  say(
    `  维修资金：本金 ${pingli.fund.balances.principal / 100} 元保留，利息余额 ${
      pingli.fund.balances.interest / 100
    } 元`
  )

  // The boundary: two owners of equal area, one yes and one no — exactly half is not "more than half".
  const two = get(Electorate.fromOwnerRows([
    { 序号: "1", 房号: "101", 面积: "100", 业主编号: "a", 业主: "甲" },
    { 序号: "2", 房号: "102", 面积: "100", 业主编号: "b", 业主: "乙" }
  ]))
  const at = (day: number) => Instant.makeUnsafe(`2024-10-${day}T10:00:00+08:00`)
  const box = get(Ballots.open({
    matter: "half",
    rule: Presets.ownersOrdinary,
    electorate: two,
    opensAt: at(10),
    closesAt: at(20)
  }))
  const half = get(Tally.count(get(Ballots.castAll(box, [
    { voter: "a", choice: "yes", at: at(11), channel: "paper", recordedBy: "业委会" },
    { voter: "b", choice: "no", at: at(12), channel: "paper", recordedBy: "业委会" }
  ]))))
  say()
  say(`Exactly half in favour: ${half.passed ? "passed" : "not passed"} — ${half.pass[0]!.text.en}`)

  // A branch meeting: 5 full members, 2 probationary; 3 vote yes of the 5 with a vote.
  const branch = get(Electorate.fromMemberRows([
    ...["甲", "乙", "丙", "丁", "戊"].map((name, i) => ({ 党员编号: `m${i}`, 姓名: name, 类别: "正式党员" })),
    ...["己", "庚"].map((name, i) => ({ 党员编号: `p${i}`, 姓名: name, 类别: "预备党员" }))
  ]))
  const meeting = get(Ballots.open({
    matter: "接收预备党员",
    rule: Presets.branchMeeting,
    electorate: branch,
    opensAt: at(10),
    closesAt: at(11)
  }))
  const yes = ["m0", "m1", "m2"].map((voter): Ballots.Ballot => ({
    voter,
    choice: "yes",
    at: Instant.makeUnsafe("2024-10-10T15:00:00+08:00"),
    channel: "meeting",
    recordedBy: "支部组织委员"
  }))
  const branchTally = get(Tally.count(get(Ballots.close(get(Ballots.castAll(meeting, yes)), at(11)))))
  say(
    `Branch meeting (${branch.totals.headcount} with a vote of ${branch.voters.length}): ${branchTally.explanation.en}`
  )
  const refused = Ballots.castAll(meeting, [{ ...yes[0]!, voter: "p0" }])
  if (Result.isFailure(refused)) say(`  a probationary member's ballot: ${refused.failure.issues[0]!.message.en}`)

  // The vote as one document, and a bad ballot sheet.
  const record = get(Vote.fromBox(pingli.box, { title: pingli.process.matter.title }))
  const counted = get(Vote.count(JSON.parse(JSON.stringify(record))))
  say()
  say(
    `Vote record: ${record.electorate.rows.length} roster rows, ${record.ballots.length} ballot rows → ${
      counted.tally.passed ? "passed" : "not passed"
    } on ${counted.decision.decidedOn}`
  )
  const bad = Vote.count({
    ...record,
    ballots: [{ ...record.ballots[0]!, 意见: "也许" }, { ...record.ballots[1]!, 表决时间: "十月" }]
  })
  if (Result.isFailure(bad)) {
    say("A bad ballot sheet, every problem at once:")
    for (const line of ValidationReport.format(bad.failure, "zh").split("\n")) say(`  ${line}`)
  }
  return lines.join("\n")
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(runDeliberationDemo())
