/**
 * The `gongzhi` command as shipped: every document kind of the domain packages and every
 * command (`validate`, `schema`, `org`, `ledger`, `score`, `report`, `demo`). The `bin`
 * calls {@link run}; hosts may call it too, with their own {@link Io.Io}.
 *
 * @since 0.1.0
 */
import { Inputs, Plan } from "@gongzhi/assessment-scoring"
import { Agreement, Fulfilment, Template, ThreeLists, Whistle } from "@gongzhi/co-building-agreement"
import { ValidationReport } from "@gongzhi/core"
import { DecisionRule, Vote } from "@gongzhi/deliberation"
import { RedemptionCatalog, Scheme } from "@gongzhi/points-ledger"
import * as Result from "effect/Result"
import { createRequire } from "node:module"
import * as Cli from "./Cli.js"
import { installDemo } from "./internal/demo.js"
import { installLedger, journalEntry } from "./internal/ledger.js"
import { installOrg, orgEntries } from "./internal/org.js"
import { installReport } from "./internal/report.js"
import { checkInputs, installScore } from "./internal/score.js"
import { installTally } from "./internal/tally.js"
import type * as Io from "./Io.js"
import * as Registry from "./Registry.js"

/** The version in package.json (beside `src/` and `dist/` alike). */
const packageVersion = (): string => (createRequire(import.meta.url)("../package.json") as { version: string }).version

/**
 * Every document kind the shipped command knows, from all domain packages.
 *
 * @example
 * ```ts
 * import { Main } from "@gongzhi/cli"
 *
 * console.log(Main.registry.map((entry) => entry.kind).includes("assessment-plan")) // true
 * ```
 *
 * @category registry
 * @since 0.1.0
 */
export const registry: ReadonlyArray<Registry.Entry> = [
  ...orgEntries,
  Registry.fromDefinition(Scheme.Scheme, "@gongzhi/points-ledger"),
  Registry.fromDefinition(RedemptionCatalog.RedemptionCatalog, "@gongzhi/points-ledger"),
  journalEntry,
  Registry.fromDefinition(Agreement.document, "@gongzhi/co-building-agreement"),
  Registry.fromDefinition(Template.document, "@gongzhi/co-building-agreement"),
  Registry.fromDefinition(ThreeLists.document, "@gongzhi/co-building-agreement"),
  Registry.fromDefinition(Whistle.policyDocument, "@gongzhi/co-building-agreement"),
  Registry.fromDefinition(Fulfilment.document, "@gongzhi/co-building-agreement"),
  Registry.fromDefinition(Plan.document as never, "@gongzhi/assessment-scoring", (plan) => {
    const checked = Plan.validate(plan as Plan.Plan)
    return Result.isFailure(checked) ? checked.failure : ValidationReport.empty
  }),
  Registry.fromDefinition(
    Inputs.document,
    "@gongzhi/assessment-scoring",
    (inputs, options) => checkInputs(inputs as Inputs.Inputs, options.documents ?? [])
  ),
  Registry.fromDefinition(DecisionRule.document, "@gongzhi/deliberation"),
  Registry.fromDefinition(Vote.document, "@gongzhi/deliberation", (vote) => {
    const counted = Vote.count(vote)
    return Result.isFailure(counted) ? counted.failure : ValidationReport.empty
  })
]

/**
 * Every command of the shipped program, after `validate` and `schema`.
 *
 * @example
 * ```ts
 * import { Main } from "@gongzhi/cli"
 *
 * console.log(Main.installers.length) // 6
 * ```
 *
 * @category registry
 * @since 0.1.0
 */
export const installers: ReadonlyArray<Cli.Installer> = [installOrg, installLedger, installScore, installTally,
  installReport, installDemo]

/**
 * Runs the shipped `gongzhi` command with the given arguments (without `node` and the
 * script) and resolves to its exit code.
 *
 * @example
 * ```ts
 * import { Io, Main } from "@gongzhi/cli"
 *
 * const io = Io.memory()
 * console.log(await Main.run(["schema"], io), io.output().includes("assessment-plan")) // 0 true
 * ```
 *
 * @category running
 * @since 0.1.0
 */
export const run = (argv: ReadonlyArray<string>, io?: Io.Io): Promise<number> =>
  Cli.run(argv, { io, registry, installers, version: packageVersion() })
