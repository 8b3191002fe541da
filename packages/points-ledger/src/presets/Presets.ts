/**
 * Shipped documents (预置方案) from the seeds and local practice, each a starting point a
 * county overrides: the 平利 points system (积分制) and its points supermarket, the 红安 love
 * bank (爱心银行), 海林's hours-based scheme (1 hour = 1 point, ≤ 2 hours per activity, one
 * redemption a quarter) and a never-expiring scheme (郑州金昌: points roll over).
 *
 * The seeds give the outcome (哈安喜 400 points from cleaning and volunteer service, 周玉宏 320
 * from security patrol and fire duty; rice, flour, oil, brushes, rackets) but not the rates:
 * the rates, caps and prices below are plausible defaults, to be replaced by a county's own.
 *
 * @since 0.1.0
 */
import type { CivilDate } from "@gongzhi/core"
import type * as RedemptionCatalog from "../RedemptionCatalog.js"
import type * as Scheme from "../Scheme.js"

const allRoles: ReadonlyArray<Scheme.Role> = ["resident", "partyMember", "inServiceMember"]

/**
 * 平利县城关镇 积分制: cleaning 10 points an event, volunteer service 5 points an hour (≤ 4
 * hours an event), security patrol 10, fire duty 20, mediation 15 (two approvers); one
 * approver by default; caps 30 a day, 120 a month, 600 a year; points are cleared at year end;
 * at most 2 redemptions a month.
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 *
 * console.log(Scheme.Scheme.decode(Presets.pingliScheme)._tag) // "Success"
 * console.log(Presets.pingliScheme.caps) // { perDay: 30, perMonth: 120, perYear: 600 }
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const pingliScheme: Scheme.Scheme = {
  kind: "points-scheme",
  schemaVersion: 1,
  id: "pingli-chengguan",
  name: { zh: "平利县城关镇网格积分制", en: "Pingli Chengguan grid points system" },
  roles: allRoles,
  approval: "one",
  activities: [
    { id: "cleaning", label: { zh: "环境卫生清扫", en: "cleaning" }, rule: { _tag: "PerEvent", points: 10 } },
    {
      id: "volunteerService",
      label: { zh: "志愿服务", en: "volunteer service" },
      rule: { _tag: "PerHour", minutesPerUnit: 60, pointsPerUnit: 5, rounding: "down", maxMinutesPerEvent: 240 }
    },
    { id: "securityPatrol", label: { zh: "治安巡逻", en: "security patrol" }, rule: { _tag: "PerEvent", points: 10 } },
    { id: "fireDuty", label: { zh: "消防值守", en: "fire duty" }, rule: { _tag: "PerEvent", points: 20 } },
    {
      id: "mediation",
      label: { zh: "矛盾调解", en: "mediation" },
      rule: { _tag: "PerEvent", points: 15 },
      roles: ["partyMember", "inServiceMember"],
      approval: "two"
    }
  ],
  caps: { perDay: 30, perMonth: 120, perYear: 600 },
  expiry: { _tag: "YearEnd" },
  redemptionLimit: { count: 2, per: "month" }
}

/**
 * 平利 积分超市: brushes, badminton rackets, rice, flour and cooking oil.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Presets.pingliCatalog.items.map((i) => `${i.label.zh} ${i.price}`).join("、"))
 * // "牙刷 5、羽毛球拍 40、大米（10斤） 50、面粉（10斤） 40、食用油（5升） 60"
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const pingliCatalog: RedemptionCatalog.RedemptionCatalog = {
  kind: "redemption-catalog",
  schemaVersion: 1,
  id: "pingli-supermarket",
  name: { zh: "平利城关积分超市", en: "Pingli Chengguan points supermarket" },
  items: [
    { id: "brush", label: { zh: "牙刷", en: "toothbrush" }, price: 5, stock: 2000 },
    { id: "racket", label: { zh: "羽毛球拍", en: "badminton racket" }, price: 40, stock: 300, perPersonLimit: 2 },
    { id: "rice", label: { zh: "大米（10斤）", en: "rice (5 kg)" }, price: 50, stock: 5000 },
    { id: "flour", label: { zh: "面粉（10斤）", en: "flour (5 kg)" }, price: 40, stock: 5000 },
    { id: "oil", label: { zh: "食用油（5升）", en: "cooking oil (5 l)" }, price: 60, stock: 5000 }
  ]
}

/**
 * 红安 爱心银行: volunteer service is deposited as "love points" (爱心储蓄), one approver, a cap
 * of 100 a month, points valid for 365 days after they are earned.
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 *
 * console.log(Scheme.Scheme.decode(Presets.honganLoveBankScheme)._tag) // "Success"
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const honganLoveBankScheme: Scheme.Scheme = {
  kind: "points-scheme",
  schemaVersion: 1,
  id: "hongan-love-bank",
  name: { zh: "红安县爱心银行", en: "Hong'an love bank" },
  roles: allRoles,
  approval: "one",
  activities: [
    {
      id: "volunteerService",
      label: { zh: "志愿服务", en: "volunteer service" },
      rule: { _tag: "PerEvent", points: 5 }
    },
    {
      id: "elderlyCare",
      label: { zh: "关爱空巢老人", en: "visiting elderly people living alone" },
      rule: { _tag: "PerEvent", points: 10 }
    },
    { id: "cleaning", label: { zh: "小区环境整治", en: "estate clean-up" }, rule: { _tag: "PerEvent", points: 5 } },
    { id: "civility", label: { zh: "文明劝导", en: "civility persuasion" }, rule: { _tag: "PerEvent", points: 5 } }
  ],
  caps: { perMonth: 100 },
  expiry: { _tag: "AfterDays", days: 365 }
}

/**
 * 红安 爱心银行 exchange list: rice, cooking oil and hand sanitiser.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Presets.honganLoveBankCatalog.items.map((i) => i.id)) // ["rice", "oil", "handSanitiser"]
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const honganLoveBankCatalog: RedemptionCatalog.RedemptionCatalog = {
  kind: "redemption-catalog",
  schemaVersion: 1,
  id: "hongan-love-bank-goods",
  name: { zh: "爱心超市", en: "love supermarket" },
  items: [
    { id: "rice", label: { zh: "大米", en: "rice" }, price: 30, stock: 3000 },
    { id: "oil", label: { zh: "食用油", en: "cooking oil" }, price: 40, stock: 3000 },
    { id: "handSanitiser", label: { zh: "洗手液", en: "hand sanitiser" }, price: 10, stock: 5000, perPersonLimit: 12 }
  ]
}

/**
 * 海林 hours-based scheme: 1 hour of actual service = 1 point, at most 2 hours credited per
 * activity, rounded down; one redemption a quarter; points do not expire.
 *
 * @example
 * ```ts
 * import { Presets, Scheme } from "@gongzhi/points-ledger"
 *
 * console.log(Scheme.pointsFor(Presets.hailinScheme, "volunteerService", 180)) // Success 2
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const hailinScheme: Scheme.Scheme = {
  kind: "points-scheme",
  schemaVersion: 1,
  id: "hailin-hours",
  name: { zh: "海林市志愿服务时长积分", en: "Hailin volunteer hours points" },
  roles: allRoles,
  approval: "one",
  activities: [
    {
      id: "volunteerService",
      label: { zh: "志愿服务", en: "volunteer service" },
      rule: { _tag: "PerHour", minutesPerUnit: 60, pointsPerUnit: 1, rounding: "down", maxMinutesPerEvent: 120 }
    }
  ],
  caps: {},
  expiry: { _tag: "Never" },
  redemptionLimit: { count: 1, per: "quarter" }
}

/**
 * A never-expiring scheme (郑州金昌: points never expire and roll over), automatic approval.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Presets.neverExpireScheme.expiry) // { _tag: "Never" }
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const neverExpireScheme: Scheme.Scheme = {
  kind: "points-scheme",
  schemaVersion: 1,
  id: "never-expire",
  name: { zh: "积分永久有效方案", en: "points that never expire" },
  roles: allRoles,
  approval: "automatic",
  activities: [
    {
      id: "volunteerService",
      label: { zh: "志愿服务", en: "volunteer service" },
      rule: { _tag: "PerEvent", points: 5 }
    },
    { id: "cleaning", label: { zh: "环境卫生清扫", en: "cleaning" }, rule: { _tag: "PerEvent", points: 5 } }
  ],
  caps: {},
  expiry: { _tag: "Never" }
}

/**
 * The first day of the 平利 demo year.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Presets.pingliYearStart) // "2024-01-01"
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const pingliYearStart: CivilDate.CivilDate = "2024-01-01" as CivilDate.CivilDate

/**
 * The shipped schemes by the name a document may give them (`"preset:pingli"` names
 * `pingli`). A `Map`: a name read from input is looked up among these names only, never among
 * the properties every object inherits (`"preset:constructor"` finds nothing).
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log([...Presets.schemes.keys()]) // ["pingli", "hongan-love-bank", "hailin", "never-expire"]
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const schemes: ReadonlyMap<string, Scheme.Scheme> = new Map([
  ["pingli", pingliScheme],
  ["hongan-love-bank", honganLoveBankScheme],
  ["hailin", hailinScheme],
  ["never-expire", neverExpireScheme]
])

/**
 * The shipped redemption catalogs by name (see {@link schemes}).
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log([...Presets.catalogs.keys()]) // ["pingli", "hongan-love-bank"]
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const catalogs: ReadonlyMap<string, RedemptionCatalog.RedemptionCatalog> = new Map([
  ["pingli", pingliCatalog],
  ["hongan-love-bank", honganLoveBankCatalog]
])

const withoutPrefix = (name: unknown): string | undefined =>
  typeof name === "string" ? (name.startsWith("preset:") ? name.slice(7) : name) : undefined

/**
 * The shipped scheme a name from input means (`"pingli"` or `"preset:pingli"`), if any.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Presets.schemeNamed("preset:pingli")?.id, Presets.schemeNamed("preset:constructor")) // pingli-chengguan undefined
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const schemeNamed = (name: unknown): Scheme.Scheme | undefined => {
  const key = withoutPrefix(name)
  return key === undefined ? undefined : schemes.get(key)
}

/**
 * The shipped catalog a name from input means (`"pingli"` or `"preset:pingli"`), if any.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/points-ledger"
 *
 * console.log(Presets.catalogNamed("__proto__")) // undefined
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const catalogNamed = (name: unknown): RedemptionCatalog.RedemptionCatalog | undefined => {
  const key = withoutPrefix(name)
  return key === undefined ? undefined : catalogs.get(key)
}
