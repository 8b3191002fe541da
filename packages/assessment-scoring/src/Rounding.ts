/**
 * Declared rounding of scores: how many decimal places and which mode. Scores are kept as
 * integers of `10^-places` inside the engine, so sums of rounded points are exact.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * How a score is rounded: `half-up` (四舍五入, .5 away from zero), `half-even` (banker's),
 * `down` (toward zero, 去尾) or `up` (away from zero, 进一).
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 *
 * const mode: Rounding.Mode = "half-up"
 * console.log(mode)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Mode = "half-up" | "half-even" | "down" | "up"

/**
 * Schema of {@link Mode}.
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Rounding.Mode)("half-even")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Mode: Schema.Codec<Mode> = Schema.Literals(["half-up", "half-even", "down", "up"])

/**
 * A rounding rule: decimal places (0–4) and mode.
 *
 * @example
 * ```ts
 * import type { Rounding } from "@gongzhi/assessment-scoring"
 *
 * const rule: Rounding.Rule = { places: 2, mode: "half-up" }
 * console.log(rule.places)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Rule {
  readonly places: number
  readonly mode: Mode
}

/**
 * Schema of {@link Rule}; places are an integer from 0 to 4.
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Rounding.Rule)({ places: 9, mode: "up" })) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rule: Schema.Codec<Rule> = Schema.Struct({
  places: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 4 })),
  mode: Mode
}).annotate({ identifier: "RoundingRule" })

/**
 * The default rule: two places, half-up (四舍五入保留两位小数).
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 *
 * console.log(Rounding.standard) // { places: 2, mode: "half-up" }
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const standard: Rule = { places: 2, mode: "half-up" }

/**
 * The number of integer units in one point under a rule (`10^places`).
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 *
 * console.log(Rounding.scale({ places: 2, mode: "up" })) // 100
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const scale = (rule: Rule): number => 10 ** rule.places

/**
 * Rounds a point value to integer units of the rule (`toUnits(2.675, 2 places half-up) = 268`).
 * The product is first snapped (within a relative 1e-9) to a whole or half unit, so binary
 * noise such as `2.675 * 100 = 267.49999…` rounds as a person expects.
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 *
 * console.log(Rounding.toUnits(2.675, { places: 2, mode: "half-up" })) // 268
 * console.log(Rounding.toUnits(2.5, { places: 0, mode: "half-even" })) // 2
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const toUnits = (value: number, rule: Rule): number => roundScaled(value * scale(rule), rule.mode)

/**
 * Rounds an already scaled value (e.g. points × 100) to an integer by a mode.
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 *
 * console.log(Rounding.roundScaled(-2.5, "half-up")) // -3
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const roundScaled = (scaled: number, mode: Mode): number => {
  const sign = scaled < 0 ? -1 : 1
  let a = scaled < 0 ? -scaled : scaled
  // snap binary noise (267.49999999999997 → 267.5, 3.0000000000000004 → 3) before rounding
  const eps = 1e-9 * (a > 1 ? a : 1)
  const f = Math.floor(a + eps)
  if (a - f < eps) a = f
  else if (Math.abs(a - f - 0.5) < eps) a = f + 0.5
  let r: number
  switch (mode) {
    case "down":
      r = Math.floor(a)
      break
    case "up":
      r = Math.ceil(a)
      break
    case "half-up":
      r = Math.floor(a + 0.5)
      break
    case "half-even": {
      const fl = Math.floor(a)
      const d = a - fl
      r = d > 0.5 ? fl + 1 : d < 0.5 ? fl : fl % 2 === 0 ? fl : fl + 1
      break
    }
  }
  return r === 0 ? 0 : sign * r
}

/**
 * Rounds a point value by a rule and returns it as points (`round(2.675, 2 places half-up) = 2.68`).
 *
 * @example
 * ```ts
 * import { Rounding } from "@gongzhi/assessment-scoring"
 *
 * console.log(Rounding.round(86.345, { places: 1, mode: "down" })) // 86.3
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const round = (value: number, rule: Rule): number => toUnits(value, rule) / scale(rule)
