import { Period, ValidationReport } from "@gongzhi/core"
import {
  Command,
  Entry,
  Journal,
  JournalStore,
  Presets,
  RedemptionCatalog,
  Report,
  Scheme,
  Simulation
} from "@gongzhi/points-ledger"
import { Effect, Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, expectTypeOf, it } from "vitest"
import { base, catalog, codes, d, earn, ok, setup } from "./fixtures.js"

const codesOf = (r: Result.Result<unknown, ValidationReport.ValidationReport>) => codes(r)

describe("Scheme", () => {
  describe("presets", () => {
    it("decodes every shipped scheme and catalog", () => {
      for (
        const scheme of [Presets.pingliScheme, Presets.honganLoveBankScheme, Presets.hailinScheme,
          Presets.neverExpireScheme]
      ) {
        expect(Scheme.Scheme.decode(scheme)._tag).toBe("Success")
      }
      for (const c of [Presets.pingliCatalog, Presets.honganLoveBankCatalog, catalog]) {
        expect(RedemptionCatalog.RedemptionCatalog.decode(c)._tag).toBe("Success")
      }
    })

    it("survives a JSON round trip (documents are data)", () => {
      const json = JSON.parse(JSON.stringify(Presets.pingliScheme))
      expect(ok(Scheme.Scheme.decode(json))).toEqual(Presets.pingliScheme)
    })

    it("exports a JSON Schema and a Standard Schema", () => {
      const schema = Scheme.Scheme.jsonSchema()
      expect(schema.$schema).toContain("2020-12")
      expect(JSON.stringify(schema)).toContain("activities")
      const validate = Scheme.Scheme.standardSchema("en")["~standard"].validate({ kind: "points-scheme" })
      expect("issues" in validate && validate.issues !== undefined && validate.issues.length > 0).toBe(true)
    })
  })

  describe("errors", () => {
    it("LEDGER_DUPLICATE_ID and LEDGER_CAPS_INCONSISTENT, all at once", () => {
      const bad = {
        ...Presets.pingliScheme,
        activities: [...Presets.pingliScheme.activities, Presets.pingliScheme.activities[0]!],
        caps: { perDay: 200, perMonth: 100, perYear: 50 }
      }
      const result = Scheme.Scheme.decode(bad)
      expect([...codesOf(result)].sort()).toEqual([
        "LEDGER_CAPS_INCONSISTENT",
        "LEDGER_CAPS_INCONSISTENT",
        "LEDGER_CAPS_INCONSISTENT",
        "LEDGER_DUPLICATE_ID"
      ])
      if (result._tag === "Failure") {
        expect(result.failure.issues.find((i) => i.code === "LEDGER_DUPLICATE_ID")!.path).toEqual(["activities", 5,
          "id"])
      }
      expect(Scheme.Scheme.decode(Presets.pingliScheme)._tag).toBe("Success")
    })

    it("reports bad rates with paths", () => {
      const bad = {
        ...Presets.hailinScheme,
        activities: [{
          id: "v",
          label: { zh: "志愿", en: "v" },
          rule: { _tag: "PerHour", minutesPerUnit: 0, pointsPerUnit: 1, rounding: "sideways" }
        }]
      }
      const result = Scheme.Scheme.decode(bad)
      expect(result._tag).toBe("Failure")
      if (result._tag === "Failure") expect(result.failure.issues.length).toBeGreaterThanOrEqual(2)
    })
  })

  describe("pointsFor", () => {
    it("converts minutes by rate, rounding and cap", () => {
      const rule = (rounding: Scheme.Rounding): Scheme.Activity => ({
        id: "v",
        label: { zh: "志愿", en: "v" },
        rule: { _tag: "PerHour", minutesPerUnit: 120, pointsPerUnit: 1, rounding }
      })
      expect(Scheme.pointsOf(rule("down"), 300)).toEqual(Result.succeed(2))
      expect(Scheme.pointsOf(rule("up"), 300)).toEqual(Result.succeed(3))
      expect(Scheme.pointsOf(rule("nearest"), 300)).toEqual(Result.succeed(3))
      expect(Scheme.pointsOf(rule("nearest"), 170)).toEqual(Result.succeed(1))
      expect(Scheme.pointsOf(rule("up"), 240)).toEqual(Result.succeed(2))
      expect(codesOf(Scheme.pointsOf(rule("down"), 60))).toEqual(["LEDGER_AMOUNT_NOT_POSITIVE"])
      expect(codesOf(Scheme.pointsOf(rule("down"), 1.5))).toEqual(["LEDGER_AMOUNT_NOT_POSITIVE"])
      expect(codesOf(Scheme.pointsFor(Presets.hailinScheme, "nope", 60))).toEqual(["LEDGER_UNKNOWN_ACTIVITY"])
      expect(Scheme.pointsFor(Presets.pingliScheme, "fireDuty")).toEqual(Result.succeed(20))
    })

    it("never credits more than the cap of minutes (property)", () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), (minutes) => {
        const points = Scheme.pointsFor(Presets.hailinScheme, "volunteerService", minutes)
        if (points._tag === "Success") expect(points.success).toBeLessThanOrEqual(2)
        else expect(minutes).toBeLessThan(60)
      }))
    })
  })

  describe("expiresOn", () => {
    it("follows the scheme's expiry", () => {
      expect(Scheme.expiresOn(Presets.pingliScheme, d("2024-03-05"))).toBe("2024-12-31")
      expect(Scheme.expiresOn(Presets.honganLoveBankScheme, d("2024-03-05"))).toBe("2025-03-05")
      expect(Scheme.expiresOn(Presets.neverExpireScheme, d("2024-03-05"))).toBe(Scheme.never)
      expect(Scheme.approversRequired(Presets.neverExpireScheme, Presets.neverExpireScheme.activities[0]!)).toBe(0)
      expect(Scheme.approversRequired(Presets.pingliScheme, Scheme.findActivity(Presets.pingliScheme, "mediation")!))
        .toBe(2)
    })
  })
})

describe("RedemptionCatalog", () => {
  describe("errors", () => {
    it("LEDGER_VALIDITY_REVERSED and LEDGER_DUPLICATE_ID", () => {
      const bad = {
        ...Presets.pingliCatalog,
        items: [
          ...Presets.pingliCatalog.items,
          { id: "rice", label: { zh: "米", en: "rice" }, price: 1 },
          { id: "cake", label: { zh: "月饼", en: "cake" }, price: 1, validFrom: "2024-09-17", validTo: "2024-09-01" }
        ]
      }
      expect([...codesOf(RedemptionCatalog.RedemptionCatalog.decode(bad))].sort()).toEqual(["LEDGER_DUPLICATE_ID",
        "LEDGER_VALIDITY_REVERSED"])
      expect(RedemptionCatalog.isAvailableOn(catalog.items[5]!, d("2024-09-05"))).toBe(true)
    })
  })
})

describe("Report", () => {
  describe("queries", () => {
    it("statement lists every line with running balances", () => {
      const j = ok(
        Journal.append(base(), {
          _tag: "Redeem",
          key: "r",
          on: d("2024-02-12"),
          account: "ha",
          item: "rice",
          quantity: 1
        })
      ).journal
      const s = ok(Report.statement(j, "ha", Period.month(2024, 2)))
      expect(s.opening).toBe(50)
      expect(s.closing).toBe(50)
      expect(s.earned).toBe(50)
      expect(s.lines.map((l) => l.amount)).toEqual([10, 10, 10, 10, 10, -50])
      expect(s.lines[s.lines.length - 1]!.available).toBe(50)
      expect(codes(Report.statement(j, "nobody", Period.year(2024)))).toEqual(["LEDGER_UNKNOWN_ACCOUNT"])
    })

    it("leaderboard: ties share a rank, top keeps the tied rows", () => {
      const j = ok(Journal.appendAll(base(), [
        {
          _tag: "Open",
          key: "o-li",
          on: d("2024-02-12"),
          account: "li",
          holder: { name: "李明", roles: ["resident"] }
        },
        earn("li", "cleaning", "2024-02-12")
      ])).journal
      const board = Report.leaderboard(j)
      expect(board.map((s) => [s.account, s.rank])).toEqual([["ha", 1], ["zhou", 1], ["li", 3]])
      expect(Report.leaderboard(j, { top: 1 }).map((s) => s.account)).toEqual(["ha", "zhou"])
      expect(Report.leaderboard(j, { period: Period.month(2024, 1) }).map((s) => s.earned)).toEqual([50, 50])
      expect(Report.leaderboard(j, { period: Period.month(2024, 3), includeZero: true }).map((s) => s.earned)).toEqual([
        0,
        0,
        0
      ])
      expect(Report.formatLeaderboard(board, "zh")).toContain("李明")
    })

    it("public notice masks names and shows no account ids", () => {
      const notice = Report.publicNotice(base(), Period.year(2024))
      expect(notice.rows.map((r) => r.name)).toEqual(["哈*喜", "周*宏"])
      expect(JSON.stringify(notice)).not.toContain("\"ha\"")
      expect(Report.formatNotice(notice, "en")).toContain("哈*喜")
      expect(Report.formatNotice(notice, "zh")).toContain("公示")
    })

    it("reports per activity and per month", () => {
      const j = ok(Journal.appendAll(base(), [
        { _tag: "Reverse", key: "x", on: d("2024-02-12"), target: "seed-ha-3", reason: "错" },
        { _tag: "Expire", key: "e", on: d("2025-01-01") }
      ])).journal
      const activities = Report.byActivity(j, Period.year(2024))
      expect(activities.find((a) => a.activity === "cleaning")).toMatchObject({ events: 19, points: 190 })
      const months = Report.byMonth(j, Period.year(2024))
      expect(months[0]).toMatchObject({ month: "2024-01", issued: 100 })
      expect(months[1]).toMatchObject({ month: "2024-02", issued: 90 })
      expect(Report.byMonth(j, Period.year(2025))[0]).toMatchObject({ expired: 190 })
      expect(Report.reconcile(j)).toMatchObject({ issued: 190, expired: 190, available: 0, balanced: true })
    })
  })
})

describe("JournalStore", () => {
  describe("layers", () => {
    it("stores appended entries and rejects a stale writer", () => {
      const program = Effect.gen(function*() {
        const store = yield* JournalStore.JournalStore
        const j = Journal.make(setup)
        const a = yield* JournalStore.appendCommand(j, {
          _tag: "Open",
          key: "o",
          on: d("2024-01-02"),
          account: "ha",
          holder: { name: "哈安喜", roles: ["resident"] }
        })
        // a second writer that still holds the empty journal
        const stale = yield* Effect.result(store.append(Journal.entries(a.journal), 0))
        const again = yield* JournalStore.appendCommand(a.journal, {
          _tag: "Open",
          key: "o",
          on: d("2024-01-02"),
          account: "ha",
          holder: { name: "哈安喜", roles: ["resident"] }
        })
        const bad = yield* Effect.result(
          JournalStore.appendCommand(a.journal, earn("nobody", "cleaning", "2024-01-03"))
        )
        return { stale, again, stored: yield* store.read(0), bad }
      })
      const out = Effect.runSync(Effect.provide(program, JournalStore.layerMemory()))
      expect(out.stale._tag).toBe("Failure")
      expect(out.again.replayed).toBe(true)
      expect(out.stored).toHaveLength(1)
      expect(out.bad._tag).toBe("Failure")
    })

    it("refuses to load a tampered store", () => {
      const entries = [...Journal.entries(base())]
      entries[1] = { ...entries[1]!, command: { ...entries[1]!.command, key: "forged" } }
      const loaded = Effect.runSync(
        Effect.result(Effect.provide(JournalStore.load(setup), JournalStore.layerMemory(entries)))
      )
      expect(loaded._tag).toBe("Failure")
    })
  })
})

describe("Simulation", () => {
  describe("generators", () => {
    it("is deterministic and every command is accepted", () => {
      const a = Simulation.pingliYear({ seed: 9, residents: 10 })
      const b = Simulation.pingliYear({ seed: 9, residents: 10 })
      expect(Entry.canonical(a.commands)).toBe(Entry.canonical(b.commands))
      const j = ok(Journal.appendAll(Journal.make(a.setup), a.commands)).journal
      expect(j.length).toBe(a.commands.length)
      expect(Entry.canonical(Simulation.pingliYear({ seed: 10, residents: 10 }).commands)).not.toBe(
        Entry.canonical(a.commands)
      )
    })
  })
})

describe("types", () => {
  it("has the public signatures", () => {
    expectTypeOf(Journal.stockOf).parameters.toEqualTypeOf<[Journal.Journal, string]>()
    expectTypeOf(Journal.append(Journal.make(setup), earn("ha", "cleaning", "2024-01-02"))).toEqualTypeOf<
      Result.Result<Journal.Appended, ValidationReport.ValidationReport>
    >()
    expectTypeOf(Journal.balance).returns.toEqualTypeOf<
      Result.Result<Journal.Balance, ValidationReport.ValidationReport>
    >()
    expectTypeOf(Report.leaderboard).returns.toEqualTypeOf<ReadonlyArray<Report.Standing>>()
    expectTypeOf(Journal.verify).returns.toEqualTypeOf<Entry.Verification>()
    expectTypeOf<Scheme.Scheme["kind"]>().toEqualTypeOf<"points-scheme">()
    expectTypeOf<Command.Kind>().toEqualTypeOf<
      | "Open"
      | "Earn"
      | "Redeem"
      | "Hold"
      | "Release"
      | "Settle"
      | "Adjust"
      | "Reverse"
      | "Transfer"
      | "Donate"
      | "Expire"
    >()
    expectTypeOf(JournalStore.load).returns.toEqualTypeOf<
      Effect.Effect<Journal.Journal, ValidationReport.ValidationReport, JournalStore.JournalStore>
    >()
    expect(Schema.is(Command.Command)({ _tag: "Expire", key: "k", on: "2024-01-01" })).toBe(true)
  })
})
