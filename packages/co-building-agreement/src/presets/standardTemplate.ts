/**
 * The standard agreement template shipped with the package (名泉-style clauses).
 *
 * @since 0.1.0
 */
import { ValidationReport } from "@gongzhi/core"
import * as Template from "../Template.js"

/**
 * The standard co-building agreement template (共驻共建协议范本), after 名泉社区's practice:
 * all five joints, at least 10,000 yuan of co-building funds a year, 1–2 joint meetings a
 * year, a quarterly written report to the street working committee, a one-year term (at most
 * three years), and the standard clauses (liaison, facilities, activity log, assessment).
 * Every value can be overridden by a county's own template document.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/co-building-agreement"
 *
 * console.log(Presets.standardTemplate.meetings) // { minPerYear: 1, maxPerYear: 2 }
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const standardTemplate: Template.Template = ValidationReport.getOrThrow(Template.document.decode({
  kind: "co-building-agreement-template",
  schemaVersion: 1,
  id: "standard-2024",
  name: { zh: "共驻共建协议范本（名泉式）", en: "Standard co-building agreement (Mingquan style)" },
  requiredJoints: ["joint-study", "joint-safety", "joint-public-welfare", "shared-facilities", "joint-civility"],
  minimumAnnualFunding: 1_000_000,
  meetings: { minPerYear: 1, maxPerYear: 2 },
  reporting: [{ frequency: "quarterly", to: "街道工委", form: "written" }],
  termMonths: 12,
  maxTermMonths: 36,
  clauses: [
    {
      id: "parties",
      text: {
        zh: "甲方为社区大党委，乙方为驻区单位党组织；双方本着共驻共建、资源共享、优势互补的原则签订本协议。",
        en:
          "Party A is the community grand party committee, party B the member unit's party organisation; both sign in the spirit of co-building and sharing."
      }
    },
    {
      id: "liaison",
      text: {
        zh: "双方各明确一名联络员，负责日常联系、活动登记和台账管理。",
        en: "Each party names a liaison person for day-to-day contact, the activity log and records."
      }
    },
    {
      id: "five-joints",
      text: {
        zh: "双方围绕联学联做、平安联创、公益联办、设施联用、文明联创开展共建。",
        en: "The parties co-build along the five joints: study, safety, public welfare, facilities and civility."
      }
    },
    {
      id: "meetings",
      text: {
        zh: "乙方参加社区大党委每年1至2次联席会议，通报共建情况、研究共建事项。",
        en: "Party B attends the grand committee's 1–2 joint meetings a year to report and decide on co-building."
      }
    },
    {
      id: "reporting",
      text: {
        zh: "每季度向街道工委书面报告共建履约情况。",
        en: "A written report on fulfilment goes to the street working committee every quarter."
      }
    },
    {
      id: "assessment",
      text: {
        zh: "履约情况纳入驻区单位党建工作考核和社区大党委成员年度考核。",
        en:
          "Fulfilment counts in the member unit's party-building assessment and the committee members' annual assessment."
      }
    }
  ]
}))
