import { Instant } from "@gongzhi/core"
import { Result } from "effect"
import { pipe } from "effect/Function"
import { describe, expect, it } from "vitest"
import { Presets, Whistle } from "../src/index.js"
import { codesOf, expectWellFormed, issuesOf, ok } from "./fixtures.js"

const t = (hm: string, day = "01") => Instant.makeUnsafe(`2024-07-${day}T${hm}:00+08:00`)

describe("Whistle", () => {
  describe("documents", () => {
    it("平谷: on site within 30 minutes and stay until done, for every urgency", () => {
      const policy = Presets.pingguWhistlePolicy
      expect(policy.targets.map((x) => [x.urgency, x.arriveWithinMinutes, x.stayUntilDone])).toEqual([
        ["routine", 30, true],
        ["urgent", 30, true],
        ["emergency", 30, true]
      ])
      expect(ok(Whistle.policyDocument.decode(JSON.parse(JSON.stringify(policy))))).toEqual(policy)
    })

    it("reports a missing urgency, a duplicate one and a non-positive time", () => {
      const result = Whistle.policyDocument.decode({
        kind: "whistle-response-policy",
        schemaVersion: 1,
        id: "x",
        name: { zh: "甲", en: "x" },
        targets: [
          { urgency: "routine", arriveWithinMinutes: 60, stayUntilDone: true },
          { urgency: "routine", arriveWithinMinutes: 30, stayUntilDone: true },
          { urgency: "urgent", arriveWithinMinutes: 30, stayUntilDone: false }
        ]
      })
      expect(codesOf(result)).toEqual(["AGREEMENT_DUPLICATE_ID", "AGREEMENT_POLICY_URGENCY_MISSING"])
      expect(codesOf(Whistle.policyDocument.decode({
        kind: "whistle-response-policy",
        schemaVersion: 1,
        id: "x",
        name: { zh: "甲", en: "x" },
        targets: [{ urgency: "routine", arriveWithinMinutes: 0, stayUntilDone: true }]
      }))).toContain("AGREEMENT_QUANTITY_NOT_POSITIVE")
    })
  })

  describe("transitions", () => {
    it("綦江: called parties report arrival and completion; a unit that was not called is recorded as proactive", () => {
      const whistle = ok(pipe(
        Whistle.example(),
        Whistle.reportArrival({ party: "fire", at: t("21:18") }),
        Result.flatMap(Whistle.reportArrival({ party: "property", at: t("21:45") })),
        Result.flatMap(Whistle.reportArrival({ party: "bank", at: t("21:10") })),
        Result.flatMap(Whistle.reportCompletion({ party: "fire", at: t("23:30") })),
        Result.flatMap(Whistle.close(t("01:00", "02")))
      ))
      expect(whistle.responses.map((r) => [r.party, r.called])).toEqual([["fire", true], ["property", true], ["bank",
        false]])
      const verdicts = ok(Whistle.evaluate(whistle, Presets.pingguWhistlePolicy))
      expect(verdicts.map((v) => [v.party, v.minutesToArrive, v.onTime, v.stayedUntilDone])).toEqual([
        ["fire", 18, true, true],
        ["property", 45, false, false],
        ["bank", 10, true, false]
      ])
      expect(pipe(whistle, Whistle.evaluate(Presets.pingguWhistlePolicy))).toEqual(Result.succeed(verdicts))
    })

    it("refuses reports on a closed whistle, before it was blown, twice, or completion before arrival", () => {
      const w = Whistle.example()
      expect(codesOf(Whistle.reportArrival(w, { party: "fire", at: t("20:59") }))).toEqual([
        "AGREEMENT_WHISTLE_BEFORE_BLOWN"
      ])
      const arrived = ok(Whistle.reportArrival(w, { party: "fire", at: t("21:10") }))
      expect(codesOf(Whistle.reportArrival(arrived, { party: "fire", at: t("21:11") }))).toEqual([
        "AGREEMENT_WHISTLE_ALREADY_REPORTED"
      ])
      expect(codesOf(Whistle.reportCompletion(arrived, { party: "fire", at: t("21:05") }))).toEqual([
        "AGREEMENT_DATE_BEFORE_PREVIOUS"
      ])
      const done = ok(Whistle.reportCompletion(arrived, { party: "fire", at: t("22:00") }))
      expect(codesOf(Whistle.reportCompletion(done, { party: "fire", at: t("22:10") }))).toEqual([
        "AGREEMENT_WHISTLE_ALREADY_REPORTED"
      ])
      expect(codesOf(Whistle.reportCompletion(done, { party: "property", at: t("22:10") }))).toEqual([
        "AGREEMENT_WHISTLE_NOT_ARRIVED"
      ])
      const closed = ok(Whistle.close(done, t("23:00")))
      const late = Whistle.reportArrival(closed, { party: "property", at: t("23:30") })
      expect(codesOf(late)).toEqual(["AGREEMENT_WHISTLE_CLOSED"])
      expect(codesOf(Whistle.close(closed, t("23:30")))).toEqual(["AGREEMENT_WHISTLE_CLOSED"])
      expectWellFormed(issuesOf(late))
    })

    it("reports every problem of a bad call", () => {
      const result = Whistle.blow({
        id: "w",
        grandCommittee: "gc",
        category: "fire",
        urgency: "now",
        blownAt: "21:00",
        description: "",
        called: []
      })
      expect(issuesOf(result).length).toBe(5)
      expect(codesOf(Whistle.blow({
        id: "w",
        grandCommittee: "gc",
        category: "emergency",
        urgency: "emergency",
        blownAt: "2024-07-01T21:00:00+08:00",
        description: "x",
        called: [{ kind: "unit", id: "a" }, { kind: "department", id: "a" }]
      }))).toEqual(["AGREEMENT_DUPLICATE_ID"])
    })

    it("evaluate fails when the policy has no target for the urgency, and applies completion targets", () => {
      const policy: Whistle.Policy = {
        ...Presets.pingguWhistlePolicy,
        targets: [{ urgency: "emergency", arriveWithinMinutes: 15, completeWithinHours: 2, stayUntilDone: true }]
      }
      const routine = { ...Whistle.example(), urgency: "routine" as const }
      expect(codesOf(Whistle.evaluate(routine, policy))).toEqual(["AGREEMENT_POLICY_URGENCY_MISSING"])
      const w = ok(pipe(
        Whistle.reportArrival(Whistle.example(), { party: "fire", at: t("21:15") }),
        Result.flatMap(Whistle.reportCompletion({ party: "fire", at: t("23:30") }))
      ))
      const [fire, property] = ok(Whistle.evaluate(w, policy))
      expect(fire).toMatchObject({ onTime: true, completedOnTime: false, minutesToArrive: 15 })
      expect(property).toMatchObject({ arrived: false, onTime: false, completedOnTime: false })
    })
  })
})
