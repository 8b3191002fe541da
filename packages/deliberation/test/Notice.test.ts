import { CivilDate } from "@gongzhi/core"
import { describe, expect, it } from "vitest"
import { Ballots, Feedback, Notice, Presets, Tally } from "../src/index.js"
import { boxOf, codes, ok, ownersOf, vote } from "./fixtures.js"

const d = CivilDate.makeUnsafe

describe("Notice", () => {
  it("masks names and free text and fixes the display period", () => {
    const n = ok(Notice.make({
      matter: { id: "wall", title: "外墙维修（联系人 13812345678）" },
      tally: Tally.example(),
      publishedOn: d("2024-11-21"),
      days: 7,
      people: [{ name: "葛精莉", role: "书记" }, { name: "欧阳娜娜", role: "业委会主任" }],
      note: "身份证 11010519491231002X 的业主已签字"
    }))
    expect(n.people.map((p) => p.name)).toEqual(["葛*莉", "欧阳**"])
    expect(n.title).toBe("外墙维修（联系人 138****5678）")
    expect(n.until).toBe("2024-11-27")
    expect(n.body.zh).not.toContain("葛精莉")
    expect(n.body.zh).not.toContain("11010519491231002X")
    expect(n.body.zh).toContain("公示期：2024-11-21 至 2024-11-27")
    expect(n.body.en).toContain("Result: passed")
    expect(Notice.isOnDisplay(n, d("2024-11-21"))).toBe(true)
    expect(Notice.isOnDisplay(n, d("2024-11-20"))).toBe(false)
  })
  it("refuses a bad period, a too short one and an open tally", () => {
    const open = ok(
      Tally.count(ok(Ballots.castAll(boxOf(Presets.ownersOrdinary, ownersOf([100])), [vote("o0", "yes")])))
    )
    expect(codes(Notice.make({ matter: { id: "a", title: "b" }, tally: open, publishedOn: d("2024-11-21"), days: 0 })))
      .toEqual([
        "DELIB_NOTICE_PERIOD_INVALID",
        "DELIB_INPUT_INVALID"
      ])
    expect(
      codes(
        Notice.make({
          matter: { id: "a", title: "b" },
          tally: Tally.example(),
          publishedOn: d("2024-11-21"),
          days: 3,
          minimumDays: 7
        })
      )
    ).toEqual([
      "DELIB_NOTICE_TOO_SHORT"
    ])
    expect(
      codes(
        Notice.make({
          matter: { id: "a", title: "b" },
          tally: Tally.example(),
          publishedOn: "2024-13-01" as never,
          days: 3
        })
      )
    ).toEqual([
      "CORE_DATE_INVALID"
    ])
    expect(codes(Notice.make(null as never))).toEqual(["DELIB_INPUT_UNREADABLE"])
  })
})

describe("Feedback", () => {
  it("counts satisfaction exactly and masks the public summary", () => {
    const s = ok(Feedback.summarise([
      { from: "陈叔", on: "2024-12-01", satisfaction: "satisfied" },
      { from: "李姨", on: "2024-12-01", satisfaction: "neutral", comment: "邮箱 li@example.com" },
      { from: "王五", on: "2024-12-02", satisfaction: "dissatisfied" }
    ], ["电梯维修 13812345678"]))
    expect(s.counts).toEqual({ satisfied: 1, neutral: 1, dissatisfied: 1 })
    expect(s.rate).toBe("66.7%")
    expect(s.public.map((p) => p.from)).toEqual(["陈*", "李*", "王*"])
    expect(s.public[1]!.comment).toBe("邮箱 l***@example.com")
    expect(s.followUp).toEqual(["电梯维修 138****5678"])
    expect(ok(Feedback.summarise([])).rate).toBe("0%")
  })
  it("reports every bad response", () => {
    expect(codes(Feedback.summarise([{ from: "a", on: "x", satisfaction: "meh" as never }, null as never]))).toEqual([
      "DELIB_INPUT_INVALID",
      "DELIB_INPUT_INVALID"
    ])
    expect(codes(Feedback.summarise("x" as never))).toEqual(["DELIB_INPUT_UNREADABLE"])
  })
})
