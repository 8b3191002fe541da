import { Instant, ValidationReport } from "@gongzhi/core"
import { Ballots, DecisionRule, Electorate, Presets, Tally } from "@gongzhi/deliberation"
import type { Command } from "commander"
import * as Result from "effect/Result"
import * as Cli from "../Cli.js"
import * as Program from "./program.js"

/** An instant option (`--opens`, `--closes`, `--as-of`): a bad one is a usage error (exit code 2). */
const instantOption = (flag: string, text: string | undefined): Instant.Instant | undefined => {
  if (text === undefined) return undefined
  const parsed = Instant.make(text)
  if (Result.isSuccess(parsed)) return parsed.success
  throw new Cli.UsageError({
    zh: `${flag} ${text}：${parsed.failure.issues[0]?.message.zh ?? "不是时刻（ISO-8601）"}`,
    en: `${flag} ${text}: ${parsed.failure.issues[0]?.message.en ?? "not an instant (ISO-8601)"}`
  })
}

/** A decision rule from a file, or a shipped preset as `preset:<id>`. */
const loadRule = async (context: Cli.Context, source: string): Promise<DecisionRule.DecisionRule> => {
  if (source.startsWith("preset:")) {
    const rule = Presets.byId(source.slice("preset:".length))
    if (rule === undefined) {
      const known = Presets.all.map((r) => `preset:${r.id}`).join(", ")
      throw new Cli.UsageError({
        zh: `没有名为 ${source} 的预置表决规则；可用：${known}`,
        en: `There is no preset decision rule ${source}; available: ${known}`
      })
    }
    return rule
  }
  return ValidationReport.getOrThrow(DecisionRule.decode(await Cli.readJson(context.io, source)))
}

/**
 * Rows as objects keyed by their header, from the first sheet of a .csv/.xlsx file (cells as
 * text, as a county's roster has them), or from a JSON/YAML array of such objects.
 */
const loadRows = async (context: Cli.Context, source: string): Promise<ReadonlyArray<unknown>> => {
  if (/\.(csv|xlsx)$/i.test(source)) {
    const [sheet] = await Cli.readSheets(context.io, source)
    const [header = [], ...body] = sheet?.rows ?? []
    const names = header.map((cell) => String(cell ?? "").trim())
    return body.map((row) => {
      const record: Record<string, string> = {}
      names.forEach((name, i) => {
        const cell = row[i]
        if (name !== "" && cell !== null && cell !== undefined && String(cell).trim() !== "") {
          record[name] = String(cell)
        }
      })
      return record
    })
  }
  const value = await Cli.readJson(context.io, source)
  if (!Array.isArray(value)) {
    throw new Cli.UsageError({
      zh: `${source} 应为一组行（JSON 数组）或 .csv / .xlsx 表格`,
      en: `${source} should hold a list of rows (a JSON array) or be a .csv / .xlsx table`
    })
  }
  return value
}

/** The first and last moment of the ballots: the box's default opening and closing. */
const span = (ballots: ReadonlyArray<Ballots.Ballot>): { readonly first: string; readonly last: string } => {
  let first = ballots[0]!.at as string
  let last = first
  for (const ballot of ballots) {
    if (Date.parse(ballot.at) < Date.parse(first)) first = ballot.at
    if (Date.parse(ballot.at) > Date.parse(last)) last = ballot.at
  }
  return { first, last }
}

/** `gongzhi tally <rule> <electorate> <ballots>`: count a vote by the law's thresholds. */
export const installTally: Cli.Installer = (program: Command, context: Cli.Context) => {
  const t = Program.pick(context.helpLang)
  program
    .command("tally")
    .description(Program.described("tally", context.helpLang))
    .argument(
      "<rule>",
      t("表决规则：文件（.json/.yaml）或 preset:<编号>", "the decision rule: a file (.json/.yaml) or preset:<id>")
    )
    .argument(
      "<electorate>",
      t(
        "表决权人：业主专有部分或党员，来自 .csv/.xlsx（中文表头）或 .json 行",
        "who votes: owners' units or members, from .csv/.xlsx (Chinese headers) or .json rows"
      )
    )
    .argument(
      "<ballots>",
      t(
        "表决票，来自 .csv/.xlsx（中文表头）或 .json 行",
        "the ballots, from .csv/.xlsx (Chinese headers) or .json rows"
      )
    )
    .option("--matter <id>", t("表决的议题", "the matter voted on"), "matter")
    .option(
      "--opens <instant>",
      t(
        "表决开始时间（ISO-8601）；默认为第一张票的时间",
        "when voting opened (ISO-8601); the first ballot's time by default"
      )
    )
    .option(
      "--closes <instant>",
      t(
        "表决截止时间（ISO-8601）；默认为最后一张票的时间",
        "when voting closed (ISO-8601); the last ballot's time by default"
      )
    )
    .option("--as-of <instant>", t("表决进行中时，按这一时刻计票", "count as of this moment while voting is open"))
    .option("--json", t("以 JSON 输出计票结果", "print the tally as JSON"))
    .option(
      "--db <location>",
      t(
        "同时把票箱存入存储（PGlite 目录、memory:// 或 postgres://…；流 ballots/<matter>），并按从中读回的票箱计票",
        "also keep the ballot box in a store (a PGlite directory, memory:// or postgres://…; stream ballots/<matter>) and count the box read back from it"
      )
    )
    .addHelpText(
      "after",
      Cli.helpExamples([
        "gongzhi tally preset:civil-code-278-ordinary 业主名册.xlsx 表决票.xlsx",
        "gongzhi --lang en tally rule.json electorate.json ballots.json --closes 2024-10-31T18:00:00+08:00",
        "gongzhi tally preset:civil-code-278-ordinary 业主名册.xlsx 表决票.xlsx --matter wall-repair --db ./gongzhi-data"
      ], context.helpLang)
    )
    .action(async (ruleFile: string, electorateFile: string, ballotsFile: string, options: {
      matter: string
      opens?: string
      closes?: string
      asOf?: string
      json?: boolean
      db?: string
    }) => {
      const opens = instantOption("--opens", options.opens)
      const closes = instantOption("--closes", options.closes)
      const asOf = instantOption("--as-of", options.asOf)
      const rule = await loadRule(context, ruleFile)
      const rows = await loadRows(context, electorateFile)
      const electorate = ValidationReport.getOrThrow(
        rule.electorate === "owners" ? Electorate.fromOwnerRows(rows) : Electorate.fromMemberRows(rows)
      )
      const ballots = ValidationReport.getOrThrow(Ballots.fromRows(await loadRows(context, ballotsFile)))
      if (ballots.length === 0 && (opens === undefined || closes === undefined)) {
        throw new Cli.UsageError({
          zh: `${ballotsFile} 中没有表决票：请用 --opens 和 --closes 给出表决时间`,
          en: `${ballotsFile} has no ballots: give the voting time with --opens and --closes`
        })
      }
      const times = ballots.length === 0 ? undefined : span(ballots)
      const box = ValidationReport.getOrThrow(Ballots.open({
        matter: options.matter,
        rule,
        electorate,
        opensAt: (opens ?? times!.first) as Ballots.OpenInput["opensAt"],
        closesAt: (closes ?? times!.last) as Ballots.OpenInput["closesAt"]
      }))
      let cast = ValidationReport.getOrThrow(Ballots.castAll(box, ballots))
      if (options.db !== undefined) {
        // loaded only now: a store means PGlite or the pg driver
        const store = await import("./store.js")
        const location = store.locationOf(context, options.db)
        const kept = await store.storeBox(location, cast)
        cast = kept.box
        if (!context.quiet()) {
          context.warn(
            context.lang() === "zh"
              ? `票箱 ballots/${cast.matter} 已存入 ${
                store.shown(location)
              }（新写入 ${kept.written} 条，共 ${kept.length} 条），按读回的 ${cast.records.length} 张票计票`
              : `ballot box ballots/${cast.matter} kept in ${
                store.shown(location)
              } (${kept.written} records written, ${kept.length} in all); counting the ${cast.records.length} ballots read back`
          )
        }
      }
      const tally = ValidationReport.getOrThrow(
        Tally.count(
          cast,
          asOf === undefined ? undefined : { asOf: asOf as Ballots.OpenInput["opensAt"] }
        )
      )
      context.print(options.json === true ? JSON.stringify(tally, null, 2) : tally.explanation[context.lang()])
      if (!tally.passed) context.fail(1)
    })
}
