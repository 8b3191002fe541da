/**
 * `gongzhi ledger leaderboard -o` (issue 16): the exported table masks names and the personal
 * data in the grid field, as the public notice does, unless `--internal`.
 */
import { CivilDate, Redaction } from "@gongzhi/core"
import { Journal, Presets } from "@gongzhi/points-ledger"
import { describe, expect, it } from "vitest"
import { Io, JournalFile, Main } from "../src/index.js"

const on = CivilDate.makeUnsafe("2024-03-01")
const people = [
  { account: "wang", name: "王", grid: "网格员电话13812345678" },
  { account: "ou", name: "欧阳小明", grid: "身份证110101199003071234" },
  { account: "eq", name: "=HYPERLINK(\"http://x\")", grid: "城关-3" }
]
const built = Journal.appendAll(Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }), [
  ...people.map((p) => ({
    _tag: "Open" as const,
    key: `o-${p.account}`,
    on,
    account: p.account,
    holder: { name: p.name, roles: ["resident" as const], grid: p.grid }
  })),
  ...people.map((p) => ({
    _tag: "Earn" as const,
    key: `e-${p.account}`,
    on,
    account: p.account,
    activity: "cleaning",
    approvedBy: ["grid-sec"]
  }))
])
if (built._tag !== "Success") throw new Error("the journal does not build")
const text = JournalFile.stringify(built.success.journal, { scheme: "preset:pingli", catalog: "preset:pingli" })

const exported = async (out: string, ...flags: ReadonlyArray<string>) => {
  const io = Io.memory({ "j.jsonl": text })
  expect(await Main.run(["ledger", "leaderboard", "j.jsonl", "--period", "2024", "-o", out, ...flags], io)).toBe(0)
  const file = io.files.get(out)
  return typeof file === "string" ? file : JSON.stringify([...(file ?? [])])
}

describe("ledger leaderboard -o", () => {
  for (const out of ["board.csv", "board.json"]) {
    it(`masks names and the personal data in grids in ${out}`, async () => {
      const file = await exported(out)
      for (const p of people) {
        expect(file).not.toContain(p.name)
        expect(file).toContain(Redaction.maskName(p.name).replaceAll("\"", out.endsWith(".json") ? "\\\"" : "\"\""))
      }
      expect(file).not.toContain("13812345678")
      expect(file).not.toContain("110101199003071234")
      expect(file).toContain("城关-3")
    })
  }

  it("shows them in full with --internal, formulas still neutralised in CSV", async () => {
    const file = await exported("board.csv", "--internal")
    expect(file).toContain("欧阳小明")
    expect(file).toContain("网格员电话13812345678")
    expect(file).toContain("'=HYPERLINK")
  })
})
