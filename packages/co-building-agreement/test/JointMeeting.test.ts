import { describe, expect, it } from "vitest"
import { JointMeeting } from "../src/index.js"
import { agreement, codesOf, mingquan, ok } from "./fixtures.js"

const minutes = (overrides: Record<string, unknown> = {}) => ({
  id: "m-1",
  grandCommittee: "mingquan",
  date: "2024-06-14",
  kind: "regular",
  invited: ["bank", "school"],
  attendance: [{ unit: "bank", present: true, representative: "行长" }, { unit: "school", present: false }],
  decisions: [
    { id: "d-2", text: "修路灯", outcome: { _tag: "ActionItem", owner: "供电", due: "2024-08-01" } },
    { id: "d-1", text: "办夜校", outcome: { _tag: "ActionItem", owner: "学校", due: "2024-07-01" } },
    { id: "d-3", text: "消防泵", outcome: { _tag: "Project", project: "fire-pumps" } }
  ],
  ...overrides
})

describe("JointMeeting", () => {
  describe("constructors", () => {
    it("records minutes, attendance and decisions that become action items and projects", () => {
      const m = ok(JointMeeting.record(minutes()))
      expect(JointMeeting.attendanceOf([m], "bank")).toEqual({ invited: 1, attended: 1 })
      expect(JointMeeting.attendanceOf([m], "school")).toEqual({ invited: 1, attended: 0 })
      expect(JointMeeting.actionItems([m]).map((a) => a.decision)).toEqual(["d-1", "d-2"])
      expect(JointMeeting.decidedProjects([m, m])).toEqual(["fire-pumps"])
    })

    it("reports attendance of a unit not invited and duplicates, all at once", () => {
      const result = JointMeeting.record(minutes({
        invited: ["bank", "bank"],
        attendance: [{ unit: "school", present: true }, { unit: "school", present: true }],
        decisions: [{ id: "d", text: "x", outcome: { _tag: "Project", project: "p" } }, {
          id: "d",
          text: "y",
          outcome: { _tag: "Project", project: "p" }
        }]
      }))
      expect(codesOf(result)).toEqual([
        "AGREEMENT_DUPLICATE_ID",
        "AGREEMENT_DUPLICATE_ID",
        "AGREEMENT_DUPLICATE_ID",
        "AGREEMENT_MEETING_NOT_INVITED",
        "AGREEMENT_MEETING_NOT_INVITED"
      ])
    })

    it("schedules per the agreements: 名泉 once (1–2 a year), 綦江 monthly, 玉门 quarterly", () => {
      expect(JointMeeting.schedule(mingquan().agreements, 2024).map((m) => m.date)).toEqual(["2024-07-15"])
      const qijiang = agreement({
        grandCommittee: { id: "qijiang", name: "綦江" },
        meetings: { minPerYear: 12, maxPerYear: 12 }
      })
      const yumen = agreement({
        grandCommittee: { id: "yumen", name: "玉门" },
        memberUnit: { id: "u2", name: "单位" },
        meetings: { minPerYear: 4, maxPerYear: 4 }
      })
      const plan = JointMeeting.schedule([yumen, qijiang], 2024)
      expect(plan.filter((p) => p.grandCommittee === "qijiang").map((p) => p.date.slice(5, 7))).toEqual(
        ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]
      )
      expect(plan.filter((p) => p.grandCommittee === "yumen").map((p) => p.date)).toEqual(["2024-02-15", "2024-05-15",
        "2024-08-15", "2024-11-15"])
      expect(JointMeeting.schedule([qijiang], 2026)).toEqual([])
      expect(JointMeeting.schedule([qijiang], 10_000)).toEqual([])
      expect(JointMeeting.schedule([qijiang], 2024.5)).toEqual([])
      const late = agreement({
        term: { start: "2024-09-01", end: "2025-08-31" },
        meetings: { minPerYear: 2, maxPerYear: 2 }
      })
      expect(JointMeeting.schedule([late], 2024).map((p) => p.invited.length)).toEqual([0, 1])
    })

    it("名泉: two joint meetings in the year, within the 1–2 the agreements ask for", () => {
      const { meetings, agreements } = mingquan()
      expect(meetings).toHaveLength(2)
      for (const a of agreements) expect(meetings.length).toBeLessThanOrEqual(a.meetings.maxPerYear)
      expect(JointMeeting.actionItems(meetings)).toHaveLength(2)
    })
  })
})
