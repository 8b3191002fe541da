/** The commands of the known-answer vectors: every kind, optional fields given and not. */
import { CivilDate } from "@gongzhi/core"
import { type Command, type Journal, Presets } from "@gongzhi/points-ledger"

const d = CivilDate.makeUnsafe
export const vectorSetup: Journal.Setup = { scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }
export const vectorCommands: ReadonlyArray<Command.Command> = [
  {
    _tag: "Open",
    key: "open-ha",
    on: d("2024-01-02"),
    account: "ha",
    holder: { name: "哈安喜", roles: ["resident", "partyMember"], member: "m-ha", grid: "城关-网格1" }
  },
  {
    _tag: "Open",
    key: "open-zhou",
    on: d("2024-01-02"),
    account: "zhou",
    holder: { name: "周玉宏", roles: ["partyMember"] },
    expectedSeq: 1
  },
  { _tag: "Earn", key: "e1", on: d("2024-01-03"), account: "ha", activity: "cleaning", approvedBy: ["grid-sec"] },
  {
    _tag: "Earn",
    key: "e2",
    on: d("2024-01-03"),
    account: "ha",
    activity: "volunteerService",
    minutes: 90,
    approvedBy: ["grid-sec"],
    note: "敬老院 \"重阳\" | 活动"
  },
  { _tag: "Earn", key: "e3", on: d("2024-01-04"), account: "zhou", activity: "fireDuty", approvedBy: ["grid-sec"] },
  {
    _tag: "Earn",
    key: "e4",
    on: d("2024-01-05"),
    account: "zhou",
    activity: "mediation",
    approvedBy: ["grid-sec", "grid-deputy"]
  },
  { _tag: "Adjust", key: "a1", on: d("2024-01-06"), account: "ha", amount: 30, reason: "补录", approvedBy: "sec" },
  { _tag: "Adjust", key: "a2", on: d("2024-01-06"), account: "ha", amount: -5, reason: "重复登记", approvedBy: "sec" },
  { _tag: "Transfer", key: "t1", on: d("2024-01-07"), from: "ha", to: "zhou", amount: 3 },
  { _tag: "Donate", key: "d1", on: d("2024-01-07"), from: "zhou", amount: 2 },
  { _tag: "Redeem", key: "r1", on: d("2024-01-08"), account: "ha", item: "brush", quantity: 2 },
  { _tag: "Hold", key: "h1", on: d("2024-01-08"), account: "zhou", item: "brush", quantity: 1 },
  { _tag: "Settle", key: "s1", on: d("2024-01-09"), hold: "h1" },
  { _tag: "Hold", key: "h2", on: d("2024-01-09"), account: "ha", item: "brush", quantity: 1 },
  { _tag: "Release", key: "rel1", on: d("2024-01-10"), hold: "h2" },
  { _tag: "Reverse", key: "x1", on: d("2024-01-10"), target: "e1", reason: "登记错误" },
  { _tag: "Expire", key: "expire-2025", on: d("2025-01-01") }
]
