import { Presets as DeliberationPresets, Vote } from "@gongzhi/deliberation"
import { describe, expect, it } from "vitest"
import { CountyReport, Progress, Report } from "../src/index.js"

const report: Report.Report = {
  title: "共治报告 <县>",
  subtitle: "seed 1",
  sections: [
    {
      title: "组织",
      blocks: [
        { _tag: "Paragraph", text: "红安县 19 个社区大党委 & 301 个网格" },
        {
          _tag: "OrgChart",
          title: "架构",
          nodes: [
            { id: "gc", label: "社区大党委" },
            { id: "b1", parentId: "gc", label: "第一网格党支部" },
            { id: "b2", parentId: "gc", label: "第二网格党支部\"" },
            { id: "g1", parentId: "b1", label: "1号楼党小组" },
            { id: "orphan", parentId: "missing", label: "孤立节点" }
          ]
        },
        {
          _tag: "Table",
          title: "覆盖",
          sheet: "coverage",
          columns: ["社区", "网格", "备注"],
          rows: [["A", 12, "a|b"], ["B", 1_234, null]]
        }
      ]
    },
    {
      title: "积分",
      blocks: [
        {
          _tag: "Bars",
          title: "排行",
          unit: "分",
          bars: [{ label: "哈*喜", value: 400, note: "第1名" }, { label: "周*宏", value: 320 }]
        },
        { _tag: "Preformatted", title: "得分说明", text: "总分 92.5\n  指标 A 10/10" }
      ]
    }
  ]
}

describe("Report", () => {
  describe("rendering", () => {
    it("renders one self-contained, escaped HTML page with inline SVG", () => {
      const html = Report.toHtml(report)
      expect(html.startsWith("<!doctype html>")).toBe(true)
      expect(html).toContain("<title>共治报告 &lt;县&gt;</title>")
      expect(html).toContain("红安县 19 个社区大党委 &amp; 301 个网格")
      expect(html.match(/<svg/g)).toHaveLength(2)
      expect(html).toContain("第二网格党支部&quot;")
      expect(html).toContain("<td class=\"num\">1,234</td>")
      expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
    })
    it("renders Markdown with a Mermaid org chart and tables", () => {
      const md = Report.toMarkdown(report)
      expect(md).toContain("```mermaid\ngraph TD\n  n0[\"社区大党委\"]\n  n0 --> n1[\"第一网格党支部\"]")
      expect(md).toContain("n0 --> n2[\"第二网格党支部'\"]")
      expect(md).toContain("| 社区 | 网格 | 备注 |\n|---|---|---|\n| A | 12 | a\\|b |")
      expect(md).toContain("| 哈*喜 | 400 (第1名) |")
      expect(md).toContain("```text\n总分 92.5")
    })
    it("lists the tables as sheets", () => {
      expect(Report.toSheets(report)).toEqual([{
        name: "coverage",
        rows: [["社区", "网格", "备注"], ["A", 12, "a|b"], ["B", 1234, null]]
      }])
    })
    it("lays out a deep chain without recursion", () => {
      const nodes = Array.from(
        { length: 20_000 },
        (_, i) => ({ id: `n${i}`, ...(i === 0 ? {} : { parentId: `n${i - 1}` }), label: `n${i}` })
      )
      expect(() =>
        Report.toHtml({
          title: "deep",
          sections: [{ title: "s", blocks: [{ _tag: "OrgChart", title: "chain", nodes }] }]
        })
      ).not.toThrow()
    })
  })
})

describe("Report.redact", () => {
  const phone = "13812345678"
  const id = "110101199003071234"
  it("masks phone, ID and bank card numbers and e-mail addresses in every text of every block", () => {
    const text = `网格员电话${phone} 身份证${id} 卡号6222020200112233445 邮箱wang.ming@example.com`
    const redacted = Report.redact({
      title: text,
      subtitle: text,
      sections: [{
        title: text,
        blocks: [
          { _tag: "Paragraph", text },
          { _tag: "Table", title: text, sheet: "t", columns: [text], rows: [[text, 12, null, true]] },
          { _tag: "Bars", title: text, unit: text, bars: [{ label: text, value: 1, note: text }] },
          { _tag: "OrgChart", title: text, nodes: [{ id: "gc-02", label: text }] },
          { _tag: "Preformatted", title: text, text }
        ]
      }]
    })
    const all = JSON.stringify(redacted)
    for (const secret of [phone, id, "6222020200112233445", "wang.ming@"]) expect(all).not.toContain(secret)
    expect(all).toContain("138****5678")
    expect(JSON.stringify(redacted.sections[0]!.blocks[1])).toContain("[\"网格员电话138****5678")
    expect(all).toContain("\"gc-02\"")
    const markdown = Report.toMarkdown(redacted) + Report.toHtml(redacted)
    expect(markdown).not.toContain(phone)
  })
  it("the county report is redacted: a phone number in a vote's title never reaches the page", () => {
    const scenario = DeliberationPresets.pingliScenario()
    const vote = Vote.fromBox(scenario.box, { title: `外墙维修（联系人电话${phone}）` })
    if (vote._tag === "Failure") throw new Error("vote")
    const report = CountyReport.build([{ file: "vote.json", value: vote.success }], { lang: "zh" })
    if (report._tag === "Failure") throw new Error("report")
    const page = Report.toHtml(report.success) + Report.toMarkdown(report.success)
    expect(page).toContain("外墙维修（联系人电话138****5678）")
    expect(page).not.toContain(phone)
  })
})

describe("Progress", () => {
  it("draws only on a terminal, throttled, and ends its line", () => {
    let drawn = ""
    let clock = 0
    const bar = Progress.make({
      label: "生成",
      total: 200,
      sink: { isTTY: true, write: (t) => (drawn += t) },
      now: () => (clock += 100)
    })
    for (let i = 0; i < 200; i++) bar.advance()
    bar.done()
    bar.done()
    expect(drawn).toContain("100% 200/200")
    expect(drawn.endsWith("\n")).toBe(true)
    expect(drawn.split("\r").length - 1).toBeLessThanOrEqual(102)
    let silent = ""
    const off = Progress.make({ label: "x", total: 10, sink: { isTTY: false, write: (t) => (silent += t) } })
    off.advance(10)
    off.done()
    const disabled = Progress.make({
      label: "x",
      total: 10,
      enabled: false,
      sink: { isTTY: true, write: (t) => (silent += t) }
    })
    disabled.advance(3)
    disabled.done()
    expect(silent).toBe("")
  })
})
