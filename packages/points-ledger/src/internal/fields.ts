/**
 * The field rules shared by the documents and the commands: ids follow core's `Id` rules
 * (1 to 128 characters, no control character, no space at either end) and, like every text
 * of the package, are well-formed UTF-16 (no lone surrogate, which UTF-8 and so the hash
 * chain would silently turn into U+FFFD); lists of ids or roles hold each value once.
 * Each rule comes twice: as a schema (the reference, reporting every problem) and as a quick
 * boolean check used on the journal's default path (tested against the schema).
 */
import { Id, Issue } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import { messages } from "../Messages.js"

/**
 * `JSON.stringify` of a value, quicker for the common case of a string of printable ASCII
 * without `"` or `\` (ids, keys, dates): the same text, without the general serializer.
 */
export const quote = (value: unknown): string | undefined => {
  if (typeof value !== "string") return JSON.stringify(value)
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return JSON.stringify(value)
  }
  return `"${value}"`
}

/** Whether a string has no lone surrogate (`String.prototype.isWellFormed`, written out for older targets). */
export const isWellFormed = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    if (c >= 0xdc00) return false
    const next = value.charCodeAt(i + 1)
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false
    i++
  }
  return true
}

const malformed = (value: string, label: { readonly zh: string; readonly en: string }) =>
  isWellFormed(value)
    ? []
    : [messages.make("LEDGER_TEXT_MALFORMED", { labels: { name: label } })]

/**
 * The quick check of an id: core's `Id.isValid` (1 to 128 characters, no control character,
 * nothing `trim` removes at either end) and well-formed, in one pass over the characters for
 * ASCII ids (core's own check for the others).
 */
export const isId = (value: unknown): value is string => {
  if (typeof value !== "string") return false
  const n = value.length
  if (n === 0 || n > Id.defaultMaxLength) return false
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i)
    // anything outside printable ASCII: core's rules and the surrogate check decide
    if (c <= 0x20 || c >= 0x7f) {
      if (c === 0x20 && i > 0 && i < n - 1) continue
      return Id.isValid(value) && isWellFormed(value)
    }
  }
  return true
}

/** An id schema (no brand: documents and commands stay plain strings for their writers). */
export const IdString = (label: { readonly zh: string; readonly en: string }) =>
  Schema.String.check(Issue.refine((value: string) => [...Id.validate(value, { label }), ...malformed(value, label)], {
    jsonSchema: { minLength: 1, maxLength: Id.defaultMaxLength, pattern: "^\\S(.*\\S)?$" }
  })).annotate({ description: `${label.en} (${label.zh})`, "gongzhi/expected": label })

/** The longest free text (a reason, a note) a command may carry. */
export const maxTextLength = 2000

/** The quick check of a free text: a string of at most {@link maxTextLength} characters, well formed; `nonEmpty` when required. */
export const isText = (value: unknown, nonEmpty: boolean): value is string =>
  typeof value === "string" && value.length <= maxTextLength && (!nonEmpty || value.trim() !== "") &&
  isWellFormed(value)

/** A free-text schema. */
export const Text = (label: { readonly zh: string; readonly en: string }, nonEmpty: boolean) =>
  Schema.String.check(Issue.refine((value: string) => {
    const found = [...malformed(value, label)]
    if (value.length > maxTextLength) {
      found.push(messages.make("LEDGER_TEXT_TOO_LONG", {
        params: { maxLength: maxTextLength },
        labels: { name: label }
      }))
    }
    if (nonEmpty && value.trim() === "") {
      found.push(messages.make("LEDGER_TEXT_EMPTY", { labels: { name: label } }))
    }
    return found
  }, { jsonSchema: { maxLength: maxTextLength } })).annotate({ description: `${label.en} (${label.zh})` })

/** The quick check of a list of distinct values, each passing `item`, at least `min` long. */
export const isDistinctList = (value: unknown, min: number, item: (v: unknown) => boolean): boolean => {
  if (!Array.isArray(value) || value.length < min) return false
  for (let i = 0; i < value.length; i++) {
    if (!Object.hasOwn(value, i) || !item(value[i])) return false
    for (let j = 0; j < i; j++) if (value[j] === value[i]) return false
  }
  return true
}

/** The issues of values given more than once in a list (one per repeated value, at its second place). */
export const duplicates = (
  values: ReadonlyArray<string>,
  what: { readonly zh: string; readonly en: string }
): Array<Issue.DomainIssue> => {
  const seen = new Set<string>()
  const found: Array<Issue.DomainIssue> = []
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    if (seen.has(value)) {
      found.push(
        messages.make("LEDGER_DUPLICATE_ID", { path: [i], params: { id: value }, labels: { what } })
      )
    }
    seen.add(value)
  }
  return found
}

/** A list schema whose values must be distinct. */
export const DistinctArray = <S extends Schema.Top>(
  item: S,
  what: { readonly zh: string; readonly en: string }
) =>
  Schema.Array(item).check(
    Issue.refine((values: ReadonlyArray<S["Type"]>) => duplicates(values as ReadonlyArray<string>, what))
  )
