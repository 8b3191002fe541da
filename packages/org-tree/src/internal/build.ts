/**
 * Building a tree's indexes from its rows (used by `OrgTree.build`, and to rebuild the indexes of
 * a tree copied by `structuredClone` or through JSON).
 *
 * @internal
 */
import { type CivilDate, Id, Issue, KeyIndex, type Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Kind from "../Kind.js"
import { messages } from "../Messages.js"
import type * as OrgPolicy from "../OrgPolicy.js"
import type * as OrgRows from "../OrgRows.js"

const kindCodes: ReadonlyMap<string, number> = new Map(Kind.kinds.map((k, i) => [k, i]))
const kindCode = (kind: string): number => kindCodes.get(kind)!
const K = Kind.kinds.length

/** The indexes of a built tree (row indexes into `orgUnits`); kept beside the tree, never changed. */
export interface Indexes {
  /** Index of the root row (-1 for an empty tree). */
  readonly root: number
  readonly byId: KeyIndex.KeyIndex
  readonly parent: Int32Array
  readonly kind: Uint8Array
  readonly firstChild: Int32Array
  readonly nextSibling: Int32Array
  /** Rows in pre-order. */
  readonly preorder: Int32Array
  /** Position of each row in `preorder`; its subtree is `pre[i] … last[i]`. */
  readonly pre: Int32Array
  readonly last: Int32Array
  readonly depth: Int32Array
  readonly personById: KeyIndex.KeyIndex
  /** Person index → row index of their org unit (-1 none). */
  readonly personUnit: Int32Array
  readonly memberUnitById: KeyIndex.KeyIndex
  /** Direct full and probationary members of each row. */
  readonly full: Int32Array
  readonly probationary: Int32Array
  /** Positions by row: positionStart[i] … positionStart[i + 1] in positionOrder. */
  readonly positionStart: Int32Array
  readonly positionOrder: Int32Array
  /** Position index → row index of its org unit, and → index of its holder in `people` (-1 none). */
  readonly positionUnit: Int32Array
  readonly positionPerson: Int32Array
}

/** A built tree, as `OrgTree.OrgTree` describes it. */
export interface Tree {
  readonly policy: OrgPolicy.OrgPolicy
  readonly orgUnits: ReadonlyArray<OrgRows.OrgUnitRow>
  readonly people: ReadonlyArray<OrgRows.PersonRow>
  readonly memberUnits: ReadonlyArray<OrgRows.MemberUnitRow>
  readonly positions: ReadonlyArray<OrgRows.PositionRow>
  readonly size: number
}

const describeIds = (ids: ReadonlyArray<string>, max = 8) =>
  ids.length <= max ? ids.join(", ") : `${ids.slice(0, max).join(", ")} … (+${ids.length - max})`

const territorial = new Set<Kind.Kind>(["grid", "building", "entrance"])

/** The problems of an id (none, and nothing allocated, for a good one: core's quick check comes first). */
const idIssues = (id: unknown): ReadonlyArray<Issue.DomainIssue> => Id.validate(typeof id === "string" ? id : "")

const endsBeforeStart = (position: OrgRows.PositionRow, i: number, field: "end" | "left", end: CivilDate.CivilDate) =>
  messages.make("ORG_TERM_END_BEFORE_START", {
    path: ["positions", i, field],
    params: {
      id: position.orgUnitId,
      personId: position.personId,
      role: shown(position.role),
      start: position.start,
      end
    },
    labels: { role: roleLabel(position.role) }
  })

/** What a row is, or what a reference names: the neutral value of a message's `what` / `targetKind`, and its words. */
const subjects = {
  orgUnit: { zh: "组织", en: "org unit" },
  person: { zh: "人员", en: "person" },
  memberUnit: { zh: "驻区单位", en: "member unit" },
  position: { zh: "职务", en: "position" },
  gridOrBuilding: { zh: "网格或楼栋", en: "grid or building" }
} as const satisfies Readonly<Record<string, Label.Label>>

type Subject = keyof typeof subjects

const referenceIssue = (path: Issue.Path, what: Subject, id: string, targetKind: Subject, target: string) =>
  messages.make("ORG_UNKNOWN_REFERENCE", {
    path,
    params: { what, id, targetKind, target },
    labels: { what: subjects[what], targetKind: subjects[targetKind] }
  })

const wrongKind = (
  path: Issue.Path,
  id: string,
  field: string,
  expected: Kind.Kind | string,
  target: string,
  actual: Kind.Kind
) => {
  const expectedLabel = (Kind.labels as Record<string, Label.Label>)[expected] ?? { zh: expected, en: expected }
  return messages.make("ORG_WRONG_REFERENCE_KIND", {
    path,
    params: { id, field, target, expected, actual },
    labels: { expected: expectedLabel, actual: Kind.labels[actual] }
  })
}

/** A value of the input as shown in a message: a string as is, anything else described. */
const shown = (u: unknown): string => {
  try {
    return typeof u === "string" ? u : typeof u === "number" || typeof u === "boolean" ? String(u) : typeof u
  } catch {
    return "?"
  }
}

const roleLabel = (role: unknown): Label.Label =>
  typeof role === "string" && Object.hasOwn(Kind.roleLabels, role)
    ? Kind.roleLabels[role as Kind.Role]
    : { zh: shown(role), en: shown(role) }

const knownKinds = Kind.kinds.join(", ")
const knownKindsLabel: Label.Label = { zh: Kind.kinds.map((k) => Kind.labels[k].zh).join("、"), en: knownKinds }
const branchTypes: ReadonlySet<unknown> = new Set(Object.keys(Kind.branchTypeLabels))
const categories: ReadonlySet<unknown> = new Set(Object.keys(Kind.categoryLabels))
const unitTypes: ReadonlySet<unknown> = new Set(Object.keys(Kind.unitTypeLabels))
const memberships: ReadonlySet<unknown> = new Set(Object.keys(Kind.membershipLabels))
const roles: ReadonlySet<unknown> = new Set(Object.keys(Kind.roleLabels))

/** Whether a name is missing or only white space (the quick test first: most names start with a letter). */
const isBlank = (name: unknown): boolean => {
  if (typeof name !== "string" || name.length === 0) return true
  const c = name.charCodeAt(0)
  return (c <= 32 || c >= 0x80) && name.trim() === ""
}

const emptyName = (path: Issue.Path, what: Subject, id: unknown) =>
  messages.make("ORG_EMPTY_NAME", { path, params: { id: shown(id), what }, labels: { what: subjects[what] } })

const unknownValue = (path: Issue.Path, id: unknown, field: string, value: unknown, known: ReadonlySet<unknown>) =>
  messages.make("ORG_UNKNOWN_VALUE", {
    path,
    params: { id: shown(id), field, value: shown(value), known: [...known].join(", ") }
  })

/** Core's issue of a bad id, naming the row (the id itself is what is wrong). */
const badId = (issue: Issue.DomainIssue, path: Issue.Path, i: number, id: unknown): Issue.DomainIssue => {
  const named = messages.make("ORG_BAD_ID", {
    path,
    params: { ...issue.params, id: shown(id), row: i + 1 },
    labels: { reason: issue.message }
  })
  return { ...named, code: issue.code }
}

/** Reports the entries of a list that repeat an earlier one. */
const duplicatesIn = (
  list: ReadonlyArray<string>,
  path: Issue.Path,
  id: string,
  field: string,
  issues: Array<Issue.DomainIssue>
): void => {
  const seen = new Map<string, number>()
  for (let k = 0; k < list.length; k++) {
    const first = seen.get(list[k]!)
    if (first === undefined) seen.set(list[k]!, k)
    else {
      issues.push(messages.make("ORG_DUPLICATE_ENTRY", {
        path: [...path, k],
        params: { id, field, value: list[k]!, first: first + 1 }
      }))
    }
  }
}

/** Builds a tree and its indexes from rows, or reports every problem of the rows. */
export const buildTree = (
  rows: OrgRows.Rows,
  policy: OrgPolicy.OrgPolicy
): Result.Result<{ readonly tree: Tree; readonly indexes: Indexes }, ValidationReport.ValidationReport> => {
  const units = rows.orgUnits
  const n = units.length
  const issues: Array<Issue.DomainIssue> = []
  // the ids in one array: confirming a probe reads the id without reading its row
  const ids = new Array<string>(n)
  const byId = KeyIndex.make((i) => ids[i]!, n)
  const skip = new Uint8Array(n)
  const kind = new Uint8Array(n)
  // rows come shuffled: each id is checked and indexed while it is in the cache (people, below, are indexed in bulk)
  for (let i = 0; i < n; i++) {
    const row = units[i]!
    const id = row.id
    const code = kindCodes.get(row.kind)
    if (code === undefined) {
      issues.push(
        messages.make("ORG_UNKNOWN_KIND", {
          path: ["orgUnits", i, "kind"],
          params: { id: shown(id), kind: shown(row.kind), known: knownKinds },
          labels: { known: knownKindsLabel }
        })
      )
      skip[i] = 1
    } else kind[i] = code
    if (isBlank(row.name)) issues.push(emptyName(["orgUnits", i, "name"], "orgUnit", id))
    if (row.category !== undefined && !categories.has(row.category)) {
      issues.push(unknownValue(["orgUnits", i, "category"], id, "category", row.category, categories))
    }
    if (row.branchType !== undefined && !branchTypes.has(row.branchType)) {
      issues.push(unknownValue(["orgUnits", i, "branchType"], id, "branchType", row.branchType, branchTypes))
    }
    const problems = idIssues(id)
    if (problems.length > 0) {
      for (const issue of problems) issues.push(badId(issue, ["orgUnits", i, "id"], i, id))
      skip[i] = 1
      continue
    }
    ids[i] = id
    // rows of an unknown kind are not indexed, but they may still repeat an id
    const first = skip[i] === 0 ? byId.add(id, i) : byId.get(id)
    if (first !== undefined) {
      issues.push(messages.make("ORG_DUPLICATE_ID", { path: ["orgUnits", i, "id"], params: { id, first: first + 1 } }))
      skip[i] = 1
    }
  }

  // member units (branches name them, people work in them)
  const memberUnits = rows.memberUnits ?? []
  const memberUnitById = KeyIndex.make((i) => memberUnits[i]!.id, memberUnits.length)
  memberUnits.forEach((unit, i) => {
    const bad = idIssues(unit.id)
    if (bad.length > 0) {
      for (const issue of bad) issues.push(badId(issue, ["memberUnits", i, "id"], i, unit.id))
      return
    }
    if (isBlank(unit.name)) issues.push(emptyName(["memberUnits", i, "name"], "memberUnit", unit.id))
    if (!unitTypes.has(unit.type)) {
      issues.push(unknownValue(["memberUnits", i, "type"], unit.id, "type", unit.type, unitTypes))
    }
    const first = memberUnitById.add(unit.id, i)
    if (first !== undefined) {
      issues.push(
        messages.make("ORG_DUPLICATE_ID", { path: ["memberUnits", i, "id"], params: { id: unit.id, first: first + 1 } })
      )
      return
    }
    const gc = byId.get(unit.grandCommitteeId)
    if (gc === undefined) {
      issues.push(
        referenceIssue(
          ["memberUnits", i, "grandCommitteeId"],
          "memberUnit",
          unit.id,
          "orgUnit",
          unit.grandCommitteeId
        )
      )
    } else if (Kind.kinds[kind[gc]!] !== "grand-committee") {
      issues.push(
        wrongKind(
          ["memberUnits", i, "grandCommitteeId"],
          unit.id,
          "grandCommitteeId",
          "grand-committee",
          unit.grandCommitteeId,
          Kind.kinds[kind[gc]!]!
        )
      )
    }
  })
  const territorialCode = new Uint8Array(K)
  for (const k of territorial) territorialCode[kindCode(k)] = 1

  // parents and the policy's structure
  const parent = new Int32Array(n).fill(-1)
  const roots: Array<number> = []
  const allowed = new Uint8Array(K * K)
  for (const rule of policy.allowed) {
    for (const child of rule.children) allowed[kindCode(rule.parent) * K + kindCode(child)] = 1
  }
  // every parent looked up at once, region by region of the index
  for (let i = 0; i < n; i++) {
    if (skip[i] === 1) continue
    const row = units[i]!
    // territory covered and member units named (in the same pass: each row is read once more)
    const covers = row.covers
    if (covers !== undefined && covers.length > 1) {
      duplicatesIn(covers, ["orgUnits", i, "covers"], row.id, "covers", issues)
    }
    if (row.memberUnits !== undefined && row.memberUnits.length > 1) {
      duplicatesIn(row.memberUnits, ["orgUnits", i, "memberUnits"], row.id, "memberUnits", issues)
    }
    if (covers !== undefined) {
      for (let k = 0; k < covers.length; k++) {
        const target = covers[k]!
        const t = byId.get(target)
        if (t === undefined) {
          issues.push(
            referenceIssue(["orgUnits", i, "covers", k], "orgUnit", row.id, "gridOrBuilding", target)
          )
        } else if (territorialCode[kind[t]!] === 0) {
          issues.push(wrongKind(["orgUnits", i, "covers", k], row.id, "covers", "grid", target, Kind.kinds[kind[t]!]!))
        }
      }
    }
    const named = row.memberUnits
    if (named !== undefined) {
      for (let k = 0; k < named.length; k++) {
        if (!memberUnitById.has(named[k]!)) {
          issues.push(
            referenceIssue(["orgUnits", i, "memberUnits", k], "orgUnit", row.id, "memberUnit", named[k]!)
          )
        }
      }
    }
    const parentId = row.parentId
    if (parentId === undefined || parentId === null || parentId === "") {
      roots.push(i)
      continue
    }
    const p = byId.get(parentId) ?? -1
    if (p < 0) {
      issues.push(
        messages.make("ORG_MISSING_PARENT", { path: ["orgUnits", i, "parentId"], params: { id: row.id, parentId } })
      )
      continue
    }
    parent[i] = p
    if (allowed[kind[p]! * K + kind[i]!] === 0) {
      const childKind = Kind.kinds[kind[i]!]!
      const parentKind = Kind.kinds[kind[p]!]!
      issues.push(messages.make("ORG_KIND_NOT_ALLOWED", {
        path: ["orgUnits", i, "kind"],
        params: { id: row.id, parentId, kind: childKind, parentKind, policy: policy.id },
        labels: { kind: Kind.labels[childKind], parentKind: Kind.labels[parentKind] }
      }))
    }
  }
  if (n > 0 && roots.length === 0 && byId.size > 0) issues.push(messages.make("ORG_NO_ROOT", { path: ["orgUnits"] }))
  if (roots.length > 1) {
    issues.push(messages.make("ORG_SEVERAL_ROOTS", {
      path: ["orgUnits"],
      params: { count: roots.length, ids: describeIds(roots.map((r) => units[r]!.id)) }
    }))
  }
  for (const r of roots) {
    const rootKind = Kind.kinds[kind[r]!]!
    if (!policy.roots.includes(rootKind)) {
      issues.push(messages.make("ORG_ROOT_KIND_NOT_ALLOWED", {
        path: ["orgUnits", r, "kind"],
        params: { id: units[r]!.id, kind: rootKind, policy: policy.id, allowed: policy.roots.join(", ") },
        labels: {
          kind: Kind.labels[rootKind],
          allowed: {
            zh: policy.roots.map((k) => Kind.labels[k].zh).join("、"),
            en: policy.roots.map((k) => Kind.labels[k].en).join(", ")
          }
        }
      }))
    }
  }

  // children lists, in row order
  const firstChild = new Int32Array(n).fill(-1)
  const nextSibling = new Int32Array(n).fill(-1)
  for (let i = n - 1; i >= 0; i--) {
    const p = parent[i]!
    if (p >= 0) {
      nextSibling[i] = firstChild[p]!
      firstChild[p] = i
    }
  }

  // pre-order from the roots, iteratively
  const preorder = new Int32Array(n)
  const pre = new Int32Array(n).fill(-1)
  const last = new Int32Array(n).fill(-1)
  const depth = new Int32Array(n)
  let count = 0
  const stack = new Int32Array(n + 1)
  for (const r of roots) {
    let top = 0
    stack[top++] = r
    while (top > 0) {
      const u = stack[--top]!
      pre[u] = count
      preorder[count++] = u
      // push children in reverse so that the first child is visited first
      let c = firstChild[u]!
      const start = top
      while (c >= 0) {
        depth[c] = depth[u]! + 1
        stack[top++] = c
        c = nextSibling[c]!
      }
      for (let a = start, b = top - 1; a < b; a++, b--) {
        const t = stack[a]!
        stack[a] = stack[b]!
        stack[b] = t
      }
    }
  }
  // subtree ends: walk the pre-order backwards
  for (let k = count - 1; k >= 0; k--) {
    const u = preorder[k]!
    if (last[u] === -1) last[u] = k
    const p = parent[u]!
    if (p >= 0 && (last[p] === -1 || last[p]! < last[u]!)) last[p] = last[u]!
  }

  // rows with a valid parent that the roots do not reach sit on (or hang from) a cycle
  if (count < byId.size) {
    const stamp = new Int32Array(n)
    let walk = 0
    for (let i = 0; i < n; i++) {
      if (skip[i] === 1 || pre[i] !== -1 || stamp[i] !== 0 || parent[i] === -1) continue
      walk++
      let u = i
      while (u >= 0 && stamp[u] === 0 && pre[u] === -1) {
        stamp[u] = walk
        u = parent[u]!
      }
      if (u >= 0 && stamp[u] === walk) {
        const cycle: Array<string> = []
        let v = u
        do {
          cycle.push(units[v]!.id)
          v = parent[v]!
        } while (v !== u && cycle.length <= n)
        issues.push(
          messages.make("ORG_CYCLE", {
            path: ["orgUnits", u, "parentId"],
            params: { ids: describeIds([...cycle, units[u]!.id], 10).replaceAll(", ", " → ") }
          })
        )
      }
    }
  }

  // people
  const people = rows.people ?? []
  const personById = KeyIndex.make((i) => people[i]!.id, people.length)
  const personUnit = new Int32Array(people.length).fill(-1)
  const full = new Int32Array(n)
  const probationary = new Int32Array(n)
  let lastHome: string | undefined
  let lastUnit: number | undefined
  // people: ids checked in one pass, then indexed in bulk (duplicates found region by region of the index)
  const badPeople = new Uint8Array(people.length)
  const firstPeople = personById.addAll(people.length, (i) => {
    if (idIssues(people[i]!.id).length === 0) return 1
    badPeople[i] = 1
    return 0
  })
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!
    if (isBlank(person.name)) issues.push(emptyName(["people", i, "name"], "person", person.id))
    if (!memberships.has(person.membership)) {
      issues.push(unknownValue(["people", i, "membership"], person.id, "membership", person.membership, memberships))
    }
    if (badPeople[i] === 1) {
      for (const issue of idIssues(person.id)) issues.push(badId(issue, ["people", i, "id"], i, person.id))
      continue
    }
    const first = firstPeople[i]!
    if (first >= 0) {
      issues.push(
        messages.make("ORG_DUPLICATE_ID", { path: ["people", i, "id"], params: { id: person.id, first: first + 1 } })
      )
      continue
    }
    const home = person.orgUnitId
    if (home !== undefined) {
      // rosters list a branch's members together: look each org unit up once per run of them
      const u = home === lastHome ? lastUnit : byId.get(home)
      lastHome = home
      lastUnit = u
      if (u === undefined) {
        issues.push(referenceIssue(["people", i, "orgUnitId"], "person", person.id, "orgUnit", home))
      } else {
        personUnit[i] = u
        if (person.membership === "full") full[u]!++
        else if (person.membership === "probationary") probationary[u]!++
      }
    }
    if (person.employerUnitId !== undefined && !memberUnitById.has(person.employerUnitId)) {
      issues.push(
        referenceIssue(["people", i, "employerUnitId"], "person", person.id, "memberUnit", person.employerUnitId)
      )
    }
    if (person.reportsTo !== undefined) {
      const gc = byId.get(person.reportsTo)
      if (gc === undefined) {
        issues.push(referenceIssue(["people", i, "reportsTo"], "person", person.id, "orgUnit", person.reportsTo))
      } else if (Kind.kinds[kind[gc]!] !== "grand-committee") {
        issues.push(
          wrongKind(
            ["people", i, "reportsTo"],
            person.id,
            "reportsTo",
            "grand-committee",
            person.reportsTo,
            Kind.kinds[kind[gc]!]!
          )
        )
      }
    }
  }

  // positions
  const positions = rows.positions ?? []
  const positionCount = new Int32Array(n + 1)
  const positionUnit = new Int32Array(positions.length).fill(-1)
  const positionPerson = new Int32Array(positions.length).fill(-1)
  // positions come grouped by org unit too: look each up once per run of them
  let lastPositionUnitId: string | undefined
  let lastPositionUnit: number | undefined
  positions.forEach((position, i) => {
    if (!roles.has(position.role)) {
      issues.push(
        unknownValue(
          ["positions", i, "role"],
          `${position.orgUnitId}/${position.personId}`,
          "role",
          position.role,
          roles
        )
      )
    }
    const u = position.orgUnitId === lastPositionUnitId ? lastPositionUnit : byId.get(position.orgUnitId)
    lastPositionUnitId = position.orgUnitId
    lastPositionUnit = u
    if (u === undefined) {
      issues.push(
        referenceIssue(
          ["positions", i, "orgUnitId"],
          "position",
          `${position.personId}/${position.role}`,
          "orgUnit",
          position.orgUnitId
        )
      )
    } else {
      positionUnit[i] = u
      positionCount[u + 1]!++
    }
    const holder = personById.get(position.personId)
    if (holder !== undefined) positionPerson[i] = holder
    else {
      issues.push(
        referenceIssue(
          ["positions", i, "personId"],
          "position",
          `${position.orgUnitId}/${position.role}`,
          "person",
          position.personId
        )
      )
    }
    if (position.end !== undefined && position.end < position.start) {
      issues.push(endsBeforeStart(position, i, "end", position.end))
    }
    if (position.left !== undefined && position.left < position.start) {
      issues.push(endsBeforeStart(position, i, "left", position.left))
    }
  })

  for (let i = 0; i < n; i++) positionCount[i + 1]! += positionCount[i]!
  const positionStart = positionCount
  const fill = positionStart.slice(0, n)
  const positionOrder = new Int32Array(positions.length)
  for (let i = 0; i < positions.length; i++) {
    const u = positionUnit[i]!
    if (u >= 0) positionOrder[fill[u]!++] = i
  }

  // the same holder in the same role of the same unit from the same day, twice: compared within each
  // unit's positions (in row order; a unit has a few, a map only for the rare unit with many)
  const duplicates: Array<Issue.DomainIssue> = []
  const same = (a: OrgRows.PositionRow, b: OrgRows.PositionRow) =>
    a.personId === b.personId && a.role === b.role && a.start === b.start
  const duplicate = (i: number, first: number) => {
    const position = positions[i]!
    duplicates.push(messages.make("ORG_DUPLICATE_POSITION", {
      path: ["positions", i],
      params: {
        id: position.orgUnitId,
        personId: position.personId,
        role: shown(position.role),
        start: position.start,
        first: first + 1
      },
      labels: { role: roleLabel(position.role) }
    }))
  }
  for (let u = 0; u < n; u++) {
    const from = positionStart[u]!
    const to = positionStart[u + 1]!
    if (to - from < 2) continue
    if (to - from <= 32) {
      for (let k = from + 1; k < to; k++) {
        const b = positionOrder[k]!
        for (let j = from; j < k; j++) {
          const a = positionOrder[j]!
          if (same(positions[a]!, positions[b]!)) {
            duplicate(b, a)
            break
          }
        }
      }
    } else {
      const seen = new Map<string, number>()
      for (let k = from; k < to; k++) {
        const b = positionOrder[k]!
        const p = positions[b]!
        const key = `${p.personId}\u0000${p.role}\u0000${p.start}`
        const first = seen.get(key)
        if (first === undefined) seen.set(key, b)
        else duplicate(b, first)
      }
    }
  }
  issues.push(...duplicates)
  if (issues.some(Issue.isError)) return Result.fail(ValidationReport.make(issues))

  const tree: Tree = Object.freeze({ policy, orgUnits: units, people, memberUnits, positions, size: n })
  return Result.succeed({
    tree,
    indexes: {
      root: roots[0] ?? -1,
      byId,
      parent,
      kind,
      firstChild,
      nextSibling,
      preorder,
      pre,
      last,
      depth,
      personById,
      personUnit,
      memberUnitById,
      full,
      probationary,
      positionStart,
      positionOrder,
      positionUnit,
      positionPerson
    }
  })
}
