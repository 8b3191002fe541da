/**
 * Exports of a tree: a Mermaid flowchart, a Graphviz DOT graph, nested JSON as d3-hierarchy
 * reads it, and flat rows. Large trees are exported by subtree (`root`) and `depth`; labels are
 * the org units' names, with their kind in Chinese or English. All iterative.
 *
 * @since 0.1.0
 */
import type { Label } from "@gongzhi/core"
import { indexesOf, kindAt, readableTree, subtree } from "./internal/indexes.js"
import * as Kind from "./Kind.js"
import type * as OrgRows from "./OrgRows.js"
import type * as OrgTree from "./OrgTree.js"

/**
 * What to export: the subtree's root (the tree's root by default), how many levels below it
 * (all by default), the language of the kind labels, and whether to include the territory
 * (grids, buildings, entrances).
 *
 * @example
 * ```ts
 * import type { Render } from "@gongzhi/org-tree"
 *
 * const options: Render.Options = { root: "mingquan", depth: 1, lang: "en", territory: false }
 * console.log(options.depth)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly root?: string | undefined
  readonly depth?: number | undefined
  readonly lang?: Label.Lang | undefined
  readonly territory?: boolean | undefined
}

/** The rows selected by the options, in pre-order, with their parent (−1 for the top). */
const select = (tree: OrgTree.OrgTree, options?: Options): Array<number> => {
  const index = indexesOf(tree)
  const start = options?.root === undefined ? index.root : index.byId.get(options.root)
  if (start === undefined || start < 0) return []
  const limit = options?.depth === undefined ? Number.POSITIVE_INFINITY : index.depth[start]! + options.depth
  const rows = subtree(tree, start)
  const out: Array<number> = []
  for (let k = 0; k < rows.length; k++) {
    const u = rows[k]!
    if (index.depth[u]! > limit) continue
    if (options?.territory === false && !Kind.isOrganisation(kindAt(tree, u))) continue
    out.push(u)
  }
  return out
}

const shown = (tree: OrgTree.OrgTree, options?: Options) => {
  const rows = select(tree, options)
  const set = new Set(rows)
  const parent = indexesOf(tree).parent
  return { rows, edgeFrom: (u: number) => (set.has(parent[u]!) ? parent[u]! : -1) }
}

const mermaidText = (text: string) =>
  text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"))

const classOf: Readonly<Record<Kind.Kind, string>> = {
  "street-working-committee": "committee",
  "grand-committee": "committee",
  "general-branch": "branch",
  branch: "branch",
  "party-group": "group",
  "centre-household": "household",
  grid: "territory",
  building: "territory",
  entrance: "territory"
}

/**
 * A Mermaid flowchart (`flowchart TD`) of the tree or a subtree, styled by kind.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Render } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * const chart = Render.mermaid(tree, { root: "mingquan", depth: 1, territory: false })
 * console.log(chart.split("\n")[0], chart.includes("名泉社区大党委")) // "flowchart TD" true
 * ```
 *
 * @category exports
 * @since 0.1.0
 */
export const mermaid = (tree: OrgTree.OrgTree, options?: Options): string => {
  tree = readableTree(tree)
  const lang = options?.lang ?? "zh"
  const { rows, edgeFrom } = shown(tree, options)
  const lines = ["flowchart TD"]
  const byClass = new Map<string, Array<string>>()
  for (const u of rows) {
    const row = tree.orgUnits[u]!
    const kind = kindAt(tree, u)
    lines.push(`  n${u}["${mermaidText(row.name)}<br/><small>${mermaidText(Kind.labels[kind][lang])}</small>"]`)
    const from = edgeFrom(u)
    if (from >= 0) lines.push(`  n${from} --> n${u}`)
    const list = byClass.get(classOf[kind]) ?? []
    list.push(`n${u}`)
    byClass.set(classOf[kind], list)
  }
  lines.push(
    "  classDef committee fill:#c0392b,color:#fff,stroke:#922b21",
    "  classDef branch fill:#fdf2f0,stroke:#c0392b",
    "  classDef group fill:#fff,stroke:#c0392b",
    "  classDef household fill:#fff,stroke:#e67e22,stroke-dasharray:3",
    "  classDef territory fill:#f4f6f7,stroke:#95a5a6"
  )
  for (const [name, ids] of byClass) lines.push(`  class ${ids.join(",")} ${name}`)
  return lines.join("\n")
}

const dotText = (text: string) => text.replace(/\\/g, "\\\\").replace(/"/g, "\\\"")

/**
 * A Graphviz DOT graph of the tree or a subtree.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Render } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * console.log(Render.dot(tree, { depth: 1 }).startsWith("digraph org {")) // true
 * ```
 *
 * @category exports
 * @since 0.1.0
 */
export const dot = (tree: OrgTree.OrgTree, options?: Options): string => {
  tree = readableTree(tree)
  const lang = options?.lang ?? "zh"
  const { rows, edgeFrom } = shown(tree, options)
  const lines = ["digraph org {", "  rankdir=TB;",
    "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#fdf2f0\", color=\"#c0392b\", fontname=\"sans-serif\"];"]
  for (const u of rows) {
    const row = tree.orgUnits[u]!
    lines.push(`  n${u} [label="${dotText(row.name)}\\n${dotText(Kind.labels[kindAt(tree, u)][lang])}"];`)
  }
  for (const u of rows) {
    const from = edgeFrom(u)
    if (from >= 0) lines.push(`  n${from} -> n${u};`)
  }
  lines.push("}")
  return lines.join("\n")
}

/**
 * A node of the nested JSON export (d3-hierarchy's `hierarchy()` reads it as is).
 *
 * @example
 * ```ts
 * import type { Render } from "@gongzhi/org-tree"
 *
 * const node: Render.Nested = { id: "gc-1", name: "城东社区大党委", kind: "grand-committee", label: "社区大党委", children: [] }
 * console.log(node.children?.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Nested {
  readonly id: string
  readonly name: string
  readonly kind: Kind.Kind
  readonly label: string
  readonly children?: ReadonlyArray<Nested>
}

/**
 * The tree or a subtree as nested JSON (`{ id, name, kind, label, children }`).
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Render } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * const top = Render.nested(tree, { root: "mingquan", depth: 1, territory: false })
 * console.log(top?.name, top?.children?.length) // "名泉社区大党委" 13
 * ```
 *
 * @category exports
 * @since 0.1.0
 */
export const nested = (tree: OrgTree.OrgTree, options?: Options): Nested | undefined => {
  tree = readableTree(tree)
  const lang = options?.lang ?? "zh"
  const { rows, edgeFrom } = shown(tree, options)
  const nodes = new Map<
    number,
    { id: string; name: string; kind: Kind.Kind; label: string; children?: Array<Nested> }
  >()
  let top: Nested | undefined
  for (const u of rows) {
    const row = tree.orgUnits[u]!
    const kind = kindAt(tree, u)
    const node = { id: row.id, name: row.name, kind, label: Kind.labels[kind][lang] }
    nodes.set(u, node)
    const from = edgeFrom(u)
    if (from < 0) {
      top ??= node
      continue
    }
    const parent = nodes.get(from)!
    ;(parent.children ??= []).push(node)
  }
  return top
}

/**
 * The tree as an `org-rows` document (all rows, or only those of a subtree and depth with the
 * people, member units and positions that belong to them); `OrgTree.build` takes it back.
 *
 * @example
 * ```ts
 * import { Fixtures, OrgTree, Presets, Render } from "@gongzhi/org-tree"
 * import { Result } from "effect"
 *
 * const tree = Result.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
 * const doc = Render.rows(tree)
 * console.log(doc.kind, doc.orgUnits.length === tree.size) // "org-rows" true
 * ```
 *
 * @category exports
 * @since 0.1.0
 */
export const rows = (
  tree: OrgTree.OrgTree,
  options?: Options & { readonly policy?: string | undefined }
): OrgRows.OrgRows => {
  tree = readableTree(tree)
  const whole = options?.root === undefined && options?.depth === undefined && options?.territory !== false
  const selected = whole ? undefined : select(tree, options)
  const keep = selected === undefined ? undefined : new Set(selected.map((u) => tree.orgUnits[u]!.id))
  const orgUnits = selected === undefined
    ? tree.orgUnits
    : selected.map((u, k): OrgRows.OrgUnitRow => {
      const row = tree.orgUnits[u]!
      return k > 0 ? row : { ...row, parentId: null }
    })
  const within = (id: string | undefined) => id !== undefined && (keep === undefined || keep.has(id))
  const memberUnits = keep === undefined ? tree.memberUnits : tree.memberUnits.filter((u) => within(u.grandCommitteeId))
  const units = new Set(memberUnits.map((u) => u.id))
  const positionsWithin = keep === undefined ? tree.positions : tree.positions.filter((p) => within(p.orgUnitId))
  const holders = new Set(positionsWithin.map((p) => p.personId))
  const people = keep === undefined
    ? tree.people
    : tree.people.flatMap((p): Array<OrgRows.PersonRow> => {
      const kept = p.orgUnitId === undefined ? within(p.reportsTo) || holders.has(p.id) : within(p.orgUnitId)
      if (!kept) return []
      return [{
        id: p.id,
        name: p.name,
        membership: p.membership,
        ...(p.orgUnitId === undefined ? {} : { orgUnitId: p.orgUnitId }),
        ...(p.employerUnitId !== undefined && units.has(p.employerUnitId) ? { employerUnitId: p.employerUnitId } : {}),
        ...(within(p.reportsTo) ? { reportsTo: p.reportsTo } : {}),
        ...(p.external === undefined ? {} : { external: p.external })
      }]
    })
  const personIds = new Set(people.map((p) => p.id))
  const positions = keep === undefined ? tree.positions : positionsWithin.filter((p) => personIds.has(p.personId))
  return {
    kind: "org-rows",
    schemaVersion: 1,
    policy: options?.policy ?? `preset:${tree.policy.id}`,
    orgUnits: keep === undefined
      ? orgUnits
      : orgUnits.map((u) => ({
        ...u,
        ...(u.covers === undefined ? {} : { covers: u.covers.filter((c) => keep.has(c)) }),
        ...(u.memberUnits === undefined ? {} : { memberUnits: u.memberUnits.filter((m) => units.has(m)) })
      })),
    people,
    memberUnits,
    positions
  }
}
