import { pipe } from "effect/Function"
import * as fc from "fast-check"
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

  describe("record: what a redo or an event names", () => {
    // the states after the first k steps (k = 1…7), each reached in order
    const after: ReadonlyArray<Process.State> = (() => {
      const events: ReadonlyArray<Process.Event> = [
        {
          _tag: "Sorted",
          ...r("2024-10-10"),
          scope: { estates: ["美佳星座"], buildings: ["1"] },
          rule: "civil-code-278-ordinary"
        },
        { _tag: "Discussed", ...r("2024-10-15") },
        { _tag: "Decided", ...r("2024-10-30"), decision: decision(true) },
        { _tag: "Handled", ...r("2024-11-20") },
        { _tag: "Published", ...r("2024-11-21"), notice: "notice-1", until: "2024-11-28" },
        { _tag: "FedBack", ...r("2024-12-01"), feedback: "feedback-1" }
      ]
      const states = [Process.example()]
      for (const event of events) states.push(ok(Process.record(states[states.length - 1]!, event)))
      return states
    })()
    const redo = (state: Process.State, step: string, reason = "再议") =>
      Process.record(state, { _tag: "Redone", ...r("2024-12-31"), step: step as Process.Step, reason })
    /** The code a redo of `step` is refused with once `done` steps are done, or none. */
    const expectedRedo = (step: string, done: number): ReadonlyArray<string> =>
      !(Process.steps as ReadonlyArray<string>).includes(step)
        ? ["DELIB_INPUT_NOT_ONE_OF"]
        : step === "raise"
        ? ["DELIB_PROCESS_REDO_RAISE"]
        : Process.steps.indexOf(step as Process.Step) >= done
        ? ["DELIB_PROCESS_REDO_NOT_DONE"]
        : []

    it("a redo of a step that does not exist says so, with the steps allowed (not \"not done\")", () => {
      const refused = Process.record(Process.example(), {
        _tag: "Redone",
        ...r("2024-11-01"),
        step: "foo" as never,
        reason: "x"
      })
      if (refused._tag !== "Failure") throw new Error("expected a failure")
      expect(refused.failure.issues).toHaveLength(1)
      const [issue] = refused.failure.issues
      expect(issue!.code).toBe("DELIB_INPUT_NOT_ONE_OF")
      expect(issue!.path).toEqual(["step"])
      expect(issue!.params).toEqual({ expected: "step", allowed: Process.steps.join(", ") })
      expect(issue!.message).toEqual({
        zh: "输入无效：步骤应为以下之一：raise, sort, discuss, decide, handle, publish, feedback",
        en: "Invalid input: step: raise, sort, discuss, decide, handle, publish, feedback"
      })
      // with a blank reason too, both are reported
      expect(codes(redo(after[6]!, "foo", " "))).toEqual(["DELIB_INPUT_NOT_ONE_OF", "DELIB_PROCESS_REASON_REQUIRED"])
      // the names an object inherits are no steps either
      for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
        expect(codes(redo(after[6]!, name)), name).toEqual(["DELIB_INPUT_NOT_ONE_OF"])
      }
    })

    it("each of the seven steps, done or not, is refused (or redone) for its own reason", () => {
      for (let done = 1; done <= Process.steps.length; done++) {
        const state = after[done - 1]!
        expect(state.done).toEqual(Process.steps.slice(0, done))
        for (const step of Process.steps) {
          const result = redo(state, step)
          expect(codes(result), `${step} after ${done} steps`).toEqual(expectedRedo(step, done))
          if (result._tag === "Success") {
            expect(result.success.done).toEqual(Process.steps.slice(0, Process.steps.indexOf(step)))
          } else {
            expect(result.failure.issues.map((i) => i.path), `${step} after ${done} steps`).toEqual([["step"]])
          }
          expect(codes(redo(state, step, "")), `${step} after ${done} steps, no reason`).toEqual([
            ...expectedRedo(step, done),
            "DELIB_PROCESS_REASON_REQUIRED"
          ])
        }
      }
    })

    it("any name, a step or not, gets the code of its case (property)", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.constantFrom(...Process.steps), fc.string(), fc.constantFrom("toString", "__proto__", "Raised")),
          fc.integer({ min: 1, max: Process.steps.length }),
          (step, done) => {
            expect(codes(redo(after[done - 1]!, step))).toEqual(expectedRedo(step, done))
          }
        ),
        { numRuns: process.env["CI"] === "true" ? 10_000 : 300 }
      )
    })

    it("an event of no known _tag is refused as such, at every point, even after the seventh step", () => {
      for (const state of after) {
        for (const tag of ["Foo", "toString", "Redo", "raise"]) {
          const refused = Process.record(state, { _tag: tag as never, ...r("2024-12-31") } as never)
          if (refused._tag !== "Failure") throw new Error(`${tag} was accepted after ${state.done.length} steps`)
          expect(refused.failure.issues.map((i) => [i.code, i.path])).toEqual([["DELIB_INPUT_NOT_ONE_OF", ["_tag"]]])
          expect(refused.failure.issues[0]!.params).toEqual({
            expected: "eventKind",
            allowed: "Raised, Sorted, Discussed, Decided, Handled, Published, FedBack, Redone"
          })
        }
      }
      const replayed = Process.replay([...after[6]!.history, { _tag: "Foo", ...r("2024-12-31") } as never])
      if (replayed._tag !== "Failure") throw new Error("expected a failure")
      expect(replayed.failure.issues.map((i) => [i.code, i.path])).toEqual([
        ["DELIB_INPUT_NOT_ONE_OF", ["history", 7, "_tag"]]
      ])
      const first = Process.replay([{ _tag: "Foo", ...r("2024-12-31") } as never])
      if (first._tag !== "Failure") throw new Error("expected a failure")
      expect(first.failure.issues.map((i) => [i.code, i.path])).toEqual([
        ["DELIB_INPUT_NOT_ONE_OF", ["history", 0, "_tag"]]
      ])
    })
  })

  describe("timeline", () => {
    it("keeps every entry it can show and leaves out, in place, an event it cannot name a step for", () => {
      const d = ok(Process.record(sorted(), { _tag: "Discussed", ...r("2024-10-15") }))
      const shown = Process.timeline(d)
      expect(shown.map((t) => t.step)).toEqual(["raise", "sort", "discuss"])
      const odd = [
        { _tag: "Redone", ...r("2024-10-16"), step: "vote", reason: "x" },
        { _tag: "Redone", ...r("2024-10-16"), step: "constructor", reason: "x" },
        { _tag: "Redone", ...r("2024-10-16"), reason: "x" },
        { _tag: "Foo", ...r("2024-10-16") },
        { _tag: "toString", ...r("2024-10-16") },
        null,
        undefined,
        7
      ]
      for (const bad of odd) {
        const hand = { ...d, history: [d.history[0]!, bad, ...d.history.slice(1)] } as never as Process.State
        expect(Process.timeline(hand), JSON.stringify(bad)).toEqual(shown)
      }
      const redone = { _tag: "Redone", ...r("2024-10-16"), step: "discuss", reason: "x" } as const
      const hand = { ...d, history: [...d.history, odd[0], redone] } as never as Process.State
      expect(Process.timeline(hand)).toEqual([...shown, {
        on: "2024-10-16",
        step: "discuss",
        label: { zh: "重做社区议事", en: "redo: discuss in the community" },
        redo: true
      }])
      expect(Process.timeline({ ...d, history: 5 } as never)).toEqual([])
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
