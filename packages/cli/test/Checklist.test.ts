/**
 * Checklist cells in Chinese labels (issue 16): an inputs table may list a checklist's items by
 * their id or their Chinese or English label (`资源清单；需求清单`), as the README promises; an
 * entry that is none of them is an issue naming the cell, the row's id and the items.
 */
import { Presets } from "@gongzhi/assessment-scoring"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { InputsTable, Io, Main, Table } from "../src/index.js"

const plan = Presets.qijiangGrandCommittee
const header = ["编号", "名称", "资源、项目、需求“三张清单”"]
const sheet = (...cells: ReadonlyArray<string>): Table.Sheet => ({
  name: "考核数据",
  rows: [header, ...cells.map((cell, i) => [`gc-${i + 1}`, `社区${i + 1}`, cell])]
})
const listed = (cell: string) => {
  const read = InputsTable.read(plan, sheet(cell))
  return read._tag === "Success" ? read.success.subjects[0]?.values["three-lists"] : read.failure.issues
}

describe("checklist cells", () => {
  it("reads items by Chinese label, English label or id, with any separator", () => {
    expect(listed("资源清单；需求清单")).toEqual(["resources", "needs"])
    expect(listed("资源清单、项目清单，需求清单")).toEqual(["resources", "projects", "needs"])
    expect(listed("Resources List, projects")).toEqual(["resources", "projects"])
    expect(listed(" 需求清单 ; resources ")).toEqual(["needs", "resources"])
    // the same item twice counts once
    expect(listed("资源清单;resources")).toEqual(["resources"])
  })

  it("names the cell, the row's id and the known items of an unknown entry, in both languages", () => {
    const read = InputsTable.read(plan, sheet("资源清单", "资源清单、党之单、needs lists"))
    expect(read._tag).toBe("Failure")
    if (read._tag !== "Failure") return
    expect(read.failure.issues.map((i) => [i.code, i.path, i.params["id"], i.params["actual"]])).toEqual([
      ["CLI_TABLE_UNKNOWN_ITEM", ["考核数据", 3, "C"], "gc-2", "\"党之单\""],
      ["CLI_TABLE_UNKNOWN_ITEM", ["考核数据", 3, "C"], "gc-2", "\"needs lists\""]
    ])
    expect(read.failure.issues[0]!.message.zh).toBe(
      "考核数据!C3（资源、项目、需求“三张清单”，第 3 行，编号 gc-2）的 \"党之单\" 不认识，可填：资源清单、项目清单、需求清单"
    )
    expect(read.failure.issues[0]!.message.en).toBe(
      "考核数据!C3 (资源、项目、需求“三张清单”, row 3, id gc-2): \"党之单\" is not known; write one of resources (resources list), projects (projects list), needs (needs list)"
    )
  })

  it("scores a CSV whose checklist lists Chinese labels (gongzhi score)", async () => {
    const csv =
      "编号,名称,每月联席会议,问题清单办结率,资源、项目、需求“三张清单”,红色管家覆盖率,共驻共建协议履约率,统筹资金（赛马比拼）,第一书记评价,第一书记评价说明\n" +
      "gc-1,城东,12,0.95,资源清单；需求清单,0.9,0.95,100,8,好\n"
    const io = Io.memory({ "in.csv": csv })
    const code = await Main.run(["score", "preset:qijiang-grand-committee", "in.csv", "--explain", "gc-1"], io)
    expect(io.errors()).not.toContain("ASSESS_CHECKLIST_ITEM_UNKNOWN")
    expect(io.output()).toContain("3 项中完成 2 项")
    expect(code).toBe(0)
    const bad = Io.memory({ "in.csv": csv.replace("需求清单", "需求单") })
    expect(await Main.run(["--lang", "en", "score", "preset:qijiang-grand-committee", "in.csv"], bad)).toBe(1)
    expect(bad.output()).toContain("\"需求单\" is not known; write one of resources (resources list)")
  })

  it("reads any order of any items' names as their ids (property)", () => {
    const items = [
      { id: "resources", names: ["resources", "资源清单", "resources list"] },
      { id: "projects", names: ["projects", "项目清单", "projects list"] },
      { id: "needs", names: ["needs", "需求清单", "needs list"] }
    ]
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      fc.constantFrom(",", "，", "、", ";", "；"),
      (order, pick, separator) => {
        const cell = order.map((i) => items[i]!.names[pick[i]!]!).join(separator)
        expect(listed(cell)).toEqual(order.map((i) => items[i]!.id))
      }
    ))
  })
})
