import { Result } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Fen, ValidationReport } from "../src/index.js"

const f = Fen.makeUnsafe
const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
const code = <A>(result: Result.Result<A, ValidationReport.ValidationReport>) =>
  Result.isFailure(result) ? result.failure.issues[0]?.code : undefined

describe("Fen", () => {
  describe("constructors", () => {
    it("accepts whole fen and converts whole yuan", () => {
      expect(Fen.make(150)).toEqual(Result.succeed(150))
      expect(code(Fen.make(1.5))).toBe("CORE_AMOUNT_NOT_SAFE_INTEGER")
      expect(Fen.fromYuan(300_000)).toEqual(Result.succeed(30_000_000))
      expect(code(Fen.fromYuan(0.5))).toBe("CORE_AMOUNT_NOT_SAFE_INTEGER")
      expect(code(Fen.fromYuan(Number.MAX_SAFE_INTEGER))).toBe("CORE_AMOUNT_OVERFLOW")
      expect(() => f(Number.NaN)).toThrow()
    })
  })

  describe("math", () => {
    it("adds up 名泉's 15 units at 20,000 yuan each to 300,000 yuan", () => {
      const each = Result.getOrThrow(Fen.fromYuan(20_000))
      expect(Fen.sum(Array.from({ length: 15 }, () => each))).toEqual(Result.succeed(30_000_000))
      expect(Fen.multiply(each, 15)).toEqual(Result.succeed(30_000_000))
      expect(pipe(each, Fen.multiply(15))).toEqual(Result.succeed(30_000_000))
    })
    it("adds, subtracts and negates in both call styles; reports overflow", () => {
      expect(pipe(f(400), Fen.add(f(100)))).toEqual(Result.succeed(500))
      expect(pipe(f(400), Fen.subtract(f(100)))).toEqual(Result.succeed(300))
      expect(Fen.negate(f(100))).toBe(-100)
      expect(code(Fen.add(f(Number.MAX_SAFE_INTEGER), f(1)))).toBe("CORE_AMOUNT_OVERFLOW")
      expect(code(Fen.subtract(f(Number.MIN_SAFE_INTEGER), f(1)))).toBe("CORE_AMOUNT_OVERFLOW")
      expect(code(Fen.multiply(f(3), 0.5))).toBe("CORE_AMOUNT_NOT_SAFE_INTEGER")
      expect(code(Fen.sum([f(Number.MAX_SAFE_INTEGER), f(1)]))).toBe("CORE_AMOUNT_OVERFLOW")
    })
    it("subtract undoes add wherever add succeeds (property)", () => {
      fc.assert(fc.property(safeInt, safeInt, (a, b) => {
        const added = Fen.add(f(a), f(b))
        if (Result.isSuccess(added)) expect(Fen.subtract(added.success, f(b))).toEqual(Result.succeed(a))
        else expect(Number.isSafeInteger(a + b)).toBe(false)
      }))
    })
  })

  describe("formatting", () => {
    it("writes yuan with sign, separators and two decimals", () => {
      expect(Fen.format(f(30_000_000))).toBe("¥300,000.00")
      expect(Fen.format(f(123_450))).toBe("¥1,234.50")
      expect(Fen.format(f(-5))).toBe("-¥0.05")
      expect(Fen.format(Fen.zero)).toBe("¥0.00")
      expect(Fen.toYuanString(f(123_450))).toBe("1234.50")
      expect(Fen.toYuanString(f(-7))).toBe("-0.07")
    })
    it("writes 万元 exactly", () => {
      expect(Fen.formatWan(f(30_000_000))).toBe("30万元")
      expect(Fen.formatWan(f(1_500_000))).toBe("1.5万元")
      expect(Fen.formatWan(f(123_456_7))).toBe("1.234567万元")
      expect(Fen.formatWan(f(-70_000_000))).toBe("-70万元")
    })
  })

  describe("parsing", () => {
    it("reads what people type", () => {
      const cases: ReadonlyArray<readonly [string, number]> = [
        ["30万元", 30_000_000],
        ["30万", 30_000_000],
        ["300000元", 30_000_000],
        ["300,000元整", 30_000_000],
        ["¥1,234.50", 123_450],
        ["￥1,234.50", 123_450],
        ["RMB 88", 8_800],
        ["1234.5", 123_450],
        ["0.01", 1],
        ["1.5万元", 1_500_000],
        ["1.234567万元", 1_234_567],
        ["1.5亿", 15_000_000_000],
        ["-12.5", -1_250],
        ["９９９元", 99_900],
        ["70万元", 70_000_000],
        ["5块", 500]
      ]
      for (const [text, fen] of cases) expect([text, Fen.parse(text)]).toEqual([text, Result.succeed(fen)])
    })
    it("rejects ambiguous, too precise, empty and foreign input, each with its own code", () => {
      expect(code(Fen.parse(""))).toBe("CORE_FEN_PARSE_EMPTY")
      expect(code(Fen.parse("  "))).toBe("CORE_FEN_PARSE_EMPTY")
      expect(code(Fen.parse("1,23"))).toBe("CORE_FEN_PARSE_AMBIGUOUS")
      expect(code(Fen.parse("1.234,50"))).toBe("CORE_FEN_PARSE_AMBIGUOUS")
      expect(code(Fen.parse("12,5"))).toBe("CORE_FEN_PARSE_AMBIGUOUS")
      expect(code(Fen.parse("12.345"))).toBe("CORE_FEN_PARSE_TOO_PRECISE")
      expect(code(Fen.parse("1.2345678万"))).toBe("CORE_FEN_PARSE_TOO_PRECISE")
      expect(code(Fen.parse("abc"))).toBe("CORE_FEN_PARSE_INVALID")
      expect(code(Fen.parse("1e5"))).toBe("CORE_FEN_PARSE_INVALID")
      expect(code(Fen.parse("30万5千"))).toBe("CORE_FEN_PARSE_INVALID")
      expect(code(Fen.parse("元"))).toBe("CORE_FEN_PARSE_INVALID")
      expect(code(Fen.parse("1.2.3"))).toBe("CORE_FEN_PARSE_INVALID")
      expect(code(Fen.parse("99999999999999999亿"))).toBe("CORE_AMOUNT_OVERFLOW")
    })
    it("explains an ambiguous input in both languages", () => {
      const result = Fen.parse("1,23")
      expect(Result.isFailure(result) && result.failure.issues[0]?.message).toEqual({
        zh: "\"1,23\" 有歧义：千分位应写成 1,234，小数点用“.”",
        en: "\"1,23\" is ambiguous: write thousands as 1,234 and decimals with a point"
      })
    })
    it("parse ∘ format, parse ∘ toYuanString and parse ∘ formatWan are the identity (property)", () => {
      fc.assert(fc.property(safeInt, (n) => {
        expect(Fen.parse(Fen.format(f(n)))).toEqual(Result.succeed(n))
        expect(Fen.parse(Fen.toYuanString(f(n)))).toEqual(Result.succeed(n))
        expect(Fen.parse(Fen.formatWan(f(n)))).toEqual(Result.succeed(n))
      }))
    })
  })
})
