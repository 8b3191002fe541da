/**
 * Documents are what rule authors write: an org policy, a points scheme, an assessment
 * plan. Each has a `kind`, a `schemaVersion`, a schema, a JSON Schema export for form
 * builders, and a Standard Schema v1 validator for any framework that speaks it.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type { StandardSchemaV1 } from "effect/StandardSchema"
import { unreadable } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import type * as Label from "./Label.js"
import * as ValidationReport from "./ValidationReport.js"

/**
 * The messages of document checks.
 *
 * @example
 * ```ts
 * import { Document } from "@gongzhi/core"
 *
 * console.log(Document.messages.codes.includes("CORE_DOCUMENT_KIND_MISMATCH")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CORE_DOCUMENT_NOT_OBJECT: {
    zh: "文档应为 JSON 对象，实际为 {actual}",
    en: "A document is a JSON object, got {actual}"
  },
  CORE_DOCUMENT_KIND_MISSING: {
    zh: "文档缺少 kind 字段（应为 \"{expected}\"）",
    en: "The document has no kind field (expected \"{expected}\")"
  },
  CORE_DOCUMENT_KIND_MISMATCH: {
    zh: "文档类型是 \"{actual}\"，此处需要 \"{expected}\"",
    en: "The document is of kind \"{actual}\", \"{expected}\" is needed here"
  },
  CORE_DOCUMENT_VERSION_UNSUPPORTED: {
    zh: "不支持的 schemaVersion {actual}（{kind} 支持版本 {expected}）",
    en: "Unsupported schemaVersion {actual} ({kind} supports version {expected})"
  }
})

/**
 * The header every document carries.
 *
 * @example
 * ```ts
 * import type { Document } from "@gongzhi/core"
 *
 * const header: Document.Header = { kind: "points-scheme", schemaVersion: 1 }
 * console.log(header.kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Header {
  readonly kind: string
  readonly schemaVersion: number
}

/**
 * A JSON Schema (draft 2020-12) document, as plain JSON.
 *
 * @example
 * ```ts
 * import type { Document } from "@gongzhi/core"
 *
 * const schema: Document.JsonSchema = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" }
 * console.log(schema.$schema)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type JsonSchema = { readonly $schema: string } & Readonly<Record<string, unknown>>

/**
 * A defined document kind: its schema, a decoder that reports every problem, its JSON
 * Schema and a Standard Schema v1 validator.
 *
 * @example
 * ```ts
 * import { Document } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const Notice: Document.Definition<"notice", 1, { readonly kind: "notice"; readonly schemaVersion: 1; readonly title: string }> =
 *   Document.define({ kind: "notice", schemaVersion: 1, label: { zh: "公示", en: "notice" }, fields: { title: Schema.String } })
 * console.log(Notice.kind, Notice.schemaVersion) // "notice 1"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Definition<K extends string, V extends number, A> {
  /** The `kind` literal of the document. */
  readonly kind: K
  /** The `schemaVersion` this definition reads. */
  readonly schemaVersion: V
  /** What the document is called, in zh and en. */
  readonly label: Label.Label
  /** The effect schema of the whole document. */
  readonly schema: Schema.Decoder<A>
  /** Decodes unknown input (parsed JSON or YAML) to the document, reporting all problems. */
  readonly decode: (input: unknown) => Result.Result<A, ValidationReport.ValidationReport>
  /** The JSON Schema (draft 2020-12) of the document, for form builders and editors. */
  readonly jsonSchema: () => JsonSchema
  /** A Standard Schema v1 validator with messages in the given language (zh by default). */
  readonly standardSchema: (lang?: Label.Lang) => StandardSchemaV1<unknown, A>
}

/**
 * The decoded type of a document with the given kind, version and fields.
 *
 * @example
 * ```ts
 * import type { Document } from "@gongzhi/core"
 * import type { Schema } from "effect"
 *
 * type Doc = Document.DocumentType<"notice", 1, { readonly title: typeof Schema.String }>
 * const doc: Doc = { kind: "notice", schemaVersion: 1, title: "公示" }
 * console.log(doc.kind)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type DocumentType<K extends string, V extends number, Fields extends Schema.Struct.Fields> = Schema.Struct.Type<
  { readonly kind: Schema.Literal<K>; readonly schemaVersion: Schema.Literal<V> } & Fields
>

/**
 * The decoded type of a document definition.
 *
 * @example
 * ```ts
 * import { Document } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const Notice = Document.define({
 *   kind: "notice",
 *   schemaVersion: 1,
 *   label: { zh: "公示", en: "public notice" },
 *   fields: { title: Schema.String }
 * })
 * type Notice = Document.Type<typeof Notice>
 * const notice: Notice = { kind: "notice", schemaVersion: 1, title: "2024年积分公示" }
 * console.log(notice.title)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Type<D> = D extends Definition<string, number, infer A> ? A : never

const describe = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "array" : typeof u)

/**
 * Reads the `kind` and `schemaVersion` of an unknown input without decoding the rest,
 * e.g. to choose which definition to decode it with.
 *
 * @example
 * ```ts
 * import { Document } from "@gongzhi/core"
 *
 * console.log(Document.peekHeader({ kind: "points-scheme", schemaVersion: 1, rules: [] }))
 * // { kind: "points-scheme", schemaVersion: 1 }
 * console.log(Document.peekHeader([1, 2])) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const peekHeader = (input: unknown): Header | undefined => {
  try {
    return headerOf(input)
  } catch {
    // a Proxy or a getter that throws: no header can be read
    return undefined
  }
}

const headerOf = (input: unknown): Header | undefined => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
  const kind = Object.prototype.hasOwnProperty.call(input, "kind") ? (input as { kind: unknown }).kind : undefined
  const version = Object.prototype.hasOwnProperty.call(input, "schemaVersion")
    ? (input as { schemaVersion: unknown }).schemaVersion
    : undefined
  return typeof kind === "string" && typeof version === "number" ? { kind, schemaVersion: version } : undefined
}

const headerIssues = (input: unknown, kind: string, schemaVersion: number): ReadonlyArray<Issue.DomainIssue> => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [messages.make("CORE_DOCUMENT_NOT_OBJECT", { params: { actual: describe(input) } })]
  }
  const own = (key: string) => Object.prototype.hasOwnProperty.call(input, key)
  const actualKind = own("kind") ? (input as { kind: unknown }).kind : undefined
  if (actualKind === undefined) {
    return [messages.make("CORE_DOCUMENT_KIND_MISSING", { path: ["kind"], params: { expected: kind } })]
  }
  if (actualKind !== kind) {
    return [messages.make("CORE_DOCUMENT_KIND_MISMATCH", {
      path: ["kind"],
      params: { expected: kind, actual: typeof actualKind === "string" ? actualKind : describe(actualKind) }
    })]
  }
  const version = own("schemaVersion") ? (input as { schemaVersion: unknown }).schemaVersion : undefined
  if (version !== undefined && version !== schemaVersion) {
    return [messages.make("CORE_DOCUMENT_VERSION_UNSUPPORTED", {
      path: ["schemaVersion"],
      params: { kind, expected: schemaVersion, actual: typeof version === "number" ? version : describe(version) }
    })]
  }
  return []
}

/**
 * Defines a document kind from its fields (and optional whole-document checks, written as
 * functions returning domain issues). Unknown keys are errors, so a typo in a rule author's
 * document is caught rather than silently ignored. Every problem comes back at once: when a
 * field is wrong, the checks run too, on the input as given — so write them to read defensively
 * (a check that throws on such input adds nothing; an issue is never reported twice).
 *
 * @example
 * ```ts
 * import { Document, Issue } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const Scheme = Document.define({
 *   kind: "points-scheme",
 *   schemaVersion: 1,
 *   label: { zh: "积分方案", en: "points scheme" },
 *   fields: { name: Schema.NonEmptyString, pointsPerHour: Schema.Int },
 *   checks: [(doc) =>
 *     doc.pointsPerHour > 10
 *       ? [Issue.make({ code: "X_TOO_GENEROUS", path: ["pointsPerHour"], message: { zh: "每小时最多 10 分", en: "at most 10 points an hour" } })]
 *       : []
 *   ]
 * })
 *
 * const result = Scheme.decode({ kind: "points-scheme", schemaVersion: 1, name: "", pointsPerHuor: 1 })
 * if (result._tag === "Failure") console.log(result.failure.issues.map((i) => i.code))
 * // ["CORE_SCHEMA_UNEXPECTED_KEY", "CORE_SCHEMA_INVALID_VALUE", "CORE_SCHEMA_MISSING_KEY"]
 * console.log(Scheme.jsonSchema().title) // "points scheme (积分方案)"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const define = <
  const K extends string,
  const V extends number,
  const Fields extends Schema.Struct.Fields
>(options: {
  readonly kind: K
  readonly schemaVersion: V
  readonly label: Label.Label
  readonly description?: string | undefined
  readonly fields: Fields
  readonly checks?: ReadonlyArray<(document: DocumentType<K, V, Fields>) => ReadonlyArray<Issue.DomainIssue>>
}): Definition<K, V, DocumentType<K, V, Fields>> => {
  type A = DocumentType<K, V, Fields>
  const struct = Schema.Struct({
    kind: Schema.Literal(options.kind),
    schemaVersion: Schema.Literal(options.schemaVersion),
    ...options.fields
  })
  const checks = options.checks ?? []
  const checked: Schema.Top = checks.length === 0
    ? struct
    : struct.check(Issue.refine((doc: unknown) => checks.flatMap((check) => check(doc as A))))
  const schema = checked.annotate({
    identifier: options.kind,
    title: `${options.label.en} (${options.label.zh})`,
    ...(options.description === undefined ? {} : { description: options.description })
  }) as unknown as Schema.Decoder<A>
  const decodeBody = ValidationReport.decodeUnknown(schema)
  // effect runs a struct's checks only once every field has decoded. So that a document's
  // problems all come back at once (a bad field *and* a duplicate id), the checks also run on the
  // input as given when a field fails: a check that cannot read it (it throws) adds nothing, and
  // an issue the fields already reported (same code and path) is not repeated.
  const withChecksOnRaw = (
    report: ValidationReport.ValidationReport,
    input: unknown
  ): Result.Result<A, ValidationReport.ValidationReport> => {
    const seen = new Set(report.issues.map((issue) => `${issue.code} ${issue.path.join(".")}`))
    const issues = [...report.issues]
    for (const check of checks) {
      let found: ReadonlyArray<Issue.DomainIssue>
      try {
        found = check(input as A)
      } catch {
        continue
      }
      for (const issue of found) if (!seen.has(`${issue.code} ${issue.path.join(".")}`)) issues.push(issue)
    }
    return Result.fail(issues.length === report.issues.length ? report : ValidationReport.make(issues))
  }
  const decode = (input: unknown): Result.Result<A, ValidationReport.ValidationReport> => {
    try {
      const header = headerIssues(input, options.kind, options.schemaVersion)
      if (header.length > 0) return Result.fail(ValidationReport.make(header))
      const decoded = decodeBody(input)
      return Result.isSuccess(decoded) || checks.length === 0 ? decoded : withChecksOnRaw(decoded.failure, input)
    } catch (cause) {
      // values JSON cannot make (a Proxy, a getter that throws) and checks that throw end here
      return Result.fail(ValidationReport.of(unreadable(cause)))
    }
  }
  let cachedJsonSchema: JsonSchema | undefined
  const jsonSchema = (): JsonSchema => {
    if (cachedJsonSchema === undefined) {
      const document = Schema.toJsonSchemaDocument(schema as unknown as Schema.Top, {
        onExcessProperty: "error",
        generateDescriptions: true
      })
      const definitions = document.definitions as Record<string, unknown>
      cachedJsonSchema = JSON.parse(JSON.stringify({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: `urn:gongzhi:schema:${options.kind}:v${options.schemaVersion}`,
        title: `${options.label.en} (${options.label.zh})`,
        ...document.schema,
        ...(Object.keys(definitions).length > 0 ? { $defs: definitions } : {})
      })) as JsonSchema
    }
    return cachedJsonSchema
  }
  const standardSchema = (lang: Label.Lang = "zh"): StandardSchemaV1<unknown, A> => ({
    "~standard": {
      version: 1,
      vendor: "gongzhi",
      validate: (value: unknown) => {
        const result = decode(value)
        return Result.isSuccess(result)
          ? { value: result.success }
          : {
            issues: result.failure.issues.map((issue) => ({
              message: `${issue.code}: ${issue.message[lang]}`,
              path: issue.path
            }))
          }
      }
    }
  })
  return {
    kind: options.kind,
    schemaVersion: options.schemaVersion,
    label: options.label,
    schema,
    decode,
    jsonSchema,
    standardSchema
  }
}
