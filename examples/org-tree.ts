/**
 * @gongzhi/org-tree on the seeds: 名泉's grand committee as a Mermaid org chart (15 member
 * units, 13 branches, two deputies from member units), 红安's generated county with its
 * figures and coverage table (全覆盖), and 平利's grid branch of 212 members validated against
 * the national rules.
 *
 * Run: npx tsx --conditions=@gongzhi/source examples/org-tree.ts
 */
import { CivilDate, ValidationReport } from "@gongzhi/core"
import { Fixtures, OrgTree, Presets, Query, Render, Rollup, Validation } from "@gongzhi/org-tree"

/** Runs the org-tree walk-through and returns what it prints. */
export const runOrgTreeDemo = (): string => {
  const lines: Array<string> = []
  const say = (line = "") => lines.push(line)
  const asOf = CivilDate.makeUnsafe("2024-12-31")
  say("== @gongzhi/org-tree: the grand committee's organisation ==")

  // 名泉: the grand committee, its member units and branches
  const mingquan = ValidationReport.getOrThrow(OrgTree.build(Fixtures.mingquan(), Presets.mingquan))
  const deputies = Query.byRole(mingquan, "deputy-secretary", { within: "mingquan", on: asOf })
  say(
    `名泉社区大党委: ${Query.memberUnitsOf(mingquan, "mingquan").length} member units, ${
      Query.byKind(mingquan, "branch").length
    } branches, ${deputies.length} deputy secretaries from member units (part-time: ${
      deputies.every((p) => p.partTime === true)
    }); ${Validation.validate(mingquan, { asOf }).issues.length} issues under the 名泉 policy`
  )
  say("")
  say(Render.mermaid(mingquan, { root: "mingquan", depth: 1, territory: false }))

  // 红安: a generated county and its coverage table
  const hongan = ValidationReport.getOrThrow(OrgTree.build(Fixtures.hongan({ seed: 2020 }), Presets.hongan))
  const c = Rollup.counts(hongan)
  say("")
  say(
    `红安: ${c.byKind["grand-committee"]} grand committees, ${c.byKind.grid} grids, ${c.byKind.branch} branches, ${
      c.byKind["party-group"]
    } groups, ${
      c.byKind["centre-household"]
    } centre households, ${c.twoHeadsFourMembers} two-heads-four-members, ${c.memberUnits} units, ${c.inServiceMembers} in-service members`
  )
  const table = Rollup.coverageTable(Rollup.coverage(hongan), "zh")
  say(table.columns.join(" | "))
  for (const row of table.rows) say(row.join(" | "))

  // 平利: a grid branch of 212 members
  const pingli = ValidationReport.getOrThrow(OrgTree.build(Fixtures.pingliGridBranch(), Presets.hongan))
  say("")
  say("平利's grid branch of 212 members, validated:")
  say(ValidationReport.format(Validation.validate(pingli, { asOf }), "zh"))
  return lines.join("\n")
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(runOrgTreeDemo())
