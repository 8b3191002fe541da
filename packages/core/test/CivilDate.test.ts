import { Array as Arr, Result } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CivilDate, ValidationReport } from "../src/index.js"

const d = CivilDate.makeUnsafe
const epochDay = fc.integer({ min: -719162, max: 2932896 })
const codeOf = <A>(result: Result.Result<A, ValidationReport.ValidationReport>) =>
  Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []

describe("CivilDate", () => {
  describe("constructors", () => {
    it("accepts real dates, leap days included", () => {
      expect(CivilDate.make("2024-02-29")).toEqual(Result.succeed("2024-02-29"))
      expect(CivilDate.make("2000-02-29")._tag).toBe("Success")
      expect(CivilDate.make("0001-01-01")._tag).toBe("Success")
      expect(CivilDate.make("9999-12-31")._tag).toBe("Success")
    })
    it("rejects impossible dates with CORE_DATE_INVALID", () => {
      for (const bad of ["2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01"]) {
        expect(codeOf(CivilDate.make(bad))).toEqual(["CORE_DATE_INVALID"])
      }
    })
    it("rejects other spellings with CORE_DATE_FORMAT", () => {
      for (const bad of ["2024-3-1", "2024/03/01", "20240301", "2024-03-01T00:00", " 2024-03-01", ""]) {
        expect(codeOf(CivilDate.make(bad))).toEqual(["CORE_DATE_FORMAT"])
      }
    })
    it("builds from parts and refuses parts out of range", () => {
      expect(CivilDate.fromParts({ year: 2024, month: 2, day: 29 })).toEqual(Result.succeed("2024-02-29"))
      expect(codeOf(CivilDate.fromParts({ year: 10000, month: 1, day: 1 }))).toEqual(["CORE_DATE_OUT_OF_RANGE"])
      expect(codeOf(CivilDate.fromParts({ year: 2024, month: 1.5, day: 1 }))).toEqual(["CORE_DATE_OUT_OF_RANGE"])
      expect(codeOf(CivilDate.fromParts({ year: 2023, month: 2, day: 29 }))).toEqual(["CORE_DATE_INVALID"])
    })
    it("makeUnsafe throws on a bad literal", () => {
      expect(() => CivilDate.makeUnsafe("2023-02-29")).toThrow(/CORE_DATE_INVALID/)
    })
    it("decodes in documents with the date's own message", () => {
      const result = ValidationReport.decodeUnknown(CivilDate.CivilDate)("2023-02-29")
      expect(Result.isFailure(result) && result.failure.issues[0]?.message.zh).toBe("2023-02-29 不是日历上存在的日期")
    })
  })

  describe("conversions", () => {
    it("places known dates on the line of days", () => {
      expect(CivilDate.toEpochDay(d("1970-01-01"))).toBe(0)
      expect(CivilDate.toEpochDay(d("2024-02-29"))).toBe(19782)
      expect(CivilDate.toEpochDay(d("0001-01-01"))).toBe(-719162)
      expect(CivilDate.toEpochDay(d("9999-12-31"))).toBe(2932896)
      expect(codeOf(CivilDate.fromEpochDay(2932897))).toEqual(["CORE_DATE_OUT_OF_RANGE"])
      expect(codeOf(CivilDate.fromEpochDay(0.5))).toEqual(["CORE_DATE_OUT_OF_RANGE"])
    })
    it("fromEpochDay ∘ toEpochDay is the identity and dates order like their days (property)", () => {
      fc.assert(fc.property(epochDay, epochDay, (a, b) => {
        const da = Result.getOrThrow(CivilDate.fromEpochDay(a))
        const db = Result.getOrThrow(CivilDate.fromEpochDay(b))
        expect(CivilDate.toEpochDay(da)).toBe(a)
        expect(CivilDate.make(da)).toEqual(Result.succeed(da))
        expect(CivilDate.compare(da, db)).toBe(Math.sign(a - b) + 0)
        expect(CivilDate.daysBetween(da, db)).toBe(b - a)
      }))
    })
    it("agrees with the proleptic Gregorian calendar of Date.UTC (property)", () => {
      fc.assert(fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        const date = Result.getOrThrow(CivilDate.fromEpochDay(day))
        const { year, month, day: dom } = CivilDate.toParts(date)
        const utc = new Date(0)
        utc.setUTCFullYear(year, month - 1, dom)
        expect(Math.round(utc.getTime() / 86_400_000)).toBe(day)
      }))
    })
  })

  describe("math", () => {
    it("adds days across months, years and leap days, in both call styles", () => {
      expect(CivilDate.addDays(d("2024-02-28"), 1)).toEqual(Result.succeed("2024-02-29"))
      expect(pipe(d("2024-02-29"), CivilDate.addDays(1))).toEqual(Result.succeed("2024-03-01"))
      expect(CivilDate.addDays(d("2024-01-01"), -1)).toEqual(Result.succeed("2023-12-31"))
      expect(codeOf(CivilDate.addDays(d("9999-12-31"), 1))).toEqual(["CORE_DATE_OUT_OF_RANGE"])
    })
    it("adds months and years ending on the last day of a shorter month", () => {
      expect(CivilDate.addMonths(d("2024-01-31"), 1)).toEqual(Result.succeed("2024-02-29"))
      expect(CivilDate.addMonths(d("2023-01-31"), 1)).toEqual(Result.succeed("2023-02-28"))
      expect(pipe(d("2024-03-15"), CivilDate.addMonths(-3))).toEqual(Result.succeed("2023-12-15"))
      expect(CivilDate.addYears(d("2024-02-29"), 1)).toEqual(Result.succeed("2025-02-28"))
      expect(CivilDate.addYears(d("2024-02-29"), 4)).toEqual(Result.succeed("2028-02-29"))
      expect(pipe(d("2020-06-01"), CivilDate.addYears(5))).toEqual(Result.succeed("2025-06-01"))
      expect(codeOf(CivilDate.addMonths(d("9999-12-01"), 1))).toEqual(["CORE_DATE_OUT_OF_RANGE"])
      expect(codeOf(CivilDate.addMonths(d("2024-01-01"), 0.5))).toEqual(["CORE_DATE_OUT_OF_RANGE"])
    })
    it("adding n days then -n days returns the date (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -719162 + 20000, max: 2932896 - 20000 }),
          fc.integer({ min: -20000, max: 20000 }),
          (day, n) => {
            const date = Result.getOrThrow(CivilDate.fromEpochDay(day))
            const back = Result.flatMap(CivilDate.addDays(date, n), CivilDate.addDays(-n))
            expect(back).toEqual(Result.succeed(date))
          }
        )
      )
    })
    it("adding months never leaves the target month (property)", () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: -1200, max: 1200 }), (day, n) => {
        const date = Result.getOrThrow(CivilDate.fromEpochDay(day))
        const moved = Result.getOrThrow(CivilDate.addMonths(date, n))
        const a = CivilDate.toParts(date)
        const b = CivilDate.toParts(moved)
        expect(b.year * 12 + b.month).toBe(a.year * 12 + a.month + n)
        expect(b.day).toBe(Math.min(a.day, CivilDate.daysInMonth(b.year, b.month)))
      }))
    })
  })

  describe("getters and ordering", () => {
    it("knows leap years, month lengths, weekdays and quarters", () => {
      expect([1900, 2000, 2023, 2024].map(CivilDate.isLeapYear)).toEqual([false, true, false, true])
      expect([1, 2, 4, 12].map((m) => CivilDate.daysInMonth(2024, m))).toEqual([31, 29, 30, 31])
      expect(CivilDate.dayOfWeek(d("2024-03-01"))).toBe(5)
      expect(CivilDate.dayOfWeek(d("1970-01-01"))).toBe(4)
      expect(CivilDate.dayOfWeek(d("1969-12-28"))).toBe(7)
      expect(CivilDate.quarterOf(d("2024-08-15"))).toBe(3)
      expect(CivilDate.startOfMonth(d("2024-02-17"))).toBe("2024-02-01")
      expect(CivilDate.endOfMonth(d("2023-02-17"))).toBe("2023-02-28")
    })
    it("orders, compares and picks", () => {
      const dates = ["2024-03-01", "2023-12-31", "2024-01-15"].map(d)
      expect(Arr.sort(dates, CivilDate.Order)).toEqual(["2023-12-31", "2024-01-15", "2024-03-01"])
      expect(CivilDate.isBefore(d("2024-01-01"), d("2024-01-02"))).toBe(true)
      expect(pipe(d("2024-01-02"), CivilDate.isAfter(d("2024-01-01")))).toBe(true)
      expect(pipe(d("2024-01-02"), CivilDate.isBefore(d("2024-01-01")))).toBe(false)
      expect(CivilDate.isAfter(d("2024-01-01"), d("2024-01-01"))).toBe(false)
      expect(CivilDate.min(d("2024-05-01"), d("2024-03-01"))).toBe("2024-03-01")
      expect(CivilDate.max(d("2024-05-01"), d("2024-03-01"))).toBe("2024-05-01")
      expect(CivilDate.compare(d("2024-05-01"), d("2024-05-01"))).toBe(0)
    })
  })
})
