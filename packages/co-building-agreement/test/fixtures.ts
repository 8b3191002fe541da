/** Small builders shared by the tests. */
import { CivilDate, type Issue, ValidationReport } from "@gongzhi/core"
import { Result } from "effect"
import { expect } from "vitest"
import { Agreement, Presets } from "../src/index.js"

export const d = CivilDate.makeUnsafe

export const agreementJson = (overrides: Record<string, unknown> = {}) => ({
  kind: "co-building-agreement",
  schemaVersion: 1,
  id: "mq-2024-01",
  grandCommittee: { id: "mingquan", name: "名泉社区大党委", signatory: "书记" },
  memberUnit: { id: "mq-bank", name: "某银行支行", signatory: "行长" },
  liaisons: { committee: { name: "王" }, unit: { name: "李", phone: "0724-0000000" } },
  term: { start: "2024-01-01", end: "2024-12-31" },
  commitments: [
    { _tag: "Funding", id: "funds", joint: "joint-public-welfare", annualAmount: 2_000_000 },
    { _tag: "Service", id: "study", joint: "joint-study", description: "联合党课", timesPerYear: 4 },
    { _tag: "VolunteerHours", id: "patrol", joint: "joint-safety", hours: 10, per: "month" },
    { _tag: "FacilityOpening", id: "hall", joint: "shared-facilities", facility: "会议室", hoursPerWeek: 7 },
    { _tag: "Service", id: "civility", joint: "joint-civility", description: "文明创建", timesPerYear: 2 }
  ],
  meetings: { minPerYear: 1, maxPerYear: 2 },
  reporting: [{ frequency: "quarterly", to: "街道工委", form: "written" }],
  ...overrides
})

export const agreement = (overrides: Record<string, unknown> = {}): Agreement.Agreement =>
  ValidationReport.getOrThrow(Agreement.decode(agreementJson(overrides)))

export const codesOf = <A>(result: Result.Result<A, ValidationReport.ValidationReport>): ReadonlyArray<string> =>
  Result.isFailure(result) ? result.failure.issues.map((i) => i.code) : []

export const issuesOf = <A>(
  result: Result.Result<A, ValidationReport.ValidationReport>
): ReadonlyArray<Issue.DomainIssue> => Result.isFailure(result) ? result.failure.issues : []

export const ok = <A>(result: Result.Result<A, ValidationReport.ValidationReport>): A => {
  if (Result.isFailure(result)) expect.fail(ValidationReport.format(result.failure, "en"))
  return (result as Result.Success<A, ValidationReport.ValidationReport>).success
}

/** Every issue is bilingual, has a path array and a known severity. */
export const expectWellFormed = (issues: ReadonlyArray<Issue.DomainIssue>) => {
  for (const issue of issues) {
    expect(issue.message.zh.length).toBeGreaterThan(0)
    expect(issue.message.en.length).toBeGreaterThan(0)
    expect(issue.message.zh).not.toMatch(/\{[A-Za-z]+(:label)?\}/)
    expect(issue.message.en).not.toMatch(/\{[A-Za-z]+(:label)?\}/)
    expect(Array.isArray(issue.path)).toBe(true)
  }
}

export const mingquan = () => Presets.mingquanScenario({ year: 2024 })
