import { Fen, Instant, type Issue, Period, ValidationReport } from "@gongzhi/core"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  Agreement,
  Category,
  Fulfilment,
  JointMeeting,
  Lifecycle,
  Matching,
  Messages,
  MicroWish,
  Presets,
  Template,
  ThreeLists,
  Whistle
} from "../src/index.js"
import { agreement, agreementJson, d, expectWellFormed, issuesOf } from "./fixtures.js"
import { need, project, resource } from "./ThreeLists.test.js"

type Outcome = Result.Result<unknown, ValidationReport.ValidationReport> | ReadonlyArray<{ readonly code: string }>

const codes = (outcome: Outcome): ReadonlyArray<string> =>
  Array.isArray(outcome) ?
    outcome.map((i) => i.code) :
    Result.isFailure(outcome as Result.Result<unknown, ValidationReport.ValidationReport>)
    ? (outcome as Result.Failure<unknown, ValidationReport.ValidationReport>).failure.issues.map((i) => i.code)
    : []

const active = () => {
  const s = Lifecycle.sign(Lifecycle.draft(agreement(), d("2023-12-01")), {
    committee: { signatory: "甲", on: d("2023-12-20") },
    unit: { signatory: "乙", on: d("2023-12-21") }
  })
  return Result.getOrThrow(Result.flatMap(s, Lifecycle.activate(d("2024-01-01"))))
}
const lists = (resources: Array<unknown>, needs: Array<unknown>, projects: Array<unknown> = []) =>
  Schema.decodeUnknownSync(Schema.Struct({
    resources: Schema.Array(ThreeLists.Resource),
    needs: Schema.Array(ThreeLists.Need),
    projects: Schema.Array(ThreeLists.Project)
  }))({ resources, needs, projects })
const into = (id: string): Matching.AcceptInto => ({
  _tag: "New",
  project: id,
  name: "对接",
  owner: "社区",
  budget: 0,
  due: "2024-12-31"
})
const claimed = () =>
  Result.getOrThrow(MicroWish.claim(MicroWish.example(), { unit: "unit-01" as never, on: d("2024-03-05") }))
const at = (hm: string) => Instant.makeUnsafe(`2024-07-01T${hm}:00+08:00`)
const arrived = () => Result.getOrThrow(Whistle.reportArrival(Whistle.example(), { party: "fire", at: at("21:10") }))
const meeting = (attendance: Array<unknown>) => ({
  id: "m",
  grandCommittee: "gc",
  date: "2024-06-01",
  kind: "regular",
  invited: ["a"],
  attendance,
  decisions: []
})
const template = Presets.standardTemplate

/** For every code: an input that fails with it and a corrected input that passes. */
const cases: Record<Messages.Code, { readonly fail: () => Outcome; readonly pass: () => Outcome }> = {
  AGREEMENT_END_BEFORE_START: {
    fail: () => Agreement.decode(agreementJson({ term: { start: "2024-12-31", end: "2024-01-01" } })),
    pass: () => Agreement.decode(agreementJson({ term: { start: "2024-01-01", end: "2024-12-31" } }))
  },
  AGREEMENT_AMOUNT_NEGATIVE: {
    fail: () =>
      Agreement.decode(
        agreementJson({ commitments: [{ _tag: "Funding", id: "f", joint: "joint-study", annualAmount: -1 }] })
      ),
    pass: () =>
      Agreement.decode(
        agreementJson({ commitments: [{ _tag: "Funding", id: "f", joint: "joint-study", annualAmount: 0 }] })
      )
  },
  AGREEMENT_QUANTITY_NOT_POSITIVE: {
    fail: () => ValidationReport.decodeUnknown(ThreeLists.Resource)(resource("r", { capacity: 0 })),
    pass: () => ValidationReport.decodeUnknown(ThreeLists.Resource)(resource("r", { capacity: 1 }))
  },
  AGREEMENT_UNKNOWN_CATEGORY: {
    fail: () => ValidationReport.decodeUnknown(Category.Category)("helth"),
    pass: () => ValidationReport.decodeUnknown(Category.Category)("health")
  },
  AGREEMENT_DUPLICATE_ID: {
    fail: () =>
      MicroWish.post({
        id: "w",
        grandCommittee: "g",
        title: "t",
        wisher: "x",
        postedOn: "2024-01-01",
        publishedTo: ["a", "a"]
      }),
    pass: () =>
      MicroWish.post({
        id: "w",
        grandCommittee: "g",
        title: "t",
        wisher: "x",
        postedOn: "2024-01-01",
        publishedTo: ["a", "b"]
      })
  },
  AGREEMENT_UNKNOWN_REFERENCE: {
    fail: () => ThreeLists.validate(lists([], [], [project("p", { needs: ["n-9"] })])),
    pass: () => ThreeLists.validate(lists([], [need("n-9")], [project("p", { needs: ["n-9"] })]))
  },
  AGREEMENT_RANGE_INVALID: {
    fail: () => ValidationReport.decodeUnknown(Agreement.MeetingObligation)({ minPerYear: 2, maxPerYear: 1 }),
    pass: () => ValidationReport.decodeUnknown(Agreement.MeetingObligation)({ minPerYear: 1, maxPerYear: 2 })
  },
  AGREEMENT_SAME_PARTY: {
    fail: () => Agreement.decode(agreementJson({ memberUnit: { id: "mingquan", name: "x" } })),
    pass: () => Agreement.decode(agreementJson({ memberUnit: { id: "bank", name: "x" } }))
  },
  AGREEMENT_TEMPLATE_JOINT_MISSING: {
    fail: () => Template.issues(agreement({ commitments: agreement().commitments.slice(0, 4) }), template),
    pass: () => Template.issues(agreement(), template)
  },
  AGREEMENT_TEMPLATE_FUNDING_BELOW_MINIMUM: {
    fail: () =>
      Template.issues(
        agreement({
          commitments: [...agreement().commitments.slice(1), {
            _tag: "Funding",
            id: "f",
            joint: "joint-public-welfare",
            annualAmount: 999_999
          }]
        }),
        template
      ),
    pass: () =>
      Template.issues(
        agreement({
          commitments: [...agreement().commitments.slice(1), {
            _tag: "Funding",
            id: "f",
            joint: "joint-public-welfare",
            annualAmount: 1_000_000
          }]
        }),
        template
      )
  },
  AGREEMENT_TEMPLATE_MEETINGS_OUT_OF_RANGE: {
    fail: () => Template.issues(agreement({ meetings: { minPerYear: 1, maxPerYear: 3 } }), template),
    pass: () => Template.issues(agreement({ meetings: { minPerYear: 2, maxPerYear: 2 } }), template)
  },
  AGREEMENT_TEMPLATE_REPORTING_MISSING: {
    fail: () =>
      Template.issues(agreement({ reporting: [{ frequency: "quarterly", to: "街道工委", form: "oral" }] }), template),
    pass: () =>
      Template.issues(agreement({ reporting: [{ frequency: "quarterly", to: "街道工委", form: "written" }] }), template)
  },
  AGREEMENT_TEMPLATE_TERM_TOO_LONG: {
    fail: () => Template.issues(agreement({ term: { start: "2024-01-01", end: "2027-01-01" } }), template),
    pass: () => Template.issues(agreement({ term: { start: "2024-01-01", end: "2026-12-31" } }), template)
  },
  AGREEMENT_ILLEGAL_TRANSITION: {
    fail: () => Lifecycle.activate(Lifecycle.example(), d("2024-01-01")),
    pass: () => Lifecycle.suspend(active(), { on: d("2024-02-01"), reason: "r" })
  },
  AGREEMENT_DATE_BEFORE_PREVIOUS: {
    fail: () => Lifecycle.suspend(active(), { on: d("2023-12-31"), reason: "r" }),
    pass: () => Lifecycle.suspend(active(), { on: d("2024-01-01"), reason: "r" })
  },
  AGREEMENT_OUTSIDE_TERM: {
    fail: () =>
      Lifecycle.resume(
        Result.getOrThrow(Lifecycle.suspend(active(), { on: d("2024-02-01"), reason: "r" })),
        d("2025-01-01")
      ),
    pass: () =>
      Lifecycle.resume(
        Result.getOrThrow(Lifecycle.suspend(active(), { on: d("2024-02-01"), reason: "r" })),
        d("2024-12-31")
      )
  },
  AGREEMENT_EXPIRED_TOO_EARLY: {
    fail: () => Lifecycle.expire(active(), d("2024-12-31")),
    pass: () => Lifecycle.expire(active(), d("2025-01-01"))
  },
  AGREEMENT_REASON_REQUIRED: {
    fail: () => Lifecycle.terminate(active(), { on: d("2024-02-01"), reason: "", by: "both" }),
    pass: () => Lifecycle.terminate(active(), { on: d("2024-02-01"), reason: "撤并", by: "both" })
  },
  AGREEMENT_SIGNATORY_REQUIRED: {
    fail: () =>
      Lifecycle.sign(Lifecycle.example(), {
        committee: { signatory: "", on: d("2024-01-01") },
        unit: { signatory: "乙", on: d("2024-01-01") }
      }),
    pass: () =>
      Lifecycle.sign(Lifecycle.example(), {
        committee: { signatory: "甲", on: d("2024-01-01") },
        unit: { signatory: "乙", on: d("2024-01-01") }
      })
  },
  AGREEMENT_RENEWAL_OVERLAP: {
    fail: () =>
      Lifecycle.renew(active(), {
        on: d("2024-12-01"),
        successor: { ...agreement(), id: "n" as never, term: { start: d("2024-12-31"), end: d("2025-12-31") } }
      }),
    pass: () =>
      Lifecycle.renew(active(), {
        on: d("2024-12-01"),
        successor: { ...agreement(), id: "n" as never, term: { start: d("2025-01-01"), end: d("2025-12-31") } }
      })
  },
  AGREEMENT_RENEWAL_PARTIES_DIFFER: {
    fail: () =>
      Lifecycle.renew(active(), {
        on: d("2024-12-01"),
        successor: agreement({
          id: "n",
          memberUnit: { id: "x", name: "x" },
          term: { start: "2025-01-01", end: "2025-12-31" }
        })
      }),
    pass: () =>
      Lifecycle.renew(active(), {
        on: d("2024-12-01"),
        successor: agreement({ id: "n", term: { start: "2025-01-01", end: "2025-12-31" } })
      })
  },
  AGREEMENT_AMENDMENT_CHANGES_ID: {
    fail: () => Lifecycle.amend(active(), { on: d("2024-02-01"), reason: "r", agreement: agreement({ id: "other" }) }),
    pass: () =>
      Lifecycle.amend(active(), {
        on: d("2024-02-01"),
        reason: "r",
        agreement: agreement({ meetings: { minPerYear: 2, maxPerYear: 2 } })
      })
  },
  AGREEMENT_HISTORY_INVALID: {
    fail: () => Lifecycle.replay(active().history.slice(1)),
    pass: () => Lifecycle.replay(active().history)
  },
  AGREEMENT_OVER_COMMITMENT: {
    fail: () =>
      Matching.accept(lists([resource("r", { capacity: 1 })], [need("n", { quantity: 2 })]), {
        need: "n" as never,
        resource: "r" as never,
        amount: 2
      }, into("p")),
    pass: () =>
      Matching.accept(lists([resource("r", { capacity: 2 })], [need("n", { quantity: 2 })]), {
        need: "n" as never,
        resource: "r" as never,
        amount: 2
      }, into("p"))
  },
  AGREEMENT_NEED_CLOSED: {
    fail: () =>
      Matching.accept(lists([resource("r")], [need("n", { status: "solved" })]), {
        need: "n" as never,
        resource: "r" as never,
        amount: 1
      }, into("p")),
    pass: () =>
      Matching.accept(
        lists([resource("r")], [need("n")]),
        { need: "n" as never, resource: "r" as never, amount: 1 },
        into("p")
      )
  },
  AGREEMENT_PROJECT_STATUS: {
    fail: () =>
      Matching.accept(lists([resource("r")], [need("n")], [project("p", { status: "cancelled" })]), {
        need: "n" as never,
        resource: "r" as never,
        amount: 1
      }, { _tag: "Existing", project: "p" }),
    pass: () =>
      Matching.accept(lists([resource("r")], [need("n")], [project("p", { status: "in-progress" })]), {
        need: "n" as never,
        resource: "r" as never,
        amount: 1
      }, { _tag: "Existing", project: "p" })
  },
  AGREEMENT_WISH_NOT_PUBLISHED_TO_UNIT: {
    fail: () => MicroWish.claim(MicroWish.example(), { unit: "unit-99" as never, on: d("2024-03-05") }),
    pass: () => MicroWish.claim(MicroWish.example(), { unit: "unit-22" as never, on: d("2024-03-05") })
  },
  AGREEMENT_WISH_ALREADY_CLAIMED: {
    fail: () => MicroWish.claim(claimed(), { unit: "unit-02" as never, on: d("2024-03-05") }),
    pass: () => MicroWish.claim(MicroWish.example(), { unit: "unit-02" as never, on: d("2024-03-05") })
  },
  AGREEMENT_WISH_NOT_CLAIMED: {
    fail: () => MicroWish.deliver(MicroWish.example(), d("2024-03-11")),
    pass: () => MicroWish.deliver(claimed(), d("2024-03-11"))
  },
  AGREEMENT_WISH_NOT_CLAIMANT: {
    fail: () => MicroWish.withdraw(claimed(), { unit: "unit-02" as never, on: d("2024-03-06"), reason: "r" }),
    pass: () => MicroWish.withdraw(claimed(), { unit: "unit-01" as never, on: d("2024-03-06"), reason: "r" })
  },
  AGREEMENT_WISH_CLOSED: {
    fail: () => MicroWish.deliver(Result.getOrThrow(MicroWish.deliver(claimed(), d("2024-03-11"))), d("2024-03-12")),
    pass: () => MicroWish.deliver(claimed(), d("2024-03-12"))
  },
  AGREEMENT_WISH_NOT_DUE: {
    fail: () => MicroWish.fallBack(MicroWish.example(), { on: d("2024-03-18"), policy: { claimWindowDays: 14 } }),
    pass: () => MicroWish.fallBack(MicroWish.example(), { on: d("2024-03-19"), policy: { claimWindowDays: 14 } })
  },
  AGREEMENT_WHISTLE_CLOSED: {
    fail: () =>
      Whistle.reportArrival(Result.getOrThrow(Whistle.close(Whistle.example(), at("22:00"))), {
        party: "fire",
        at: at("22:10")
      }),
    pass: () => Whistle.reportArrival(Whistle.example(), { party: "fire", at: at("22:10") })
  },
  AGREEMENT_WHISTLE_ALREADY_REPORTED: {
    fail: () => Whistle.reportArrival(arrived(), { party: "fire", at: at("21:20") }),
    pass: () => Whistle.reportArrival(arrived(), { party: "property", at: at("21:20") })
  },
  AGREEMENT_WHISTLE_NOT_ARRIVED: {
    fail: () => Whistle.reportCompletion(arrived(), { party: "property", at: at("22:00") }),
    pass: () => Whistle.reportCompletion(arrived(), { party: "fire", at: at("22:00") })
  },
  AGREEMENT_WHISTLE_BEFORE_BLOWN: {
    fail: () => Whistle.reportArrival(Whistle.example(), { party: "fire", at: at("20:00") }),
    pass: () => Whistle.reportArrival(Whistle.example(), { party: "fire", at: at("21:00") })
  },
  AGREEMENT_POLICY_URGENCY_MISSING: {
    fail: () =>
      Whistle.evaluate(Whistle.example(), {
        ...Presets.pingguWhistlePolicy,
        targets: Presets.pingguWhistlePolicy.targets.slice(0, 2)
      }),
    pass: () => Whistle.evaluate(Whistle.example(), Presets.pingguWhistlePolicy)
  },
  AGREEMENT_INPUT_UNREADABLE: {
    fail: () => Fulfilment.validateDeliveries([agreement()], "deliveries" as never),
    pass: () => Fulfilment.validateDeliveries([agreement()], [])
  },
  AGREEMENT_MEETING_NOT_INVITED: {
    fail: () => JointMeeting.record(meeting([{ unit: "b", present: true }])),
    pass: () => JointMeeting.record(meeting([{ unit: "a", present: true }]))
  },
  AGREEMENT_DELIVERY_KIND_MISMATCH: {
    fail: () =>
      Fulfilment.compute({
        agreements: [agreement()],
        deliveries: [{
          _tag: "FundsDelivered",
          agreement: agreement().id,
          commitment: "hall" as never,
          on: d("2024-01-05"),
          amount: Fen.makeUnsafe(1)
        }]
      }, Period.year(2024)),
    pass: () =>
      Fulfilment.compute({
        agreements: [agreement()],
        deliveries: [{
          _tag: "FundsDelivered",
          agreement: agreement().id,
          commitment: "funds" as never,
          on: d("2024-01-05"),
          amount: Fen.makeUnsafe(1)
        }]
      }, Period.year(2024))
  }
}

describe("Messages", () => {
  describe("messages", () => {
    it("every code has a zh and an en template and the AGREEMENT_ prefix", () => {
      for (const code of Messages.messages.codes) {
        expect(code).toMatch(/^AGREEMENT_[A-Z_]+$/)
        const template = Messages.messages.templates[code]
        expect(template.zh.length).toBeGreaterThan(0)
        expect(template.en.length).toBeGreaterThan(0)
      }
    })

    it("has a failing and a passing case for every code", () => {
      expect(Object.keys(cases).sort()).toEqual([...Messages.messages.codes].sort())
    })

    for (const [code, c] of Object.entries(cases)) {
      it(`${code}: fails the bad input, passes the corrected one`, () => {
        const failing = c.fail()
        expect(codes(failing)).toContain(code)
        const issues: ReadonlyArray<Issue.DomainIssue> = Array.isArray(failing)
          ? failing
          : issuesOf(failing as Result.Result<unknown, ValidationReport.ValidationReport>)
        expectWellFormed(issues)
        // params are language-neutral: the words of each language come as labels, never as xZh / xEn
        for (const issue of issues) {
          expect(Object.keys(issue.params).filter((k) => /[a-z](Zh|En)$/.test(k))).toEqual([])
        }
        expect(codes(c.pass())).not.toContain(code)
        expect(codes(c.pass())).toEqual([])
      })
    }
  })
})
