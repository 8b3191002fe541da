import { Fen } from "@gongzhi/core"
import { pipe } from "effect/Function"
import { describe, expect, it } from "vitest"
import { Fund, Tally } from "../src/index.js"
import { codes, ok } from "./fixtures.js"

const fen = Fen.makeUnsafe
const passed = Tally.decision(Tally.example(), "2024-10-31")
const failed = { ...passed, passed: false }
const special = { ...passed, ruleClass: "owners-special" as const, matter: "raise" }
const party = { ...passed, ruleClass: "branch-meeting" as const }

describe("Fund", () => {
  it("spends interest against a passed owners' decision, within its approval", () => {
    let f = Fund.example()
    f = ok(
      Fund.post(f, {
        _tag: "Spent",
        on: "2024-11-20",
        amount: fen(10_000_000),
        from: "interest",
        purpose: "外墙",
        decision: passed,
        approved: fen(15_000_000)
      })
    )
    expect(f.balances).toEqual({ principal: 500_000_000, interest: 10_000_000, total: 510_000_000 })
    expect(
      codes(
        Fund.post(f, {
          _tag: "Spent",
          on: "2024-11-21",
          amount: fen(6_000_000),
          from: "interest",
          purpose: "外墙",
          decision: passed,
          approved: fen(15_000_000)
        })
      )
    ).toEqual([
      "DELIB_FUND_OVER_APPROVED"
    ])
    expect(
      codes(
        Fund.post(f, {
          _tag: "Spent",
          on: "2024-11-21",
          amount: fen(10_000_001),
          from: "interest",
          purpose: "x",
          decision: passed
        })
      )
    ).toEqual([
      "DELIB_FUND_INSUFFICIENT"
    ])
    expect(f.entries.length).toBe(4)
  })
  it("refuses spending without a passed decision of an owners' class", () => {
    const f = Fund.example()
    const spend = (decision: Tally.Decision) =>
      Fund.post(f, { _tag: "Spent", on: "2024-11-20", amount: fen(100), from: "interest", purpose: "x", decision })
    expect(codes(spend(failed))).toEqual(["DELIB_FUND_DECISION_NOT_PASSED"])
    expect(codes(spend(party))).toEqual(["DELIB_FUND_DECISION_WRONG_CLASS"])
    expect(spend(special)._tag).toBe("Success")
    expect(
      codes(
        Fund.post(f, {
          _tag: "Spent",
          on: "2024-11-20",
          amount: fen(100),
          from: "interest",
          purpose: "",
          decision: null as never
        })
      )
    ).toEqual([
      "DELIB_INPUT_INVALID",
      "DELIB_INPUT_INVALID"
    ])
  })
  it("keeps the principal when the policy says so, and spends it when allowed", () => {
    const f = Fund.example()
    const principal = {
      _tag: "Spent" as const,
      on: "2024-11-20",
      amount: fen(100),
      from: "principal" as const,
      purpose: "x",
      decision: passed
    }
    expect(codes(Fund.post(f, principal))).toEqual(["DELIB_FUND_PRINCIPAL_PROTECTED"])
    const open = ok(
      Fund.post(
        ok(
          Fund.open({
            id: "f",
            name: "f",
            openedOn: "2019-01-01",
            policy: { auditEveryYears: 3, statementEveryMonths: 12, spendFrom: "interest-or-principal" }
          })
        ),
        {
          _tag: "Deposited",
          on: "2019-01-01",
          amount: fen(1000),
          source: "initial"
        }
      )
    )
    expect(ok(Fund.post(open, principal)).balances.principal).toBe(900)
    expect(codes(Fund.post(open, { ...principal, from: "elsewhere" as never }))).toEqual(["DELIB_INPUT_NOT_ONE_OF"])
  })
  it("raising the fund needs a passed special-matter decision", () => {
    const f = Fund.example()
    const raised = (decision?: Tally.Decision) =>
      Fund.post(f, {
        _tag: "Deposited",
        on: "2024-12-01",
        amount: fen(100),
        source: "raised",
        ...(decision === undefined ? {} : { decision })
      })
    expect(codes(raised(passed))).toEqual(["DELIB_FUND_DECISION_WRONG_CLASS"])
    expect(codes(raised())).toEqual(["DELIB_INPUT_INVALID"])
    expect(raised(special)._tag).toBe("Success")
    expect(codes(Fund.post(f, { _tag: "Deposited", on: "2024-12-01", amount: fen(100), source: "gift" as never })))
      .toEqual(["DELIB_INPUT_NOT_ONE_OF"])
  })
  it("refuses bad amounts and dates, and never throws", () => {
    const f = Fund.example()
    expect(codes(Fund.post(f, { _tag: "InterestCredited", on: "2024-01-01", amount: 0 as Fen.Fen }))).toEqual([
      "DELIB_FUND_DATE_BEFORE_PREVIOUS",
      "DELIB_FUND_AMOUNT_NOT_POSITIVE"
    ])
    expect(codes(Fund.post(f, { _tag: "InterestCredited", on: "2024-02-30", amount: 1.5 as Fen.Fen }))).toEqual([
      "DELIB_INPUT_INVALID",
      "DELIB_FUND_AMOUNT_NOT_POSITIVE"
    ])
    expect(codes(Fund.post(f, { _tag: "Unknown" } as never))).toEqual(["DELIB_INPUT_INVALID", "DELIB_INPUT_NOT_ONE_OF"])
    expect(codes(Fund.post(f, null as never))).toEqual(["DELIB_INPUT_INVALID"])
    expect(
      codes(Fund.post(f, { _tag: "InterestCredited", on: "2024-12-01", amount: Number.MAX_SAFE_INTEGER as Fen.Fen }))
    ).toEqual([
      "DELIB_FUND_AMOUNT_NOT_POSITIVE"
    ])
    expect(
      codes(
        Fund.open({
          id: "",
          name: 1 as never,
          openedOn: "x",
          policy: { auditEveryYears: 0, statementEveryMonths: 12, spendFrom: "interest-only" }
        })
      )
    ).toEqual([
      "DELIB_INPUT_INVALID",
      "DELIB_INPUT_INVALID",
      "DELIB_INPUT_INVALID",
      "DELIB_INPUT_INVALID"
    ])
    expect(codes(Fund.open(null as never))).toEqual(["DELIB_INPUT_UNREADABLE"])
  })
  it("publishes statements and reports overdue audits and statements", () => {
    let f = Fund.example()
    expect(Fund.report(f, "2022-06-01").issues).toEqual([])
    const late = Fund.report(f, "2025-06-01")
    expect(late.issues.map((i) => [i.code, i.severity])).toEqual([["DELIB_FUND_AUDIT_OVERDUE", "warning"], [
      "DELIB_FUND_STATEMENT_OVERDUE",
      "warning"
    ]])
    expect(late.issues[0]!.message.zh).toBe(
      "维修资金应于 2022-06-01 前审计（每 3 年一次），至 2025-06-01 已逾期 1096 天"
    )
    f = ok(Fund.post(f, { _tag: "Audited", on: "2024-12-01", by: "某会计师事务所", ref: "审计报告-2024" }))
    f = ok(
      Fund.post(f, {
        _tag: "StatementPublished",
        on: "2025-01-05",
        from: "2024-01-01",
        to: "2024-12-31",
        ref: "公示-2024"
      })
    )
    expect(Fund.report(f, "2025-06-01")).toEqual({ auditDue: "2027-12-01", statementDue: "2026-01-05", issues: [] })
    expect(codes(Fund.post(f, { _tag: "Audited", on: "2025-02-01", by: " ", ref: "" }))).toEqual(["DELIB_INPUT_INVALID",
      "DELIB_INPUT_INVALID"])
    expect(
      codes(
        Fund.post(f, { _tag: "StatementPublished", on: "2025-02-01", from: "2024-12-31", to: "2024-01-01", ref: "" })
      )
    ).toEqual([
      "DELIB_INPUT_INVALID",
      "DELIB_INPUT_INVALID"
    ])
  })
  it("post works data-first and data-last", () => {
    const entry = { _tag: "InterestCredited" as const, on: "2024-12-21", amount: fen(5) }
    expect(ok(pipe(Fund.example(), Fund.post(entry)))).toEqual(ok(Fund.post(Fund.example(), entry)))
  })
  it("writes statements of a period", () => {
    const f = ok(
      Fund.post(Fund.example(), {
        _tag: "Spent",
        on: "2024-11-20",
        amount: fen(18_000_000),
        from: "interest",
        purpose: "外墙真石漆",
        decision: passed
      })
    )
    const s = Fund.statement(f, { from: "2024-07-01", to: "2024-12-31" })
    expect(s).toMatchObject({
      opening: 520_000_000,
      deposits: 0,
      interest: 0,
      spending: 18_000_000,
      closing: 502_000_000
    })
    expect(s.payments).toEqual([{
      on: "2024-11-20",
      amount: 18_000_000,
      purpose: "外墙真石漆",
      matter: "example-matter"
    }])
    expect(Fund.statement(f, { from: "2019-01-01", to: "2019-12-31" }).closing).toBe(500_000_000)
  })
})
