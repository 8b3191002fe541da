/**
 * Input adapter: organisational coverage (组织覆盖) per grand committee — households reached by
 * red stewards or centre households, grids with a branch — turned into assessment values
 * (coverage rates). It declares its own row schema and does not import `@gongzhi/org-tree`:
 * the caller maps the org tree's roll-up to these rows.
 *
 * @since 0.1.0
 */
import { Issue, ValidationReport } from "@gongzhi/core"
import type * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { messages } from "../Messages.js"

/**
 * One subject's coverage: households and those covered; grids and those with a branch.
 *
 * @example
 * ```ts
 * import type { OrgCoverage } from "@gongzhi/assessment-scoring"
 *
 * // 红安: 301 grids, 257 branches
 * const row: OrgCoverage.Row = { subjectId: "hongan", households: 12000, householdsCovered: 11000, grids: 301, gridsWithBranch: 257 }
 * console.log(row.gridsWithBranch / row.grids)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  readonly subjectId: string
  readonly households: number
  readonly householdsCovered: number
  readonly grids: number
  readonly gridsWithBranch: number
}

/** Rates are given to four decimal places (e.g. 0.8187), so explanations stay readable. */
const round4 = (x: number): number => Math.round(x * 10000) / 10000

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * Schema of {@link Row}: counts are non-negative integers, parts not above their totals.
 *
 * @example
 * ```ts
 * import { OrgCoverage } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(OrgCoverage.Row)({ subjectId: "gc", households: 10, householdsCovered: 11, grids: 1, gridsWithBranch: 1 })) // false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Row: Schema.Codec<Row> = Schema.Struct({
  subjectId: Schema.NonEmptyString,
  households: Count,
  householdsCovered: Count,
  grids: Count,
  gridsWithBranch: Count
}).check(Issue.refine((row: Row) => {
  const found = []
  if (row.householdsCovered > row.households) {
    found.push(messages.make("ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL", {
      path: ["householdsCovered"],
      params: { part: "householdsCovered", actual: row.householdsCovered, total: row.households }
    }))
  }
  if (row.gridsWithBranch > row.grids) {
    found.push(messages.make("ASSESS_ADAPTER_COUNT_EXCEEDS_TOTAL", {
      path: ["gridsWithBranch"],
      params: { part: "gridsWithBranch", actual: row.gridsWithBranch, total: row.grids }
    }))
  }
  return found
})).annotate({ identifier: "OrgCoverageRow" })

/**
 * Decodes unknown rows, reporting every problem.
 *
 * @example
 * ```ts
 * import { OrgCoverage } from "@gongzhi/assessment-scoring"
 *
 * console.log(OrgCoverage.decode([{ subjectId: "gc", households: 10, householdsCovered: 8, grids: 3, gridsWithBranch: 3 }])._tag) // "Success"
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const decode: (input: unknown) => Result.Result<ReadonlyArray<Row>, ValidationReport.ValidationReport> =
  ValidationReport.decodeUnknown(Schema.Array(Row))

/**
 * Which plan input each rate goes to.
 *
 * @example
 * ```ts
 * import type { OrgCoverage } from "@gongzhi/assessment-scoring"
 *
 * const keys: OrgCoverage.Keys = { householdRate: "red-stewards" }
 * console.log(keys.householdRate)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Keys {
  readonly householdRate?: string
  readonly gridRate?: string
}

/**
 * Turns rows into coverage rates per subject (rows of one subject add up; a rate with a
 * zero total is 0).
 *
 * @example
 * ```ts
 * import { OrgCoverage } from "@gongzhi/assessment-scoring"
 *
 * const values = OrgCoverage.toValues(
 *   [{ subjectId: "gc-01", households: 800, householdsCovered: 720, grids: 4, gridsWithBranch: 3 }],
 *   { householdRate: "red-stewards", gridRate: "grid-branches" }
 * )
 * console.log(values.get("gc-01")) // { "red-stewards": 0.9, "grid-branches": 0.75 }
 * ```
 *
 * @category adapters
 * @since 0.1.0
 */
export const toValues = (
  rows: ReadonlyArray<Row>,
  keys: Keys
): ReadonlyMap<string, Readonly<Record<string, number>>> => {
  const sums = new Map<string, { h: number; hc: number; g: number; gb: number }>()
  for (const row of rows) {
    const s = sums.get(row.subjectId) ?? { h: 0, hc: 0, g: 0, gb: 0 }
    sums.set(row.subjectId, {
      h: s.h + row.households,
      hc: s.hc + row.householdsCovered,
      g: s.g + row.grids,
      gb: s.gb + row.gridsWithBranch
    })
  }
  const out = new Map<string, Readonly<Record<string, number>>>()
  for (const [id, s] of sums) {
    const values: Record<string, number> = {}
    if (keys.householdRate !== undefined) values[keys.householdRate] = round4(s.h === 0 ? 0 : s.hc / s.h)
    if (keys.gridRate !== undefined) values[keys.gridRate] = round4(s.g === 0 ? 0 : s.gb / s.g)
    out.set(id, values)
  }
  return out
}
