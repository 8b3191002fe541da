import { Assessment, Expression, Inputs, Plan, Presets } from "@gongzhi/assessment-scoring"
import { Result } from "effect"
import * as fc from "fast-check"
import { LogicEngine } from "json-logic-engine"
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

const evaluate = (logic: Expression.Logic, data: unknown): unknown =>
  Result.getOrThrow(Expression.compile(logic)).evaluate(data)

const codes = (logic: unknown) => {
  const r = Expression.compile(logic as Expression.Logic, ["when"])
  return Result.isFailure(r) ? r.failure.issues.map((i) => [i.code, i.path]) : []
}

/** The 綦江 committee-member plan as a document, its veto rule replaced. */
const planWithVeto = (when: unknown): unknown => {
  const doc = JSON.parse(JSON.stringify(Presets.qijiangCommitteeMember)) as { vetoes: Array<{ when?: unknown }> }
  doc.vetoes[0]!.when = when
  return doc
}

describe("Expression", () => {
  describe("constructors", () => {
    it("refuses names that plain objects inherit as operators, at decode, with code and path", () => {
      // regression: operators were looked up on a plain object, so these compiled (one to an async function)
      for (const name of ["__defineGetter__", "constructor", "hasOwnProperty", "toString", "valueOf", "__proto__"]) {
        const when = JSON.parse(`{"${name}": ["x", 1]}`) as unknown
        const decoded = Plan.decode(planWithVeto(when))
        expect(Result.isFailure(decoded)).toBe(true)
        if (Result.isFailure(decoded)) {
          expect(decoded.failure.issues.map((i) => [i.code, i.path])).toEqual([
            ["ASSESS_EXPRESSION_OPERATOR_UNKNOWN", ["vetoes", 0, "when", name]]
          ])
        }
      }
    })
    it("refuses a wrong number of arguments, several operators in one object and values that are not JSON", () => {
      expect(codes({ "<": [1] })).toEqual([["ASSESS_EXPRESSION_ARITY", ["when", "<"]]])
      expect(codes({ "and": [{ "==": [1, 2, 3] }, { "!": [] }] })).toEqual([
        ["ASSESS_EXPRESSION_ARITY", ["when", "and", 0, "=="]],
        ["ASSESS_EXPRESSION_ARITY", ["when", "and", 1, "!"]]
      ])
      expect(codes({ "var": "a", "if": [1] })).toEqual([["ASSESS_EXPRESSION_INVALID", ["when"]]])
      expect(codes({ "+": [1, Number.NaN] })).toEqual([["ASSESS_EXPRESSION_INVALID", ["when", "+", 1]]])
      // eslint-disable-next-line no-sparse-arrays
      expect(codes({ "+": [1, , 2] })).toEqual([["ASSESS_EXPRESSION_INVALID", ["when", "+", 1]]])
      expect(codes({ "/": [1, 0] })).toEqual([["ASSESS_EXPRESSION_INVALID", ["when"]]])
    })
    it("never throws, whatever it is handed", () => {
      const hostile = new Proxy({}, {
        ownKeys: () => {
          throw new Error("boom")
        }
      })
      expect(codes(hostile)).toEqual([["ASSESS_EXPRESSION_INVALID", ["when"]]])
      const deep = Array.from({ length: 100_000 }).reduce<unknown>((inner) => ({ "!": [inner] }), 1)
      expect(codes(deep)).toEqual([["ASSESS_EXPRESSION_TOO_DEEP", expect.any(Array)]])
    })
    it("evaluates the operators of JSON Logic", () => {
      const data = { a: 2, b: "x", list: [1, 2, 3], nested: { c: null }, empty: "" }
      expect(evaluate({ "var": "a" }, data)).toBe(2)
      expect(evaluate({ "var": ["nested.c", 9] }, data)).toBe(9)
      expect(evaluate({ "var": "list.1" }, data)).toBe(2)
      expect(evaluate({ "var": "" }, 5)).toBe(5)
      expect(evaluate({ "var": "toString" }, data)).toBe(null)
      expect(evaluate({ "missing": ["a", "z", "empty"] }, data)).toEqual(["z", "empty"])
      expect(evaluate({ "missing_some": [1, ["a", "z"]] }, data)).toEqual([])
      expect(evaluate({ "missing_some": [2, ["a", "z"]] }, data)).toEqual(["z"])
      expect(evaluate({ "if": [false, 1, { "==": [1, 1] }, 2, 3] }, data)).toBe(2)
      expect(evaluate({ "if": [false, 1, 3] }, data)).toBe(3)
      expect(evaluate({ "?:": [0, 1, 2] }, data)).toBe(2)
      expect(evaluate({ "==": [1, "1"] }, data)).toBe(true)
      expect(evaluate({ "===": [1, "1"] }, data)).toBe(false)
      expect(evaluate({ "!=": [1, "2"] }, data)).toBe(true)
      expect(evaluate({ "!==": [1, 1] }, data)).toBe(false)
      expect(evaluate({ "!": [[]] }, data)).toBe(true)
      expect(evaluate({ "!!": ["0"] }, data)).toBe(true)
      expect(evaluate({ "or": [0, "", "y"] }, data)).toBe("y")
      expect(evaluate({ "and": [1, 0, 2] }, data)).toBe(0)
      expect(evaluate({ "<": [1, { "var": "a" }, 3] }, data)).toBe(true)
      expect(evaluate({ "<=": [1, 1] }, data)).toBe(true)
      expect(evaluate({ ">": [3, 1] }, data)).toBe(true)
      expect(evaluate({ ">=": [1, 3] }, data)).toBe(false)
      expect(evaluate({ "max": [1, { "var": "a" }] }, data)).toBe(2)
      expect(evaluate({ "min": [1, { "var": "a" }] }, data)).toBe(1)
      expect(evaluate({ "+": ["1", 2] }, data)).toBe(3)
      expect(evaluate({ "-": [{ "var": "a" }] }, data)).toBe(-2)
      expect(evaluate({ "-": [5, 3] }, data)).toBe(2)
      expect(evaluate({ "*": [2, 3, 4] }, data)).toBe(24)
      expect(evaluate({ "%": [7, 3] }, data)).toBe(1)
      expect(evaluate({ "/": [1, { "var": "zero" }] }, { zero: 0 })).toBeUndefined()
      expect(evaluate({ "+": [{ "var": "b" }, 1] }, data)).toBeUndefined()
      expect(evaluate({ "in": ["x", { "var": "b" }] }, data)).toBe(true)
      expect(evaluate({ "in": [2, { "var": "list" }] }, data)).toBe(true)
      expect(evaluate({ "in": [2, 3] }, data)).toBe(false)
      expect(evaluate({ "cat": ["a", 1, null] }, data)).toBe("a1null")
      expect(evaluate({ "substr": ["jsonlogic", -5] }, data)).toBe("logic")
      expect(evaluate({ "substr": ["jsonlogic", 1, -3] }, data)).toBe("sonlo")
      expect(evaluate({ "substr": ["jsonlogic", 0, 4] }, data)).toBe("json")
      expect(evaluate({ "merge": [[1], 2, [3, [4]]] }, data)).toEqual([1, 2, 3, [4]])
      expect(evaluate({ "map": [{ "var": "list" }, { "*": [{ "var": "" }, 2] }] }, data)).toEqual([2, 4, 6])
      expect(evaluate({ "filter": [{ "var": "list" }, { ">": [{ "var": "" }, 1] }] }, data)).toEqual([2, 3])
      expect(evaluate({ "all": [{ "var": "list" }, { ">": [{ "var": "" }, 0] }] }, data)).toBe(true)
      expect(evaluate({ "all": [[], true] }, data)).toBe(false)
      expect(evaluate({ "none": [{ "var": "list" }, { ">": [{ "var": "" }, 5] }] }, data)).toBe(true)
      expect(evaluate({ "some": [{ "var": "list" }, { ">": [{ "var": "" }, 2] }] }, data)).toBe(true)
      expect(
        evaluate({
          "reduce": [{ "var": "list" }, { "+": [{ "var": "current" }, { "var": "accumulator" }] }, 0]
        }, data)
      ).toBe(6)
      expect(evaluate([1, { "var": "a" }], data)).toEqual([1, 2])
      expect(evaluate({ "var": { "cat": ["a", ""] } }, data)).toBe(2)
      expect(Expression.operatorNames).not.toContain("log")
    })
    it("agrees with json-logic-engine on generated arithmetic and logic (existing plans keep their meaning)", () => {
      const engine = new LogicEngine()
      const leaf = fc.oneof(
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom({ "var": "x" }, { "var": "y" }, { "var": "n.z" }, { "var": ["w", 3] })
      )
      const { expr } = fc.letrec((tie) => ({
        expr: fc.oneof(
          { depthSize: "small", withCrossShrink: true },
          leaf,
          fc.tuple(fc.constantFrom("+", "*", "and", "or"), fc.array(tie("expr"), { minLength: 1, maxLength: 3 }))
            .map(([op, args]) => ({ [op]: args })),
          // max and min take numbers only (json-logic-engine refuses anything else even where it is not reached)
          fc.tuple(fc.constantFrom("min", "max"), fc.array(leaf, { minLength: 1, maxLength: 3 }))
            .map(([op, args]) => ({ [op]: args })),
          fc.tuple(
            fc.constantFrom("-", "/", "%", "<", "<=", ">", ">=", "==", "!=", "===", "!=="),
            tie("expr"),
            tie("expr")
          ).map(([op, a, b]) => ({ [op]: [a, b] })),
          fc.tuple(fc.constantFrom("!", "!!", "-"), tie("expr")).map(([op, a]) => ({ [op]: [a] })),
          fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => ({ "if": [c, a, b] }))
        )
      }))
      const data = fc.record({ x: fc.integer({ min: -9, max: 9 }), y: fc.integer({ min: -9, max: 9 }) })
      /** Both sides: a value, or undefined when the rule fails (throws, or gives no finite number). */
      const normal = (v: unknown) => (typeof v === "number" ? (Number.isFinite(v) ? v + 0 : undefined) : v)
      fc.assert(
        fc.property(expr, data, (logic, d) => {
          const data = { ...d, n: { z: d.x + 1 } }
          let theirs: unknown
          try {
            theirs = normal(engine.run(logic, data))
          } catch {
            theirs = undefined
          }
          // a rule with a constant part that cannot be evaluated (`0 % 0`) is refused wherever that
          // part is; json-logic-engine refuses it in some places (under `if`) and not others (under `or`)
          const compiled = Expression.compile(logic as Expression.Logic)
          fc.pre(Result.isSuccess(compiled))
          const ours = Result.isSuccess(compiled) ? compiled.success.evaluate(data) : undefined
          expect(normal(ours)).toStrictEqual(theirs)
        }),
        { numRuns: 2000 }
      )
    })
  })
  describe("getters", () => {
    it("finds what a rule reads by walking it, not by its text", () => {
      const reads = (logic: Expression.Logic) => Result.getOrThrow(Expression.compile(logic)).reads
      expect(reads({ "<": [{ "var": "points.x" }, { "var": ["total", 0] }] })).toEqual({
        paths: ["points.x", "total"],
        any: false
      })
      // a path made at run time may read anything
      expect(reads({ "var": { "cat": ["poin", "ts.x"] } }).any).toBe(true)
      expect(reads({ "missing": ["a", "b"] })).toEqual({ paths: ["a", "b"], any: false })
      // vars inside map read the element, not the data
      expect(reads({ "map": [{ "var": "list" }, { "var": "points" }] })).toEqual({ paths: ["list"], any: false })
      // the text "points" as a constant is not a read
      expect(reads({ "==": ["points", { "var": "group" }] })).toEqual({ paths: ["group"], any: false })
      const rule = Result.getOrThrow(Expression.compile({ "var": { "cat": ["poin", "ts.x"] } }))
      expect(Expression.mayRead(rule, "points")).toBe(true)
    })
    it("a veto whose rule reads points through a path made at run time fires", () => {
      // regression: "reads points" was found by searching the rule's JSON text for "points"
      const plan = Result.getOrThrow(
        Plan.decode(planWithVeto({ "<": [{ "var": { "cat": ["poin", "ts.attendance"] } }, 99] }))
      )
      const inputs = Inputs.make(plan.id, [
        { id: "m", values: { attendance: 12, tasks: 1, resources: ["venue"] } }
      ])
      const result = Result.getOrThrow(Assessment.score(plan, inputs))
      expect(result.subjects[0]!.vetoes.map((v) => v.id)).toEqual([plan.vetoes![0]!.id])
    })
  })
  describe("no code generation", () => {
    it("scores the presets in a Node that refuses to generate code from strings (as a strict CSP does)", () => {
      const dir = mkdtempSync(join(tmpdir(), "assess-csp-"))
      try {
        const script = join(dir, "probe.ts")
        const src = resolve(__dirname, "../src/index.ts")
        writeFileSync(
          script,
          `import { Assessment, Inputs, Presets, Expression } from ${JSON.stringify(src)}
let refused = false
try { new Function("return 1") } catch { refused = true }
const stars = Assessment.score(Presets.branchStars, Presets.branchStarsExample)
const member = Assessment.score(Presets.qijiangCommitteeMember, Inputs.make("qijiang-committee-member", [
  { id: "m", values: { attendance: 4, tasks: 1, resources: ["venue"] } }
]))
const e = Expression.compile({ "if": [{ "<": [{ "var": "x" }, 1] }, "low", "high"] })
console.log(JSON.stringify({
  refused, stars: stars._tag,
  vetoes: member._tag === "Success" ? member.success.subjects[0].vetoes.map((v) => v.id) : member.failure.issues,
  rule: e._tag === "Success" ? e.success.evaluate({ x: 0 }) : null
}))
`
        )
        const out = execFileSync(
          process.execPath,
          ["--disallow-code-generation-from-strings", "--import", "tsx", "--conditions=@gongzhi/source", script],
          { cwd: resolve(__dirname, ".."), encoding: "utf8" }
        )
        expect(JSON.parse(out.trim())).toEqual({
          refused: true,
          stars: "Success",
          vetoes: ["duty-failure"],
          rule: "low"
        })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }, 30_000)
  })
})
