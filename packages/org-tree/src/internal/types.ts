/**
 * What a value that should have been a list was instead, for the `{actual}` of
 * `ORG_ROSTER_SHEETS_NOT_A_LIST` and `ORG_ROSTER_ROWS_NOT_A_LIST`: the param is the neutral
 * JavaScript type (`"null"`, `"string"`, …), the zh and en messages get their words from the label.
 *
 * @internal
 */

/** The words of each JavaScript type. @internal */
export const typeLabels = {
  null: { zh: "空值", en: "null" },
  undefined: { zh: "未定义", en: "undefined" },
  string: { zh: "字符串", en: "a string" },
  number: { zh: "数字", en: "a number" },
  bigint: { zh: "大整数", en: "a bigint" },
  boolean: { zh: "布尔值", en: "a boolean" },
  symbol: { zh: "符号", en: "a symbol" },
  function: { zh: "函数", en: "a function" },
  object: { zh: "对象", en: "an object" }
} as const

/** A key of {@link typeLabels}. @internal */
export type TypeName = keyof typeof typeLabels

/** The type of `value`, `"null"` for null. @internal */
export const typeOf = (value: unknown): TypeName => (value === null ? "null" : typeof value)
