/**
 * The assessment plan (考核方案 / 考核细则): a low-code JSON document with the indicator tree
 * (dimensions → indicators → sub-indicators, each with a maximum, an optional weight and a
 * scoring method), bonus items (加分项), deduction items (扣分项), one-vote veto items
 * (一票否决), the formula, rounding, grades with quotas, ranking and consequences.
 *
 * @since 0.1.0
 */
import { Document, Issue, Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Consequence from "./Consequence.js"
import * as Expression from "./Expression.js"
import * as Grade from "./Grade.js"
import { append } from "./internal/append.js"
import { hashJson } from "./internal/hash.js"
import { IndicatorId, ItemId, PlanId } from "./internal/ids.js"
import { messages } from "./Messages.js"
import * as Method from "./Method.js"
import * as Ranking from "./Ranking.js"
import * as Rounding from "./Rounding.js"

const PositiveFinite = Schema.Finite.check(Schema.isGreaterThan(0))

/**
 * Which scoring method an indicator uses and its configuration (checked against the
 * method's config schema when the plan is validated).
 *
 * @example
 * ```ts
 * import type { Plan } from "@gongzhi/assessment-scoring"
 *
 * const ref: Plan.MethodRef = { name: "linear", config: { floor: 0, target: 50 } }
 * console.log(ref.name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface MethodRef {
  readonly name: string
  readonly config: unknown
}

/**
 * Multi-assessor aggregation (多主体评价): the indicator's input is a list of assessments
 * `{ by, value, weight? }`, each scored by the method, and the points are combined by
 * `mean`, `weighted-mean` or `trimmed-mean` (drop the `drop` highest and `drop` lowest,
 * 去掉最高分和最低分).
 *
 * @example
 * ```ts
 * import type { Plan } from "@gongzhi/assessment-scoring"
 *
 * const assessors: Plan.Assessors = { aggregate: "trimmed-mean", drop: 1 }
 * console.log(assessors.aggregate)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Assessors {
  readonly aggregate: "mean" | "weighted-mean" | "trimmed-mean"
  readonly drop?: number
}

/**
 * A node of the indicator tree. A node with `children` combines them (plain sum capped at
 * `max`, or — when every child has a `weight` — the weighted, normalised sum
 * `max × Σ wᵢ·pointsᵢ/maxᵢ / Σ wᵢ`); a leaf has a `method` and reads the subject's value
 * under `input` (default: its id). An `optional` leaf without a value scores 0.
 *
 * @example
 * ```ts
 * import type { Plan } from "@gongzhi/assessment-scoring"
 *
 * const node: Plan.Indicator = {
 *   id: "service", label: { zh: "志愿服务", en: "volunteer service" }, max: 30,
 *   children: [
 *     { id: "hours", label: { zh: "服务时长", en: "hours" }, max: 20, method: { name: "linear", config: { floor: 0, target: 50 } } },
 *     { id: "wishes", label: { zh: "认领微心愿", en: "micro-wishes claimed" }, max: 10, method: { name: "ratio", config: { target: 2 } } }
 *   ]
 * }
 * console.log(node.children?.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Indicator {
  readonly id: string
  readonly label: Label.Label
  readonly max: number
  readonly weight?: number
  readonly input?: string
  readonly optional?: boolean
  readonly method?: MethodRef
  readonly assessors?: Assessors
  readonly children?: ReadonlyArray<Indicator>
}

/**
 * Schema of {@link Indicator} (recursive).
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Plan.Indicator)({ id: "x", label: { zh: "指标", en: "x" }, max: 0 })) // false (max must be positive)
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Indicator: Schema.Codec<Indicator> = Schema.Struct({
  id: IndicatorId,
  label: Label.Label,
  max: PositiveFinite,
  weight: Schema.optionalKey(PositiveFinite),
  input: Schema.optionalKey(Schema.NonEmptyString),
  optional: Schema.optionalKey(Schema.Boolean),
  method: Schema.optionalKey(Schema.Struct({ name: Schema.NonEmptyString, config: Schema.Unknown })),
  assessors: Schema.optionalKey(Schema.Struct({
    aggregate: Schema.Literals(["mean", "weighted-mean", "trimmed-mean"]),
    drop: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)))
  })),
  children: Schema.optionalKey(Schema.Array(Schema.suspend((): Schema.Codec<Indicator> => Indicator)))
}).annotate({ identifier: "Indicator" })

/**
 * A bonus (加分项) or deduction (扣分项) item: points per occurrence, and the most the item
 * can add or take off in total (`cap`).
 *
 * @example
 * ```ts
 * import type { Plan } from "@gongzhi/assessment-scoring"
 *
 * const item: Plan.Item = { id: "city-award", label: { zh: "获市级表彰", en: "city-level award" }, points: 2, cap: 4 }
 * console.log(item.cap)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Item {
  readonly id: string
  readonly label: Label.Label
  readonly points: number
  readonly cap: number
}

/**
 * Schema of {@link Item}.
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Plan.Item)({ id: "x", label: { zh: "加分", en: "bonus" }, points: 1, cap: 3 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Item: Schema.Codec<Item> = Schema.Struct({
  id: ItemId,
  label: Label.Label,
  points: PositiveFinite,
  cap: PositiveFinite
}).annotate({ identifier: "AdjustmentItem" })

/**
 * What a veto does: force a grade (e.g. 不合格), or bar some grades (e.g. the top grade), the
 * subject then getting the best grade below that is not barred.
 *
 * @example
 * ```ts
 * import type { Plan } from "@gongzhi/assessment-scoring"
 *
 * const effect: Plan.VetoEffect = { _tag: "BarGrades", grades: ["excellent"] }
 * console.log(effect._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type VetoEffect =
  | { readonly _tag: "ForceGrade"; readonly grade: string }
  | { readonly _tag: "BarGrades"; readonly grades: ReadonlyArray<string> }

/**
 * A one-vote veto item (一票否决): its effect, and optionally a JSON Logic rule (`when`)
 * that applies it from the subject's data; the input may also list it with a reason.
 *
 * @example
 * ```ts
 * import type { Plan } from "@gongzhi/assessment-scoring"
 *
 * const veto: Plan.Veto = {
 *   id: "safety-incident", label: { zh: "发生重大安全事故", en: "major safety incident" },
 *   effect: { _tag: "ForceGrade", grade: "fail" }
 * }
 * console.log(veto.id)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Veto {
  readonly id: string
  readonly label: Label.Label
  readonly effect: VetoEffect
  readonly when?: Expression.Logic
}

/**
 * Schema of {@link Veto}.
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Plan.Veto)({ id: "v", label: { zh: "否决", en: "veto" }, effect: { _tag: "ForceGrade", grade: "fail" } })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Veto: Schema.Codec<Veto> = Schema.Struct({
  id: ItemId,
  label: Label.Label,
  effect: Schema.Union([
    Schema.TaggedStruct("ForceGrade", { grade: Schema.NonEmptyString }),
    Schema.TaggedStruct("BarGrades", { grades: Schema.NonEmptyArray(Schema.NonEmptyString) })
  ]),
  when: Schema.optionalKey(Expression.Logic)
}).annotate({ identifier: "Veto" })

/**
 * How the total is formed: `Sum` (tree + bonus − deductions, not below 0), or the branch-star
 * formula `BranchStar`: `(base + bonus − deductions) × baseShare% + evaluation × evaluationShare%`,
 * where `evaluation` is a top-level indicator and `base` the other top-level indicators, both
 * scaled to `maxTotal` (支部星级: (基础分 − 扣分) × 70% + 测评分 × 30%).
 *
 * @example
 * ```ts
 * import type { Plan } from "@gongzhi/assessment-scoring"
 *
 * const formula: Plan.Formula = { _tag: "BranchStar", evaluation: "evaluation", baseShare: 70, evaluationShare: 30 }
 * console.log(formula._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Formula =
  | { readonly _tag: "Sum" }
  | {
    readonly _tag: "BranchStar"
    readonly evaluation: string
    readonly baseShare: number
    readonly evaluationShare: number
  }

/**
 * Schema of {@link Formula}.
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Plan.Formula)({ _tag: "Sum" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Formula: Schema.Codec<Formula> = Schema.Union([
  Schema.TaggedStruct("Sum", {}),
  Schema.TaggedStruct("BranchStar", {
    evaluation: Schema.NonEmptyString,
    baseShare: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 100 })),
    evaluationShare: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 100 }))
  })
]).annotate({ identifier: "Formula" })

/**
 * The deepest an indicator tree may go (dimension → indicator → sub-indicator … 8 levels).
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 *
 * console.log(Plan.maxDepth) // 8
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const maxDepth = 8

/** Visits the tree iteratively, parents before children. */
const walk = (
  roots: ReadonlyArray<Indicator>,
  visit: (node: Indicator, path: Issue.Path, depth: number, parent: Indicator | undefined) => void
): void => {
  const stack: Array<{ node: Indicator; path: Issue.Path; depth: number; parent: Indicator | undefined }> = []
  roots.forEach((node, i) => stack.push({ node, path: ["indicators", i], depth: 1, parent: undefined }))
  stack.reverse()
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { depth, node, parent, path } = top
    visit(node, path, depth, parent)
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child !== undefined) {
        stack.push({ node: child, path: [...path, "children", i], depth: depth + 1, parent: node })
      }
    }
  }
}

const duplicateIds = (
  items: ReadonlyArray<{ readonly id: string }>,
  kind: string,
  path: Issue.Path
): Array<Issue.DomainIssue> => {
  const seen = new Set<string>()
  const found: Array<Issue.DomainIssue> = []
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      found.push(messages.make("ASSESS_DUPLICATE_ID", { path: [...path, i, "id"], params: { kind, id: item.id } }))
    }
    seen.add(item.id)
  })
  return found
}

/**
 * The largest figure a plan may hold (maxima, points, caps, weights): with at most four places
 * of rounding, every sum of them stays an exact integer of units, never an infinity.
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 *
 * console.log(Plan.maxFigure) // 1000000000
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const maxFigure = 1_000_000_000

/** The plan checks that do not depend on the method registry. */
const structuralIssues = (plan: Plan): ReadonlyArray<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  // figures that would make a score NaN or infinite: a maximum below one unit of the plan's
  // rounding (a leaf's points are divided by it), or a figure too large to sum exactly
  const step = 1 / Rounding.scale(plan.rounding ?? Rounding.standard)
  const tooLarge = (value: number | undefined, path: Issue.Path) => {
    if (value !== undefined && value > maxFigure) {
      found.push(messages.make("ASSESS_FIGURE_TOO_LARGE", { path, params: { value, max: maxFigure } }))
    }
  }
  const belowStep = (value: number | undefined, path: Issue.Path) => {
    if (value !== undefined && Math.floor(value / step + 1e-9) < 1) {
      found.push(messages.make("ASSESS_MAX_BELOW_PRECISION", { path, params: { value, step } }))
    }
  }
  tooLarge(plan.maxTotal, ["maxTotal"])
  belowStep(plan.maxTotal, ["maxTotal"])
  tooLarge(plan.bonusCap, ["bonusCap"])
  tooLarge(plan.deductionCap, ["deductionCap"])
  tooLarge(plan.totalCap, ["totalCap"])
  belowStep(plan.totalCap, ["totalCap"])
  ;(plan.bonus ?? []).forEach((item, i) => {
    tooLarge(item.points, ["bonus", i, "points"])
    tooLarge(item.cap, ["bonus", i, "cap"])
  })
  ;(plan.deductions ?? []).forEach((item, i) => {
    tooLarge(item.points, ["deductions", i, "points"])
    tooLarge(item.cap, ["deductions", i, "cap"])
  })
  // the tree
  const ids = new Set<string>()
  walk(plan.indicators, (node, path, depth) => {
    if (ids.has(node.id)) {
      found.push(
        messages.make("ASSESS_DUPLICATE_ID", { path: [...path, "id"], params: { kind: "indicator", id: node.id } })
      )
    }
    ids.add(node.id)
    tooLarge(node.max, [...path, "max"])
    belowStep(node.max, [...path, "max"])
    tooLarge(node.weight, [...path, "weight"])
    if (depth > maxDepth) {
      found.push(messages.make("ASSESS_TREE_TOO_DEEP", { path, params: { id: node.id, max: maxDepth } }))
    }
    const children = node.children ?? []
    if (children.length > 0 && node.method !== undefined) {
      found.push(messages.make("ASSESS_INDICATOR_METHOD_AND_CHILDREN", { path, params: { id: node.id } }))
    }
    if (children.length === 0 && node.method === undefined) {
      found.push(messages.make("ASSESS_INDICATOR_NO_METHOD", { path, params: { id: node.id } }))
    }
    const weighted = children.filter((c) => c.weight !== undefined).length
    if (weighted > 0 && weighted < children.length) {
      found.push(messages.make("ASSESS_WEIGHTS_PARTIAL", { path: [...path, "children"], params: { id: node.id } }))
    }
  })
  const topWeighted = plan.indicators.filter((c) => c.weight !== undefined).length
  if (topWeighted > 0 && topWeighted < plan.indicators.length) {
    found.push(messages.make("ASSESS_WEIGHTS_PARTIAL", { path: ["indicators"], params: { id: plan.id } }))
  }
  // items
  append(found, duplicateIds(plan.bonus ?? [], "bonus item", ["bonus"]))
  append(found, duplicateIds(plan.deductions ?? [], "deduction item", ["deductions"]))
  append(found, duplicateIds(plan.vetoes ?? [], "veto", ["vetoes"]))
  append(found, duplicateIds(plan.consequences ?? [], "consequence", ["consequences"]))
  // the formula
  const formula = plan.formula
  if (formula !== undefined && formula._tag === "BranchStar") {
    if (!plan.indicators.some((i) => i.id === formula.evaluation)) {
      found.push(
        messages.make("ASSESS_FORMULA_INDICATOR_UNKNOWN", {
          path: ["formula", "evaluation"],
          params: { id: formula.evaluation }
        })
      )
    }
    if (formula.baseShare + formula.evaluationShare !== 100) {
      found.push(messages.make("ASSESS_FORMULA_SHARES_INVALID", {
        path: ["formula"],
        params: { base: formula.baseShare, evaluation: formula.evaluationShare }
      }))
    }
  }
  // grades
  const gradeIds = new Set<string>()
  const quotaGrades = new Set<string>()
  const grades = plan.grades
  if (grades !== undefined) {
    append(found, duplicateIds(grades.bands, "grade", ["grades", "bands"]))
    grades.bands.forEach((band, i) => {
      gradeIds.add(band.id)
      const previous = grades.bands[i - 1]
      if (previous !== undefined && band.min >= previous.min) {
        found.push(messages.make("ASSESS_GRADE_BANDS_NOT_DESCENDING", {
          path: ["grades", "bands", i, "min"],
          params: { id: band.id, min: band.min, previous: previous.min }
        }))
      }
    })
    const last = grades.bands[grades.bands.length - 1]
    if (last !== undefined && last.min > 0) {
      found.push(
        messages.make("ASSESS_GRADE_BANDS_GAP", {
          path: ["grades", "bands", grades.bands.length - 1, "min"],
          params: { min: last.min }
        })
      )
    }
    ;(grades.quotas ?? []).forEach((quota, i) => {
      quotaGrades.add(quota.grade)
      if (!gradeIds.has(quota.grade)) {
        found.push(
          messages.make("ASSESS_GRADE_UNKNOWN", {
            path: ["grades", "quotas", i, "grade"],
            params: { grade: quota.grade }
          })
        )
      }
      if (quota.overflowTo !== undefined && !gradeIds.has(quota.overflowTo)) {
        found.push(
          messages.make("ASSESS_GRADE_UNKNOWN", {
            path: ["grades", "quotas", i, "overflowTo"],
            params: { grade: quota.overflowTo }
          })
        )
      }
      if (quota.denominator <= 0 || quota.numerator > quota.denominator) {
        found.push(messages.make("ASSESS_QUOTA_INVALID", {
          path: ["grades", "quotas", i],
          params: { numerator: quota.numerator, denominator: quota.denominator }
        }))
      }
    })
  }
  const checkGrade = (grade: string, path: Issue.Path) => {
    if (!gradeIds.has(grade)) found.push(messages.make("ASSESS_GRADE_UNKNOWN", { path, params: { grade } }))
  }
  // vetoes
  const vetoIds = new Set((plan.vetoes ?? []).map((v) => v.id))
  ;(plan.vetoes ?? []).forEach((veto, i) => {
    const path = ["vetoes", i, "effect"]
    if (veto.effect._tag === "ForceGrade") {
      checkGrade(veto.effect.grade, [...path, "grade"])
      if (quotaGrades.has(veto.effect.grade)) {
        found.push(
          messages.make("ASSESS_VETO_FORCES_QUOTA_GRADE", {
            path: [...path, "grade"],
            params: { veto: veto.id, grade: veto.effect.grade }
          })
        )
      }
    } else {
      veto.effect.grades.forEach((g, j) => checkGrade(g, [...path, "grades", j]))
    }
    if (veto.when !== undefined) {
      const compiled = Expression.compile(veto.when, ["vetoes", i, "when"])
      if (Result.isFailure(compiled)) append(found, compiled.failure.issues)
    }
  }) // consequences
  ;(plan.consequences ?? []).forEach((rule, i) => {
    const path = ["consequences", i, "when"]
    const when = rule.when
    switch (when._tag) {
      case "Grade":
        when.grades.forEach((g, j) => checkGrade(g, [...path, "grades", j]))
        break
      case "Veto":
        ;(when.vetoes ?? []).forEach((v, j) => {
          if (!vetoIds.has(v)) {
            found.push(messages.make("ASSESS_VETO_UNKNOWN", { path: [...path, "vetoes", j], params: { veto: v } }))
          }
        })
        break
      case "Rule": {
        const compiled = Expression.compile(when.logic, [...path, "logic"])
        if (Result.isFailure(compiled)) append(found, compiled.failure.issues)
        break
      }
      case "Rank":
        break
    }
  })
  return found
}

/**
 * The plan document (`kind: "assessment-plan"`, `schemaVersion: 1`). Decoding checks the
 * structure and every rule that does not need the method registry; {@link validate} and
 * {@link decode} add the method checks.
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 *
 * const schema = Plan.document.jsonSchema()
 * console.log(schema.$id) // "urn:gongzhi:schema:assessment-plan:v1"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document: Document.Definition<"assessment-plan", 1, Plan> = Document.define({
  kind: "assessment-plan",
  schemaVersion: 1,
  label: { zh: "考核方案", en: "assessment plan" },
  description:
    "An annual assessment plan (考核方案): indicators, methods, bonus, deduction and veto items, grades, quotas, ranking and consequences",
  fields: {
    id: PlanId,
    version: Schema.NonEmptyString,
    name: Label.Label,
    subject: Label.Label,
    subjects: Schema.optionalKey(Schema.Literals(["people", "organisations"])),
    maxTotal: PositiveFinite,
    indicators: Schema.NonEmptyArray(Indicator),
    bonus: Schema.optionalKey(Schema.Array(Item)),
    bonusCap: Schema.optionalKey(PositiveFinite),
    deductions: Schema.optionalKey(Schema.Array(Item)),
    deductionCap: Schema.optionalKey(PositiveFinite),
    totalCap: Schema.optionalKey(PositiveFinite),
    vetoes: Schema.optionalKey(Schema.Array(Veto)),
    formula: Schema.optionalKey(Formula),
    rounding: Schema.optionalKey(Rounding.Rule),
    grades: Schema.optionalKey(Grade.Grades),
    ranking: Schema.optionalKey(Ranking.Config),
    consequences: Schema.optionalKey(Schema.Array(Consequence.Rule))
  },
  checks: [(plan) => structuralIssues(plan as Plan)]
})

/**
 * An assessment plan.
 *
 * @example
 * ```ts
 * import { Presets, type Plan } from "@gongzhi/assessment-scoring"
 *
 * const plan: Plan.Plan = Presets.democraticEvaluation
 * console.log(plan.name.zh) // "党员民主评议"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Plan {
  readonly kind: "assessment-plan"
  readonly schemaVersion: 1
  /** Stable id of the plan, e.g. `"qijiang-grand-committee"`. */
  readonly id: string
  /** The plan's version, recorded in every result (e.g. `"2024.1"`). */
  readonly version: string
  readonly name: Label.Label
  /** What is assessed (社区大党委, 党员 …). */
  readonly subject: Label.Label
  /**
   * Who the subjects are: `people` (党员, 委员 — their names are personal data, masked in
   * public outputs such as the county report) or `organisations` (社区大党委, 党支部 — names
   * shown). Without it, subjects count as people.
   */
  readonly subjects?: "people" | "organisations"
  /** The total the indicator tree is scaled to (usually 100). */
  readonly maxTotal: number
  readonly indicators: ReadonlyArray<Indicator>
  readonly bonus?: ReadonlyArray<Item>
  /** The most all bonus items together can add. */
  readonly bonusCap?: number
  readonly deductions?: ReadonlyArray<Item>
  /** The most all deduction items together can take off. */
  readonly deductionCap?: number
  /**
   * The highest total a subject can get, bonus included (e.g. 100 with the branch-star formula,
   * whose bonus points would otherwise lift a total above 100); a capped total says so in its
   * explanation. Without it a total may exceed `maxTotal` by the bonus ({@link maxPossible}).
   */
  readonly totalCap?: number
  readonly vetoes?: ReadonlyArray<Veto>
  /** Default `{ _tag: "Sum" }`. */
  readonly formula?: Formula
  /** Default two places, half-up. */
  readonly rounding?: Rounding.Rule
  readonly grades?: Grade.Grades
  readonly ranking?: Ranking.Config
  readonly consequences?: ReadonlyArray<Consequence.Rule>
}

/**
 * A node of the compiled tree: the indicator's figures, where it reads its input, its parent
 * and children (indexes into `Compiled.nodes`), and for a leaf its method and decoded config.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const node: Plan.CompiledNode = Result.getOrThrow(Plan.compile(Presets.branchStars)).nodes[0]!
 * console.log(node.id, node.children.length) // "organisation 2"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface CompiledNode {
  readonly id: string
  readonly label: Label.Label
  readonly max: number
  readonly weight: number | undefined
  readonly inputKey: string
  readonly optional: boolean
  readonly parent: number
  readonly children: ReadonlyArray<number>
  readonly method: Method.Any | undefined
  readonly config: unknown
  readonly assessors: Assessors | undefined
  readonly weighted: boolean
}

/**
 * A leaf of the compiled tree as scoring reads it: its node number, where its input is read,
 * and its method (always there: a plan with a leaf without a method does not compile) with the
 * decoded config. One per leaf, in the order of `Program.leaves`.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const program = Result.getOrThrow(Plan.compile(Presets.branchStars))
 * const leaf: Plan.CompiledLeaf | undefined = program.leafTable[0]
 * console.log(leaf?.node === program.leaves[0], program.leafTable.length === program.leaves.length) // true true
 * ```
 *
 * @category models
 * @since 0.3.0
 */
export interface CompiledLeaf {
  /** The leaf's node number (an index into `Program.nodes`). */
  readonly node: number
  readonly id: string
  readonly max: number
  readonly inputKey: string
  readonly optional: boolean
  readonly method: Method.Any
  readonly config: unknown
  readonly assessors: Assessors | undefined
}

/**
 * A plan compiled for scoring (`Plan.compile(plan, registry)`): everything that depends only on
 * the plan, worked out once — the tree flattened in pre-order (a parent before its children)
 * with each leaf's method and decoded config, the leaves' order, maxima in integer units of the
 * plan's rounding, the formula's roots and weights, the item tables and caps, the veto and
 * consequence rules compiled (with what they read, found by walking them) and the plan's
 * content fingerprint. `Assessment.score` takes a plan or a program: a host that scores the
 * same plan many times compiles it once.
 *
 * @example
 * ```ts
 * import { Assessment, Plan, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const program: Plan.Program = Result.getOrThrow(Plan.compile(Presets.branchStars))
 * const result = Result.getOrThrow(Assessment.score(program, Presets.branchStarsExample))
 * console.log(program._tag, program.leaves.length > 0, result.planHash === program.fingerprint) // Program true true
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Program {
  readonly _tag: "Program"
  readonly plan: Plan
  readonly nodes: ReadonlyArray<CompiledNode>
  readonly roots: ReadonlyArray<number>
  /** The leaves, in the order their inputs are read (node numbers). */
  readonly leaves: ReadonlyArray<number>
  /** Each node's leaf number, -1 for inner nodes. */
  readonly leafIndex: ReadonlyArray<number>
  /** The leaves with their methods, in the order of `leaves`. */
  readonly leafTable: ReadonlyArray<CompiledLeaf>
  readonly vetoRules: ReadonlyMap<string, Expression.Compiled>
  readonly consequenceRules: ReadonlyMap<string, Expression.Compiled>
  /** The plan's content fingerprint ({@link fingerprint}), recorded in every result. */
  readonly fingerprint: string
  readonly rounding: Rounding.Rule
  /** Integer units in one point (`10^places`). */
  readonly scale: number
  /** Each node's maximum in units (rounded down). */
  readonly maxUnits: ReadonlyArray<number>
  readonly formula: Formula
  /** With the branch-star formula, the node of the evaluation indicator. */
  readonly evaluationRoot: number | undefined
  /** The top-level nodes that make the base (all of them with the `Sum` formula). */
  readonly baseRoots: ReadonlyArray<number>
  /** Whether every top-level node, and every base node, has a weight. */
  readonly rootWeighted: boolean
  readonly baseWeighted: boolean
  readonly maxTotalUnits: number
  readonly bonusItems: ReadonlyMap<string, Item>
  readonly deductionItems: ReadonlyMap<string, Item>
  readonly vetoItems: ReadonlyMap<string, Veto>
  /** Caps in units (`Infinity` when the plan has none). */
  readonly bonusCapUnits: number
  readonly deductionCapUnits: number
  readonly totalCapUnits: number
  /** Whether some veto or consequence rule may read the subject's `points` (walked, not searched). */
  readonly rulesReadPoints: boolean
}

/**
 * The former name of {@link Program}.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const compiled: Plan.Compiled = Result.getOrThrow(Plan.compile(Presets.branchStars))
 * console.log(compiled.nodes.length > 0) // true
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Compiled = Program

/**
 * Whether a value is a {@link Program} (made by {@link compile}), by its declared tag.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * console.log(Plan.isProgram(Presets.branchStars), Plan.isProgram(Result.getOrThrow(Plan.compile(Presets.branchStars)))) // false true
 * ```
 *
 * @category guards
 * @since 0.2.0
 */
export const isProgram = (u: Plan | Program): u is Program => (u as { readonly _tag?: unknown })._tag === "Program"

/**
 * Compiles a (typed) plan against a method registry into a {@link Program}, reporting every
 * problem: the structural rules of {@link document}, unknown or broken methods
 * (`Method.check`) and bad method configurations. Never throws.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 *
 * const broken = { ...Presets.democraticEvaluation, indicators: [
 *   { id: "x", label: { zh: "指标", en: "x" }, max: 10, method: { name: "lineer", config: {} } }
 * ] }
 * const result = Plan.compile(broken)
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.code)) // ["ASSESS_METHOD_UNKNOWN"]
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const compile = (
  plan: Plan,
  registry: Method.Registry = Method.builtins
): Result.Result<Program, ValidationReport.ValidationReport> => {
  try {
    return compileUnsafe(plan, registry)
  } catch (thrown) {
    // a plan a JavaScript caller made with a Proxy or a throwing getter, or a plug-in's check that throws
    return Result.fail(ValidationReport.of(messages.make("ASSESS_UNREADABLE", {
      path: [],
      params: { reason: Issue.describeCause(thrown) }
    })))
  }
}

const compileUnsafe = (
  plan: Plan,
  registry: Method.Registry
): Result.Result<Program, ValidationReport.ValidationReport> => {
  const found: Array<Issue.DomainIssue> = [...structuralIssues(plan)]
  const nodes: Array<CompiledNode> = []
  const roots: Array<number> = []
  const leaves: Array<number> = []
  const leafTable: Array<CompiledLeaf> = []
  const indexOf = new Map<Indicator, number>()
  /** Each node's children, filled as they are visited (the same arrays as the nodes' `children`). */
  const childLists: Array<Array<number>> = []
  const known = Method.names(registry).join(", ")
  // each plug-in the plan uses is checked once (a registry made by hand skipped `register`)
  const methodProblems = new Map<Method.Any, ReadonlyArray<Issue.DomainIssue>>()
  const problemsOf = (method: Method.Any, path: Issue.Path): ReadonlyArray<Issue.DomainIssue> => {
    let problems = methodProblems.get(method)
    if (problems === undefined) {
      problems = Method.check(method)
      methodProblems.set(method, problems)
      for (const issue of problems) found.push({ ...issue, path: [...path, "method", ...issue.path] })
    }
    return problems
  }
  walk(plan.indicators, (node, path, _depth, parent) => {
    const index = nodes.length
    indexOf.set(node, index)
    // (a parent is visited, and numbered, before its children)
    const parentIndex = parent === undefined ? -1 : indexOf.get(parent) ?? -1
    let method: Method.Any | undefined
    let config: unknown
    if (node.method !== undefined && (node.children ?? []).length === 0) {
      method = Method.get(registry, node.method.name)
      if (method === undefined) {
        found.push(messages.make("ASSESS_METHOD_UNKNOWN", {
          path: [...path, "method", "name"],
          params: { method: node.method.name, known }
        }))
      } else if (problemsOf(method, path).length > 0) {
        method = undefined
      } else {
        const decoded = ValidationReport.decodeUnknown(method.config)(node.method.config)
        if (Result.isFailure(decoded)) {
          for (const issue of decoded.failure.issues) {
            found.push(messages.make("ASSESS_METHOD_CONFIG_INVALID", {
              path: [...path, "method", "config", ...issue.path],
              params: { method: method.name, detailCode: issue.code },
              labels: { detail: issue.message }
            }))
          }
        } else {
          config = decoded.success
          // the method's own checks carry their own codes (ASSESS_RANGE_INVALID, ASSESS_BANDS_OVERLAP …)
          for (const issue of method.checkConfig(config, node.max)) {
            found.push({ ...issue, path: [...path, "method", "config", ...issue.path] })
          }
        }
      }
    }
    const children = node.children ?? []
    const childList: Array<number> = []
    childLists.push(childList)
    nodes.push({
      id: node.id,
      label: node.label,
      max: node.max,
      weight: node.weight,
      inputKey: node.input ?? node.id,
      optional: node.optional ?? false,
      parent: parentIndex,
      children: childList,
      method,
      config,
      assessors: node.assessors,
      weighted: children.length > 0 && children.every((c) => c.weight !== undefined)
    })
    if (parentIndex === -1) roots.push(index)
    else childLists[parentIndex]?.push(index)
    if (children.length === 0) leaves.push(index)
    if (children.length === 0 && method !== undefined) {
      leafTable.push({
        node: index,
        id: node.id,
        max: node.max,
        inputKey: node.input ?? node.id,
        optional: node.optional ?? false,
        method,
        config,
        assessors: node.assessors
      })
    }
  })
  const vetoRules = new Map<string, Expression.Compiled>()
  for (const veto of plan.vetoes ?? []) {
    if (veto.when === undefined) continue
    const compiled = Expression.compile(veto.when)
    if (Result.isSuccess(compiled)) vetoRules.set(veto.id, compiled.success)
  }
  const consequenceRules = new Map<string, Expression.Compiled>()
  for (const rule of plan.consequences ?? []) {
    if (rule.when._tag !== "Rule") continue
    const compiled = Expression.compile(rule.when.logic)
    if (Result.isSuccess(compiled)) consequenceRules.set(rule.id, compiled.success)
  }
  if (found.length > 0) return Result.fail(ValidationReport.make(found))
  // (every leaf has a method here: a leaf without one is ASSESS_INDICATOR_NO_METHOD above)
  const rounding = plan.rounding ?? Rounding.standard
  const scale = Rounding.scale(rounding)
  const units = (points: number) => Rounding.roundScaled(points * scale, rounding.mode)
  const formula: Formula = plan.formula ?? { _tag: "Sum" }
  const evaluationRoot = formula._tag === "BranchStar"
    ? roots.find((r) => nodes[r]?.id === formula.evaluation)
    : undefined
  const baseRoots = roots.filter((r) => r !== evaluationRoot)
  const leafIndex = new Array<number>(nodes.length).fill(-1)
  leaves.forEach((n, l) => (leafIndex[n] = l))
  return Result.succeed({
    _tag: "Program",
    plan,
    nodes,
    roots,
    leaves,
    leafIndex,
    leafTable,
    vetoRules,
    consequenceRules,
    fingerprint: fingerprint(plan),
    rounding,
    scale,
    maxUnits: nodes.map((n) => Rounding.roundScaled(n.max * scale, "down")),
    formula,
    evaluationRoot,
    baseRoots,
    rootWeighted: roots.every((r) => nodes[r]?.weight !== undefined),
    baseWeighted: baseRoots.every((r) => nodes[r]?.weight !== undefined),
    maxTotalUnits: units(plan.maxTotal),
    bonusItems: new Map((plan.bonus ?? []).map((b) => [b.id, b])),
    deductionItems: new Map((plan.deductions ?? []).map((d) => [d.id, d])),
    vetoItems: new Map((plan.vetoes ?? []).map((v) => [v.id, v])),
    bonusCapUnits: plan.bonusCap === undefined ? Infinity : units(plan.bonusCap),
    deductionCapUnits: plan.deductionCap === undefined ? Infinity : units(plan.deductionCap),
    totalCapUnits: plan.totalCap === undefined ? Infinity : Rounding.roundScaled(plan.totalCap * scale, "down"),
    rulesReadPoints: [...vetoRules.values(), ...consequenceRules.values()].some((rule) =>
      Expression.mayRead(rule, "points")
    )
  })
}

/**
 * A fingerprint (16 hex digits) of a plan's content: two plans with the same id and version
 * but different content have different fingerprints, whatever the order of their keys. Every
 * result records it (`planHash`), so a result can be told from one computed with a changed plan.
 * The same digest as `Assessment.inputsHash`, not cryptographic.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 *
 * const changed = { ...Presets.branchStars, maxTotal: 120 }
 * console.log(Plan.fingerprint(Presets.branchStars) === Plan.fingerprint(changed)) // false
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const fingerprint = (plan: Plan): string => hashJson(plan)

/**
 * Checks a typed plan against a registry: succeeds with the plan or fails with every problem.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Plan.validate(Presets.qijiangGrandCommittee)._tag) // "Success"
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (
  plan: Plan,
  registry: Method.Registry = Method.builtins
): Result.Result<Plan, ValidationReport.ValidationReport> => Result.map(compile(plan, registry), () => plan)

/**
 * Decodes a plan from unknown JSON (or YAML parsed to JSON) and checks it against a registry,
 * reporting every problem at once with its path and zh/en message.
 *
 * @example
 * ```ts
 * import { Plan } from "@gongzhi/assessment-scoring"
 *
 * const result = Plan.decode({ kind: "assessment-plan", schemaVersion: 1, id: "p" })
 * if (result._tag === "Failure") console.log(result.failure.issues.length > 1) // true
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const decode = (
  input: unknown,
  registry: Method.Registry = Method.builtins
): Result.Result<Plan, ValidationReport.ValidationReport> =>
  Result.flatMap(document.decode(input), (plan) => validate(plan, registry))

/**
 * The highest total a plan can give: `maxTotal` plus what bonus items can add (the plan's
 * `bonusCap`, or the sum of the items' caps), at most the plan's `totalCap`. With the
 * branch-star formula bonus points are weighted by the base share.
 *
 * @example
 * ```ts
 * import { Plan, Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Plan.maxPossible(Presets.qijiangGrandCommittee)) // 110
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const maxPossible = (plan: Plan): number => {
  const items = (plan.bonus ?? []).reduce((sum, item) => sum + item.cap, 0)
  const bonus = Math.min(items, plan.bonusCap ?? Infinity)
  const formula = plan.formula ?? { _tag: "Sum" }
  const most = formula._tag === "BranchStar" ? plan.maxTotal + (bonus * formula.baseShare) / 100 : plan.maxTotal + bonus
  return Math.min(most, plan.totalCap ?? Infinity)
}
