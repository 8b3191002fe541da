/**
 * A misspelled kind (`党之部`) or another labelled value in a roster (issue 16): the message lists
 * the Chinese names with `--lang zh` and the keys with `--lang en`, and names the row's id.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Io, Main } from "../src/index.js"
import { decodeRows } from "../src/internal/org.js"

const run = async (argv: ReadonlyArray<string>, files: Record<string, string>) => {
  const io = Io.memory(files)
  const code = await Main.run(argv, io)
  return { code, out: io.output(), err: io.errors() }
}

const rows = (kind: string) =>
  JSON.stringify({
    kind: "org-rows",
    schemaVersion: 1,
    orgUnits: [{ id: "gc", kind: "grand-committee", name: "城东社区大党委" }, {
      id: "b-9",
      parentId: "gc",
      kind,
      name: "九支部"
    }]
  })

const csv = "编号,上级编号,类型,名称\ngc,,社区大党委,城东\nb-9,gc,党之部,九支部\n"

describe("a misspelled kind", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [["roster.csv", csv], ["rows.json", rows("党之部")], [
    "rows.yaml",
    rows("党之部")
  ]]
  for (const [file, content] of cases) {
    it(`lists the Chinese names in Chinese and the keys in English (${file})`, async () => {
      for (const command of [["org", "validate"], ["org", "build"], ["org", "render"]]) {
        const zh = await run([...command, file], { [file]: content })
        expect(zh.code).toBe(1)
        expect(zh.out).toContain("党之部")
        expect(zh.out).toMatch(/党支部.*党小组.*党员中心户/)
        expect(zh.out).toContain("b-9")
        const en = await run(["--lang", "en", ...command, file], { [file]: content })
        expect(en.code).toBe(1)
        expect(en.out).toMatch(/branch, party-group, centre-household/)
        expect(en.out).not.toMatch(/党支部|党小组/)
      }
    })
  }

  it("is said the same way by validate", async () => {
    const zh = await run(["validate", "rows.json"], { "rows.json": rows("党之部") })
    expect(zh.code).toBe(1)
    expect(zh.out).toContain("CLI_ORG_UNKNOWN_LABEL（位置 orgUnits[1].kind）：b-9：kind 的值 \"党之部\" 不认识，可填：")
    expect(zh.out).toContain("branch（党支部）、party-group（党小组）")
    const en = await run(["--lang", "en", "validate", "rows.json"], { "rows.json": rows("党之部") })
    expect(en.out).toContain(
      "b-9: the kind \"党之部\" is not known; write one of street-working-committee, grand-committee, general-branch, branch"
    )
  })

  it("names every labelled field of every table, with the row's id", () => {
    const decoded = decodeRows({
      kind: "org-rows",
      schemaVersion: 1,
      orgUnits: [{ id: "b", kind: "branch", name: "x", branchType: "网格党支部x", category: "镇" }],
      people: [{ id: "p-1", name: "王", membership: "预备党员x" }],
      memberUnits: [{ id: "u-1", name: "银行", type: "bnk" }],
      positions: [{ id: "pos-1", unit: "b", person: "p-1", role: "书纪", from: "2024-01-01" }]
    })
    expect(decoded._tag).toBe("Failure")
    if (decoded._tag !== "Failure") return
    const labelled = decoded.failure.issues.filter((i) => i.code === "CLI_ORG_UNKNOWN_LABEL")
    expect(labelled.map((i) => [i.path.join("."), i.params["id"]])).toEqual([
      ["orgUnits.0.branchType", "b"],
      ["orgUnits.0.category", "b"],
      ["people.0.membership", "p-1"],
      ["memberUnits.0.type", "u-1"],
      ["positions.0.role", "pos-1"]
    ])
    for (const issue of labelled) {
      expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]（|（[\u4e00-\u9fff]/)
      expect(issue.message.en).not.toMatch(/[\u4e00-\u9fff]{2}[^"]*$/)
    }
  })

  it("leaves other problems and good documents alone, and never throws", () => {
    expect(decodeRows(JSON.parse(rows("branch")))._tag).toBe("Success")
    fc.assert(fc.property(fc.anything(), fc.string(), (junk, kind) => {
      const a = decodeRows(junk)
      const b = decodeRows({ ...JSON.parse(rows("branch")), orgUnits: [{ id: junk, kind, name: "x" }] })
      return (a._tag === "Failure" || a._tag === "Success") && (b._tag === "Failure" || b._tag === "Success")
    }))
  })
})
