/**
 * Explanations (得分说明): where every point of a score comes from — each indicator's input,
 * method, points, caps; the assessors' scores and which were dropped; bonus and deduction
 * items with their caps; the formula; and each step of the grade (band, veto, quota) — and
 * their human-readable form in zh or en.
 *
 * @since 0.1.0
 */
import type { Label } from "@gongzhi/core"
import type * as Consequence from "./Consequence.js"
import type * as Grade from "./Grade.js"
import type * as Plan from "./Plan.js"

/**
 * One assessor's contribution to a multi-assessor indicator.
 *
 * @example
 * ```ts
 * import type { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const a: Explanation.AssessorScore = { by: "m-002", points: 95, weight: 1, dropped: true }
 * console.log(a.dropped)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface AssessorScore {
  readonly by: string
  readonly points: number
  readonly weight: number
  readonly dropped: boolean
}

/**
 * A node of the explanation tree: the indicator, the method and input of a leaf, the points
 * out of the maximum, a weight, whether a cap applied (`max`, or `zero` for a floor), the
 * method's note and the node's children.
 *
 * @example
 * ```ts
 * import type { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const node: Explanation.Node = {
 *   id: "hours", label: { zh: "服务时长", en: "service hours" }, method: "linear", input: 62,
 *   points: 20, max: 20, weight: undefined, capped: "max", note: undefined, assessments: undefined, children: undefined
 * }
 * console.log(node.capped)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Node {
  readonly id: string
  readonly label: Label.Label
  readonly method: string | undefined
  readonly input: unknown
  readonly points: number
  readonly max: number
  readonly weight: number | undefined
  readonly capped: "max" | "zero" | undefined
  readonly note: Label.Label | undefined
  readonly assessments: ReadonlyArray<AssessorScore> | undefined
  readonly children: ReadonlyArray<Node> | undefined
}

/**
 * A bonus or deduction item as applied: occurrences, points and whether its cap cut it.
 *
 * @example
 * ```ts
 * import type { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const a: Explanation.Adjustment = { id: "award", label: { zh: "获市级表彰", en: "city award" }, occurrences: 3, points: 4, capped: true }
 * console.log(a.points)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Adjustment {
  readonly id: string
  readonly label: Label.Label
  readonly occurrences: number
  readonly points: number
  readonly capped: boolean
}

/**
 * One step of grading: the band the total fell in, a veto, a quota push-out, or "ungraded".
 *
 * @example
 * ```ts
 * import type { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const step: Explanation.Step = { kind: "quota", grade: "pass", reason: { zh: "优秀名额已满", en: "the excellent quota is full" } }
 * console.log(step.kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Step {
  readonly kind: "band" | "veto" | "quota" | "ungraded"
  readonly grade: string | undefined
  readonly reason: Label.Label
}

/**
 * What {@link format} reads of a scored subject: an `Assessment.SubjectResult` is one.
 *
 * @example
 * ```ts
 * import { Assessment, type Explanation, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
 * const subject: Explanation.Explained = result.subjects[0]!
 * console.log(subject.id) // b-01
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Explained {
  readonly id: string
  readonly name: string | undefined
  readonly total: number
  readonly maxTotal: number
  readonly grade: { readonly label: Label.Label } | undefined
  readonly ungraded: Label.Label | undefined
  readonly rank: number | undefined
  readonly peers: number | undefined
  readonly rankChange: number | undefined
  readonly vetoes: ReadonlyArray<{ readonly label: Label.Label; readonly reason: Label.Label }>
  readonly consequences: ReadonlyArray<Consequence.Applied>
  readonly explanation: Explanation
}

/**
 * The whole explanation of one subject's score. In results from `Assessment.score`, the
 * explanation itself and its `tree`, `formula` and `grading` are written when first read (from
 * what scoring kept, compactly) and then kept: they are own enumerable properties, so reading,
 * spreading, `structuredClone` and `JSON.stringify` all see plain values, and
 * their keys come last (`base` … `total`, then `tree`, `formula`, `grading`).
 *
 * @example
 * ```ts
 * import { Assessment, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
 * const explanation = result.subjects[0]!.explanation
 * console.log(explanation.formula.en)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Explanation {
  /** The indicator tree with each node's input (as read when scored), method, points and caps. */
  readonly tree: ReadonlyArray<Node>
  readonly base: number
  readonly evaluation: number | undefined
  readonly bonus: ReadonlyArray<Adjustment>
  readonly bonusTotal: number
  readonly deductions: ReadonlyArray<Adjustment>
  readonly deductionTotal: number
  /** How the total was computed, with the subject's own figures, in zh and en. */
  readonly formula: Label.Label
  readonly total: number
  /** The grading steps: the band of the total (or why the subject is ungraded), vetoes, quotas. */
  readonly grading: ReadonlyArray<Step>
}

/**
 * The figures of a subject's total that {@link formulaText} writes out (points, as in the
 * explanation), and the total before the plan's `totalCap` when it was above it.
 *
 * @example
 * ```ts
 * import type { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const figures: Explanation.Figures = { base: 88, bonusTotal: 2, deductionTotal: 0, evaluation: undefined, total: 90, uncapped: undefined }
 * console.log(figures.total) // 90
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Figures {
  readonly base: number
  readonly bonusTotal: number
  readonly deductionTotal: number
  readonly evaluation: number | undefined
  readonly total: number
  readonly uncapped: number | undefined
}

/**
 * The text of how a subject's total was computed, with its own figures, in zh and en (the
 * explanation's `formula`).
 *
 * @example
 * ```ts
 * import { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const text = Explanation.formulaText({ _tag: "Sum" }, {
 *   base: 88, bonusTotal: 2, deductionTotal: 1, evaluation: undefined, total: 89, uncapped: undefined
 * })
 * console.log(text.en) // indicators 88 + bonus 2 − deductions 1 = 89
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const formulaText = (formula: Plan.Formula, figures: Figures): Label.Label => {
  const { base, bonusTotal: bonus, deductionTotal: deductions, evaluation, total, uncapped } = figures
  const capZh = uncapped === undefined ? `${total}` : `${uncapped}，总分封顶 ${total}`
  const capEn = uncapped === undefined ? `${total}` : `${uncapped}, total capped at ${total}`
  const plusZh = `${bonus > 0 ? ` + 加分 ${bonus}` : ""}${deductions > 0 ? ` − 扣分 ${deductions}` : ""}`
  const plusEn = `${bonus > 0 ? ` + bonus ${bonus}` : ""}${deductions > 0 ? ` − deductions ${deductions}` : ""}`
  if (formula._tag === "BranchStar") {
    return {
      zh: `(基础分 ${base}${plusZh}) × ${formula.baseShare}% + 测评分 ${
        evaluation ?? 0
      } × ${formula.evaluationShare}% = ${capZh}`,
      en: `(base ${base}${plusEn}) × ${formula.baseShare}% + evaluation ${
        evaluation ?? 0
      } × ${formula.evaluationShare}% = ${capEn}`
    }
  }
  return { zh: `指标得分 ${base}${plusZh} = ${capZh}`, en: `indicators ${base}${plusEn} = ${capEn}` }
}

/**
 * What happened at one grading step, for {@link gradingStep}: the band of the total, a veto
 * forcing a grade, a veto barring grades, or a quota pushing the subject down.
 *
 * @example
 * ```ts
 * import type { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const event: Explanation.GradingEvent = { _tag: "Band", total: 92, band: { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 } }
 * console.log(event._tag) // Band
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type GradingEvent =
  | { readonly _tag: "Band"; readonly total: number; readonly band: Grade.Band }
  | { readonly _tag: "Forced"; readonly veto: Label.Label; readonly band: Grade.Band }
  | {
    readonly _tag: "Barred"
    readonly veto: Label.Label
    readonly barred: ReadonlyArray<Grade.Band>
    readonly band: Grade.Band
  }
  | {
    readonly _tag: "Quota"
    readonly quota: Grade.Quota
    readonly outcome: Grade.QuotaOutcome
    readonly from: Grade.Band
    readonly band: Grade.Band
  }

/**
 * The grading step (with its zh and en reason) that records a {@link GradingEvent}.
 *
 * @example
 * ```ts
 * import { Explanation } from "@gongzhi/assessment-scoring"
 *
 * const band = { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 }
 * console.log(Explanation.gradingStep({ _tag: "Band", total: 92, band }).reason.en) // total 92 ≥ 90: excellent
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const gradingStep = (event: GradingEvent): Step => {
  switch (event._tag) {
    case "Band":
      return {
        kind: "band",
        grade: event.band.id,
        reason: {
          zh: `总分 ${event.total} ≥ ${event.band.min}，评为${event.band.label.zh}`,
          en: `total ${event.total} ≥ ${event.band.min}: ${event.band.label.en}`
        }
      }
    case "Forced":
      return {
        kind: "veto",
        grade: event.band.id,
        reason: {
          zh: `一票否决（${event.veto.zh}），定为${event.band.label.zh}`,
          en: `veto (${event.veto.en}): ${event.band.label.en}`
        }
      }
    case "Barred":
      return {
        kind: "veto",
        grade: event.band.id,
        reason: {
          zh: `一票否决（${event.veto.zh}），不得评为${
            event.barred.map((b) => b.label.zh).join("、")
          }，定为${event.band.label.zh}`,
          en: `veto (${event.veto.en}) bars ${event.barred.map((b) => b.label.en).join(", ")}: ${event.band.label.en}`
        }
      }
    case "Quota": {
      const { band, from, outcome, quota } = event
      return {
        kind: "quota",
        grade: band.id,
        reason: {
          zh:
            `${from.label.zh}名额不超过 ${quota.numerator}/${quota.denominator}（${outcome.graded} 人中最多 ${outcome.limit} 个），${
              quota.tie === "exclude-tied" ? "同分者同进退，" : ""
            }调为${band.label.zh}`,
          en:
            `${from.label.en} is capped at ${quota.numerator}/${quota.denominator} (at most ${outcome.limit} of ${outcome.graded})${
              quota.tie === "exclude-tied" ? ", ties treated alike" : ""
            }: ${band.label.en}`
        }
      }
    }
  }
}

const num = (n: number): string => String(n)

/**
 * Formats one subject's result for a person, in zh or en: the total, grade and rank, then
 * the indicator tree, the bonus and deduction items, vetoes, grading steps and consequences.
 * The tree is walked iteratively.
 *
 * @example
 * ```ts
 * import { Assessment, Explanation, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
 * console.log(Explanation.format(result.subjects[0]!, "zh"))
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (subject: Explained, lang: Label.Lang): string => {
  const zh = lang === "zh"
  const lines: Array<string> = []
  const e = subject.explanation
  const grade = subject.grade === undefined
    ? (subject.ungraded === undefined
      ? (zh ? "无等次" : "no grade")
      : `${zh ? "不评等次" : "not graded"} (${subject.ungraded[lang]})`)
    : subject.grade.label[lang]
  const rank = subject.rank === undefined
    ? ""
    : zh
    ? `，排名 ${subject.rank}/${subject.peers}${change(subject.rankChange, true)}`
    : `, rank ${subject.rank} of ${subject.peers}${change(subject.rankChange, false)}`
  const title = subject.name === undefined ? subject.id : `${subject.name} (${subject.id})`
  lines.push(
    zh
      ? `${title}：总分 ${num(subject.total)} / ${num(subject.maxTotal)}，等次 ${grade}${rank}`
      : `${title}: total ${num(subject.total)} of ${num(subject.maxTotal)}, grade ${grade}${rank}`
  )
  // depth first, in order: the stack holds the nodes still to write, the next on top
  const stack: Array<{ node: Node; depth: number }> = e.tree.map((node) => ({ node, depth: 1 })).reverse()
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { depth, node } = top
    const pad = "  ".repeat(depth)
    const parts = [`${pad}${node.label[lang]} [${node.id}]: ${num(node.points)} / ${num(node.max)}`]
    if (node.weight !== undefined) parts.push(zh ? `权重 ${num(node.weight)}` : `weight ${num(node.weight)}`)
    if (node.method !== undefined) {
      parts.push(
        zh ? `方法 ${node.method}，数据 ${show(node.input)}` : `method ${node.method}, input ${show(node.input)}`
      )
    }
    if (node.capped === "max") parts.push(zh ? "已封顶" : "capped at the maximum")
    if (node.capped === "zero") parts.push(zh ? "已保底为 0" : "floored at zero")
    if (node.note !== undefined) parts.push(node.note[lang])
    lines.push(parts.join(zh ? "；" : "; "))
    for (const a of node.assessments ?? []) {
      lines.push(
        `${pad}  - ${a.by}: ${num(a.points)}${a.weight !== 1 ? ` ×${num(a.weight)}` : ""}${
          a.dropped ? (zh ? "（去掉）" : " (dropped)") : ""
        }`
      )
    }
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child !== undefined) stack.push({ node: child, depth: depth + 1 })
    }
  }
  for (
    const [items, total, head] of [
      [e.bonus, e.bonusTotal, zh ? "加分" : "bonus"],
      [e.deductions, e.deductionTotal, zh ? "扣分" : "deductions"]
    ] as const
  ) {
    if (items.length === 0) continue
    lines.push(`  ${head}: ${num(total)}`)
    for (const a of items) {
      lines.push(
        `    ${a.label[lang]} [${a.id}] × ${a.occurrences} = ${num(a.points)}${
          a.capped ? (zh ? "（已达上限）" : " (capped)") : ""
        }`
      )
    }
  }
  lines.push(`  ${zh ? "计算" : "formula"}: ${e.formula[lang]}`)
  for (const v of subject.vetoes) {
    lines.push(`  ${zh ? "一票否决" : "veto"}: ${v.label[lang]} — ${v.reason[lang]}`)
  }
  for (const step of e.grading) {
    lines.push(`  ${zh ? "定等" : "grading"} (${step.kind}): ${step.reason[lang]}`)
  }
  for (const c of subject.consequences) {
    const to = c.notices.map((n) => `${n.to}${n.id === undefined ? "" : `:${n.id}`}`).join(", ")
    lines.push(
      `  ${zh ? "结果运用" : "consequence"}: ${c.label[lang]} — ${c.reason[lang]}${to === "" ? "" : ` → ${to}`}`
    )
  }
  return lines.join("\n")
}

const change = (delta: number | undefined, zh: boolean): string =>
  delta === undefined || delta === 0
    ? ""
    : zh
    ? `（${delta > 0 ? "上升" : "下降"} ${Math.abs(delta)} 位）`
    : ` (${delta > 0 ? "up" : "down"} ${Math.abs(delta)})`

const show = (value: unknown): string => {
  if (value === undefined) return "—"
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
