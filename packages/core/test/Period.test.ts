import { Result } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CivilDate, Period, ValidationReport } from "../src/index.js"

const d = CivilDate.makeUnsafe
const parse = (text: string) => Result.getOrThrow(Period.parse(text))
const codes = <A>(result: Result.Result<A, ValidationReport.ValidationReport>) =>
  Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []

const arbPeriod: fc.Arbitrary<Period.Period> = fc.oneof(
  fc.integer({ min: 1900, max: 2100 }).map(Period.year),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const))
    .map(([y, q]) => Period.quarter(y, q)),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => Period.month(y, m)),
  fc.tuple(fc.integer({ min: -25000, max: 47000 }), fc.integer({ min: 0, max: 400 })).map(([start, length]) =>
    Result.getOrThrow(Period.range(
      Result.getOrThrow(CivilDate.fromEpochDay(start)),
      Result.getOrThrow(CivilDate.fromEpochDay(start + length))
    ))
  )
)

describe("Period", () => {
  describe("constructors", () => {
    it("reads ISO and Chinese spellings", () => {
      expect(parse("2024")).toEqual(Period.year(2024))
      expect(parse("2024年")).toEqual(Period.year(2024))
      expect(parse("2024-Q2")).toEqual(Period.quarter(2024, 2))
      expect(parse("2024年第三季度")).toEqual(Period.quarter(2024, 3))
      expect(parse("2024年第1季度")).toEqual(Period.quarter(2024, 1))
      expect(parse("2024-03")).toEqual(Period.month(2024, 3))
      expect(parse("2024年3月")).toEqual(Period.month(2024, 3))
      expect(parse(" 2024-01-15/2024-06-30 ")).toEqual({ _tag: "Range", start: "2024-01-15", end: "2024-06-30" })
      expect(parse("2024-01-15 至 2024-06-30")._tag).toBe("Range")
    })
    it("rejects what it cannot read, bad months and ranges that end before they start", () => {
      expect(codes(Period.parse("2024-Q5"))).toEqual(["CORE_PERIOD_FORMAT"])
      expect(codes(Period.parse("2024-13"))).toEqual(["CORE_PERIOD_FORMAT"])
      expect(codes(Period.parse("0000"))).toEqual(["CORE_PERIOD_FORMAT"])
      expect(codes(Period.parse("next year"))).toEqual(["CORE_PERIOD_FORMAT"])
      expect(codes(Period.parse("2024-06-30/2024-01-15"))).toEqual(["CORE_PERIOD_END_BEFORE_START"])
      expect(codes(Period.parse("2023-02-29/2024-02-30"))).toEqual(["CORE_DATE_INVALID", "CORE_DATE_INVALID"])
      expect(codes(Period.range(d("2024-02-01"), d("2024-01-31")))).toEqual(["CORE_PERIOD_END_BEFORE_START"])
    })
    it("finds the period containing a date", () => {
      expect(Period.containing(d("2024-08-15"), "Year")).toEqual(Period.year(2024))
      expect(Period.containing(d("2024-08-15"), "Quarter")).toEqual(Period.quarter(2024, 3))
      expect(Period.containing(d("2024-08-15"), "Month")).toEqual(Period.month(2024, 8))
    })
  })

  describe("schemas", () => {
    it("decodes the string form in documents and encodes it back", () => {
      const decode = ValidationReport.decodeUnknown(Period.PeriodString)
      expect(decode("2024-Q3")).toEqual(Result.succeed(Period.quarter(2024, 3)))
      const bad = decode("Q3")
      expect(codes(bad)).toEqual(["CORE_PERIOD_FORMAT"])
    })
    it("decodes the object form and checks its range", () => {
      const decode = ValidationReport.decodeUnknown(Period.PeriodObject)
      expect(decode({ _tag: "Month", year: 2024, month: 3 })._tag).toBe("Success")
      expect(decode({ _tag: "Month", year: 2024, month: 13 })._tag).toBe("Failure")
      expect(codes(decode({ _tag: "Range", start: "2024-03-01", end: "2024-01-01" }))).toContain(
        "CORE_PERIOD_END_BEFORE_START"
      )
    })
  })

  describe("getters", () => {
    it("knows the first and last days and the length of each kind", () => {
      expect([Period.start(Period.year(2024)), Period.end(Period.year(2024))]).toEqual(["2024-01-01", "2024-12-31"])
      expect(Period.end(Period.quarter(2024, 1))).toBe("2024-03-31")
      expect(Period.end(Period.quarter(2023, 4))).toBe("2023-12-31")
      expect(Period.end(Period.month(2024, 2))).toBe("2024-02-29")
      expect(Period.lengthInDays(Period.year(2024))).toBe(366)
      expect(Period.lengthInDays(Period.year(2023))).toBe(365)
      expect(Period.lengthInDays(parse("2024-01-15/2024-06-30"))).toBe(168)
    })
  })

  describe("predicates", () => {
    it("contains and overlaps, in both call styles", () => {
      expect(Period.contains(Period.quarter(2024, 1), d("2024-03-31"))).toBe(true)
      expect(pipe(Period.quarter(2024, 2), Period.contains(d("2024-03-31")))).toBe(false)
      expect(Period.overlaps(Period.year(2024), Period.month(2024, 7))).toBe(true)
      expect(pipe(Period.quarter(2024, 1), Period.overlaps(Period.month(2024, 4)))).toBe(false)
      expect(Period.sameDays(parse("2024-01-01/2024-03-31"), Period.quarter(2024, 1))).toBe(true)
      expect(Period.sameDays(Period.month(2024, 1), Period.quarter(2024, 1))).toBe(false)
    })
    it("contains exactly the days it iterates (property)", () => {
      fc.assert(
        fc.property(arbPeriod, (period) => {
          const days = [...Period.days(period)]
          expect(days.length).toBe(Period.lengthInDays(period))
          expect(days[0]).toBe(Period.start(period))
          expect(days[days.length - 1]).toBe(Period.end(period))
          expect(days.every((day) => Period.contains(period, day))).toBe(true)
          const before = Result.getOrThrow(CivilDate.addDays(Period.start(period), -1))
          expect(Period.contains(period, before)).toBe(false)
        }),
        { numRuns: 200 }
      )
    })
  })

  describe("iterating", () => {
    it("moves to the next and previous period of the same kind", () => {
      const next = (p: Period.Period) => Period.format(Result.getOrThrow(Period.next(p)))
      const previous = (p: Period.Period) => Period.format(Result.getOrThrow(Period.previous(p)))
      expect(next(Period.year(2024))).toBe("2025")
      expect(next(Period.quarter(2024, 4))).toBe("2025-Q1")
      expect(previous(Period.quarter(2024, 1))).toBe("2023-Q4")
      expect(next(Period.month(2024, 12))).toBe("2025-01")
      expect(previous(Period.month(2024, 1))).toBe("2023-12")
      expect(next(parse("2024-01-01/2024-01-10"))).toBe("2024-01-11/2024-01-20")
      expect(codes(Period.next(Period.year(9999)))).toEqual(["CORE_PERIOD_OUT_OF_RANGE"])
      expect(codes(Period.previous(Period.month(1, 1)))).toEqual(["CORE_PERIOD_OUT_OF_RANGE"])
      expect(codes(Period.previous(Period.quarter(1, 1)))).toEqual(["CORE_PERIOD_OUT_OF_RANGE"])
      expect(codes(Period.next(parse("9999-12-01/9999-12-31")))).toEqual(["CORE_PERIOD_OUT_OF_RANGE"])
    })
    it("next periods follow on without gap or overlap, and previous undoes next (property)", () => {
      fc.assert(
        fc.property(arbPeriod, (period) => {
          const following = Result.getOrThrow(Period.next(period))
          expect(CivilDate.daysBetween(Period.end(period), Period.start(following))).toBe(1)
          expect(Period.overlaps(period, following)).toBe(false)
          expect(Result.getOrThrow(Period.previous(following))).toEqual(period)
        }),
        { numRuns: 500 }
      )
    })
    it("lists the months a period touches", () => {
      expect(Period.months(Period.quarter(2024, 2)).map(Period.format)).toEqual(["2024-04", "2024-05", "2024-06"])
      expect(Period.months(parse("2023-12-20/2024-01-05")).map(Period.format)).toEqual(["2023-12", "2024-01"])
      expect(Period.months(Period.year(2024))).toHaveLength(12)
    })
  })

  describe("formatting", () => {
    it("parse ∘ format is the identity (property)", () => {
      fc.assert(
        fc.property(arbPeriod, (period) => {
          expect(Period.parse(Period.format(period))).toEqual(Result.succeed(period))
        }),
        { numRuns: 500 }
      )
    })
    it("labels periods in zh and en", () => {
      expect(Period.label(Period.quarter(2024, 1))).toEqual({ zh: "2024年第1季度", en: "Q1 2024" })
      expect(Period.label(Period.year(2024))).toEqual({ zh: "2024年", en: "2024" })
      expect(Period.label(Period.month(2024, 3))).toEqual({ zh: "2024年3月", en: "2024-03" })
      expect(Period.label(parse("2024-01-01/2024-01-31")).zh).toBe("2024-01-01 至 2024-01-31")
    })
  })
})
