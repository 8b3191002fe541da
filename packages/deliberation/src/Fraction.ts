/**
 * Exact rational thresholds: a fraction of whole numbers and whether it is strict ("more than
 * half", 超过半数) or not ("two thirds or more", 三分之二以上). Every comparison is done on
 * integers (BigInt cross-multiplication), never on floating point, so exactly 1/2 fails
 * "more than half" and exactly 2/3 passes "at least 2/3".
 *
 * @since 0.2.0
 */
import { Issue } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import { isWhole, safely } from "./internal/safe.js"
import { messages } from "./Messages.js"

/**
 * A threshold: `numerator / denominator` (whole numbers, 0 ≤ numerator ≤ denominator,
 * denominator ≥ 1) and `strict` (`true`: the part must be more than the fraction; `false`:
 * at least the fraction).
 *
 * @example
 * ```ts
 * import type { Fraction } from "@gongzhi/deliberation"
 *
 * const moreThanHalf: Fraction.Threshold = { numerator: 1, denominator: 2, strict: true }
 * console.log(moreThanHalf.strict) // true
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Threshold {
  readonly numerator: number
  readonly denominator: number
  readonly strict: boolean
}

const WholeNumber = Schema.Int.check(Issue.refine(
  (n: number) => n >= 0 ? [] : [messages.make("DELIB_FRACTION_INVALID", { params: { numerator: n, denominator: 1 } })],
  { jsonSchema: { minimum: 0 } }
))

/**
 * Schema of a {@link Threshold}; the fraction must lie between 0 and 1 with a positive denominator.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Fraction.Threshold)({ numerator: 2, denominator: 3, strict: false })) // true
 * ```
 *
 * @category schemas
 * @since 0.2.0
 */
export const Threshold: Schema.Codec<Threshold> = Schema.Struct({
  numerator: WholeNumber,
  denominator: WholeNumber,
  strict: Schema.Boolean
}).check(
  Issue.refine((t: Threshold) =>
    t.denominator >= 1 && t.numerator <= t.denominator ? [] : [messages.make("DELIB_FRACTION_INVALID", {
      path: ["denominator"],
      params: { numerator: t.numerator, denominator: t.denominator }
    })]
  )
).annotate({ identifier: "Threshold" })

/**
 * Makes a threshold.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.format(Fraction.make(3, 4, false))) // "≥ 3/4"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = (numerator: number, denominator: number, strict: boolean): Threshold => ({
  numerator,
  denominator,
  strict
})

/**
 * "More than half" (超过半数, 过半数): strictly more than 1/2.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.meets(50, 100, Fraction.moreThanHalf)) // false
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const moreThanHalf: Threshold = make(1, 2, true)

/**
 * "Two thirds or more" (三分之二以上): at least 2/3.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.meets(2, 3, Fraction.twoThirds)) // true
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const twoThirds: Threshold = make(2, 3, false)

/**
 * "Three quarters or more" (四分之三以上): at least 3/4.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.meets(3, 4, Fraction.threeQuarters)) // true
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const threeQuarters: Threshold = make(3, 4, false)

/**
 * "Four fifths or more" (五分之四以上): at least 4/5.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.meets(79, 100, Fraction.fourFifths)) // false
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const fourFifths: Threshold = make(4, 5, false)

/**
 * Compares two ratios of whole numbers exactly: `-1`, `0` or `1` as `a/b` is less than, equal
 * to or more than `c/d` (b and d positive).
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.compare(1, 3, 333_333_333, 1_000_000_000)) // 1
 * ```
 *
 * @category comparisons
 * @since 0.2.0
 */
export const compare = (a: number, b: number, c: number, d: number): -1 | 0 | 1 => {
  if (!isWhole(a) || !isWhole(b) || !isWhole(c) || !isWhole(d)) {
    // not whole numbers (a JavaScript caller's mistake): compared as floating point, NaN as equal
    return safely(0 as const, () => {
      const left = Number(a) * Number(d)
      const right = Number(c) * Number(b)
      return left < right ? -1 : left > right ? 1 : 0
    })
  }
  const left = BigInt(a) * BigInt(d)
  const right = BigInt(c) * BigInt(b)
  return left < right ? -1 : left > right ? 1 : 0
}

const valid = (t: Threshold): boolean =>
  typeof t === "object" && t !== null && isWhole(t.numerator) && isWhole(t.denominator) && t.denominator >= 1 &&
  t.numerator >= 0 && typeof t.strict === "boolean"

/**
 * Whether `part` of `whole` meets a threshold, exactly. An empty whole meets nothing.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.meets(1, 2, Fraction.moreThanHalf)) // false
 * console.log(Fraction.meets(2, 3, Fraction.twoThirds)) // true
 * console.log(Fraction.meets(3, 4, Fraction.threeQuarters)) // true
 * ```
 *
 * @category comparisons
 * @since 0.2.0
 */
export const meets = (part: number, whole: number, threshold: Threshold): boolean =>
  safely(false, () => isWhole(part) && isWhole(whole) && valid(threshold) && meetsWhole(part, whole, threshold))

const meetsWhole = (part: number, whole: number, threshold: Threshold): boolean => {
  if (whole <= 0) return false
  const c = compare(part, whole, threshold.numerator, threshold.denominator)
  return threshold.strict ? c > 0 : c >= 0
}

/**
 * The least whole part of `whole` that meets a threshold (`whole + 1` when none can, e.g.
 * "more than all").
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.needed(539, Fraction.moreThanHalf)) // 270
 * console.log(Fraction.needed(539, Fraction.twoThirds)) // 360
 * console.log(Fraction.needed(100, Fraction.moreThanHalf)) // 51
 * ```
 *
 * @category comparisons
 * @since 0.2.0
 */
export const needed = (whole: number, threshold: Threshold): number =>
  safely(Number.NaN, () => (isWhole(whole) && valid(threshold) ? neededWhole(whole, threshold) : Number.NaN))

const neededWhole = (whole: number, threshold: Threshold): number => {
  if (whole <= 0) return 1
  const product = BigInt(threshold.numerator) * BigInt(whole)
  const den = BigInt(threshold.denominator)
  const floor = product / den
  const least = threshold.strict ? floor + 1n : (product % den === 0n ? floor : floor + 1n)
  return Number(least)
}

/**
 * How much more `part` must grow when the whole grows with it (each added unit counts in both,
 * as a newcomer voting yes does for a share of the participants); `undefined` when no amount
 * is enough (a threshold of all, strictly). `0` when the threshold is already met.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * // 40 yes out of 100 participants: 21 more yes voters make 61 of 121, more than half.
 * console.log(Fraction.neededJoining(40, 100, Fraction.moreThanHalf)) // 21
 * ```
 *
 * @category comparisons
 * @since 0.2.0
 */
export const neededJoining = (part: number, whole: number, threshold: Threshold): number | undefined =>
  safely(
    undefined,
    () => (isWhole(part) && isWhole(whole) && valid(threshold) ? neededJoiningWhole(part, whole, threshold) : undefined)
  )

const neededJoiningWhole = (part: number, whole: number, threshold: Threshold): number | undefined => {
  if (meets(part, whole, threshold)) return 0
  const num = BigInt(threshold.numerator)
  const den = BigInt(threshold.denominator)
  const gap = den - num
  // (part + k) * den (>|≥) num * (whole + k)  ⇔  k * gap (>|≥) num * whole − part * den
  const target = num * BigInt(whole) - BigInt(part) * den
  if (gap === 0n) return threshold.strict || target > 0n ? undefined : 0
  const floor = target / gap
  const exact = target % gap === 0n
  const k = threshold.strict ? floor + 1n : exact ? floor : floor + 1n
  const least = k < 1n ? 1n : k
  return Number(least)
}

/**
 * The threshold written as a relation and a fraction: `"> 1/2"`, `"≥ 2/3"`.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.format(Fraction.moreThanHalf)) // "> 1/2"
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const format = (threshold: Threshold): string =>
  safely(
    "",
    () => (valid(threshold) ? `${threshold.strict ? ">" : "≥"} ${threshold.numerator}/${threshold.denominator}` : "")
  )

/**
 * The threshold as a relation and a percentage to one decimal (trailing `.0` dropped), e.g.
 * `"> 50%"`, `"≥ 66.7%"`.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.formatPercent(Fraction.twoThirds)) // "≥ 66.7%"
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const formatPercent = (threshold: Threshold): string =>
  safely(
    "",
    () =>
      valid(threshold)
        ? `${threshold.strict ? ">" : "≥"} ${percent(threshold.numerator, threshold.denominator, "nearest")}`
        : ""
  )

/**
 * A ratio as a percentage to one decimal, computed on integers. `rounding` is `"nearest"`
 * (half up), `"up"` or `"down"`; the tally rounds a figure toward its verdict (up when met,
 * down when missed) so the figure shown never contradicts it.
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.percent(682, 1000, "nearest")) // "68.2%"
 * console.log(Fraction.percent(1, 2, "down")) // "50%"
 * console.log(Fraction.percent(2, 3, "down")) // "66.6%"
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const percent = (part: number, whole: number, rounding: "nearest" | "up" | "down"): string =>
  !isWhole(part) || !isWhole(whole) ? "" : whole <= 0 ? "0%" : showTenths(tenthsOf(part, whole, rounding))

const tenthsOf = (part: number, whole: number, rounding: "nearest" | "up" | "down"): bigint => {
  const scaled = BigInt(part) * 1000n
  const w = BigInt(whole)
  let tenths = scaled / w
  const rest = scaled % w
  if (rounding === "up" && rest > 0n) tenths += 1n
  if (rounding === "nearest" && rest * 2n >= w) tenths += 1n
  return tenths
}

const showTenths = (tenths: bigint): string => {
  const whole10 = tenths / 10n
  const decimal = tenths % 10n
  return decimal === 0n ? `${whole10}%` : `${whole10}.${decimal}%`
}

/**
 * A share shown against a threshold: the nearest tenth of a percent, moved by a tenth where
 * rounding would make the figure contradict the verdict (exactly 1/2 shows "50%" against
 * "> 50%"; 66.66 % shows "66.6%" against "≥ 66.7%", not "66.7%").
 *
 * @example
 * ```ts
 * import { Fraction } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.percentAgainst(6666, 10000, Fraction.twoThirds)) // "66.6%"
 * console.log(Fraction.percentAgainst(5001, 10000, Fraction.moreThanHalf)) // "50.1%"
 * console.log(Fraction.percentAgainst(513, 1000, Fraction.moreThanHalf)) // "51.3%"
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const percentAgainst = (part: number, whole: number, threshold: Threshold): string =>
  safely("", () => (isWhole(part) && isWhole(whole) && valid(threshold) ? againstWhole(part, whole, threshold) : ""))

const againstWhole = (part: number, whole: number, threshold: Threshold): string => {
  if (whole <= 0) return "0%"
  const met = meets(part, whole, threshold)
  const shown = tenthsOf(part, whole, "nearest")
  const bar = tenthsOf(threshold.numerator, threshold.denominator, "nearest")
  if (met && (threshold.strict ? shown <= bar : shown < bar)) return showTenths(threshold.strict ? bar + 1n : bar)
  if (!met && (threshold.strict ? shown > bar : shown >= bar)) return showTenths(threshold.strict ? bar : bar - 1n)
  return showTenths(shown)
}
