import { CivilDate, Instant } from "@gongzhi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Ballots, Electorate, Fraction, Presets, Tally } from "../src/index.js"
import { at, boxOf, membersOf, ok, ownersOf, randomOwners, vote } from "./fixtures.js"
import { referenceTally } from "./reference.js"

const tally = (box: Ballots.Box, asOf?: Instant.Instant) => ok(Tally.count(box, asOf === undefined ? {} : { asOf }))
const castTo = (box: Ballots.Box, ballots: ReadonlyArray<Ballots.Ballot>) => ok(Ballots.castAll(box, ballots))
const closed = (box: Ballots.Box) => ok(Ballots.close(box, at(31, 12)))

describe("Tally", () => {
  describe("民法典 Art. 278 ordinary matters", () => {
    // 6 owners of 100 m² each: 2/3 is exactly 4 owners and 400 m².
    const owners = ownersOf([10000, 10000, 10000, 10000, 10000, 10000])
    const box = boxOf(Presets.ownersOrdinary, owners)

    it("exactly 2/3 of area and headcount taking part meets the quorum", () => {
      const t = tally(closed(castTo(box, [vote("o0", "yes"), vote("o1", "yes"), vote("o2", "yes"), vote("o3", "no")])))
      expect(t.quorumMet).toBe(true)
      expect(t.quorum.map((c) => c.text.zh)).toEqual([
        "参与表决面积 66.7%（需 ≥ 66.7%），已达到（多 0.00 ㎡）",
        "参与表决人数 66.7%（需 ≥ 66.7%），已达到（多 0 人）"
      ])
      expect(t.passed).toBe(true)
    })
    it("one owner fewer misses the quorum, by 1 owner and 100 m²", () => {
      const t = tally(closed(castTo(box, [vote("o0", "yes"), vote("o1", "yes"), vote("o2", "yes")])))
      expect(t.quorumMet).toBe(false)
      expect(t.passed).toBe(false)
      expect(t.quorum.map((c) => c.missing)).toEqual([10000, 1])
      expect(t.quorum[0]!.text.zh).toBe("参与表决面积 50%（需 ≥ 66.7%），未达到（差 100.00 ㎡）")
      expect(t.explanation.zh.endsWith("参与表决未达到要求，表决无效。")).toBe(true)
    })
    it("exactly half of the participating area in favour fails \"more than half\"", () => {
      const t = tally(closed(castTo(box, [vote("o0", "yes"), vote("o1", "yes"), vote("o2", "no"), vote("o3", "no")])))
      expect(t.quorumMet).toBe(true)
      expect(t.pass.map((c) => c.met)).toEqual([false, false])
      expect(t.pass[0]!.text.zh).toBe("同意面积 50%（需 > 50%），未达到（差 0.01 ㎡）")
      expect(t.pass[1]!.text.en).toBe("owners in favour 50% (needs > 50%), missed (1 vote short)")
      expect(t.explanation.zh.endsWith("表决未通过。")).toBe(true)
    })
    it("an abstention takes part but does not agree", () => {
      const t = tally(
        closed(
          castTo(box, [vote("o0", "yes"), vote("o1", "yes"), vote("o2", "yes"), vote("o3", "abstain"),
            vote("o4", "spoiled")])
        )
      )
      expect(t.counts.participants.headcount).toBe(5)
      expect(t.pass[1]!.text.zh).toBe("同意人数 60%（需 > 50%），已达到（多 0 人）")
    })
    it("explains area and headcount as the issue shows them", () => {
      // 1000 owners: 682 take part with 68.2% of the area; 350 agree (51.3% of the participating area)
      const areas = Array.from({ length: 1000 }, () => 10000)
      const e = ownersOf(areas)
      const b = boxOf(Presets.ownersOrdinary, e)
      const ballots = Array.from({ length: 682 }, (_, i) => vote(`o${i}`, i < 350 ? "yes" : "no"))
      const t = tally(closed(castTo(b, ballots)))
      expect(t.explanation.zh).toBe(
        "参与表决面积 68.2%（需 ≥ 66.7%），已达到（多 1533.33 ㎡）；参与表决人数 68.2%（需 ≥ 66.7%），已达到（多 15 人）。" +
          "同意面积 51.3%（需 > 50%），已达到（多 899.99 ㎡）；同意人数 51.3%（需 > 50%），已达到（多 8 人）。表决通过。"
      )
      expect(t.explanation.en).toContain("participating area 68.2% (needs ≥ 66.7%), met (1533.33 m² to spare)")
      expect(t.explanation.en.endsWith("Passed.")).toBe(true)
    })
    it("both dimensions must reach the quorum: 2/3 of the area with fewer than 2/3 of the owners fails", () => {
      const e = ownersOf([40000, 10000, 10000, 10000, 10000, 10000])
      const t = tally(
        castTo(boxOf(Presets.ownersOrdinary, e), [vote("o0", "yes"), vote("o1", "yes"), vote("o2", "yes")])
      )
      expect(t.quorum.map((c) => c.met)).toEqual([true, false])
      expect(t.quorumMet).toBe(false)
    })
    it("a large owner can carry the area but not the headcount", () => {
      const e = ownersOf([60000, 10000, 10000, 10000])
      const t = tally(
        closed(castTo(boxOf(Presets.ownersOrdinary, e), [vote("o0", "yes"), vote("o1", "no"), vote("o2", "no")]))
      )
      expect(t.pass.map((c) => c.met)).toEqual([true, false])
      expect(t.pass[1]!.missing).toBe(2)
    })
  })

  describe("民法典 Art. 278 items 6–8", () => {
    it("exactly 3/4 of the participants passes; a little less fails", () => {
      const e = ownersOf([10000, 10000, 10000, 10000])
      const b = boxOf(Presets.ownersSpecial, e)
      expect(tally(castTo(b, [vote("o0", "yes"), vote("o1", "yes"), vote("o2", "yes"), vote("o3", "no")])).passed).toBe(
        true
      )
      const uneven = ownersOf([10000, 10000, 10001, 9999])
      const t = tally(
        castTo(boxOf(Presets.ownersSpecial, uneven), [vote("o0", "yes"), vote("o1", "yes"), vote("o3", "yes"),
          vote("o2", "no")])
      )
      expect(t.pass.map((c) => c.met)).toEqual([false, true])
      expect(t.pass[0]!.missing).toBe(4)
    })
  })

  describe("支部党员大会", () => {
    // 10 full members and 2 probationary ones: 10 should attend.
    const members = membersOf(10, 2)
    const box = boxOf(Presets.branchMeeting, members)
    const present = (n: number, yes: number) =>
      Array.from({ length: n }, (_, i) => vote(`m${i}`, i < yes ? "yes" : "no", 10, "meeting"))

    it("probationary members do not count", () => {
      expect(tally(box).counts.eligible.headcount).toBe(10)
    })
    it("exactly half present is no quorum", () => {
      expect(tally(castTo(box, present(5, 5))).quorumMet).toBe(false)
    })
    it("in favour is a share of those who should attend, not of those present", () => {
      const t = tally(closed(castTo(box, present(6, 5))))
      expect(t.quorumMet).toBe(true)
      expect(t.passed).toBe(false)
      expect(t.pass[0]!.text.zh).toBe("赞成人数（占应到会） 50%（需 > 50%），未达到（差 1 人）")
      expect(tally(castTo(box, present(6, 6))).passed).toBe(true)
    })
    it("members left out with approval leave those who should attend", () => {
      const b = boxOf(Presets.branchMeeting, members, [
        { voter: "m8", reason: "abroad", approvedBy: "街道党工委" },
        { voter: "m9", reason: "bedridden", approvedBy: "街道党工委" }
      ])
      const t = tally(castTo(b, present(6, 5)))
      expect(t.counts.shouldAttend.headcount).toBe(8)
      expect(t.counts.excluded.headcount).toBe(2)
      expect(t.passed).toBe(true)
    })
    it("absent members' written opinions count in the votes, not as presence", () => {
      const ballots = [...present(5, 5), vote("m5", "yes", 9, "written-opinion")]
      const t = tally(castTo(box, ballots))
      expect(t.counts.present.headcount).toBe(5)
      expect(t.counts.yes.headcount).toBe(6)
      expect(t.counts.written.headcount).toBe(1)
      expect(t.quorumMet).toBe(false)
      expect(tally(castTo(box, [...present(6, 5), vote("m6", "yes", 9, "written-opinion")])).passed).toBe(true)
    })
  })

  describe("party elections, committee and residents' meetings", () => {
    it("an election needs four fifths of those who should attend present", () => {
      const box = boxOf(Presets.partyElection, membersOf(10))
      const votes = (n: number) => Array.from({ length: n }, (_, i) => vote(`m${i}`, "yes", 10, "meeting"))
      expect(tally(castTo(box, votes(8))).quorumMet).toBe(true)
      const seven = tally(castTo(box, votes(7)))
      expect(seven.quorumMet).toBe(false)
      expect(seven.quorum[0]!.missing).toBe(1)
    })
    it("a residents' meeting needs more than half present: exactly half is no meeting", () => {
      const box = boxOf(Presets.residentsMeeting, membersOf(10))
      const present = (n: number) => Array.from({ length: n }, (_, i) => vote(`m${i}`, "yes", 10, "meeting"))
      expect(tally(castTo(box, present(5))).quorumMet).toBe(false)
      expect(tally(castTo(box, present(6))).quorumMet).toBe(true)
    })
    it("a committee of 5 needs 3 present and 3 in favour", () => {
      const box = boxOf(Presets.branchCommittee, membersOf(5))
      const t = tally(
        castTo(box, [vote("m0", "yes", 10, "meeting"), vote("m1", "yes", 10, "meeting"),
          vote("m2", "no", 10, "meeting")])
      )
      expect(t.quorumMet).toBe(true)
      expect(t.passMet).toBe(false)
      expect(t.pass[0]!.missing).toBe(1)
    })
    it("a residents' meeting decides by more than half of those present", () => {
      const box = boxOf(Presets.residentsMeeting, membersOf(9))
      const ballots = ["yes", "yes", "yes", "no", "no", "abstain"].map((c, i) =>
        vote(`m${i}`, c as Ballots.Choice, 10, "meeting")
      )
      const t = tally(castTo(box, ballots))
      expect(t.quorumMet).toBe(true)
      expect(t.passMet).toBe(false)
      expect(t.pass[0]!.missing).toBe(1)
    })
    it("abstentions and spoiled ballots can be left out of every count", () => {
      const rule = { ...Presets.residentsMeeting, abstentions: "not-counted" as const, spoiled: "not-counted" as const }
      const box = boxOf(rule, membersOf(4))
      const t = tally(castTo(box, [vote("m0", "yes"), vote("m1", "abstain"), vote("m2", "spoiled")]))
      expect(t.counts.participants.headcount).toBe(1)
      expect(t.quorumMet).toBe(false)
    })
    it("a threshold of all, strictly, cannot be reached", () => {
      const rule = {
        ...Presets.residentsMeeting,
        pass: [{
          dimension: "headcount" as const,
          base: "participants" as const,
          threshold: { numerator: 1, denominator: 1, strict: true }
        }]
      }
      const t = tally(castTo(boxOf(rule, membersOf(2)), [vote("m0", "yes"), vote("m1", "no")]))
      expect(t.pass[0]!.missing).toBeUndefined()
      expect(t.pass[0]!.text.en).toContain("cannot be reached")
    })
  })

  describe("custom weights", () => {
    it("counts a rule on a custom weight dimension", () => {
      const e = ok(Electorate.owners([
        { id: "a", building: "1", area: 100, weight: 3, owner: { id: "x", name: "甲" } },
        { id: "b", building: "1", area: 100, weight: 1, owner: { id: "y", name: "乙" } },
        { id: "c", building: "1", area: 100, weight: 1, owner: { id: "z", name: "丙" } }
      ]))
      const rule = {
        ...Presets.ownersOrdinary,
        dimensions: ["weight"] as const,
        quorum: [],
        pass: [{ dimension: "weight" as const, base: "eligible" as const, threshold: Fraction.moreThanHalf }]
      }
      const t = tally(castTo(boxOf(rule, e), [vote("x", "yes")]))
      expect(t.passed).toBe(true)
      expect(t.pass[0]!.text.zh).toBe("同意权数（占全体） 60%（需 > 50%），已达到（多 0）")
      expect(t.explanation.zh).toBe("同意权数（占全体） 60%（需 > 50%），已达到（多 0）。按目前票数可以通过。")
    })
  })

  describe("while voting is open", () => {
    it("counts as of any instant and says how far the matter is from passing", () => {
      const e = ownersOf([10000, 10000, 10000, 10000, 10000, 10000])
      const box = castTo(boxOf(Presets.ownersOrdinary, e), [
        vote("o0", "yes", 5),
        vote("o1", "yes", 6),
        vote("o2", "no", 7),
        vote("o3", "yes", 8),
        vote("o2", "yes", 9)
      ])
      const early = tally(box, at(6, 12))
      expect(early.open).toBe(true)
      expect(early.counts.participants.headcount).toBe(2)
      expect(early.quorum[1]!.missing).toBe(2)
      expect(early.explanation.zh.endsWith("参与表决人数或面积尚未达到要求。")).toBe(true)
      const mid = tally(box, at(8, 12))
      expect(mid.counts.no.headcount).toBe(1)
      expect(mid.explanation.zh.endsWith("按目前票数可以通过。")).toBe(true)
      expect(tally(box, at(9, 12)).counts.yes.headcount).toBe(4)
      expect(tally(box).counts.yes.headcount).toBe(4)
      expect(Tally.count(box, { asOf: "soon" as Instant.Instant })._tag).toBe("Failure")
    })
    it("says when enough are taking part but not enough agree", () => {
      const e = ownersOf([10000, 10000, 10000])
      const t = tally(castTo(boxOf(Presets.ownersOrdinary, e), [vote("o0", "no"), vote("o1", "no")]))
      expect(t.explanation.en.endsWith("Not enough in favour yet.")).toBe(true)
    })
  })

  describe("decisions", () => {
    it("records a dated decision", () => {
      const d = Tally.decision(Tally.example(), CivilDate.makeUnsafe("2024-11-01"))
      expect(d).toMatchObject({
        matter: "example-matter",
        rule: "civil-code-278-ordinary",
        passed: true,
        decidedOn: "2024-11-01"
      })
    })
    it("formats amounts", () => {
      expect(Tally.formatAmount("weight", 3)).toEqual({ zh: "3", en: "3" })
      expect(Tally.formatAmount("area", 5).zh).toBe("0.05 ㎡")
    })
    it("never throws on a broken box", () => {
      expect(Tally.count({} as never)._tag).toBe("Failure")
    })
  })

  describe("properties", () => {
    const choice = fc.constantFrom<Ballots.Choice>("yes", "no", "abstain", "spoiled")
    const scenario = fc.record({
      seed: fc.integer(),
      n: fc.integer({ min: 1, max: 40 }),
      votes: fc.array(fc.record({ voter: fc.nat(), choice, day: fc.integer({ min: 1, max: 30 }) }), { maxLength: 80 }),
      rule: fc.constantFrom(Presets.ownersOrdinary, Presets.ownersSpecial)
    })
    const build = (
      s: {
        seed: number
        n: number
        votes: ReadonlyArray<{ voter: number; choice: Ballots.Choice; day: number }>
        rule: typeof Presets.ownersOrdinary
      }
    ) => {
      const e = randomOwners(s.n, s.seed)
      // one voter's ballots in time order, so each is accepted
      const sorted = [...s.votes].sort((a, b) => a.day - b.day)
      const ballots = sorted.map((v) => vote(`o${v.voter % s.n}`, v.choice, v.day))
      return { e, box: castTo(boxOf(s.rule, e), ballots) }
    }

    it("agrees with the plain reference (differential)", () => {
      expect(() =>
        fc.assert(
          fc.property(scenario, fc.integer({ min: 1, max: 31 }), (s, day) => {
            const { box } = build(s)
            for (const asOf of [undefined, at(day, 23)]) {
              const t = tally(box, asOf)
              const r = referenceTally(box, asOf)
              expect(t.quorum.map((c) => ({ value: c.value, whole: c.whole, met: c.met }))).toEqual(r.quorum)
              expect(t.pass.map((c) => ({ value: c.value, whole: c.whole, met: c.met }))).toEqual(r.pass)
              expect(t.passed).toBe(r.passed)
            }
          }),
          { numRuns: 150 }
        )
      ).not.toThrow()
    })

    it("agrees with the plain reference for members, with exclusions, written opinions and probationary members", () => {
      expect(() =>
        fc.assert(
          fc.property(
            fc.integer({ min: 1, max: 20 }),
            fc.integer({ min: 0, max: 5 }),
            fc.array(
              fc.record({ voter: fc.nat(), choice, day: fc.integer({ min: 1, max: 30 }), written: fc.boolean() }),
              { maxLength: 40 }
            ),
            fc.array(fc.nat(), { maxLength: 4 }),
            fc.constantFrom(Presets.branchMeeting, Presets.partyElection, Presets.residentsMeeting),
            (full, probationary, votes, out, rule) => {
              const e = membersOf(full, probationary)
              const excluded = rule.exclusions.allowed ? [...new Set(out.map((o) => `m${o % full}`))] : []
              const box0 = boxOf(
                rule,
                e,
                excluded.map((voter) => ({ voter, reason: "abroad", approvedBy: "上级党组织" }))
              )
              const ballots = [...votes].sort((a, b) => a.day - b.day)
                .map((v) =>
                  vote(
                    `m${v.voter % full}`,
                    v.choice,
                    v.day,
                    v.written && rule.writtenOpinions === "count" ? "written-opinion" : "meeting"
                  )
                )
                .filter((b) => !excluded.includes(b.voter))
              const box = castTo(box0, ballots)
              const t = tally(box)
              const r = referenceTally(box)
              expect(t.quorum.map((c) => ({ value: c.value, whole: c.whole, met: c.met }))).toEqual(r.quorum)
              expect(t.pass.map((c) => ({ value: c.value, whole: c.whole, met: c.met }))).toEqual(r.pass)
            }
          ),
          { numRuns: 150 }
        )
      ).not.toThrow()
    })

    it("adding a yes vote never turns a pass into a fail", () => {
      expect(() =>
        fc.assert(
          fc.property(scenario, fc.nat(), (s, pick) => {
            const { box } = build(s)
            const before = tally(box)
            const voter = `o${pick % s.n}`
            const after = tally(castTo(box, [vote(voter, "yes", 30)]))
            if (before.passed) expect(after.passed).toBe(true)
          }),
          { numRuns: 150 }
        )
      ).not.toThrow()
    })

    it("a rejected ballot changes nothing", () => {
      expect(() =>
        fc.assert(
          fc.property(scenario, (s) => {
            const { box } = build(s)
            const before = JSON.stringify(tally(box))
            const rejected = Ballots.castAll(box, [vote("o0", "yes", 30), { ...vote("nobody", "yes", 30) }])
            expect(rejected._tag).toBe("Failure")
            expect(JSON.stringify(tally(box))).toBe(before)
            expect(box.records.length).toBe(build(s).box.records.length)
          }),
          { numRuns: 50 }
        )
      ).not.toThrow()
    })

    it("the tally does not depend on the order ballots are cast in", () => {
      expect(() =>
        fc.assert(
          fc.property(scenario, fc.integer(), (s, seed) => {
            const e = randomOwners(s.n, s.seed)
            // one final ballot per voter, cast in two orders
            const last = new Map<string, Ballots.Ballot>()
            for (const v of s.votes) last.set(`o${v.voter % s.n}`, vote(`o${v.voter % s.n}`, v.choice, v.day))
            const ballots = [...last.values()]
            const shuffled = [...ballots].sort((a, b) =>
              ((a.voter.length * 7919 + seed) % 13) - ((b.voter.length * 104729 + seed) % 11)
            )
            const a = tally(castTo(boxOf(s.rule, e), ballots))
            const b = tally(castTo(boxOf(s.rule, e), shuffled.reverse()))
            expect(b.counts).toEqual(a.counts)
            expect(b.explanation).toEqual(a.explanation)
          }),
          { numRuns: 100 }
        )
      ).not.toThrow()
    })
  })
})
