/**
 * Reporting back (反馈民事): residents' responses after the work is done, how satisfied they
 * are (an exact share), and the follow-up promised. The public summary masks every name and
 * redacts every comment.
 *
 * @since 0.2.0
 */
import { type Issue, type Label, Redaction, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Fraction from "./Fraction.js"
import { invalidInput, unreadable } from "./internal/input.js"

/**
 * How satisfied a resident is: 满意 / 基本满意 / 不满意.
 *
 * @example
 * ```ts
 * import { Feedback } from "@gongzhi/deliberation"
 *
 * console.log(Feedback.satisfactionLabels.neutral.zh) // "基本满意"
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const satisfactionLabels = {
  satisfied: { zh: "满意", en: "satisfied" },
  neutral: { zh: "基本满意", en: "fairly satisfied" },
  dissatisfied: { zh: "不满意", en: "dissatisfied" }
} as const

/**
 * A resident's response.
 *
 * @example
 * ```ts
 * import type { Feedback } from "@gongzhi/deliberation"
 *
 * const r: Feedback.Response = { from: "陈叔", on: "2024-12-01", satisfaction: "satisfied", comment: "墙面焕然一新" }
 * console.log(r.satisfaction)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Response {
  readonly from: string
  readonly on: string
  readonly satisfaction: keyof typeof satisfactionLabels
  readonly comment?: string
}

/**
 * The public summary of the feedback: counts by satisfaction, the satisfied share (满意 and
 * 基本满意 of all responses) exactly and as a percentage, the follow-up, and the responses with
 * names masked and comments redacted.
 *
 * @example
 * ```ts
 * import { Feedback } from "@gongzhi/deliberation"
 *
 * const keys: ReadonlyArray<keyof Feedback.Summary> = ["responses", "counts", "satisfied", "rate", "followUp", "public"]
 * console.log(keys.length) // 6
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Summary {
  readonly responses: number
  readonly counts: { readonly [K in keyof typeof satisfactionLabels]: number }
  readonly satisfied: number
  readonly rate: string
  readonly followUp: ReadonlyArray<string>
  readonly public: ReadonlyArray<
    { readonly from: string; readonly on: string; readonly satisfaction: Label.Label; readonly comment?: string }
  >
}

/**
 * Summarises the responses; every bad response is reported at once.
 *
 * @example
 * ```ts
 * import { Feedback } from "@gongzhi/deliberation"
 *
 * const s = Feedback.summarise([
 *   { from: "陈叔", on: "2024-12-01", satisfaction: "satisfied" },
 *   { from: "李姨", on: "2024-12-01", satisfaction: "neutral", comment: "电话 13812345678" },
 *   { from: "王五", on: "2024-12-02", satisfaction: "dissatisfied" }
 * ], ["电梯维修纳入下一议题"])
 * if (s._tag === "Success") console.log(s.success.rate, s.success.public[1]!.from, s.success.public[1]!.comment) // "66.7%" "李*" "电话 138****5678"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const summarise = (
  responses: ReadonlyArray<Response>,
  followUp: ReadonlyArray<string> = []
): Result.Result<Summary, ValidationReport.ValidationReport> => {
  try {
    const found: Array<Issue.DomainIssue> = []
    const counts = { satisfied: 0, neutral: 0, dissatisfied: 0 }
    const shown: Array<Summary["public"][number]> = []
    responses.forEach((r, i) => {
      if (
        typeof r !== "object" || r === null || typeof r.from !== "string" || typeof r.on !== "string" ||
        !Object.prototype.hasOwnProperty.call(satisfactionLabels, r.satisfaction)
      ) {
        found.push(invalidInput([i], "response"))
        return
      }
      counts[r.satisfaction]++
      shown.push(Object.freeze({
        from: Redaction.maskName(r.from),
        on: r.on,
        satisfaction: satisfactionLabels[r.satisfaction],
        ...(r.comment === undefined ? {} : { comment: Redaction.maskText(String(r.comment)) })
      }))
    })
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    const satisfied = counts.satisfied + counts.neutral
    return Result.succeed(Object.freeze({
      responses: shown.length,
      counts: Object.freeze(counts),
      satisfied,
      rate: Fraction.percent(satisfied, shown.length, "nearest"),
      followUp: Object.freeze(followUp.map((f) => Redaction.maskText(String(f)))),
      public: Object.freeze(shown)
    }))
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
}
