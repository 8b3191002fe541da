/**
 * A walk through @gongzhi/core on the seeds' numbers: money as people write it, points,
 * periods, masked names for a public notice, and a rule author's document with every
 * problem reported at once in Chinese and English.
 *
 * Run: pnpm demo (or: npx tsx --conditions=@gongzhi/source examples/core.ts)
 */
import { CivilDate, Document, Fen, Period, Points, Redaction, ValidationReport } from "@gongzhi/core"
import { Result, Schema } from "effect"

/** Runs the core walk-through and returns what it prints. */
export const runCoreDemo = (): string => {
  const lines: Array<string> = []
  const say = (line = "") => lines.push(line)

  say("== @gongzhi/core: the shared kernel ==")

  // 名泉: 15 member units, 300,000 yuan a year of co-building funds
  const perUnit = ValidationReport.getOrThrow(Fen.parse("2万元"))
  const total = ValidationReport.getOrThrow(Fen.multiply(perUnit, 15))
  say(`名泉 co-building funds: 15 × ${Fen.format(perUnit)} = ${Fen.format(total)} (${Fen.formatWan(total)})`)
  for (const typed of ["30万元", "300000元", "¥1,234.50", "1,23", "12.345"]) {
    const parsed = Fen.parse(typed)
    say(
      `  parse ${JSON.stringify(typed).padEnd(12)} → ${
        Result.isSuccess(parsed) ? `${parsed.success} fen` : parsed.failure.issues[0]!.message.en
      }`
    )
  }

  // 平利: 哈安喜 400 points, 周玉宏 320 points
  const points = [["哈安喜", 400], ["周玉宏", 320]] as const
  const sum = ValidationReport.getOrThrow(Points.sum(points.map(([, p]) => Points.makeUnsafe(p))))
  say(
    `平利 points notice (公示), names masked: ${
      points.map(([name, p]) => `${Redaction.maskName(name)} ${Points.label(Points.makeUnsafe(p)).zh}`).join("，")
    }; total ${Points.format(sum)}`
  )

  // Periods: quarters of an assessment year
  const year = Period.year(2024)
  say(
    `Assessment year ${Period.label(year).zh}: ${Period.lengthInDays(year)} days, quarters ${
      [1, 2, 3, 4].map((q) => Period.format(Period.quarter(2024, q as 1 | 2 | 3 | 4))).join(", ")
    }`
  )
  const term = ValidationReport.getOrThrow(CivilDate.addYears(CivilDate.makeUnsafe("2021-03-15"), 5))
  say(`A community committee elected on 2021-03-15 serves a 5-year term until ${term}`)

  // A rule author's document with three mistakes, all reported at once
  const Scheme = Document.define({
    kind: "demo-scheme",
    schemaVersion: 1,
    label: { zh: "积分方案", en: "points scheme" },
    fields: { name: Schema.NonEmptyString, period: Period.PeriodString, budget: Fen.Fen }
  })
  const checked = Scheme.decode({ kind: "demo-scheme", schemaVersion: 1, name: "", period: "2024-Q5", budgte: 1 })
  if (Result.isFailure(checked)) {
    say("A document with mistakes:")
    for (const line of ValidationReport.format(checked.failure, "zh").split("\n")) say(`  ${line}`)
  }
  return lines.join("\n")
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(runCoreDemo())
