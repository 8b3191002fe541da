/**
 * The plan semantics written as plainly as possible — no typed arrays, no laziness, no shared
 * outcomes, no fingerprint digested on the way — to be compared with the engine
 * (`reference.test.ts`). It calls the methods themselves (they are the plug-in unit, tested on
 * their own) and the expression language (`Expression.compile`, tested on its own); everything
 * else — leaves, the tree, the formula, bonus and deductions, vetoes, grades, quotas, ranking
 * and consequences — is written again here from the README's description.
 */
import { Expression, type Grade, type Inputs, Method, type Plan, Rounding } from "@gongzhi/assessment-scoring"
import { Result } from "effect"

export interface ReferenceSubject {
  readonly id: string
  /** Every node's points, by indicator id. */
  readonly points: Readonly<Record<string, number>>
  readonly base: number
  readonly bonusTotal: number
  readonly deductionTotal: number
  readonly total: number
  readonly vetoes: ReadonlyArray<string>
  readonly grade: string | undefined
  readonly ungraded: boolean
  readonly rank: number | undefined
  readonly peers: number | undefined
  readonly consequences: ReadonlyArray<string>
}

export interface ReferenceQuota {
  readonly grade: string
  readonly graded: number
  readonly limit: number
  readonly holders: number
  readonly demoted: ReadonlyArray<string>
}

export interface ReferenceResult {
  readonly subjects: ReadonlyArray<ReferenceSubject>
  readonly quotas: ReadonlyArray<ReferenceQuota>
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Scores valid inputs of a valid plan (the caller checks both with the engine first). */
export const referenceScore = (plan: Plan.Plan, inputs: Inputs.Inputs): ReferenceResult => {
  const rounding = plan.rounding ?? Rounding.standard
  const scale = Math.pow(10, rounding.places)
  const toUnits = (points: number) => Rounding.roundScaled(points * scale, rounding.mode)
  const maxUnitsOf = (node: Plan.Indicator) => Rounding.roundScaled(node.max * scale, "down")
  const subjects = inputs.subjects

  // every leaf of the tree, in pre-order, and each leaf's prepared state over all subjects
  const leaves: Array<Plan.Indicator> = []
  const collect = (node: Plan.Indicator) => {
    if (node.children === undefined || node.children.length === 0) leaves.push(node)
    else node.children.forEach(collect)
  }
  plan.indicators.forEach(collect)
  const states = new Map<string, unknown>()
  for (const leaf of leaves) {
    const method = Method.get(Method.builtins, leaf.method!.name)!
    if (method.prepare === undefined) continue
    const peers: Array<Method.PeerInput<unknown>> = []
    if (method.usesPeers) {
      for (const s of subjects) {
        const value = s.values[leaf.input ?? leaf.id]
        if (value !== undefined) {
          peers.push({ input: value, subject: { id: s.id, group: s.group, attributes: s.attributes ?? {} } })
        }
      }
    }
    states.set(leaf.id, method.prepare(leaf.method!.config, peers))
  }

  // each subject's points, total, vetoes
  const scored = subjects.map((s) => {
    const view = { id: s.id, group: s.group, attributes: s.attributes ?? {} }
    const units: Record<string, number> = {}
    const nodeUnits = (node: Plan.Indicator): number => {
      const maxU = maxUnitsOf(node)
      let u: number
      if (node.children !== undefined && node.children.length > 0) {
        const childUnits = node.children.map(nodeUnits)
        if (node.children.every((c) => c.weight !== undefined)) {
          let num = 0
          let den = 0
          node.children.forEach((c, i) => {
            num += c.weight! * (childUnits[i]! / maxUnitsOf(c))
            den += c.weight!
          })
          u = Rounding.roundScaled((maxU * num) / den, rounding.mode)
        } else {
          u = Math.min(childUnits.reduce((a, b) => a + b, 0), maxU)
        }
      } else {
        const value = s.values[node.input ?? node.id]
        if (value === undefined) {
          u = 0
        } else {
          const method = Method.get(Method.builtins, node.method!.name)!
          const out = method.score(value, node.method!.config, {
            max: node.max,
            indicatorId: node.id,
            state: states.get(node.id),
            subject: view
          })
          const points = typeof out === "number" ? out : out.points
          u = Math.min(Math.max(toUnits(points), 0), maxU)
        }
      }
      units[node.id] = u
      return u
    }
    const rootUnits = plan.indicators.map(nodeUnits)
    const combine = (roots: ReadonlyArray<Plan.Indicator>, rootU: ReadonlyArray<number>, maxU: number) => {
      if (roots.every((r) => r.weight !== undefined)) {
        let num = 0
        let den = 0
        roots.forEach((r, i) => {
          num += r.weight! * (rootU[i]! / maxUnitsOf(r))
          den += r.weight!
        })
        return Rounding.roundScaled((maxU * num) / den, rounding.mode)
      }
      return Math.min(rootU.reduce((a, b) => a + b, 0), maxU)
    }
    const adjust = (
      record: Readonly<Record<string, number>> | undefined,
      items: ReadonlyArray<Plan.Item>,
      cap?: number
    ) => {
      let total = 0
      for (const [id, occurrences] of Object.entries(record ?? {})) {
        if (occurrences === 0) continue
        const item = items.find((i) => i.id === id)!
        total += Math.min(toUnits(occurrences * item.points), toUnits(item.cap))
      }
      return cap === undefined ? total : Math.min(total, toUnits(cap))
    }
    const bonus = adjust(s.bonus, plan.bonus ?? [], plan.bonusCap)
    const deductions = adjust(s.deductions, plan.deductions ?? [], plan.deductionCap)
    const maxTotalU = toUnits(plan.maxTotal)
    const formula = plan.formula ?? { _tag: "Sum" }
    let base: number
    let total: number
    if (formula._tag === "BranchStar") {
      const baseRoots = plan.indicators.filter((r) => r.id !== formula.evaluation)
      const baseU = plan.indicators.map((r, i) => [r, rootUnits[i]!] as const).filter(([r]) =>
        r.id !== formula.evaluation
      )
      const weighted = baseRoots.every((r) => r.weight !== undefined)
      const baseMax = weighted ? maxTotalU : baseRoots.reduce((sum, r) => sum + maxUnitsOf(r), 0)
      const combined = combine(baseRoots, baseU.map(([, u]) => u), baseMax)
      base = baseMax === maxTotalU ? combined : Rounding.roundScaled((combined * maxTotalU) / baseMax, rounding.mode)
      const evaluationNode = plan.indicators.find((r) => r.id === formula.evaluation)!
      const evaluation = Rounding.roundScaled(
        (units[evaluationNode.id]! / maxUnitsOf(evaluationNode)) * maxTotalU,
        rounding.mode
      )
      const adjusted = Math.max(0, base + bonus - deductions)
      total = Rounding.roundScaled(
        (adjusted * formula.baseShare + evaluation * formula.evaluationShare) / 100,
        rounding.mode
      )
    } else {
      base = combine(plan.indicators, rootUnits, maxTotalU)
      total = Math.max(0, base + bonus - deductions)
    }
    if (plan.totalCap !== undefined) total = Math.min(total, Rounding.roundScaled(plan.totalCap * scale, "down"))
    // vetoes: those the inputs list, then the rules that hold
    const vetoes: Array<string> = []
    for (const v of s.vetoes ?? []) if (!vetoes.includes(v.id)) vetoes.push(v.id)
    const points: Record<string, number> = {}
    for (const [id, u] of Object.entries(units)) points[id] = u / scale
    for (const veto of plan.vetoes ?? []) {
      if (veto.when === undefined || vetoes.includes(veto.id)) continue
      const rule = Result.getOrThrow(Expression.compile(veto.when))
      const holds = rule.evaluate({
        total: total / scale,
        values: s.values,
        attributes: view.attributes,
        group: view.group ?? null,
        points
      })
      if (Expression.truthy(holds)) vetoes.push(veto.id)
    }
    return { s, view, units, points, base, bonus, deductions, total, vetoes }
  })

  // grades: the band of the total, then the vetoes, then the quotas
  const grading = plan.grades
  const grades = new Map<string, string | undefined>()
  const fixed = new Set<string>()
  const ungraded = new Set<string>()
  if (grading !== undefined) {
    for (const x of scored) {
      const excluded = (grading.ungraded ?? []).some((rule) =>
        Object.hasOwn(x.view.attributes, rule.attribute) && x.view.attributes[rule.attribute] === rule.equals
      )
      if (excluded) {
        ungraded.add(x.s.id)
        grades.set(x.s.id, undefined)
        continue
      }
      let index = grading.bands.findIndex((b) => x.total / scale >= b.min)
      if (index < 0) index = grading.bands.length - 1
      const effects = x.vetoes.map((id) => plan.vetoes!.find((v) => v.id === id)!.effect)
      const forced = effects.filter((e) => e._tag === "ForceGrade")
      if (forced.length > 0) {
        index = grading.bands.findIndex((b) => b.id === forced[forced.length - 1]!.grade)
        fixed.add(x.s.id)
      } else {
        for (const e of effects) {
          if (e._tag !== "BarGrades") continue
          while (index < grading.bands.length - 1 && e.grades.includes(grading.bands[index]!.id)) index++
        }
      }
      grades.set(x.s.id, grading.bands[index]!.id)
    }
  }
  const quotas: Array<ReferenceQuota> = []
  if (grading !== undefined) {
    const bandOrder = (id: string) => grading.bands.findIndex((b) => b.id === id)
    const ordered = [...(grading.quotas ?? [])].sort((a, b) => bandOrder(a.grade) - bandOrder(b.grade))
    for (const quota of ordered) {
      const to = quota.overflowTo ?? grading.bands[Math.min(bandOrder(quota.grade) + 1, grading.bands.length - 1)]!.id
      const graded = scored.filter((x) => grades.get(x.s.id) !== undefined)
      const scopes: Array<Array<(typeof scored)[number]>> = []
      if (quota.scope === "plan") {
        if (graded.length > 0) scopes.push(graded)
      } else {
        const groups: Array<string> = []
        for (const x of graded) if (!groups.includes(x.s.group ?? "")) groups.push(x.s.group ?? "")
        for (const g of groups) scopes.push(graded.filter((x) => (x.s.group ?? "") === g))
      }
      for (const members of scopes) {
        const limit = Math.floor((members.length * quota.numerator) / quota.denominator)
        const holding = members.filter((x) => grades.get(x.s.id) === quota.grade)
        const fixedCount = holding.filter((x) => fixed.has(x.s.id)).length
        const movable = holding.filter((x) => !fixed.has(x.s.id))
          .sort((a, b) => b.total - a.total || compareIds(a.s.id, b.s.id))
        const room = Math.max(0, limit - fixedCount)
        let keep = Math.min(room, movable.length)
        if (movable.length > room && quota.tie === "exclude-tied") {
          while (keep > 0 && movable[keep - 1]!.total === movable[keep]!.total) keep--
        }
        const demoted = movable.slice(keep).map((x) => x.s.id)
        for (const id of demoted) grades.set(id, to)
        quotas.push({ grade: quota.grade, graded: members.length, limit, holders: holding.length, demoted })
      }
    }
  }

  // ranking: by total within each scope; vetoed subjects after the others, or not ranked
  const places = new Map<string, { rank: number; peers: number }>()
  if (plan.ranking !== undefined) {
    const config = plan.ranking
    const ranked = scored.filter((x) => !(config.vetoed === "unranked" && x.vetoes.length > 0))
    const keys: Array<string> = []
    for (const x of ranked) {
      const key = config.scope === "group" ? (x.s.group ?? "") : ""
      if (!keys.includes(key)) keys.push(key)
    }
    for (const key of keys) {
      const members = ranked.filter((x) => (config.scope === "group" ? (x.s.group ?? "") : "") === key)
      const sorted = [...members].sort((a, b) =>
        Number(a.vetoes.length > 0) - Number(b.vetoes.length > 0) || b.total - a.total || compareIds(a.s.id, b.s.id)
      )
      sorted.forEach((x, i) => {
        const same = (y: (typeof sorted)[number]) =>
          y.total === x.total && (y.vetoes.length > 0) === (x.vetoes.length > 0)
        const first = sorted.findIndex(same)
        const distinctBefore = new Set(
          sorted.slice(0, first).map((y) => `${y.vetoes.length > 0}:${y.total}`)
        ).size
        places.set(x.s.id, { rank: config.mode === "dense" ? distinctBefore + 1 : first + 1, peers: members.length })
        void i
      })
    }
  }

  // consequences
  const results = scored.map((x): ReferenceSubject => {
    const grade = grades.get(x.s.id)
    const place = places.get(x.s.id)
    const fired: Array<string> = []
    for (const rule of plan.consequences ?? []) {
      const when = rule.when
      let holds = false
      if (when._tag === "Grade") holds = grade !== undefined && when.grades.includes(grade)
      else if (when._tag === "Veto") {
        holds = x.vetoes.some((v) => when.vetoes === undefined || when.vetoes.includes(v))
      } else if (when._tag === "Rank") holds = place !== undefined && place.rank <= when.top && x.vetoes.length === 0
      else {
        const out = Result.getOrThrow(Expression.compile(when.logic)).evaluate({
          total: x.total / scale,
          grade: grade ?? null,
          rank: place?.rank ?? null,
          vetoes: x.vetoes,
          attributes: x.view.attributes,
          group: x.view.group ?? null,
          points: x.points
        })
        holds = Expression.truthy(out)
      }
      if (holds) fired.push(rule.id)
    }
    return {
      id: x.s.id,
      points: x.points,
      base: x.base / scale,
      bonusTotal: x.bonus / scale,
      deductionTotal: x.deductions / scale,
      total: x.total / scale,
      vetoes: x.vetoes,
      grade,
      ungraded: ungraded.has(x.s.id),
      rank: place?.rank,
      peers: place?.peers,
      consequences: fired
    }
  })
  return { subjects: results, quotas }
}

/** The grade ids of a plan's bands, for generators. */
export const bandIds = (grades: Grade.Grades): ReadonlyArray<string> => grades.bands.map((b) => b.id)
