import { CivilDate, ValidationReport } from "@gongzhi/core"
import { type Command, Journal, Presets, type RedemptionCatalog } from "@gongzhi/points-ledger"
import type { Result } from "effect"

export const d = (s: string): CivilDate.CivilDate => CivilDate.makeUnsafe(s)

/** 平利 items plus a seasonal item and a scarce one, for validity and stock cases. */
export const catalog: RedemptionCatalog.RedemptionCatalog = {
  ...Presets.pingliCatalog,
  items: [
    ...Presets.pingliCatalog.items,
    {
      id: "mooncake",
      label: { zh: "月饼", en: "mooncakes" },
      price: 30,
      validFrom: d("2024-09-01"),
      validTo: d("2024-09-17")
    },
    { id: "wheelchair", label: { zh: "轮椅", en: "wheelchair" }, price: 100, stock: 1 }
  ]
}

export const setup: Journal.Setup = { scheme: Presets.pingliScheme, catalog }

export const open = (
  account: string,
  name: string,
  on = "2024-01-02",
  roles: Command.Holder["roles"] = ["resident"]
): Command.Open => ({
  _tag: "Open",
  key: `open-${account}`,
  on: d(on),
  account,
  holder: { name, roles, member: `m-${account}` }
})

let counter = 0
export const earn = (
  account: string,
  activity: string,
  on: string,
  extra: Partial<Command.Earn> = {}
): Command.Earn => ({
  _tag: "Earn",
  key: `earn-${++counter}`,
  on: d(on),
  account,
  activity,
  approvedBy: ["grid-sec", "grid-deputy"],
  ...(activity === "volunteerService" ? { minutes: 240 } : {}),
  ...extra
})

export const ok = <A>(result: Result.Result<A, ValidationReport.ValidationReport>): A =>
  ValidationReport.getOrThrow(result)

export const codes = (result: Result.Result<unknown, ValidationReport.ValidationReport>): ReadonlyArray<string> =>
  result._tag === "Failure" ? result.failure.issues.map((i) => i.code) : []

/** A 平利 journal with 哈安喜 and 周玉宏 open and 100 points each (Jan and Feb cleanings). */
export const base = (): Journal.Journal => {
  const commands: Array<Command.Command> = [
    open("ha", "哈安喜", "2024-01-02", ["resident", "partyMember"]),
    open("zhou", "周玉宏", "2024-01-02", ["resident", "partyMember"])
  ]
  for (let day = 3; day <= 12; day++) {
    for (const account of ["ha", "zhou"]) {
      commands.push(
        earn(account, "cleaning", `2024-0${day <= 7 ? 1 : 2}-${String(day).padStart(2, "0")}`, {
          key: `seed-${account}-${day}`
        })
      )
    }
  }
  return ok(Journal.appendAll(Journal.make(setup), commands)).journal
}
