import { Assessment, Explanation, Inputs, Plan, Presets } from "@gongzhi/assessment-scoring"
import { Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Cli from "../Cli.js"
import * as InputsTable from "../InputsTable.js"
import * as Program from "./program.js"
import { padCells } from "./text.js"

/** A plan from a file, or a shipped preset as `preset:<id>`. */
export const loadPlan = async (context: Cli.Context, source: string): Promise<Plan.Plan> => {
  if (source.startsWith("preset:")) {
    const plan = Presets.plans[source.slice("preset:".length)]
    if (plan === undefined) {
      const known = Object.keys(Presets.plans).map((id) => `preset:${id}`).join(", ")
      throw new Cli.UsageError({
        zh: `没有名为 ${source} 的预置方案；可用：${known}`,
        en: `There is no preset ${source}; available: ${known}`
      })
    }
    return plan
  }
  return ValidationReport.getOrThrow(Plan.decode(await Cli.readJson(context.io, source)))
}

/**
 * What `validate` says of an inputs document: the very check `score` makes (`Assessment.score`
 * against the plan), so the two agree on every value — a YAML `.nan`, a `-1`, a `"10"`. The
 * plan is one of the run's documents with the inputs' `planId`, or the preset of that id; with
 * neither, a warning says the values were not checked.
 */
export const checkInputs = (
  inputs: Inputs.Inputs,
  documents: ReadonlyArray<{ readonly kind: string; readonly document: unknown }>
): ValidationReport.ValidationReport => {
  const given = documents.find((d) =>
    d.kind === Plan.document.kind && (d.document as { readonly id?: unknown }).id === inputs.planId
  )
  const plan = (given?.document as Plan.Plan | undefined) ??
    (Object.hasOwn(Presets.plans, inputs.planId) ? Presets.plans[inputs.planId] : undefined)
  if (plan === undefined) {
    return ValidationReport.of(Issue.make({
      code: "CLI_INPUTS_PLAN_NOT_GIVEN",
      severity: "warning",
      path: ["planId"],
      params: { planId: inputs.planId },
      message: {
        zh: "未给出方案 {planId}，数值未按方案检查：请把方案文件一起传入（gongzhi validate plan.json inputs.json）",
        en:
          "The plan {planId} was not given, so the values were not checked against it: validate the plan file too (gongzhi validate plan.json inputs.json)"
      }
    }))
  }
  const scored = Assessment.score(plan, inputs)
  return Result.isFailure(scored) ? scored.failure : ValidationReport.empty
}

/** Inputs from JSON/YAML (an `assessment-inputs` document) or from a sheet of a table. */
export const loadInputs = async (
  context: Cli.Context,
  plan: Plan.Plan,
  source: string,
  options: { readonly sheet?: string | undefined; readonly period?: string | undefined }
): Promise<Inputs.Inputs> => {
  if (/\.(csv|xlsx)$/i.test(source)) {
    const sheets = await Cli.readSheets(context.io, source)
    const sheet = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet)
    if (sheet === undefined) {
      throw new Cli.UsageError({
        zh: `${source} 中没有表 ${options.sheet ?? ""}；有：${sheets.map((s) => s.name).join(", ")}`,
        en: `${source} has no sheet ${options.sheet ?? ""}; it has: ${sheets.map((s) => s.name).join(", ")}`
      })
    }
    return ValidationReport.getOrThrow(InputsTable.read(plan, sheet, options.period))
  }
  const inputs = ValidationReport.getOrThrow(Inputs.document.decode(await Cli.readJson(context.io, source)))
  return options.period === undefined ? inputs : { ...inputs, period: options.period }
}

/** Prints the standings of an assessment as an aligned table. */
export const printStandings = (context: Cli.Context, assessment: Assessment.Assessment): void => {
  const lang = context.lang()
  const sheet = InputsTable.results(assessment, lang)
  const shown = sheet.rows.map((row) =>
    [row[0], row[1], row[3] ?? row[2], row[4], row[5], row[7], row[8], row[9]].map((cell) =>
      cell === null || cell === undefined ? "" : String(cell)
    )
  )
  for (const line of padCells(shown)) context.print(line)
}

export const installScore: Cli.Installer = (program, context) => {
  const t = Program.pick(context.helpLang)
  program
    .command("score")
    .description(Program.described("score", context.helpLang))
    .argument(
      "<plan>",
      t(
        "考核方案文档（JSON/YAML），或内置方案 preset:<编号>，如 preset:qijiang-grand-committee",
        "the plan document (JSON/YAML), or a shipped plan as preset:<id>, e.g. preset:qijiang-grand-committee"
      )
    )
    .argument(
      "[inputs]",
      t(
        "考核数据：考核数据文档（.json/.yaml）或表格（.csv/.xlsx），每个考核对象一行",
        "the inputs: an assessment-inputs document (.json/.yaml) or a table (.csv/.xlsx), one row per subject"
      )
    )
    .option(
      "--template <file>",
      t(
        "为方案写出一张空白考核数据表（.xlsx 或 .csv，表头用 --lang 的语言）后结束",
        "write a blank inputs table for the plan (.xlsx or .csv, headers in the --lang language) and stop"
      )
    )
    .option("--explain <subject>", t("逐项说明某个考核对象的得分", "explain one subject's score point by point"))
    .option(
      "--sheet <name>",
      t("要读取的 .xlsx 工作表（默认第一张）", "the sheet of an .xlsx file to read (the first by default)")
    )
    .option("--period <period>", t("考核期间，如 2024", "the period assessed, e.g. 2024"))
    .option(
      "-o, --out <file>",
      t("把结果表写到 .xlsx、.csv 或 .json", "write the results table to .xlsx, .csv or .json")
    )
    .option("--json", t("以 JSON 输出完整的考核结果", "print the whole assessment as JSON"))
    .addHelpText(
      "after",
      Cli.helpExamples([
        "gongzhi score preset:qijiang-committee-member --template members.xlsx",
        "gongzhi score preset:qijiang-committee-member members.xlsx --explain cm-bank",
        "gongzhi score plan.json inputs.csv --out results.xlsx",
        "gongzhi score plan.yaml inputs.json --json > assessment.json"
      ], context.helpLang)
    )
    .action(async (planFile: string, inputsFile: string | undefined, options: {
      template?: string
      explain?: string
      sheet?: string
      period?: string
      out?: string
      json?: boolean
    }) => {
      const plan = await loadPlan(context, planFile)
      if (options.template !== undefined) {
        await Cli.writeSheets(context.io, options.template, [InputsTable.template(plan, context.lang())])
        if (!context.quiet()) {
          context.print(
            context.lang() === "zh" ? `已写入空白表 ${options.template}` : `wrote the blank table ${options.template}`
          )
        }
        return
      }
      if (inputsFile === undefined) {
        throw new Cli.UsageError({
          zh: "请给出考核数据文件（或用 --template 生成空白表）",
          en: "Give the inputs file (or --template to write a blank one)"
        })
      }
      const inputs = await loadInputs(context, plan, inputsFile, options)
      const scored = Assessment.score(plan, inputs)
      if (Result.isFailure(scored)) {
        Cli.printReport(context, inputsFile, scored.failure)
        return
      }
      const assessment = scored.success
      const lang = context.lang()
      if (options.json === true) {
        context.io.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`)
      } else {
        if (!context.quiet()) {
          context.print(
            `${assessment.planName[lang]} (${assessment.planId} v${assessment.planVersion})${
              assessment.period === undefined ? "" : ` · ${assessment.period}`
            } · ${lang === "zh" ? `${assessment.subjects.length} 个对象` : `${assessment.subjects.length} subjects`}`
          )
        }
        printStandings(context, assessment)
      }
      if (options.explain !== undefined) {
        const subject = Assessment.subject(assessment, options.explain)
        if (subject === undefined) {
          throw new Cli.UsageError({
            zh: `没有编号为 ${options.explain} 的考核对象`,
            en: `No subject with id ${options.explain}`
          })
        }
        context.print("")
        context.print(Explanation.format(subject, lang))
      }
      if (options.out !== undefined) {
        await Cli.writeSheets(context.io, options.out, [InputsTable.results(assessment, lang)])
        if (!context.quiet()) context.warn(lang === "zh" ? `已写入 ${options.out}` : `wrote ${options.out}`)
      }
    })
}
