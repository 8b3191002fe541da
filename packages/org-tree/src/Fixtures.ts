/**
 * Generated, deterministic organisations from the seeds, for demos, tests and benchmarks:
 * 红安's county (19 grand committees, 301 grids, 257 branches, 787 groups, 842 centre
 * households, 4,735 two-heads-four-members, 116 member units, 6,352 in-service members), 名泉's
 * grand committee (15 member units, 13 branches, two deputies from units) and 平利's grid
 * branch of 212 members. The same seed always gives the same rows.
 *
 * @since 0.1.0
 */
import { type CivilDate, Random } from "@gongzhi/core"
import type * as Kind from "./Kind.js"
import type * as OrgRows from "./OrgRows.js"

const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
const givens =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强春梅海燕红梅玉兰德明文华晓东晓明国庆红英秀珍凤英淑珍玉梅"

const namer = (random: () => number) => () => {
  const surname = surnames[Math.floor(random() * surnames.length)]!
  const a = givens[Math.floor(random() * givens.length)]!
  return random() < 0.35 ? `${surname}${a}` : `${surname}${a}${givens[Math.floor(random() * givens.length)]!}`
}

const date = (text: string) => text as CivilDate.CivilDate

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/**
 * Options of the generators: the seed (names and sizes that vary; the seeds' totals never do).
 *
 * @example
 * ```ts
 * import type { Fixtures } from "@gongzhi/org-tree"
 *
 * const options: Fixtures.Options = { seed: 7 }
 * console.log(options.seed)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly seed?: number | undefined
}

interface Builder {
  readonly orgUnits: Array<OrgRows.OrgUnitRow>
  readonly people: Array<OrgRows.PersonRow>
  readonly memberUnits: Array<OrgRows.MemberUnitRow>
  readonly positions: Array<OrgRows.PositionRow>
  unit(
    id: string,
    parentId: string | undefined,
    kind: Kind.Kind,
    name: string,
    extra?: Partial<OrgRows.OrgUnitRow>
  ): string
  person(id: string, name: string, membership: Kind.Membership, extra?: Partial<OrgRows.PersonRow>): string
  position(
    orgUnitId: string,
    personId: string,
    role: Kind.Role,
    start: string,
    end: string,
    extra?: Partial<OrgRows.PositionRow>
  ): void
}

const builder = (): Builder => {
  const b: Builder = {
    orgUnits: [],
    people: [],
    memberUnits: [],
    positions: [],
    unit: (id, parentId, kind, name, extra) => {
      b.orgUnits.push({ id, ...(parentId === undefined ? {} : { parentId }), kind, name, ...extra })
      return id
    },
    person: (id, name, membership, extra) => {
      b.people.push({ id, name, membership, ...extra })
      return id
    },
    position: (orgUnitId, personId, role, start, end, extra) => {
      b.positions.push({ orgUnitId, personId, role, start: date(start), end: date(end), ...extra })
    }
  }
  return b
}

const document = (b: Builder, policy: string): OrgRows.OrgRows => ({
  kind: "org-rows",
  schemaVersion: 1,
  policy,
  orgUnits: b.orgUnits,
  people: b.people,
  memberUnits: b.memberUnits,
  positions: b.positions
})

/** Spreads `total` over `parts` as evenly as possible, the remainder to a seeded choice. */
const spread = (total: number, parts: number, random: () => number): Array<number> => {
  const out = new Array<number>(parts).fill(Math.floor(total / parts))
  const order = Array.from({ length: parts }, (_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  for (let r = 0; r < total % parts; r++) out[order[r]!]!++
  return out
}

const honganCommunities = ["城东", "城西", "城南", "城北", "将军", "金沙", "陵园", "红坪", "七里", "双城", "紫云",
  "永佳河", "杏花", "八里湾", "高桥", "觅儿", "太平桥", "华家河", "二程"]
const unitTypes: ReadonlyArray<Kind.UnitType> = ["agency", "public-institution", "state-owned", "private", "school",
  "hospital", "bank", "property-company", "social-organisation", "police"]
const unitTypeNames: Readonly<Record<string, string>> = {
  agency: "县直机关",
  "public-institution": "事业单位",
  "state-owned": "国有企业",
  private: "非公企业",
  school: "学校",
  hospital: "医院",
  bank: "银行网点",
  "property-company": "物业公司",
  "social-organisation": "社会组织",
  police: "派出所"
}

/**
 * 红安 county (2020): a street working committee over 19 grand committees with 301 grids, 257
 * grid branches (44 grids without one), 787 building party groups, 842 centre households, 771
 * branch committee members, 4,735 two-heads-four-members, 116 member units and 6,352 in-service
 * members reporting to the communities. Valid under `Presets.hongan` on 2024-12-31.
 *
 * @example
 * ```ts
 * import { Fixtures } from "@gongzhi/org-tree"
 *
 * const rows = Fixtures.hongan({ seed: 2020 })
 * console.log(rows.orgUnits.filter((u) => u.kind === "grand-committee").length) // 19
 * ```
 *
 * @category fixtures
 * @since 0.1.0
 */
export const hongan = (options?: Options): OrgRows.OrgRows => {
  const random = Random.seeded(options?.seed ?? 2020)
  const name = namer(random)
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const b = builder()
  const root = b.unit("hongan", undefined, "street-working-committee", "红安县城关镇党委（街道大工委）")
  const gridsPer = spread(301, 19, random)
  const uncoveredPer = spread(44, 19, random)
  const unitsPer = spread(116, 19, random)
  const gcs = honganCommunities.map((community, g) =>
    b.unit(`hongan-gc-${pad(g + 1)}`, root, "grand-committee", `${community}社区大党委`)
  )
  // grids with 3 buildings each, plus extra buildings on covered grids
  type GridEntry = { gc: string; grid: string; name: string; buildings: Array<string> }
  const coveredGrids: Array<GridEntry> = []
  const uncoveredGrids: Array<GridEntry> = []
  gcs.forEach((gc, g) => {
    for (let k = 0; k < gridsPer[g]!; k++) {
      const gridName = `${honganCommunities[g]}第${k + 1}网格`
      const grid = b.unit(`${gc}-grid-${pad(k + 1)}`, gc, "grid", gridName)
      const entry: GridEntry = { gc, grid, name: gridName, buildings: [] }
      ;(k < gridsPer[g]! - uncoveredPer[g]! ? coveredGrids : uncoveredGrids).push(entry)
    }
  })
  const extraBuildings = spread(1000 - 301 * 3, coveredGrids.length, random)
  for (const [list, extra] of [[coveredGrids, extraBuildings], [uncoveredGrids, []]] as const) {
    list.forEach((entry, k) => {
      const count = 3 + (extra[k] ?? 0)
      for (let n = 0; n < count; n++) {
        entry.buildings.push(b.unit(`${entry.grid}-bd-${n + 1}`, entry.grid, "building", `${n + 1}栋`))
      }
    })
  }
  // member units and their in-service members
  const memberUnits: Array<{ id: string; gc: string }> = []
  gcs.forEach((gc, g) => {
    for (let k = 0; k < unitsPer[g]!; k++) {
      const type = unitTypes[(g + k) % unitTypes.length]!
      const id = `${gc}-unit-${pad(k + 1)}`
      b.memberUnits.push({
        id,
        name: `${honganCommunities[g]}${unitTypeNames[type]}${k + 1}`,
        type,
        grandCommitteeId: gc
      })
      memberUnits.push({ id, gc })
    }
  })
  const inServicePer = spread(6352, memberUnits.length, random)
  memberUnits.forEach((unit, k) => {
    for (let n = 0; n < inServicePer[k]!; n++) {
      b.person(`${unit.id}-ism-${pad(n + 1, 3)}`, name(), "full", { employerUnitId: unit.id, reportsTo: unit.gc })
    }
  })
  // branches, groups, centre households, members and positions
  const extraGroups = new Set<number>()
  while (extraGroups.size < 787 - 257 * 3) {
    const k = Math.floor(random() * coveredGrids.length)
    if (coveredGrids[k]!.buildings.length > 3) extraGroups.add(k)
  }
  const groups: Array<{ group: string; branch: string }> = []
  const secretaryOf = new Map<string, string>()
  coveredGrids.forEach((entry, k) => {
    const branch = b.unit(`${entry.grid}-branch`, entry.gc, "branch", `${entry.name}党支部`, {
      branchType: "grid",
      covers: [entry.grid]
    })
    const groupCount = extraGroups.has(k) ? 4 : 3
    const branchGroups: Array<string> = []
    for (let n = 0; n < groupCount; n++) {
      const group = b.unit(`${branch}-group-${n + 1}`, branch, "party-group", `${n + 1}栋党小组`, {
        covers: [entry.buildings[n]!]
      })
      branchGroups.push(group)
      groups.push({ group, branch })
    }
    const full = between(8, 30)
    const members: Array<string> = []
    const homes: Array<string> = []
    for (let n = 0; n < full + between(0, 2); n++) {
      const where = n % (groupCount + 1) === 0 ? branch : branchGroups[n % (groupCount + 1) - 1]!
      homes.push(where)
      members.push(
        b.person(`${branch}-m-${pad(n + 1, 3)}`, name(), n < full ? "full" : "probationary", { orgUnitId: where })
      )
    }
    b.position(branch, members[0]!, "secretary", "2023-03-01", "2026-02-28")
    b.position(branch, members[1]!, "committee-member", "2023-03-01", "2026-02-28")
    b.position(branch, members[2]!, "committee-member", "2023-03-01", "2026-02-28")
    secretaryOf.set(entry.gc, secretaryOf.get(entry.gc) ?? members[0]!)
    branchGroups.forEach((group, n) => {
      const head = members.find((_, i) => i > 2 && homes[i] === group) ?? members[n + 3]!
      b.position(group, head, "group-head", "2023-03-01", "2026-02-28")
    })
  })
  const extraHouseholds = new Set<number>()
  while (extraHouseholds.size < 842 - 787) extraHouseholds.add(Math.floor(random() * groups.length))
  groups.forEach(({ group }, k) => {
    for (let n = 0; n < (extraHouseholds.has(k) ? 2 : 1); n++) {
      b.unit(`${group}-ch-${n + 1}`, group, "centre-household", `党员中心户${n + 1}`)
    }
  })
  // two heads four members: a building head for every building, the four members for 737 buildings
  const fourMembers: ReadonlyArray<Kind.Role> = ["hygiene-member", "publicity-member", "culture-sports-member",
    "mediation-member"]
  let withFour = 0
  for (const entry of [...coveredGrids, ...uncoveredGrids]) {
    for (const building of entry.buildings) {
      b.position(
        building,
        b.person(`${building}-head`, name(), "none", { orgUnitId: building }),
        "building-head",
        "2023-03-01",
        "2026-02-28"
      )
      if (withFour < 737) {
        withFour++
        for (const role of fourMembers) {
          b.position(
            building,
            b.person(`${building}-${role}`, name(), "none", { orgUnitId: building }),
            role,
            "2023-03-01",
            "2026-02-28"
          )
        }
      }
    }
  }
  // the grand committees: the community secretary and a county leader as first secretary
  for (const gc of gcs) {
    b.position(gc, secretaryOf.get(gc)!, "secretary", "2021-07-01", "2026-06-30")
    b.position(
      gc,
      b.person(`${gc}-first-secretary`, name(), "full", { external: true }),
      "first-secretary",
      "2021-07-01",
      "2026-06-30"
    )
  }
  return document(b, "preset:hongan")
}

const mingquanUnits: ReadonlyArray<readonly [string, string, Kind.UnitType]> = [
  ["mq-hospital", "荆门市第二人民医院", "hospital"],
  ["mq-power", "国网掇刀供电分公司", "state-owned"],
  ["mq-icbc", "工商银行名泉支行", "bank"],
  ["mq-middle-school", "名泉中学", "school"],
  ["mq-primary-school", "掇刀区实验小学", "school"],
  ["mq-rcb", "农商银行掇刀支行", "bank"],
  ["mq-police", "名泉派出所", "police"],
  ["mq-property", "名泉物业公司", "property-company"],
  ["mq-urban", "掇刀区城管执法中队", "agency"],
  ["mq-mobile", "中国移动掇刀营业部", "state-owned"],
  ["mq-tax", "掇刀区税务分局", "agency"],
  ["mq-sinopec", "中石化名泉加油站", "state-owned"],
  ["mq-market", "名泉农贸市场", "private"],
  ["mq-kindergarten", "名泉幼儿园", "public-institution"],
  ["mq-water", "荆门市自来水公司", "state-owned"]
]

/**
 * 名泉社区大党委 (Jingmen): one grand committee under the street working committee, with 15
 * member units, 13 branches (8 area branches covering the residential areas, 5 unit branches),
 * a party group in every building, and two deputy secretaries who head member units' party
 * organisations (part-time). Valid under `Presets.mingquan` on 2024-12-31.
 *
 * @example
 * ```ts
 * import { Fixtures } from "@gongzhi/org-tree"
 *
 * const rows = Fixtures.mingquan()
 * console.log(rows.memberUnits?.length, rows.orgUnits.filter((u) => u.kind === "branch").length) // 15 13
 * ```
 *
 * @category fixtures
 * @since 0.1.0
 */
export const mingquan = (options?: Options): OrgRows.OrgRows => {
  const random = Random.seeded(options?.seed ?? 2024)
  const name = namer(random)
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const b = builder()
  const street = b.unit("duodao-street", undefined, "street-working-committee", "掇刀区白庙街道工委")
  const gc = b.unit("mingquan", street, "grand-committee", "名泉社区大党委")
  for (const [id, unitName, type] of mingquanUnits) {
    b.memberUnits.push({ id, name: unitName, type, grandCommitteeId: gc })
  }
  const secretaries: Array<string> = []
  const areas = ["名泉一区", "名泉二区", "名泉三区", "泉水苑", "金泉小区", "名泉花园", "白庙老街", "农贸市场片"]
  areas.forEach((area, k) => {
    const grid = b.unit(`mq-grid-${k + 1}`, gc, "grid", area)
    const buildings = Array.from(
      { length: 3 },
      (_, n) => b.unit(`${grid}-bd-${n + 1}`, grid, "building", `${area}${n + 1}栋`)
    )
    const branch = b.unit(`mq-b${pad(k + 1)}`, gc, "branch", `${area}党支部`, { branchType: "grid", covers: [grid] })
    const groups = buildings.map((building, n) =>
      b.unit(`${branch}-group-${n + 1}`, branch, "party-group", `${area}${n + 1}栋党小组`, { covers: [building] })
    )
    const full = between(9, 24)
    const members: Array<string> = []
    for (let n = 0; n < full + between(0, 2); n++) {
      members.push(
        b.person(`${branch}-m-${pad(n + 1, 3)}`, name(), n < full ? "full" : "probationary", {
          orgUnitId: n % 4 === 0 ? branch : groups[n % 4 - 1]!
        })
      )
    }
    b.position(branch, members[0]!, "secretary", "2023-03-01", "2026-02-28")
    b.position(branch, members[1]!, "committee-member", "2023-03-01", "2026-02-28")
    b.position(branch, members[2]!, "committee-member", "2023-03-01", "2026-02-28")
    // member n belongs to groups[n % 4 - 1]: the (n + 5)th is in group n
    groups.forEach((group, n) => b.position(group, members[n + 5]!, "group-head", "2023-03-01", "2026-02-28"))
    secretaries.push(members[0]!)
    b.unit(`${groups[0]!}-ch-1`, groups[0]!, "centre-household", "党员中心户")
  })
  const unitBranches = mingquanUnits.slice(0, 5)
  const unitHeads: Array<string> = []
  unitBranches.forEach(([unitId, unitName], k) => {
    const branch = b.unit(`mq-b${pad(areas.length + k + 1)}`, gc, "branch", `${unitName}党支部`, {
      branchType: "unit",
      memberUnits: [unitId]
    })
    const full = between(5, 15)
    const members = Array.from(
      { length: full },
      (_, n) => b.person(`${branch}-m-${pad(n + 1, 3)}`, name(), "full", { orgUnitId: branch, employerUnitId: unitId })
    )
    b.position(branch, members[0]!, "secretary", "2023-03-01", "2026-02-28")
    if (full >= 7) {
      b.position(branch, members[1]!, "committee-member", "2023-03-01", "2026-02-28")
      b.position(branch, members[2]!, "committee-member", "2023-03-01", "2026-02-28")
    }
    secretaries.push(members[0]!)
    unitHeads.push(members[0]!)
  })
  // the grand committee: the community secretary, two deputies heading units' party organisations
  b.position(gc, secretaries[0]!, "secretary", "2021-07-01", "2026-06-30")
  b.position(gc, unitHeads[0]!, "deputy-secretary", "2021-07-01", "2026-06-30", { partTime: true })
  b.position(gc, unitHeads[1]!, "deputy-secretary", "2021-07-01", "2026-06-30", { partTime: true })
  for (const secretary of secretaries.slice(1)) {
    if (secretary === unitHeads[0] || secretary === unitHeads[1]) continue
    b.position(gc, secretary, "committee-member", "2021-07-01", "2026-06-30", {
      partTime: unitHeads.includes(secretary)
    })
  }
  // in-service members of the units without a branch, reporting to the community
  mingquanUnits.slice(5).forEach(([unitId], k) => {
    for (let n = 0; n < 4 + (k % 3); n++) {
      b.person(`${unitId}-ism-${n + 1}`, name(), "full", { employerUnitId: unitId, reportsTo: gc })
    }
  })
  return document(b, "preset:mingquan")
}

/**
 * 平利: one grand committee whose grid branch has 212 members (205 full, 7 probationary) and only
 * a secretary — over the 50-member norm, required to form a committee, large enough for a
 * grassroots committee.
 *
 * @example
 * ```ts
 * import { Fixtures } from "@gongzhi/org-tree"
 *
 * console.log(Fixtures.pingliGridBranch().people?.length) // 212
 * ```
 *
 * @category fixtures
 * @since 0.1.0
 */
export const pingliGridBranch = (options?: Options): OrgRows.OrgRows => {
  const name = namer(Random.seeded(options?.seed ?? 4))
  const b = builder()
  const gc = b.unit("pingli-gc", undefined, "grand-committee", "平利县城关镇某社区大党委")
  const grid = b.unit("pingli-g1", gc, "grid", "城关第一网格")
  const branch = b.unit("pingli-b1", gc, "branch", "城关第一网格党支部", { branchType: "grid", covers: [grid] })
  const members = Array.from(
    { length: 212 },
    (_, n) => b.person(`pingli-m-${pad(n + 1, 3)}`, name(), n < 205 ? "full" : "probationary", { orgUnitId: branch })
  )
  b.position(branch, members[0]!, "secretary", "2023-01-01", "2025-12-31")
  b.position(gc, members[0]!, "secretary", "2021-07-01", "2026-06-30")
  return document(b, "preset:hongan")
}
