import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Electorate } from "../src/index.js"

const ok = <A>(r: { _tag: "Success"; success: A } | { _tag: "Failure"; failure: unknown }): A => {
  if (r._tag === "Failure") throw new Error(JSON.stringify(r.failure))
  return r.success
}
const codes = (r: { _tag: string; failure?: { issues: ReadonlyArray<{ code: string }> } }) =>
  r._tag === "Failure" ? r.failure!.issues.map((i) => i.code) : []

describe("Electorate", () => {
  describe("owners", () => {
    it("counts one per unit, a buyer of several units once, the developer once, co-owners as one", () => {
      const e = Electorate.example()
      expect(e.totals).toEqual({ headcount: 3, area: 40000, weight: 5 })
      expect(e.voters.map((v) => [v.id, v.kind, v.area, v.units.length])).toEqual([
        ["o-1", "person", 18000, 2],
        ["o-2", "household", 2000, 1],
        ["developer", "developer", 20000, 2]
      ])
      expect(e.units[2]!.coOwners).toEqual(["曾环"])
      expect(Object.isFrozen(e)).toBe(true)
    })
    it("reports every bad unit at once", () => {
      const r = Electorate.owners([
        { id: "", building: "1", area: 0, owner: { id: "o", name: "甲" } },
        { id: "a", building: "1", area: 1.5, owner: { id: "o", name: "甲" } },
        { id: "b", building: "1", area: 100, owner: { id: "o", name: "甲" } },
        { id: "b", building: "1", area: 100, owner: { id: "o", name: "甲" } },
        { id: "c", building: "1", area: 100, owner: { id: "o", name: "乙" } },
        null as never
      ])
      expect(codes(r)).toEqual([
        "DELIB_INPUT_INVALID",
        "DELIB_ROW_AREA_INVALID",
        "DELIB_ROW_AREA_INVALID",
        "DELIB_ROW_UNIT_DUPLICATE",
        "DELIB_ROW_OWNER_CONFLICT",
        "DELIB_INPUT_INVALID"
      ])
    })
    it("refuses an empty electorate and odd input without throwing", () => {
      expect(codes(Electorate.owners([]))).toEqual(["DELIB_ELECTORATE_EMPTY"])
      expect(codes(Electorate.owners("x" as never))).toEqual(["DELIB_INPUT_INVALID"])
      const hostile = new Proxy([{}], {
        get: () => {
          throw new Error("boom")
        }
      })
      expect(codes(Electorate.owners(hostile as never))).toEqual(["DELIB_INPUT_UNREADABLE"])
      expect(
        codes(
          Electorate.owners([{ id: "a", building: "1", area: Number.MAX_SAFE_INTEGER, owner: { id: "o", name: "甲" } },
            { id: "b", building: "1", area: Number.MAX_SAFE_INTEGER, owner: { id: "p", name: "乙" } }])
        )
      ).toEqual(["DELIB_ELECTORATE_AREA_TOO_LARGE"])
    })
    it("restricts to the buildings a matter affects", () => {
      const e = ok(Electorate.restrict(Electorate.example(), ["1"]))
      expect(e.totals).toEqual({ headcount: 2, area: 20000, weight: 3 })
      expect(Electorate.buildings(e)).toEqual(["1"])
      expect(Electorate.voter(e, "developer")).toBeUndefined()
    })
  })

  describe("members", () => {
    it("full members vote, probationary members and suspended rights do not", () => {
      const e = ok(Electorate.members([
        { id: "m1", name: "甲", status: "full" },
        { id: "m2", name: "乙", status: "probationary" },
        { id: "m3", name: "丙", status: "full", rightsSuspended: true }
      ]))
      expect(e.totals.headcount).toBe(1)
      expect(e.voters.map((v) => v.hasVote)).toEqual([true, false, false])
      expect(ok(Electorate.restrict(e, ["x"]))).toBe(e)
    })
    it("reports bad members", () => {
      expect(codes(Electorate.members([
        { id: "m1", name: "甲", status: "full" },
        { id: "m1", name: "乙", status: "full" },
        { id: "m3", name: "丙", status: "x" as never },
        { id: "m4", name: "丁", status: "full", weight: -1 },
        1 as never
      ]))).toEqual(["DELIB_DUPLICATE_ID", "DELIB_ROW_VALUE_INVALID", "DELIB_INPUT_INVALID", "DELIB_INPUT_INVALID"])
      expect(codes(Electorate.members([{ id: "m2", name: "乙", status: "probationary" }]))).toEqual([
        "DELIB_ELECTORATE_EMPTY"
      ])
      expect(codes(Electorate.members({} as never))).toEqual(["DELIB_INPUT_INVALID"])
    })
  })

  describe("rosters", () => {
    it("reads owners' rows with Chinese headers", () => {
      const e = ok(Electorate.fromOwnerRows([
        {
          序号: "1",
          楼栋: "1",
          房号: "101",
          "面积（㎡）": "89.35㎡",
          业主编号: "o-1",
          业主: "哈安喜",
          共有人: "曾环、周玉宏"
        },
        { 序号: "2", 楼栋: "1", 房号: "102", 建筑面积: 90.5, 业主编号: "o-1", 业主: "哈安喜" },
        { 序号: "3", 房屋编号: "A-2-201", 面积: "120", 类型: "开发商" },
        { 序号: "4", 房屋编号: "A-2-202", 面积: "120", 类型: "未售" },
        { 序号: "5", 楼栋: "2", 房号: "301", 面积: "60", 业主: "张三", 类型: "家庭" }
      ]))
      expect(e.totals).toEqual({ headcount: 3, area: 8935 + 9050 + 24000 + 6000, weight: 5 })
      expect(e.units[0]).toMatchObject({ id: "1-101", building: "1", area: 8935, coOwners: ["曾环", "周玉宏"] })
      expect(Electorate.voter(e, "developer")?.units).toEqual(["A-2-201", "A-2-202"])
    })
    it("names the row of every problem", () => {
      const r = Electorate.fromOwnerRows([
        { 序号: "7", 楼栋: "1", 房号: "101", 面积: "八十" },
        { 楼栋: "1", 面积: "80.123", 业主: "甲", 类型: "公司" },
        { 序号: "9", 楼栋: "1", 房号: "101", 面积: "80", 业主: "乙" },
        { 序号: "10", 楼栋: "1", 房号: "101", 面积: "80", 业主: "丙" },
        "x"
      ])
      if (r._tag !== "Failure") throw new Error("expected a failure")
      expect(r.failure.issues.map((i) => [i.code, i.params.row, i.path])).toEqual([
        ["DELIB_ROW_AREA_INVALID", "7", ["rows", 0, "面积"]],
        ["DELIB_ROW_MISSING", "7", ["rows", 0, "业主"]],
        ["DELIB_ROW_MISSING", "3", ["rows", 1, "房号"]],
        ["DELIB_ROW_AREA_INVALID", "3", ["rows", 1, "面积"]],
        ["DELIB_ROW_VALUE_INVALID", "3", ["rows", 1, "类型"]],
        ["DELIB_INPUT_INVALID", undefined, ["rows", 4]]
      ])
      const dup = Electorate.fromOwnerRows([
        { 序号: "9", 楼栋: "1", 房号: "101", 面积: "80", 业主: "乙" },
        { 序号: "10", 楼栋: "1", 房号: "101", 面积: "80", 业主: "丙" }
      ])
      if (dup._tag !== "Failure") throw new Error("expected a failure")
      expect(dup.failure.issues[0]).toMatchObject({ code: "DELIB_ROW_UNIT_DUPLICATE", path: ["rows", 1, "id"] })
      expect(dup.failure.issues[0]!.message.zh).toBe("第 10 行的房号 1-101 与第 9 行重复")
      expect(codes(Electorate.fromOwnerRows(null as never))).toEqual(["DELIB_INPUT_INVALID"])
    })
    it("parses areas without floating point", () => {
      expect(Electorate.parseArea("89.35")).toBe(8935)
      expect(Electorate.parseArea("89.3")).toBe(8930)
      expect(Electorate.parseArea("89.35 平方米")).toBe(8935)
      expect(Electorate.parseArea("-1")).toBeUndefined()
      expect(Electorate.parseArea("1e3")).toBeUndefined()
      expect(Electorate.parseArea("0.00")).toBeUndefined()
    })
    it("reads members' rows", () => {
      const e = ok(Electorate.fromMemberRows([
        { 姓名: "甲", 党员编号: "m1", 类别: "正式党员" },
        { 姓名: "乙", 类别: "预备党员" },
        { 姓名: "丙", 表决权: "无" }
      ]))
      expect(e.voters.map((v) => [v.id, v.hasVote])).toEqual([["m1", true], ["乙", false], ["丙", false]])
      const r = Electorate.fromMemberRows([{ 序号: "4", 类别: "群众" }, { 姓名: "丁", 表决权: "也许" }, 3])
      expect(codes(r)).toEqual(["DELIB_ROW_MISSING", "DELIB_ROW_VALUE_INVALID", "DELIB_ROW_VALUE_INVALID",
        "DELIB_INPUT_INVALID"])
      expect(codes(Electorate.fromMemberRows(1 as never))).toEqual(["DELIB_INPUT_INVALID"])
    })
  })

  describe("properties", () => {
    const rowsArb = fc.array(
      fc.record({ owner: fc.integer({ min: 0, max: 20 }), area: fc.integer({ min: 1, max: 50000 }) }),
      { minLength: 1, maxLength: 60 }
    ).map((xs) =>
      xs.map((x, i) => ({
        房屋编号: `u${i}`,
        面积: `${Math.floor(x.area / 100)}.${String(x.area % 100).padStart(2, "0")}`,
        业主编号: `o${x.owner}`,
        业主: `业主${x.owner}`
      }))
    ).filter((rows) => rows.every((r) => r.面积 !== "0.00"))
    it("splitting or reordering one owner's units across rows never changes the headcount or area", () => {
      expect(() =>
        fc.assert(fc.property(rowsArb, fc.nat(), (rows, seed) => {
          const shuffled = [...rows].sort((a, b) =>
            ((a.房屋编号.length * 31 + seed) % 7) - ((b.房屋编号.length * 17 + seed) % 5)
          )
          const a = ok(Electorate.fromOwnerRows(rows))
          const b = ok(Electorate.fromOwnerRows(shuffled))
          expect(b.totals).toEqual(a.totals)
          expect(a.totals.headcount).toBe(new Set(rows.map((r) => r.业主编号)).size)
        }))
      ).not.toThrow()
    })
  })
})
