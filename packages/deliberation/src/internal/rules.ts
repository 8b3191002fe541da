/**
 * The decision rules shipped as presets, each citing its source.
 *
 * @internal
 */
import type * as DecisionRule from "../DecisionRule.js"
import * as Fraction from "../Fraction.js"

const noExclusions: DecisionRule.DecisionRule["exclusions"] = {
  allowed: false,
  reasons: [],
  approval: { zh: "不适用", en: "not applicable" }
}

const civilCode = { zh: "《中华人民共和国民法典》", en: "Civil Code of the PRC" }

/** @internal */
export const ownersOrdinary: DecisionRule.DecisionRule = {
  kind: "deliberation-decision-rule",
  schemaVersion: 1,
  id: "civil-code-278-ordinary",
  name: {
    zh: "业主共同决定一般事项（含使用维修资金）",
    en: "owners' ordinary matters (using the maintenance fund included)"
  },
  class: "owners-ordinary",
  electorate: "owners",
  dimensions: ["area", "headcount"],
  quorum: [
    { dimension: "area", base: "eligible", threshold: Fraction.twoThirds },
    { dimension: "headcount", base: "eligible", threshold: Fraction.twoThirds }
  ],
  pass: [
    { dimension: "area", base: "participants", threshold: Fraction.moreThanHalf },
    { dimension: "headcount", base: "participants", threshold: Fraction.moreThanHalf }
  ],
  abstentions: "participant",
  spoiled: "participant",
  writtenOpinions: "not-allowed",
  exclusions: noExclusions,
  proxies: { allowed: true },
  source: {
    title: civilCode,
    article: "第二百七十八条第二款",
    note: {
      zh:
        "专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；经参与表决专有部分面积过半数且参与表决人数过半数的业主同意。面积与人数按《最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释》第八、九条计算。",
      en:
        "Owners with at least 2/3 of the exclusive area and at least 2/3 of the headcount take part; passed with more than half of the participating area and more than half of the participating owners. Area and headcount as the Supreme People's Court interpretation on condominium ownership, Arts. 8–9, count them."
    }
  }
}

/** @internal */
export const ownersSpecial: DecisionRule.DecisionRule = {
  ...ownersOrdinary,
  id: "civil-code-278-special",
  name: {
    zh: "业主共同决定重大事项（筹集维修资金；改建、重建；改变共有部分用途或利用共有部分经营）",
    en:
      "owners' special matters (raising the maintenance fund; rebuilding; changing the use of common parts or running a business on them)"
  },
  class: "owners-special",
  pass: [
    { dimension: "area", base: "participants", threshold: Fraction.threeQuarters },
    { dimension: "headcount", base: "participants", threshold: Fraction.threeQuarters }
  ],
  source: {
    title: civilCode,
    article: "第二百七十八条第一款第六项至第八项、第二款",
    note: {
      zh: "经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意。",
      en: "Passed with at least 3/4 of the participating area and at least 3/4 of the participating owners."
    }
  }
}

const branchRules = {
  zh: "《中国共产党支部工作条例（试行）》",
  en: "Regulations on the Work of Party Branches (Trial)"
}

const partyExclusions: DecisionRule.DecisionRule["exclusions"] = {
  allowed: true,
  reasons: [
    {
      id: "unable-to-express",
      label: { zh: "因疾病等原因不能表达本人意志", en: "unable to express their will (illness)" }
    },
    { id: "abroad", label: { zh: "出国半年以上", en: "abroad for more than half a year" } },
    { id: "detained", label: { zh: "正在拘留或服刑", en: "detained or serving a sentence" } },
    { id: "bedridden", label: { zh: "年老体弱卧床不起或长期生病生活不能自理", en: "bedridden or long ill" } },
    {
      id: "away-without-transfer",
      label: {
        zh: "外出半年以上，按规定应转走组织关系而未转走",
        en: "away for more than half a year without transferring their relation"
      }
    },
    { id: "floating-applied", label: { zh: "流动党员本人申请", en: "floating member who applied" } }
  ],
  approval: { zh: "经上级党组织同意", en: "the higher party organisation's approval" }
}

/** @internal */
export const branchMeeting: DecisionRule.DecisionRule = {
  kind: "deliberation-decision-rule",
  schemaVersion: 1,
  id: "branch-rules-art-11",
  name: { zh: "支部党员大会表决", en: "vote of a branch general meeting" },
  class: "branch-meeting",
  electorate: "members",
  dimensions: ["headcount"],
  quorum: [{ dimension: "headcount", base: "shouldAttend", threshold: Fraction.moreThanHalf }],
  pass: [{ dimension: "headcount", base: "shouldAttend", threshold: Fraction.moreThanHalf }],
  abstentions: "participant",
  spoiled: "participant",
  writtenOpinions: "count",
  exclusions: partyExclusions,
  proxies: { allowed: false },
  source: {
    title: branchRules,
    article: "第十一条",
    note: {
      zh:
        "表决必须有半数以上有表决权的党员到会方可进行，赞成人数超过应到会有表决权的党员的半数为通过；预备党员没有表决权。接收预备党员时，因故不能到会的正式党员会前正式提出的书面意见统计在票数之内。",
      en:
        "A vote needs more than half of the members with a vote present; it passes when those in favour are more than half of the members with a vote who should attend; probationary members have no vote. When admitting a probationary member, absent full members' written opinions submitted before the meeting count in the votes."
    }
  }
}

/** @internal */
export const partyElection: DecisionRule.DecisionRule = {
  ...branchMeeting,
  id: "party-election",
  name: { zh: "党的基层组织选举", en: "election in a grassroots party organisation" },
  class: "party-election",
  quorum: [{ dimension: "headcount", base: "shouldAttend", threshold: Fraction.fourFifths }],
  pass: [{ dimension: "headcount", base: "shouldAttend", threshold: Fraction.moreThanHalf }],
  writtenOpinions: "not-allowed",
  source: {
    title: {
      zh: "《中国共产党基层组织选举工作条例》（2020）",
      en: "Regulations on Elections in Grassroots Party Organisations (2020)"
    },
    article: "第五条；第三章（选举的实施）",
    note: {
      zh:
        "有选举权的到会人数不少于应到会人数的五分之四，会议有效；被选举人获得的赞成票超过应到会有选举权人数的半数，始得当选。预备党员没有选举权。（1990 年暂行条例的表述为\"超过应到会人数的五分之四\"和\"超过实到会有选举权的人数的一半\"。）",
      en:
        "Valid when those with the right to vote present are at least 4/5 of those who should attend; a candidate is elected with more than half of those with the right to vote who should attend. Probationary members have no vote. (The 1990 provisional regulations said more than 4/5, and more than half of those present.)"
    }
  }
}

/** @internal */
export const branchCommittee: DecisionRule.DecisionRule = {
  ...branchMeeting,
  id: "branch-committee-meeting",
  name: { zh: "支部委员会会议", en: "branch committee meeting" },
  class: "branch-committee",
  quorum: [{ dimension: "headcount", base: "shouldAttend", threshold: Fraction.moreThanHalf }],
  pass: [{ dimension: "headcount", base: "shouldAttend", threshold: Fraction.moreThanHalf }],
  writtenOpinions: "not-allowed",
  exclusions: noExclusions,
  source: {
    title: branchRules,
    article: "第四章（工作机制）",
    note: {
      zh: "支部委员会会议须有半数以上委员到会方可召开；决定问题按少数服从多数，预设取超过应到会委员半数（可改）。",
      en:
        "A branch committee meeting needs more than half of the committee present; decisions by majority, preset as more than half of the committee (overridable)."
    }
  }
}

/** @internal */
export const residentsMeeting: DecisionRule.DecisionRule = {
  kind: "deliberation-decision-rule",
  schemaVersion: 1,
  id: "residents-committee-law-art-9",
  name: { zh: "居民会议", en: "residents' meeting" },
  class: "residents-meeting",
  electorate: "members",
  dimensions: ["headcount"],
  quorum: [{ dimension: "headcount", base: "eligible", threshold: Fraction.moreThanHalf }],
  pass: [{ dimension: "headcount", base: "participants", threshold: Fraction.moreThanHalf }],
  abstentions: "participant",
  spoiled: "participant",
  writtenOpinions: "not-allowed",
  exclusions: noExclusions,
  proxies: { allowed: false },
  source: {
    title: { zh: "《中华人民共和国城市居民委员会组织法》", en: "Organic Law of Urban Residents' Committees" },
    article: "第九条（1989 年文本，2018 年修正）",
    note: {
      zh:
        "居民会议必须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行；会议的决定，由出席人的过半数通过。（2025 年修订后条文编号可能不同。）",
      en:
        "A residents' meeting needs more than half of the adult residents, household representatives or group representatives present; its decisions pass with more than half of those present. (Article numbers may differ after the 2025 revision.)"
    }
  }
}

/** @internal */
export const all: ReadonlyArray<DecisionRule.DecisionRule> = Object.freeze([
  ownersOrdinary,
  ownersSpecial,
  branchMeeting,
  partyElection,
  branchCommittee,
  residentsMeeting
])

/** @internal */
export const byId = (id: string): DecisionRule.DecisionRule | undefined => all.find((rule) => rule.id === id)
