/**
 * The 綦江 problem list and the triage policy that splits it.
 *
 * @since 0.1.0
 */
import { ValidationReport } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import * as ThreeLists from "../ThreeLists.js"

const problems: ReadonlyArray<readonly [string, string, ThreeLists.Urgency, number, ReadonlyArray<string>]> = [
  ["楼道堆放杂物", "environment", "normal", 1, ["楼道"]],
  ["小区路灯损坏", "repairs", "high", 6, ["路灯", "照明"]],
  ["老人助餐点用餐排队", "elderly-care", "normal", 3, ["助餐"]],
  ["消防通道被占用", "safety", "high", 2, ["消防通道"]],
  ["消防泵老化需更换", "safety", "critical", 4, ["消防泵", "消防"]],
  ["广场舞噪音扰民", "culture", "low", 1, ["噪音"]],
  ["雨污管网堵塞", "repairs", "high", 3, ["管网", "排水"]],
  ["学生放学无人看护", "child-care", "normal", 5, ["四点半课堂"]],
  ["小区道路坑洼", "repairs", "normal", 2, ["道路"]],
  ["公交站点太远", "transport", "normal", 1, ["公交"]],
  ["独居老人就医不便", "health", "high", 8, ["义诊", "上门"]],
  ["垃圾分类宣传不到位", "environment", "low", 1, ["垃圾分类"]],
  ["失业人员求职难", "employment", "normal", 12, ["招聘"]]
]

/**
 * The 綦江 problem list: 52 problems collected by the 8 branches of one community (the seed
 * reports "50+"), in the need-list format, all raised in June 2024. Some the community solves
 * itself, others need the grand committee's resources (see `ThreeLists.triage`).
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/co-building-agreement"
 *
 * const list = Presets.qijiangProblemList()
 * console.log(list.length, new Set(list.map((n) => n.raisedBy.name)).size) // 52 8
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const qijiangProblemList = (): ReadonlyArray<ThreeLists.Need> =>
  ValidationReport.getOrThrow(
    ValidationReport.decodeUnknown(Schema.Array(ThreeLists.Need))(
      Array.from({ length: 52 }, (_, i) => {
        const [description, category, urgency, quantity, tags] = problems[i % problems.length]!
        const branch = (i % 8) + 1
        return {
          id: `qj-${String(i + 1).padStart(3, "0")}`,
          grandCommittee: "qijiang-community",
          category,
          tags,
          urgency,
          quantity,
          raisedBy: { kind: "branch", name: `第${"一二三四五六七八"[branch - 1]}党支部` },
          raisedOn: `2024-06-${String((i % 28) + 1).padStart(2, "0")}`,
          description,
          status: "open",
          grid: `qijiang-grid-${branch}`
        }
      })
    )
  )

/**
 * The triage policy used with the 綦江 problem list: the community handles environment,
 * culture, elderly care, child care, party study, legal and volunteer matters that are no more
 * than `normal` and ask for at most 5; everything else goes to the grand committee.
 *
 * @example
 * ```ts
 * import { Presets, ThreeLists } from "@gongzhi/co-building-agreement"
 *
 * const split = ThreeLists.triage(Presets.qijiangProblemList(), Presets.qijiangTriagePolicy)
 * console.log(split.community.length, split.grandCommittee.length) // 20 32
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const qijiangTriagePolicy: ThreeLists.TriagePolicy = {
  communityCategories: ["environment", "culture", "elderly-care", "child-care", "party-study", "legal", "volunteers"],
  communityMaxUrgency: "normal",
  communityMaxQuantity: 5
}
