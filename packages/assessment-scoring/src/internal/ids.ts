/**
 * Ids in assessment documents follow core's id rules (not empty, trimmed, no control
 * characters or lone surrogates, at most 128 characters), with their own label in messages.
 *
 * @internal
 */
import { Id, type Label } from "@gongzhi/core"

/** A string schema checked by core's id rules, named by `label` in messages. @internal */
const idOf = (label: Label.Label) => Id.text({ label })

/** A plan's id. @internal */
export const PlanId = idOf({ zh: "考核方案编号", en: "plan id" })
/** An indicator's id. @internal */
export const IndicatorId = idOf({ zh: "指标编号", en: "indicator id" })
/** A bonus, deduction, veto, grade, consequence or checklist item's id. @internal */
export const ItemId = idOf({ zh: "项目编号", en: "item id" })
/** A subject's id. @internal */
export const SubjectId = idOf({ zh: "考核对象编号", en: "subject id" })
