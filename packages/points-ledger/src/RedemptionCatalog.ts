/**
 * The redemption catalog (积分超市 / 积分兑换目录): the goods and services points buy, with
 * their point price, stock, per-person limit and validity.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, Issue, Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import { IdString } from "./internal/fields.js"
import { messages } from "./Messages.js"

/**
 * One item of the catalog: rice, flour, oil, hand sanitiser, brushes, rackets, a service…
 * No `stock` means unlimited (a service); no `perPersonLimit` means no limit.
 *
 * @example
 * ```ts
 * import { RedemptionCatalog } from "@gongzhi/points-ledger"
 * import { Schema } from "effect"
 *
 * const rice: RedemptionCatalog.Item = { id: "rice", label: { zh: "大米（10斤）", en: "rice (5 kg)" }, price: 50, stock: 200 }
 * console.log(Schema.is(RedemptionCatalog.Item)(rice)) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Item = Schema.Struct({
  id: IdString({ zh: "物品编号", en: "item id" }),
  label: Label.Label,
  price: Schema.Int.check(Schema.isGreaterThan(0)),
  stock: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  perPersonLimit: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThan(0))),
  validFrom: Schema.optionalKey(CivilDate.CivilDate),
  validTo: Schema.optionalKey(CivilDate.CivilDate)
}).annotate({ identifier: "RedemptionItem" })

/**
 * The type of {@link Item}.
 *
 * @example
 * ```ts
 * import type { RedemptionCatalog } from "@gongzhi/points-ledger"
 *
 * const haircut: RedemptionCatalog.Item = { id: "haircut", label: { zh: "理发服务", en: "haircut" }, price: 20 }
 * console.log(haircut.stock) // undefined: unlimited
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Item = typeof Item.Type

/**
 * The redemption catalog document (`kind: "redemption-catalog"`, `schemaVersion: 1`).
 *
 * @example
 * ```ts
 * import { RedemptionCatalog } from "@gongzhi/points-ledger"
 *
 * const result = RedemptionCatalog.RedemptionCatalog.decode({
 *   kind: "redemption-catalog",
 *   schemaVersion: 1,
 *   id: "shop",
 *   name: { zh: "积分超市", en: "points shop" },
 *   items: [
 *     { id: "oil", label: { zh: "食用油", en: "cooking oil" }, price: 60, stock: -1 },
 *     { id: "oil", label: { zh: "食用油", en: "cooking oil" }, price: 60, validFrom: "2024-06-01", validTo: "2024-01-01" }
 *   ]
 * })
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.path.join("."))) // ["items.0.stock", "items.1.id", "items.1.validTo"] (stock, duplicate id, validity)
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const RedemptionCatalog = Document.define({
  kind: "redemption-catalog",
  schemaVersion: 1,
  label: { zh: "积分兑换目录", en: "redemption catalog" },
  description: "The goods and services volunteer points are exchanged for (积分超市)",
  fields: {
    id: IdString({ zh: "目录编号", en: "catalog id" }),
    name: Label.Label,
    items: Schema.Array(Item)
  },
  checks: [
    (catalog) => {
      const found: Array<Issue.DomainIssue> = []
      const seen = new Set<string>()
      catalog.items.forEach((item, i) => {
        if (seen.has(item.id)) {
          found.push(messages.make("LEDGER_DUPLICATE_ID", {
            path: ["items", i, "id"],
            params: { id: item.id },
            labels: { what: { zh: "物品", en: "item" } }
          }))
        }
        seen.add(item.id)
        if (item.validFrom !== undefined && item.validTo !== undefined && item.validTo < item.validFrom) {
          found.push(messages.make("LEDGER_VALIDITY_REVERSED", {
            path: ["items", i, "validTo"],
            params: { from: item.validFrom, to: item.validTo }
          }))
        }
      })
      return found
    }
  ]
})

/**
 * A decoded redemption catalog.
 *
 * @example
 * ```ts
 * import { Presets, type RedemptionCatalog } from "@gongzhi/points-ledger"
 *
 * const catalog: RedemptionCatalog.RedemptionCatalog = Presets.pingliCatalog
 * console.log(catalog.items.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type RedemptionCatalog = Document.Type<typeof RedemptionCatalog>

/**
 * Finds an item of a catalog by id.
 *
 * @example
 * ```ts
 * import { Presets, RedemptionCatalog } from "@gongzhi/points-ledger"
 *
 * console.log(RedemptionCatalog.findItem(Presets.pingliCatalog, "rice")?.price) // 50
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const findItem = (catalog: RedemptionCatalog, id: string): Item | undefined => {
  for (const item of catalog.items) if (item.id === id) return item
  return undefined
}

/**
 * Whether an item can be redeemed on a date (inside its validity).
 *
 * @example
 * ```ts
 * import { RedemptionCatalog } from "@gongzhi/points-ledger"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const mooncake: RedemptionCatalog.Item = {
 *   id: "mooncake", label: { zh: "月饼", en: "mooncakes" }, price: 30,
 *   validFrom: CivilDate.makeUnsafe("2024-09-01"), validTo: CivilDate.makeUnsafe("2024-09-17")
 * }
 * console.log(RedemptionCatalog.isAvailableOn(mooncake, CivilDate.makeUnsafe("2024-10-01"))) // false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isAvailableOn = (item: Item, on: CivilDate.CivilDate): boolean =>
  (item.validFrom === undefined || item.validFrom <= on) && (item.validTo === undefined || on <= item.validTo)
