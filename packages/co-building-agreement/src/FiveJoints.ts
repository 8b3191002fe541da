/**
 * The five joints (五联) along which a member unit commits to co-building: joint study and
 * practice (联学联做), joint safety (平安联创), joint public welfare (公益联办), shared
 * facilities (设施联用) and joint civility (文明联创).
 *
 * @since 0.1.0
 */
import type { Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"

/**
 * Every joint, in the order the seeds list them.
 *
 * @example
 * ```ts
 * import { FiveJoints } from "@gongzhi/co-building-agreement"
 *
 * console.log(FiveJoints.all.length) // 5
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const all = [
  "joint-study",
  "joint-safety",
  "joint-public-welfare",
  "shared-facilities",
  "joint-civility"
] as const

/**
 * Schema of a joint: one of {@link all}.
 *
 * @example
 * ```ts
 * import { FiveJoints } from "@gongzhi/co-building-agreement"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(FiveJoints.Joint)("joint-safety")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Joint = Schema.Literals(all).annotate({
  identifier: "Joint",
  description: "One of the five joints (五联)"
})

/**
 * One of the five joints.
 *
 * @example
 * ```ts
 * import type { FiveJoints } from "@gongzhi/co-building-agreement"
 *
 * const joint: FiveJoints.Joint = "shared-facilities"
 * console.log(joint)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Joint = typeof Joint.Type

/**
 * The zh and en names of each joint.
 *
 * @example
 * ```ts
 * import { FiveJoints } from "@gongzhi/co-building-agreement"
 *
 * console.log(FiveJoints.labels["joint-civility"].zh) // "文明联创"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const labels: { readonly [J in Joint]: Label.Label } = {
  "joint-study": { zh: "联学联做", en: "joint study and practice" },
  "joint-safety": { zh: "平安联创", en: "joint safety" },
  "joint-public-welfare": { zh: "公益联办", en: "joint public welfare" },
  "shared-facilities": { zh: "设施联用", en: "shared facilities" },
  "joint-civility": { zh: "文明联创", en: "joint civility" }
}

/**
 * The joints not present among the given ones, in the order of {@link all}.
 *
 * @example
 * ```ts
 * import { FiveJoints } from "@gongzhi/co-building-agreement"
 *
 * console.log(FiveJoints.missing(["joint-study", "joint-safety"]))
 * // ["joint-public-welfare", "shared-facilities", "joint-civility"]
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const missing = (present: Iterable<Joint>): ReadonlyArray<Joint> => {
  const set = new Set(present)
  return all.filter((joint) => !set.has(joint))
}
