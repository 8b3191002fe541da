/**
 * `pnpm walkthrough`: each package's own walk-through on the seeds, one after the other.
 * (`pnpm demo` runs `gongzhi demo`, which writes the county report.)
 */
import { runAssessmentScoringDemo } from "./assessment-scoring.js"
import { runCoBuildingAgreementDemo } from "./co-building-agreement.js"
import { runCoreDemo } from "./core.js"
import { runDeliberationDemo } from "./deliberation.js"
import { runOrgTreeDemo } from "./org-tree.js"
import { runPointsLedgerDemo } from "./points-ledger.js"

/** Runs every walk-through and returns what they print. */
export const runDemo = (): string =>
  [
    runCoreDemo(),
    runOrgTreeDemo(),
    runPointsLedgerDemo(),
    runCoBuildingAgreementDemo(),
    runAssessmentScoringDemo(),
    runDeliberationDemo()
  ].join("\n\n")

if (import.meta.url === `file://${process.argv[1]}`) console.log(runDemo())
