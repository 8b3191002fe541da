/**
 * The one message table of `@gongzhi/deliberation`: every issue code of the package with its
 * zh-CN and en template. Codes are stable; messages are data.
 *
 * @since 0.2.0
 */
import { Issue } from "@gongzhi/core"

/**
 * Every issue code of the package and its zh/en message templates (`{name}` placeholders are
 * filled from the issue's params, `{name:label}` placeholders from its labels, per language:
 * params stay language-neutral).
 *
 * @example
 * ```ts
 * import { Messages } from "@gongzhi/deliberation"
 *
 * const issue = Messages.messages.make("DELIB_BALLOT_LATE", { params: { at: "2025-01-08T00:00:00Z", closesAt: "2025-01-07T00:00:00Z" } })
 * console.log(issue.code) // "DELIB_BALLOT_LATE"
 * ```
 *
 * @category messages
 * @since 0.2.0
 */
export const messages = Issue.catalog({
  DELIB_INPUT_INVALID: {
    zh: "输入无效：{expected:label}",
    en: "Invalid input: {expected:label}"
  },
  DELIB_INPUT_NOT_ONE_OF: {
    zh: "输入无效：{expected:label}应为以下之一：{allowed}",
    en: "Invalid input: {expected:label}: {allowed}"
  },
  DELIB_INPUT_UNREADABLE: {
    zh: "无法读取输入（{reason}）",
    en: "The input could not be read ({reason})"
  },
  DELIB_FRACTION_INVALID: {
    zh: "比例 {numerator}/{denominator} 无效（分母应为正整数，分子为不大于分母的非负整数）",
    en: "The fraction {numerator}/{denominator} is invalid (a positive denominator and 0 ≤ numerator ≤ denominator)"
  },
  DELIB_DUPLICATE_ID: {
    zh: "编号 \"{id}\" 重复（首次出现在第 {first} 项）",
    en: "The id \"{id}\" is used twice (first at item {first})"
  },
  // decision rules
  DELIB_RULE_DIMENSION_UNDECLARED: {
    zh: "表决规则使用了未声明的计票维度 \"{dimension}\"",
    en: "The rule checks the dimension \"{dimension}\" it does not declare"
  },
  DELIB_RULE_NO_PASS_CHECK: {
    zh: "表决规则至少需要一项通过条件",
    en: "A decision rule needs at least one pass check"
  },
  DELIB_RULE_AREA_FOR_MEMBERS: {
    zh: "党员、居民表决没有专有部分面积，不能按面积计票",
    en: "Members have no exclusive area; a members' rule cannot count by area"
  },
  DELIB_RULE_PROXY_LIMIT_WITHOUT_PROXIES: {
    zh: "规则不允许委托，却规定了每名受托人的上限",
    en: "The rule sets a per-proxy limit but allows no proxies"
  },
  // electorates and rosters
  DELIB_ELECTORATE_EMPTY: {
    zh: "表决权人名册为空",
    en: "The electorate is empty"
  },
  DELIB_ELECTORATE_AREA_TOO_LARGE: {
    zh: "专有部分总面积 {total} 超出可精确计算的范围",
    en: "The total exclusive area {total} is too large to count exactly"
  },
  DELIB_ROW_MISSING: {
    zh: "第 {row} 行缺少\"{column}\"",
    en: "Row {row} has no \"{column}\""
  },
  DELIB_ROW_AREA_INVALID: {
    zh: "第 {row} 行的面积 \"{value}\" 无效（应为正数，最多两位小数）",
    en: "Row {row}: the area \"{value}\" is invalid (a positive number with at most two decimals)"
  },
  DELIB_ROW_VALUE_INVALID: {
    zh: "第 {row} 行的\"{column}\"为 \"{value}\"，可选：{allowed}",
    en: "Row {row}: \"{column}\" is \"{value}\"; allowed: {allowed}"
  },
  DELIB_ROW_UNIT_DUPLICATE: {
    zh: "第 {row} 行的房号 {unit} 与第 {first} 行重复",
    en: "Row {row}: the unit {unit} is already on row {first}"
  },
  DELIB_ROW_OWNER_CONFLICT: {
    zh: "第 {row} 行：业主编号 {owner} 在第 {first} 行登记为不同的姓名或类型",
    en: "Row {row}: the owner {owner} is registered with another name or kind on row {first}"
  },
  // ballots
  DELIB_BOX_WINDOW_INVALID: {
    zh: "表决截止时间 {closesAt} 不晚于开始时间 {opensAt}",
    en: "Voting closes at {closesAt}, not after it opens at {opensAt}"
  },
  DELIB_BOX_RULE_ELECTORATE_MISMATCH: {
    zh: "规则面向{expected:label}，名册却是{actual:label}名册",
    en: "The rule is for {expected:label} but the electorate is of {actual:label}"
  },
  DELIB_EXCLUSION_NOT_ALLOWED: {
    zh: "该规则不允许把 {voter} 排除在应到会人数之外",
    en: "The rule does not allow leaving {voter} out of those who should attend"
  },
  DELIB_EXCLUSION_APPROVAL_REQUIRED: {
    zh: "把 {voter} 排除在应到会人数之外须经批准（{approval:label}）",
    en: "Leaving {voter} out of those who should attend needs approval ({approval:label})"
  },
  DELIB_EXCLUSION_REASON_UNKNOWN: {
    zh: "排除 {voter} 的理由 \"{reason}\" 不在规则允许的范围内（可选：{allowed}）",
    en: "\"{reason}\" is not a reason the rule accepts for leaving {voter} out (allowed: {allowed})"
  },
  DELIB_BALLOT_UNKNOWN_VOTER: {
    zh: "表决权人名册中没有 \"{voter}\"",
    en: "\"{voter}\" is not in the electorate"
  },
  DELIB_BALLOT_NO_VOTE: {
    zh: "{voter} 没有表决权（如预备党员）或已被排除在应到会人数之外",
    en: "{voter} has no vote (e.g. a probationary member) or is left out of those who should attend"
  },
  DELIB_BALLOT_EARLY: {
    zh: "表决票时间 {at} 早于表决开始时间 {opensAt}",
    en: "The ballot at {at} is before voting opens at {opensAt}"
  },
  DELIB_BALLOT_LATE: {
    zh: "表决票时间 {at} 晚于截止时间 {closesAt}，不予计入",
    en: "The ballot at {at} is after voting closed at {closesAt}; it is refused"
  },
  DELIB_BALLOT_CLOSED: {
    zh: "表决已于 {closedAt} 结束，不再接受表决票",
    en: "Voting was closed at {closedAt}; no more ballots are taken"
  },
  DELIB_BALLOT_BEFORE_PREVIOUS: {
    zh: "{voter} 的表决票时间 {at} 早于其上一张表决票 {previous}",
    en: "The ballot of {voter} at {at} is before their previous ballot at {previous}"
  },
  DELIB_BALLOT_RECORDER_REQUIRED: {
    zh: "须写明登记这张表决票的人",
    en: "A ballot names who recorded it"
  },
  DELIB_BALLOT_PROXY_NOT_ALLOWED: {
    zh: "该规则不允许委托表决",
    en: "The rule does not allow voting by proxy"
  },
  DELIB_BALLOT_PROXY_AUTHORISATION_REQUIRED: {
    zh: "代 {voter} 表决须有书面委托书",
    en: "Voting for {voter} by proxy needs a written authorisation"
  },
  DELIB_BALLOT_PROXY_LIMIT: {
    zh: "受托人 {proxy} 最多可代 {max} 人表决",
    en: "The proxy {proxy} may vote for at most {max} voters"
  },
  DELIB_BALLOT_WRITTEN_NOT_ALLOWED: {
    zh: "该规则不计入缺席者的书面意见",
    en: "The rule does not count absent voters' written opinions"
  },
  // process
  DELIB_PROCESS_STEP_OUT_OF_ORDER: {
    zh: "{expected:label}，不能进行\"{step:label}\"",
    en: "{expected:label}; \"{step:label}\" cannot be done now"
  },
  DELIB_PROCESS_DATE_BEFORE_PREVIOUS: {
    zh: "日期 {date} 早于上一步的日期 {previous}",
    en: "The date {date} is before the previous step's date {previous}"
  },
  DELIB_PROCESS_REASON_REQUIRED: {
    zh: "{action:label}须写明理由",
    en: "{action:label} needs a reason"
  },
  DELIB_PROCESS_RULE_UNKNOWN: {
    zh: "未知的表决规则 \"{rule}\"",
    en: "Unknown decision rule \"{rule}\""
  },
  DELIB_PROCESS_SCOPE_EMPTY: {
    zh: "小区分事须写明涉及的小区或楼栋",
    en: "Sorting a matter names the estates or buildings it affects"
  },
  DELIB_PROCESS_DECISION_MISMATCH: {
    zh: "表决结果适用规则 \"{actual}\"，本议题应适用 \"{expected}\"",
    en: "The decision was counted by the rule \"{actual}\"; the matter's rule is \"{expected}\""
  },
  DELIB_PROCESS_NOT_PASSED: {
    zh: "议题未获通过，不能进入\"综合办事\"",
    en: "The matter was not passed; it cannot be handled"
  },
  DELIB_PROCESS_DECISION_OTHER_MATTER: {
    zh: "表决结果针对的是议题 {actual}，不是本议题 {expected}",
    en: "The decision is on the matter {actual}, not on this matter {expected}"
  },
  DELIB_PROCESS_REDO_NOT_DONE: {
    zh: "\"{step:label}\"尚未完成，无需重做",
    en: "\"{step:label}\" has not been done; there is nothing to redo"
  },
  DELIB_PROCESS_REDO_RAISE: {
    zh:
      "\"{step:label}\"不能重做：议题一经提出便始终在案；要从头再走各步，请重做\"{instead:label}\"；要改动议题本身，请另行提出新议题",
    en:
      "\"{step:label}\" cannot be redone: a matter once raised stays raised; to go through the steps again, redo \"{instead:label}\"; to change the matter itself, raise a new one"
  },
  // notices and feedback
  DELIB_NOTICE_PERIOD_INVALID: {
    zh: "公示期应为正整数天（实际为 {days}）",
    en: "A display period is a positive whole number of days (got {days})"
  },
  DELIB_NOTICE_TOO_SHORT: {
    zh: "公示期 {days} 天，少于规定的 {minimum} 天",
    en: "A display period of {days} days is shorter than the required {minimum}"
  },
  // maintenance fund
  DELIB_FUND_AMOUNT_NOT_POSITIVE: {
    zh: "金额应为正整数分（实际为 {amount}）",
    en: "An amount is a positive whole number of fen (got {amount})"
  },
  DELIB_FUND_DATE_BEFORE_PREVIOUS: {
    zh: "日期 {date} 早于账上最后一笔的日期 {previous}",
    en: "The date {date} is before the fund's last entry on {previous}"
  },
  DELIB_FUND_DECISION_NOT_PASSED: {
    zh: "议题 {matter} 的表决未通过，不能据此动用维修资金",
    en: "The decision on {matter} did not pass; the fund cannot be used on it"
  },
  DELIB_FUND_DECISION_WRONG_CLASS: {
    zh: "议题 {matter} 按\"{actual:label}\"类规则表决，此项需要\"{expected:label}\"类规则",
    en: "The decision on {matter} was taken by a rule of the class \"{actual:label}\"; this needs \"{expected:label}\""
  },
  DELIB_FUND_INSUFFICIENT: {
    zh: "{source:label}余额 {available} 分，不足支出 {amount} 分",
    en: "The {source:label} balance of {available} fen cannot cover {amount} fen"
  },
  DELIB_FUND_PRINCIPAL_PROTECTED: {
    zh: "本基金只用利息、不动本金（\"用利息保本金\"），不能从本金支出 {amount} 分",
    en: "This fund spends interest only and keeps its principal; {amount} fen cannot come from the principal"
  },
  DELIB_FUND_OVER_APPROVED: {
    zh: "议题 {matter} 批准 {approved} 分，已支出 {spent} 分，不能再支出 {amount} 分",
    en: "The decision on {matter} approved {approved} fen, {spent} spent already; {amount} more is too much"
  },
  DELIB_FUND_AUDIT_OVERDUE: {
    zh: "维修资金应于 {due} 前审计（每 {years} 年一次），至 {on} 已逾期 {days} 天",
    en: "The fund was due for audit by {due} (every {years} years); on {on} it is {days} days overdue"
  },
  DELIB_FUND_STATEMENT_OVERDUE: {
    zh: "维修资金账目应于 {due} 前公布，至 {on} 尚未公布",
    en: "The fund's statement was due by {due}; on {on} it is not published"
  },
  // vote records
  DELIB_VOTE_RULE_UNKNOWN: {
    zh: "没有编号为 \"{rule}\" 的表决规则（既未给出，也非预置）；可用：{known}",
    en: "No decision rule given or shipped has id \"{rule}\"; available: {known}"
  },
  DELIB_VOTE_WINDOW_REQUIRED: {
    zh: "没有表决票或所有表决票时间相同时，须写明表决开始和截止时间（opensAt、closesAt）",
    en: "A vote without ballots, or whose ballots all share one moment, needs its window (opensAt and closesAt)"
  },
  DELIB_VOTE_WEIGHT_NOT_IN_ROWS: {
    zh: "自定义表决权数无法写入名册行",
    en: "A custom weight cannot be written as a roster row"
  }
})
