/**
 * Assessment inputs in and out of spreadsheets: the columns a plan's inputs sheet may have
 * (Chinese or English headers, derived from the plan's indicators, bonus, deduction and
 * veto items), reading a filled-in sheet into an `assessment-inputs` document, and the
 * results of an assessment as a sheet.
 *
 * @since 0.1.0
 */
import type { Assessment, Inputs } from "@gongzhi/assessment-scoring"
import { Plan } from "@gongzhi/assessment-scoring"
import { Label, Redaction, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Table from "./Table.js"

const veto = "vetoes"
const vetoReason = "vetoReason"
const attributePrefixes = ["attr:", "属性:", "属性："]

/**
 * The header mapping of a plan's inputs sheet. One row per subject: `id`/`编号` (required),
 * `name`/`名称`, `group`/`分组`, `previousRank`/`上年排名`; one column per leaf indicator
 * (headed by its input key, its Chinese or its English label; for checklists a list of the
 * items met, each by its id or its Chinese or English label — `资源清单；需求清单`; for
 * manual scores also `<label>说明` and `<label>评分人`); one per bonus item (`加分:<label>`)
 * and deduction item (`扣分:<label>`); `否决` with the veto ids and `否决理由`; and any
 * `属性:<name>` column as a subject attribute.
 *
 * @example
 * ```ts
 * import { InputsTable } from "@gongzhi/cli"
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * const spec = InputsTable.spec(Presets.qijiangCommitteeMember)
 * console.log(spec.columns.map((c) => c.headers[1]).slice(0, 4)) // ["编号", "名称", "分组", "上年排名"]
 * ```
 *
 * @category reading
 * @since 0.1.0
 */
export const spec = (plan: Plan.Plan, headerRow: ReadonlyArray<Table.Cell> = []): Table.Spec => ({
  columns: columnsOf(plan, headerRow)
})

type Displayed = Table.Column & { readonly display: Label.Label }

/**
 * The items of a checklist's configuration, as a list column names them (a cell may give an
 * item's id or its Chinese or English label); `undefined` when the configuration has no such
 * list (the plan's own check reports it).
 */
const checklistItems = (config: unknown): ReadonlyArray<Table.Item> | undefined => {
  if (typeof config !== "object" || config === null || !Object.hasOwn(config, "items")) return undefined
  const items: unknown = (config as { readonly items: unknown }).items
  if (!Array.isArray(items)) return undefined
  const found: Array<Table.Item> = []
  for (const item of items as ReadonlyArray<unknown>) {
    if (typeof item !== "object" || item === null) return undefined
    const { id, label } = item as { readonly id?: unknown; readonly label?: unknown }
    if (typeof id !== "string" || typeof label !== "object" || label === null) return undefined
    const { zh, en } = label as { readonly zh?: unknown; readonly en?: unknown }
    if (typeof zh !== "string" || typeof en !== "string") return undefined
    found.push({ id, label: { zh, en } })
  }
  return found
}

const columnsOf = (plan: Plan.Plan, headerRow: ReadonlyArray<Table.Cell>): ReadonlyArray<Displayed> => {
  const columns: Array<Displayed> = [
    {
      field: "id",
      headers: ["id", "编号", "对象编号"],
      type: "text",
      required: true,
      display: { zh: "编号", en: "id" }
    },
    { field: "name", headers: ["name", "名称", "姓名", "对象"], type: "text", display: { zh: "名称", en: "name" } },
    { field: "group", headers: ["group", "分组", "街道"], type: "text", display: { zh: "分组", en: "group" } },
    {
      field: "previousRank",
      headers: ["previousRank", "上年排名", "previous rank"],
      type: "integer",
      display: { zh: "上年排名", en: "previous rank" }
    }
  ]
  const leaves: Array<Plan.Indicator> = []
  const stack = [...plan.indicators].reverse()
  while (stack.length > 0) {
    const indicator = stack.pop()!
    if (indicator.children !== undefined && indicator.children.length > 0) {
      for (let i = indicator.children.length - 1; i >= 0; i--) stack.push(indicator.children[i]!)
    } else leaves.push(indicator)
  }
  for (const leaf of leaves) {
    const key = leaf.input ?? leaf.id
    const method = leaf.method?.name
    const items = method === "checklist" ? checklistItems(leaf.method?.config) : undefined
    columns.push({
      field: `values.${key}`,
      headers: [...new Set([key, leaf.id, leaf.label.zh, leaf.label.en])],
      type: method === "checklist" ? "list" : "number",
      ...(items === undefined ? {} : { items }),
      display: leaf.label
    })
    if (method === "manual") {
      const justification = { zh: `${leaf.label.zh}说明`, en: `${leaf.label.en} justification` }
      const by = { zh: `${leaf.label.zh}评分人`, en: `${leaf.label.en} by` }
      columns.push(
        {
          field: `values.${key}.justification`,
          headers: [`${key}.justification`, justification.zh, justification.en],
          type: "text",
          display: justification
        },
        { field: `values.${key}.by`, headers: [`${key}.by`, by.zh, by.en], type: "text", display: by }
      )
    }
  }
  for (
    const [kind, prefixes, items] of [
      ["bonus", ["bonus:", "加分:"], plan.bonus ?? []],
      ["deductions", ["deduction:", "扣分:"], plan.deductions ?? []]
    ] as const
  ) {
    for (const item of items) {
      columns.push({
        field: `${kind}.${item.id}`,
        headers: [
          ...new Set([...prefixes.flatMap((p) => [`${p}${item.id}`, `${p}${item.label.zh}`]),
            `${prefixes[0]}${item.label.en}`])
        ],
        type: "number",
        display: { zh: `${prefixes[1]}${item.label.zh}`, en: `${prefixes[0]}${item.label.en}` }
      })
    }
  }
  columns.push(
    { field: veto, headers: ["vetoes", "否决", "一票否决"], type: "list", display: { zh: "否决", en: "vetoes" } },
    {
      field: vetoReason,
      headers: ["vetoReason", "否决理由", "veto reason"],
      type: "text",
      display: { zh: "否决理由", en: "veto reason" }
    }
  )
  for (const cell of headerRow) {
    const header = cell === null ? "" : String(cell).trim()
    const prefix = attributePrefixes.find((p) => header.startsWith(p))
    if (prefix !== undefined && header.length > prefix.length) {
      columns.push({
        field: `attributes.${header.slice(prefix.length)}`,
        headers: [header],
        type: "text",
        display: { zh: header, en: header }
      })
    }
  }
  return columns
}

/**
 * A blank inputs sheet for a plan: the header row, in Chinese or English, ready to be filled
 * in (one row per subject) and read back with {@link read}. Attribute columns are added by
 * hand as `属性:<name>`.
 *
 * @example
 * ```ts
 * import { InputsTable } from "@gongzhi/cli"
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * const blank = InputsTable.template(Presets.qijiangCommitteeMember, "zh")
 * console.log(blank.rows[0]?.slice(0, 5)) // ["编号", "名称", "分组", "上年排名", "参加联席会议（次/年）"]
 * ```
 *
 * @category writing
 * @since 0.1.0
 */
export const template = (plan: Plan.Plan, lang: Label.Lang): Table.Sheet => ({
  name: lang === "zh" ? "考核数据" : "inputs",
  rows: [columnsOf(plan, []).map((column) => column.display[lang])]
})

const Row = Schema.Record(Schema.String, Schema.Unknown)

/**
 * Sets an own property, whatever the key: an indicator, item or attribute called `__proto__`
 * (or `constructor`) is a column like any other, never the object's prototype.
 */
const setOwn = <V>(target: Record<string, V>, key: string, value: V): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * Reads a filled-in inputs sheet into an `assessment-inputs` document for the plan. Every
 * bad cell is reported with its sheet, row and column; if there is any error, nothing is
 * returned.
 *
 * @example
 * ```ts
 * import { InputsTable } from "@gongzhi/cli"
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * const sheet = {
 *   name: "委员",
 *   rows: [
 *     ["编号", "名称", "参加联席会议（次/年）", "认领任务完成率", "单位资源共享", "否决", "否决理由"],
 *     ["cm-1", "区实验小学校长", 12, 1, "venue、funds", "", ""],
 *     ["cm-2", "农商行支行行长", 11, 0.95, "funds", "duty-failure", "吹哨后未报到"]
 *   ]
 * }
 * const inputs = InputsTable.read(Presets.qijiangCommitteeMember, sheet, "2024")
 * if (inputs._tag === "Success") console.log(inputs.success.subjects[1]?.vetoes?.[0]?.id) // "duty-failure"
 * ```
 *
 * @category reading
 * @since 0.1.0
 */
export const read = (
  plan: Plan.Plan,
  sheet: Table.Sheet,
  period?: string
): Result.Result<Inputs.Inputs, ValidationReport.ValidationReport> => {
  try {
    return readInputs(plan, sheet, period)
  } catch (cause) {
    // a sheet or plan from a JavaScript caller that throws when read (a Proxy, a getter)
    return Result.fail(ValidationReport.of(Table.messages.make("CLI_TABLE_UNREADABLE", {
      params: { reason: cause instanceof Error ? cause.message : "the sheet cannot be read" }
    })))
  }
}

const readInputs = (
  plan: Plan.Plan,
  sheet: Table.Sheet,
  period: string | undefined
): Result.Result<Inputs.Inputs, ValidationReport.ValidationReport> => {
  const rows: unknown = sheet.rows
  const records = Table.toRecords(sheet, spec(plan, Array.isArray(rows) ? (rows[0] ?? []) : []), Row)
  if (Result.isFailure(records)) return Result.fail(records.failure)
  const subjects: Array<Inputs.Subject> = records.success.map((record) => {
    const values: Record<string, unknown> = {}
    const bonus: Record<string, number> = {}
    const deductions: Record<string, number> = {}
    const attributes: Record<string, string> = {}
    const manual = new Map<string, { points?: unknown; justification?: unknown; by?: unknown }>()
    for (const [field, value] of Object.entries(record)) {
      const [head, ...rest] = field.split(".")
      const key = rest.join(".")
      if (head === "values") {
        const sub = /^(.*)\.(justification|by)$/.exec(key)
        if (sub !== null) {
          const entry = manual.get(sub[1]!) ?? {}
          manual.set(sub[1]!, { ...entry, [sub[2]!]: value })
        } else setOwn(values, key, value)
      } else if (head === "bonus") setOwn(bonus, key, value as number)
      else if (head === "deductions") setOwn(deductions, key, value as number)
      else if (head === "attributes") setOwn(attributes, key, value as string)
    }
    for (const [key, extra] of manual) {
      setOwn(values, key, {
        points: Object.hasOwn(values, key) ? values[key] : undefined,
        justification: extra.justification ?? "",
        ...(extra.by === undefined ? {} : { by: extra.by })
      })
    }
    const vetoIds = (record[veto] as ReadonlyArray<string> | undefined) ?? []
    const reason = typeof record[vetoReason] === "string" ? record[vetoReason] : ""
    return {
      id: record["id"] as string,
      ...(record["name"] === undefined ? {} : { name: record["name"] as string }),
      ...(record["group"] === undefined ? {} : { group: record["group"] as string }),
      ...(Object.keys(attributes).length === 0 ? {} : { attributes }),
      values,
      ...(Object.keys(bonus).length === 0 ? {} : { bonus }),
      ...(Object.keys(deductions).length === 0 ? {} : { deductions }),
      ...(vetoIds.length === 0 ? {} : { vetoes: vetoIds.map((id) => ({ id, reason: { zh: reason, en: reason } })) }),
      ...(record["previousRank"] === undefined ? {} : { previousRank: record["previousRank"] as number })
    }
  })
  return Result.succeed({
    kind: "assessment-inputs",
    schemaVersion: 1,
    planId: plan.id,
    ...(period === undefined ? {} : { period }),
    subjects
  } as unknown as Inputs.Inputs)
}

/**
 * The results of an assessment as a sheet: rank, change, subject, group, total, grade,
 * vetoes and consequences, in the standings' order, with headers in the chosen language.
 * With `maskNames`, the subjects' names are masked as in a public notice (王小明 → 王*明).
 *
 * @example
 * ```ts
 * import { InputsTable } from "@gongzhi/cli"
 * import { Assessment, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const scored = Result.getOrThrow(Assessment.score(Presets.democraticEvaluation, Presets.democraticEvaluationExample))
 * const sheet = InputsTable.results(scored, "zh")
 * console.log(sheet.rows[0]?.slice(0, 4)) // ["名次", "变化", "编号", "名称"]
 * ```
 *
 * @category writing
 * @since 0.1.0
 */
export const results = (
  assessment: Assessment.Assessment,
  lang: Label.Lang,
  options?: { readonly maskNames?: boolean | undefined }
): Table.Sheet => {
  const nameOf = (name: string | undefined) =>
    name === undefined ? null : options?.maskNames === true ? Redaction.maskName(name) : name
  const headers: Record<Label.Lang, ReadonlyArray<string>> = {
    zh: ["名次", "变化", "编号", "名称", "分组", "总分", "满分", "等次", "否决", "结果运用"],
    en: ["rank", "change", "id", "name", "group", "total", "max", "grade", "vetoes", "consequences"]
  }
  const standings = [...assessment.subjects].sort((a, b) =>
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || b.total - a.total ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  return {
    name: lang === "zh" ? "考核结果" : "results",
    rows: [
      headers[lang],
      ...standings.map((s) => [
        s.rank ?? null,
        s.rankChange ?? null,
        s.id,
        nameOf(s.name),
        s.group ?? null,
        s.total,
        s.maxTotal,
        s.grade?.label[lang] ?? s.ungraded?.[lang] ?? null,
        s.vetoes.map((v) => v.label[lang]).join("; ") || null,
        s.consequences.map((c) => c.label[lang]).join("; ") || null
      ])
    ]
  }
}
