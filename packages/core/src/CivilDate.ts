/**
 * Calendar dates without a time zone, written `YYYY-MM-DD` (the way dates stand in
 * agreements, terms of office and points records). Arithmetic is done on whole days,
 * with real leap years, and never touches `Date` or the machine's clock or zone.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Ord from "effect/Order"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describeValue } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import * as ValidationReport from "./ValidationReport.js"

/**
 * The messages of date checks and date arithmetic.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.messages.codes.includes("CORE_DATE_INVALID")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CORE_DATE_FORMAT: {
    zh: "日期应写成 YYYY-MM-DD（如 2024-03-01），实际为 {input}",
    en: "A date is written YYYY-MM-DD (e.g. 2024-03-01), got {input}"
  },
  CORE_DATE_INVALID: {
    zh: "{input} 不是日历上存在的日期",
    en: "{input} is not a date on the calendar"
  },
  CORE_DATE_OUT_OF_RANGE: {
    zh: "日期超出 0001-01-01 至 9999-12-31 的范围",
    en: "The date falls outside 0001-01-01 to 9999-12-31"
  }
})

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether a year is a leap year in the Gregorian calendar.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.isLeapYear(2024), CivilDate.isLeapYear(1900), CivilDate.isLeapYear(2000)) // true false true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * The number of days of a month (1–12) of a year.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.daysInMonth(2024, 2)) // 29
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

const issuesOf = (value: string): ReadonlyArray<Issue.DomainIssue> => {
  if (typeof value !== "string") {
    return [messages.make("CORE_DATE_FORMAT", { params: { input: describeValue(value) } })]
  }
  const match = pattern.exec(value)
  if (match === null) return [messages.make("CORE_DATE_FORMAT", { params: { input: JSON.stringify(value) } })]
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return [messages.make("CORE_DATE_INVALID", { params: { input: value } })]
  }
  return []
}

/**
 * Schema of a civil date: a `YYYY-MM-DD` string that is a real date from 0001-01-01 to 9999-12-31.
 *
 * @example
 * ```ts
 * import { CivilDate, ValidationReport } from "@gongzhi/core"
 *
 * const decode = ValidationReport.decodeUnknown(CivilDate.CivilDate)
 * console.log(decode("2024-02-29")._tag, decode("2023-02-29")._tag) // "Success Failure"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const CivilDate = Schema.String.check(Issue.refine(issuesOf, {
  jsonSchema: { format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" }
})).pipe(Schema.brand("CivilDate")).annotate({
  identifier: "CivilDate",
  description: "A calendar date, YYYY-MM-DD",
  "gongzhi/expected": { zh: "日期（YYYY-MM-DD）", en: "a date (YYYY-MM-DD)" }
})

/**
 * A calendar date `YYYY-MM-DD`; compare two with `<` or {@link compare}.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * const signed: CivilDate.CivilDate = CivilDate.makeUnsafe("2024-01-15")
 * console.log(signed < CivilDate.makeUnsafe("2024-02-01")) // true
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type CivilDate = typeof CivilDate.Type

/**
 * The parts of a date.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * const parts: CivilDate.Parts = CivilDate.toParts(CivilDate.makeUnsafe("2024-03-01"))
 * console.log(parts.month) // 3
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Parts {
  readonly year: number
  readonly month: number
  readonly day: number
}

/**
 * Reads a date from a string, reporting what is wrong with it.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * const result = CivilDate.make("2024-13-01")
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "CORE_DATE_INVALID"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (value: string): Result.Result<CivilDate, ValidationReport.ValidationReport> => {
  const found = issuesOf(value)
  return found.length === 0 ? Result.succeed(value as CivilDate) : Result.fail(ValidationReport.make(found))
}

/**
 * Reads a date from a string known to be good (a literal in code); throws a `DomainError` otherwise.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * const signed = CivilDate.makeUnsafe("2024-01-15")
 * console.log(signed) // "2024-01-15"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUnsafe = (value: string): CivilDate => ValidationReport.getOrThrow(make(value))

/**
 * Makes a date from its parts, reporting an impossible date.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * const result = CivilDate.fromParts({ year: 2024, month: 2, day: 29 })
 * if (result._tag === "Success") console.log(result.success) // "2024-02-29"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromParts = (parts: Parts): Result.Result<CivilDate, ValidationReport.ValidationReport> => {
  let year: unknown, month: unknown, day: unknown
  try {
    ;({ year, month, day } = parts)
  } catch {
    // not an object, or one whose fields cannot be read
  }
  if (
    typeof year !== "number" || typeof month !== "number" || typeof day !== "number" ||
    ![year, month, day].every(Number.isInteger) || year < 1 || year > 9999
  ) {
    return Result.fail(ValidationReport.of(messages.make("CORE_DATE_OUT_OF_RANGE")))
  }
  return make(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)
}

/**
 * The year, month and day of a date.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.toParts(CivilDate.makeUnsafe("2024-03-01"))) // { year: 2024, month: 3, day: 1 }
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const toParts = (date: CivilDate): Parts => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10))
})

/**
 * Days since 1970-01-01 (negative before), the date's position on a line of days.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.toEpochDay(CivilDate.makeUnsafe("1970-01-02"))) // 1
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toEpochDay = (date: CivilDate): number => {
  // Howard Hinnant's days_from_civil
  const { year, month, day } = toParts(date)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Smallest and largest epoch days of the supported range. */
const minEpochDay = -719162 // 0001-01-01
const maxEpochDay = 2932896 // 9999-12-31

/**
 * The date of an epoch day (see {@link toEpochDay}); fails outside 0001-01-01 to 9999-12-31.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * const result = CivilDate.fromEpochDay(19782)
 * if (result._tag === "Success") console.log(result.success) // "2024-02-29"
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromEpochDay = (epochDay: number): Result.Result<CivilDate, ValidationReport.ValidationReport> => {
  if (!Number.isInteger(epochDay) || epochDay < minEpochDay || epochDay > maxEpochDay) {
    return Result.fail(ValidationReport.of(messages.make("CORE_DATE_OUT_OF_RANGE")))
  }
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return Result.succeed(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CivilDate)
}

/**
 * Adds (or, negative, subtracts) whole days; fails if the result leaves the supported range.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 * import { pipe } from "effect"
 *
 * const date = CivilDate.makeUnsafe("2024-02-28")
 * console.log(CivilDate.addDays(date, 1)) // Success "2024-02-29"
 * console.log(pipe(date, CivilDate.addDays(-59))) // Success "2023-12-31"
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const addDays: {
  (days: number): (date: CivilDate) => Result.Result<CivilDate, ValidationReport.ValidationReport>
  (date: CivilDate, days: number): Result.Result<CivilDate, ValidationReport.ValidationReport>
} = dual(2, (date: CivilDate, days: number) => fromEpochDay(toEpochDay(date) + days))

/**
 * Adds whole months; a day past the end of the target month becomes its last day
 * (2024-01-31 plus one month is 2024-02-29).
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.addMonths(CivilDate.makeUnsafe("2024-01-31"), 1)) // Success "2024-02-29"
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const addMonths: {
  (months: number): (date: CivilDate) => Result.Result<CivilDate, ValidationReport.ValidationReport>
  (date: CivilDate, months: number): Result.Result<CivilDate, ValidationReport.ValidationReport>
} = dual(2, (date: CivilDate, months: number) => {
  if (!Number.isInteger(months)) return Result.fail(ValidationReport.of(messages.make("CORE_DATE_OUT_OF_RANGE")))
  const { year, month, day } = toParts(date)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  if (y < 1 || y > 9999) return Result.fail(ValidationReport.of(messages.make("CORE_DATE_OUT_OF_RANGE")))
  return fromParts({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) })
})

/**
 * Adds whole years; 29 February becomes 28 February in a common year.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.addYears(CivilDate.makeUnsafe("2024-02-29"), 1)) // Success "2025-02-28"
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const addYears: {
  (years: number): (date: CivilDate) => Result.Result<CivilDate, ValidationReport.ValidationReport>
  (date: CivilDate, years: number): Result.Result<CivilDate, ValidationReport.ValidationReport>
} = dual(2, (date: CivilDate, years: number) => addMonths(date, years * 12))

/**
 * Days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.daysBetween(CivilDate.makeUnsafe("2024-01-01"), CivilDate.makeUnsafe("2025-01-01"))) // 366
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const daysBetween = (from: CivilDate, to: CivilDate): number => toEpochDay(to) - toEpochDay(from)

/**
 * Orders two dates: -1, 0 or 1.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.compare(CivilDate.makeUnsafe("2024-01-01"), CivilDate.makeUnsafe("2023-12-31"))) // 1
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const compare = (a: CivilDate, b: CivilDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The chronological order of dates, for effect's `Array.sort` and friends.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 * import { Array } from "effect"
 *
 * const dates = ["2024-03-01", "2023-12-31"].map(CivilDate.makeUnsafe)
 * console.log(Array.sort(dates, CivilDate.Order)) // ["2023-12-31", "2024-03-01"]
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const Order: Ord.Order<CivilDate> = compare

/**
 * Whether `date` is before `than`.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.isBefore(CivilDate.makeUnsafe("2024-01-01"), CivilDate.makeUnsafe("2024-01-02"))) // true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isBefore: {
  (than: CivilDate): (date: CivilDate) => boolean
  (date: CivilDate, than: CivilDate): boolean
} = dual(2, (date: CivilDate, than: CivilDate): boolean => date < than)

/**
 * Whether `date` is after `than`.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.isAfter(CivilDate.makeUnsafe("2024-01-02"), CivilDate.makeUnsafe("2024-01-01"))) // true
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isAfter: {
  (than: CivilDate): (date: CivilDate) => boolean
  (date: CivilDate, than: CivilDate): boolean
} = dual(2, (date: CivilDate, than: CivilDate): boolean => date > than)

/**
 * The earlier of two dates.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.min(CivilDate.makeUnsafe("2024-05-01"), CivilDate.makeUnsafe("2024-03-01"))) // "2024-03-01"
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const min = (a: CivilDate, b: CivilDate): CivilDate => (b < a ? b : a)

/**
 * The later of two dates.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.max(CivilDate.makeUnsafe("2024-05-01"), CivilDate.makeUnsafe("2024-03-01"))) // "2024-05-01"
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const max = (a: CivilDate, b: CivilDate): CivilDate => (b > a ? b : a)

/**
 * The ISO day of the week: 1 for Monday … 7 for Sunday.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.dayOfWeek(CivilDate.makeUnsafe("2024-03-01"))) // 5 (a Friday)
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const dayOfWeek = (date: CivilDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 => {
  // 1970-01-01 was a Thursday (4)
  const d = (((toEpochDay(date) + 3) % 7) + 7) % 7
  return (d + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7
}

/**
 * The first day of the date's month.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.startOfMonth(CivilDate.makeUnsafe("2024-02-17"))) // "2024-02-01"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const startOfMonth = (date: CivilDate): CivilDate => `${date.slice(0, 8)}01` as CivilDate

/**
 * The last day of the date's month.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.endOfMonth(CivilDate.makeUnsafe("2024-02-17"))) // "2024-02-29"
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const endOfMonth = (date: CivilDate): CivilDate => {
  const { year, month } = toParts(date)
  return `${date.slice(0, 8)}${pad(daysInMonth(year, month), 2)}` as CivilDate
}

/**
 * The quarter (1–4) a date falls in.
 *
 * @example
 * ```ts
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(CivilDate.quarterOf(CivilDate.makeUnsafe("2024-08-15"))) // 3
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const quarterOf = (date: CivilDate): 1 | 2 | 3 | 4 =>
  (Math.floor((toParts(date).month - 1) / 3) + 1) as 1 | 2 | 3 | 4
