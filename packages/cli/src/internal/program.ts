import type { Label } from "@gongzhi/core"
import { type Argument, Command, Help, Option } from "commander"
import type * as Io from "../Io.js"
import { displayWidth } from "./text.js"
import { commanderError } from "./usage.js"

/** The "Examples:" part of a command's help (`Cli.helpExamples`), headed in the help's language. */
export const helpExamples = (lines: ReadonlyArray<string>, lang: Label.Lang = "en"): string =>
  `\n${lang === "zh" ? "示例：" : "Examples:"}\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`

/**
 * The language of a run's help, read from the arguments before commander parses them (the
 * descriptions are given when the commands are made): the last `--lang zh|en` or `--lang=…`
 * before a `--`; Chinese, as for messages, when none is given (a value that is neither is left
 * to commander to refuse).
 */
export const langOf = (argv: ReadonlyArray<string>): Label.Lang => {
  let lang: Label.Lang = "zh"
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === "--") break
    const value = arg === "--lang" ? argv[++i] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined
    if (value === "zh" || value === "en") lang = value
  }
  return lang
}

/** A chooser of texts in a language: `t("中文", "English")`. */
export const pick = (lang: Label.Lang) => (zh: string, en: string): string => (lang === "zh" ? zh : en)

/** The section titles commander prints, in Chinese. */
const titlesZh: Readonly<Record<string, string>> = {
  "Usage:": "用法：",
  "Arguments:": "参数：",
  "Options:": "选项：",
  "Global Options:": "全局选项：",
  "Commands:": "命令："
}

/** What commander adds after a description (choices, default, preset, environment variable), in Chinese. */
const extrasZh = (
  description: string,
  item: {
    readonly argChoices?: ReadonlyArray<string> | undefined
    readonly defaultValue?: unknown
    readonly defaultValueDescription?: string | undefined
    readonly presetArg?: unknown
    readonly envVar?: string | undefined
  },
  showDefault: boolean
): string => {
  const extra: Array<string> = []
  if (item.argChoices !== undefined) extra.push(`可选：${item.argChoices.map((c) => JSON.stringify(c)).join("、")}`)
  if (item.defaultValue !== undefined && showDefault) {
    extra.push(`默认：${item.defaultValueDescription ?? JSON.stringify(item.defaultValue)}`)
  }
  if (item.presetArg !== undefined) extra.push(`预设：${JSON.stringify(item.presetArg)}`)
  if (item.envVar !== undefined) extra.push(`环境变量：${item.envVar}`)
  if (extra.length === 0) return description
  return `${description}（${extra.join("；")}）`
}

/**
 * The pieces a Chinese help text may be broken between: a wide character (with the opening
 * brackets before it and the closing punctuation after it, which never start or end a line), or
 * a run of other characters; each with the white space before it.
 */
const chunksZh = String
  .raw`\s*(?:[（《「『【]*[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6][，。；：、）》」』】！？]*|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+[，。；：、）》」』】！？]*)`

/** Wraps Chinese text to a width (commander breaks only at white space, which Chinese has little of). */
const wrapZh = (text: string, width: number): string =>
  text.split(/\r?\n/).map((line) => {
    const lines: Array<string> = []
    let current = ""
    for (const chunk of line.match(new RegExp(chunksZh, "g")) ?? []) {
      if (current !== "" && displayWidth(current) + displayWidth(chunk) > width) {
        lines.push(current)
        current = chunk.trimStart()
      } else current += chunk
    }
    lines.push(current)
    return lines.join("\n")
  }).join("\n")

/**
 * The help's formatting in a language: widths that count a Chinese character as two columns
 * (for both languages: English help quotes Chinese terms), and for Chinese the section titles,
 * the notes on choices and defaults in Chinese and lines broken between Chinese characters.
 */
export const helpConfiguration = (lang: Label.Lang) => ({
  displayWidth: (text: string): number =>
    displayWidth(text.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g"), "")),
  ...(lang === "zh"
    ? {
      boxWrap(this: Help, text: string, width: number): string {
        return width < this.minWidthToWrap ? text : wrapZh(text, width)
      },
      styleTitle: (title: string): string => titlesZh[title] ?? title,
      optionDescription: (option: Option): string =>
        extrasZh(
          option.description,
          { ...option, presetArg: option.optional ? option.presetArg : undefined },
          option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean")
        ),
      argumentDescription: (argument: Argument): string => extrasZh(argument.description, argument, true)
    }
    : {})
})

/**
 * The top-level commands as the program's help lists them, in order. The help of `gongzhi`
 * alone is printed from this table without loading any command (see {@link quickHelp}); a test
 * checks that it is the same text as the full program prints, so the two cannot drift.
 */
export const commands: ReadonlyArray<{ readonly term: string; readonly description: Label.Label }> = [
  {
    term: "validate [options] <files...>",
    description: {
      zh: "校验任意类型的文档（按其 `kind` 字段识别）；有文档出错时退出码为 1",
      en: "validate documents of any kind (detected by their `kind` field); exit code 1 if any has errors"
    }
  },
  {
    term: "schema [kind]",
    description: {
      zh: "打印某类文档的 JSON Schema（draft 2020-12），供表单生成工具使用",
      en: "print the JSON Schema (draft 2020-12) of a document kind, for form builders"
    }
  },
  {
    term: "org",
    description: {
      zh: "组织花名册：构建组织架构、按县里的组织规则校验、绘制组织架构图",
      en: "organisation rosters (组织花名册): build, validate against the county's policy, render"
    }
  },
  {
    term: "ledger",
    description: {
      zh: "积分流水（.jsonl 文件或存储）：开户、获得积分、兑换、重放、核验哈希链、余额、对账单、排行榜、公示",
      en:
        "points journals (积分流水, .jsonl or a store): open, earn, redeem, replay, verify the hash chain, balances, statements, leaderboards, public notices"
    }
  },
  {
    term: "score [options] <plan> [inputs]",
    description: {
      zh: "按考核方案为考核对象打分排名；考核数据可来自 JSON、CSV 或 Excel（支持中文表头）",
      en: "score and rank subjects with an assessment plan; inputs from JSON, CSV or Excel (Chinese headers welcome)"
    }
  },
  {
    term: "tally [options] <rule> <electorate> <ballots>",
    description: {
      zh: "按表决规则精确计票（民法典第 278 条、支部党员大会、选举、居民会议）；通过时退出码为 0",
      en:
        "count a vote exactly by its decision rule (民法典 Art. 278, branch meetings, elections, residents' meetings); exit code 0 if it passed"
    }
  },
  {
    term: "report [options] <dir>",
    description: {
      zh: "用一个文件夹中的文档生成县级报告：report.html（单个文件，图表内嵌）、report.md、report.xlsx 和 CSV 表格",
      en:
        "write the county report from a folder of documents: report.html (self-contained, charts inline), report.md, report.xlsx and CSV tables"
    }
  },
  {
    term: "demo [options]",
    description: {
      zh: "用生成的确定性数据端到端运行各地示例，并写出报告文件夹",
      en: "run the seeds end to end on generated, deterministic data and write the report folder"
    }
  }
]

/**
 * The description of a top-level command, from {@link commands} in a language: the commands use
 * it, so the quick help and the full one say the same.
 */
export const described = (name: string, lang: Label.Lang): string =>
  commands.find((c) => c.term.split(" ")[0] === name)?.description[lang] ?? name

/**
 * The `gongzhi` program itself: its description, version, global options and help text, in the
 * language of the help (commander's own titles, help option and help command included).
 */
export const makeProgram = (io: Io.Io, version: string, lang: Label.Lang = "zh"): Command => {
  const t = pick(lang)
  return new Command("gongzhi")
    .description(
      t(
        "gongzhi（共治）：社区大党委共建共治——规则文档、组织架构、志愿积分、共驻共建、考核评价",
        "gongzhi (共治): community grand-party-committee governance — documents, org charts, points, co-building, assessment"
      )
    )
    .version(version, "-v, --version", t("显示版本号", "output the version number"))
    .helpOption("-h, --help", t("显示命令的帮助", "display help for command"))
    .helpCommand("help [command]", t("显示命令的帮助", "display help for command"))
    .configureHelp(helpConfiguration(lang))
    .addOption(
      new Option("--lang <lang>", t("消息和帮助的语言", "language of messages and help")).choices(["zh", "en"])
        .default("zh")
    )
    .option("-q, --quiet", t("只输出所要的结果和错误", "print only what was asked for and errors"))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(commanderError(text, lang))
    })
    .addHelpText(
      "after",
      helpExamples(
        ["gongzhi demo", "gongzhi validate scheme.json", "gongzhi schema assessment-plan", "gongzhi <command> --help"],
        lang
      )
    )
}

const globalFlags = new Set(["-h", "--help", "-v", "--version", "-q", "--quiet"])

/**
 * `gongzhi`, `gongzhi --help` and `gongzhi --version` (with global options only) are answered
 * from {@link commands} alone, so they start in the time of commander and nothing else; any
 * argument that names a command returns `undefined` and the full program runs.
 */
export const quickHelp = (argv: ReadonlyArray<string>, io: Io.Io, version: string): number | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === "--lang") {
      i++
      continue
    }
    if (arg.startsWith("--lang=") || globalFlags.has(arg)) continue
    return undefined
  }
  const lang = langOf(argv)
  const terms = new Map<string, string>()
  const program = makeProgram(io, version, lang)
  for (const { description, term } of commands) {
    const name = term.split(" ")[0]!
    terms.set(name, term)
    program.command(name).description(description[lang])
  }
  const help = new Help()
  program.configureHelp({
    ...helpConfiguration(lang),
    subcommandTerm: (command) => terms.get(command.name()) ?? help.subcommandTerm(command)
  })
  try {
    program.parse([...argv], { from: "user" })
  } catch (error) {
    const code = (error as { exitCode?: unknown }).exitCode
    return typeof code === "number" ? (code === 0 ? 0 : 2) : 2
  }
  // Commander ends every parse without a command by throwing (help or usage); should it not,
  // the full program decides.
  return undefined
}
