import type { CivilDate, Label } from "@gongzhi/core"
import { ValidationReport } from "@gongzhi/core"
import * as Cli from "../Cli.js"
import * as CountyReport from "../CountyReport.js"
import type * as Io from "../Io.js"
import * as Report from "../Report.js"
import * as Table from "../Table.js"
import * as Workbook from "../Workbook.js"
import * as Program from "./program.js"

const join = (dir: string, name: string) => `${dir.replace(/[\\/]+$/, "")}/${name}`

/** The files of a report folder: report.html, report.md, report.xlsx and one CSV a table. */
export const writeReport = async (io: Io.Io, dir: string, report: Report.Report): Promise<ReadonlyArray<string>> => {
  const written: Array<string> = []
  const write = async (name: string, data: string | Uint8Array) => {
    const path = join(dir, name)
    await io.writeFile(path, data)
    written.push(path)
  }
  const sheets = Report.toSheets(report)
  await write("report.html", Report.toHtml(report))
  await write("report.md", Report.toMarkdown(report))
  await write("report.xlsx", await Workbook.write(sheets))
  for (const sheet of sheets) await write(`csv/${sheet.name}.csv`, Table.writeCsv(sheet.rows))
  return written
}

/** The documents of a folder: every .json, .yaml/.yml and .jsonl file, parsed. */
export const readFolder = async (context: Cli.Context, dir: string): Promise<ReadonlyArray<CountyReport.Source>> => {
  let names: ReadonlyArray<string>
  try {
    names = await context.io.readDir(dir)
  } catch {
    throw new Cli.UsageError({ zh: `找不到文件夹 ${dir}`, en: `No such folder: ${dir}` })
  }
  const sources: Array<CountyReport.Source> = []
  for (const name of names) {
    if (!/\.(json|jsonl|ya?ml)$/i.test(name)) continue
    sources.push({ file: name, value: await Cli.readJson(context.io, join(dir, name)) })
  }
  if (sources.length === 0) {
    throw new Cli.UsageError({
      zh: `${dir} 中没有 JSON、YAML 或 JSONL 文档`,
      en: `${dir} has no JSON, YAML or JSONL documents`
    })
  }
  return sources
}

/** Builds the county report from sources and writes it; prints where it went. */
export const buildAndWrite = async (
  context: Cli.Context,
  sources: ReadonlyArray<CountyReport.Source>,
  out: string,
  options: {
    readonly title?: string | undefined
    readonly subtitle?: string | undefined
    readonly explain?: string | undefined
    readonly asOf: CivilDate.CivilDate
    readonly internal?: boolean | undefined
  }
): Promise<ReadonlyArray<string>> => {
  const lang: Label.Lang = context.lang()
  const report = ValidationReport.getOrThrow(CountyReport.build(sources, {
    lang,
    title: options.title,
    subtitle: options.subtitle,
    explain: options.explain,
    asOf: options.asOf,
    internal: options.internal,
    onOrgFindings: ({ errors, file, warnings }) => {
      if (errors + warnings === 0) return
      context.warn(
        lang === "zh"
          ? `${file}：组织核查（截至 ${options.asOf}）发现 ${errors} 个错误、${warnings} 个警告，已列入报告（gongzhi validate ${file} 可逐条查看）`
          : `${file}: checked on ${options.asOf}, the organisation has ${errors} ${
            errors === 1 ? "error" : "errors"
          } and ${warnings} ${
            warnings === 1 ? "warning" : "warnings"
          }, listed in the report (gongzhi validate ${file} shows each)`
      )
    },
    onStep: (step) => {
      if (!context.quiet() && context.io.stderr.isTTY === true) context.warn(lang === "zh" ? `… ${step}` : `… ${step}`)
    }
  }))
  return writeReport(context.io, out, report)
}

export const installReport: Cli.Installer = (program, context) => {
  const t = Program.pick(context.helpLang)
  program
    .command("report")
    .description(Program.described("report", context.helpLang))
    .argument(
      "<dir>",
      t(
        "文档文件夹：组织数据和组织规则、积分流水（.jsonl）、共建履约、考核方案和考核数据",
        "a folder of documents: org rows and policy, points journal (.jsonl), co-building fulfilment, assessment plan and inputs"
      )
    )
    .option(
      "-o, --out <dir>",
      t("报告写到哪里（默认：<dir>/report）", "where to write the report (default: <dir>/report)")
    )
    .option("--title <title>", t("报告标题", "the report's title"))
    .option(
      "--explain <subject>",
      t("说明谁的得分（默认排名第一的）", "whose score to explain (the first ranked by default)")
    )
    .option(
      "--as-of <date>",
      t(
        "按哪一天检查组织（任期、谁担任什么职务）；默认今天",
        "the date the organisation is checked on (terms, who holds what); today by default"
      )
    )
    .option(
      "--internal",
      t(
        "内部报告：显示被考核人员的姓名（默认遮蔽）",
        "an internal report: show the names of assessed people (masked by default)"
      )
    )
    .addHelpText(
      "after",
      Cli.helpExamples([
        "gongzhi report documents/",
        "gongzhi report documents/ --out county-2024 --title \"红安县 2024 年社区治理报告\""
      ], context.helpLang)
    )
    .action(async (
      dir: string,
      options: { out?: string; title?: string; explain?: string; asOf?: string; internal?: boolean }
    ) => {
      const asOf = Cli.asOfOption(options.asOf)
      const sources = await readFolder(context, dir)
      const out = options.out ?? join(dir, "report")
      const written = await buildAndWrite(context, sources, out, { ...options, asOf })
      if (!context.quiet()) {
        context.print(
          context.lang() === "zh"
            ? `已从 ${sources.length} 份文档写出报告：`
            : `Report written from ${sources.length} documents:`
        )
        for (const path of written) context.print(`  ${path}`)
      }
    })
}
