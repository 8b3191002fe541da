/**
 * Quotas applied to subjects by number: the one implementation of `Grade.applyQuotas` and of
 * the scoring run's quota step (which has no candidate record per subject and no map of ids).
 * The types are the shapes of `Grade.Grades`, `Grade.Quota` and `Grade.QuotaOutcome`, written
 * here so that this module imports nothing of the package.
 */

/** A grade quota as this module reads it (`Grade.Quota`). */
interface QuotaRule {
  readonly grade: string
  readonly numerator: number
  readonly denominator: number
  readonly scope: "plan" | "group"
  readonly tie: "exclude-tied" | "by-subject-id"
  readonly overflowTo?: string | undefined
}

/** A grading as this module reads it (`Grade.Grades`). */
interface Grading {
  readonly bands: ReadonlyArray<{ readonly id: string }>
  readonly quotas?: ReadonlyArray<QuotaRule> | undefined
}

/** What one quota did in one scope (`Grade.QuotaOutcome`). */
export interface Outcome {
  readonly grade: string
  readonly scope: "plan" | "group"
  readonly group: string | undefined
  readonly graded: number
  readonly limit: number
  readonly holders: number
  readonly demoted: ReadonlyArray<{ readonly id: string; readonly to: string }>
}

/** The subjects a grading's quotas apply to, by number `k` from 0 to `count - 1`. */
export interface Subjects {
  readonly count: number
  /** Each subject's grade (undefined: ungraded), changed where a quota pushes a subject out. */
  readonly grades: Array<string | undefined>
  /** Whether a veto fixed subject `k`'s grade (no quota moves it; it still takes a place). */
  readonly fixed: (k: number) => boolean
  /** Subject `k`'s total in whole units (ties are exact). */
  readonly total: (k: number) => number
  readonly id: (k: number) => string
  readonly group: (k: number) => string | undefined
}

/** Subject `k` pushed out of a grade by `outcome`'s quota, into grade `to`. */
export interface Push {
  readonly k: number
  readonly outcome: Outcome
  readonly to: string
}

/**
 * Applies the quotas of a grading, best grade first (a band's quota before the bands below
 * it, whatever their order in the plan), to the subjects' grades in place. Each quota's scope
 * holds the graded subjects of the plan, or of each group in the order its first subject comes;
 * its limit is ⌊graded × numerator / denominator⌋; the holders no veto fixed are kept by total,
 * highest first, ties by id, up to the room the fixed ones leave (with `exclude-tied`, none of
 * those tied at the cut); the rest go to `overflowTo`, else the next band, else stay where they
 * are. Gives what every quota did and every push, in the order they happened.
 */
export const applyQuotaPasses = (
  grading: Grading,
  subjects: Subjects
): { readonly outcomes: ReadonlyArray<Outcome>; readonly pushes: ReadonlyArray<Push> } => {
  const { count, grades } = subjects
  const outcomes: Array<Outcome> = []
  const pushes: Array<Push> = []
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
      const limit = Math.floor((members.length * quota.numerator) / quota.denominator)
      const holders: Array<number> = []
      let fixedHolders = 0
      for (const k of members) {
        if (grades[k] !== quota.grade) continue
        if (subjects.fixed(k)) fixedHolders++
        else holders.push(k)
      }
      holders.sort(byTotal)
      const room = Math.max(0, limit - fixedHolders)
      let keep = Math.min(room, holders.length)
      if (holders.length > room && quota.tie === "exclude-tied" && keep > 0) {
        const cut = subjects.total(holders[keep] ?? 0)
        while (keep > 0 && subjects.total(holders[keep - 1] ?? 0) === cut) keep--
      }
      const pushed = holders.slice(keep)
      const outcome: Outcome = {
        grade: quota.grade,
        scope: quota.scope,
        group: quota.scope === "group" ? subjects.group(members[0] ?? 0) : undefined,
        graded: members.length,
        limit,
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
