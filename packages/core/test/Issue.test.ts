import { Result, Schema } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Issue, Label, ValidationReport } from "../src/index.js"

const messages = Issue.catalog({
  ORG_BRANCH_TOO_LARGE: {
    zh: "支部有 {actual} 名党员，超过 {max} 名",
    en: "The branch has {actual} members, more than {max}"
  },
  ORG_NO_SECRETARY: { zh: "没有书记", en: "There is no secretary" }
})

describe("Label", () => {
  it("makes, reads and fills labels", () => {
    const grid = Label.make("网格", "grid")
    expect(Label.get(grid, "zh")).toBe("网格")
    expect(pipe(grid, Label.get("en"))).toBe("grid")
    expect(Label.interpolate("{a} and {b} and {missing}", { a: 1, b: true })).toBe("1 and true and {missing}")
    expect(Label.interpolate("{toString}", {})).toBe("{toString}")
    expect(Label.render({ zh: "最多 {max} 人", en: "at most {max}" }, { max: 50 })).toEqual({
      zh: "最多 50 人",
      en: "at most 50"
    })
    expect(Label.langs).toEqual(["zh", "en"])
    expect(Schema.is(Label.Label)({ zh: "", en: "x" })).toBe(false)
  })

  it("fills a template as one replace of every {name} would, however often it is used", () => {
    const reference = (template: string, params: Record<string, Label.TemplateValue>) =>
      template.replace(
        /\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
        (whole, name: string) => Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
      )
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(
        "{a}",
        "{b}",
        "{max}",
        "{_x1}",
        "{1a}",
        "{}",
        "{",
        "}",
        "{a",
        "{{a}}",
        "{toString}",
        "{__proto__}",
        "$&",
        "$1"
      )
    )
    const value = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant("$&"))
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join("")),
        fc.dictionary(fc.constantFrom("a", "b", "max", "_x1", "toString"), value),
        (template, params) => {
          const expected = reference(template, params)
          expect(Label.interpolate(template, params)).toBe(expected)
          expect(Label.interpolate(template, params)).toBe(expected)
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe("Issue", () => {
  describe("constructors", () => {
    it("fills message templates from params and defaults to an error at the root", () => {
      const issue = Issue.make({ code: "X", params: { left: 2 }, message: { zh: "还可 {left} 分", en: "{left} left" } })
      expect(issue).toEqual({
        code: "X",
        path: [],
        severity: "error",
        params: { left: 2 },
        message: { zh: "还可 2 分", en: "2 left" }
      })
    })
    it("makes issues from a catalog with typed params", () => {
      const issue = messages.make("ORG_BRANCH_TOO_LARGE", {
        params: { actual: 212, max: 50 },
        severity: "warning",
        path: ["units", 4]
      })
      expect(issue.message.zh).toBe("支部有 212 名党员，超过 50 名")
      expect(Issue.isWarning(issue)).toBe(true)
      expect(Issue.isError(messages.make("ORG_NO_SECRETARY"))).toBe(true)
      expect(messages.codes).toEqual(["ORG_BRANCH_TOO_LARGE", "ORG_NO_SECRETARY"])
      // @ts-expect-error: the params of the template are required
      messages.make("ORG_BRANCH_TOO_LARGE", { params: { actual: 1 } })
      // @ts-expect-error: an unknown code does not compile
      expect(messages.make("ORG_NOPE").message).toEqual({ zh: "ORG_NOPE", en: "ORG_NOPE" })
    })
    it("types placeholders", () => {
      expectTypeOf<Issue.Placeholders<"{a} of {b}">>().toEqualTypeOf<"a" | "b">()
      expectTypeOf<Issue.Placeholders<"none">>().toEqualTypeOf<never>()
      expectTypeOf<Issue.Placeholders<"{a} of {b:label}">>().toEqualTypeOf<"a">()
      expectTypeOf<Issue.LabelPlaceholders<"{a} of {b:label} and {c:label}">>().toEqualTypeOf<"b" | "c">()
    })
    it("fills label placeholders per language and keeps params language-neutral", () => {
      const kinds = Issue.catalog({
        ORG_NOT_A_GRID: { zh: "{id} 不是网格（是{kind:label}）", en: "{id} is not a grid (it is a {kind:label})" },
        ORG_WRAPPED: { zh: "第 {row} 行：{reason:label}", en: "Row {row}: {reason:label}" }
      })
      const issue = kinds.make("ORG_NOT_A_GRID", {
        params: { id: "b-1", kind: "building" },
        labels: { kind: { zh: "楼栋", en: "building group" } },
        path: ["units", 2]
      })
      expect(issue).toEqual({
        code: "ORG_NOT_A_GRID",
        path: ["units", 2],
        severity: "error",
        params: { id: "b-1", kind: "building" },
        message: { zh: "b-1 不是网格（是楼栋）", en: "b-1 is not a grid (it is a building group)" }
      })
      // A label's text is not read again for placeholders, nor a param's.
      const wrapped = kinds.make("ORG_WRAPPED", {
        params: { row: "{reason:label}" },
        labels: { reason: { zh: "含 {row} 的文字", en: "text with {row}" } }
      })
      expect(wrapped.message).toEqual({
        zh: "第 {reason:label} 行：含 {row} 的文字",
        en: "Row {reason:label}: text with {row}"
      })
      // A param may carry the label's language-neutral value under the same name (kind: "building").
      // @ts-expect-error: the labels of the template are required
      kinds.make("ORG_NOT_A_GRID", { params: { id: "b-1", kind: "x" } })
    })
    it("never throws on labels a JavaScript caller gets wrong", () => {
      const kinds = Issue.catalog({ X: { zh: "是{kind:label}", en: "is {kind:label}" } })
      const make = kinds.make as (code: string, options?: unknown) => Issue.DomainIssue
      expect(make("X", { labels: { kind: null } }).message).toEqual({ zh: "是{kind:label}", en: "is {kind:label}" })
      expect(make("X", { labels: { kind: { zh: 1 } } }).message.zh).toBe("是{kind:label}")
      expect(make("X", { labels: Object.create({ kind: { zh: "继承", en: "inherited" } }) }).message.en).toBe(
        "is {kind:label}"
      )
      expect(make("X").message.en).toBe("is {kind:label}")
    })
  })

  describe("formatting", () => {
    it("formats paths like JavaScript and issues in both languages", () => {
      expect(Issue.formatPath(["rows", 3, "parentId"])).toBe("rows[3].parentId")
      expect(Issue.formatPath([0, "a-b", "c"])).toBe("[0][\"a-b\"].c")
      expect(Issue.formatPath([])).toBe("")
      const issue = Issue.make({
        code: "X_EMPTY",
        path: ["name"],
        message: { zh: "不能为空", en: "must not be empty" }
      })
      expect(Issue.format(issue, "en")).toBe("error X_EMPTY at name: must not be empty")
      expect(pipe(issue, Issue.format("zh"))).toBe("错误 X_EMPTY（位置 name）：不能为空")
      const root = Issue.make({ code: "W", severity: "warning", message: { zh: "注意", en: "note" } })
      expect(Issue.format(root, "zh")).toBe("警告 W：注意")
      expect(Issue.format(root, "en")).toBe("warning W: note")
    })
    it("prefixes paths", () => {
      const issue = Issue.make({ code: "X", path: ["id"], message: { zh: "错", en: "wrong" } })
      expect(Issue.prefixPath(issue, ["rows", 2]).path).toEqual(["rows", 2, "id"])
      expect(pipe(issue, Issue.prefixPath([]))).toBe(issue)
    })
  })

  describe("schema checks", () => {
    it("check() carries its issue through decoding", () => {
      const Members = Schema.Int.check(Issue.check((n: number) => n <= 50, messages.make("ORG_NO_SECRETARY")))
      const result = ValidationReport.decodeUnknown(Members)(212)
      expect(Result.isFailure(result) && result.failure.issues.map((i) => i.code)).toEqual(["ORG_NO_SECRETARY"])
      expect(ValidationReport.decodeUnknown(Members)(3)._tag).toBe("Success")
    })
    it("refine() places each error at its path and leaves warnings out", () => {
      const Range = Schema.Struct({ from: Schema.Int, to: Schema.Int }).check(Issue.refine((r) => [
        ...(r.to < r.from
          ? [Issue.make({ code: "END", path: ["to"], message: { zh: "结束早于开始", en: "ends first" } })]
          : []),
        Issue.make({ code: "NOTE", severity: "warning", message: { zh: "注意", en: "note" } })
      ]))
      const result = ValidationReport.decodeUnknown(Schema.Struct({ range: Range }))({ range: { from: 5, to: 1 } })
      expect(Result.isFailure(result) && result.failure.issues.map((i) => [i.code, i.path])).toEqual([["END", ["range",
        "to"]]])
      expect(ValidationReport.decodeUnknown(Range)({ from: 1, to: 5 })._tag).toBe("Success")
    })
    it("reads carried issues back from annotations", () => {
      const issue = messages.make("ORG_NO_SECRETARY")
      expect(Issue.fromAnnotations({ [Issue.annotationKey]: issue })).toEqual(issue)
      expect(Issue.fromAnnotations({ [Issue.annotationKey]: { code: 1 } })).toBeUndefined()
      expect(Issue.fromAnnotations(null)).toBeUndefined()
    })
  })

  describe("describeCause", () => {
    it("names an Error by its name and message, a string by itself, anything else by its type", () => {
      expect(Issue.describeCause(new TypeError("x is not a function"))).toBe("TypeError: x is not a function")
      class PluginError extends Error {
        override name = "PluginError"
      }
      expect(Issue.describeCause(new PluginError("bad config"))).toBe("PluginError: bad config")
      expect(Issue.describeCause("boom")).toBe("boom")
      // never an object's own text: a toString may carry anything (or throw)
      expect(Issue.describeCause({ toString: () => "张三 13800138000" })).toBe("object")
      expect(Issue.describeCause(42)).toBe("number")
      expect(Issue.describeCause(undefined)).toBe("undefined")
      expect(Issue.describeCause(null)).toBe("object")
      expect(Issue.describeCause(Symbol("s"))).toBe("symbol")
    })
    it("cuts a long message at 200 characters, never inside a surrogate pair", () => {
      expect(Issue.describeCause("x".repeat(500))).toBe(`${"x".repeat(200)}…`)
      expect(Issue.describeCause(new Error("y".repeat(300)))).toBe(`Error: ${"y".repeat(200)}…`)
      const pairs = `${"a".repeat(199)}${"😀".repeat(10)}`
      expect(Issue.describeCause(pairs)).toBe(`${"a".repeat(199)}…`)
      expect(Issue.describeCause("z".repeat(200))).toBe("z".repeat(200))
    })
    it("never throws, whatever was thrown", () => {
      const hostile = new Proxy({}, {
        getPrototypeOf: () => {
          throw new Error("trap")
        }
      })
      expect(Issue.describeCause(hostile)).toBe("unknown")
      const badName = new Error("m")
      Object.defineProperty(badName, "name", {
        get: () => {
          throw new Error("getter")
        }
      })
      expect(Issue.describeCause(badName)).toBe("unknown")
      fc.assert(fc.property(fc.anything(), (cause) => typeof Issue.describeCause(cause) === "string"))
    })
  })
})
