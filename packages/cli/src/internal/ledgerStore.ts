import { CivilDate, type Label, ValidationReport } from "@gongzhi/core"
import { type Command as LedgerCommand, Journal } from "@gongzhi/points-ledger"
import type { Command } from "commander"
import * as Cli from "../Cli.js"
import * as Program from "./program.js"
import type { Header } from "./store.js"

/**
 * How `--db` and a ledger command's `<journal>` argument meet: with `--db`, `<journal>` is
 * always the name of a journal in that store; without it, a name ending in `.jsonl` is a file
 * (as before) and any other name a journal in the default store (`GONGZHI_DB`, else
 * `./gongzhi-data`).
 */
export const usesStore = (journal: string, db: string | undefined): boolean =>
  db !== undefined || !/\.jsonl$/i.test(journal)

/** The `--db` option's help, in the help's language. */
export const dbHelp = (lang: Label.Lang): string =>
  lang === "zh"
    ? "存储：PGlite 目录、memory:// 或 postgres://…；此时 <journal> 是其中的流水名（<journal> 不以 .jsonl 结尾时，默认用 GONGZHI_DB 或 ./gongzhi-data）"
    : "the store: a PGlite directory, memory:// or postgres://…; <journal> is then a journal's name in it (GONGZHI_DB or ./gongzhi-data when <journal> does not end in .jsonl)"

/** Loads the store module (PGlite, the pg driver) only now. */
const store = () => import("./store.js")

/** A journal from its file, or from the store (see {@link usesStore}). */
export const loadFrom = async (
  context: Cli.Context,
  journal: string,
  db: string | undefined,
  fromFile: (context: Cli.Context, file: string) => Promise<Journal.Journal>
): Promise<Journal.Journal> => {
  if (!usesStore(journal, db)) return fromFile(context, journal)
  const s = await store()
  return s.loadJournal(s.locationOf(context, db), journal)
}

const dateOf = (text: string | undefined): CivilDate.CivilDate => {
  if (text !== undefined) return Cli.dateOption("--on", text)
  // today in China (UTC+8): the CLI is the edge where time comes in
  return ValidationReport.getOrThrow(CivilDate.make(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)))
}

const positive = (flag: string, text: string): number => {
  const n = Number(text)
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Cli.UsageError({
      zh: `${flag} 应为正整数，实际为 ${text}`,
      en: `${flag} must be a positive whole number, got ${text}`
    })
  }
  return n
}

const refused = (journal: string) =>
  new Cli.UsageError({
    zh: `${journal} 以 .jsonl 结尾：记账命令只写入存储（用 --db 指定存储，或去掉 .jsonl 作为存储中的流水名）`,
    en:
      `${journal} ends in .jsonl: the commands that record write to a store only (name the store with --db, or name the journal without .jsonl)`
  })

/** The key of a command: `--key`, else one made from the command and the journal's length. */
const keyOf = (given: string | undefined, parts: ReadonlyArray<string>, journal: Journal.Journal) =>
  given ?? [...parts, String(journal.length)].join("-")

type Shared = { readonly db?: string; readonly on?: string; readonly key?: string }

const record = async (
  context: Cli.Context,
  journal: string,
  options: Shared,
  make: (journal: Journal.Journal, on: CivilDate.CivilDate) => LedgerCommand.Command,
  account: string,
  header?: Header
): Promise<void> => {
  if (options.db === undefined && /\.jsonl$/i.test(journal)) throw refused(journal)
  const on = dateOf(options.on)
  const s = await store()
  const location = s.locationOf(context, options.db)
  const { appended, created, journal: after } = await s.appendCommand(
    location,
    journal,
    (j) => make(j, on),
    header
  )
  const zh = context.lang() === "zh"
  const entry = appended.entry
  const balance = ValidationReport.getOrThrow(Journal.balance(after, account))
  if (created) {
    context.print(
      zh ? `在 ${s.shown(location)} 中新建积分流水 ${journal}` : `new journal ${journal} in ${s.shown(location)}`
    )
  }
  if (entry === undefined) {
    context.print(zh ? `${journal}：无变动` : `${journal}: nothing changed`)
  } else {
    const amount = entry.postings.find((p) => p.account === account)?.amount ?? 0
    context.print(
      appended.replayed
        ? zh
          ? `${journal}：幂等键 ${entry.command.key} 已记录为第 ${entry.seq} 条，未重复记账`
          : `${journal}: key ${entry.command.key} is already entry ${entry.seq}, not recorded twice`
        : zh
        ? `${journal}：第 ${entry.seq} 条记录已写入（${entry.command._tag}，${account} ${
          amount >= 0 ? "+" : ""
        }${amount}），哈希 ${entry.hash}`
        : `${journal}: entry ${entry.seq} stored (${entry.command._tag}, ${account} ${
          amount >= 0 ? "+" : ""
        }${amount}), hash ${entry.hash}`
    )
  }
  context.print(
    zh
      ? `  ${account}：可用 ${balance.available}，冻结 ${balance.held}，累计获得 ${balance.lifetimeEarned}`
      : `  ${account}: available ${balance.available}, held ${balance.held}, lifetime earned ${balance.lifetimeEarned}`
  )
}

const presetOrFile = async (context: Cli.Context, value: string): Promise<string | object> =>
  value.startsWith("preset:") ? value : (await Cli.readJson(context.io, value)) as object

/** `gongzhi ledger open | earn | redeem`: record a command in a stored journal. */
export const installLedgerStore = (ledger: Command, context: Cli.Context): void => {
  const t = Program.pick(context.helpLang)
  const db = dbHelp(context.helpLang)
  const journalArg = t("存储中的流水名", "the journal's name in the store")
  const accountArg = t("账户编号", "the account id")
  const onHelp = t("日期（YYYY-MM-DD）；默认今天", "the date (YYYY-MM-DD); today by default")
  const keyHelp = t(
    "幂等键：同一个键再次提交不会重复记账",
    "the idempotency key: the same key again records nothing twice"
  )
  ledger
    .command("open")
    .description(
      t(
        "在存储的流水中开户；流水在开第一个账户时创建",
        "open an account in a stored journal (开户); the journal is created on its first account"
      )
    )
    .argument("<journal>", journalArg)
    .argument("<account>", accountArg)
    .requiredOption("--name <name>", t("账户持有人姓名", "the holder's name"))
    .option(
      "--role <roles>",
      t(
        "持有人的身份，用逗号分隔（resident、partyMember……）",
        "the holder's roles, comma-separated (resident, partyMember, …)"
      ),
      "resident"
    )
    .option("--grid <grid>", t("持有人所在网格", "the holder's grid"))
    .option("--member <id>", t("持有人的党员编号", "the holder's member id"))
    .option(
      "--scheme <scheme>",
      t("新流水的积分方案：preset:<名称> 或方案文件", "for a new journal: preset:<name> or a scheme file"),
      "preset:pingli"
    )
    .option(
      "--catalog <catalog>",
      t("新流水的兑换目录：preset:<名称> 或目录文件", "for a new journal: preset:<name> or a catalog file"),
      "preset:pingli"
    )
    .option("--on <date>", onHelp)
    .option("--key <key>", keyHelp)
    .option("--db <location>", db)
    .addHelpText(
      "after",
      Cli.helpExamples([
        "gongzhi ledger open pingli pingli-ha-anxi --name 哈安喜 --on 2024-03-01 --key open-ha",
        "gongzhi ledger open pingli zhou --name 周玉宏 --role partyMember --db postgres://gongzhi@127.0.0.1/gongzhi"
      ], context.helpLang)
    )
    .action(async (
      journal: string,
      account: string,
      options: Shared & {
        name: string
        role: string
        grid?: string
        member?: string
        scheme: string
        catalog: string
      }
    ) => {
      const header: Header = {
        kind: "points-journal",
        schemaVersion: 1,
        scheme: await presetOrFile(context, options.scheme),
        catalog: await presetOrFile(context, options.catalog)
      }
      const roles = options.role.split(",").map((r) => r.trim()).filter((r) => r !== "")
      await record(
        context,
        journal,
        options,
        (j, on) =>
          ({
            _tag: "Open",
            key: keyOf(options.key, ["open", account], j),
            on,
            account,
            holder: {
              name: options.name,
              roles: roles as never,
              ...(options.grid === undefined ? {} : { grid: options.grid }),
              ...(options.member === undefined ? {} : { member: options.member })
            }
          }) as LedgerCommand.Command,
        account,
        header
      )
    })

  ledger
    .command("earn")
    .description(t("在存储的流水中为一项活动记获得积分", "earn points for an activity in a stored journal (获得积分)"))
    .argument("<journal>", journalArg)
    .argument("<account>", accountArg)
    .argument("<activity>", t("积分方案中的活动编号", "the activity id of the scheme"))
    .option("--minutes <n>", t("分钟数，用于按时长计分的活动", "minutes, for an hours-based activity"))
    .option("--approved-by <ids>", t("审核人编号，用逗号分隔", "the approvers' ids, comma-separated"))
    .option("--note <text>", t("备注", "a note"))
    .option("--on <date>", onHelp)
    .option("--key <key>", keyHelp)
    .option("--db <location>", db)
    .addHelpText(
      "after",
      Cli.helpExamples(
        ["gongzhi ledger earn pingli pingli-ha-anxi cleaning --on 2024-03-02 --key e-0302-ha"],
        context.helpLang
      )
    )
    .action(async (
      journal: string,
      account: string,
      activity: string,
      options: Shared & {
        minutes?: string
        approvedBy?: string
        note?: string
      }
    ) => {
      await record(context, journal, options, (j, on) =>
        ({
          _tag: "Earn",
          key: keyOf(options.key, ["earn", account, activity, on], j),
          on,
          account,
          activity,
          ...(options.minutes === undefined ? {} : { minutes: positive("--minutes", options.minutes) }),
          ...(options.approvedBy === undefined ? {} : {
            approvedBy: options.approvedBy.split(",").map((r) => r.trim()).filter((r) => r !== "")
          }),
          ...(options.note === undefined ? {} : { note: options.note })
        }) as LedgerCommand.Command, account)
    })

  ledger
    .command("snapshot")
    .description(
      t(
        "保存存储中流水的状态（快照），之后打开时只需重放其后的记录",
        "save a stored journal's state, so that opening it replays only the entries after it"
      )
    )
    .argument("<journal>", journalArg)
    .option("--db <location>", db)
    .action(async (journal: string, options: { db?: string }) => {
      const s = await store()
      const location = s.locationOf(context, options.db)
      const saved = await s.snapshotJournal(location, journal)
      context.print(
        context.lang() === "zh"
          ? `${journal}：已保存 ${saved.entries} 条记录的快照（最后哈希 ${saved.lastHash}）`
          : `${journal}: snapshot of ${saved.entries} entries saved (last hash ${saved.lastHash})`
      )
    })

  ledger
    .command("redeem")
    .description(t("在存储的流水中兑换目录中的物品", "redeem catalog items in a stored journal (兑换)"))
    .argument("<journal>", journalArg)
    .argument("<account>", accountArg)
    .argument("<item>", t("兑换目录中的物品编号", "the catalog item id"))
    .option("--quantity <n>", t("数量", "how many"), "1")
    .option("--on <date>", onHelp)
    .option("--key <key>", keyHelp)
    .option("--db <location>", db)
    .addHelpText(
      "after",
      Cli.helpExamples(["gongzhi ledger redeem pingli pingli-ha-anxi rice --on 2024-06-01"], context.helpLang)
    )
    .action(async (journal: string, account: string, item: string, options: Shared & { quantity: string }) => {
      await record(context, journal, options, (j, on) =>
        ({
          _tag: "Redeem",
          key: keyOf(options.key, ["redeem", account, item, on], j),
          on,
          account,
          item,
          quantity: positive("--quantity", options.quantity)
        }) as LedgerCommand.Command, account)
    })
}
