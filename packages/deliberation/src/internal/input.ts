/**
 * The words of `DELIB_INPUT_INVALID` and `DELIB_INPUT_NOT_ONE_OF`: the param `expected` is a
 * neutral key (`"matterId"`, `"instant"`), the `{expected:label}` placeholder gets its Chinese and
 * English words from here. Text of a caught exception goes to `DELIB_INPUT_UNREADABLE` as it is.
 *
 * @internal
 */
import { Issue } from "@gongzhi/core"
import { messages } from "../Messages.js"

/** What a field or an argument should have been, per `expected` key. @internal */
export const expectedLabels = {
  // ballots and tallies
  matterId: { zh: "应为议题编号", en: "a matter id" },
  instants: { zh: "开始和截止时间应为带时区的标准日期时间", en: "ISO-8601 instants" },
  instant: { zh: "应为带时区的标准日期时间", en: "an ISO-8601 instant" },
  ballot: { zh: "每张表决票应为一个对象", en: "a ballot is an object" },
  channel: { zh: "应为已知的表决方式", en: "a known channel" },
  proxyName: { zh: "应写明受托人姓名", en: "a proxy's name" },
  ballotList: { zh: "表决票应为列表", en: "ballots are a list" },
  rowList: { zh: "名册行应为列表", en: "rows are a list" },
  row: { zh: "每一行应为一个对象", en: "a row is an object" },
  // electorates
  unitList: { zh: "房屋单元应为列表", en: "units are a list" },
  unit: { zh: "每个房屋单元应为一个对象", en: "a unit is an object" },
  unitId: { zh: "房屋单元编号应为非空字符串", en: "a unit id is a non-empty string" },
  building: { zh: "楼栋应为字符串", en: "a building is a string" },
  weight: { zh: "表决权数应为不小于 0 的整数", en: "a weight is a whole number ≥ 0" },
  coOwners: { zh: "共有人应为姓名列表", en: "co-owners are a list of names" },
  owner: { zh: "业主应有非空的编号和姓名", en: "an owner has a non-empty id and a name" },
  memberList: { zh: "成员应为列表", en: "members are a list" },
  member: { zh: "每名成员应为一个对象", en: "a member is an object" },
  memberId: { zh: "成员编号应为非空字符串", en: "a member id is a non-empty string" },
  memberName: { zh: "姓名应为字符串", en: "a name is a string" },
  electorateAndBuildings: { zh: "应为表决权人名册和楼栋列表", en: "an electorate and a list of buildings" },
  // process
  date: { zh: "应为“年-月-日”格式的日期", en: "a date YYYY-MM-DD" },
  people: { zh: "参与人应为姓名列表", en: "people: a list of names" },
  units: { zh: "涉及的房屋单元应为名称列表", en: "units: a list of names" },
  evidence: { zh: "佐证材料应为凭证列表", en: "evidence: a list of references" },
  matter: { zh: "应为议题（写明编号、标题和提出人）", en: "a matter: id, title, raisedBy" },
  decision: { zh: "应为表决结果", en: "a decision" },
  noticeRef: { zh: "应写明公示的凭证编号", en: "the notice's reference" },
  feedbackRef: { zh: "应写明反馈的凭证编号", en: "the feedback's reference" },
  event: { zh: "应为一个流程事件", en: "an event" },
  stateAndElectorate: { zh: "应为流程状态和表决权人名册", en: "a state and an electorate" },
  // notices and feedback
  closedTally: { zh: "结果公示须依据已截止的计票", en: "a result notice needs a closed tally" },
  response: {
    zh: "每条反馈应写明反馈人、日期和满意度（满意、一般或不满意）",
    en: "a response: from, on, satisfaction (satisfied, neutral, dissatisfied)"
  },
  // maintenance fund
  fundId: { zh: "应为维修资金编号", en: "a fund id" },
  name: { zh: "应写明名称", en: "a name" },
  policy: {
    zh: "应为资金规则：审计周期（年）和公布周期（月）不小于 1，并写明从哪部分支出",
    en: "a policy: auditEveryYears ≥ 1, statementEveryMonths ≥ 1, spendFrom"
  },
  passedDecision: { zh: "应为已通过的表决结果", en: "a passed decision" },
  purpose: { zh: "应写明用途", en: "a purpose" },
  period: { zh: "应为起止日期（起始不晚于截止）", en: "a period from ≤ to" },
  statementRef: { zh: "应写明账目公布的凭证编号", en: "the statement's reference" },
  auditor: { zh: "应写明审计人", en: "the auditor" },
  reportRef: { zh: "应写明审计报告的编号", en: "the report's reference" },
  entry: { zh: "应为一笔账目", en: "an entry" },
  fundAndDate: { zh: "应为维修资金和日期", en: "a fund and a date" }
} as const

/** A key of {@link expectedLabels}. @internal */
export type Expected = keyof typeof expectedLabels

/** The fields whose value is one of a fixed list (`DELIB_INPUT_NOT_ONE_OF`). @internal */
export const fieldLabels = {
  choice: { zh: "表决意见", en: "choice" },
  category: { zh: "议题类别", en: "category" },
  source: { zh: "资金来源", en: "source" },
  from: { zh: "支出部分", en: "from" },
  entryKind: { zh: "账目类型", en: "_tag" },
  step: { zh: "步骤", en: "step" },
  eventKind: { zh: "流程事件类型", en: "_tag" }
} as const

/** A key of {@link fieldLabels}. @internal */
export type Field = keyof typeof fieldLabels

/** `DELIB_INPUT_INVALID` at `path`: the input should have been `expected`. @internal */
export const invalidInput = (path: Issue.Path, expected: Expected): Issue.DomainIssue =>
  messages.make("DELIB_INPUT_INVALID", {
    path,
    params: { expected },
    labels: { expected: expectedLabels[expected] }
  })

/** `DELIB_INPUT_NOT_ONE_OF` at `path`: the field `expected` takes one of `allowed`. @internal */
export const notOneOf = (path: Issue.Path, expected: Field, allowed: ReadonlyArray<string>): Issue.DomainIssue =>
  messages.make("DELIB_INPUT_NOT_ONE_OF", {
    path,
    params: { expected, allowed: allowed.join(", ") },
    labels: { expected: fieldLabels[expected] }
  })

/** `DELIB_INPUT_UNREADABLE` at `path`: reading the input threw `cause`, whose text is the `reason`. @internal */
export const unreadable = (path: Issue.Path, cause: unknown): Issue.DomainIssue =>
  messages.make("DELIB_INPUT_UNREADABLE", { path, params: { reason: Issue.describeCause(cause) } })
