import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Id, ValidationReport } from "../src/index.js"

const codes = (input: unknown, schema: Schema.Decoder<unknown> = Id.OrgUnitId) => {
  const result = ValidationReport.decodeUnknown(schema)(input)
  return Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []
}

describe("Id", () => {
  describe("ids", () => {
    it("accepts ordinary ids, Chinese included", () => {
      for (const ok of ["hongan-gc-01", "红安-网格-017", "a", "x".repeat(128)]) expect(codes(ok)).toEqual([])
    })
    it("reports every problem of a bad id at once", () => {
      expect(codes("")).toEqual(["CORE_ID_EMPTY"])
      expect(codes("x".repeat(129))).toEqual(["CORE_ID_TOO_LONG"])
      expect(codes(" a\n")).toEqual(["CORE_ID_CONTROL_CHARACTER", "CORE_ID_UNTRIMMED"])
      expect(codes("a\u0000b")).toEqual(["CORE_ID_CONTROL_CHARACTER"])
      expect(codes(` ${"x".repeat(200)}`)).toEqual(["CORE_ID_TOO_LONG", "CORE_ID_UNTRIMMED"])
      expect(codes(42)).toEqual(["CORE_SCHEMA_INVALID_TYPE"])
    })
    it("has a quick check that agrees with the full one on every string", () => {
      // the full rule, written out: length, control characters, nothing trim removes
      const good = (v: string, max: number) =>
        // oxlint-disable-next-line no-control-regex -- the rule under test forbids control characters
        v.length > 0 && v.length <= max && !/[\u0000-\u001F\u007F-\u009F]/.test(v) && v.trim() === v
      const char = fc.oneof(
        fc.constantFrom(
          " ",
          "\t",
          "\n",
          "\u0000",
          "\u001f",
          "\u007f",
          "\u0085",
          "\u009f",
          "\u00a0",
          "\u3000",
          "\ufeff",
          "\u2028",
          "网",
          "a",
          "-"
        ),
        fc.string({ unit: "binary", minLength: 1, maxLength: 1 })
      )
      fc.assert(
        fc.property(
          fc.array(char, { maxLength: 8 }).map((cs) => cs.join("")),
          fc.integer({ min: 1, max: 10 }),
          (v, max) => {
            expect(Id.isValid(v, { maxLength: max })).toBe(good(v, max))
            expect(Id.validate(v, { maxLength: max }).length === 0).toBe(good(v, max))
          }
        ),
        { numRuns: 3000 }
      )
      for (const bad of ["网格一\u3000", "\u3000网格一", "g\u00a0", "\ufeffg", "g\u0085x"]) {
        expect(Id.isValid(bad)).toBe(false)
        expect(Id.validate(bad).length).toBeGreaterThan(0)
      }
      expect(Id.isValid("红安-网格-017")).toBe(true)
      expect(Id.validate("红安-网格-017")).toBe(Id.validate("gc-1"))
    })
    it("names the id kind in messages", () => {
      const result = ValidationReport.decodeUnknown(Id.MemberId)("")
      expect(Result.isFailure(result) && result.failure.issues[0]?.message).toEqual({
        zh: "人员编号不能为空",
        en: "The member id must not be empty"
      })
    })
    it("ships the ids used across packages", () => {
      for (
        const schema of [Id.OrgUnitId, Id.MemberId, Id.UnitId, Id.AccountId, Id.GridId, Id.AgreementId, Id.SubjectId]
      ) {
        expect(codes("ok-1", schema)).toEqual([])
        expect(codes("", schema)).toEqual(["CORE_ID_EMPTY"])
      }
    })
  })

  describe("constructors", () => {
    it("defines new id kinds with their own label and length", () => {
      const WishId = Id.make("WishId", { maxLength: 8, label: { zh: "微心愿编号", en: "micro-wish id" } })
      expect(codes("123456789", WishId)).toEqual(["CORE_ID_TOO_LONG"])
      expect(WishId.make("w-1")).toBe("w-1")
      expect(() => WishId.make("")).toThrow()
      const Plain = Id.make("PlainId")
      const result = ValidationReport.decodeUnknown(Plain)("")
      expect(Result.isFailure(result) && result.failure.issues[0]?.message.en).toBe("The PlainId must not be empty")
    })
    it("keeps kinds apart in the type system", () => {
      expectTypeOf<Id.OrgUnitId>().not.toEqualTypeOf<Id.MemberId>()
      expectTypeOf<Id.OrgUnitId>().toExtend<string>()
      expectTypeOf<string>().not.toExtend<Id.OrgUnitId>()
    })
    it("validates plain strings without a schema", () => {
      expect(Id.validate("ok")).toEqual([])
      expect(Id.validate("", { label: { zh: "工单号", en: "ticket" } })[0]?.message.zh).toBe("工单号不能为空")
    })
    it("refuses lone surrogates, which are not Unicode text (issue 16)", () => {
      for (const bad of ["a\uD800b", "\uDC00", "x\uD83D", "\uDE00y"]) {
        expect(Id.isValid(bad)).toBe(false)
        expect(Id.validate(bad).map((i) => i.code)).toEqual(["CORE_ID_LONE_SURROGATE"])
      }
      expect(Id.isValid("网格😀一")).toBe(true)
      expect(codes("a\uD800", Id.OrgUnitId)).toEqual(["CORE_ID_LONE_SURROGATE"])
    })
    it("refuses what is not a string instead of throwing", () => {
      expect(Id.isValid(42 as unknown as string)).toBe(false)
      expect(Id.validate(undefined as unknown as string)[0]?.message.en).toBe("The id must be text, got undefined")
    })
  })
})
