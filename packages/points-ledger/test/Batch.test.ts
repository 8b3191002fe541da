import { Journal } from "@gongzhi/points-ledger"
import { describe, expect, it } from "vitest"
import { base, codes, d, earn, ok } from "./fixtures.js"

const last = "2024-02-12"

describe("Journal", () => {
  describe("appendAll", () => {
    it("is all or nothing: a rejected command leaves the journal given as it was, and usable", () => {
      const j = base()
      const before = { head: Journal.head(j), ha: ok(Journal.balance(j, "ha")) }
      const result = Journal.appendAll(j, [earn("ha", "cleaning", last), earn("ha", "nosuch", last)])
      expect(codes(result)).toEqual(["LEDGER_UNKNOWN_ACTIVITY"])
      if (result._tag === "Failure") expect(result.failure.issues[0]!.path[0]).toBe(1)
      expect({ head: Journal.head(j), ha: ok(Journal.balance(j, "ha")) }).toEqual(before)
      const again = ok(Journal.appendAll(j, [earn("ha", "cleaning", last)]))
      expect(again.journal.length).toBe(j.length + 1)
      expect(Journal.verify(again.journal)._tag).toBe("Intact")
    })

    it("gives the same entries as one append after another", () => {
      const commands = [earn("ha", "cleaning", last, { key: "b1" }), earn("zhou", "cleaning", last, { key: "b2" })]
      const batch = ok(Journal.appendAll(base(), commands))
      let one = base()
      for (const c of commands) one = ok(Journal.append(one, c)).journal
      expect(Journal.entries(batch.journal)).toEqual(Journal.entries(one))
      expect(batch.entries).toHaveLength(2)
    })
  })

  describe("capRoom", () => {
    it("tells the room left under each cap, which is what an earning may still get", () => {
      const on = "2024-02-13"
      const j = ok(Journal.append(base(), earn("ha", "fireDuty", on))).journal
      const room = ok(Journal.capRoom(j, "ha", "cleaning", d(on)))
      expect(room.caps.map((c) => [c.cap, c.limit, c.used, c.left])).toEqual([
        ["daily", 30, 20, 10],
        ["monthly", 120, 70, 50],
        ["yearly", 600, 120, 480]
      ])
      expect(room.left).toBe(10)
      // 10 fit, 10 more do not
      const after = ok(Journal.append(j, earn("ha", "cleaning", on))).journal
      expect(ok(Journal.capRoom(after, "ha", "cleaning", d(on))).left).toBe(0)
      expect(codes(Journal.append(after, earn("ha", "cleaning", on)))).toEqual(["LEDGER_CAP_EXCEEDED"])
      expect(ok(Journal.capRoom(after, "ha", "cleaning", d("2024-02-14"))).left).toBe(30)
    })

    it("refuses an unknown account or activity and a date before the journal's last", () => {
      expect([...codes(Journal.capRoom(base(), "nobody", "dancing", d("2024-01-01")))].sort()).toEqual(
        ["LEDGER_DATE_OUT_OF_ORDER", "LEDGER_UNKNOWN_ACCOUNT", "LEDGER_UNKNOWN_ACTIVITY"]
      )
      expect(codes(Journal.capRoom(base(), "ha", "cleaning", "2024-02-30" as never))).toEqual(["LEDGER_DATE_INVALID"])
    })
  })
})

describe("Journal.upTo", () => {
  it("is the journal as it was after an entry, with that entry's head, the journal itself unchanged", () => {
    const j = base()
    const entries = Journal.entries(j)
    const then = Journal.upTo(j, 5)
    expect(then.length).toBe(6)
    expect(Journal.head(then)).toEqual({ seq: 5, hash: entries[5]!.hash })
    expect(Journal.entries(then)).toEqual(entries.slice(0, 6))
    expect(Journal.head(j)).toEqual({ seq: entries.length - 1, hash: Journal.lastHash(j) })
    expect(Journal.upTo(j, 99)).toBe(j)
    expect(Journal.upTo(j, -1).length).toBe(0)
    // appending to the snapshot branches off; the journal itself stays as it was
    const branch = ok(Journal.append(then, earn("ha", "cleaning", "2024-02-12", { key: "branch" }))).journal
    expect(branch.length).toBe(7)
    expect(Journal.entries(j)).toEqual(entries)
  })
})
