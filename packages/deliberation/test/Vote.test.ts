import { ValidationReport } from "@gongzhi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Ballots, Electorate, Presets, Tally, Vote } from "../src/index.js"
import { boxOf, codes, membersOf, ok, randomOwners, vote } from "./fixtures.js"

const header = { kind: "deliberation-vote", schemaVersion: 1 } as const

const owners = [
  { 序号: 1, 楼栋: "1", 房号: "101", 面积: "90", 业主编号: "o-1", 业主: "甲" },
  { 序号: 2, 楼栋: "1", 房号: "102", 面积: "90", 业主编号: "o-2", 业主: "乙" },
  { 序号: 3, 楼栋: "1", 房号: "201", 面积: "120", 业主编号: "o-3", 业主: "丙" }
]

const ballot = (voter: string, choice: string, time = "2024-10-20 10:00") => ({
  业主编号: voter,
  意见: choice,
  表决时间: time,
  方式: "入户",
  登记人: "网格员"
})

describe("Vote", () => {
  it("the 平利 wall repair: its record counts to the same tally as the box", () => {
    const scenario = Presets.pingliScenario()
    const record = ok(Vote.fromBox(scenario.box, { title: "金缘上城A区外墙瓷砖维修" }))
    expect(record.rule).toBe("civil-code-278-ordinary")
    expect(record.electorate.rows).toHaveLength(539)
    const counted = ok(Vote.count(JSON.parse(JSON.stringify(record))))
    expect(counted.tally).toEqual(scenario.tally)
    expect(counted.decision).toEqual(scenario.decision)
    expect(counted.electorate.totals).toEqual(scenario.electorate.totals)
  })

  it("counts a vote from rows with Chinese headers; the default window is the first to the last ballot", () => {
    const counted = ok(Vote.count({
      ...header,
      matter: { id: "wall", title: "外墙维修" },
      rule: "civil-code-278-ordinary",
      electorate: { kind: "owners", rows: owners },
      ballots: [ballot("o-1", "同意"), ballot("o-3", "同意", "2024-10-21 18:00"), ballot("o-2", "反对")]
    }))
    expect(counted.tally.passed).toBe(true)
    expect(counted.box.opensAt).toBe("2024-10-20T10:00:00+08:00")
    expect(counted.box.closedAt).toBe("2024-10-21T18:00:00+08:00")
    expect(counted.decision.decidedOn).toBe("2024-10-21")
  })

  it("exactly half of the area in favour fails 'more than half'", () => {
    const counted = ok(Vote.count({
      ...header,
      matter: { id: "wall", title: "" },
      rule: "civil-code-278-ordinary",
      electorate: {
        kind: "owners",
        rows: [
          { 房号: "1", 面积: "100", 业主: "甲", 业主编号: "a" },
          { 房号: "2", 面积: "100", 业主: "乙", 业主编号: "b" }
        ]
      },
      ballots: [ballot("a", "同意"), ballot("b", "反对", "2024-10-21 10:00")]
    }))
    expect(counted.tally.passed).toBe(false)
  })

  it("takes an inline decision rule and a members' roster (probationary members have no vote)", () => {
    const rows = [
      { 党员编号: "m1", 姓名: "甲", 类别: "正式党员" },
      { 党员编号: "m2", 姓名: "乙", 类别: "正式党员" },
      { 党员编号: "m3", 姓名: "丙", 类别: "正式党员" },
      { 党员编号: "p1", 姓名: "丁", 类别: "预备党员" }
    ]
    const ballots = ["m1", "m2"].map((id, i) => ({ ...ballot(id, "赞成", `2024-10-2${i} 10:00`), 党员编号: id }))
    const counted = ok(Vote.count({
      ...header,
      matter: { id: "branch-1", title: "发展党员" },
      rule: JSON.parse(JSON.stringify(Presets.branchMeeting)),
      electorate: { kind: "members", rows },
      ballots
    }))
    expect(counted.electorate.totals.headcount).toBe(3)
    expect(counted.tally.passed).toBe(true)
    const probationary = Vote.count({
      ...header,
      matter: { id: "branch-1", title: "" },
      rule: "branch-rules-art-11",
      electorate: { kind: "members", rows },
      ballots: [...ballots, { ...ballot("p1", "赞成"), 党员编号: "p1" }]
    })
    expect(codes(probationary)).toEqual(["DELIB_BALLOT_NO_VOTE"])
    // the issue names the sheet's cell (the header the row has), not the ballot's field
    expect(probationary._tag === "Failure" && probationary.failure.issues[0]!.path).toEqual(["ballots", 2, "业主编号"])
    const late = Vote.count({
      ...header,
      matter: { id: "branch-1", title: "" },
      rule: "branch-rules-art-11",
      opensAt: "2024-10-20T00:00:00+08:00",
      closesAt: "2024-10-21T23:59:59+08:00",
      electorate: { kind: "members", rows },
      ballots: [...ballots, { ...ballot("m3", "赞成", "2024-10-25 10:00"), 党员编号: "m3" }]
    })
    expect(late._tag === "Failure" && late.failure.issues.map((i) => [i.code, i.path])).toEqual([
      ["DELIB_BALLOT_LATE", ["ballots", 2, "表决时间"]]
    ])
  })

  it("counts by a rule already decoded, named by its id: used as it is (not decoded again), before a shipped one", () => {
    const ballots = [ballot("o-1", "同意", "2024-10-20 10:00"), ballot("o-3", "同意", "2024-10-21 10:00")]
    const vote = (rule: unknown) => ({
      ...header,
      matter: { id: "wall", title: "" },
      rule,
      electorate: { kind: "owners", rows: owners },
      ballots
    })
    for (const preset of Presets.all) {
      if (preset.electorate !== "owners") continue
      // a county's own copy of the rule, read from its file once
      const own = ValidationReport.getOrThrow(Vote.count(vote(JSON.parse(JSON.stringify(preset))))).rule
      const counted = ok(Vote.count(vote(own.id), { rules: [own] }))
      expect(counted.rule).toBe(own)
      expect(counted.box.rule).toBe(own)
      expect(counted.tally).toEqual(ok(Vote.count(vote(preset.id))).tally)
    }
    // a rule given under a shipped id comes before the shipped rule
    const copy = { ...Presets.ownersOrdinary }
    expect(ok(Vote.count(vote("civil-code-278-ordinary"), { rules: [copy] })).rule).toBe(copy)
    // an id neither given nor shipped lists both
    const own = { ...Presets.ownersOrdinary, id: "county-wall-rule" as typeof Presets.ownersOrdinary.id }
    const unknown = Vote.count(vote("county-other-rule"), { rules: [own] })
    expect(unknown._tag === "Failure" && unknown.failure.issues.map((i) => [i.code, i.params["known"]])).toEqual([
      ["DELIB_VOTE_RULE_UNKNOWN", ["county-wall-rule", ...Presets.all.map((r) => r.id)].join(", ")]
    ])
    // the message says so whether rules were given or not
    const known = ["county-wall-rule", ...Presets.all.map((r) => r.id)].join(", ")
    expect(unknown._tag === "Failure" && unknown.failure.issues.map((i) => i.message)).toEqual([{
      zh: `没有编号为 "county-other-rule" 的表决规则（既未给出，也非预置）；可用：${known}`,
      en: `No decision rule given or shipped has id "county-other-rule"; available: ${known}`
    }])
    const unshipped = Vote.count(vote("county-other-rule"))
    expect(unshipped._tag === "Failure" && unshipped.failure.issues.map((i) => i.message.en)).toEqual([
      `No decision rule given or shipped has id "county-other-rule"; available: ${
        Presets.all.map((r) => r.id).join(", ")
      }`
    ])
    expect(ok(Vote.count(vote("county-wall-rule"), { rules: [own] })).rule).toBe(own)
    // an inline document is still decoded, given rules or not
    expect(codes(Vote.count(vote({ ...JSON.parse(JSON.stringify(own)), pass: [] }), { rules: [own] }))).toEqual([
      "DELIB_RULE_NO_PASS_CHECK"
    ])
    expect(codes(Vote.count(vote(own.id), { rules: 5 as never }))).toEqual(["DELIB_INPUT_UNREADABLE"])
    expect(ok(Vote.count(vote(Presets.ownersOrdinary.id), { rules: undefined })).rule).toBe(Presets.ownersOrdinary)
  })

  it("reports every problem of the rule, the roster and the ballot sheet at once, with document paths", () => {
    const result = Vote.count({
      ...header,
      matter: { id: "wall", title: "" },
      rule: "constructor",
      electorate: { kind: "owners", rows: [{ 序号: 7, 房号: "101", 面积: "八十", 业主: "甲" }] },
      ballots: [ballot("o-1", "也许")]
    })
    expect(result._tag).toBe("Failure")
    const issues = result._tag === "Failure" ? result.failure.issues : []
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["DELIB_VOTE_RULE_UNKNOWN", ["rule"]],
      ["DELIB_ROW_AREA_INVALID", ["electorate", "rows", 0, "面积"]],
      ["DELIB_ROW_VALUE_INVALID", ["ballots", 0, "意见"]]
    ])
    expect(issues[1]!.message.zh).toContain("第 7 行")
    expect(issues[0]!.message.en).toContain("civil-code-278-ordinary")
    const inline = Vote.count({
      ...header,
      matter: { id: "wall", title: "" },
      rule: { kind: "deliberation-decision-rule", schemaVersion: 1 },
      electorate: { kind: "owners", rows: owners },
      ballots: []
    })
    const paths = inline._tag === "Failure" ? inline.failure.issues.map((i) => i.path[0]) : []
    expect(paths).toContain("rule")
    expect(paths).toContain("opensAt")
    const oneMoment = Vote.count({
      ...header,
      matter: { id: "wall", title: "" },
      rule: "civil-code-278-ordinary",
      electorate: { kind: "owners", rows: owners },
      ballots: [ballot("o-1", "同意"), ballot("o-2", "同意")]
    })
    expect(codes(oneMoment)).toEqual(["DELIB_VOTE_WINDOW_REQUIRED"])
  })

  it("ids follow core's id rules: a rule id with spaces, a matter id with NUL or a lone surrogate are refused", () => {
    const base = {
      ...header,
      rule: "civil-code-278-ordinary",
      electorate: { kind: "owners", rows: owners },
      ballots: [ballot("o-1", "同意"), ballot("o-2", "同意", "2024-10-21 10:00")]
    }
    expect(codes(Vote.count({ ...base, matter: { id: "wall\u0000", title: "" } }))).toEqual([
      "CORE_ID_CONTROL_CHARACTER"
    ])
    expect(codes(Vote.count({ ...base, matter: { id: "wall\ud800", title: "" } }))).toEqual(["CORE_ID_LONE_SURROGATE"])
    expect(codes(Vote.count({ ...base, matter: { id: "x".repeat(1_000_000), title: "" } }))).toEqual([
      "CORE_ID_TOO_LONG"
    ])
    const rule = { ...JSON.parse(JSON.stringify(Presets.ownersOrdinary)), id: " mine " }
    expect(codes(Vote.count({ ...base, matter: { id: "wall", title: "" }, rule }))).toEqual(["CORE_ID_UNTRIMMED"])
  })

  it("names the ballot row that casting refused", () => {
    const result = Vote.count({
      ...header,
      matter: { id: "wall", title: "" },
      rule: "civil-code-278-ordinary",
      electorate: { kind: "owners", rows: owners },
      ballots: [ballot("o-1", "同意"), ballot("o-9", "同意", "2024-10-21 10:00")]
    })
    expect(result._tag === "Failure" ? result.failure.issues.map((i) => [i.code, i.path]) : []).toEqual([
      ["DELIB_BALLOT_UNKNOWN_VOTER", ["ballots", 1, "业主编号"]]
    ])
  })

  it("counts as of a moment while voting is open", () => {
    const counted = ok(Vote.count({
      ...header,
      matter: { id: "wall", title: "" },
      rule: "civil-code-278-ordinary",
      electorate: { kind: "owners", rows: owners },
      ballots: [ballot("o-1", "同意"), ballot("o-2", "同意", "2024-10-25 10:00")],
      opensAt: "2024-10-01T00:00:00+08:00",
      closesAt: "2024-10-31T18:00:00+08:00"
    }, { asOf: "2024-10-22T00:00:00+08:00" as never }))
    expect(counted.tally.open).toBe(true)
    expect(counted.tally.counts.yes.headcount).toBe(1)
  })

  it("refuses a box whose custom weights rows cannot carry", () => {
    const weighted = ValidationReport.getOrThrow(Electorate.owners([
      { id: "u1", building: "1", area: 100, owner: { id: "o1", name: "甲" }, weight: 3 }
    ]))
    expect(codes(Vote.fromBox(boxOf(Presets.ownersOrdinary, weighted), { title: "" }))).toEqual([
      "DELIB_VOTE_WEIGHT_NOT_IN_ROWS"
    ])
  })

  it("never throws, whatever it is handed", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = Vote.count(input)
        expect(result._tag).toBe("Failure")
      }),
      { numRuns: 300 }
    )
    const hostile = new Proxy({}, {
      get() {
        throw new Error("boom")
      }
    })
    expect(Vote.count(hostile)._tag).toBe("Failure")
    expect(Vote.fromBox(hostile as never, { title: "" })._tag).toBe("Failure")
  })

  it("property: the record of any box counts to the box's own tally", () => {
    const members = membersOf(6, 2)
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(
          fc.record({
            voter: fc.integer({ min: 0, max: 9 }),
            choice: fc.constantFrom<Ballots.Choice>("yes", "no", "abstain", "spoiled"),
            day: fc.integer({ min: 2, max: 30 })
          }),
          { maxLength: 20 }
        ),
        (ofOwners, picks) => {
          const electorate = ofOwners ? randomOwners(10, picks.length) : members
          const rule = ofOwners ? Presets.ownersOrdinary : Presets.branchMeeting
          const ids = electorate.voters.filter((v) => v.hasVote).map((v) => v.id)
          const sorted = [...picks].sort((a, b) => a.day - b.day)
          const cast = Ballots.castAll(
            boxOf(rule, electorate),
            sorted.map((p) => vote(ids[p.voter % ids.length]!, p.choice, p.day))
          )
          if (cast._tag === "Failure") return
          const closed = ok(Ballots.close(cast.success, cast.success.closesAt))
          const counted = ok(Vote.count(JSON.parse(JSON.stringify(ok(Vote.fromBox(closed, { title: "t" }))))))
          expect(counted.tally).toEqual(ok(Tally.count(closed)))
        }
      ),
      { numRuns: 100 }
    )
  })
})
