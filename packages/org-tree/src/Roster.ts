/**
 * Reading a roster (组织花名册) from the sheets of a spreadsheet: rows of cells with Chinese or
 * English headers (编号、上级编号、类型、名称 … or id, parentId, kind, name …) in, an `org-rows`
 * document or every problem out. Pure: the caller reads the file (CSV, Excel) into sheets of
 * cells; this module matches the headers, reads labels such as 党支部 or 正式党员 as their keys,
 * converts the cells and checks each row, naming the sheet, the cell and the row's id in each issue.
 *
 * @since 0.2.0
 */
import { CivilDate, Issue, type Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import { typeLabels, typeOf } from "./internal/types.js"
import * as Kind from "./Kind.js"
import { messages } from "./Messages.js"
import * as OrgRows from "./OrgRows.js"

/**
 * A cell as a spreadsheet reader gives it.
 *
 * @example
 * ```ts
 * import type { Roster } from "@gongzhi/org-tree"
 *
 * const cells: ReadonlyArray<Roster.Cell> = ["gc-1", 3, true, null]
 * console.log(cells.length) // 4
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Cell = string | number | boolean | null | undefined

/**
 * One sheet: its name and its rows, the header row first. `table` says which table it holds when
 * its name does not (a CSV file has no sheet name: pass `table: "orgUnits"`).
 *
 * @example
 * ```ts
 * import type { Roster } from "@gongzhi/org-tree"
 *
 * const sheet: Roster.Sheet = { name: "组织", rows: [["编号", "类型", "名称"], ["gc-1", "社区大党委", "城东社区大党委"]] }
 * console.log(sheet.rows.length) // 2
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Sheet {
  readonly name: string
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
  readonly table?: Table | undefined
}

/**
 * The tables of a roster.
 *
 * @example
 * ```ts
 * import type { Roster } from "@gongzhi/org-tree"
 *
 * const table: Roster.Table = "positions"
 * console.log(table) // positions
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Table = "orgUnits" | "people" | "memberUnits" | "positions"

/**
 * The sheet names each table is found under (compared without case and surrounding spaces).
 *
 * @example
 * ```ts
 * import { Roster } from "@gongzhi/org-tree"
 *
 * console.log(Roster.sheetNames.people) // [ '人员', '党员', 'people' ]
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const sheetNames: Readonly<Record<Table, ReadonlyArray<string>>> = {
  orgUnits: ["组织", "orgUnits", "org units", "organisation"],
  people: ["人员", "党员", "people"],
  memberUnits: ["驻区单位", "单位", "memberUnits", "member units"],
  positions: ["职务", "positions"]
}

const tables: ReadonlyArray<Table> = ["orgUnits", "people", "memberUnits", "positions"]

/** The words of each table, for `ORG_ROSTER_DUPLICATE_SHEET` (the param `table` stays the key). */
const tableLabels: Readonly<Record<Table, Label.Label>> = {
  orgUnits: { zh: "组织", en: "org units" },
  people: { zh: "人员", en: "people" },
  memberUnits: { zh: "驻区单位", en: "member units" },
  positions: { zh: "职务", en: "positions" }
}

/** A table's words; a `table` given by a JavaScript caller that is no table speaks for itself. */
const tableLabel = (table: unknown): Label.Label =>
  typeof table === "string" && Object.prototype.hasOwnProperty.call(tableLabels, table)
    ? tableLabels[table as Table]
    : { zh: String(table), en: String(table) }

const schemas: Readonly<Record<Table, Schema.Decoder<unknown>>> = {
  orgUnits: OrgRows.OrgUnitRow as unknown as Schema.Decoder<unknown>,
  people: OrgRows.PersonRow as unknown as Schema.Decoder<unknown>,
  memberUnits: OrgRows.MemberUnitRow as unknown as Schema.Decoder<unknown>,
  positions: OrgRows.PositionRow as unknown as Schema.Decoder<unknown>
}

/** The column whose cell names a row, per table (positions have none: the unit and the person). */
const idFields: Readonly<Record<Table, ReadonlyArray<string>>> = {
  orgUnits: ["id"],
  people: ["id"],
  memberUnits: ["id"],
  positions: ["orgUnitId", "personId", "role"]
}

/** Columns whose cells may be a Chinese or English label instead of the key (类型 = 党支部 → branch). */
const labelled: ReadonlyMap<string, Readonly<Record<string, { readonly zh: string; readonly en: string }>>> = new Map<
  string,
  Readonly<Record<string, { readonly zh: string; readonly en: string }>>
>([
  ["kind", Kind.labels],
  ["branchType", Kind.branchTypeLabels],
  ["category", Kind.categoryLabels],
  ["membership", Kind.membershipLabels],
  ["role", Kind.roleLabels],
  ["type", Kind.unitTypeLabels]
])

/** Shorter forms people write for memberships, branch types and categories. */
const shortForms: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> = new Map([
  ["membership", [["正式", "full"], ["预备", "probationary"], ["群众", "none"], ["居民", "none"]] as const],
  ["branchType", [["网格", "grid"], ["单位", "unit"], ["功能型", "functional"], ["联合", "joint"], [
    "红色物业",
    "red-property"
  ]] as const],
  ["category", [["社区", "community"], ["村", "village"], ["其他", "other"]] as const]
])

interface Lookup {
  readonly byText: ReadonlyMap<string, string>
  /** The keys, for the message's neutral `known` param. */
  readonly known: string
  /** The words of each language (zh: the Chinese labels joined with 、; en: the keys). */
  readonly knownLabel: Label.Label
}

const lookups: ReadonlyMap<string, Lookup> = new Map(
  [...labelled].map(([field, table]) => {
    const byText = new Map<string, string>()
    for (const key of Object.keys(table)) {
      const label = table[key]!
      byText.set(key.toLowerCase(), key)
      byText.set(label.zh, key)
      byText.set(label.en.toLowerCase(), key)
    }
    for (const [text, key] of shortForms.get(field) ?? []) byText.set(text, key)
    return [field, {
      byText,
      known: Object.keys(table).join(", "),
      knownLabel: { zh: Object.keys(table).map((key) => table[key]!.zh).join("、"), en: Object.keys(table).join(", ") }
    }]
  })
)

const normalize = (text: string): string => text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase()

/**
 * The Excel name of a column: 1 → `A`, 27 → `AA`.
 *
 * @example
 * ```ts
 * import { Roster } from "@gongzhi/org-tree"
 *
 * console.log(Roster.columnName(1), Roster.columnName(28)) // A AB
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const columnName = (index: number): string => {
  let name = ""
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

const isEmpty = (cell: Cell): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")

const textOf = (cell: Cell): string => (typeof cell === "string" ? cell.trim() : String(cell))

const truthy = new Set(["true", "yes", "y", "1", "是", "有", "√", "✓"])
const falsy = new Set(["false", "no", "n", "0", "否", "无", "×", "✗"])

const expected: Readonly<Record<OrgRows.Column["type"], { readonly zh: string; readonly en: string }>> = {
  text: { zh: "文字", en: "text" },
  list: { zh: "以逗号或顿号分隔的列表", en: "a list separated by commas" },
  boolean: { zh: "是/否", en: "yes or no" },
  date: { zh: "日期（YYYY-MM-DD）", en: "a date (YYYY-MM-DD)" }
}

/** Converts one non-empty cell; a reason (zh, en) when it cannot be. */
const convert = (
  cell: Cell,
  type: OrgRows.Column["type"]
): { readonly value: unknown } | { readonly reason: Label.Label } => {
  const text = textOf(cell)
  switch (type) {
    case "text":
      return { value: text }
    case "list":
      return { value: text.split(/[,，、;；]/).map((s) => s.trim()).filter((s) => s !== "") }
    case "boolean": {
      if (typeof cell === "boolean") return { value: cell }
      const key = text.toLowerCase()
      return truthy.has(key)
        ? { value: true }
        : falsy.has(key)
        ? { value: false }
        : { reason: { zh: "应填 是 或 否", en: "write yes or no" } }
    }
    case "date": {
      const date = CivilDate.make(
        text.replaceAll("/", "-").replace(/^(\d{4})-(\d)-/, "$1-0$2-").replace(/-(\d)$/, "-0$1")
      )
      return Result.isSuccess(date)
        ? { value: date.success }
        : { reason: date.failure.issues[0]?.message ?? { zh: "不是日期", en: "not a date" } }
    }
  }
}

/** The text a cell is shown as in a message. */
const shown = (cell: Cell): string => (typeof cell === "string" ? JSON.stringify(cell) : String(cell))

interface Context {
  readonly sheet: string
  readonly rowNumber: number
  readonly id: string
}

const readSheet = (
  sheet: Sheet,
  table: Table,
  issues: Array<Issue.DomainIssue>
): ReadonlyArray<unknown> | undefined => {
  const columns = OrgRows.columns[table]
  const given: unknown = sheet.rows
  if (!Array.isArray(given)) {
    const actual = typeOf(given)
    issues.push(messages.make("ORG_ROSTER_ROWS_NOT_A_LIST", {
      path: [sheet.name],
      params: { sheet: sheet.name, actual },
      labels: { actual: typeLabels[actual] }
    }))
    return undefined
  }
  const [headerRow, ...body] = sheet.rows
  if (headerRow === undefined || headerRow.every(isEmpty)) {
    issues.push(messages.make("ORG_ROSTER_NO_HEADER", { path: [sheet.name], params: { sheet: sheet.name } }))
    return undefined
  }
  const byHeader = new Map<string, OrgRows.Column>()
  for (const column of columns) {
    for (const header of [column.zh, column.en, ...(column.aliases ?? [])]) byHeader.set(normalize(header), column)
  }
  const positions = new Map<OrgRows.Column, number>()
  let bad = false
  headerRow.forEach((cell, index) => {
    if (isEmpty(cell)) return
    const header = textOf(cell)
    const column = byHeader.get(normalize(header))
    const path = [sheet.name, 1, columnName(index + 1)]
    if (column === undefined) {
      issues.push(messages.make("ORG_ROSTER_UNKNOWN_COLUMN", {
        severity: "warning",
        path,
        params: { sheet: sheet.name, header }
      }))
      return
    }
    const first = positions.get(column)
    if (first !== undefined) {
      issues.push(messages.make("ORG_ROSTER_DUPLICATE_COLUMN", {
        path,
        params: { sheet: sheet.name, header, first: columnName(first + 1), second: columnName(index + 1) }
      }))
      bad = true
      return
    }
    positions.set(column, index)
  })
  for (const column of columns) {
    if (column.required === true && !positions.has(column)) {
      issues.push(messages.make("ORG_ROSTER_MISSING_COLUMN", {
        path: [sheet.name, 1],
        params: {
          sheet: sheet.name,
          header: column.zh,
          accepted: [column.zh, column.en, ...(column.aliases ?? [])].join(" / ")
        }
      }))
      bad = true
    }
  }
  if (bad) return undefined

  const decode = ValidationReport.decodeUnknown(schemas[table])
  const byField = new Map([...positions].map(([column, index]) => [column.key, { column, index }]))
  const records: Array<unknown> = []
  body.forEach((row, offset) => {
    if (row.every(isEmpty)) return
    const rowNumber = offset + 2
    const id = idFields[table].map((field) => {
      const at = byField.get(field)
      const cell = at === undefined ? undefined : row[at.index]
      return isEmpty(cell) ? "?" : textOf(cell)
    }).join("/")
    const context: Context = { sheet: sheet.name, rowNumber, id }
    const place = (index: number) => ({
      cell: `${sheet.name}!${columnName(index + 1)}${rowNumber}`,
      header: textOf(headerRow[index]),
      id: context.id,
      row: rowNumber
    })
    const record: Record<string, unknown> = {}
    let rowOk = true
    for (const [column, index] of positions) {
      const cell = row[index]
      const path = [sheet.name, rowNumber, columnName(index + 1)]
      if (isEmpty(cell)) {
        if (column.required === true) {
          issues.push(messages.make("ORG_ROSTER_MISSING_CELL", { path, params: place(index) }))
          rowOk = false
        }
        continue
      }
      const lookup = lookups.get(column.key)
      if (lookup !== undefined) {
        const text = textOf(cell)
        const key = lookup.byText.get(text) ?? lookup.byText.get(text.toLowerCase())
        if (key === undefined) {
          issues.push(messages.make("ORG_ROSTER_UNKNOWN_LABEL", {
            path,
            params: { ...place(index), actual: shown(cell), known: lookup.known },
            labels: { known: lookup.knownLabel }
          }))
          rowOk = false
          continue
        }
        record[column.key] = key
        continue
      }
      const converted = convert(cell, column.type)
      if ("reason" in converted) {
        issues.push(messages.make("ORG_ROSTER_BAD_CELL", {
          path,
          params: { ...place(index), actual: shown(cell), expected: column.type },
          labels: { expected: expected[column.type], reason: converted.reason }
        }))
        rowOk = false
        continue
      }
      record[column.key] = converted.value
    }
    if (!rowOk) return
    const decoded = decode(record)
    if (Result.isSuccess(decoded)) {
      records.push(decoded.success)
      return
    }
    for (const issue of decoded.failure.issues) {
      const at = byField.get(String(issue.path[0] ?? ""))
      issues.push(messages.make("ORG_ROSTER_BAD_ROW", {
        severity: issue.severity,
        path: at === undefined
          ? [sheet.name, rowNumber, ...issue.path]
          : [sheet.name, rowNumber, columnName(at.index + 1), ...issue.path.slice(1)],
        params: {
          ...(at === undefined
            ? {
              cell: `${sheet.name}!${rowNumber}`,
              header: String(issue.path[0] ?? ""),
              id: context.id,
              row: rowNumber
            }
            : place(at.index)),
          reasonCode: issue.code
        },
        labels: { reason: { zh: `${issue.code} ${issue.message.zh}`, en: `${issue.code} ${issue.message.en}` } }
      }))
    }
  })
  return records
}

/**
 * Reads the sheets of a roster into an `org-rows` document: sheets named 组织 / 人员 / 驻区单位 /
 * 职务 (or orgUnits, people, memberUnits, positions; see {@link sheetNames}), headers in Chinese
 * or English (`OrgRows.columns`), labels for keys (党支部 → `branch`, 正式党员 or 正式 → `full`,
 * 书记 → `secretary`), dates as `2024-3-1`, `2024/03/01` or `2024-03-01`, lists split by `,`, `，`,
 * `、` or `;`, yes/no as 是/否. Every problem of every sheet comes back at once, each naming the
 * sheet, the cell (`组织!C5`), the row number and the row's id; a sheet of no known table is
 * skipped. Pure and synchronous: the caller reads the file.
 *
 * @example
 * ```ts
 * import { Roster } from "@gongzhi/org-tree"
 *
 * const result = Roster.read([
 *   { name: "组织", rows: [["编号", "上级编号", "类型", "名称"], ["gc", "", "社区大党委", "城东社区大党委"], ["b-1", "gc", "党支部", "一网格党支部"]] },
 *   { name: "人员", rows: [["编号", "姓名", "身份", "所在组织"], ["m-1", "哈安喜", "正式", "b-1"]] }
 * ])
 * if (result._tag === "Success") console.log(result.success.orgUnits[1]?.kind, result.success.people?.[0]?.membership) // branch full
 *
 * const bad = Roster.read([{ name: "组织", rows: [["编号", "类型", "名称"], ["b-9", "党之部", "九支部"]] }])
 * if (bad._tag === "Failure") console.log(bad.failure.issues[0]?.params["id"], bad.failure.issues[0]?.path) // b-9 [ '组织', 2, 'B' ]
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const read = (
  sheets: ReadonlyArray<Sheet>,
  options?: { readonly policy?: string | undefined }
): Result.Result<OrgRows.OrgRows, ValidationReport.ValidationReport> => {
  const issues: Array<Issue.DomainIssue> = []
  const doc: Record<string, unknown> = { kind: "org-rows", schemaVersion: 1 }
  if (options?.policy !== undefined) doc["policy"] = options.policy
  const seen = new Set<Table>()
  try {
    // a string is iterable too: a million characters would each be read as a sheet
    const given: unknown = sheets
    if (!Array.isArray(given)) {
      const actual = typeOf(given)
      return Result.fail(ValidationReport.of(messages.make("ORG_ROSTER_SHEETS_NOT_A_LIST", {
        params: { actual },
        labels: { actual: typeLabels[actual] }
      })))
    }
    for (const sheet of sheets) {
      const name = normalize(String(sheet.name ?? ""))
      const table = sheet.table ?? tables.find((t) => sheetNames[t].some((n) => normalize(n) === name))
      if (table === undefined) continue
      if (seen.has(table)) {
        issues.push(
          messages.make("ORG_ROSTER_DUPLICATE_SHEET", {
            path: [sheet.name],
            params: { sheet: sheet.name, table },
            labels: { table: tableLabel(table) }
          })
        )
        continue
      }
      seen.add(table)
      const records = readSheet(sheet, table, issues)
      if (records !== undefined) doc[table] = records
    }
  } catch (cause) {
    return Result.fail(
      ValidationReport.of(messages.make("ORG_ROWS_UNREADABLE", { params: { reason: Issue.describeCause(cause) } }))
    )
  }
  if (doc["orgUnits"] === undefined && !issues.some(Issue.isError)) {
    issues.push(messages.make("ORG_ROSTER_NO_ORG_UNITS", { params: { names: sheetNames.orgUnits.join(" / ") } }))
  }
  if (issues.some(Issue.isError)) return Result.fail(ValidationReport.make(issues))
  const decoded = OrgRows.document.decode(doc)
  return Result.isFailure(decoded)
    ? Result.fail(ValidationReport.make([...issues, ...decoded.failure.issues]))
    : Result.succeed(decoded.success)
}
