/**
 * The tally (计票): the counts of a ballot box on every dimension, each threshold of the rule
 * met or missed — by how many votes or how much area — and the explanation in zh and en
 * ("参与表决面积 68.2%（需 ≥ 66.7%）…同意面积 51.3%（需 > 50%）"). Every comparison is exact
 * (integers, BigInt cross-multiplication). While voting is open, a tally as of any instant
 * says how far the matter is from passing.
 *
 * @since 0.2.0
 */
import { type Instant, type Label, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import * as Ballots from "./Ballots.js"
import * as DecisionRule from "./DecisionRule.js"
import * as Fraction from "./Fraction.js"
import { codesAsOf, stateIfAny } from "./internal/boxState.js"
import { columns } from "./internal/columns.js"
import { invalidInput, unreadable } from "./internal/input.js"
import { safely } from "./internal/safe.js"

/**
 * A quantity on every dimension: headcount (voters), area (hundredths of m²) and weight.
 *
 * @example
 * ```ts
 * import type { Tally } from "@gongzhi/deliberation"
 *
 * const m: Tally.Measure = { headcount: 3, area: 40000, weight: 5 }
 * console.log(m.area / 100) // 400
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Measure {
  readonly headcount: number
  readonly area: number
  readonly weight: number
}

/**
 * The counts of a tally. `present` are those who took part in person or by ballot (参与表决 /
 * 到会), written opinions excluded; `participants` every counted ballot (the base "of those
 * taking part"); `excluded` those left out of "those who should attend".
 *
 * @example
 * ```ts
 * import { Tally } from "@gongzhi/deliberation"
 *
 * const keys: ReadonlyArray<keyof Tally.Counts> = ["eligible", "shouldAttend", "present", "participants", "yes", "no", "abstain", "spoiled", "written", "excluded"]
 * console.log(keys.length) // 10
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Counts {
  readonly eligible: Measure
  readonly excluded: Measure
  readonly shouldAttend: Measure
  readonly present: Measure
  readonly participants: Measure
  readonly yes: Measure
  readonly no: Measure
  readonly abstain: Measure
  readonly spoiled: Measure
  readonly written: Measure
}

/**
 * One threshold of the rule, evaluated: the value and the whole it is a share of, whether it
 * is met, the least value that meets it (`needed`), and by how much it is met (`margin`: how
 * many could still be lost) or missed (`missing`: how many more it needs — for a share of the
 * participants, counting newcomers who vote yes; `undefined` when nothing is enough).
 *
 * @example
 * ```ts
 * import { Tally } from "@gongzhi/deliberation"
 *
 * const keys: ReadonlyArray<keyof Tally.CheckResult> = ["part", "check", "value", "whole", "met", "needed", "margin", "missing", "label", "text"]
 * console.log(keys.length) // 10
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface CheckResult {
  readonly part: "quorum" | "pass"
  readonly check: DecisionRule.Check
  readonly value: number
  readonly whole: number
  readonly met: boolean
  readonly needed: number
  readonly margin: number
  readonly missing: number | undefined
  readonly label: Label.Label
  readonly text: Label.Label
}

/**
 * A tally: the counts, every check, whether the quorum and the pass thresholds are met, the
 * verdict and its explanation; `open` when counted before the box was closed.
 *
 * @example
 * ```ts
 * import { Tally } from "@gongzhi/deliberation"
 *
 * const t = Tally.example()
 * console.log(t.passed, t.quorumMet) // true true
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Tally {
  readonly matter: string
  readonly rule: string
  readonly ruleClass: DecisionRule.RuleClass
  readonly asOf: Instant.Instant | undefined
  readonly open: boolean
  readonly counts: Counts
  readonly quorum: ReadonlyArray<CheckResult>
  readonly pass: ReadonlyArray<CheckResult>
  readonly quorumMet: boolean
  readonly passMet: boolean
  readonly passed: boolean
  readonly explanation: Label.Label
}

const measure = (headcount: number, area: number, weight: number): Measure => ({ headcount, area, weight })

/**
 * Formats an amount on a dimension: headcount "12 人" / "12 votes", area "35.20 ㎡" / "35.20 m²".
 *
 * @example
 * ```ts
 * import { Tally } from "@gongzhi/deliberation"
 *
 * console.log(Tally.formatAmount("area", 3520).zh) // "35.20 ㎡"
 * console.log(Tally.formatAmount("headcount", 1).en) // "1 vote"
 * ```
 *
 * @category formatting
 * @since 0.2.0
 */
export const formatAmount = (dimension: DecisionRule.Dimension, amount: number): Label.Label => {
  switch (dimension) {
    case "area": {
      const text = `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")}`
      return { zh: `${text} ㎡`, en: `${text} m²` }
    }
    case "headcount":
      return { zh: `${amount} 人`, en: `${amount} ${amount === 1 ? "vote" : "votes"}` }
    case "weight":
      return { zh: `${amount}`, en: `${amount}` }
  }
}

const evaluate = (
  rule: DecisionRule.DecisionRule,
  part: "quorum" | "pass",
  check: DecisionRule.Check,
  counts: Counts
): CheckResult => {
  const base = check.base === "eligible"
    ? counts.eligible
    : check.base === "shouldAttend"
    ? counts.shouldAttend
    : counts.participants
  const of = part === "quorum" ? counts.present : counts.yes
  const value = of[check.dimension]
  const whole = base[check.dimension]
  const met = Fraction.meets(value, whole, check.threshold)
  const needed = Fraction.needed(whole, check.threshold)
  const margin = met ? value - needed : 0
  const missing = met
    ? 0
    : part === "pass" && check.base === "participants"
    ? Fraction.neededJoining(value, whole, check.threshold)
    : needed - value
  const label = DecisionRule.checkLabel(rule, part, check)
  const shown = Fraction.percentAgainst(value, whole, check.threshold)
  const wanted = Fraction.formatPercent(check.threshold)
  const by = formatAmount(check.dimension, met ? margin : missing ?? 0)
  const text: Label.Label = met
    ? {
      zh: `${label.zh} ${shown}（需 ${wanted}），已达到（多 ${by.zh}）`,
      en: `${label.en} ${shown} (needs ${wanted}), met (${by.en} to spare)`
    }
    : missing === undefined
    ? {
      zh: `${label.zh} ${shown}（需 ${wanted}），未达到（无法达到）`,
      en: `${label.en} ${shown} (needs ${wanted}), missed (cannot be reached)`
    }
    : {
      zh: `${label.zh} ${shown}（需 ${wanted}），未达到（差 ${by.zh}）`,
      en: `${label.en} ${shown} (needs ${wanted}), missed (${by.en} short)`
    }
  return { part, check, value, whole, met, needed, margin, missing, label, text }
}

/** Sums the choice codes over the electorate's columns: the hot loop of the tally. */
const sumCodes = (
  codes: Uint8Array,
  excluded: Uint8Array,
  area: Float64Array,
  weight: Float64Array,
  hasVote: Uint8Array,
  plain: boolean
) => {
  // slots 1–4: yes / no / abstain / spoiled; 9–12: the same as written opinions; 13: excluded; 14: eligible
  const h = new Float64Array(16)
  const a = new Float64Array(16)
  const w = new Float64Array(16)
  const n = codes.length
  if (plain) {
    // everyone has a vote and no one is left out: the choice code is the slot
    for (let i = 0; i < n; i++) {
      const k = codes[i]!
      h[k] = h[k]! + 1
      a[k] = a[k]! + area[i]!
      w[k] = w[k]! + weight[i]!
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (hasVote[i] === 0) continue
      const k = excluded[i] === 1 ? 13 : codes[i]!
      h[k] = h[k]! + 1
      a[k] = a[k]! + area[i]!
      w[k] = w[k]! + weight[i]!
    }
  }
  // slot 0 took the eligible who have not voted; the eligible are every slot
  for (let k = 0; k < 14; k++) {
    h[14] = h[14]! + h[k]!
    a[14] = a[14]! + a[k]!
    w[14] = w[14]! + w[k]!
  }
  return { h, a, w }
}

/**
 * Counts a ballot box by its rule: as of now (every current ballot) or, with `asOf`, as of an
 * instant while voting is open. Never throws; a bad `asOf` is reported.
 *
 * @example
 * ```ts
 * import { Ballots, Tally } from "@gongzhi/deliberation"
 * import { Instant } from "@gongzhi/core"
 *
 * const at = Instant.makeUnsafe("2024-10-20T10:00:00+08:00")
 * const box = Ballots.castAll(Ballots.example(), [
 *   { voter: "o-1", choice: "yes", at, channel: "paper", recordedBy: "业委会" },
 *   { voter: "o-2", choice: "yes", at, channel: "online", recordedBy: "系统" },
 *   { voter: "developer", choice: "no", at, channel: "paper", recordedBy: "业委会" }
 * ])
 * if (box._tag === "Success") {
 *   const t = Tally.count(box.success)
 *   if (t._tag === "Success") {
 *     console.log(t.success.passed) // false
 *     console.log(t.success.pass[0]!.text.zh) // "同意面积 50%（需 > 50%），未达到（差 0.01 ㎡）"
 *   }
 * }
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const count = (
  box: Ballots.Box,
  options?: { readonly asOf?: Instant.Instant }
): Result.Result<Tally, ValidationReport.ValidationReport> => {
  try {
    let asOfMs: number | undefined
    if (options?.asOf !== undefined) {
      asOfMs = Date.parse(options.asOf)
      if (!Number.isFinite(asOfMs)) {
        return Result.fail(ValidationReport.of(invalidInput(["asOf"], "instant")))
      }
    }
    let ready = box
    let state = stateIfAny(box)
    if (state === undefined) {
      const restored = Ballots.restore(box)
      if (Result.isFailure(restored)) return Result.fail(restored.failure)
      ready = restored.success
      state = stateIfAny(ready)!
    }
    const cols = columns(ready.electorate)
    const { codes, excluded } = codesAsOf(ready, state, cols.index, asOfMs)
    const plain = ready.exclusions.length === 0 && ready.electorate.totals.headcount === ready.electorate.voters.length
    const { h, a, w } = sumCodes(codes, excluded, cols.area, cols.weight, cols.hasVote, plain)
    return Result.succeed(fromSums(ready, options?.asOf, h, a, w))
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
}

const fromSums = (
  box: Ballots.Box,
  asOf: Instant.Instant | undefined,
  h: Float64Array,
  a: Float64Array,
  w: Float64Array
): Tally => {
  const rule = box.rule
  const m = (k: number) => measure(h[k]!, a[k]!, w[k]!)
  const add = (...xs: ReadonlyArray<Measure>) =>
    measure(
      xs.reduce((s, x) => s + x.headcount, 0),
      xs.reduce((s, x) => s + x.area, 0),
      xs.reduce((s, x) => s + x.weight, 0)
    )
  const yes = add(m(1), m(9))
  const no = add(m(2), m(10))
  const abstain = add(m(3), m(11))
  const spoiled = add(m(4), m(12))
  const written = add(m(9), m(10), m(11), m(12))
  const excluded = m(13)
  const eligible = m(14)
  const countedChoices = [1, 2, ...(rule.abstentions === "participant" ? [3] : []),
    ...(rule.spoiled === "participant" ? [4] : [])]
  const participants = add(...countedChoices.flatMap((k) => [m(k), m(k + 8)]))
  // Written opinions count among the votes, never as presence.
  const present = add(...countedChoices.map(m))
  const counts: Counts = {
    eligible,
    excluded,
    shouldAttend: measure(
      eligible.headcount - excluded.headcount,
      eligible.area - excluded.area,
      eligible.weight - excluded.weight
    ),
    present,
    participants,
    yes,
    no,
    abstain,
    spoiled,
    written
  }
  const quorum = rule.quorum.map((c) => evaluate(rule, "quorum", c, counts))
  const pass = rule.pass.map((c) => evaluate(rule, "pass", c, counts))
  const quorumMet = quorum.every((c) => c.met)
  const passMet = pass.every((c) => c.met)
  const passed = quorumMet && passMet
  const open = box.closedAt === undefined
  const verdict = passed
    ? open ? { zh: "按目前票数可以通过", en: "would pass as counted so far" } : { zh: "表决通过", en: "passed" }
    : !quorumMet
    ? open
      ? { zh: "参与表决人数或面积尚未达到要求", en: "the quorum is not reached yet" }
      : { zh: "参与表决未达到要求，表决无效", en: "not passed: the quorum was not reached" }
    : open
    ? { zh: "同意票尚未达到通过要求", en: "not enough in favour yet" }
    : { zh: "表决未通过", en: "not passed" }
  const join = (lang: "zh" | "en") => {
    const sep = lang === "zh" ? "；" : "; "
    const q = quorum.map((c) => c.text[lang]).join(sep)
    const p = pass.map((c) => c.text[lang]).join(sep)
    const end = lang === "zh" ? `。${verdict.zh}。` : `. ${verdict.en[0]!.toUpperCase()}${verdict.en.slice(1)}.`
    return [q, p].filter((s) => s !== "").join(lang === "zh" ? "。" : ". ") + end
  }
  return {
    matter: box.matter,
    rule: rule.id,
    ruleClass: rule.class,
    asOf,
    open,
    counts,
    quorum,
    pass,
    quorumMet,
    passMet,
    passed,
    explanation: { zh: join("zh"), en: join("en") }
  }
}

/**
 * The record of a decision that later steps (the process, the maintenance fund) rely on.
 *
 * @example
 * ```ts
 * import { Tally } from "@gongzhi/deliberation"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const d = Tally.decision(Tally.example(), CivilDate.makeUnsafe("2024-11-01"))
 * console.log(d.passed, d.ruleClass) // true "owners-ordinary"
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Decision {
  readonly matter: string
  readonly rule: string
  readonly ruleClass: DecisionRule.RuleClass
  readonly passed: boolean
  readonly decidedOn: string
  readonly explanation: Label.Label
}

/**
 * The decision a tally records, dated.
 *
 * @example
 * ```ts
 * import { Tally } from "@gongzhi/deliberation"
 * import { CivilDate } from "@gongzhi/core"
 *
 * console.log(Tally.decision(Tally.example(), CivilDate.makeUnsafe("2024-11-01")).matter) // "example-matter"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const decision = (tally: Tally, decidedOn: string): Decision =>
  safely<Decision>({
    matter: "",
    rule: "",
    ruleClass: "custom",
    passed: false,
    decidedOn: typeof decidedOn === "string" ? decidedOn : "",
    explanation: { zh: "", en: "" }
  }, () => ({
    matter: String(tally.matter),
    rule: String(tally.rule),
    ruleClass: tally.ruleClass,
    passed: tally.passed === true,
    decidedOn: String(decidedOn),
    explanation: tally.explanation
  }))

/**
 * A passed tally for examples: the three owners of {@link Electorate.example} all vote yes.
 *
 * @example
 * ```ts
 * import { Tally } from "@gongzhi/deliberation"
 *
 * console.log(Tally.example().counts.yes.headcount) // 3
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const example = (): Tally => {
  const at = "2024-10-20T10:00:00+08:00" as Instant.Instant
  const box = ValidationReport.getOrThrow(Ballots.castAll(
    Ballots.example(),
    ["o-1", "o-2", "developer"].map((voter) => ({ voter, choice: "yes", at, channel: "paper", recordedBy: "业委会" }))
  ))
  return ValidationReport.getOrThrow(count(ValidationReport.getOrThrow(Ballots.close(box, at))))
}
