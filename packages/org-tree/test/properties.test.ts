import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Change, Kind, type OrgPolicy, type OrgRows, OrgTree, Presets, Render, Rollup } from "../src/index.js"
import { ok } from "./fixtures.js"

/** Any kind under any kind: random trees of every shape. */
const anything: OrgPolicy.OrgPolicy = {
  ...Presets.hongan,
  id: "anything",
  roots: [...Kind.kinds],
  allowed: Kind.kinds.map((parent) => ({ parent, children: [...Kind.kinds] }))
}

/** Random trees: node i's parent is one of the nodes before it; rows in a shuffled order. */
const trees = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.record({
      parents: fc.tuple(
        ...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 })))
      ),
      kinds: fc.array(fc.constantFrom(...Kind.kinds), { minLength: n, maxLength: n }),
      order: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n })
    })
  )
  .map(({ parents, kinds, order }): OrgRows.Rows => ({
    orgUnits: order.map((i) => ({
      id: `u${i}`,
      ...(parents[i]! < 0 ? {} : { parentId: `u${parents[i]}` }),
      kind: kinds[i]!,
      name: `单位${i}`
    }))
  }))

describe("properties", () => {
  it("build ∘ flatten is the identity on rows", () => {
    fc.assert(fc.property(trees, (rows) => {
      const tree = ok(OrgTree.build(rows, anything))
      const again = ok(OrgTree.build(Render.rows(tree), anything))
      expect(again.orgUnits).toEqual(tree.orgUnits)
      expect(Render.mermaid(again)).toBe(Render.mermaid(tree))
    }))
  })

  it("a roll-up is the sum of its parts", () => {
    fc.assert(fc.property(trees, (rows) => {
      const tree = ok(OrgTree.build(rows, anything))
      const top = OrgTree.root(tree)!
      const whole = Rollup.counts(tree)
      const parts = OrgTree.children(tree, top.id).map((child) => Rollup.counts(tree, child.id))
      for (const kind of Kind.kinds) {
        expect(whole.byKind[kind]).toBe((top.kind === kind ? 1 : 0) + parts.reduce((sum, p) => sum + p.byKind[kind], 0))
      }
      expect(Kind.kinds.reduce((sum, k) => sum + whole.byKind[k], 0)).toBe(tree.size)
    }))
  })

  it("moving a subtree and moving it back gives the original", () => {
    fc.assert(fc.property(trees, fc.nat(), fc.nat(), (rows, a, b) => {
      const tree = ok(OrgTree.build(rows, anything))
      if (tree.size < 2) return
      const ids = tree.orgUnits.map((u) => u.id)
      const node = tree.orgUnits.filter((u) => u.parentId !== undefined)[a % (tree.size - 1)]!
      const targets = ids.filter((id) => !OrgTree.isWithin(tree, id, node.id))
      const target = targets[b % targets.length]!
      const moved = ok(Change.move(tree, node.id, target))
      const back = ok(Change.move(moved.tree, node.id, node.parentId!))
      expect(back.tree.orgUnits).toEqual(tree.orgUnits)
      expect(Change.diff(tree, back.tree).reparented).toEqual([])
    }))
  })

  it("the diff of a tree with itself is empty", () => {
    fc.assert(fc.property(trees, (rows) => {
      const tree = ok(OrgTree.build(rows, anything))
      expect(Change.diff(tree, tree)).toEqual({ added: [], removed: [], renamed: [], reparented: [], moved: [] })
    }))
  })

  it("rejects, never throws on, rows with random parents (cycles, missing parents, several roots)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom("a", "b", "c", "d", "e", ""),
            parentId: fc.option(fc.constantFrom("a", "b", "c", "x"), { nil: null })
          }),
          { maxLength: 8 }
        ),
        (raw) => {
          const rows: OrgRows.Rows = { orgUnits: raw.map((r) => ({ ...r, kind: "party-group" as const, name: r.id })) }
          const built = OrgTree.build(rows, anything)
          if (built._tag === "Failure") expect(built.failure.issues.length).toBeGreaterThan(0)
          else expect(built.success.size).toBe(rows.orgUnits.length)
        }
      )
    )
  })
})
