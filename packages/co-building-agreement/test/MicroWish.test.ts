import { Id } from "@gongzhi/core"
import { Result } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MicroWish, Presets } from "../src/index.js"
import { codesOf, d, expectWellFormed, issuesOf, mingquan, ok } from "./fixtures.js"

const unit = (n: number) => Id.UnitId.make(`unit-${String(n).padStart(2, "0")}`)

describe("MicroWish", () => {
  describe("平利", () => {
    it("a wheelchair published to 22 units is claimed by one and delivered one week after it was posted", () => {
      const wish = MicroWish.example()
      expect(wish.publishedTo.length).toBeGreaterThanOrEqual(20)
      const delivered = ok(pipe(
        MicroWish.claim(wish, { unit: unit(7), on: d("2024-03-06") }),
        Result.flatMap(MicroWish.deliver(d("2024-03-11")))
      ))
      expect(delivered.status).toBe("delivered")
      expect(delivered.delivered).toEqual({ on: "2024-03-11", by: "unit-07" })
      expect(MicroWish.timings(delivered)).toEqual({ daysToClaim: 2, daysToDelivery: 7 })
      expect(delivered.history.map((e) => e._tag)).toEqual(["Posted", "Claimed", "Delivered"])
    })

    it("an unclaimed wish falls back to the community after the claim window and is delivered by it", () => {
      const wish = MicroWish.example()
      expect(codesOf(MicroWish.fallBack(wish, { on: d("2024-03-18"), policy: Presets.wishPolicy }))).toEqual([
        "AGREEMENT_WISH_NOT_DUE"
      ])
      const fell = ok(MicroWish.fallBack(wish, { on: d("2024-03-19"), policy: Presets.wishPolicy }))
      expect(fell.status).toBe("fallen-back")
      expect(codesOf(MicroWish.claim(fell, { unit: unit(1), on: d("2024-03-20") }))).toEqual(["AGREEMENT_WISH_CLOSED"])
      const done = ok(MicroWish.deliver(fell, d("2024-03-25")))
      expect(done.delivered?.by).toBe(MicroWish.community)
      expect(MicroWish.timings(done)).toEqual({ daysToDelivery: 21 })
    })

    it("sweep falls back only the wishes past their window", () => {
      const claimed = ok(
        MicroWish.claim({ ...MicroWish.example(), id: "w-2" as never }, { unit: unit(1), on: d("2024-03-05") })
      )
      const late = {
        ...MicroWish.example(),
        id: "w-3" as never,
        postedOn: d("2024-03-20"),
        history: [{ _tag: "Posted" as const, on: d("2024-03-20") }]
      }
      const swept = MicroWish.sweep([MicroWish.example(), claimed, late], {
        on: d("2024-03-25"),
        policy: Presets.wishPolicy
      })
      expect(swept.fellBack).toEqual(["pingli-wheelchair"])
      expect(swept.wishes.map((w) => w.status)).toEqual(["fallen-back", "claimed", "published"])
    })
  })

  describe("claims", () => {
    it("refuses a double claim, naming the claimant", () => {
      const first = ok(MicroWish.claim(MicroWish.example(), { unit: unit(7), on: d("2024-03-06") }))
      const second = MicroWish.claim(first, { unit: unit(8), on: d("2024-03-06") })
      expect(codesOf(second)).toEqual(["AGREEMENT_WISH_ALREADY_CLAIMED"])
      expect(issuesOf(second)[0]!.message.zh).toContain("unit-07")
      expectWellFormed(issuesOf(second))
    })

    it("refuses a unit the wish was not published to and a date before posting, together", () => {
      expect(codesOf(MicroWish.claim(MicroWish.example(), { unit: Id.UnitId.make("stranger"), on: d("2024-03-01") })))
        .toEqual([
          "AGREEMENT_DATE_BEFORE_PREVIOUS",
          "AGREEMENT_WISH_NOT_PUBLISHED_TO_UNIT"
        ])
    })

    it("only the claimant withdraws, only before delivery; the wish is open again", () => {
      const claimed = ok(MicroWish.claim(MicroWish.example(), { unit: unit(7), on: d("2024-03-06") }))
      expect(codesOf(MicroWish.withdraw(claimed, { unit: unit(8), on: d("2024-03-07"), reason: "x" }))).toEqual([
        "AGREEMENT_WISH_NOT_CLAIMANT"
      ])
      const reopened = ok(MicroWish.withdraw(claimed, { unit: unit(7), on: d("2024-03-07"), reason: "库存不足" }))
      expect(reopened.status).toBe("published")
      expect(reopened.claim).toBeUndefined()
      expect(MicroWish.timings(reopened)).toEqual({})
      const reclaimed = ok(MicroWish.claim(reopened, { unit: unit(8), on: d("2024-03-08") }))
      const delivered = ok(MicroWish.deliver(reclaimed, d("2024-03-11")))
      expect(delivered.delivered?.by).toBe("unit-08")
      expect(codesOf(MicroWish.withdraw(delivered, { unit: unit(8), on: d("2024-03-12"), reason: "x" }))).toEqual([
        "AGREEMENT_WISH_CLOSED"
      ])
      expect(codesOf(MicroWish.withdraw(MicroWish.example(), { unit: unit(8), on: d("2024-03-12"), reason: "x" })))
        .toEqual([
          "AGREEMENT_WISH_NOT_CLAIMED"
        ])
      expect(codesOf(MicroWish.deliver(delivered, d("2024-03-12")))).toEqual(["AGREEMENT_WISH_CLOSED"])
      expect(codesOf(MicroWish.deliver(MicroWish.example(), d("2024-03-12")))).toEqual(["AGREEMENT_WISH_NOT_CLAIMED"])
      expect(codesOf(MicroWish.deliver(reclaimed, d("2024-03-01")))).toEqual(["AGREEMENT_DATE_BEFORE_PREVIOUS"])
      expect(codesOf(MicroWish.fallBack(reclaimed, { on: d("2024-05-01"), policy: Presets.wishPolicy }))).toEqual([
        "AGREEMENT_WISH_ALREADY_CLAIMED"
      ])
      expect(codesOf(MicroWish.fallBack(delivered, { on: d("2024-05-01"), policy: Presets.wishPolicy }))).toEqual([
        "AGREEMENT_WISH_CLOSED"
      ])
    })

    it("among simultaneous claims exactly one wins: the earliest, then the first given (property)", () => {
      const claimArb = fc.record({ unit: fc.integer({ min: 1, max: 30 }), day: fc.integer({ min: 4, max: 20 }) })
      fc.assert(fc.property(fc.array(claimArb, { minLength: 1, maxLength: 15 }), (raw) => {
        const claims = raw.map((c) => ({ unit: unit(c.unit), on: d(`2024-03-${String(c.day).padStart(2, "0")}`) }))
        const { wish, refused } = MicroWish.resolveClaims(MicroWish.example(), claims)
        const eligible = claims.filter((c) => c.unit <= "unit-22")
        if (eligible.length === 0) {
          expect(wish.status).toBe("published")
        } else {
          const earliest = [...eligible].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0]!
          expect(wish.claim).toEqual(earliest)
        }
        expect(refused.length).toBe(claims.length - (eligible.length === 0 ? 0 : 1))
        expect(wish.history.filter((e) => e._tag === "Claimed").length).toBe(eligible.length === 0 ? 0 : 1)
      }))
    })
  })

  describe("constructors", () => {
    it("reports every problem of a posting", () => {
      const result = MicroWish.post({
        id: "",
        grandCommittee: "pl",
        title: "",
        wisher: "x",
        postedOn: "2024-02-31",
        publishedTo: []
      })
      expect(codesOf(result)).toEqual(["CORE_ID_EMPTY", "CORE_SCHEMA_INVALID_VALUE", "CORE_DATE_INVALID",
        "CORE_SCHEMA_INVALID_VALUE"])
      expect(
        codesOf(
          MicroWish.post({
            id: "w",
            grandCommittee: "pl",
            title: "t",
            wisher: "x",
            postedOn: "2024-02-01",
            publishedTo: ["a", "b", "a"]
          })
        )
      ).toEqual([
        "AGREEMENT_DUPLICATE_ID"
      ])
    })

    it("名泉: wishes go to all 15 units; one fell back to the community", () => {
      const { wishes } = mingquan()
      for (const w of wishes) expect(w.publishedTo).toHaveLength(15)
      expect(wishes.filter((w) => w.delivered?.by === MicroWish.community)).toHaveLength(1)
      expect(MicroWish.claimDeadline(wishes[0]!, { claimWindowDays: 7 })).toBe("2024-02-08")
    })
  })
})
