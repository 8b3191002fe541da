import { Result, Schema } from "effect"
import { pipe } from "effect/Function"
import { describe, expect, it } from "vitest"
import { Issue, ValidationReport } from "../src/index.js"

const error = (code: string) => Issue.make({ code, message: { zh: "错", en: "wrong" } })
const warning = (code: string) => Issue.make({ code, severity: "warning", message: { zh: "注意", en: "note" } })
const decode = <S extends Schema.Decoder<unknown>>(schema: S, input: unknown) => {
  const result = ValidationReport.decodeUnknown(schema)(input)
  return Result.isFailure(result) ? result.failure.issues : []
}

describe("ValidationReport", () => {
  describe("constructors and getters", () => {
    it("collects errors and warnings", () => {
      const report = ValidationReport.merge(ValidationReport.of(error("A")), ValidationReport.make([warning("B")]))
      expect(report.issues.map((i) => i.code)).toEqual(["A", "B"])
      expect(ValidationReport.errors(report).map((i) => i.code)).toEqual(["A"])
      expect(ValidationReport.warnings(report).map((i) => i.code)).toEqual(["B"])
      expect(ValidationReport.hasErrors(report)).toBe(true)
      expect(ValidationReport.isValid(ValidationReport.of(warning("B")))).toBe(true)
      expect(ValidationReport.isValid(ValidationReport.empty)).toBe(true)
      expect(ValidationReport.isValidationReport(report)).toBe(true)
      expect(ValidationReport.isValidationReport({ _tag: "ValidationReport" })).toBe(false)
      expect(Schema.is(ValidationReport.ValidationReport)(JSON.parse(JSON.stringify(report)))).toBe(true)
    })
    it("turns a report into a result", () => {
      expect(ValidationReport.toResult(ValidationReport.of(warning("B")), 1)).toEqual(Result.succeed(1))
      expect(pipe(ValidationReport.of(error("A")), ValidationReport.toResult(1))._tag).toBe("Failure")
    })
  })

  describe("formatting", () => {
    it("summarises and lists issues in zh and en", () => {
      const report = ValidationReport.of(
        Issue.make({ code: "X_EMPTY", path: ["name"], message: { zh: "不能为空", en: "must not be empty" } }),
        warning("W")
      )
      expect(ValidationReport.format(report, "en")).toBe(
        "1 error, 1 warning\n  error X_EMPTY at name: must not be empty\n  warning W: note"
      )
      expect(pipe(report, ValidationReport.format("zh"))).toBe(
        "1 个错误，1 个警告\n  错误 X_EMPTY（位置 name）：不能为空\n  警告 W：注意"
      )
      expect(ValidationReport.format(ValidationReport.of(error("A"), error("B")), "en").split("\n")[0]).toBe(
        "2 errors, 0 warnings"
      )
    })
  })

  describe("decoding", () => {
    it("reports all problems with paths and bilingual messages", () => {
      const Row = Schema.Struct({
        id: Schema.String,
        count: Schema.Int.check(Schema.isGreaterThan(0)),
        kind: Schema.Literals(["grid", "unit"]),
        tags: Schema.Array(Schema.String),
        nested: Schema.Struct({ flag: Schema.Boolean })
      })
      const issues = decode(Row, { id: 1, count: -1.5, kind: "x", tags: ["a", 2], nested: {}, extra: true })
      expect(issues.map((i) => [i.code, Issue.formatPath(i.path)])).toEqual([
        ["CORE_SCHEMA_UNEXPECTED_KEY", "extra"],
        ["CORE_SCHEMA_INVALID_TYPE", "id"],
        ["CORE_SCHEMA_INVALID_VALUE", "count"],
        ["CORE_SCHEMA_INVALID_VALUE", "count"],
        ["CORE_SCHEMA_NO_MATCHING_CASE", "kind"],
        ["CORE_SCHEMA_INVALID_TYPE", "tags[1]"],
        ["CORE_SCHEMA_MISSING_KEY", "nested.flag"]
      ])
      expect(issues[1]?.message).toEqual({ zh: "应为 字符串，实际为 1", en: "Expected string, got 1" })
      expect(issues[2]?.message.zh).toBe("值无效：应为 整数")
      expect(issues[3]?.message.zh).toBe("值无效：应为 大于 0 的数")
      expect(issues[4]?.message.en).toBe("Matches none of the allowed forms: \"grid\" | \"unit\"")
      expect(issues[0]?.message.zh).toBe("不认识的字段 extra（是否拼错？）")
    })
    it("describes long strings, nulls and arrays briefly", () => {
      expect(decode(Schema.Number, "x".repeat(100))[0]?.message.en).toMatch(/^Expected number, got "x{40}"… \(100\)$/)
      expect(decode(Schema.Number, null)[0]?.message.en).toBe("Expected number, got null")
      expect(decode(Schema.Number, [1, 2])[0]?.message.en).toBe("Expected number, got array(2)")
      expect(decode(Schema.String, { a: 1 })[0]?.message.zh).toBe("应为 字符串，实际为 object")
      expect(decode(Schema.Struct({ a: Schema.String }), 3)[0]?.message.zh).toBe("应为 对象，实际为 3")
      expect(decode(Schema.Array(Schema.String), 3)[0]?.message.zh).toBe("应为 数组，实际为 3")
      expect(decode(Schema.Union([Schema.String, Schema.Number]), true)[0]?.message.zh).toBe(
        "不符合任何一种允许的形式：字符串 | 数字"
      )
    })
    it("translates the built-in checks into Chinese", () => {
      const zh = (schema: Schema.Decoder<unknown>, input: unknown) => decode(schema, input)[0]?.message.zh
      expect(zh(Schema.Number.check(Schema.isGreaterThanOrEqualTo(1)), 0)).toBe("值无效：应为 不小于 1 的数")
      expect(zh(Schema.Number.check(Schema.isLessThan(1)), 2)).toBe("值无效：应为 小于 1 的数")
      expect(zh(Schema.Number.check(Schema.isLessThanOrEqualTo(1)), 2)).toBe("值无效：应为 不大于 1 的数")
      expect(zh(Schema.Number.check(Schema.isBetween({ minimum: 1, maximum: 5 })), 9)).toBe(
        "值无效：应为 介于 1 与 5 之间的数"
      )
      expect(zh(Schema.Number.check(Schema.isMultipleOf(5)), 9)).toBe("值无效：应为 5 的倍数")
      expect(zh(Schema.String.check(Schema.isMinLength(2)), "a")).toBe("值无效：应为 长度至少为 2")
      expect(zh(Schema.String.check(Schema.isMaxLength(2)), "abc")).toBe("值无效：应为 长度至多为 2")
      expect(zh(Schema.String.check(Schema.isBetweenLength(2, 3)), "a")).toBe("值无效：应为 长度介于 2 与 3 之间")
      expect(zh(Schema.String.check(Schema.isTrimmed()), " a")).toBe("值无效：应为 首尾没有空白的文字")
      expect(zh(Schema.String.check(Schema.isPattern(/^a+$/)), "b")).toMatch(/^值无效：应为 符合格式/)
      expect(zh(Schema.Number.check(Schema.isFinite()), Number.POSITIVE_INFINITY)).toBe("值无效：应为 有限数字")
      expect(zh(Schema.Array(Schema.Number).check(Schema.isUnique()), [1, 1])).toBe("值无效：应为 没有重复元素")
      expect(zh(Schema.String.check(Schema.makeFilter((s: string) => s === "ok" || "must be ok")), "no")).toBe(
        "值无效：应为 must be ok"
      )
    })
    it("can ignore unknown keys when asked", () => {
      const result = ValidationReport.decodeUnknown(Schema.Struct({ a: Schema.String }), {
        onExcessProperty: "ignore"
      })({ a: "x", b: 1 })
      expect(result).toEqual(Result.succeed({ a: "x" }))
    })
    it("converts a SchemaError from effect's own decoders", () => {
      const result = Schema.decodeUnknownResult(Schema.Struct({ name: Schema.String }))({}, { errors: "all" })
      expect(Result.isFailure(result) && ValidationReport.fromSchemaError(result.failure).issues[0]?.code).toBe(
        "CORE_SCHEMA_MISSING_KEY"
      )
      expect(
        Result.isFailure(result) && ValidationReport.fromSchemaIssue(result.failure.issue, ["doc"]).issues[0]?.path
      ).toEqual(["doc", "name"])
    })
    it("never throws: a schema that blows the stack becomes CORE_INPUT_TOO_COMPLEX", () => {
      interface Tree {
        readonly children: ReadonlyArray<Tree>
      }
      const Tree: Schema.Codec<Tree> = Schema.Struct({ children: Schema.Array(Schema.suspend(() => Tree)) })
      let deep: Tree = { children: [] }
      for (let i = 0; i < 200_000; i++) deep = { children: [deep] }
      const issues = decode(Tree, deep)
      expect(issues.map((i) => i.code)).toEqual(["CORE_INPUT_TOO_COMPLEX"])
    })
  })

  describe("errors", () => {
    it("getOrThrow unwraps or throws a DomainError carrying the report", () => {
      expect(ValidationReport.getOrThrow(Result.succeed(1))).toBe(1)
      const report = ValidationReport.of(error("A"))
      try {
        ValidationReport.getOrThrow(Result.fail(report))
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationReport.DomainError)
        expect((e as ValidationReport.DomainError).report).toBe(report)
        expect((e as Error).message).toBe("1 error, 0 warnings\n  error A: wrong")
      }
      expect(new ValidationReport.DomainError(report, "zh").message).toBe("1 个错误，0 个警告\n  错误 A：错")
    })
  })
})
