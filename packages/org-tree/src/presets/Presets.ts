/**
 * Shipped organisation policies: the national default (`national`), 红安's four levels (grand committee → grid branch → building
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
    source:
      "《中国共产党支部工作条例（试行）》(2018) 第二章（组织设置）：凡是有正式党员 3 人以上的，都应当成立党支部；每个党支部，联合党支部在内，都要有 3 名以上正式党员"
  },
  {
    rule: "unitNeedsOwnBranch",
    source:
      "《中国共产党支部工作条例（试行）》(2018) 第二章：正式党员不足 3 人的单位，按地域相邻、行业相近、规模适当、便于管理的原则成立联合党支部——有 3 名以上正式党员的单位应单独成立党支部，不编入联合党支部"
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
    source:
      "《中国共产党支部工作条例（试行）》(2018) 第二十一条：村、社区党支部委员会每届任期 5 年，其他基层单位党支部委员会一般每届任期 3 年；《关于党的基层组织任期的意见》(2018) 第一条：党的基层委员会每届任期一般为 5 年，总支部委员会、支部委员会一般为 3 年，其中村和社区的党的委员会、总支部委员会、支部委员会每届任期为 5 年"
  },
  {
    rule: "generalBranchSuggestAt",
    source: "《党和国家机关基层组织工作条例》(2019)：党员 50 人以上不足 100 人的，可设立党总支部"
  },
  { rule: "committeeSuggestAt", source: "《党和国家机关基层组织工作条例》(2019)：党员 100 人以上的，设立基层党委" },
  { rule: "probationary", source: "《中国共产党基层组织选举工作条例》(2020) 第五条：预备党员不计入正式党员人数" },
  {
    rule: "probationaryNotElected",
    source:
      "《中国共产党章程》第七条：预备党员的权利，除了没有表决权、选举权和被选举权以外，也同正式党员一样——预备党员不能担任书记、副书记、委员等选举产生的职务"
  }
]

/** What both presets share: the territory, the national thresholds, terms and deputies. */
const territory: OrgPolicy.OrgPolicy["allowed"] = [
  { parent: "party-group", children: ["centre-household"] },
  { parent: "grid", children: ["building"] },
  { parent: "building", children: ["entrance"] }
]
const shared = {
  kind: "org-policy",
  schemaVersion: 1,
  roots: ["street-working-committee", "grand-committee"],
  thresholds,
  termYears: {
    default: 3,
    byKind: [{ kind: "grand-committee", years: 5 }, { kind: "street-working-committee", years: 5 }],
    byCategory: [{ category: "community", years: 5 }, { category: "village", years: 5 }, {
      category: "other",
      years: 3
    }]
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
  ...shared,
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
  ...shared,
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
 * The national default policy: the structure every community may use (a street working committee
 * or a community party organisation at the root; grand committees, general branches, branches,
 * party groups and centre households below; grids, buildings and entrances as territory) and the
 * national rules with their sources: a branch needs 3 full members (joint branches included), a
 * unit with 3 full members has its own branch, a joint branch normally covers ≤ 5 units, ≤ 50
 * members, a committee of 3–5 from 7 full members, community and village committees serve 5 years
 * and other branches 3, probationary members hold no elected position. Use it where a county has
 * no policy of its own.
 *
 * @example
 * ```ts
 * import { OrgPolicy, Presets } from "@gongzhi/org-tree"
 *
 * console.log(Presets.national.id, OrgPolicy.termYears(Presets.national, "branch", "village")) // national 5
 * console.log(Presets.national.sources.length) // 10
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const national: OrgPolicy.OrgPolicy = {
  ...shared,
  id: "national",
  name: { zh: "全国默认组织设置（按党章和支部工作条例）", en: "national default structure" },
  roots: ["street-working-committee", "grand-committee", "general-branch", "branch"],
  allowed: [
    { parent: "street-working-committee", children: ["grand-committee", "general-branch", "branch"] },
    { parent: "grand-committee", children: ["general-branch", "branch", "party-group", "grid"] },
    { parent: "general-branch", children: ["branch", "grid"] },
    { parent: "branch", children: ["party-group", "grid"] },
    ...territory
  ],
  secretaryRequired: ["grand-committee", "general-branch", "branch"]
}

/**
 * The shipped policies by id, for `preset:<id>` references.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/org-tree"
 *
 * console.log(Object.keys(Presets.policies)) // ["hongan", "mingquan", "national"]
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const policies: Readonly<Record<string, OrgPolicy.OrgPolicy>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, OrgPolicy.OrgPolicy>, { hongan, mingquan, national })
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
