import type { CivilDate, Instant, Issue, ValidationReport } from "@gongzhi/core"
import type { Result } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import {
  Ballots,
  DecisionRule,
  Electorate,
  Feedback,
  Fraction,
  Fund,
  Notice,
  Presets,
  Process,
  Tally
} from "../src/index.js"

type R<A> = Result.Result<A, ValidationReport.ValidationReport>

describe("types", () => {
  it("documents decode unknown input into typed results", () => {
    expectTypeOf(DecisionRule.decode).parameter(0).toEqualTypeOf<unknown>()
    expectTypeOf(DecisionRule.decode).returns.toEqualTypeOf<R<DecisionRule.DecisionRule>>()
    expectTypeOf<DecisionRule.DecisionRule["kind"]>().toEqualTypeOf<"deliberation-decision-rule">()
    expectTypeOf<DecisionRule.DecisionRule["schemaVersion"]>().toEqualTypeOf<1>()
    expectTypeOf<DecisionRule.Check["base"]>().toEqualTypeOf<"eligible" | "shouldAttend" | "participants">()
    expectTypeOf<DecisionRule.Check["threshold"]>().toEqualTypeOf<Fraction.Threshold>()
    expectTypeOf(Presets.ownersOrdinary).toEqualTypeOf<DecisionRule.DecisionRule>()
  })

  it("thresholds compare whole numbers", () => {
    expectTypeOf(Fraction.meets).toEqualTypeOf<
      (part: number, whole: number, threshold: Fraction.Threshold) => boolean
    >()
    expectTypeOf(Fraction.neededJoining).returns.toEqualTypeOf<number | undefined>()
  })

  it("rosters and boxes return results", () => {
    expectTypeOf(Electorate.fromOwnerRows).parameter(0).toEqualTypeOf<ReadonlyArray<unknown>>()
    expectTypeOf(Electorate.fromOwnerRows).returns.toEqualTypeOf<R<Electorate.Electorate>>()
    expectTypeOf(Ballots.open).returns.toEqualTypeOf<R<Ballots.Box>>()
    expectTypeOf(Ballots.cast).returns.toEqualTypeOf<R<Ballots.Box>>()
    expectTypeOf(Ballots.castAll).parameter(1).toEqualTypeOf<ReadonlyArray<Ballots.Ballot>>()
    expectTypeOf<Ballots.Ballot["at"]>().toEqualTypeOf<Instant.Instant>()
    expectTypeOf<Ballots.Choice>().toEqualTypeOf<"yes" | "no" | "abstain" | "spoiled">()
  })

  it("tallies are explained in both languages", () => {
    expectTypeOf(Tally.count).returns.toEqualTypeOf<R<Tally.Tally>>()
    expectTypeOf<Tally.Tally["explanation"]>().toEqualTypeOf<{ readonly zh: string; readonly en: string }>()
    expectTypeOf<Tally.CheckResult["missing"]>().toEqualTypeOf<number | undefined>()
    expectTypeOf<Tally.Measure[keyof Tally.Measure]>().toEqualTypeOf<number>()
    expectTypeOf(Tally.decision).returns.toEqualTypeOf<Tally.Decision>()
  })

  it("the process, notices and the fund are dual or return results", () => {
    const state = Process.example()
    const event: Process.Event = { _tag: "Discussed", on: "2024-10-15", people: [], units: [], evidence: [] }
    expectTypeOf(Process.record(state, event)).toEqualTypeOf<R<Process.State>>()
    expectTypeOf(Process.record(event)).toEqualTypeOf<(s: Process.State) => R<Process.State>>()
    expectTypeOf(Process.nextStep).returns.toEqualTypeOf<Process.Step | undefined>()
    expectTypeOf(Notice.make).returns.toEqualTypeOf<R<Notice.Notice>>()
    expectTypeOf<Notice.Notice["until"]>().toEqualTypeOf<CivilDate.CivilDate>()
    expectTypeOf(Feedback.summarise).returns.toEqualTypeOf<R<Feedback.Summary>>()
    expectTypeOf(Fund.post).toBeCallableWith(Fund.example(), {
      _tag: "InterestCredited",
      on: "2024-12-21",
      amount: 1 as never
    })
    expectTypeOf(Fund.report).returns.toEqualTypeOf<
      { readonly auditDue: string; readonly statementDue: string; readonly issues: ReadonlyArray<Issue.DomainIssue> }
    >()
    expectTypeOf(Presets.pingliScenario).returns.toEqualTypeOf<Presets.PingliScenario>()
  })
})
