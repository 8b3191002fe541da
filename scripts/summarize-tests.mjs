// Prints the plain closing line "tests: N passed, N failed" from vitest's JSON report,
// so any reader of the CI log (human or machine) sees the count at the end.
import { existsSync, readFileSync } from "node:fs"

const file = process.argv[2] ?? "coverage/vitest-report.json"
if (!existsSync(file)) {
  console.error(`summarize-tests: no report at ${file}`)
  process.exit(1)
}
const report = JSON.parse(readFileSync(file, "utf8"))
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`
)
process.exit(report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0)
