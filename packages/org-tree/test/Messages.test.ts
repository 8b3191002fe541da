import type { Issue } from "@gongzhi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Messages, OrgRows, OrgTree, Presets, Roster, Validation } from "../src/index.js"
import { typeLabels } from "../src/internal/types.js"
import { asOf, small } from "./fixtures.js"

const issuesOf = (r: Result.Result<unknown, { readonly issues: ReadonlyArray<Issue.DomainIssue> }>) =>
  Result.isFailure(r) ? r.failure.issues : []

const boom = () => {
  throw new Error("boom")
}

// names of the SDK's own functions a message may point to: code, not words to translate
const apiNames = ["OrgRows.document.decode"]

/** The zh message without the values it shows as they are: the sheet's name, the exception's text, API names. */
const ownWords = (issue: Issue.DomainIssue, thrown: string | undefined): string => {
  let zh = issue.message.zh
  const verbatim = [
    ...apiNames,
    ...(typeof issue.params["sheet"] === "string" ? [issue.params["sheet"]] : []),
    // the reason is the text of an exception only when one was thrown: never a phrase of ours
    ...(thrown !== undefined && issue.params["reason"] === thrown ? [thrown] : [])
  ]
  for (const text of verbatim) zh = zh.split(text).join("")
  return zh
}

const tree = Result.getOrThrow(OrgTree.build(small(), Presets.hongan))

// input the roster reader, the builder and the validator cannot read; `thrown` is how the
// reason names the exception the case provokes (Issue.describeCause), if any
const cases: ReadonlyArray<{
  readonly name: string
  readonly thrown?: string
  readonly run: () => ReadonlyArray<Issue.DomainIssue>
}> = [
  { name: "Roster.read(string)", run: () => issuesOf(Roster.read("组织" as never)) },
  { name: "Roster.read(null)", run: () => issuesOf(Roster.read(null as never)) },
  { name: "Roster.read(an object)", run: () => issuesOf(Roster.read({ name: "组织", rows: [] } as never)) },
  { name: "Roster.read rows a string", run: () => issuesOf(Roster.read([{ name: "组织", rows: "x" as never }])) },
  { name: "Roster.read rows null", run: () => issuesOf(Roster.read([{ name: "Org units", rows: null as never }])) },
  {
    name: "Roster.read hostile",
    thrown: "Error: boom",
    run: () => issuesOf(Roster.read(new Proxy([], { get: boom }) as never))
  },
  {
    name: "OrgTree.build hostile",
    thrown: "Error: boom",
    run: () =>
      issuesOf(OrgTree.build(new Proxy({ orgUnits: [] }, { get: boom }) as unknown as OrgRows.Rows, Presets.hongan))
  },
  {
    name: "Validation.validate hostile options",
    thrown: "Error: boom",
    run: () => Validation.validate(tree, new Proxy({ asOf }, { get: boom })).issues
  }
]

describe("Messages", () => {
  it("every code has zh and en templates with the same placeholders", () => {
    // a name may be a label in one language and print its plain (neutral) value in the other
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?::label)?\}/g)].map((m) => m[1]!))].sort()
    for (const code of Messages.messages.codes) {
      const t = Messages.messages.templates[code]
      expect(code).toMatch(/^ORG_[A-Z_]+$/)
      expect(names(t.zh), code).toEqual(names(t.en))
    }
  })

  it("the words of a JavaScript type are written in Chinese and in English", () => {
    for (const [type, label] of Object.entries(typeLabels)) {
      expect(label.zh, type).not.toMatch(/[A-Za-z]/)
      // the English names the type as a sentence says it: "a string", "an object", "null"
      expect(label.en).toBe(
        type === "null" || type === "undefined" ? type : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`
      )
    }
  })

  it("no zh message of unreadable input has English words of ours, and no param carries a phrase", () => {
    const seen = new Set<string>()
    for (const c of cases) {
      const issues = c.run()
      expect(issues.length, c.name).toBeGreaterThan(0)
      for (const issue of issues) {
        seen.add(issue.code)
        expect(ownWords(issue, c.thrown), `${c.name}: ${issue.code}`).not.toMatch(/[A-Za-z]/)
        expect(issue.message.zh + issue.message.en, c.name).not.toMatch(/\{\w+(:label)?\}/)
        for (const [param, value] of Object.entries(issue.params)) {
          // a neutral value: a key or a type; the reason and the sheet's name are the input's own text
          if (param !== "reason" && param !== "sheet") expect(String(value), `${c.name}: ${param}`).not.toMatch(/ /)
        }
      }
    }
    expect([...seen].sort()).toEqual([
      "ORG_ROSTER_ROWS_NOT_A_LIST",
      "ORG_ROSTER_SHEETS_NOT_A_LIST",
      "ORG_ROWS_UNREADABLE"
    ])
  })

  it("names the type given in each language", () => {
    const [sheets] = issuesOf(Roster.read("x" as never))
    expect(sheets!.message).toEqual({
      zh: "花名册的各表应放在一个列表中，实际为字符串",
      en: "The sheets of a roster should be a list; got a string"
    })
    expect(sheets!.params).toEqual({ actual: "string" })
    const [rows] = issuesOf(Roster.read([{ name: "组织", rows: null as never }]))
    expect(rows!.message).toEqual({
      zh: "表 组织 的行应为列表，实际为空值",
      en: "The rows of sheet 组织 should be a list; got null"
    })
    expect(rows!.params).toEqual({ sheet: "组织", actual: "null" })
    expect(rows!.path).toEqual(["组织"])
    const [object] = issuesOf(Roster.read([{ name: "职务", rows: {} as never }]))
    expect(object!.message).toEqual({
      zh: "表 职务 的行应为列表，实际为对象",
      en: "The rows of sheet 职务 should be a list; got an object"
    })
    const [unreadable] = issuesOf(Roster.read(new Proxy([], { get: boom }) as never))
    expect(unreadable!.params).toEqual({ reason: "Error: boom" })
  })
})

describe("ORG_ROSTER_DUPLICATE_SHEET", () => {
  it("names the table in each language, its key stays the param", () => {
    const read = Roster.read([
      { name: "组织", rows: [["编号", "名称", "类型"]] },
      { name: "orgUnits", rows: [["编号", "名称", "类型"]] },
      { name: "人员", rows: [["编号", "姓名"]] },
      { name: "people", rows: [["编号", "姓名"]] }
    ])
    const duplicates = issuesOf(read).filter((i) => i.code === "ORG_ROSTER_DUPLICATE_SHEET")
    expect(duplicates.map((i) => ({ zh: i.message.zh, en: i.message.en, params: i.params }))).toEqual([
      {
        zh: "表 orgUnits 与前面的表都是组织表，已忽略",
        en: "Sheet orgUnits holds the org units like an earlier sheet and was ignored",
        params: { sheet: "orgUnits", table: "orgUnits" }
      },
      {
        zh: "表 people 与前面的表都是人员表，已忽略",
        en: "Sheet people holds the people like an earlier sheet and was ignored",
        params: { sheet: "people", table: "people" }
      }
    ])
  })
})
