import type { Result } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import { CivilDate, Fen, Instant, Issue, Label, Period, Points, type ValidationReport } from "../src/index.js"

type Report = ValidationReport.ValidationReport

describe("public signatures", () => {
  it("amounts are branded numbers and their arithmetic returns results, data-first and data-last", () => {
    expectTypeOf<Points.Points>().toExtend<number>()
    expectTypeOf<number>().not.toExtend<Points.Points>()
    expectTypeOf<Fen.Fen>().not.toEqualTypeOf<Points.Points>()
    expectTypeOf(Points.add).toBeCallableWith(Points.zero, Points.zero)
    expectTypeOf(Points.add(Points.zero, Points.zero)).toEqualTypeOf<Result.Result<Points.Points, Report>>()
    expectTypeOf(Points.add(Points.zero)).toEqualTypeOf<(self: Points.Points) => Result.Result<Points.Points, Report>>()
    expectTypeOf(Fen.parse).parameter(0).toEqualTypeOf<string>()
    expectTypeOf(Fen.parse).returns.toEqualTypeOf<Result.Result<Fen.Fen, Report>>()
    // @ts-expect-error: points and money do not mix
    Points.add(Points.zero, Fen.zero)
  })
  it("dates and instants are branded strings", () => {
    expectTypeOf<CivilDate.CivilDate>().toExtend<string>()
    expectTypeOf<string>().not.toExtend<CivilDate.CivilDate>()
    expectTypeOf<Instant.Instant>().not.toEqualTypeOf<CivilDate.CivilDate>()
    expectTypeOf(CivilDate.addDays(1)).toEqualTypeOf<
      (date: CivilDate.CivilDate) => Result.Result<CivilDate.CivilDate, Report>
    >()
    expectTypeOf(Period.contains).toBeCallableWith(Period.year(2024), CivilDate.makeUnsafe("2024-01-01"))
    expectTypeOf(Period.days).returns.toEqualTypeOf<Generator<CivilDate.CivilDate, void, unknown>>()
  })
  it("issues and labels are plain readonly data", () => {
    expectTypeOf<Issue.DomainIssue["severity"]>().toEqualTypeOf<"error" | "warning">()
    expectTypeOf<Issue.DomainIssue["message"]>().toEqualTypeOf<Label.Label>()
    expectTypeOf(Issue.describeCause).toEqualTypeOf<(cause: unknown) => string>()
    expectTypeOf<Label.Lang>().toEqualTypeOf<"zh" | "en">()
  })
})
