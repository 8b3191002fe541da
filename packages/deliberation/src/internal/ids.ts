/**
 * Ids in deliberation documents follow core's id rules (not empty, trimmed, no control
 * characters or lone surrogates, at most 128 characters), with their own label in messages.
 *
 * @internal
 */
import { Id, type Label } from "@gongzhi/core"

/** A string schema checked by core's id rules, named by `label` in messages. @internal */
const idOf = (label: Label.Label) => Id.text({ label })

/** A decision rule's id. @internal */
export const RuleId = idOf({ zh: "表决规则编号", en: "decision rule id" })
/** A matter's id. @internal */
export const MatterId = idOf({ zh: "议题编号", en: "matter id" })
/** A voter's id. @internal */
export const VoterId = idOf({ zh: "表决权人编号", en: "voter id" })
/** The id of a reason for leaving a voter out. @internal */
export const ReasonId = idOf({ zh: "理由编号", en: "reason id" })
