/**
 * Grades (等次): bands by total (优秀 / 良好 / 合格 / 不合格, 好 / 较好 / 一般 / 差, five stars …),
 * subjects left ungraded (probationary members get no grade), and quotas (优秀 ≤ 1/3 of the
 * members; five stars ≤ 30% of the branches) with a declared tie rule and a declared grade for
 * those the quota pushes out.
 *
 * @since 0.1.0
 */
import { Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import { ItemId } from "./internal/ids.js"

/**
 * A grade band: id, label and the lowest total (inclusive) that earns it.
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const band: Grade.Band = { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 }
 * console.log(band.min)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Band {
  readonly id: string
  readonly label: Label.Label
  readonly min: number
}

/**
 * Schema of {@link Band}.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Grade.Band)({ id: "pass", label: { zh: "合格", en: "pass" }, min: 60 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Band: Schema.Codec<Band> = Schema.Struct({
  id: ItemId,
  label: Label.Label,
  min: Schema.Finite
}).annotate({ identifier: "GradeBand" })

/**
 * A quota on a grade: at most `floor(n × numerator / denominator)` of the `n` graded subjects
 * of the scope (the whole plan, or each peer group). `tie` says what happens when subjects
 * with equal totals straddle the limit: `exclude-tied` pushes all of them out (the quota is
 * never exceeded and equals are treated equally), `by-subject-id` keeps the lower ids.
 * Those pushed out get `overflowTo` (default: the next band down).
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const third: Grade.Quota = { grade: "excellent", numerator: 1, denominator: 3, scope: "plan", tie: "exclude-tied" }
 * console.log(third.numerator / third.denominator)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Quota {
  readonly grade: string
  readonly numerator: number
  readonly denominator: number
  readonly scope: "plan" | "group"
  readonly tie: "exclude-tied" | "by-subject-id"
  readonly overflowTo?: string
}

/**
 * Schema of {@link Quota}.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Grade.Quota)({ grade: "five", numerator: 30, denominator: 100, scope: "plan", tie: "by-subject-id" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Quota: Schema.Codec<Quota> = Schema.Struct({
  grade: Schema.NonEmptyString,
  numerator: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  denominator: Schema.Int,
  scope: Schema.Literals(["plan", "group"]),
  tie: Schema.Literals(["exclude-tied", "by-subject-id"]),
  overflowTo: Schema.optionalKey(Schema.NonEmptyString)
}).annotate({ identifier: "GradeQuota" })

/**
 * Subjects left ungraded: those whose attribute equals a value (e.g. `status = "probationary"`:
 * probationary members get no grade in the democratic evaluation), with the reason.
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const rule: Grade.Ungraded = {
 *   attribute: "status", equals: "probationary",
 *   reason: { zh: "预备党员不评定等次", en: "probationary members are not graded" }
 * }
 * console.log(rule.equals)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Ungraded {
  readonly attribute: string
  readonly equals: string | number | boolean
  readonly reason: Label.Label
}

/**
 * Schema of {@link Ungraded}.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Grade.Ungraded)({ attribute: "status", equals: "probationary", reason: { zh: "不评", en: "not graded" } })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Ungraded: Schema.Codec<Ungraded> = Schema.Struct({
  attribute: Schema.NonEmptyString,
  equals: Schema.Union([Schema.String, Schema.Finite, Schema.Boolean]),
  reason: Label.Label
}).annotate({ identifier: "Ungraded" })

/**
 * The grading of a plan: bands from best to worst (floors strictly descending, the last at
 * 0 or below), quotas and the ungraded rules.
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const grades: Grade.Grades = {
 *   bands: [
 *     { id: "good", label: { zh: "好", en: "good" }, min: 90 },
 *     { id: "fair", label: { zh: "较好", en: "fairly good" }, min: 75 },
 *     { id: "average", label: { zh: "一般", en: "average" }, min: 60 },
 *     { id: "poor", label: { zh: "差", en: "poor" }, min: 0 }
 *   ]
 * }
 * console.log(grades.bands.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Grades {
  readonly bands: ReadonlyArray<Band>
  readonly quotas?: ReadonlyArray<Quota>
  readonly ungraded?: ReadonlyArray<Ungraded>
}

/**
 * Schema of {@link Grades}.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Grade.Grades)({ bands: [] })) // false (at least one band)
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Grades: Schema.Codec<Grades> = Schema.Struct({
  bands: Schema.NonEmptyArray(Band),
  quotas: Schema.optionalKey(Schema.Array(Quota)),
  ungraded: Schema.optionalKey(Schema.Array(Ungraded))
}).annotate({ identifier: "Grades" })

/**
 * The index of the band a total falls in (bands best first); the last band when below all.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 *
 * const bands = [
 *   { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 },
 *   { id: "pass", label: { zh: "合格", en: "pass" }, min: 60 },
 *   { id: "fail", label: { zh: "不合格", en: "fail" }, min: 0 }
 * ]
 * console.log(bands[Grade.bandIndex(bands, 75)]!.id) // "pass"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const bandIndex = (bands: ReadonlyArray<Band>, total: number): number => {
  const index = bands.findIndex((band) => total >= band.min)
  return index === -1 ? bands.length - 1 : index
}

/**
 * The ungraded rule that applies to a subject's attributes, if any.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 *
 * const rules = [{ attribute: "status", equals: "probationary", reason: { zh: "预备党员不评定等次", en: "not graded" } }]
 * console.log(Grade.ungradedBy(rules, { status: "probationary" })?.reason.zh) // "预备党员不评定等次"
 * console.log(Grade.ungradedBy(rules, { status: "full" })) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const ungradedBy = (
  rules: ReadonlyArray<Ungraded>,
  attributes: Readonly<Record<string, string | number | boolean>>
): Ungraded | undefined =>
  // the attribute's name comes from the plan: own members only (`constructor` is no attribute)
  rules.find((rule) => Object.hasOwn(attributes, rule.attribute) && attributes[rule.attribute] === rule.equals)

/**
 * The most subjects a quota lets have its grade among `n` graded subjects:
 * `floor(n × numerator / denominator)` in integer arithmetic.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 *
 * const third = { grade: "excellent", numerator: 1, denominator: 3, scope: "plan" as const, tie: "exclude-tied" as const }
 * console.log(Grade.limit(third, 20)) // 6
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const limit = (quota: Quota, n: number): number => Math.floor((n * quota.numerator) / quota.denominator)

/**
 * A subject as quotas see it: id, total (in integer units, so ties are exact), peer group,
 * current grade (`undefined` when ungraded) and whether a veto fixed its grade.
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const c: Grade.Candidate = { id: "m-1", total: 9350, group: undefined, grade: "excellent", fixed: false }
 * console.log(c.grade)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Candidate {
  readonly id: string
  readonly total: number
  readonly group: string | undefined
  readonly grade: string | undefined
  readonly fixed: boolean
}

/**
 * What one quota did in one scope: the limit, how many were graded, how many held the grade
 * before, and who was pushed out to which grade.
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const outcome: Grade.QuotaOutcome = {
 *   grade: "excellent", scope: "plan", group: undefined, graded: 9, limit: 3, holders: 4,
 *   demoted: [{ id: "m-4", to: "pass" }]
 * }
 * console.log(outcome.demoted.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface QuotaOutcome {
  readonly grade: string
  readonly scope: "plan" | "group"
  readonly group: string | undefined
  readonly graded: number
  readonly limit: number
  readonly holders: number
  readonly demoted: ReadonlyArray<{ readonly id: string; readonly to: string }>
}

/**
 * The subjects a grading's quotas apply to, given by number `k` from 0 to `count - 1` (for
 * {@link applyQuotasByNumber}): each one's grade, in a list the quotas change in place
 * (`undefined`: ungraded), whether a veto fixed it, its total in whole units (ties are exact),
 * its id and its peer group.
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const totals = [9500, 9300]
 * const subjects: Grade.QuotaSubjects = {
 *   count: 2,
 *   grades: ["excellent", "excellent"],
 *   fixed: () => false,
 *   total: (k) => totals[k] ?? 0,
 *   id: (k) => `m-${k}`,
 *   group: () => undefined
 * }
 * console.log(subjects.count) // 2
 * ```
 *
 * @category models
 * @since 0.3.0
 */
export interface QuotaSubjects {
  readonly count: number
  readonly grades: Array<string | undefined>
  readonly fixed: (k: number) => boolean
  readonly total: (k: number) => number
  readonly id: (k: number) => string
  readonly group: (k: number) => string | undefined
}

/**
 * Subject `k` pushed out of a grade by `outcome`'s quota, into grade `to` (one of
 * {@link applyQuotasByNumber}'s pushes).
 *
 * @example
 * ```ts
 * import type { Grade } from "@gongzhi/assessment-scoring"
 *
 * const outcome: Grade.QuotaOutcome = {
 *   grade: "excellent", scope: "plan", group: undefined, graded: 3, limit: 1, holders: 2,
 *   demoted: [{ id: "m-1", to: "pass" }]
 * }
 * const push: Grade.QuotaPush = { k: 1, outcome, to: "pass" }
 * console.log(push.to) // pass
 * ```
 *
 * @category models
 * @since 0.3.0
 */
export interface QuotaPush {
  readonly k: number
  readonly outcome: QuotaOutcome
  readonly to: string
}

/**
 * Applies the quotas of a grading to subjects given by number, changing their grades in place:
 * what {@link applyQuotas} does (it runs these passes), for a caller that keeps its subjects in
 * columns rather than as candidate records (the scoring run does). Best grade first (a band's
 * quota before the bands below it, whatever their order in the plan); each quota's scope holds
 * the graded subjects of the plan, or of each group in the order its first subject comes; its
 * limit is ⌊graded × numerator / denominator⌋; the holders no veto fixed are kept by total,
 * highest first, ties by id, up to the room the fixed ones leave (with `exclude-tied`, none of
 * those tied at the cut); the rest go to `overflowTo`, else the next band, else stay. Gives what
 * every quota did and every push, in the order they happened.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 *
 * const grading = {
 *   bands: [
 *     { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 },
 *     { id: "pass", label: { zh: "合格", en: "pass" }, min: 0 }
 *   ],
 *   quotas: [{ grade: "excellent", numerator: 1, denominator: 3, scope: "plan" as const, tie: "by-subject-id" as const }]
 * }
 * const totals = [9500, 9300, 9100]
 * const grades: Array<string | undefined> = ["excellent", "excellent", "excellent"]
 * const { pushes } = Grade.applyQuotasByNumber(grading, {
 *   count: 3, grades, fixed: () => false, total: (k) => totals[k] ?? 0, id: (k) => `m-${k}`, group: () => undefined
 * })
 * console.log(grades.join(" "), pushes.map((p) => p.k).join(" ")) // excellent pass pass 1 2
 * ```
 *
 * @category combinators
 * @since 0.3.0
 */
export const applyQuotasByNumber = (
  grading: Grades,
  subjects: QuotaSubjects
): { readonly outcomes: ReadonlyArray<QuotaOutcome>; readonly pushes: ReadonlyArray<QuotaPush> } => {
  const { count, grades } = subjects
  const outcomes: Array<QuotaOutcome> = []
  const pushes: Array<QuotaPush> = []
  const order = new Map(grading.bands.map((b, i) => [b.id, i]))
  const quotas = [...(grading.quotas ?? [])].sort((a, b) => (order.get(a.grade) ?? 0) - (order.get(b.grade) ?? 0))
  const byTotal = (a: number, b: number): number => {
    const x = subjects.id(a)
    const y = subjects.id(b)
    return subjects.total(b) - subjects.total(a) || (x < y ? -1 : x > y ? 1 : 0)
  }
  for (const quota of quotas) {
    // the scopes: the graded subjects of the plan, or of each group
    const scopes = new Map<string, Array<number>>()
    for (let k = 0; k < count; k++) {
      if (grades[k] === undefined) continue
      const key = quota.scope === "group" ? (subjects.group(k) ?? "") : ""
      let members = scopes.get(key)
      if (members === undefined) scopes.set(key, members = [])
      members.push(k)
    }
    const index = order.get(quota.grade) ?? 0
    // (the plan's checks make the bands non-empty; a band's quota overflows into the next band, the last into itself)
    const to = quota.overflowTo ?? grading.bands[Math.min(index + 1, grading.bands.length - 1)]?.id ?? quota.grade
    for (const members of scopes.values()) {
      const max = limit(quota, members.length)
      const holders: Array<number> = []
      let fixedHolders = 0
      for (const k of members) {
        if (grades[k] !== quota.grade) continue
        if (subjects.fixed(k)) fixedHolders++
        else holders.push(k)
      }
      holders.sort(byTotal)
      const room = Math.max(0, max - fixedHolders)
      let keep = Math.min(room, holders.length)
      if (holders.length > room && quota.tie === "exclude-tied" && keep > 0) {
        const cut = subjects.total(holders[keep] ?? 0)
        while (keep > 0 && subjects.total(holders[keep - 1] ?? 0) === cut) keep--
      }
      const pushed = holders.slice(keep)
      const outcome: QuotaOutcome = {
        grade: quota.grade,
        scope: quota.scope,
        group: quota.scope === "group" ? subjects.group(members[0] ?? 0) : undefined,
        graded: members.length,
        limit: max,
        holders: holders.length + fixedHolders,
        demoted: pushed.map((k) => ({ id: subjects.id(k), to }))
      }
      outcomes.push(outcome)
      for (const k of pushed) {
        grades[k] = to
        pushes.push({ k, outcome, to })
      }
    }
  }
  return { outcomes, pushes }
}

/**
 * Applies the quotas of a grading, best grade first, to candidates: returns each candidate's
 * final grade and what every quota did. Subjects pushed out of a grade join the grade below
 * before that grade's own quota is applied, so no quota is ever exceeded. Each quota's scope
 * holds the graded candidates of the plan, or of each group; its holders that no veto fixed are
 * kept by total, highest first, ties by id (the passes of {@link applyQuotasByNumber}, which the
 * scoring run uses too). Candidates' ids are distinct, as the subjects of one run are.
 *
 * @example
 * ```ts
 * import { Grade } from "@gongzhi/assessment-scoring"
 *
 * const grades = {
 *   bands: [
 *     { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 },
 *     { id: "pass", label: { zh: "合格", en: "pass" }, min: 0 }
 *   ],
 *   quotas: [{ grade: "excellent", numerator: 1, denominator: 3, scope: "plan" as const, tie: "exclude-tied" as const }]
 * }
 * const candidates = [95, 93, 93, 91, 80, 70].map((total, i) => ({
 *   id: `m-${i}`, total, group: undefined, grade: total >= 90 ? "excellent" : "pass", fixed: false
 * }))
 * const { grades: final } = Grade.applyQuotas(grades, candidates)
 * console.log(final.get("m-0"), final.get("m-1"), final.get("m-2")) // excellent pass pass (93 and 93 tie at the limit of 2)
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const applyQuotas = (
  grading: Grades,
  candidates: ReadonlyArray<Candidate>
): { readonly grades: ReadonlyMap<string, string | undefined>; readonly outcomes: ReadonlyArray<QuotaOutcome> } => {
  const grades = candidates.map((c) => c.grade)
  const { outcomes } = applyQuotasByNumber(grading, {
    count: candidates.length,
    grades,
    fixed: (k) => candidates[k]?.fixed === true,
    total: (k) => candidates[k]?.total ?? 0,
    id: (k) => candidates[k]?.id ?? "",
    group: (k) => candidates[k]?.group
  })
  return { grades: new Map(candidates.map((c, k) => [c.id, grades[k]])), outcomes }
}
