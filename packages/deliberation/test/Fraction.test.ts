import { ValidationReport } from "@gongzhi/core"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Fraction } from "../src/index.js"

const threshold = fc.record({
  denominator: fc.integer({ min: 1, max: 1000 }),
  numerator: fc.integer({ min: 0, max: 1000 }),
  strict: fc.boolean()
}).filter((t) => t.numerator <= t.denominator)

describe("Fraction", () => {
  describe("boundaries", () => {
    it("exactly half fails \"more than half\"", () => {
      expect(Fraction.meets(50, 100, Fraction.moreThanHalf)).toBe(false)
      expect(Fraction.meets(51, 100, Fraction.moreThanHalf)).toBe(true)
      expect(Fraction.meets(270, 539, Fraction.moreThanHalf)).toBe(true)
      expect(Fraction.meets(269, 539, Fraction.moreThanHalf)).toBe(false)
    })
    it("exactly two thirds passes \"≥ 2/3\"", () => {
      expect(Fraction.meets(2, 3, Fraction.twoThirds)).toBe(true)
      expect(Fraction.meets(666_666, 1_000_000, Fraction.twoThirds)).toBe(false)
      expect(Fraction.meets(666_667, 1_000_000, Fraction.twoThirds)).toBe(true)
    })
    it("exactly three quarters passes \"≥ 3/4\"", () => {
      expect(Fraction.meets(75, 100, Fraction.threeQuarters)).toBe(true)
      expect(Fraction.meets(74, 100, Fraction.threeQuarters)).toBe(false)
    })
    it("exactly four fifths passes \"≥ 4/5\"", () => {
      expect(Fraction.meets(4, 5, Fraction.fourFifths)).toBe(true)
    })
    it("works past the floating-point range of products", () => {
      const big = Number.MAX_SAFE_INTEGER
      expect(Fraction.meets(big - 1, big, Fraction.make(big - 1, big, false))).toBe(true)
      expect(Fraction.meets(big - 2, big, Fraction.make(big - 1, big, false))).toBe(false)
    })
    it("an empty whole meets nothing", () => {
      expect(Fraction.meets(0, 0, Fraction.make(0, 1, false))).toBe(false)
      expect(Fraction.needed(0, Fraction.moreThanHalf)).toBe(1)
    })
  })

  describe("needed", () => {
    it("is the least part that meets", () => {
      expect(() =>
        fc.assert(fc.property(threshold, fc.integer({ min: 1, max: 100_000 }), (t, whole) => {
          const n = Fraction.needed(whole, t)
          if (n <= whole) expect(Fraction.meets(n, whole, t)).toBe(true)
          if (n - 1 >= 0) expect(Fraction.meets(n - 1, whole, t)).toBe(false)
        }))
      ).not.toThrow()
    })
    it("neededJoining is the least number of joining yes votes", () => {
      expect(() =>
        fc.assert(
          fc.property(threshold, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (t, a, b) => {
            const part = Math.min(a, b)
            const whole = Math.max(a, b)
            const k = Fraction.neededJoining(part, whole, t)
            if (k === undefined) {
              expect(t.numerator).toBe(t.denominator)
              expect(Fraction.meets(part + 10_000, whole + 10_000, t)).toBe(false)
            } else {
              expect(Fraction.meets(part + k, whole + k, t)).toBe(true)
              if (k > 0) expect(Fraction.meets(part + k - 1, whole + k - 1, t)).toBe(false)
            }
          })
        )
      ).not.toThrow()
    })
  })

  describe("comparisons", () => {
    it("meets agrees with exact rational comparison", () => {
      expect(() =>
        fc.assert(
          fc.property(
            threshold,
            fc.integer({ min: 0, max: 1e9 }),
            fc.integer({ min: 1, max: 1e9 }),
            (t, part, whole) => {
              const l = BigInt(part) * BigInt(t.denominator)
              const r = BigInt(t.numerator) * BigInt(whole)
              expect(Fraction.meets(part, whole, t)).toBe(t.strict ? l > r : l >= r)
            }
          )
        )
      ).not.toThrow()
    })
    it("meets is monotone in the part", () => {
      expect(() =>
        fc.assert(
          fc.property(
            threshold,
            fc.integer({ min: 0, max: 1e6 }),
            fc.integer({ min: 1, max: 1e6 }),
            (t, part, whole) => {
              if (Fraction.meets(part, whole, t)) expect(Fraction.meets(part + 1, whole, t)).toBe(true)
            }
          )
        )
      ).not.toThrow()
    })
  })

  describe("formatting", () => {
    it("writes thresholds and percentages", () => {
      expect(Fraction.format(Fraction.twoThirds)).toBe("≥ 2/3")
      expect(Fraction.formatPercent(Fraction.moreThanHalf)).toBe("> 50%")
      expect(Fraction.formatPercent(Fraction.threeQuarters)).toBe("≥ 75%")
      expect(Fraction.percent(2, 3, "up")).toBe("66.7%")
      expect(Fraction.percent(2, 3, "nearest")).toBe("66.7%")
      expect(Fraction.percent(1, 3, "nearest")).toBe("33.3%")
      expect(Fraction.percent(0, 0, "nearest")).toBe("0%")
      expect(Fraction.percent(513, 1000, "down")).toBe("51.3%")
      expect(Fraction.percentAgainst(1, 2, Fraction.moreThanHalf)).toBe("50%")
      expect(Fraction.percentAgainst(49999, 100000, Fraction.moreThanHalf)).toBe("50%")
      expect(Fraction.percentAgainst(6666, 10000, Fraction.twoThirds)).toBe("66.6%")
      expect(Fraction.percentAgainst(2, 3, Fraction.twoThirds)).toBe("66.7%")
      expect(Fraction.percentAgainst(0, 0, Fraction.twoThirds)).toBe("0%")
    })
  })

  describe("percentAgainst", () => {
    it("never shows a figure that contradicts the verdict", () => {
      const tenths = (text: string) => Math.round(Number(text.replace("%", "")) * 10)
      expect(() =>
        fc.assert(
          fc.property(threshold, fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (t, a, b) => {
            const part = Math.min(a, b)
            const whole = Math.max(a, b)
            const shown = tenths(Fraction.percentAgainst(part, whole, t))
            const bar = tenths(Fraction.formatPercent(t).split(" ")[1]!)
            const looksMet = t.strict ? shown > bar : shown >= bar
            expect(looksMet).toBe(Fraction.meets(part, whole, t))
          })
        )
      ).not.toThrow()
    })
  })

  describe("schema", () => {
    it("refuses fractions above one and zero denominators", () => {
      const decode = ValidationReport.decodeUnknown(Fraction.Threshold)
      expect(decode({ numerator: 3, denominator: 2, strict: false })._tag).toBe("Failure")
      expect(decode({ numerator: 0, denominator: 0, strict: false })._tag).toBe("Failure")
      expect(decode({ numerator: -1, denominator: 2, strict: false })._tag).toBe("Failure")
      expect(Schema.is(Fraction.Threshold)({ numerator: 1, denominator: 2, strict: true })).toBe(true)
    })
  })
})
