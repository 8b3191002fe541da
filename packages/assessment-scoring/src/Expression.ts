/**
 * Rules in a portable format: JSON Logic (jsonlogic.com), so that a county's Java or Python
 * back end can evaluate the same rule with its own JSON Logic library. Used by the
 * `expression` scoring method, by veto items (`when`) and by consequence rules.
 *
 * A rule is compiled to plain closures: no code is generated or evaluated at run time (no
 * `eval`, no `new Function`), so it runs under a strict Content Security Policy and in WeChat
 * mini-programs. Operators come from a fixed table looked up by own key (a `Map`), every one
 * synchronous; an unknown operator, a wrong number of arguments or a value that is not JSON is
 * refused when the rule is compiled, with a code and the path of the faulty part.
 *
 * @since 0.1.0
 */
import { type Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { messages } from "./Messages.js"

/**
 * A JSON Logic rule: any JSON value, e.g. `{ ">=": [{ "var": "value" }, 50] }`.
 *
 * @example
 * ```ts
 * import type { Expression } from "@gongzhi/assessment-scoring"
 *
 * const rule: Expression.Logic = { "if": [{ ">=": [{ "var": "value" }, 50] }, 10, 0] }
 * console.log(JSON.stringify(rule))
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Logic = Schema.Json

/**
 * Schema of {@link Logic} (any JSON value; the operators are checked by {@link compile}).
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Expression.Logic)({ "var": "value" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Logic: Schema.Codec<Logic> = Schema.Json.annotate({
  identifier: "JsonLogic",
  description: "A JSON Logic rule (https://jsonlogic.com)"
})

/**
 * What a rule reads of its data, found by walking the rule (never by searching its text): the
 * `var` paths written as constants (`"values.attendance"`), and whether some path is only known
 * when the rule runs (`{"var": {"cat": …}}`) or the rule reads the whole data (`{"var": ""}`),
 * in which case it may read anything.
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const compiled = Result.getOrThrow(Expression.compile({ "<": [{ "var": "values.attendance" }, 6] }))
 * console.log(compiled.reads.paths, compiled.reads.any) // [ 'values.attendance' ] false
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Reads {
  readonly paths: ReadonlyArray<string>
  readonly any: boolean
}

/**
 * A compiled rule: the rule as written, a function evaluating it against data, and what it
 * reads of the data.
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const compiled = Result.getOrThrow(Expression.compile({ "*": [{ "var": "value" }, 2] }))
 * console.log(compiled.evaluate({ value: 21 })) // 42
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Compiled {
  readonly logic: Logic
  /**
   * Evaluates the rule; a rule that fails at run time (arithmetic that gives no finite number,
   * such as a division by zero or a sum with a word in it) gives `undefined`.
   */
  readonly evaluate: (data: unknown) => unknown
  /** What the rule reads (see {@link Reads}). */
  readonly reads: Reads
}

/** A compiled part of a rule. */
type Fn = (data: unknown) => unknown

/** Thrown by an operator that cannot give a value (caught by `evaluate`, never seen by callers). */
class Failed {
  readonly _tag = "Failed"
}
const failed = new Failed()

/** A missing argument: never called, as the operators' arities are checked when a rule is decoded (a rule reaching one fails). */
const absent: Fn = () => {
  throw failed
}

/** Argument `i` of an operator (present: its arity is checked when the rule is decoded). */
const arg = (args: ReadonlyArray<Fn>, i: number): Fn => args[i] ?? absent

/**
 * JSON Logic truthiness (`[]`, `0`, `""`, `null` and `false` are false), as the
 * specification defines it for `if`, `and`, `or` and `!!`.
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 *
 * console.log(Expression.truthy([]), Expression.truthy("0")) // false true
 * ```
 *
 * @category guards
 * @since 0.1.0
 */
export const truthy = (value: unknown): boolean => Array.isArray(value) ? value.length > 0 : Boolean(value)

/** A number as JSON Logic's arithmetic reads it: numbers, text as `Number` reads it, booleans and null; anything else fails. */
const toNumber = (value: unknown): number => {
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  if (typeof value === "boolean") return value ? 1 : 0
  if (value === null) return 0
  return Number.NaN
}

/** Fails unless `n` is a finite number: no rule ever gives NaN or an infinity. */
const finite = (n: number): number => {
  if (n - n !== 0) throw failed
  return n
}

/** Reads `segments` of `data`, own members only (an array's elements by index). */
const readPath = (data: unknown, segments: ReadonlyArray<string>): unknown => {
  let v = data
  for (const key of segments) {
    if (typeof v !== "object" || v === null) return undefined
    v = Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined
  }
  return v
}

const splitPath = (path: string): ReadonlyArray<string> => (path === "" ? [] : path.split("."))

/** A path as JSON Logic writes it (`"a.b"`, `1`, `""` or `null` for the whole data), or undefined when it is not a constant. */
const constantPath = (raw: unknown): string | undefined => {
  if (typeof raw === "string") return raw
  if (typeof raw === "number") return String(raw)
  if (raw === null || raw === undefined) return ""
  return undefined
}

const pathOf = (value: unknown): string => {
  if (typeof value === "string") return value
  if (typeof value === "number") return String(value)
  if (value === null || value === undefined) return ""
  throw failed
}

/** `var`: the value at a path (`""` is the whole data), or the default (`null` when none). */
const varOp = (args: ReadonlyArray<Fn>, raw: ReadonlyArray<unknown>): Fn => {
  const fallback = args[1]
  const constant = constantPath(raw[0])
  if (constant !== undefined) {
    const segments = splitPath(constant)
    const [outer, inner] = segments
    // a path of two segments (`values.x`, the most common in plans) read without a loop: the same as readPath
    if (segments.length === 2 && outer !== undefined && inner !== undefined) {
      return (data) => {
        const o = typeof data === "object" && data !== null && Object.hasOwn(data, outer)
          ? (data as Record<string, unknown>)[outer]
          : undefined
        const v = typeof o === "object" && o !== null && Object.hasOwn(o, inner)
          ? (o as Record<string, unknown>)[inner]
          : undefined
        return v === undefined || v === null ? (fallback === undefined ? null : fallback(data)) : v
      }
    }
    return (data) => {
      const v = readPath(data, segments)
      return v === undefined || v === null ? (fallback === undefined ? null : fallback(data)) : v
    }
  }
  const path = arg(args, 0)
  return (data) => {
    const v = readPath(data, splitPath(pathOf(path(data))))
    return v === undefined || v === null ? (fallback === undefined ? null : fallback(data)) : v
  }
}

const isMissing = (data: unknown, key: unknown): boolean => {
  const v = readPath(data, splitPath(pathOf(key)))
  return v === undefined || v === null || v === ""
}

/** The keys `missing` checks: its arguments, or the list its first argument gives. */
const keysOf = (args: ReadonlyArray<Fn>, data: unknown): ReadonlyArray<unknown> => {
  if (args.length === 1) {
    const first = arg(args, 0)(data)
    if (Array.isArray(first)) return first
    return [first]
  }
  return args.map((a) => a(data))
}

const missingOp = (args: ReadonlyArray<Fn>): Fn => (data) => keysOf(args, data).filter((k) => isMissing(data, k))

const missingSomeOp = (args: ReadonlyArray<Fn>): Fn => (data) => {
  const need = toNumber(arg(args, 0)(data))
  const keys = arg(args, 1)(data)
  if (!Array.isArray(keys)) throw failed
  const missing = keys.filter((k) => isMissing(data, k))
  return keys.length - missing.length >= need ? [] : missing
}

const not = (a: Fn): Fn => (data) => !truthy(a(data))
const toBoolean = (a: Fn): Fn => (data) => truthy(a(data))

const listOf = (value: unknown): ReadonlyArray<unknown> => (Array.isArray(value) ? value : [])

/** An operator of the table: how many arguments it takes and how it is built from its compiled arguments. */
interface Operator {
  readonly min: number
  readonly max: number
  /** Whether arguments after the first run once per element of the first (their `var`s read the element). */
  readonly scoped?: boolean
  readonly build: (args: ReadonlyArray<Fn>, raw: ReadonlyArray<unknown>) => Fn
}

const many = Number.POSITIVE_INFINITY

const compare = (test: (a: unknown, b: unknown) => boolean): Operator["build"] => (args) => {
  const [a, b, c] = [arg(args, 0), arg(args, 1), args[2]]
  if (c === undefined) return (data) => test(a(data), b(data))
  return (data) => {
    const y = b(data)
    return test(a(data), y) && test(y, c(data))
  }
}

/* oxlint-disable eqeqeq -- JSON Logic's "==" and "!=" are JavaScript's loose equality */
const looseEqual = (a: unknown, b: unknown): boolean => a == b
/* oxlint-enable eqeqeq */
const lessThan = (a: unknown, b: unknown): boolean => (a as number) < (b as number)
const atMost = (a: unknown, b: unknown): boolean => (a as number) <= (b as number)

const arithmetic = (
  fold: (acc: number, x: number) => number,
  single: (x: number) => number,
  identity = 0
): Operator["build"] =>
(args) => {
  const [a, ...rest] = args
  if (a === undefined) return () => identity
  if (rest.length === 0) return (data) => finite(single(toNumber(a(data))))
  return (data) => {
    let acc = toNumber(a(data))
    for (const f of rest) acc = fold(acc, toNumber(f(data)))
    return finite(acc)
  }
}

/** A number as `max` and `min` take it: a number, nothing else. */
const strictNumber = (value: unknown): number => {
  if (typeof value !== "number") throw failed
  return finite(value)
}

const extremum = (pick: (a: number, b: number) => number): Operator["build"] => (args) => {
  const first = arg(args, 0)
  const rest = args.slice(1)
  return (data) => {
    let acc = strictNumber(first(data))
    for (const f of rest) acc = pick(acc, strictNumber(f(data)))
    return acc
  }
}

const text = (value: unknown): string => {
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value)
  if (Array.isArray(value)) return value.map(text).join(",")
  throw failed
}

const substr = (source: string, start: number, length: number | undefined): string => {
  const from = start < 0 ? Math.max(0, source.length + start) : Math.min(start, source.length)
  const rest = source.slice(from)
  if (length === undefined) return rest
  return length < 0 ? rest.slice(0, Math.max(0, rest.length + length)) : rest.slice(0, length)
}

const each = (
  finish: (list: ReadonlyArray<unknown>, test: (element: unknown) => unknown) => unknown
): Operator["build"] =>
(args) => {
  const [list, body] = [arg(args, 0), arg(args, 1)]
  return (data) => finish(listOf(list(data)), body)
}

/**
 * The operators, by name (a `Map`: a name from a document is looked up among its own keys
 * only, so `constructor`, `toString` or `__defineGetter__` are unknown operators). Every one is
 * synchronous and pure.
 */
const operators: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ["var", { min: 0, max: 2, build: varOp }],
  ["missing", { min: 0, max: many, build: missingOp }],
  ["missing_some", { min: 2, max: 2, build: missingSomeOp }],
  ["if", {
    min: 1,
    max: many,
    build: (args) => {
      // (condition, then) pairs, and the last argument when their count is odd
      const pairs: Array<readonly [Fn, Fn]> = []
      let i = 0
      for (; i + 1 < args.length; i += 2) pairs.push([arg(args, i), arg(args, i + 1)])
      const otherwise = args[i]
      return (data) => {
        for (const [condition, then] of pairs) if (truthy(condition(data))) return then(data)
        return otherwise === undefined ? null : otherwise(data)
      }
    }
  }],
  ["?:", {
    min: 3,
    max: 3,
    build: (args) => {
      const [c, t, e] = [arg(args, 0), arg(args, 1), arg(args, 2)]
      return (data) => (truthy(c(data)) ? t(data) : e(data))
    }
  }],
  ["==", { min: 2, max: 2, build: compare(looseEqual) }],
  ["!=", { min: 2, max: 2, build: compare((a, b) => !looseEqual(a, b)) }],
  ["===", { min: 2, max: 2, build: compare((a, b) => a === b) }],
  ["!==", { min: 2, max: 2, build: compare((a, b) => a !== b) }],
  ["!", { min: 1, max: 1, build: (args) => not(arg(args, 0)) }],
  ["!!", { min: 1, max: 1, build: (args) => toBoolean(arg(args, 0)) }],
  ["or", {
    min: 1,
    max: many,
    build: (args) => (data) => {
      let v: unknown
      for (const f of args) if (truthy(v = f(data))) return v
      return v
    }
  }],
  ["and", {
    min: 1,
    max: many,
    build: (args) => (data) => {
      let v: unknown
      for (const f of args) if (!truthy(v = f(data))) return v
      return v
    }
  }],
  [">", { min: 2, max: 2, build: compare((a, b) => lessThan(b, a)) }],
  [">=", { min: 2, max: 2, build: compare((a, b) => atMost(b, a)) }],
  ["<", { min: 2, max: 3, build: compare(lessThan) }],
  ["<=", { min: 2, max: 3, build: compare(atMost) }],
  ["max", { min: 1, max: many, build: extremum((a, b) => (b > a ? b : a)) }],
  ["min", { min: 1, max: many, build: extremum((a, b) => (b < a ? b : a)) }],
  ["+", { min: 0, max: many, build: arithmetic((a, b) => a + b, (x) => x) }],
  ["*", { min: 0, max: many, build: arithmetic((a, b) => a * b, (x) => x, 1) }],
  ["-", { min: 1, max: 2, build: arithmetic((a, b) => a - b, (x) => -x) }],
  ["/", { min: 2, max: 2, build: arithmetic((a, b) => a / b, (x) => x) }],
  ["%", { min: 2, max: 2, build: arithmetic((a, b) => a % b, (x) => x) }],
  ["in", {
    min: 2,
    max: 2,
    build: (args) => {
      const [a, b] = [arg(args, 0), arg(args, 1)]
      return (data) => {
        const hay = b(data)
        const needle = a(data)
        if (typeof hay === "string") return hay.includes(text(needle))
        return Array.isArray(hay) ? hay.includes(needle) : false
      }
    }
  }],
  ["cat", { min: 0, max: many, build: (args) => (data) => args.map((a) => text(a(data))).join("") }],
  ["substr", {
    min: 2,
    max: 3,
    build: (args) => {
      const [s, start, length] = [arg(args, 0), arg(args, 1), args[2]]
      return (data) =>
        substr(
          text(s(data)),
          finite(toNumber(start(data))),
          length === undefined ? undefined : finite(toNumber(length(data)))
        )
    }
  }],
  ["merge", {
    min: 0,
    max: many,
    build: (args) => (data) => {
      const out: Array<unknown> = []
      for (const a of args) {
        const v = a(data)
        if (Array.isArray(v)) { for (const x of v) out.push(x) }
        else out.push(v)
      }
      return out
    }
  }],
  ["map", { min: 2, max: 2, scoped: true, build: each((list, body) => list.map(body)) }],
  ["filter", { min: 2, max: 2, scoped: true, build: each((list, body) => list.filter((x) => truthy(body(x)))) }],
  ["all", {
    min: 2,
    max: 2,
    scoped: true,
    build: each((list, body) => list.length > 0 && list.every((x) => truthy(body(x))))
  }],
  ["none", { min: 2, max: 2, scoped: true, build: each((list, body) => !list.some((x) => truthy(body(x)))) }],
  ["some", { min: 2, max: 2, scoped: true, build: each((list, body) => list.some((x) => truthy(body(x)))) }],
  ["reduce", {
    min: 2,
    max: 3,
    scoped: true,
    build: (args) => {
      const [list, body, initial] = [arg(args, 0), arg(args, 1), args[2]]
      return (data) => {
        let accumulator = initial === undefined ? null : initial(data)
        for (const current of listOf(list(data))) accumulator = body({ current, accumulator })
        return accumulator
      }
    }
  }]
])

/**
 * The names of the operators a rule may use, sorted: the operators of the JSON Logic
 * specification (`log` left out: a rule has no side effects).
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 *
 * console.log(Expression.operatorNames.includes("var"), Expression.operatorNames.includes("constructor")) // true false
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const operatorNames: ReadonlyArray<string> = Object.freeze([...operators.keys()].sort())

/**
 * The deepest a rule may nest (operators within operators), so that compiling it never
 * exhausts the stack.
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 *
 * console.log(Expression.maxDepth) // 64
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const maxDepth = 64

/** The arguments of an operator as written: a single argument stands for a list of one. */
const argumentsOf = (raw: unknown): ReadonlyArray<unknown> => (Array.isArray(raw) ? raw : [raw])

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const isJsonScalar = (u: unknown): boolean =>
  u === null || typeof u === "string" || typeof u === "boolean" || (typeof u === "number" && Number.isFinite(u))

const arityText = (op: Operator): string =>
  op.max === many ? `≥ ${op.min}` : op.min === op.max ? String(op.min) : `${op.min}–${op.max}`

/**
 * Checks a rule without recursion (a hostile document may nest deeply): every operator known,
 * with the right number of arguments, every constant JSON, at most {@link maxDepth} deep; and
 * collects what the rule reads of its data.
 */
const check = (logic: unknown, at: Issue.Path): { issues: Array<Issue.DomainIssue>; reads: Reads } => {
  const issues: Array<Issue.DomainIssue> = []
  const paths = new Set<string>()
  let any = false
  const stack: Array<{ node: unknown; path: Issue.Path; depth: number; scoped: boolean }> = [
    { node: logic, path: at, depth: 0, scoped: false }
  ]
  for (;;) {
    const top = stack.pop()
    if (top === undefined) break
    const { depth, node, path, scoped } = top
    if (depth > maxDepth) {
      issues.push(messages.make("ASSESS_EXPRESSION_TOO_DEEP", { path, params: { max: maxDepth } }))
      continue
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        if (!(i in node)) {
          issues.push(messages.make("ASSESS_EXPRESSION_INVALID", { path: [...path, i], params: { reason: "hole" } }))
          continue
        }
        stack.push({ node: node[i], path: [...path, i], depth: depth + 1, scoped })
      }
      continue
    }
    if (!isObject(node)) {
      if (!isJsonScalar(node)) {
        issues.push(messages.make("ASSESS_EXPRESSION_INVALID", { path, params: { reason: "not JSON" } }))
      }
      continue
    }
    const keys = Object.keys(node)
    if (keys.length !== 1) {
      issues.push(messages.make("ASSESS_EXPRESSION_INVALID", {
        path,
        params: { reason: `an operation has exactly one operator, not ${keys.length}` }
      }))
      continue
    }
    const name = keys[0] ?? ""
    const op = operators.get(name)
    if (op === undefined) {
      issues.push(messages.make("ASSESS_EXPRESSION_OPERATOR_UNKNOWN", {
        path: [...path, name],
        params: { operator: name, known: operatorNames.join(" ") }
      }))
      continue
    }
    const raw = node[name]
    const args = argumentsOf(raw)
    if (args.length < op.min || args.length > op.max) {
      issues.push(messages.make("ASSESS_EXPRESSION_ARITY", {
        path: [...path, name],
        params: { operator: name, expected: arityText(op), actual: args.length }
      }))
      continue
    }
    if (!scoped && (name === "var" || name === "missing" || name === "missing_some")) {
      const named = name === "missing_some" ? args[1] : name === "missing" && args.length === 1 ? args[0] : args
      const list = name === "var" ? [args[0]] : argumentsOf(named)
      for (const p of list) {
        const constant = constantPath(p)
        if (constant === undefined || constant === "") any = true
        else paths.add(constant)
      }
    }
    const base = Array.isArray(raw) ? [...path, name] : undefined
    for (let i = args.length - 1; i >= 0; i--) {
      stack.push({
        node: args[i],
        path: base === undefined ? [...path, name] : [...base, i],
        depth: depth + 1,
        scoped: scoped || (op.scoped === true && i > 0)
      })
    }
  }
  return { issues, reads: { paths: [...paths].sort(), any } }
}

/** A compiled part, and whether it reads no data (then it is worked out once, when compiled). */
interface Part {
  readonly fn: Fn
  readonly constant: boolean
}

const readsData: ReadonlySet<string> = new Set(["var", "missing", "missing_some"])

/** A constant part that cannot be evaluated (`1 / 0`), at its path. */
class ConstantFailed {
  constructor(readonly path: Issue.Path) {}
}

const freezeDeep = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    value.forEach(freezeDeep)
    Object.freeze(value)
  }
  return value
}

/** A part that reads no data is evaluated now, once (as json-logic-engine does): a failure there fails the rule. */
const fold = (part: Part, path: Issue.Path): Part => {
  if (!part.constant) return part
  let value: unknown
  try {
    value = freezeDeep(part.fn(undefined))
  } catch {
    throw new ConstantFailed(path)
  }
  return { fn: () => value, constant: true }
}

/** Builds a checked rule (at most {@link maxDepth} deep, so the recursion is bounded). */
const build = (node: unknown, path: Issue.Path): Part => {
  if (Array.isArray(node)) {
    const parts = node.map((x, i) => build(x, [...path, i]))
    const fns = parts.map((p) => p.fn)
    return fold({ fn: (data) => fns.map((f) => f(data)), constant: parts.every((p) => p.constant) }, path)
  }
  if (!isObject(node)) return { fn: () => node, constant: true }
  const name = Object.keys(node)[0] ?? ""
  const op = operators.get(name)
  // (checked first: every operation has one known operator)
  if (op === undefined) return { fn: absent, constant: false }
  const written = node[name]
  const raw = argumentsOf(written)
  const parts = raw.map((x, i) => build(x, Array.isArray(written) ? [...path, name, i] : [...path, name]))
  const fn = op.build(parts.map((p) => p.fn), raw)
  return fold({ fn, constant: !readsData.has(name) && parts.every((p) => p.constant) }, path)
}

/**
 * Compiles a JSON Logic rule to closures, or fails with every problem: an unknown operator
 * (`ASSESS_EXPRESSION_OPERATOR_UNKNOWN`), a wrong number of arguments
 * (`ASSESS_EXPRESSION_ARITY`), a rule nested too deep (`ASSESS_EXPRESSION_TOO_DEEP`), an
 * operation with more than one key, a value that is not JSON or a constant part that cannot be
 * evaluated such as `1 / 0` (`ASSESS_EXPRESSION_INVALID`). Never throws, whatever it is handed.
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 *
 * const bad = Expression.compile({ "frobnicate": [1] })
 * if (bad._tag === "Failure") console.log(bad.failure.issues[0]?.code) // "ASSESS_EXPRESSION_OPERATOR_UNKNOWN"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const compile = (
  logic: Logic,
  path: Issue.Path = []
): Result.Result<Compiled, ValidationReport.ValidationReport> => {
  try {
    const { issues, reads } = check(logic, path)
    if (issues.length > 0) return Result.fail(ValidationReport.make(issues))
    let run: Fn
    try {
      run = build(logic, path).fn
    } catch (thrown) {
      if (!(thrown instanceof ConstantFailed)) throw thrown
      return Result.fail(ValidationReport.of(messages.make("ASSESS_EXPRESSION_INVALID", {
        path: thrown.path,
        params: { reason: "a constant part cannot be evaluated (no finite number)" }
      })))
    }
    const evaluate = (data: unknown): unknown => {
      try {
        return run(data)
      } catch {
        return undefined
      }
    }
    return Result.succeed({ logic, evaluate, reads })
  } catch {
    return Result.fail(ValidationReport.of(messages.make("ASSESS_EXPRESSION_INVALID", {
      path,
      params: { reason: "the rule cannot be read" }
    })))
  }
}

/**
 * Whether a compiled rule may read the member `name` of its data (a constant path at or under
 * it, or a path known only at run time).
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const rule = Result.getOrThrow(Expression.compile({ "var": { "cat": ["poin", "ts.x"] } }))
 * console.log(Expression.mayRead(rule, "points")) // true
 * ```
 *
 * @category guards
 * @since 0.2.0
 */
export const mayRead = (compiled: Compiled, name: string): boolean =>
  compiled.reads.any || compiled.reads.paths.some((p) => p === name || p.startsWith(`${name}.`))
