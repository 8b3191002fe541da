/**
 * The `gongzhi` command. `Cli.run(argv, io)` runs it in-process and resolves to the exit
 * code: 0 on success, 1 when a document or input has errors, 2 when the command was
 * used wrongly or a file could not be read. Users never see a stack trace for their own
 * mistakes.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, Issue, Label, ValidationReport } from "@gongzhi/core"
import { type Command, CommanderError } from "commander"
import * as Result from "effect/Result"
import { parse as parseYaml } from "yaml"
import * as Json from "./internal/json.js"
import * as Program from "./internal/program.js"
import * as Io from "./Io.js"
import * as JournalFile from "./JournalFile.js"
import * as Registry from "./Registry.js"
import * as Table from "./Table.js"
import * as Workbook from "./Workbook.js"

/**
 * A mistake of the user (a missing file, bad JSON, an unknown kind): reported in one line,
 * exit code 2, no stack trace.
 *
 * @example
 * ```ts
 * import { Cli } from "@gongzhi/cli"
 *
 * const error = new Cli.UsageError({ zh: "找不到文件", en: "file not found" })
 * console.log(error.label.en)
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class UsageError extends Error {
  readonly label: Label.Label
  constructor(label: Label.Label) {
    super(label.en)
    this.name = "UsageError"
    this.label = label
  }
}

/**
 * A usage error naming the file an issue was found in: `roster.csv: The CSV is malformed at
 * line 3: …`, for input that cannot be read at all (the wrong file, not a document with errors).
 *
 * @example
 * ```ts
 * import { Cli } from "@gongzhi/cli"
 * import { Issue } from "@gongzhi/core"
 *
 * const issue = Issue.make({ code: "X_BAD", path: [], message: { zh: "坏了", en: "broken" } })
 * console.log(Cli.usageErrorIn("a.csv", issue).label.en) // a.csv: broken
 * ```
 *
 * @category errors
 * @since 0.2.0
 */
export const usageErrorIn = (path: string, issue: Issue.DomainIssue): UsageError =>
  new UsageError({ zh: `${path}：${issue.message.zh}`, en: `${path}: ${issue.message.en}` })

/**
 * What every command gets: the outside world, the language, colours, and the document kinds.
 *
 * @example
 * ```ts
 * import type { Cli } from "@gongzhi/cli"
 *
 * const say = (context: Cli.Context, text: string) => context.io.stdout.write(`${text}\n`)
 * console.log(typeof say)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Context {
  readonly io: Io.Io
  readonly lang: () => Label.Lang
  /**
   * The language of the help texts: `--lang` as found among the arguments before they are
   * parsed (the descriptions are given when the commands are made), Chinese by default.
   */
  readonly helpLang: Label.Lang
  readonly quiet: () => boolean
  readonly color: boolean
  readonly registry: ReadonlyArray<Registry.Entry>
  /** Prints a line to standard output (unless --quiet for informational lines). */
  readonly print: (text: string) => void
  /** Prints a line to standard error. */
  readonly warn: (text: string) => void
  /** Sets the exit code (the highest wins). */
  readonly fail: (code: 1 | 2) => void
}

const ansi = (enabled: boolean) => ({
  red: (t: string) => (enabled ? `\u001b[31m${t}\u001b[39m` : t),
  yellow: (t: string) => (enabled ? `\u001b[33m${t}\u001b[39m` : t),
  green: (t: string) => (enabled ? `\u001b[32m${t}\u001b[39m` : t),
  bold: (t: string) => (enabled ? `\u001b[1m${t}\u001b[22m` : t),
  dim: (t: string) => (enabled ? `\u001b[2m${t}\u001b[22m` : t)
})

/**
 * Colour helpers that colour only when the context allows it (a terminal, no `NO_COLOR`).
 *
 * @example
 * ```ts
 * import { Cli } from "@gongzhi/cli"
 *
 * console.log(Cli.colors(false).red("error")) // "error"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const colors = ansi

/**
 * Reads a text file — UTF-8 (a byte-order mark removed) or GB18030/GBK, as Excel in China saves
 * CSV — turning "not found" and bytes that are neither into a usage error.
 *
 * @example
 * ```ts
 * import { Cli, Io } from "@gongzhi/cli"
 *
 * console.log(await Cli.readText(Io.memory({ "a.txt": "hi" }), "a.txt")) // "hi"
 * const gbk = new Uint8Array([177, 224, 186, 197]) // 编号, saved as GBK
 * console.log(await Cli.readText(Io.memory({ "b.csv": gbk }), "b.csv")) // 编号
 * ```
 *
 * @category input
 * @since 0.1.0
 */
export const readText = async (io: Io.Io, path: string): Promise<string> => {
  let bytes: Uint8Array
  try {
    bytes = await io.readFile(path)
  } catch (cause) {
    const code = (cause as { code?: string }).code
    throw new UsageError(
      code === "ENOENT"
        ? { zh: `找不到文件 ${path}`, en: `No such file: ${path}` }
        : { zh: `无法读取 ${path}：${String(cause)}`, en: `Cannot read ${path}: ${String(cause)}` }
    )
  }
  return decodeText(bytes, path)
}

/**
 * Text as counties save it: UTF-8 (with or without a byte-order mark), or GB18030/GBK, which
 * Excel in China writes for "CSV". Bytes that are neither are refused, naming the encodings
 * tried: a replacement character (U+FFFD) is never passed on.
 */
const decodeText = (bytes: Uint8Array, path: string): string => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "")
  } catch {
    // not UTF-8: try the Chinese national encoding
  }
  try {
    return new TextDecoder("gb18030", { fatal: true }).decode(bytes)
  } catch {
    throw new UsageError({
      zh: `${path} 既不是 UTF-8 也不是 GB18030（GBK）编码的文本：请用 Excel“另存为 CSV UTF-8”后再试`,
      en: `${path} is neither UTF-8 nor GB18030 (GBK) text: save it from Excel as "CSV UTF-8" and try again`
    })
  }
}

/**
 * Reads and parses a document file: JSON, YAML for `.yaml` / `.yml` files (rule authors
 * often prefer it), or a points journal in JSON Lines (`.jsonl`, see {@link JournalFile}); a
 * syntax error is reported with its file.
 *
 * @example
 * ```ts
 * import { Cli, Io } from "@gongzhi/cli"
 *
 * const io = Io.memory({ "a.json": "{\"kind\":\"x\"}", "b.yaml": "kind: x\nschemaVersion: 1\n" })
 * console.log(await Cli.readJson(io, "a.json")) // { kind: "x" }
 * console.log(await Cli.readJson(io, "b.yaml")) // { kind: "x", schemaVersion: 1 }
 * ```
 *
 * @category input
 * @since 0.1.0
 */
export const readJson = async (io: Io.Io, path: string): Promise<unknown> => {
  const text = await readText(io, path)
  if (/\.jsonl$/i.test(path)) return ValidationReport.getOrThrow(JournalFile.parse(text))
  const yaml = /\.ya?ml$/i.test(path)
  try {
    return yaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text)
  } catch (cause) {
    const format = yaml ? "YAML" : "JSON"
    throw new UsageError({
      zh: `${path} 不是有效的 ${format}：${(cause as Error).message.split("\n")[0]}`,
      en: `${path} is not valid ${format}: ${(cause as Error).message.split("\n")[0]}`
    })
  }
}

/**
 * Reads a spreadsheet: every sheet of an `.xlsx` workbook, or a `.csv` file as one sheet
 * named after the file. Other extensions are a usage error.
 *
 * @example
 * ```ts
 * import { Cli, Io } from "@gongzhi/cli"
 *
 * const sheets = await Cli.readSheets(Io.memory({ "data/roster.csv": "编号,名称\ng-1,一网格\n" }), "data/roster.csv")
 * console.log(sheets[0]?.name, sheets[0]?.rows.length) // "roster 2"
 * ```
 *
 * @category input
 * @since 0.1.0
 */
export const readSheets = async (io: Io.Io, path: string): Promise<ReadonlyArray<Table.Sheet>> => {
  const base = path.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "")
  if (/\.csv$/i.test(path)) {
    const sheet = Table.readCsv(await readText(io, path), base)
    if (Result.isSuccess(sheet)) return [sheet.success]
    throw usageErrorIn(path, sheet.failure.issues[0]!)
  }
  if (/\.xlsx$/i.test(path)) {
    let bytes: Uint8Array
    try {
      bytes = await io.readFile(path)
    } catch {
      throw new UsageError({ zh: `找不到文件 ${path}`, en: `No such file: ${path}` })
    }
    const read = await Workbook.read(bytes)
    if (Result.isSuccess(read)) return read.success
    throw usageErrorIn(path, read.failure.issues[0]!)
  }
  throw new UsageError({
    zh: `${path}：只支持 .csv 和 .xlsx 表格`,
    en: `${path}: only .csv and .xlsx tables are supported`
  })
}

/**
 * Writes tables by the file's extension: `.xlsx` (every sheet), `.csv` (the first sheet),
 * `.json` (each sheet as an array of records keyed by its header row).
 *
 * @example
 * ```ts
 * import { Cli, Io } from "@gongzhi/cli"
 *
 * const io = Io.memory()
 * await Cli.writeSheets(io, "out.csv", [{ name: "结果", rows: [["编号", "总分"], ["gc-01", 95.5]] }])
 * const text = String(io.files.get("out.csv"))
 * console.log(text.startsWith("\uFEFF"), text.trim()) // true "编号,总分\ngc-01,95.5"
 * ```
 *
 * @category output
 * @since 0.1.0
 */
export const writeSheets = async (io: Io.Io, path: string, sheets: ReadonlyArray<Table.Sheet>): Promise<void> => {
  if (/\.xlsx$/i.test(path)) return io.writeFile(path, await Workbook.write(sheets))
  if (/\.csv$/i.test(path)) return io.writeFile(path, Table.writeCsv(sheets[0]?.rows ?? []))
  if (/\.json$/i.test(path)) {
    const records = sheets.map((sheet) => {
      const [header = [], ...rows] = sheet.rows
      return {
        sheet: sheet.name,
        rows: rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])))
      }
    })
    return io.writeFile(path, `${JSON.stringify(records.length === 1 ? records[0]!.rows : records, null, 2)}\n`)
  }
  throw new UsageError({
    zh: `${path}：输出只支持 .xlsx、.csv 和 .json`,
    en: `${path}: output must be .xlsx, .csv or .json`
  })
}

/**
 * Prints a report's issues (or `--json`), and marks the run failed if it has errors.
 *
 * @example
 * ```ts
 * import type { Cli } from "@gongzhi/cli"
 *
 * const reportTo = (context: Cli.Context) => context.print
 * console.log(typeof reportTo)
 * ```
 *
 * @category output
 * @since 0.1.0
 */
export const printReport = (context: Context, title: string, report: ValidationReport.ValidationReport): void => {
  const c = ansi(context.color)
  const lang = context.lang()
  const errors = ValidationReport.errors(report).length
  const warnings = report.issues.length - errors
  const verdict = errors > 0
    ? c.red(lang === "zh" ? "✗ 有错误" : "✗ invalid")
    : c.green(lang === "zh" ? "✓ 通过" : "✓ valid")
  context.print(
    `${c.bold(title)}: ${verdict} ${
      c.dim(
        lang === "zh"
          ? `（${errors} 个错误，${warnings} 个警告）`
          : `(${count(errors, "error")}, ${count(warnings, "warning")})`
      )
    }`
  )
  for (const issue of report.issues) {
    const line = Issue.format(issue, lang)
    context.print(`  ${issue.severity === "error" ? c.red(line) : c.yellow(line)}`)
  }
  if (errors > 0) context.fail(1)
}

/** "1 error", "2 errors": an English count with its noun. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`

/**
 * Formats the "Examples:" part of a command's help, headed in the help's language (English by
 * default; pass `context.helpLang`).
 *
 * @example
 * ```ts
 * import { Cli } from "@gongzhi/cli"
 *
 * console.log(Cli.helpExamples(["gongzhi demo"])) // "\nExamples:\n  $ gongzhi demo\n"
 * console.log(Cli.helpExamples(["gongzhi demo"], "zh")) // "\n示例：\n  $ gongzhi demo\n"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const helpExamples = (lines: ReadonlyArray<string>, lang: Label.Lang = "en"): string =>
  Program.helpExamples(lines, lang)

/**
 * A command contributed by a module: it adds itself to the program.
 *
 * @example
 * ```ts
 * import type { Cli } from "@gongzhi/cli"
 *
 * const hello: Cli.Installer = (program, context) => {
 *   program.command("hello").action(() => context.print("你好"))
 * }
 * console.log(typeof hello)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Installer = (program: Command, context: Context) => void

/**
 * The date of an `--as-of` option, or today in the machine's time zone (the command is where
 * the clock is read; the packages below take the date as a parameter).
 *
 * @example
 * ```ts
 * import { Cli } from "@gongzhi/cli"
 *
 * console.log(Cli.asOfOption("2024-12-31")) // "2024-12-31"
 * ```
 *
 * @category input
 * @since 0.1.0
 */
export const asOfOption = (text: string | undefined): CivilDate.CivilDate => {
  if (text === undefined) {
    const now = new Date()
    return CivilDate.makeUnsafe(
      `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`
    )
  }
  return dateOption("--as-of", text)
}

/**
 * The date of a command-line option (`--as-of`, `--on`, …): a date that does not exist
 * (`2024-02-30`) or is not `YYYY-MM-DD` is a usage error (exit code 2) naming the option and
 * what core found wrong.
 *
 * @example
 * ```ts
 * import { Cli } from "@gongzhi/cli"
 *
 * console.log(Cli.dateOption("--on", "2024-02-29")) // "2024-02-29"
 * try {
 *   Cli.dateOption("--on", "2024-02-30")
 * } catch (error) {
 *   console.log(error instanceof Cli.UsageError) // true
 * }
 * ```
 *
 * @category input
 * @since 0.2.0
 */
export const dateOption = (flag: string, text: string): CivilDate.CivilDate => {
  const parsed = CivilDate.make(text)
  if (Result.isFailure(parsed)) {
    const why = parsed.failure.issues[0]?.message
    throw new UsageError({
      zh: `${flag} 应为日期（YYYY-MM-DD），实际为 ${text}${why === undefined ? "" : `：${why.zh}`}`,
      en: `${flag} must be a date (YYYY-MM-DD), got ${text}${why === undefined ? "" : `: ${why.en}`}`
    })
  }
  return parsed.success
}

const installValidate: Installer = (program, context) => {
  const t = Program.pick(context.helpLang)
  program
    .command("validate")
    .description(Program.described("validate", context.helpLang))
    .argument(
      "<files...>",
      t(
        "JSON/YAML 文档：组织规则、组织数据、积分方案、兑换目录、积分流水、共建协议、考核方案、考核数据……",
        "JSON documents: org policy, org rows, points scheme, catalog, journal, agreement, plan, inputs…"
      )
    )
    .option("--json", t("以 JSON 输出校验报告，供程序读取", "print the reports as JSON, for machines"))
    .option(
      "--as-of <date>",
      t(
        "按哪一天适用规则（任期、谁担任什么职务）；默认今天",
        "the date rules are applied on (terms, who holds what); today by default"
      )
    )
    .addHelpText(
      "after",
      helpExamples(["gongzhi validate scheme.json plan.json", "gongzhi validate --lang en --json policy.json",
        "gongzhi validate roster.json --as-of 2024-12-31"], context.helpLang)
    )
    .action(async (files: ReadonlyArray<string>, options: { json?: boolean; asOf?: string }) => {
      const asOf = asOfOption(options.asOf)
      const read: Array<
        {
          file: string
          entry: Registry.Entry | undefined
          decoded: ReturnType<Registry.Entry["decode"]> | undefined
          report?: ValidationReport.ValidationReport
        }
      > = []
      for (const file of files) {
        const input = await readJson(context.io, file)
        const header = Document.peekHeader(input)
        const entry = header === undefined ? undefined : Registry.find(context.registry, header.kind)
        if (entry !== undefined) {
          read.push({ file, entry, decoded: entry.decode(input) })
          continue
        }
        const known = context.registry.map((e) => e.kind).join(", ")
        read.push({
          file,
          entry,
          decoded: undefined,
          report: ValidationReport.of(Issue.make({
            code: "CLI_UNKNOWN_DOCUMENT_KIND",
            path: ["kind"],
            params: { kind: header?.kind ?? "", known },
            message: header === undefined
              ? {
                zh: "文档没有 kind 和 schemaVersion 字段，无法识别（已知类型：{known}）",
                en: "The document has no kind and schemaVersion, so its kind is unknown (known kinds: {known})"
              }
              : {
                zh: "不认识的文档类型 {kind}（已知类型：{known}）",
                en: "Unknown document kind {kind} (known kinds: {known})"
              }
          }))
        })
      }
      // every document of the run is seen by the others' checks (inputs are checked against their plan)
      const documents = read.flatMap((r) =>
        r.entry !== undefined && r.decoded !== undefined && Result.isSuccess(r.decoded)
          ? [{ kind: r.entry.kind, document: r.decoded.success }]
          : []
      )
      const results = read.map((r) => ({
        file: r.file,
        kind: r.entry?.kind,
        report: r.report ?? (r.decoded === undefined || r.entry === undefined
          ? ValidationReport.empty
          : Result.isFailure(r.decoded)
          ? r.decoded.failure
          : r.entry.validate === undefined
          ? ValidationReport.empty
          : r.entry.validate(r.decoded.success, { asOf, documents }))
      }))
      if (options.json === true) {
        // written in chunks: a million issues are far longer than the longest string V8 makes
        Json.write(
          results.map((r) => ({
            file: r.file,
            kind: r.kind ?? null,
            valid: ValidationReport.isValid(r.report),
            issues: r.report.issues
          })),
          (chunk) => void context.io.stdout.write(chunk)
        )
        context.io.stdout.write("\n")
        if (results.some((r) => ValidationReport.hasErrors(r.report))) context.fail(1)
        return
      }
      for (const r of results) printReport(context, `${r.file}${r.kind === undefined ? "" : ` [${r.kind}]`}`, r.report)
    })
}

const installSchema: Installer = (program, context) => {
  program
    .command("schema")
    .description(Program.described("schema", context.helpLang))
    .argument(
      "[kind]",
      Program.pick(context.helpLang)("文档类型；省略时列出所有类型", "the document kind; omit it to list the kinds")
    )
    .addHelpText(
      "after",
      helpExamples(["gongzhi schema", "gongzhi schema points-scheme > points-scheme.schema.json"], context.helpLang)
    )
    .action((kind: string | undefined) => {
      if (kind === undefined) {
        for (const entry of context.registry) {
          context.io.stdout.write(
            `${entry.kind.padEnd(28)} v${entry.schemaVersion}  ${entry.label[context.lang()]}  (${entry.package})\n`
          )
        }
        return
      }
      const entry = Registry.find(context.registry, kind)
      if (entry === undefined) {
        throw new UsageError({
          zh: `不认识的文档类型 ${kind}；已知：${context.registry.map((e) => e.kind).join(", ")}`,
          en: `Unknown document kind ${kind}; known: ${context.registry.map((e) => e.kind).join(", ")}`
        })
      }
      context.io.stdout.write(`${JSON.stringify(entry.jsonSchema(), null, 2)}\n`)
    })
}

/** The system calls of writing a file (and making its folder). */
const writeCalls = new Set(["open", "write", "writev", "close", "mkdir", "ftruncate", "fsync", "rename", "copyfile"])

/**
 * What to say when an output file could not be written (`EISDIR`, `ENOTDIR`, `ENOSPC`, `EACCES`,
 * …: a Node file-system error of a call that writes); `undefined` for any other error.
 */
const writeFailure = (error: unknown): Label.Label | undefined => {
  if (!(error instanceof Error)) return undefined
  const { code, path, syscall } = error as { code?: unknown; path?: unknown; syscall?: unknown }
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code) || typeof syscall !== "string") return undefined
  if (!writeCalls.has(syscall)) return undefined
  const where = typeof path === "string" ? ` ${path}` : ""
  const reason = {
    EISDIR: { zh: "这是一个文件夹", en: "it is a folder" },
    ENOTDIR: { zh: "路径中有一段不是文件夹", en: "a part of the path is not a folder" },
    ENOENT: { zh: "路径不存在", en: "the path does not exist" },
    EEXIST: { zh: "路径中有一段是文件，不是文件夹", en: "a part of the path is a file, not a folder" },
    ENOSPC: { zh: "磁盘已满", en: "the disk is full" },
    EDQUOT: { zh: "超出磁盘配额", en: "the disk quota is exceeded" },
    EACCES: { zh: "没有写入权限", en: "permission denied" },
    EPERM: { zh: "不允许写入", en: "the operation is not permitted" },
    EROFS: { zh: "文件系统只读", en: "the file system is read-only" }
  }[code] ?? { zh: error.message, en: error.message }
  return {
    zh: `无法写入输出${where}（${code}）：${reason.zh}`,
    en: `cannot write the output${where} (${code}): ${reason.en}`
  }
}

/**
 * Builds the program with the given document kinds and extra commands, and runs it.
 * Resolves to the exit code.
 *
 * @example
 * ```ts
 * import { Cli, Io } from "@gongzhi/cli"
 *
 * const io = Io.memory()
 * const code = await Cli.run(["schema"], { io, registry: [], installers: [] })
 * console.log(code) // 0
 * ```
 *
 * @category running
 * @since 0.1.0
 */
export const run = async (
  argv: ReadonlyArray<string>,
  options: {
    readonly io?: Io.Io | undefined
    readonly registry: ReadonlyArray<Registry.Entry>
    readonly installers: ReadonlyArray<Installer>
    readonly version?: string | undefined
  }
): Promise<number> => {
  const io = options.io ?? Io.node()
  let exitCode = 0
  const helpLang = Program.langOf(argv)
  const program = Program.makeProgram(io, options.version ?? "0.0.0", helpLang)
  const color = io.stdout.isTTY === true && io.env["NO_COLOR"] === undefined
  const context: Context = {
    io,
    lang: () => (program.opts()["lang"] === "en" ? "en" : "zh"),
    helpLang,
    quiet: () => program.opts()["quiet"] === true,
    color,
    registry: options.registry,
    print: (text) => {
      io.stdout.write(`${text}\n`)
    },
    warn: (text) => {
      io.stderr.write(`${text}\n`)
    },
    fail: (code) => {
      exitCode = Math.max(exitCode, code)
    }
  }
  for (const install of [installValidate, installSchema, ...options.installers]) install(program, context)
  for (const command of program.commands) command.exitOverride()
  try {
    await program.parseAsync([...argv], { from: "user" })
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version end with code 0; usage errors with 2
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof UsageError) {
      io.stderr.write(`${ansi(color).red("gongzhi:")} ${error.label[context.lang()]}\n`)
      return 2
    }
    if (error instanceof ValidationReport.DomainError) {
      printReport(context, "gongzhi", error.report)
      return 1
    }
    const unwritable = writeFailure(error)
    if (unwritable !== undefined) {
      io.stderr.write(`${ansi(color).red("gongzhi:")} ${unwritable[context.lang()]}\n`)
      return 2
    }
    throw error
  }
  return exitCode
}
