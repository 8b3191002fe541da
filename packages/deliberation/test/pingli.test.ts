import { CivilDate } from "@gongzhi/core"
import { describe, expect, it } from "vitest"
import { Fraction, Fund, Presets, Process, Tally } from "../src/index.js"
import { referenceTally } from "./reference.js"

describe("平利 金缘上城 A区: the exterior-wall repair by the seven-step method", () => {
  const s = Presets.pingliScenario()

  it("has 539 households, every one counted once", () => {
    expect(s.electorate.totals.headcount).toBe(539)
    expect(s.electorate.units.length).toBe(539)
    expect(new Set(s.electorate.units.map((u) => u.building)).size).toBe(11)
  })

  it("passes by the 民法典 Art. 278 ordinary-matter rule with more than 70 % of the owners in favour", () => {
    expect(s.tally.rule).toBe("civil-code-278-ordinary")
    expect(s.tally.quorumMet).toBe(true)
    expect(s.tally.passed).toBe(true)
    expect(s.tally.open).toBe(false)
    expect(Fraction.meets(s.tally.counts.yes.headcount, 539, Fraction.make(7, 10, true))).toBe(true)
    expect(s.tally.explanation.zh).toMatch(/^参与表决面积 \d+(\.\d)?%（需 ≥ 66\.7%），已达到/)
    expect(s.tally.explanation.zh.endsWith("表决通过。")).toBe(true)
    const ref = referenceTally(s.box)
    expect(s.tally.passed).toBe(ref.passed)
    expect(s.tally.counts.yes.headcount).toBe(ref.yesHeadcount)
  })

  it("keeps changed ballots on record and proxies with their authorisation", () => {
    expect(s.box.records.length).toBeGreaterThan(s.tally.counts.participants.headcount)
    expect(s.box.records.some((b) => b.proxy?.authorisation.startsWith("委托书-"))).toBe(true)
    expect(s.box.records.every((b) => b.recordedBy === "网格支部委员")).toBe(true)
  })

  it("goes through the seven steps in order", () => {
    expect(Process.isComplete(s.process)).toBe(true)
    expect(Process.timeline(s.process).map((t) => t.label.zh)).toEqual([
      "公开提事",
      "小区分事",
      "社区议事",
      "民主定事",
      "综合办事",
      "结果公示",
      "反馈民事"
    ])
    expect(s.process.decision?.passed).toBe(true)
  })

  it("pays the repair from interest, keeping the principal, and is audited every three years", () => {
    expect(s.fund.balances.principal).toBe(512_000_000)
    expect(s.fund.balances.interest).toBeGreaterThan(0)
    const y2024 = Fund.statement(s.fund, { from: "2024-01-01", to: "2024-12-31" })
    expect(y2024.payments).toEqual([{
      on: "2024-11-20",
      amount: 88_000_000,
      purpose: "外墙真石漆翻新",
      matter: "jysc-a-wall-2024"
    }])
    expect(Fund.report(s.fund, "2025-01-05").issues).toEqual([])
    expect(Fund.report(s.fund, "2025-05-21").issues.map((i) => i.code)).toEqual(["DELIB_FUND_AUDIT_OVERDUE"])
  })

  it("publishes the result with masked names and reports back", () => {
    expect(s.notice.passed).toBe(true)
    expect(s.notice.people.map((p) => p.name)).toEqual(["葛*莉", "邹*礼"])
    expect(s.notice.body.zh).not.toMatch(/葛精莉|邹伟礼/)
    expect(s.notice.until).toBe(CivilDate.makeUnsafe("2024-11-27"))
    expect(s.feedback.responses).toBe(120)
    expect(s.feedback.public.every((r) => r.from.includes("*"))).toBe(true)
  })

  it("is deterministic for a seed", () => {
    const again = Presets.pingliScenario()
    expect(again.tally.explanation).toEqual(s.tally.explanation)
    expect(Presets.pingliScenario({ seed: 7 }).tally.counts).not.toEqual(s.tally.counts)
    expect(Tally.decision(again.tally, "2024-10-31")).toEqual(s.decision)
  })
})
