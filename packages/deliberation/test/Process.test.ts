import { pipe } from "effect/Function"
import { describe, expect, it } from "vitest"
import { Electorate, Process, Tally } from "../src/index.js"
import { codes, ok } from "./fixtures.js"

const r = (on: string) => ({
  on,
  people: ["葛精莉"],
  units: ["业委会"],
  evidence: [{ kind: "minutes" as const, ref: `doc-${on}` }]
})
const decision = (passed: boolean, rule = "civil-code-278-ordinary"): Tally.Decision => ({
  ...Tally.decision(Tally.example(), "2024-10-30"),
  passed,
  rule
})

const sorted = () =>
  ok(Process.record(Process.example(), {
    _tag: "Sorted",
    ...r("2024-10-10"),
    scope: { estates: ["美佳星座"], buildings: ["1"] },
    rule: "civil-code-278-ordinary"
  }))

describe("Process", () => {
  describe("record", () => {
    it("goes through the seven steps in order", () => {
      let s = sorted()
      s = ok(Process.record(s, { _tag: "Discussed", ...r("2024-10-15") }))
      s = ok(Process.record(s, { _tag: "Decided", ...r("2024-10-30"), decision: decision(true) }))
      s = ok(Process.record(s, { _tag: "Handled", ...r("2024-11-20") }))
      s = ok(Process.record(s, { _tag: "Published", ...r("2024-11-21"), notice: "notice-1", until: "2024-11-28" }))
      s = ok(Process.record(s, { _tag: "FedBack", ...r("2024-12-01"), feedback: "feedback-1" }))
      expect(Process.isComplete(s)).toBe(true)
      expect(Process.nextStep(s)).toBeUndefined()
      expect(s.history.map((e) => e._tag)).toEqual(["Raised", "Sorted", "Discussed", "Decided", "Handled", "Published",
        "FedBack"])
      expect(ok(Process.replay(s.history))).toEqual(s)
      expect(codes(Process.record(s, { _tag: "FedBack", ...r("2024-12-02"), feedback: "again" }))).toEqual([
        "DELIB_PROCESS_STEP_OUT_OF_ORDER"
      ])
    })
    it("refuses steps out of order, dates going back and raising twice", () => {
      const s = Process.example()
      const early = Process.record(s, { _tag: "Decided", ...r("2024-10-30"), decision: decision(true) })
      expect(codes(early)).toEqual(["DELIB_PROCESS_STEP_OUT_OF_ORDER"])
      expect(codes(Process.record(sorted(), { _tag: "Discussed", ...r("2024-10-01") }))).toEqual([
        "DELIB_PROCESS_DATE_BEFORE_PREVIOUS"
      ])
      expect(codes(Process.record(s, { _tag: "Raised", ...r("2024-10-09"), matter: s.matter }))).toEqual([
        "DELIB_PROCESS_STEP_OUT_OF_ORDER"
      ])
      expect(codes(Process.record(s, null as never))).toEqual(["DELIB_INPUT_INVALID"])
      expect(s.history.length).toBe(1)
    })
    it("sorting fixes the scope and the rule; overriding the rule needs a reason", () => {
      const s = Process.example()
      const base = {
        _tag: "Sorted" as const,
        ...r("2024-10-10"),
        scope: { estates: [], buildings: [] },
        rule: "civil-code-278-special"
      }
      expect(codes(Process.record(s, base))).toEqual(["DELIB_PROCESS_SCOPE_EMPTY", "DELIB_PROCESS_REASON_REQUIRED"])
      const overridden = ok(
        Process.record(s, {
          ...base,
          scope: { estates: ["美佳星座"], buildings: [] },
          override: { reason: "涉及改变共有部分用途" }
        })
      )
      expect(overridden.rule).toBe("civil-code-278-special")
      expect(
        codes(
          Process.record(s, { ...base, scope: { estates: ["x"], buildings: [] }, rule: "", override: { reason: "x" } })
        )
      ).toEqual(["DELIB_PROCESS_RULE_UNKNOWN"])
      expect(Process.defaultRule("fund-use")?.id).toBe("civil-code-278-ordinary")
      expect(Process.defaultRule("branch-matter")?.class).toBe("branch-meeting")
    })
    it("fixes the electorate from the buildings affected", () => {
      const e = ok(Process.electorateOf(sorted(), Electorate.example()))
      expect(e.totals.headcount).toBe(2)
      expect(codes(Process.electorateOf(Process.example(), Electorate.example()))).toEqual([
        "DELIB_PROCESS_SCOPE_EMPTY"
      ])
      const estateOnly = ok(
        Process.record(Process.example(), {
          _tag: "Sorted",
          ...r("2024-10-10"),
          scope: { estates: ["美佳星座"], buildings: [] },
          rule: "civil-code-278-ordinary"
        })
      )
      const full = Electorate.example()
      expect(ok(Process.electorateOf(estateOnly, full))).toBe(full)
    })
    it("a decision must be counted by the matter's rule, and only a passed one is handled", () => {
      const d = ok(Process.record(sorted(), { _tag: "Discussed", ...r("2024-10-15") }))
      expect(
        codes(
          Process.record(d, { _tag: "Decided", ...r("2024-10-30"), decision: decision(true, "civil-code-278-special") })
        )
      ).toEqual([
        "DELIB_PROCESS_DECISION_MISMATCH"
      ])
      expect(
        codes(
          Process.record(d, { _tag: "Decided", ...r("2024-10-30"), decision: { ...decision(true), matter: "other" } })
        )
      ).toEqual([
        "DELIB_PROCESS_DECISION_OTHER_MATTER"
      ])
      const failed = ok(Process.record(d, { _tag: "Decided", ...r("2024-10-30"), decision: decision(false) }))
      expect(codes(Process.record(failed, { _tag: "Handled", ...r("2024-11-20") }))).toEqual([
        "DELIB_PROCESS_NOT_PASSED"
      ])
    })
    it("a step redone keeps its history", () => {
      const d = ok(Process.record(sorted(), { _tag: "Discussed", ...r("2024-10-15") }))
      const failed = ok(Process.record(d, { _tag: "Decided", ...r("2024-10-30"), decision: decision(false) }))
      expect(codes(Process.record(failed, { _tag: "Redone", ...r("2024-11-01"), step: "handle", reason: "x" })))
        .toEqual(["DELIB_PROCESS_REDO_NOT_DONE"])
      expect(codes(Process.record(failed, { _tag: "Redone", ...r("2024-11-01"), step: "discuss", reason: " " })))
        .toEqual(["DELIB_PROCESS_REASON_REQUIRED"])
      const redo = ok(
        Process.record(failed, { _tag: "Redone", ...r("2024-11-01"), step: "discuss", reason: "挨家挨户再做工作" })
      )
      expect(Process.nextStep(redo)).toBe("discuss")
      expect(redo.decision).toBeUndefined()
      expect(redo.rule).toBe("civil-code-278-ordinary")
      let again = ok(Process.record(redo, { _tag: "Discussed", ...r("2024-11-05") }))
      again = ok(Process.record(again, { _tag: "Decided", ...r("2024-11-30"), decision: decision(true) }))
      expect(again.history.filter((e) => e._tag === "Decided").length).toBe(2)
      expect(Process.timeline(again).map((t) => t.label.zh)).toEqual(["公开提事", "小区分事", "社区议事", "民主定事",
        "重做社区议事", "社区议事", "民主定事"])
      const resort = ok(Process.record(again, { _tag: "Redone", ...r("2024-12-01"), step: "sort", reason: "范围扩大" }))
      expect(resort.rule).toBeUndefined()
      expect(ok(Process.replay(again.history))).toEqual(again)
    })
    it("checks records, publication and feedback", () => {
      expect(
        codes(
          Process.record(sorted(), {
            _tag: "Discussed",
            on: "10/15",
            people: "x" as never,
            units: [],
            evidence: [{}] as never
          })
        )
      ).toEqual([
        "DELIB_INPUT_INVALID",
        "DELIB_INPUT_INVALID",
        "DELIB_INPUT_INVALID"
      ])
      let s = ok(Process.record(sorted(), { _tag: "Discussed", ...r("2024-10-15") }))
      s = ok(Process.record(s, { _tag: "Decided", ...r("2024-10-30"), decision: decision(true) }))
      s = ok(Process.record(s, { _tag: "Handled", ...r("2024-11-20") }))
      expect(codes(Process.record(s, { _tag: "Published", ...r("2024-11-21"), notice: "", until: "2024-11-20" })))
        .toEqual([
          "DELIB_INPUT_INVALID",
          "DELIB_NOTICE_PERIOD_INVALID"
        ])
      s = ok(Process.record(s, { _tag: "Published", ...r("2024-11-21"), notice: "n", until: "2024-11-28" }))
      expect(codes(Process.record(s, { _tag: "FedBack", ...r("2024-12-01"), feedback: "" }))).toEqual([
        "DELIB_INPUT_INVALID"
      ])
    })
  })

  describe("dual", () => {
    it("record works data-first and data-last", () => {
      const event = {
        _tag: "Sorted" as const,
        ...r("2024-10-10"),
        scope: { estates: ["x"], buildings: [] },
        rule: "civil-code-278-ordinary"
      }
      expect(ok(pipe(Process.example(), Process.record(event)))).toEqual(ok(Process.record(Process.example(), event)))
    })
  })

  describe("raise and replay", () => {
    it("reports a bad matter", () => {
      expect(
        codes(
          Process.raise({ ...r("2024-10-08"), matter: { id: "", title: "x", category: "fund-use", raisedBy: "y" } })
        )
      ).toEqual(["DELIB_INPUT_INVALID"])
      expect(
        codes(
          Process.raise({
            ...r("2024-10-08"),
            matter: { id: "a", title: "x", category: "toString" as never, raisedBy: "y" }
          })
        )
      ).toEqual(["DELIB_INPUT_NOT_ONE_OF"])
      expect(codes(Process.raise(null as never))).toEqual(["DELIB_INPUT_UNREADABLE"])
    })
    it("refuses a history that does not start with raising, naming the bad event", () => {
      expect(codes(Process.replay([]))).toEqual(["DELIB_PROCESS_STEP_OUT_OF_ORDER"])
      const bad = [...Process.example().history, { _tag: "Handled" as const, ...r("2024-10-09") }]
      const replayed = Process.replay(bad)
      if (replayed._tag !== "Failure") throw new Error("expected a failure")
      expect(replayed.failure.issues[0]!.path).toEqual(["history", 1, "_tag"])
      expect(codes(Process.replay(null as never))).toEqual(["DELIB_INPUT_UNREADABLE"])
    })
  })
})
