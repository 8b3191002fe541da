import { Inputs, type Plan } from "@gongzhi/assessment-scoring"

/** A small plan used across the tests: two dimensions, five leaves, items, a veto, grades, quota, ranking. */
export const simplePlan: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "simple",
  version: "1",
  name: { zh: "测试方案", en: "test plan" },
  subject: { zh: "社区", en: "community" },
  maxTotal: 100,
  indicators: [
    {
      id: "work",
      label: { zh: "工作", en: "work" },
      max: 60,
      children: [
        {
          id: "hours",
          label: { zh: "时长", en: "hours" },
          max: 30,
          method: { name: "linear", config: { floor: 0, target: 50 } }
        },
        {
          id: "meetings",
          label: { zh: "会议", en: "meetings" },
          max: 20,
          method: { name: "deduction-per-occurrence", config: { pointsPerOccurrence: 5 } }
        },
        {
          id: "lists",
          label: { zh: "清单", en: "lists" },
          max: 10,
          method: {
            name: "checklist",
            config: {
              items: [{ id: "a", label: { zh: "甲", en: "a" }, points: 5 }, {
                id: "b",
                label: { zh: "乙", en: "b" },
                points: 5
              }]
            }
          }
        }
      ]
    },
    {
      id: "review",
      label: { zh: "评价", en: "review" },
      max: 40,
      children: [
        { id: "manual", label: { zh: "人工", en: "manual" }, max: 20, method: { name: "manual", config: {} } },
        {
          id: "funds",
          label: { zh: "资金", en: "funds" },
          max: 20,
          method: { name: "rank", config: { order: "higher-is-better", among: "all" } }
        }
      ]
    }
  ],
  bonus: [{ id: "award", label: { zh: "表彰", en: "award" }, points: 2, cap: 4 }],
  bonusCap: 4,
  deductions: [{ id: "complaint", label: { zh: "投诉", en: "complaint" }, points: 3, cap: 9 }],
  vetoes: [
    { id: "incident", label: { zh: "事故", en: "incident" }, effect: { _tag: "ForceGrade", grade: "fail" } },
    {
      id: "slack",
      label: { zh: "懈怠", en: "slack" },
      effect: { _tag: "BarGrades", grades: ["excellent"] },
      when: { "<": [{ "var": "values.hours" }, 5] }
    }
  ],
  rounding: { places: 2, mode: "half-up" },
  grades: {
    bands: [
      { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 },
      { id: "pass", label: { zh: "合格", en: "pass" }, min: 60 },
      { id: "fail", label: { zh: "不合格", en: "fail" }, min: 0 }
    ],
    quotas: [{ grade: "excellent", numerator: 1, denominator: 3, scope: "plan", tie: "exclude-tied" }]
  },
  ranking: { mode: "competition", scope: "plan" },
  consequences: [
    { id: "commend", kind: "commendation", when: { _tag: "Grade", grades: ["excellent"] }, notify: ["subject"] },
    {
      id: "talk",
      kind: "reminder-talk",
      when: { _tag: "Rule", logic: { "<": [{ "var": "total" }, 60] } },
      notify: ["subject", "unit"]
    }
  ]
}

/** A subject of the simple plan with sensible values; override what a test needs. */
export const subject = (
  id: string,
  overrides: Partial<Inputs.Subject> & { values?: Record<string, unknown> } = {}
): Inputs.Subject => ({
  id,
  ...overrides,
  values: {
    hours: 40,
    meetings: 1,
    lists: ["a"],
    manual: { points: 15, justification: "ok" },
    funds: 100,
    ...overrides.values
  }
})

export const simpleInputs = (subjects: ReadonlyArray<Inputs.Subject>): Inputs.Inputs =>
  Inputs.make("simple", subjects, "2024")
