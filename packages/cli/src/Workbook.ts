/**
 * Excel workbooks (.xlsx) in and out, as the sheets of {@link Table}: what counties keep their
 * rosters and figures in. exceljs is loaded when a workbook is first read or written, so a
 * command that never touches Excel does not pay for it; this module is for Node (the
 * browser-safe `Table` and `Report` are in `@gongzhi/cli/browser`).
 *
 * @since 0.2.0
 */
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
 * Reads the sheets of an Excel workbook (.xlsx).
 *
 * @example
 * ```ts
 * import { Workbook } from "@gongzhi/cli"
 *
 * const bytes = await Workbook.write([{ name: "网格", rows: [["编号"], ["g-1"]] }])
 * const sheets = await Workbook.read(bytes)
 * console.log(sheets[0]?.rows[1]) // ["g-1"]
 * ```
 *
 * @category reading
 * @since 0.2.0
 */
export const read = async (bytes: Uint8Array): Promise<ReadonlyArray<Table.Sheet>> => {
  const { default: ExcelJS } = await import("exceljs")
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets.map((worksheet) => {
    const rows: Array<Array<Table.Cell>> = []
    const width = worksheet.columnCount
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Array<Table.Cell> = []
      for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value))
      rows[rowNumber - 1] = cells
    })
    for (let i = 0; i < rows.length; i++) rows[i] ??= []
    return { name: worksheet.name, rows }
  })
}

/**
 * Writes sheets as an Excel workbook (.xlsx) with a bold, frozen header row.
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
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] })
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => cell ?? undefined))
    worksheet.getRow(1).font = { bold: true }
    worksheet.columns.forEach((column, index) => {
      const widest = Math.max(...sheet.rows.map((row) => String(row[index] ?? "").length), 4)
      column.width = Math.min(60, widest + 4)
    })
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
