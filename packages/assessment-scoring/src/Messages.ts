/**
 * The message table of `@gongzhi/assessment-scoring`: every issue code the package reports,
 * with its zh-CN and en templates (`{name}` placeholders are filled from the issue's params).
 *
 * @since 0.1.0
 */
import { Issue } from "@gongzhi/core"

/**
 * Every issue code of the package with its zh and en message templates.
 *
 * @example
 * ```ts
 * import { Messages } from "@gongzhi/assessment-scoring"
 *
 * const issue = Messages.messages.make("ASSESS_METHOD_UNKNOWN", {
 *   path: ["indicators", 0, "method", "name"],
 *   params: { method: "lineer", known: "linear, bands" }
 * })
 * console.log(issue.message.en) // "Unknown scoring method \"lineer\" (known: linear, bands)"
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  // ---- plan documents ----
  ASSESS_DUPLICATE_ID: {
    zh: "{kind}编号 \"{id}\" 重复",
    en: "The {kind} id \"{id}\" is used more than once"
  },
  ASSESS_METHOD_UNKNOWN: {
    zh: "未知的计分方法 \"{method}\"（已注册：{known}）",
    en: "Unknown scoring method \"{method}\" (known: {known})"
  },
  ASSESS_METHOD_CONFIG_INVALID: {
    zh: "计分方法 \"{method}\" 的配置有误：{detail:label}",
    en: "The configuration of scoring method \"{method}\" is invalid: {detail:label}"
  },
  ASSESS_METHOD_INVALID: {
    zh: "计分方法 \"{method}\" 的成员 {member} 应为{expected:label}",
    en: "The member {member} of the scoring method \"{method}\" must be {expected:label}"
  },
  ASSESS_METHOD_DUPLICATE: {
    zh: "计分方法 \"{method}\" 已注册",
    en: "The scoring method \"{method}\" is already registered"
  },
  ASSESS_INDICATOR_NO_METHOD: {
    zh: "指标 \"{id}\" 既没有下级指标，也没有计分方法",
    en: "The indicator \"{id}\" has neither sub-indicators nor a scoring method"
  },
  ASSESS_INDICATOR_METHOD_AND_CHILDREN: {
    zh: "指标 \"{id}\" 同时有下级指标和计分方法，只能有其一",
    en: "The indicator \"{id}\" has both sub-indicators and a scoring method; it may have only one"
  },
  ASSESS_WEIGHTS_PARTIAL: {
    zh: "指标 \"{id}\" 的下级指标只有部分设置了权重：要么都设，要么都不设",
    en: "Only some sub-indicators of \"{id}\" have a weight: give all of them one, or none"
  },
  ASSESS_TREE_TOO_DEEP: {
    zh: "指标 \"{id}\" 所在层级超过 {max} 层",
    en: "The indicator \"{id}\" is nested deeper than {max} levels"
  },
  ASSESS_GRADE_BANDS_NOT_DESCENDING: {
    zh: "等次 \"{id}\" 的下限 {min} 应低于上一等次的下限 {previous}",
    en: "The floor {min} of grade \"{id}\" must be below the floor {previous} of the grade above it"
  },
  ASSESS_GRADE_BANDS_GAP: {
    zh: "最低等次的下限 {min} 应不高于 0，否则低分无等次可评",
    en: "The lowest grade's floor {min} must be 0 or less, or low totals get no grade"
  },
  ASSESS_GRADE_UNKNOWN: {
    zh: "未定义的等次 \"{grade}\"",
    en: "Unknown grade \"{grade}\""
  },
  ASSESS_VETO_UNKNOWN: {
    zh: "未定义的一票否决项 \"{veto}\"",
    en: "Unknown one-vote veto item \"{veto}\""
  },
  ASSESS_VETO_FORCES_QUOTA_GRADE: {
    zh: "一票否决项 \"{veto}\" 不能直接评定有名额限制的等次 \"{grade}\"",
    en: "The veto \"{veto}\" cannot force the grade \"{grade}\", which has a quota"
  },
  ASSESS_QUOTA_INVALID: {
    zh: "名额比例 {numerator}/{denominator} 无效：分母应为正数，且分子不大于分母",
    en: "The quota {numerator}/{denominator} is invalid: the denominator must be positive and not below the numerator"
  },
  ASSESS_FORMULA_INDICATOR_UNKNOWN: {
    zh: "计算公式引用的 \"{id}\" 不是一级指标",
    en: "The formula refers to \"{id}\", which is not a top-level indicator"
  },
  ASSESS_FORMULA_SHARES_INVALID: {
    zh: "基础分占比 {base}% 与测评占比 {evaluation}% 之和应为 100%",
    en: "The base share {base}% and the evaluation share {evaluation}% must add up to 100%"
  },
  ASSESS_MAX_BELOW_PRECISION: {
    zh: "最高分 {value} 小于方案计分精度的一个单位 {step}，得分无法计算",
    en: "The maximum {value} is below one unit of the plan's rounding ({step}): no score can be computed"
  },
  ASSESS_FIGURE_TOO_LARGE: {
    zh: "数值 {value} 超过上限 {max}",
    en: "The figure {value} is above the limit {max}"
  },
  ASSESS_TOTAL_NOT_FINITE: {
    zh: "对象 \"{subject}\" 的总分不是有限数值（{actual}），未予评分",
    en: "The total of subject \"{subject}\" is not a finite number ({actual}); nothing is scored"
  },
  ASSESS_EXPRESSION_INVALID: {
    zh: "JSON Logic 表达式无效：{reason}",
    en: "The JSON Logic expression is invalid: {reason}"
  },
  ASSESS_EXPRESSION_OPERATOR_UNKNOWN: {
    zh: "JSON Logic 表达式中没有运算符 \"{operator}\"（可用：{known}）",
    en: "The JSON Logic expression uses the unknown operator \"{operator}\" (known: {known})"
  },
  ASSESS_EXPRESSION_ARITY: {
    zh: "运算符 \"{operator}\" 需要 {expected} 个参数，这里有 {actual} 个",
    en: "The operator \"{operator}\" takes {expected} arguments, not {actual}"
  },
  ASSESS_EXPRESSION_TOO_DEEP: {
    zh: "JSON Logic 表达式嵌套超过 {max} 层",
    en: "The JSON Logic expression is nested more than {max} levels deep"
  },
  ASSESS_RANGE_INVALID: {
    zh: "区间无效：{min} 与 {max}",
    en: "The range is invalid: {min} and {max}"
  },
  ASSESS_BANDS_OVERLAP: {
    zh: "命中策略为 unique，但第 {first} 段与第 {second} 段区间重叠",
    en: "The hit policy is unique but bands {first} and {second} overlap"
  },
  // ---- inputs ----
  ASSESS_PLAN_MISMATCH: {
    zh: "输入数据属于方案 \"{actual}\"，而不是 \"{expected}\"",
    en: "The inputs are for plan \"{actual}\", not \"{expected}\""
  },
  ASSESS_SUBJECT_DUPLICATE: {
    zh: "考核对象 \"{id}\" 出现不止一次",
    en: "The subject \"{id}\" appears more than once"
  },
  ASSESS_INPUT_MISSING: {
    zh: "缺少指标 \"{indicator}\" 的数据",
    en: "No value for the indicator \"{indicator}\""
  },
  ASSESS_INPUT_UNKNOWN: {
    zh: "方案中没有指标 \"{key}\"",
    en: "The plan has no indicator \"{key}\""
  },
  ASSESS_INPUT_WRONG_TYPE: {
    zh: "指标 \"{indicator}\"（{method}）的数据应为{expected:label}",
    en: "The value of indicator \"{indicator}\" ({method}) must be {expected:label}"
  },
  ASSESS_INPUT_OUT_OF_RANGE: {
    zh: "指标 \"{indicator}\" 的数据 {value} 超出范围 [{min}, {max}]",
    en: "The value {value} of indicator \"{indicator}\" is outside [{min}, {max}]"
  },
  ASSESS_JUSTIFICATION_MISSING: {
    zh: "指标 \"{indicator}\" 为人工评分，必须填写评分理由",
    en: "The indicator \"{indicator}\" is scored by hand and needs a justification"
  },
  ASSESS_CHECKLIST_ITEM_UNKNOWN: {
    zh: "指标 \"{indicator}\" 的清单中没有 \"{item}\"",
    en: "The checklist of indicator \"{indicator}\" has no item \"{item}\""
  },
  ASSESS_TOO_FEW_ASSESSORS: {
    zh: "指标 \"{indicator}\" 有 {count} 份评分，去掉最高最低分至少需要 {needed} 份",
    en: "The indicator \"{indicator}\" has {count} assessments; dropping the highest and lowest needs at least {needed}"
  },
  ASSESS_ITEM_UNKNOWN: {
    zh: "方案中没有{kind:label} \"{item}\"",
    en: "The plan has no {kind} item \"{item}\""
  },
  ASSESS_OCCURRENCES_INVALID: {
    zh: "\"{item}\" 的次数应为非负整数，实际为 {value}",
    en: "The occurrences of \"{item}\" must be a non-negative integer, got {value}"
  },
  ASSESS_INPUTS_MALFORMED: {
    zh: "此处应为{expected:label}",
    en: "Expected {expected:label} here"
  },
  ASSESS_UNREADABLE: {
    zh: "无法读取方案、数据或计分方法（{reason}），未予评分",
    en: "The plan, the inputs or a scoring method could not be read ({reason}); nothing is scored"
  },
  ASSESS_SCORE_NOT_FINITE: {
    zh: "指标 \"{indicator}\" 的计分方法 {method} 应得出有限数值，实际为 {actual}",
    en: "The method {method} of indicator \"{indicator}\" must give a finite number, got {actual}"
  },
  ASSESS_ADAPTER_SUBJECT_UNKNOWN: {
    zh: "数据适配器给出了未在考核数据中的对象 \"{id}\"",
    en: "The adapter gave values for \"{id}\", which is not a subject of the inputs"
  },
  ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL: {
    zh: "{part} 为 {actual}，超过总数 {total}",
    en: "{part} is {actual}, more than the total {total}"
  },
  // ---- appraisals ----
  ASSESS_APPRAISAL_SUBJECT_UNKNOWN: {
    zh: "考核结果中没有对象 \"{id}\"",
    en: "The assessment has no subject \"{id}\""
  },
  ASSESS_APPRAISAL_UNIT_MISSING: {
    zh: "对象 \"{id}\" 没有所在单位（属性 {attribute}），鉴定无法送达",
    en: "The subject \"{id}\" has no unit (attribute {attribute}); the appraisal has nowhere to go"
  }
})

/**
 * An issue code of the package.
 *
 * @example
 * ```ts
 * import type { Messages } from "@gongzhi/assessment-scoring"
 *
 * const code: Messages.Code = "ASSESS_INPUT_MISSING"
 * console.log(code)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Code = keyof typeof messages.templates
