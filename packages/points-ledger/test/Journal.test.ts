import { Period, Redaction, ValidationReport } from "@gongzhi/core"
import {
  type Command,
  Entry,
  Journal,
  Messages,
  Presets,
  RedemptionCatalog,
  Report,
  Scheme,
  Simulation
} from "@gongzhi/points-ledger"
import { pipe } from "effect"
import { describe, expect, it } from "vitest"
import { base, codes, d, earn, ok, open, setup } from "./fixtures.js"

const last = "2024-02-12"

interface Case {
  readonly code: Messages.Code
  readonly before?: ReadonlyArray<Command.Command>
  readonly bad: Command.Command
  readonly good: Command.Command
}

const redeem = (key: string, account: string, item: string, quantity: number, on = last): Command.Redeem => ({
  _tag: "Redeem",
  key,
  on: d(on),
  account,
  item,
  quantity
})
const hold = (key: string, account: string, item: string, on = last): Command.Hold => ({
  _tag: "Hold",
  key,
  on: d(on),
  account,
  item,
  quantity: 1
})
const reverse = (key: string, target: string, on = last): Command.Reverse => ({
  _tag: "Reverse",
  key,
  on: d(on),
  target,
  reason: "登记错误"
})
const transfer = (key: string, from: string, to: string, amount: number): Command.Transfer => ({
  _tag: "Transfer",
  key,
  on: d(last),
  from,
  to,
  amount
})

const cases: ReadonlyArray<Case> = [
  {
    code: "LEDGER_UNKNOWN_COMMAND",
    bad: { _tag: "Nope", key: "x", on: d(last) } as never,
    good: earn("ha", "cleaning", last)
  },
  { code: "LEDGER_KEY_MISSING", bad: earn("ha", "cleaning", last, { key: "" }), good: earn("ha", "cleaning", last) },
  {
    code: "LEDGER_DATE_INVALID",
    bad: earn("ha", "cleaning", last, { on: "2024-02-30" as never }),
    good: earn("ha", "cleaning", "2024-02-28")
  },
  { code: "LEDGER_DATE_OUT_OF_ORDER", bad: earn("ha", "cleaning", "2024-01-31"), good: earn("ha", "cleaning", last) },
  { code: "LEDGER_ACCOUNT_RESERVED", bad: open("system:pool2", "某"), good: open("li", "李明", last) },
  {
    code: "LEDGER_ACCOUNT_EXISTS",
    bad: { ...open("ha", "哈安喜", last), key: "open-ha-again" },
    good: open("li", "李明", last)
  },
  { code: "LEDGER_UNKNOWN_ACCOUNT", bad: earn("nobody", "cleaning", last), good: earn("ha", "cleaning", last) },
  { code: "LEDGER_UNKNOWN_ITEM", bad: redeem("r", "ha", "caviar", 1), good: redeem("r", "ha", "rice", 1) },
  { code: "LEDGER_UNKNOWN_ACTIVITY", bad: earn("ha", "dancing", last), good: earn("ha", "cleaning", last) },
  {
    code: "LEDGER_NOT_ELIGIBLE",
    before: [open("li", "李明", last)],
    bad: earn("li", "mediation", last),
    good: earn("ha", "mediation", last)
  },
  { code: "LEDGER_AMOUNT_NOT_POSITIVE", bad: transfer("t", "ha", "zhou", 0), good: transfer("t", "ha", "zhou", 10) },
  {
    code: "LEDGER_HOURS_MISSING",
    bad: { _tag: "Earn", key: "v", on: d(last), account: "ha", activity: "volunteerService", approvedBy: ["sec"] },
    good: {
      _tag: "Earn",
      key: "v",
      on: d(last),
      account: "ha",
      activity: "volunteerService",
      minutes: 60,
      approvedBy: ["sec"]
    }
  },
  {
    code: "LEDGER_CAP_EXCEEDED",
    before: [earn("ha", "fireDuty", last)],
    bad: earn("ha", "cleaning", last),
    good: earn("ha", "cleaning", "2024-02-13")
  },
  { code: "LEDGER_INSUFFICIENT_BALANCE", bad: redeem("r", "ha", "oil", 2), good: redeem("r", "ha", "oil", 1) },
  { code: "LEDGER_STOCK_EXHAUSTED", bad: redeem("r", "ha", "wheelchair", 2), good: redeem("r", "ha", "wheelchair", 1) },
  {
    code: "LEDGER_ITEM_LIMIT_REACHED",
    before: [redeem("r0", "ha", "racket", 2)],
    bad: redeem("r", "ha", "racket", 1, "2024-03-01"),
    good: redeem("r", "zhou", "racket", 1, "2024-03-01")
  },
  {
    code: "LEDGER_ITEM_NOT_AVAILABLE",
    bad: redeem("r", "ha", "mooncake", 1),
    good: redeem("r", "ha", "mooncake", 1, "2024-09-05")
  },
  {
    code: "LEDGER_REDEMPTION_LIMIT_REACHED",
    before: [redeem("b1", "ha", "brush", 1), redeem("b2", "ha", "brush", 1)],
    bad: redeem("b3", "ha", "brush", 1),
    good: redeem("b3", "ha", "brush", 1, "2024-03-01")
  },
  {
    code: "LEDGER_APPROVAL_MISSING",
    bad: earn("ha", "cleaning", last, { approvedBy: [] }),
    good: earn("ha", "cleaning", last, { approvedBy: ["sec"] })
  },
  {
    code: "LEDGER_SELF_APPROVAL",
    bad: earn("ha", "cleaning", last, { approvedBy: ["m-ha"] }),
    good: earn("ha", "cleaning", last, { approvedBy: ["sec"] })
  },
  { code: "LEDGER_UNKNOWN_TRANSACTION", bad: reverse("x", "nope"), good: reverse("x", "seed-ha-3") },
  {
    code: "LEDGER_REVERSAL_OF_REVERSAL",
    before: [reverse("rev1", "seed-ha-3")],
    bad: reverse("x", "rev1"),
    good: reverse("x", "seed-ha-4")
  },
  {
    code: "LEDGER_ALREADY_REVERSED",
    before: [reverse("rev1", "seed-ha-3")],
    bad: reverse("x", "seed-ha-3"),
    good: reverse("x", "seed-ha-5")
  },
  { code: "LEDGER_NOT_REVERSIBLE", bad: reverse("x", "open-ha"), good: reverse("x", "seed-ha-3") },
  {
    code: "LEDGER_UNKNOWN_HOLD",
    before: [hold("h1", "ha", "rice")],
    bad: { _tag: "Release", key: "x", on: d(last), hold: "nohold" },
    good: { _tag: "Release", key: "x", on: d(last), hold: "h1" }
  },
  {
    code: "LEDGER_HOLD_CLOSED",
    before: [hold("h1", "ha", "brush"), hold("h2", "ha", "brush"), {
      _tag: "Settle",
      key: "s1",
      on: d(last),
      hold: "h1"
    }],
    bad: { _tag: "Release", key: "x", on: d(last), hold: "h1" },
    good: { _tag: "Release", key: "x", on: d(last), hold: "h2" }
  },
  { code: "LEDGER_SAME_ACCOUNT", bad: transfer("t", "ha", "ha", 10), good: transfer("t", "ha", "zhou", 10) },
  {
    code: "LEDGER_IDEMPOTENCY_CONFLICT",
    bad: earn("ha", "securityPatrol", "2024-01-03", { key: "seed-ha-3" }),
    good: earn("ha", "cleaning", "2024-01-03", { key: "seed-ha-3", approvedBy: ["grid-sec", "grid-deputy"] })
  },
  {
    code: "LEDGER_SEQUENCE_CONFLICT",
    bad: earn("ha", "cleaning", last, { expectedSeq: 5 }),
    good: earn("ha", "cleaning", last, { expectedSeq: 22 })
  }
]

const documentCodes: ReadonlyArray<Messages.Code> = ["LEDGER_DUPLICATE_ID", "LEDGER_CAPS_INCONSISTENT",
  "LEDGER_VALIDITY_REVERSED"]
const replayCodes: ReadonlyArray<Messages.Code> = ["LEDGER_CHAIN_BROKEN", "LEDGER_REPLAY_MISMATCH"]
// covered in trust.test.ts
const trustCodes: ReadonlyArray<Messages.Code> = ["LEDGER_TEXT_MALFORMED", "LEDGER_TEXT_TOO_LONG", "LEDGER_TEXT_EMPTY",
  "LEDGER_COMMAND_UNREADABLE", "LEDGER_JOURNAL_DETACHED", "LEDGER_HEAD_NOT_REACHED", "LEDGER_HEAD_MISMATCH"]
// covered in snapshot.test.ts
const snapshotCodes: ReadonlyArray<Messages.Code> = ["LEDGER_SNAPSHOT_SETUP_MISMATCH", "LEDGER_SNAPSHOT_INCONSISTENT"]

const balances = (journal: Journal.Journal) => Journal.accounts(journal).map((a) => ok(Journal.balance(journal, a.id)))

describe("Journal", () => {
  describe("errors", () => {
    it("covers every code of the message table with a failing and a passing case", () => {
      const covered = new Set([...cases.map((c) => c.code), ...documentCodes, ...replayCodes, ...trustCodes,
        ...snapshotCodes])
      expect([...Messages.messages.codes].sort()).toEqual([...covered].sort())
    })

    for (const c of cases) {
      it(`${c.code}: rejects the bad command, changing nothing, and accepts the good one`, () => {
        const start = ok(Journal.appendAll(base(), c.before ?? [])).journal
        const before = { length: start.length, balances: balances(start), hash: Journal.lastHash(start) }
        const bad = Journal.append(start, c.bad)
        expect(codes(bad)).toContain(c.code)
        if (bad._tag === "Failure") {
          for (const issue of bad.failure.issues) {
            expect(issue.message.zh).not.toMatch(/\{\w+(:label)?\}/)
            expect(issue.message.en).not.toMatch(/\{\w+(:label)?\}/)
            // params are language-neutral: each language's words come as labels, never as xZh / xEn
            expect(Object.keys(issue.params).filter((k) => /[a-z](Zh|En)$/.test(k))).toEqual([])
          }
        }
        expect({ length: start.length, balances: balances(start), hash: Journal.lastHash(start) }).toEqual(before)
        const good = Journal.append(start, c.good)
        expect(codes(good)).toEqual([])
      })
    }

    it("reports every problem of a command at once", () => {
      const result = Journal.append(
        base(),
        earn("ha", "mediation", "2024-02-12", { approvedBy: ["m-ha"], expectedSeq: 3 })
      )
      expect([...codes(result)].sort()).toEqual(
        ["LEDGER_APPROVAL_MISSING", "LEDGER_SELF_APPROVAL", "LEDGER_SEQUENCE_CONFLICT"].sort()
      )
    })

    it("says in each language's words what cannot be reversed, keeping the command kind as a param", () => {
      const result = Journal.append(base(), reverse("x", "open-ha"))
      expect(result._tag).toBe("Failure")
      if (result._tag === "Failure") {
        const issue = result.failure.issues[0]!
        expect(issue.params).toEqual({ target: "open-ha", kind: "Open" })
        expect(issue.message).toEqual({
          zh: "开户交易 \"open-ha\" 不能冲正（账户一经开立即保留）",
          en: "The account opening transaction \"open-ha\" cannot be reversed (accounts stay open once opened)"
        })
      }
    })

    it("names which cap is exceeded and how much is left", () => {
      const j = ok(Journal.append(base(), earn("ha", "fireDuty", last))).journal
      const result = Journal.append(j, earn("ha", "cleaning", last))
      expect(result._tag).toBe("Failure")
      if (result._tag === "Failure") {
        const issue = result.failure.issues[0]!
        expect(issue.params).toMatchObject({ cap: "daily", limit: 30, used: 30, left: 0, requested: 10 })
        expect(issue.message.zh).toContain("每日")
      }
    })
  })

  describe("append", () => {
    it("works data-first and data-last", () => {
      const command = earn("ha", "cleaning", last)
      const a = ok(Journal.append(base(), command))
      const b = ok(pipe(base(), Journal.append(command)))
      expect(a.entry?.postings).toEqual(b.entry?.postings)
      expect(a.entry?.hash).toBe(b.entry?.hash)
    })

    it("posts double entry: every transaction sums to zero", () => {
      for (const entry of Journal.entries(base())) {
        expect(entry.postings.reduce((s, p) => s + p.amount, 0)).toBe(0)
      }
    })

    it("returns the original entry for the same key and command, changing nothing", () => {
      const j = base()
      const original = Journal.entryOf(j, "seed-zhou-7")!
      const again = ok(Journal.append(j, original.command))
      expect(again.replayed).toBe(true)
      expect(again.entry).toEqual(original)
      expect(again.journal).toBe(j)
    })

    it("keeps an older journal value as it was (immutable values)", () => {
      const j0 = base()
      const j1 = ok(Journal.append(j0, earn("ha", "cleaning", last))).journal
      expect(ok(Journal.balance(j0, "ha")).available).toBe(100)
      expect(ok(Journal.balance(j1, "ha")).available).toBe(110)
      // branching from the older value works and does not disturb the newer one
      const j2 = ok(Journal.append(j0, earn("ha", "fireDuty", last))).journal
      expect(ok(Journal.balance(j2, "ha")).available).toBe(120)
      expect(ok(Journal.balance(j1, "ha")).available).toBe(110)
      expect(Journal.verify(j2)._tag).toBe("Intact")
    })

    it("credits hours by the rate, the rounding and the per-event cap (海林: ≤ 2 hours)", () => {
      const hailin = Journal.make({ scheme: Presets.hailinScheme, catalog: Presets.pingliCatalog })
      const j = ok(Journal.appendAll(hailin, [
        open("a", "王佑", "2024-01-02"),
        {
          _tag: "Earn",
          key: "v1",
          on: d("2024-01-03"),
          account: "a",
          activity: "volunteerService",
          minutes: 300,
          approvedBy: ["x"]
        }
      ])).journal
      expect(ok(Journal.balance(j, "a")).available).toBe(2)
    })
  })

  describe("holds", () => {
    it("holds points and stock, then settles or releases them", () => {
      const j0 = base()
      const held = ok(Journal.append(j0, hold("h1", "ha", "rice"))).journal
      expect(ok(Journal.balance(held, "ha"))).toMatchObject({ available: 50, held: 50 })
      expect(Journal.stockOf(held, "rice")).toBe(4999)
      const released = ok(Journal.append(held, { _tag: "Release", key: "rel", on: d(last), hold: "h1" })).journal
      expect(ok(Journal.balance(released, "ha"))).toMatchObject({ available: 100, held: 0 })
      expect(Journal.stockOf(released, "rice")).toBe(5000)
      expect(Journal.holdStatus(released, "h1")).toBe("released")
      const settled = ok(Journal.append(held, { _tag: "Settle", key: "set", on: d(last), hold: "h1" })).journal
      expect(ok(Journal.balance(settled, "ha"))).toMatchObject({ available: 50, held: 0 })
      expect(Report.reconcile(settled)).toMatchObject({ redeemed: 50, held: 0, balanced: true })
    })

    it("counts holds against the available balance", () => {
      const j = ok(Journal.append(base(), hold("h1", "ha", "wheelchair"))).journal
      expect(codes(Journal.append(j, redeem("r", "ha", "brush", 1)))).toContain("LEDGER_INSUFFICIENT_BALANCE")
    })
  })

  describe("reverse", () => {
    it("points at the original, which stays in the journal, and restores balances", () => {
      const j0 = base()
      const j1 = ok(Journal.append(j0, redeem("r1", "ha", "oil", 1))).journal
      const j2 = ok(Journal.append(j1, reverse("x1", "r1"))).journal
      expect(Journal.entryOf(j2, "r1")).toBeDefined()
      expect(Journal.reversedBy(j2, "r1")).toBe("x1")
      expect(balances(j2)).toEqual(balances(j0))
      expect(Journal.stockOf(j2, "oil")).toBe(5000)
    })

    it("reverses an earning only while the points are still there", () => {
      const j = ok(Journal.appendAll(base(), [redeem("r1", "ha", "wheelchair", 1)])).journal
      expect(codes(Journal.append(j, reverse("x", "seed-ha-3")))).toEqual(["LEDGER_INSUFFICIENT_BALANCE"])
    })

    it("reverses transfers, donations, adjustments, settlements and expiries", () => {
      const j0 = base()
      const steps: ReadonlyArray<Command.Command> = [
        transfer("t1", "ha", "zhou", 30),
        { _tag: "Donate", key: "d1", on: d(last), from: "zhou", amount: 20 },
        { _tag: "Adjust", key: "a1", on: d(last), account: "ha", amount: -5, reason: "重复登记", approvedBy: "sec" },
        { _tag: "Adjust", key: "a2", on: d(last), account: "zhou", amount: 7, reason: "补录", approvedBy: "sec" },
        hold("h1", "zhou", "rice"),
        { _tag: "Settle", key: "s1", on: d(last), hold: "h1" }
      ]
      const j1 = ok(Journal.appendAll(j0, steps)).journal
      const undo: Array<Command.Command> = ["s1", "a2", "a1", "d1", "t1"].map((target, i) => reverse(`u${i}`, target))
      // reversing the settlement reopens the hold: release it too
      undo.splice(1, 0, { _tag: "Release", key: "rel-h1", on: d(last), hold: "h1" })
      const j2 = ok(Journal.appendAll(j1, undo)).journal
      expect(balances(j2)).toEqual(balances(j0))
      expect(Report.reconcile(j2).balanced).toBe(true)
      const j3 = ok(Journal.appendAll(j0, [{ _tag: "Expire", key: "exp", on: d("2025-01-01") }])).journal
      expect(ok(Journal.balance(j3, "ha")).available).toBe(0)
      const j4 = ok(Journal.append(j3, reverse("ux", "exp", "2025-01-01"))).journal
      expect(balances(j4)).toEqual(balances(j0))
    })
  })

  describe("expire", () => {
    it("expires lots exactly once (a second run expires nothing more)", () => {
      const j = base()
      const first = ok(Journal.append(j, { _tag: "Expire", key: "exp-1", on: d("2025-01-01") }))
      expect(first.entry?.postings).toEqual([
        { account: "ha", amount: -100 },
        { account: "zhou", amount: -100 },
        { account: "system:expiry", amount: 200 }
      ])
      const second = ok(Journal.append(first.journal, { _tag: "Expire", key: "exp-2", on: d("2025-01-02") }))
      expect(second.entry).toBeUndefined()
      expect(second.journal.length).toBe(first.journal.length)
    })

    it("spends the oldest-expiring points first (AfterDays)", () => {
      const scheme: Scheme.Scheme = { ...Presets.neverExpireScheme, expiry: { _tag: "AfterDays", days: 30 } }
      const j = ok(Journal.appendAll(Journal.make({ scheme, catalog: Presets.pingliCatalog }), [
        open("a", "王佑", "2024-01-01"),
        { _tag: "Earn", key: "e1", on: d("2024-01-01"), account: "a", activity: "cleaning" },
        { _tag: "Earn", key: "e2", on: d("2024-01-20"), account: "a", activity: "cleaning" },
        redeem("r1", "a", "brush", 1, "2024-01-25"),
        { _tag: "Expire", key: "x1", on: d("2024-02-05") }
      ])).journal
      // the 5 points of Jan 1 were spent on the brush: nothing left to expire on Feb 5
      expect(Journal.entryOf(j, "x1")).toBeUndefined()
      const later = ok(Journal.append(j, { _tag: "Expire", key: "x2", on: d("2024-02-25") }))
      expect(later.entry?.postings[0]).toEqual({ account: "a", amount: -5 })
    })

    it("expires again what an undo, a rollback or a snapshot puts back into a first lot", () => {
      // the expiry index keeps an account under its first lot's day: every way points come
      // back into an earlier lot must put the account back under that day
      const scheme: Scheme.Scheme = { ...Presets.neverExpireScheme, expiry: { _tag: "AfterDays", days: 30 } }
      const setup30 = { scheme, catalog: Presets.pingliCatalog }
      const x = (key: string, on: string): Command.Expire => ({ _tag: "Expire", key, on: d(on) })
      const j0 = ok(Journal.appendAll(Journal.make(setup30), [
        open("a", "王佑", "2024-01-01"),
        open("b", "李娟", "2024-01-01"),
        { _tag: "Earn", key: "e1", on: d("2024-01-01"), account: "a", activity: "cleaning" },
        { _tag: "Earn", key: "e2", on: d("2024-01-20"), account: "b", activity: "cleaning" },
        { _tag: "Earn", key: "e3", on: d("2024-01-21"), account: "a", activity: "cleaning" }
      ])).journal
      // an expiry run reversed: a's first lot has its points again, the next run expires them
      const j1 = ok(Journal.appendAll(j0, [x("x1", "2024-02-05"), reverse("u1", "x1", "2024-02-05")])).journal
      expect(Journal.entryOf(j1, "x1")?.postings).toEqual([
        { account: "a", amount: -5 },
        { account: "system:expiry", amount: 5 }
      ])
      expect(ok(Journal.append(j1, x("x2", "2024-02-06"))).entry?.postings[0]).toEqual({ account: "a", amount: -5 })
      // a batch whose expiry run is rolled back: the lots it emptied are due again
      const j2 = ok(Journal.append(j1, x("x2", "2024-02-06"))).journal
      expect(codes(Journal.appendAll(j2, [x("x3", "2024-02-25"), earn("nobody", "cleaning", "2024-02-25")])))
        .toEqual(["LEDGER_UNKNOWN_ACCOUNT"])
      const due = [{ account: "a", amount: -5 }, { account: "b", amount: -5 }, {
        account: "system:expiry",
        amount: 10
      }]
      expect(ok(Journal.append(j2, x("x3", "2024-02-25"))).entry?.postings).toEqual(due)
      // a redemption from the first lot reversed, then an expiry run
      const j3 = ok(Journal.appendAll(j2, [
        redeem("r1", "b", "brush", 1, "2024-02-07"),
        reverse("u2", "r1", "2024-02-07")
      ])).journal
      expect(ok(Journal.append(j3, x("x3", "2024-02-25"))).entry?.postings).toEqual(due)
      // a journal restored from a snapshot knows what is due
      const taken = ok(Journal.snapshot(j3))
      const restored = ok(Journal.fromSnapshot(setup30, JSON.parse(JSON.stringify(taken))))
      expect(ok(Journal.append(restored, x("x3", "2024-02-25"))).entry?.postings).toEqual(due)
    })

    it("does not let expired points be spent before the expiry run", () => {
      const j = base()
      expect(codes(Journal.append(j, redeem("r", "ha", "brush", 1, "2025-01-05")))).toContain(
        "LEDGER_INSUFFICIENT_BALANCE"
      )
    })
  })

  describe("balance", () => {
    it("answers as of any date", () => {
      const j = base()
      expect(ok(Journal.balance(j, "ha", d("2024-01-02"))).available).toBe(0)
      expect(ok(Journal.balance(j, "ha", d("2024-01-31"))).available).toBe(50)
      expect(ok(Journal.balance(j, "ha", d("2024-12-31"))).available).toBe(100)
      expect(ok(Journal.balance(j, Journal.SystemAccount.pool)).available).toBe(-200)
      expect(codes(Journal.balance(j, "nobody"))).toEqual(["LEDGER_UNKNOWN_ACCOUNT"])
    })
  })

  describe("replay", () => {
    it("reproduces the state and the hashes of a stored journal", () => {
      const j = base()
      const replayed = ok(Journal.replay(setup, Journal.entries(j)))
      expect(Journal.lastHash(replayed)).toBe(Journal.lastHash(j))
      expect(balances(replayed)).toEqual(balances(j))
    })

    it("LEDGER_CHAIN_BROKEN: finds an entry whose hash does not match", () => {
      const entries = [...Journal.entries(base())]
      entries[4] = { ...entries[4]!, hash: "f".repeat(64) }
      const result = Journal.replay(setup, entries)
      expect(codes(result)).toEqual(["LEDGER_CHAIN_BROKEN"])
      if (result._tag === "Failure") expect(result.failure.issues[0]!.path).toEqual([4, "hash"])
      entries[4] = { ...entries[4]!, prevHash: "e".repeat(64) }
      expect(codes(Journal.replay(setup, entries))).toEqual(["LEDGER_CHAIN_BROKEN"])
    })

    it("LEDGER_REPLAY_MISMATCH: finds an entry whose postings are not what its command gives", () => {
      const entries = [...Journal.entries(base())]
      entries[3] = {
        ...entries[3]!,
        postings: [{ account: "system:pool", amount: -11 }, { account: "ha", amount: 11 }]
      }
      expect(codes(Journal.replay(setup, entries))).toEqual(["LEDGER_REPLAY_MISMATCH"])
      const shifted = [...Journal.entries(base())]
      shifted[2] = { ...shifted[2]!, seq: 9 }
      expect(codes(Journal.replay(setup, shifted))).toEqual(["LEDGER_REPLAY_MISMATCH"])
    })

    it("rejects a stored command the rules refuse", () => {
      const entries = [...Journal.entries(base())]
      const result = Journal.replay(setup, [entries[0]!,
        entries[0]!.command._tag === "Open" ? { ...entries[2]!, seq: 1 } : entries[1]!])
      expect(result._tag).toBe("Failure")
    })
  })

  describe("named cases", () => {
    it("平利: 哈安喜 reaches 400 points and 周玉宏 320, exchanged for rice, flour and oil", () => {
      const year = Simulation.pingliYear({ seed: 2024, residents: 40 })
      const j = ok(Journal.appendAll(Journal.make(year.setup), year.commands)).journal
      const ha = ok(Journal.balance(j, Simulation.named.haAnxi, d("2024-12-31")))
      const zhou = ok(Journal.balance(j, Simulation.named.zhouYuhong, d("2024-12-31")))
      expect(ha).toMatchObject({ lifetimeEarned: 400, available: 400 - 50 - 40 - 60, held: 0 })
      expect(zhou).toMatchObject({ lifetimeEarned: 320, available: 320 - 50 - 60, held: 0 })
      const items = Journal.entries(j)
        .filter((e) => e.command._tag === "Redeem" && e.command.account === Simulation.named.haAnxi)
        .map((e) => (e.command as Command.Redeem).item)
      expect(items).toEqual(["rice", "flour", "oil"])
      const sources = Report.statement(j, Simulation.named.zhouYuhong, Period.year(2024))
      expect(ok(sources).earned).toBe(320)
      const board = Report.leaderboard(j, { period: Period.year(2024), top: 2 })
      expect(board.map((s) => [s.rank, s.name, s.earned])).toEqual([[1, "哈安喜", 400], [2, "周玉宏", 320]])
      const notice = Report.publicNotice(j, Period.year(2024), { top: 2 })
      expect(notice.rows.map((r) => r.name)).toEqual([Redaction.maskName("哈安喜"), "周*宏"])
      expect(JSON.stringify(notice)).not.toContain("安喜")
      expect(Report.reconcile(j).balanced).toBe(true)
      expect(Journal.verify(j)._tag).toBe("Intact")
    })

    it("红安 爱心银行: 300 accounts deposit love points and exchange them for rice, oil and hand sanitiser", () => {
      const bank = Journal.make({ scheme: Presets.honganLoveBankScheme, catalog: Presets.honganLoveBankCatalog })
      const commands: Array<Command.Command> = []
      for (let i = 0; i < 300; i++) commands.push(open(`hb-${i}`, `志愿者${i}`, "2020-03-01"))
      const activities = ["volunteerService", "elderlyCare", "cleaning", "civility"]
      for (let month = 3; month <= 12; month++) {
        const on = `2020-${String(month).padStart(2, "0")}-10`
        for (let i = 0; i < 300; i++) {
          commands.push(
            earn(`hb-${i}`, activities[(i + month) % 4]!, on, { key: `hb-${i}-${month}`, approvedBy: ["sec"] })
          )
        }
      }
      const items = ["rice", "oil", "handSanitiser"]
      for (let i = 0; i < 300; i++) commands.push(redeem(`hb-r-${i}`, `hb-${i}`, items[i % 3]!, 1, "2020-12-20"))
      const j = ok(Journal.appendAll(bank, commands)).journal
      expect(Journal.accounts(j)).toHaveLength(300)
      const r = Report.reconcile(j)
      expect(r.balanced).toBe(true)
      expect(r.redeemed).toBe(100 * (30 + 40 + 10))
      expect(Journal.stockOf(j, "handSanitiser")).toBe(4900)
      expect(RedemptionCatalog.findItem(Presets.honganLoveBankCatalog, "oil")?.price).toBe(40)
    })
  })
})

describe("Entry", () => {
  describe("verify", () => {
    it("finds a changed field of any entry (tamper test)", () => {
      const entries = Journal.entries(base())
      const mutations: ReadonlyArray<(e: Entry.Entry) => Entry.Entry> = [
        (e) => ({ ...e, seq: e.seq + 1 }),
        (e) => ({ ...e, command: { ...e.command, key: `${e.command.key}x` } }),
        (e) => ({ ...e, command: { ...e.command, on: d("2024-01-01") } }),
        (e) => ({ ...e, postings: e.postings.map((p, i) => (i === 0 ? { ...p, account: "someone" } : p)) }),
        (e) => ({ ...e, postings: e.postings.map((p) => ({ ...p, amount: -p.amount })) }),
        (e) => ({ ...e, postings: [...e.postings, { account: "x", amount: 0 }] }),
        (e) => ({ ...e, prevHash: "1".repeat(64) }),
        (e) => ({ ...e, hash: "2".repeat(64) })
      ]
      for (let i = 0; i < entries.length; i++) {
        for (const mutate of mutations) {
          const changed = [...entries]
          changed[i] = mutate(entries[i]!)
          if (JSON.stringify(changed[i]) === JSON.stringify(entries[i])) continue // e.g. no postings to change
          const outcome = Entry.verify(changed)
          expect(outcome).toMatchObject({ _tag: "Broken", index: i })
        }
      }
    })

    it("checks a chain in parts, each from the head where the last ended, as it checks the whole", () => {
      const entries = [...Journal.entries(base())]
      const whole = Entry.verify(entries)
      for (let cut = 0; cut <= entries.length; cut++) {
        const first = Entry.verify(entries.slice(0, cut))
        if (first._tag !== "Intact") throw new Error("the first part is a chain")
        expect(Entry.verify(entries.slice(cut), { after: first.head })).toEqual(whole)
        // a change in the second part is named by its seq, as in the whole
        for (let i = cut; i < entries.length; i++) {
          const changed = entries.slice(cut)
          changed[i - cut] = { ...entries[i]!, hash: "2".repeat(64) }
          const whole = [...entries]
          whole[i] = changed[i - cut]!
          expect(Entry.verify(changed, { after: first.head })).toEqual(Entry.verify(whole))
        }
      }
      const last = whole._tag === "Intact" ? whole.head : { seq: -1, hash: "" }
      // a head among the part's entries, or the one it starts after, is checked; an earlier one cannot be
      expect(Entry.verify(entries.slice(2), { after: { seq: 1, hash: entries[1]!.hash }, head: last })._tag).toBe(
        "Intact"
      )
      expect(
        Entry.verify(entries.slice(2), {
          after: { seq: 1, hash: entries[1]!.hash },
          head: { seq: 1, hash: entries[1]!.hash }
        })._tag
      )
        .toBe("Intact")
      expect(
        Entry.verify(entries.slice(2), {
          after: { seq: 1, hash: entries[1]!.hash },
          head: { seq: 0, hash: entries[0]!.hash }
        })
      )
        .toEqual({ _tag: "Broken", index: 0, reason: "head" })
      expect(Entry.verify(entries.slice(2), { after: { seq: 1, hash: "0".repeat(64) } })).toEqual({
        _tag: "Broken",
        index: 2,
        reason: "prevHash"
      })
    })

    it("finds unbalanced postings", () => {
      const entries = [...Journal.entries(base())]
      entries[3] = { ...entries[3]!, postings: [{ account: "ha", amount: 10 }] }
      expect(Entry.verify(entries)).toEqual({ _tag: "Broken", index: 3, reason: "unbalanced" })
    })

    it("decodes stored entries", () => {
      const entries = JSON.parse(JSON.stringify(Journal.entries(base())))
      const decoded = ok(Entry.decodeAll(entries))
      expect(Entry.verify(decoded)._tag).toBe("Intact")
      expect(Entry.decode({ seq: "x" })._tag).toBe("Failure")
    })
  })
})

describe("Messages", () => {
  it("fills every template in both languages", () => {
    for (const code of Messages.messages.codes) {
      const template = Messages.messages.templates[code]
      expect(template.zh.length).toBeGreaterThan(0)
      expect(template.en.length).toBeGreaterThan(0)
      expect(code.startsWith("LEDGER_")).toBe(true)
    }
    expect(ValidationReport.isValidationReport(ValidationReport.empty)).toBe(true)
  })
})
