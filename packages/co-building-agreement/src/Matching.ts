/**
 * Matching needs to resources (需求与资源对接): candidates of the same grand committee and
 * category, scored on tags, place, capacity and urgency with an explanation of every point;
 * a greedy plan that never over-commits a resource; and accepting a match, which creates or
 * updates a project on the project list.
 *
 * Candidates are looked up in an index by (grand committee, category), so the work grows with
 * the number of needs times the size of one bucket, not with needs × resources.
 *
 * @since 0.1.0
 */
import { Issue, type Label, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import { failWith } from "./internal/checks.js"
import { messages } from "./Messages.js"
import * as ThreeLists from "./ThreeLists.js"

/**
 * The points each factor can give (their sum is the best score) and the distance beyond
 * which place gives nothing.
 *
 * @example
 * ```ts
 * import { Matching } from "@gongzhi/co-building-agreement"
 *
 * const options: Matching.Options = { ...Matching.defaults, maxCandidates: 5 }
 * console.log(options.weights.sameGrid) // 25
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly weights: {
    readonly category: number
    readonly tags: number
    readonly sameGrid: number
    readonly capacity: number
    readonly urgency: number
  }
  /** Metres beyond which two places share no proximity points. */
  readonly maxDistance: number
  /** How many ranked candidates {@link propose} keeps per need. */
  readonly maxCandidates: number
}

/**
 * The default weights: category 30, tags 20, same grid 25 (or by distance), capacity 15,
 * urgency 10 — 100 in all.
 *
 * @example
 * ```ts
 * import { Matching } from "@gongzhi/co-building-agreement"
 *
 * const w = Matching.defaults.weights
 * console.log(w.category + w.tags + w.sameGrid + w.capacity + w.urgency) // 100
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const defaults: Options = {
  weights: { category: 30, tags: 20, sameGrid: 25, capacity: 15, urgency: 10 },
  maxDistance: 2_000,
  maxCandidates: 3
}

/**
 * One factor of a score: its points and what it means.
 *
 * @example
 * ```ts
 * import type { Matching } from "@gongzhi/co-building-agreement"
 *
 * const part: Matching.ScorePart = { factor: "tags", points: 10, detail: { zh: "标签重合 1/2", en: "1 of 2 tags shared" } }
 * console.log(part.points)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ScorePart {
  readonly factor: "category" | "tags" | "place" | "capacity" | "urgency"
  readonly points: number
  readonly detail: Label.Label
}

/**
 * A scored candidate resource for a need.
 *
 * @example
 * ```ts
 * import type { Matching } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Matching.Candidate> = ["resource", "score", "explanation", "available"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Candidate {
  readonly resource: ThreeLists.ResourceId
  readonly unit: string
  readonly score: number
  /** Capacity still free when the candidate was scored. */
  readonly available: number
  readonly explanation: ReadonlyArray<ScorePart>
}

/**
 * The ranked candidates for one need.
 *
 * @example
 * ```ts
 * import type { Matching } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Matching.Proposal> = ["need", "candidates"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Proposal {
  readonly need: ThreeLists.NeedId
  readonly candidates: ReadonlyArray<Candidate>
}

const urgencyPoints = { low: 0, normal: 1, high: 2, critical: 3 } as const

interface Points {
  readonly tags: number
  readonly shared: number
  readonly place: number
  readonly distance: number | undefined
  readonly capacity: number
  readonly urgency: number
  readonly total: number
}

/** The points of a candidate, as numbers only (the hot path: no strings, few objects). */
const points = (need: ThreeLists.Need, resource: ThreeLists.Resource, available: number, options: Options): Points => {
  const w = options.weights
  let shared = 0
  let tags = 0
  if (need.tags.length > 0) {
    for (const tag of need.tags) if (resource.tags.includes(tag)) shared++
    tags = Math.floor((w.tags * shared) / need.tags.length)
  }
  let place = 0
  let distance: number | undefined
  if (need.grid !== undefined && need.grid === resource.grid) {
    place = w.sameGrid
  } else if (need.location !== undefined && resource.location !== undefined) {
    distance = Math.hypot(need.location.x - resource.location.x, need.location.y - resource.location.y)
    place = distance >= options.maxDistance ? 0 : Math.floor(w.sameGrid * (1 - distance / options.maxDistance))
  }
  const capacity = available >= need.quantity ? w.capacity : Math.floor((w.capacity * available) / need.quantity)
  const urgency = Math.floor((w.urgency * urgencyPoints[need.urgency]) / 3)
  return { tags, shared, place, distance, capacity, urgency, total: w.category + tags + place + capacity + urgency }
}

/** The total of {@link points} without building the breakdown (the plan's inner loop). */
const totalOf = (need: ThreeLists.Need, resource: ThreeLists.Resource, available: number, options: Options): number => {
  const w = options.weights
  let total = w.category + Math.floor((w.urgency * urgencyPoints[need.urgency]) / 3)
  const n = need.tags.length
  if (n > 0) {
    let shared = 0
    for (let i = 0; i < n; i++) if (resource.tags.includes(need.tags[i]!)) shared++
    total += Math.floor((w.tags * shared) / n)
  }
  if (need.grid !== undefined && need.grid === resource.grid) total += w.sameGrid
  else if (need.location !== undefined && resource.location !== undefined) {
    const distance = Math.hypot(need.location.x - resource.location.x, need.location.y - resource.location.y)
    if (distance < options.maxDistance) total += Math.floor(w.sameGrid * (1 - distance / options.maxDistance))
  }
  total += available >= need.quantity ? w.capacity : Math.floor((w.capacity * available) / need.quantity)
  return total
}

/** The explanation of a candidate's points, in zh and en. */
const explain = (
  need: ThreeLists.Need,
  resource: ThreeLists.Resource,
  available: number,
  p: Points,
  options: Options
): Candidate => {
  const parts: Array<ScorePart> = [{
    factor: "category",
    points: options.weights.category,
    detail: { zh: `类别相同（${need.category}）`, en: `same category (${need.category})` }
  }]
  if (need.tags.length > 0) {
    parts.push({
      factor: "tags",
      points: p.tags,
      detail: { zh: `标签重合 ${p.shared}/${need.tags.length}`, en: `${p.shared} of ${need.tags.length} tags shared` }
    })
  }
  if (need.grid !== undefined && need.grid === resource.grid) {
    parts.push({
      factor: "place",
      points: p.place,
      detail: { zh: `同一网格（${need.grid}）`, en: `same grid (${need.grid})` }
    })
  } else if (p.distance !== undefined) {
    const m = Math.round(p.distance)
    parts.push({ factor: "place", points: p.place, detail: { zh: `距离 ${m} 米`, en: `${m} m away` } })
  }
  parts.push({
    factor: "capacity",
    points: p.capacity,
    detail: { zh: `可用 ${available}，需要 ${need.quantity}`, en: `${available} available, ${need.quantity} needed` }
  })
  parts.push({
    factor: "urgency",
    points: p.urgency,
    detail: { zh: `紧急程度：${need.urgency}`, en: `urgency: ${need.urgency}` }
  })
  return { resource: resource.id, unit: resource.unit, score: p.total, available, explanation: parts }
}

/** Resources indexed by grand committee and category, in list order. */
const indexResources = (resources: ReadonlyArray<ThreeLists.Resource>) => {
  const index = new Map<string, Array<ThreeLists.Resource>>()
  for (const r of resources) {
    const key = `${r.grandCommittee}\u0000${r.category}`
    const bucket = index.get(key)
    if (bucket === undefined) index.set(key, [r])
    else bucket.push(r)
  }
  return index
}

/** Higher score first, then more capacity left, then resource id. */
const byRank = (
  aScore: number,
  aAvailable: number,
  aId: string,
  bScore: number,
  bAvailable: number,
  bId: string
): number => bScore - aScore || bAvailable - aAvailable || (aId < bId ? -1 : aId > bId ? 1 : 0)

/**
 * Proposes, for every open need, the best candidate resources of its grand committee and
 * category that still have capacity, ranked with an explanation of each score. Nothing is
 * reserved: see {@link plan} for a set of matches that fit together.
 *
 * @example
 * ```ts
 * import { Matching, Presets } from "@gongzhi/co-building-agreement"
 *
 * const lists = Presets.mingquanScenario({ year: 2024 }).lists
 * const [first] = Matching.propose(lists)
 * console.log(first!.candidates[0]!.explanation.map((p) => p.factor))
 * ```
 *
 * @category matching
 * @since 0.1.0
 */
export const propose = (lists: ThreeLists.Lists, options: Options = defaults): ReadonlyArray<Proposal> => {
  const index = indexResources(lists.resources)
  const used = ThreeLists.committed(lists)
  const out: Array<Proposal> = []
  for (const need of lists.needs) {
    if (need.status !== "open") continue
    const bucket = index.get(`${need.grandCommittee}\u0000${need.category}`) ?? []
    const scored: Array<{ resource: ThreeLists.Resource; available: number; p: Points }> = []
    for (const resource of bucket) {
      const available = resource.capacity - (used.get(resource.id) ?? 0)
      if (available > 0) scored.push({ resource, available, p: points(need, resource, available, options) })
    }
    scored.sort((a, b) => byRank(a.p.total, a.available, a.resource.id, b.p.total, b.available, b.resource.id))
    out.push({
      need: need.id,
      candidates: scored.slice(0, options.maxCandidates).map((x) =>
        explain(need, x.resource, x.available, x.p, options)
      )
    })
  }
  return out
}

/**
 * A match of a need to a resource for an amount of its capacity.
 *
 * @example
 * ```ts
 * import type { Matching } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof Matching.Match> = ["need", "resource", "amount", "score", "explanation"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Match {
  readonly need: ThreeLists.NeedId
  readonly resource: ThreeLists.ResourceId
  readonly amount: number
  readonly score: number
  readonly explanation: ReadonlyArray<ScorePart>
}

/**
 * A plan: the matches that fit together and the needs left without one.
 *
 * @example
 * ```ts
 * import type { Matching } from "@gongzhi/co-building-agreement"
 *
 * const empty: Matching.Plan = { matches: [], unmatched: [] }
 * console.log(empty.matches.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Plan {
  readonly matches: ReadonlyArray<Match>
  readonly unmatched: ReadonlyArray<ThreeLists.NeedId>
}

const decodeProject = ValidationReport.decodeUnknown(ThreeLists.Project)

const urgencyRank = { critical: 0, high: 1, normal: 2, low: 3 } as const

/**
 * Plans matches for every open need, most urgent and oldest first: each need takes the best
 * candidate with enough free capacity for all of it, and that capacity is reserved for the
 * rest of the plan, so no resource is ever over-committed.
 *
 * @example
 * ```ts
 * import { Matching, Presets } from "@gongzhi/co-building-agreement"
 *
 * const lists = Presets.mingquanScenario({ year: 2024 }).lists
 * const plan = Matching.plan(lists)
 * console.log(plan.matches.length + plan.unmatched.length === lists.needs.filter((n) => n.status === "open").length) // true
 * ```
 *
 * @category matching
 * @since 0.1.0
 */
export const plan = (lists: ThreeLists.Lists, options: Options = defaults): Plan => {
  const index = indexResources(lists.resources)
  const free = new Map<string, number>()
  const used = ThreeLists.committed(lists)
  for (const r of lists.resources) free.set(r.id, r.capacity - (used.get(r.id) ?? 0))
  const open = lists.needs.filter((n) => n.status === "open")
  open.sort((a, b) =>
    urgencyRank[a.urgency] - urgencyRank[b.urgency] ||
    (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  const matches: Array<Match> = []
  const unmatched: Array<ThreeLists.NeedId> = []
  for (const need of open) {
    const bucket = index.get(`${need.grandCommittee}\u0000${need.category}`) ?? []
    let best: ThreeLists.Resource | undefined
    let bestTotal = 0
    let bestAvailable = 0
    for (const resource of bucket) {
      const available = free.get(resource.id)!
      if (available < need.quantity) continue
      const total = totalOf(need, resource, available, options)
      if (best === undefined || byRank(total, available, resource.id, bestTotal, bestAvailable, best.id) < 0) {
        best = resource
        bestTotal = total
        bestAvailable = available
      }
    }
    if (best === undefined) {
      unmatched.push(need.id)
      continue
    }
    free.set(best.id, bestAvailable - need.quantity)
    const candidate = explain(need, best, bestAvailable, points(need, best, bestAvailable, options), options)
    matches.push({
      need: need.id,
      resource: best.id,
      amount: need.quantity,
      score: candidate.score,
      explanation: candidate.explanation
    })
  }
  return { matches, unmatched }
}

/**
 * What accepting a match records: a new project (id, name, owner, budget) or an existing
 * project to add the need and the allocation to.
 *
 * @example
 * ```ts
 * import type { Matching } from "@gongzhi/co-building-agreement"
 *
 * const into: Matching.AcceptInto = { _tag: "Existing", project: "p-1" }
 * console.log(into._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type AcceptInto =
  | {
    readonly _tag: "New"
    readonly project: string
    readonly name: string
    readonly owner: string
    readonly budget: number
    readonly due: string
  }
  | { readonly _tag: "Existing"; readonly project: string }

/**
 * Accepts a match: the need becomes `matched` and a project is created (status `agreed`,
 * one milestone at `due`) or updated with the need and the allocation. Refused — with the
 * lists unchanged — when the need is not open, a reference is unknown, or the resource's
 * free capacity is smaller than the amount.
 *
 * @example
 * ```ts
 * import { Matching, Presets } from "@gongzhi/co-building-agreement"
 *
 * const lists = Presets.mingquanScenario({ year: 2024 }).lists
 * const [match] = Matching.plan(lists).matches
 * const accepted = Matching.accept(lists, match!, {
 *   _tag: "New", project: "p-new", name: "对接项目", owner: "社区", budget: 0, due: "2024-12-31"
 * })
 * if (accepted._tag === "Success") console.log(accepted.success.projects.length === lists.projects.length + 1) // true
 * const again = Matching.accept(accepted._tag === "Success" ? accepted.success : lists, match!, { _tag: "Existing", project: "p-new" })
 * if (again._tag === "Failure") console.log(again.failure.issues[0]?.code) // "AGREEMENT_NEED_CLOSED"
 * ```
 *
 * @category matching
 * @since 0.1.0
 */
export const accept: {
  (
    match: Pick<Match, "need" | "resource" | "amount">,
    into: AcceptInto
  ): (lists: ThreeLists.Lists) => Result.Result<ThreeLists.Lists, ValidationReport.ValidationReport>
  (
    lists: ThreeLists.Lists,
    match: Pick<Match, "need" | "resource" | "amount">,
    into: AcceptInto
  ): Result.Result<ThreeLists.Lists, ValidationReport.ValidationReport>
} = dual(3, (
  lists: ThreeLists.Lists,
  match: Pick<Match, "need" | "resource" | "amount">,
  into: AcceptInto
): Result.Result<ThreeLists.Lists, ValidationReport.ValidationReport> => {
  const found: Array<Issue.DomainIssue> = []
  const needIndex = lists.needs.findIndex((n) => n.id === match.need)
  const need = lists.needs[needIndex]
  const resource = lists.resources.find((r) => r.id === match.resource)
  if (need === undefined) {
    found.push(
      messages.make("AGREEMENT_UNKNOWN_REFERENCE", {
        path: ["need"],
        params: { what: "need", id: match.need },
        labels: { what: { zh: "需求", en: "need" } }
      })
    )
  } else if (need.status !== "open") {
    found.push(messages.make("AGREEMENT_NEED_CLOSED", {
      path: ["need"],
      params: { need: need.id, status: need.status },
      labels: { status: ThreeLists.needStatusLabels[need.status] }
    }))
  }
  const amountOk = Number.isSafeInteger(match.amount) && match.amount >= 1
  if (resource === undefined) {
    found.push(messages.make("AGREEMENT_UNKNOWN_REFERENCE", {
      path: ["resource"],
      params: { what: "resource", id: match.resource },
      labels: { what: { zh: "资源", en: "resource" } }
    }))
  } else {
    const before = ThreeLists.committed(lists).get(resource.id) ?? 0
    if (!amountOk) {
      found.push(messages.make("AGREEMENT_QUANTITY_NOT_POSITIVE", {
        path: ["amount"],
        params: { actual: match.amount },
        labels: { what: { zh: "占用容量", en: "Allocated amount" } }
      }))
    } else if (before + match.amount > resource.capacity) {
      found.push(messages.make("AGREEMENT_OVER_COMMITMENT", {
        path: ["amount"],
        params: { resource: resource.id, capacity: resource.capacity, committed: before, requested: match.amount }
      }))
    }
  }
  const allocation = { resource: match.resource, amount: match.amount }
  let projects: ReadonlyArray<ThreeLists.Project> = lists.projects
  if (into._tag === "Existing") {
    const p = lists.projects.findIndex((x) => x.id === into.project)
    const project = lists.projects[p]
    if (project === undefined) {
      found.push(messages.make("AGREEMENT_UNKNOWN_REFERENCE", {
        path: ["project"],
        params: { what: "project", id: into.project },
        labels: { what: { zh: "项目", en: "project" } }
      }))
    } else if (project.status === "done" || project.status === "cancelled") {
      found.push(messages.make("AGREEMENT_PROJECT_STATUS", {
        path: ["project"],
        params: { project: project.id, status: project.status, action: "match" },
        labels: { action: { zh: "再对接需求", en: "take a new match" } }
      }))
    } else {
      const updated: ThreeLists.Project = {
        ...project,
        needs: [...project.needs, match.need],
        allocations: [...project.allocations, allocation]
      }
      projects = lists.projects.map((x, i) => (i === p ? updated : x))
    }
  } else {
    if (lists.projects.some((x) => x.id === into.project)) {
      found.push(messages.make("AGREEMENT_DUPLICATE_ID", {
        path: ["project"],
        params: { id: into.project, first: lists.projects.findIndex((x) => x.id === into.project) }
      }))
    }
    if (need !== undefined && amountOk) {
      const decoded = decodeProject({
        id: into.project,
        grandCommittee: need.grandCommittee,
        name: into.name,
        owner: into.owner,
        budget: into.budget,
        status: "agreed",
        milestones: [{ name: into.name, due: into.due }],
        needs: [need.id],
        allocations: [allocation]
      })
      if (Result.isFailure(decoded)) found.push(...decoded.failure.issues.map((i) => Issue.prefixPath(i, ["project"])))
      else projects = [...lists.projects, decoded.success]
    }
  }
  if (found.length > 0 || need === undefined) return failWith(found)
  const needs = lists.needs.map((n, i) => (i === needIndex ? { ...n, status: "matched" as const } : n))
  return Result.succeed({ resources: lists.resources, needs, projects })
})
