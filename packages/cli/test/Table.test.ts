import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Table, Workbook } from "../src/index.js"

const spec: Table.Spec = {
  columns: [
    { field: "id", headers: ["id", "编号"], type: "text", required: true },
    { field: "parentId", headers: ["parentId", "上级编号"], type: "text" },
    { field: "members", headers: ["members", "党员数"], type: "integer", required: true },
    { field: "funds", headers: ["funds", "共建经费"], type: "fen" },
    { field: "signed", headers: ["signed", "签订日期"], type: "date" },
    { field: "active", headers: ["active", "是否有效"], type: "boolean" },
    { field: "tags", headers: ["tags", "标签"], type: "list" },
    { field: "points", headers: ["points", "积分"], type: "points" },
    { field: "ratio", headers: ["ratio", "比例"], type: "number" }
  ]
}
const Row = Schema.Struct({
  id: Schema.String,
  parentId: Schema.optional(Schema.String),
  members: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  funds: Schema.optional(Schema.Number),
  signed: Schema.optional(Schema.String),
  active: Schema.optional(Schema.Boolean),
  tags: Schema.optional(Schema.Array(Schema.String)),
  points: Schema.optional(Schema.Number),
  ratio: Schema.optional(Schema.Number)
})

describe("Table", () => {
  describe("reading", () => {
    it("maps Chinese headers, converts every column type and skips blank rows", () => {
      const sheet = Result.getOrThrow(Table.readCsv(
        "\uFEFF编号,上级编号,党员数,共建经费,签订日期,是否有效,标签,积分,比例\n" +
          "gc-1,,57,30万元,2024/3/1,是,\"学习、平安\",400,0.5\n" +
          ",,,,,,,,\n" +
          "b-1,gc-1,\"1,033\",\"¥1,234.50\",2024-03-15,否,,320分,\n",
        "单位"
      ))
      const result = Table.toRecords(sheet, spec, Row)
      expect(result).toEqual(Result.succeed([
        {
          id: "gc-1",
          members: 57,
          funds: 30_000_000,
          signed: "2024-03-01",
          active: true,
          tags: ["学习", "平安"],
          points: 400,
          ratio: 0.5
        },
        { id: "b-1", parentId: "gc-1", members: 1033, funds: 123_450, signed: "2024-03-15", active: false, points: 320 }
      ]))
    })
    it("reports every bad cell by sheet, row and column and imports nothing", () => {
      const sheet = {
        name: "单位",
        rows: [["编号", "党员数", "共建经费", "签订日期", "是否有效"], ["", "x", "1,23", "2023-02-29", "maybe"], ["ok",
          -1, null, null, null]]
      }
      const result = Table.toRecords(sheet, spec, Row)
      expect(Result.isFailure(result)).toBe(true)
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => [i.code, i.path.join("!")])).toEqual([
        ["CLI_TABLE_MISSING_CELL", "单位!2!A"],
        ["CLI_TABLE_BAD_CELL", "单位!2!B"],
        ["CLI_TABLE_BAD_CELL", "单位!2!C"],
        ["CLI_TABLE_BAD_CELL", "单位!2!D"],
        ["CLI_TABLE_BAD_CELL", "单位!2!E"],
        ["CLI_TABLE_BAD_ROW", "单位!3!B"]
      ])
      expect(issues[0]?.message.en).toBe("单位!A2 (编号) must not be empty")
      expect(issues[2]?.message.zh).toContain("单位!C2（共建经费）应为金额")
      expect(issues[5]?.message.en).toContain("单位!B3 (党员数): CORE_SCHEMA_INVALID_VALUE")
    })
    it("reports missing, duplicate and unknown columns", () => {
      const missing = Table.toRecords({ name: "S", rows: [["编号", "备注"], ["a", "x"]] }, spec, Row)
      const codes = Result.isFailure(missing) ? missing.failure.issues.map((i) => [i.code, i.severity]) : []
      expect(codes).toEqual([["CLI_TABLE_UNKNOWN_COLUMN", "warning"], ["CLI_TABLE_MISSING_COLUMN", "error"]])
      const duplicate = Table.toRecords({ name: "S", rows: [["编号", "id", "党员数"], ["a", "b", 1]] }, spec, Row)
      expect(Result.isFailure(duplicate) && duplicate.failure.issues[0]?.code).toBe("CLI_TABLE_DUPLICATE_COLUMN")
      const empty = Table.toRecords({ name: "S", rows: [] }, spec, Row)
      expect(Result.isFailure(empty) && empty.failure.issues[0]?.code).toBe("CLI_TABLE_EMPTY")
    })
    it("lets warnings through with the records", () => {
      const result = Table.toRecords({ name: "S", rows: [["编号", "党员数", "备注"], ["a", 3, "x"]] }, spec, Row)
      expect(result).toEqual(Result.succeed([{ id: "a", members: 3 }]))
    })
    it("names columns the Excel way", () => {
      expect([1, 26, 27, 52, 703].map(Table.columnName)).toEqual(["A", "Z", "AA", "AZ", "AAA"])
    })
  })

  describe("writing", () => {
    it("round-trips sheets through xlsx, numbers, dates and Chinese included", async () => {
      const sheets = [{
        name: "积分",
        rows: [["名称", "积分", "日期"], ["哈*喜", 400, "2024-03-01"], ["周*宏", 320, null]]
      }]
      const back = await Workbook.read(await Workbook.write(sheets))
      // A row ends at its last cell with a value (an empty cell is not stored in the file).
      expect(back).toEqual(Result.succeed([{
        name: "积分",
        rows: [["名称", "积分", "日期"], ["哈*喜", 400, "2024-03-01"], ["周*宏", 320]]
      }]))
    })

    it("reads only the cells that exist: one value at XFD1 beside 20,000 rows costs one cell", async () => {
      const { default: ExcelJS } = await import("exceljs")
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet("名单")
      sheet.getCell("A1").value = "编号"
      sheet.getCell("XFD1").value = "far"
      for (let r = 2; r <= 20_001; r++) sheet.getCell(`A${r}`).value = `g-${r}`
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
      const read = await Workbook.read(bytes)
      expect(Result.isSuccess(read)).toBe(true)
      const rows = Result.getOrThrow(read)[0]!.rows
      expect(rows.length).toBe(20_001)
      expect(rows[0]!.length).toBe(16_384)
      expect(rows[0]![16_383]).toBe("far")
      expect(rows[1]).toEqual(["g-2"])
    }, 60_000)

    it("refuses a workbook over a limit, and bytes that are no workbook, with a message", async () => {
      const bytes = await Workbook.write([{ name: "s", rows: [["a", "b"], [1, 2], [3, 4]] }])
      const cells = await Workbook.read(bytes, { maxCells: 5 })
      expect(Result.isFailure(cells) && cells.failure.issues[0]!.code).toBe("CLI_WORKBOOK_TOO_LARGE")
      const rows = await Workbook.read(bytes, { maxRows: 2 })
      expect(Result.isFailure(rows) && rows.failure.issues[0]!.message.en).toContain("maxRows")
      const size = await Workbook.read(bytes, { maxBytes: 10 })
      expect(Result.isFailure(size) && size.failure.issues[0]!.params).toMatchObject({ what: "bytes", limit: 10 })
      const junk = await Workbook.read(new Uint8Array([80, 75, 3, 4, 0, 0]))
      expect(Result.isFailure(junk) && junk.failure.issues[0]!.code).toBe("CLI_WORKBOOK_UNREADABLE")
    })
    it("writes CSV with a byte-order mark and quotes where needed", () => {
      const csv = Table.writeCsv([["名称", "说明"], ["a", "x, y"], ["b", null]])
      expect(csv).toBe("\uFEFF名称,说明\na,\"x, y\"\nb,\n")
      expect(Result.getOrThrow(Table.readCsv(csv)).rows).toEqual([["名称", "说明"], ["a", "x, y"], ["b", ""]])
    })

    it("refuses malformed CSV (a quote never closed) with the line, and never throws", () => {
      const read = Table.readCsv("编号,名称\ng-1,\"一网格\n", "网格")
      expect(Result.isFailure(read)).toBe(true)
      const issue = Result.isFailure(read) ? read.failure.issues[0]! : undefined
      expect(issue?.code).toBe("CLI_TABLE_CSV_MALFORMED")
      expect(issue?.path).toEqual(["网格"])
      expect(issue?.message.zh).toContain("CSV 第")
    })

    it("never writes a cell that a spreadsheet would run as a formula (OWASP CSV injection)", () => {
      const hostile = ["=HYPERLINK(\"http://x\",\"点我\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"]
      const csv = Table.writeCsv([hostile, ["哈*喜", -5]])
      const [row, plain] = Result.getOrThrow(Table.readCsv(csv)).rows
      for (const cell of row!) expect(String(cell).startsWith("'")).toBe(true)
      expect(row!.map((cell) => String(cell).slice(1))).toEqual(hostile)
      // the exporter's own numbers are written as they are
      expect(plain).toEqual(["哈*喜", "-5"])
    })
  })
})

describe("Workbook names and sizes", () => {
  it("writes sheets whose names Excel forbids or repeats, and reads them back under names it accepts", async () => {
    const rows = [["a"], [1]]
    const bytes = await Workbook.write([{ name: "2024/Q1: 积分*?[]", rows }, { name: "结果", rows }, {
      name: "结果",
      rows
    }, {
      name: "x".repeat(40),
      rows
    }])
    const names = Result.getOrThrow(await Workbook.read(bytes)).map((s) => s.name)
    expect(names).toEqual(["2024_Q1_ 积分____", "结果", "结果 (2)", "x".repeat(31)])
  })

  it("writes a sheet of 200,000 rows (no spread of rows into a call)", async () => {
    const rows: Array<Array<Table.Cell>> = [["编号", "积分"]]
    for (let i = 0; i < 200_000; i++) rows.push([`m-${i}`, i])
    const bytes = await Workbook.write([{ name: "积分", rows }])
    expect(bytes.length).toBeGreaterThan(0)
  }, 120_000)
})
