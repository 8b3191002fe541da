import { Result } from "effect"
import * as E from "fp-ts/lib/Either.js"
import { pipe } from "fp-ts/lib/function.js"
import { describe, expect, expectTypeOf, it } from "vitest"
import { fromEither, toEither } from "../src/fp-ts.js"
import { Points, type ValidationReport } from "../src/index.js"

describe("fp-ts interop", () => {
  it("turns a success into a Right that fp-ts understands", () => {
    const either = toEither(Points.parse("400"))
    expect(E.isRight(either)).toBe(true)
    expect(pipe(either, E.map((n) => n + 1), E.getOrElse(() => 0))).toBe(401)
  })
  it("turns a failure into a Left carrying the report", () => {
    const either = toEither(Points.parse("1.5"))
    expect(E.isLeft(either)).toBe(true)
    expect(pipe(either, E.fold((report) => report.issues[0]?.code, () => undefined))).toBe(
      "CORE_POINTS_PARSE_NOT_INTEGER"
    )
  })
  it("reads fp-ts values back", () => {
    expect(fromEither(E.right(1))).toEqual(Result.succeed(1))
    expect(fromEither(E.left("no"))).toEqual(Result.fail("no"))
    expect(fromEither(toEither(Result.succeed(7)))).toEqual(Result.succeed(7))
  })
  it("keeps the types", () => {
    expectTypeOf(toEither(Points.parse("1"))).toEqualTypeOf<
      E.Either<ValidationReport.ValidationReport, Points.Points>
    >()
  })
})
