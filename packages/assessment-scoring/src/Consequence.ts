/**
 * Consequences of an assessment as data (綦江): commendation (表彰), priority in awards
 * (优先评优评先), loss of eligibility for excellent that year (取消当年评优评先资格), notice to the
 * member's unit and its supervisor (反馈所在单位及主管部门), reminder talk (谈话提醒) and
 * replacement (撤换调整) — each triggered by a grade, a veto, a rank or a JSON Logic rule.
 *
 * @since 0.1.0
 */
import { Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import * as Expression from "./Expression.js"
import { ItemId } from "./internal/ids.js"

/**
 * The kinds of consequence.
 *
 * @example
 * ```ts
 * import type { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const kind: Consequence.Kind = "loss-of-excellent-eligibility"
 * console.log(kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Kind =
  | "commendation"
  | "priority-in-awards"
  | "loss-of-excellent-eligibility"
  | "notice-to-unit"
  | "reminder-talk"
  | "replacement"

/**
 * Schema of {@link Kind}.
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Consequence.Kind)("commendation")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Kind: Schema.Codec<Kind> = Schema.Literals([
  "commendation",
  "priority-in-awards",
  "loss-of-excellent-eligibility",
  "notice-to-unit",
  "reminder-talk",
  "replacement"
])

/**
 * The zh and en names of each kind.
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 *
 * console.log(Consequence.kindLabels["reminder-talk"].zh) // "谈话提醒"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const kindLabels: Readonly<Record<Kind, Label.Label>> = {
  commendation: { zh: "表彰", en: "commendation" },
  "priority-in-awards": { zh: "优先评优评先", en: "priority in awards" },
  "loss-of-excellent-eligibility": { zh: "取消当年评优评先资格", en: "loss of eligibility for excellent this year" },
  "notice-to-unit": { zh: "反馈所在单位及主管部门", en: "notice to the unit and its supervisor" },
  "reminder-talk": { zh: "谈话提醒", en: "reminder talk" },
  replacement: { zh: "撤换调整", en: "replacement" }
}

/**
 * Who is told of a consequence: the subject, the subject's unit, the unit's supervisor.
 *
 * @example
 * ```ts
 * import type { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const to: Consequence.Recipient = "supervisor"
 * console.log(to)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Recipient = "subject" | "unit" | "supervisor"

/**
 * Schema of {@link Recipient}.
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Consequence.Recipient)("unit")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Recipient: Schema.Codec<Recipient> = Schema.Literals(["subject", "unit", "supervisor"])

/**
 * The subject attribute naming each recipient: `unitId` for the unit, `supervisorId` for its
 * supervisor (the subject's own id for the subject).
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 *
 * console.log(Consequence.recipientAttributes.unit) // "unitId"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const recipientAttributes = { unit: "unitId", supervisor: "supervisorId" } as const

/**
 * What triggers a consequence: a grade, a veto (any, or the listed ones), a rank in the top
 * N of the subject's ranking (never for a subject with a veto: a one-vote veto bars rank-based
 * benefits), or a JSON Logic rule over the subject's result.
 *
 * @example
 * ```ts
 * import type { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const when: Consequence.Trigger = { _tag: "Grade", grades: ["excellent"] }
 * console.log(when._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Trigger =
  | { readonly _tag: "Grade"; readonly grades: ReadonlyArray<string> }
  | { readonly _tag: "Veto"; readonly vetoes?: ReadonlyArray<string> }
  | { readonly _tag: "Rank"; readonly top: number }
  | { readonly _tag: "Rule"; readonly logic: Expression.Logic }

/**
 * Schema of {@link Trigger}.
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Consequence.Trigger)({ _tag: "Rank", top: 3 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Trigger: Schema.Codec<Trigger> = Schema.Union([
  Schema.TaggedStruct("Grade", { grades: Schema.NonEmptyArray(Schema.NonEmptyString) }),
  Schema.TaggedStruct("Veto", { vetoes: Schema.optionalKey(Schema.Array(Schema.NonEmptyString)) }),
  Schema.TaggedStruct("Rank", { top: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)) }),
  Schema.TaggedStruct("Rule", { logic: Expression.Logic })
]).annotate({ identifier: "ConsequenceTrigger" })

/**
 * A consequence rule of a plan: its id, kind, optional label, trigger and recipients.
 *
 * @example
 * ```ts
 * import type { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const rule: Consequence.Rule = {
 *   id: "commend", kind: "commendation", when: { _tag: "Grade", grades: ["excellent"] }, notify: ["subject"]
 * }
 * console.log(rule.kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Rule {
  readonly id: string
  readonly kind: Kind
  readonly label?: Label.Label
  readonly when: Trigger
  readonly notify?: ReadonlyArray<Recipient>
}

/**
 * Schema of {@link Rule}.
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Consequence.Rule)({ id: "x", kind: "replacement", when: { _tag: "Veto" } })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rule: Schema.Codec<Rule> = Schema.Struct({
  id: ItemId,
  kind: Kind,
  label: Schema.optionalKey(Label.Label),
  when: Trigger,
  notify: Schema.optionalKey(Schema.Array(Recipient))
}).annotate({ identifier: "ConsequenceRule" })

/**
 * A notice to send: to whom (the recipient's role and id, when known).
 *
 * @example
 * ```ts
 * import type { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const notice: Consequence.Notice = { to: "unit", id: "unit-bank" }
 * console.log(notice.id)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Notice {
  readonly to: Recipient
  /** The recipient's id from the subject's attributes; `undefined` when the input does not say. */
  readonly id: string | undefined
}

/**
 * A consequence applied to a subject: the rule, its kind and label, why, and the notices.
 *
 * @example
 * ```ts
 * import type { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const applied: Consequence.Applied = {
 *   rule: "commend", kind: "commendation", label: { zh: "表彰", en: "commendation" },
 *   reason: { zh: "等次为优秀", en: "grade is excellent" }, notices: []
 * }
 * console.log(applied.kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Applied {
  readonly rule: string
  readonly kind: Kind
  readonly label: Label.Label
  readonly reason: Label.Label
  readonly notices: ReadonlyArray<Notice>
}

/**
 * What a trigger is tested against: the subject's grade, vetoes, rank and the data a JSON
 * Logic rule reads (`total`, `grade`, `rank`, `vetoes`, `attributes`, `group`, `points`).
 *
 * @example
 * ```ts
 * import type { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const facts: Consequence.Facts = {
 *   subjectId: "m-1", total: 92, grade: "excellent", gradeLabel: { zh: "优秀", en: "excellent" },
 *   rank: 1, vetoes: [], attributes: {}, group: undefined, points: {}
 * }
 * console.log(facts.total)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Facts {
  readonly subjectId: string
  readonly total: number
  readonly grade: string | undefined
  readonly gradeLabel: Label.Label | undefined
  readonly rank: number | undefined
  readonly vetoes: ReadonlyArray<string>
  readonly attributes: Readonly<Record<string, string | number | boolean>>
  readonly group: string | undefined
  readonly points: Readonly<Record<string, number>>
}

/**
 * Why a trigger fires for these facts, or `undefined` when it does not. `rule` is the
 * compiled JSON Logic of a `Rule` trigger.
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const facts = {
 *   subjectId: "gc-03", total: 95, grade: "excellent", gradeLabel: { zh: "优秀", en: "excellent" },
 *   rank: 1, vetoes: [], attributes: {}, group: undefined, points: {}
 * }
 * console.log(Consequence.fires({ _tag: "Rank", top: 3 }, facts, undefined)?.en) // "rank 1, within the top 3"
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const fires = (
  trigger: Trigger,
  facts: Facts,
  rule: Expression.Compiled | undefined
): Label.Label | undefined => {
  switch (trigger._tag) {
    case "Grade":
      return facts.grade !== undefined && trigger.grades.includes(facts.grade)
        ? { zh: `等次为${facts.gradeLabel?.zh ?? facts.grade}`, en: `grade is ${facts.gradeLabel?.en ?? facts.grade}` }
        : undefined
    case "Veto": {
      const hit = facts.vetoes.filter((v) => trigger.vetoes === undefined || trigger.vetoes.includes(v))
      return hit.length > 0
        ? { zh: `触发一票否决：${hit.join("、")}`, en: `veto applied: ${hit.join(", ")}` }
        : undefined
    }
    case "Rank":
      // a subject with a one-vote veto never gets a rank-based benefit, wherever it stands
      return facts.rank !== undefined && facts.rank <= trigger.top && facts.vetoes.length === 0
        ? { zh: `排名第 ${facts.rank}，进入前 ${trigger.top}`, en: `rank ${facts.rank}, within the top ${trigger.top}` }
        : undefined
    case "Rule": {
      const out = rule?.evaluate({
        total: facts.total,
        grade: facts.grade ?? null,
        rank: facts.rank ?? null,
        vetoes: facts.vetoes,
        attributes: facts.attributes,
        group: facts.group ?? null,
        points: facts.points
      })
      return Expression.truthy(out)
        ? { zh: `规则成立：${JSON.stringify(trigger.logic)}`, en: `rule holds: ${JSON.stringify(trigger.logic)}` }
        : undefined
    }
  }
}

/**
 * Applies a consequence rule to a subject's facts: the applied consequence with its notices,
 * or `undefined` when the trigger does not fire.
 *
 * @example
 * ```ts
 * import { Consequence } from "@gongzhi/assessment-scoring"
 *
 * const facts = {
 *   subjectId: "m-7", total: 58, grade: "fail", gradeLabel: { zh: "不合格", en: "failed" },
 *   rank: 9, vetoes: ["duty-failure"], attributes: { unitId: "bank-01", supervisorId: "finance-bureau" },
 *   group: undefined, points: {}
 * }
 * const applied = Consequence.apply({
 *   id: "notice", kind: "notice-to-unit", when: { _tag: "Veto" }, notify: ["unit", "supervisor"]
 * }, facts, undefined)
 * console.log(applied?.notices) // [{ to: "unit", id: "bank-01" }, { to: "supervisor", id: "finance-bureau" }]
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const apply = (rule: Rule, facts: Facts, compiled: Expression.Compiled | undefined): Applied | undefined => {
  const reason = fires(rule.when, facts, compiled)
  if (reason === undefined) return undefined
  const notices = (rule.notify ?? []).map((to): Notice => {
    if (to === "subject") return { to, id: facts.subjectId }
    const value = facts.attributes[recipientAttributes[to]]
    return { to, id: value === undefined ? undefined : String(value) }
  })
  return { rule: rule.id, kind: rule.kind, label: rule.label ?? kindLabels[rule.kind], reason, notices }
}
