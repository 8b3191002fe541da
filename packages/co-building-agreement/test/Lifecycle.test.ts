import { Result } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Lifecycle } from "../src/index.js"
import { agreement, codesOf, d, expectWellFormed, issuesOf, mingquan, ok } from "./fixtures.js"

const signatures = {
  committee: { signatory: "书记", on: d("2023-12-20") },
  unit: { signatory: "行长", on: d("2023-12-22") }
}
const drafted = () => Lifecycle.draft(agreement(), d("2023-12-01"))
const signed = () => ok(Lifecycle.sign(drafted(), signatures))
const active = () => ok(Lifecycle.activate(signed(), d("2024-01-01")))
const suspended = () => ok(Lifecycle.suspend(active(), { on: d("2024-05-01"), reason: "单位改制" }))
const expired = () => ok(Lifecycle.expire(active(), d("2025-01-01")))
const terminated = () => ok(Lifecycle.terminate(active(), { on: d("2024-06-01"), reason: "单位撤并", by: "unit" }))

const byStatus: Record<Lifecycle.Status, () => Lifecycle.State> = {
  draft: drafted,
  signed,
  active,
  suspended,
  expired,
  terminated
}

/** Each action with a plausible input, dated late enough to pass the date checks. */
const attempt = (state: Lifecycle.State, action: Lifecycle.Action) => {
  switch (action) {
    case "sign":
      return Lifecycle.sign(state, {
        committee: { signatory: "甲", on: d("2024-12-30") },
        unit: { signatory: "乙", on: d("2024-12-30") }
      })
    case "activate":
      return Lifecycle.activate(state, d("2024-12-31"))
    case "suspend":
      return Lifecycle.suspend(state, { on: d("2024-12-31"), reason: "r" })
    case "resume":
      return Lifecycle.resume(state, d("2024-12-31"))
    case "expire":
      return Lifecycle.expire(state, d("2025-01-02"))
    case "terminate":
      return Lifecycle.terminate(state, { on: d("2025-01-02"), reason: "r", by: "both" })
    case "amend":
      return Lifecycle.amend(state, { on: d("2025-01-02"), reason: "r", agreement: state.agreement })
    case "renew":
      return Result.map(
        Lifecycle.renew(state, {
          on: d("2025-01-02"),
          successor: { ...state.agreement, id: "next" as never, term: { start: d("2025-01-01"), end: d("2025-12-31") } }
        }),
        (r) => r.predecessor
      )
  }
}

describe("Lifecycle", () => {
  describe("transitions", () => {
    it("walks draft → signed → active → suspended → active → expired, with a dated history", () => {
      const state = pipe(
        signed(),
        Lifecycle.activate(d("2024-01-01")),
        Result.flatMap(Lifecycle.suspend({ on: d("2024-03-01"), reason: "单位搬迁" })),
        Result.flatMap(Lifecycle.resume(d("2024-04-01"))),
        Result.flatMap(Lifecycle.expire(d("2025-01-01")))
      )
      const done = ok(state)
      expect(done.status).toBe("expired")
      expect(done.history.map((e) => e._tag)).toEqual(["Drafted", "Signed", "Activated", "Suspended", "Resumed",
        "Expired"])
      expect(Lifecycle.statusOn(done, d("2024-03-15"))).toBe("suspended")
      expect(Lifecycle.isActiveOn(done, d("2024-06-01"))).toBe(true)
      expect(Lifecycle.isActiveOn(done, d("2025-02-01"))).toBe(false)
    })

    it("refuses every illegal transition with AGREEMENT_ILLEGAL_TRANSITION and leaves the state unchanged", () => {
      let refused = 0
      for (const status of Lifecycle.statuses) {
        for (const action of Object.keys(Lifecycle.transitions) as Array<Lifecycle.Action>) {
          const state = byStatus[status]()
          expect(state.status).toBe(status)
          const before = JSON.stringify(state)
          const result = attempt(state, action)
          if (Lifecycle.allows(status, action)) {
            expect(Result.isSuccess(result), `${status} → ${action}`).toBe(true)
          } else {
            refused++
            expect(codesOf(result), `${status} → ${action}`).toEqual(["AGREEMENT_ILLEGAL_TRANSITION"])
            expectWellFormed(issuesOf(result))
          }
          expect(JSON.stringify(state)).toBe(before)
        }
      }
      expect(refused).toBe(48 - Object.values(Lifecycle.transitions).reduce((n, t) => n + t.from.length, 0))
      expect(Lifecycle.allowedActions("expired")).toEqual(["renew"])
    })

    it("needs both signatories and signatures within the term", () => {
      const result = Lifecycle.sign(drafted(), {
        committee: { signatory: " ", on: d("2023-12-20") },
        unit: { signatory: "行长", on: d("2025-01-05") }
      })
      expect(codesOf(result)).toEqual(["AGREEMENT_SIGNATORY_REQUIRED", "AGREEMENT_OUTSIDE_TERM"])
    })

    it("activates and resumes only within the term, expires only after it", () => {
      expect(codesOf(Lifecycle.activate(signed(), d("2025-01-01")))).toEqual(["AGREEMENT_OUTSIDE_TERM"])
      expect(codesOf(Lifecycle.expire(active(), d("2024-12-31")))).toEqual(["AGREEMENT_EXPIRED_TOO_EARLY"])
      expect(codesOf(Lifecycle.resume(suspended(), d("2025-02-01")))).toEqual(["AGREEMENT_OUTSIDE_TERM"])
    })

    it("refuses a date before the last event and a missing reason, all at once", () => {
      const result = Lifecycle.suspend(active(), { on: d("2023-12-25"), reason: "" })
      expect(codesOf(result)).toEqual(["AGREEMENT_DATE_BEFORE_PREVIOUS", "AGREEMENT_REASON_REQUIRED"])
      expect(codesOf(Lifecycle.terminate(active(), { on: d("2024-02-01"), reason: "  ", by: "committee" }))).toEqual([
        "AGREEMENT_REASON_REQUIRED"
      ])
    })

    it("versions amendments and never loses a version", () => {
      const state = active()
      const v2 = ok(Lifecycle.amend(state, {
        on: d("2024-02-01"),
        reason: "增加开放时间",
        agreement: { ...state.agreement, meetings: { minPerYear: 2, maxPerYear: 2 } }
      }))
      const v3 = ok(
        Lifecycle.amend(v2, {
          on: d("2024-03-01"),
          reason: "再修订",
          agreement: { ...v2.agreement, meetings: { minPerYear: 1, maxPerYear: 1 } }
        })
      )
      expect(v3.version).toBe(3)
      expect(Lifecycle.versions(v3).map((a) => a.meetings.maxPerYear)).toEqual([2, 2, 1])
      expect(v3.status).toBe("active")
      expect(codesOf(Lifecycle.amend(v3, {
        on: d("2024-04-01"),
        reason: "换单位",
        agreement: { ...v3.agreement, memberUnit: { ...v3.agreement.memberUnit, id: "other" as never } }
      }))).toEqual(["AGREEMENT_AMENDMENT_CHANGES_ID"])
      expect(codesOf(Lifecycle.amend(v3, { on: d("2024-04-01"), reason: "", agreement: v3.agreement }))).toEqual([
        "AGREEMENT_REASON_REQUIRED"
      ])
    })

    it("renews into a linked successor that starts after the term, between the same parties", () => {
      const state = active()
      const next = {
        ...state.agreement,
        id: "mq-2025-01" as never,
        term: { start: d("2025-01-01"), end: d("2025-12-31") }
      }
      const renewal = ok(Lifecycle.renew(state, { on: d("2024-12-15"), successor: next }))
      expect(renewal.predecessor.successor).toBe("mq-2025-01")
      expect(renewal.predecessor.status).toBe("active")
      expect(renewal.successor.predecessor).toBe(state.agreement.id)
      expect(renewal.successor.status).toBe("draft")
      expect(ok(Lifecycle.replay(renewal.successor.history, { predecessor: state.agreement.id }))).toEqual(
        renewal.successor
      )
      expect(ok(Lifecycle.replay(renewal.predecessor.history))).toEqual(renewal.predecessor)
      expect(codesOf(Lifecycle.renew(state, {
        on: d("2024-12-15"),
        successor: {
          ...next,
          id: state.agreement.id,
          term: { start: d("2024-12-01"), end: d("2025-12-31") },
          memberUnit: { ...next.memberUnit, id: "x" as never }
        }
      }))).toEqual(["AGREEMENT_RENEWAL_PARTIES_DIFFER", "AGREEMENT_RENEWAL_OVERLAP", "AGREEMENT_DUPLICATE_ID"])
    })
  })

  describe("constructors", () => {
    it("replays the 名泉 histories to the same states", () => {
      for (const record of mingquan().records) {
        expect(ok(Lifecycle.replay(record.history))).toEqual(record)
      }
    })

    it("refuses a history that does not start with Drafted, drafts twice, or holds an illegal step", () => {
      const history = active().history
      expect(codesOf(Lifecycle.replay([]))).toEqual(["AGREEMENT_HISTORY_INVALID"])
      expect(codesOf(Lifecycle.replay(history.slice(1)))).toEqual(["AGREEMENT_HISTORY_INVALID"])
      expect(issuesOf(Lifecycle.replay([...history, history[0]!]))[0]!.path).toEqual(["history", 3])
      const bad = Lifecycle.replay([history[0]!, history[2]!])
      expect(codesOf(bad)).toEqual(["AGREEMENT_ILLEGAL_TRANSITION"])
      expect(issuesOf(bad)[0]!.path).toEqual(["history", 1, "status"])
    })

    it("any sequence of attempted transitions keeps a valid, replayable, chronological history (property)", () => {
      const actions = Object.keys(Lifecycle.transitions).filter((a) => a !== "renew") as Array<Lifecycle.Action>
      const step = fc.record({
        action: fc.constantFrom(...actions),
        day: fc.integer({ min: 0, max: 500 }),
        blank: fc.boolean()
      })
      fc.assert(
        fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
          let state = drafted()
          for (const s of steps) {
            const on = d(new Date(Date.UTC(2023, 11, 1 + s.day)).toISOString().slice(0, 10))
            const reason = s.blank ? "" : "理由"
            const before = state
            const result = s.action === "sign"
              ? Lifecycle.sign(state, { committee: { signatory: reason, on }, unit: { signatory: "乙", on } })
              : s.action === "activate"
              ? Lifecycle.activate(state, on)
              : s.action === "resume"
              ? Lifecycle.resume(state, on)
              : s.action === "expire"
              ? Lifecycle.expire(state, on)
              : s.action === "suspend"
              ? Lifecycle.suspend(state, { on, reason })
              : s.action === "terminate"
              ? Lifecycle.terminate(state, { on, reason, by: "both" })
              : Lifecycle.amend(state, { on, reason, agreement: state.agreement })
            if (Result.isSuccess(result)) {
              state = result.success
              expect(state.history.length).toBe(before.history.length + 1)
              expect(state.history.slice(0, -1)).toEqual(before.history)
            } else {
              expect(state).toBe(before)
              expect(result.failure.issues.length).toBeGreaterThan(0)
            }
          }
          expect(ok(Lifecycle.replay(state.history))).toEqual(state)
          const dates = state.history.map((e) => e.on)
          expect([...dates].sort()).toEqual(dates)
          expect(Lifecycle.statusOn(state, d("2099-12-31"))).toBe(state.status)
        }),
        { numRuns: 300 }
      )
    })
  })
})
