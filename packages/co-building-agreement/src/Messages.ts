/**
 * The one message table of `@gongzhi/co-building-agreement`: every issue code of the
 * package with its zh-CN and en template. Codes are stable; messages are data.
 *
 * @since 0.1.0
 */
import { Issue } from "@gongzhi/core"

/**
 * Every issue code of the package and its zh/en message templates (`{name}` placeholders
 * are filled from the issue's params, `{name:label}` placeholders from its labels, per language:
 * params stay language-neutral).
 *
 * @example
 * ```ts
 * import { Messages } from "@gongzhi/co-building-agreement"
 *
 * const issue = Messages.messages.make("AGREEMENT_ILLEGAL_TRANSITION", {
 *   path: ["status"],
 *   params: { from: "draft", action: "activate" },
 *   labels: { from: { zh: "草拟", en: "draft" }, action: { zh: "生效", en: "activate" } }
 * })
 * console.log(issue.message.zh) // "协议处于\"草拟\"状态，不能执行\"生效\""
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  // documents
  AGREEMENT_END_BEFORE_START: {
    zh: "结束日期 {end} 早于开始日期 {start}",
    en: "The end date {end} is before the start date {start}"
  },
  AGREEMENT_AMOUNT_NEGATIVE: {
    zh: "金额不能为负数（实际为 {actual} 分）",
    en: "An amount must not be negative (got {actual} fen)"
  },
  AGREEMENT_QUANTITY_NOT_POSITIVE: {
    zh: "{what:label}应为正整数（实际为 {actual}）",
    en: "{what:label} must be a positive whole number (got {actual})"
  },
  AGREEMENT_UNKNOWN_CATEGORY: {
    zh: "未知的类别 \"{actual}\"（可选：{allowed}）",
    en: "Unknown category \"{actual}\" (allowed: {allowed})"
  },
  AGREEMENT_DUPLICATE_ID: {
    zh: "编号 \"{id}\" 重复（首次出现在第 {first} 项）",
    en: "The id \"{id}\" is used twice (first at item {first})"
  },
  AGREEMENT_UNKNOWN_REFERENCE: {
    zh: "引用了不存在的{what:label} \"{id}\"",
    en: "Refers to an unknown {what:label} \"{id}\""
  },
  AGREEMENT_RANGE_INVALID: {
    zh: "下限 {min} 大于上限 {max}",
    en: "The minimum {min} is greater than the maximum {max}"
  },
  AGREEMENT_SAME_PARTY: {
    zh: "协议双方不能是同一组织 \"{id}\"",
    en: "The two parties of an agreement cannot be the same organisation \"{id}\""
  },
  // template
  AGREEMENT_TEMPLATE_JOINT_MISSING: {
    zh: "协议没有\"{joint:label}\"方面的承诺（模板要求五联齐全）",
    en: "The agreement has no commitment of {joint:label} (the template requires it)"
  },
  AGREEMENT_TEMPLATE_FUNDING_BELOW_MINIMUM: {
    zh: "年度共建资金 {actual} 低于模板要求的 {minimum}",
    en: "Annual co-building funds of {actual} are below the template's minimum of {minimum}"
  },
  AGREEMENT_TEMPLATE_MEETINGS_OUT_OF_RANGE: {
    zh: "每年联席会议 {min}–{max} 次，不在模板要求的 {templateMin}–{templateMax} 次之内",
    en: "{min}–{max} joint meetings a year is outside the template's {templateMin}–{templateMax}"
  },
  AGREEMENT_TEMPLATE_REPORTING_MISSING: {
    zh: "缺少模板要求的报告义务：{frequency:label}向{to}报告",
    en: "Missing the reporting duty the template requires: {frequency} report to {to}"
  },
  AGREEMENT_TEMPLATE_TERM_TOO_LONG: {
    zh: "协议期限 {actual} 个月，超过模板允许的 {maximum} 个月",
    en: "A term of {actual} months is longer than the template's {maximum} months"
  },
  // lifecycle
  AGREEMENT_ILLEGAL_TRANSITION: {
    zh: "协议处于\"{from:label}\"状态，不能执行\"{action:label}\"",
    en: "An agreement that is {from} cannot be moved by {action}"
  },
  AGREEMENT_DATE_BEFORE_PREVIOUS: {
    zh: "日期 {date} 早于上一次记录的日期 {previous}，历史不能倒序",
    en: "The date {date} is before the last recorded date {previous}; history cannot go backwards"
  },
  AGREEMENT_OUTSIDE_TERM: {
    zh: "日期 {date} 不在协议期限 {start} 至 {end} 之内",
    en: "The date {date} is outside the agreement's term {start} to {end}"
  },
  AGREEMENT_EXPIRED_TOO_EARLY: {
    zh: "协议到 {end} 才期满，{date} 不能标记为期满",
    en: "The agreement runs until {end}; it cannot expire on {date}"
  },
  AGREEMENT_REASON_REQUIRED: {
    zh: "\"{action:label}\"必须写明原因",
    en: "A reason is required to {action}"
  },
  AGREEMENT_SIGNATORY_REQUIRED: {
    zh: "{party:label}须有签字人",
    en: "The {party:label} must have a signatory"
  },
  AGREEMENT_RENEWAL_OVERLAP: {
    zh: "续签协议从 {start} 开始，早于原协议结束日 {end} 的次日",
    en: "The renewal starts on {start}, before the day after the original ends on {end}"
  },
  AGREEMENT_RENEWAL_PARTIES_DIFFER: {
    zh: "续签协议的双方须与原协议一致",
    en: "A renewal must be between the same parties as the original"
  },
  AGREEMENT_AMENDMENT_CHANGES_ID: {
    zh: "修订不能改变协议编号或签约双方",
    en: "An amendment cannot change the agreement's id or its parties"
  },
  AGREEMENT_HISTORY_INVALID: {
    zh: "历史第 {index} 项无效：{detail:label}",
    en: "History item {index} is invalid: {detail:label}"
  },
  // three lists and matching
  AGREEMENT_OVER_COMMITMENT: {
    zh: "资源 \"{resource}\" 容量 {capacity}，已承诺 {committed}，无法再承诺 {requested}",
    en: "Resource \"{resource}\" has capacity {capacity} with {committed} committed; {requested} more does not fit"
  },
  AGREEMENT_NEED_CLOSED: {
    zh: "需求 \"{need}\" 已{status:label}，不能再匹配",
    en: "Need \"{need}\" is already {status} and cannot be matched"
  },
  AGREEMENT_PROJECT_STATUS: {
    zh: "项目 \"{project}\" 处于\"{status}\"，不能{action:label}",
    en: "Project \"{project}\" is {status} and cannot {action:label}"
  },
  // micro-wishes
  AGREEMENT_WISH_NOT_PUBLISHED_TO_UNIT: {
    zh: "微心愿 \"{wish}\" 没有发布给单位 \"{unit}\"",
    en: "Micro-wish \"{wish}\" was not published to unit \"{unit}\""
  },
  AGREEMENT_WISH_ALREADY_CLAIMED: {
    zh: "微心愿 \"{wish}\" 已被单位 \"{by}\" 认领",
    en: "Micro-wish \"{wish}\" has already been claimed by unit \"{by}\""
  },
  AGREEMENT_WISH_NOT_CLAIMED: {
    zh: "微心愿 \"{wish}\" 尚未被认领",
    en: "Micro-wish \"{wish}\" has not been claimed"
  },
  AGREEMENT_WISH_NOT_CLAIMANT: {
    zh: "单位 \"{unit}\" 不是微心愿 \"{wish}\" 的认领单位（认领单位为 \"{by}\"）",
    en: "Unit \"{unit}\" is not the claimant of micro-wish \"{wish}\" (claimed by \"{by}\")"
  },
  AGREEMENT_WISH_CLOSED: {
    zh: "微心愿 \"{wish}\" 已{status:label}，不能再{action:label}",
    en: "Micro-wish \"{wish}\" is already {status:label} and cannot be {action:label}"
  },
  AGREEMENT_WISH_NOT_DUE: {
    zh: "微心愿 \"{wish}\" 的认领期到 {due} 才结束，{date} 还不能转由社区办理",
    en: "Micro-wish \"{wish}\" is open for claims until {due}; it cannot fall back to the community on {date}"
  },
  // whistle and report
  AGREEMENT_WHISTLE_CLOSED: {
    zh: "哨令 \"{whistle}\" 已于 {closedAt} 结束",
    en: "Whistle \"{whistle}\" was closed at {closedAt}"
  },
  AGREEMENT_WHISTLE_ALREADY_REPORTED: {
    zh: "\"{party}\" 已对哨令 \"{whistle}\" {what:label}",
    en: "\"{party}\" has already reported {what:label} for whistle \"{whistle}\""
  },
  AGREEMENT_WHISTLE_NOT_ARRIVED: {
    zh: "\"{party}\" 尚未报到，不能报告办结",
    en: "\"{party}\" has not reported arrival and cannot report completion"
  },
  AGREEMENT_WHISTLE_BEFORE_BLOWN: {
    zh: "时间 {at} 早于吹哨时间 {blownAt}",
    en: "The time {at} is before the whistle was blown at {blownAt}"
  },
  AGREEMENT_POLICY_URGENCY_MISSING: {
    zh: "响应政策缺少\"{urgency:label}\"等级的时限",
    en: "The response policy has no target for urgency {urgency}"
  },
  // joint meetings
  AGREEMENT_MEETING_NOT_INVITED: {
    zh: "单位 \"{unit}\" 不在本次联席会议的邀请名单中",
    en: "Unit \"{unit}\" was not invited to this joint meeting"
  },
  // fulfilment
  AGREEMENT_DELIVERY_KIND_MISMATCH: {
    zh: "{delivery:label}记录不能计入承诺 \"{commitment}\"（该承诺类型为 {commitmentKind}）",
    en: "A {delivery:label} record cannot count towards commitment \"{commitment}\" (a {commitmentKind} commitment)"
  },
  // values a JavaScript caller hands over without decoding them
  AGREEMENT_INPUT_UNREADABLE: {
    zh: "{what:label}无法读取（{reason}）：请先用相应文档的 decode 校验输入",
    en: "The {what:label} cannot be read ({reason}): check the input with the document's decode first"
  }
})

/**
 * The issue codes of the package.
 *
 * @example
 * ```ts
 * import type { Messages } from "@gongzhi/co-building-agreement"
 *
 * const code: Messages.Code = "AGREEMENT_OVER_COMMITMENT"
 * console.log(code)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Code = (typeof messages.codes)[number]
