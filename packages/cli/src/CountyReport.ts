/**
 * The county report (县级报告) from a folder of documents: the organisation (org chart,
 * counts and coverage), the points leaderboard and masked public notice, co-building
 * fulfilment per member unit, each vote taken (议事决策: the tally by the law's thresholds) and
 * each assessment's ranking with one explained score.
 * Documents are recognised by their `kind`; whatever is missing is left out.
 *
 * @since 0.1.0
 */
import { Assessment, Explanation, Inputs, Plan, Presets as AssessmentPresets } from "@gongzhi/assessment-scoring"
import { Fulfilment } from "@gongzhi/co-building-agreement"
import { type CivilDate, Document, Fen, Issue, type Label, Period, Redaction, ValidationReport } from "@gongzhi/core"
import { Vote } from "@gongzhi/deliberation"
import { Report as LedgerReport } from "@gongzhi/points-ledger"
import type { Journal } from "@gongzhi/points-ledger"
import * as Result from "effect/Result"
import * as InputsTable from "./InputsTable.js"
import { orgSections } from "./internal/org.js"
import type * as Internal from "./internal/source.js"
import * as JournalFile from "./JournalFile.js"
import * as Report from "./Report.js"

/**
 * One document of the folder: its file name and parsed content.
 *
 * @example
 * ```ts
 * import type { CountyReport } from "@gongzhi/cli"
 *
 * const source: CountyReport.Source = { file: "plan.json", value: { kind: "assessment-plan" } }
 * console.log(source.file)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Source = Internal.Source

/**
 * How the report is made: its language and title, the period of points, and which subject's
 * score to explain (the first ranked by default).
 *
 * @example
 * ```ts
 * import type { CountyReport } from "@gongzhi/cli"
 *
 * const options: CountyReport.Options = { lang: "zh", title: "红安县社区治理报告" }
 * console.log(options.lang)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly lang: Label.Lang
  readonly title?: string | undefined
  readonly subtitle?: string | undefined
  readonly pointsPeriod?: Period.Period | undefined
  readonly explain?: string | undefined
  /**
   * An internal report: the names of assessed people are shown. By default (a report that is
   * shown around) the names of subjects of a plan whose `subjects` are people — or undeclared —
   * are masked as in a public notice (王小明 → 王*明); organisations' names are always shown.
   */
  readonly internal?: boolean | undefined
  /**
   * The date the organisation is checked against its policy on (terms, who holds what): its
   * findings (组织核查) become part of the organisation's section. Without it, no check is made.
   */
  readonly asOf?: CivilDate.CivilDate | undefined
  /** Called with the counts of each organisation's findings (for the command's output). */
  readonly onOrgFindings?:
    | ((findings: { readonly file: string; readonly errors: number; readonly warnings: number }) => void)
    | undefined
  /** Called before each long step, with its name (for progress output). */
  readonly onStep?: ((step: string) => void) | undefined
}

const t = (lang: Label.Lang, zh: string, en: string) => (lang === "zh" ? zh : en)

const prefixed = (file: string, report: ValidationReport.ValidationReport) =>
  report.issues.map(Issue.prefixPath([file]))

const permille = (n: number) => Math.round(n) / 10

/**
 * The points section: the public notice (公示) as bars and a table — names masked, since a
 * report is shown around — and the reconciliation.
 */
const pointsSection = (journal: Journal.Journal, period: Period.Period, lang: Label.Lang): Report.Section => {
  const notice = LedgerReport.publicNotice(journal, period, { top: 20 })
  const r = LedgerReport.reconcile(journal)
  return {
    title: t(lang, `志愿积分（${Period.format(period)}）`, `Volunteer points (${Period.format(period)})`),
    blocks: [
      {
        _tag: "Paragraph",
        text: t(
          lang,
          `${notice.title.zh}。${journal.length} 条流水；发放 ${r.issued} 分 = 可用 ${r.available} + 冻结 ${r.held} + 已兑换 ${r.redeemed} + 已过期 ${r.expired} + 捐出 ${r.donated}（${
            r.balanced ? "账实相符" : "不平衡！"
          }）。姓名已按公示要求遮蔽。`,
          `${notice.title.en}. ${journal.length} entries; issued ${r.issued} = available ${r.available} + held ${r.held} + redeemed ${r.redeemed} + expired ${r.expired} + donated ${r.donated} (${
            r.balanced ? "balanced" : "NOT balanced!"
          }). Names are masked as in a public notice.`
        )
      },
      {
        _tag: "Bars",
        title: t(lang, "积分排行（前 10）", "Points leaderboard (top 10)"),
        unit: t(lang, "分", "points"),
        bars: notice.rows.slice(0, 10).map((s) => ({ label: `${s.rank}. ${s.name}`, value: s.earned }))
      },
      {
        _tag: "Table",
        title: t(lang, "积分公示（姓名已遮蔽）", "Public notice (names masked)"),
        sheet: "points-notice",
        columns: t(lang, "名次|姓名|网格|获得积分|可用积分", "rank|name|grid|earned|available").split("|"),
        rows: notice.rows.map((s) => [s.rank, s.name, s.grid ?? null, s.earned, s.available])
      }
    ]
  }
}

/** The co-building section: fulfilment per member unit. */
const coBuildingSection = (doc: Document.Type<typeof Fulfilment.document>, lang: Label.Lang): Report.Section => {
  const units = doc.grandCommittees.flatMap((gc) => gc.units.map((u) => ({ gc: gc.grandCommittee, ...u })))
  const sorted = [...units].sort((a, b) =>
    b.figures.fundsCommitted - a.figures.fundsCommitted || (a.name < b.name ? -1 : 1)
  )
  const money = (fen: number) => Result.match(Fen.make(fen), { onSuccess: Fen.formatWan, onFailure: () => String(fen) })
  return {
    title: t(
      lang,
      `共驻共建履约（${doc.period.start} 至 ${doc.period.end}）`,
      `Co-building fulfilment (${doc.period.start} to ${doc.period.end})`
    ),
    blocks: [
      {
        _tag: "Paragraph",
        text: t(
          lang,
          `${units.length} 家驻区单位，承诺经费 ${money(doc.totals.fundsCommitted)}，到位 ${
            money(doc.totals.fundsDelivered)
          }；志愿服务 ${doc.totals.volunteerHoursDelivered}/${doc.totals.volunteerHoursCommitted} 小时；吹哨按时报到 ${doc.totals.whistlesOnTime}/${doc.totals.whistlesCalled}。`,
          `${units.length} member units, funds committed ${money(doc.totals.fundsCommitted)}, delivered ${
            money(doc.totals.fundsDelivered)
          }; volunteer hours ${doc.totals.volunteerHoursDelivered}/${doc.totals.volunteerHoursCommitted}; whistles answered on time ${doc.totals.whistlesOnTime}/${doc.totals.whistlesCalled}.`
        )
      },
      {
        _tag: "Bars",
        title: t(lang, "各单位经费到位率", "Funds delivered per member unit"),
        unit: "%",
        bars: sorted.map((u) => ({
          label: u.name,
          value: permille(u.rates.funds),
          note: `${money(u.figures.fundsDelivered)} / ${money(u.figures.fundsCommitted)}`
        }))
      },
      {
        _tag: "Table",
        title: t(lang, "各单位履约情况", "Fulfilment per member unit"),
        sheet: "co-building-fulfilment",
        columns: t(
          lang,
          "单位|承诺经费（元）|到位经费（元）|经费到位率%|志愿服务率%|场地开放率%|服务完成率%|参会|认领心愿|按时报到",
          "member unit|funds committed (yuan)|funds delivered (yuan)|funds %|volunteer hours %|facility %|services %|meetings|wishes claimed|whistles on time"
        ).split("|"),
        rows: sorted.map((u) => [
          u.name,
          u.figures.fundsCommitted / 100,
          u.figures.fundsDelivered / 100,
          permille(u.rates.funds),
          permille(u.rates.volunteerHours),
          permille(u.rates.facilityHours),
          permille(u.rates.services),
          `${u.figures.meetingsAttended}/${u.figures.meetingsInvited}`,
          u.figures.wishesClaimed,
          `${u.figures.whistlesOnTime}/${u.figures.whistlesCalled}`
        ])
      }
    ]
  }
}

/** The assessment section: ranking bars, results table and one explained score. */
const assessmentSection = (
  assessment: Assessment.Assessment,
  explain: string | undefined,
  lang: Label.Lang,
  maskNames: boolean
): Report.Section => {
  const standings = Assessment.standings(assessment)
  const found = (explain === undefined ? undefined : Assessment.subject(assessment, explain)) ?? standings[0]
  const nameOf = (name: string | undefined): string | undefined =>
    name === undefined || !maskNames ? name : Redaction.maskName(name)
  const explained = found === undefined || found.name === undefined || !maskNames
    ? found
    : { ...found, name: Redaction.maskName(found.name) }
  const results = InputsTable.results(assessment, lang, { maskNames }).rows
  const notices = assessment.subjects.flatMap((s) =>
    s.consequences.flatMap((c) => c.notices.map((n) => `${nameOf(s.name) ?? s.id}: ${c.label[lang]} → ${n.id ?? n.to}`))
  )
  return {
    title: `${assessment.planName[lang]}${assessment.period === undefined ? "" : `（${assessment.period}）`}`,
    blocks: [
      {
        _tag: "Bars",
        title: t(lang, "排名（赛马比拼）", "Ranking (horse race)"),
        unit: t(lang, "分", "points"),
        bars: standings.map((s) => ({
          label: `${s.rank ?? "—"}. ${nameOf(s.name) ?? s.id}`,
          value: s.total,
          note: s.grade?.label[lang] ?? s.ungraded?.[lang]
        }))
      },
      {
        _tag: "Table",
        title: t(lang, "考核结果", "Results"),
        sheet: `results-${assessment.planId}`.slice(0, 31),
        columns: (results[0] ?? []).map(String),
        rows: results.slice(1)
      },
      ...(notices.length === 0
        ? []
        : [{
          _tag: "Preformatted" as const,
          title: t(lang, "结果运用与通知", "Consequences and notices"),
          text: notices.join("\n")
        }]),
      ...(explained === undefined ? [] : [{
        _tag: "Preformatted" as const,
        title: t(lang, `得分说明：${explained.name ?? explained.id}`, `How ${explained.name ?? explained.id} scored`),
        text: Explanation.format(explained, lang)
      }])
    ]
  }
}

/** A share as a percentage with one decimal, or "—" where the whole is 0 (members have no area). */
const percent = (
  part: number,
  whole: number
): string => (whole === 0 ? "—" : `${Math.round((part * 1000) / whole) / 10}%`)

/**
 * The votes section (议事决策): one row per vote — participation and those in favour, by
 * headcount and by area, of the bases the rule counts — and each tally's explanation. Only
 * totals: no voter is named.
 */
const votesSection = (
  votes: ReadonlyArray<{ readonly record: Vote.Vote; readonly counted: Vote.Counted }>,
  lang: Label.Lang
): Report.Section => {
  const verdict = (passed: boolean) => (passed ? t(lang, "通过", "passed") : t(lang, "未通过", "not passed"))
  const titleOf = (record: Vote.Vote) => record.matter.title === "" ? record.matter.id : record.matter.title
  return {
    title: t(lang, "议事决策（民主定事）", "Votes and decisions"),
    blocks: [
      {
        _tag: "Paragraph",
        text: t(
          lang,
          `${votes.length} 项表决，${
            votes.filter((v) => v.counted.tally.passed).length
          } 项通过；按各自表决规则的法定比例精确计票（整数运算，恰好一半不算“过半数”）。`,
          `${votes.length} votes, ${
            votes.filter((v) => v.counted.tally.passed).length
          } passed; each counted exactly by its rule's thresholds (integer arithmetic: exactly half is not "more than half").`
        )
      },
      {
        _tag: "Table",
        title: t(lang, "表决结果", "Results of the votes"),
        sheet: "deliberation-votes",
        columns: t(
          lang,
          "议题|表决规则|表决权人|参与表决（人数）|参与表决（面积）|同意（人数）|同意（面积）|截止|结果",
          "matter|rule|voters|taking part (headcount)|taking part (area)|in favour (headcount)|in favour (area)|closed|result"
        ).split("|"),
        rows: votes.map(({ counted, record }) => {
          const c = counted.tally.counts
          return [
            titleOf(record),
            counted.rule.name[lang],
            c.eligible.headcount,
            percent(c.participants.headcount, c.shouldAttend.headcount),
            percent(c.participants.area, c.shouldAttend.area),
            percent(c.yes.headcount, c.participants.headcount),
            percent(c.yes.area, c.participants.area),
            counted.decision.decidedOn,
            verdict(counted.tally.passed)
          ]
        })
      },
      ...votes.map(({ counted, record }): Report.Block => ({
        _tag: "Preformatted",
        title: t(lang, `${titleOf(record)}：`, `${titleOf(record)}: `) + verdict(counted.tally.passed),
        text: `${counted.rule.name[lang]} (${counted.rule.source.title[lang]} ${counted.rule.source.article})\n${
          counted.tally.explanation[lang]
        }`
      }))
    ]
  }
}

const kindOf = (value: unknown): string | undefined => Document.peekHeader(value)?.kind

/**
 * Builds the report from the documents of a folder. Every bad document is reported (its
 * problems prefixed with the file name); if there is any error, no report is made. The report
 * is redacted ({@link Report.redact}): phone, ID, bank card numbers and e-mail addresses are
 * masked wherever they appear, and points-notice names are masked as in a public notice.
 *
 * @example
 * ```ts
 * import { CountyReport, Report } from "@gongzhi/cli"
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * const report = CountyReport.build([
 *   { file: "inputs.json", value: Presets.democraticEvaluationExample }
 * ], { lang: "zh", title: "示例报告" })
 * if (report._tag === "Success") console.log(Report.toMarkdown(report.success).startsWith("# 示例报告")) // true
 * ```
 *
 * @category building
 * @since 0.1.0
 */
export const build = (
  sources: ReadonlyArray<Source>,
  options: Options
): Result.Result<Report.Report, ValidationReport.ValidationReport> => {
  const lang = options.lang
  const issues: Array<Issue.DomainIssue> = []
  const sections: Array<Report.Section> = []
  const byKind = (kind: string) => sources.filter((s) => kindOf(s.value) === kind)
  const decoded = <A>(
    source: Source,
    decode: (input: unknown) => Result.Result<A, ValidationReport.ValidationReport>
  ): A | undefined => {
    const result = decode(source.value)
    if (Result.isSuccess(result)) return result.success
    for (const issue of prefixed(source.file, result.failure)) issues.push(issue)
    return undefined
  }

  options.onStep?.(t(lang, "组织架构", "organisation"))
  const org = orgSections(sources, lang, options.asOf, options.onOrgFindings)
  if (Result.isFailure(org)) { for (const issue of org.failure.issues) issues.push(issue) }
  else for (const section of org.success) sections.push(section)

  for (const source of byKind(JournalFile.document.kind)) {
    options.onStep?.(t(lang, `积分流水 ${source.file}`, `journal ${source.file}`))
    const doc = decoded(source, JournalFile.document.decode)
    const journal = doc === undefined
      ? undefined
      : decoded({ ...source, value: doc }, (d) => JournalFile.load(d as JournalFile.JournalDocument))
    if (journal === undefined) continue
    const period = options.pointsPeriod ?? JournalFile.lastYear(journal)
    if (period !== undefined) sections.push(pointsSection(journal, period, lang))
  }

  for (const source of byKind(Fulfilment.document.kind)) {
    const doc = decoded(source, Fulfilment.document.decode)
    if (doc !== undefined) sections.push(coBuildingSection(doc, lang))
  }

  const votes: Array<{ readonly record: Vote.Vote; readonly counted: Vote.Counted }> = []
  for (const source of byKind(Vote.document.kind)) {
    options.onStep?.(t(lang, `表决 ${source.file}`, `vote ${source.file}`))
    const record = decoded(source, Vote.decode)
    const counted = record === undefined ? undefined : decoded({ ...source, value: record }, (v) => Vote.count(v))
    if (record !== undefined && counted !== undefined) votes.push({ record, counted })
  }
  if (votes.length > 0) sections.push(votesSection(votes, lang))

  const plans = new Map<string, Plan.Plan>()
  for (const source of byKind(Plan.document.kind)) {
    const plan = decoded(source, (v) => Plan.decode(v))
    if (plan !== undefined) plans.set(plan.id, plan)
  }
  for (const source of byKind(Inputs.document.kind)) {
    const inputs = decoded(source, Inputs.document.decode)
    if (inputs === undefined) continue
    const plan = plans.get(inputs.planId) ?? AssessmentPresets.plans[inputs.planId]
    if (plan === undefined) {
      issues.push(Issue.make({
        code: "CLI_REPORT_PLAN_MISSING",
        path: [source.file, "planId"],
        params: { planId: inputs.planId },
        message: {
          zh: "找不到考核方案 {planId}：请把方案文件放进同一文件夹",
          en: "The assessment plan {planId} was not found: put the plan document in the same folder"
        }
      }))
      continue
    }
    options.onStep?.(t(lang, `考核 ${plan.id}`, `assessment ${plan.id}`))
    const assessment = decoded({ ...source, value: inputs }, (i) => Assessment.score(plan, i as Inputs.Inputs))
    const maskNames = plan.subjects !== "organisations" && options.internal !== true
    if (assessment !== undefined) sections.push(assessmentSection(assessment, options.explain, lang, maskNames))
  }

  if (issues.some(Issue.isError)) return Result.fail(ValidationReport.make(issues))
  return Result.succeed(Report.redact({
    title: options.title ?? t(lang, "社区治理报告", "Community governance report"),
    ...(options.subtitle === undefined ? {} : { subtitle: options.subtitle }),
    sections
  }))
}
