/**
 * The rule the consumer test uses to compare what an example prints with its output comment
 * (scripts/example-output.mjs): it must accept the ways people write outputs and refuse a
 * comment that says something else.
 */
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
// @ts-expect-error: a plain .mjs script of the repository, without declarations
import { matches } from "../scripts/example-output.mjs"

const says = (comment: string, ...args: ReadonlyArray<unknown>): boolean => matches(comment, args)

describe("example output comments", () => {
  it("accepts strings as printed or quoted, and several values apart", () => {
    expect(says("哈*喜", "哈*喜")).toBe(true)
    expect(says("\"哈*喜\"", "哈*喜")).toBe(true)
    expect(says("1 6", 1, 6)).toBe(true)
    expect(says("true false", true, false)).toBe(true)
    expect(says("\"A AB\"", "A", "AB")).toBe(true)
  })

  it("accepts arrays and objects as literals or as Node prints them", () => {
    expect(says("[\"a\", \"b\"]", ["a", "b"])).toBe(true)
    expect(says("[ 'a', 'b' ]", ["a", "b"])).toBe(true)
    expect(says("{ seq: -1, hash: \"00\" }", { seq: -1, hash: "00" })).toBe(true)
  })

  it("reads Results as Success or Failure with their value", () => {
    expect(says("Success 720", Result.succeed(720))).toBe(true)
    expect(says("Success", Result.succeed(720))).toBe(true)
    expect(says("Failure", Result.fail("x"))).toBe(true)
    expect(says("Success 721", Result.succeed(720))).toBe(false)
  })

  it("lets an ellipsis stand for any text, and a note follow the values", () => {
    expect(says("Success { … available: 0 … }", Result.succeed({ account: "ha", available: 0, held: 0 }))).toBe(true)
    expect(says("Success { … available: 5 … }", Result.succeed({ account: "ha", available: 0, held: 0 }))).toBe(false)
    expect(says("2 (黄岩: 2 hours = 1 point)", 2)).toBe(true)
    expect(says("true: warnings do not reject", true)).toBe(true)
  })

  it("refuses a comment that says something else", () => {
    expect(says("1 7", 1, 6)).toBe(false)
    expect(says("3: points 0, duplicate id, caps", 1)).toBe(false)
    expect(says("CORE_DATE_INVALID", "CORE_DATE_INVALID", "x")).toBe(false)
    expect(says("[\"a\", \"b\"]", ["b", "a"])).toBe(false)
  })
})
