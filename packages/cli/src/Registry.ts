/**
 * The document kinds the `gongzhi` command knows: what `validate` detects by the `kind`
 * field and what `schema` prints. Every domain package contributes its documents.
 *
 * @since 0.1.0
 */
import type { CivilDate, Document, Label, ValidationReport } from "@gongzhi/core"
import type * as Result from "effect/Result"

/**
 * One document kind: its name, label, decoder and JSON Schema.
 *
 * @example
 * ```ts
 * import type { Registry } from "@gongzhi/cli"
 *
 * const describe = (entry: Registry.Entry) => `${entry.kind}: ${entry.label.zh}`
 * console.log(typeof describe)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Entry {
  readonly kind: string
  readonly schemaVersion: number
  readonly label: Label.Label
  /** The package the kind comes from. */
  readonly package: string
  readonly decode: (input: unknown) => Result.Result<unknown, ValidationReport.ValidationReport>
  readonly jsonSchema: () => Document.JsonSchema
  /** Extra checks after decoding (e.g. validating org rows against a policy, on a date); warnings included. */
  readonly validate?: ((document: unknown, options: ValidateOptions) => ValidationReport.ValidationReport) | undefined
}

/**
 * What extra checks are given: the date rules are applied on (`--as-of`, today by default).
 *
 * @example
 * ```ts
 * import type { Registry } from "@gongzhi/cli"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const options: Registry.ValidateOptions = { asOf: CivilDate.makeUnsafe("2024-12-31") }
 * console.log(options.asOf)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ValidateOptions {
  readonly asOf: CivilDate.CivilDate
  /**
   * The other documents of the same run, decoded, with their kinds: assessment inputs find
   * their plan among them (`gongzhi validate plan.json inputs.yaml`).
   */
  readonly documents?: ReadonlyArray<{ readonly kind: string; readonly document: unknown }> | undefined
}

/**
 * Makes a registry entry from a document definition.
 *
 * @example
 * ```ts
 * import { Registry } from "@gongzhi/cli"
 * import { Document } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const Notice = Document.define({ kind: "notice", schemaVersion: 1, label: { zh: "公示", en: "notice" }, fields: { title: Schema.String } })
 * console.log(Registry.fromDefinition(Notice, "@my/app").kind) // "notice"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromDefinition = (
  definition: Document.Definition<string, number, unknown>,
  pkg: string,
  validate?: (document: unknown, options: ValidateOptions) => ValidationReport.ValidationReport
): Entry => ({
  kind: definition.kind,
  schemaVersion: definition.schemaVersion,
  label: definition.label,
  package: pkg,
  decode: definition.decode,
  jsonSchema: definition.jsonSchema,
  validate
})

/**
 * Finds the entry of a kind.
 *
 * @example
 * ```ts
 * import { Registry } from "@gongzhi/cli"
 *
 * console.log(Registry.find([], "points-scheme")) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const find = (entries: ReadonlyArray<Entry>, kind: string): Entry | undefined =>
  entries.find((entry) => entry.kind === kind)
