/**
 * Decoders with a planted bug each, for `GONGZHI_FUZZ_SELF_TEST=1 pnpm fuzz`: the run must report
 * every one of them (and exits 1 if one goes unnoticed), so that a check of the suite that stopped
 * working is seen, not trusted.
 */
import * as Result from "effect/Result"
import fc from "fast-check"
import { checkAnswer } from "./checks.js"
import type { Target } from "./target.js"
import { json } from "./values.js"

const issue = (message: { readonly zh: string; readonly en: string }, code = "PLANTED_BAD") => ({
  code,
  path: [],
  severity: "error" as const,
  params: {},
  message
})

const good = (input: unknown) =>
  typeof input === "string"
    ? Result.succeed(input)
    : Result.fail({ issues: [issue({ zh: "应为字符串", en: "a string" })] })

/** Each planted decoder, and the kind of finding the run must report for it. */
export const planted: ReadonlyArray<readonly [Target, string]> = [
  [{
    name: "planted: throws on an array",
    pkg: "self-test",
    input: json,
    run: (input) => {
      if (Array.isArray(input) && input.length > 1) throw new TypeError("planted")
      return checkAnswer(input, good(input))
    }
  }, "threw"],
  [{
    name: "planted: hangs on a long string",
    pkg: "self-test",
    input: fc.oneof(json, fc.string({ minLength: 30 })),
    run: (input) => {
      // a loop whose end never comes: the string does not get shorter
      let n = 0
      while (typeof input === "string" && input.length > 25) n++
      return checkAnswer(input, good(input))
    }
  }, "hang"],
  [{
    name: "planted: pollutes Object.prototype",
    pkg: "self-test",
    input: json,
    run: (input) => {
      if (typeof input === "object" && input !== null && Object.hasOwn(input, "__proto__")) {
        Object.assign(Object.prototype, { planted: true })
      }
      return checkAnswer(input, good(input))
    }
  }, "prototype pollution"],
  [{
    name: "planted: a failure without en text",
    pkg: "self-test",
    input: json,
    run: (input) => {
      if (typeof input === "number" && input > 10) {
        return checkAnswer(input, Result.fail({ issues: [issue({ zh: "太大", en: "" })] }))
      }
      return checkAnswer(input, good(input))
    }
  }, "malformed failure"],
  [{
    name: "planted: a crash hidden as CORE_INPUT_UNREADABLE",
    pkg: "self-test",
    input: json,
    run: (input) => {
      if (input === null) {
        return checkAnswer(
          input,
          Result.fail({ issues: [issue({ zh: "无法读取", en: "cannot be read" }, "CORE_INPUT_UNREADABLE")] })
        )
      }
      return checkAnswer(input, good(input))
    }
  }, "masked crash"]
]
