/**
 * Points in time as ISO-8601 strings with an explicit offset (`2024-03-01T09:30:00+08:00`
 * or `…Z`). gongzhi never reads the clock: a host passes "now" in as an instant.
 *
 * @since 0.1.0
 */
import * as Ord from "effect/Order"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as CivilDate from "./CivilDate.js"
import { describeValue } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import * as ValidationReport from "./ValidationReport.js"

/**
 * The messages of instant checks.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * console.log(Instant.messages.codes) // ["CORE_INSTANT_FORMAT", "CORE_INSTANT_INVALID"]
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CORE_INSTANT_FORMAT: {
    zh: "时间应写成 ISO-8601 格式并带时区（如 2024-03-01T09:30:00+08:00），实际为 {input}",
    en: "A time is written in ISO-8601 with an offset (e.g. 2024-03-01T09:30:00+08:00), got {input}"
  },
  CORE_INSTANT_INVALID: {
    zh: "{input} 不是存在的时间",
    en: "{input} is not a real point in time"
  }
})

const pattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/

interface Parsed {
  readonly date: CivilDate.CivilDate
  readonly millisOfDay: number
  readonly offsetMinutes: number
}

const parse = (value: string): Parsed | Issue.DomainIssue => {
  if (typeof value !== "string") {
    return messages.make("CORE_INSTANT_FORMAT", { params: { input: describeValue(value) } })
  }
  const m = pattern.exec(value)
  if (m === null) return messages.make("CORE_INSTANT_FORMAT", { params: { input: JSON.stringify(value) } })
  const date = CivilDate.make(m[1]!)
  const hour = Number(m[2])
  const minute = Number(m[3])
  const second = Number(m[4] ?? "0")
  const millis = Number((m[5] ?? "0").padEnd(3, "0").slice(0, 3))
  const offsetHours = Number(m[8] ?? "0")
  const offsetMins = Number(m[9] ?? "0")
  if (
    Result.isFailure(date) || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMins > 59
  ) {
    return messages.make("CORE_INSTANT_INVALID", { params: { input: value } })
  }
  const sign = m[7] === "-" ? -1 : 1
  return {
    date: date.success,
    millisOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + millis,
    offsetMinutes: sign * (offsetHours * 60 + offsetMins)
  }
}

/**
 * Schema of an instant: an ISO-8601 date-time with `Z` or a `±hh:mm` offset.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Instant.Instant)("2024-03-01T09:30:00+08:00")) // true
 * console.log(Schema.is(Instant.Instant)("2024-03-01 09:30")) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Instant = Schema.String.check(Issue.refine((value: string) => {
  const parsed = parse(value)
  return "code" in parsed ? [parsed] : []
}, { jsonSchema: { format: "date-time" } })).pipe(Schema.brand("Instant")).annotate({
  identifier: "Instant",
  description: "An ISO-8601 date-time with an offset",
  "gongzhi/expected": { zh: "带时区的时间（ISO-8601）", en: "an ISO-8601 date-time with an offset" }
})

/**
 * An ISO-8601 date-time string with an offset.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * const at: Instant.Instant = Instant.makeUnsafe("2024-03-01T09:30:00+08:00")
 * console.log(Instant.toCivilDate(at)) // "2024-03-01"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Instant = typeof Instant.Type

/**
 * Reads an instant from a string, reporting what is wrong with it.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * console.log(Instant.make("2024-03-01T09:30:00Z")._tag) // "Success"
 * console.log(Instant.make("2024-03-01T25:00:00Z")._tag) // "Failure"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (value: string): Result.Result<Instant, ValidationReport.ValidationReport> => {
  const parsed = parse(value)
  return "code" in parsed ? Result.fail(ValidationReport.of(parsed)) : Result.succeed(value as Instant)
}

/**
 * Reads an instant known to be good (a literal in code); throws a `DomainError` otherwise.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * const now = Instant.makeUnsafe("2024-03-01T09:30:00+08:00")
 * console.log(now)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUnsafe = (value: string): Instant => ValidationReport.getOrThrow(make(value))

/**
 * Milliseconds since 1970-01-01T00:00:00Z.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * console.log(Instant.toEpochMillis(Instant.makeUnsafe("1970-01-01T08:00:00+08:00"))) // 0
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toEpochMillis = (instant: Instant): number => {
  const parsed = parse(instant) as Parsed
  return CivilDate.toEpochDay(parsed.date) * 86_400_000 + parsed.millisOfDay - parsed.offsetMinutes * 60_000
}

/**
 * The instant of an epoch millisecond count, written in UTC (`…Z`).
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * console.log(Instant.fromEpochMillis(0)) // Success "1970-01-01T00:00:00.000Z"
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromEpochMillis = (millis: number): Result.Result<Instant, ValidationReport.ValidationReport> => {
  if (!Number.isSafeInteger(millis)) {
    return Result.fail(
      ValidationReport.of(messages.make("CORE_INSTANT_INVALID", { params: { input: describeValue(millis) } }))
    )
  }
  const day = Math.floor(millis / 86_400_000)
  const rest = millis - day * 86_400_000
  return Result.map(CivilDate.fromEpochDay(day), (date) => {
    const h = Math.floor(rest / 3_600_000)
    const m = Math.floor((rest % 3_600_000) / 60_000)
    const s = Math.floor((rest % 60_000) / 1000)
    const ms = rest % 1000
    const two = (n: number) => String(n).padStart(2, "0")
    return `${date}T${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, "0")}Z` as Instant
  })
}

/**
 * The calendar date of an instant at a UTC offset in minutes; China Standard Time (+08:00, 480) by default.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * const late = Instant.makeUnsafe("2024-02-29T20:00:00Z")
 * console.log(Instant.toCivilDate(late)) // "2024-03-01" (04:00 in Beijing)
 * console.log(Instant.toCivilDate(late, 0)) // "2024-02-29"
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toCivilDate = (instant: Instant, offsetMinutes = 480): CivilDate.CivilDate => {
  const local = toEpochMillis(instant) + offsetMinutes * 60_000
  // An instant within the supported range stays within it after a ±14 h shift except at the very ends.
  return Result.getOrElse(
    CivilDate.fromEpochDay(Math.floor(local / 86_400_000)),
    () => (parse(instant) as Parsed).date
  )
}

/**
 * Orders two instants by the time they denote (whatever their offsets): -1, 0 or 1.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 *
 * const a = Instant.makeUnsafe("2024-03-01T09:00:00+08:00")
 * const b = Instant.makeUnsafe("2024-03-01T01:00:00Z")
 * console.log(Instant.compare(a, b)) // 0
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const compare = (a: Instant, b: Instant): -1 | 0 | 1 => {
  const x = toEpochMillis(a)
  const y = toEpochMillis(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * The chronological order of instants.
 *
 * @example
 * ```ts
 * import { Instant } from "@gongzhi/core"
 * import { Array } from "effect"
 *
 * const times = ["2024-03-01T02:00:00Z", "2024-03-01T09:00:00+08:00"].map(Instant.makeUnsafe)
 * console.log(Array.sort(times, Instant.Order)[0]) // "2024-03-01T09:00:00+08:00"
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const Order: Ord.Order<Instant> = compare
