import { Assessment, Explanation, Inputs, Messages, Method, Plan, Presets } from "@gongzhi/assessment-scoring"
import { ValidationReport } from "@gongzhi/core"
import { Result, Schema } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import { simpleInputs, simplePlan, subject } from "./fixtures.js"

const ok = <A>(r: Result.Result<A, ValidationReport.ValidationReport>): A => ValidationReport.getOrThrow(r)
const codesOf = (r: Result.Result<unknown, ValidationReport.ValidationReport>) =>
  Result.isFailure(r) ? r.failure.issues.map((i) => i.code) : []
const byId = (a: Assessment.Assessment, id: string) => Assessment.subject(a, id)!

describe("Assessment", () => {
  describe("綦江 (Qijiang)", () => {
    const members = Inputs.make(Presets.qijiangCommitteeMember.id, [
      {
        id: "cm-school",
        attributes: { unitId: "school", supervisorId: "education-bureau" },
        values: { attendance: 12, tasks: 1, resources: ["venue", "funds", "volunteers"] }
      },
      {
        id: "cm-bank",
        attributes: { unitId: "bank", supervisorId: "finance-office" },
        values: { attendance: 4, tasks: 1, resources: ["venue", "funds", "volunteers"] }
      },
      {
        id: "cm-property",
        attributes: { unitId: "property" },
        values: { attendance: 12, tasks: 1, resources: ["venue", "funds", "volunteers"] },
        vetoes: [{ id: "duty-failure", reason: { zh: "应急时未报到", en: "did not report in the emergency" } }]
      }
    ])
    const result = ok(Assessment.score(Presets.qijiangCommitteeMember, members))

    it("a member who fails duties loses eligibility for excellent and the unit and its supervisor are told", () => {
      const bank = byId(result, "cm-bank")
      expect(bank.vetoes.map((v) => v.id)).toEqual(["duty-failure"])
      expect(bank.grade?.id).not.toBe("excellent")
      const kinds = bank.consequences.map((c) => c.kind)
      expect(kinds).toContain("loss-of-excellent-eligibility")
      const notice = bank.consequences.find((c) => c.kind === "notice-to-unit")!
      expect(notice.notices).toEqual([{ to: "unit", id: "bank" }, { to: "supervisor", id: "finance-office" }])
    })
    it("a veto listed in the input bars excellent even at full marks, and records the reason", () => {
      const property = byId(result, "cm-property")
      expect(property.total).toBe(100)
      expect(property.grade?.id).toBe("competent")
      expect(property.vetoes[0]?.reason.zh).toBe("应急时未报到")
      expect(property.explanation.grading.map((s) => s.kind)).toEqual(["band", "veto"])
      // no supervisor attribute: the notice says so instead of inventing one
      expect(property.consequences.find((c) => c.kind === "notice-to-unit")?.notices).toEqual([
        { to: "unit", id: "property" },
        { to: "supervisor", id: undefined }
      ])
    })
    it("a member who does the duties is commended", () => {
      const school = byId(result, "cm-school")
      expect(school.grade?.id).toBe("excellent")
      expect(school.consequences.map((c) => c.kind)).toEqual(["commendation"])
    })
    const full = (id: string, funds: number, extra: Partial<Inputs.Subject> = {}): Inputs.Subject => ({
      id,
      values: {
        "joint-meetings": 12,
        "problems-resolved": 0.95,
        "three-lists": ["resources", "projects", "needs"],
        "red-stewards": 0.9,
        "co-building": 0.95,
        "funds-raised": funds,
        "first-secretary": { points: 9, justification: "督导到位" }
      },
      ...extra
    })
    it("an outstanding grand committee is commended and the horse race ranks them", () => {
      const inputs = Inputs.make(Presets.qijiangGrandCommittee.id, [
        full("gc-a", 700_000, { previousRank: 3 }),
        full("gc-b", 300_000, { previousRank: 1 }),
        full("gc-c", 100_000, { deductions: { complaint: 40 }, previousRank: 2 })
      ])
      const r = ok(Assessment.score(Presets.qijiangGrandCommittee, inputs))
      const a = byId(r, "gc-a")
      expect(a.grade?.id).toBe("excellent")
      expect(a.consequences.map((c) => c.kind)).toEqual(["commendation", "priority-in-awards"])
      expect(a.rank).toBe(1)
      expect(a.rankChange).toBe(2)
      expect(byId(r, "gc-b").rankChange).toBe(-1)
      // deductions are capped by the item cap (10) even for 40 complaints
      expect(byId(r, "gc-c").explanation.deductions[0]).toMatchObject({ occurrences: 40, points: 10, capped: true })
      expect(Assessment.standings(r).map((s) => s.id)).toEqual(["gc-a", "gc-b", "gc-c"])
    })
    it("a vetoed grand committee with the best total ranks last and gets no priority in awards", () => {
      // regression: it ranked #1 and received priority-in-awards together with its reminder talk
      const inputs = Inputs.make(Presets.qijiangGrandCommittee.id, [
        full("gc-a", 700_000, { vetoes: [{ id: "major-incident", reason: { zh: "火灾", en: "fire" } }] }),
        full("gc-b", 300_000),
        full("gc-c", 100_000)
      ])
      const r = ok(Assessment.score(Presets.qijiangGrandCommittee, inputs))
      const a = byId(r, "gc-a")
      expect(a.total).toBeGreaterThan(byId(r, "gc-b").total)
      expect([a.rank, a.grade?.id]).toEqual([3, "fail"])
      expect(a.consequences.map((c) => c.kind)).toEqual(["reminder-talk"])
      expect([byId(r, "gc-b").rank, byId(r, "gc-c").rank]).toEqual([1, 2])
      expect(byId(r, "gc-b").consequences.map((c) => c.kind)).toContain("priority-in-awards")
      expect(Assessment.standings(r).map((s) => s.id)).toEqual(["gc-b", "gc-c", "gc-a"])
      // the plan may leave vetoed subjects unranked instead
      const unranked = {
        ...Presets.qijiangGrandCommittee,
        ranking: { mode: "competition", scope: "plan", vetoed: "unranked" }
      } as const
      const u = ok(Assessment.score(unranked, inputs))
      expect([byId(u, "gc-a").rank, byId(u, "gc-a").peers, byId(u, "gc-b").peers]).toEqual([undefined, undefined, 2])
      expect(Assessment.standings(u).map((s) => s.id)).toEqual(["gc-b", "gc-c", "gc-a"])
    })
  })

  describe("figures that would give NaN", () => {
    it("a plan whose indicator max is below the rounding step is refused when decoded, not scored NaN", () => {
      // regression: democratic-evaluation with a max of 0.001 validated, then scored everyone NaN
      const doc = JSON.parse(JSON.stringify(Presets.democraticEvaluation)) as {
        indicators: Array<{ max: number; children?: Array<{ max: number }> }>
      }
      const first = doc.indicators[0]!
      ;(first.children?.[0] ?? first).max = 0.001
      const decoded = Plan.decode(doc)
      expect(Result.isFailure(decoded) && decoded.failure.issues.map((i) => i.code)).toContain(
        "ASSESS_MAX_BELOW_PRECISION"
      )
      const scored = Assessment.score(doc as unknown as Plan.Plan, Presets.democraticEvaluationExample)
      expect(Result.isFailure(scored)).toBe(true)
    })
    it("a total met as NaN while scoring is a failure naming the subject (ASSESS_TOTAL_NOT_FINITE), never a score", () => {
      // a JavaScript caller's plan whose maximum changes between the checks and the scoring
      let reads = 0
      const shifty = {
        id: "b",
        label: { zh: "b", en: "b" },
        weight: 1,
        method: { name: "linear", config: { floor: 0, target: 10 } },
        get max() {
          return ++reads <= 2 ? 10 : 0.0001
        }
      }
      const plan = {
        ...simplePlan,
        vetoes: undefined,
        consequences: undefined,
        grades: undefined,
        indicators: [{
          id: "w",
          label: { zh: "w", en: "w" },
          max: 100,
          children: [
            {
              id: "a",
              label: { zh: "a", en: "a" },
              max: 10,
              weight: 1,
              method: { name: "linear", config: { floor: 0, target: 10 } }
            },
            shifty
          ]
        }]
      } as unknown as Plan.Plan
      const r = Assessment.score(plan, simpleInputs([{ id: "s", values: { a: 5, b: 5 } }]))
      expect(codesOf(r)).toEqual(["ASSESS_TOTAL_NOT_FINITE"])
      expect(Result.isFailure(r) && r.failure.issues[0]!.path).toEqual(["subjects", 0])
    })
  })

  describe("branch stars cap", () => {
    it("bonus points lift a branch to 100 at most, and its explanation says so", () => {
      // regression: totals reached 104.2 with bonus points
      const ex = Presets.branchStarsExample
      const inputs = { ...ex, subjects: ex.subjects.map((s) => ({ ...s, bonus: { award: 2 } })) }
      const r = ok(Assessment.score(Presets.branchStars, inputs))
      expect(Math.max(...r.subjects.map((s) => s.total))).toBe(100)
      expect(byId(r, "b-01").explanation.formula.en).toBe(
        "(base 100 + bonus 6) × 70% + evaluation 96.3 × 30% = 103.1, total capped at 100"
      )
      expect(byId(r, "b-01").explanation.formula.zh).toContain("总分封顶 100")
      expect(Plan.maxPossible(Presets.branchStars)).toBe(100)
    })
  })

  describe("democratic evaluation", () => {
    const result = ok(Assessment.score(Presets.democraticEvaluation, Presets.democraticEvaluationExample))
    it("keeps 优秀 to 1/3 of the graded members", () => {
      const excellent = result.subjects.filter((s) => s.grade?.id === "excellent")
      expect(excellent.map((s) => s.id)).toEqual(["m-01", "m-02"])
      expect(result.quotas[0]).toMatchObject({ graded: 6, limit: 2, holders: 4 })
    })
    it("records why those pushed out by the quota got 合格", () => {
      const m04 = byId(result, "m-04")
      expect(m04.grade?.id).toBe("pass")
      expect(m04.explanation.grading.map((s) => s.kind)).toEqual(["band", "quota"])
      expect(m04.explanation.grading[1]?.reason.zh).toContain("1/3")
    })
    it("leaves probationary members ungraded and out of the quota count", () => {
      const m07 = byId(result, "m-07")
      expect(m07.grade).toBeUndefined()
      expect(m07.ungraded?.zh).toContain("预备党员")
    })
    it("drops the highest and lowest vote", () => {
      const peers = byId(result, "m-03").explanation.tree[0]!
      expect(peers.assessments?.filter((a) => a.dropped).length).toBe(2)
      expect(peers.points).toBe(100)
    })
    it("gives a reminder talk for 基本合格", () => {
      expect(byId(result, "m-06").consequences.map((c) => c.kind)).toEqual(["reminder-talk"])
    })
    it("a serious breach forces 不合格", () => {
      const inputs = {
        ...Presets.democraticEvaluationExample,
        subjects: Presets.democraticEvaluationExample.subjects.map((s) =>
          s.id === "m-01" ? { ...s, vetoes: [{ id: "serious-violation", reason: { zh: "违纪", en: "breach" } }] } : s
        )
      }
      const r = ok(Assessment.score(Presets.democraticEvaluation, inputs))
      expect(byId(r, "m-01").grade?.id).toBe("fail")
      // the freed 优秀 place goes to the next member
      expect(r.subjects.filter((s) => s.grade?.id === "excellent").map((s) => s.id)).toEqual(["m-02", "m-04"])
    })
  })

  describe("branch stars", () => {
    const result = ok(Assessment.score(Presets.branchStars, Presets.branchStarsExample))
    it("computes (base + bonus − deductions) × 70% + evaluation × 30%", () => {
      const b07 = byId(result, "b-07")
      const e = b07.explanation
      const expected = Math.round(((e.base + e.bonusTotal - e.deductionTotal) * 0.7 + e.evaluation! * 0.3) * 10) / 10
      expect(b07.total).toBe(expected)
      expect(e.formula.en).toContain("× 70%")
    })
    it("writes each subject's formula with its own figures, and keeps it in JSON and copies", () => {
      for (const subject of result.subjects) {
        const e = subject.explanation
        const plusEn = `${e.bonusTotal > 0 ? ` + bonus ${e.bonusTotal}` : ""}${
          e.deductionTotal > 0 ? ` − deductions ${e.deductionTotal}` : ""
        }`
        const plusZh = `${e.bonusTotal > 0 ? ` + 加分 ${e.bonusTotal}` : ""}${
          e.deductionTotal > 0 ? ` − 扣分 ${e.deductionTotal}` : ""
        }`
        // above the preset's cap of 100, the total before the cap is written, then the cap
        const raw = Math.round(((e.base + e.bonusTotal - e.deductionTotal) * 0.7 + e.evaluation! * 0.3) * 10) / 10
        const capZh = raw > 100 ? `${raw}，总分封顶 ${e.total}` : `${e.total}`
        const capEn = raw > 100 ? `${raw}, total capped at ${e.total}` : `${e.total}`
        expect(e.formula).toEqual({
          zh: `(基础分 ${e.base}${plusZh}) × 70% + 测评分 ${e.evaluation} × 30% = ${capZh}`,
          en: `(base ${e.base}${plusEn}) × 70% + evaluation ${e.evaluation} × 30% = ${capEn}`
        })
        // made once, then the same value
        expect(e.formula).toBe(e.formula)
        expect(JSON.parse(JSON.stringify(e)).formula).toEqual(e.formula)
        expect({ ...e }.formula).toEqual(e.formula)
      }
      const sum = ok(
        Assessment.score(
          simplePlan,
          simpleInputs([subject("a", { bonus: { award: 1 }, deductions: { complaint: 1 } }), subject("b")])
        )
      )
      for (const s of sum.subjects) {
        const e = s.explanation
        const plusEn = `${e.bonusTotal > 0 ? ` + bonus ${e.bonusTotal}` : ""}${
          e.deductionTotal > 0 ? ` − deductions ${e.deductionTotal}` : ""
        }`
        expect(e.formula.en).toBe(`indicators ${e.base}${plusEn} = ${e.total}`)
        expect(e.formula.zh).toMatch(/^指标得分 [\d.]+( \+ 加分 [\d.]+)?( − 扣分 [\d.]+)? = [\d.]+$/)
      }
      expect(sum.subjects[0]!.explanation.formula.en).toContain("bonus")
    })
    it("caps five stars at 30% of the branches", () => {
      const five = result.subjects.filter((s) => s.grade?.id === "five-star")
      expect(five.length).toBeLessThanOrEqual(3)
      expect(result.quotas[0]).toMatchObject({ limit: 3 })
      for (const d of result.quotas[0]!.demoted) expect(byId(result, d.id).grade?.id).toBe("four-star")
    })
    it("a major violation forces one star whatever the total", () => {
      const b10 = byId(result, "b-10")
      expect(b10.total).toBeGreaterThan(90)
      expect(b10.grade?.id).toBe("one-star")
    })
    it("a missed-meetings item never goes below zero", () => {
      const b09 = byId(result, "b-09")
      const meetings = b09.explanation.tree[0]!.children![0]!
      expect(meetings.points).toBe(3)
      const many = ok(Assessment.score(Presets.branchStars, {
        ...Presets.branchStarsExample,
        subjects: [{
          ...Presets.branchStarsExample.subjects[8]!,
          values: { ...Presets.branchStarsExample.subjects[8]!.values, "three-meetings": 40 }
        }]
      }))
      expect(many.subjects[0]!.explanation.tree[0]!.children![0]!.points).toBe(0)
    })
  })

  describe("input errors", () => {
    const cases: Record<string, Inputs.Inputs> = {
      ASSESS_PLAN_MISMATCH: Inputs.make("other", [subject("a")]),
      ASSESS_SUBJECT_DUPLICATE: simpleInputs([subject("a"), subject("a")]),
      ASSESS_INPUT_MISSING: simpleInputs([{ id: "a", values: { hours: 1 } }]),
      ASSESS_INPUT_UNKNOWN: simpleInputs([subject("a", { values: { hourz: 3 } })]),
      ASSESS_INPUT_WRONG_TYPE: simpleInputs([subject("a", { values: { hours: "40" } })]),
      ASSESS_INPUT_OUT_OF_RANGE: simpleInputs([
        subject("a", { values: { manual: { points: 25, justification: "too much" } } })
      ]),
      ASSESS_JUSTIFICATION_MISSING: simpleInputs([
        subject("a", { values: { manual: { points: 5, justification: "  " } } })
      ]),
      ASSESS_CHECKLIST_ITEM_UNKNOWN: simpleInputs([subject("a", { values: { lists: ["a", "z"] } })]),
      ASSESS_ITEM_UNKNOWN: simpleInputs([subject("a", { bonus: { prize: 1 } })]),
      ASSESS_OCCURRENCES_INVALID: simpleInputs([subject("a", { deductions: { complaint: -1 } })])
    }
    for (const [code, inputs] of Object.entries(cases)) {
      it(`reports ${code} and scores nothing`, () => {
        const r = Assessment.score(simplePlan, inputs)
        expect(codesOf(r)).toContain(code)
      })
    }
    it("passes good inputs", () => {
      expect(codesOf(Assessment.score(simplePlan, simpleInputs([subject("a"), subject("b")])))).toEqual([])
    })
    it("takes an undefined bonus or deduction member as absent, as it does a value", () => {
      const plain = Assessment.score(simplePlan, simpleInputs([subject("a"), subject("b")]))
      const inputs = simpleInputs([subject("a", { deductions: { complaint: undefined as never } }), subject("b", {
        bonus: { nosuch: undefined as never }
      })])
      const holes = Assessment.score(simplePlan, inputs)
      expect(codesOf(holes)).toEqual([])
      if (plain._tag === "Success" && holes._tag === "Success") {
        expect(holes.success.subjects.map((r) => r.total)).toEqual(plain.success.subjects.map((r) => r.total))
        // (an empty record is still a record: the fingerprint is the one of these inputs)
        expect(holes.success.inputsHash).toBe(Assessment.inputsHash(inputs))
      }
    })
    it("reports every problem of every subject at once, with paths", () => {
      const r = Assessment.score(
        simplePlan,
        simpleInputs([
          { id: "a", values: { hours: "x", lists: [1] } },
          subject("b", {
            values: { manual: { points: -1, justification: "" } },
            vetoes: [{ id: "nope", reason: { zh: "", en: "" } }]
          })
        ])
      )
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) {
        const where = r.failure.issues.map((i) => `${i.code}@${i.path.join(".")}`)
        expect(where).toEqual(expect.arrayContaining([
          "ASSESS_INPUT_WRONG_TYPE@subjects.0.values.hours",
          "ASSESS_INPUT_WRONG_TYPE@subjects.0.values.lists",
          "ASSESS_INPUT_MISSING@subjects.0.values.meetings",
          "ASSESS_INPUT_OUT_OF_RANGE@subjects.1.values.manual.points",
          "ASSESS_JUSTIFICATION_MISSING@subjects.1.values.manual.justification",
          "ASSESS_ITEM_UNKNOWN@subjects.1.vetoes.0.id"
        ]))
      }
    })
    it("finds unknown keys among missing and undefined values, before the values' own issues", () => {
      const { hours: _dropped, ...rest } = subject("a").values as Record<string, unknown>
      const r = Assessment.score(
        simplePlan,
        simpleInputs([
          { id: "a", values: { ...rest, hourz: 40 } },
          { id: "b", values: { ...subject("b").values, meetings: undefined, extra: 1 } }
        ])
      )
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) {
        expect(r.failure.issues.map((i) => `${i.code}@${i.path.join(".")}`)).toEqual([
          "ASSESS_INPUT_UNKNOWN@subjects.0.values.hourz",
          "ASSESS_INPUT_MISSING@subjects.0.values.hours",
          "ASSESS_INPUT_UNKNOWN@subjects.1.values.extra",
          "ASSESS_INPUT_MISSING@subjects.1.values.meetings"
        ])
      }
    })
    it("finds unknown keys when two indicators read the same input", () => {
      const leaf = (id: string) => ({
        id,
        label: { zh: id, en: id },
        max: 10,
        input: "x",
        method: { name: "linear", config: { floor: 0, target: 10 } }
      })
      const plan: Plan.Plan = { ...simplePlan, indicators: [leaf("a"), leaf("b")], vetoes: [], consequences: [] }
      const r = Assessment.score(plan, Inputs.make("simple", [{ id: "s", values: { x: 5, zzz: 1 } }]))
      expect(Result.isFailure(r) && r.failure.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
        ["ASSESS_INPUT_UNKNOWN", "subjects.0.values.zzz"]
      ])
      const good = ok(Assessment.score(plan, Inputs.make("simple", [{ id: "s", values: { x: 5 } }])))
      expect(good.subjects[0]!.total).toBe(10)
      expect(good.inputsHash).toBe(Assessment.inputsHash(Inputs.make("simple", [{ id: "s", values: { x: 5 } }])))
    })
    it("reports too few assessors to drop the highest and lowest", () => {
      const inputs = {
        ...Presets.democraticEvaluationExample,
        subjects: [{
          ...Presets.democraticEvaluationExample.subjects[0]!,
          values: {
            ...Presets.democraticEvaluationExample.subjects[0]!.values,
            peers: [{ by: "x", value: 4 }, { by: "y", value: 3 }]
          }
        }]
      }
      expect(codesOf(Assessment.score(Presets.democraticEvaluation, inputs))).toEqual(["ASSESS_TOO_FEW_ASSESSORS"])
      const badList = {
        ...inputs,
        subjects: [{ ...inputs.subjects[0]!, values: { ...inputs.subjects[0]!.values, peers: 4 } }]
      }
      expect(codesOf(Assessment.score(Presets.democraticEvaluation, badList))).toEqual(["ASSESS_INPUT_WRONG_TYPE"])
    })
    it("reports ASSESS_SCORE_NOT_FINITE when an expression gives no number", () => {
      const plan: Plan.Plan = {
        ...simplePlan,
        indicators: [{
          id: "x",
          label: { zh: "x", en: "x" },
          max: 10,
          method: { name: "expression", config: { logic: { "cat": ["a", { "var": "value" }] } } }
        }],
        formula: { _tag: "Sum" }
      }
      const r = Assessment.score(plan, simpleInputs([{ id: "a", values: { x: 1 } }]))
      expect(codesOf(r)).toEqual(["ASSESS_SCORE_NOT_FINITE"])
      const good = Assessment.score({
        ...plan,
        indicators: [{
          ...plan.indicators[0]!,
          method: { name: "expression", config: { logic: { "*": [{ "var": "value" }, 2] } } }
        }]
      }, simpleInputs([{ id: "a", values: { x: 3 } }]))
      expect(ok(good).subjects[0]!.total).toBe(6)
    })
    it("fails on an invalid plan before looking at the inputs", () => {
      const r = Assessment.score({
        ...simplePlan,
        indicators: [{ id: "x", label: { zh: "x", en: "x" }, max: 1, method: { name: "nope", config: {} } }]
      }, simpleInputs([]))
      expect(codesOf(r)).toEqual(["ASSESS_METHOD_UNKNOWN"])
    })
    it("a rejected run changes nothing in its inputs", () => {
      const inputs = simpleInputs([subject("a", { values: { hours: "x" } })])
      const before = JSON.stringify(inputs)
      Assessment.score(simplePlan, inputs)
      expect(JSON.stringify(inputs)).toBe(before)
    })
  })

  describe("scoring", () => {
    const result = ok(Assessment.score(
      simplePlan,
      simpleInputs([
        subject("a", { bonus: { award: 5 }, values: { funds: 300 } }),
        subject("b", { deductions: { complaint: 1 }, values: { hours: 2 } }),
        subject("c", { vetoes: [{ id: "incident", reason: { zh: "火灾", en: "fire" } }] }),
        subject("d", { values: { funds: 50 } })
      ])
    ))
    it("records the plan id and version and a hash of the inputs", () => {
      expect(result).toMatchObject({ planId: "simple", planVersion: "1", period: "2024" })
      expect(result.inputsHash).toMatch(/^[0-9a-f]{16}$/)
    })
    it("explains each indicator's input, method, points and caps", () => {
      const a = byId(result, "a")
      const hours = a.explanation.tree[0]!.children![0]!
      expect(hours).toMatchObject({ id: "hours", method: "linear", input: 40, points: 24, max: 30 })
      expect(a.explanation.bonus[0]).toMatchObject({ occurrences: 5, points: 4, capped: true })
      expect(Explanation.format(a, "en")).toContain("hours [hours]: 24 / 30")
      expect(Explanation.format(a, "zh")).toContain("加分")
    })
    it("builds an explanation tree when it is first read, from what scoring kept, once", () => {
      const values: Record<string, unknown> = { ...subject("m").values, hours: 40 }
      const kept = ok(Assessment.score(simplePlan, simpleInputs([{ id: "m", values }])))
      values["hours"] = 1 // the caller changes its inputs afterwards: the explanation does not
      const explanation = kept.subjects[0]!.explanation
      expect(explanation.tree).toBe(explanation.tree)
      expect(explanation.tree[0]!.children![0]).toMatchObject({ id: "hours", input: 40, points: 24 })
      // a plain value for JSON, spreads and structured clones
      const json = JSON.parse(JSON.stringify(kept.subjects[0]))
      expect(json.explanation.tree[0].children[0]).toMatchObject({ id: "hours", input: 40, points: 24 })
      expect({ ...explanation }.tree).toBe(explanation.tree)
      expect(structuredClone(explanation).tree[0]!.points).toBe(explanation.tree[0]!.points)
    })
    it("makes a result's explanation, its formula and its grading steps when first read, each once, as plain values", () => {
      const kept = ok(Assessment.score(
        simplePlan,
        simpleInputs([
          subject("a"),
          subject("b", { vetoes: [{ id: "incident", reason: { zh: "火灾", en: "fire" } }] })
        ])
      ))
      const b = kept.subjects[1]!
      expect(b.explanation).toBe(b.explanation)
      expect(b.explanation.grading).toBe(b.explanation.grading)
      expect(b.explanation.grading.map((step) => [step.kind, step.grade])).toEqual([["band", "pass"], ["veto", "fail"]])
      expect(kept.subjects[0]!.explanation.grading.map((step) => step.kind)).toEqual(["band"])
      expect(b.explanation.formula).toBe(b.explanation.formula)
      // every lazy part is an own enumerable member: copies and clones carry it
      expect(Object.keys(b)).toContain("explanation")
      expect(Object.keys(b.explanation)).toEqual(expect.arrayContaining(["tree", "formula", "grading", "total"]))
      const cloned = structuredClone(b)
      expect(cloned.explanation.grading).toEqual(b.explanation.grading)
      expect(cloned.explanation.formula).toEqual(b.explanation.formula)
      expect(cloned.explanation.tree).toEqual(b.explanation.tree)
      expect(JSON.parse(JSON.stringify(kept)).subjects[1].explanation.grading).toEqual(b.explanation.grading)
      expect({ ...b }.explanation).toBe(b.explanation)
      // the subjects are scored apart: each has its own figures
      expect(kept.subjects[0]!.explanation.total).toBe(kept.subjects[0]!.total)
      expect(b.explanation.total).toBe(b.total)
    })
    it("keeps each run's explanations its own when the same getters serve every run, and shows no link to the run", () => {
      const first = ok(
        Assessment.score(simplePlan, simpleInputs([{ id: "m", values: { ...subject("m").values, hours: 40 } }]))
      )
      const second = ok(
        Assessment.score(simplePlan, simpleInputs([{ id: "m", values: { ...subject("m").values, hours: 10 } }]))
      )
      // read in the other order than made
      expect(second.subjects[0]!.explanation.tree[0]!.children![0]).toMatchObject({ input: 10, points: 6 })
      expect(first.subjects[0]!.explanation.tree[0]!.children![0]).toMatchObject({ input: 40, points: 24 })
      expect(first.subjects[0]!.explanation.total).toBe(first.subjects[0]!.total)
      expect(second.subjects[0]!.explanation.total).toBe(second.subjects[0]!.total)
      // the link is no key, symbol or member a copy carries; an object that only inherits the getter gets nothing
      const result = first.subjects[0]!
      expect(Reflect.ownKeys(result)).toEqual(Object.keys(result))
      expect(Reflect.ownKeys(result.explanation)).toEqual(Object.keys(result.explanation))
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
      expect((Object.create(result) as Assessment.SubjectResult).explanation).toBeUndefined()
      expect({ ...result }.explanation).toBe(result.explanation)
    })
    it("reads a subject's own values only, whatever its prototype", () => {
      const plan: Plan.Plan = {
        ...simplePlan,
        indicators: [{
          id: "c",
          label: { zh: "c", en: "c" },
          max: 10,
          input: "constructor",
          method: { name: "linear", config: { floor: 0, target: 10 } }
        }],
        vetoes: [],
        consequences: []
      }
      // a plain object inherits `constructor`: it is not the subject's value
      expect(codesOf(Assessment.score(plan, Inputs.make("simple", [{ id: "a", values: {} }])))).toEqual([
        "ASSESS_INPUT_MISSING"
      ])
      expect(
        ok(Assessment.score(plan, Inputs.make("simple", [{ id: "a", values: { constructor: 5 } }]))).subjects[0]!.total
      ).toBe(5)
      // a value inherited from another prototype is missing too, and an object without one is read as usual
      const inherited = Object.create({ hours: 40 }) as Record<string, unknown>
      Object.assign(inherited, { meetings: 1, lists: ["a"], manual: { points: 15, justification: "ok" }, funds: 100 })
      const missing = Assessment.score(simplePlan, simpleInputs([{ id: "a", values: inherited }]))
      expect(Result.isFailure(missing) && missing.failure.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
        ["ASSESS_INPUT_MISSING", "subjects.0.values.hours"]
      ])
      const bare = Object.assign(Object.create(null) as Record<string, unknown>, subject("a").values)
      const plain = ok(Assessment.score(simplePlan, simpleInputs([subject("a")])))
      const fromBare = ok(Assessment.score(simplePlan, simpleInputs([{ id: "a", values: bare }])))
      expect(fromBare.subjects[0]!.total).toBe(plain.subjects[0]!.total)
      expect(fromBare.inputsHash).toBe(plain.inputsHash)
    })
    it("rounds and caps a shared frozen outcome once, and reads a mutable one every time", () => {
      const frozen = Object.freeze({ points: 12.345, note: Object.freeze({ zh: "固定", en: "fixed" }) })
      const reused = { points: 0, note: { zh: "复用", en: "reused" } }
      const withFrozen = ok(Method.register(
        Method.builtins,
        Method.defineMethod({
          name: "always-frozen",
          label: { zh: "固定结果", en: "always frozen" },
          config: Schema.Struct({}),
          input: Schema.Finite,
          score: () => frozen
        })
      ))
      const registry = ok(Method.register(
        withFrozen,
        Method.defineMethod({
          name: "reused-object",
          label: { zh: "复用对象", en: "reused object" },
          config: Schema.Struct({}),
          input: Schema.Finite,
          // a method that hands back one object, changed each time (not frozen: never remembered)
          score: (value) => {
            reused.points = value
            return reused
          }
        })
      ))
      const leaf = (id: string, name: string, max: number) => ({
        id,
        label: { zh: id, en: id },
        max,
        method: { name, config: {} }
      })
      const plan: Plan.Plan = {
        ...simplePlan,
        indicators: [leaf("f", "always-frozen", 10), leaf("g", "always-frozen", 20), leaf("r", "reused-object", 50)],
        vetoes: [],
        consequences: []
      }
      const r = ok(
        Assessment.score(
          plan,
          simpleInputs([1, 7, 30, 99].map((v, i) => ({ id: `s${i}`, values: { f: 0, g: 0, r: v } }))),
          { registry }
        )
      )
      for (const s of r.subjects) {
        const [f, g, rr] = s.explanation.tree
        expect(f).toMatchObject({ points: 10, capped: "max", note: { en: "fixed" } })
        expect(g).toMatchObject({ points: 12.35, capped: undefined, note: { en: "fixed" } })
        expect(rr!.points).toBe(Math.min(rr!.input as number, 50))
      }
      expect(r.subjects.map((s) => s.total)).toEqual([23.35, 29.35, 52.35, 72.35])
    })
    it("applies rule vetoes (hours below 5 bar excellent) and forced grades", () => {
      expect(byId(result, "b").vetoes.map((v) => v.id)).toEqual(["slack"])
      expect(byId(result, "c").grade?.id).toBe("fail")
      expect(Explanation.format(byId(result, "c"), "zh")).toContain("火灾")
    })
    it("applies a JSON Logic consequence rule", () => {
      const talk = result.subjects.filter((s) => s.consequences.some((c) => c.kind === "reminder-talk"))
      for (const s of talk) expect(s.total).toBeLessThan(60)
    })
    it("ranks by competition ranking", () => {
      expect(result.subjects.map((s) => s.rank).sort()).toEqual([1, 2, 3, 4])
    })
    it("scores an empty input set", () => {
      expect(ok(Assessment.score(simplePlan, simpleInputs([]))).subjects).toEqual([])
    })
    it("an optional indicator without a value scores 0 and says so", () => {
      const plan: Plan.Plan = {
        ...simplePlan,
        indicators: [{
          ...simplePlan.indicators[0]!,
          children: simplePlan.indicators[0]!.children!.map((c) => ({ ...c, optional: true }))
        }, simplePlan.indicators[1]!]
      }
      const r = ok(
        Assessment.score(
          plan,
          simpleInputs([{ id: "a", values: { manual: { points: 1, justification: "x" }, funds: 1 } }])
        )
      )
      expect(r.subjects[0]!.explanation.tree[0]!.points).toBe(0)
      expect(r.subjects[0]!.explanation.tree[0]!.children![0]!.note?.en).toContain("optional")
    })
    it("combines weighted children by normalised weights", () => {
      const plan: Plan.Plan = {
        ...simplePlan,
        grades: undefined as never,
        indicators: [
          {
            id: "p",
            label: { zh: "p", en: "p" },
            max: 10,
            weight: 3,
            method: { name: "linear", config: { floor: 0, target: 10 } }
          },
          {
            id: "q",
            label: { zh: "q", en: "q" },
            max: 50,
            weight: 1,
            method: { name: "linear", config: { floor: 0, target: 10 } }
          }
        ]
      }
      const { grades: _g, ...noGrades } = plan
      const r = ok(
        Assessment.score(
          { ...noGrades, vetoes: [], consequences: [] },
          simpleInputs([{ id: "a", values: { p: 10, q: 0 } }])
        )
      )
      expect(r.subjects[0]!.total).toBe(75)
      expect(r.subjects[0]!.grade).toBeUndefined()
    })
    it("is deterministic: equal inputs give equal results", () => {
      const inputs = simpleInputs([subject("a"), subject("b", { values: { funds: 3 } })])
      expect(Assessment.score(simplePlan, inputs)).toEqual(
        Assessment.score(simplePlan, JSON.parse(JSON.stringify(inputs)))
      )
    })
    it("hashes inputs independently of key order", () => {
      expect(Assessment.inputsHash({ a: 1, b: { c: [1, "x", null, true] } })).toBe(
        Assessment.inputsHash({ b: { c: [1, "x", null, true] }, a: 1 })
      )
      expect(Assessment.inputsHash({ a: 1 })).not.toBe(Assessment.inputsHash({ a: 2 }))
      expect(Assessment.inputsHash([-0])).toBe(Assessment.inputsHash([0]))
    })
  })

  describe("custom methods", () => {
    const flat = Method.defineMethod({
      name: "flat",
      label: { zh: "定额", en: "flat" },
      config: Schema.Struct({ points: Schema.Finite }),
      input: Schema.Boolean,
      inputDescription: { zh: "是或否", en: "true or false" },
      score: (done, config) => (done ? config.points : 0)
    })
    const registry = ok(Method.register(Method.builtins, flat))
    const plan: Plan.Plan = {
      ...simplePlan,
      indicators: [{ id: "x", label: { zh: "x", en: "x" }, max: 10, method: { name: "flat", config: { points: 7 } } }],
      bonus: [],
      vetoes: [],
      consequences: [],
      grades: simplePlan.grades!
    }
    it("scores with an integrator's method", () => {
      const r = ok(
        Assessment.score(plan, simpleInputs([{ id: "a", values: { x: true } }, { id: "b", values: { x: false } }]), {
          registry
        })
      )
      expect(r.subjects.map((s) => s.total)).toEqual([7, 0])
    })
    it("checks inputs with the method's schema", () => {
      const r = Assessment.score(plan, simpleInputs([{ id: "a", values: { x: "yes" } }]), { registry })
      expect(Result.isFailure(r) && r.failure.issues[0]?.message.en).toContain("true or false")
    })
    it("refuses a second method of the same name (both call styles)", () => {
      expect(codesOf(Method.register(registry, flat))).toEqual(["ASSESS_METHOD_DUPLICATE"])
      expect(codesOf(Method.register(flat)(registry))).toEqual(["ASSESS_METHOD_DUPLICATE"])
      expect(codesOf(Method.register(flat)(Method.builtins))).toEqual([])
    })
    it("types the score function from the schemas", () => {
      expectTypeOf(flat.score).parameter(0).toEqualTypeOf<boolean>()
      expectTypeOf(flat.score).parameter(1).toEqualTypeOf<{ readonly points: number }>()
      expectTypeOf(flat).toMatchTypeOf<Method.Any>()
      expectTypeOf(Method.linear.score).parameter(1).toEqualTypeOf<Method.LinearConfig>()
      expectTypeOf(Assessment.score).returns.toEqualTypeOf<
        Result.Result<Assessment.Assessment, ValidationReport.ValidationReport>
      >()
      expectTypeOf(Method.register).toBeCallableWith(Method.builtins, flat)
    })
  })

  describe("messages", () => {
    it("every code is exercised by a test", async () => {
      const { readFileSync, readdirSync } = await import("node:fs")
      const { dirname, join } = await import("node:path")
      const { fileURLToPath } = await import("node:url")
      const dir = dirname(fileURLToPath(import.meta.url))
      const text = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => readFileSync(join(dir, f), "utf8"))
        .join("\n")
      for (const code of Messages.messages.codes) expect(text, code).toContain(code)
    })
  })
})
