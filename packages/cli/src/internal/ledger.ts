import { CivilDate, Period, Redaction, ValidationReport } from "@gongzhi/core"
import { Journal, Report } from "@gongzhi/points-ledger"
import * as Result from "effect/Result"
import * as Cli from "../Cli.js"
import * as Io from "../Io.js"
import * as JournalFile from "../JournalFile.js"
import * as Progress from "../Progress.js"
import * as Registry from "../Registry.js"
import { dbHelp, installLedgerStore, loadFrom } from "./ledgerStore.js"
import * as Program from "./program.js"
import { padCells } from "./text.js"

/** The registry entry of journal files: decoding checks the header; validating replays. */
export const journalEntry: Registry.Entry = Registry.fromDefinition(JournalFile.document, "@gongzhi/cli", (doc) => {
  const loaded = JournalFile.load(doc as JournalFile.JournalDocument)
  return Result.isFailure(loaded) ? loaded.failure : ValidationReport.empty
})

/** Journals of this many bytes or more show their progress on a terminal. */
const progressFrom = 1 << 20

/**
 * The progress line of a journal being loaded: how much of the file was read, checked (hash
 * chain) and replayed, each in per cent of its bytes; drawn on a terminal only, at most every
 * 80 ms, and ended with a line break.
 */
export const journalProgress = (
  sink: Progress.Sink,
  lang: "zh" | "en",
  total: number,
  enabled: boolean,
  now: () => number = () => performance.now()
) => {
  const active = enabled && sink.isTTY === true && total > 0
  let last = ""
  let lastTime = Number.NEGATIVE_INFINITY
  const percent = (n: number) => `${String(Math.min(100, Math.floor((n * 100) / total))).padStart(3)}%`
  const draw = (p: JournalFile.Progress, force: boolean) => {
    const filled = Math.round((Math.min(total, p.replayed) / total) * 20)
    const bar = `[${"#".repeat(filled)}${"-".repeat(20 - filled)}]`
    const text = lang === "zh"
      ? `\r积分流水 ${bar} 读取 ${percent(p.read)} · 校验 ${percent(p.verified)} · 重放 ${percent(p.replayed)}`
      : `\rjournal ${bar} read ${percent(p.read)} · verified ${percent(p.verified)} · replayed ${percent(p.replayed)}`
    const time = now()
    if (!force && (text === last || time - lastTime < 80)) return
    last = text
    lastTime = time
    sink.write(text)
  }
  let latest: JournalFile.Progress = { read: 0, verified: 0, replayed: 0 }
  return {
    update: (p: JournalFile.Progress) => {
      latest = p
      if (active) draw(p, false)
    },
    done: () => {
      if (!active) return
      draw(latest, true)
      sink.write("\n")
    }
  }
}

/**
 * Reads, verifies and replays a journal file as a stream of lines (JournalFile.loader): the
 * text and the decoded entries of one batch at a time are held, never the file's; with a
 * progress line of every phase on a terminal. A file that is not UTF-8 is read whole, as
 * `readText` reads it (GB18030), and loaded the same way.
 */
export const loadJournal = async (context: Cli.Context, file: string): Promise<Journal.Journal> => {
  let source: Io.Chunks
  try {
    source = await Io.readChunks(context.io, file)
  } catch {
    // said as readText says it (no such file, cannot read)
    return loadWhole(await Cli.readText(context.io, file))
  }
  const progress = journalProgress(
    context.io.stderr,
    context.lang(),
    source.size,
    !context.quiet() && source.size >= progressFrom
  )
  const loader = JournalFile.loader({ onProgress: progress.update })
  const decoder = new TextDecoder("utf-8", { fatal: true })
  let rest = ""
  // the bytes of a chunk count for the first line that ends in it
  let weight = 0
  try {
    for await (const chunk of source.chunks) {
      const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n")
      rest = lines.pop()!
      weight += chunk.length
      for (const line of lines) {
        loader.line(line.endsWith("\r") ? line.slice(0, -1) : line, weight)
        weight = 0
      }
    }
    rest += decoder.decode()
  } catch (cause) {
    if (cause instanceof TypeError) return loadWhole(await Cli.readText(context.io, file))
    throw new Cli.UsageError({
      zh: `无法读取 ${file}：${String(cause)}`,
      en: `Cannot read ${file}: ${String(cause)}`
    })
  }
  if (rest !== "" || weight > 0) loader.line(rest.endsWith("\r") ? rest.slice(0, -1) : rest, weight)
  const loaded = loader.finish()
  progress.done()
  return ValidationReport.getOrThrow(loaded)
}

/** A journal from its whole text (a file that is not UTF-8), line by line as {@link loadJournal} reads it. */
const loadWhole = (text: string): Journal.Journal => {
  const loader = JournalFile.loader()
  for (const line of text.split(/\r?\n/)) loader.line(line)
  return ValidationReport.getOrThrow(loader.finish())
}

const parsePeriod = (text: string | undefined): Period.Period | undefined => {
  if (text === undefined) return undefined
  const parsed = Period.parse(text)
  if (Result.isSuccess(parsed)) return parsed.success
  // a bad option is a usage error (exit code 2), like a bad --as-of
  throw new Cli.UsageError({
    zh: `--period ${text}：${parsed.failure.issues[0]?.message.zh ?? "不是期间"}`,
    en: `--period ${text}: ${parsed.failure.issues[0]?.message.en ?? "not a period"}`
  })
}

const parseDate = (text: string | undefined): CivilDate.CivilDate | undefined =>
  text === undefined ? undefined : Cli.dateOption("--as-of", text)

const defaultPeriod = (journal: Journal.Journal, text: string | undefined): Period.Period => {
  const period = parsePeriod(text) ?? JournalFile.lastYear(journal)
  if (period === undefined) {
    throw new Cli.UsageError({
      zh: "流水为空：请用 --period 指定期间",
      en: "The journal is empty: give the period with --period"
    })
  }
  return period
}

export const installLedger: Cli.Installer = (program, context) => {
  const t = Program.pick(context.helpLang)
  const journalArg = t(
    "流水文件（.jsonl），或存储中的流水名",
    "the journal file (.jsonl), or a journal's name in the store"
  )
  const db = dbHelp(context.helpLang)
  const ledger = program
    .command("ledger")
    .description(Program.described("ledger", context.helpLang))
    .addHelpText(
      "after",
      Cli.helpExamples([
        "gongzhi ledger verify journal.jsonl",
        "gongzhi ledger balance journal.jsonl pingli-ha-anxi --as-of 2024-06-30",
        "gongzhi ledger statement journal.jsonl pingli-ha-anxi --period 2024-03",
        "gongzhi ledger notice journal.jsonl --period 2024 --top 10",
        "gongzhi ledger earn pingli pingli-ha-anxi cleaning --on 2024-03-02 --db ./gongzhi-data",
        "gongzhi ledger balance pingli pingli-ha-anxi --db postgres://gongzhi@127.0.0.1/gongzhi"
      ], context.helpLang)
    )
  const lang = () => context.lang()
  installLedgerStore(ledger, context)

  ledger
    .command("replay")
    .description(
      t(
        "重放流水，逐条核对每条记录与其命令是否一致，并输出总数",
        "replay the journal, checking every entry against its command, and print the totals"
      )
    )
    .argument("<journal>", journalArg)
    .option("--db <location>", db)
    .action(async (file: string, options: { db?: string }) => {
      const journal = await loadFrom(context, file, options.db, loadJournal)
      const r = Report.reconcile(journal)
      const zh = lang() === "zh"
      context.print(
        zh
          ? `${file}：${journal.length} 条记录重放一致，最后哈希 ${Journal.lastHash(journal)}`
          : `${file}: ${journal.length} entries replayed consistently, last hash ${Journal.lastHash(journal)}`
      )
      context.print(
        zh
          ? `  发放 ${r.issued} = 可用 ${r.available} + 冻结 ${r.held} + 已兑换 ${r.redeemed} + 已过期 ${r.expired} + 捐出 ${r.donated} → ${
            r.balanced ? "平衡" : "不平衡"
          }`
          : `  issued ${r.issued} = available ${r.available} + held ${r.held} + redeemed ${r.redeemed} + expired ${r.expired} + donated ${r.donated} → ${
            r.balanced ? "balanced" : "NOT balanced"
          }`
      )
      if (!r.balanced) context.fail(1)
    })

  ledger
    .command("verify")
    .description(
      t("核验哈希链：指出第一条被改动的记录", "check the hash chain: names the first entry that was changed")
    )
    .argument("<journal>", journalArg)
    .option("--db <location>", db)
    .action(async (file: string, options: { db?: string }) => {
      const journal = await loadFrom(context, file, options.db, loadJournal)
      const verification = Journal.verify(journal)
      if (verification._tag === "Intact") {
        context.print(
          lang() === "zh"
            ? `${file}：哈希链完整，${verification.length} 条记录，最后哈希 ${verification.lastHash}`
            : `${file}: hash chain intact, ${verification.length} entries, last hash ${verification.lastHash}`
        )
      } else {
        context.print(
          lang() === "zh"
            ? `${file}：第 ${verification.index} 条记录被改动`
            : `${file}: entry ${verification.index} was changed`
        )
        context.fail(1)
      }
    })

  ledger
    .command("balance")
    .description(
      t(
        "某账户截至某日的余额（可用、冻结、累计获得）",
        "the balance of an account (available, held, lifetime earned), as of a date"
      )
    )
    .argument("<journal>", journalArg)
    .option("--db <location>", db)
    .argument("<account>", t("账户编号", "the account id"))
    .option(
      "--as-of <date>",
      t("日期（YYYY-MM-DD）；默认为流水末尾", "a date (YYYY-MM-DD); the end of the journal by default")
    )
    .action(async (file: string, account: string, options: { asOf?: string; db?: string }) => {
      const journal = await loadFrom(context, file, options.db, loadJournal)
      const balance = ValidationReport.getOrThrow(Journal.balance(journal, account, parseDate(options.asOf)))
      const zh = lang() === "zh"
      context.print(
        zh
          ? `${account}${
            options.asOf === undefined ? "" : `（截至 ${options.asOf}）`
          }：可用 ${balance.available}，冻结 ${balance.held}，累计获得 ${balance.lifetimeEarned}`
          : `${account}${
            options.asOf === undefined ? "" : ` as of ${options.asOf}`
          }: available ${balance.available}, held ${balance.held}, lifetime earned ${balance.lifetimeEarned}`
      )
    })

  ledger
    .command("statement")
    .description(
      t(
        "某账户某期间的对账单：期初、每条记录、期末",
        "an account's statement for a period: opening, every entry, closing"
      )
    )
    .argument("<journal>", journalArg)
    .option("--db <location>", db)
    .argument("<account>", t("账户编号", "the account id"))
    .option(
      "--period <period>",
      t(
        "2024、2024-Q2、2024-03、2024年3月……（默认为流水的最后一年）",
        "2024, 2024-Q2, 2024-03, 2024年3月 … (the journal's last year by default)"
      )
    )
    .action(async (file: string, account: string, options: { period?: string; db?: string }) => {
      const journal = await loadFrom(context, file, options.db, loadJournal)
      const period = defaultPeriod(journal, options.period)
      const statement = ValidationReport.getOrThrow(Report.statement(journal, account, period))
      const zh = lang() === "zh"
      context.print(
        zh
          ? `${account} ${statement.from} 至 ${statement.to}：期初 ${statement.opening}，期末 ${statement.closing}，获得 ${statement.earned}`
          : `${account} ${statement.from} to ${statement.to}: opening ${statement.opening}, closing ${statement.closing}, earned ${statement.earned}`
      )
      const rows = [
        zh
          ? ["序号", "日期", "类型", "变动", "冻结", "余额", "幂等键"]
          : ["seq", "date", "kind", "amount", "held", "available", "key"],
        ...statement.lines.map((
          l
        ) => [String(l.seq), l.on, l.kind, String(l.amount), String(l.held), String(l.available), l.key])
      ]
      for (const line of padCells(rows)) context.print(`  ${line}`)
    })

  ledger
    .command("leaderboard")
    .description(t("某期间的积分排行榜（同分同名次）", "the leaderboard of a period (ties share a rank)"))
    .argument("<journal>", journalArg)
    .option("--db <location>", db)
    .option("--period <period>", t("期间（默认为流水的最后一年）", "the period (the journal's last year by default)"))
    .option("--top <n>", t("列出前几名", "how many places"), "20")
    .option(
      "-o, --out <file>",
      t(
        "同时把表格写到 .xlsx、.csv 或 .json（姓名遮蔽，网格中的电话、身份证号等遮蔽）",
        "also write the table to .xlsx, .csv or .json (names masked, phones, ID numbers … in the grid masked)"
      )
    )
    .option(
      "--internal",
      t("内部使用：导出的表格显示完整姓名和网格", "for internal use: the exported table shows names and grids in full")
    )
    .action(async (
      file: string,
      options: { period?: string; top: string; out?: string; db?: string; internal?: boolean }
    ) => {
      const journal = await loadFrom(context, file, options.db, loadJournal)
      const rows = Report.leaderboard(journal, {
        period: defaultPeriod(journal, options.period),
        top: topOf(options.top)
      })
      context.print(Report.formatLeaderboard(rows, lang()))
      if (options.out !== undefined) {
        const zh = lang() === "zh"
        await Cli.writeSheets(context.io, options.out, [{
          name: zh ? "积分排行" : "leaderboard",
          rows: [
            zh
              ? ["名次", "账户", "姓名", "网格", "获得积分", "可用积分"]
              : ["rank", "account", "name", "grid", "earned", "available"],
            // a file goes further than the screen: masked as the public notice is, unless --internal
            ...rows.map((s) => [
              s.rank,
              s.account,
              options.internal === true ? s.name : Redaction.maskName(s.name),
              s.grid === undefined ? null : options.internal === true ? s.grid : Redaction.maskText(s.grid),
              s.earned,
              s.available
            ])
          ]
        }])
      }
    })

  ledger
    .command("notice")
    .description(t("某期间的积分公示，姓名已遮蔽", "the public notice (公示) of a period, names masked"))
    .argument("<journal>", journalArg)
    .option("--db <location>", db)
    .option("--period <period>", t("期间（默认为流水的最后一年）", "the period (the journal's last year by default)"))
    .option("--top <n>", t("列出前几名", "how many places"), "20")
    .action(async (file: string, options: { period?: string; top: string; db?: string }) => {
      const journal = await loadFrom(context, file, options.db, loadJournal)
      const notice = Report.publicNotice(journal, defaultPeriod(journal, options.period), { top: topOf(options.top) })
      context.print(Report.formatNotice(notice, lang()))
    })
}

const topOf = (text: string): number => {
  const n = Number(text)
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Cli.UsageError({
      zh: `--top 应为正整数，实际为 ${text}`,
      en: `--top must be a positive whole number, got ${text}`
    })
  }
  return n
}
