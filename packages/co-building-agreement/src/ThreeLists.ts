/**
 * The three lists (三张清单) of a grand committee: resources its member units offer (资源清单),
 * needs raised by residents and branches (需求清单) and projects agreed to meet them (项目清单).
 * One document holds all three; its checks make sure every reference resolves and that no
 * resource is committed beyond its capacity.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, Id, type Issue, type Label } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as Category from "./Category.js"
import { duplicateIds, NonNegativeFen, positiveInt, unreadable } from "./internal/checks.js"
import { messages } from "./Messages.js"

/**
 * Id of a resource on the resource list.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const id: ThreeLists.ResourceId = ThreeLists.ResourceId.make("r-1")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const ResourceId = Id.make("ResourceId", { label: { zh: "资源编号", en: "resource id" } })

/**
 * The type of {@link ResourceId}.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const id: ThreeLists.ResourceId = ThreeLists.ResourceId.make("r-2")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type ResourceId = typeof ResourceId.Type

/**
 * Id of a need on the need list.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const id: ThreeLists.NeedId = ThreeLists.NeedId.make("n-1")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const NeedId = Id.make("NeedId", { label: { zh: "需求编号", en: "need id" } })

/**
 * The type of {@link NeedId}.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const id: ThreeLists.NeedId = ThreeLists.NeedId.make("n-2")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type NeedId = typeof NeedId.Type

/**
 * Id of a project on the project list.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const id: ThreeLists.ProjectId = ThreeLists.ProjectId.make("p-1")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const ProjectId = Id.make("ProjectId", { label: { zh: "项目编号", en: "project id" } })

/**
 * The type of {@link ProjectId}.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const id: ThreeLists.ProjectId = ThreeLists.ProjectId.make("p-2")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type ProjectId = typeof ProjectId.Type

const Point = Schema.Struct({ x: Schema.Finite, y: Schema.Finite }).annotate({
  identifier: "Point",
  description: "A position in metres on the county's local plane"
})

/**
 * Schema of a resource a member unit offers: category, tags, capacity (how many times, people
 * or slots it can serve), schedule and place.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(ThreeLists.Resource)({
 *   id: "r-1", grandCommittee: "mingquan", unit: "hospital", category: "health",
 *   tags: ["义诊"], capacity: 40, description: "每月义诊"
 * })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Resource = Schema.Struct({
  id: ResourceId,
  grandCommittee: Id.OrgUnitId,
  unit: Id.UnitId,
  category: Category.Category,
  tags: Schema.Array(Schema.String),
  capacity: positiveInt({ zh: "资源容量", en: "Capacity" }),
  description: Schema.NonEmptyString,
  schedule: Schema.optionalKey(Schema.String),
  grid: Schema.optionalKey(Id.GridId),
  location: Schema.optionalKey(Point)
}).annotate({ identifier: "Resource" })

/**
 * A resource on the resource list (资源清单).
 *
 * @example
 * ```ts
 * import type { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof ThreeLists.Resource> = ["id", "unit", "category", "capacity"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Resource = typeof Resource.Type

/**
 * How urgent a need is, least first.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * console.log(ThreeLists.urgencies) // ["low", "normal", "high", "critical"]
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const urgencies = ["low", "normal", "high", "critical"] as const

/**
 * How urgent a need is.
 *
 * @example
 * ```ts
 * import type { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const urgency: ThreeLists.Urgency = "high"
 * console.log(urgency)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Urgency = (typeof urgencies)[number]

/**
 * The states of a need: open, matched (a project covers it), solved, withdrawn.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * console.log(ThreeLists.needStatusLabels.solved.zh) // "已解决"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const needStatusLabels = {
  open: { zh: "待解决", en: "open" },
  matched: { zh: "已对接", en: "matched" },
  solved: { zh: "已解决", en: "solved" },
  withdrawn: { zh: "已撤回", en: "withdrawn" }
} as const satisfies Readonly<Record<string, Label.Label>>

/**
 * Schema of a need raised by a resident, a branch, a grid or a red steward (红色管家).
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(ThreeLists.Need)({
 *   id: "n-1", grandCommittee: "mingquan", category: "repairs", tags: ["路灯"], urgency: "high", quantity: 1,
 *   raisedBy: { kind: "branch", name: "第三网格党支部" }, raisedOn: "2024-03-01", description: "小区路灯不亮", status: "open"
 * })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Need = Schema.Struct({
  id: NeedId,
  grandCommittee: Id.OrgUnitId,
  category: Category.Category,
  tags: Schema.Array(Schema.String),
  urgency: Schema.Literals(urgencies),
  quantity: positiveInt({ zh: "需求数量", en: "Quantity" }),
  raisedBy: Schema.Struct({
    kind: Schema.Literals(["resident", "branch", "grid", "red-steward", "unit"]),
    name: Schema.NonEmptyString
  }),
  raisedOn: CivilDate.CivilDate,
  description: Schema.NonEmptyString,
  status: Schema.Literals(["open", "matched", "solved", "withdrawn"]),
  grid: Schema.optionalKey(Id.GridId),
  location: Schema.optionalKey(Point)
}).annotate({ identifier: "Need" })

/**
 * A need on the need list (需求清单).
 *
 * @example
 * ```ts
 * import type { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const status: ThreeLists.Need["status"] = "open"
 * console.log(status)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Need = typeof Need.Type

/**
 * Schema of a project: owner, budget in fen, milestones, status, and the needs and resource
 * allocations it links.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(ThreeLists.Project)({
 *   id: "p-1", grandCommittee: "mingquan", name: "路灯维修", owner: "power", budget: 500_000, status: "agreed",
 *   milestones: [{ name: "完工", due: "2024-04-30" }], needs: ["n-1"], allocations: [{ resource: "r-1", amount: 1 }]
 * })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Project = Schema.Struct({
  id: ProjectId,
  grandCommittee: Id.OrgUnitId,
  name: Schema.NonEmptyString,
  owner: Schema.NonEmptyString,
  budget: NonNegativeFen,
  status: Schema.Literals(["proposed", "agreed", "in-progress", "done", "cancelled"]),
  milestones: Schema.Array(Schema.Struct({
    name: Schema.NonEmptyString,
    due: CivilDate.CivilDate,
    doneOn: Schema.optionalKey(CivilDate.CivilDate)
  })),
  needs: Schema.Array(NeedId),
  allocations: Schema.Array(Schema.Struct({
    resource: ResourceId,
    amount: positiveInt({ zh: "占用容量", en: "Allocated amount" })
  }))
}).annotate({ identifier: "Project" })

/**
 * A project on the project list (项目清单).
 *
 * @example
 * ```ts
 * import type { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const status: ThreeLists.Project["status"] = "in-progress"
 * console.log(status)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Project = typeof Project.Type

/**
 * The allocations of live (not cancelled) projects, per resource.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * console.log(ThreeLists.committed({ projects: [] }).size) // 0
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const committed = (lists: Pick<Lists, "projects">): ReadonlyMap<string, number> => {
  const used = new Map<string, number>()
  for (const project of lists.projects) {
    if (project.status === "cancelled") continue
    for (const a of project.allocations) used.set(a.resource, (used.get(a.resource) ?? 0) + a.amount)
  }
  return used
}

/** Checks that resolve references and capacity, shared by the document and by `make`. */
const consistency = (lists: Lists): Array<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = [
    ...duplicateIds(lists.resources, (r) => r.id, ["resources"]),
    ...duplicateIds(lists.needs, (n) => n.id, ["needs"]),
    ...duplicateIds(lists.projects, (p) => p.id, ["projects"])
  ]
  const resources = new Map<string, Resource>()
  for (const r of lists.resources) if (!resources.has(r.id)) resources.set(r.id, r)
  const needs = new Set<string>(lists.needs.map((n) => n.id))
  const used = new Map<string, number>()
  lists.projects.forEach((project, p) => {
    project.needs.forEach((need, i) => {
      if (!needs.has(need)) {
        found.push(messages.make("AGREEMENT_UNKNOWN_REFERENCE", {
          path: ["projects", p, "needs", i],
          params: { what: "need", id: need },
          labels: { what: { zh: "需求", en: "need" } }
        }))
      }
    })
    project.allocations.forEach((a, i) => {
      const resource = resources.get(a.resource)
      if (resource === undefined) {
        found.push(messages.make("AGREEMENT_UNKNOWN_REFERENCE", {
          path: ["projects", p, "allocations", i, "resource"],
          params: { what: "resource", id: a.resource },
          labels: { what: { zh: "资源", en: "resource" } }
        }))
        return
      }
      if (project.status === "cancelled") return
      const before = used.get(a.resource) ?? 0
      if (before + a.amount > resource.capacity) {
        found.push(messages.make("AGREEMENT_OVER_COMMITMENT", {
          path: ["projects", p, "allocations", i, "amount"],
          params: { resource: a.resource, capacity: resource.capacity, committed: before, requested: a.amount }
        }))
      }
      used.set(a.resource, before + a.amount)
    })
  })
  return found
}

/**
 * The three-lists document (`kind: "three-lists"`, `schemaVersion: 1`).
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const result = ThreeLists.document.decode({
 *   kind: "three-lists", schemaVersion: 1,
 *   resources: [{ id: "r-1", grandCommittee: "gc", unit: "u", category: "helth", tags: [], capacity: 0, description: "义诊" }],
 *   needs: [], projects: []
 * })
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.code))
 * // ["AGREEMENT_UNKNOWN_CATEGORY", "AGREEMENT_QUANTITY_NOT_POSITIVE"]
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "three-lists",
  schemaVersion: 1,
  label: { zh: "三张清单", en: "three lists" },
  description: "Resources, needs and projects of co-building (资源、需求、项目三张清单)",
  fields: {
    resources: Schema.Array(Resource),
    needs: Schema.Array(Need),
    projects: Schema.Array(Project)
  },
  checks: [(doc) => consistency(doc)]
})

/**
 * The three lists: resources, needs and projects.
 *
 * @example
 * ```ts
 * import type { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const empty: ThreeLists.Lists = { resources: [], needs: [], projects: [] }
 * console.log(empty.needs.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Lists {
  readonly resources: ReadonlyArray<Resource>
  readonly needs: ReadonlyArray<Need>
  readonly projects: ReadonlyArray<Project>
}

/**
 * The issues of lists built in code (duplicate ids, unknown references, over-commitment);
 * the document's decoder runs the same checks.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * console.log(ThreeLists.validate({ resources: [], needs: [], projects: [] })) // []
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (lists: Lists): ReadonlyArray<Issue.DomainIssue> => {
  try {
    return consistency(lists)
  } catch (cause) {
    // lists that were never decoded (a missing list, a Proxy): a failure, never a throw
    return [unreadable("threeLists", { zh: "三张清单", en: "three lists" }, cause)]
  }
}

/**
 * How much of a resource's capacity is still free.
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * const resource = Schema.decodeUnknownSync(ThreeLists.Resource)({
 *   id: "r-1", grandCommittee: "gc", unit: "u", category: "health", tags: [], capacity: 40, description: "义诊"
 * })
 * console.log(ThreeLists.remaining({ resources: [resource], needs: [], projects: [] }, resource.id)) // 40
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const remaining: {
  (resource: string): (lists: Lists) => number
  (lists: Lists, resource: string): number
} = dual(2, (lists: Lists, resource: string): number => {
  const found = lists.resources.find((r) => r.id === resource)
  if (found === undefined) return 0
  return found.capacity - (committed(lists).get(resource) ?? 0)
})

/**
 * Which needs the community solves itself and which need the grand committee's resources
 * (綦江: 50+ problems collected by 8 branches, split into the two).
 *
 * @example
 * ```ts
 * import { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const policy: ThreeLists.TriagePolicy = { communityCategories: ["environment", "culture"], communityMaxUrgency: "normal", communityMaxQuantity: 5 }
 * console.log(ThreeLists.triage([], policy).community.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface TriagePolicy {
  /** The categories the community's own staff and volunteers handle. */
  readonly communityCategories: ReadonlyArray<Category.Category>
  /** The most urgent need the community handles alone. */
  readonly communityMaxUrgency: Urgency
  /** The largest quantity the community handles alone. */
  readonly communityMaxQuantity: number
}

/**
 * One need's triage and why.
 *
 * @example
 * ```ts
 * import type { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const reasons: ReadonlyArray<ThreeLists.TriageReason> = ["category", "urgency", "quantity"]
 * console.log(reasons)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type TriageReason = "category" | "urgency" | "quantity"

/**
 * The two halves of a triaged problem list; each grand-committee need says why.
 *
 * @example
 * ```ts
 * import type { ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const empty: ThreeLists.Triage = { community: [], grandCommittee: [] }
 * console.log(empty.grandCommittee.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Triage {
  readonly community: ReadonlyArray<Need>
  readonly grandCommittee: ReadonlyArray<{ readonly need: Need; readonly reasons: ReadonlyArray<TriageReason> }>
}

/**
 * Splits a problem list: a need stays with the community when its category is one the
 * community handles, it is no more urgent and no larger than the policy allows; otherwise it
 * goes to the grand committee, with the reasons.
 *
 * @example
 * ```ts
 * import { ThreeLists, Presets } from "@gongzhi/co-building-agreement"
 *
 * const needs = Presets.qijiangProblemList()
 * const split = ThreeLists.triage(needs, Presets.qijiangTriagePolicy)
 * console.log(needs.length, split.community.length + split.grandCommittee.length) // 52 52
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const triage: {
  (policy: TriagePolicy): (needs: ReadonlyArray<Need>) => Triage
  (needs: ReadonlyArray<Need>, policy: TriagePolicy): Triage
} = dual(2, (needs: ReadonlyArray<Need>, policy: TriagePolicy): Triage => {
  const categories = new Set<string>(policy.communityCategories)
  const maxUrgency = urgencies.indexOf(policy.communityMaxUrgency)
  const community: Array<Need> = []
  const grandCommittee: Array<{ need: Need; reasons: Array<TriageReason> }> = []
  for (const need of needs) {
    const reasons: Array<TriageReason> = []
    if (!categories.has(need.category)) reasons.push("category")
    if (urgencies.indexOf(need.urgency) > maxUrgency) reasons.push("urgency")
    if (need.quantity > policy.communityMaxQuantity) reasons.push("quantity")
    if (reasons.length === 0) community.push(need)
    else grandCommittee.push({ need, reasons })
  }
  return { community, grandCommittee }
})
