import { Instant } from "@gongzhi/core"
import { describe, expect, it } from "vitest"
import { Ballots, Presets, Tally } from "../src/index.js"
import { at, boxOf, closesAt, codes, membersOf, ok, opensAt, ownersOf, vote } from "./fixtures.js"

describe("Ballots", () => {
  describe("open", () => {
    it("checks the window, the rule's electorate and exclusions", () => {
      const members = membersOf(5)
      expect(
        codes(
          Ballots.open({
            matter: "",
            rule: Presets.ownersOrdinary,
            electorate: members,
            opensAt: closesAt,
            closesAt: opensAt
          })
        )
      ).toEqual([
        "DELIB_INPUT_INVALID",
        "DELIB_BOX_WINDOW_INVALID",
        "DELIB_BOX_RULE_ELECTORATE_MISMATCH"
      ])
      expect(
        codes(
          Ballots.open({
            matter: "m",
            rule: Presets.branchMeeting,
            electorate: members,
            opensAt: "x" as Instant.Instant,
            closesAt
          })
        )
      ).toEqual(["DELIB_INPUT_INVALID"])
      expect(codes(Ballots.open({
        matter: "m",
        rule: Presets.branchMeeting,
        electorate: members,
        opensAt,
        closesAt,
        exclusions: [
          { voter: "m0", reason: "abroad", approvedBy: "" },
          { voter: "m1", reason: "bored", approvedBy: "街道党工委" },
          { voter: "zz", reason: "abroad", approvedBy: "街道党工委" },
          { voter: "m0", reason: "abroad", approvedBy: "街道党工委" }
        ]
      }))).toEqual(["DELIB_EXCLUSION_APPROVAL_REQUIRED", "DELIB_EXCLUSION_REASON_UNKNOWN", "DELIB_BALLOT_UNKNOWN_VOTER",
        "DELIB_DUPLICATE_ID"])
      expect(codes(Ballots.open({
        matter: "m",
        rule: Presets.branchCommittee,
        electorate: members,
        opensAt,
        closesAt,
        exclusions: [{ voter: "m0", reason: "abroad", approvedBy: "x" }]
      }))).toEqual(["DELIB_EXCLUSION_NOT_ALLOWED"])
      expect(codes(Ballots.open(null as never))).toEqual(["DELIB_INPUT_UNREADABLE"])
    })
  })

  describe("cast", () => {
    const owners = ownersOf([100, 100, 100])
    const box = boxOf(Presets.ownersOrdinary, owners)

    it("refuses every bad ballot and leaves the box unchanged", () => {
      const bad = Ballots.castAll(box, [
        vote("o0", "yes"),
        { ...vote("zz", "yes") },
        { ...vote("o1", "maybe" as never) },
        { ...vote("o1", "yes"), channel: "fax" as never },
        { ...vote("o1", "yes"), channel: "written-opinion" },
        { ...vote("o1", "yes"), recordedBy: " " },
        { ...vote("o1", "yes"), at: Instant.makeUnsafe("2024-09-30T23:59:59+08:00") },
        { ...vote("o1", "yes"), at: Instant.makeUnsafe("2024-10-31T18:00:01+08:00") },
        { ...vote("o1", "yes"), at: "later" as Instant.Instant },
        { ...vote("o2", "yes"), proxy: { name: "王", authorisation: "" } },
        { ...vote("o2", "yes"), proxy: { name: "", authorisation: "x" } },
        7 as never
      ])
      expect(codes(bad)).toEqual([
        "DELIB_BALLOT_UNKNOWN_VOTER",
        "DELIB_INPUT_NOT_ONE_OF",
        "DELIB_INPUT_INVALID",
        "DELIB_BALLOT_WRITTEN_NOT_ALLOWED",
        "DELIB_BALLOT_RECORDER_REQUIRED",
        "DELIB_BALLOT_EARLY",
        "DELIB_BALLOT_LATE",
        "DELIB_INPUT_INVALID",
        "DELIB_BALLOT_PROXY_AUTHORISATION_REQUIRED",
        "DELIB_INPUT_INVALID",
        "DELIB_INPUT_INVALID"
      ])
      expect(box.records).toEqual([])
      expect(Ballots.current(box)).toEqual([])
      expect(codes(Ballots.castAll(box, "x" as never))).toEqual(["DELIB_INPUT_INVALID"])
    })

    it("takes a ballot at the close exactly and refuses one a second later", () => {
      expect(Ballots.cast(box, { ...vote("o0", "yes"), at: closesAt })._tag).toBe("Success")
      const late = Ballots.cast(box, { ...vote("o0", "yes"), at: Instant.makeUnsafe("2024-10-31T10:00:01Z") })
      expect(codes(late)).toEqual(["DELIB_BALLOT_LATE"])
      if (late._tag === "Failure") expect(late.failure.issues[0]!.path).toEqual(["at"])
    })

    it("lets a voter change their ballot before the close; both stay on record", () => {
      const first = ok(Ballots.cast(box, vote("o0", "no", 10)))
      const second = ok(Ballots.cast(first, vote("o0", "yes", 12)))
      expect(second.records.map((b) => b.choice)).toEqual(["no", "yes"])
      expect(Ballots.current(second).map((b) => b.choice)).toEqual(["yes"])
      expect(codes(Ballots.cast(second, vote("o0", "no", 11)))).toEqual(["DELIB_BALLOT_BEFORE_PREVIOUS"])
      expect(first.records.length).toBe(1)
    })

    it("refuses ballots after the box is closed", () => {
      const closed = ok(Ballots.close(ok(Ballots.cast(box, vote("o0", "yes", 10))), at(20)))
      expect(codes(Ballots.cast(closed, vote("o1", "yes", 15)))).toEqual(["DELIB_BALLOT_CLOSED"])
      expect(codes(Ballots.close(closed, at(21)))).toEqual(["DELIB_BALLOT_CLOSED"])
      expect(codes(Ballots.close(ok(Ballots.cast(box, vote("o0", "yes", 10))), at(9)))).toEqual([
        "DELIB_BALLOT_BEFORE_PREVIOUS"
      ])
      expect(codes(Ballots.close(box, "x" as Instant.Instant))).toEqual(["DELIB_INPUT_INVALID"])
    })

    it("holds a proxy to the rule's limit, a written authorisation each", () => {
      const limited = { ...Presets.ownersOrdinary, proxies: { allowed: true, maxPerProxy: 2 } }
      const b = boxOf(limited, owners)
      const proxied = (voter: string, day = 10) => ({
        ...vote(voter, "yes", day),
        proxy: { name: "曾环", authorisation: `委托书-${voter}` }
      })
      const two = ok(Ballots.castAll(b, [proxied("o0"), proxied("o1")]))
      expect(codes(Ballots.cast(two, proxied("o2")))).toEqual(["DELIB_BALLOT_PROXY_LIMIT"])
      expect(Ballots.cast(two, proxied("o1", 11))._tag).toBe("Success")
      expect(codes(Ballots.castAll(b, [proxied("o0"), proxied("o1"), proxied("o2")]))).toEqual([
        "DELIB_BALLOT_PROXY_LIMIT"
      ])
      const members = boxOf(Presets.branchMeeting, membersOf(3))
      expect(codes(Ballots.cast(members, { ...vote("m0", "yes"), proxy: { name: "x", authorisation: "y" } }))).toEqual([
        "DELIB_BALLOT_PROXY_NOT_ALLOWED"
      ])
    })

    it("refuses probationary members and those left out of those who should attend", () => {
      const b = boxOf(Presets.branchMeeting, membersOf(3, 1), [{
        voter: "m2",
        reason: "abroad",
        approvedBy: "上级党组织"
      }])
      expect(codes(Ballots.castAll(b, [vote("p0", "yes"), vote("m2", "yes")]))).toEqual(["DELIB_BALLOT_NO_VOTE",
        "DELIB_BALLOT_NO_VOTE"])
    })

    it("counts a box that came back from storage as plain JSON", () => {
      const cast = ok(Ballots.castAll(box, [vote("o0", "yes"), vote("o1", "no")]))
      const stored = JSON.parse(JSON.stringify(cast)) as Ballots.Box
      expect(ok(Tally.count(stored)).counts).toEqual(ok(Tally.count(cast)).counts)
      expect(Ballots.current(stored).length).toBe(2)
      const more = ok(Ballots.cast(stored, vote("o2", "yes")))
      expect(more.records.length).toBe(3)
      const closedBox = JSON.parse(JSON.stringify(ok(Ballots.close(cast, at(20))))) as Ballots.Box
      expect(ok(Ballots.restore(closedBox)).closedAt).toBe(at(20))
      const tampered = { ...stored, records: [...stored.records, vote("intruder", "yes")] }
      expect(codes(Ballots.restore(tampered))).toEqual(["DELIB_BALLOT_UNKNOWN_VOTER"])
      expect(codes(Tally.count(tampered))).toEqual(["DELIB_BALLOT_UNKNOWN_VOTER"])
      expect(codes(Ballots.cast(tampered, vote("o2", "yes")))).toEqual(["DELIB_INPUT_UNREADABLE"])
      expect(codes(Ballots.restore({ ...stored, closesAt: "x" as never }))).toEqual(["DELIB_INPUT_INVALID"])
    })
  })

  describe("fromRows", () => {
    it("reads a ballot sheet with Chinese headers", () => {
      const ballots = ok(Ballots.fromRows([
        { 序号: "1", 业主编号: "o0", 意见: "赞成", 表决时间: "2024-10-20 10:00", 方式: "纸质", 登记人: "业委会" },
        {
          序号: "2",
          业主编号: "o1",
          表决意见: "不同意",
          时间: "2024-10-20T11:00:00+08:00",
          方式: "线上",
          登记人: "系统"
        },
        {
          序号: "3",
          业主编号: "o2",
          意见: "弃权",
          表决时间: "2024-10-21 09:30:15",
          方式: "入户",
          登记人: "网格员",
          受托人: "曾环",
          委托书: "W-1"
        }
      ]))
      expect(ballots.map((b) => [b.choice, b.channel, b.at])).toEqual([
        ["yes", "paper", "2024-10-20T10:00:00+08:00"],
        ["no", "online", "2024-10-20T11:00:00+08:00"],
        ["abstain", "door-to-door", "2024-10-21T09:30:15+08:00"]
      ])
      expect(ballots[2]!.proxy).toEqual({ name: "曾环", authorisation: "W-1" })
      const box = ok(Ballots.castAll(boxOf(Presets.ownersOrdinary, ownersOf([100, 100, 100])), ballots))
      expect(ok(Tally.count(box)).counts.participants.headcount).toBe(3)
    })
    it("names the row of every problem", () => {
      const r = Ballots.fromRows([
        { 序号: "7", 意见: "也许", 表决时间: "明天", 方式: "飞鸽", 登记人: "x" },
        { 业主编号: "o1", 意见: "同意", 表决时间: "2024-10-20 10:00", 方式: "纸质" },
        null
      ])
      if (r._tag !== "Failure") throw new Error("expected a failure")
      expect(r.failure.issues.map((i) => [i.code, i.params.row ?? null])).toEqual([
        ["DELIB_ROW_MISSING", "7"],
        ["DELIB_ROW_VALUE_INVALID", "7"],
        ["DELIB_ROW_VALUE_INVALID", "7"],
        ["DELIB_ROW_VALUE_INVALID", "7"],
        ["DELIB_ROW_MISSING", "3"],
        ["DELIB_INPUT_INVALID", null]
      ])
      expect(codes(Ballots.fromRows(1 as never))).toEqual(["DELIB_INPUT_INVALID"])
      const proxyWithout = ok(
        Ballots.fromRows([{
          业主编号: "o0",
          意见: "同意",
          表决时间: "2024-10-20 10:00",
          方式: "纸质",
          登记人: "x",
          受托人: "王"
        }])
      )
      expect(codes(Ballots.castAll(boxOf(Presets.ownersOrdinary, ownersOf([100])), proxyWithout))).toEqual([
        "DELIB_BALLOT_PROXY_AUTHORISATION_REQUIRED"
      ])
    })
  })
})
