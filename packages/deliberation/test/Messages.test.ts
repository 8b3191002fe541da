import type { Issue } from "@gongzhi/core"
import { describe, expect, it } from "vitest"
import { Ballots, Electorate, Feedback, Fund, Messages, Notice, Presets, Process, Tally } from "../src/index.js"
import { expectedLabels, fieldLabels } from "../src/internal/input.js"
import { boxOf, closesAt, opensAt, ownersOf, vote } from "./fixtures.js"

type Outcome = { readonly _tag: string; readonly failure?: { readonly issues: ReadonlyArray<Issue.DomainIssue> } }

const issuesOf = (r: Outcome): ReadonlyArray<Issue.DomainIssue> => r.failure?.issues ?? []

// the params whose values a zh message may show as they are: ids, values, instants, lists of
// allowed values, the input's own keys (a column) and the text of an exception (never a phrase of ours)
const verbatim = new Set([
  "reason",
  "allowed",
  "actual",
  "expected",
  "voter",
  "at",
  "opensAt",
  "closesAt",
  "previous",
  "id",
  "matter",
  "rule",
  "proxy",
  "value",
  "column"
])

/** The zh message with the verbatim params taken out: what is left is ours, in Chinese. */
const ownWords = (issue: Issue.DomainIssue): string => {
  let zh = issue.message.zh
  for (const [name, value] of Object.entries(issue.params)) {
    if (verbatim.has(name)) zh = zh.split(String(value)).join("")
  }
  return zh
}

const hostile = new Proxy([{}], {
  get: () => {
    throw new Error("boom")
  }
})

const box = boxOf(Presets.ownersOrdinary, ownersOf([100, 100, 100]))
const fund = Fund.example()

// input the functions refuse as invalid or cannot read, one case per kind of site
const cases: ReadonlyArray<readonly [string, () => Outcome]> = [
  ["Ballots.open(null)", () => Ballots.open(null as never)],
  ["Ballots.open bad matter and window", () =>
    Ballots.open({
      matter: "",
      rule: Presets.ownersOrdinary,
      electorate: ownersOf([100]),
      opensAt: "x" as never,
      closesAt
    })],
  ["Ballots.castAll bad ballots", () =>
    Ballots.castAll(box, [
      { ...vote("o1", "maybe" as never) },
      { ...vote("o1", "yes"), channel: "fax" as never },
      { ...vote("o1", "yes"), at: "later" as never },
      { ...vote("o2", "yes"), proxy: { name: "", authorisation: "x" } },
      7 as never
    ])],
  ["Ballots.castAll not a list", () => Ballots.castAll(box, "x" as never)],
  ["Tally.count bad asOf", () => Tally.count(box, { asOf: "soon" as never })],
  ["Electorate.owners not a list", () => Electorate.owners("x" as never)],
  ["Electorate.owners hostile", () => Electorate.owners(hostile as never)],
  ["Electorate.owners bad units", () =>
    Electorate.owners([
      5 as never,
      { id: "", building: 1 as never, area: 10, owner: { id: "", name: "" }, coOwners: "x" as never }
    ])],
  ["Electorate.members bad members", () => Electorate.members([5 as never, { id: "", name: 1 as never } as never])],
  ["Notice.make(null)", () => Notice.make(null as never)],
  ["Feedback.summarise bad responses",
    () => Feedback.summarise([{ from: "a", on: "x", satisfaction: "meh" as never }, null as never])],
  ["Feedback.summarise not a list", () => Feedback.summarise("x" as never)],
  ["Fund.open(null)", () => Fund.open(null as never)],
  ["Fund.post unknown entry", () => Fund.post(fund, { _tag: "Unknown" } as never)],
  ["Fund.post null", () => Fund.post(fund, null as never)],
  ["Fund.post bad source",
    () => Fund.post(fund, { _tag: "Deposited", on: "2024-12-01", amount: 100 as never, source: "gift" as never })],
  ["Process.raise bad category", () =>
    Process.raise({
      on: "2024-10-09",
      people: "x" as never,
      units: [],
      evidence: [],
      matter: { id: "a", title: "x", category: "toString" as never, raisedBy: "y" }
    } as never)],
  ["Process.raise(null)", () => Process.raise(null as never)],
  ["Process.replay(null)", () => Process.replay(null as never)]
]

describe("Messages", () => {
  it("every code has zh and en templates with the same placeholders", () => {
    // a name may be a label in one language and print its plain (neutral) value in the other
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?::label)?\}/g)].map((m) => m[1]!))].sort()
    for (const code of Messages.messages.codes) {
      const t = Messages.messages.templates[code]
      expect(code).toMatch(/^DELIB_[A-Z_]+$/)
      expect(names(t.zh), code).toEqual(names(t.en))
    }
  })

  it("the words of invalid input are written in Chinese and in English, under neutral keys", () => {
    for (const [key, label] of Object.entries({ ...expectedLabels, ...fieldLabels })) {
      expect(key).toMatch(/^_?[a-z][A-Za-z]*$/)
      expect(label.zh, key).not.toMatch(/[A-Za-z]/)
      expect(label.en.length, key).toBeGreaterThan(0)
    }
  })

  it("no zh message of refused input has English words of ours, and no param carries a phrase", () => {
    const seen = new Set<string>()
    for (const [name, run] of cases) {
      const issues = issuesOf(run())
      expect(issues.length, name).toBeGreaterThan(0)
      for (const issue of issues) {
        seen.add(issue.code)
        expect(ownWords(issue), `${name}: ${issue.code}`).not.toMatch(/[A-Za-z]/)
        expect(issue.message.zh + issue.message.en, name).not.toMatch(/\{\w+(:label)?\}/)
        for (const [param, value] of Object.entries(issue.params)) {
          // a neutral value: an id, a key, a number, a list of keys; a phrase would have spaces
          if (param !== "reason" && param !== "allowed") expect(String(value), `${name}: ${param}`).not.toMatch(/ /)
        }
      }
    }
    expect([...seen].filter((c) => c.startsWith("DELIB_INPUT_")).sort()).toEqual([
      "DELIB_INPUT_INVALID",
      "DELIB_INPUT_NOT_ONE_OF",
      "DELIB_INPUT_UNREADABLE"
    ])
  })

  it("keeps the English of invalid input as it read", () => {
    const [matter] = issuesOf(Ballots.open({
      matter: "",
      rule: Presets.ownersOrdinary,
      electorate: ownersOf([100]),
      opensAt,
      closesAt
    }))
    expect(matter!.message).toEqual({ zh: "输入无效：应为议题编号", en: "Invalid input: a matter id" })
    expect(matter!.params).toEqual({ expected: "matterId" })
    const [choice] = issuesOf(Ballots.cast(box, vote("o1", "maybe" as never)))
    expect(choice!.message).toEqual({
      zh: "输入无效：表决意见应为以下之一：yes, no, abstain, spoiled",
      en: "Invalid input: choice: yes, no, abstain, spoiled"
    })
    expect(choice!.params).toEqual({ expected: "choice", allowed: "yes, no, abstain, spoiled" })
    const [unreadable] = issuesOf(Electorate.owners(hostile as never))
    expect(unreadable!.params).toEqual({ reason: "Error: boom" })
    expect(unreadable!.message.zh).toBe("无法读取输入（Error: boom）")
  })
})
