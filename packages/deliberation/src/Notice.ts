/**
 * The result notice (结果公示): what was decided, by which rule, with the tally's explanation,
 * the people named with their names masked (core's `Redaction`), and the period it must stay
 * up. Free text is masked too (phones, ID numbers, bank cards, e-mail addresses).
 *
 * @since 0.2.0
 */
import { CivilDate, type Issue, type Label, Redaction, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import { invalidInput, unreadable } from "./internal/input.js"
import { safely } from "./internal/safe.js"
import { messages } from "./Messages.js"
import * as Tally from "./Tally.js"

/**
 * A result notice, safe to publish: names masked, free text redacted.
 *
 * @example
 * ```ts
 * import { Notice } from "@gongzhi/deliberation"
 *
 * const n = Notice.example()
 * console.log(n.people[0]!.name, n.until) // "葛*莉" "2024-11-27"
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Notice {
  readonly matter: string
  readonly title: string
  readonly rule: string
  readonly passed: boolean
  readonly publishedOn: CivilDate.CivilDate
  readonly until: CivilDate.CivilDate
  readonly days: number
  readonly people: ReadonlyArray<{ readonly name: string; readonly role: string }>
  readonly explanation: Label.Label
  readonly body: Label.Label
}

/**
 * What {@link make} needs: the matter, its closed tally, the day it goes up, how many days it
 * stays up (and, if a local rule says so, the least number of days), the people to name and a
 * free-text note.
 *
 * @example
 * ```ts
 * import type { Notice } from "@gongzhi/deliberation"
 *
 * const keys: ReadonlyArray<keyof Notice.Input> = ["matter", "tally", "publishedOn", "days"]
 * console.log(keys.length) // 4
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Input {
  readonly matter: { readonly id: string; readonly title: string }
  readonly tally: Tally.Tally
  readonly publishedOn: CivilDate.CivilDate
  readonly days: number
  readonly minimumDays?: number
  readonly people?: ReadonlyArray<{ readonly name: string; readonly role: string }>
  readonly note?: string
}

/**
 * Makes a result notice; the period runs from `publishedOn` for `days` days (the last day
 * included).
 *
 * @example
 * ```ts
 * import { Notice, Tally } from "@gongzhi/deliberation"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const n = Notice.make({
 *   matter: { id: "wall", title: "外墙维修" },
 *   tally: Tally.example(),
 *   publishedOn: CivilDate.makeUnsafe("2024-11-21"),
 *   days: 7,
 *   people: [{ name: "葛精莉", role: "社区党委书记" }],
 *   note: "联系电话 13812345678"
 * })
 * if (n._tag === "Success") console.log(n.success.body.zh.split("\n")[0]) // "【结果公示】外墙维修"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = (input: Input): Result.Result<Notice, ValidationReport.ValidationReport> => {
  try {
    const found: Array<Issue.DomainIssue> = []
    const { days, tally } = input
    if (!Number.isSafeInteger(days) || days < 1) {
      found.push(messages.make("DELIB_NOTICE_PERIOD_INVALID", { path: ["days"], params: { days: String(days) } }))
    } else if (input.minimumDays !== undefined && days < input.minimumDays) {
      found.push(
        messages.make("DELIB_NOTICE_TOO_SHORT", { path: ["days"], params: { days, minimum: input.minimumDays } })
      )
    }
    const start = CivilDate.make(input.publishedOn)
    if (Result.isFailure(start)) found.push(...start.failure.issues.map((i) => ({ ...i, path: ["publishedOn"] })))
    if (tally.open) {
      found.push(
        invalidInput(["tally"], "closedTally")
      )
    }
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    const until = ValidationReport.getOrThrow(CivilDate.addDays(input.publishedOn, days - 1))
    const title = Redaction.maskText(String(input.matter.title))
    const people = (input.people ?? []).map((p) =>
      Object.freeze({ name: Redaction.maskName(String(p.name)), role: Redaction.maskText(String(p.role)) })
    )
    const note = input.note === undefined ? undefined : Redaction.maskText(String(input.note))
    const named = people.map((p) => `${p.role} ${p.name}`)
    const body: Label.Label = {
      zh: [
        `【结果公示】${title}`,
        `结果：${tally.passed ? "通过" : "未通过"}（规则 ${tally.rule}）`,
        tally.explanation.zh,
        ...(named.length > 0 ? [`经办：${named.join("、")}`] : []),
        ...(note === undefined ? [] : [note]),
        `公示期：${input.publishedOn} 至 ${until}`
      ].join("\n"),
      en: [
        `[Result notice] ${title}`,
        `Result: ${tally.passed ? "passed" : "not passed"} (rule ${tally.rule})`,
        tally.explanation.en,
        ...(named.length > 0 ? [`Handled by: ${named.join(", ")}`] : []),
        ...(note === undefined ? [] : [note]),
        `On display: ${input.publishedOn} to ${until}`
      ].join("\n")
    }
    return Result.succeed(Object.freeze({
      matter: String(input.matter.id),
      title,
      rule: tally.rule,
      passed: tally.passed,
      publishedOn: input.publishedOn,
      until,
      days,
      people: Object.freeze(people),
      explanation: tally.explanation,
      body
    }))
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
}

/**
 * Whether the notice is on display on a date (its period, both ends included).
 *
 * @example
 * ```ts
 * import { Notice } from "@gongzhi/deliberation"
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(Notice.isOnDisplay(Notice.example(), CivilDate.makeUnsafe("2024-11-27"))) // true
 * console.log(Notice.isOnDisplay(Notice.example(), CivilDate.makeUnsafe("2024-11-28"))) // false
 * ```
 *
 * @category predicates
 * @since 0.2.0
 */
export const isOnDisplay = (notice: Notice, on: CivilDate.CivilDate): boolean =>
  safely(false, () => typeof on === "string" && on >= notice.publishedOn && on <= notice.until)

/**
 * A notice for examples: the example tally, put up on 2024-11-21 for 7 days.
 *
 * @example
 * ```ts
 * import { Notice } from "@gongzhi/deliberation"
 *
 * console.log(Notice.example().passed) // true
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const example = (): Notice =>
  ValidationReport.getOrThrow(make({
    matter: { id: "example-matter", title: "外墙瓷砖维修" },
    tally: Tally.example(),
    publishedOn: CivilDate.makeUnsafe("2024-11-21"),
    days: 7,
    people: [{ name: "葛精莉", role: "社区党委书记" }]
  }))
