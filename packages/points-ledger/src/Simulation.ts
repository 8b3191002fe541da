/**
 * A deterministic year of 平利 points (the seed's scenario, generated): 哈安喜 (grid head)
 * earns 400 points from cleaning and volunteer service, 周玉宏 (grid head) 320 from security
 * patrol and fire duty, both exchange them for rice, flour and oil, and a number of generated
 * residents take part; the year closes with the year-end expiry. Used by the examples, the
 * CLI demo and the tests; the same seed always gives the same commands.
 *
 * @since 0.1.0
 */
import { CivilDate, Random } from "@gongzhi/core"
import type * as Command from "./Command.js"
import * as Journal from "./Journal.js"
import * as Presets from "./presets/Presets.js"

/**
 * Options of {@link pingliYear}: the PRNG seed, how many generated residents join the two
 * named grid heads, and the year.
 *
 * @example
 * ```ts
 * import type { Simulation } from "@gongzhi/points-ledger"
 *
 * const options: Simulation.Options = { seed: 7, residents: 100, year: 2024 }
 * console.log(options.residents)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly seed?: number | undefined
  readonly residents?: number | undefined
  readonly year?: number | undefined
}

/**
 * A generated year: the journal setup and the commands, in date order, every one accepted
 * by the journal.
 *
 * @example
 * ```ts
 * import type { Simulation } from "@gongzhi/points-ledger"
 *
 * const size = (year: Simulation.Year) => year.commands.length
 * console.log(typeof size)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Year {
  readonly setup: Journal.Setup
  readonly commands: ReadonlyArray<Command.Command>
}

/**
 * The account ids of the two named grid heads of the 平利 seed.
 *
 * @example
 * ```ts
 * import { Simulation } from "@gongzhi/points-ledger"
 *
 * console.log(Simulation.named) // { haAnxi: "pingli-ha-anxi", zhouYuhong: "pingli-zhou-yuhong" }
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const named = { haAnxi: "pingli-ha-anxi", zhouYuhong: "pingli-zhou-yuhong" } as const

/** The grid committee that approves earnings in the generated year. */
const approver = "pingli-grid-committee"

const surnames = Array.from(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
const givenChars = Array.from("安平明华秀英玉兰志强建国德芳春梅桂花海军红霞丽娟文杰宏伟晓燕金凤利民正清永福")

const date = (year: number, month: number, day: number): CivilDate.CivilDate =>
  CivilDate.makeUnsafe(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)

/**
 * Generates a year of 平利 points under the 平利 preset scheme and points supermarket. The
 * named cases always hold: 哈安喜 earns exactly 400 points (cleaning and volunteer service)
 * and 周玉宏 exactly 320 (security patrol and fire duty).
 *
 * @example
 * ```ts
 * import { Journal, Simulation } from "@gongzhi/points-ledger"
 *
 * const year = Simulation.pingliYear({ seed: 1, residents: 20 })
 * const built = Journal.appendAll(Journal.make(year.setup), year.commands)
 * if (built._tag === "Success") {
 *   const ha = Journal.balance(built.success.journal, Simulation.named.haAnxi)
 *   if (ha._tag === "Success") console.log(ha.success.lifetimeEarned) // 400
 * }
 * ```
 *
 * @category generators
 * @since 0.1.0
 */
export const pingliYear = (options?: Options): Year => {
  const year = options?.year ?? 2024
  const residents = options?.residents ?? 40
  const random = Random.seeded(options?.seed ?? 2024)
  const setup: Journal.Setup = { scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }
  type Planned = {
    readonly on: CivilDate.CivilDate
    readonly order: number
    readonly make: (key: string) => Command.Command
  }
  const planned: Array<Planned> = []
  let order = 0
  const add = (on: CivilDate.CivilDate, make: (key: string, on: CivilDate.CivilDate) => Command.Command) =>
    planned.push({ on, order: order++, make: (key) => make(key, on) })
  const opening = date(year, 1, 2)
  add(opening, (key, on) => ({
    _tag: "Open",
    key,
    on,
    account: named.haAnxi,
    holder: { name: "哈安喜", roles: ["resident", "partyMember"], grid: "城关-网格1", member: "m-ha-anxi" }
  }))
  add(opening, (key, on) => ({
    _tag: "Open",
    key,
    on,
    account: named.zhouYuhong,
    holder: { name: "周玉宏", roles: ["resident", "partyMember"], grid: "城关-网格2", member: "m-zhou-yuhong" }
  }))
  const earn =
    (account: string, activity: string, minutes?: number) => (key: string, on: CivilDate.CivilDate): Command.Command =>
      minutes === undefined
        ? { _tag: "Earn", key, on, account, activity, approvedBy: [approver] }
        : { _tag: "Earn", key, on, account, activity, minutes, approvedBy: [approver] }
  // 哈安喜: Jan–Oct, two cleanings (10 each) and four hours of volunteer service (20) a month = 400
  for (let m = 1; m <= 10; m++) {
    add(date(year, m, 6), earn(named.haAnxi, "cleaning"))
    add(date(year, m, 16), earn(named.haAnxi, "cleaning"))
    add(date(year, m, 23), earn(named.haAnxi, "volunteerService", 240))
  }
  // 周玉宏: Mar–Oct, two patrols (10 each) and one fire duty (20) a month = 320
  for (let m = 3; m <= 10; m++) {
    add(date(year, m, 9), earn(named.zhouYuhong, "securityPatrol"))
    add(date(year, m, 19), earn(named.zhouYuhong, "securityPatrol"))
    add(date(year, m, 26), earn(named.zhouYuhong, "fireDuty"))
  }
  // exchanges for rice, flour and oil
  const redeem = (account: string, item: string) => (key: string, on: CivilDate.CivilDate): Command.Command => ({
    _tag: "Redeem",
    key,
    on,
    account,
    item,
    quantity: 1
  })
  add(date(year, 6, 28), redeem(named.haAnxi, "rice"))
  add(date(year, 9, 28), redeem(named.haAnxi, "flour"))
  add(date(year, 12, 20), redeem(named.haAnxi, "oil"))
  add(date(year, 8, 28), redeem(named.zhouYuhong, "rice"))
  add(date(year, 12, 18), (key, on) => ({ _tag: "Hold", key, on, account: named.zhouYuhong, item: "oil", quantity: 1 }))
  add(date(year, 12, 21), (key, on) => ({ _tag: "Settle", key, on, hold: "pingli-hold-zhou-oil" }))
  // generated residents
  const activities = ["cleaning", "volunteerService", "securityPatrol", "fireDuty"] as const
  const items = ["brush", "rice", "flour", "oil", "racket"] as const
  for (let r = 0; r < residents; r++) {
    const account = `pingli-r${String(r + 1).padStart(4, "0")}`
    const name = surnames[Math.floor(random() * surnames.length)]! +
      givenChars[Math.floor(random() * givenChars.length)]! +
      (random() < 0.7 ? givenChars[Math.floor(random() * givenChars.length)]! : "")
    const roles: Array<"resident" | "partyMember"> = random() < 0.3 ? ["resident", "partyMember"] : ["resident"]
    add(
      opening,
      (key, on) => ({ _tag: "Open", key, on, account, holder: { name, roles, grid: `城关-网格${1 + (r % 6)}` } })
    )
    let total = 0
    for (let m = 1; m <= 12; m++) {
      const events = Math.floor(random() * 3)
      for (let e = 0; e < events && total < 280; e++) {
        const activity = activities[Math.floor(random() * activities.length)]!
        const day = 1 + Math.floor(random() * 28)
        const minutes = 60 * (1 + Math.floor(random() * 3))
        total += activity === "volunteerService" ? minutes / 12 : activity === "fireDuty" ? 20 : 10
        add(date(year, m, day), earn(account, activity, activity === "volunteerService" ? minutes : undefined))
      }
      if (m >= 3 && random() < 0.25) {
        add(date(year, m, 28), redeem(account, items[Math.floor(random() * items.length)]!))
      }
    }
  }
  add(date(year + 1, 1, 1), (key, on) => ({ _tag: "Expire", key, on }))
  planned.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order))
  // keep the commands the journal accepts (a generated resident may hit a cap or lack points)
  let journal = Journal.make({ ...setup, hashChain: false })
  const commands: Array<Command.Command> = []
  let n = 0
  for (const p of planned) {
    const command = p.make(keyOf(p, n++))
    const result = Journal.append(journal, command)
    if (result._tag === "Success") {
      journal = result.success.journal
      commands.push(command)
    }
  }
  return { setup, commands }
}

const keyOf = (p: { readonly make: (key: string) => Command.Command }, n: number): string => {
  const probe = p.make("")
  if (probe._tag === "Hold") return "pingli-hold-zhou-oil"
  return `pingli-${probe._tag.toLowerCase()}-${String(n).padStart(6, "0")}`
}
