/**
 * Schema pieces and small checks shared by the modules of the package.
 *
 * @internal
 */
import { CivilDate, Fen, Id, Issue, type Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { messages } from "../Messages.js"

/** @internal */
export const failWith = <A>(
  issues: ReadonlyArray<Issue.DomainIssue>
): Result.Result<A, ValidationReport.ValidationReport> => Result.fail(ValidationReport.make(issues))

/** @internal */
/**
 * The issue for an input that cannot be read: not a list, or a value that throws when read. `what`
 * names the input for a program (`"threeLists"`), `label` for a person.
 */
export const unreadable = (what: string, label: Label.Label, cause: unknown): Issue.DomainIssue => {
  return messages.make("AGREEMENT_INPUT_UNREADABLE", {
    params: { what, reason: Issue.describeCause(cause) },
    labels: { what: label }
  })
}

export const fail1 = <A>(issue: Issue.DomainIssue): Result.Result<A, ValidationReport.ValidationReport> =>
  Result.fail(ValidationReport.of(issue))

/**
 * An id kept as a plain string but checked by core's id rules (not empty, ≤ 128 characters, no
 * control characters, no lone surrogates, no surrounding spaces), like every id of the SDK.
 *
 * @internal
 */
export const idText = (label: { readonly zh: string; readonly en: string }) =>
  Schema.String.check(Issue.refine((value: string) => Id.validate(value, { label }), {
    jsonSchema: { minLength: 1, maxLength: Id.defaultMaxLength, pattern: "^\\S(.*\\S)?$" }
  }))

/** A Fen amount that must not be negative, reported with the package's own code. @internal */
export const NonNegativeFen = Fen.Fen.check(Issue.refine(
  (value: Fen.Fen) => value < 0 ? [messages.make("AGREEMENT_AMOUNT_NEGATIVE", { params: { actual: value } })] : [],
  { jsonSchema: { minimum: 0 } }
))

/** A positive safe integer (hours, capacity, counts), reported with the package's own code. @internal */
export const positiveInt = (what: { readonly zh: string; readonly en: string }) =>
  Schema.Int.check(Issue.refine(
    (n: number) =>
      n > 0 ? [] : [messages.make("AGREEMENT_QUANTITY_NOT_POSITIVE", { params: { actual: n }, labels: { what } })],
    { jsonSchema: { minimum: 1 } }
  ))

/** @internal */
export const endBeforeStart = (start: CivilDate.CivilDate, end: CivilDate.CivilDate, path: Issue.Path) =>
  end < start ? [messages.make("AGREEMENT_END_BEFORE_START", { path, params: { start, end } })] : []

/** Issues for ids that occur more than once, at `[...path, index, "id"]`. @internal */
export const duplicateIds = <T>(
  items: ReadonlyArray<T>,
  idOf: (item: T) => string,
  path: Issue.Path,
  suffix: Issue.Path = ["id"]
): Array<Issue.DomainIssue> => {
  const seen = new Map<string, number>()
  const found: Array<Issue.DomainIssue> = []
  items.forEach((item, index) => {
    const id = idOf(item)
    const first = seen.get(id)
    if (first === undefined) seen.set(id, index)
    else {found.push(
        messages.make("AGREEMENT_DUPLICATE_ID", { path: [...path, index, ...suffix], params: { id, first } })
      )}
  })
  return found
}

/** @internal */
export const Term = Schema.Struct({ start: CivilDate.CivilDate, end: CivilDate.CivilDate })

/** Number of days two inclusive date ranges share. @internal */
export const overlapDays = (
  a: { readonly start: CivilDate.CivilDate; readonly end: CivilDate.CivilDate },
  b: { readonly start: CivilDate.CivilDate; readonly end: CivilDate.CivilDate }
): number => {
  const start = CivilDate.max(a.start, b.start)
  const end = CivilDate.min(a.end, b.end)
  return end < start ? 0 : CivilDate.daysBetween(start, end) + 1
}
