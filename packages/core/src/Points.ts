/**
 * Volunteer points (积分): whole numbers only, with checked arithmetic — a sum that
 * would lose precision is an error, never a wrong number.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Ord from "effect/Order"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Amount from "./internal/integerAmount.js"
import { describeValue } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import type * as Label from "./Label.js"
import * as ValidationReport from "./ValidationReport.js"

const kind: Amount.AmountKind = { unit: { zh: "积分", en: "points" } }

/**
 * The messages of points parsing.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.messages.codes.includes("CORE_POINTS_PARSE_NOT_INTEGER")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CORE_POINTS_PARSE_EMPTY: { zh: "积分不能为空", en: "Points must not be empty" },
  CORE_POINTS_PARSE_INVALID: { zh: "{input} 不是积分数", en: "{input} is not a number of points" },
  CORE_POINTS_PARSE_NOT_INTEGER: {
    zh: "积分必须是整数，{input} 带有小数",
    en: "Points are whole numbers; {input} has a fraction"
  },
  CORE_POINTS_PARSE_AMBIGUOUS: {
    zh: "{input} 的千分位写法有歧义（应写成 1,234 或 1234）",
    en: "{input} is ambiguous: write thousands as 1,234 or 1234"
  }
})

/**
 * Schema of a points amount: a safe integer (negative for deductions).
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Points.Points)(400), Schema.is(Points.Points)(0.5)) // true false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Points = Amount.safeIntegerSchema(kind).pipe(Schema.brand("Points")).annotate({
  identifier: "Points",
  description: "A whole number of points",
  "gongzhi/expected": { zh: "整数积分", en: "a whole number of points" }
})

/**
 * A whole number of points.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * const earned: Points.Points = Points.makeUnsafe(400)
 * console.log(Points.format(earned)) // "400"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Points = typeof Points.Type

/**
 * Schema of a points amount that is zero or more.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Points.NonNegativePoints)(-1)) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const NonNegativePoints = Points.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * Schema of a points amount that is more than zero.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Points.PositivePoints)(0)) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const PositivePoints = Points.check(Schema.isGreaterThan(0))

/**
 * Zero points.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.zero) // 0
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const zero: Points = 0 as Points

/**
 * Checks that a number is a whole number of points.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.make(400)._tag, Points.make(1.5)._tag) // "Success Failure"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (value: number): Result.Result<Points, ValidationReport.ValidationReport> =>
  Number.isSafeInteger(value)
    ? Result.succeed(value as Points)
    : Result.fail(ValidationReport.of(Amount.notSafeInteger(kind)))

/**
 * A whole number of points known to be good (a literal in code); throws a `DomainError` otherwise.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * const haAnxi = Points.makeUnsafe(400)
 * console.log(haAnxi)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUnsafe = (value: number): Points => ValidationReport.getOrThrow(make(value))

/**
 * Adds two amounts; fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 * import { pipe } from "effect"
 *
 * const a = Points.makeUnsafe(400)
 * console.log(Points.add(a, Points.makeUnsafe(320))) // Success 720
 * console.log(pipe(a, Points.add(Points.makeUnsafe(Number.MAX_SAFE_INTEGER)))._tag) // "Failure"
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const add: {
  (that: Points): (self: Points) => Result.Result<Points, ValidationReport.ValidationReport>
  (self: Points, that: Points): Result.Result<Points, ValidationReport.ValidationReport>
} = dual(2, (self: Points, that: Points) => Amount.checked<Points>(kind, self + that, "add"))

/**
 * Subtracts `that` from `self`; fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.subtract(Points.makeUnsafe(400), Points.makeUnsafe(50))) // Success 350
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const subtract: {
  (that: Points): (self: Points) => Result.Result<Points, ValidationReport.ValidationReport>
  (self: Points, that: Points): Result.Result<Points, ValidationReport.ValidationReport>
} = dual(2, (self: Points, that: Points) => Amount.checked<Points>(kind, self - that, "subtract"))

/**
 * Multiplies by a whole number (e.g. points per hour × hours); fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.multiply(Points.makeUnsafe(5), 3)) // Success 15
 * console.log(Points.multiply(Points.makeUnsafe(5), 1.5)._tag) // "Failure"
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const multiply: {
  (factor: number): (self: Points) => Result.Result<Points, ValidationReport.ValidationReport>
  (self: Points, factor: number): Result.Result<Points, ValidationReport.ValidationReport>
} = dual(2, (self: Points, factor: number) =>
  Number.isSafeInteger(factor)
    ? Amount.checked<Points>(kind, self * factor, "multiply")
    : Result.fail(ValidationReport.of(Amount.notSafeInteger(kind))))

/**
 * Adds up any number of amounts (zero for none); fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.sum([400, 320].map(Points.makeUnsafe))) // Success 720
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const sum = (values: Iterable<Points>): Result.Result<Points, ValidationReport.ValidationReport> =>
  Amount.sum<Points>(kind, values)

/**
 * The amount with its sign turned round.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.negate(Points.makeUnsafe(20))) // -20
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const negate = (self: Points): Points => (self === 0 ? 0 : -self) as Points

/**
 * The order of amounts, smallest first.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 * import { Array } from "effect"
 *
 * console.log(Array.sort([320, 400].map(Points.makeUnsafe), Points.Order)) // [320, 400]
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const Order: Ord.Order<Points> = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

const grouping = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0, useGrouping: true })

/**
 * Writes an amount with thousands separators: `1,234`.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.format(Points.makeUnsafe(12345))) // "12,345"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (self: Points): string => grouping.format(self)

/**
 * An amount in words: `{ zh: "400 分", en: "400 points" }`.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.label(Points.makeUnsafe(1)).en) // "1 point"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const label = (self: Points): Label.Label => ({
  zh: `${format(self)} 分`,
  en: `${format(self)} ${Math.abs(self) === 1 ? "point" : "points"}`
})

const digits = /^\d+$/
const grouped = /^\d{1,3}(?:,\d{3})+$/

/**
 * Reads points as people type them: `400`, `1,234`, `400分`, `400 积分`, `400 points`.
 * A fraction or an odd thousands grouping is rejected, not rounded or guessed.
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 *
 * console.log(Points.parse("1,234 积分")) // Success 1234
 * const bad = Points.parse("12.5")
 * if (bad._tag === "Failure") console.log(bad.failure.issues[0]?.code) // "CORE_POINTS_PARSE_NOT_INTEGER"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const parse = (text: string): Result.Result<Points, ValidationReport.ValidationReport> => {
  if (typeof text !== "string") {
    return Result.fail(
      ValidationReport.of(messages.make("CORE_POINTS_PARSE_INVALID", { params: { input: describeValue(text) } }))
    )
  }
  const fail = (code: keyof typeof messages.templates) =>
    Result.fail(ValidationReport.of(messages.make(code, { params: { input: JSON.stringify(text) } })))
  let s = (/[\uFF00-\uFFEF\u3000]/.test(text) ? text.normalize("NFKC") : text).trim()
  if (s === "") return fail("CORE_POINTS_PARSE_EMPTY")
  let sign = 1
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -1
    s = s.slice(1).trim()
  }
  s = s.replace(/\s*(积分|分|points?|pts?)$/i, "")
  if (/^[\d,]+\.\d+$/.test(s)) return fail("CORE_POINTS_PARSE_NOT_INTEGER")
  if (!digits.test(s) && !grouped.test(s)) {
    if (/^[\d,.]+$/.test(s) && s.includes(",")) return fail("CORE_POINTS_PARSE_AMBIGUOUS")
    return fail("CORE_POINTS_PARSE_INVALID")
  }
  if (s.includes(",") && !grouped.test(s)) return fail("CORE_POINTS_PARSE_AMBIGUOUS")
  return make(sign * Number(s.replaceAll(",", "")))
}
