import { Array as Arr, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Instant, ValidationReport } from "../src/index.js"

const i = Instant.makeUnsafe
const code = <A>(result: Result.Result<A, ValidationReport.ValidationReport>) =>
  Result.isFailure(result) ? result.failure.issues[0]?.code : undefined

describe("Instant", () => {
  describe("constructors", () => {
    it("accepts ISO-8601 date-times with Z or an offset, with or without seconds and fractions", () => {
      for (
        const ok of ["2024-03-01T09:30:00+08:00", "2024-03-01T01:30:00Z", "2024-03-01T09:30+08:00",
          "2024-03-01T09:30:00.123456Z"]
      ) {
        expect(Instant.make(ok)._tag).toBe("Success")
      }
    })
    it("rejects missing offsets, other spellings and impossible times", () => {
      expect(code(Instant.make("2024-03-01T09:30:00"))).toBe("CORE_INSTANT_FORMAT")
      expect(code(Instant.make("2024-03-01 09:30:00Z"))).toBe("CORE_INSTANT_FORMAT")
      expect(code(Instant.make("2024-03-01T24:00:00Z"))).toBe("CORE_INSTANT_INVALID")
      expect(code(Instant.make("2023-02-29T10:00:00Z"))).toBe("CORE_INSTANT_INVALID")
      expect(code(Instant.make("2024-03-01T10:00:00+15:00"))).toBe("CORE_INSTANT_INVALID")
      expect(() => i("yesterday")).toThrow(/CORE_INSTANT_FORMAT/)
      expect(ValidationReport.decodeUnknown(Instant.Instant)("2024-03-01T09:30:00+08:00")._tag).toBe("Success")
    })
  })

  describe("conversions", () => {
    it("computes epoch milliseconds whatever the offset", () => {
      expect(Instant.toEpochMillis(i("1970-01-01T08:00:00+08:00"))).toBe(0)
      expect(Instant.toEpochMillis(i("1969-12-31T19:00:00-05:00"))).toBe(0)
      expect(Instant.toEpochMillis(i("2024-03-01T01:30:00.5Z"))).toBe(Date.UTC(2024, 2, 1, 1, 30, 0, 500))
      expect(Instant.fromEpochMillis(0)).toEqual(Result.succeed("1970-01-01T00:00:00.000Z"))
      expect(code(Instant.fromEpochMillis(0.5))).toBe("CORE_INSTANT_INVALID")
    })
    it("fromEpochMillis ∘ toEpochMillis is the identity (property)", () => {
      fc.assert(fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        const instant = Result.getOrThrow(Instant.fromEpochMillis(ms))
        expect(Instant.toEpochMillis(instant)).toBe(ms)
        expect(new Date(ms).toISOString()).toBe(instant)
      }))
    })
    it("finds the calendar date in Beijing by default and at any offset", () => {
      const late = i("2024-02-29T20:00:00Z")
      expect(Instant.toCivilDate(late)).toBe("2024-03-01")
      expect(Instant.toCivilDate(late, 0)).toBe("2024-02-29")
      expect(Instant.toCivilDate(i("2024-03-01T00:30:00+08:00"), -300)).toBe("2024-02-29")
    })
  })

  describe("ordering", () => {
    it("orders by the time denoted, not the text", () => {
      expect(Instant.compare(i("2024-03-01T09:00:00+08:00"), i("2024-03-01T01:00:00Z"))).toBe(0)
      expect(Instant.compare(i("2024-03-01T09:00:00+08:00"), i("2024-03-01T01:00:01Z"))).toBe(-1)
      const sorted = Arr.sort(["2024-03-01T02:00:00Z", "2024-03-01T09:00:00+08:00"].map(i), Instant.Order)
      expect(sorted[0]).toBe("2024-03-01T09:00:00+08:00")
    })
  })
})
