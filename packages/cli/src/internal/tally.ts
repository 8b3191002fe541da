import { Instant, Issue, ValidationReport } from "@gongzhi/core"
import { DecisionRule, Presets, Tally, Vote } from "@gongzhi/deliberation"
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

/**
 * A decision rule from a file (decoded here, once), or a shipped preset as `preset:<id>`. A file
 * that does not decode is reported at the file: its issues' paths start with its name, as a bad
 * row of the electorate or ballots file does.
 */
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
  const decoded = DecisionRule.decode(await Cli.readJson(context.io, source))
  if (Result.isSuccess(decoded)) return decoded.success
  throw new ValidationReport.DomainError(ValidationReport.make(
    decoded.failure.issues.map(Issue.prefixPath([source]))
  ))
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

/**
 * Where an issue of the vote record lies in the command's own terms: the roster's rows in the
 * electorate file, the ballot rows in the ballots file, the window in `--opens` / `--closes`,
 * the matter in `--matter`. (The rule is given to the record decoded, by its id: a rule file's
 * own issues are named at the file by `loadRule`.)
 */
const located = (files: { readonly electorate: string; readonly ballots: string }) =>
(
  issue: Issue.DomainIssue
): Issue.DomainIssue => {
  const [head, next, ...rest] = issue.path
  const at = (prefix: Issue.Path, tail: Issue.Path) => ({ ...issue, path: [...prefix, ...tail] })
  if (head === "electorate" && next === "rows") return at([files.electorate], rest)
  if (head === "ballots") return at([files.ballots], issue.path.slice(1))
  if (head === "opensAt") return at(["--opens"], issue.path.slice(1))
  if (head === "closesAt") return at(["--closes"], issue.path.slice(1))
  if (head === "matter") return at(["--matter"], [])
  return issue
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
      const ballotRows = await loadRows(context, ballotsFile)
      // the same reading, window and count as a vote record (Vote.count): one set of rules; the
      // record names the rule by its id and is given the rule as decoded above, not to decode it again
      const counted = Vote.count({
        kind: "deliberation-vote",
        schemaVersion: 1,
        matter: { id: options.matter, title: options.matter },
        rule: rule.id,
        electorate: { kind: rule.electorate, rows },
        ballots: ballotRows,
        ...(opens === undefined ? {} : { opensAt: opens }),
        ...(closes === undefined ? {} : { closesAt: closes })
      }, { asOf, rules: [rule] })
      if (Result.isFailure(counted)) {
        const window = counted.failure.issues.find((issue) => issue.code === "DELIB_VOTE_WINDOW_REQUIRED")
        if (window !== undefined) {
          throw new Cli.UsageError({
            zh: `${ballotsFile} 中没有表决票，或所有表决票时间相同：请用 --opens 和 --closes 给出表决时间`,
            en:
              `${ballotsFile} has no ballots, or all its ballots share one moment: give the voting time with --opens and --closes`
          })
        }
        throw new ValidationReport.DomainError(ValidationReport.make(
          counted.failure.issues.map(located({ electorate: electorateFile, ballots: ballotsFile }))
        ))
      }
      let cast = counted.success.box
      let tally = counted.success.tally
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
        // count the box as the store gave it back
        tally = ValidationReport.getOrThrow(Tally.count(cast, asOf === undefined ? undefined : { asOf }))
      }
      context.print(options.json === true ? JSON.stringify(tally, null, 2) : tally.explanation[context.lang()])
      if (!tally.passed) context.fail(1)
    })
}
