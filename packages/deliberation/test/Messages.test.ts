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
  ["Process.record redo of no step", () =>
    Process.record(Process.example(), {
      _tag: "Redone",
      on: "2024-10-09",
      people: [],
      units: [],
      evidence: [],
      step: "foo" as never,
      reason: "x"
    })],
  ["Process.record unknown event", () =>
    Process.record(
      Process.example(),
      { _tag: "Foo", on: "2024-10-09", people: [], units: [], evidence: [] } as never
    )],
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

/** The zh and en of the one issue of a refused outcome, with its code and params. */
const only = (r: Outcome) => {
  const issues = issuesOf(r)
  expect(issues.length).toBe(1)
  const { code, message, params } = issues[0]!
  return { code, zh: message.zh, en: message.en, params }
}

const record = (on: string) => ({ on, people: ["葛精莉"], units: ["业委会"], evidence: [] })
const decided = { ...Tally.decision(Tally.example(), "2024-10-30"), passed: true, rule: "civil-code-278-ordinary" }

describe("Messages of steps, fund classes and electorates", () => {
  const sorted = Process.record(Process.example(), {
    _tag: "Sorted",
    ...record("2024-10-10"),
    scope: { estates: [], buildings: ["1"] },
    rule: "civil-code-278-ordinary"
  })
  if (sorted._tag !== "Success") throw new Error("sorting failed")

  it("DELIB_PROCESS_STEP_OUT_OF_ORDER names both steps in each language", () => {
    expect(only(Process.record(Process.example(), { _tag: "Handled", ...record("2024-10-20") }))).toEqual({
      code: "DELIB_PROCESS_STEP_OUT_OF_ORDER",
      zh: "现在应进行\"小区分事\"，不能进行\"综合办事\"",
      en: "The next step is \"sort per estate\"; \"handle jointly\" cannot be done now",
      params: { step: "handle", expected: "sort" }
    })
  })

  it("DELIB_PROCESS_STEP_OUT_OF_ORDER after the seventh step says all are done", () => {
    let s = sorted.success
    for (
      const event of [
        { _tag: "Discussed", ...record("2024-10-15") },
        { _tag: "Decided", ...record("2024-10-30"), decision: decided },
        { _tag: "Handled", ...record("2024-11-20") },
        { _tag: "Published", ...record("2024-11-21"), notice: "notice-1", until: "2024-11-28" },
        { _tag: "FedBack", ...record("2024-12-01"), feedback: "feedback-1" }
      ] as const
    ) {
      const next = Process.record(s, event)
      if (next._tag !== "Success") throw new Error(event._tag)
      s = next.success
    }
    expect(only(Process.record(s, { _tag: "Published", ...record("2024-12-02"), notice: "n", until: "2024-12-09" })))
      .toEqual({
        code: "DELIB_PROCESS_STEP_OUT_OF_ORDER",
        zh: "七步均已完成，不能进行\"结果公示\"",
        en: "All seven steps are done; \"publish the result\" cannot be done now",
        params: { step: "publish", expected: "none" }
      })
    // raising again once all seven are done: the same "none", not a stringified undefined
    expect(only(Process.record(s, { _tag: "Raised", ...record("2024-12-02"), matter: s.matter }))).toEqual({
      code: "DELIB_PROCESS_STEP_OUT_OF_ORDER",
      zh: "议题已经提出，不能进行\"公开提事\"",
      en: "The matter has already been raised; \"raise openly\" cannot be done now",
      params: { step: "raise", expected: "none" }
    })
  })

  it("DELIB_PROCESS_STEP_OUT_OF_ORDER for raising twice says the matter is raised", () => {
    const s = Process.example()
    expect(only(Process.record(s, { _tag: "Raised", ...record("2024-10-09"), matter: s.matter }))).toEqual({
      code: "DELIB_PROCESS_STEP_OUT_OF_ORDER",
      zh: "议题已经提出，不能进行\"公开提事\"",
      en: "The matter has already been raised; \"raise openly\" cannot be done now",
      params: { step: "raise", expected: "sort" }
    })
  })

  it("DELIB_PROCESS_STEP_OUT_OF_ORDER of a replay names the first event's step, not its tag", () => {
    expect(only(Process.replay(sorted.success.history.slice(1)))).toEqual({
      code: "DELIB_PROCESS_STEP_OUT_OF_ORDER",
      zh: "现在应进行\"公开提事\"，不能进行\"小区分事\"",
      en: "The next step is \"raise openly\"; \"sort per estate\" cannot be done now",
      params: { step: "Sorted", expected: "raise" }
    })
    const redone = { _tag: "Redone", ...record("2024-10-10"), step: "sort", reason: "x" } as const
    expect(only(Process.replay([redone]))).toMatchObject({
      zh: "现在应进行\"公开提事\"，不能进行\"重做一步\"",
      en: "The next step is \"raise openly\"; \"redo a step\" cannot be done now"
    })
    expect(only(Process.replay([]))).toEqual({
      code: "DELIB_PROCESS_STEP_OUT_OF_ORDER",
      zh: "现在应进行\"公开提事\"，不能进行\"（没有事件）\"",
      en: "The next step is \"raise openly\"; \"(no event)\" cannot be done now",
      params: { step: "undefined", expected: "raise" }
    })
  })

  it("DELIB_PROCESS_REDO_NOT_DONE names the step in each language", () => {
    expect(
      only(Process.record(sorted.success, { _tag: "Redone", ...record("2024-10-11"), step: "decide", reason: "x" }))
    ).toEqual({
      code: "DELIB_PROCESS_REDO_NOT_DONE",
      zh: "\"民主定事\"尚未完成，无需重做",
      en: "\"decide democratically\" has not been done; there is nothing to redo",
      params: { step: "decide" }
    })
  })

  it("DELIB_PROCESS_REDO_RAISE says raising cannot be redone and what to do instead", () => {
    for (const s of [Process.example(), sorted.success]) {
      expect(only(Process.record(s, { _tag: "Redone", ...record("2024-10-12"), step: "raise", reason: "x" })))
        .toEqual({
          code: "DELIB_PROCESS_REDO_RAISE",
          zh:
            "\"公开提事\"不能重做：议题一经提出便始终在案；要从头再走各步，请重做\"小区分事\"；要改动议题本身，请另行提出新议题",
          en:
            "\"raise openly\" cannot be redone: a matter once raised stays raised; to go through the steps again, redo \"sort per estate\"; to change the matter itself, raise a new one",
          params: { step: "raise", instead: "sort" }
        })
    }
    // what it points to works: a redo of sort goes back to just after raising
    const again = Process.record(sorted.success, { _tag: "Redone", ...record("2024-10-12"), step: "sort", reason: "x" })
    expect(again._tag === "Success" && again.success.done).toEqual(["raise"])
    // a blank reason is still reported beside it
    expect(
      issuesOf(Process.record(sorted.success, { _tag: "Redone", ...record("2024-10-12"), step: "raise", reason: "" }))
        .map((i) => i.code)
    ).toEqual(["DELIB_PROCESS_REDO_RAISE", "DELIB_PROCESS_REASON_REQUIRED"])
  })

  it("DELIB_PROCESS_DECISION_OTHER_MATTER says the same in each language", () => {
    let s = sorted.success
    const discussed = Process.record(s, { _tag: "Discussed", ...record("2024-10-15") })
    if (discussed._tag !== "Success") throw new Error("discussing failed")
    s = discussed.success
    expect(
      only(Process.record(s, { _tag: "Decided", ...record("2024-10-30"), decision: { ...decided, matter: "other" } }))
    ).toEqual({
      code: "DELIB_PROCESS_DECISION_OTHER_MATTER",
      zh: `表决结果针对的是议题 other，不是本议题 ${s.matter.id}`,
      en: `The decision is on the matter other, not on this matter ${s.matter.id}`,
      params: { actual: "other", expected: s.matter.id }
    })
  })

  it("DELIB_FUND_INSUFFICIENT names the source in each language", () => {
    const spend = (from: "interest" | "principal", amount: number) =>
      Fund.post(Fund.example(), {
        _tag: "Spent",
        on: "2024-11-20",
        amount: amount as never,
        from,
        purpose: "外墙",
        decision: from === "interest" ? decided : { ...decided, ruleClass: "owners-special" as const }
      })
    expect(only(spend("interest", 20_000_001))).toEqual({
      code: "DELIB_FUND_INSUFFICIENT",
      zh: "利息余额 20000000 分，不足支出 20000001 分",
      en: "The interest balance of 20000000 fen cannot cover 20000001 fen",
      params: { source: "interest", available: 20_000_000, amount: 20_000_001 }
    })
  })

  it("DELIB_FUND_DECISION_WRONG_CLASS names both classes in each language", () => {
    const spent = Fund.post(Fund.example(), {
      _tag: "Spent",
      on: "2024-11-20",
      amount: 100 as never,
      from: "interest",
      purpose: "外墙",
      decision: { ...decided, ruleClass: "branch-meeting" as const }
    })
    expect(only(spent)).toEqual({
      code: "DELIB_FUND_DECISION_WRONG_CLASS",
      zh: `议题 ${decided.matter} 按"支部党员大会"类规则表决，此项需要"业主共同决定一般事项"类规则`,
      en:
        `The decision on ${decided.matter} was taken by a rule of the class "branch general meeting"; this needs "owners' ordinary matter"`,
      params: { matter: decided.matter, actual: "branch-meeting", expected: "owners-ordinary" }
    })
  })

  it("DELIB_BOX_RULE_ELECTORATE_MISMATCH names both electorates in each language", () => {
    const open = (rule: typeof Presets.ownersOrdinary, electorate: Electorate.Electorate) =>
      Ballots.open({ matter: "m", rule, electorate, opensAt, closesAt })
    const members = Electorate.members([{ id: "m1", name: "党员1", status: "full" }])
    if (members._tag !== "Success") throw new Error("members")
    expect(only(open(Presets.ownersOrdinary, members.success))).toEqual({
      code: "DELIB_BOX_RULE_ELECTORATE_MISMATCH",
      zh: "规则面向业主，名册却是党员或居民名册",
      en: "The rule is for owners but the electorate is of members (party members or residents)",
      params: { expected: "owners", actual: "members" }
    })
    expect(only(open(Presets.branchMeeting, ownersOf([100])))).toMatchObject({
      zh: "规则面向党员或居民，名册却是业主名册",
      en: "The rule is for members (party members or residents) but the electorate is of owners"
    })
  })
})
