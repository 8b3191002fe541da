import type { CivilDate, Id, Instant, ValidationReport } from "@gongzhi/core"
import type { Result } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import {
  Agreement,
  FiveJoints,
  Fulfilment,
  JointMeeting,
  Lifecycle,
  Matching,
  MicroWish,
  Presets,
  Template,
  ThreeLists,
  Whistle
} from "../src/index.js"

type R<A> = Result.Result<A, ValidationReport.ValidationReport>

describe("types", () => {
  describe("signatures", () => {
    it("documents decode unknown input into typed results", () => {
      expectTypeOf(Agreement.decode).parameter(0).toEqualTypeOf<unknown>()
      expectTypeOf(Agreement.decode).returns.toEqualTypeOf<R<Agreement.Agreement>>()
      expectTypeOf<Agreement.Agreement["id"]>().toEqualTypeOf<Id.AgreementId>()
      expectTypeOf<Agreement.Agreement["memberUnit"]["id"]>().toEqualTypeOf<Id.UnitId>()
      expectTypeOf<Agreement.Agreement["term"]["start"]>().toEqualTypeOf<CivilDate.CivilDate>()
      expectTypeOf<Agreement.Commitment["joint"]>().toEqualTypeOf<FiveJoints.Joint>()
      expectTypeOf(Template.document.decode).returns.toEqualTypeOf<R<Template.Template>>()
      expectTypeOf(Whistle.policyDocument.decode).returns.toEqualTypeOf<R<Whistle.Policy>>()
      expectTypeOf(Fulfilment.document.decode).returns.toEqualTypeOf<R<Fulfilment.Report>>()
    })

    it("transitions are dual and return results", () => {
      const state = Lifecycle.example()
      expectTypeOf(Lifecycle.activate(state, "2024-01-01" as CivilDate.CivilDate)).toEqualTypeOf<R<Lifecycle.State>>()
      expectTypeOf(Lifecycle.activate("2024-01-01" as CivilDate.CivilDate)).toEqualTypeOf<
        (s: Lifecycle.State) => R<Lifecycle.State>
      >()
      expectTypeOf(
        MicroWish.claim(MicroWish.example(), { unit: "u" as Id.UnitId, on: "2024-01-01" as CivilDate.CivilDate })
      ).toEqualTypeOf<R<MicroWish.Wish>>()
      expectTypeOf<Whistle.Report["at"]>().toEqualTypeOf<Instant.Instant>()
      expectTypeOf(Matching.plan).returns.toEqualTypeOf<Matching.Plan>()
      expectTypeOf(Matching.accept).toBeCallableWith({ resources: [], needs: [], projects: [] }, {
        need: "n" as ThreeLists.NeedId,
        resource: "r" as ThreeLists.ResourceId,
        amount: 1
      }, { _tag: "Existing", project: "p" })
    })

    it("fulfilment figures are numbers only", () => {
      expectTypeOf<Fulfilment.Figures[keyof Fulfilment.Figures]>().toEqualTypeOf<number>()
      expectTypeOf<Fulfilment.Rates[keyof Fulfilment.Rates]>().toEqualTypeOf<number>()
      expectTypeOf(Fulfilment.compute).returns.toEqualTypeOf<R<Fulfilment.Report>>()
      expectTypeOf(Presets.mingquanScenario).returns.toEqualTypeOf<Presets.Scenario>()
      expectTypeOf<Presets.Scenario>().toExtend<Fulfilment.Input>()
      expectTypeOf(JointMeeting.schedule).returns.toEqualTypeOf<ReadonlyArray<JointMeeting.Planned>>()
      expectTypeOf<ThreeLists.Urgency>().toEqualTypeOf<"low" | "normal" | "high" | "critical">()
    })
  })
})
