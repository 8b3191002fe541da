/**
 * Tables in and out: rosters, inputs and results as sheets of cells, read from and written
 * to CSV (Excel workbooks: {@link Workbook}, for Node). Columns are
 * matched by their header in Chinese or English (a header mapping), each cell is
 * converted and checked, and a bad row is reported by sheet, row and column. Nothing is
 * half-imported: one bad cell fails the whole table, with every problem listed.
 *
 * @since 0.1.0
 */
import { CivilDate, Fen, Issue, type Label, Points, Redaction, ValidationReport } from "@gongzhi/core"
import { parse as parseCsv } from "csv-parse/sync"
import { stringify as stringifyCsv } from "csv-stringify/sync"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

/**
 * The messages of table import.
 *
 * @example
 * ```ts
 * import { Table } from "@gongzhi/cli"
 *
 * console.log(Table.messages.codes.includes("CLI_TABLE_BAD_CELL")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CLI_TABLE_EMPTY: { zh: "表 {sheet} 没有表头行", en: "Sheet {sheet} has no header row" },
  CLI_TABLE_MISSING_COLUMN: {
    zh: "表 {sheet} 缺少必需的列“{header}”（可用表头：{accepted}）",
    en: "Sheet {sheet} lacks the required column \"{header}\" (accepted headers: {accepted})"
  },
  CLI_TABLE_DUPLICATE_COLUMN: {
    zh: "表 {sheet} 的第 {first} 列和第 {second} 列都是“{header}”",
    en: "Columns {first} and {second} of sheet {sheet} are both \"{header}\""
  },
  CLI_TABLE_UNKNOWN_COLUMN: {
    zh: "表 {sheet} 的列“{header}”不认识，已忽略",
    en: "Column \"{header}\" of sheet {sheet} is not known and was ignored"
  },
  CLI_TABLE_MISSING_CELL: {
    zh: "{cell}（{header}）不能为空",
    en: "{cell} ({header}) must not be empty"
  },
  CLI_TABLE_BAD_CELL: {
    zh: "{cell}（{header}）应为{expected:label}，实际为 {actual}：{reason:label}",
    en: "{cell} ({header}) should be {expected:label}, got {actual}: {reason:label}"
  },
  CLI_TABLE_UNKNOWN_ITEM: {
    zh: "{cell}（{header}，第 {row} 行，编号 {id}）的 {actual} 不认识，可填：{known:label}",
    en: "{cell} ({header}, row {row}, id {id}): {actual} is not known; write one of {known:label}"
  },
  CLI_TABLE_BAD_ROW: {
    zh: "{cell}（{header}）：{reason:label}",
    en: "{cell} ({header}): {reason:label}"
  },
  CLI_TABLE_CSV_MALFORMED: {
    zh: "CSV 第 {line} 行格式有误：{reason}",
    en: "The CSV is malformed at line {line}: {reason}"
  },
  CLI_TABLE_UNREADABLE: {
    zh: "无法读取表格文件：{reason}",
    en: "The table file cannot be read: {reason}"
  }
})

/**
 * A cell value as read from a file.
 *
 * @example
 * ```ts
 * import type { Table } from "@gongzhi/cli"
 *
 * const cells: ReadonlyArray<Table.Cell> = ["红安", 301, true, null]
 * console.log(cells.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Cell = string | number | boolean | null

/**
 * One sheet: its name and its rows of cells, the header row first.
 *
 * @example
 * ```ts
 * import type { Table } from "@gongzhi/cli"
 *
 * const sheet: Table.Sheet = { name: "网格", rows: [["编号", "名称"], ["g-1", "一网格"]] }
 * console.log(sheet.rows.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Sheet {
  readonly name: string
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

/**
 * What a column holds: how its cells are converted.
 *
 * @example
 * ```ts
 * import type { Table } from "@gongzhi/cli"
 *
 * const type: Table.ColumnType = "fen"
 * console.log(type)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type ColumnType = "text" | "integer" | "number" | "boolean" | "date" | "fen" | "points" | "list"

/**
 * One of the things a list column may name (a checklist's items): its id, and its Chinese and
 * English labels, which a cell may give instead of the id.
 *
 * @example
 * ```ts
 * import type { Table } from "@gongzhi/cli"
 *
 * const item: Table.Item = { id: "resources", label: { zh: "资源清单", en: "resources list" } }
 * console.log(item.id)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Item {
  readonly id: string
  readonly label: Label.Label
}

/**
 * A column of a table: the record field it fills, the headers it may have (Chinese and
 * English), what it holds and whether it must be there; a list column may name the items its
 * entries are (each written as its id or its Chinese or English label, read as the id; anything
 * else is a `CLI_TABLE_UNKNOWN_ITEM` naming the row's id and the items).
 *
 * @example
 * ```ts
 * import type { Table } from "@gongzhi/cli"
 *
 * const column: Table.Column = { field: "parentId", headers: ["parentId", "上级编号", "上级组织"], type: "text" }
 * console.log(column.field)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Column {
  readonly field: string
  readonly headers: ReadonlyArray<string>
  readonly type: ColumnType
  readonly required?: boolean | undefined
  readonly items?: ReadonlyArray<Item> | undefined
}

/**
 * A header mapping: the columns a table may have.
 *
 * @example
 * ```ts
 * import type { Table } from "@gongzhi/cli"
 *
 * const spec: Table.Spec = { columns: [{ field: "id", headers: ["id", "编号"], type: "text", required: true }] }
 * console.log(spec.columns.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Spec {
  readonly columns: ReadonlyArray<Column>
}

const normalizeHeader = (header: string): string => header.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase()

/**
 * The Excel name of a column: 1 → `A`, 27 → `AA`.
 *
 * @example
 * ```ts
 * import { Table } from "@gongzhi/cli"
 *
 * console.log(Table.columnName(1), Table.columnName(28)) // "A AB"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const columnName = (index: number): string => {
  let name = ""
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

const describe = (cell: Cell): string => (typeof cell === "string" ? JSON.stringify(cell) : String(cell))

const expected: Readonly<Record<ColumnType, { zh: string; en: string }>> = {
  text: { zh: "文字", en: "text" },
  integer: { zh: "整数", en: "a whole number" },
  number: { zh: "数字", en: "a number" },
  boolean: { zh: "是/否", en: "yes or no" },
  date: { zh: "日期（YYYY-MM-DD）", en: "a date (YYYY-MM-DD)" },
  fen: { zh: "金额（如 30万元、1234.50）", en: "an amount of money (e.g. 30万元, 1234.50)" },
  points: { zh: "整数积分", en: "a whole number of points" },
  list: { zh: "以逗号或顿号分隔的列表", en: "a list separated by commas" }
}

const truthy = new Set(["true", "yes", "y", "1", "是", "有", "√", "✓"])
const falsy = new Set(["false", "no", "n", "0", "否", "无", "×", "✗"])

/** Converts one non-empty cell; a string on failure is the reason (zh, en). */
/** Why a cell could not be converted: a code for a program (an issue's code, or the check's name), words for a person. */
type NotConverted = { readonly reason: { readonly zh: string; readonly en: string }; readonly reasonCode: string }

const convert = (cell: Cell, type: ColumnType): { value: unknown } | NotConverted => {
  const text = typeof cell === "string" ? cell.trim() : String(cell)
  const firstIssue = (result: Result.Result<unknown, ValidationReport.ValidationReport>) => {
    if (Result.isSuccess(result)) return { value: result.success }
    const issue = result.failure.issues[0]
    return issue === undefined
      ? { reason: { zh: "无效", en: "invalid" }, reasonCode: "invalid" }
      : { reason: issue.message, reasonCode: issue.code }
  }
  switch (type) {
    case "text":
      return { value: text }
    case "integer": {
      const n = typeof cell === "number" ? cell : Number(text.replaceAll(",", ""))
      return Number.isSafeInteger(n) && text !== ""
        ? { value: n }
        : { reason: { zh: "不是整数", en: "not a whole number" }, reasonCode: "not-integer" }
    }
    case "number": {
      const n = typeof cell === "number" ? cell : Number(text.replaceAll(",", ""))
      return Number.isFinite(n) && text !== "" ?
        { value: n }
        : { reason: { zh: "不是数字", en: "not a number" }, reasonCode: "not-number" }
    }
    case "boolean": {
      if (typeof cell === "boolean") return { value: cell }
      const key = text.toLowerCase()
      return truthy.has(key)
        ? { value: true }
        : falsy.has(key)
        ? { value: false }
        : { reason: { zh: "应填 是 或 否", en: "write yes or no" }, reasonCode: "not-yes-or-no" }
    }
    case "date":
      return firstIssue(
        CivilDate.make(text.replaceAll("/", "-").replace(/^(\d{4})-(\d)-/, "$1-0$2-").replace(/-(\d)$/, "-0$1"))
      )
    case "fen":
      // a numeric cell holds yuan, as typed into Excel
      return firstIssue(Fen.parse(text))
    case "points":
      return typeof cell === "number" ? firstIssue(Points.make(cell)) : firstIssue(Points.parse(text))
    case "list":
      return { value: text.split(/[,，、;；]/).map((s) => s.trim()).filter((s) => s !== "") }
  }
}

/**
 * The ids of a list's entries, each an item's id or its Chinese or English label (an item named
 * twice counts once); and the entries that are none.
 */
const itemsOf = (
  items: ReadonlyArray<Item>,
  entries: ReadonlyArray<string>
): { readonly ids: ReadonlyArray<string>; readonly unknown: ReadonlyArray<string> } => {
  const byText = new Map<string, string>()
  for (const item of items) {
    for (const text of [item.label.en, item.label.zh, item.id]) byText.set(normalizeHeader(text), item.id)
  }
  const ids: Array<string> = []
  const unknown: Array<string> = []
  for (const entry of entries) {
    const id = byText.get(normalizeHeader(entry))
    if (id === undefined) unknown.push(entry)
    else if (!ids.includes(id)) ids.push(id)
  }
  return { ids, unknown }
}

/**
 * Reads the records of a sheet through a header mapping, then checks each record with a
 * schema. Every problem is reported with its sheet, row and column (`Sheet1!C5`); if there
 * is any error, no record is returned.
 *
 * @example
 * ```ts
 * import { Table } from "@gongzhi/cli"
 * import { Schema } from "effect"
 *
 * const sheet = { name: "单位", rows: [["编号", "共建经费"], ["bank-1", "2万元"], ["", "abc"]] }
 * const spec = {
 *   columns: [
 *     { field: "id", headers: ["编号", "id"], type: "text" as const, required: true },
 *     { field: "funds", headers: ["共建经费", "funds"], type: "fen" as const }
 *   ]
 * }
 * const result = Table.toRecords(sheet, spec, Schema.Struct({ id: Schema.String, funds: Schema.Number }))
 * if (result._tag === "Failure") for (const issue of result.failure.issues) console.log(issue.message.en)
 * // 单位!A3 (编号) must not be empty
 * // 单位!B3 (共建经费) should be an amount of money …
 * ```
 *
 * @category reading
 * @since 0.1.0
 */
export const toRecords = <A>(
  sheet: Sheet,
  spec: Spec,
  schema: Schema.Decoder<A>
): Result.Result<ReadonlyArray<A>, ValidationReport.ValidationReport> => {
  try {
    const { name, rows } = sheet as { readonly name: unknown; readonly rows: unknown }
    if (!Array.isArray(rows)) return unreadable("the sheet's rows are not a list")
    // a sheet's name is text in every file; from a JavaScript caller it may be anything
    return recordsOf({ name: typeof name === "string" ? name : String(name), rows }, spec, schema)
  } catch (cause) {
    return unreadable(cause instanceof Error ? cause.message : "the sheet cannot be read")
  }
}

const unreadable = (reason: string) =>
  Result.fail(ValidationReport.of(messages.make("CLI_TABLE_UNREADABLE", { params: { reason } })))

const recordsOf = <A>(
  sheet: Sheet,
  spec: Spec,
  schema: Schema.Decoder<A>
): Result.Result<ReadonlyArray<A>, ValidationReport.ValidationReport> => {
  const issues: Array<Issue.DomainIssue> = []
  const [headerRow, ...body] = sheet.rows
  if (headerRow === undefined || headerRow.every((cell) => cell === null || String(cell).trim() === "")) {
    return Result.fail(ValidationReport.of(messages.make("CLI_TABLE_EMPTY", { params: { sheet: sheet.name } })))
  }
  const byHeader = new Map<string, Column>()
  for (const column of spec.columns) for (const header of column.headers) byHeader.set(normalizeHeader(header), column)
  const positions = new Map<Column, number>()
  headerRow.forEach((cell, index) => {
    const header = cell === null ? "" : String(cell)
    if (header.trim() === "") return
    const column = byHeader.get(normalizeHeader(header))
    if (column === undefined) {
      issues.push(messages.make("CLI_TABLE_UNKNOWN_COLUMN", {
        severity: "warning",
        path: [sheet.name, 1, columnName(index + 1)],
        params: { sheet: sheet.name, header }
      }))
      return
    }
    const first = positions.get(column)
    if (first !== undefined) {
      issues.push(messages.make("CLI_TABLE_DUPLICATE_COLUMN", {
        path: [sheet.name, 1, columnName(index + 1)],
        params: { sheet: sheet.name, header, first: columnName(first + 1), second: columnName(index + 1) }
      }))
      return
    }
    positions.set(column, index)
  })
  for (const column of spec.columns) {
    if (column.required === true && !positions.has(column)) {
      issues.push(messages.make("CLI_TABLE_MISSING_COLUMN", {
        path: [sheet.name, 1],
        params: { sheet: sheet.name, header: column.headers[0] ?? column.field, accepted: column.headers.join(" / ") }
      }))
    }
  }
  if (issues.some(Issue.isError)) return Result.fail(ValidationReport.make(issues))

  const decode = ValidationReport.decodeUnknown(schema)
  const records: Array<A> = []
  const idColumn = [...positions].find(([column]) => column.field === "id")?.[1]
  /** The row's id (its `id` column's text), for messages that name the row. */
  const rowId = (row: ReadonlyArray<Cell>): string => {
    const cell = idColumn === undefined ? null : row[idColumn] ?? null
    return cell === null ? "" : String(cell).trim()
  }
  body.forEach((row, offset) => {
    if (row.every((cell) => cell === null || String(cell).trim() === "")) return
    const rowNumber = offset + 2
    const record: Record<string, unknown> = {}
    let rowOk = true
    for (const [column, index] of positions) {
      const cell = row[index] ?? null
      const place = {
        cell: `${sheet.name}!${columnName(index + 1)}${rowNumber}`,
        header: String(headerRow[index])
      }
      const path = [sheet.name, rowNumber, columnName(index + 1)]
      if (cell === null || (typeof cell === "string" && cell.trim() === "")) {
        if (column.required === true) {
          issues.push(messages.make("CLI_TABLE_MISSING_CELL", { path, params: place }))
          rowOk = false
        }
        continue
      }
      const converted = convert(cell, column.type)
      if ("reason" in converted) {
        issues.push(messages.make("CLI_TABLE_BAD_CELL", {
          path,
          params: { ...place, actual: describe(cell), expected: column.type, reasonCode: converted.reasonCode },
          labels: { expected: expected[column.type], reason: converted.reason }
        }))
        rowOk = false
        continue
      }
      let value = converted.value
      if (column.type === "list" && column.items !== undefined) {
        const named = itemsOf(column.items, value as ReadonlyArray<string>)
        if (named.unknown.length > 0) {
          for (const actual of named.unknown) {
            issues.push(messages.make("CLI_TABLE_UNKNOWN_ITEM", {
              path,
              params: {
                ...place,
                row: rowNumber,
                id: rowId(row),
                actual: JSON.stringify(actual),
                known: column.items.map((item) => item.id).join(", ")
              },
              labels: {
                known: {
                  zh: column.items.map((item) => item.label.zh).join("、"),
                  en: column.items.map((item) => `${item.id} (${item.label.en})`).join(", ")
                }
              }
            }))
          }
          rowOk = false
          continue
        }
        value = named.ids
      }
      // an own property whatever the field is called: a field "__proto__" is a column, not a prototype
      Object.defineProperty(record, column.field, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    if (!rowOk) return
    const decoded = decode(record)
    if (Result.isSuccess(decoded)) {
      records.push(decoded.success)
      return
    }
    for (const issue of decoded.failure.issues) {
      const field = issue.path[0]
      const column = spec.columns.find((c) => c.field === field)
      const index = column === undefined ? undefined : positions.get(column)
      const cellName = index === undefined
        ? `${sheet.name}!${rowNumber}`
        : `${sheet.name}!${columnName(index + 1)}${rowNumber}`
      issues.push(messages.make("CLI_TABLE_BAD_ROW", {
        severity: issue.severity,
        path: index === undefined
          ? [sheet.name, rowNumber, ...issue.path]
          : [sheet.name, rowNumber, columnName(index + 1), ...issue.path.slice(1)],
        params: {
          ...issue.params,
          cell: cellName,
          header: index === undefined ? String(field ?? "") : String(headerRow[index]),
          reasonCode: issue.code
        },
        labels: { reason: { zh: `${issue.code} ${issue.message.zh}`, en: `${issue.code} ${issue.message.en}` } }
      }))
    }
  })
  return issues.some(Issue.isError) ? Result.fail(ValidationReport.make(issues)) : Result.succeed(records)
}

/**
 * Reads CSV text (a byte-order mark allowed) into one sheet; malformed CSV (a quote never
 * closed, say) is a failure naming the line (`CLI_TABLE_CSV_MALFORMED`).
 *
 * @example
 * ```ts
 * import { Table } from "@gongzhi/cli"
 *
 * const sheet = Table.readCsv("编号,名称\ng-1,\"一网格, 东区\"\n", "网格")
 * if (sheet._tag === "Success") console.log(sheet.success.rows[1]) // ["g-1", "一网格, 东区"]
 * console.log(Table.readCsv("编号\n\"g-1\n")._tag) // Failure
 * ```
 *
 * @category reading
 * @since 0.1.0
 */
export const readCsv = (text: string, name = "Sheet1"): Result.Result<Sheet, ValidationReport.ValidationReport> => {
  try {
    const rows = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as Array<Array<string>>
    return Result.succeed({ name, rows })
  } catch (cause) {
    const line = (cause as { lines?: unknown }).lines
    return Result.fail(ValidationReport.of(messages.make("CLI_TABLE_CSV_MALFORMED", {
      path: [name],
      params: {
        line: typeof line === "number" ? line : "?",
        reason: Issue.describeCause(cause)
      }
    })))
  }
}

/**
 * Writes rows as CSV text with a byte-order mark, so Excel opens Chinese text correctly. Every
 * text cell is made safe against formula injection first (core's `Redaction.csvCell`, as OWASP
 * recommends): a cell starting with `=`, `+`, `-`, `@`, tab or a line break gets a leading `'`.
 *
 * @example
 * ```ts
 * import { Table } from "@gongzhi/cli"
 *
 * console.log(Table.writeCsv([["名称", "积分"], ["哈*喜", 400]]).slice(1)) // "名称,积分\n哈*喜,400\n"
 * console.log(Table.writeCsv([["=1+1", "@SUM(A1)", -5]]).slice(1)) // "'=1+1,'@SUM(A1),-5\n"
 * ```
 *
 * @category writing
 * @since 0.1.0
 */
export const writeCsv = (rows: ReadonlyArray<ReadonlyArray<Cell>>): string =>
  `\uFEFF${stringifyCsv(rows.map((row) => row.map(Redaction.csvCell)))}`
