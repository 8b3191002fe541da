/**
 * Bilingual text: every message and label gongzhi shows a person exists in
 * Chinese (zh-CN) and English.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"

/**
 * A language gongzhi can speak: `"zh"` (简体中文) or `"en"` (English).
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 *
 * const lang: Label.Lang = "zh"
 * console.log(Label.get(Label.make("社区大党委", "community grand party committee"), lang))
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Lang = "zh" | "en"

/**
 * Schema of {@link Lang}, for command-line flags and documents.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Label.Lang)("en")) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Lang: Schema.Literals<readonly ["zh", "en"]> = Schema.Literals(["zh", "en"])

/**
 * The languages gongzhi speaks, in order of preference.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 *
 * console.log(Label.langs.join(", ")) // "zh, en"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const langs: ReadonlyArray<Lang> = ["zh", "en"]

/**
 * A text in Chinese and English, e.g. `{ zh: "社区大党委", en: "community grand party committee" }`.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 *
 * const label: Label.Label = { zh: "党员中心户", en: "centre household" }
 * console.log(label.en)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Label {
  readonly zh: string
  readonly en: string
}

/**
 * Schema of {@link Label}: both languages are required, neither may be empty.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Label.Label)({ zh: "网格", en: "grid" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Label: Schema.Struct<{
  readonly zh: Schema.NonEmptyString
  readonly en: Schema.NonEmptyString
}> = Schema.Struct({ zh: Schema.NonEmptyString, en: Schema.NonEmptyString }).annotate({
  identifier: "Label",
  description: "A text in Chinese (zh) and English (en)"
})

/**
 * Makes a {@link Label} from its Chinese and English text.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 *
 * const grid = Label.make("网格", "grid")
 * console.log(grid.zh) // "网格"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (zh: string, en: string): Label => ({ zh, en })

/**
 * Picks the text of a label in one language.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 * import { pipe } from "effect"
 *
 * const grid = Label.make("网格", "grid")
 * console.log(Label.get(grid, "en")) // "grid"
 * console.log(pipe(grid, Label.get("zh"))) // "网格"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const get: {
  (lang: Lang): (label: Label) => string
  (label: Label, lang: Lang): string
} = dual(2, (label: Label, lang: Lang): string => label[lang])

/**
 * A value that may be put into a message template.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 *
 * const params: Record<string, Label.TemplateValue> = { max: 50, kind: "branch" }
 * console.log(params)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type TemplateValue = string | number | boolean

const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/**
 * Fills the `{name}` placeholders of a template; a placeholder without a value is kept as it is.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 *
 * console.log(Label.interpolate("at most {max} members", { max: 50 })) // "at most 50 members"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const interpolate = (template: string, params: Readonly<Record<string, TemplateValue>>): string =>
  template.includes("{")
    ? template.replace(
      placeholder,
      (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole)
    )
    : template

/**
 * Fills the placeholders of both languages of a label template.
 *
 * @example
 * ```ts
 * import { Label } from "@gongzhi/core"
 *
 * const label = Label.render({ zh: "最多 {max} 人", en: "at most {max} people" }, { max: 50 })
 * console.log(label.zh) // "最多 50 人"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const render = (template: Label, params: Readonly<Record<string, TemplateValue>>): Label => ({
  zh: interpolate(template.zh, params),
  en: interpolate(template.en, params)
})
