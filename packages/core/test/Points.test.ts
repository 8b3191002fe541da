import { Result } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Points } from "../src/index.js"

const p = Points.makeUnsafe
const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
const small = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })

describe("Points", () => {
  describe("constructors", () => {
    it("accepts whole numbers and rejects fractions, NaN and unsafe integers", () => {
      expect(Points.make(400)).toEqual(Result.succeed(400))
      for (const bad of [0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
        const result = Points.make(bad)
        expect(Result.isFailure(result)).toBe(true)
        if (Result.isFailure(result)) expect(result.failure.issues[0]?.code).toBe("CORE_AMOUNT_NOT_SAFE_INTEGER")
      }
    })
    it("makeUnsafe throws a DomainError on a bad literal", () => {
      expect(() => Points.makeUnsafe(1.5)).toThrow(/CORE_AMOUNT_NOT_SAFE_INTEGER/)
    })
  })

  describe("math", () => {
    it("adds 哈安喜's 400 and 周玉宏's 320 to 720, in both call styles", () => {
      expect(Points.add(p(400), p(320))).toEqual(Result.succeed(720))
      expect(pipe(p(400), Points.add(p(320)))).toEqual(Result.succeed(720))
      expect(pipe(p(400), Points.subtract(p(320)))).toEqual(Result.succeed(80))
      expect(pipe(p(4), Points.multiply(3))).toEqual(Result.succeed(12))
    })
    it("reports overflow instead of returning a wrong number", () => {
      const max = p(Number.MAX_SAFE_INTEGER)
      const overflow = Points.add(max, p(1))
      expect(Result.isFailure(overflow) && overflow.failure.issues[0]?.code).toBe("CORE_AMOUNT_OVERFLOW")
      expect(Result.isFailure(Points.subtract(p(Number.MIN_SAFE_INTEGER), p(1)))).toBe(true)
      expect(Result.isFailure(Points.multiply(max, 2))).toBe(true)
      expect(Result.isFailure(Points.multiply(p(2), 0.5))).toBe(true)
      expect(Result.isFailure(Points.sum([max, p(1), p(-5)]))).toBe(true)
    })
    it("sums nothing to zero and negates", () => {
      expect(Points.sum([])).toEqual(Result.succeed(0))
      expect(Points.negate(p(20))).toBe(-20)
      expect(Object.is(Points.negate(Points.zero), 0)).toBe(true)
    })
    it("addition is associative and commutative wherever it succeeds (property)", () => {
      fc.assert(fc.property(small, small, small, (a, b, c) => {
        const left = Result.flatMap(Points.add(p(a), p(b)), (ab) => Points.add(ab, p(c)))
        const right = Result.flatMap(Points.add(p(b), p(c)), (bc) => Points.add(p(a), bc))
        expect(left).toEqual(right)
        expect(Points.add(p(a), p(b))).toEqual(Points.add(p(b), p(a)))
      }))
    })
    it("detects every overflow and never returns an unsafe number (property)", () => {
      fc.assert(fc.property(safeInt, safeInt, (a, b) => {
        const result = Points.add(p(a), p(b))
        if (Number.isSafeInteger(a + b)) expect(result).toEqual(Result.succeed(a + b))
        else expect(Result.isFailure(result)).toBe(true)
      }))
    })
  })

  describe("formatting and parsing", () => {
    it("formats with thousands separators and words", () => {
      expect(Points.format(p(12345))).toBe("12,345")
      expect(Points.format(p(-1234))).toBe("-1,234")
      expect(Points.label(p(400))).toEqual({ zh: "400 分", en: "400 points" })
      expect(Points.label(p(1)).en).toBe("1 point")
    })
    it("parses what people type", () => {
      for (
        const [text, value] of [["400", 400], ["1,234", 1234], ["400分", 400], ["400 积分", 400], ["-20", -20], ["１２",
          12], ["30 points", 30]] as const
      ) {
        expect(Points.parse(text)).toEqual(Result.succeed(value))
      }
    })
    it("rejects empty, fractional, ambiguous and non-numeric input with its own code", () => {
      const code = (text: string) => {
        const result = Points.parse(text)
        return Result.isFailure(result) ? result.failure.issues[0]?.code : undefined
      }
      expect(code(" ")).toBe("CORE_POINTS_PARSE_EMPTY")
      expect(code("12.5")).toBe("CORE_POINTS_PARSE_NOT_INTEGER")
      expect(code("1,23")).toBe("CORE_POINTS_PARSE_AMBIGUOUS")
      expect(code("abc")).toBe("CORE_POINTS_PARSE_INVALID")
      expect(code("1e5")).toBe("CORE_POINTS_PARSE_INVALID")
    })
    it("parse ∘ format is the identity (property)", () => {
      fc.assert(fc.property(safeInt, (n) => {
        expect(Points.parse(Points.format(p(n)))).toEqual(Result.succeed(n))
      }))
    })
  })
})
