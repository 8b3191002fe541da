/**
 * The quick reading of a query's date (`dayOf`) against core's `CivilDate`, and the quick JSON text of a
 * string (`quote`) against `JSON.stringify`. Dates: the same epoch day
 * for every good date, and before or after every date (as core's parse decides) for the rest.
 */
import { CivilDate } from "@gongzhi/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { quote } from "../src/internal/fields.js"
import { dayOf } from "../src/internal/state.js"

const slow = (date: string): number => {
  const parsed = CivilDate.make(date)
  if (parsed._tag === "Success") return CivilDate.toEpochDay(parsed.success)
  return date < "0001-01-01" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
}

const pad = (n: number, w: number) => String(n).padStart(w, "0")

describe("dayOf", () => {
  it("agrees with CivilDate on good dates and on strings shaped like dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (
          y,
          m,
          d
        ) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
          expect(dayOf(text)).toBe(slow(text))
        }
      ),
      { numRuns: 5000 }
    )
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 12 }), (text) => {
        expect(dayOf(text)).toBe(slow(text))
      }),
      { numRuns: 2000 }
    )
  })

  it("reads named boundary dates", () => {
    for (
      const text of ["0001-01-01", "1970-01-01", "2024-02-29", "2023-02-29", "9999-12-31", "0000-01-01", "2024-1-01",
        "2024-01-0a", "２０２４-01-01"]
    ) {
      expect(dayOf(text), text).toBe(slow(text))
    }
    expect(dayOf("1970-01-01")).toBe(0)
  })
})

describe("quote", () => {
  it("is JSON.stringify on any string (ASCII, quotes, backslashes, controls, Chinese, lone surrogates) and on other values", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.constantFrom("a\"b", "a\\b", "\u007f", "\u001f", "居民1", "\ud800")
        ),
        (text) => {
          expect(quote(text)).toBe(JSON.stringify(text))
        }
      ),
      { numRuns: 5000 }
    )
    for (const value of [1, -0, null, true, undefined, 1.5]) expect(quote(value)).toBe(JSON.stringify(value))
  })
})
