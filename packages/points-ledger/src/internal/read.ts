/**
 * Reading a command handed in by a caller: every known field of its kind is read once (a
 * throwing getter or a Proxy trap becomes an issue, not an exception) into a fresh plain
 * object with the fields in a fixed order and nothing else (what the journal stores and
 * hashes), then checked by quick rules that imply `Command.decode` accepts it. When the quick
 * rules fail, `Command.decode` runs on the copy to report every problem with its path.
 */
import type { Issue } from "@gongzhi/core"
import * as Command from "../Command.js"
import { messages } from "../Messages.js"
import { isDistinctList, isId, isText } from "./fields.js"

/** How each field of a command is checked. */
type Field =
  | "key"
  | "date"
  | "seq"
  | "id"
  | "positive"
  | "nonZero"
  | "reason"
  | "note"
  | "approvers"
  | "holder"

/** The fields of each kind of command, in the order they are stored and hashed; `?` marks an optional one. */
export const fields: { readonly [K in Command.Kind]: ReadonlyArray<readonly [string, Field, boolean]> } = {
  Open: [["account", "id", true], ["holder", "holder", true]],
  Earn: [
    ["account", "id", true],
    ["activity", "id", true],
    ["minutes", "positive", false],
    ["approvedBy", "approvers", false],
    ["note", "note", false]
  ],
  Redeem: [["account", "id", true], ["item", "id", true], ["quantity", "positive", true]],
  Hold: [["account", "id", true], ["item", "id", true], ["quantity", "positive", true]],
  Release: [["hold", "key", true]],
  Settle: [["hold", "key", true]],
  Adjust: [["account", "id", true], ["amount", "nonZero", true], ["reason", "reason", true], [
    "approvedBy",
    "id",
    true
  ]],
  Reverse: [["target", "key", true], ["reason", "reason", true]],
  Transfer: [["from", "id", true], ["to", "id", true], ["amount", "positive", true]],
  Donate: [["from", "id", true], ["amount", "positive", true]],
  Expire: []
}

/** Every key a command of each kind may have. */
const allowed: { readonly [K in Command.Kind]: ReadonlySet<string> } = Object.fromEntries(
  Object.entries(fields).map((
    [kind, list]
  ) => [kind, new Set(["_tag", "key", "on", "expectedSeq", ...list.map((f) => f[0])])])
) as never

/** The keys of a command its kind does not have (typos such as `expectedSq` must not be ignored). */
const unknownKeys = (input: object, kind: Command.Kind): Array<string> | undefined => {
  let found: Array<string> | undefined
  const known = allowed[kind]
  for (const key in input) {
    if (!known.has(key) && Object.hasOwn(input, key)) (found ??= []).push(key)
  }
  return found
}

const isKind = (tag: unknown): tag is Command.Kind => typeof tag === "string" && Object.hasOwn(fields, tag)

const isRole = (value: unknown): boolean =>
  value === "resident" || value === "partyMember" || value === "inServiceMember"

const describe = (u: unknown): string => (typeof u === "string" ? JSON.stringify(u) : String(u))

class Unreadable {
  constructor(readonly path: Issue.Path) {}
}

const get = (source: unknown, key: string | number, path: Issue.Path): unknown => {
  try {
    return (source as Record<string | number, unknown>)[key]
  } catch {
    throw new Unreadable(path)
  }
}

const copyList = (source: unknown, path: Issue.Path): unknown => {
  let isArray: boolean
  try {
    isArray = Array.isArray(source)
  } catch {
    throw new Unreadable(path)
  }
  if (!isArray) return source
  const n = get(source, "length", path) as number
  const out = new Array<unknown>(n)
  for (let i = 0; i < n; i++) out[i] = get(source, i, [...path, i])
  return out
}

const copyHolder = (source: unknown): unknown => {
  if (typeof source !== "object" || source === null) return source
  const holder: Record<string, unknown> = {}
  const name = get(source, "name", ["holder", "name"])
  holder["name"] = name
  holder["roles"] = copyList(get(source, "roles", ["holder", "roles"]), ["holder", "roles"])
  const member = get(source, "member", ["holder", "member"])
  if (member !== undefined) holder["member"] = member
  const grid = get(source, "grid", ["holder", "grid"])
  if (grid !== undefined) holder["grid"] = grid
  return holder
}

const isHolder = (value: unknown): boolean => {
  if (typeof value !== "object" || value === null) return false
  const h = value as Record<string, unknown>
  return isId(h["name"]) && isDistinctList(h["roles"], 1, isRole) &&
    (h["member"] === undefined || isId(h["member"])) && (h["grid"] === undefined || isId(h["grid"]))
}

const checks: { readonly [F in Field]: (value: unknown) => boolean } = {
  key: isId,
  date: () => true, // checked with the journal's date cache (see `readCommand`)
  seq: (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0,
  id: isId,
  positive: (v) => typeof v === "number" && Number.isSafeInteger(v) && v > 0,
  nonZero: (v) => typeof v === "number" && Number.isSafeInteger(v) && v !== 0,
  reason: (v) => isText(v, true),
  note: (v) => isText(v, false),
  approvers: (v) => isDistinctList(v, 0, isId),
  holder: isHolder
}

/** The fields of each kind as parallel arrays (no destructuring in the loops of every command). */
const layout: {
  readonly [K in Command.Kind]: {
    readonly names: ReadonlyArray<string>
    readonly kinds: ReadonlyArray<Field>
    readonly required: ReadonlyArray<boolean>
  }
} = Object.fromEntries(
  Object.entries(fields).map((
    [kind, list]
  ) => [kind, { names: list.map((f) => f[0]), kinds: list.map((f) => f[1]), required: list.map((f) => f[2]) }])
) as never

const check = (kind: Field, value: unknown): boolean => {
  switch (kind) {
    case "key":
    case "id":
      return isId(value)
    case "positive":
      return typeof value === "number" && Number.isSafeInteger(value) && value > 0
    case "nonZero":
      return typeof value === "number" && Number.isSafeInteger(value) && value !== 0
    case "reason":
      return isText(value, true)
    case "note":
      return isText(value, false)
    case "approvers":
      return isDistinctList(value, 0, isId)
    case "holder":
      return isHolder(value)
    default:
      return checks[kind](value)
  }
}

/** The copy of a command's known fields, read once each (a getter that throws makes it throw). */
const copyOf = (input: Record<string, unknown>, tag: Command.Kind): Record<string, unknown> => {
  const copy: Record<string, unknown> = { _tag: tag, key: input["key"], on: input["on"] }
  const expectedSeq = input["expectedSeq"]
  if (expectedSeq !== undefined) copy["expectedSeq"] = expectedSeq
  const { kinds, names } = layout[tag]
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    const value = input[name]
    if (value === undefined) continue
    const kind = kinds[i]
    copy[name] = kind === "holder" ? copyHolder(value) : kind === "approvers" ? copyList(value, [name]) : value
  }
  return copy
}

/**
 * An earning (most commands are) read as by `copyOf` and checked as by the loop of
 * `readCommand`, with the field names written out: the same copy, the same answer.
 */
const earning = {
  /** Whether a key is one an earning may have. */
  known: (key: string): boolean =>
    key === "_tag" || key === "key" || key === "on" || key === "account" || key === "activity" ||
    key === "approvedBy" || key === "minutes" || key === "note" || key === "expectedSeq",
  unknownKeys: (input: object): Array<string> | undefined => {
    let found: Array<string> | undefined
    for (const key in input) {
      if (!earning.known(key) && Object.hasOwn(input, key)) (found ??= []).push(key)
    }
    return found
  },
  copy: (input: Record<string, unknown>): Record<string, unknown> => {
    // every field read once, in the stored order, before the copy is made
    const key = input["key"]
    const on = input["on"]
    const expectedSeq = input["expectedSeq"]
    const account = input["account"]
    const activity = input["activity"]
    const minutes = input["minutes"]
    const given = input["approvedBy"]
    const approvedBy = given === undefined ? undefined : copyList(given, ["approvedBy"])
    const note = input["note"]
    // the usual earnings made with all their fields at once: an object built field by field
    // keeps its later fields in a second block (about 40 bytes and one allocation more per entry)
    if (expectedSeq === undefined && note === undefined && account !== undefined && activity !== undefined) {
      if (minutes === undefined) {
        return approvedBy === undefined
          ? { _tag: "Earn", key, on, account, activity }
          : { _tag: "Earn", key, on, account, activity, approvedBy }
      }
      if (approvedBy !== undefined) return { _tag: "Earn", key, on, account, activity, minutes, approvedBy }
    }
    const copy: Record<string, unknown> = { _tag: "Earn", key, on }
    if (expectedSeq !== undefined) copy["expectedSeq"] = expectedSeq
    if (account !== undefined) copy["account"] = account
    if (activity !== undefined) copy["activity"] = activity
    if (minutes !== undefined) copy["minutes"] = minutes
    if (approvedBy !== undefined) copy["approvedBy"] = approvedBy
    if (note !== undefined) copy["note"] = note
    return copy
  },
  good: (copy: Record<string, unknown>): boolean => {
    const minutes = copy["minutes"]
    const approvedBy = copy["approvedBy"]
    const note = copy["note"]
    return isId(copy["account"]) && isId(copy["activity"]) &&
      (minutes === undefined || (typeof minutes === "number" && Number.isSafeInteger(minutes) && minutes > 0)) &&
      (approvedBy === undefined || isDistinctList(approvedBy, 0, isId)) &&
      (note === undefined || isText(note, false))
  }
}

/** The same copy, slowly, naming the field whose reading failed. */
const copyNamingFailure = (input: object, tag: Command.Kind): Issue.Path => {
  try {
    get(input, "key", ["key"])
    get(input, "on", ["on"])
    get(input, "expectedSeq", ["expectedSeq"])
    for (const [name, kind] of fields[tag]) {
      const value = get(input, name, [name])
      if (kind === "holder") copyHolder(value)
      else if (kind === "approvers") copyList(value, [name])
    }
  } catch (error) {
    return error instanceof Unreadable ? error.path : []
  }
  return []
}

/** A command that cannot be stored: the issues, and the copy read when there is one. */
export class Refused {
  constructor(
    readonly issues: ReadonlyArray<Issue.DomainIssue>,
    readonly command: Command.Command | undefined
  ) {}
}

/**
 * Reads a command from anything a caller hands in: the fresh copy when it is well formed,
 * else what is wrong. `isDate` tells a good `YYYY-MM-DD` date (the journal answers from its
 * cache of dates).
 */
export const readCommand = (input: unknown, isDate: (on: unknown) => boolean): Command.Command | Refused =>
  readWith(input, isDate, true)

/** `readCommand`, with (`fast`) or without the written-out reading of an earning (the differential tests compare both). */
export const readWith = (
  input: unknown,
  isDate: (on: unknown) => boolean,
  fast: boolean
): Command.Command | Refused => {
  let copy: Record<string, unknown>
  let tag: unknown
  let unknown: Array<string> | undefined
  try {
    tag = typeof input === "object" && input !== null ? (input as Record<string, unknown>)["_tag"] : undefined
    if (!isKind(tag)) {
      return new Refused([
        messages.make("LEDGER_UNKNOWN_COMMAND", { path: ["_tag"], params: { actual: describe(tag) } })
      ], undefined)
    }
    const isEarning = fast && tag === "Earn"
    unknown = isEarning ? earning.unknownKeys(input as object) : unknownKeys(input as object, tag)
    copy = isEarning ? earning.copy(input as Record<string, unknown>) : copyOf(input as Record<string, unknown>, tag)
  } catch {
    const path = isKind(tag) ? copyNamingFailure(input as object, tag) : ["_tag"]
    return new Refused([
      messages.make("LEDGER_COMMAND_UNREADABLE", { path, params: { field: path.join(".") || "(command)" } })
    ], undefined)
  }
  let good = unknown === undefined && isId(copy["key"]) && isDate(copy["on"]) &&
    (copy["expectedSeq"] === undefined || checks.seq(copy["expectedSeq"]))
  if (fast && tag === "Earn") good &&= earning.good(copy)
  else {
    const { kinds, names, required } = layout[tag]
    for (let i = 0; i < names.length && good; i++) {
      const value = copy[names[i]!]
      good = value === undefined ? !required[i] : check(kinds[i]!, value)
    }
  }
  const command = copy as Command.Command
  if (good) return command
  // the unknown keys are shown to the decoder (which names them), never stored
  const decoded = Command.decode(
    unknown === undefined ? command : { ...command, ...Object.fromEntries(unknown.map((k) => [k, null])) }
  )
  // the schema is the reference: should the quick rules ever be stricter, it decides
  if (decoded._tag === "Success") return command
  return new Refused(decoded.failure.issues, command)
}

/** A fresh copy of a trusted command: its known fields only, in the stored order. */
export const copyTrusted = (c: Command.Command): Command.Command =>
  c._tag === "Earn" ? (earning.copy(c as never) as Command.Command) : copyTrustedGeneric(c)

/** `copyTrusted` for every kind, over the table of fields (the differential tests compare both). */
export const copyTrustedGeneric = (c: Command.Command): Command.Command => {
  const source = c as unknown as Record<string, unknown>
  const copy: Record<string, unknown> = { _tag: c._tag, key: c.key, on: c.on }
  if (c.expectedSeq !== undefined) copy["expectedSeq"] = c.expectedSeq
  for (const [name, kind] of fields[c._tag]) {
    const value = source[name]
    if (value === undefined) continue
    copy[name] = kind === "holder" ? copyHolder(value) : kind === "approvers" ? [...(value as Array<string>)] : value
  }
  return copy as Command.Command
}
