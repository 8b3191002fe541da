/**
 * Checked integer arithmetic shared by the amount kinds (points, fen).
 *
 * @internal
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Issue from "../Issue.js"
import type * as Label from "../Label.js"
import * as ValidationReport from "../ValidationReport.js"

/** @internal */
export const messages = Issue.catalog({
  CORE_AMOUNT_NOT_SAFE_INTEGER: {
    zh: "{unit:label}必须是 ±9007199254740991 之内的整数",
    en: "{unit:label} must be a whole number within ±9007199254740991"
  },
  CORE_AMOUNT_OVERFLOW: {
    zh: "{unit:label}计算结果超出可精确表示的范围（{operation}）",
    en: "The {unit:label} result is too large to be exact ({operation})"
  }
})

/** @internal */
export interface AmountKind {
  readonly unit: Label.Label
}

/** @internal */
export const notSafeInteger = (kind: AmountKind): Issue.DomainIssue =>
  messages.make("CORE_AMOUNT_NOT_SAFE_INTEGER", { labels: { unit: kind.unit } })

/** A safe-integer number schema whose failures carry the amount kind's issue. @internal */
export const safeIntegerSchema = (kind: AmountKind) => {
  const annotations = { [Issue.annotationKey]: notSafeInteger(kind), message: notSafeInteger(kind).message.en }
  return Schema.Number.check(
    Schema.isInt(annotations),
    Schema.isBetween({ minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }, annotations)
  )
}

const overflow = (kind: AmountKind, operation: string) =>
  Result.fail(ValidationReport.of(messages.make("CORE_AMOUNT_OVERFLOW", {
    params: { operation },
    labels: { unit: kind.unit }
  })))

/** @internal */
export const checked = <A extends number>(
  kind: AmountKind,
  value: number,
  operation: string
): Result.Result<A, ValidationReport.ValidationReport> =>
  Number.isSafeInteger(value) ? Result.succeed(value as A) : overflow(kind, operation)

/** @internal */
export const sum = <A extends number>(
  kind: AmountKind,
  values: Iterable<A>
): Result.Result<A, ValidationReport.ValidationReport> => {
  let total = 0
  for (const value of values) {
    total += value
    if (!Number.isSafeInteger(total)) return overflow(kind, "sum")
  }
  return Result.succeed(total as A)
}
