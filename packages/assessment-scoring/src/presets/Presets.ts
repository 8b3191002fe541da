/**
 * Shipped plans (预置方案) following national practice and the seeds, each overridable:
 * the democratic evaluation of members (优秀 ≤ 1/3, probationary members ungraded), branch
 * stars ((base − deductions) × 70% + evaluation × 30%, five stars ≤ 30%), the 綦江 grand
 * committee horse race and committee-member plans, and the 红安 appraisal of in-service members.
 * Small example inputs come with them for docs and tests.
 *
 * @since 0.1.0
 */
import type * as Inputs from "../Inputs.js"
import type * as Plan from "../Plan.js"

const excellent = { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 }

/**
 * 党员民主评议: members are assessed by their fellow members (votes 4 = 优秀 … 1 = 不合格,
 * highest and lowest dropped, 70%) and by the branch committee (a justified score, 30%);
 * grades 优秀 / 合格 / 基本合格 / 不合格 with 优秀 ≤ 1/3 of the graded members (ties at the
 * limit all pushed to 合格); probationary members get no grade.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.democraticEvaluation.grades?.quotas?.[0]) // { grade: "excellent", numerator: 1, denominator: 3, … }
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const democraticEvaluation: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "democratic-evaluation",
  version: "2024.1",
  name: { zh: "党员民主评议", en: "democratic evaluation of party members" },
  subject: { zh: "党员", en: "party member" },
  subjects: "people",
  maxTotal: 100,
  indicators: [
    {
      id: "peers",
      label: { zh: "党员互评", en: "evaluation by fellow members" },
      max: 100,
      weight: 70,
      assessors: { aggregate: "trimmed-mean", drop: 1 },
      method: {
        name: "bands",
        config: {
          hitPolicy: "unique",
          bands: [
            { min: 4, points: 100 },
            { min: 3, below: 4, points: 80 },
            { min: 2, below: 3, points: 60 },
            { below: 2, points: 0 }
          ]
        }
      }
    },
    {
      id: "committee",
      label: { zh: "支部委员会评价", en: "evaluation by the branch committee" },
      max: 100,
      weight: 30,
      method: { name: "manual", config: {} }
    }
  ],
  vetoes: [
    {
      id: "serious-violation",
      label: { zh: "严重违反党的纪律", en: "serious breach of party discipline" },
      effect: { _tag: "ForceGrade", grade: "fail" }
    }
  ],
  rounding: { places: 2, mode: "half-up" },
  grades: {
    bands: [
      excellent,
      { id: "pass", label: { zh: "合格", en: "qualified" }, min: 70 },
      { id: "basic", label: { zh: "基本合格", en: "basically qualified" }, min: 60 },
      { id: "fail", label: { zh: "不合格", en: "unqualified" }, min: 0 }
    ],
    quotas: [{ grade: "excellent", numerator: 1, denominator: 3, scope: "plan", tie: "exclude-tied" }],
    ungraded: [{
      attribute: "status",
      equals: "probationary",
      reason: { zh: "预备党员参加评议，不评定等次", en: "probationary members take part but are not graded" }
    }]
  },
  consequences: [
    { id: "priority", kind: "priority-in-awards", when: { _tag: "Grade", grades: ["excellent"] }, notify: ["subject"] },
    { id: "talk", kind: "reminder-talk", when: { _tag: "Grade", grades: ["basic", "fail"] }, notify: ["subject"] }
  ]
}

const votes = (...vs: ReadonlyArray<number>) => vs.map((value, i) => ({ by: `voter-${i + 1}`, value }))
const committee = (points: number, justification: string) => ({ points, justification, by: "支部委员会" })

/**
 * Example inputs of {@link democraticEvaluation}: seven members of a grid branch, one of them
 * probationary; four would be 优秀 by their totals but the 1/3 quota lets two keep it.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.democraticEvaluationExample.subjects.length) // 7
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const democraticEvaluationExample: Inputs.Inputs = {
  kind: "assessment-inputs",
  schemaVersion: 1,
  planId: "democratic-evaluation",
  period: "2024",
  subjects: [
    {
      id: "m-01",
      name: "哈安喜",
      attributes: { status: "full" },
      values: { peers: votes(4, 4, 4, 4, 3), committee: committee(98, "网格长，清扫与志愿服务 400 积分") }
    },
    {
      id: "m-02",
      name: "周玉宏",
      attributes: { status: "full" },
      values: { peers: votes(4, 4, 4, 3, 4), committee: committee(95, "治安巡逻、消防值守 320 积分") }
    },
    {
      id: "m-03",
      name: "李红",
      attributes: { status: "full" },
      values: { peers: votes(4, 4, 4, 4, 2), committee: committee(90, "楼栋党小组长，组织活动积极") }
    },
    {
      id: "m-04",
      name: "王强",
      attributes: { status: "full" },
      values: { peers: votes(4, 4, 3, 4, 4), committee: committee(92, "认领微心愿 3 个") }
    },
    {
      id: "m-05",
      name: "赵敏",
      attributes: { status: "full" },
      values: { peers: votes(3, 3, 3, 4, 2), committee: committee(80, "按时参加组织生活") }
    },
    {
      id: "m-06",
      name: "孙磊",
      attributes: { status: "full" },
      values: { peers: votes(2, 2, 3, 2, 1), committee: committee(65, "全年两次无故缺席组织生活") }
    },
    {
      id: "m-07",
      name: "陈静",
      attributes: { status: "probationary" },
      values: { peers: votes(4, 4, 4, 4, 4), committee: committee(96, "预备期表现突出") }
    }
  ]
}

const starBands = [
  { id: "five-star", label: { zh: "五星", en: "five stars" }, min: 90 },
  { id: "four-star", label: { zh: "四星", en: "four stars" }, min: 80 },
  { id: "three-star", label: { zh: "三星", en: "three stars" }, min: 70 },
  { id: "two-star", label: { zh: "二星", en: "two stars" }, min: 60 },
  { id: "one-star", label: { zh: "一星", en: "one star" }, min: 0 }
]

/**
 * 支部星级评定: a 100-point base checklist (organisation, members, service, records; items
 * never below zero) with bonus and deduction items, and an evaluation by members and residents;
 * total = (base + bonus − deductions) × 70% + evaluation × 30%; 90+ five stars … under 60 one
 * star; five stars ≤ 30% of the branches (those pushed out get four stars).
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.branchStars.formula) // { _tag: "BranchStar", evaluation: "evaluation", baseShare: 70, evaluationShare: 30 }
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const branchStars: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "branch-stars",
  version: "2024.1",
  name: { zh: "党支部星级评定", en: "branch star rating" },
  subject: { zh: "党支部", en: "party branch" },
  subjects: "organisations",
  maxTotal: 100,
  indicators: [
    {
      id: "organisation",
      label: { zh: "组织建设", en: "organisation" },
      max: 30,
      children: [
        {
          id: "three-meetings",
          label: { zh: "“三会一课”缺课次数", en: "\"three meetings and a lesson\" missed" },
          max: 15,
          method: { name: "deduction-per-occurrence", config: { pointsPerOccurrence: 3 } }
        },
        {
          id: "theme-days",
          label: { zh: "主题党日次数", en: "theme party days held" },
          max: 15,
          method: { name: "ratio", config: { target: 12 } }
        }
      ]
    },
    {
      id: "members",
      label: { zh: "党员管理", en: "member management" },
      max: 25,
      children: [
        {
          id: "dues",
          label: { zh: "党费按时交纳比例", en: "share of dues paid on time" },
          max: 10,
          method: { name: "linear", config: { floor: 0.8, target: 1 } }
        },
        {
          id: "files",
          label: { zh: "党员档案与组织关系", en: "member files and transfers" },
          max: 15,
          method: {
            name: "checklist",
            config: {
              items: [
                { id: "roster", label: { zh: "党员花名册完整", en: "complete roster" }, points: 5 },
                { id: "transfers", label: { zh: "组织关系转接及时", en: "transfers on time" }, points: 5 },
                { id: "in-service", label: { zh: "在职党员报到登记", en: "in-service members registered" }, points: 5 }
              ]
            }
          }
        }
      ]
    },
    {
      id: "service",
      label: { zh: "服务群众", en: "service to residents" },
      max: 25,
      children: [
        {
          id: "wishes",
          label: { zh: "认领微心愿", en: "micro-wishes claimed" },
          max: 15,
          method: { name: "ratio", config: { target: 10 } }
        },
        {
          id: "volunteer-hours",
          label: { zh: "志愿服务时长", en: "volunteer hours" },
          max: 10,
          method: { name: "linear", config: { floor: 0, target: 500 } }
        }
      ]
    },
    {
      id: "records",
      label: { zh: "基础台账", en: "records" },
      max: 20,
      method: {
        name: "checklist",
        config: {
          items: [
            { id: "minutes", label: { zh: "会议记录", en: "minutes" }, points: 5 },
            { id: "dues-ledger", label: { zh: "党费台账", en: "dues ledger" }, points: 5 },
            { id: "activity-log", label: { zh: "活动台账", en: "activity log" }, points: 5 },
            { id: "wish-log", label: { zh: "微心愿台账", en: "micro-wish log" }, points: 5 }
          ]
        }
      }
    },
    {
      id: "evaluation",
      label: { zh: "党员群众测评", en: "evaluation by members and residents" },
      max: 100,
      assessors: { aggregate: "mean" },
      method: { name: "linear", config: { floor: 0, target: 100 } }
    }
  ],
  bonus: [{ id: "award", label: { zh: "获上级表彰", en: "award from a higher level" }, points: 3, cap: 6 }],
  bonusCap: 6,
  // stars are rated on 100 points: bonus points lift a total to 100 at most
  totalCap: 100,
  deductions: [
    { id: "rectification", label: { zh: "问题整改不到位", en: "problem not rectified" }, points: 5, cap: 10 },
    { id: "complaint", label: { zh: "群众有效投诉", en: "justified complaint" }, points: 2, cap: 10 }
  ],
  vetoes: [{
    id: "major-violation",
    label: { zh: "党员严重违纪违法", en: "a member's serious breach of discipline or law" },
    effect: { _tag: "ForceGrade", grade: "one-star" }
  }],
  formula: { _tag: "BranchStar", evaluation: "evaluation", baseShare: 70, evaluationShare: 30 },
  rounding: { places: 1, mode: "half-up" },
  grades: {
    bands: starBands,
    quotas: [{
      grade: "five-star",
      numerator: 30,
      denominator: 100,
      scope: "plan",
      tie: "exclude-tied",
      overflowTo: "four-star"
    }]
  },
  // a branch with a veto is ranked after every other branch (and never gets a rank-based benefit)
  ranking: { mode: "competition", scope: "plan", vetoed: "last" }
}

const branch = (
  id: string,
  name: string,
  missed: number,
  themeDays: number,
  dues: number,
  files: ReadonlyArray<string>,
  wishes: number,
  hours: number,
  records: ReadonlyArray<string>,
  evaluation: ReadonlyArray<number>,
  extra: Partial<Inputs.Subject> = {}
): Inputs.Subject => ({
  id,
  name,
  values: {
    "three-meetings": missed,
    "theme-days": themeDays,
    dues,
    files,
    wishes,
    "volunteer-hours": hours,
    records,
    evaluation: evaluation.map((value, i) => ({ by: `assessor-${i + 1}`, value }))
  },
  ...extra
})

const allFiles = ["roster", "transfers", "in-service"]
const allRecords = ["minutes", "dues-ledger", "activity-log", "wish-log"]

/**
 * Example inputs of {@link branchStars}: ten branches of a street; six reach 90 but only
 * three five-star places exist (30% of 10), and one is vetoed to one star.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.branchStarsExample.subjects.map((s) => s.id).join(" "))
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const branchStarsExample: Inputs.Inputs = {
  kind: "assessment-inputs",
  schemaVersion: 1,
  planId: "branch-stars",
  period: "2024",
  subjects: [
    branch("b-01", "名泉社区第一网格党支部", 0, 12, 1, allFiles, 12, 620, allRecords, [96, 95, 98], {
      bonus: { award: 1 }
    }),
    branch("b-02", "名泉社区第二网格党支部", 0, 12, 1, allFiles, 10, 500, allRecords, [94, 92, 95]),
    branch("b-03", "红色物业党支部", 1, 12, 1, allFiles, 11, 520, allRecords, [95, 96, 93], { bonus: { award: 1 } }),
    branch("b-04", "驻区学校联合党支部", 0, 11, 1, allFiles, 10, 480, allRecords, [93, 94, 92]),
    branch("b-05", "功能型党支部", 0, 12, 0.98, allFiles, 10, 510, allRecords, [92, 93, 91]),
    branch("b-06", "老旧小区党支部", 2, 10, 0.95, ["roster", "transfers"], 6, 300, ["minutes", "dues-ledger",
      "activity-log"], [85, 82, 88]),
    branch("b-07", "商圈党支部", 1, 9, 0.9, allFiles, 5, 260, allRecords, [80, 78, 84], {
      deductions: { complaint: 2 }
    }),
    branch("b-08", "银行党支部", 0, 12, 1, allFiles, 8, 400, allRecords, [88, 90, 86]),
    branch("b-09", "三无小区联合党支部", 4, 6, 0.85, ["roster"], 2, 120, ["minutes"], [70, 65, 72], {
      deductions: { rectification: 1 }
    }),
    branch("b-10", "物业公司党支部", 0, 12, 1, allFiles, 12, 550, allRecords, [97, 95, 96], {
      vetoes: [{
        id: "major-violation",
        reason: { zh: "支部党员因违法被立案", en: "a member of the branch was charged with an offence" }
      }]
    })
  ]
}

const gcBands = [
  excellent,
  { id: "good", label: { zh: "良好", en: "good" }, min: 80 },
  { id: "pass", label: { zh: "合格", en: "pass" }, min: 60 },
  { id: "fail", label: { zh: "不合格", en: "fail" }, min: 0 }
]

/**
 * 綦江 community grand committee plan (社区大党委考核, 赛马比拼): monthly joint meetings,
 * problem-list resolution, the three lists, red-steward coverage, co-building agreement
 * fulfilment, funds raised ranked among peers and the first secretary's evaluation; bonus for
 * reporting without waiting for the whistle; a veto for a major incident. Grand committees
 * are ranked across the district; 优秀 ones are commended, the top three get priority in
 * awards, 不合格 ones get a reminder talk.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.qijiangGrandCommittee.indicators.map((i) => i.id).join(", "))
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const qijiangGrandCommittee: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "qijiang-grand-committee",
  version: "2024.1",
  name: { zh: "綦江区社区大党委年度考核", en: "Qijiang annual assessment of community grand committees" },
  subject: { zh: "社区大党委", en: "community grand committee" },
  subjects: "organisations",
  maxTotal: 100,
  indicators: [
    {
      id: "joint-meetings",
      label: { zh: "每月联席会议", en: "monthly joint meetings" },
      max: 10,
      method: {
        name: "bands",
        config: {
          hitPolicy: "unique",
          bands: [{ below: 6, points: 0 }, { min: 6, below: 10, points: 6 }, { min: 10, below: 12, points: 8 }, {
            min: 12,
            points: 10
          }]
        }
      }
    },
    {
      id: "problems-resolved",
      label: { zh: "问题清单办结率", en: "problem list resolved" },
      max: 20,
      method: { name: "ratio", config: { target: 0.9 } }
    },
    {
      id: "three-lists",
      label: { zh: "资源、项目、需求“三张清单”", en: "the three lists: resources, projects, needs" },
      max: 15,
      method: {
        name: "checklist",
        config: {
          items: [
            { id: "resources", label: { zh: "资源清单", en: "resources list" }, points: 5 },
            { id: "projects", label: { zh: "项目清单", en: "projects list" }, points: 5 },
            { id: "needs", label: { zh: "需求清单", en: "needs list" }, points: 5 }
          ]
        }
      }
    },
    {
      id: "red-stewards",
      label: { zh: "红色管家覆盖率", en: "households covered by red stewards" },
      max: 15,
      method: { name: "linear", config: { floor: 0, target: 1 } }
    },
    {
      id: "co-building",
      label: { zh: "共驻共建协议履约率", en: "co-building agreement fulfilment" },
      max: 20,
      method: { name: "linear", config: { floor: 0.6, target: 1 } }
    },
    {
      id: "funds-raised",
      label: { zh: "统筹资金（赛马比拼）", en: "funds raised (horse race)" },
      max: 10,
      method: { name: "rank", config: { order: "higher-is-better", among: "all" } }
    },
    {
      id: "first-secretary",
      label: { zh: "第一书记评价", en: "first secretary's evaluation" },
      max: 10,
      method: { name: "manual", config: {} }
    }
  ],
  bonus: [
    {
      id: "report-unbidden",
      label: { zh: "不等“吹哨”主动报到处置突发事件", en: "reported without waiting for the whistle" },
      points: 2,
      cap: 6
    },
    {
      id: "model-promoted",
      label: { zh: "经验做法被上级推广", en: "practice promoted by a higher level" },
      points: 2,
      cap: 4
    }
  ],
  bonusCap: 10,
  deductions: [
    { id: "complaint", label: { zh: "群众有效投诉", en: "justified complaint" }, points: 1, cap: 10 }
  ],
  deductionCap: 15,
  vetoes: [{
    id: "major-incident",
    label: { zh: "发生重大安全事故或群体性事件", en: "major safety incident or mass incident" },
    effect: { _tag: "ForceGrade", grade: "fail" }
  }],
  rounding: { places: 2, mode: "half-up" },
  grades: { bands: gcBands },
  // a branch with a veto is ranked after every other branch (and never gets a rank-based benefit)
  ranking: { mode: "competition", scope: "plan", vetoed: "last" },
  consequences: [
    {
      id: "commend",
      kind: "commendation",
      label: { zh: "表彰先进社区大党委", en: "commendation of an outstanding grand committee" },
      when: { _tag: "Grade", grades: ["excellent"] },
      notify: ["subject", "supervisor"]
    },
    { id: "priority", kind: "priority-in-awards", when: { _tag: "Rank", top: 3 }, notify: ["subject"] },
    { id: "talk", kind: "reminder-talk", when: { _tag: "Grade", grades: ["fail"] }, notify: ["subject", "supervisor"] }
  ]
}

/**
 * 綦江 grand-committee member plan (大党委成员履职考核): the heads of member units who sit on the
 * grand committee are assessed on meetings attended, tasks claimed and done and resources
 * shared. One who fails duties (attends fewer than half the monthly meetings, or is found so
 * by the committee) loses eligibility for excellent that year, and the member's unit and its
 * supervisor are told; an unfit member gets a reminder talk and may be replaced.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.qijiangCommitteeMember.consequences?.map((c) => c.kind))
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const qijiangCommitteeMember: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "qijiang-committee-member",
  version: "2024.1",
  name: { zh: "綦江区社区大党委成员履职考核", en: "Qijiang assessment of grand committee members' duties" },
  subject: { zh: "大党委兼职委员", en: "part-time grand committee member" },
  subjects: "people",
  maxTotal: 100,
  indicators: [
    {
      id: "attendance",
      label: { zh: "参加联席会议（次/年）", en: "joint meetings attended a year" },
      max: 30,
      method: { name: "ratio", config: { target: 12 } }
    },
    {
      id: "tasks",
      label: { zh: "认领任务完成率", en: "claimed tasks completed" },
      max: 40,
      method: { name: "linear", config: { floor: 0, target: 1 } }
    },
    {
      id: "resources",
      label: { zh: "单位资源共享", en: "unit resources shared" },
      max: 30,
      method: {
        name: "checklist",
        config: {
          items: [
            { id: "venue", label: { zh: "开放场地设施", en: "facilities opened" }, points: 10 },
            { id: "funds", label: { zh: "投入共建资金", en: "co-building funds" }, points: 10 },
            { id: "volunteers", label: { zh: "组织在职党员志愿服务", en: "in-service member volunteers" }, points: 10 }
          ]
        }
      }
    }
  ],
  vetoes: [{
    id: "duty-failure",
    label: { zh: "履职不力", en: "failed duties" },
    effect: { _tag: "BarGrades", grades: ["excellent"] },
    when: { "<": [{ "var": "values.attendance" }, 6] }
  }],
  rounding: { places: 2, mode: "half-up" },
  grades: {
    bands: [
      excellent,
      { id: "competent", label: { zh: "称职", en: "competent" }, min: 70 },
      { id: "basic", label: { zh: "基本称职", en: "basically competent" }, min: 60 },
      { id: "unfit", label: { zh: "不称职", en: "unfit" }, min: 0 }
    ]
  },
  consequences: [
    {
      id: "commend",
      kind: "commendation",
      when: { _tag: "Grade", grades: ["excellent"] },
      notify: ["subject", "unit"]
    },
    {
      id: "no-excellent",
      kind: "loss-of-excellent-eligibility",
      when: { _tag: "Veto", vetoes: ["duty-failure"] },
      notify: ["subject", "unit", "supervisor"]
    },
    {
      id: "notice",
      kind: "notice-to-unit",
      when: { _tag: "Veto", vetoes: ["duty-failure"] },
      notify: ["unit", "supervisor"]
    },
    { id: "talk", kind: "reminder-talk", when: { _tag: "Veto", vetoes: ["duty-failure"] }, notify: ["subject"] },
    { id: "replace", kind: "replacement", when: { _tag: "Grade", grades: ["unfit"] }, notify: ["unit", "supervisor"] }
  ]
}

/**
 * 红安 appraisal of in-service members (在职党员到社区报到鉴定): reports to the community
 * (twice a year for full points, 佛山), volunteer hours (50 a year, 邢台桥西), love-bank points
 * (60 a year), micro-wishes claimed and the community's evaluation; fewer than two reports
 * bar 合格 and above. The written appraisal goes to the member's unit (`Appraisal`).
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.honganInServiceAppraisal.name.zh) // "红安县在职党员到社区报到年度鉴定"
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const honganInServiceAppraisal: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "hongan-in-service-appraisal",
  version: "2024.1",
  name: { zh: "红安县在职党员到社区报到年度鉴定", en: "Hong'an annual appraisal of in-service members" },
  subject: { zh: "在职党员", en: "in-service party member" },
  subjects: "people",
  maxTotal: 100,
  indicators: [
    {
      id: "reports",
      label: { zh: "到社区报到（次/年）", en: "reports to the community a year" },
      max: 20,
      method: {
        name: "expression",
        config: {
          logic: {
            "if": [{ ">=": [{ "var": "value" }, 2] }, { "var": "max" }, { "==": [{ "var": "value" }, 1] }, {
              "/": [{ "var": "max" }, 2]
            }, 0]
          }
        }
      }
    },
    {
      id: "service-hours",
      label: { zh: "志愿服务时长（小时）", en: "volunteer service hours" },
      max: 30,
      method: { name: "linear", config: { floor: 0, target: 50 } }
    },
    {
      id: "love-bank-points",
      label: { zh: "爱心银行积分", en: "love-bank points" },
      max: 20,
      method: { name: "ratio", config: { target: 60 } }
    },
    {
      id: "wishes",
      label: { zh: "认领微心愿（个）", en: "micro-wishes claimed" },
      max: 10,
      optional: true,
      method: { name: "ratio", config: { target: 2 } }
    },
    {
      id: "community",
      label: { zh: "社区评价", en: "the community's evaluation" },
      max: 20,
      method: { name: "manual", config: {} }
    }
  ],
  vetoes: [{
    id: "not-reported",
    label: { zh: "全年报到少于两次", en: "reported fewer than twice this year" },
    effect: { _tag: "BarGrades", grades: ["excellent", "pass"] },
    when: { "<": [{ "var": "values.reports" }, 2] }
  }],
  rounding: { places: 1, mode: "half-up" },
  grades: {
    bands: [
      excellent,
      { id: "pass", label: { zh: "合格", en: "qualified" }, min: 60 },
      { id: "basic", label: { zh: "基本合格", en: "basically qualified" }, min: 45 },
      { id: "fail", label: { zh: "不合格", en: "unqualified" }, min: 0 }
    ]
  },
  consequences: [
    { id: "priority", kind: "priority-in-awards", when: { _tag: "Grade", grades: ["excellent"] }, notify: ["unit"] },
    {
      id: "notice",
      kind: "notice-to-unit",
      when: { _tag: "Grade", grades: ["basic", "fail"] },
      notify: ["unit", "supervisor"]
    }
  ]
}

/**
 * All shipped plans by id: a frozen object without a prototype, so that a name from input
 * (`preset:constructor`) finds nothing rather than an inherited member.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Object.keys(Presets.plans).length, Presets.plans["constructor"]) // 5 undefined
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const plans: Readonly<Record<string, Plan.Plan>> = Object.freeze(Object.assign(
  Object.create(null) as Record<string, Plan.Plan>,
  {
    [democraticEvaluation.id]: democraticEvaluation,
    [branchStars.id]: branchStars,
    [qijiangGrandCommittee.id]: qijiangGrandCommittee,
    [qijiangCommitteeMember.id]: qijiangCommitteeMember,
    [honganInServiceAppraisal.id]: honganInServiceAppraisal
  }
))

/**
 * Looks a shipped plan up by id, among {@link plans}' own members only.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/assessment-scoring"
 *
 * console.log(Presets.get("branch-stars")?.name.zh, Presets.get("toString")) // 党支部星级评定 undefined
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const get = (id: string): Plan.Plan | undefined => (Object.hasOwn(plans, id) ? plans[id] : undefined)
