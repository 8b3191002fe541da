/**
 * @gongzhi/assessment-scoring on the 綦江 seed: the grand committees of a generated district are
 * scored and ranked (赛马比拼) with the 綦江 plan, their co-building and coverage figures coming
 * through the input adapters; the consequences follow (an outstanding grand committee is
 * commended; a committee member who failed duties loses eligibility for excellent and the
 * member's unit and its supervisor are told); and one score is explained point by point.
 *
 * Run: pnpm demo (or: npx tsx --conditions=@gongzhi/source examples/assessment-scoring.ts)
 */
import {
  AgreementFulfilment,
  Appraisal,
  Assessment,
  Explanation,
  Inputs,
  OrgCoverage,
  Presets
} from "@gongzhi/assessment-scoring"
import { Random, ValidationReport } from "@gongzhi/core"
import { Result } from "effect"

const streets = ["古南街道", "文龙街道", "通惠街道", "新盛街道"]
const communities = ["沱湾", "九龙", "桥河", "陵园", "北渡", "新街", "大南门", "沙溪", "永新", "万兴", "红星", "河西",
  "营盘山", "东林"]

/** Runs the assessment walk-through and returns what it prints. */
export const runAssessmentScoringDemo = (): string => {
  const lines: Array<string> = []
  const say = (line = "") => lines.push(line)
  const random = Random.seeded(2024)
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))

  say("== @gongzhi/assessment-scoring: the 綦江 horse race (赛马比拼) ==")

  // A generated district: 14 grand committees in 4 streets
  const ids = communities.map((_, i) => `gc-${String(i + 1).padStart(2, "0")}`)
  const agreements: Array<AgreementFulfilment.Row> = ids.flatMap((id) =>
    Array.from({ length: between(2, 4) }, (_, k) => {
      const due = between(4, 10)
      return {
        subjectId: id,
        agreementId: `${id}-ag${k + 1}`,
        commitmentsDue: due,
        commitmentsFulfilled: between(Math.floor(due * 0.7), due),
        meetingsHeld: between(8, 12)
      }
    })
  )
  const coverage: Array<OrgCoverage.Row> = ids.map((id) => {
    const households = between(800, 4000)
    return {
      subjectId: id,
      households,
      householdsCovered: between(Math.floor(households * 0.75), households),
      grids: between(3, 9),
      gridsWithBranch: 3
    }
  })
  const base = Inputs.make(
    Presets.qijiangGrandCommittee.id,
    ids.map((id, i): Inputs.Subject => ({
      id,
      name: `${communities[i]}社区大党委`,
      group: streets[i % streets.length]!,
      attributes: { supervisorId: `${streets[i % streets.length]}党工委` },
      previousRank: ((i * 5) % ids.length) + 1,
      values: {
        "problems-resolved": between(72, 100) / 100,
        "three-lists": ["resources", "projects", "needs"].slice(0, between(2, 3)),
        "funds-raised": i === 0 ? 700_000 : between(5, 69) * 10_000, // yuan
        "first-secretary": { points: between(6, 10), justification: "第一书记督导意见", by: "区级部门第一书记" }
      },
      // 沱湾 raised 700,000 yuan for fire pumps and reported without waiting for the whistle
      ...(i === 0
        ? { bonus: { "report-unbidden": 3, "model-promoted": 1 } }
        : random() < 0.3
        ? { bonus: { "report-unbidden": between(1, 3) } }
        : {}),
      ...(random() < 0.4 ? { deductions: { complaint: between(1, 4) } } : {})
    })),
    "2024"
  )
  // The adapters turn co-building and coverage facts into values, without importing those packages
  const withAgreements = ValidationReport.getOrThrow(Inputs.addValues(
    base,
    AgreementFulfilment.toValues(ValidationReport.getOrThrow(AgreementFulfilment.decode(agreements)), {
      fulfilmentRate: "co-building",
      meetings: "joint-meetings"
    })
  ))
  const inputs = ValidationReport.getOrThrow(Inputs.addValues(
    withAgreements,
    OrgCoverage.toValues(coverage, { householdRate: "red-stewards" })
  ))

  const result = Assessment.score(Presets.qijiangGrandCommittee, inputs)
  if (Result.isFailure(result)) return ValidationReport.format(result.failure, "zh")
  const district = result.success
  say(`plan ${district.planId} v${district.planVersion}, period ${district.period}, inputs hash ${district.inputsHash}`)
  say("rank  change  grand committee         street     total   grade  consequences")
  for (const s of Assessment.standings(district)) {
    const change = s.rankChange === undefined || s.rankChange === 0
      ? "  —"
      : s.rankChange > 0
      ? ` ↑${s.rankChange}`
      : ` ↓${-s.rankChange}`
    say(
      `${String(s.rank).padStart(4)}  ${change.padEnd(6)}  ${(s.name ?? s.id).padEnd(12, "　")}  ${
        (s.group ?? "").padEnd(5, "　")
      }  ${s.total.toFixed(2).padStart(6)}  ${(s.grade?.label.zh ?? "").padEnd(3, "　")}  ${
        s.consequences.map((c) => c.label.zh).join("，")
      }`
    )
  }

  // The members of one grand committee: heads of a school, a bank, a property company, a key enterprise
  const members = Inputs.make(Presets.qijiangCommitteeMember.id, [
    {
      id: "cm-school",
      name: "区实验小学校长",
      attributes: { unitId: "区实验小学", supervisorId: "区教委" },
      values: { attendance: 12, tasks: 1, resources: ["venue", "volunteers", "funds"] }
    },
    {
      id: "cm-bank",
      name: "农商行支行行长",
      attributes: { unitId: "农商行古南支行", supervisorId: "区金融办" },
      values: { attendance: 11, tasks: 0.95, resources: ["funds", "venue", "volunteers"] },
      vetoes: [{
        id: "duty-failure",
        reason: {
          zh: "防汛应急“吹哨”后未按要求报到",
          en: "did not report when the whistle blew during the flood emergency"
        }
      }]
    },
    {
      id: "cm-property",
      name: "物业公司经理",
      attributes: { unitId: "渝江物业", supervisorId: "区住建委" },
      values: { attendance: 10, tasks: 0.8, resources: ["venue"] }
    },
    {
      id: "cm-enterprise",
      name: "重点企业负责人",
      attributes: { unitId: "綦江齿轮厂", supervisorId: "区经信委" },
      values: { attendance: 3, tasks: 0.3, resources: [] }
    }
  ], "2024")
  const scored = ValidationReport.getOrThrow(Assessment.score(Presets.qijiangCommitteeMember, members))
  say()
  say("Committee members' duties (履职考核):")
  for (const m of scored.subjects) {
    say(
      `  ${m.name}: ${m.total} → ${m.grade?.label.zh}${
        m.vetoes.length > 0
          ? `（${m.vetoes.map((v) => v.label.zh).join("、")}）`
          : ""
      }`
    )
    for (const c of m.consequences) {
      say(
        `    - ${c.label.zh}${c.notices.length > 0 ? ` → 通知 ${c.notices.map((n) => n.id ?? n.to).join("、")}` : ""}`
      )
    }
  }

  // 红安: the written appraisal of an in-service member, sent to the member's unit
  const ism = ValidationReport.getOrThrow(Assessment.score(
    Presets.honganInServiceAppraisal,
    Inputs.make(
      Presets.honganInServiceAppraisal.id,
      [{
        id: "ism-0001",
        name: "刘洋",
        attributes: { unitId: "县财政局" },
        values: {
          reports: 2,
          "service-hours": 56,
          "love-bank-points": 64,
          wishes: 1,
          community: { points: 18, justification: "疫情期间值守卡点" }
        }
      }],
      "2024"
    )
  ))
  const appraisal = ValidationReport.getOrThrow(Appraisal.make(ism, "ism-0001", {
    community: { id: "hongan-chengdong", name: "城东社区" },
    issuedOn: "2025-01-10"
  }))
  say()
  say(`红安 appraisal to ${appraisal.to.unitId}: ${appraisal.text.zh}`)

  // The explanation of one score, point by point
  const top = Assessment.standings(district)[0]!
  say()
  say("Explanation (得分说明):")
  say(Explanation.format(top, "zh"))
  say()
  say(Explanation.format(top, "en"))
  return lines.join("\n")
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(runAssessmentScoringDemo())
