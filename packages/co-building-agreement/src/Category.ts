/**
 * The categories of the three lists (三张清单): what a resource offers and what a need asks
 * for use one vocabulary, so that needs can be matched to resources.
 *
 * @since 0.1.0
 */
import { Issue, type Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import { messages } from "./Messages.js"

/**
 * Every category, with its zh and en names.
 *
 * @example
 * ```ts
 * import { Category } from "@gongzhi/co-building-agreement"
 *
 * console.log(Category.labels["elderly-care"].zh) // "养老助老"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const labels = {
  "venue": { zh: "场地设施", en: "venue and facilities" },
  "volunteers": { zh: "志愿服务", en: "volunteers" },
  "funds": { zh: "资金", en: "funds" },
  "goods": { zh: "物资", en: "goods" },
  "equipment": { zh: "设备", en: "equipment" },
  "repairs": { zh: "维修改造", en: "repairs and renovation" },
  "safety": { zh: "平安消防", en: "safety and fire" },
  "environment": { zh: "环境卫生", en: "environment and sanitation" },
  "elderly-care": { zh: "养老助老", en: "elderly care" },
  "child-care": { zh: "儿童关爱", en: "child care" },
  "disability": { zh: "助残", en: "disability support" },
  "health": { zh: "医疗健康", en: "health" },
  "legal": { zh: "法律服务", en: "legal services" },
  "education": { zh: "教育培训", en: "education and training" },
  "employment": { zh: "就业创业", en: "employment" },
  "culture": { zh: "文化体育", en: "culture and sports" },
  "transport": { zh: "交通出行", en: "transport" },
  "party-study": { zh: "党建学习", en: "party study" },
  "other": { zh: "其他", en: "other" }
} as const satisfies Readonly<Record<string, Label.Label>>

/**
 * One category of the three lists.
 *
 * @example
 * ```ts
 * import type { Category } from "@gongzhi/co-building-agreement"
 *
 * const category: Category.Category = "repairs"
 * console.log(category)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Category = keyof typeof labels

/**
 * Every category, in a stable order.
 *
 * @example
 * ```ts
 * import { Category } from "@gongzhi/co-building-agreement"
 *
 * console.log(Category.all.includes("venue")) // true
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const all: ReadonlyArray<Category> = Object.keys(labels) as Array<Category>

const known = new Set<string>(all)

/**
 * Whether a string is a known category.
 *
 * @example
 * ```ts
 * import { Category } from "@gongzhi/co-building-agreement"
 *
 * console.log(Category.isCategory("health"), Category.isCategory("helth")) // true false
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const isCategory = (u: unknown): u is Category => typeof u === "string" && known.has(u)

/**
 * Schema of a category; an unknown one is reported as `AGREEMENT_UNKNOWN_CATEGORY` with the
 * allowed values.
 *
 * @example
 * ```ts
 * import { Category } from "@gongzhi/co-building-agreement"
 * import { ValidationReport } from "@gongzhi/core"
 *
 * const result = ValidationReport.decodeUnknown(Category.Category)("helth")
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "AGREEMENT_UNKNOWN_CATEGORY"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Category: Schema.Codec<Category> = Schema.String.check(Issue.refine(
  (value: string) =>
    known.has(value) ? [] : [messages.make("AGREEMENT_UNKNOWN_CATEGORY", {
      params: { actual: value, allowed: all.join(", ") }
    })],
  { jsonSchema: { enum: all } }
)).annotate({
  identifier: "Category",
  description: "A category of the three lists (三张清单)"
}) as unknown as Schema.Codec<Category>
