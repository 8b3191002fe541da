/**
 * The shipped command, in-process on the real file system (a temporary folder): every
 * command on good and bad fixtures, with output and exit codes.
 */
import { ValidationReport } from "@gongzhi/core"
import { Presets as OrgPresets } from "@gongzhi/org-tree"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { Io, JournalFile, Main, Workbook } from "../src/index.js"

const fixtures = join(import.meta.dirname, "fixtures")
const fixture = (name: string) => join(fixtures, name)

/** The node Io with standard output and error captured. */
const captured = (options?: { readonly isTTY?: boolean }) => {
  let out = ""
  let err = ""
  const io: Io.Io = {
    ...Io.node(),
    env: {},
    stdout: { isTTY: options?.isTTY ?? false, write: (text: string) => (out += text) },
    stderr: { isTTY: options?.isTTY ?? false, write: (text: string) => (err += text) }
  }
  return { io, out: () => out, err: () => err }
}

const gongzhi = async (argv: ReadonlyArray<string>, options?: { readonly isTTY?: boolean }) => {
  const c = captured(options)
  const code = await Main.run(argv, c.io)
  return { code, out: c.out(), err: c.err() }
}

let demoDir = ""
let figures: Record<string, any> = {}

beforeAll(async () => {
  demoDir = mkdtempSync(join(tmpdir(), "gongzhi-demo-"))
  const { code, out } = await gongzhi(["demo", "--json", "--quiet", "--out", demoDir])
  expect(code).toBe(0)
  figures = JSON.parse(out)
}, 120_000)

describe("Main", () => {
  describe("demo", () => {
    it("reproduces the seeds' figures: 平利, 名泉, 綦江", () => {
      expect(figures["pingli"].haAnxiEarned).toBe(400)
      expect(figures["pingli"].zhouYuhongEarned).toBe(320)
      expect(figures["pingli"].hashChain).toBe("Intact")
      expect(figures["pingli"].reconciled).toBe(true)
      expect(figures["pingli"].notice[0]).toEqual({ rank: 1, name: "哈*喜", earned: 400 })
      expect(figures["pingli"].wish).toMatchObject({ title: "一台轮椅", daysToDelivery: 7, publishedTo: 22 })
      expect(figures["mingquanCoBuilding"]).toMatchObject({ agreements: 15, memberUnits: 15, annualFundsYuan: 300_000 })
      // 平利 (004): the exterior-wall repair passed by the owners of 539 households, 70 %+ in favour
      expect(figures["pingliRepair"]).toMatchObject({ households: 539, passed: true })
      expect(figures["pingliRepair"].yes / figures["pingliRepair"].households).toBeGreaterThan(0.7)
      expect(figures["qijiang"].commended).toEqual(["沱湾社区大党委"])
      expect(figures["qijiang"].ranking[0]).toMatchObject({ rank: 1, name: "沱湾社区大党委" })
      expect(figures["qijiang"].ranking).toHaveLength(14)
      const bank = figures["qijiang"].disqualified.find((d: { id: string }) => d.id === "cm-bank")
      expect(bank.noticesTo).toEqual(["农商行古南支行", "区金融办"])
      expect(bank.grade).not.toBe("优秀")
      expect(figures["qijiang"].whistle.find((w: { party: string }) => w.party === "property")).toMatchObject({
        onTime: false
      })
    })
    it("reproduces the seeds' figures: 名泉's and 红安's organisation", () => {
      expect(figures["org"].mingquan).toEqual({ memberUnits: 15, branches: 13, deputiesFromUnits: 2, issues: 0 })
      expect(figures["org"].hongan).toEqual({
        grandCommittees: 19,
        grids: 301,
        branches: 257,
        groups: 787,
        centreHouseholds: 842,
        memberUnits: 116,
        inServiceMembers: 6352,
        twoHeadsFourMembers: 4735,
        branchCommitteeMembers: 771,
        gridsWithoutBranch: 44,
        issues: 0
      })
    })
    it("is deterministic: the same seed gives the same figures and report", async () => {
      const again = mkdtempSync(join(tmpdir(), "gongzhi-demo-"))
      const { out } = await gongzhi(["demo", "--json", "--quiet", "--out", again])
      expect({ ...JSON.parse(out), files: [] }).toEqual({ ...figures, files: [] })
      expect(readFileSync(join(again, "report.md"), "utf8")).toBe(readFileSync(join(demoDir, "report.md"), "utf8"))
    }, 120_000)
    it("writes the report folder: html, markdown, xlsx and csv", () => {
      const html = readFileSync(join(demoDir, "report.html"), "utf8")
      expect(html).toContain("<svg")
      expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
      expect(readFileSync(join(demoDir, "report.md"), "utf8")).toContain("| 名次 |")
      expect(readFileSync(join(demoDir, "csv", "points-notice.csv"), "utf8")).toContain("哈*喜")
      expect(figures["files"]).toContain(join(demoDir, "report.xlsx"))
    })
    it("prints a short summary in either language", async () => {
      const dir = mkdtempSync(join(tmpdir(), "gongzhi-demo-"))
      const zh = await gongzhi(["demo", "--out", dir])
      expect(zh.out).toContain("哈安喜 400 分，周玉宏 320 分")
      const en = await gongzhi(["--lang", "en", "demo", "--out", dir])
      expect(en.out).toContain("哈安喜 400 points, 周玉宏 320")
      expect(en.out).toContain(`Report: ${dir}/report.html`)
    }, 120_000)
    it("draws a progress bar only on a terminal", async () => {
      const dir = mkdtempSync(join(tmpdir(), "gongzhi-demo-"))
      const tty = await gongzhi(["demo", "--out", dir], { isTTY: true })
      expect(tty.err).toContain("100%")
      const pipe = await gongzhi(["demo", "--out", dir])
      expect(pipe.err).toBe("")
    }, 120_000)
    it("rejects a seed that is not a whole number with exit code 2", async () => {
      const { code, err } = await gongzhi(["demo", "--seed", "abc"])
      expect(code).toBe(2)
      expect(err).toContain("--seed 应为整数")
    })
  })

  describe("validate", () => {
    it("passes every document the demo wrote", async () => {
      const docs = join(demoDir, "documents")
      const files = ["mingquan-fulfilment.json", "pingli-journal.jsonl", "qijiang-plan.json", "qijiang-inputs.json"]
        .map((f) => join(docs, f))
      const { code, out } = await gongzhi(["validate", ...files])
      expect(out).not.toContain("✗")
      expect(code).toBe(0)
    })
    it("reports every problem of bad documents, with codes and paths, and exits 1", async () => {
      const { code, out } = await gongzhi(["--lang", "en", "validate", fixture("scheme-bad.json"),
        fixture("plan-bad.yaml"), fixture("unknown-kind.json")])
      expect(code).toBe(1)
      expect(out).toContain("scheme-bad.json [points-scheme]: ✗ invalid")
      expect(out).toContain("CORE_SCHEMA_UNEXPECTED_KEY at pointsPerHuor")
      expect(out).toContain("plan-bad.yaml [assessment-plan]: ✗ invalid")
      expect(out).toContain("CORE_SCHEMA_INVALID_VALUE at indicators[0].max")
      expect(out).toContain("CLI_UNKNOWN_DOCUMENT_KIND")
    })
    it("reports a file that is not JSON as a usage error, without a stack trace", async () => {
      const { code, err } = await gongzhi(["validate", fixture("not-json.json")])
      expect(code).toBe(2)
      expect(err).toMatch(/^gongzhi: .*not-json\.json 不是有效的 JSON/)
      expect(err).not.toContain("    at ")
    })
  })

  describe("schema", () => {
    it("lists the kinds of every package and prints one JSON Schema", async () => {
      const list = await gongzhi(["schema"])
      for (
        const kind of ["points-scheme", "redemption-catalog", "points-journal", "co-building-agreement",
          "assessment-plan", "assessment-inputs"]
      ) {
        expect(list.out).toContain(kind)
      }
      const one = await gongzhi(["schema", "points-scheme"])
      expect(JSON.parse(one.out).$id).toBe("urn:gongzhi:schema:points-scheme:v1")
    })
  })

  describe("org", () => {
    const roster = () => join(demoDir, "documents", "mingquan-org.json")
    it("builds, validates and renders a roster document", async () => {
      const built = await gongzhi(["org", "build", roster(), "--out", join(demoDir, "mq-rows.json")])
      expect(built.code).toBe(0)
      expect(built.out).toContain("驻区单位")
      expect(JSON.parse(readFileSync(join(demoDir, "mq-rows.json"), "utf8")).kind).toBe("org-rows")
      const valid = await gongzhi(["--lang", "en", "org", "validate", roster(), "--as-of", "2024-12-31"])
      expect(valid.out).toContain("✓ valid (0 errors, 0 warnings)")
      expect(valid.code).toBe(0)
      const mermaid = await gongzhi(["org", "render", roster(), "--root", "mingquan", "--depth", "1"])
      expect(mermaid.out.startsWith("flowchart TD")).toBe(true)
      const dot = await gongzhi(["org", "render", roster(), "--format", "dot", "--territory"])
      expect(dot.out.startsWith("digraph org {")).toBe(true)
      const json = await gongzhi(["org", "render", roster(), "--format", "json", "--depth", "1"])
      expect(JSON.parse(json.out).children).toHaveLength(1)
      await gongzhi(["org", "render", roster(), "--format", "svg", "--out", join(demoDir, "org.svg")])
      expect(readFileSync(join(demoDir, "org.svg"), "utf8").startsWith("<svg")).toBe(true)
      expect((await gongzhi(["org", "render", roster(), "--root", "nope"])).code).toBe(2)
      expect((await gongzhi(["org", "render", roster(), "--depth", "-1"])).code).toBe(2)
    })
    it("validates a roster with the rules on a date; terms expire", async () => {
      const later = await gongzhi(["--lang", "en", "org", "validate", roster(), "--as-of", "2026-12-31", "--json"])
      expect(later.code).toBe(0)
      expect(JSON.parse(later.out).issues.some((i: { code: string }) => i.code === "ORG_TERM_EXPIRED")).toBe(true)
      const registry = await gongzhi(["validate", roster(), "--as-of", "2024-12-31"])
      expect(registry.out).toContain("[org-rows]: ✓ 通过")
      expect((await gongzhi(["validate", roster(), "--as-of", "yesterday"])).code).toBe(2)
    })
    it("reads an Excel roster with Chinese headers and labels, and reports bad cells by sheet, row and column", async () => {
      const good = join(demoDir, "roster.xlsx")
      writeFileSync(
        good,
        await Workbook.write([
          {
            name: "组织",
            rows: [["编号", "上级编号", "类型", "名称", "支部类型", "覆盖"], ["gc", "", "社区大党委", "城东社区大党委",
              "", ""], ["grid-1", "gc", "网格", "第一网格", "", ""], ["b-1", "gc", "党支部", "第一网格党支部",
              "网格党支部", "grid-1"]]
          },
          {
            name: "人员",
            rows: [["编号", "姓名", "所在组织", "身份"], ["m-1", "王芳", "b-1", "正式党员"], ["m-2", "李强", "b-1",
              "正式"], ["m-3", "张敏", "b-1", "预备党员"], ["m-4", "刘洋", "b-1", "正式党员"]]
          },
          {
            name: "职务",
            rows: [["组织编号", "人员编号", "职务", "任期开始", "任期届满"], ["gc", "m-1", "书记", "2021-07-01",
              "2026-06-30"], ["b-1", "m-1", "书记", "2023-03-01", "2026-02-28"]]
          }
        ])
      )
      const built = await gongzhi(["org", "validate", good, "--as-of", "2024-12-31"])
      expect(built.out).toContain("✓ 通过")
      expect(built.code).toBe(0)
      const bad = join(demoDir, "roster-bad.xlsx")
      writeFileSync(
        bad,
        await Workbook.write([
          {
            name: "组织",
            rows: [["编号", "上级编号", "类型", "名称"], ["gc", "", "社区大党委", "城东社区大党委"], ["b-1", "gc",
              "支队", "第一支部"]]
          },
          { name: "职务", rows: [["组织编号", "人员编号", "职务", "任期开始"], ["gc", "m-1", "书记", "2021-13-01"]] }
        ])
      )
      const report = await gongzhi(["--lang", "en", "org", "build", bad])
      expect(report.code).toBe(1)
      expect(report.out).toContain("组织!C3")
      expect(report.out).toContain("职务!D2")
      const csv = join(demoDir, "roster.csv")
      writeFileSync(csv, "编号,上级编号,类型,名称\ngc,,社区大党委,城东社区大党委\nb-1,gc,党支部,一支部\n")
      const fromCsv = await gongzhi(["org", "build", csv])
      expect(fromCsv.code).toBe(0)
      const empty = join(demoDir, "nothing.xlsx")
      writeFileSync(empty, await Workbook.write([{ name: "其他", rows: [["a"], [1]] }]))
      expect((await gongzhi(["org", "build", empty])).code).toBe(2)
    })
    it("uses a policy document or a preset, and names an unknown one", async () => {
      const policy = join(demoDir, "policy.json")
      writeFileSync(policy, JSON.stringify({ ...OrgPresets.mingquan, id: "county-x" }))
      expect((await gongzhi(["org", "build", roster(), "--policy", policy])).code).toBe(0)
      expect((await gongzhi(["org", "build", roster(), "--policy", "preset:hongan"])).out).toContain(
        "红安县“四级组织体系”"
      )
      const unknown = await gongzhi(["org", "build", roster(), "--policy", "preset:nope"])
      expect(unknown.code).toBe(1)
      expect(unknown.out).toContain("CLI_ORG_POLICY_NOT_FOUND")
    })
  })

  describe("ledger", () => {
    const journal = () => join(demoDir, "documents", "pingli-journal.jsonl")
    it("replays, verifies and answers balance, statement, leaderboard and notice", async () => {
      expect((await gongzhi(["ledger", "replay", journal()])).out).toContain("平衡")
      expect((await gongzhi(["ledger", "verify", journal()])).out).toContain("哈希链完整")
      const balance = await gongzhi(["ledger", "balance", journal(), "pingli-ha-anxi", "--as-of", "2024-12-31"])
      expect(balance.out).toContain("累计获得 400")
      const statement = await gongzhi(["--lang", "en", "ledger", "statement", journal(), "pingli-zhou-yuhong",
        "--period", "2024"])
      expect(statement.out).toMatch(/earned 320/)
      const board = await gongzhi(["ledger", "leaderboard", journal(), "--top", "3", "--out",
        join(demoDir, "board.csv")])
      expect(board.out).toContain("哈安喜")
      // the exported table is masked unless --internal
      expect(readFileSync(join(demoDir, "board.csv"), "utf8")).toContain("哈*喜")
      expect(readFileSync(join(demoDir, "board.csv"), "utf8")).not.toContain("哈安喜")
      await gongzhi(["ledger", "leaderboard", journal(), "--top", "3", "--internal", "--out", join(demoDir, "in.csv")])
      expect(readFileSync(join(demoDir, "in.csv"), "utf8")).toContain("哈安喜")
      const notice = await gongzhi(["ledger", "notice", journal(), "--top", "3"])
      expect(notice.out).toContain("哈*喜")
      expect(notice.out).not.toContain("哈安喜")
    })
    it("names the first tampered entry and exits 1", async () => {
      const lines = readFileSync(journal(), "utf8").split("\n")
      // the first earning after line 10: move 10 points between its postings (still balanced)
      const line = lines.findIndex((l, i) => i > 10 && l.includes("\"_tag\":\"Earn\""))
      const entry = JSON.parse(lines[line]!)
      entry.postings[0].amount += 10
      entry.postings[1].amount -= 10
      lines[line] = JSON.stringify(entry)
      const tampered = join(demoDir, "tampered.jsonl")
      writeFileSync(tampered, lines.join("\n"))
      const { code, out } = await gongzhi(["--lang", "en", "ledger", "verify", tampered])
      expect(code).toBe(1)
      expect(out).toContain("CLI_JOURNAL_TAMPERED")
      expect(out).toContain(`Entry ${line - 1} (line ${line + 1} of the file)`)
    })
    it("rejects a bad --top and an unknown account", async () => {
      expect((await gongzhi(["ledger", "notice", journal(), "--top", "0"])).code).toBe(2)
      const unknown = await gongzhi(["ledger", "balance", journal(), "nobody"])
      expect(unknown.code).toBe(1)
    })
  })

  describe("score", () => {
    it("writes a blank inputs table that reads back once filled in (Excel round trip)", async () => {
      const blank = join(demoDir, "blank.xlsx")
      expect((await gongzhi(["score", "preset:qijiang-committee-member", "--template", blank])).code).toBe(0)
      const [sheet] = ValidationReport.getOrThrow(await Workbook.read(new Uint8Array(readFileSync(blank))))
      const header = sheet!.rows[0]!
      const row = header.map((h) =>
        ({
          编号: "cm-1",
          名称: "区实验小学校长",
          "参加联席会议（次/年）": 12,
          认领任务完成率: 1,
          单位资源共享: "venue、funds"
        })[String(h)] ?? null
      )
      const filled = join(demoDir, "filled.xlsx")
      writeFileSync(filled, await Workbook.write([{ name: sheet!.name, rows: [header, row] }]))
      const [back] = ValidationReport.getOrThrow(await Workbook.read(new Uint8Array(readFileSync(filled))))
      // A row read back ends at its last cell with a value: the empty cells after it are not stored.
      let end = row.length
      while (end > 0 && row[end - 1] === null) end--
      expect(back!.rows).toEqual([header, row.slice(0, end)])
      const scored = await gongzhi(["--lang", "en", "score", "preset:qijiang-committee-member", filled])
      expect(scored.code).toBe(0)
      expect(scored.out).toContain("区实验小学校长")
      expect((await gongzhi(["score", "preset:qijiang-committee-member"])).code).toBe(2)
    })
    it("scores a CSV with Chinese headers, explains a subject and writes Excel", async () => {
      const out = join(demoDir, "members-results.xlsx")
      const { code, out: text } = await gongzhi(["score", "preset:qijiang-committee-member", fixture("members.csv"),
        "--explain", "cm-bank", "--out", out])
      expect(code).toBe(0)
      expect(text).toContain("农商行支行行长")
      expect(text).toContain("一票否决: 履职不力")
      const [sheet] = ValidationReport.getOrThrow(await Workbook.read(new Uint8Array(readFileSync(out))))
      expect(sheet?.rows[0]).toEqual(["名次", "变化", "编号", "名称", "分组", "总分", "满分", "等次", "否决",
        "结果运用"])
      expect(sheet?.rows.map((r) => r[2])).toContain("cm-bank")
    })
    it("reports every bad cell by sheet, row and column and scores nothing", async () => {
      const { code, out } = await gongzhi(["--lang", "en", "score", "preset:qijiang-committee-member",
        fixture("members-bad.csv")])
      expect(code).toBe(1)
      expect(out).toContain("members-bad!C2")
      expect(out).toContain("members-bad!A3")
      expect(out).toContain("members-bad!D4")
      expect(out).not.toContain("cm-school:")
    })
    it("prints JSON for machines and knows its presets", async () => {
      const json = await gongzhi(["score", join(demoDir, "documents", "qijiang-plan.json"),
        join(demoDir, "documents", "qijiang-inputs.json"), "--json"])
      expect(JSON.parse(json.out).subjects).toHaveLength(14)
      const unknown = await gongzhi(["score", "preset:nope", fixture("members.csv")])
      expect(unknown.code).toBe(2)
      expect(unknown.err).toContain("preset:qijiang-grand-committee")
    })
  })

  describe("report", () => {
    it("writes the report from a folder of documents", async () => {
      const out = join(demoDir, "again")
      const { code, out: text } = await gongzhi(["report", join(demoDir, "documents"), "--out", out, "--explain",
        "gc-02"])
      expect(code).toBe(0)
      expect(text).toContain("report.html")
      expect(readFileSync(join(out, "report.md"), "utf8")).toContain("九龙社区大党委")
    })
    it("shows each vote of the folder: the 平利 wall repair, by the law's thresholds, no voter named", () => {
      const md = readFileSync(join(demoDir, "report.md"), "utf8")
      const section = md.slice(md.indexOf("## 议事决策"))
      expect(section).toContain("| 金缘上城A区外墙瓷砖维修 | 业主共同决定一般事项（含使用维修资金） | 539 |")
      expect(section).toContain("表决通过")
      const csv = readFileSync(join(demoDir, "csv", "deliberation-votes.csv"), "utf8")
      expect(csv).toContain("通过")
      const vote = JSON.parse(readFileSync(join(demoDir, "documents", "pingli-repair-vote.json"), "utf8"))
      const names: ReadonlyArray<string> = vote.electorate.rows.map((r: Record<string, string>) => r["业主"])
      expect(names.some((name) => section.includes(name))).toBe(false)
    })
    it("refuses a folder whose vote record is wrong, naming the file, the row and the cell", async () => {
      const dir = mkdtempSync(join(tmpdir(), "gongzhi-report-"))
      const vote = JSON.parse(readFileSync(join(demoDir, "documents", "pingli-repair-vote.json"), "utf8"))
      vote.ballots[3]["意见"] = "也许"
      writeFileSync(join(dir, "vote.json"), JSON.stringify(vote))
      const { code, out, err } = await gongzhi(["report", dir])
      expect(code).toBe(1)
      expect(out + err).toContain(`["vote.json"].ballots[3]["意见"]`)
      expect(out + err).toContain("DELIB_ROW_VALUE_INVALID")
      const validated = await gongzhi(["validate", join(dir, "vote.json")])
      expect(validated.code).toBe(1)
      expect(validated.out).toContain("[deliberation-vote]")
      expect(validated.out).toContain("DELIB_ROW_VALUE_INVALID")
    })
    it("checks the organisation on the date and lists its findings in the report and on stderr", async () => {
      const dir = mkdtempSync(join(tmpdir(), "gongzhi-report-"))
      writeFileSync(join(dir, "mq.json"), readFileSync(join(demoDir, "documents", "mingquan-org.json")))
      const later = await gongzhi(["report", dir, "--as-of", "2026-12-31", "--out", join(dir, "r")])
      expect(later.code).toBe(0)
      expect(later.err).toMatch(/mq\.json：组织核查（截至 2026-12-31）发现 \d+ 个错误、\d+ 个警告，已列入报告/)
      const md = readFileSync(join(dir, "r", "report.md"), "utf8")
      expect(md).toContain("组织核查（截至 2026-12-31")
      expect(md).toContain("| 警告 | ORG_TERM_EXPIRED |")
      expect(readFileSync(join(dir, "r", "csv", "org-findings-duodao-street.csv"), "utf8")).toContain(
        "ORG_TERM_EXPIRED"
      )
      const clean = await gongzhi(["report", dir, "--as-of", "2024-12-31", "--out", join(dir, "r2")])
      expect(clean.err).toBe("")
      expect(readFileSync(join(dir, "r2", "report.md"), "utf8")).toContain("组织核查（截至 2024-12-31，按")
      expect((await gongzhi(["report", dir, "--as-of", "2024-02-30"])).code).toBe(2)
    })
    it("masks the names of assessed people unless the report is internal; organisations keep theirs", async () => {
      const dir = mkdtempSync(join(tmpdir(), "gongzhi-report-"))
      const inputs = JSON.parse(readFileSync(join(demoDir, "documents", "qijiang-members-inputs.json"), "utf8"))
      inputs.subjects[0].name = "王小明"
      writeFileSync(join(dir, "members.json"), JSON.stringify(inputs))
      writeFileSync(join(dir, "gc.json"), readFileSync(join(demoDir, "documents", "qijiang-inputs.json")))
      expect((await gongzhi(["report", dir, "--out", join(dir, "public")])).code).toBe(0)
      const shown = readFileSync(join(dir, "public", "report.md"), "utf8") +
        readFileSync(join(dir, "public", "csv", "results-qijiang-committee-membe.csv"), "utf8")
      expect(shown).not.toContain("王小明")
      expect(shown).toContain("王*明")
      expect(shown).not.toContain("农商行支行行长")
      expect(shown).toContain("沱湾社区大党委")
      expect((await gongzhi(["report", dir, "--internal", "--out", join(dir, "internal")])).code).toBe(0)
      expect(readFileSync(join(dir, "internal", "report.md"), "utf8")).toContain("王小明")
    })
    it("fails with a usage error on a missing folder", async () => {
      const { code, err } = await gongzhi(["report", join(demoDir, "no-such-folder")])
      expect(code).toBe(2)
      expect(err).toContain("找不到文件夹")
    })
  })

  describe("help", () => {
    it("prints help with examples for the program and every command", async () => {
      const top = await gongzhi(["--help"])
      expect(top.code).toBe(0)
      expect(top.out).toContain("示例：")
      for (const command of ["validate", "schema", "org", "ledger", "score", "tally", "report", "demo"]) {
        const help = await gongzhi([command, "--help"])
        expect(help.code).toBe(0)
        expect(help.out).toContain("示例：")
        expect((await gongzhi(["--lang", "en", command, "--help"])).out).toContain("Examples:")
      }
    })
    it("exits 2 on an unknown command", async () => {
      const { code, err } = await gongzhi(["frobnicate"])
      expect(code).toBe(2)
      expect(err).toContain("未知命令 'frobnicate'")
      expect((await gongzhi(["--lang", "en", "frobnicate"])).err).toContain("unknown command 'frobnicate'")
    })
  })

  describe("JournalFile", () => {
    it("reports every line that is not JSON", () => {
      const read = JournalFile.parse("{\"kind\":\"points-journal\"}\n{oops\n\n[1,\n")
      expect(read._tag).toBe("Failure")
      if (read._tag === "Failure") expect(read.failure.issues.map((i) => i.path)).toEqual([[2], [4]])
    })
    it("names unknown presets", () => {
      const loaded = JournalFile.load({
        kind: "points-journal",
        schemaVersion: 1,
        scheme: "preset:nope",
        catalog: "preset:pingli",
        entries: []
      })
      expect(loaded._tag).toBe("Failure")
      if (loaded._tag === "Failure") expect(loaded.failure.issues[0]?.message.en).toContain("preset:pingli")
    })
  })
})
