/**
 * Rules in a portable format: JSON Logic (jsonlogic.com), evaluated by the maintained
 * `json-logic-engine`, so that a county's Java or Python back end can evaluate the same
 * rule with its own JSON Logic library. Used by the `expression` scoring method, by veto
 * items (`when`) and by consequence rules.
 *
 * @since 0.1.0
 */
import { type Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { LogicEngine } from "json-logic-engine"
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
 * A compiled rule: the rule as written and a function evaluating it against data.
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
  /** Evaluates the rule; a rule that throws at run time (e.g. division by zero) gives `undefined`. */
  readonly evaluate: (data: unknown) => unknown
}

const engine = new LogicEngine()

const describeThrown = (thrown: unknown): string => {
  if (thrown instanceof Error) return thrown.message
  if (typeof thrown === "object" && thrown !== null) {
    const t = thrown as { type?: unknown; key?: unknown }
    if (typeof t.type === "string") return typeof t.key === "string" ? `${t.type} "${t.key}"` : t.type
  }
  return String(thrown)
}

/**
 * Compiles a JSON Logic rule, or fails with `ASSESS_EXPRESSION_INVALID` (unknown operator,
 * a constant part that cannot be evaluated such as `1 / 0`).
 *
 * @example
 * ```ts
 * import { Expression } from "@gongzhi/assessment-scoring"
 *
 * const bad = Expression.compile({ "frobnicate": [1] })
 * if (bad._tag === "Failure") console.log(bad.failure.issues[0]?.code) // "ASSESS_EXPRESSION_INVALID"
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
    const fn = engine.build(logic) as (data: unknown) => unknown
    const evaluate = (data: unknown): unknown => {
      try {
        return fn(data)
      } catch {
        return undefined
      }
    }
    return Result.succeed({ logic, evaluate })
  } catch (thrown) {
    return Result.fail(ValidationReport.of(messages.make("ASSESS_EXPRESSION_INVALID", {
      path,
      params: { reason: describeThrown(thrown) }
    })))
  }
}

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
