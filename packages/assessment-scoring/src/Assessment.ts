/**
 * Scoring a plan against inputs (考核评分): for every subject the total, grade, rank,
 * vetoes, consequences and an explanation tree, plus the plan's id and version and a hash of
 * the inputs, so that any result can be reproduced and audited.
 *
 * @since 0.1.0
 */
import { Issue, type Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Consequence from "./Consequence.js"
import * as Explanation from "./Explanation.js"
import * as Expression from "./Expression.js"
import * as Grade from "./Grade.js"
import type * as Inputs from "./Inputs.js"
import { append } from "./internal/append.js"
import { isFiniteNumber } from "./internal/guards.js"
import {
  addMember,
  addNumberMember,
  beginMembers,
  digestObject,
  digestScalar,
  hashJson,
  keyStateOf,
  type KeyTable,
  keyTable,
  type KnownMembers,
  type Lanes,
  lanes,
  type MemberSums,
  memberSums,
  storeMembers
} from "./internal/hash.js"
import { messages } from "./Messages.js"
import * as Method from "./Method.js"
import * as Plan from "./Plan.js"
import * as Ranking from "./Ranking.js"
import * as Rounding from "./Rounding.js"

/**
 * A grade as it appears in a result: id and label.
 *
 * @example
 * ```ts
 * import type { Assessment } from "@gongzhi/assessment-scoring"
 *
 * const grade: Assessment.GradeRef = { id: "excellent", label: { zh: "优秀", en: "excellent" } }
 * console.log(grade.label.zh)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface GradeRef {
  readonly id: string
  readonly label: Label.Label
}

/**
 * A veto as applied to a subject: the item, its effect and the recorded reason.
 *
 * @example
 * ```ts
 * import type { Assessment } from "@gongzhi/assessment-scoring"
 *
 * const veto: Assessment.AppliedVeto = {
 *   id: "duty-failure", label: { zh: "履职不力", en: "failed duties" },
 *   effect: { _tag: "BarGrades", grades: ["excellent"] },
 *   reason: { zh: "全年缺席联席会议 3 次", en: "missed 3 joint meetings this year" }
 * }
 * console.log(veto.id)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface AppliedVeto {
  readonly id: string
  readonly label: Label.Label
  readonly effect: Plan.VetoEffect
  readonly reason: Label.Label
}

/**
 * One subject's result.
 *
 * @example
 * ```ts
 * import { Assessment, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
 * const first: Assessment.SubjectResult = result.subjects[0]!
 * console.log(first.total, first.grade?.label.zh)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface SubjectResult {
  readonly id: string
  readonly name: string | undefined
  readonly group: string | undefined
  readonly attributes: Readonly<Record<string, Inputs.AttributeValue>>
  readonly total: number
  readonly maxTotal: number
  readonly grade: GradeRef | undefined
  readonly ungraded: Label.Label | undefined
  readonly rank: number | undefined
  readonly peers: number | undefined
  readonly previousRank: number | undefined
  readonly rankChange: number | undefined
  readonly vetoes: ReadonlyArray<AppliedVeto>
  readonly consequences: ReadonlyArray<Consequence.Applied>
  /** Where every point came from; made when first read, then kept (see {@link Explanation.Explanation}). */
  readonly explanation: Explanation.Explanation
}

/**
 * The result of scoring a plan: which plan (id, version, content fingerprint), which inputs (period and hash),
 * the rounding used, every subject's result in input order and what each quota did.
 *
 * @example
 * ```ts
 * import { Assessment, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result: Assessment.Assessment = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
 * console.log(result.planId, result.inputsHash.length) // "branch-stars" 16
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Assessment {
  readonly planId: string
  readonly planVersion: string
  /** The plan's content fingerprint (`Plan.fingerprint`): a changed plan with the same version has another. */
  readonly planHash: string
  readonly planName: Label.Label
  readonly period: string | undefined
  readonly inputsHash: string
  readonly rounding: Rounding.Rule
  readonly maxTotal: number
  readonly ranking: Ranking.Config | undefined
  readonly subjects: ReadonlyArray<SubjectResult>
  readonly quotas: ReadonlyArray<Grade.QuotaOutcome>
}

/**
 * Options of {@link score}: the method registry (default: the built-ins).
 *
 * @example
 * ```ts
 * import { Assessment, Method } from "@gongzhi/assessment-scoring"
 *
 * const options: Assessment.Options = { registry: Method.builtins }
 * console.log(options.registry !== undefined)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly registry?: Method.Registry | undefined
}

/**
 * A fingerprint (16 hex digits) of inputs: equal inputs give equal hashes whatever the order
 * of object keys (`undefined` members left out, -0 taken as 0). Not cryptographic: it records
 * which inputs a result was computed from. Two 32-bit FNV-1a-style lanes over each value, an
 * object being the sum of its members' digests, so that it is independent of key order without
 * sorting keys; deep inputs are walked without recursion.
 *
 * @example
 * ```ts
 * import { Assessment } from "@gongzhi/assessment-scoring"
 *
 * console.log(Assessment.inputsHash({ a: 1, b: [2] }) === Assessment.inputsHash({ b: [2], a: 1 })) // true
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const inputsHash = (inputs: unknown): string => hashJson(inputs)

interface Assessment_ {
  readonly by: string
  readonly value: unknown
  readonly weight?: number
}

const isAssessment = (a: unknown): a is Assessment_ => {
  if (typeof a !== "object" || a === null || !("by" in a) || !("value" in a)) return false
  const weight: unknown = "weight" in a ? a.weight : undefined
  return typeof a.by === "string" &&
    (weight === undefined || (typeof weight === "number" && weight > 0 && Number.isFinite(weight)))
}

const isAssessmentList = (u: unknown): u is ReadonlyArray<Assessment_> => Array.isArray(u) && u.every(isAssessment)

const assessorsDescription: Label.Label = {
  zh: "评价列表 [{ by, value, weight? }]（权重为正数）",
  en: "a list of assessments [{ by, value, weight? }] (weights positive)"
}

const noAttributes: Readonly<Record<string, Inputs.AttributeValue>> = Object.freeze({})
// shared by every subject that has none (most of them): frozen, so no caller can fill them
const noPoints: Readonly<Record<string, number>> = Object.freeze({})
const noVetoes: ReadonlyArray<AppliedVeto> = Object.freeze([])
const noIds: ReadonlyArray<string> = Object.freeze([])
const noConsequences: ReadonlyArray<Consequence.Applied> = Object.freeze([])
const noSubject: Method.SubjectView = Object.freeze({ id: "", group: undefined, attributes: noAttributes })

/** Whether a veto with this id is in the list already (the lists have a handful of items). */
const hasVeto = (vetoes: ReadonlyArray<AppliedVeto>, id: string): boolean => {
  for (const v of vetoes) if (v.id === id) return true
  return false
}

const wrongType = (leaf: Plan.CompiledLeaf, path: Issue.Path, expected: Label.Label): Issue.DomainIssue =>
  messages.make("ASSESS_INPUT_WRONG_TYPE", {
    path,
    params: { indicator: leaf.id, method: leaf.method.name },
    labels: { expected }
  })

/** Checks one value with its method's guard and range check, adding what is wrong. */
const checkValue = (
  found: Array<Issue.DomainIssue>,
  leaf: Plan.CompiledLeaf,
  value: unknown,
  context: Method.Context<undefined>,
  path: Issue.Path
): void => {
  const method = leaf.method
  if (!method.guard(value)) {
    found.push(wrongType(leaf, path, method.inputDescription))
  } else if (method.checkInput !== undefined) {
    for (const issue of method.checkInput(value, leaf.config, context)) {
      found.push({ ...issue, path: [...path, ...issue.path] })
    }
  }
}

/** The same text as a key of an object (the engine's own copy, which compares fastest with object keys). */
const propertyKey = (key: string): string => Object.keys({ [key]: true })[0] ?? key

const occurrencesKey = (kind: "bonus" | "deduction"): "bonus" | "deductions" =>
  kind === "bonus" ? "bonus" : "deductions"

/** Adds the issues of a subject's bonus or deduction occurrences (unknown items, counts that are not whole numbers ≥ 0). */
const occurrenceIssues = (
  found: Array<Issue.DomainIssue>,
  at: Issue.Path,
  record: Readonly<Record<string, number>> | undefined,
  ids: ReadonlySet<string>,
  kind: "bonus" | "deduction"
): void => {
  if (record === undefined) return
  for (const id in record) {
    const n = record[id]
    if (n === undefined) continue // an `undefined` member is absent, as everywhere else
    if (!ids.has(id)) {
      found.push(messages.make("ASSESS_ITEM_UNKNOWN", {
        path: [...at, occurrencesKey(kind), id],
        params: { kind, item: id },
        labels: { kind: { zh: kind === "bonus" ? "加分项" : "扣分项", en: kind } }
      }))
    } else if (!Number.isSafeInteger(n) || n < 0) {
      found.push(messages.make("ASSESS_OCCURRENCES_INVALID", {
        path: [...at, occurrencesKey(kind), id],
        params: { item: id, value: String(n) }
      }))
    }
  }
}

/** Whether a subject's bonus or deduction occurrences are all well-formed (the fast path of {@link occurrenceIssues}). */
const occurrencesValid = (record: Readonly<Record<string, number>> | undefined, ids: ReadonlySet<string>): boolean => {
  if (record === undefined) return true
  for (const id in record) {
    const n = record[id]
    if (n !== undefined && (!ids.has(id) || !Number.isSafeInteger(n) || n < 0)) return false
  }
  return true
}

/** A leaf's context during the input checks, its `subject` set before the checks that read it. */
type CheckContext = { -readonly [K in keyof Method.Context<undefined>]: Method.Context<undefined>[K] }

/**
 * Checks a subject's leaf value that is not a single finite number read by a built-in method.
 * The context names the subject only for the checks that read it (setting it for every value
 * would cost a write barrier each: the contexts outlive many subjects), and a path is made only
 * for a value that is checked.
 */
const checkLeaf = (
  found: Array<Issue.DomainIssue>,
  leaf: Plan.CompiledLeaf,
  value: unknown,
  context: CheckContext,
  view: Method.SubjectView,
  at: Issue.Path
): void => {
  const method = leaf.method
  const assessors = leaf.assessors
  if (assessors === undefined && method.guard(value) && method.checkInput === undefined) return
  context.subject = view
  const path: Issue.Path = [...at, "values", leaf.inputKey]
  if (assessors === undefined) {
    checkValue(found, leaf, value, context, path)
    return
  }
  if (!isAssessmentList(value)) {
    found.push(wrongType(leaf, path, assessorsDescription))
    return
  }
  const drop = assessors.aggregate === "trimmed-mean" ? (assessors.drop ?? 1) : 0
  const needed = Math.max(1, 2 * drop + 1)
  if (value.length < needed) {
    found.push(messages.make("ASSESS_TOO_FEW_ASSESSORS", {
      path,
      params: { indicator: leaf.id, count: value.length, needed }
    }))
  }
  value.forEach((a, k) => checkValue(found, leaf, a.value, context, [...path, k, "value"]))
}

/** What the input checks of a scoring run read, worked out once from the program. */
interface CheckTables {
  readonly leaves: ReadonlyArray<Plan.CompiledLeaf>
  /** The leaves' input keys as property keys (V8 then compares them with the values' keys by identity). */
  readonly keys: ReadonlyArray<string>
  readonly keyTable: KeyTable
  readonly inputKeys: ReadonlySet<string>
  /**
   * Whether a subject's values can be digested as they are read: every key is one leaf's key
   * (two leaves reading the same key would count it twice).
   */
  readonly digestible: boolean
  /** Whether a leaf's key is one plain objects inherit ("constructor", "toString" …): then only own members are read. */
  readonly inheritedKey: boolean
  /** 1: a built-in method's single finite number, checked inline; 0: the method's guard and checks. */
  readonly inline: Uint8Array
  readonly optional: Uint8Array
  readonly bonusIds: ReadonlySet<string>
  readonly deductionIds: ReadonlySet<string>
  readonly vetoIds: ReadonlySet<string>
  readonly contexts: ReadonlyArray<CheckContext>
}

const checkTables = (program: Plan.Program, first: Method.SubjectView): CheckTables => {
  const { leafTable, plan } = program
  const keys = leafTable.map((leaf) => propertyKey(leaf.inputKey))
  const inputKeys = new Set(keys)
  return {
    leaves: leafTable,
    keys,
    keyTable: keyTable(keys),
    inputKeys,
    digestible: inputKeys.size === leafTable.length,
    inheritedKey: keys.some((key) => key in Object.prototype),
    inline: Uint8Array.from(
      leafTable,
      (leaf) =>
        leaf.assessors === undefined && leaf.method.guard === isFiniteNumber && leaf.method.checkInput === undefined
          ? 1
          : 0
    ),
    optional: Uint8Array.from(leafTable, (leaf) => (leaf.optional ? 1 : 0)),
    bonusIds: new Set((plan.bonus ?? []).map((b) => b.id)),
    deductionIds: new Set((plan.deductions ?? []).map((d) => d.id)),
    vetoIds: new Set((plan.vetoes ?? []).map((v) => v.id)),
    contexts: leafTable.map((leaf): CheckContext => ({
      max: leaf.max,
      indicatorId: leaf.id,
      state: undefined,
      subject: first
    }))
  }
}

/** Whether a value may be read as `values[key]`: plain objects inherit nothing but Object.prototype's. */
const readsOwnOnly = (tables: CheckTables, values: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(values)
  return tables.inheritedKey || (prototype !== Object.prototype && prototype !== null)
}

/**
 * Each leaf's value as the input checks read it, subject by subject (`s × leaves + l`), in one
 * byte where it can be: `kinds[i]` is `v + 1` for a whole number `v` from 0 to {@link SMALL_MAX}
 * (not -0: what most plans' inputs are, a count or a score), {@link WIDE} for any other number
 * (not NaN), kept in `numbers`, and 0 for any other value, kept in `others` (undefined when there
 * was none). `numbers` and `others` are made when their first value is met. A local value of one
 * scoring run, which the results keep for their explanations: one byte per value instead of a
 * float of eight (a fresh 8 MB array per 10,000 × 100 run cost more to make than the checks that
 * fill it, see the README's figures), and nothing the collector scans.
 */
interface Reads {
  readonly kinds: Uint8Array
  numbers: Float64Array | undefined
  others: Array<unknown> | undefined
  readonly size: number
}

/** The largest whole number a {@link Reads} keeps in its byte. */
const SMALL_MAX = 253
/** The kind of a number kept in `numbers`. */
const WIDE = 255

const newReads = (size: number): Reads => ({ kinds: new Uint8Array(size), numbers: undefined, others: undefined, size })

/** The kind byte of a number that is a small whole number (`v + 1`), else 0. */
const smallKind = (
  v: number
): number => ((v | 0) === v && v >= 0 && v <= SMALL_MAX && (v !== 0 || 1 / v > 0) ? v + 1 : 0)

/** Keeps value `i` (replacing what was kept there). */
const keepValue = (reads: Reads, i: number, value: unknown): void => {
  if (typeof value === "number" && value === value) {
    const kind = smallKind(value)
    if (kind !== 0) {
      reads.kinds[i] = kind
    } else {
      reads.kinds[i] = WIDE
      ;(reads.numbers ??= new Float64Array(reads.size))[i] = value
    }
    if (reads.others !== undefined) reads.others[i] = undefined
    return
  }
  reads.kinds[i] = 0
  if (value !== undefined) (reads.others ??= new Array<unknown>(reads.size))[i] = value
  else if (reads.others !== undefined) reads.others[i] = undefined
}

/** Value `i` as a number when it is one (not NaN), else NaN. */
const numberAt = (reads: Reads, i: number): number => {
  const kind = reads.kinds[i] ?? 0
  if (kind === 0) return NaN
  return kind === WIDE ? (reads.numbers?.[i] ?? NaN) : kind - 1
}

/** Value `i` as kept (undefined when there was none). */
const valueAt = (reads: Reads, i: number): unknown =>
  (reads.kinds[i] ?? 0) === 0 ? reads.others?.[i] : numberAt(reads, i)

/** The fast pass's answers: a subject's inputs are not (or may not be) well-formed; well-formed; well-formed and digested. */
type Verdict = 0 | 1 | 2
const INVALID: Verdict = 0
const VALID: Verdict = 1
const DIGESTED: Verdict = 2

/**
 * The fast pass over one subject's inputs: whether they are all well-formed, with no issue
 * made (no path, no message). It keeps each leaf's value in `reads`, and, when every member
 * of the values is a leaf's number, records their digests for the inputs fingerprint. Any
 * doubt answers {@link INVALID}, and the subject goes to {@link subjectIssues}, which names every
 * problem; {@link DIGESTED} says the subject is well-formed and its values' digests were added up.
 */
const subjectValid = (
  tables: CheckTables,
  subject: Inputs.Subject,
  view: Method.SubjectView,
  base: number,
  reads: Reads,
  sums: MemberSums,
  scratch: Array<Issue.DomainIssue>
): Verdict => {
  const values = subject.values
  const verdict = valuesByLeaves(tables, values, readsOwnOnly(tables, values), view, base, reads, sums, scratch)
  if (verdict === INVALID) return INVALID
  if (!occurrencesValid(subject.bonus, tables.bonusIds)) return INVALID
  if (!occurrencesValid(subject.deductions, tables.deductionIds)) return INVALID
  // (by index: a `for … of` over the shared frozen empty list made an iterator per subject)
  const vetoes = subject.vetoes ?? noSubjectVetoes
  for (let i = 0; i < vetoes.length; i++) {
    const v = vetoes[i]
    if (v === undefined || !tables.vetoIds.has(v.id)) return INVALID
  }
  return verdict
}

/** Whether Object.prototype has an enumerable member (then `for … in` on a plain object would meet it). */
const enumerableInherited = (): boolean => {
  for (const _ in Object.prototype) return true
  return false
}

/**
 * Checks one leaf value of the fast pass that is defined: a finite number for a built-in method
 * inline, else the method's guard and checks into `scratch`. Whether it is well-formed.
 */
const leafValid = (
  tables: CheckTables,
  l: number,
  value: unknown,
  view: Method.SubjectView,
  scratch: Array<Issue.DomainIssue>
): boolean => {
  if (typeof value === "number" && tables.inline[l] === 1) return value - value === 0
  const leaf = tables.leaves[l]
  const context = tables.contexts[l]
  if (leaf === undefined || context === undefined) return false
  checkLeaf(scratch, leaf, value, context, view, [])
  return scratch.length === 0
}

/**
 * The fast pass over a subject's values, leaf by leaf (`values[key]`, own members only when
 * `ownOnly`), then their own keys counted (`Object.keys`): a key that is no leaf's makes the
 * count differ. Reading by name costs the same on an object V8 keeps as a hash table (values
 * filled key by key: from rows, a decoder, a form) as on one with fast properties (parsed from
 * JSON), where a walk of the keys (`for … in`) costs a second lookup per key on a hash table
 * (see the README's figures). While it reads, it adds up the fingerprint digests of the numbers
 * (a small whole number's digest under its key is remembered, see `addNumberMember`).
 */
const valuesByLeaves = (
  tables: CheckTables,
  values: Readonly<Record<string, unknown>>,
  ownOnly: boolean,
  view: Method.SubjectView,
  base: number,
  reads: Reads,
  sums: MemberSums,
  scratch: Array<Issue.DomainIssue>
): Verdict => {
  const { digestible, inline, keys, keyTable, optional } = tables
  const { known: remembered, memo, width } = keyTable
  const ownKeys = Object.keys(values)
  const count = ownKeys.length
  let known = 0
  let numeric = 0
  beginMembers(sums)
  for (let l = 0; l < keys.length; l++) {
    const key = keys[l] ?? ""
    const value = ownOnly && !Object.hasOwn(values, key) ? undefined : values[key]
    keepValue(reads, base + l, value)
    if (value === undefined) {
      if (optional[l] === 0) return INVALID
      continue
    }
    known++
    if (typeof value === "number") {
      numeric++
      if (digestible) {
        // a small whole number whose digest under this key is remembered, added inline (see addNumberMember)
        const m = l * width + value
        if ((value | 0) === value && value >= 0 && value < width && u8(remembered, m) === 1) {
          sums.sumA = (sums.sumA + i32(memo, 2 * m)) | 0
          sums.sumB = (sums.sumB + i32(memo, 2 * m + 1)) | 0
          sums.count++
        } else {
          addNumberMember(sums, keyTable, l, value)
        }
      }
      // the hot path: a finite number for a built-in method, nothing else to check
      if (inline[l] === 1) {
        if (value - value === 0) continue
        return INVALID
      }
    }
    if (!leafValid(tables, l, value, view, scratch)) return INVALID
  }
  if (digestible) {
    // every key is one leaf's: as many own keys as values read, else a key is no leaf's (or a
    // leaf's value was inherited, or an own member is undefined): the reporting pass decides
    if (count !== known) return INVALID
    // digested when every member is a number (known values are own members, and distinct)
    return numeric === known ? DIGESTED : VALID
  }
  if (count > known) return INVALID
  for (const key of ownKeys) if (!tables.inputKeys.has(key)) return INVALID
  return VALID
}

const noSubjectVetoes: ReadonlyArray<Inputs.VetoInput> = Object.freeze([])

/** What {@link subjectDigest} works with: scratch lanes and sums, and the key states met (local values of a run). */
interface SubjectDigester {
  readonly lanes: Lanes
  readonly subject: MemberSums
  readonly record: MemberSums
  readonly keys: Map<string, Int32Array>
}

/** Whether an object's members are its own enumerable ones as `for … in` meets them (a plain object, Object.prototype unchanged). */
const isPlain = (o: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(o)
  return (prototype === Object.prototype || prototype === null) && !enumerableInherited()
}

/**
 * Works out the fingerprint digest of subject `s` while it is at hand, when its values were
 * digested (`sums`) and its other members are text, numbers, or records of numbers (`bonus`,
 * `deductions`): the walk of `Assessment.inputsHash` then takes it as it is instead of reading
 * the subject again. Any other member leaves the subject to the walk (its values' sums still
 * known). The same digest as the walk's (see internal/hash.ts). Whether it was worked out.
 */
const subjectDigest = (
  d: SubjectDigester,
  subject: Inputs.Subject,
  s: number,
  sums: MemberSums,
  known: KnownMembers
): boolean => {
  const elements = known.elements
  if (elements === undefined || !isPlain(subject)) return false
  const l = d.lanes
  beginMembers(d.subject)
  const record = subject as unknown as Readonly<Record<string, unknown>>
  for (const key in record) {
    const member = record[key]
    if (member === undefined) continue
    if (key === "values") {
      digestObject(l, sums.sumA, sums.sumB, sums.count)
    } else if (typeof member === "string" || typeof member === "number") {
      digestScalar(l, member)
    } else if ((key === "bonus" || key === "deductions") && typeof member === "object" && member !== null) {
      if (!isPlain(member)) return false
      const items: Readonly<Record<string, unknown>> = member as Readonly<Record<string, unknown>>
      beginMembers(d.record)
      for (const id in items) {
        const n = items[id]
        if (n === undefined) continue
        if (typeof n !== "number") return false
        digestScalar(l, n)
        addMember(d.record, l, keyStateOf(d.keys, id))
      }
      digestObject(l, d.record.sumA, d.record.sumB, d.record.count)
    } else {
      return false
    }
    addMember(d.subject, l, keyStateOf(d.keys, key))
  }
  digestObject(l, d.subject.sumA, d.subject.sumB, d.subject.count)
  elements.digests[2 * s] = l.a
  elements.digests[2 * s + 1] = l.b
  elements.has[s] = 1
  return true
}

/** The reporting pass over one subject's inputs: every problem, with its path, in document order. */
const subjectIssues = (
  found: Array<Issue.DomainIssue>,
  tables: CheckTables,
  subject: Inputs.Subject,
  view: Method.SubjectView,
  s: number,
  reads: Reads
): void => {
  const { leaves, keys, optional } = tables
  const at: Issue.Path = ["subjects", s]
  const values = subject.values
  const ownOnly = readsOwnOnly(tables, values)
  const mark = found.length
  const base = s * keys.length
  let known = 0
  leaves.forEach((leaf, l) => {
    const key = keys[l] ?? leaf.inputKey
    const value = ownOnly && !Object.hasOwn(values, key) ? undefined : values[key]
    // (the fast pass may have read another value of a getter: this one replaces it)
    keepValue(reads, base + l, value)
    if (value === undefined) {
      if (optional[l] === 0) {
        found.push(messages.make("ASSESS_INPUT_MISSING", {
          path: [...at, "values", leaf.inputKey],
          params: { indicator: leaf.id }
        }))
      }
      return
    }
    known++
    const context = tables.contexts[l]
    if (context !== undefined) checkLeaf(found, leaf, value, context, view, at)
  })
  // unknown keys: looked for when there are more keys than known values, or when two leaves
  // read the same key; their issues go before the values' own
  const all = Object.keys(values)
  if (all.length > known || !tables.digestible) {
    const unknown: Array<Issue.DomainIssue> = []
    for (const key of all) {
      if (!tables.inputKeys.has(key)) {
        unknown.push(messages.make("ASSESS_INPUT_UNKNOWN", { path: [...at, "values", key], params: { key } }))
      }
    }
    // (no spread: a subject may have any number of unknown keys)
    const own = found.splice(mark)
    append(found, unknown)
    append(found, own)
  }
  occurrenceIssues(found, at, subject.bonus, tables.bonusIds, "bonus")
  occurrenceIssues(found, at, subject.deductions, tables.deductionIds, "deduction")
  subject.vetoes?.forEach((v, k) => {
    if (!tables.vetoIds.has(v.id)) {
      found.push(messages.make("ASSESS_ITEM_UNKNOWN", {
        path: [...at, "vetoes", k, "id"],
        params: { kind: "veto", item: v.id },
        labels: { kind: { zh: "一票否决项", en: "veto" } }
      }))
    }
  })
}

/**
 * Checks every subject's inputs against the compiled plan, in two passes as zod's compiled
 * mode does: {@link subjectValid} says whether a subject is well-formed without making any
 * issue; only for a subject it doubts does {@link subjectIssues} run, naming every problem
 * (so a valid subject's checks make no path, no message, no array). Each leaf's value is read
 * in `reads` (`s × leaves + l`), and the digests of well-formed subjects' values into `digested`.
 */
const inputIssues = (
  program: Plan.Program,
  inputs: Inputs.Inputs,
  views: ReadonlyArray<Method.SubjectView>,
  reads: Reads,
  digested: KnownMembers,
  accepted: ((s: number) => void) | undefined
): Array<Issue.DomainIssue> => {
  const subjects = inputs.subjects
  const found: Array<Issue.DomainIssue> = []
  const first = views[0]
  if (first === undefined) return found
  const tables = checkTables(program, first)
  const L = tables.keys.length
  // the member digests of the subject being read (a local value: a check that scores again cannot disturb it)
  const sums = memberSums()
  const digester: SubjectDigester = { lanes: lanes(), subject: memberSums(), record: memberSums(), keys: new Map() }
  const scratch: Array<Issue.DomainIssue> = []
  // ids in increasing order (as most lists come) have no duplicate: each is compared with the one
  // before; at the first that is not greater, the ids so far go into a set, which checks the rest
  let seen: Set<string> | undefined
  let previous = ""
  subjects.forEach((subject, s) => {
    const view = views[s] ?? first
    const id = subject.id
    let duplicate = false
    if (seen === undefined && (s === 0 || previous < id)) {
      previous = id
    } else {
      seen ??= new Set(subjects.slice(0, s).map((before) => before.id))
      duplicate = seen.has(id)
      seen.add(id)
    }
    const verdict = duplicate ? INVALID : subjectValid(tables, subject, view, s * L, reads, sums, scratch)
    // the subject's digest, else its values' sums for the walk (a map entry per values object)
    if (verdict === DIGESTED && !subjectDigest(digester, subject, s, sums, digested)) {
      storeMembers(digested, sums, subject.values, 3 * s)
    }
    if (verdict !== INVALID) {
      // (scored at once while no subject so far has an issue: see `scoreChecked`)
      if (accepted !== undefined && found.length === 0) accepted(s)
      return
    }
    scratch.length = 0
    if (duplicate) {
      found.push(messages.make("ASSESS_SUBJECT_DUPLICATE", {
        path: ["subjects", s, "id"],
        params: { id: subject.id }
      }))
    }
    subjectIssues(found, tables, subject, view, s, reads)
    // (a subject the fast pass doubted that has no issue after all)
    if (accepted !== undefined && found.length === 0) accepted(s)
  })
  return found
}

/** A number of a table whose length the caller made to fit (a typed array or a list of numbers). */
const unit = (table: ArrayLike<number>, i: number): number => table[i] ?? 0
// the same for each kind of typed array, one helper each: a helper read with several kinds of
// table has a polymorphic (or, past four, megamorphic) load, which V8 keeps wherever it inlines it
/** A number of a Float64Array whose length the caller made to fit. */
const f64 = (table: Float64Array, i: number): number => table[i] ?? 0
/** A number of an Int32Array whose length the caller made to fit. */
const i32 = (table: Int32Array, i: number): number => table[i] ?? 0
/** A number of a Uint8Array whose length the caller made to fit. */
const u8 = (table: Uint8Array, i: number): number => table[i] ?? 0

/** A child's part in its parent's combination: its node number, weight and maximum in units. */
interface Part {
  readonly n: number
  readonly weight: number
  readonly maxU: number
}

/** The parts of the nodes `list` (their weights read only when every one has a weight). */
const partsOf = (program: Plan.Program, list: ReadonlyArray<number>): ReadonlyArray<Part> =>
  list.map((n) => ({ n, weight: program.nodes[n]?.weight ?? 0, maxU: unit(program.maxUnits, n) }))

/**
 * Combines parts' units (`u[offset + part]`): the weighted normalised sum, rounded, or the
 * plain sum, which the caller caps at the max. (Module-level, as are the other helpers of the
 * scoring loop: an inner function is much slower to call once a build tool has wrapped it to
 * keep its name, as tsx and esbuild's keepNames do.)
 */
const combineParts = (
  parts: ReadonlyArray<Part>,
  weighted: boolean,
  maxU: number,
  mode: Rounding.Mode,
  tree: TreeRun,
  s: number
): number => {
  if (weighted) {
    let num = 0
    let den = 0
    for (const part of parts) {
      num += part.weight * (pointsAt(tree, s, part.n) / part.maxU)
      den += part.weight
    }
    return den === 0 ? 0 : Rounding.roundScaled((maxU * num) / den, mode)
  }
  let sum = 0
  for (const part of parts) sum += pointsAt(tree, s, part.n)
  return sum
}

/** A leaf's method context, its `subject` set before each call. */
interface LeafContext {
  max: number
  indicatorId: string
  state: unknown
  subject: Method.SubjectView
}

/**
 * One step of scoring a subject's tree, in reverse pre-order (children before parents): an
 * inner node combining its children's parts, or a leaf with its method, its leaf number and its
 * context. Worked out once per run, so the loop indexes no node list.
 */
type TreeStep =
  | {
    readonly _tag: "Inner"
    readonly n: number
    readonly node: Plan.CompiledNode
    readonly maxU: number
    readonly weighted: boolean
    readonly parts: ReadonlyArray<Part>
  }
  | {
    readonly _tag: "Leaf"
    readonly n: number
    readonly node: Plan.CompiledNode
    readonly maxU: number
    readonly l: number
    readonly leaf: Plan.CompiledLeaf
    readonly context: LeafContext
    /** For a leaf scored by the built-in threshold bands (first or unique hit), its bands as a table. */
    readonly bands: BandTable | undefined
  }

/**
 * The built-in `bands` method of one leaf worked out for a run: each band's bounds, and each
 * outcome's units and cap (the bands', then the one when no band matches), so scoring a value
 * is a search of the bounds. The same outcomes as the method's prepared state returns, so the
 * explanation's notes are the method's own.
 */
interface BandTable {
  readonly min: Float64Array
  readonly below: Float64Array
  readonly units: Float64Array
  readonly capped: Uint8Array
  readonly outcomes: ReadonlyArray<Method.Outcome>
}

const isBandsState = (u: unknown): u is Method.BandsState =>
  typeof u === "object" && u !== null && "min" in u && u.min instanceof Float64Array && "below" in u &&
  u.below instanceof Float64Array && "outcomes" in u && Array.isArray(u.outcomes) && "otherwise" in u

/** The band table of a leaf when its method is the built-in `bands` with its prepared state (else undefined: the method is called). */
const bandTable = (
  leaf: Plan.CompiledLeaf,
  state: unknown,
  maxU: number,
  scale: number,
  mode: Rounding.Mode
): BandTable | undefined => {
  if (leaf.method !== Method.bands || leaf.assessors !== undefined || !isBandsState(state)) return undefined
  const config = state.config
  if (config !== leaf.config || config.hitPolicy === "max" || state.outcomes.length >= 255) return undefined
  const outcomes = [...state.outcomes, state.otherwise]
  if (!outcomes.every((o) => Number.isFinite(o.points))) return undefined
  const raw = outcomes.map((o) => Rounding.roundScaled(o.points * scale, mode))
  return {
    min: state.min,
    below: state.below,
    units: Float64Array.from(raw, (pu) => (pu > maxU ? maxU : pu < 0 ? 0 : pu)),
    capped: Uint8Array.from(raw, (pu) => (pu > maxU ? 1 : pu < 0 ? 2 : 0)),
    outcomes
  }
}

const treeSteps = (program: Plan.Program, contexts: ReadonlyArray<LeafContext>): ReadonlyArray<TreeStep> => {
  const leafOf = new Map<
    number,
    { readonly l: number; readonly leaf: Plan.CompiledLeaf; readonly context: LeafContext }
  >()
  program.leafTable.forEach((leaf, l) => {
    const context = contexts[l]
    if (context !== undefined) leafOf.set(leaf.node, { l, leaf, context })
  })
  return program.nodes.map((node, n): TreeStep => {
    const maxU = unit(program.maxUnits, n)
    const leaf = leafOf.get(n)
    return leaf === undefined
      ? { _tag: "Inner", n, node, maxU, weighted: node.weighted, parts: partsOf(program, node.children) }
      : {
        _tag: "Leaf",
        n,
        node,
        maxU,
        ...leaf,
        bands: bandTable(leaf.leaf, leaf.context.state, maxU, program.scale, program.rounding.mode)
      }
  }).reverse()
}

/** The kinds of step of a {@link TreeCode}. */
const SUM = 0
const WEIGHTED = 1
const BANDS = 2
const METHOD = 3

/**
 * The steps of a run as flat tables, which the scoring loop reads instead of the step objects:
 * per step its kind, node and maximum in units, and for an inner node the range of its parts
 * (`partNode`, `partWeight`, `partMaxU`), for a leaf its leaf number and, for a threshold-bands
 * leaf, the range of its bands in the flat band tables (the outcome after the last band is
 * "no band matched"). A leaf of any other method is scored through its step object.
 */
interface TreeCode {
  readonly kind: Uint8Array
  readonly node: Int32Array
  readonly maxU: Float64Array
  /** An inner node's first part; a leaf's leaf number. */
  readonly first: Int32Array
  /** An inner node's end of parts; a bands leaf's first band. */
  readonly end: Int32Array
  /** A bands leaf's number of bands. */
  readonly count: Int32Array
  readonly partNode: Int32Array
  readonly partWeight: Float64Array
  readonly partMaxU: Float64Array
  readonly bandMin: Float64Array
  readonly bandBelow: Float64Array
  readonly bandUnits: Float64Array
  /**
   * For a bands leaf at step `k`, the band holding each whole number `v` of `[0, BAND_MEMO)`, at
   * `k × BAND_MEMO + v` (the band after the last: none holds it), worked out by the same search as
   * the scoring loop's, so a count or a percentage is scored by one read.
   */
  readonly bandOf: Uint8Array
  /**
   * 1 at a plain-sum step whose parts are exactly the leaf steps just before it (a dimension of
   * leaves): its sum is the one the loop adds up while scoring them, which it starts at 0 at the
   * first of them (a step where `sumFrom` is 1). Points are whole units, so the sum does not
   * depend on its order.
   */
  readonly sumOfRun: Uint8Array
  readonly sumFrom: Uint8Array
}

/** How many small whole numbers (0, 1, …) a {@link TreeCode} knows the band of, per bands leaf. */
const BAND_MEMO = 128

const treeCode = (steps: ReadonlyArray<TreeStep>): TreeCode => {
  const T = steps.length
  const kind = new Uint8Array(T)
  const node = new Int32Array(T)
  const maxU = new Float64Array(T)
  const first = new Int32Array(T)
  const end = new Int32Array(T)
  const count = new Int32Array(T)
  const parts: Array<Part> = []
  const bands: Array<{ min: number; below: number; units: number }> = []
  const bandOf = new Uint8Array(T * BAND_MEMO)
  const sumOfRun = new Uint8Array(T)
  const sumFrom = new Uint8Array(T)
  steps.forEach((step, k) => {
    node[k] = step.n
    maxU[k] = step.maxU
    if (step._tag === "Inner") {
      kind[k] = step.weighted ? WEIGHTED : SUM
      first[k] = parts.length
      for (const part of step.parts) parts.push(part)
      end[k] = parts.length
      const P = step.parts.length
      const before = steps.slice(Math.max(0, k - P), k)
      if (
        !step.weighted && P > 0 && k >= P && before.every((b) => b._tag === "Leaf") &&
        step.parts.every((part) => before.some((b) => b.n === part.n))
      ) {
        sumOfRun[k] = 1
        sumFrom[k - P] = 1
      }
      return
    }
    first[k] = step.l
    const table = step.bands
    if (table === undefined) {
      kind[k] = METHOD
      return
    }
    kind[k] = BANDS
    end[k] = bands.length
    count[k] = table.min.length
    // each band, then the outcome when none matches (bounds that hold no number)
    for (let i = 0; i <= table.min.length; i++) {
      bands.push({
        min: table.min[i] ?? NaN,
        below: table.below[i] ?? NaN,
        units: f64(table.units, i)
      })
    }
    for (let v = 0; v < BAND_MEMO; v++) {
      let i = 0
      while (i < table.min.length && !(v >= (table.min[i] ?? NaN) && v < (table.below[i] ?? NaN))) i++
      bandOf[k * BAND_MEMO + v] = i
    }
  })
  return {
    kind,
    node,
    maxU,
    first,
    end,
    count,
    partNode: Int32Array.from(parts, (part) => part.n),
    partWeight: Float64Array.from(parts, (part) => part.weight),
    partMaxU: Float64Array.from(parts, (part) => part.maxU),
    bandMin: Float64Array.from(bands, (band) => band.min),
    bandBelow: Float64Array.from(bands, (band) => band.below),
    bandUnits: Float64Array.from(bands, (band) => band.units),
    bandOf,
    sumOfRun,
    sumFrom
  }
}

/** How many shared outcomes of each leaf (see {@link TreeRun.outcomes}) are remembered. */
const OUTCOMES = 4

/** What scoring a subject's indicator tree reads and fills, made once per scoring run. */
interface TreeRun {
  readonly steps: ReadonlyArray<TreeStep>
  /** The same steps as flat tables, for the scoring loop. */
  readonly code: TreeCode
  readonly nodeCount: number
  readonly leafCount: number
  readonly scale: number
  readonly mode: Rounding.Mode
  /** Each leaf's value, subject by subject (`s × leafCount + l`), as read by the input checks. */
  readonly reads: Reads
  /**
   * The units of every node but the threshold-bands leaves, subject by subject (`s × slots +
   * slotOf[n]`): a bands leaf's units are its band's, read from the band table by its outcome
   * (`outcomeOf`, 0 points without one), so a 10,000 × 100 run keeps 11 numbers a subject, not 111.
   */
  readonly pointsOf: Float64Array
  readonly slots: number
  /** Each node's slot in `pointsOf` (-1 for a bands leaf). */
  readonly slotOf: Int32Array
  /** For a bands leaf, its first band in `code.bandUnits`. */
  readonly bandFirstOf: Int32Array
  /** Points written for a bands leaf otherwise than by its band (`s × nodes + n`; none in a run whose checks passed). */
  spare: Map<number, number> | undefined
  /** How each node's units were capped: 0 not, 1 at the max, 2 at zero (for a band table's leaf: its outcome's, see {@link outcomeOf}). */
  readonly cappedOf: Uint8Array
  /**
   * The frozen outcomes a leaf's method returned for more than one subject (a threshold band's),
   * up to {@link OUTCOMES} per leaf (`l × OUTCOMES + k`), with their units and caps worked out
   * once: a value scored to one of them is recorded as its number (`outcomeOf`), not its note.
   */
  readonly outcomes: Array<Method.Outcome | undefined>
  readonly outcomeUnits: Float64Array
  readonly outcomeCapped: Uint8Array
  readonly outcomeCount: Uint8Array
  /** Which remembered outcome each node's points are (`k + 1`; of its band table when the leaf has one), 0 for none. */
  readonly outcomeOf: Uint8Array
  /** The note of every other node with one (`s × nodes + n`), made when the first is written. */
  notesOf: Array<Label.Label | undefined> | undefined
  readonly assessmentsOf: Map<number, ReadonlyArray<Explanation.AssessorScore>>
  readonly failures: Array<Issue.DomainIssue>
}

const noValueNote: Label.Label = Object.freeze({
  zh: "无数据（可选指标，记 0 分）",
  en: "no value (optional indicator, 0 points)"
})

/** Records the note of node `at` (`s × nodes + n`). */
const setNote = (run: TreeRun, at: number, note: Label.Label): void => {
  ;(run.notesOf ??= new Array(run.outcomeOf.length))[at] = note
}

/** Node `n`'s units for subject `s` (see {@link TreeRun.pointsOf}). */
const pointsAt = (run: TreeRun, s: number, n: number): number => {
  const slot = i32(run.slotOf, n)
  if (slot >= 0) return f64(run.pointsOf, s * run.slots + slot)
  const at = s * run.nodeCount + n
  const outcome = u8(run.outcomeOf, at)
  if (outcome !== 0) return f64(run.code.bandUnits, i32(run.bandFirstOf, n) + outcome - 1)
  return run.spare?.get(at) ?? 0
}

/** Sets node `n`'s units for subject `s` (a bands leaf's, apart: see {@link TreeRun.spare}). */
const setPoints = (run: TreeRun, s: number, n: number, units: number): void => {
  const slot = i32(run.slotOf, n)
  if (slot >= 0) run.pointsOf[s * run.slots + slot] = units
  else if (units !== 0 || run.spare !== undefined) (run.spare ??= new Map()).set(s * run.nodeCount + n, units)
}

/** Records node `n`'s points for subject `s` in units, rounded and clamped to `[0, maxU]`, and how they were capped. */
const setLeafUnits = (run: TreeRun, s: number, n: number, points: number, maxU: number): void => {
  const pu = Rounding.roundScaled(points * run.scale, run.mode)
  const at = s * run.nodeCount + n
  if (pu > maxU) {
    setPoints(run, s, n, maxU)
    run.cappedOf[at] = 1
  } else if (pu < 0) {
    setPoints(run, s, n, 0)
    run.cappedOf[at] = 2
  } else {
    setPoints(run, s, n, pu)
  }
}

const notFinite = (leaf: Plan.CompiledLeaf, s: number, points: number): Issue.DomainIssue =>
  messages.make("ASSESS_SCORE_NOT_FINITE", {
    path: ["subjects", s, "values", leaf.inputKey],
    params: { indicator: leaf.id, method: leaf.method.name, actual: String(points) }
  })

/** Scores subject `s`'s indicator tree, by its steps (children before parents). */
const scoreTree = (run: TreeRun, s: number, view: Method.SubjectView): void => {
  const { code, pointsOf, cappedOf, outcomeOf, reads, slotOf } = run
  const kinds = reads.kinds
  const { bandBelow, bandMin, bandOf, bandUnits, count, end, kind, maxU, node, partMaxU, partNode, partWeight } = code
  const { sumFrom, sumOfRun } = code
  // the sum of the leaf steps since the last step where `sumFrom` is 1 (see TreeCode.sumOfRun)
  let leafSum = 0
  const at = s * run.nodeCount
  const base = s * run.slots
  const first = s * run.leafCount
  const T = kind.length
  const leafOf = code.first
  for (let k = 0; k < T; k++) {
    const n = i32(node, k)
    const op = kind[k]
    if (op === BANDS) {
      if (u8(sumFrom, k) === 1) leafSum = 0
      const j = first + i32(leafOf, k)
      // a small whole number (its kind byte is the number + 1): its band worked out when the
      // run began; any other number: the first band holding it, else the outcome after the
      // last (no band matched); its cap is the outcome's, read from the band table when the
      // explanation is made. A value that is no number is scored by the method below.
      const small = u8(kinds, j) - 1
      let i = -1
      if (small >= 0 && small < BAND_MEMO) {
        i = u8(bandOf, k * BAND_MEMO + small)
      } else if (small >= BAND_MEMO) {
        const v = small === WIDE - 1 ? numberAt(reads, j) : small
        const b = i32(end, k)
        const bands = i32(count, k)
        i = 0
        while (i < bands && !(v >= f64(bandMin, b + i) && v < f64(bandBelow, b + i))) i++
      }
      if (i >= 0) {
        const units = f64(bandUnits, i32(end, k) + i)
        outcomeOf[at + n] = i + 1
        leafSum += units
        continue
      }
    } else if (op === SUM) {
      const max = f64(maxU, k)
      let sum = 0
      if (u8(sumOfRun, k) === 1) sum = leafSum
      else for (let p = i32(leafOf, k), e = i32(end, k); p < e; p++) sum += pointsAt(run, s, i32(partNode, p))
      if (sum > max) {
        pointsOf[base + i32(slotOf, n)] = max
        cappedOf[at + n] = 1
      } else {
        pointsOf[base + i32(slotOf, n)] = sum
      }
      continue
    } else if (op === WEIGHTED) {
      let num = 0
      let den = 0
      for (let p = i32(leafOf, k), e = i32(end, k); p < e; p++) {
        const weight = f64(partWeight, p)
        num += weight * (pointsAt(run, s, i32(partNode, p)) / f64(partMaxU, p))
        den += weight
      }
      pointsOf[base + i32(slotOf, n)] = den === 0 ? 0 : Rounding.roundScaled((f64(maxU, k) * num) / den, run.mode)
      continue
    } else if (u8(sumFrom, k) === 1) {
      leafSum = 0
    }
    const step = run.steps[k]
    if (step !== undefined && step._tag === "Leaf") {
      scoreLeaf(run, s, view, step, valueAt(reads, first + i32(leafOf, k)))
    }
    leafSum += pointsAt(run, s, n)
  }
}

/** Scores a leaf of subject `s` that is not a threshold band's number: by its method, the outcomes met before remembered. */
const scoreLeaf = (
  run: TreeRun,
  s: number,
  view: Method.SubjectView,
  step: TreeStep & { readonly _tag: "Leaf" },
  value: unknown
): void => {
  const { cappedOf } = run
  const { outcomes, outcomeUnits, outcomeCapped, outcomeCount, outcomeOf } = run
  const at = s * run.nodeCount
  const n = step.n
  const maxU = step.maxU
  const { context, l, leaf } = step
  if (value === undefined) {
    setNote(run, at + n, noValueNote)
    setPoints(run, s, n, 0)
    return
  }
  context.subject = view
  if (leaf.assessors !== undefined) {
    scoreAssessments(run, s, step, leaf.assessors, value as ReadonlyArray<Assessment_>)
    return
  }
  const out = leaf.method.score(value, leaf.config, context)
  let points: number
  if (typeof out === "number") {
    points = out
  } else if (i32(run.slotOf, n) < 0) {
    // (a bands leaf's outcome number is its band's: any other outcome is kept as points)
    points = out.points
    if (out.note !== undefined) setNote(run, at + n, out.note)
  } else {
    // an outcome met before: its units and cap as worked out then
    const o = l * OUTCOMES
    const count = u8(outcomeCount, l)
    let k = 0
    while (k < count && outcomes[o + k] !== out) k++
    if (k < count) {
      setPoints(run, s, n, f64(outcomeUnits, o + k))
      cappedOf[at + n] = u8(outcomeCapped, o + k)
      outcomeOf[at + n] = k + 1
      return
    }
    points = out.points
    if (count < OUTCOMES && Number.isFinite(points) && Object.isFrozen(out)) {
      // remembered only when it cannot change: frozen, as the built-in bands' outcomes are
      setLeafUnits(run, s, n, points, maxU)
      outcomes[o + count] = out
      outcomeUnits[o + count] = pointsAt(run, s, n)
      outcomeCapped[o + count] = u8(cappedOf, at + n)
      outcomeCount[l] = count + 1
      outcomeOf[at + n] = count + 1
      return
    }
    if (out.note !== undefined) setNote(run, at + n, out.note)
  }
  if (!Number.isFinite(points)) {
    run.failures.push(notFinite(leaf, s, points))
    points = 0
  }
  setLeafUnits(run, s, n, points, maxU)
}

/** Scores a multi-assessor leaf of subject `s`: each assessment, then their (trimmed or weighted) mean. */
const scoreAssessments = (
  run: TreeRun,
  s: number,
  step: TreeStep & { readonly _tag: "Leaf" },
  agg: Plan.Assessors,
  list: ReadonlyArray<Assessment_>
): void => {
  const { scale, mode } = run
  const { context, leaf, maxU } = step
  const at = s * run.nodeCount + step.n
  const scored: Array<Explanation.AssessorScore> = list.map((a) => {
    const out = leaf.method.score(a.value, leaf.config, context)
    let p = typeof out === "number" ? out : out.points
    if (!Number.isFinite(p)) {
      run.failures.push(notFinite(leaf, s, p))
      p = 0
    }
    const pu = Math.min(Math.max(Rounding.roundScaled(p * scale, mode), 0), maxU)
    return { by: a.by, points: pu / scale, weight: a.weight ?? 1, dropped: false }
  })
  let assessments = scored
  if (agg.aggregate === "trimmed-mean") {
    const drop = agg.drop ?? 1
    const order = scored.map((a, k) => ({ a, k })).sort((x, y) => x.a.points - y.a.points || x.k - y.k)
    const droppedSet = new Set([...order.slice(0, drop), ...order.slice(order.length - drop)].map((o) => o.k))
    assessments = scored.map((a, k) => (droppedSet.has(k) ? { ...a, dropped: true } : a))
  }
  let sum = 0
  let den = 0
  for (const a of assessments) {
    if (a.dropped) continue
    const w = agg.aggregate === "weighted-mean" ? a.weight : 1
    sum += a.points * w
    den += w
  }
  setPoints(run, s, step.n, den === 0 ? 0 : Math.min(Rounding.roundScaled((sum / den) * scale, mode), maxU))
  setNote(run, at, {
    zh: `${assessments.length} 份评价，${agg.aggregate === "trimmed-mean" ? "去掉最高分和最低分后" : ""}${
      agg.aggregate === "weighted-mean" ? "加权" : ""
    }平均`,
    en: `${assessments.length} assessments, ${agg.aggregate === "trimmed-mean" ? "highest and lowest dropped, " : ""}${
      agg.aggregate === "weighted-mean" ? "weighted " : ""
    }mean`
  })
  run.assessmentsOf.set(at, assessments)
}

/** A subject's bonus or deductions: the items that count and their capped total, in units. */
interface Adjusted {
  readonly list: ReadonlyArray<Explanation.Adjustment>
  readonly total: number
}

const noAdjustments: ReadonlyArray<Explanation.Adjustment> = Object.freeze([])
const noAdjusted: Adjusted = Object.freeze({ list: noAdjustments, total: 0 })

/** A subject's bonus or deductions: each item's points capped by the item, the total by the plan. */
const adjustments = (
  record: Readonly<Record<string, number>> | undefined,
  items: ReadonlyMap<string, Plan.Item>,
  capU: number,
  scale: number,
  mode: Rounding.Mode
): Adjusted => {
  let list: Array<Explanation.Adjustment> | undefined
  let total = 0
  if (record !== undefined) {
    for (const id in record) {
      const occurrences = record[id]
      const item = items.get(id)
      // (the checks let only the plan's items, with whole counts, through)
      if (occurrences === undefined || occurrences === 0 || item === undefined) continue
      const raw = Rounding.roundScaled(occurrences * item.points * scale, mode)
      const cap = Rounding.roundScaled(item.cap * scale, mode)
      const pu = Math.min(raw, cap)
      total += pu
      const adjustment = { id, label: item.label, occurrences, points: pu / scale, capped: raw > cap }
      // (a list made with its first entry holds one slot; a pushed-to empty list, seventeen)
      if (list === undefined) list = [adjustment]
      else list.push(adjustment)
    }
  }
  return list === undefined && total === 0 ? noAdjusted : { list: list ?? noAdjustments, total: Math.min(total, capU) }
}

const noSteps: ReadonlyArray<Explanation.Step> = Object.freeze([])

/**
 * The band a subject's vetoes leave it in, from the band of its total (`index`): a veto forcing
 * a grade sets it (the last such wins); else each veto barring grades moves it down past them.
 * With `steps`, each change is recorded there.
 */
const vetoedBand = (
  grading: Grade.Grades,
  bandById: ReadonlyMap<string, { readonly band: Grade.Band; readonly index: number }>,
  index: number,
  vetoes: ReadonlyArray<AppliedVeto>,
  steps: Array<Explanation.Step> | undefined
): number => {
  if (vetoes.length === 0) return index
  let fixed = false
  for (const v of vetoes) {
    if (v.effect._tag === "ForceGrade") {
      const forced = bandById.get(v.effect.grade)
      // (the plan's checks make every forced grade one of its bands)
      if (forced === undefined) continue
      index = forced.index
      fixed = true
      steps?.push(Explanation.gradingStep({ _tag: "Forced", veto: v.label, band: forced.band }))
    }
  }
  for (const v of vetoes) {
    if (v.effect._tag !== "BarGrades" || fixed) continue
    const barred = new Set(v.effect.grades)
    const isBarred = (i: number): boolean => barred.has(grading.bands[i]?.id ?? "")
    if (!isBarred(index)) continue
    while (index < grading.bands.length - 1 && isBarred(index)) index++
    const to = grading.bands[index]
    if (to === undefined) continue
    steps?.push(Explanation.gradingStep({
      _tag: "Barred",
      veto: v.label,
      barred: v.effect.grades.flatMap((g) => {
        const found = bandById.get(g)
        return found === undefined ? [] : [found.band]
      }),
      band: to
    }))
  }
  return index
}

/**
 * Scores a plan, or a program compiled from one by `Plan.compile` (then with the registry it was
 * compiled with), against inputs. The plan is checked against the registry and the inputs
 * against the plan first: a missing value, a value of the wrong type or out of range, an
 * unknown indicator, item or veto, a duplicate subject — every problem is reported at once,
 * and nothing is scored. Then, for every subject: each leaf's points (clamped to its maximum
 * and rounded by the plan's rule), the tree combined upwards, bonus and deductions with their
 * caps, the formula, vetoes, grade bands, ungraded subjects, quotas, ranking and consequences.
 * Pure and deterministic: equal plans and inputs give equal results.
 *
 * @example
 * ```ts
 * import { Assessment, Explanation, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result = Result.getOrThrow(Assessment.score(Presets.democraticEvaluation, Presets.democraticEvaluationExample))
 * for (const s of result.subjects) console.log(s.id, s.total, s.grade?.label.zh ?? s.ungraded?.zh)
 * console.log(Explanation.format(result.subjects[0]!, "en"))
 * ```
 *
 * @category scoring
 * @since 0.1.0
 */
export const score = (
  plan: Plan.Plan | Plan.Program,
  inputs: Inputs.Inputs,
  options?: Options
): Result.Result<Assessment, ValidationReport.ValidationReport> => {
  try {
    const shape = shapeIssues(inputs)
    if (shape.length > 0) return Result.fail(ValidationReport.make(shape))
    return scoreChecked(plan, inputs, options)
  } catch (thrown) {
    // what JSON cannot make but a JavaScript caller can (a Proxy, a getter that throws) and a
    // plug-in that throws end here: a failure, never an exception
    return Result.fail(ValidationReport.of(unreadable(thrown)))
  }
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const expectedLabels = {
  inputs: { zh: "考核数据文档 { planId, subjects }", en: "an inputs document { planId, subjects }" },
  list: { zh: "无空位的数组", en: "an array without holes" },
  subject: { zh: "对象 { id, values, … }", en: "a subject { id, values, … }" },
  text: { zh: "文本", en: "a string" },
  record: { zh: "键值对象", en: "an object of keys and values" },
  veto: { zh: "{ id, reason } 对象", en: "an object { id, reason }" },
  rank: { zh: "正整数", en: "a positive integer" }
} as const

/**
 * The shape of inputs a JavaScript caller hands over without decoding them: an object with
 * a `planId` and a dense list of subjects, each with an id and an object of values (its other
 * members of the right kind when present). The checks of values against the plan come later.
 */
const shapeIssues = (inputs: unknown): Array<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  const wrong = (path: Issue.Path, expected: keyof typeof expectedLabels) =>
    found.push(messages.make("ASSESS_INPUTS_MALFORMED", {
      path,
      params: { expected },
      labels: { expected: expectedLabels[expected] }
    }))
  if (!isRecord(inputs) || typeof inputs.planId !== "string") {
    wrong([], "inputs")
    return found
  }
  const subjects = inputs.subjects
  if (!Array.isArray(subjects)) {
    wrong(["subjects"], "list")
    return found
  }
  for (let i = 0; i < subjects.length; i++) {
    if (!(i in subjects)) {
      wrong(["subjects", i], "list")
      continue
    }
    const subject: unknown = subjects[i]
    if (!isRecord(subject)) {
      wrong(["subjects", i], "subject")
      continue
    }
    if (typeof subject.id !== "string") wrong(["subjects", i, "id"], "text")
    if (!isRecord(subject.values)) wrong(["subjects", i, "values"], "record")
    // each member read by its name (one load each, where a loop over the names would look each up)
    const { attributes, bonus, deductions, group, name } = subject
    if (attributes !== undefined && !isRecord(attributes)) wrong(["subjects", i, "attributes"], "record")
    if (bonus !== undefined && !isRecord(bonus)) wrong(["subjects", i, "bonus"], "record")
    if (deductions !== undefined && !isRecord(deductions)) wrong(["subjects", i, "deductions"], "record")
    if (name !== undefined && typeof name !== "string") wrong(["subjects", i, "name"], "text")
    if (group !== undefined && typeof group !== "string") wrong(["subjects", i, "group"], "text")
    const rank = subject.previousRank
    if (rank !== undefined && !(typeof rank === "number" && Number.isSafeInteger(rank) && rank >= 1)) {
      wrong(["subjects", i, "previousRank"], "rank")
    }
    const vetoes = subject.vetoes
    if (vetoes !== undefined) {
      if (!Array.isArray(vetoes)) {
        wrong(["subjects", i, "vetoes"], "list")
      } else {
        for (let k = 0; k < vetoes.length; k++) {
          const v: unknown = vetoes[k]
          if (!(k in vetoes) || !isRecord(v) || typeof v.id !== "string" || !isRecord(v.reason)) {
            wrong(["subjects", i, "vetoes", k], "veto")
          }
        }
      }
    }
  }
  return found
}

const unreadable = (thrown: unknown): Issue.DomainIssue =>
  messages.make("ASSESS_UNREADABLE", { path: [], params: { reason: Issue.describeCause(thrown) } })

/**
 * A subject of a scoring run: its inputs, the view methods see, and what the steps find for it
 * (the bonus and deductions that count, the vetoes that apply, its points by node id when a
 * rule may read them). One per subject, in the inputs' order.
 */
interface SubjectRow {
  readonly subject: Inputs.Subject
  readonly view: Method.SubjectView
  bonus: Adjusted
  deductions: Adjusted
  vetoes: ReadonlyArray<AppliedVeto>
  points: Readonly<Record<string, number>>
}

/**
 * What a scoring run keeps of every subject, by subject number (`s`), filled by the steps in
 * turn: {@link check} → {@link prepare} → {@link evaluate} → {@link adjust} → {@link veto} →
 * {@link grade} → {@link quota} → {@link rank} → {@link consequences} → {@link explain}.
 */
interface Run {
  readonly program: Plan.Program
  readonly rows: ReadonlyArray<SubjectRow>
  /** Each leaf's value as the checks read it (`s × leaves + l`). */
  readonly reads: Reads
  /** The tree's figures (every node's points in units, caps, notes). */
  readonly tree: TreeRun
  /** The parts of the formula: every top-level node, and the base's (branch-star formula). */
  readonly rootParts: ReadonlyArray<Part>
  readonly baseParts: ReadonlyArray<Part>
  readonly baseMaxUnits: number
  readonly totals: Float64Array
  readonly baseOf: Float64Array
  readonly evaluationOf: Float64Array
  /** The totals above the plan's `totalCap` before they were capped (few). */
  uncapped: Map<number, number> | undefined
  readonly failures: Array<Issue.DomainIssue>
  /**
   * What the veto rules read of the subject being vetoed (`total`, `values`, `attributes`,
   * `group`, `points`), one record per run filled anew for each subject: a rule's result is
   * true or not, and nothing a rule gives is kept, so no record per subject is made.
   */
  readonly ruleData: RuleData
}

/** The data a veto rule reads of one subject (see {@link Run.ruleData}). */
interface RuleData {
  total: number
  values: Readonly<Record<string, unknown>>
  attributes: Readonly<Record<string, Inputs.AttributeValue>>
  group: string | null
  points: Readonly<Record<string, number>>
}

/** Step 1, check: the plan is the inputs' plan, and every subject's inputs are well-formed for it (all problems at once). */
const check = (
  program: Plan.Program,
  inputs: Inputs.Inputs,
  views: ReadonlyArray<Method.SubjectView>,
  reads: Reads,
  digested: KnownMembers,
  accepted?: (s: number) => void
): Array<Issue.DomainIssue> => {
  const plan = program.plan
  const issues = inputs.planId === plan.id
    ? []
    : [
      messages.make("ASSESS_PLAN_MISMATCH", { path: ["planId"], params: { expected: plan.id, actual: inputs.planId } })
    ]
  append(issues, inputIssues(program, inputs, views, reads, digested, issues.length === 0 ? accepted : undefined))
  return issues
}

/** Step 2, prepare: each leaf's method state, over every subject's input when the method declares it reads its peers. */
const prepare = (
  program: Plan.Program,
  views: ReadonlyArray<Method.SubjectView>,
  first: Method.SubjectView,
  reads: Reads
): Array<LeafContext> => {
  const L = program.leafTable.length
  return program.leafTable.map((leaf, l) => {
    const method = leaf.method
    let state: unknown = undefined
    if (method.prepare !== undefined && method.usesPeers !== true) {
      state = method.prepare(leaf.config, [])
    } else if (method.prepare !== undefined) {
      const peers: Array<Method.PeerInput<unknown>> = []
      views.forEach((subject, k) => {
        const v = valueAt(reads, k * L + l)
        if (v === undefined) return
        if (leaf.assessors !== undefined) {
          for (const a of v as ReadonlyArray<Assessment_>) peers.push({ input: a.value, subject })
        } else {
          peers.push({ input: v, subject })
        }
      })
      state = method.prepare(leaf.config, peers)
    }
    return { max: leaf.max, indicatorId: leaf.id, state, subject: first }
  })
}

/**
 * Step 3, evaluate: subject `s`'s indicator tree (every leaf by its method, clamped and rounded,
 * then combined upwards), and the base and evaluation of the plan's formula, in units.
 */
const evaluate = (run: Run, row: SubjectRow, s: number): void => {
  const { program, tree } = run
  const { baseWeighted, evaluationRoot, formula, maxTotalUnits, rootWeighted } = program
  const mode = program.rounding.mode
  scoreTree(tree, s, row.view)
  if (formula._tag === "BranchStar" && evaluationRoot !== undefined) {
    const baseMax = run.baseMaxUnits
    const combined = combineParts(run.baseParts, baseWeighted, baseMax, mode, tree, s)
    const base = !baseWeighted && combined > baseMax ? baseMax : combined
    run.baseOf[s] = baseMax === maxTotalUnits ? base : Rounding.roundScaled((base * maxTotalUnits) / baseMax, mode)
    run.evaluationOf[s] = Rounding.roundScaled(
      (pointsAt(tree, s, evaluationRoot) / unit(program.maxUnits, evaluationRoot)) * maxTotalUnits,
      mode
    )
  } else {
    const combined = combineParts(run.rootParts, rootWeighted, maxTotalUnits, mode, tree, s)
    run.baseOf[s] = !rootWeighted && combined > maxTotalUnits ? maxTotalUnits : combined
  }
}

/**
 * Step 4, adjust: subject `s`'s bonus and deductions (each item capped, then their totals), the
 * formula's total (never below zero) and the plan's `totalCap`.
 */
const adjust = (run: Run, row: SubjectRow, s: number): void => {
  const { program } = run
  const { formula, scale } = program
  const mode = program.rounding.mode
  const subject = row.subject
  const bonus = adjustments(subject.bonus, program.bonusItems, program.bonusCapUnits, scale, mode)
  const deductions = adjustments(subject.deductions, program.deductionItems, program.deductionCapUnits, scale, mode)
  const base = f64(run.baseOf, s)
  let total: number
  if (formula._tag === "BranchStar") {
    const adjusted = Math.max(0, base + bonus.total - deductions.total)
    total = Rounding.roundScaled(
      (adjusted * formula.baseShare + f64(run.evaluationOf, s) * formula.evaluationShare) / 100,
      mode
    )
  } else {
    total = Math.max(0, base + bonus.total - deductions.total)
  }
  if (!Number.isFinite(total) || !Number.isFinite(base)) {
    // never a NaN or infinite score: the plan's checks should make this unreachable
    run.failures.push(messages.make("ASSESS_TOTAL_NOT_FINITE", {
      path: ["subjects", s],
      params: { subject: subject.id, actual: String(total / scale) }
    }))
  }
  if (total > program.totalCapUnits) {
    ;(run.uncapped ??= new Map()).set(s, total)
    total = program.totalCapUnits
  }
  run.totals[s] = total
  row.bonus = bonus
  row.deductions = deductions
}

/** A veto rule of the plan as a run applies it: the item, its compiled rule and its reason (written once per run). */
interface VetoRule {
  readonly item: Plan.Veto
  readonly rule: Expression.Compiled
  readonly reason: Label.Label
}

const vetoRulesOf = (program: Plan.Program): ReadonlyArray<VetoRule> =>
  (program.plan.vetoes ?? []).flatMap((item) => {
    const rule = program.vetoRules.get(item.id)
    if (rule === undefined) return []
    const when = JSON.stringify(item.when)
    return [{ item, rule, reason: Object.freeze({ zh: `规则成立：${when}`, en: `rule holds: ${when}` }) }]
  })

/** Step 5, veto: subject `s`'s vetoes, those its inputs list, then the plan's rules that hold (reading the capped total). */
const veto = (run: Run, row: SubjectRow, s: number, rules: ReadonlyArray<VetoRule>): void => {
  const { program, tree } = run
  const { nodes, scale, vetoItems } = program
  const subject = row.subject
  const view = row.view
  if (program.rulesReadPoints) {
    const record: Record<string, number> = {}
    nodes.forEach((node, n) => (record[node.id] = pointsAt(tree, s, n) / scale))
    row.points = record
  }
  // the list is made when the first veto applies (most subjects have none)
  let vetoes: Array<AppliedVeto> | undefined
  const listed = subject.vetoes ?? noSubjectVetoes
  for (let i = 0; i < listed.length; i++) {
    const v = listed[i]
    if (v === undefined) continue
    if (vetoes !== undefined && hasVeto(vetoes, v.id)) continue
    const item = vetoItems.get(v.id)
    if (item !== undefined) {
      const applied = { id: item.id, label: item.label, effect: item.effect, reason: v.reason }
      if (vetoes === undefined) vetoes = [applied]
      else vetoes.push(applied)
    }
  }
  if (rules.length > 0) {
    // what the rules read of this subject, in the run's one record of it (see Run.ruleData)
    const data = run.ruleData
    data.total = f64(run.totals, s) / scale
    data.values = subject.values
    data.attributes = view.attributes
    data.group = view.group ?? null
    data.points = row.points
    for (const { item, reason, rule } of rules) {
      if (vetoes !== undefined && hasVeto(vetoes, item.id)) continue
      if (Expression.truthy(rule.evaluate(data))) {
        const applied = { id: item.id, label: item.label, effect: item.effect, reason }
        if (vetoes === undefined) vetoes = [applied]
        else vetoes.push(applied)
      }
    }
  }
  row.vetoes = vetoes ?? noVetoes
}

type BandById = ReadonlyMap<string, { readonly band: Grade.Band; readonly index: number }>

/** What step 6 leaves for step 7, by subject number: each grade (undefined: ungraded), whether a veto fixed it, why a subject is ungraded. */
interface Graded {
  readonly grades: Array<string | undefined>
  readonly fixed: Uint8Array
  readonly ungraded: Array<Label.Label | undefined>
}

/** Step 6, grade: each subject's band, or why it is ungraded, as the vetoes leave it (quotas aside). */
const grade = (run: Run, grading: Grade.Grades, bandById: BandById): Graded => {
  const S = run.rows.length
  const ungraded = new Array<Label.Label | undefined>(S)
  const grades = new Array<string | undefined>(S)
  const fixed = new Uint8Array(S)
  const rules = grading.ungraded ?? []
  run.rows.forEach(({ vetoes, view }, k) => {
    // (no closure, no list per subject when the plan has no such rule)
    const rule = rules.length === 0 ? undefined : Grade.ungradedBy(rules, view.attributes)
    if (rule !== undefined) {
      ungraded[k] = rule.reason
      return
    }
    const total = f64(run.totals, k) / run.program.scale
    const index = vetoedBand(grading, bandById, Grade.bandIndex(grading.bands, total), vetoes, undefined)
    grades[k] = grading.bands[index]?.id
    if (vetoes !== noVetoes && vetoes.some(forcesGrade)) fixed[k] = 1
  })
  return { grades, fixed, ungraded }
}

/** Whether a veto applied forces a grade. */
const forcesGrade = (v: AppliedVeto): boolean => v.effect._tag === "ForceGrade"

/** A quota that pushed a subject out of a grade, and the grade it went to. */
interface Demotion {
  readonly outcome: Grade.QuotaOutcome
  readonly to: string
}

/**
 * Step 7, quota: the grades' quotas applied (`Grade.applyQuotasByNumber`, the passes of
 * `Grade.applyQuotas` on subject numbers: no candidate record per subject, no map of ids), each subject's final grade,
 * and by subject number the quotas that pushed each one down.
 */
const quota = (
  run: Run,
  grading: Grade.Grades,
  graded: Graded
): {
  readonly grades: ReadonlyArray<string | undefined>
  readonly outcomes: ReadonlyArray<Grade.QuotaOutcome>
  readonly demotions: ReadonlyMap<number, ReadonlyArray<Demotion>>
} => {
  const grades = graded.grades
  const { fixed } = graded
  const { rows, totals } = run
  const { outcomes, pushes } = Grade.applyQuotasByNumber(grading, {
    count: grades.length,
    grades,
    fixed: (k) => u8(fixed, k) === 1,
    total: (k) => f64(totals, k),
    id: (k) => rows[k]?.view.id ?? "",
    group: (k) => rows[k]?.view.group
  })
  const demotions = new Map<number, Array<Demotion>>()
  for (const { k, outcome, to } of pushes) {
    const list = demotions.get(k)
    if (list === undefined) demotions.set(k, [{ outcome, to }])
    else list.push({ outcome, to })
  }
  return { grades, outcomes, demotions }
}

/** Each subject's place by subject number: its rank (0 for none) and among how many it was ranked. */
interface Places {
  readonly rank: Int32Array
  readonly peers: Int32Array
}

/**
 * Step 8, rank: places by total within each scope, subjects with a veto where the plan puts
 * them — the order and ranks of `Ranking.rank` (vetoed after the others, totals highest first,
 * ties by id; competition or dense ranks), worked out on subject numbers: no entry, place or
 * map entry per subject.
 */
const rank = (run: Run): Places | undefined => {
  const ranking = run.program.plan.ranking
  if (ranking === undefined) return undefined
  const { rows, totals } = run
  const S = rows.length
  const unranked = ranking.vetoed === "unranked"
  const vetoed = new Uint8Array(S)
  const ids: Array<string> = []
  const scopes = new Map<string, Array<number>>()
  // whether the ids increase with the subject number (as most lists come): ties are then in
  // subject-number order, compared without reading the ids
  let increasing = true
  rows.forEach(({ vetoes, view }, k) => {
    if (k > 0 && !((ids[k - 1] ?? "") < view.id)) increasing = false
    ids.push(view.id)
    if (vetoes.length > 0) vetoed[k] = 1
    if (unranked && vetoes.length > 0) return
    const key = ranking.scope === "group" ? `g:${view.group ?? ""}` : "all"
    const list = scopes.get(key)
    if (list === undefined) scopes.set(key, [k])
    else list.push(k)
  })
  const places: Places = { rank: new Int32Array(S), peers: new Int32Array(S) }
  const dense = ranking.mode === "dense"
  for (const list of scopes.values()) {
    list.sort(
      increasing
        ? (a, b) => u8(vetoed, a) - u8(vetoed, b) || f64(totals, b) - f64(totals, a) || a - b
        : (a, b) =>
          u8(vetoed, a) - u8(vetoed, b) || f64(totals, b) - f64(totals, a) || compareText(ids[a] ?? "", ids[b] ?? "")
    )
    let rankNow = 0
    let distinct = 0
    let before = -1
    list.forEach((k, position) => {
      if (before === -1 || f64(totals, before) !== f64(totals, k) || u8(vetoed, before) !== u8(vetoed, k)) {
        rankNow = position + 1
        distinct++
      }
      places.rank[k] = dense ? distinct : rankNow
      places.peers[k] = list.length
      before = k
    })
  }
  return places
}

/** Step 9, consequences: the plan's consequence rules that fire for subject `k` (a rank-based one never for a vetoed subject). */
const consequences = (
  run: Run,
  row: SubjectRow,
  k: number,
  gradeId: string | undefined,
  gradeLabel: Label.Label | undefined,
  place: number | undefined
): ReadonlyArray<Consequence.Applied> => {
  const rules = run.program.plan.consequences ?? []
  if (rules.length === 0) return noConsequences
  const { vetoes, view } = row
  const facts: Consequence.Facts = {
    subjectId: view.id,
    total: f64(run.totals, k) / run.program.scale,
    grade: gradeId,
    gradeLabel,
    rank: place,
    vetoes: vetoes.length === 0 ? noIds : vetoes.map((v) => v.id),
    attributes: view.attributes,
    group: view.group,
    points: row.points
  }
  const fired: Array<Consequence.Applied> = []
  for (const rule of rules) {
    const applied = Consequence.apply(rule, facts, run.program.consequenceRules.get(rule.id))
    if (applied !== undefined) fired.push(applied)
  }
  return fired
}

const cappedCodes = [undefined, "max", "zero"] as const
const weightedNote: Label.Label = Object.freeze({ zh: "按权重折算", en: "weighted and normalised" })

/** The explanation nodes of `parts`, from those made already (children before parents). */
const madeOf = (
  made: ReadonlyArray<Explanation.Node | undefined>,
  parts: ReadonlyArray<{ readonly n: number }>
): ReadonlyArray<Explanation.Node> =>
  parts.flatMap((part) => {
    const node = made[part.n]
    return node === undefined ? [] : [node]
  })

/** The members made when first read: a result's explanation, and the explanation's tree, formula text and grading steps. */
type Member = 0 | 1 | 2 | 3
const EXPLANATION: Member = 0
const TREE: Member = 1
const FORMULA: Member = 2
const GRADING: Member = 3

/** What one scoring run makes when a member is first read: member `m` of subject `s` (then kept). */
interface Makers {
  readonly read: (m: Member, s: number, object: object) => unknown
}

/** A base class whose constructor returns the object it is given, so that a subclass's private fields are added to that object. */
class Given {
  constructor(object: object) {
    // oxlint-disable-next-line no-constructor-return -- the point of the class
    return object as Given
  }
}

/**
 * The link of a result or an explanation to its scoring run: its subject number and the run's
 * makers, in private fields that no key, spread, `structuredClone`, `JSON.stringify` or deep
 * equality sees. One getter per member serves every run (a getter made per run would give the
 * same object shape another accessor each run, and V8 then turns every result into a slow
 * dictionary-mode object of ~800 bytes).
 */
class Link extends Given {
  readonly #s: number
  readonly #makers: Makers
  private constructor(object: object, s: number, makers: Makers) {
    super(object)
    this.#s = s
    this.#makers = makers
  }
  /** Links `object` to subject `s` of a run. */
  static add(object: object, s: number, makers: Makers): void {
    void new Link(object, s, makers)
  }
  /** Member `m` of a linked object (undefined for any other object). */
  static read(object: object, m: Member): unknown {
    return #s in object ? object.#makers.read(m, object.#s, object) : undefined
  }
}

/** The own enumerable getter of member `m`, the same for every run and object (frozen). */
const getter = (m: Member): PropertyDescriptor =>
  Object.freeze({
    get(this: object) {
      return Link.read(this, m)
    },
    enumerable: true,
    configurable: true
  })
const explanationGetter = getter(EXPLANATION)
const treeGetter = getter(TREE)
const formulaGetter = getter(FORMULA)
const gradingGetter = getter(GRADING)

/**
 * Step 10, explain: the makers of a result's explanation, and in it the tree, the formula's
 * text and the grading steps, when first read, then kept (a million nodes and ten thousand
 * labels of formatted numbers cost more than the scoring itself). They are read through own
 * enumerable getters, so reading, spreading, structuredClone and JSON.stringify see plain
 * values; the getters are shared by every result and explanation of every run (see
 * {@link Link}). The texts come from `Explanation.formulaText` and `Explanation.gradingStep`.
 */
const explain = (
  run: Run,
  grading: Grade.Grades | undefined,
  bandById: BandById,
  ungraded: ReadonlyArray<Label.Label | undefined>,
  demotions: ReadonlyMap<number, ReadonlyArray<Demotion>>
): Makers => {
  const { program, tree } = run
  const { formula, scale } = program
  const N = tree.nodeCount
  const L = tree.leafCount
  const treeOf = (s: number): ReadonlyArray<Explanation.Node> => {
    const expl: Array<Explanation.Node | undefined> = new Array(N)
    for (const step of tree.steps) {
      const { n, node } = step
      const at = s * N + n
      const points = pointsAt(tree, s, n) / scale
      if (step._tag === "Leaf") {
        const outcome = u8(tree.outcomeOf, at)
        const capped = cappedCodes[
          outcome !== 0 && step.bands !== undefined
            ? u8(step.bands.capped, outcome - 1)
            : u8(tree.cappedOf, at)
        ]
        expl[n] = {
          id: node.id,
          label: node.label,
          method: step.leaf.method.name,
          // the value as read then: a caller changing its inputs later changes nothing here
          input: valueAt(run.reads, s * L + step.l),
          points,
          max: node.max,
          weight: node.weight,
          capped,
          note: outcome === 0
            ? tree.notesOf?.[at]
            : step.bands !== undefined
            ? step.bands.outcomes[outcome - 1]?.note
            : tree.outcomes[step.l * OUTCOMES + outcome - 1]?.note,
          assessments: tree.assessmentsOf.get(at),
          children: undefined
        }
      } else {
        expl[n] = {
          id: node.id,
          label: node.label,
          method: undefined,
          input: undefined,
          points,
          max: node.max,
          weight: node.weight,
          capped: cappedCodes[u8(tree.cappedOf, at)],
          note: node.weighted ? weightedNote : undefined,
          assessments: undefined,
          children: madeOf(expl, step.parts)
        }
      }
    }
    return madeOf(expl, run.rootParts)
  }
  /** Subject `k`'s grading steps: ungraded, or its band, the vetoes that changed it and the quotas that pushed it out. */
  const gradingSteps = (k: number): ReadonlyArray<Explanation.Step> => {
    const row = run.rows[k]
    if (grading === undefined || row === undefined) return noSteps
    const reason = ungraded[k]
    if (reason !== undefined) return [{ kind: "ungraded", grade: undefined, reason }]
    const steps: Array<Explanation.Step> = []
    const total = f64(run.totals, k) / scale
    const index = Grade.bandIndex(grading.bands, total)
    const band = grading.bands[index]
    if (band !== undefined) steps.push(Explanation.gradingStep({ _tag: "Band", total, band }))
    vetoedBand(grading, bandById, index, row.vetoes, steps)
    for (const { outcome, to } of demotions.get(k) ?? []) {
      const quota = (grading.quotas ?? []).find((q) => q.grade === outcome.grade && q.scope === outcome.scope)
      const from = bandById.get(outcome.grade)
      const into = bandById.get(to)
      if (quota === undefined || from === undefined || into === undefined) continue
      steps.push(Explanation.gradingStep({ _tag: "Quota", quota, outcome, from: from.band, band: into.band }))
    }
    return steps
  }
  const formulaOf = (s: number, e: Explanation.Explanation) => {
    const raw = run.uncapped?.get(s)
    return Explanation.formulaText(formula, {
      base: e.base,
      bonusTotal: e.bonusTotal,
      deductionTotal: e.deductionTotal,
      evaluation: e.evaluation,
      total: e.total,
      uncapped: raw === undefined ? undefined : raw / scale
    })
  }
  const explanationOf = (s: number): Explanation.Explanation => {
    const row = run.rows[s]
    const bonus = row?.bonus ?? noAdjusted
    const deductions = row?.deductions ?? noAdjusted
    const explanation = {
      base: f64(run.baseOf, s) / scale,
      evaluation: formula._tag === "BranchStar" ? f64(run.evaluationOf, s) / scale : undefined,
      bonus: bonus.list,
      bonusTotal: bonus.total / scale,
      deductions: deductions.list,
      deductionTotal: deductions.total / scale,
      total: f64(run.totals, s) / scale
    }
    Object.defineProperty(explanation, "tree", treeGetter)
    Object.defineProperty(explanation, "formula", formulaGetter)
    Object.defineProperty(explanation, "grading", gradingGetter)
    Link.add(explanation, s, makers)
    return explanation as Explanation.Explanation
  }
  // what was made, by member and subject (a result's explanation is itself made when first read: most callers read a few)
  const made: ReadonlyArray<Array<unknown>> = [[], [], [], []]
  const make = (m: Member, s: number, object: object): unknown =>
    m === EXPLANATION
      ? explanationOf(s)
      : m === TREE
      ? treeOf(s)
      : m === FORMULA
      ? formulaOf(s, object as Explanation.Explanation)
      : gradingSteps(s)
  const makers: Makers = {
    read: (m, s, object) => {
      const list = made[m] ?? []
      return (list[s] ??= make(m, s, object))
    }
  }
  return makers
}

/** {@link score} of inputs whose shape is checked: the steps in order. */
const scoreChecked = (
  planOrProgram: Plan.Plan | Plan.Program,
  inputs: Inputs.Inputs,
  options?: Options
): Result.Result<Assessment, ValidationReport.ValidationReport> => {
  let program: Plan.Program
  if (Plan.isProgram(planOrProgram)) {
    program = planOrProgram
  } else {
    const compiled = Plan.compile(planOrProgram, options?.registry ?? Method.builtins)
    if (Result.isFailure(compiled)) return Result.fail(compiled.failure)
    program = compiled.success
  }
  const S = inputs.subjects.length
  const views: Array<Method.SubjectView> = inputs.subjects.map((s) => ({
    id: s.id,
    group: s.group,
    attributes: s.attributes ?? noAttributes
  }))

  // 1 check: every leaf's value is read once, for scoring and the explanations
  const reads = newReads(S * program.leafTable.length)
  const digested: KnownMembers = {
    offsets: new Map(),
    sums: new Int32Array(3 * S),
    elements: { of: inputs.subjects, digests: new Int32Array(2 * S), has: new Uint8Array(S) }
  }
  // the subject a context names before the first is scored (none when there are no subjects)
  const first = views[0] ?? noSubject
  const vetoRules = vetoRulesOf(program)

  // When every leaf is scored by a built-in method that does not read its peers, steps 2–5 need
  // nothing of another subject: each subject is evaluated, adjusted and vetoed as soon as the
  // check finds its inputs well-formed, while its values are at hand (and only while no subject
  // before it had an issue: a run with an issue returns its issues and nothing else). Should
  // one of these steps throw (a hostile getter read a second time), the subjects are checked to
  // the end and scored again by the steps in turn, so the outcome is the one of the steps in turn.
  const early = program.leafTable.every(scoredAlone) ? earlyRun(program, inputs, views, first, reads) : undefined
  let broken = false
  // how many subjects were scored at once (all of them, in order, or the steps run in turn)
  let scored = 0
  const accepted = early === undefined ? undefined : (s: number) => {
    const row = early.rows[s]
    if (broken || row === undefined || s !== scored) {
      broken = true
      return
    }
    try {
      scoreSubject(early, row, s, vetoRules)
      scored++
    } catch {
      broken = true
    }
  }
  const issues = check(program, inputs, views, reads, digested, accepted)
  if (issues.length > 0) return Result.fail(ValidationReport.make(issues))
  if (early !== undefined && !broken && scored === S) {
    if (early.failures.length > 0) return Result.fail(ValidationReport.make(early.failures))
    return Result.succeed(assemble(early, inputs, digested))
  }

  // 2 prepare
  const contexts = prepare(program, views, first, reads)

  // 3–5 evaluate, adjust, veto, subject by subject. What each subject's explanation tree is
  // made of is kept compactly (a million node objects would cost more to make and to keep than
  // the scoring itself); the tree is built from it when first read.
  const run = newRun(program, inputs, views, first, reads, contexts)
  const failures = run.failures
  run.rows.forEach((row, s) => scoreSubject(run, row, s, vetoRules))
  if (failures.length > 0) return Result.fail(ValidationReport.make(failures))
  return Result.succeed(assemble(run, inputs, digested))
}

/** Steps 3–5 for subject `s`: evaluate, adjust, veto. */
const scoreSubject = (run: Run, row: SubjectRow, s: number, vetoRules: ReadonlyArray<VetoRule>): void => {
  evaluate(run, row, s)
  adjust(run, row, s)
  veto(run, row, s, vetoRules)
}

/** The run of a plan whose leaves are all {@link scoredAlone}, prepared before the check (none if preparing throws: the steps then run in turn). */
const earlyRun = (
  program: Plan.Program,
  inputs: Inputs.Inputs,
  views: ReadonlyArray<Method.SubjectView>,
  first: Method.SubjectView,
  reads: Reads
): Run | undefined => {
  try {
    return newRun(program, inputs, views, first, reads, prepare(program, views, first, reads))
  } catch {
    return undefined
  }
}

/** Whether a leaf is scored by a built-in method that does not read its peers (nothing of another subject, no plug-in code). */
const scoredAlone = (leaf: Plan.CompiledLeaf): boolean =>
  leaf.method.usesPeers !== true && Method.builtins.methods.get(leaf.method.name) === leaf.method

/** The record of a scoring run before its steps fill it: a row per subject, the tree's steps and tables. */
const newRun = (
  program: Plan.Program,
  inputs: Inputs.Inputs,
  views: ReadonlyArray<Method.SubjectView>,
  first: Method.SubjectView,
  reads: Reads,
  contexts: ReadonlyArray<LeafContext>
): Run => {
  const S = inputs.subjects.length
  const N = program.nodes.length
  const L = program.leafTable.length
  const failures: Array<Issue.DomainIssue> = []
  const baseParts = partsOf(program, program.baseRoots)
  const steps = treeSteps(program, contexts)
  const code = treeCode(steps)
  // a slot in the points for every node but the bands leaves (their units are their band's)
  const slotOf = new Int32Array(N)
  const bandFirstOf = new Int32Array(N)
  let slots = 0
  steps.forEach((step, k) => {
    if (u8(code.kind, k) === BANDS) {
      slotOf[step.n] = -1
      bandFirstOf[step.n] = i32(code.end, k)
    } else {
      slotOf[step.n] = slots++
    }
  })
  return {
    program,
    rows: inputs.subjects.map((subject, k) => ({
      subject,
      view: views[k] ?? first,
      bonus: noAdjusted,
      deductions: noAdjusted,
      vetoes: noVetoes,
      points: noPoints
    })),
    reads,
    tree: {
      steps,
      code,
      nodeCount: N,
      leafCount: L,
      scale: program.scale,
      mode: program.rounding.mode,
      reads,
      pointsOf: new Float64Array(S * slots),
      slots,
      slotOf,
      bandFirstOf,
      spare: undefined,
      cappedOf: new Uint8Array(S * N),
      outcomes: new Array(L * OUTCOMES),
      outcomeUnits: new Float64Array(L * OUTCOMES),
      outcomeCapped: new Uint8Array(L * OUTCOMES),
      outcomeCount: new Uint8Array(L),
      outcomeOf: new Uint8Array(S * N),
      notesOf: undefined,
      assessmentsOf: new Map(),
      failures
    },
    rootParts: partsOf(program, program.roots),
    baseParts,
    baseMaxUnits: program.baseWeighted
      ? program.maxTotalUnits
      : baseParts.reduce((sum, part) => sum + part.maxU, 0),
    totals: new Float64Array(S),
    baseOf: new Float64Array(S),
    evaluationOf: new Float64Array(S),
    uncapped: undefined,
    failures,
    ruleData: { total: 0, values: noPoints, attributes: noAttributes, group: null, points: noPoints }
  }
}

/** Steps 6–10 over a run whose subjects are evaluated, adjusted and vetoed: grades, quotas, ranks, consequences, explanations, the result. */
const assemble = (run: Run, inputs: Inputs.Inputs, digested: KnownMembers): Assessment => {
  const { program } = run
  const { plan } = program
  const S = run.rows.length

  // 6–7 grade, quota
  const grading = plan.grades
  const bandById: BandById = new Map((grading?.bands ?? []).map((b, i) => [b.id, { band: b, index: i }]))
  let ungraded: ReadonlyArray<Label.Label | undefined> = new Array<Label.Label | undefined>(S)
  let finalGrades: ReadonlyArray<string | undefined> = []
  let quotas: ReadonlyArray<Grade.QuotaOutcome> = []
  let demotions: ReadonlyMap<number, ReadonlyArray<Demotion>> = new Map()
  if (grading !== undefined) {
    const graded = grade(run, grading, bandById)
    ungraded = graded.ungraded
    const applied = quota(run, grading, graded)
    finalGrades = applied.grades
    quotas = applied.outcomes
    demotions = applied.demotions
  }

  // 8 rank
  const places = rank(run)

  // 9–10 consequences, explain: the results
  const subjects: Array<SubjectResult> = []
  const makers = explain(run, grading, bandById, ungraded, demotions)
  // one grade value per band, shared by the subjects that have it (frozen)
  const gradeValues = new Map((grading?.bands ?? []).map((b) => [b.id, Object.freeze({ id: b.id, label: b.label })]))
  run.rows.forEach((row, k) => {
    const { subject, view } = row
    const gradeId = finalGrades[k]
    const gradeValue = gradeId === undefined ? undefined : gradeValues.get(gradeId)
    const place = places === undefined ? 0 : i32(places.rank, k)
    const ranked = place === 0 ? undefined : place
    const result = {
      id: view.id,
      name: subject.name,
      group: view.group,
      attributes: view.attributes,
      total: f64(run.totals, k) / program.scale,
      maxTotal: plan.maxTotal,
      grade: gradeValue,
      ungraded: ungraded[k],
      rank: ranked,
      peers: places === undefined || place === 0 ? undefined : i32(places.peers, k),
      previousRank: subject.previousRank,
      rankChange: ranked === undefined ? undefined : Ranking.change(ranked, subject.previousRank),
      vetoes: row.vetoes,
      consequences: consequences(run, row, k, gradeId, gradeValue?.label, ranked)
    } as Omit<SubjectResult, "explanation"> as SubjectResult
    Object.defineProperty(result, "explanation", explanationGetter)
    Link.add(result, k, makers)
    subjects.push(result)
  })

  return {
    planId: plan.id,
    planVersion: plan.version,
    planHash: program.fingerprint,
    planName: plan.name,
    period: inputs.period,
    inputsHash: hashJson(inputs, digested),
    rounding: program.rounding,
    maxTotal: plan.maxTotal,
    ranking: plan.ranking,
    subjects,
    quotas
  }
}

/**
 * The subjects in standing order (赛马比拼 table): by rank (within each group when the plan
 * ranks by group; subjects without a rank last), subjects with a veto after the others, else
 * by total, highest first; ties by id.
 *
 * @example
 * ```ts
 * import { Assessment, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
 * console.log(Assessment.standings(result).map((s) => s.id))
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const standings = (assessment: Assessment): ReadonlyArray<SubjectResult> => {
  const byGroup = assessment.ranking?.scope === "group"
  // unranked subjects (vetoed, with `vetoed: "unranked"`) after the ranked ones
  const place = (s: SubjectResult): number => s.rank ?? Number.MAX_SAFE_INTEGER
  const vetoed = (s: SubjectResult): number => (s.vetoes.length > 0 ? 1 : 0)
  return [...assessment.subjects].sort((a, b) =>
    (byGroup ? compareText(a.group ?? "", b.group ?? "") : 0) ||
    place(a) - place(b) || vetoed(a) - vetoed(b) || b.total - a.total || compareText(a.id, b.id)
  )
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Looks a subject's result up by id.
 *
 * @example
 * ```ts
 * import { Assessment, Presets } from "@gongzhi/assessment-scoring"
 * import { Result } from "effect"
 *
 * const result = Result.getOrThrow(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
 * console.log(Assessment.subject(result, "no-such-branch")) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const subject = (assessment: Assessment, id: string): SubjectResult | undefined =>
  assessment.subjects.find((s) => s.id === id)
