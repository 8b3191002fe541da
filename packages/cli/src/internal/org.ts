import { type CivilDate, Document, Issue, type Label, Redaction, ValidationReport } from "@gongzhi/core"
import {
  Fixtures,
  Kind,
  OrgPolicy,
  OrgRows,
  OrgTree,
  Presets,
  Query,
  Render,
  Rollup,
  Roster,
  Validation
} from "@gongzhi/org-tree"
import { Option } from "commander"
import * as Result from "effect/Result"
import * as Cli from "../Cli.js"
import * as Io from "../Io.js"
import * as Registry from "../Registry.js"
import * as Report from "../Report.js"
import * as Table from "../Table.js"
import * as Json from "./json.js"
import * as Program from "./program.js"
import type { Source } from "./source.js"
import { padCells } from "./text.js"

/** The figures of the organisation part of the demo. */
export interface OrgDemoFigures {
  readonly mingquan: {
    readonly memberUnits: number
    readonly branches: number
    readonly deputiesFromUnits: number
    readonly issues: number
  }
  readonly hongan: {
    readonly grandCommittees: number
    readonly grids: number
    readonly branches: number
    readonly groups: number
    readonly centreHouseholds: number
    readonly memberUnits: number
    readonly inServiceMembers: number
    readonly twoHeadsFourMembers: number
    readonly branchCommitteeMembers: number
    readonly gridsWithoutBranch: number
    readonly issues: number
  }
}

/** The policy an `org-rows` document names: `preset:<id>`, or a policy document of the folder by id. */
const resolvePolicy = (
  name: string | undefined,
  policies: ReadonlyArray<OrgPolicy.OrgPolicy>,
  path: Issue.Path
): Result.Result<OrgPolicy.OrgPolicy, ValidationReport.ValidationReport> => {
  const id = (name ?? "preset:hongan").replace(/^preset:/, "")
  const found = (name?.startsWith("preset:") === false ? policies.find((p) => p.id === id) : undefined) ??
    Presets.policies[id] ?? policies.find((p) => p.id === id)
  if (found !== undefined) return Result.succeed(found)
  const known = [...Object.keys(Presets.policies).map((k) => `preset:${k}`), ...policies.map((p) => p.id)].join(", ")
  return Result.fail(ValidationReport.of(Issue.make({
    code: "CLI_ORG_POLICY_NOT_FOUND",
    path,
    params: { name: name ?? "", known },
    message: {
      zh: "找不到组织设置规则 {name}（可用：{known}）",
      en: "The organisation policy {name} was not found (available: {known})"
    }
  })))
}

/** Builds and validates an org-rows document (the registry's extra check). */
const checkRows = (
  doc: OrgRows.OrgRows,
  policies: ReadonlyArray<OrgPolicy.OrgPolicy>,
  asOf: CivilDate.CivilDate
): ValidationReport.ValidationReport => {
  const policy = resolvePolicy(doc.policy, policies, ["policy"])
  if (Result.isFailure(policy)) return policy.failure
  const tree = OrgTree.build(doc, policy.success)
  return Result.isFailure(tree) ? tree.failure : Validation.validate(tree.success, { asOf })
}

/** The fields of org rows whose values are keys with Chinese and English names (类型 = 党支部 = branch). */
const labelledFields: ReadonlyMap<string, Readonly<Record<string, Label.Label>>> = new Map<
  string,
  Readonly<Record<string, Label.Label>>
>([
  ["orgUnits.kind", Kind.labels],
  ["orgUnits.branchType", Kind.branchTypeLabels],
  ["orgUnits.category", Kind.categoryLabels],
  ["people.membership", Kind.membershipLabels],
  ["memberUnits.type", Kind.unitTypeLabels],
  ["positions.role", Kind.roleLabels]
])

/** The id of a row of an input document, if it has a text one (for messages that name the row). */
const rowIdOf = (input: unknown, table: string, index: number): string => {
  if (typeof input !== "object" || input === null || !Object.hasOwn(input, table)) return ""
  const rows: unknown = (input as Record<string, unknown>)[table]
  if (!Array.isArray(rows) || !Object.hasOwn(rows, index)) return ""
  const row: unknown = rows[index]
  if (typeof row !== "object" || row === null || !Object.hasOwn(row, "id")) return ""
  const id: unknown = (row as Record<string, unknown>)["id"]
  return typeof id === "string" ? id : ""
}

/** The CLI's own words about org-rows documents (org-tree's issues keep their own). */
const messages = Issue.catalog({
  CLI_ORG_UNKNOWN_LABEL: {
    zh: "{id}：{field} 的值 {actual} 不认识，可填：{known:label}",
    en: "{id}: the {field} {actual} is not known; write one of {known:label}"
  }
})

/**
 * Decodes an org-rows document; a value of a labelled field that is not one of its keys (a
 * misspelled kind, `党之部`) is said with the field's Chinese names in Chinese and its keys in
 * English, naming the row's id, instead of the schema's list of keys alone.
 */
export const decodeRows = (input: unknown): Result.Result<OrgRows.OrgRows, ValidationReport.ValidationReport> =>
  Result.mapError(OrgRows.document.decode(input), (report) =>
    ValidationReport.make(report.issues.map((issue) => {
      const [table, index, field, ...rest] = issue.path
      const labels = typeof table === "string" && typeof index === "number" && typeof field === "string" &&
          rest.length === 0 && issue.code === "CORE_SCHEMA_NO_MATCHING_CASE"
        ? labelledFields.get(`${table}.${field}`)
        : undefined
      if (labels === undefined) return issue
      const keys = Object.keys(labels)
      return messages.make("CLI_ORG_UNKNOWN_LABEL", {
        path: issue.path,
        params: {
          id: rowIdOf(input, table as string, index as number),
          field: field as string,
          actual: issue.params["actual"] ?? "",
          known: keys.join(", ")
        },
        labels: {
          known: { zh: keys.map((key) => `${key}（${labels[key]!.zh}）`).join("、"), en: keys.join(", ") }
        }
      })
    })))

/** The registry entries of org-tree's documents. */
export const orgEntries: ReadonlyArray<Registry.Entry> = [
  Registry.fromDefinition(OrgPolicy.document, "@gongzhi/org-tree"),
  {
    ...Registry.fromDefinition(
      OrgRows.document,
      "@gongzhi/org-tree",
      (doc, options) => checkRows(doc as OrgRows.OrgRows, [], options.asOf)
    ),
    decode: decodeRows
  }
]

// ---------------------------------------------------------------------------------------------
// rosters in spreadsheets: read by org-tree's Roster (Chinese or English headers and labels)

/** An org-rows document from a roster: .json/.yaml as is, .csv as the org units, .xlsx by sheet name. */
export const readRoster = async (context: Cli.Context, file: string): Promise<OrgRows.OrgRows> => {
  if (!/\.(csv|xlsx)$/i.test(file)) {
    return ValidationReport.getOrThrow(decodeRows(await Cli.readJson(context.io, file)))
  }
  const found = await Cli.readSheets(context.io, file)
  const csv = /\.csv$/i.test(file)
  const read = Roster.read(found.map((sheet, index) => (csv && index === 0 ? { ...sheet, table: "orgUnits" } : sheet)))
  if (Result.isSuccess(read)) return read.success
  // A file with no org units sheet at all is the wrong file: a usage error, as for a missing file.
  const noOrgUnits = read.failure.issues.find((issue) => issue.code === "ORG_ROSTER_NO_ORG_UNITS")
  if (noOrgUnits !== undefined && read.failure.issues.filter(Issue.isError).length === 1) {
    throw Cli.usageErrorIn(file, noOrgUnits)
  }
  throw new ValidationReport.DomainError(read.failure)
}

const loadPolicy = async (
  context: Cli.Context,
  name: string | undefined,
  doc: OrgRows.OrgRows
): Promise<OrgPolicy.OrgPolicy> => {
  if (name !== undefined && !name.startsWith("preset:")) {
    return ValidationReport.getOrThrow(OrgPolicy.document.decode(await Cli.readJson(context.io, name)))
  }
  return ValidationReport.getOrThrow(resolvePolicy(name ?? doc.policy, [], ["policy"]))
}

const depthOption = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Cli.UsageError({
      zh: `--depth 应为非负整数，实际为 ${text}`,
      en: `--depth must be a whole number ≥ 0, got ${text}`
    })
  }
  return n
}

/** An org chart block for the report: the tree (or a subtree) to a depth, organisation only. */
const chartBlock = (
  tree: OrgTree.OrgTree,
  lang: Label.Lang,
  options: { readonly root?: string | undefined; readonly depth?: number | undefined; readonly title: string }
): Report.OrgChart => {
  const nested = Render.rows(tree, { root: options.root, depth: options.depth, territory: false })
  return {
    _tag: "OrgChart",
    title: options.title,
    nodes: nested.orgUnits.map((u) => ({
      id: u.id,
      ...(u.parentId === undefined || u.parentId === null ? {} : { parentId: u.parentId }),
      label: u.name.length > 0 ? u.name : Kind.labels[u.kind][lang]
    }))
  }
}

const countsRows = (counts: Rollup.Counts, lang: Label.Lang): Array<Array<Table.Cell>> => [
  ...Kind.kinds.filter((k) => counts.byKind[k] > 0).map((k) => [Kind.labels[k][lang], counts.byKind[k]]),
  [lang === "zh" ? "正式党员" : "full members", counts.membersFull],
  [lang === "zh" ? "预备党员" : "probationary members", counts.membersProbationary],
  [lang === "zh" ? "在职党员（到社区报到）" : "in-service members reporting", counts.inServiceMembers],
  [lang === "zh" ? "驻区单位" : "member units", counts.memberUnits],
  [lang === "zh" ? "支部委员" : "branch committee members", counts.branchCommitteeMembers],
  [lang === "zh" ? "两长四员" : "two heads, four members", counts.twoHeadsFourMembers]
]

/** At most this many findings are listed in the report (all are counted). */
const findingsListed = 500

/**
 * The organisation checked against its policy on a date (组织核查): a sentence with the
 * counts, and a table of the findings (severity, code, where, what: person and unit ids, never
 * names; text masked).
 */
const findingsBlocks = (
  report: ValidationReport.ValidationReport,
  policyName: Label.Label,
  asOf: CivilDate.CivilDate,
  top: string,
  lang: Label.Lang
): ReadonlyArray<Report.Block> => {
  const errors = report.issues.filter(Issue.isError).length
  const warnings = report.issues.length - errors
  const zh = lang === "zh"
  const sentence = report.issues.length === 0
    ? zh
      ? `组织核查（截至 ${asOf}，按“${policyName.zh}”）：未发现问题。`
      : `Checked against "${policyName.en}" on ${asOf}: no findings.`
    : zh
    ? `组织核查（截至 ${asOf}，按“${policyName.zh}”）：${errors} 个错误、${warnings} 个警告，见下表${
      report.issues.length > findingsListed ? `（列出前 ${findingsListed} 项）` : ""
    }。`
    : `Checked against "${policyName.en}" on ${asOf}: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${
      warnings === 1 ? "warning" : "warnings"
    } (table below${report.issues.length > findingsListed ? `, the first ${findingsListed}` : ""}).`
  if (report.issues.length === 0) return [{ _tag: "Paragraph", text: sentence }]
  return [
    { _tag: "Paragraph", text: sentence },
    {
      _tag: "Table",
      title: zh ? "组织核查问题" : "Findings",
      sheet: `org-findings-${top}`.slice(0, 31),
      columns: zh ? ["级别", "代码", "位置", "说明"] : ["severity", "code", "where", "what"],
      rows: report.issues.slice(0, findingsListed).map((issue) => [
        Issue.isError(issue) ? (zh ? "错误" : "error") : (zh ? "警告" : "warning"),
        issue.code,
        Issue.formatPath(issue.path),
        Redaction.maskText(issue.message[lang])
      ])
    }
  ]
}

/** How many errors and warnings the organisation of one document has, for the command's output. */
export interface OrgFindings {
  readonly file: string
  readonly errors: number
  readonly warnings: number
}

/**
 * The organisation sections of the county report, one per org-rows document; with `asOf`, each
 * is checked against its policy on that date and the findings are part of the section
 * (`onFindings` hears their counts).
 */
export const orgSections = (
  sources: ReadonlyArray<Source>,
  lang: Label.Lang,
  asOf?: CivilDate.CivilDate | undefined,
  onFindings?: ((findings: OrgFindings) => void) | undefined
): Result.Result<ReadonlyArray<Report.Section>, ValidationReport.ValidationReport> => {
  const issues: Array<Issue.DomainIssue> = []
  const policies: Array<OrgPolicy.OrgPolicy> = []
  for (const source of sources) {
    if (Document.peekHeader(source.value)?.kind !== OrgPolicy.document.kind) continue
    const policy = OrgPolicy.document.decode(source.value)
    if (Result.isFailure(policy)) {
      for (const issue of policy.failure.issues) issues.push(Issue.prefixPath([source.file])(issue))
    } else policies.push(policy.success)
  }
  const sections: Array<Report.Section> = []
  for (const source of sources) {
    if (Document.peekHeader(source.value)?.kind !== OrgRows.document.kind) continue
    const built = Result.flatMap(
      OrgRows.document.decode(source.value),
      (doc) => Result.flatMap(resolvePolicy(doc.policy, policies, ["policy"]), (policy) => OrgTree.build(doc, policy))
    )
    if (Result.isFailure(built)) {
      for (const issue of built.failure.issues) issues.push(Issue.prefixPath([source.file])(issue))
      continue
    }
    const tree = built.success
    const top = OrgTree.root(tree)
    if (top === undefined) continue
    const findings = asOf === undefined ? undefined : Validation.validate(tree, { asOf })
    if (findings !== undefined) {
      const errors = findings.issues.filter(Issue.isError).length
      onFindings?.({ file: source.file, errors, warnings: findings.issues.length - errors })
    }
    const counts = Rollup.counts(tree)
    const coverage = Rollup.coverageTable(Rollup.coverage(tree), lang)
    const grandCommittees = counts.byKind["grand-committee"]
    const big = tree.size > 200
    const only = grandCommittees === 1 ? Query.byKind(tree, "grand-committee")[0] : undefined
    const name = only?.name ?? top.name
    sections.push({
      title: lang === "zh" ? `组织架构：${name}` : `Organisation: ${name}`,
      blocks: [
        {
          _tag: "Paragraph",
          text: lang === "zh"
            ? `${grandCommittees} 个社区大党委、${counts.byKind.branch} 个党支部、${
              counts.byKind["party-group"]
            } 个党小组、${counts.byKind["centre-household"]} 个党员中心户；按“${tree.policy.name.zh}”构建。架构图画到${
              big ? "社区大党委" : "党支部"
            }一级。`
            : `${grandCommittees} grand committees, ${counts.byKind.branch} branches, ${
              counts.byKind["party-group"]
            } party groups, ${
              counts.byKind["centre-household"]
            } centre households; built by "${tree.policy.name.en}". The chart stops at the ${
              big ? "grand committees" : "branches"
            }.`
        },
        chartBlock(tree, lang, { depth: big ? 1 : 2, title: lang === "zh" ? "组织架构图" : "Org chart" }),
        {
          _tag: "Table",
          title: lang === "zh" ? "组织与人员" : "Units and people",
          sheet: `org-counts-${top.id}`.slice(0, 31),
          columns: lang === "zh" ? ["项目", "数量"] : ["what", "count"],
          rows: countsRows(counts, lang)
        },
        {
          _tag: "Table",
          title: lang === "zh" ? "覆盖情况（全覆盖）" : "Coverage",
          sheet: `coverage-${top.id}`.slice(0, 31),
          columns: coverage.columns,
          rows: coverage.rows.map((row) => [...row])
        },
        ...(findings === undefined || asOf === undefined
          ? []
          : findingsBlocks(findings, tree.policy.name, asOf, top.id, lang))
      ]
    })
  }
  return issues.some(Issue.isError) ? Result.fail(ValidationReport.make(issues)) : Result.succeed(sections)
}

/** The organisation part of the demo: 名泉 and 红安, generated from the seed. */
export const orgDemo = (
  seed: number,
  asOf: CivilDate.CivilDate
): { readonly documents: ReadonlyArray<Source>; readonly figures: OrgDemoFigures } => {
  const mingquanRows = Fixtures.mingquan({ seed })
  const honganRows = Fixtures.hongan({ seed })
  const mingquan = ValidationReport.getOrThrow(OrgTree.build(mingquanRows, Presets.mingquan))
  const hongan = ValidationReport.getOrThrow(OrgTree.build(honganRows, Presets.hongan))
  const counts = Rollup.counts(hongan)
  return {
    documents: [
      { file: "mingquan-org.json", value: mingquanRows },
      { file: "hongan-org.json", value: honganRows }
    ],
    figures: {
      mingquan: {
        memberUnits: Query.memberUnitsOf(mingquan, "mingquan").length,
        branches: Query.byKind(mingquan, "branch").length,
        deputiesFromUnits:
          Query.byRole(mingquan, "deputy-secretary", { within: "mingquan", on: asOf }).filter((p) =>
            p.partTime === true
          ).length,
        issues: Validation.validate(mingquan, { asOf }).issues.length
      },
      hongan: {
        grandCommittees: counts.byKind["grand-committee"],
        grids: counts.byKind.grid,
        branches: counts.byKind.branch,
        groups: counts.byKind["party-group"],
        centreHouseholds: counts.byKind["centre-household"],
        memberUnits: counts.memberUnits,
        inServiceMembers: counts.inServiceMembers,
        twoHeadsFourMembers: counts.twoHeadsFourMembers,
        branchCommitteeMembers: counts.branchCommitteeMembers,
        gridsWithoutBranch: Rollup.coverage(hongan).total.gridsWithoutBranch.length,
        issues: Validation.validate(hongan, { asOf }).issues.length
      }
    }
  }
}

const printTable = (
  context: Cli.Context,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<Table.Cell>>
) => {
  for (const line of padCells([columns, ...rows.map((r) => r.map((c) => (c === null ? "" : String(c))))])) {
    context.print(line)
  }
}

export const installOrg: Cli.Installer = (program, context) => {
  const t = Program.pick(context.helpLang)
  const org = program
    .command("org")
    .description(Program.described("org", context.helpLang))
    .addHelpText(
      "after",
      Cli.helpExamples([
        "gongzhi org validate roster.xlsx --policy preset:hongan --as-of 2024-12-31",
        "gongzhi org build roster.xlsx --out documents/org-rows.json",
        "gongzhi org render roster.json --format mermaid --root gc-01 --depth 2",
        "gongzhi org render roster.json --format svg --out org.svg"
      ], context.helpLang)
    )
  const common = (command: ReturnType<typeof org.command>) =>
    command
      .argument(
        "<roster>",
        t(
          "花名册：.xlsx（工作表 组织、人员、驻区单位、职务）、.csv（组织单元）或组织数据文档 .json/.yaml",
          "the roster: .xlsx (sheets 组织, 人员, 驻区单位, 职务), .csv (the org units) or an org-rows .json/.yaml"
        )
      )
      .option(
        "--policy <policy>",
        t(
          "组织规则：preset:hongan、preset:mingquan 或一份规则文档（默认用花名册自带的，否则 preset:hongan）",
          "the organisation policy: preset:hongan, preset:mingquan or a policy document (default: the roster's own, else preset:hongan)"
        )
      )

  common(org.command("build"))
    .description(
      t(
        "构建组织树（一次列出所有问题），输出各类数量和覆盖情况，可写出组织数据文档",
        "build the tree (every problem at once), print its counts and coverage, optionally write the org-rows document"
      )
    )
    .option("-o, --out <file>", t("写出组织数据文档（.json）", "write the org-rows document (.json)"))
    .action(async (file: string, options: { policy?: string; out?: string }) => {
      const doc = await readRoster(context, file)
      const policy = await loadPolicy(context, options.policy, doc)
      const tree = ValidationReport.getOrThrow(OrgTree.build(doc, policy))
      const lang = context.lang()
      if (!context.quiet()) {
        context.print(
          lang === "zh"
            ? `${file}：${tree.size} 个组织与网格，按“${policy.name.zh}”构建`
            : `${file}: ${tree.size} units and grids, built by "${policy.name.en}"`
        )
      }
      printTable(context, lang === "zh" ? ["项目", "数量"] : ["what", "count"], countsRows(Rollup.counts(tree), lang))
      const coverage = Rollup.coverageTable(Rollup.coverage(tree), lang)
      if (coverage.rows.length > 1) {
        context.print("")
        printTable(context, coverage.columns, coverage.rows)
      }
      if (options.out !== undefined) {
        await context.io.writeFile(
          options.out,
          `${
            JSON.stringify(
              { ...Render.rows(tree), policy: options.policy ?? doc.policy ?? `preset:${policy.id}` },
              null,
              2
            )
          }\n`
        )
        if (!context.quiet()) context.warn(lang === "zh" ? `已写入 ${options.out}` : `wrote ${options.out}`)
      }
    })

  common(org.command("validate"))
    .description(
      t(
        "构建并按组织规则在某一天校验：列出所有错误和警告；有错误时退出码为 1",
        "build and validate against the policy's rules on a date: every error and warning; exit code 1 on errors"
      )
    )
    .option(
      "--as-of <date>",
      t(
        "按哪一天适用规则（任期、谁担任什么职务）；默认今天",
        "the date the rules are applied on (terms, who holds what); today by default"
      )
    )
    .option("--json", t("以 JSON 输出校验报告", "print the report as JSON"))
    .action(async (file: string, options: { policy?: string; asOf?: string; json?: boolean }) => {
      // a bad --as-of is a usage error (2) whatever the roster holds
      const asOf = Cli.asOfOption(options.asOf)
      const doc = await readRoster(context, file)
      const policy = await loadPolicy(context, options.policy, doc)
      const built = OrgTree.build(doc, policy)
      const report = Result.isFailure(built) ? built.failure : Validation.validate(built.success, { asOf })
      if (options.json === true) {
        context.io.stdout.write(
          `${JSON.stringify({ file, valid: ValidationReport.isValid(report), issues: report.issues }, null, 2)}\n`
        )
        if (ValidationReport.hasErrors(report)) context.fail(1)
        return
      }
      Cli.printReport(context, file, report)
    })

  common(org.command("render"))
    .description(
      t(
        "绘制组织树：Mermaid、Graphviz DOT、SVG 或嵌套 JSON（d3-hierarchy），可按子树和层数",
        "draw the tree: Mermaid, Graphviz DOT, SVG or nested JSON (d3-hierarchy), by subtree and depth"
      )
    )
    .addOption(
      new Option("--format <format>", t("mermaid、dot、svg 或 json", "mermaid, dot, svg or json")).choices([
        "mermaid",
        "dot",
        "svg",
        "json"
      ]).default("mermaid")
    )
    .option("--root <id>", t("只画这个组织单元的子树", "draw only this org unit's subtree"))
    .option("--depth <n>", t("根以下画几层", "how many levels below the root"))
    .option("--territory", t("包括网格、楼栋和单元", "include grids, buildings and entrances"))
    .option("-o, --out <file>", t("写到文件而不是标准输出", "write to a file instead of standard output"))
    .action(
      async (
        file: string,
        options: {
          policy?: string
          format: "mermaid" | "dot" | "svg" | "json"
          root?: string
          depth?: string
          territory?: boolean
          out?: string
        }
      ) => {
        const doc = await readRoster(context, file)
        const policy = await loadPolicy(context, options.policy, doc)
        const tree = ValidationReport.getOrThrow(OrgTree.build(doc, policy))
        if (options.root !== undefined && OrgTree.get(tree, options.root) === undefined) {
          throw new Cli.UsageError({
            zh: `没有编号为 ${options.root} 的组织`,
            en: `There is no org unit ${options.root}`
          })
        }
        const lang = context.lang()
        const render = {
          root: options.root,
          depth: depthOption(options.depth),
          lang,
          territory: options.territory === true
        }
        if (options.format === "json") {
          // written without recursion over the tree's depth and in chunks: a 1 M chain is fine
          const nested = Render.nested(tree, render)
          if (options.out === undefined) {
            Json.write(nested, (chunk) => void context.io.stdout.write(chunk))
            context.io.stdout.write("\n")
          } else await Io.writeChunks(context.io, options.out, Json.chunks(nested, 2, "\n"))
          return
        }
        const text = options.format === "dot"
          ? Render.dot(tree, render)
          : options.format === "svg"
          ? Report.orgChartSvg(
            chartBlock(tree, lang, { root: options.root, depth: render.depth, title: OrgTree.root(tree)?.name ?? "" })
          )
          : Render.mermaid(tree, render)
        if (options.out === undefined) context.io.stdout.write(`${text}\n`)
        // in pieces: a 1 M chain's text is never converted to bytes whole
        else await Io.writeChunks(context.io, options.out, Io.pieces(`${text}\n`))
      }
    )
}
