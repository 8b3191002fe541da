/**
 * The vocabulary of the organisation: the kinds of org units (and of the grids, buildings and
 * entrances they cover), the types of branches, the positions people hold, the types of member
 * units and what membership a person has — each with its Chinese and English label.
 *
 * @since 0.1.0
 */
import type { Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"

/**
 * The kinds of nodes of the tree: the levels of the party organisation, from the street
 * working committee (街道党工委) down to the centre household (党员中心户), and the territory
 * they cover (网格, 楼栋, 单元). A branch committee (支部委员会) is not a node: it is the
 * committee positions of its branch.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.kinds.length) // 9
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const kinds = [
  "street-working-committee",
  "grand-committee",
  "general-branch",
  "branch",
  "party-group",
  "centre-household",
  "grid",
  "building",
  "entrance"
] as const

/**
 * A kind of node.
 *
 * @example
 * ```ts
 * import type { Kind } from "@gongzhi/org-tree"
 *
 * const kind: Kind.Kind = "grand-committee"
 * console.log(kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Kind = (typeof kinds)[number]

/**
 * Schema of {@link Kind}.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Kind.Kind)("branch")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Kind: Schema.Codec<Kind> = Schema.Literals(kinds)

/**
 * The labels of the kinds.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.labels["grand-committee"].zh) // "社区大党委"
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const labels: Readonly<Record<Kind, Label.Label>> = {
  "street-working-committee": { zh: "街道党工委", en: "street working committee" },
  "grand-committee": { zh: "社区大党委", en: "grand committee" },
  "general-branch": { zh: "党总支", en: "general branch" },
  branch: { zh: "党支部", en: "branch" },
  "party-group": { zh: "党小组", en: "party group" },
  "centre-household": { zh: "党员中心户", en: "centre household" },
  grid: { zh: "网格", en: "grid" },
  building: { zh: "楼栋", en: "building" },
  entrance: { zh: "单元", en: "entrance" }
}

/**
 * Whether a kind is a party organisation (as opposed to territory it covers).
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.isOrganisation("branch"), Kind.isOrganisation("grid")) // true false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isOrganisation = (kind: Kind): boolean => kind !== "grid" && kind !== "building" && kind !== "entrance"

/**
 * The types of branches: area/grid (网格/小区党支部), unit (单位党支部), functional (功能型),
 * joint (联合党支部, for units with fewer than three full members) and red property (红色物业).
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.branchTypeLabels.joint.zh) // "联合党支部"
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const branchTypeLabels = {
  grid: { zh: "网格党支部", en: "grid branch" },
  unit: { zh: "单位党支部", en: "unit branch" },
  functional: { zh: "功能型党支部", en: "functional branch" },
  joint: { zh: "联合党支部", en: "joint branch" },
  "red-property": { zh: "红色物业党支部", en: "red-property branch" }
} as const satisfies Record<string, Label.Label>

/**
 * A type of branch.
 *
 * @example
 * ```ts
 * import type { Kind } from "@gongzhi/org-tree"
 *
 * const type: Kind.BranchType = "joint"
 * console.log(type)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type BranchType = keyof typeof branchTypeLabels

/**
 * Schema of {@link BranchType}.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Kind.BranchType)("grid")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const BranchType: Schema.Codec<BranchType> = Schema.Literals(["grid", "unit", "functional", "joint",
  "red-property"])

/**
 * The positions people hold, with their labels: the party positions (secretary 书记, deputy
 * 副书记, committee member 委员, first secretary 第一书记, group head 党小组长) and the community
 * roles (building head 楼栋长, unit head 单元长, grid head 网格长, the four members 卫生员、宣传员、
 * 文体员、调解员, red steward 红色管家).
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.roleLabels["first-secretary"].zh) // "第一书记"
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const roleLabels = {
  secretary: { zh: "书记", en: "secretary" },
  "deputy-secretary": { zh: "副书记", en: "deputy secretary" },
  "committee-member": { zh: "委员", en: "committee member" },
  "first-secretary": { zh: "第一书记", en: "first secretary" },
  "group-head": { zh: "党小组长", en: "group head" },
  "building-head": { zh: "楼栋长", en: "building head" },
  "unit-head": { zh: "单元长", en: "unit head" },
  "grid-head": { zh: "网格长", en: "grid head" },
  "hygiene-member": { zh: "卫生员", en: "hygiene member" },
  "publicity-member": { zh: "宣传员", en: "publicity member" },
  "culture-sports-member": { zh: "文体员", en: "culture and sports member" },
  "mediation-member": { zh: "调解员", en: "mediation member" },
  "red-steward": { zh: "红色管家", en: "red steward" }
} as const satisfies Record<string, Label.Label>

/**
 * A position.
 *
 * @example
 * ```ts
 * import type { Kind } from "@gongzhi/org-tree"
 *
 * const role: Kind.Role = "secretary"
 * console.log(role)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Role = keyof typeof roleLabels

/**
 * Schema of {@link Role}.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Kind.Role)("red-steward")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Role: Schema.Codec<Role> = Schema.Literals(Object.keys(roleLabels) as [Role, ...Array<Role>])

/**
 * The positions of a committee: the secretary, deputies and members (支部委员会 counts all).
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.committeeRoles.includes("deputy-secretary")) // true
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const committeeRoles: ReadonlyArray<Role> = ["secretary", "deputy-secretary", "committee-member"]

/**
 * The party positions: their holders must be party members of the organisation (first
 * secretaries and part-time members from member units excepted).
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.partyRoles.includes("building-head")) // false
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const partyRoles: ReadonlyArray<Role> = ["secretary", "deputy-secretary", "committee-member", "first-secretary",
  "group-head"]

/**
 * The "two heads, four members" (两长四员) of 红安: group head, building head; hygiene,
 * publicity, culture-sports and mediation members.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.twoHeadsFourMembers.length) // 6
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const twoHeadsFourMembers: ReadonlyArray<Role> = [
  "group-head",
  "building-head",
  "hygiene-member",
  "publicity-member",
  "culture-sports-member",
  "mediation-member"
]

/**
 * The types of member units (驻区单位), with labels.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.unitTypeLabels.bank.zh) // "银行"
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const unitTypeLabels = {
  agency: { zh: "机关", en: "government agency" },
  "public-institution": { zh: "事业单位", en: "public institution" },
  "state-owned": { zh: "国有企业", en: "state-owned enterprise" },
  private: { zh: "非公企业", en: "private enterprise" },
  school: { zh: "学校", en: "school" },
  hospital: { zh: "医院", en: "hospital" },
  bank: { zh: "银行", en: "bank" },
  "property-company": { zh: "物业公司", en: "property company" },
  "social-organisation": { zh: "社会组织", en: "social organisation" },
  police: { zh: "派出所", en: "police station" },
  other: { zh: "其他", en: "other" }
} as const satisfies Record<string, Label.Label>

/**
 * A type of member unit.
 *
 * @example
 * ```ts
 * import type { Kind } from "@gongzhi/org-tree"
 *
 * const type: Kind.UnitType = "school"
 * console.log(type)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type UnitType = keyof typeof unitTypeLabels

/**
 * Schema of {@link UnitType}.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Kind.UnitType)("bank")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const UnitType: Schema.Codec<UnitType> = Schema.Literals(
  Object.keys(unitTypeLabels) as [UnitType, ...Array<UnitType>]
)

/**
 * What membership a person has: a full (正式) or probationary (预备) party member, or none (a
 * resident holding a role). Probationary members count as members but not as full members.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.membershipLabels.probationary.zh) // "预备党员"
 * ```
 *
 * @category labels
 * @since 0.1.0
 */
export const membershipLabels = {
  full: { zh: "正式党员", en: "full member" },
  probationary: { zh: "预备党员", en: "probationary member" },
  none: { zh: "群众", en: "resident" }
} as const satisfies Record<string, Label.Label>

/**
 * A membership.
 *
 * @example
 * ```ts
 * import type { Kind } from "@gongzhi/org-tree"
 *
 * const membership: Kind.Membership = "full"
 * console.log(membership)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Membership = keyof typeof membershipLabels

/**
 * Schema of {@link Membership}.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Kind.Membership)("none")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Membership: Schema.Codec<Membership> = Schema.Literals(["full", "probationary", "none"])

/**
 * Labels of the categories of a party organisation that decide its committee's term: the
 * organisations of a community (社区) or a village (村) serve 5 years, the others normally 3
 * (《中国共产党支部工作条例（试行）》 Art. 21; 《关于党的基层组织任期的意见》 (2018) Art. 1).
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 *
 * console.log(Kind.categoryLabels.community.zh) // 社区党组织
 * ```
 *
 * @category labels
 * @since 0.2.0
 */
export const categoryLabels = {
  community: { zh: "社区党组织", en: "community organisation" },
  village: { zh: "村党组织", en: "village organisation" },
  other: { zh: "其他基层单位党组织", en: "other organisation" }
} as const satisfies Record<string, Label.Label>

/**
 * The category of a party organisation for its term: `community`, `village` or `other`.
 *
 * @example
 * ```ts
 * import type { Kind } from "@gongzhi/org-tree"
 *
 * const category: Kind.Category = "community"
 * console.log(category)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Category = keyof typeof categoryLabels

/**
 * Schema of {@link Category}.
 *
 * @example
 * ```ts
 * import { Kind } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Kind.Category)("village")) // true
 * ```
 *
 * @category schemas
 * @since 0.2.0
 */
export const Category: Schema.Codec<Category> = Schema.Literals(["community", "village", "other"])
