/**
 * Shipped organisation policies: 红安's four levels (grand committee → grid branch → building
 * party group → centre household) under a street working committee, and 名泉's grand committee
 * with unit branches and area groups. Their thresholds are the national rules, each with its
 * source.
 *
 * @since 0.1.0
 */
import type * as OrgPolicy from "../OrgPolicy.js"

const thresholds: OrgPolicy.Thresholds = {
  branchMinFullMembers: 3,
  jointBranchMaxUnits: 5,
  branchMaxMembers: 50,
  committeeRequiredAt: 7,
  committeeMin: 3,
  committeeMax: 5,
  committeeHardMax: 7,
  generalBranchSuggestAt: 50,
  committeeSuggestAt: 100
}

const sources: OrgPolicy.OrgPolicy["sources"] = [
  {
    rule: "branchMinFullMembers",
    source: "《中国共产党支部工作条例（试行）》(2018) 第四条：有正式党员 3 人以上的，应当成立党支部"
  },
  {
    rule: "branchMaxMembers",
    source: "《中国共产党支部工作条例（试行）》(2018) 第四条：党支部党员人数一般不超过 50 人"
  },
  {
    rule: "jointBranchMaxUnits",
    source: "《中国共产党支部工作条例（试行）》(2018) 第五条：联合党支部覆盖单位一般不超过 5 个"
  },
  {
    rule: "committeeRequiredAt",
    source:
      "《中国共产党支部工作条例（试行）》(2018) 第六章：正式党员 7 人以上的党支部设立支部委员会，由 3 至 5 人组成，一般不超过 7 人；不足 7 人的不设委员会，设书记 1 人，必要时设副书记 1 人"
  },
  {
    rule: "termYears",
    source: "《关于党的基层组织任期的意见》(2018)：村和社区党组织每届 5 年，党总支、党支部每届一般 3 年"
  },
  {
    rule: "generalBranchSuggestAt",
    source: "《党和国家机关基层组织工作条例》(2019)：党员 50 人以上不足 100 人的，可设立党总支部"
  },
  { rule: "committeeSuggestAt", source: "《党和国家机关基层组织工作条例》(2019)：党员 100 人以上的，设立基层党委" },
  { rule: "probationary", source: "《中国共产党基层组织选举工作条例》(2020) 第五条：预备党员不计入正式党员人数" }
]

/** What both presets share: the territory, the national thresholds, terms and deputies. */
const territory: OrgPolicy.OrgPolicy["allowed"] = [
  { parent: "party-group", children: ["centre-household"] },
  { parent: "grid", children: ["building"] },
  { parent: "building", children: ["entrance"] }
]
const national = {
  kind: "org-policy",
  schemaVersion: 1,
  roots: ["street-working-committee", "grand-committee"],
  thresholds,
  termYears: {
    default: 3,
    byKind: [{ kind: "grand-committee", years: 5 }, { kind: "street-working-committee", years: 5 }]
  },
  maxDeputies: [{ kind: "branch", max: 1 }],
  sources
} as const satisfies Partial<OrgPolicy.OrgPolicy>

/**
 * 红安's policy: a street working committee over grand committees; grand committee → grid
 * branch → building party group → centre household; grids under the grand committee, buildings
 * under grids, entrances under buildings. Community committees serve 5 years, branches 3.
 *
 * @example
 * ```ts
 * import { OrgPolicy, Presets } from "@gongzhi/org-tree"
 *
 * console.log(OrgPolicy.childrenOf(Presets.hongan, "grand-committee")) // ["general-branch", "branch", "grid"]
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const hongan: OrgPolicy.OrgPolicy = {
  ...national,
  id: "hongan",
  name: { zh: "红安县“四级组织体系”", en: "Hong'an four-level structure" },
  allowed: [
    { parent: "street-working-committee", children: ["grand-committee"] },
    { parent: "grand-committee", children: ["general-branch", "branch", "grid"] },
    { parent: "general-branch", children: ["branch"] },
    { parent: "branch", children: ["party-group"] },
    ...territory
  ],
  secretaryRequired: ["grand-committee", "general-branch", "branch"]
}

/**
 * 名泉's policy: the grand committee (led by the community secretary, deputies may be heads of
 * member units' party organisations) with unit and area branches, and party groups in every
 * area and building entrance; it reports to the street working committee.
 *
 * @example
 * ```ts
 * import { OrgPolicy, Presets } from "@gongzhi/org-tree"
 *
 * console.log(OrgPolicy.childrenOf(Presets.mingquan, "branch")) // ["party-group"]
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const mingquan: OrgPolicy.OrgPolicy = {
  ...national,
  id: "mingquan",
  name: { zh: "名泉社区大党委组织设置", en: "Mingquan grand committee structure" },
  allowed: [
    { parent: "street-working-committee", children: ["grand-committee"] },
    { parent: "grand-committee", children: ["branch", "party-group", "grid"] },
    { parent: "branch", children: ["party-group"] },
    ...territory
  ],
  secretaryRequired: ["grand-committee", "branch"]
}

/**
 * The shipped policies by id, for `preset:<id>` references.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/org-tree"
 *
 * console.log(Object.keys(Presets.policies)) // ["hongan", "mingquan"]
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const policies: Readonly<Record<string, OrgPolicy.OrgPolicy>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, OrgPolicy.OrgPolicy>, { hongan, mingquan })
)

/**
 * The shipped policy a name from input refers to (`"hongan"` or `"preset:hongan"`), looked up on
 * the presets' own keys only: `"constructor"`, `"__proto__"` or `"toString"` find nothing.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/org-tree"
 *
 * console.log(Presets.find("preset:mingquan")?.id, Presets.find("constructor")) // mingquan undefined
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const find = (name: string): OrgPolicy.OrgPolicy | undefined => {
  if (typeof name !== "string") return undefined
  const id = name.startsWith("preset:") ? name.slice("preset:".length) : name
  return Object.hasOwn(policies, id) ? policies[id] : undefined
}
