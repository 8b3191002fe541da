/**
 * The owners' maintenance fund (住宅专项维修资金) as an append-only ledger in integer fen:
 * deposits (the initial ones at purchase, or raised by a special decision, 民法典 Art. 278
 * item 6), interest, spending only against a passed owners' decision (using the fund is an
 * ordinary matter, item 5) and within what it approved, published statements and audits due
 * every N years (3 in 平利), with overdue audits and statements reported. A fund may keep its
 * principal and spend only interest ("用利息保本金", as 平利's 金缘上城 does). Nothing is ever
 * deleted; a refused entry leaves the fund unchanged.
 *
 * @since 0.2.0
 */
import { CivilDate, type Fen, type Issue, type Label, ValidationReport } from "@gongzhi/core"
import { dual } from "effect/Function"
import * as Result from "effect/Result"
import type * as DecisionRule from "./DecisionRule.js"
import { invalidInput, notOneOf, unreadable } from "./internal/input.js"
import { ruleClassLabels } from "./internal/ruleClasses.js"
import { safely } from "./internal/safe.js"
import { messages } from "./Messages.js"
import type * as Tally from "./Tally.js"

/**
 * How a fund is kept: an audit every `auditEveryYears` years, a statement published at least
 * every `statementEveryMonths` months, and whether spending may touch the principal.
 *
 * @example
 * ```ts
 * import type { Fund } from "@gongzhi/deliberation"
 *
 * const pingli: Fund.Policy = { auditEveryYears: 3, statementEveryMonths: 12, spendFrom: "interest-only" }
 * console.log(pingli.auditEveryYears) // 3
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Policy {
  readonly auditEveryYears: number
  readonly statementEveryMonths: number
  readonly spendFrom: "interest-only" | "interest-or-principal"
}

/**
 * An entry of the fund's ledger; amounts are positive integer fen.
 *
 * @example
 * ```ts
 * import type { Fund } from "@gongzhi/deliberation"
 * import { Fen } from "@gongzhi/core"
 *
 * const e: Fund.Entry = { _tag: "InterestCredited", on: "2024-12-21", amount: Fen.makeUnsafe(20_000_000) }
 * console.log(e._tag)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Entry =
  | {
    readonly _tag: "Deposited"
    readonly on: string
    readonly amount: Fen.Fen
    readonly source: "initial" | "raised"
    readonly decision?: Tally.Decision
  }
  | { readonly _tag: "InterestCredited"; readonly on: string; readonly amount: Fen.Fen }
  | {
    readonly _tag: "Spent"
    readonly on: string
    readonly amount: Fen.Fen
    readonly from: "interest" | "principal"
    readonly purpose: string
    readonly decision: Tally.Decision
    readonly approved?: Fen.Fen
  }
  | {
    readonly _tag: "StatementPublished"
    readonly on: string
    readonly from: string
    readonly to: string
    readonly ref: string
  }
  | { readonly _tag: "Audited"; readonly on: string; readonly by: string; readonly ref: string }

/**
 * A fund: its id and name, policy, the day it opened, every entry in order and its balances.
 *
 * @example
 * ```ts
 * import { Fund } from "@gongzhi/deliberation"
 *
 * console.log(Fund.example().balances) // { principal: 500000000, interest: 20000000, total: 520000000 }
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Fund {
  readonly id: string
  readonly name: string
  readonly policy: Policy
  readonly openedOn: string
  readonly entries: ReadonlyArray<Entry>
  readonly balances: { readonly principal: number; readonly interest: number; readonly total: number }
}

const sourceLabels = { interest: { zh: "利息", en: "interest" }, principal: { zh: "本金", en: "principal" } } as const

/** A class of rule's words; a value that is no class (from an undecoded decision) speaks for itself. */
const classLabel = (ruleClass: unknown): Label.Label =>
  typeof ruleClass === "string" && Object.prototype.hasOwnProperty.call(ruleClassLabels, ruleClass)
    ? ruleClassLabels[ruleClass as DecisionRule.RuleClass]
    : { zh: String(ruleClass), en: String(ruleClass) }

const datePattern = /^\d{4}-\d{2}-\d{2}$/
const fail = <A>(issues: ReadonlyArray<Issue.DomainIssue>): Result.Result<A, ValidationReport.ValidationReport> =>
  Result.fail(ValidationReport.make(issues))

/**
 * Opens a fund with no entries.
 *
 * @example
 * ```ts
 * import { Fund } from "@gongzhi/deliberation"
 *
 * const f = Fund.open({
 *   id: "jysc-a", name: "金缘上城A区住宅专项维修资金", openedOn: "2019-06-01",
 *   policy: { auditEveryYears: 3, statementEveryMonths: 12, spendFrom: "interest-only" }
 * })
 * if (f._tag === "Success") console.log(f.success.balances.total) // 0
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const open = (input: {
  readonly id: string
  readonly name: string
  readonly openedOn: string
  readonly policy: Policy
}): Result.Result<Fund, ValidationReport.ValidationReport> => {
  try {
    const found: Array<Issue.DomainIssue> = []
    if (typeof input.id !== "string" || input.id.trim() === "") found.push(invalidInput(["id"], "fundId"))
    if (typeof input.name !== "string") found.push(invalidInput(["name"], "name"))
    if (typeof input.openedOn !== "string" || Result.isFailure(CivilDate.make(input.openedOn))) {
      found.push(invalidInput(["openedOn"], "date"))
    }
    const p = input.policy
    if (
      typeof p !== "object" || p === null || !Number.isSafeInteger(p.auditEveryYears) || p.auditEveryYears < 1 ||
      !Number.isSafeInteger(p.statementEveryMonths) || p.statementEveryMonths < 1 ||
      (p.spendFrom !== "interest-only" && p.spendFrom !== "interest-or-principal")
    ) {
      found.push(invalidInput(["policy"], "policy"))
    }
    if (found.length > 0) return fail(found)
    return Result.succeed(Object.freeze({
      id: input.id,
      name: input.name,
      policy: Object.freeze({ ...p }),
      openedOn: input.openedOn,
      entries: Object.freeze([]),
      balances: Object.freeze({ principal: 0, interest: 0, total: 0 })
    }))
  } catch (cause) {
    return fail([unreadable([], cause)])
  }
}

const ownersClasses: ReadonlyArray<DecisionRule.RuleClass> = ["owners-ordinary", "owners-special"]

const decisionIssues = (
  decision: Tally.Decision | undefined,
  allowed: ReadonlyArray<DecisionRule.RuleClass>,
  expected: DecisionRule.RuleClass
): Array<Issue.DomainIssue> => {
  if (typeof decision !== "object" || decision === null) return [invalidInput(["decision"], "passedDecision")]
  const found: Array<Issue.DomainIssue> = []
  if (decision.passed !== true) {
    found.push(
      messages.make("DELIB_FUND_DECISION_NOT_PASSED", {
        path: ["decision"],
        params: { matter: String(decision.matter) }
      })
    )
  }
  if (!allowed.includes(decision.ruleClass)) {
    found.push(messages.make("DELIB_FUND_DECISION_WRONG_CLASS", {
      path: ["decision", "ruleClass"],
      params: { matter: String(decision.matter), actual: String(decision.ruleClass), expected },
      labels: { actual: classLabel(decision.ruleClass), expected: ruleClassLabels[expected] }
    }))
  }
  return found
}

const issuesOf = (fund: Fund, entry: Entry): Array<Issue.DomainIssue> => {
  const found: Array<Issue.DomainIssue> = []
  const last = fund.entries[fund.entries.length - 1]?.on ?? fund.openedOn
  if (typeof entry.on !== "string" || !datePattern.test(entry.on) || Result.isFailure(CivilDate.make(entry.on))) {
    found.push(invalidInput(["on"], "date"))
  } else if (entry.on < last) {
    found.push(
      messages.make("DELIB_FUND_DATE_BEFORE_PREVIOUS", { path: ["on"], params: { date: entry.on, previous: last } })
    )
  }
  const amountOk = (amount: unknown) => {
    if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
      found.push(
        messages.make("DELIB_FUND_AMOUNT_NOT_POSITIVE", { path: ["amount"], params: { amount: String(amount) } })
      )
      return false
    }
    return true
  }
  switch (entry._tag) {
    case "Deposited":
      amountOk(entry.amount)
      if (entry.source === "raised") {
        found.push(...decisionIssues(entry.decision, ["owners-special"], "owners-special"))
      } else if (entry.source !== "initial") found.push(notOneOf(["source"], "source", ["initial", "raised"]))
      break
    case "InterestCredited":
      amountOk(entry.amount)
      break
    case "Spent": {
      const okAmount = amountOk(entry.amount)
      found.push(...decisionIssues(entry.decision, ownersClasses, "owners-ordinary"))
      if (typeof entry.purpose !== "string" || entry.purpose.trim() === "") {
        found.push(invalidInput(["purpose"], "purpose"))
      }
      if (entry.from === "principal" && fund.policy.spendFrom === "interest-only") {
        found.push(
          messages.make("DELIB_FUND_PRINCIPAL_PROTECTED", { path: ["from"], params: { amount: String(entry.amount) } })
        )
      } else if (entry.from !== "interest" && entry.from !== "principal") {
        found.push(notOneOf(["from"], "from", ["interest", "principal"]))
      } else if (okAmount) {
        const available = entry.from === "interest" ? fund.balances.interest : fund.balances.principal
        if (entry.amount > available) {
          found.push(messages.make("DELIB_FUND_INSUFFICIENT", {
            path: ["amount"],
            params: { source: entry.from, available, amount: entry.amount },
            labels: { source: sourceLabels[entry.from] }
          }))
        }
      }
      if (entry.approved !== undefined && okAmount && typeof entry.decision === "object" && entry.decision !== null) {
        const spent = fund.entries.reduce(
          (s, e) => (e._tag === "Spent" && e.decision.matter === entry.decision.matter ? s + e.amount : s),
          0
        )
        if (spent + entry.amount > entry.approved) {
          found.push(messages.make("DELIB_FUND_OVER_APPROVED", {
            path: ["amount"],
            params: { matter: entry.decision.matter, approved: entry.approved, spent, amount: entry.amount }
          }))
        }
      }
      break
    }
    case "StatementPublished":
      if (typeof entry.from !== "string" || typeof entry.to !== "string" || entry.to < entry.from) {
        found.push(invalidInput(["to"], "period"))
      }
      if (typeof entry.ref !== "string" || entry.ref.trim() === "") {
        found.push(invalidInput(["ref"], "statementRef"))
      }
      break
    case "Audited":
      if (typeof entry.by !== "string" || entry.by.trim() === "") found.push(invalidInput(["by"], "auditor"))
      if (typeof entry.ref !== "string" || entry.ref.trim() === "") {
        found.push(invalidInput(["ref"], "reportRef"))
      }
      break
    default:
      found.push(
        notOneOf(["_tag"], "entryKind", ["Deposited", "InterestCredited", "Spent", "StatementPublished", "Audited"])
      )
  }
  return found
}

const balancesAfter = (balances: Fund["balances"], entry: Entry): Fund["balances"] => {
  switch (entry._tag) {
    case "Deposited":
      return { ...balances, principal: balances.principal + entry.amount, total: balances.total + entry.amount }
    case "InterestCredited":
      return { ...balances, interest: balances.interest + entry.amount, total: balances.total + entry.amount }
    case "Spent":
      return entry.from === "interest"
        ? { ...balances, interest: balances.interest - entry.amount, total: balances.total - entry.amount }
        : { ...balances, principal: balances.principal - entry.amount, total: balances.total - entry.amount }
    default:
      return balances
  }
}

/**
 * Posts an entry: refused with every problem, and the fund unchanged, when its date is before
 * the last entry, its amount is not positive whole fen, a payment has no passed owners'
 * decision, exceeds what the decision approved or the balance it is paid from, or touches a
 * protected principal, or a raised deposit lacks a special-matter decision.
 *
 * @example
 * ```ts
 * import { Fund, Tally } from "@gongzhi/deliberation"
 * import { Fen } from "@gongzhi/core"
 *
 * const decision = Tally.decision(Tally.example(), "2024-10-31")
 * const paid = Fund.post(Fund.example(), {
 *   _tag: "Spent", on: "2024-11-20", amount: Fen.makeUnsafe(18_000_000), from: "interest", purpose: "外墙真石漆", decision
 * })
 * if (paid._tag === "Success") console.log(paid.success.balances.interest) // 2000000
 * const principal = Fund.post(Fund.example(), {
 *   _tag: "Spent", on: "2024-11-20", amount: Fen.makeUnsafe(100), from: "principal", purpose: "x", decision
 * })
 * if (principal._tag === "Failure") console.log(principal.failure.issues[0]!.code) // "DELIB_FUND_PRINCIPAL_PROTECTED"
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const post: {
  (entry: Entry): (fund: Fund) => Result.Result<Fund, ValidationReport.ValidationReport>
  (fund: Fund, entry: Entry): Result.Result<Fund, ValidationReport.ValidationReport>
} = dual(2, (fund: Fund, entry: Entry): Result.Result<Fund, ValidationReport.ValidationReport> => {
  try {
    if (typeof entry !== "object" || entry === null) return fail([invalidInput([], "entry")])
    const found = issuesOf(fund, entry)
    if (found.length > 0) return fail(found)
    const balances = balancesAfter(fund.balances, entry)
    if (!Number.isSafeInteger(balances.total)) {
      return fail([
        messages.make("DELIB_FUND_AMOUNT_NOT_POSITIVE", { path: ["amount"], params: { amount: String(entry._tag) } })
      ])
    }
    return Result.succeed(Object.freeze({
      ...fund,
      entries: Object.freeze([...fund.entries, Object.freeze({ ...entry })]),
      balances: Object.freeze(balances)
    }))
  } catch (cause) {
    return fail([unreadable([], cause)])
  }
})

/**
 * A statement of a period (both ends included): opening balance, deposits, interest, spending
 * (each payment with its purpose and matter) and the closing balance, in fen.
 *
 * @example
 * ```ts
 * import { Fund } from "@gongzhi/deliberation"
 *
 * const s = Fund.statement(Fund.example(), { from: "2024-01-01", to: "2024-12-31" })
 * console.log(s.opening, s.interest, s.closing) // 500000000 20000000 520000000
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const statement = (
  fund: Fund,
  period: { readonly from: string; readonly to: string }
): {
  readonly from: string
  readonly to: string
  readonly opening: number
  readonly deposits: number
  readonly interest: number
  readonly spending: number
  readonly closing: number
  readonly payments: ReadonlyArray<
    { readonly on: string; readonly amount: number; readonly purpose: string; readonly matter: string }
  >
} =>
  safely(
    { from: "", to: "", opening: 0, deposits: 0, interest: 0, spending: 0, closing: 0, payments: [] },
    () => statementOf(fund, period)
  )

const statementOf = (fund: Fund, period: { readonly from: string; readonly to: string }) => {
  let opening = 0
  let deposits = 0
  let interest = 0
  let spending = 0
  const payments: Array<{ on: string; amount: number; purpose: string; matter: string }> = []
  for (const e of fund.entries) {
    const delta = e._tag === "Deposited" || e._tag === "InterestCredited"
      ? e.amount
      : e._tag === "Spent"
      ? -e.amount
      : 0
    if (e.on < period.from) {
      opening += delta
      continue
    }
    if (e.on > period.to) continue
    if (e._tag === "Deposited") deposits += e.amount
    if (e._tag === "InterestCredited") interest += e.amount
    if (e._tag === "Spent") {
      spending += e.amount
      payments.push({ on: e.on, amount: e.amount, purpose: e.purpose, matter: e.decision.matter })
    }
  }
  return {
    ...period,
    opening,
    deposits,
    interest,
    spending,
    closing: opening + deposits + interest - spending,
    payments
  }
}

/**
 * The fund's obligations on a date: when the next audit and statement are due, and a warning
 * for each that is overdue.
 *
 * @example
 * ```ts
 * import { Fund } from "@gongzhi/deliberation"
 *
 * const r = Fund.report(Fund.example(), "2024-12-01")
 * console.log(r.auditDue, r.issues.map((i) => i.code)) // "2022-06-01" ["DELIB_FUND_AUDIT_OVERDUE"]
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const report = (
  fund: Fund,
  on: string
): { readonly auditDue: string; readonly statementDue: string; readonly issues: ReadonlyArray<Issue.DomainIssue> } =>
  safely({ auditDue: "", statementDue: "", issues: [invalidInput([], "fundAndDate")] }, () => reportOf(fund, on))

const reportOf = (
  fund: Fund,
  on: string
): { readonly auditDue: string; readonly statementDue: string; readonly issues: ReadonlyArray<Issue.DomainIssue> } => {
  const lastOf = (tag: "Audited" | "StatementPublished") => {
    let last = fund.openedOn
    for (const e of fund.entries) if (e._tag === tag) last = e.on
    return last as CivilDate.CivilDate
  }
  const auditDue = ValidationReport.getOrThrow(CivilDate.addYears(lastOf("Audited"), fund.policy.auditEveryYears))
  const statementDue = ValidationReport.getOrThrow(
    CivilDate.addMonths(lastOf("StatementPublished"), fund.policy.statementEveryMonths)
  )
  const issues: Array<Issue.DomainIssue> = []
  if (on > auditDue) {
    issues.push(messages.make("DELIB_FUND_AUDIT_OVERDUE", {
      severity: "warning",
      params: {
        due: auditDue,
        on,
        years: fund.policy.auditEveryYears,
        days: CivilDate.daysBetween(auditDue, on as CivilDate.CivilDate)
      }
    }))
  }
  if (on > statementDue) {
    issues.push(
      messages.make("DELIB_FUND_STATEMENT_OVERDUE", { severity: "warning", params: { due: statementDue, on } })
    )
  }
  return { auditDue, statementDue, issues }
}

/**
 * A fund for examples: 5,000,000 yuan deposited in 2019 and 200,000 yuan of interest in 2024,
 * interest only to be spent, audited every three years (never audited yet).
 *
 * @example
 * ```ts
 * import { Fund } from "@gongzhi/deliberation"
 *
 * console.log(Fund.example().entries.length) // 3
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const example = (): Fund => {
  let fund = ValidationReport.getOrThrow(open({
    id: "example-fund",
    name: "示例小区住宅专项维修资金",
    openedOn: "2019-06-01",
    policy: { auditEveryYears: 3, statementEveryMonths: 12, spendFrom: "interest-only" }
  }))
  const entries: ReadonlyArray<Entry> = [
    { _tag: "Deposited", on: "2019-06-01", amount: 500_000_000 as Fen.Fen, source: "initial" },
    { _tag: "StatementPublished", on: "2024-01-10", from: "2023-01-01", to: "2023-12-31", ref: "公示-2023" },
    { _tag: "InterestCredited", on: "2024-06-21", amount: 20_000_000 as Fen.Fen }
  ]
  for (const e of entries) fund = ValidationReport.getOrThrow(post(fund, e))
  return fund
}
