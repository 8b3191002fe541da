/**
 * Turns effect's schema issue trees into gongzhi domain issues with zh/en messages.
 *
 * @internal
 */
import type * as SchemaAST from "effect/SchemaAST"
import type * as SchemaIssue from "effect/SchemaIssue"
import * as Issue from "../Issue.js"
import type * as Label from "../Label.js"

/** @internal */
export const messages = Issue.catalog({
  CORE_SCHEMA_MISSING_KEY: { zh: "缺少必填字段", en: "A required field is missing" },
  CORE_SCHEMA_UNEXPECTED_KEY: {
    zh: "不认识的字段 {key}（是否拼错？）",
    en: "Unknown field {key} (a typo?)"
  },
  CORE_SCHEMA_INVALID_TYPE: {
    zh: "应为 {expected:label}，实际为 {actual}",
    en: "Expected {expected:label}, got {actual}"
  },
  CORE_SCHEMA_INVALID_VALUE: { zh: "值无效：应为 {expected:label}", en: "Invalid value: expected {expected:label}" },
  CORE_SCHEMA_NO_MATCHING_CASE: {
    zh: "不符合任何一种允许的形式：{expected:label}",
    en: "Matches none of the allowed forms: {expected:label}"
  },
  CORE_SCHEMA_AMBIGUOUS: { zh: "同时符合多种形式，无法确定", en: "Matches more than one form; it is ambiguous" },
  CORE_SCHEMA_FORBIDDEN: { zh: "不允许的操作", en: "This operation is not allowed" },
  CORE_INPUT_TOO_COMPLEX: {
    zh: "输入无法解析（嵌套过深或过大）：{reason}",
    en: "The input could not be read (too deep or too large): {reason}"
  },
  CORE_INPUT_UNREADABLE: {
    zh:
      "输入中有无法读取的值（读取时出错：{reason}），如代理对象（Proxy）或会抛出异常的取值器；请传入由 JSON 解析得到的数据",
    en:
      "A value of the input cannot be read (reading it failed: {reason}), such as a Proxy or a getter that throws; pass data parsed from JSON"
  }
})

const typeNamesZh: Readonly<Record<string, string>> = {
  string: "字符串",
  number: "数字",
  boolean: "布尔值",
  bigint: "大整数",
  symbol: "符号",
  "object | array | function": "对象",
  unknown: "任意值",
  never: "（无可接受的值）"
}

/** A short description of an input value, for messages. */
const describeInput = (input: unknown): string => {
  if (input === null) return "null"
  if (input === undefined) return "undefined"
  if (Array.isArray(input)) return `array(${input.length})`
  switch (typeof input) {
    case "string":
      return input.length > 40 ? `${JSON.stringify(input.slice(0, 40))}… (${input.length})` : JSON.stringify(input)
    case "number":
    case "boolean":
    case "bigint":
      return String(input)
    case "object":
      return "object"
    default:
      return typeof input
  }
}

const annotationOf = (ast: SchemaAST.AST, key: string): unknown =>
  (ast.annotations as Record<string, unknown> | undefined)?.[key]

/** The English description of what an AST accepts. */
export const expectedEn = (ast: SchemaAST.AST): string => {
  const label = annotationOf(ast, "gongzhi/expected") as Label.Label | undefined
  if (label !== undefined) return label.en
  const identifier = annotationOf(ast, "identifier")
  if (typeof identifier === "string") return identifier
  switch (ast._tag) {
    case "Literal":
      return typeof ast.literal === "string" ? JSON.stringify(ast.literal) : String(ast.literal)
    case "Union":
      return ast.types.map(expectedEn).join(" | ")
    case "String":
      return "string"
    case "Number":
      return "number"
    case "Boolean":
      return "boolean"
    case "Null":
      return "null"
    case "Undefined":
      return "undefined"
    case "Arrays":
      return "array"
    case "Objects":
      return "object"
    default: {
      // effect's own description, where this version exposes it
      const own = (ast as unknown as { getExpected?: (recur: (ast: SchemaAST.AST) => string) => string }).getExpected
      return typeof own === "function" ? own.call(ast, expectedEn) : ast._tag
    }
  }
}

/** The Chinese description of what an AST accepts. */
export const expectedZh = (ast: SchemaAST.AST): string => {
  const label = annotationOf(ast, "gongzhi/expected") as Label.Label | undefined
  if (label !== undefined) return label.zh
  switch (ast._tag) {
    case "Union":
      return ast.types.map(expectedZh).join(" | ")
    case "Objects":
      return "对象"
    case "Arrays":
      return "数组"
    default: {
      const en = expectedEn(ast)
      return typeNamesZh[en] ?? en
    }
  }
}

const num = (value: unknown): string => (typeof value === "number" || typeof value === "string" ? String(value) : "?")

/** zh/en descriptions of the built-in effect checks, by representation id. */
const checkLabel = (filter: SchemaAST.Filter<unknown> | SchemaAST.FilterGroup<unknown>): Label.Label => {
  const annotations = filter.annotations as Record<string, unknown> | undefined
  const expected = typeof annotations?.["expected"] === "string" ? annotations["expected"] : undefined
  const representation = annotations?.["representation"] as
    | { id?: string; payload?: Record<string, unknown> }
    | undefined
  const payload = representation?.payload ?? {}
  const en = expected ?? (filter._tag === "FilterGroup"
    ? filter.checks.map((c) => checkLabel(c).en).join(" & ")
    : "a valid value")
  switch (representation?.id) {
    case "effect/schema/isInt":
      return { zh: "整数", en }
    case "effect/schema/isFinite":
      return { zh: "有限数字", en }
    case "effect/schema/isGreaterThan":
      return { zh: `大于 ${num(payload["exclusiveMinimum"])} 的数`, en }
    case "effect/schema/isGreaterThanOrEqualTo":
      return { zh: `不小于 ${num(payload["minimum"])} 的数`, en }
    case "effect/schema/isLessThan":
      return { zh: `小于 ${num(payload["exclusiveMaximum"])} 的数`, en }
    case "effect/schema/isLessThanOrEqualTo":
      return { zh: `不大于 ${num(payload["maximum"])} 的数`, en }
    case "effect/schema/isBetween":
      return { zh: `介于 ${num(payload["minimum"])} 与 ${num(payload["maximum"])} 之间的数`, en }
    case "effect/schema/isMultipleOf":
      return { zh: `${num(payload["divisor"])} 的倍数`, en }
    case "effect/schema/isMinLength":
      return { zh: `长度至少为 ${num(payload["minLength"])}`, en }
    case "effect/schema/isMaxLength":
      return { zh: `长度至多为 ${num(payload["maxLength"])}`, en }
    case "effect/schema/isBetweenLength":
      return { zh: `长度介于 ${num(payload["minimum"])} 与 ${num(payload["maximum"])} 之间`, en }
    case "effect/schema/isTrimmed":
      return { zh: "首尾没有空白的文字", en }
    case "effect/schema/isPattern":
      return { zh: `符合格式 ${en}`, en }
    case "effect/schema/isUnique":
      return { zh: "没有重复元素", en }
    default:
      return { zh: en, en }
  }
}

type Key = string | number

const toKey = (key: PropertyKey): Key => (typeof key === "symbol" ? String(key) : key)

/** Walks an issue tree and collects domain issues (depth of the tree = depth of the schema). */
export const collect = (root: SchemaIssue.Issue, basePath: Issue.Path = []): Array<Issue.DomainIssue> => {
  const out: Array<Issue.DomainIssue> = []
  const walk = (issue: SchemaIssue.Issue, path: Array<Key>, check: Label.Label | undefined): void => {
    switch (issue._tag) {
      case "Pointer":
        walk(issue.issue, [...path, ...issue.path.map(toKey)], check)
        return
      case "Composite":
        for (const child of issue.issues) walk(child, path, check)
        return
      case "Encoding":
        walk(issue.issue, path, check)
        return
      case "Filter": {
        const carried = Issue.fromAnnotations(issue.filter.annotations)
        if (carried !== undefined) {
          out.push(Issue.prefixPath(carried, path))
          return
        }
        walk(issue.issue, path, check ?? checkLabel(issue.filter))
        return
      }
      case "AnyOf":
        if (issue.issues.length > 0) {
          for (const child of issue.issues) walk(child, path, check)
          return
        }
        out.push(messages.make("CORE_SCHEMA_NO_MATCHING_CASE", {
          path,
          params: { expected: expectedEn(issue.ast), actual: describeInput(issue.input) },
          labels: { expected: { zh: expectedZh(issue.ast), en: expectedEn(issue.ast) } }
        }))
        return
      case "InvalidValue": {
        const carried = Issue.fromAnnotations(issue.annotations)
        if (carried !== undefined) {
          out.push(Issue.prefixPath(carried, path))
          return
        }
        const annotations = issue.annotations as Record<string, unknown> | undefined
        const own = typeof annotations?.["message"] === "string" ? annotations["message"] : undefined
        const label = own !== undefined ? { zh: own, en: own } : check ?? { zh: "有效的值", en: "a valid value" }
        out.push(messages.make("CORE_SCHEMA_INVALID_VALUE", {
          path,
          params: { expected: label.en, actual: describeInput(issue.input) },
          labels: { expected: label }
        }))
        return
      }
      case "InvalidType":
        out.push(messages.make("CORE_SCHEMA_INVALID_TYPE", {
          path,
          params: { expected: expectedEn(issue.ast), actual: describeInput(issue.input) },
          labels: { expected: { zh: expectedZh(issue.ast), en: expectedEn(issue.ast) } }
        }))
        return
      case "MissingKey":
        out.push(messages.make("CORE_SCHEMA_MISSING_KEY", { path }))
        return
      case "UnexpectedKey":
        out.push(messages.make("CORE_SCHEMA_UNEXPECTED_KEY", {
          path,
          params: { key: path.length > 0 ? String(path[path.length - 1]) : "?" }
        }))
        return
      case "Forbidden":
        out.push(messages.make("CORE_SCHEMA_FORBIDDEN", { path }))
        return
      case "OneOf":
        out.push(messages.make("CORE_SCHEMA_AMBIGUOUS", { path }))
        return
    }
  }
  walk(root, [...basePath], undefined)
  return out
}

/**
 * A short description of any value for a message (a string as JSON, else its type); never throws.
 *
 * @internal
 */
export const describeValue = (u: unknown): string => {
  try {
    if (typeof u === "string") return JSON.stringify(u)
    if (typeof u === "number" || typeof u === "boolean" || u === undefined) return String(u)
    if (typeof u === "bigint") return `${u}n`
    if (u === null) return "null"
    if (typeof u === "object") return Array.isArray(u) ? "array" : "object"
    return typeof u
  } catch {
    return "unreadable value"
  }
}

/**
 * The failure of an input that could not be read at all: too deep for the stack, or a value
 * whose reading throws (a Proxy, a getter).
 *
 * @internal
 */
export const unreadable = (cause: unknown): Issue.DomainIssue => {
  const root = rootCause(cause)
  let tooDeep = false
  try {
    tooDeep = root instanceof RangeError
  } catch {
    // a cause whose prototype cannot be read is not a stack overflow
  }
  return messages.make(tooDeep ? "CORE_INPUT_TOO_COMPLEX" : "CORE_INPUT_UNREADABLE", {
    params: { reason: Issue.describeCause(root) }
  })
}

/** The defect inside an error effect throws for a failed decoding (`error.cause.reasons[i].defect`). */
const rootCause = (cause: unknown): unknown => {
  try {
    const inner = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined
    const reasons = typeof inner === "object" && inner !== null ? (inner as { reasons?: unknown }).reasons : undefined
    if (Array.isArray(reasons)) {
      for (const reason of reasons) {
        if (typeof reason === "object" && reason !== null && "defect" in reason) {
          return (reason as { defect: unknown }).defect
        }
      }
    }
  } catch {
    // keep the error as thrown
  }
  return cause
}
