import { Fen, Period } from "@gongzhi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Agreement, Fulfilment, Presets } from "../src/index.js"
import { agreement, codesOf, d, expectWellFormed, issuesOf, mingquan, ok } from "./fixtures.js"

const c = Agreement.CommitmentId.make

describe("Fulfilment", () => {
  describe("computations", () => {
    it("名泉: 15 units commit 300,000 yuan for the year; per-unit rows add up to the committee", () => {
      const scenario = mingquan()
      const report = ok(Fulfilment.compute(scenario, Period.year(2024)))
      expect(report.period).toEqual({ start: "2024-01-01", end: "2024-12-31" })
      expect(report.grandCommittees).toHaveLength(1)
      const gc = report.grandCommittees[0]!
      expect(gc.units).toHaveLength(15)
      expect(Fen.formatWan(Fen.makeUnsafe(report.totals.fundsCommitted))).toBe("30万元")
      expect(report.totals.fundsDelivered).toBeLessThan(report.totals.fundsCommitted)
      expect(report.totals.agreements).toBe(15)
      expect(report.totals.servicesCommitted).toBe(15 * 6)
      expect(report.totals.reportsDue).toBe(15 * 4)
      expect(gc.committee).toMatchObject({
        meetingsHeld: 2,
        meetingsRequired: 1,
        wishesPosted: 8,
        wishesFellBack: 1,
        wishesDeliveredByCommunity: 1,
        whistlesBlown: 2
      })
      expect(report.totals.meetingsInvited).toBe(30)
      expect(report.totals.wishesPublished).toBe(8 * 15)
      expect(report.totals.whistlesCalled).toBe(4)
      expect(report.totals.proactiveReports).toBe(1)
      const power = gc.units.find((u) => u.unit === "mq-power")!
      expect(power.figures.whistlesOnTime).toBe(0)
      expect(power.rates.whistlesOnTime).toBe(0)
      expect(power.agreements).toHaveLength(1)
      expect(power.name).toBe("国网掇刀供电分公司")
      // the report is a valid document of its own schema (what assessment reads)
      expect(ok(Fulfilment.document.decode(JSON.parse(JSON.stringify(report))))).toEqual(report)
    })

    it("prorates exactly: a whole year or month is exact, quarters never exceed the year", () => {
      const a = agreement()
      const year = ok(Fulfilment.compute({ agreements: [a] }, Period.year(2024))).totals
      expect(year.fundsCommitted).toBe(2_000_000)
      expect(year.volunteerHoursCommitted).toBe(120)
      expect(year.servicesCommitted).toBe(6)
      expect(year.facilityHoursCommitted).toBe(366)
      expect(year.reportsDue).toBe(4)
      const march = ok(Fulfilment.compute({ agreements: [a] }, Period.month(2024, 3))).totals
      expect(march.volunteerHoursCommitted).toBe(10)
      expect(march.fundsCommitted).toBe(166_666)
      expect(march.reportsDue).toBe(1)
      const quarters = ([1, 2, 3, 4] as const).map((q) =>
        ok(Fulfilment.compute({ agreements: [a] }, Period.quarter(2024, q))).totals
      )
      expect(quarters.map((q) => q.fundsCommitted)).toEqual([500_000, 500_000, 500_000, 500_000])
      expect(quarters.reduce((n, q) => n + q.facilityHoursCommitted, 0)).toBeLessThanOrEqual(
        year.facilityHoursCommitted
      )
      const outside = ok(Fulfilment.compute({ agreements: [a] }, Period.year(2030)))
      expect(outside.grandCommittees).toEqual([])
      expect(outside.totals).toEqual(Fulfilment.zero)
    })

    it("counts deliveries in the period only, and projects due in the period", () => {
      const a = agreement({
        commitments: [
          { _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: 1_000_000 },
          { _tag: "Project", id: "p", joint: "joint-safety", name: "改造", budget: 1, due: "2024-06-30" }
        ]
      })
      const deliveries: Array<Fulfilment.Delivery> = [
        {
          _tag: "FundsDelivered",
          agreement: a.id,
          commitment: c("funds"),
          on: d("2024-02-01"),
          amount: Fen.makeUnsafe(400_000)
        },
        {
          _tag: "FundsDelivered",
          agreement: a.id,
          commitment: c("funds"),
          on: d("2024-08-01"),
          amount: Fen.makeUnsafe(600_000)
        },
        { _tag: "ProjectCompleted", agreement: a.id, commitment: c("p"), on: d("2024-06-20") }
      ]
      const h1 = ok(
        Fulfilment.compute(
          { agreements: [a], deliveries },
          Period.range(d("2024-01-01"), d("2024-06-30")).pipe(Result.getOrThrow)
        )
      ).totals
      expect(h1).toMatchObject({
        fundsCommitted: 500_000,
        fundsDelivered: 400_000,
        projectsCommitted: 1,
        projectsCompleted: 1
      })
      const h2 = ok(
        Fulfilment.compute(
          { agreements: [a], deliveries },
          Period.range(d("2024-07-01"), d("2024-12-31")).pipe(Result.getOrThrow)
        )
      )
      expect(h2.totals).toMatchObject({ fundsCommitted: 500_000, fundsDelivered: 600_000, projectsCommitted: 0 })
      expect(h2.grandCommittees[0]!.rates.funds).toBe(1000)
    })

    it("reports deliveries against unknown agreements or commitments and of the wrong kind", () => {
      const a = agreement()
      const deliveries: Array<Fulfilment.Delivery> = [
        {
          _tag: "FundsDelivered",
          agreement: "nope" as never,
          commitment: c("funds"),
          on: d("2024-02-01"),
          amount: Fen.makeUnsafe(1)
        },
        { _tag: "HoursDelivered", agreement: a.id, commitment: c("nope"), on: d("2024-02-01"), hours: 1 },
        { _tag: "HoursDelivered", agreement: a.id, commitment: c("funds"), on: d("2024-02-01"), hours: 1 },
        { _tag: "ReportSubmitted", agreement: a.id, on: d("2024-03-31") }
      ]
      const result = Fulfilment.compute({ agreements: [a], deliveries }, Period.year(2024))
      expect(codesOf(result)).toEqual(["AGREEMENT_UNKNOWN_REFERENCE", "AGREEMENT_UNKNOWN_REFERENCE",
        "AGREEMENT_DELIVERY_KIND_MISMATCH"])
      expect(issuesOf(result)[2]!.path).toEqual(["deliveries", 2, "_tag"])
      expectWellFormed(issuesOf(result))
    })

    it("needs a whistle policy with a target for every whistle in the period", () => {
      const scenario = mingquan()
      const { whistlePolicy: _p, ...noPolicy } = scenario
      expect(codesOf(Fulfilment.compute(noPolicy, Period.year(2024)))).toEqual([
        "AGREEMENT_POLICY_URGENCY_MISSING",
        "AGREEMENT_POLICY_URGENCY_MISSING"
      ])
      const partial = {
        ...scenario,
        whistlePolicy: { ...Presets.pingguWhistlePolicy, targets: Presets.pingguWhistlePolicy.targets.slice(2) }
      }
      expect(issuesOf(Fulfilment.compute(partial, Period.year(2024)))[0]!.path).toEqual(["whistles", 0, "urgency"])
      // whistles outside the period are not judged
      expect(Result.isSuccess(Fulfilment.compute(noPolicy, Period.year(2023)))).toBe(true)
    })
  })

  describe("properties", () => {
    it("totals equal the sum over committees, and each committee's figures the sum over its units", () => {
      const periodArb = fc.oneof(
        fc.constant(Period.year(2024)),
        fc.integer({ min: 1, max: 4 }).map((q) => Period.quarter(2024, q as 1 | 2 | 3 | 4)),
        fc.integer({ min: 1, max: 12 }).map((m) => Period.month(2024, m)),
        fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })).map(([a, b]) => {
          const day = (n: number) => d(new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10))
          return Result.getOrThrow(Period.range(day(Math.min(a, b)), day(Math.max(a, b))))
        })
      )
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000 }),
          periodArb,
          fc.integer({ min: 0, max: 15 }),
          (seed, period, drop) => {
            const s = Presets.mingquanScenario({ year: 2024, seed })
            const other = Presets.mingquanScenario({ year: 2024, seed: seed + 1 })
            // a second committee, so that the sum over committees is tested too
            const moved = other.agreements.slice(drop).map((a) => ({
              ...a,
              id: `b-${a.id}` as never,
              grandCommittee: { ...a.grandCommittee, id: "beta" as never }
            }))
            const report = ok(Fulfilment.compute({ ...s, agreements: [...s.agreements, ...moved] }, period))
            let totals = Fulfilment.zero
            for (const gc of report.grandCommittees) {
              let sum = Fulfilment.zero
              for (const u of gc.units) {
                sum = Fulfilment.add(sum, u.figures)
                let fromAgreements = 0
                for (const a of u.agreements) fromAgreements += a.figures.fundsCommitted
                expect(fromAgreements).toBe(u.figures.fundsCommitted)
                for (const value of Object.values(u.rates)) expect(value >= 0 && value <= 1000).toBe(true)
              }
              expect(gc.figures).toEqual(sum)
              totals = Fulfilment.add(totals, sum)
            }
            expect(report.totals).toEqual(totals)
            for (const value of Object.values(report.totals)) {
              expect(Number.isSafeInteger(value) && value >= 0).toBe(true)
            }
          }
        ),
        { numRuns: 60 }
      )
    })

    it("the committed figures of a year's four quarters never exceed the year's (property)", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 300 }), (amount, hours) => {
          const a = agreement({
            commitments: [
              { _tag: "Funding", id: "f", joint: "joint-public-welfare", annualAmount: amount },
              { _tag: "VolunteerHours", id: "h", joint: "joint-safety", hours, per: "quarter" }
            ]
          })
          const year = ok(Fulfilment.compute({ agreements: [a] }, Period.year(2024))).totals
          expect(year.fundsCommitted).toBe(amount)
          expect(year.volunteerHoursCommitted).toBe(hours * 4)
          const quarters = ([1, 2, 3, 4] as const).map((q) =>
            ok(Fulfilment.compute({ agreements: [a] }, Period.quarter(2024, q))).totals
          )
          const sum = quarters.reduce((n, q) => n + q.fundsCommitted, 0)
          expect(sum).toBeLessThanOrEqual(amount)
          expect(amount - sum).toBeLessThan(4)
          for (const q of quarters) expect(q.volunteerHoursCommitted).toBe(hours)
        })
      )
    })
  })

  describe("documents", () => {
    it("exports the report's JSON Schema with integer figures", () => {
      const text = JSON.stringify(Fulfilment.document.jsonSchema())
      expect(text).toContain("fundsCommitted")
      expect(text).toContain("whistlesOnTime")
      expect(text).toContain("\"integer\"")
    })
  })
})
