import { Presets, Vote } from "@gongzhi/deliberation"
import { describe, expect, it } from "vitest"
import { Io, Main } from "../src/index.js"

// Three owners of 100 m² each (金缘上城-style rows, Chinese headers), and their ballots.
const owners =
  "序号,楼栋,房号,面积,业主编号,业主\n1,1,101,100,o-1,哈安喜\n2,1,102,100,o-2,周玉宏\n3,1,201,100,o-3,曾环\n"
const ballots = (lines: ReadonlyArray<string>) =>
  `序号,业主编号,意见,表决时间,方式,登记人\n${lines.map((l, i) => `${i + 1},${l},入户,网格员`).join("\n")}\n`

const tally = async (ballotsCsv: string, ...extra: ReadonlyArray<string>) => {
  const io = Io.memory({ "owners.csv": owners, "ballots.csv": ballotsCsv })
  const code = await Main.run(["--lang", "en", "tally", "preset:civil-code-278-ordinary", "owners.csv", "ballots.csv",
    ...extra], io)
  return { code, out: io.output(), err: io.errors() }
}

describe("Main", () => {
  describe("tally", () => {
    it("passes a repair that two of three owners approve, all taking part (民法典 Art. 278), exit 0", async () => {
      const { code, out } = await tally(
        ballots(["o-1,同意,2024-10-20 10:00", "o-2,同意,2024-10-20 11:00", "o-3,反对,2024-10-20 12:00"])
      )
      expect(code).toBe(0)
      expect(out.length).toBeGreaterThan(0)
    })

    it("fails at exactly half of the participating owners (more than half is needed), exit 1", async () => {
      const { code } = await tally(ballots(["o-1,同意,2024-10-20 10:00", "o-2,反对,2024-10-20 11:00"]))
      expect(code).toBe(1)
    })

    it("prints the tally as JSON", async () => {
      const { code, out } = await tally(
        ballots(["o-1,同意,2024-10-20 10:00", "o-2,同意,2024-10-20 11:00", "o-3,同意,2024-10-20 12:00"]),
        "--json"
      )
      expect(code).toBe(0)
      expect(JSON.parse(out)).toMatchObject({ passed: true, quorumMet: true })
    })

    it("reports every problem of roster and ballots at once, each at its file, row and column", async () => {
      const io = Io.memory({
        "owners.csv": "序号,楼栋,房号,面积,业主编号,业主\n1,1,101,abc,o-1,哈安喜\n2,1,102,100,o-2,周玉宏\n",
        "ballots.csv": ballots(["o-1,同意,2024-10-20 10:00", "o-2,好的,2024-10-20 11:00"])
      })
      const code = await Main.run(["--lang", "en", "tally", "preset:civil-code-278-ordinary", "owners.csv",
        "ballots.csv"], io)
      expect(code).toBe(1)
      expect(io.output()).toContain(`DELIB_ROW_AREA_INVALID at ["owners.csv"][0]["面积"]`)
      expect(io.output()).toContain(`DELIB_ROW_VALUE_INVALID at ["ballots.csv"][1]["意见"]`)
    })

    it("asks for --opens and --closes when every ballot shares one moment, and counts once they are given", async () => {
      const sheet = ballots(["o-1,同意,2024-10-20 10:00", "o-2,同意,2024-10-20 10:00", "o-3,同意,2024-10-20 10:00"])
      const without = await tally(sheet)
      expect(without.code).toBe(2)
      expect(without.err).toContain("give the voting time with --opens and --closes")
      const given = await tally(sheet, "--opens", "2024-10-20T09:00:00+08:00", "--closes", "2024-10-21T18:00:00+08:00")
      expect(given.code).toBe(0)
      const late = await tally(sheet, "--opens", "2024-10-20T09:00:00+08:00", "--closes", "2024-10-19T18:00:00+08:00")
      expect(late.code).toBe(1)
      expect(late.out).toContain(`DELIB_BOX_WINDOW_INVALID at ["--closes"]`)
    })

    it("counts the files exactly as Vote.count counts the same vote record", async () => {
      const sheet = ballots(["o-1,同意,2024-10-20 10:00", "o-2,反对,2024-10-20 11:00", "o-3,同意,2024-10-20 12:00"])
      const { code, out } = await tally(sheet, "--json", "--matter", "wall")
      expect(code).toBe(0)
      const rows = (csv: string) => {
        const [header, ...lines] = csv.trim().split("\n").map((line) => line.split(","))
        return lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!])))
      }
      const counted = Vote.count({
        kind: "deliberation-vote",
        schemaVersion: 1,
        matter: { id: "wall", title: "wall" },
        rule: "civil-code-278-ordinary",
        electorate: { kind: "owners", rows: rows(owners) },
        ballots: rows(sheet)
      })
      if (counted._tag === "Failure") throw new Error("the vote record should count")
      expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(counted.success.tally)))
    })

    it("counts by a rule file exactly as by the preset it copies, in text and JSON, and as of a moment", async () => {
      const sheet = ballots(["o-1,同意,2024-10-20 10:00", "o-2,反对,2024-10-20 11:00", "o-3,同意,2024-10-20 12:00"])
      const rule = JSON.stringify(Presets.ownersOrdinary)
      for (const extra of [[], ["--json"], ["--json", "--as-of", "2024-10-20T11:30:00+08:00"]]) {
        const run = async (ruleArg: string) => {
          const io = Io.memory({ "owners.csv": owners, "ballots.csv": sheet, "rule.json": rule })
          const code = await Main.run(["--lang", "en", "tally", ruleArg, "owners.csv", "ballots.csv", ...extra], io)
          return { code, out: io.output(), err: io.errors() }
        }
        const byFile = await run("rule.json")
        expect(byFile, extra.join(" ")).toEqual(await run("preset:civil-code-278-ordinary"))
        expect(byFile.out.length).toBeGreaterThan(0)
      }
    })

    it("reports a rule file that does not decode, once, at the rule file (text and --json), exit 1", async () => {
      const rule = { ...JSON.parse(JSON.stringify(Presets.ownersOrdinary)), pass: [], proxies: "maybe" }
      const run = async (...extra: Array<string>) => {
        const io = Io.memory({
          "owners.csv": owners,
          "ballots.csv": ballots(["o-1,同意,2024-10-20 10:00"]),
          "rule.json": JSON.stringify(rule)
        })
        const code = await Main.run(["--lang", "en", "tally", "rule.json", "owners.csv", "ballots.csv", ...extra], io)
        return { code, out: io.output(), err: io.errors() }
      }
      const text = await run()
      expect(text.code).toBe(1)
      expect(text.err).toBe("")
      expect(text.out).toBe([
        "gongzhi: ✗ invalid (2 errors, 0 warnings)",
        "  error CORE_SCHEMA_INVALID_TYPE at [\"rule.json\"].proxies: Expected object, got \"maybe\"",
        "  error DELIB_RULE_NO_PASS_CHECK at [\"rule.json\"].pass: A decision rule needs at least one pass check",
        ""
      ].join("\n"))
      const json = await run("--json")
      expect(json).toEqual(text)
    })

    it("reports a ballot from someone who is not in the electorate with its row, and an unknown preset as usage", async () => {
      const bad = await tally(ballots(["o-1,同意,2024-10-20 09:00", "o-9,同意,2024-10-20 10:00"]))
      expect(bad.code).toBe(1)
      expect(bad.out).toContain(`DELIB_BALLOT_UNKNOWN_VOTER at ["ballots.csv"][1]["业主编号"]`)
      const io = Io.memory({ "owners.csv": owners, "ballots.csv": ballots([]) })
      expect(await Main.run(["tally", "preset:nosuch", "owners.csv", "ballots.csv"], io)).toBe(2)
      expect(io.errors()).toContain("civil-code-278-ordinary")
    })
  })
})
