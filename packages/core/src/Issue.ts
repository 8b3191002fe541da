/**
 * One problem found in an input, a document or a command: a stable code, where
 * it is (path), how bad it is, the values involved and a message in zh and en.
 *
 * Packages keep their messages in one catalog each ({@link catalog}), keyed by
 * code, so that messages are data and codes never drift from their text.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"
import * as Label from "./Label.js"

/**
 * How bad an issue is: an `error` rejects the input, a `warning` is reported and let through.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const severity: Issue.Severity = "warning"
 * console.log(severity)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Severity = "error" | "warning"

/**
 * Where an issue is: object keys and array indexes from the root of the input,
 * e.g. `["rows", 3, "parentId"]`.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const path: Issue.Path = ["rows", 3, "parentId"]
 * console.log(Issue.formatPath(path)) // "rows[3].parentId"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Path = ReadonlyArray<string | number>

/**
 * A value recorded with an issue (a limit, a count, an id); JSON-safe.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const params: Issue.Params = { max: 50, actual: 212 }
 * console.log(params.max)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Params = Readonly<Record<string, Label.TemplateValue>>

/**
 * One problem: `{ code, path, severity, params, message: { zh, en } }`.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const issue: Issue.DomainIssue = Issue.make({
 *   code: "ORG_BRANCH_TOO_LARGE",
 *   path: ["units", 4],
 *   severity: "warning",
 *   params: { max: 50, actual: 212 },
 *   message: { zh: "支部人数 {actual} 超过 {max}", en: "The branch has {actual} members, more than {max}" }
 * })
 * console.log(issue.message.en) // "The branch has 212 members, more than 50"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface DomainIssue {
  readonly code: string
  readonly path: Path
  readonly severity: Severity
  readonly params: Params
  readonly message: Label.Label
}

/**
 * Schema of {@link DomainIssue}, for reports sent over the wire (e.g. the CLI's `--json`).
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const json = { code: "X", path: [], severity: "error", params: {}, message: { zh: "错", en: "wrong" } }
 * console.log(Schema.is(Issue.DomainIssue)(json)) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const DomainIssue: Schema.Codec<DomainIssue> = Schema.Struct({
  code: Schema.NonEmptyString,
  path: Schema.Array(Schema.Union([Schema.String, Schema.Number])),
  severity: Schema.Literals(["error", "warning"]),
  params: Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Number, Schema.Boolean])),
  message: Label.Label
}).annotate({ identifier: "DomainIssue" })

/**
 * Makes an issue; the message templates are filled with `params` (`{name}` placeholders).
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const issue = Issue.make({
 *   code: "LEDGER_CAP_EXCEEDED",
 *   params: { left: 2 },
 *   message: { zh: "本月还可获得 {left} 分", en: "{left} points are left this month" }
 * })
 * console.log(issue.severity, issue.message.zh) // "error 本月还可获得 2 分"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: {
  readonly code: string
  readonly message: Label.Label
  readonly path?: Path | undefined
  readonly severity?: Severity | undefined
  readonly params?: Params | undefined
}): DomainIssue => {
  const params = input.params ?? {}
  return {
    code: input.code,
    path: input.path ?? [],
    severity: input.severity ?? "error",
    params,
    message: Label.render(input.message, params)
  }
}

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Formats a path the way a JavaScript reader writes it: `rows[3].parentId`; the root is `""`.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * console.log(Issue.formatPath(["indicators", 0, "weight"])) // "indicators[0].weight"
 * console.log(Issue.formatPath(["labels", "zh-CN"])) // 'labels["zh-CN"]'
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatPath = (path: Path): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else if (identifierPattern.test(segment)) out += out === "" ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/**
 * Formats one issue for a person: `error ORG_CYCLE at rows[3].parentId: …`.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const issue = Issue.make({ code: "X_EMPTY", path: ["name"], message: { zh: "不能为空", en: "must not be empty" } })
 * console.log(Issue.format(issue, "en")) // "error X_EMPTY at name: must not be empty"
 * console.log(Issue.format(issue, "zh")) // "错误 X_EMPTY（位置 name）：不能为空"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const format: {
  (lang: Label.Lang): (issue: DomainIssue) => string
  (issue: DomainIssue, lang: Label.Lang): string
} = dual(2, (issue: DomainIssue, lang: Label.Lang): string => {
  const where = formatPath(issue.path)
  if (lang === "zh") {
    const severity = issue.severity === "error" ? "错误" : "警告"
    return `${severity} ${issue.code}${where === "" ? "" : `（位置 ${where}）`}：${issue.message.zh}`
  }
  return `${issue.severity} ${issue.code}${where === "" ? "" : ` at ${where}`}: ${issue.message.en}`
})

/**
 * Puts a path in front of an issue's path, e.g. to place the issues of one row inside a table.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 * import { pipe } from "effect"
 *
 * const issue = Issue.make({ code: "X", path: ["id"], message: { zh: "错", en: "wrong" } })
 * console.log(Issue.formatPath(pipe(issue, Issue.prefixPath(["rows", 2])).path)) // "rows[2].id"
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const prefixPath: {
  (prefix: Path): (issue: DomainIssue) => DomainIssue
  (issue: DomainIssue, prefix: Path): DomainIssue
} = dual(
  2,
  (issue: DomainIssue, prefix: Path): DomainIssue =>
    prefix.length === 0 ? issue : { ...issue, path: [...prefix, ...issue.path] }
)

/**
 * Whether an issue rejects its input.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const issue = Issue.make({ code: "X", severity: "warning", message: { zh: "注意", en: "note" } })
 * console.log(Issue.isError(issue)) // false
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const isError = (issue: DomainIssue): boolean => issue.severity === "error"

/**
 * Whether an issue is only a warning.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const issue = Issue.make({ code: "X", severity: "warning", message: { zh: "注意", en: "note" } })
 * console.log(Issue.isWarning(issue)) // true
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const isWarning = (issue: DomainIssue): boolean => issue.severity === "warning"

/** The longest text {@link describeCause} takes from an exception's message. */
const causeTextLimit = 200

/**
 * What a caught exception was, as the `reason` param of an "unreadable" or "failed" message:
 * `Name: message` for an `Error` (the message cut at 200 characters), a thrown string itself
 * (cut the same way), else the type of what was thrown (`object`, `number` …, never its
 * `toString`). It never throws, whatever was thrown (a Proxy, an object whose `name` or
 * `message` getter throws says `unknown`), so a package can report a plug-in's or an input's
 * exception as an issue instead of passing it on.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * console.log(Issue.describeCause(new RangeError("Maximum call stack size exceeded"))) // RangeError: Maximum call stack size exceeded
 * console.log(Issue.describeCause({ toString: () => "secret" })) // object
 * console.log(Issue.describeCause("x".repeat(500)).length) // 201
 * ```
 *
 * @category utilities
 * @since 0.2.0
 */
export const describeCause = (cause: unknown): string => {
  try {
    if (cause instanceof Error) return `${String(cause.name)}: ${cut(String(cause.message))}`
    return typeof cause === "string" ? cut(cause) : typeof cause
  } catch {
    return "unknown"
  }
}

/** A text cut at {@link causeTextLimit} characters (an ellipsis marks the cut), never inside a surrogate pair. */
const cut = (text: string): string => {
  if (text.length <= causeTextLimit) return text
  const end = /[\uD800-\uDBFF]/.test(text.charAt(causeTextLimit - 1)) ? causeTextLimit - 1 : causeTextLimit
  return `${text.slice(0, end)}…`
}

// ---------------------------------------------------------------------------
// Catalogs
// ---------------------------------------------------------------------------

/**
 * The names of the `{placeholders}` of a message template, as a type.
 *
 * @example
 * ```ts
 * import type { Issue } from "@gongzhi/core"
 *
 * type P = Issue.Placeholders<"at most {max} of {kind}"> // "max" | "kind"
 * const p: P = "max"
 * console.log(p)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string}:label` ? never : Name) | Placeholders<Rest>
  : never

/**
 * The label placeholders of a template (`{name:label}`): each is filled, per language, from a
 * {@link Label.Label} given in `labels`, never from `params`.
 *
 * @example
 * ```ts
 * import type { Issue } from "@gongzhi/core"
 *
 * type L = Issue.LabelPlaceholders<"{id} is a {kind:label}"> // "kind"
 * const l: L = "kind"
 * console.log(l)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type LabelPlaceholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${infer Part}:label` ? Part : never) | LabelPlaceholders<Rest>
  : never

/**
 * The params an issue of a catalog entry needs: every placeholder of its zh and en templates.
 *
 * @example
 * ```ts
 * import type { Issue } from "@gongzhi/core"
 *
 * type P = Issue.ParamsOf<{ zh: "最多 {max} 人"; en: "at most {max} people" }>
 * const params: P = { max: 50 }
 * console.log(params)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type ParamsOf<T extends Label.Label> = [Placeholders<T["zh"] | T["en"]>] extends [never] ? Params
  : Params & { readonly [K in Placeholders<T["zh"] | T["en"]>]: Label.TemplateValue }

/**
 * Where and how bad an issue made from a catalog is.
 *
 * @example
 * ```ts
 * import type { Issue } from "@gongzhi/core"
 *
 * const options: Issue.MakeOptions<{ max: number }> = { path: ["members"], params: { max: 50 }, severity: "warning" }
 * console.log(options.severity)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface MakeOptions<P> {
  readonly path?: Path | undefined
  readonly severity?: Severity | undefined
  readonly params: P
}

/**
 * The labels an issue of a catalog entry needs: one {@link Label.Label} per `{name:label}`
 * placeholder of its templates (the words of each language, e.g. an organisation kind's name, or
 * another issue's message). They fill the message and are not kept in the issue's `params`, so
 * params stay language-neutral (`kind: "gridBranch"`, never `kindZh: "网格党支部"`).
 *
 * @example
 * ```ts
 * import type { Issue } from "@gongzhi/core"
 *
 * const labels: Issue.LabelsOf<{ zh: "{id} 是{kind:label}"; en: "{id} is a {kind:label}" }> = {
 *   kind: { zh: "网格党支部", en: "grid party branch" }
 * }
 * console.log(labels.kind.en) // "grid party branch"
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type LabelsOf<T extends Label.Label> = {
  readonly [K in LabelPlaceholders<T["zh"] | T["en"]>]: Label.Label
}

/**
 * What `make` of a catalog takes for one entry: its params and its labels (each required when the
 * templates have placeholders of that sort), and where and how bad the issue is.
 *
 * @example
 * ```ts
 * import type { Issue } from "@gongzhi/core"
 *
 * const options: Issue.MakeOptionsOf<{ zh: "{id} 不是{kind:label}"; en: "{id} is not a {kind:label}" }> = {
 *   params: { id: "g-1" },
 *   labels: { kind: { zh: "网格", en: "grid" } },
 *   path: ["units", 0]
 * }
 * console.log(options.params.id) // "g-1"
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type MakeOptionsOf<T extends Label.Label> =
  & ([Placeholders<T["zh"] | T["en"]>] extends [never] ? { readonly params?: Params | undefined }
    : { readonly params: ParamsOf<T> })
  & ([LabelPlaceholders<T["zh"] | T["en"]>] extends [never] ? { readonly labels?: undefined }
    : { readonly labels: LabelsOf<T> })
  & { readonly path?: Path | undefined; readonly severity?: Severity | undefined }

/**
 * A package's table of issue codes and their zh/en message templates.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const messages: Issue.Catalog<{ readonly X_EMPTY: { readonly zh: "不能为空"; readonly en: "must not be empty" } }> =
 *   Issue.catalog({ X_EMPTY: { zh: "不能为空", en: "must not be empty" } })
 * console.log(messages.codes) // ["X_EMPTY"]
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Catalog<T extends Readonly<Record<string, Label.Label>>> {
  /** The templates, by code. */
  readonly templates: T
  /** Every code of the catalog. */
  readonly codes: ReadonlyArray<keyof T & string>
  /** Makes the issue of a code, filling its templates with the params. */
  readonly make: <C extends keyof T & string>(
    code: C,
    ...options: [Placeholders<T[C]["zh"] | T[C]["en"]> | LabelPlaceholders<T[C]["zh"] | T[C]["en"]>] extends [never]
      ? [options?: MakeOptionsOf<T[C]>]
      : [options: MakeOptionsOf<T[C]>]
  ) => DomainIssue
}

/**
 * Defines a package's message catalog; the params (and labels) each code needs are checked by the compiler.
 *
 * A template fills `{name}` from `params` and `{name:label}` from `labels`, per language: the
 * Chinese and English words live in message tables and labels, never in `…Zh` params.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * const messages = Issue.catalog({
 *   ORG_BRANCH_TOO_LARGE: {
 *     zh: "支部有 {actual} 名党员，超过 {max} 名",
 *     en: "The branch has {actual} members, more than {max}"
 *   }
 * })
 * const issue = messages.make("ORG_BRANCH_TOO_LARGE", { params: { actual: 212, max: 50 }, severity: "warning" })
 * console.log(issue.message.zh) // "支部有 212 名党员，超过 50 名"
 *
 * // Words of one language come as labels ({name:label}); params stay language-neutral.
 * const kinds = Issue.catalog({
 *   ORG_NOT_A_GRID: { zh: "{id} 不是网格（是{kind:label}）", en: "{id} is not a grid (it is a {kind:label})" }
 * })
 * const notGrid = kinds.make("ORG_NOT_A_GRID", {
 *   params: { id: "b-1", kind: "building" },
 *   labels: { kind: { zh: "楼栋", en: "building" } }
 * })
 * console.log(notGrid.message.zh) // "b-1 不是网格（是楼栋）"
 * console.log(notGrid.params.kind) // "building"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const catalog = <const T extends Readonly<Record<string, Label.Label>>>(templates: T): Catalog<T> => ({
  templates,
  codes: Object.keys(templates),
  make: (code, ...rest) => {
    const options = rest[0] as
      | (Partial<MakeOptions<Params>> & { readonly labels?: Readonly<Record<string, Label.Label>> | undefined })
      | undefined
    // A JavaScript caller may pass a code the catalog lacks: the code then speaks for itself.
    const template = Object.prototype.hasOwnProperty.call(templates, code) ? templates[code]! : { zh: code, en: code }
    const params = options?.params ?? {}
    const labels = options?.labels
    return {
      code,
      path: options?.path ?? [],
      severity: options?.severity ?? "error",
      params,
      message: labels === undefined
        ? Label.render(template, params)
        : { zh: fill(template.zh, params, labels, "zh"), en: fill(template.en, params, labels, "en") }
    }
  }
})

const anyPlaceholder = /\{([A-Za-z_][A-Za-z0-9_]*)(:label)?\}/g

/** Fills `{name}` from params and `{name:label}` from labels, in one pass (a filled value is never re-read). */
const fill = (
  template: string,
  params: Params,
  labels: Readonly<Record<string, Label.Label>>,
  lang: Label.Lang
): string =>
  template.replace(anyPlaceholder, (whole, name: string, isLabel: string | undefined) => {
    if (isLabel === undefined) return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
    const label = Object.prototype.hasOwnProperty.call(labels, name) ? labels[name] : undefined
    const text = label !== null && typeof label === "object" ? (label as Partial<Label.Label>)[lang] : undefined
    return typeof text === "string" ? text : whole
  })

// ---------------------------------------------------------------------------
// Bridges to effect/Schema checks
// ---------------------------------------------------------------------------

/**
 * The annotation key under which a schema check carries its domain issue.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * console.log(Issue.annotationKey) // "gongzhi/issue"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const annotationKey = "gongzhi/issue"

/**
 * Reads the domain issue a schema check carries, if it carries one.
 *
 * @example
 * ```ts
 * import { Issue } from "@gongzhi/core"
 *
 * console.log(Issue.fromAnnotations({ message: "plain" })) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const fromAnnotations = (annotations: unknown): DomainIssue | undefined => {
  try {
    return issueOfAnnotations(annotations)
  } catch {
    return undefined
  }
}

const issueOfAnnotations = (annotations: unknown): DomainIssue | undefined => {
  if (typeof annotations !== "object" || annotations === null) return undefined
  const value = (annotations as Record<string, unknown>)[annotationKey]
  return Schema.is(DomainIssue)(value) ? value : undefined
}

/**
 * Makes a schema check that fails with a domain issue when the predicate does not hold.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const Members = Schema.Int.check(Issue.check(
 *   (n: number) => n <= 50,
 *   Issue.make({ code: "X_TOO_MANY", message: { zh: "最多 50 人", en: "at most 50 people" } })
 * ))
 * const result = ValidationReport.decodeUnknown(Members)(212)
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "X_TOO_MANY"
 * ```
 *
 * @category schema checks
 * @since 0.1.0
 */
export const check = <T>(
  predicate: (value: T) => boolean,
  issue: DomainIssue,
  options?: RefineOptions
): SchemaAST.Filter<T> =>
  Schema.makeFilter<T>((value) => predicate(value), {
    expected: issue.message.en,
    message: issue.message.en,
    [annotationKey]: issue,
    ...jsonSchemaAnnotation(options)
  })

/**
 * Options of {@link check} and {@link refine}.
 *
 * @example
 * ```ts
 * import type { Issue } from "@gongzhi/core"
 *
 * const options: Issue.RefineOptions = { jsonSchema: { pattern: "^\\d{4}$" } }
 * console.log(options.jsonSchema)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface RefineOptions {
  /**
   * What the check means in JSON Schema, for form builders (e.g. `{ pattern, format }`);
   * a looser fragment is fine: gongzhi's decoder stays the final authority.
   */
  readonly jsonSchema?: Readonly<Record<string, unknown>> | undefined
}

const jsonSchemaAnnotation = (options: RefineOptions | undefined) =>
  options?.jsonSchema === undefined
    ? {}
    : { toJsonSchema: () => [options.jsonSchema as Record<string, unknown>, true] as const }

/**
 * Makes a schema check from a domain validation: every error it returns becomes a
 * decoding issue at its path (warnings are for `validate` functions, not for decoding).
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const Range = Schema.Struct({ from: Schema.Int, to: Schema.Int }).check(Issue.refine((r) =>
 *   r.to < r.from
 *     ? [Issue.make({ code: "X_END_BEFORE_START", path: ["to"], message: { zh: "结束早于开始", en: "ends before it starts" } })]
 *     : []
 * ))
 * const result = ValidationReport.decodeUnknown(Range)({ from: 5, to: 1 })
 * if (result._tag === "Failure") console.log(Issue.formatPath(result.failure.issues[0]!.path)) // "to"
 * ```
 *
 * @category schema checks
 * @since 0.1.0
 */
export const refine = <T>(
  validate: (value: T) => ReadonlyArray<DomainIssue>,
  options?: RefineOptions
): SchemaAST.Filter<T> =>
  Schema.makeFilter<T>((value) => {
    const found = validate(value).filter(isError)
    if (found.length === 0) return undefined
    return found.map((issue) => ({
      path: issue.path,
      issue: new SchemaIssue.InvalidValue({ message: issue.message.en, [annotationKey]: { ...issue, path: [] } })
    }))
  }, jsonSchemaAnnotation(options))
