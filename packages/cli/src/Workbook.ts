/**
 * Excel workbooks (.xlsx) in and out, as the sheets of {@link Table}: what counties keep their
 * rosters and figures in. exceljs is loaded when a workbook is first read or written, so a
 * command that never touches Excel does not pay for it; this module is for Node (the
 * browser-safe `Table` and `Report` are in `@gongzhi/cli/browser`).
 *
 * @since 0.2.0
 */
import { Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import type ExcelJS from "exceljs"
import type * as Table from "./Table.js"

const cellValue = (value: ExcelJS.CellValue): Table.Cell => {
  if (value === null || value === undefined) return null
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("")
    if ("result" in value) return cellValue((value.result ?? null) as ExcelJS.CellValue)
    if ("text" in value) return String(value.text)
    if ("error" in value) return String(value.error)
  }
  return String(value)
}

/**
 * The messages of reading a workbook, in Chinese and English.
 *
 * @example
 * ```ts
 * import { Workbook } from "@gongzhi/cli"
 *
 * console.log(Workbook.messages.codes.includes("CLI_WORKBOOK_TOO_LARGE")) // true
 * ```
 *
 * @category messages
 * @since 0.2.0
 */
export const messages = Issue.catalog({
  CLI_WORKBOOK_TOO_LARGE: {
    zh: "Excel 文件超出上限：{what} 为 {actual}，上限 {limit}（可用选项 {option} 调高）",
    en: "The Excel file is over a limit: {what} is {actual}, the limit {limit} (raise it with {option})"
  },
  CLI_WORKBOOK_UNREADABLE: {
    zh: "不是有效的 Excel 文件（.xlsx）：{reason}",
    en: "Not a valid Excel file (.xlsx): {reason}"
  }
})

/**
 * How much of a workbook {@link read} takes before it refuses it: the file's size, the rows of a
 * sheet and the cells that hold a value in the whole workbook. Only cells that exist are read,
 * so a far-away cell (one value at `XFD1`) costs one cell, not a row of 16,384.
 *
 * @example
 * ```ts
 * import { Workbook } from "@gongzhi/cli"
 *
 * console.log(Workbook.defaultLimits.maxRows) // 1048576
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Limits {
  readonly maxBytes: number
  readonly maxRows: number
  readonly maxCells: number
}

/**
 * The limits {@link read} applies unless told otherwise: 100 MB, Excel's own 1,048,576 rows
 * per sheet, and 20,000,000 cells with a value.
 *
 * @example
 * ```ts
 * import { Workbook } from "@gongzhi/cli"
 *
 * console.log(Workbook.defaultLimits.maxCells) // 20000000
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const defaultLimits: Limits = Object.freeze({
  maxBytes: 100 * 1024 * 1024,
  maxRows: 1_048_576,
  maxCells: 20_000_000
})

const tooLarge = (what: string, actual: number, limit: number, option: string) =>
  Result.fail(ValidationReport.of(messages.make("CLI_WORKBOOK_TOO_LARGE", { params: { what, actual, limit, option } })))

/**
 * Reads the sheets of an Excel workbook (.xlsx): each sheet's rows of cells, as far as each
 * row's last cell with a value. A file that is not a workbook, or over a {@link Limits limit},
 * is a failure that says so; the promise never rejects.
 *
 * @example
 * ```ts
 * import { Workbook } from "@gongzhi/cli"
 *
 * const bytes = await Workbook.write([{ name: "网格", rows: [["编号"], ["g-1"]] }])
 * const sheets = await Workbook.read(bytes)
 * if (sheets._tag === "Success") console.log(sheets.success[0]?.rows[1]) // ["g-1"]
 * const bad = await Workbook.read(new Uint8Array([1, 2, 3]))
 * console.log(bad._tag) // Failure
 * ```
 *
 * @category reading
 * @since 0.2.0
 */
export const read = async (
  bytes: Uint8Array,
  limits: Partial<Limits> = {}
): Promise<Result.Result<ReadonlyArray<Table.Sheet>, ValidationReport.ValidationReport>> => {
  const { maxBytes, maxCells, maxRows } = { ...defaultLimits, ...limits }
  if (bytes.length > maxBytes) return tooLarge("bytes", bytes.length, maxBytes, "maxBytes")
  try {
    const { default: ExcelJS } = await import("exceljs")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheets: Array<Table.Sheet> = []
    let cellCount = 0
    for (const worksheet of workbook.worksheets) {
      if (worksheet.rowCount > maxRows) {
        return tooLarge(`rows of ${worksheet.name}`, worksheet.rowCount, maxRows, "maxRows")
      }
      const rows: Array<Array<Table.Cell>> = []
      let over = false
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        if (over) return
        const cells: Array<Table.Cell> = []
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellValue(cell.value)
        })
        cellCount += row.actualCellCount
        if (cellCount > maxCells) over = true
        for (let c = 0; c < cells.length; c++) cells[c] ??= null
        rows[rowNumber - 1] = cells
      })
      if (over) return tooLarge("cells", cellCount, maxCells, "maxCells")
      for (let i = 0; i < rows.length; i++) rows[i] ??= []
      sheets.push({ name: worksheet.name, rows })
    }
    return Result.succeed(sheets)
  } catch (cause) {
    return Result.fail(
      ValidationReport.of(messages.make("CLI_WORKBOOK_UNREADABLE", { params: { reason: Issue.describeCause(cause) } }))
    )
  }
}

/**
 * A sheet name Excel accepts, unique in the workbook: the characters it forbids (`\ / : * ? [ ]`)
 * become `_`, apostrophes at either end go, at most 31 characters, and a name already used
 * (Excel compares without case) gets ` (2)`, ` (3)`…
 */
const sheetName = (wanted: string, used: Set<string>): string => {
  const clean = wanted.replace(/[\\/:*?[\]]/g, "_").replace(/^'+|'+$/g, "").trim()
  const base = Array.from(clean === "" ? "Sheet" : clean).slice(0, 31).join("")
  let name = base
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`
    name = Array.from(base).slice(0, 31 - suffix.length).join("") + suffix
  }
  used.add(name.toLowerCase())
  return name
}

/**
 * Writes sheets as an Excel workbook (.xlsx) with a bold, frozen header row. Sheet names are
 * made ones Excel accepts (forbidden characters `\ / : * ? [ ]` become `_`, at most 31
 * characters, a repeated name gets ` (2)`), so any sheet name can be written.
 *
 * @example
 * ```ts
 * import { Workbook } from "@gongzhi/cli"
 *
 * const bytes = await Workbook.write([{ name: "积分", rows: [["名称", "积分"], ["哈*喜", 400]] }])
 * console.log(bytes.length > 0) // true
 * ```
 *
 * @category writing
 * @since 0.2.0
 */
export const write = async (sheets: ReadonlyArray<Table.Sheet>): Promise<Uint8Array> => {
  const { default: ExcelJS } = await import("exceljs")
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "gongzhi"
  const used = new Set<string>()
  for (const sheet of sheets) {
    const name = sheetName(sheet.name, used)
    const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] })
    const widths: Array<number> = []
    for (const row of sheet.rows) {
      worksheet.addRow(row.map((cell) => cell ?? undefined))
      for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c] ?? 4, String(row[c] ?? "").length)
    }
    worksheet.getRow(1).font = { bold: true }
    worksheet.columns.forEach((column, index) => {
      column.width = Math.min(60, (widths[index] ?? 4) + 4)
    })
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
