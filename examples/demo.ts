/**
 * `pnpm demo`: the seeds' scenario end to end, on generated deterministic data.
 * It grows with each package; the `gongzhi demo` command of @gongzhi/cli will take it over.
 */
import { runAssessmentScoringDemo } from "./assessment-scoring.js"
import { runCoBuildingAgreementDemo } from "./co-building-agreement.js"
import { runCoreDemo } from "./core.js"

/** Runs every part of the demo and returns what it prints. */
export const runDemo = (): string =>
  [runCoreDemo(), runCoBuildingAgreementDemo(), runAssessmentScoringDemo()].join("\n\n")

if (import.meta.url === `file://${process.argv[1]}`) console.log(runDemo())
