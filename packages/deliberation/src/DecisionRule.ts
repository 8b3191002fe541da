/**
 * The decision rule (表决规则) as a document: who votes, on which dimensions (headcount,
 * exclusive area or a custom weight), the quorum and the pass thresholds (each a fraction,
 * strict or not, of a declared base), how abstentions, spoiled ballots and absent members'
 * written opinions count, who may be left out of "those who should attend" and with whose
 * approval, and whether proxies may vote. The shipped presets cite their legal source.
 *
 * @since 0.2.0
 */
import { Document, type Issue, Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import * as Fraction from "./Fraction.js"
import { ReasonId, RuleId } from "./internal/ids.js"
import { ruleClassLabels } from "./internal/ruleClasses.js"
import { safely } from "./internal/safe.js"
import { messages } from "./Messages.js"

/**
 * The dimensions a vote can be counted on: one per voter (`headcount`), exclusive area
 * (`area`, 专有部分面积) or a custom integer `weight`.
 *
 * @example
 * ```ts
 * import { DecisionRule } from "@gongzhi/deliberation"
 *
 * console.log(DecisionRule.dimensions) // ["headcount", "area", "weight"]
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const dimensions = ["headcount", "area", "weight"] as const

/**
 * A dimension a vote is counted on.
 *
 * @example
 * ```ts
 * import type { DecisionRule } from "@gongzhi/deliberation"
 *
 * const d: DecisionRule.Dimension = "area"
 * console.log(d)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Dimension = (typeof dimensions)[number]

/**
 * The bases a threshold is a fraction of: everyone with a vote (`eligible`), those who should
 * attend (`shouldAttend`: the eligible minus those left out with approval) or those who took
 * part (`participants`, 参与表决 / 出席).
 *
 * @example
 * ```ts
 * import { DecisionRule } from "@gongzhi/deliberation"
 *
 * console.log(DecisionRule.bases) // ["eligible", "shouldAttend", "participants"]
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const bases = ["eligible", "shouldAttend", "participants"] as const

/**
 * A base of a threshold.
 *
 * @example
 * ```ts
 * import type { DecisionRule } from "@gongzhi/deliberation"
 *
 * const base: DecisionRule.Base = "shouldAttend"
 * console.log(base)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Base = (typeof bases)[number]

/**
 * The classes of rules; a maintenance-fund payment needs a passed decision of an owners' class.
 *
 * @example
 * ```ts
 * import { DecisionRule } from "@gongzhi/deliberation"
 *
 * console.log(DecisionRule.classLabels["owners-ordinary"].zh) // "业主共同决定一般事项"
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const classLabels = ruleClassLabels

/**
 * A class of rule.
 *
 * @example
 * ```ts
 * import type { DecisionRule } from "@gongzhi/deliberation"
 *
 * const c: DecisionRule.RuleClass = "owners-special"
 * console.log(c)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type RuleClass = keyof typeof classLabels

const ruleClasses = Object.keys(classLabels) as ReadonlyArray<RuleClass>

/**
 * Schema of one threshold check: a dimension, the base it is a fraction of, the threshold and
 * an optional label for explanations.
 *
 * @example
 * ```ts
 * import { DecisionRule } from "@gongzhi/deliberation"
 * import { Schema } from "effect"
 *
 * const check = { dimension: "area", base: "participants", threshold: { numerator: 1, denominator: 2, strict: true } }
 * console.log(Schema.is(DecisionRule.Check)(check)) // true
 * ```
 *
 * @category schemas
 * @since 0.2.0
 */
export const Check = Schema.Struct({
  dimension: Schema.Literals(dimensions),
  base: Schema.Literals(bases),
  threshold: Fraction.Threshold,
  label: Schema.optionalKey(Label.Label)
}).annotate({ identifier: "DecisionRuleCheck" })

/**
 * One threshold check of a rule.
 *
 * @example
 * ```ts
 * import { type DecisionRule, Fraction } from "@gongzhi/deliberation"
 *
 * const check: DecisionRule.Check = { dimension: "headcount", base: "eligible", threshold: Fraction.twoThirds }
 * console.log(check.base)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Check = typeof Check.Type

const Source = Schema.Struct({
  title: Label.Label,
  article: Schema.String,
  url: Schema.optionalKey(Schema.String),
  note: Schema.optionalKey(Label.Label)
}).annotate({ identifier: "DecisionRuleSource" })

const fields = {
  id: RuleId,
  name: Label.Label,
  class: Schema.Literals(ruleClasses),
  electorate: Schema.Literals(["owners", "members"]),
  dimensions: Schema.NonEmptyArray(Schema.Literals(dimensions)),
  quorum: Schema.Array(Check),
  pass: Schema.Array(Check),
  abstentions: Schema.Literals(["participant", "not-counted"]),
  spoiled: Schema.Literals(["participant", "not-counted"]),
  writtenOpinions: Schema.Literals(["count", "not-allowed"]),
  exclusions: Schema.Struct({
    allowed: Schema.Boolean,
    reasons: Schema.Array(Schema.Struct({ id: ReasonId, label: Label.Label })),
    approval: Label.Label
  }),
  proxies: Schema.Struct({
    allowed: Schema.Boolean,
    maxPerProxy: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)))
  }),
  source: Source
}

type Fields = Document.DocumentType<"deliberation-decision-rule", 1, typeof fields>

const issues = (rule: Fields): ReadonlyArray<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  const declared = new Set<string>(rule.dimensions)
  const seen = new Map<string, number>()
  rule.dimensions.forEach((d, i) => {
    const first = seen.get(d)
    if (first === undefined) seen.set(d, i)
    else found.push(messages.make("DELIB_DUPLICATE_ID", { path: ["dimensions", i], params: { id: d, first } }))
  })
  for (const part of ["quorum", "pass"] as const) {
    rule[part].forEach((check, i) => {
      if (!declared.has(check.dimension)) {
        found.push(messages.make("DELIB_RULE_DIMENSION_UNDECLARED", {
          path: [part, i, "dimension"],
          params: { dimension: check.dimension }
        }))
      }
    })
  }
  if (rule.pass.length === 0) found.push(messages.make("DELIB_RULE_NO_PASS_CHECK", { path: ["pass"] }))
  if (rule.electorate === "members" && declared.has("area")) {
    found.push(messages.make("DELIB_RULE_AREA_FOR_MEMBERS", { path: ["dimensions"] }))
  }
  if (!rule.proxies.allowed && rule.proxies.maxPerProxy !== undefined) {
    found.push(messages.make("DELIB_RULE_PROXY_LIMIT_WITHOUT_PROXIES", { path: ["proxies", "maxPerProxy"] }))
  }
  return found
}

/**
 * The decision rule document (`kind: "deliberation-decision-rule"`, `schemaVersion: 1`).
 *
 * - `electorate`: `owners` (业主, exclusive units) or `members` (党员 / 居民 with a vote);
 * - `quorum`: checks of those present or taking part (参与表决 / 到会) against a base
 *   (`eligible` or `shouldAttend`);
 * - `pass`: checks of those in favour (同意 / 赞成) against a base;
 * - `abstentions`, `spoiled`: `participant` (they took part: in the base of `participants`,
 *   never in favour) or `not-counted` (left out of every count);
 * - `writtenOpinions`: `count` (absent members' written opinions count as votes, never as
 *   presence) or `not-allowed`;
 * - `exclusions`: whether, for which reasons and with whose approval a voter may be left out
 *   of those who should attend;
 * - `proxies`: whether a proxy with a written authorisation may vote, and for how many at most.
 *
 * @example
 * ```ts
 * import { DecisionRule, Presets } from "@gongzhi/deliberation"
 *
 * const result = DecisionRule.document.decode(Presets.ownersOrdinary)
 * console.log(result._tag) // "Success"
 * console.log(DecisionRule.document.jsonSchema().title) // "decision rule (表决规则)"
 * ```
 *
 * @category documents
 * @since 0.2.0
 */
export const document = Document.define({
  kind: "deliberation-decision-rule",
  schemaVersion: 1,
  label: { zh: "表决规则", en: "decision rule" },
  description: "Who votes, the quorum and the pass thresholds of a vote (表决规则)",
  fields,
  checks: [(rule) => issues(rule)]
})

/**
 * A decision rule.
 *
 * @example
 * ```ts
 * import { type DecisionRule, Presets } from "@gongzhi/deliberation"
 *
 * const rule: DecisionRule.DecisionRule = Presets.branchMeeting
 * console.log(rule.electorate) // "members"
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type DecisionRule = Document.Type<typeof document>

/**
 * Decodes unknown input (parsed JSON or YAML) to a decision rule, reporting every problem.
 *
 * @example
 * ```ts
 * import { DecisionRule } from "@gongzhi/deliberation"
 *
 * const result = DecisionRule.decode({ kind: "deliberation-decision-rule", schemaVersion: 1 })
 * console.log(result._tag) // "Failure"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = document.decode

/**
 * The label an explanation uses for a check: the check's own, or the default for its part
 * (quorum or pass), dimension and base.
 *
 * @example
 * ```ts
 * import { DecisionRule, Presets } from "@gongzhi/deliberation"
 *
 * const rule = Presets.ownersOrdinary
 * console.log(DecisionRule.checkLabel(rule, "quorum", rule.quorum[0]!).zh) // "参与表决面积"
 * console.log(DecisionRule.checkLabel(rule, "pass", rule.pass[0]!).zh) // "同意面积"
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const checkLabel = (rule: DecisionRule, part: "quorum" | "pass", check: Check): Label.Label =>
  safely({ zh: "", en: "" }, () => labelOf(rule, part, check))

const labelOf = (rule: DecisionRule, part: "quorum" | "pass", check: Check): Label.Label => {
  if (check.label !== undefined) return check.label
  const owners = rule.electorate === "owners"
  if (part === "quorum") {
    switch (check.dimension) {
      case "area":
        return { zh: "参与表决面积", en: "participating area" }
      case "headcount":
        return owners
          ? { zh: "参与表决人数", en: "participating owners" }
          : { zh: "到会人数", en: "members present" }
      case "weight":
        return { zh: "参与表决权数", en: "participating weight" }
    }
  }
  const of = check.base === "participants"
    ? { zh: "", en: "" }
    : check.base === "shouldAttend"
    ? { zh: "（占应到会）", en: " of those who should attend" }
    : { zh: "（占全体）", en: " of all eligible" }
  switch (check.dimension) {
    case "area":
      return { zh: `同意面积${of.zh}`, en: `area in favour${of.en}` }
    case "headcount":
      return owners
        ? { zh: `同意人数${of.zh}`, en: `owners in favour${of.en}` }
        : { zh: `赞成人数${of.zh}`, en: `members in favour${of.en}` }
    case "weight":
      return { zh: `同意权数${of.zh}`, en: `weight in favour${of.en}` }
  }
}
