/**
 * All the issues found in one input, collected rather than stopping at the first;
 * the failure value of every gongzhi operation.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import { collect, unreadable } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import type * as Label from "./Label.js"

/**
 * Every issue found, errors and warnings, in the order they were found.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 *
 * const report: ValidationReport.ValidationReport = ValidationReport.empty
 * console.log(report.issues.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface ValidationReport {
  readonly _tag: "ValidationReport"
  readonly issues: ReadonlyArray<Issue.DomainIssue>
}

/**
 * Schema of {@link ValidationReport}, for reports sent over the wire.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(ValidationReport.ValidationReport)({ _tag: "ValidationReport", issues: [] })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const ValidationReport: Schema.Codec<ValidationReport> = Schema.Struct({
  _tag: Schema.Literal("ValidationReport"),
  issues: Schema.Array(Issue.DomainIssue)
}).annotate({ identifier: "ValidationReport" })

/**
 * Makes a report of the given issues.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const report = ValidationReport.make([Issue.make({ code: "X", message: { zh: "错", en: "wrong" } })])
 * console.log(ValidationReport.hasErrors(report)) // true
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (issues: Iterable<Issue.DomainIssue>): ValidationReport => ({
  _tag: "ValidationReport",
  issues: Array.from(issues)
})

/**
 * The report with no issues.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 *
 * console.log(ValidationReport.isValid(ValidationReport.empty)) // true
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: ValidationReport = make([])

/**
 * Makes a report of one or more issues.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const report = ValidationReport.of(Issue.make({ code: "X", message: { zh: "错", en: "wrong" } }))
 * console.log(report.issues.length) // 1
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const of = (...issues: ReadonlyArray<Issue.DomainIssue>): ValidationReport => make(issues)

/**
 * Puts the issues of several reports into one, in order.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const a = ValidationReport.of(Issue.make({ code: "A", message: { zh: "甲", en: "a" } }))
 * const b = ValidationReport.of(Issue.make({ code: "B", message: { zh: "乙", en: "b" } }))
 * console.log(ValidationReport.merge(a, b).issues.map((i) => i.code)) // ["A", "B"]
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const merge = (...reports: ReadonlyArray<ValidationReport>): ValidationReport =>
  make(reports.flatMap((report) => report.issues))

/**
 * The issues that reject the input.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const report = ValidationReport.of(
 *   Issue.make({ code: "A", message: { zh: "甲", en: "a" } }),
 *   Issue.make({ code: "B", severity: "warning", message: { zh: "乙", en: "b" } })
 * )
 * console.log(ValidationReport.errors(report).length) // 1
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const errors = (report: ValidationReport): ReadonlyArray<Issue.DomainIssue> =>
  report.issues.filter(Issue.isError)

/**
 * The issues that are only warnings.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const report = ValidationReport.of(Issue.make({ code: "B", severity: "warning", message: { zh: "乙", en: "b" } }))
 * console.log(ValidationReport.warnings(report).length) // 1
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const warnings = (report: ValidationReport): ReadonlyArray<Issue.DomainIssue> =>
  report.issues.filter(Issue.isWarning)

/**
 * Whether the report holds at least one error.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 *
 * console.log(ValidationReport.hasErrors(ValidationReport.empty)) // false
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const hasErrors = (report: ValidationReport): boolean => report.issues.some(Issue.isError)

/**
 * Whether the report holds no error (warnings are allowed).
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const report = ValidationReport.of(Issue.make({ code: "B", severity: "warning", message: { zh: "乙", en: "b" } }))
 * console.log(ValidationReport.isValid(report)) // true
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const isValid = (report: ValidationReport): boolean => !hasErrors(report)

/**
 * Whether a value is a {@link ValidationReport}.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 *
 * console.log(ValidationReport.isValidationReport(ValidationReport.empty)) // true
 * console.log(ValidationReport.isValidationReport(new Error("x"))) // false
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const isValidationReport = (u: unknown): u is ValidationReport => {
  try {
    return isReport(u)
  } catch {
    return false
  }
}

const isReport = (u: unknown): u is ValidationReport =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "ValidationReport" &&
  Array.isArray((u as { issues?: unknown }).issues)

/**
 * Succeeds with the value when the report has no error, else fails with the report.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 *
 * const result = ValidationReport.toResult(ValidationReport.empty, 42)
 * console.log(result._tag) // "Success"
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toResult: {
  <A>(value: A): (report: ValidationReport) => Result.Result<A, ValidationReport>
  <A>(report: ValidationReport, value: A): Result.Result<A, ValidationReport>
} = dual(
  2,
  <A>(report: ValidationReport, value: A): Result.Result<A, ValidationReport> =>
    hasErrors(report) ? Result.fail(report) : Result.succeed(value)
)

/**
 * Formats a report for a person, one issue a line, with a summary line first.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const report = ValidationReport.of(Issue.make({ code: "X_EMPTY", path: ["name"], message: { zh: "不能为空", en: "must not be empty" } }))
 * console.log(ValidationReport.format(report, "en"))
 * // 1 error, 0 warnings
 * //   error X_EMPTY at name: must not be empty
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const format: {
  (lang: Label.Lang): (report: ValidationReport) => string
  (report: ValidationReport, lang: Label.Lang): string
} = dual(2, (report: ValidationReport, lang: Label.Lang): string => {
  const e = errors(report).length
  const w = report.issues.length - e
  const summary = lang === "zh"
    ? `${e} 个错误，${w} 个警告`
    : `${e} ${e === 1 ? "error" : "errors"}, ${w} ${w === 1 ? "warning" : "warnings"}`
  return [summary, ...report.issues.map((issue) => `  ${Issue.format(issue, lang)}`)].join("\n")
})

/**
 * Converts an effect schema issue tree into a report with every problem, its path
 * and zh/en messages.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 * import { Result, Schema } from "effect"
 *
 * const result = Schema.decodeUnknownResult(Schema.Struct({ name: Schema.String }))({}, { errors: "all" })
 * if (Result.isFailure(result)) {
 *   console.log(ValidationReport.fromSchemaIssue(result.failure.issue).issues[0]?.code) // "CORE_SCHEMA_MISSING_KEY"
 * }
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromSchemaIssue = (issue: Schema.SchemaError["issue"], basePath: Issue.Path = []): ValidationReport =>
  make(collect(issue, basePath))

/**
 * Converts an effect `SchemaError` into a report (see {@link fromSchemaIssue}).
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 * import { Result, Schema } from "effect"
 *
 * const result = Schema.decodeUnknownResult(Schema.Number)("12", { errors: "all" })
 * if (Result.isFailure(result)) console.log(ValidationReport.fromSchemaError(result.failure).issues[0]?.message.zh)
 * // "应为 数字，实际为 "12""
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromSchemaError = (error: Schema.SchemaError): ValidationReport => fromSchemaIssue(error.issue)

/**
 * Options of {@link decodeUnknown}.
 *
 * @example
 * ```ts
 * import type { ValidationReport } from "@gongzhi/core"
 *
 * const options: ValidationReport.DecodeOptions = { onExcessProperty: "ignore" }
 * console.log(options)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface DecodeOptions {
  /** What to do with keys the schema does not know: `"error"` (default, catches typos) or `"ignore"`. */
  readonly onExcessProperty?: "error" | "ignore" | undefined
}

/**
 * Makes a decoder of unknown input that reports **all** problems as a
 * {@link ValidationReport} and never throws.
 *
 * @example
 * ```ts
 * import { ValidationReport } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const decode = ValidationReport.decodeUnknown(Schema.Struct({ name: Schema.String, age: Schema.Int }))
 * const result = decode({ name: 1, age: 1.5, extra: true })
 * if (result._tag === "Failure") console.log(result.failure.issues.length) // 3
 * ```
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeUnknown = <S extends Schema.Decoder<unknown>>(schema: S, options?: DecodeOptions) => {
  const parse = Schema.decodeUnknownResult(schema as Schema.Decoder<S["Type"]>)
  const parseOptions: SchemaAST.ParseOptions = {
    errors: "all",
    onExcessProperty: options?.onExcessProperty ?? "error",
    reportInput: true
  }
  return (input: unknown): Result.Result<S["Type"], ValidationReport> => {
    try {
      const result = parse(input, parseOptions)
      return Result.isSuccess(result) ? Result.succeed(result.success) : Result.fail(fromSchemaError(result.failure))
    } catch (cause) {
      return Result.fail(of(unreadable(cause)))
    }
  }
}

/**
 * The one error class of gongzhi, for hosts that prefer exceptions at their boundary:
 * it carries the report and formats it as its message.
 *
 * @example
 * ```ts
 * import { Issue, ValidationReport } from "@gongzhi/core"
 *
 * const error = new ValidationReport.DomainError(ValidationReport.of(Issue.make({ code: "X", message: { zh: "错", en: "wrong" } })))
 * console.log(error.report.issues[0]?.code, error.name) // "X DomainError"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class DomainError extends Error {
  /** The report that caused the error. */
  readonly report: ValidationReport
  constructor(report: ValidationReport, lang: Label.Lang = "en") {
    super(format(report, lang))
    this.name = "DomainError"
    this.report = report
  }
}

/**
 * Unwraps a result, throwing a {@link DomainError} with the report when it failed.
 *
 * @example
 * ```ts
 * import { Points, ValidationReport } from "@gongzhi/core"
 *
 * const total = ValidationReport.getOrThrow(Points.add(Points.makeUnsafe(400), Points.makeUnsafe(320)))
 * console.log(total) // 720
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const getOrThrow = <A>(result: Result.Result<A, ValidationReport>): A => {
  if (Result.isSuccess(result)) return result.success
  throw new DomainError(result.failure)
}
