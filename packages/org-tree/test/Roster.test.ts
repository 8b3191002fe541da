import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { OrgTree, Presets, Roster, Validation } from "../src/index.js"
import { asOf, codes } from "./fixtures.js"

const roster: ReadonlyArray<Roster.Sheet> = [
  {
    name: "组织",
    rows: [
      ["编号", "上级编号", "类型", "名称", "支部类型", "覆盖", "覆盖单位"],
      ["gc", "", "社区大党委", "城东社区大党委", "", "", ""],
      ["grid-1", "gc", "网格", "第一网格", "", "", ""],
      ["b-1", "gc", "党支部", "第一网格党支部", "网格党支部", "grid-1", ""],
      ["", "", "", "", "", "", ""],
      ["b-2", "gc", "branch", "联合党支部", "联合", "", "u-bank、u-school"]
    ]
  },
  {
    name: " 人员 ",
    rows: [
      ["编号", "姓名", "身份", "所在组织", "工作单位", "外派"],
      ["m-1", "哈安喜", "正式党员", "b-1", "", "否"],
      ["m-2", "周玉宏", "正式", "b-1", "", ""],
      ["m-3", "王", "full", "b-1", "", ""],
      ["m-4", "李四", "预备", "b-1", "u-bank", ""]
    ]
  },
  {
    name: "驻区单位",
    rows: [["编号", "单位名称", "单位类型", "所属大党委"], ["u-bank", "工商银行", "银行", "gc"], [
      "u-school",
      "城东小学",
      "school",
      "gc"
    ]]
  },
  {
    name: "positions",
    rows: [["组织编号", "人员编号", "职务", "任期开始", "任期届满"], ["b-1", "m-1", "书记", "2023/3/1", "2026-2-28"]]
  },
  { name: "备注", rows: [["随便"]] }
]

describe("Roster", () => {
  describe("read", () => {
    it("reads sheets with Chinese and English headers and labels into org rows", () => {
      const result = Roster.read(roster, { policy: "preset:hongan" })
      expect(result._tag).toBe("Success")
      const doc = Result.getOrThrow(result)
      expect(doc.policy).toBe("preset:hongan")
      expect(doc.orgUnits.map((u) => [u.id, u.kind, u.branchType])).toEqual([
        ["gc", "grand-committee", undefined],
        ["grid-1", "grid", undefined],
        ["b-1", "branch", "grid"],
        ["b-2", "branch", "joint"]
      ])
      expect(doc.orgUnits[0]!.parentId).toBeUndefined()
      expect(doc.orgUnits[3]!.memberUnits).toEqual(["u-bank", "u-school"])
      expect(doc.people?.map((p) => p.membership)).toEqual(["full", "full", "full", "probationary"])
      expect(doc.people?.[0]!.external).toBe(false)
      expect(doc.memberUnits?.map((u) => u.type)).toEqual(["bank", "school"])
      expect(doc.positions?.[0]).toEqual({
        orgUnitId: "b-1",
        personId: "m-1",
        role: "secretary",
        start: "2023-03-01",
        end: "2026-02-28"
      })
      const tree = OrgTree.build(doc, Presets.hongan)
      expect(tree._tag).toBe("Success")
      expect(codes(Validation.validate(Result.getOrThrow(tree), { asOf }))).toContain(
        "ORG_JOINT_BRANCH_TOO_FEW_FULL_MEMBERS"
      )
    })
    it("reads a CSV's single sheet as the org units", () => {
      const result = Roster.read([{
        name: "",
        table: "orgUnits",
        rows: [["id", "kind", "name"], ["gc", "grand-committee", "x"]]
      }])
      expect(Result.getOrThrow(result).orgUnits).toEqual([{ id: "gc", kind: "grand-committee", name: "x" }])
    })
    it("returns every problem at once, each naming the sheet, the cell, the row and the row's id", () => {
      const result = Roster.read([
        {
          name: "组织",
          rows: [["编号", "类型", "名称", "上级编号"], ["gc", "社区大党委", "城东", ""], ["b-9", "党之部", "九支部",
            "gc"], [
            "",
            "党支部",
            "无编号",
            "gc"
          ]]
        },
        { name: "人员", rows: [["编号", "姓名", "身份", "外派"], ["m-1", "甲", "党员", "也许"]] },
        { name: "职务", rows: [["组织编号", "人员编号", "职务", "任期开始"], ["gc", "m-1", "书记", "2023-02-30"]] }
      ])
      expect(result._tag).toBe("Failure")
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => [i.code, i.path, i.params["id"]])).toEqual([
        ["ORG_ROSTER_UNKNOWN_LABEL", ["组织", 3, "B"], "b-9"],
        ["ORG_ROSTER_MISSING_CELL", ["组织", 4, "A"], "?"],
        ["ORG_ROSTER_UNKNOWN_LABEL", ["人员", 2, "C"], "m-1"],
        ["ORG_ROSTER_BAD_CELL", ["人员", 2, "D"], "m-1"],
        ["ORG_ROSTER_BAD_CELL", ["职务", 2, "D"], "gc/m-1/书记"]
      ])
      // a misspelled kind lists the Chinese names in zh, the keys in en
      expect(issues[0]!.message.zh).toMatch(
        /^组织!B3（类型，第 3 行，编号 b-9）的 "党之部" 不认识，可填：街道党工委、社区大党委、党总支、党支部/
      )
      expect(issues[0]!.message.en).toContain("write one of street-working-committee, grand-committee")
      // params stay language-neutral: the column's type, not its words
      expect(issues[3]!.params).toEqual({
        cell: "人员!D2",
        header: "外派",
        id: "m-1",
        row: 2,
        actual: "\"也许\"",
        expected: "boolean"
      })
      expect(issues[3]!.message.zh).toBe("人员!D2（外派，第 2 行，编号 m-1）应为是/否，实际为 \"也许\"：应填 是 或 否")
    })
    it("refuses a sheet without its required columns or header, a second sheet of a table, and a roster without org units", () => {
      const missing = Roster.read([{ name: "组织", rows: [["编号", "名称"], ["gc", "x"]] }])
      expect(Result.isFailure(missing) ? missing.failure.issues.map((i) => i.code) : []).toEqual([
        "ORG_ROSTER_MISSING_COLUMN"
      ])
      const twice = Roster.read([{ name: "组织", rows: [["编号", "id", "类型", "名称"]] }])
      expect(Result.isFailure(twice) ? twice.failure.issues.map((i) => i.code) : []).toEqual([
        "ORG_ROSTER_DUPLICATE_COLUMN"
      ])
      const empty = Roster.read([{ name: "组织", rows: [] }, { name: "orgUnits", rows: [] }])
      expect(Result.isFailure(empty) ? empty.failure.issues.map((i) => i.code) : []).toEqual([
        "ORG_ROSTER_NO_HEADER",
        "ORG_ROSTER_DUPLICATE_SHEET"
      ])
      const none = Roster.read([{ name: "备注", rows: [["x"]] }])
      expect(Result.isFailure(none) ? none.failure.issues.map((i) => i.code) : []).toEqual(["ORG_ROSTER_NO_ORG_UNITS"])
      const hostile = Roster.read(
        new Proxy([], {
          get: () => {
            throw new Error("boom")
          }
        })
      )
      expect(Result.isFailure(hostile) ? hostile.failure.issues.map((i) => i.code) : []).toEqual([
        "ORG_ROWS_UNREADABLE"
      ])
    })
    it("warns of an unknown column and still reads the rest", () => {
      const result = Roster.read([{
        name: "组织",
        rows: [["编号", "类型", "名称", "备注"], ["gc", "社区大党委", "x", "无"]]
      }])
      expect(Result.getOrThrow(result).orgUnits).toHaveLength(1)
    })
  })
  it("names the columns as Excel does", () => {
    expect([1, 26, 27, 28, 702, 703].map(Roster.columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"])
  })
})
