/**
 * What every decoder must do with every input: return (never throw), return failures whose every
 * issue has a code, a path and zh/en text, and leave the built-in prototypes as they were.
 */

import { exoticInputs } from "./values.js"

/** A problem with one input; the fuzz run reports it with its reproducer. */
export class Finding extends Error {
  constructor(readonly kind: string, detail: string) {
    super(`${kind}: ${detail}`)
  }
}

const guarded: ReadonlyArray<readonly [string, object]> = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype]
]

type Saved = ReadonlyArray<readonly [PropertyKey, PropertyDescriptor]>

const snapshot = (proto: object): Saved =>
  Reflect.ownKeys(proto).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)!] as const)

const initial = guarded.map(([, proto]) => snapshot(proto))
const same = (a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean =>
  b !== undefined && a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable &&
  a.enumerable === b.enumerable && a.configurable === b.configurable

/** Puts a guarded prototype back as it was (so that the next inputs, and shrinking, start clean). */
const restore = (proto: object, saved: Saved): void => {
  const keep = new Set(saved.map(([k]) => k))
  for (const k of Reflect.ownKeys(proto)) if (!keep.has(k)) Reflect.deleteProperty(proto, k)
  for (const [k, d] of saved) {
    if (!same(d, Object.getOwnPropertyDescriptor(proto, k))) Object.defineProperty(proto, k, d)
  }
}

/**
 * Throws a finding when a guarded prototype gained, lost or changed a property, after putting it
 * back (so that the next inputs, and shrinking, start clean).
 */
export const checkPrototypes = (all = false): void => {
  // Object.prototype and Array.prototype after every input; all five (the cost of String.prototype's
  // fifty properties, every input, is a fifth of a run) when asked, after each decoder's inputs
  for (let i = 0; i < (all ? guarded.length : 2); i++) {
    const [name, proto] = guarded[i]!
    const saved = initial[i]!
    const keys = Reflect.ownKeys(proto)
    const changed = keys.length !== saved.length ||
      saved.some(([k, d]) => !same(d, Object.getOwnPropertyDescriptor(proto, k)))
    if (changed) {
      const before = new Set(saved.map(([k]) => k))
      const added = keys.filter((k) => !before.has(k)).map(String)
      restore(proto, saved)
      throw new Finding(
        "prototype pollution",
        `${name} changed${added.length > 0 ? ` (added ${added.join(", ")})` : ""}`
      )
    }
  }
  if (Object.getPrototypeOf({}) !== Object.prototype || !Object.isExtensible(Object.prototype)) {
    throw new Finding("prototype pollution", "Object.prototype was frozen or replaced")
  }
}

const nonEmpty = (v: unknown): boolean => typeof v === "string" && v.trim().length > 0

/** Throws a finding unless `issue` has a code, a path (strings and numbers) and zh/en text. */
export const checkIssue = (issue: unknown, where: string): void => {
  const i = issue as { code?: unknown; path?: unknown; message?: { zh?: unknown; en?: unknown } } | null
  const problems: Array<string> = []
  if (typeof i !== "object" || i === null) throw new Finding("malformed failure", `${where} is not an issue`)
  if (typeof i.code !== "string" || !/^[A-Z][A-Z0-9_]+$/.test(i.code)) problems.push(`code ${String(i.code)}`)
  if (
    !Array.isArray(i.path) ||
    !i.path.every((p) => typeof p === "string" || (typeof p === "number" && Number.isInteger(p)))
  ) {
    problems.push("path")
  }
  if (!nonEmpty(i.message?.zh)) problems.push("zh text")
  if (!nonEmpty(i.message?.en)) problems.push("en text")
  if (problems.length > 0) {
    throw new Finding("malformed failure", `${where} (${String(i.code)}) lacks ${problems.join(", ")}`)
  }
}

/** Throws a finding unless `issues` is a non-empty list of well-formed issues. */
export const checkIssues = (issues: unknown, where: string): void => {
  if (!Array.isArray(issues) || issues.length === 0) throw new Finding("malformed failure", `${where} has no issues`)
  issues.forEach((issue, n) => checkIssue(issue, `${where} issue ${n}`))
}

/** What a decoder's answer was. */
export type Outcome = "success" | "failure"

/**
 * Reads a `Result` whose failure is a validation report (or a list of issues): which it is,
 * after checking a failure's issues.
 */
export const checkResult = (result: unknown, where = "the failure"): Outcome => {
  const r = result as { _tag?: unknown; failure?: unknown } | null
  if (typeof r !== "object" || r === null || (r._tag !== "Success" && r._tag !== "Failure")) {
    throw new Finding("not a Result", `returned ${describe(result)}`)
  }
  if (r._tag === "Success") return "success"
  const failure = r.failure as { issues?: unknown } | null
  checkIssues(Array.isArray(failure) ? failure : failure?.issues, where)
  return "failure"
}

/** A short description of a value, safe for values that throw when read. */
export const describe = (value: unknown): string => {
  try {
    if (value === null) return "null"
    if (Array.isArray(value)) return `array(${value.length})`
    if (typeof value === "object") return `object ${Object.prototype.toString.call(value)}`
    return typeof value === "string" ? JSON.stringify(value.slice(0, 60)) : `${typeof value} ${String(value)}`
  } catch {
    return "an unreadable value"
  }
}

/** Whether a value is bytes or holds bytes near the top (a file's content, as the CLI readers get it). */
const holdsBytes = (value: unknown, depth = 0): boolean =>
  ArrayBuffer.isView(value) ||
  (depth < 2 && typeof value === "object" && value !== null &&
    Object.values(value).some((v) => holdsBytes(v, depth + 1)))

/**
 * The JSON text of an input JSON can make, to see afterwards that the decoder left it as it was;
 * undefined for other inputs (text cannot change; bytes are not walked element by element, and
 * JSON.stringify without a replacer keeps this check to a small share of a run).
 */
export const textOf = (input: unknown): string | undefined => {
  if (typeof input !== "object" || input === null || isExotic(input) || holdsBytes(input)) return undefined
  try {
    return JSON.stringify(input)
  } catch {
    return undefined
  }
}

const isExotic = (input: unknown): boolean =>
  ((typeof input === "object" && input !== null) || typeof input === "function") && exoticInputs.has(input)

/**
 * Checks a decoder's `Result` (see {@link checkResult}); on input JSON can make,
 * CORE_INPUT_UNREADABLE is a finding too: the decoder threw inside and its catch-all hid the crash
 * behind a message about Proxies.
 */
export const checkAnswer = (input: unknown, r: unknown): Outcome => {
  const outcome = checkResult(r)
  if (outcome === "failure" && !isExotic(input)) {
    const failure = (r as { failure: unknown }).failure
    const issues = (Array.isArray(failure) ? failure : (failure as { issues?: unknown }).issues) as ReadonlyArray<
      { readonly code: string; readonly message: { readonly en: string } }
    >
    const masked = issues.find((i) => i.code === "CORE_INPUT_UNREADABLE")
    if (masked !== undefined) {
      throw new Finding("masked crash", `CORE_INPUT_UNREADABLE on input JSON can make: ${masked.message.en}`)
    }
  }
  return outcome
}
