/**
 * The county report: a document of blocks (tables, bar charts, an org chart, explanations)
 * rendered as one self-contained HTML page (inline SVG, no network), as Markdown (Mermaid
 * org chart and tables), and as spreadsheet tables for `.xlsx` and `.csv`.
 *
 * @since 0.1.0
 */
import { Redaction } from "@gongzhi/core"
import type * as Table from "./Table.js"

/**
 * A paragraph of text.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const block: Report.Paragraph = { _tag: "Paragraph", text: "红安县 19 个社区大党委" }
 * console.log(block.text)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Paragraph {
  readonly _tag: "Paragraph"
  readonly text: string
}

/**
 * A table; it also becomes a sheet of the workbook and a CSV file.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const block: Report.TableBlock = { _tag: "Table", title: "覆盖", sheet: "coverage", columns: ["社区", "网格"], rows: [["A", 12]] }
 * console.log(block.rows.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface TableBlock {
  readonly _tag: "Table"
  readonly title: string
  /** File-safe name for the sheet and the CSV file. */
  readonly sheet: string
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Table.Cell>>
}

/**
 * A horizontal bar chart.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const block: Report.Bars = { _tag: "Bars", title: "积分", bars: [{ label: "哈*喜", value: 400 }] }
 * console.log(block.bars[0]?.value)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Bars {
  readonly _tag: "Bars"
  readonly title: string
  readonly unit?: string | undefined
  readonly bars: ReadonlyArray<{ readonly label: string; readonly value: number; readonly note?: string | undefined }>
}

/**
 * An org chart: nodes with their parent.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const block: Report.OrgChart = {
 *   _tag: "OrgChart",
 *   title: "组织架构",
 *   nodes: [{ id: "gc", label: "社区大党委" }, { id: "b1", parentId: "gc", label: "网格党支部" }]
 * }
 * console.log(block.nodes.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface OrgChart {
  readonly _tag: "OrgChart"
  readonly title: string
  readonly nodes: ReadonlyArray<{ readonly id: string; readonly parentId?: string | undefined; readonly label: string }>
}

/**
 * Preformatted text, such as the explanation of a score.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const block: Report.Preformatted = { _tag: "Preformatted", title: "得分说明", text: "总分 92.5" }
 * console.log(block.title)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Preformatted {
  readonly _tag: "Preformatted"
  readonly title: string
  readonly text: string
}

/**
 * A block of a report.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const blocks: ReadonlyArray<Report.Block> = [{ _tag: "Paragraph", text: "…" }]
 * console.log(blocks.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Block = Paragraph | TableBlock | Bars | OrgChart | Preformatted

/**
 * A section: a heading and its blocks.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const section: Report.Section = { title: "平利 积分", blocks: [] }
 * console.log(section.title)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Section {
  readonly title: string
  readonly blocks: ReadonlyArray<Block>
}

/**
 * A whole report.
 *
 * @example
 * ```ts
 * import type { Report } from "@gongzhi/cli"
 *
 * const report: Report.Report = { title: "共治报告", subtitle: "seed 1", sections: [] }
 * console.log(report.title)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Report {
  readonly title: string
  readonly subtitle?: string | undefined
  readonly sections: ReadonlyArray<Section>
}

const maskCell = (cell: Table.Cell): Table.Cell => (typeof cell === "string" ? Redaction.maskText(cell) : cell)

const redactBlock = (block: Block): Block => {
  const m = Redaction.maskText
  switch (block._tag) {
    case "Paragraph":
      return { _tag: "Paragraph", text: m(block.text) }
    case "Table":
      return {
        ...block,
        title: m(block.title),
        columns: block.columns.map(m),
        rows: block.rows.map((row) => row.map(maskCell))
      }
    case "Bars":
      return {
        ...block,
        title: m(block.title),
        ...(block.unit === undefined ? {} : { unit: m(block.unit) }),
        bars: block.bars.map((bar) => ({
          ...bar,
          label: m(bar.label),
          ...(bar.note === undefined ? {} : { note: m(bar.note) })
        }))
      }
    case "OrgChart":
      return { ...block, title: m(block.title), nodes: block.nodes.map((node) => ({ ...node, label: m(node.label) })) }
    case "Preformatted":
      return { _tag: "Preformatted", title: m(block.title), text: m(block.text) }
  }
}

/**
 * The report with personal identifiers masked in every text it shows — titles, paragraphs,
 * table headers and cells, bar labels and notes, chart labels, explanations: mainland mobile
 * and landline numbers, resident ID numbers, bank card numbers and e-mail addresses (core's
 * `Redaction.maskText`, as 个人信息保护法 practice and GB/T 35273 describe). Names cannot be
 * found by pattern: a section that shows people masks their names itself. The county report
 * is always redacted; HTML, Markdown, Excel and CSV all render the redacted report.
 *
 * @example
 * ```ts
 * import { Report } from "@gongzhi/cli"
 *
 * const report = Report.redact({
 *   title: "报告",
 *   sections: [{ title: "组织", blocks: [{ _tag: "Paragraph", text: "网格员电话13812345678" }] }]
 * })
 * console.log(report.sections[0]!.blocks[0]) // { _tag: "Paragraph", text: "网格员电话138****5678" }
 * ```
 *
 * @category rendering
 * @since 0.2.0
 */
export const redact = (report: Report): Report => ({
  title: Redaction.maskText(report.title),
  ...(report.subtitle === undefined ? {} : { subtitle: Redaction.maskText(report.subtitle) }),
  sections: report.sections.map((section) => ({
    title: Redaction.maskText(section.title),
    blocks: section.blocks.map(redactBlock)
  }))
})

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]!)

const cellText = (
  cell: Table.Cell
): string => (cell === null ? "" : typeof cell === "number" ? cell.toLocaleString("en-US") : String(cell))

/** Approximate text width in pixels at 12px: CJK and full-width characters are wider. */
const textWidth = (text: string): number => {
  let w = 0
  for (const ch of text) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 12 : 7
  return w
}

const barsSvg = (block: Bars): string => {
  const barArea = 420
  const rowHeight = 22
  const max = Math.max(1, ...block.bars.map((b) => b.value))
  const height = block.bars.length * rowHeight + 8
  const valueText = (bar: Bars["bars"][number]) =>
    `${bar.value.toLocaleString("en-US")}${block.unit === undefined ? "" : ` ${block.unit}`}${
      bar.note === undefined ? "" : ` · ${bar.note}`
    }`
  const labelWidth = Math.min(320, Math.max(60, ...block.bars.map((b) => textWidth(b.label) + 12)))
  const width = labelWidth + barArea + 12 + Math.max(40, ...block.bars.map((b) => textWidth(valueText(b))))
  const rows = block.bars.map((bar, i) => {
    const y = i * rowHeight + 4
    const w = Math.max(0, Math.round((barArea * bar.value) / max))
    return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="2" fill="#c0392b"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 15}">${escapeHtml(valueText(bar))}</text>`
  })
  return `<div class="scroll"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${
    escapeHtml(block.title)
  }" width="${width}" height="${height}" font-size="12">${rows.join("")}</svg></div>`
}

/**
 * Draws an org chart as a standalone SVG: a tidy tree layout (depth → row, leaves left to right,
 * parents centred), computed without recursion.
 *
 * @example
 * ```ts
 * import { Report } from "@gongzhi/cli"
 *
 * const svg = Report.orgChartSvg({ _tag: "OrgChart", title: "组织", nodes: [{ id: "gc", label: "社区大党委" }, { id: "b", parentId: "gc", label: "党支部" }] })
 * console.log(svg.startsWith("<svg"), (svg.match(/<rect/g) ?? []).length) // true 2
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const orgChartSvg = (block: OrgChart): string => {
  const children = new Map<string | undefined, Array<OrgChart["nodes"][number]>>()
  const ids = new Set(block.nodes.map((n) => n.id))
  for (const node of block.nodes) {
    const parent = node.parentId !== undefined && ids.has(node.parentId) ? node.parentId : undefined
    const list = children.get(parent) ?? []
    list.push(node)
    children.set(parent, list)
  }
  const position = new Map<string, { x: number; depth: number }>()
  let nextLeaf = 0
  let maxDepth = 0
  // post-order without recursion
  const stack: Array<{ node: OrgChart["nodes"][number]; depth: number; visited: boolean }> =
    (children.get(undefined) ?? [])
      .slice().reverse().map((node) => ({ node, depth: 0, visited: false }))
  while (stack.length > 0) {
    const top = stack.pop()!
    const kids = children.get(top.node.id) ?? []
    maxDepth = Math.max(maxDepth, top.depth)
    if (!top.visited && kids.length > 0) {
      stack.push({ ...top, visited: true })
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: top.depth + 1, visited: false })
      continue
    }
    const x = kids.length === 0
      ? nextLeaf++
      : (position.get(kids[0]!.id)!.x + position.get(kids[kids.length - 1]!.id)!.x) / 2
    position.set(top.node.id, { x, depth: top.depth })
  }
  const boxWidth = 132
  const gapX = 12
  const rowHeight = 70
  const width = Math.max(1, nextLeaf) * (boxWidth + gapX) + gapX
  const height = (maxDepth + 1) * rowHeight + 10
  const px = (x: number) => gapX + x * (boxWidth + gapX)
  const edges: Array<string> = []
  const boxes: Array<string> = []
  for (const node of block.nodes) {
    const p = position.get(node.id)
    if (p === undefined) continue
    const parent = node.parentId === undefined ? undefined : position.get(node.parentId)
    if (parent !== undefined) {
      edges.push(
        `<line x1="${px(parent.x) + boxWidth / 2}" y1="${parent.depth * rowHeight + 40}" x2="${
          px(p.x) + boxWidth / 2
        }" y2="${p.depth * rowHeight + 10}" stroke="#999"/>`
      )
    }
    const label = node.label.length > 11 ? `${node.label.slice(0, 10)}…` : node.label
    boxes.push(
      `<g><title>${escapeHtml(node.label)}</title><rect x="${px(p.x)}" y="${
        p.depth * rowHeight + 10
      }" width="${boxWidth}" height="30" rx="4" fill="#fdf2f0" stroke="#c0392b"/>` +
        `<text x="${px(p.x) + boxWidth / 2}" y="${p.depth * rowHeight + 30}" text-anchor="middle">${
          escapeHtml(label)
        }</text></g>`
    )
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${
    escapeHtml(block.title)
  }" width="${width}" height="${height}" font-size="12" font-family="sans-serif">${edges.join("")}${
    boxes.join("")
  }</svg>`
}

const tableHtml = (block: TableBlock): string =>
  `<div class="scroll"><table><thead><tr>${
    block.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")
  }</tr></thead><tbody>${
    block.rows.map((row) =>
      `<tr>${
        row.map((cell) => `<td${typeof cell === "number" ? " class=\"num\"" : ""}>${escapeHtml(cellText(cell))}</td>`)
          .join("")
      }</tr>`
    ).join("")
  }</tbody></table></div>`

const blockHtml = (block: Block): string => {
  switch (block._tag) {
    case "Paragraph":
      return `<p>${escapeHtml(block.text)}</p>`
    case "Table":
      return `<h3>${escapeHtml(block.title)}</h3>${tableHtml(block)}`
    case "Bars":
      return `<h3>${escapeHtml(block.title)}</h3>${barsSvg(block)}`
    case "OrgChart":
      return `<h3>${escapeHtml(block.title)}</h3>${`<div class="scroll">${orgChartSvg(block)}</div>`}`
    case "Preformatted":
      return `<h3>${escapeHtml(block.title)}</h3><pre>${escapeHtml(block.text)}</pre>`
  }
}

/**
 * Renders a report as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
 *
 * @example
 * ```ts
 * import { Report } from "@gongzhi/cli"
 *
 * const html = Report.toHtml({ title: "共治报告", sections: [{ title: "积分", blocks: [{ _tag: "Bars", title: "排行", bars: [{ label: "哈*喜", value: 400 }] }] }] })
 * console.log(html.includes("<svg")) // true
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const toHtml = (report: Report): string =>
  `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
h1{color:#a93226}h2{border-bottom:2px solid #c0392b;padding-bottom:.2rem;margin-top:2.2rem}h3{margin-top:1.4rem}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #ddd;padding:.25rem .6rem;text-align:left}
th{background:#fdf2f0}td.num{text-align:right;font-variant-numeric:tabular-nums}
pre{background:#f7f7f7;padding:.8rem;overflow:auto;font-size:.85rem;white-space:pre-wrap;word-break:break-word}.scroll{overflow-x:auto}
nav a{margin-right:1rem}
</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
${report.subtitle === undefined ? "" : `<p>${escapeHtml(report.subtitle)}</p>`}
<nav>${report.sections.map((s, i) => `<a href="#s${i + 1}">${escapeHtml(s.title)}</a>`).join("")}</nav>
${
    report.sections.map((section, i) =>
      `<section id="s${i + 1}"><h2>${escapeHtml(section.title)}</h2>${
        section.blocks.map(blockHtml).join("\n")
      }</section>`
    ).join("\n")
  }
</body>
</html>
`

const mdCell = (cell: Table.Cell): string => cellText(cell).replace(/\|/g, "\\|").replace(/\n/g, " ")

const mermaidId = (id: string, index: Map<string, string>): string => {
  let name = index.get(id)
  if (name === undefined) {
    name = `n${index.size}`
    index.set(id, name)
  }
  return name
}

const blockMarkdown = (block: Block): string => {
  switch (block._tag) {
    case "Paragraph":
      return block.text
    case "Table":
      return [
        `### ${block.title}`,
        "",
        `| ${block.columns.map((c) => mdCell(c)).join(" | ")} |`,
        `|${block.columns.map(() => "---").join("|")}|`,
        ...block.rows.map((row) => `| ${row.map(mdCell).join(" | ")} |`)
      ].join("\n")
    case "Bars":
      return [
        `### ${block.title}`,
        "",
        `| | ${block.unit ?? ""} |`,
        "|---|---:|",
        ...block.bars.map((b) =>
          `| ${mdCell(b.label)} | ${b.value.toLocaleString("en-US")}${
            b.note === undefined ? "" : ` (${mdCell(b.note)})`
          } |`
        )
      ].join("\n")
    case "OrgChart": {
      const index = new Map<string, string>()
      const lines = block.nodes.map((node) => {
        const self = `${mermaidId(node.id, index)}["${node.label.replace(/"/g, "'")}"]`
        return node.parentId === undefined ? `  ${self}` : `  ${mermaidId(node.parentId, index)} --> ${self}`
      })
      return [`### ${block.title}`, "", "```mermaid", "graph TD", ...lines, "```"].join("\n")
    }
    case "Preformatted":
      return [`### ${block.title}`, "", "```text", block.text, "```"].join("\n")
  }
}

/**
 * Renders a report as Markdown: headings, tables and a Mermaid org chart.
 *
 * @example
 * ```ts
 * import { Report } from "@gongzhi/cli"
 *
 * const md = Report.toMarkdown({ title: "共治报告", sections: [{ title: "组织", blocks: [{ _tag: "OrgChart", title: "架构", nodes: [{ id: "gc", label: "社区大党委" }] }] }] })
 * console.log(md.includes("```mermaid")) // true
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const toMarkdown = (report: Report): string =>
  [
    `# ${report.title}`,
    ...(report.subtitle === undefined ? [] : ["", report.subtitle]),
    ...report.sections.flatMap((
      section
    ) => ["", `## ${section.title}`, ...section.blocks.flatMap((b) => ["", blockMarkdown(b)])]),
    ""
  ].join("\n")

/**
 * The tables of a report as sheets (header row first), for `.xlsx` and `.csv` files.
 *
 * @example
 * ```ts
 * import { Report } from "@gongzhi/cli"
 *
 * const sheets = Report.toSheets({ title: "t", sections: [{ title: "s", blocks: [{ _tag: "Table", title: "覆盖", sheet: "coverage", columns: ["社区"], rows: [["A"]] }] }] })
 * console.log(sheets[0]?.name) // "coverage"
 * ```
 *
 * @category rendering
 * @since 0.1.0
 */
export const toSheets = (report: Report): ReadonlyArray<Table.Sheet> =>
  report.sections.flatMap((section) =>
    section.blocks.flatMap((block) => {
      if (block._tag === "Table") return [{ name: block.sheet, rows: [block.columns, ...block.rows] }]
      return []
    })
  )
