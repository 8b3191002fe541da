/**
 * Regression tests of issue 16 (nothing wrong gets through): untrusted commands, journals
 * without a hash chain, truncation and rewrites against a known head, copied journal values,
 * lookups by names from input, id and list rules of documents and commands, and masking in
 * the public notice. Each test fails without its fix.
 */
import { Period, ValidationReport } from "@gongzhi/core"
import {
  Command,
  Entry,
  Journal,
  JournalStore,
  Presets,
  RedemptionCatalog,
  Report,
  Scheme
} from "@gongzhi/points-ledger"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { base, codes, d, earn, ok, open, setup } from "./fixtures.js"

const last = "2024-02-12"

/** Exported as JSON and read back with the package's own decoder, then replayed. */
const reloads = (journal: Journal.Journal) => {
  const decoded = Entry.decodeAll(JSON.parse(JSON.stringify(Journal.entries(journal))))
  if (decoded._tag === "Failure") return decoded
  return Journal.replay({ ...setup, hashChain: journal.hashChain }, decoded.success)
}

describe("Journal", () => {
  describe("append (untrusted commands)", () => {
    const refused: ReadonlyArray<readonly [string, unknown]> = [
      ["an Open with an empty name", { ...open("li", "李明", last), holder: { name: "", roles: ["resident"] } }],
      ["an Open with no roles", { ...open("li", "李明", last), holder: { name: "李明", roles: [] } }],
      ["an Open with a role twice", {
        ...open("li", "李明", last),
        holder: { name: "李明", roles: ["resident", "resident"] }
      }],
      ["an Open with an unknown role", { ...open("li", "李明", last), holder: { name: "李明", roles: ["king"] } }],
      ["an Open with a padded account id", { ...open(" li ", "李明", last) }],
      ["an Open with a NUL in the account id", { ...open("l\u0000i", "李明", last) }],
      ["an Open with a lone surrogate in the name", {
        ...open("li", "李明", last),
        holder: { name: "李\ud800", roles: ["resident"] }
      }],
      ["an Open with a 1 MB account id", { ...open("x".repeat(1 << 20), "李明", last) }],
      ["an Earn with minutes -1", earn("ha", "cleaning", last, { minutes: -1 })],
      ["an Earn with minutes 1.5", earn("ha", "cleaning", last, { minutes: 1.5 })],
      ["an Earn with minutes \"x\"", earn("ha", "cleaning", last, { minutes: "x" as never })],
      ["an Earn with minutes 2^53 + 2", earn("ha", "cleaning", last, { minutes: 2 ** 53 + 2 })],
      ["an Earn with an approver twice", earn("ha", "cleaning", last, { approvedBy: ["sec", "sec"] })],
      ["an Earn with a note that is not text", earn("ha", "cleaning", last, { note: 5 as never })],
      ["an Adjust with an empty reason", {
        _tag: "Adjust",
        key: "a1",
        on: d(last),
        account: "ha",
        amount: 5,
        reason: " ",
        approvedBy: "sec"
      }],
      ["a Reverse with no reason", { _tag: "Reverse", key: "x1", on: d(last), target: "seed-ha-3" }],
      ["an expectedSeq of 1.5", earn("ha", "cleaning", last, { expectedSeq: 1.5 })]
    ]
    for (const [name, command] of refused) {
      it(`refuses ${name}, changing nothing`, () => {
        const j = base()
        const before = Journal.head(j)
        const result = Journal.append(j, command as Command.Command)
        expect(result._tag).toBe("Failure")
        expect(Journal.head(j)).toEqual(before)
        expect(Command.decode(command)._tag).toBe("Failure")
      })
    }

    it("reports the schema's problems and the ledger's at once", () => {
      const result = Journal.append(base(), earn("nobody", "cleaning", last, { minutes: -1, approvedBy: [] }))
      expect([...codes(result)].sort()).toEqual(
        ["CORE_SCHEMA_INVALID_VALUE", "LEDGER_APPROVAL_MISSING", "LEDGER_UNKNOWN_ACCOUNT"].sort()
      )
      if (result._tag === "Failure") {
        expect(result.failure.issues.find((i) => i.code === "CORE_SCHEMA_INVALID_VALUE")?.path).toEqual(["minutes"])
      }
    })

    it("refuses fields the command's kind does not have (a typo is not ignored), and stores no undefined", () => {
      const typo = { ...earn("ha", "cleaning", last), expectedSq: 0 }
      expect(codes(Journal.append(base(), typo))).toEqual(["CORE_SCHEMA_UNEXPECTED_KEY"])
      const command = { ...earn("ha", "cleaning", last), note: undefined }
      const appended = ok(Journal.append(base(), command as unknown as Command.Command))
      expect(Object.keys(appended.entry!.command)).toEqual(["_tag", "key", "on", "account", "activity", "approvedBy"])
      expect(reloads(appended.journal)._tag).toBe("Success")
    })

    it("turns a throwing getter or a Proxy into a failure, never an exception", () => {
      const getter = { ...earn("ha", "cleaning", last) }
      Object.defineProperty(getter, "account", {
        get: () => {
          throw new Error("boom")
        },
        enumerable: true
      })
      expect(codes(Journal.append(base(), getter))).toEqual(["LEDGER_COMMAND_UNREADABLE"])
      const proxy = new Proxy({}, {
        get: () => {
          throw new Error("trap")
        }
      })
      expect(codes(Journal.append(base(), proxy as never))).toEqual(["LEDGER_COMMAND_UNREADABLE"])
      const sparse = { ...earn("ha", "cleaning", last), approvedBy: new Array<string>(2) }
      expect(Journal.append(base(), sparse)._tag).toBe("Failure")
      for (const junk of [null, 5, "x", [], { _tag: "__proto__" }, { _tag: "constructor" }]) {
        expect(codes(Journal.append(base(), junk as never))).toEqual(["LEDGER_UNKNOWN_COMMAND"])
      }
    })

    it("whatever it accepts loads again with Entry.decodeAll (fuzzed commands)", () => {
      const field = fc.oneof(
        fc.constantFrom("ha", "zhou", "cleaning", "rice", "seed-ha-3", "sec", " ", " x ", "\u0000", "\ud800", ""),
        fc.integer({ min: -3, max: 300 }),
        fc.constantFrom(1.5, 2 ** 53 + 2, Number.NaN, Infinity, null, undefined, true),
        fc.constant(["sec"]),
        fc.constant(["sec", "sec"]),
        fc.constant([1]),
        fc.constant({ name: "李明", roles: ["resident"] }),
        fc.constant({ name: " ", roles: ["resident"] })
      )
      const kinds = ["Open", "Earn", "Redeem", "Hold", "Release", "Settle", "Adjust", "Reverse", "Transfer", "Donate",
        "Expire"]
      const commandArb = fc.record({
        _tag: fc.constantFrom(...kinds),
        key: fc.oneof(fc.constant("fz"), field),
        on: fc.constantFrom(last, "2024-02-30", 5),
        account: field,
        holder: field,
        activity: field,
        minutes: field,
        approvedBy: field,
        note: field,
        item: field,
        quantity: field,
        hold: field,
        amount: field,
        reason: field,
        target: field,
        from: field,
        to: field,
        expectedSeq: field
      }, { requiredKeys: ["_tag", "key", "on"] })
      const own: Record<string, ReadonlyArray<string>> = {
        Open: ["account", "holder"],
        Earn: ["account", "activity", "minutes", "approvedBy", "note"],
        Redeem: ["account", "item", "quantity"],
        Hold: ["account", "item", "quantity"],
        Release: ["hold"],
        Settle: ["hold"],
        Adjust: ["account", "amount", "reason", "approvedBy"],
        Reverse: ["target", "reason"],
        Transfer: ["from", "to", "amount"],
        Donate: ["from", "amount"],
        Expire: []
      }
      // mostly the fields of the command's kind, sometimes a stray one
      const arb = fc.tuple(commandArb, fc.boolean(), fc.integer({ min: 0, max: 9 })).map(([c, stray, roll]) =>
        Object.fromEntries(
          Object.entries(c).filter(([k]) =>
            ["_tag", "key", "on", "expectedSeq", ...own[c._tag]!].includes(k) || (stray && roll === 0)
          )
        )
      )
      const start = base()
      let accepted = 0
      fc.assert(
        fc.property(arb, (command) => {
          const result = Journal.append(start, command as never)
          if (result._tag === "Failure") {
            expect(result.failure.issues.length).toBeGreaterThan(0)
            return
          }
          accepted++
          // what is stored decodes (an undefined optional field is left out, not stored)
          const stored = result.success.entry?.command
          if (stored !== undefined) expect(Command.decode(JSON.parse(JSON.stringify(stored)))._tag).toBe("Success")
          expect(reloads(result.success.journal)._tag).toBe("Success")
        }),
        { numRuns: 3_000 }
      )
      expect(accepted).toBeGreaterThan(0)
    })

    it("appendTrusted skips the field checks, and is named so", () => {
      const on = d(last)
      const trusted = Journal.appendTrusted(base(), {
        _tag: "Open",
        key: "o-li",
        on,
        account: "li",
        holder: { name: "李明", roles: ["resident"] }
      })
      expect(trusted._tag).toBe("Success")
    })
  })

  describe("hashChain: false", () => {
    it("verifies and reloads a journal kept without a hash chain", () => {
      const unchained = ok(Journal.appendAll(Journal.make({ ...setup, hashChain: false }), [
        open("ha", "哈安喜", last),
        earn("ha", "cleaning", last)
      ])).journal
      expect(Journal.verify(unchained)._tag).toBe("Intact")
      const entries = Journal.entries(unchained)
      expect(entries[0]!.prevHash).toBe("")
      expect(Entry.verify(entries, { hashChain: false })._tag).toBe("Intact")
      // an unchained list is not a chain, and a chained one is not unchained
      expect(Entry.verify(entries)).toMatchObject({ _tag: "Broken", index: 0, reason: "prevHash" })
      expect(Entry.verify(Journal.entries(base()), { hashChain: false })).toMatchObject({ _tag: "Broken", index: 0 })
      expect(reloads(unchained)._tag).toBe("Success")
      expect(Journal.head(unchained)).toEqual({ seq: 1, hash: "" })
    })
  })

  describe("head", () => {
    it("finds entries cut off at the end, which the chain alone cannot", () => {
      const j = base()
      const head = Journal.head(j)
      const entries = Journal.entries(j)
      expect(head).toEqual({ seq: entries.length - 1, hash: Journal.lastHash(j) })
      for (let cut = 1; cut <= entries.length; cut++) {
        const truncated = entries.slice(0, entries.length - cut)
        expect(Entry.verify(truncated)._tag).toBe("Intact") // what the chain cannot see
        expect(Entry.verify(truncated, { head })).toEqual({
          _tag: "Broken",
          index: truncated.length,
          reason: "truncated"
        })
        expect(codes(Journal.replay(setup, truncated, { head }))).toEqual(["LEDGER_HEAD_NOT_REACHED"])
      }
      expect(Journal.verify(j, { head })._tag).toBe("Intact")
      expect(Journal.verify(ok(Journal.append(j, earn("ha", "cleaning", last))).journal, { head })._tag).toBe("Intact")
    })

    it("finds a full rewrite with recomputed hashes", () => {
      const j = base()
      const head = Journal.head(j)
      // rewrite entry 3 with one more point of the same activity and recompute every hash after it
      const rewritten: Array<Entry.Entry> = []
      let prev = Entry.genesis
      for (const e of Journal.entries(j)) {
        const command = e.seq === 3 ? { ...e.command, key: "forged" } : e.command
        const hash = Entry.hashOf(prev, e.seq, command, e.postings)
        rewritten.push({ ...e, command, prevHash: prev, hash })
        prev = hash
      }
      expect(Entry.verify(rewritten)._tag).toBe("Intact")
      expect(Entry.verify(rewritten, { head })).toEqual({ _tag: "Broken", index: head.seq, reason: "head" })
      expect(codes(Journal.replay(setup, rewritten, { head }))).toEqual(["LEDGER_HEAD_MISMATCH"])
    })

    it("is published in the public notice", () => {
      const j = base()
      const notice = Report.publicNotice(j, Period.year(2024))
      expect(notice.head).toEqual(Journal.head(j))
      expect(Report.formatNotice(notice, "en")).toContain(Journal.lastHash(j))
    })

    it("is checked by JournalStore.load", () => {
      const j = base()
      const head = Journal.head(j)
      const program = JournalStore.load(setup, { head })
      const full = Effect.runSync(Effect.result(Effect.provide(program, JournalStore.layerMemory(Journal.entries(j)))))
      expect(full._tag).toBe("Success")
      const cut = Effect.runSync(
        Effect.result(Effect.provide(program, JournalStore.layerMemory(Journal.entries(j).slice(0, 5))))
      )
      expect(cut._tag === "Failure" && cut.failure.issues[0]?.code).toBe("LEDGER_HEAD_NOT_REACHED")
    })
  })

  describe("copies (structuredClone, JSON)", () => {
    for (
      const [name, copy] of [
        ["structuredClone", (j: Journal.Journal) => structuredClone(j)],
        ["JSON", (j: Journal.Journal) => JSON.parse(JSON.stringify(j)) as Journal.Journal]
      ] as const
    ) {
      it(`answers a ${name} copy with a failure that says how to rebuild it, never a TypeError`, () => {
        const j = base()
        const copied = copy(j)
        const appended = Journal.append(copied, earn("ha", "cleaning", last))
        expect(codes(appended)).toEqual(["LEDGER_JOURNAL_DETACHED"])
        if (appended._tag === "Failure") expect(appended.failure.issues[0]!.message.en).toContain("Journal.fromEntries")
        expect(codes(Journal.appendAll(copied, []))).toEqual(["LEDGER_JOURNAL_DETACHED"])
        expect(codes(Journal.balance(copied, "ha"))).toEqual(["LEDGER_JOURNAL_DETACHED"])
        expect(codes(Report.statement(copied, "ha", Period.year(2024)))).toEqual(["LEDGER_JOURNAL_DETACHED"])
        expect(Journal.verify(copied)).toEqual({ _tag: "Broken", index: 0, reason: "detached" })
        // the getters that cannot fail read it as empty
        expect(Journal.entries(copied)).toEqual([])
        expect(Report.reconcile(copied).issued).toBe(0)
        expect(Report.leaderboard(copied)).toEqual([])
        // rebuilt from its entries, it is the same journal
        const rebuilt = ok(Journal.fromEntries(setup, Journal.entries(j)))
        expect(Journal.head(rebuilt)).toEqual(Journal.head(j))
      })
    }
  })
})

describe("commands JSON cannot make", () => {
  it("a field whose value cannot be made text (toString throws, or there is none) is a failure, not a throw", () => {
    const journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
    const open = { _tag: "Open", on: "2024-01-08", account: "a", holder: { name: "周玉宏", roles: ["resident"] } }
    const keys: ReadonlyArray<unknown> = [
      {
        toString() {
          throw new Error("boom")
        }
      },
      [Object.create(null)],
      Object.create(null),
      Symbol("k"),
      (() => {
        const { proxy, revoke } = Proxy.revocable({}, {})
        revoke()
        return proxy
      })()
    ]
    for (const key of keys) {
      const result = Journal.append(journal, { ...open, key } as never)
      expect(result._tag).toBe("Failure")
      if (result._tag === "Failure") {
        expect(result.failure.issues.length).toBeGreaterThan(0)
        for (const issue of result.failure.issues) expect(issue.code).toMatch(/^(LEDGER|CORE)_/)
      }
    }
    expect(journal.length).toBe(0)
  })
})

describe("Presets", () => {
  it("finds presets by a name from input among their own names only", () => {
    expect(Presets.schemeNamed("preset:pingli")).toBe(Presets.pingliScheme)
    expect(Presets.catalogNamed("hongan-love-bank")).toBe(Presets.honganLoveBankCatalog)
    for (const name of ["preset:constructor", "constructor", "__proto__", "toString", "hasOwnProperty", 5]) {
      expect(Presets.schemeNamed(name)).toBeUndefined()
      expect(Presets.catalogNamed(name)).toBeUndefined()
    }
  })
})

describe("Scheme", () => {
  const bad = [" ", " x ", "a\u0000b", "\ud800", "x".repeat(1 << 20), ""]
  it("refuses activity and scheme ids that break core's id rules", () => {
    for (const id of bad) {
      const activity = { ...Presets.pingliScheme.activities[0]!, id }
      expect(Scheme.Scheme.decode({ ...Presets.pingliScheme, activities: [activity] })._tag).toBe("Failure")
      expect(Scheme.Scheme.decode({ ...Presets.pingliScheme, id })._tag).toBe("Failure")
    }
    const lone = Scheme.Scheme.decode({ ...Presets.pingliScheme, id: "a\udc00" })
    expect(lone._tag === "Failure" && lone.failure.issues.map((i) => i.code)).toContain("LEDGER_TEXT_MALFORMED")
  })

  it("refuses a role given twice", () => {
    const twice = Scheme.Scheme.decode({ ...Presets.pingliScheme, roles: ["resident", "resident"] })
    expect(codes(twice)).toContain("LEDGER_DUPLICATE_ID")
    if (twice._tag === "Failure") expect(twice.failure.issues[0]!.path).toEqual(["roles", 1])
    const activity = { ...Presets.pingliScheme.activities[0]!, roles: ["partyMember", "partyMember"] }
    expect(codes(Scheme.Scheme.decode({ ...Presets.pingliScheme, activities: [activity] }))).toContain(
      "LEDGER_DUPLICATE_ID"
    )
  })
})

describe("RedemptionCatalog", () => {
  it("refuses item and catalog ids that break core's id rules", () => {
    for (const id of [" ", " x ", "a\u0000b", "\ud800", "x".repeat(1 << 20)]) {
      const item = { ...Presets.pingliCatalog.items[0]!, id }
      expect(RedemptionCatalog.RedemptionCatalog.decode({ ...Presets.pingliCatalog, items: [item] })._tag).toBe(
        "Failure"
      )
      expect(RedemptionCatalog.RedemptionCatalog.decode({ ...Presets.pingliCatalog, id })._tag).toBe("Failure")
    }
  })
})

describe("Command", () => {
  it("refuses free text that is too long or only white space", () => {
    const long = Command.decode({ ...earn("ha", "cleaning", last), note: "x".repeat(2001) })
    expect(codes(long)).toEqual(["LEDGER_TEXT_TOO_LONG"])
    const blank = Command.decode({ _tag: "Reverse", key: "x", on: last, target: "t", reason: "  " })
    expect(codes(blank)).toEqual(["LEDGER_TEXT_EMPTY"])
  })
})

describe("Report", () => {
  describe("publicNotice", () => {
    it("masks personal data in every field, the free-text grid included", () => {
      const j = ok(Journal.appendAll(Journal.make(setup), [
        {
          _tag: "Open",
          key: "o",
          on: d(last),
          account: "wang",
          holder: {
            name: "王小明",
            roles: ["resident"],
            grid: "网格员电话13812345678 身份证110101199003071234 邮箱 wang@example.com"
          }
        },
        earn("wang", "cleaning", last)
      ])).journal
      const notice = Report.publicNotice(j, Period.year(2024), {
        title: { zh: "联系 13912345678 积分公示", en: "notice, call 13912345678" }
      })
      const text = JSON.stringify(notice) + Report.formatNotice(notice, "zh") + Report.formatNotice(notice, "en")
      for (const secret of ["13812345678", "110101199003071234", "13912345678", "wang@example.com", "小明"]) {
        expect(text).not.toContain(secret)
      }
      expect(notice.rows[0]!.grid).toContain("138****5678")
    })
  })
})

describe("ValidationReport", () => {
  it("formats the new messages in both languages", () => {
    const r = Journal.append(base(), { _tag: "Nope" } as never)
    expect(ValidationReport.format(r._tag === "Failure" ? r.failure : ValidationReport.empty, "zh")).toContain(
      "LEDGER_UNKNOWN_COMMAND"
    )
  })
})
