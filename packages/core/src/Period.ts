/**
 * Periods of the calendar that points, fulfilment and assessments are counted over:
 * a year, a quarter, a month, or a custom range of days (both ends included).
 *
 * In documents a period is written as a string: `2024`, `2024-Q1`, `2024-03`,
 * `2024-01-15/2024-06-30` (also `2024年`, `2024年第1季度`, `2024年3月`).
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import * as CivilDate from "./CivilDate.js"
import { describeValue } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import type * as Label from "./Label.js"
import * as ValidationReport from "./ValidationReport.js"

/**
 * The messages of period checks.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.messages.codes.includes("CORE_PERIOD_END_BEFORE_START")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CORE_PERIOD_FORMAT: {
    zh: "期间应写成 2024、2024-Q1、2024-03 或 2024-01-01/2024-03-31，实际为 {input}",
    en: "A period is written 2024, 2024-Q1, 2024-03 or 2024-01-01/2024-03-31, got {input}"
  },
  CORE_PERIOD_END_BEFORE_START: {
    zh: "期间的结束日 {end} 早于开始日 {start}",
    en: "The period ends ({end}) before it starts ({start})"
  },
  CORE_PERIOD_OUT_OF_RANGE: {
    zh: "期间超出 0001 至 9999 年的范围",
    en: "The period falls outside the years 0001 to 9999"
  }
})

/**
 * A calendar year.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const y: Period.Year = Period.year(2024)
 * console.log(y._tag) // "Year"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Year {
  readonly _tag: "Year"
  readonly year: number
}

/**
 * A quarter of a year (Q1 = January to March).
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const q: Period.Quarter = Period.quarter(2024, 1)
 * console.log(q.quarter) // 1
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Quarter {
  readonly _tag: "Quarter"
  readonly year: number
  readonly quarter: 1 | 2 | 3 | 4
}

/**
 * A month of a year (1–12).
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const m: Period.Month = Period.month(2024, 3)
 * console.log(m.month) // 3
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Month {
  readonly _tag: "Month"
  readonly year: number
  readonly month: number
}

/**
 * Any run of days, both ends included.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const r = Period.parse("2024-01-15/2024-06-30")
 * if (r._tag === "Success" && r.success._tag === "Range") console.log(r.success.end) // "2024-06-30"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Range {
  readonly _tag: "Range"
  readonly start: CivilDate.CivilDate
  readonly end: CivilDate.CivilDate
}

/**
 * A period: a {@link Year}, {@link Quarter}, {@link Month} or {@link Range}.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const q1: Period.Period = Period.quarter(2024, 1)
 * console.log(Period.format(q1)) // "2024-Q1"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Period = Year | Quarter | Month | Range

const YearNumber = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 9999 }))

/**
 * Schema of a period as a tagged object, e.g. `{ _tag: "Quarter", year: 2024, quarter: 1 }`.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Period.PeriodObject)({ _tag: "Month", year: 2024, month: 3 })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const PeriodObject: Schema.Codec<Period> = Schema.Union([
  Schema.TaggedStruct("Year", { year: YearNumber }),
  Schema.TaggedStruct("Quarter", { year: YearNumber, quarter: Schema.Literals([1, 2, 3, 4]) }),
  Schema.TaggedStruct("Month", {
    year: YearNumber,
    month: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 12 }))
  }),
  Schema.TaggedStruct("Range", { start: CivilDate.CivilDate, end: CivilDate.CivilDate }).check(
    Issue.refine((r: { start: string; end: string }) =>
      r.end < r.start
        ? [messages.make("CORE_PERIOD_END_BEFORE_START", { path: ["end"], params: { start: r.start, end: r.end } })]
        : []
    )
  )
]).annotate({ identifier: "Period" }) as unknown as Schema.Codec<Period>

const yearPattern = /^(\d{4})(?:年)?$/
const quarterPattern = /^(\d{4})(?:-Q([1-4])|年第?([1-4一二三四])季度?)$/
const monthPattern = /^(\d{4})(?:-(\d{2})|年(\d{1,2})月)$/
const rangePattern = /^(\d{4}-\d{2}-\d{2})\s*(?:\/|至|~|\.\.)\s*(\d{4}-\d{2}-\d{2})$/
const chineseDigits: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 }

/**
 * Reads a period from the way people write it, reporting what is wrong with it.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * for (const text of ["2024", "2024-Q2", "2024年第三季度", "2024年3月", "2024-01-15/2024-06-30"]) {
 *   const result = Period.parse(text)
 *   if (result._tag === "Success") console.log(Period.format(result.success))
 * }
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const parse = (text: string): Result.Result<Period, ValidationReport.ValidationReport> => {
  if (typeof text !== "string") {
    return Result.fail(
      ValidationReport.of(messages.make("CORE_PERIOD_FORMAT", { params: { input: describeValue(text) } }))
    )
  }
  const input = text.trim()
  const bad = () =>
    Result.fail(ValidationReport.of(messages.make("CORE_PERIOD_FORMAT", { params: { input: JSON.stringify(text) } })))
  let m = yearPattern.exec(input)
  if (m !== null) return Number(m[1]) >= 1 ? Result.succeed(year(Number(m[1]))) : bad()
  m = quarterPattern.exec(input)
  if (m !== null) {
    const q = m[2] ?? m[3]!
    const n = chineseDigits[q] ?? Number(q)
    return Number(m[1]) >= 1 ? Result.succeed(quarter(Number(m[1]), n as 1 | 2 | 3 | 4)) : bad()
  }
  m = monthPattern.exec(input)
  if (m !== null) {
    const mm = Number(m[2] ?? m[3])
    return mm >= 1 && mm <= 12 && Number(m[1]) >= 1 ? Result.succeed(month(Number(m[1]), mm)) : bad()
  }
  m = rangePattern.exec(input)
  if (m !== null) {
    const start = CivilDate.make(m[1]!)
    const end = CivilDate.make(m[2]!)
    if (Result.isFailure(start) || Result.isFailure(end)) {
      return Result.fail(ValidationReport.merge(
        ...[start, end].flatMap((r) => (Result.isFailure(r) ? [r.failure] : []))
      ))
    }
    return range(start.success, end.success)
  }
  return bad()
}

/**
 * Schema of a period written as a string (`2024-Q1`…), decoded to a {@link Period}.
 *
 * @example
 * ```ts
 * import { Period, ValidationReport } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * const Doc = Schema.Struct({ period: Period.PeriodString })
 * const result = ValidationReport.decodeUnknown(Doc)({ period: "2024-Q3" })
 * if (result._tag === "Success") console.log(result.success.period) // { _tag: "Quarter", year: 2024, quarter: 3 }
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const PeriodString: Schema.Codec<Period, string> = Schema.String.check(Issue.refine((text: string) => {
  const result = parse(text)
  return Result.isFailure(result) ? result.failure.issues : []
}, { jsonSchema: { examples: ["2024", "2024-Q1", "2024-03", "2024-01-01/2024-03-31"] } })).pipe(
  Schema.decodeTo(
    Schema.Any as Schema.Codec<Period>,
    SchemaTransformation.transform({
      decode: (text: string) => (parse(text) as Result.Success<Period, never>).success,
      encode: (period: Period) => format(period)
    })
  )
).annotate({
  identifier: "PeriodString",
  description: "A period: 2024, 2024-Q1, 2024-03 or 2024-01-01/2024-03-31",
  "gongzhi/expected": { zh: "期间（如 2024、2024-Q1、2024-03）", en: "a period (e.g. 2024, 2024-Q1, 2024-03)" }
}) as unknown as Schema.Codec<Period, string>

/**
 * The calendar year `y`.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.start(Period.year(2024)), Period.end(Period.year(2024))) // "2024-01-01 2024-12-31"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const year = (y: number): Year => ({ _tag: "Year", year: y })

/**
 * Quarter `q` (1–4) of year `y`.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.end(Period.quarter(2024, 1))) // "2024-03-31"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const quarter = (y: number, q: 1 | 2 | 3 | 4): Quarter => ({ _tag: "Quarter", year: y, quarter: q })

/**
 * Month `m` (1–12) of year `y`.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.end(Period.month(2024, 2))) // "2024-02-29"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const month = (y: number, m: number): Month => ({ _tag: "Month", year: y, month: m })

/**
 * The days from `start` to `end`, both included; fails if `end` is before `start`.
 *
 * @example
 * ```ts
 * import { CivilDate, Period } from "@gongzhi/core"
 *
 * const term = Period.range(CivilDate.makeUnsafe("2024-01-15"), CivilDate.makeUnsafe("2024-06-30"))
 * if (term._tag === "Success") console.log(Period.lengthInDays(term.success)) // 168
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const range = (
  start: CivilDate.CivilDate,
  end: CivilDate.CivilDate
): Result.Result<Range, ValidationReport.ValidationReport> =>
  end < start
    ? Result.fail(ValidationReport.of(messages.make("CORE_PERIOD_END_BEFORE_START", { params: { start, end } })))
    : Result.succeed({ _tag: "Range", start, end })

const ymd = (y: number, m: number, d: number): CivilDate.CivilDate =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as CivilDate.CivilDate

/**
 * The first day of a period.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.start(Period.quarter(2024, 3))) // "2024-07-01"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const start = (period: Period): CivilDate.CivilDate => {
  switch (period._tag) {
    case "Year":
      return ymd(period.year, 1, 1)
    case "Quarter":
      return ymd(period.year, (period.quarter - 1) * 3 + 1, 1)
    case "Month":
      return ymd(period.year, period.month, 1)
    case "Range":
      return period.start
  }
}

/**
 * The last day of a period (included in it).
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.end(Period.quarter(2024, 3))) // "2024-09-30"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const end = (period: Period): CivilDate.CivilDate => {
  switch (period._tag) {
    case "Year":
      return ymd(period.year, 12, 31)
    case "Quarter": {
      const m = period.quarter * 3
      return ymd(period.year, m, CivilDate.daysInMonth(period.year, m))
    }
    case "Month":
      return ymd(period.year, period.month, CivilDate.daysInMonth(period.year, period.month))
    case "Range":
      return period.end
  }
}

/**
 * The number of days in a period.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.lengthInDays(Period.year(2024))) // 366
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const lengthInDays = (period: Period): number => CivilDate.daysBetween(start(period), end(period)) + 1

/**
 * Whether a date falls in a period.
 *
 * @example
 * ```ts
 * import { CivilDate, Period } from "@gongzhi/core"
 * import { pipe } from "effect"
 *
 * const day = CivilDate.makeUnsafe("2024-03-31")
 * console.log(Period.contains(Period.quarter(2024, 1), day)) // true
 * console.log(pipe(Period.quarter(2024, 2), Period.contains(day))) // false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const contains: {
  (date: CivilDate.CivilDate): (period: Period) => boolean
  (period: Period, date: CivilDate.CivilDate): boolean
} = dual(2, (period: Period, date: CivilDate.CivilDate): boolean => date >= start(period) && date <= end(period))

/**
 * Whether two periods share at least one day.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.overlaps(Period.year(2024), Period.month(2024, 7))) // true
 * console.log(Period.overlaps(Period.quarter(2024, 1), Period.month(2024, 4))) // false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const overlaps: {
  (that: Period): (self: Period) => boolean
  (self: Period, that: Period): boolean
} = dual(2, (self: Period, that: Period): boolean => start(self) <= end(that) && start(that) <= end(self))

/**
 * Every day of a period, in order (lazily).
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log([...Period.days(Period.month(2024, 2))].length) // 29
 * ```
 *
 * @category iterating
 * @since 0.1.0
 */
export const days = function*(period: Period): Generator<CivilDate.CivilDate, void, unknown> {
  const first = CivilDate.toEpochDay(start(period))
  const last = CivilDate.toEpochDay(end(period))
  for (let day = first; day <= last; day++) {
    yield (CivilDate.fromEpochDay(day) as Result.Success<CivilDate.CivilDate, never>).success
  }
}

/**
 * The months a period touches, in order.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.months(Period.quarter(2024, 2)).map(Period.format)) // ["2024-04", "2024-05", "2024-06"]
 * ```
 *
 * @category iterating
 * @since 0.1.0
 */
export const months = (period: Period): ReadonlyArray<Month> => {
  const a = CivilDate.toParts(start(period))
  const b = CivilDate.toParts(end(period))
  const out: Array<Month> = []
  for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i++) {
    out.push(month(Math.floor(i / 12), (i % 12) + 1))
  }
  return out
}

const shift = (period: Period, steps: 1 | -1): Result.Result<Period, ValidationReport.ValidationReport> => {
  const outOfRange = () => Result.fail(ValidationReport.of(messages.make("CORE_PERIOD_OUT_OF_RANGE")))
  switch (period._tag) {
    case "Year": {
      const y = period.year + steps
      return y < 1 || y > 9999 ? outOfRange() : Result.succeed(year(y))
    }
    case "Quarter": {
      const index = period.year * 4 + period.quarter - 1 + steps
      const y = Math.floor(index / 4)
      return y < 1 || y > 9999 ? outOfRange() : Result.succeed(quarter(y, ((index % 4) + 1) as 1 | 2 | 3 | 4))
    }
    case "Month": {
      const index = period.year * 12 + period.month - 1 + steps
      const y = Math.floor(index / 12)
      return y < 1 || y > 9999 ? outOfRange() : Result.succeed(month(y, (index % 12) + 1))
    }
    case "Range": {
      const length = lengthInDays(period) * steps
      const s = CivilDate.addDays(period.start, length)
      const e = CivilDate.addDays(period.end, length)
      if (Result.isFailure(s) || Result.isFailure(e)) return outOfRange()
      return Result.succeed({ _tag: "Range", start: s.success, end: e.success })
    }
  }
}

/**
 * The period of the same kind right after this one (a range moves by its own length).
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const next = Period.next(Period.quarter(2024, 4))
 * if (next._tag === "Success") console.log(Period.format(next.success)) // "2025-Q1"
 * ```
 *
 * @category iterating
 * @since 0.1.0
 */
export const next = (period: Period): Result.Result<Period, ValidationReport.ValidationReport> => shift(period, 1)

/**
 * The period of the same kind right before this one (the period to compare a ranking with).
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const previous = Period.previous(Period.month(2024, 1))
 * if (previous._tag === "Success") console.log(Period.format(previous.success)) // "2023-12"
 * ```
 *
 * @category iterating
 * @since 0.1.0
 */
export const previous = (period: Period): Result.Result<Period, ValidationReport.ValidationReport> => shift(period, -1)

/**
 * The year, quarter or month containing a date.
 *
 * @example
 * ```ts
 * import { CivilDate, Period } from "@gongzhi/core"
 *
 * console.log(Period.format(Period.containing(CivilDate.makeUnsafe("2024-08-15"), "Quarter"))) // "2024-Q3"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const containing = (date: CivilDate.CivilDate, kind: "Year" | "Quarter" | "Month"): Year | Quarter | Month => {
  const parts = CivilDate.toParts(date)
  switch (kind) {
    case "Year":
      return year(parts.year)
    case "Quarter":
      return quarter(parts.year, CivilDate.quarterOf(date))
    case "Month":
      return month(parts.year, parts.month)
  }
}

/**
 * Writes a period the way {@link parse} reads it: `2024`, `2024-Q1`, `2024-03`, `2024-01-01/2024-03-31`.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.format(Period.month(2024, 3))) // "2024-03"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (period: Period): string => {
  const y = String(period._tag === "Range" ? 0 : period.year).padStart(4, "0")
  switch (period._tag) {
    case "Year":
      return y
    case "Quarter":
      return `${y}-Q${period.quarter}`
    case "Month":
      return `${y}-${String(period.month).padStart(2, "0")}`
    case "Range":
      return `${period.start}/${period.end}`
  }
}

/**
 * A period in words, in Chinese and English.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * console.log(Period.label(Period.quarter(2024, 1))) // { zh: "2024年第1季度", en: "Q1 2024" }
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const label = (period: Period): Label.Label => {
  switch (period._tag) {
    case "Year":
      return { zh: `${period.year}年`, en: `${period.year}` }
    case "Quarter":
      return { zh: `${period.year}年第${period.quarter}季度`, en: `Q${period.quarter} ${period.year}` }
    case "Month":
      return { zh: `${period.year}年${period.month}月`, en: `${period.year}-${String(period.month).padStart(2, "0")}` }
    case "Range":
      return { zh: `${period.start} 至 ${period.end}`, en: `${period.start} to ${period.end}` }
  }
}

/**
 * Whether two periods cover exactly the same days.
 *
 * @example
 * ```ts
 * import { Period } from "@gongzhi/core"
 *
 * const r = Period.parse("2024-01-01/2024-03-31")
 * if (r._tag === "Success") console.log(Period.sameDays(r.success, Period.quarter(2024, 1))) // true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const sameDays = (a: Period, b: Period): boolean => start(a) === start(b) && end(a) === end(b)
