/**
 * Validates a built tree against its policy's rules on a date and returns the full report:
 * errors and warnings with stable codes, paths and zh/en messages. The rules are the national
 * ones (branch thresholds, committees, secretaries and deputies, terms, who may hold a party
 * position), every number taken from the policy document.
 *
 * @since 0.1.0
 */
import { CivilDate, Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import { indexesOf, isReadable, readableTree } from "./internal/indexes.js"
import * as Kind from "./Kind.js"
import { messages } from "./Messages.js"
import * as OrgPolicy from "./OrgPolicy.js"
import type * as OrgRows from "./OrgRows.js"
import * as OrgTree from "./OrgTree.js"

/**
 * Options of {@link validate}: the date the rules are applied on (terms, who holds what) and,
 * optionally, another policy than the one the tree was built with.
 *
 * @example
 * ```ts
 * import type { Validation } from "@gongzhi/org-tree"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const options: Validation.Options = { asOf: CivilDate.makeUnsafe("2024-12-31") }
 * console.log(options.asOf)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly asOf: CivilDate.CivilDate
  readonly policy?: OrgPolicy.OrgPolicy | undefined
}

/**
 * The figures validation computes for each org unit (members of its whole subtree).
 *
 * @example
 * ```ts
 * import type { Validation } from "@gongzhi/org-tree"
 *
 * const describe = (m: Validation.Membership) => `${m.full} + ${m.probationary}`
 * console.log(typeof describe)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Membership {
  readonly full: number
  readonly probationary: number
}

/**
 * Full and probationary members of each row's subtree, in one pass (children before parents).
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Validation } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.pingliGridBranch(), Presets.hongan))
 * console.log(Validation.membership(tree, "pingli-b1")) // { full: 205, probationary: 7 }
 * ```
 *
 * @category figures
 * @since 0.1.0
 */
export const membership = (tree: OrgTree.OrgTree, id: string): Membership => {
  tree = readableTree(tree)
  const i = indexesOf(tree).byId.get(id)
  if (i === undefined) return { full: 0, probationary: 0 }
  const totals = subtreeTotals(tree)
  return { full: totals.full[i]!, probationary: totals.probationary[i]! }
}

const totalsCache = new WeakMap<OrgTree.OrgTree, { full: Int32Array; probationary: Int32Array }>()

/** Subtree totals of members, cached per tree (trees never change). */
const subtreeTotals = (tree: OrgTree.OrgTree) => {
  const cached = totalsCache.get(tree)
  if (cached !== undefined) return cached
  const { preorder, parent, full, probationary } = indexesOf(tree)
  const totalFull = Int32Array.from(full)
  const totalProbationary = Int32Array.from(probationary)
  for (let k = preorder.length - 1; k > 0; k--) {
    const u = preorder[k]!
    const p = parent[u]!
    if (p >= 0) {
      totalFull[p]! += totalFull[u]!
      totalProbationary[p]! += totalProbationary[u]!
    }
  }
  const totals = { full: totalFull, probationary: totalProbationary }
  totalsCache.set(tree, totals)
  return totals
}

/** A list of distinct people with one more (a new array only when it grows). */
const withPerson = (people: ReadonlyArray<string>, person: string): ReadonlyArray<string> =>
  people.includes(person) ? people : [...people, person]

const roleParams = (position: OrgRows.PositionRow) => ({
  id: position.orgUnitId,
  personId: position.personId,
  role: position.role
})

/** The words of a position's role, for the `{role:label}` of a message. */
const roleLabels = (position: OrgRows.PositionRow) => ({ role: Kind.roleLabels[position.role] })

/**
 * Validates the tree on a date and returns every error and warning. A tree with only
 * warnings is valid (`ValidationReport.isValid`).
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Validation } from "@gongzhi/org-tree"
 * import { CivilDate, ValidationReport } from "@gongzhi/core"
 * import { Result } from "effect"
 *
 * // 平利: a grid branch of 212 members and no committee
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.pingliGridBranch(), Presets.hongan))
 * const report = Validation.validate(tree, { asOf: CivilDate.makeUnsafe("2024-06-30") })
 * console.log(report.issues.map((i) => `${i.severity} ${i.code}`))
 * // ["warning ORG_BRANCH_TOO_MANY_MEMBERS", "error ORG_COMMITTEE_REQUIRED", "warning ORG_SUGGEST_COMMITTEE"]
 * console.log(ValidationReport.isValid(report)) // false
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (tree: OrgTree.OrgTree, options: Options): ValidationReport.ValidationReport => {
  try {
    return validateTree(tree, options)
  } catch (cause) {
    // a tree built from rows that were never decoded (a start date that is no date): a failure, not a throw
    return ValidationReport.of(messages.make("ORG_ROWS_UNREADABLE", { params: { reason: Issue.describeCause(cause) } }))
  }
}

const validateTree = (tree: OrgTree.OrgTree, options: Options): ValidationReport.ValidationReport => {
  if (!isReadable(tree)) return ValidationReport.of(messages.make("ORG_TREE_NOT_BUILT"))
  const policy = options.policy ?? tree.policy
  const t = policy.thresholds
  const asOf = options.asOf
  const issues: Array<Issue.DomainIssue> = []
  const index = indexesOf(tree)
  const totals = subtreeTotals(tree)
  const memberUnitsOfCommittee = new Set(tree.memberUnits.map((u) => u.id))
  // what the policy says of each kind, looked up once per kind instead of once per row
  const kinds = Kind.kinds.map((kind) => ({
    kind,
    label: Kind.labels[kind],
    organisation: Kind.isOrganisation(kind),
    secretaryRequired: policy.secretaryRequired.includes(kind),
    maxDeputies: OrgPolicy.maxDeputies(policy, kind),
    termYears: OrgPolicy.termYears(policy, kind)
  }))

  // the full members of each joint branch (its subtree) by the member unit they work in: one pass over
  // the people, walking up from each one's unit (trees are shallow), made when a joint branch needs it
  let byJointBranch: Map<number, Map<string, number>> | undefined
  const fullMembersByUnit = (unit: number): ReadonlyMap<string, number> => {
    if (byJointBranch === undefined) {
      byJointBranch = new Map()
      const branchCode = Kind.kinds.indexOf("branch")
      for (let p = 0; p < tree.people.length; p++) {
        const person = tree.people[p]!
        if (person.membership !== "full" || person.employerUnitId === undefined) continue
        for (let u = index.personUnit[p]!; u >= 0; u = index.parent[u]!) {
          if (index.kind[u] !== branchCode || tree.orgUnits[u]!.branchType !== "joint") continue
          let counts = byJointBranch.get(u)
          if (counts === undefined) byJointBranch.set(u, counts = new Map())
          counts.set(person.employerUnitId, (counts.get(person.employerUnitId) ?? 0) + 1)
        }
      }
    }
    return byJointBranch.get(unit) ?? new Map()
  }
  // the term of a unit's committee: by its category (given, or a branch that is the community's own
  // organisation: the root, or right under the street working committee), else by its kind
  const streetCode = Kind.kinds.indexOf("street-working-committee")
  const termOf = (unit: number): number => {
    const about = kinds[index.kind[unit]!]!
    const row = tree.orgUnits[unit]!
    const parent = index.parent[unit]!
    const own = about.kind === "branch" || about.kind === "general-branch"
    const category = row.category ??
      (own && (parent < 0 || index.kind[parent] === streetCode) ? "community" : undefined)
    return category === undefined ? about.termYears : OrgPolicy.termYears(policy, about.kind, category)
  }

  // positions, grouped per org unit through the index
  const { positionStart, positionOrder } = index
  const none: ReadonlyArray<string> = []
  for (let i = 0; i < tree.size; i++) {
    const about = kinds[index.kind[i]!]!
    if (!about.organisation) continue
    const kind = about.kind
    const row = tree.orgUnits[i]!
    const full = totals.full[i]!
    const members = full + totals.probationary[i]!
    // who holds what here today: secretaries, deputies, committee members (distinct people)
    let secretaries = none
    let deputyHolders = none
    let committeeHolders = none
    let memberHolders = none
    for (let k = positionStart[i]!; k < positionStart[i + 1]!; k++) {
      const position = tree.positions[positionOrder[k]!]!
      if (!OrgTree.isHeldOn(position, asOf)) continue
      const role = position.role
      const person = position.personId
      if (role === "secretary") secretaries = withPerson(secretaries, person)
      else if (role === "deputy-secretary") deputyHolders = withPerson(deputyHolders, person)
      else if (role === "committee-member") memberHolders = withPerson(memberHolders, person)
      else continue
      committeeHolders = withPerson(committeeHolders, person)
    }

    if (kind === "branch") {
      const branchType = row.branchType ?? "grid"
      // every branch, joint ones included, needs the full members a branch needs (支部工作条例 Ch. 2)
      if (full < t.branchMinFullMembers) {
        issues.push(
          messages.make(
            branchType === "joint" ? "ORG_JOINT_BRANCH_TOO_FEW_FULL_MEMBERS" : "ORG_BRANCH_TOO_FEW_FULL_MEMBERS",
            {
              path: ["orgUnits", i],
              params: { id: row.id, full, min: t.branchMinFullMembers }
            }
          )
        )
      }
      // a unit with enough full members of its own must have its own branch, not share a joint one
      if (branchType === "joint" && row.memberUnits !== undefined && row.memberUnits.length > 0) {
        const fullOf = fullMembersByUnit(i)
        row.memberUnits.forEach((unit, k) => {
          const count = fullOf.get(unit) ?? 0
          if (count >= t.branchMinFullMembers) {
            issues.push(messages.make("ORG_UNIT_NEEDS_OWN_BRANCH", {
              path: ["orgUnits", i, "memberUnits", k],
              params: { id: row.id, unit, full: count, min: t.branchMinFullMembers }
            }))
          }
        })
      }
      const units = row.memberUnits?.length ?? 0
      if (branchType === "joint" && units > t.jointBranchMaxUnits) {
        issues.push(
          messages.make("ORG_JOINT_BRANCH_TOO_MANY_UNITS", {
            severity: "warning",
            path: ["orgUnits", i, "memberUnits"],
            params: { id: row.id, units, max: t.jointBranchMaxUnits }
          })
        )
      }
      if (members > t.branchMaxMembers) {
        issues.push(
          messages.make("ORG_BRANCH_TOO_MANY_MEMBERS", {
            severity: "warning",
            path: ["orgUnits", i],
            params: { id: row.id, members, max: t.branchMaxMembers }
          })
        )
      }
      const committee = committeeHolders.length
      const params = () => ({
        id: row.id,
        full,
        committee,
        threshold: t.committeeRequiredAt,
        min: t.committeeMin,
        max: t.committeeMax,
        hardMax: t.committeeHardMax
      })
      if (full >= t.committeeRequiredAt) {
        if (committee < t.committeeMin) {
          issues.push(messages.make("ORG_COMMITTEE_REQUIRED", { path: ["orgUnits", i], params: params() }))
        } else if (committee > t.committeeHardMax) {
          issues.push(messages.make("ORG_COMMITTEE_TOO_LARGE", { path: ["orgUnits", i], params: params() }))
        } else if (committee > t.committeeMax) {
          issues.push(
            messages.make("ORG_COMMITTEE_LARGE", { severity: "warning", path: ["orgUnits", i], params: params() })
          )
        }
      } else if (memberHolders.length > 0) {
        issues.push(
          messages.make("ORG_COMMITTEE_NOT_EXPECTED", {
            severity: "warning",
            path: ["orgUnits", i],
            params: { ...params(), committee: memberHolders.length }
          })
        )
      }
    }
    if (kind === "branch" || kind === "general-branch") {
      if (members >= t.committeeSuggestAt) {
        issues.push(
          messages.make("ORG_SUGGEST_COMMITTEE", {
            severity: "warning",
            path: ["orgUnits", i],
            params: { id: row.id, members, threshold: t.committeeSuggestAt }
          })
        )
      } else if (kind === "branch" && members >= t.generalBranchSuggestAt) {
        issues.push(
          messages.make("ORG_SUGGEST_GENERAL_BRANCH", {
            severity: "warning",
            path: ["orgUnits", i],
            params: { id: row.id, members, threshold: t.generalBranchSuggestAt }
          })
        )
      }
    }
    if (about.secretaryRequired && secretaries.length !== 1) {
      issues.push(
        messages.make(secretaries.length === 0 ? "ORG_SECRETARY_MISSING" : "ORG_SECRETARY_SEVERAL", {
          path: ["orgUnits", i],
          params: { id: row.id, kind: about.kind, count: secretaries.length },
          labels: { kind: about.label }
        })
      )
    }
    const maxDeputies = about.maxDeputies
    const deputies = deputyHolders.length
    if (maxDeputies !== undefined && deputies > maxDeputies) {
      issues.push(
        messages.make("ORG_TOO_MANY_DEPUTIES", {
          path: ["orgUnits", i],
          params: { id: row.id, kind: about.kind, count: deputies, max: maxDeputies },
          labels: { kind: about.label }
        })
      )
    }
  }

  // terms and holders (the longest end of a term, cached per term length and start: many terms start on the same day)
  const longestEnds = new Map<number, Map<string, CivilDate.CivilDate | undefined>>()
  const { positionUnit, positionPerson } = index
  const committeeRoles: ReadonlySet<Kind.Role> = new Set(Kind.committeeRoles)
  const partyRoles: ReadonlySet<Kind.Role> = new Set(Kind.partyRoles)
  const positions = tree.positions
  for (let p = 0; p < positions.length; p++) {
    const position = positions[p]!
    const unit = positionUnit[p]!
    if (unit < 0) continue
    const role = position.role
    const held = OrgTree.isHeldOn(position, asOf)
    if (committeeRoles.has(role)) {
      const years = termOf(unit)
      let ends = longestEnds.get(years)
      if (ends === undefined) longestEnds.set(years, ends = new Map())
      let longest = ends.get(position.start)
      if (longest === undefined && !ends.has(position.start)) {
        longest = Result.getOrUndefined(CivilDate.addYears(position.start, years))
        ends.set(position.start, longest)
      }
      if (position.end !== undefined && longest !== undefined && position.end > longest) {
        issues.push(
          messages.make("ORG_TERM_TOO_LONG", {
            path: ["positions", p, "end"],
            params: { ...roleParams(position), start: position.start, end: position.end, years },
            labels: roleLabels(position)
          })
        )
      }
      const due = position.end ?? longest
      if (held && due !== undefined && due < asOf) {
        issues.push(
          messages.make("ORG_TERM_EXPIRED", {
            severity: "warning",
            path: ["positions", p],
            params: { ...roleParams(position), end: due },
            labels: roleLabels(position)
          })
        )
      }
    }
    if (!held || !partyRoles.has(role)) continue
    const personIndex = positionPerson[p]!
    if (personIndex < 0) continue
    const person = tree.people[personIndex]!
    if (person.membership === "none") {
      issues.push(
        messages.make("ORG_HOLDER_NOT_PARTY_MEMBER", {
          path: ["positions", p, "personId"],
          params: roleParams(position),
          labels: roleLabels(position)
        })
      )
      continue
    }
    // probationary members have no right to be elected (党章 Art. 7): no elected position
    if (person.membership === "probationary" && committeeRoles.has(role)) {
      issues.push(
        messages.make("ORG_HOLDER_PROBATIONARY", {
          path: ["positions", p, "personId"],
          params: roleParams(position),
          labels: roleLabels(position)
        })
      )
    }
    const fromMemberUnit = person.employerUnitId !== undefined && memberUnitsOfCommittee.has(person.employerUnitId)
    const excepted = role === "first-secretary" || person.external === true ||
      (position.partTime === true && fromMemberUnit)
    if (excepted) continue
    const home = index.personUnit[personIndex]!
    const inside = home >= 0 && index.pre[home]! >= index.pre[unit]! && index.pre[home]! <= index.last[unit]!
    if (!inside) {
      issues.push(
        messages.make("ORG_HOLDER_NOT_MEMBER", {
          path: ["positions", p, "personId"],
          params: roleParams(position),
          labels: roleLabels(position)
        })
      )
    }
  }
  return ValidationReport.make(issues)
}
