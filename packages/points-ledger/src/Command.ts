/**
 * The commands a journal accepts (开户、获得、兑换、冻结、释放、结算、调整、冲正、转赠、捐赠、过期):
 * plain tagged objects, each with an idempotency key, a date and, optionally, the journal
 * length the writer expects (optimistic concurrency). Decode untrusted input (a form, a
 * request body) with {@link decode}; `Journal.append` checks the domain rules.
 *
 * @since 0.1.0
 */
import { CivilDate, ValidationReport } from "@gongzhi/core"
import type * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { DistinctArray, IdString, Text } from "./internal/fields.js"
import * as Scheme from "./Scheme.js"

const Key = IdString({ zh: "幂等键", en: "idempotency key" }).annotate({
  description: "idempotency key, unique in the journal"
})
const AccountRef = IdString({ zh: "账户编号", en: "account id" })
const ItemRef = IdString({ zh: "物品编号", en: "item id" })
const Reason = Text({ zh: "原因", en: "reason" }, true)
const Approvers = DistinctArray(IdString({ zh: "审核人编号", en: "approver id" }), { zh: "审核人", en: "approver" })
const PositiveInt = Schema.Int.check(Schema.isGreaterThan(0))
const base = {
  key: Key,
  on: CivilDate.CivilDate,
  expectedSeq: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)))
}

/**
 * The holder of an account: name (masked in public notices), roles, and optionally the
 * member id (to stop self-approval) and the grid.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Holder)({ name: "哈安喜", roles: ["resident", "partyMember"], grid: "城关-3" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Holder = Schema.Struct({
  name: IdString({ zh: "姓名", en: "name" }),
  roles: DistinctArray(Scheme.Role, { zh: "身份", en: "role" }).check(Schema.isMinLength(1)),
  member: Schema.optionalKey(IdString({ zh: "人员编号", en: "member id" })),
  grid: Schema.optionalKey(IdString({ zh: "网格", en: "grid" }))
})

/**
 * The type of {@link Holder}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 *
 * const holder: Command.Holder = { name: "周玉宏", roles: ["partyMember"] }
 * console.log(holder.name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Holder = typeof Holder.Type

/**
 * Opens a member account (开户).
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * const open: Command.Open = { _tag: "Open", key: "open-ha", on: "2024-01-02" as never, account: "ha", holder: { name: "哈安喜", roles: ["resident"] } }
 * console.log(Schema.is(Command.Open)(open)) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Open = Schema.TaggedStruct("Open", { ...base, account: AccountRef, holder: Holder })

/**
 * The type of {@link Open}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const open: Command.Open = { _tag: "Open", key: "o1", on: CivilDate.makeUnsafe("2024-01-02"), account: "ha", holder: { name: "哈安喜", roles: ["resident"] } }
 * console.log(open._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Open = typeof Open.Type

/**
 * Earns points for one event of an activity (获得积分); `minutes` for hours-based activities;
 * `approvedBy` lists the approvers' ids when the scheme requires approval.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Earn)({ _tag: "Earn", key: "e1", on: "2024-01-05", account: "ha", activity: "cleaning", approvedBy: ["grid-sec"] })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Earn = Schema.TaggedStruct("Earn", {
  ...base,
  account: AccountRef,
  activity: IdString({ zh: "活动编号", en: "activity id" }),
  minutes: Schema.optionalKey(PositiveInt),
  approvedBy: Schema.optionalKey(Approvers),
  note: Schema.optionalKey(Text({ zh: "备注", en: "note" }, false))
})

/**
 * The type of {@link Earn}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const earn: Command.Earn = { _tag: "Earn", key: "e1", on: CivilDate.makeUnsafe("2024-01-05"), account: "ha", activity: "volunteerService", minutes: 120 }
 * console.log(earn.minutes)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Earn = typeof Earn.Type

/**
 * Redeems catalog items at once (兑换): points go to the redemption sink, stock goes down.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Redeem)({ _tag: "Redeem", key: "r1", on: "2024-06-01", account: "ha", item: "rice", quantity: 1 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Redeem = Schema.TaggedStruct("Redeem", {
  ...base,
  account: AccountRef,
  item: ItemRef,
  quantity: PositiveInt
})

/**
 * The type of {@link Redeem}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const redeem: Command.Redeem = { _tag: "Redeem", key: "r1", on: CivilDate.makeUnsafe("2024-06-01"), account: "ha", item: "oil", quantity: 1 }
 * console.log(redeem.item)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Redeem = typeof Redeem.Type

/**
 * Holds points and stock for a pending redemption (冻结 / 预约兑换); later released or settled.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Hold)({ _tag: "Hold", key: "h1", on: "2024-06-01", account: "ha", item: "flour", quantity: 2 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Hold = Schema.TaggedStruct("Hold", { ...base, account: AccountRef, item: ItemRef, quantity: PositiveInt })

/**
 * The type of {@link Hold}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const hold: Command.Hold = { _tag: "Hold", key: "h1", on: CivilDate.makeUnsafe("2024-06-01"), account: "ha", item: "flour", quantity: 2 }
 * console.log(hold.quantity)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Hold = typeof Hold.Type

/**
 * Releases a hold (释放): points return to the member, stock returns to the shelf.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Release)({ _tag: "Release", key: "rel1", on: "2024-06-02", hold: "h1" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Release = Schema.TaggedStruct("Release", { ...base, hold: Key })

/**
 * The type of {@link Release}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const release: Command.Release = { _tag: "Release", key: "rel1", on: CivilDate.makeUnsafe("2024-06-02"), hold: "h1" }
 * console.log(release.hold)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Release = typeof Release.Type

/**
 * Settles a hold (结算 / 领取): the held points go to the redemption sink.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Settle)({ _tag: "Settle", key: "s1", on: "2024-06-03", hold: "h1" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Settle = Schema.TaggedStruct("Settle", { ...base, hold: Key })

/**
 * The type of {@link Settle}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const settle: Command.Settle = { _tag: "Settle", key: "s1", on: CivilDate.makeUnsafe("2024-06-03"), hold: "h1" }
 * console.log(settle.hold)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Settle = typeof Settle.Type

/**
 * Adjusts an account by hand (调整): a non-zero amount with a reason and an approver; a
 * positive amount is issued from the pool, a negative one goes back to it.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Adjust)({ _tag: "Adjust", key: "a1", on: "2024-03-01", account: "ha", amount: -5, reason: "重复登记", approvedBy: "sec" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Adjust = Schema.TaggedStruct("Adjust", {
  ...base,
  account: AccountRef,
  amount: Schema.Int.check(
    Schema.makeFilter<number>((n) => n !== 0, { expected: "a non-zero integer", message: "must not be zero" })
  ),
  reason: Reason,
  approvedBy: IdString({ zh: "审核人编号", en: "approver id" })
})

/**
 * The type of {@link Adjust}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const adjust: Command.Adjust = { _tag: "Adjust", key: "a1", on: CivilDate.makeUnsafe("2024-03-01"), account: "ha", amount: 10, reason: "补录", approvedBy: "sec" }
 * console.log(adjust.amount)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Adjust = typeof Adjust.Type

/**
 * Reverses an earlier transaction (冲正) by its key: new postings point at the original,
 * which stays in the journal; balances, lots, stock and limits are restored (reversing a
 * settlement reopens its hold).
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Reverse)({ _tag: "Reverse", key: "x1", on: "2024-03-02", target: "e1", reason: "登记错误" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Reverse = Schema.TaggedStruct("Reverse", { ...base, target: Key, reason: Reason })

/**
 * The type of {@link Reverse}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const reverse: Command.Reverse = { _tag: "Reverse", key: "x1", on: CivilDate.makeUnsafe("2024-03-02"), target: "e1", reason: "登记错误" }
 * console.log(reverse.target)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Reverse = typeof Reverse.Type

/**
 * Transfers points from one member to another (转赠); the points keep their expiry dates.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Transfer)({ _tag: "Transfer", key: "t1", on: "2024-04-01", from: "ha", to: "zhou", amount: 20 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Transfer = Schema.TaggedStruct("Transfer", {
  ...base,
  from: AccountRef,
  to: AccountRef,
  amount: PositiveInt
})

/**
 * The type of {@link Transfer}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const transfer: Command.Transfer = { _tag: "Transfer", key: "t1", on: CivilDate.makeUnsafe("2024-04-01"), from: "ha", to: "zhou", amount: 20 }
 * console.log(transfer.amount)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Transfer = typeof Transfer.Type

/**
 * Donates points out of the member accounts (捐赠), e.g. to a charity fund: they go to the
 * donation account and count as "donated out" in the reconciliation.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Donate)({ _tag: "Donate", key: "d1", on: "2024-05-01", from: "ha", amount: 30 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Donate = Schema.TaggedStruct("Donate", { ...base, from: AccountRef, amount: PositiveInt })

/**
 * The type of {@link Donate}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const donate: Command.Donate = { _tag: "Donate", key: "d1", on: CivilDate.makeUnsafe("2024-05-01"), from: "ha", amount: 30 }
 * console.log(donate.amount)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Donate = typeof Donate.Type

/**
 * Expires every lot whose last valid day is before `on` (过期清零), in one transaction;
 * running it again on the same or an earlier date expires nothing more.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Expire)({ _tag: "Expire", key: "expire-2025-01-01", on: "2025-01-01" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Expire = Schema.TaggedStruct("Expire", base)

/**
 * The type of {@link Expire}.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const expire: Command.Expire = { _tag: "Expire", key: "exp-2025", on: CivilDate.makeUnsafe("2025-01-01") }
 * console.log(expire._tag)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Expire = typeof Expire.Type

/**
 * Any command, as a schema (a union on `_tag`).
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Command.Command)({ _tag: "Expire", key: "k", on: "2025-01-01" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Command = Schema.Union([Open, Earn, Redeem, Hold, Release, Settle, Adjust, Reverse, Transfer, Donate,
  Expire])
  .annotate({ identifier: "LedgerCommand" })

/**
 * Any command.
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const commands: ReadonlyArray<Command.Command> = [{ _tag: "Expire", key: "k", on: CivilDate.makeUnsafe("2025-01-01") }]
 * console.log(commands.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Command = typeof Command.Type

/**
 * The kind of a command (its `_tag`).
 *
 * @example
 * ```ts
 * import type { Command } from "@gongzhi/points-ledger"
 *
 * const kind: Command.Kind = "Earn"
 * console.log(kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Kind = Command["_tag"]

/**
 * Every kind of command with its zh and en name.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 *
 * console.log(Command.kindLabels.Reverse.zh) // "冲正"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const kindLabels: { readonly [K in Kind]: { readonly zh: string; readonly en: string } } = {
  Open: { zh: "开户", en: "account opening" },
  Earn: { zh: "获得", en: "earning" },
  Redeem: { zh: "兑换", en: "redemption" },
  Hold: { zh: "冻结", en: "hold" },
  Release: { zh: "释放", en: "release" },
  Settle: { zh: "结算", en: "settlement" },
  Adjust: { zh: "调整", en: "adjustment" },
  Reverse: { zh: "冲正", en: "reversal" },
  Transfer: { zh: "转赠", en: "transfer" },
  Donate: { zh: "捐赠", en: "donation" },
  Expire: { zh: "过期", en: "expiry" }
}

const decodeCommand = ValidationReport.decodeUnknown(Command)

/**
 * Decodes an untrusted command (parsed JSON), reporting every problem with its path.
 *
 * @example
 * ```ts
 * import { Command } from "@gongzhi/points-ledger"
 *
 * const result = Command.decode({ _tag: "Redeem", key: "", on: "2024-02-30", account: "ha", item: "rice", quantity: 0 })
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.path.join("."))) // ["key", "on", "quantity"]
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): Result.Result<Command, ValidationReport.ValidationReport> =>
  decodeCommand(input)
