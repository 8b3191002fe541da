/** Org rows for deep trees: a policy where party groups nest, and a chain of them as deep as one likes. */
import { Presets as OrgPresets } from "@gongzhi/org-tree"

/** A policy where party groups nest (hongan's, with party groups allowed under party groups). */
export const nesting = {
  ...OrgPresets.hongan,
  id: "nesting",
  roots: [...OrgPresets.hongan.roots, "party-group"],
  allowed: [...OrgPresets.hongan.allowed.filter((r) => r.parent !== "party-group"), {
    parent: "party-group",
    children: ["party-group", "centre-household"]
  }]
}

/** An org-rows document of `n` party groups, each the child of the one before. */
export const chain = (n: number) => ({
  kind: "org-rows",
  schemaVersion: 1,
  orgUnits: Array.from({ length: n }, (_, i) =>
    i === 0
      ? { id: "g0", kind: "party-group", name: "g0" }
      : { id: `g${i}`, parentId: `g${i - 1}`, kind: "party-group", name: `g${i}` })
})
