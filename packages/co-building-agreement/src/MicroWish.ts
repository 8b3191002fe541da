/**
 * Micro-wishes (微心愿): a resident's small wish, published to the co-building units of a grand
 * committee; one unit claims it (认领) — only one claim wins, and a claim can be withdrawn
 * before delivery; the wish is delivered on a date; a wish unclaimed for longer than the
 * policy allows falls back to the community. Time to claim and time to delivery are tracked
 * (平利: a wheelchair delivered one week after the wish was posted).
 *
 * @since 0.1.0
 */
import { CivilDate, Id, Issue, Redaction, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { duplicateIds, fail1, failWith, positiveInt } from "./internal/checks.js"
import { messages } from "./Messages.js"

/**
 * Id of a micro-wish.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const id: MicroWish.WishId = MicroWish.WishId.make("pingli-wheelchair")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const WishId = Id.make("WishId", { label: { zh: "微心愿编号", en: "micro-wish id" } })

/**
 * The type of {@link WishId}.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const id: MicroWish.WishId = MicroWish.WishId.make("w-1")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type WishId = typeof WishId.Type

/**
 * The states of a wish and their names.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * console.log(MicroWish.statusLabels["fallen-back"].zh) // "转社区办理"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const statusLabels = {
  published: { zh: "待认领", en: "published" },
  claimed: { zh: "已认领", en: "claimed" },
  delivered: { zh: "已实现", en: "delivered" },
  "fallen-back": { zh: "转社区办理", en: "fallen back to the community" }
} as const

/**
 * Schema of an event in a wish's history.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(MicroWish.Event)({ _tag: "Claimed", on: "2024-03-06", unit: "bank" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Event = Schema.Union([
  Schema.TaggedStruct("Posted", { on: CivilDate.CivilDate }),
  Schema.TaggedStruct("Claimed", { on: CivilDate.CivilDate, unit: Id.UnitId }),
  Schema.TaggedStruct("Withdrawn", { on: CivilDate.CivilDate, unit: Id.UnitId, reason: Schema.String }),
  Schema.TaggedStruct("FellBack", { on: CivilDate.CivilDate }),
  Schema.TaggedStruct("Delivered", { on: CivilDate.CivilDate, by: Schema.String })
]).annotate({ identifier: "MicroWishEvent" })

/**
 * An event in a wish's history.
 *
 * @example
 * ```ts
 * import type { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const tags: ReadonlyArray<MicroWish.Event["_tag"]> = ["Posted", "Claimed", "Delivered"]
 * console.log(tags)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Event = typeof Event.Type

/**
 * Schema of a wish as it is posted: who wished what, when, and which units it is published to.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { ValidationReport } from "@gongzhi/core"
 *
 * const result = ValidationReport.decodeUnknown(MicroWish.Posting)({
 *   id: "w-1", grandCommittee: "pingli", title: "轮椅", wisher: "张奶奶", postedOn: "2024-03-04", publishedTo: ["a", "a"]
 * })
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "AGREEMENT_DUPLICATE_ID"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Posting = Schema.Struct({
  id: WishId,
  grandCommittee: Id.OrgUnitId,
  title: Schema.NonEmptyString,
  wisher: Schema.NonEmptyString,
  postedOn: CivilDate.CivilDate,
  publishedTo: Schema.Array(Id.UnitId).check(Schema.isMinLength(1))
}).check(
  Issue.refine((p: { readonly publishedTo: ReadonlyArray<Id.UnitId> }) =>
    duplicateIds(p.publishedTo, (u) => u, ["publishedTo"], [])
  )
).annotate({ identifier: "MicroWishPosting" })

/**
 * A wish as posted.
 *
 * @example
 * ```ts
 * import type { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const keys: ReadonlyArray<keyof MicroWish.Posting> = ["id", "title", "publishedTo"]
 * console.log(keys)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Posting = typeof Posting.Type

/**
 * A micro-wish with its state and history.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const wish: MicroWish.Wish = MicroWish.example()
 * console.log(wish.status, wish.publishedTo.length) // "published" 22
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Wish extends Posting {
  readonly status: keyof typeof statusLabels
  /** The winning claim, while it stands. */
  readonly claim?: { readonly unit: Id.UnitId; readonly on: CivilDate.CivilDate }
  readonly delivered?: { readonly on: CivilDate.CivilDate; readonly by: string }
  readonly history: ReadonlyArray<Event>
}

/**
 * How long a wish waits for a claim before it falls back to the community.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * const policy: MicroWish.Policy = Schema.decodeUnknownSync(MicroWish.Policy)({ claimWindowDays: 14 })
 * console.log(policy.claimWindowDays) // 14
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Policy = Schema.Struct({
  claimWindowDays: positiveInt({ zh: "认领期（天）", en: "Claim window in days" })
}).annotate({ identifier: "MicroWishPolicy" })

/**
 * The micro-wish policy.
 *
 * @example
 * ```ts
 * import type { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const policy: MicroWish.Policy = { claimWindowDays: 7 }
 * console.log(policy)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Policy = typeof Policy.Type

/**
 * The community party the delivery of a fallen-back wish is recorded under.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * console.log(MicroWish.community) // "community"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const community = "community"

const decodePosting = ValidationReport.decodeUnknown(Posting)

/**
 * Posts a wish: the input is checked (every problem at once) and the wish is published to
 * the given units.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const posted = MicroWish.post({
 *   id: "w-1", grandCommittee: "pingli", title: "一台轮椅", wisher: "张奶奶",
 *   postedOn: "2024-03-04", publishedTo: ["unit-01", "unit-02"]
 * })
 * if (posted._tag === "Success") console.log(posted.success.status) // "published"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const post = (input: unknown): Result.Result<Wish, ValidationReport.ValidationReport> =>
  Result.map(decodePosting(input), (posting) => ({
    ...posting,
    status: "published" as const,
    history: [{ _tag: "Posted" as const, on: posting.postedOn }]
  }))

const lastOn = (wish: Wish): CivilDate.CivilDate => wish.history[wish.history.length - 1]?.on ?? wish.postedOn

const chronology = (wish: Wish, on: CivilDate.CivilDate): Array<Issue.DomainIssue> => {
  const previous = lastOn(wish)
  return on < previous
    ? [messages.make("AGREEMENT_DATE_BEFORE_PREVIOUS", { path: ["on"], params: { date: on, previous } })]
    : []
}

const closedActions = {
  claim: { zh: "认领", en: "claimed" },
  withdraw: { zh: "撤回认领", en: "withdrawn" },
  deliver: { zh: "实现", en: "delivered" },
  fallBack: { zh: "转社区办理", en: "handed to the community" }
} as const

const closed = (wish: Wish, action: keyof typeof closedActions): Issue.DomainIssue =>
  messages.make("AGREEMENT_WISH_CLOSED", {
    path: ["status"],
    params: { wish: wish.id, status: wish.status, action },
    labels: { status: statusLabels[wish.status], action: closedActions[action] }
  })

/**
 * A unit's claim (or its withdrawal): which unit and on what date.
 *
 * @example
 * ```ts
 * import type { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate, Id } from "@gongzhi/core"
 *
 * const claim: MicroWish.Claim = { unit: Id.UnitId.make("unit-07"), on: CivilDate.makeUnsafe("2024-03-06") }
 * console.log(claim.unit)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Claim {
  readonly unit: Id.UnitId
  readonly on: CivilDate.CivilDate
}

/**
 * A unit the wish was published to claims it. Only one claim stands: a second claim is
 * refused with `AGREEMENT_WISH_ALREADY_CLAIMED` naming the claimant.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate, Id } from "@gongzhi/core"
 *
 * const first = MicroWish.claim(MicroWish.example(), { unit: Id.UnitId.make("unit-07"), on: CivilDate.makeUnsafe("2024-03-06") })
 * if (first._tag === "Success") {
 *   const second = MicroWish.claim(first.success, { unit: Id.UnitId.make("unit-08"), on: CivilDate.makeUnsafe("2024-03-06") })
 *   if (second._tag === "Failure") console.log(second.failure.issues[0]?.code) // "AGREEMENT_WISH_ALREADY_CLAIMED"
 * }
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const claim: {
  (claim: Claim): (wish: Wish) => Result.Result<Wish, ValidationReport.ValidationReport>
  (wish: Wish, claim: Claim): Result.Result<Wish, ValidationReport.ValidationReport>
} = dual(2, (wish: Wish, c: Claim): Result.Result<Wish, ValidationReport.ValidationReport> => {
  if (wish.status === "claimed" && wish.claim !== undefined) {
    return fail1(messages.make("AGREEMENT_WISH_ALREADY_CLAIMED", {
      path: ["unit"],
      params: { wish: wish.id, by: wish.claim.unit }
    }))
  }
  if (wish.status !== "published") return fail1(closed(wish, "claim"))
  const found = chronology(wish, c.on)
  if (!wish.publishedTo.includes(c.unit)) {
    found.push(
      messages.make("AGREEMENT_WISH_NOT_PUBLISHED_TO_UNIT", { path: ["unit"], params: { wish: wish.id, unit: c.unit } })
    )
  }
  if (found.length > 0) return failWith(found)
  return Result.succeed({
    ...wish,
    status: "claimed",
    claim: { unit: c.unit, on: c.on },
    history: [...wish.history, { _tag: "Claimed", on: c.on, unit: c.unit }]
  })
})

/**
 * The claimant withdraws its claim before delivery; the wish is open for claims again.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate, Id } from "@gongzhi/core"
 * import { pipe, Result } from "effect"
 *
 * const unit = Id.UnitId.make("unit-07")
 * const result = pipe(
 *   MicroWish.claim(MicroWish.example(), { unit, on: CivilDate.makeUnsafe("2024-03-05") }),
 *   Result.flatMap(MicroWish.withdraw({ unit, on: CivilDate.makeUnsafe("2024-03-06"), reason: "库存不足" }))
 * )
 * if (result._tag === "Success") console.log(result.success.status) // "published"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const withdraw: {
  (input: Claim & { readonly reason: string }): (wish: Wish) => Result.Result<Wish, ValidationReport.ValidationReport>
  (wish: Wish, input: Claim & { readonly reason: string }): Result.Result<Wish, ValidationReport.ValidationReport>
} = dual(
  2,
  (wish: Wish, input: Claim & { readonly reason: string }): Result.Result<Wish, ValidationReport.ValidationReport> => {
    if (wish.status === "published") {
      return fail1(messages.make("AGREEMENT_WISH_NOT_CLAIMED", { path: ["status"], params: { wish: wish.id } }))
    }
    if (wish.status !== "claimed" || wish.claim === undefined) {
      return fail1(
        closed(wish, "withdraw")
      )
    }
    const found = chronology(wish, input.on)
    if (wish.claim.unit !== input.unit) {
      found.push(messages.make("AGREEMENT_WISH_NOT_CLAIMANT", {
        path: ["unit"],
        params: { wish: wish.id, unit: input.unit, by: wish.claim.unit }
      }))
    }
    if (found.length > 0) return failWith(found)
    const { claim: _dropped, ...rest } = wish
    return Result.succeed({
      ...rest,
      status: "published",
      history: [...wish.history, { _tag: "Withdrawn", on: input.on, unit: input.unit, reason: input.reason }]
    })
  }
)

/**
 * Records delivery: by the claimant of a claimed wish, or by the community for a wish that
 * fell back.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate, Id } from "@gongzhi/core"
 * import { pipe, Result } from "effect"
 *
 * const result = pipe(
 *   MicroWish.claim(MicroWish.example(), { unit: Id.UnitId.make("unit-07"), on: CivilDate.makeUnsafe("2024-03-06") }),
 *   Result.flatMap(MicroWish.deliver(CivilDate.makeUnsafe("2024-03-11")))
 * )
 * if (result._tag === "Success") console.log(MicroWish.timings(result.success)) // { daysToClaim: 2, daysToDelivery: 7 }
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const deliver: {
  (on: CivilDate.CivilDate): (wish: Wish) => Result.Result<Wish, ValidationReport.ValidationReport>
  (wish: Wish, on: CivilDate.CivilDate): Result.Result<Wish, ValidationReport.ValidationReport>
} = dual(2, (wish: Wish, on: CivilDate.CivilDate): Result.Result<Wish, ValidationReport.ValidationReport> => {
  if (wish.status === "published") {
    return fail1(messages.make("AGREEMENT_WISH_NOT_CLAIMED", { path: ["status"], params: { wish: wish.id } }))
  }
  if (wish.status === "delivered") return fail1(closed(wish, "deliver"))
  const found = chronology(wish, on)
  if (found.length > 0) return failWith(found)
  const by = wish.status === "claimed" && wish.claim !== undefined ? wish.claim.unit : community
  return Result.succeed({
    ...wish,
    status: "delivered",
    delivered: { on, by },
    history: [...wish.history, { _tag: "Delivered", on, by }]
  })
})

/**
 * The last day a wish is open for claims under a policy.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * console.log(MicroWish.claimDeadline(MicroWish.example(), { claimWindowDays: 14 })) // "2024-03-18"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const claimDeadline = (wish: Posting, policy: Policy): CivilDate.CivilDate =>
  CivilDate.fromEpochDay(CivilDate.toEpochDay(wish.postedOn) + policy.claimWindowDays).pipe(
    Result.getOrElse(() => wish.postedOn)
  )

/**
 * Hands an unclaimed wish back to the community once its claim window has passed.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const early = MicroWish.fallBack(MicroWish.example(), { on: CivilDate.makeUnsafe("2024-03-10"), policy: { claimWindowDays: 14 } })
 * if (early._tag === "Failure") console.log(early.failure.issues[0]?.code) // "AGREEMENT_WISH_NOT_DUE"
 * ```
 *
 * @category transitions
 * @since 0.1.0
 */
export const fallBack: {
  (
    input: { readonly on: CivilDate.CivilDate; readonly policy: Policy }
  ): (wish: Wish) => Result.Result<Wish, ValidationReport.ValidationReport>
  (
    wish: Wish,
    input: { readonly on: CivilDate.CivilDate; readonly policy: Policy }
  ): Result.Result<Wish, ValidationReport.ValidationReport>
} = dual(2, (wish: Wish, input: { readonly on: CivilDate.CivilDate; readonly policy: Policy }) => {
  if (wish.status === "claimed" && wish.claim !== undefined) {
    return fail1(
      messages.make("AGREEMENT_WISH_ALREADY_CLAIMED", {
        path: ["status"],
        params: { wish: wish.id, by: wish.claim.unit }
      })
    )
  }
  if (wish.status !== "published") return fail1(closed(wish, "fallBack"))
  const due = claimDeadline(wish, input.policy)
  if (input.on <= due) {
    return fail1(
      messages.make("AGREEMENT_WISH_NOT_DUE", { path: ["on"], params: { wish: wish.id, due, date: input.on } })
    )
  }
  const found = chronology(wish, input.on)
  if (found.length > 0) return failWith(found)
  return Result.succeed({
    ...wish,
    status: "fallen-back" as const,
    history: [...wish.history, { _tag: "FellBack" as const, on: input.on }]
  })
})

/**
 * Falls back every wish whose claim window has passed by a date; others are unchanged.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const swept = MicroWish.sweep([MicroWish.example()], { on: CivilDate.makeUnsafe("2024-04-01"), policy: { claimWindowDays: 14 } })
 * console.log(swept.fellBack, swept.wishes[0]?.status) // ["pingli-wheelchair"] "fallen-back"
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const sweep = (
  wishes: ReadonlyArray<Wish>,
  input: { readonly on: CivilDate.CivilDate; readonly policy: Policy }
): { readonly wishes: ReadonlyArray<Wish>; readonly fellBack: ReadonlyArray<WishId> } => {
  const fellBack: Array<WishId> = []
  const out = wishes.map((wish) => {
    if (wish.status !== "published") return wish
    const next = fallBack(wish, input)
    if (Result.isFailure(next)) return wish
    fellBack.push(wish.id)
    return next.success
  })
  return { wishes: out, fellBack }
}

/**
 * Resolves claims that arrive together: the earliest (then the first given) wins; each other
 * claim is returned with the report that refused it.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { CivilDate, Id } from "@gongzhi/core"
 *
 * const on = CivilDate.makeUnsafe("2024-03-06")
 * const resolved = MicroWish.resolveClaims(MicroWish.example(), [
 *   { unit: Id.UnitId.make("unit-08"), on }, { unit: Id.UnitId.make("unit-07"), on: CivilDate.makeUnsafe("2024-03-05") }
 * ])
 * console.log(resolved.wish.claim?.unit, resolved.refused.length) // "unit-07" 1
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const resolveClaims = (
  wish: Wish,
  claims: ReadonlyArray<Claim>
): {
  readonly wish: Wish
  readonly refused: ReadonlyArray<{ readonly claim: Claim; readonly report: ValidationReport.ValidationReport }>
} => {
  const ordered = claims.map((c, i) => [c, i] as const).sort((a, b) =>
    a[0].on < b[0].on ? -1 : a[0].on > b[0].on ? 1 : a[1] - b[1]
  )
  let current = wish
  const refused: Array<{ claim: Claim; report: ValidationReport.ValidationReport }> = []
  for (const [c] of ordered) {
    const next = claim(current, c)
    if (Result.isSuccess(next)) current = next.success
    else refused.push({ claim: c, report: next.failure })
  }
  return { wish: current, refused }
}

/**
 * Days from posting to the standing claim and to delivery (undefined until they happen).
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * console.log(MicroWish.timings(MicroWish.example())) // {}
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const timings = (wish: Wish): { readonly daysToClaim?: number; readonly daysToDelivery?: number } => {
  const claimedOn = wish.claim?.on
  return {
    ...(claimedOn === undefined ? {} : { daysToClaim: CivilDate.daysBetween(wish.postedOn, claimedOn) }),
    ...(wish.delivered === undefined ? {} : { daysToDelivery: CivilDate.daysBetween(wish.postedOn, wish.delivered.on) })
  }
}

/**
 * The 平利 wish: a wheelchair, posted on 2024-03-04 and published to 22 co-building units.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * console.log(MicroWish.example().title) // "一台轮椅"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const example = (): Wish =>
  ValidationReport.getOrThrow(post({
    id: "pingli-wheelchair",
    grandCommittee: "pingli-chengguan",
    title: "一台轮椅",
    wisher: "城关镇独居老人",
    postedOn: "2024-03-04",
    publishedTo: Array.from({ length: 22 }, (_, i) => `unit-${String(i + 1).padStart(2, "0")}`)
  }))

/**
 * One row of the public notice of micro-wishes (微心愿公示).
 *
 * @example
 * ```ts
 * import type { MicroWish } from "@gongzhi/co-building-agreement"
 *
 * const row: MicroWish.NoticeRow = { id: "w-1", title: "一台轮椅", wisher: "张**", postedOn: "2024-03-04", status: "已发布", claimedBy: undefined }
 * console.log(row.wisher) // 张**
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface NoticeRow {
  readonly id: string
  /** The wish as published, its phones, ID numbers, bank cards and e-mail addresses masked. */
  readonly title: string
  /** The wisher's name, masked at every length (`张奶奶` → `张*奶`, `王` → `*`). */
  readonly wisher: string
  readonly postedOn: string
  /** The status in the notice's language. */
  readonly status: string
  readonly claimedBy: string | undefined
}

/**
 * The public notice of micro-wishes: one row per wish, with nothing personal left readable — the
 * wisher's name masked (core's `Redaction.maskName`) and the wish's text masked for phones, ID
 * numbers, bank cards and e-mail addresses (`Redaction.maskText`). The rows are data: a CSV writer
 * passes each cell through `Redaction.csvCell`.
 *
 * @example
 * ```ts
 * import { MicroWish } from "@gongzhi/co-building-agreement"
 * import { Result } from "effect"
 *
 * const wish = Result.getOrThrow(MicroWish.post({
 *   id: "w-1", grandCommittee: "pingli", title: "一台轮椅，联系 13812345678", wisher: "王",
 *   postedOn: "2024-03-04", publishedTo: ["unit-01"]
 * }))
 * const [row] = MicroWish.notice([wish], "zh")
 * console.log(row?.wisher, row?.title) // * 一台轮椅，联系 138****5678
 * ```
 *
 * @category reports
 * @since 0.2.0
 */
export const notice = (wishes: ReadonlyArray<Wish>, lang: "zh" | "en"): ReadonlyArray<NoticeRow> =>
  wishes.map((wish) => ({
    id: wish.id,
    title: Redaction.maskText(wish.title),
    wisher: Redaction.maskName(wish.wisher),
    postedOn: wish.postedOn,
    status: Object.hasOwn(statusLabels, wish.status) ? statusLabels[wish.status][lang] : String(wish.status),
    claimedBy: wish.claim?.unit
  }))
