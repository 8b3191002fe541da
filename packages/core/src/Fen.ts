/**
 * Money in fen (分, 1/100 yuan) as whole numbers, with checked arithmetic, and the
 * ways money is written in China: `¥300,000.00`, `30万元`, `300000元`.
 *
 * @since 0.1.0
 */
import { dual } from "effect/Function"
import * as Ord from "effect/Order"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Amount from "./internal/integerAmount.js"
import { describeValue } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import * as ValidationReport from "./ValidationReport.js"

const kind: Amount.AmountKind = { unit: { zh: "金额（分）", en: "money in fen" } }

/**
 * The messages of money parsing.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.messages.codes.includes("CORE_FEN_PARSE_AMBIGUOUS")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CORE_FEN_PARSE_EMPTY: { zh: "金额不能为空", en: "The amount must not be empty" },
  CORE_FEN_PARSE_INVALID: {
    zh: "{input} 不是金额（可写成 30万元、300000元、¥1,234.50 或 1234.5）",
    en: "{input} is not an amount of money (write 30万元, 300000元, ¥1,234.50 or 1234.5)"
  },
  CORE_FEN_PARSE_AMBIGUOUS: {
    zh: "{input} 有歧义：千分位应写成 1,234，小数点用“.”",
    en: "{input} is ambiguous: write thousands as 1,234 and decimals with a point"
  },
  CORE_FEN_PARSE_TOO_PRECISE: {
    zh: "{input} 精确到了分以下，无法表示",
    en: "{input} is more precise than one fen and cannot be represented"
  }
})

/**
 * Schema of an amount of money in fen: a safe integer (negative for refunds and corrections).
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Fen.Fen)(30_000_000), Schema.is(Fen.Fen)(0.5)) // true false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Fen = Amount.safeIntegerSchema(kind).pipe(Schema.brand("Fen")).annotate({
  identifier: "Fen",
  description: "Money in fen (1/100 yuan), a whole number",
  "gongzhi/expected": { zh: "以分计的整数金额", en: "a whole number of fen" }
})

/**
 * Money in fen (1/100 yuan), a whole number.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * const funds: Fen.Fen = Fen.makeUnsafe(30_000_000)
 * console.log(Fen.formatWan(funds)) // "30万元"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Fen = typeof Fen.Type

/**
 * Schema of an amount of money that is zero or more.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Fen.NonNegativeFen)(-100)) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const NonNegativeFen = Fen.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * No money.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.zero) // 0
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const zero: Fen = 0 as Fen

/**
 * Checks that a number is a whole number of fen.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.make(150)._tag, Fen.make(1.5)._tag) // "Success Failure"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (value: number): Result.Result<Fen, ValidationReport.ValidationReport> =>
  Number.isSafeInteger(value)
    ? Result.succeed(value as Fen)
    : Result.fail(ValidationReport.of(Amount.notSafeInteger(kind)))

/**
 * A whole number of fen known to be good (a literal in code); throws a `DomainError` otherwise.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * const funds = Fen.makeUnsafe(30_000_000) // 300,000 yuan
 * console.log(Fen.format(funds)) // "¥300,000.00"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeUnsafe = (value: number): Fen => ValidationReport.getOrThrow(make(value))

/**
 * Whole yuan as fen (× 100), checked.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.fromYuan(300_000)) // Success 30000000
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromYuan = (yuan: number): Result.Result<Fen, ValidationReport.ValidationReport> =>
  Number.isSafeInteger(yuan)
    ? Amount.checked<Fen>(kind, yuan * 100, "fromYuan")
    : Result.fail(ValidationReport.of(Amount.notSafeInteger(kind)))

/**
 * Adds two amounts; fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.add(Fen.makeUnsafe(150), Fen.makeUnsafe(250))) // Success 400
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const add: {
  (that: Fen): (self: Fen) => Result.Result<Fen, ValidationReport.ValidationReport>
  (self: Fen, that: Fen): Result.Result<Fen, ValidationReport.ValidationReport>
} = dual(2, (self: Fen, that: Fen) => Amount.checked<Fen>(kind, self + that, "add"))

/**
 * Subtracts `that` from `self`; fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.subtract(Fen.makeUnsafe(400), Fen.makeUnsafe(150))) // Success 250
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const subtract: {
  (that: Fen): (self: Fen) => Result.Result<Fen, ValidationReport.ValidationReport>
  (self: Fen, that: Fen): Result.Result<Fen, ValidationReport.ValidationReport>
} = dual(2, (self: Fen, that: Fen) => Amount.checked<Fen>(kind, self - that, "subtract"))

/**
 * Multiplies by a whole number (e.g. 15 units × 20,000 yuan); fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.multiply(Fen.makeUnsafe(2_000_000), 15)) // Success 30000000
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const multiply: {
  (factor: number): (self: Fen) => Result.Result<Fen, ValidationReport.ValidationReport>
  (self: Fen, factor: number): Result.Result<Fen, ValidationReport.ValidationReport>
} = dual(2, (self: Fen, factor: number) =>
  Number.isSafeInteger(factor)
    ? Amount.checked<Fen>(kind, self * factor, "multiply")
    : Result.fail(ValidationReport.of(Amount.notSafeInteger(kind))))

/**
 * Adds up any number of amounts (zero for none); fails instead of losing precision.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.sum([100, 250].map(Fen.makeUnsafe))) // Success 350
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const sum = (values: Iterable<Fen>): Result.Result<Fen, ValidationReport.ValidationReport> =>
  Amount.sum<Fen>(kind, values)

/**
 * The amount with its sign turned round.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.negate(Fen.makeUnsafe(100))) // -100
 * ```
 *
 * @category math
 * @since 0.1.0
 */
export const negate = (self: Fen): Fen => (self === 0 ? 0 : -self) as Fen

/**
 * The order of amounts, smallest first.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 * import { Array } from "effect"
 *
 * console.log(Array.sort([500, 100].map(Fen.makeUnsafe), Fen.Order)) // [100, 500]
 * ```
 *
 * @category ordering
 * @since 0.1.0
 */
export const Order: Ord.Order<Fen> = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

const group = (digitsText: string): string => digitsText.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/**
 * Writes an amount in yuan with the yuan sign, thousands separators and two decimals: `¥300,000.00`.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.format(Fen.makeUnsafe(123_450))) // "¥1,234.50"
 * console.log(Fen.format(Fen.makeUnsafe(-5))) // "-¥0.05"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (self: Fen): string => {
  const abs = Math.abs(self)
  const yuan = Math.floor(abs / 100)
  const fen = abs % 100
  return `${self < 0 ? "-" : ""}¥${group(String(yuan))}.${String(fen).padStart(2, "0")}`
}

/**
 * Writes an amount in yuan without sign or separators, for files: `1234.50`.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.toYuanString(Fen.makeUnsafe(123_450))) // "1234.50"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const toYuanString = (self: Fen): string => {
  const abs = Math.abs(self)
  return `${self < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

/**
 * Writes an amount in 万元 (ten thousand yuan), exact, without trailing zeros: `30万元`, `1.234567万元`.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.formatWan(Fen.makeUnsafe(30_000_000))) // "30万元"
 * console.log(Fen.formatWan(Fen.makeUnsafe(75_000_000))) // "75万元"
 * console.log(Fen.formatWan(Fen.makeUnsafe(1_500_000))) // "1.5万元"
 * ```
 *
 * @category formatting
 * @since 0.1.0
 */
export const formatWan = (self: Fen): string => {
  const abs = Math.abs(self)
  const whole = Math.floor(abs / 1_000_000)
  const rest = abs % 1_000_000
  const fraction = rest === 0 ? "" : `.${String(rest).padStart(6, "0").replace(/0+$/, "")}`
  return `${self < 0 ? "-" : ""}${whole}${fraction}万元`
}

const plainYuan = /^(\d{1,13})(?:\.(\d{1,2}))?$/
// Full-width forms (１２３，．￥) are folded to ASCII before reading
const fullWidth = /[\uFF00-\uFFEF\u3000]/

const units: ReadonlyArray<readonly [RegExp, number]> = [
  [/(亿元|亿)$/, 8],
  [/(万元|万)$/, 4],
  [/(元整|元|块钱|块)$/, 0]
]

/**
 * Reads money as people type it — `30万元`, `300000元`, `¥1,234.50`, `1234.5`, `1.5亿` — into fen.
 * Anything that could be read two ways (`1,23`, `1.234,50`) or is finer than a fen is
 * rejected with a clear message instead of guessed.
 *
 * @example
 * ```ts
 * import { Fen } from "@gongzhi/core"
 *
 * console.log(Fen.parse("30万元")) // Success 30000000
 * console.log(Fen.parse("¥1,234.50")) // Success 123450
 * const bad = Fen.parse("1.234,50")
 * if (bad._tag === "Failure") console.log(bad.failure.issues[0]?.code) // "CORE_FEN_PARSE_AMBIGUOUS"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const parse = (text: string): Result.Result<Fen, ValidationReport.ValidationReport> => {
  if (typeof text !== "string") {
    return Result.fail(
      ValidationReport.of(messages.make("CORE_FEN_PARSE_INVALID", { params: { input: describeValue(text) } }))
    )
  }
  // Fast path: plain yuan such as "1234" or "1234.5" (most cells of a spreadsheet)
  const quick = plainYuan.exec(text)
  if (quick !== null) {
    const value = Number(quick[1]) * 100 + (quick[2] === undefined ? 0 : Number(quick[2].padEnd(2, "0")))
    if (Number.isSafeInteger(value)) return Result.succeed(value as Fen)
  }
  const fail = (code: keyof typeof messages.templates) =>
    Result.fail(ValidationReport.of(messages.make(code, { params: { input: JSON.stringify(text) } })))
  let s = (fullWidth.test(text) ? text.normalize("NFKC") : text).trim()
  if (s === "") return fail("CORE_FEN_PARSE_EMPTY")
  let negative = false
  if (s.startsWith("-") || s.startsWith("−")) {
    negative = true
    s = s.slice(1).trim()
  }
  s = s.replace(/^(¥|RMB|CNY|人民币)\s*/i, "")
  let exponent = 0
  for (const [unit, power] of units) {
    if (unit.test(s)) {
      s = s.replace(unit, "").trim()
      exponent = power
      break
    }
  }
  if (s === "") return fail("CORE_FEN_PARSE_INVALID")
  const plain = /^(\d+)(?:\.(\d+))?$/.exec(s)
  const grouped = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(s)
  const match = plain ?? grouped
  if (match === null) {
    return /^[\d.,]+$/.test(s) && s.includes(",") ? fail("CORE_FEN_PARSE_AMBIGUOUS") : fail("CORE_FEN_PARSE_INVALID")
  }
  const integerDigits = match[1]!.replaceAll(",", "")
  const fractionDigits = match[2] ?? ""
  const scale = exponent + 2 // digits after the yuan point that a fen still holds
  if (fractionDigits.replace(/0+$/, "").length > scale) return fail("CORE_FEN_PARSE_TOO_PRECISE")
  const fen = BigInt(integerDigits + fractionDigits.padEnd(scale, "0").slice(0, scale))
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    return Amount.checked<Fen>(kind, Number.POSITIVE_INFINITY, "parse")
  }
  const value = Number(fen)
  return Result.succeed((negative && value !== 0 ? -value : value) as Fen)
}
