/**
 * Every public decoder of every package, and the CLI's readers, with the hostile inputs each
 * gets. Valid documents to mutate come from the packages' presets and examples and from the
 * documents `gongzhi demo` writes.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import * as Assessment from "../../packages/assessment-scoring/src/index.js"
import * as Cli from "../../packages/cli/src/index.js"
import * as CoBuilding from "../../packages/co-building-agreement/src/index.js"
import * as Core from "../../packages/core/src/index.js"
import * as Deliberation from "../../packages/deliberation/src/index.js"
import * as Org from "../../packages/org-tree/src/index.js"
import * as Ledger from "../../packages/points-ledger/src/index.js"
import * as Store from "../../packages/store/src/index.js"
import { checkIssues, checkResult, describe, Finding, type Outcome } from "./checks.js"
import type { Target } from "./target.js"
import { exotic, exoticInputs, hostile, json, leaf } from "./values.js"

const isExotic = (input: unknown): boolean =>
  ((typeof input === "object" && input !== null) || typeof input === "function") && exoticInputs.has(input)

/**
 * Checks a decoder's `Result`; on input JSON can make, CORE_INPUT_UNREADABLE means the decoder
 * threw inside (the catch-all turned a crash into a misleading message).
 */
const result = (input: unknown, r: unknown): Outcome => {
  const outcome = checkResult(r)
  if (outcome === "failure" && !isExotic(input)) {
    const failure = (r as { failure: { issues?: ReadonlyArray<Core.Issue.DomainIssue> } }).failure
    const issues = Array.isArray(failure) ? failure as ReadonlyArray<Core.Issue.DomainIssue> : failure.issues ?? []
    const masked = issues.find((i) => i.code === "CORE_INPUT_UNREADABLE")
    if (masked !== undefined) {
      throw new Finding("masked crash", `CORE_INPUT_UNREADABLE on input JSON can make: ${masked.message.en}`)
    }
  }
  return outcome
}

const decoder = (
  pkg: string,
  name: string,
  seeds: ReadonlyArray<string>,
  decode: (input: unknown) => unknown,
  options?: { readonly input?: fc.Arbitrary<unknown>; readonly share?: number }
): Target => ({
  name,
  pkg,
  input: options?.input ?? hostile(seeds),
  run: (input) => result(input, decode(input)),
  ...(options?.share === undefined ? {} : { share: options.share })
})

/** Text that parsers of strings get: hostile strings, near-valid ones, and non-strings. */
const text = (valid: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.string({ unit: "binary", maxLength: 3 }), fc.nat(3))
        .map(([v, at, s, how]) => {
          const i = at % (v.length + 1)
          return how === 0
            ? v.slice(0, i) + s + v.slice(i)
            : how === 1
            ? v.slice(0, i) + s + v.slice(i + 1)
            : how === 2
            ? v.slice(0, i)
            : ` ${v}${s}`
        })
    },
    { weight: 1, arbitrary: exotic("x") },
    { weight: 1, arbitrary: json }
  )

const stringify = (value: unknown): string => JSON.stringify(value)

/** What the demo writes, by file name. */
const demoFiles = async (): Promise<ReadonlyMap<string, string | Uint8Array>> => {
  const io = Cli.Io.memory()
  const code = await Cli.Main.run(["demo", "--out", "demo"], io)
  if (code !== 0) throw new Error(`gongzhi demo failed (${code}): ${io.errors()}`)
  return new Map([...io.files].map(([path, data]) => [path.replace(/^demo\/(documents\/)?/, ""), data]))
}

const textOf = (files: ReadonlyMap<string, string | Uint8Array>, name: string): string => {
  const data = files.get(name)
  if (data === undefined) throw new Error(`the demo wrote no ${name}`)
  return typeof data === "string" ? data : new TextDecoder().decode(data)
}

/** The sheets of a roster (English headers) holding the given org rows. */
const rosterSheets = (rows: Record<string, unknown>): ReadonlyArray<Org.Roster.Sheet> =>
  (["orgUnits", "people", "memberUnits", "positions"] as const).flatMap((table) => {
    const list = rows[table] as ReadonlyArray<Record<string, unknown>> | undefined
    if (list === undefined) return []
    const columns = Org.OrgRows.columns[table]
    const cell = (v: unknown): Org.Roster.Cell =>
      v === undefined
        ? null
        : Array.isArray(v)
        ? v.join(",")
        : typeof v === "boolean"
        ? (v ? "是" : "否")
        : typeof v === "number"
        ? v
        : String(v)
    return [{
      name: table,
      rows: [columns.map((c) => c.en), ...list.slice(0, 40).map((r) => columns.map((c) => cell(r[c.key])))]
    }]
  })

/** Every target, once the valid documents they start from are made. */
export const load = async (): Promise<ReadonlyArray<Target>> => {
  const files = await demoFiles()

  // ---- valid documents
  const orgPolicies = Object.values(Org.Presets.policies).map(stringify)
  const pingliRows = Org.Fixtures.pingliGridBranch() as unknown as Record<string, unknown>
  const orgRows = [stringify(pingliRows), textOf(files, "mingquan-org.json")]
  const journalLines = textOf(files, "pingli-journal.jsonl").split("\n").filter((l) => l.trim() !== "")
  const journalText = journalLines.slice(0, 40).join("\n")
  const entries = journalLines.slice(1, 40).map((l) => JSON.parse(l) as Record<string, unknown>)
  const commands = entries.map((e) => stringify(e["command"]))
  const schemes = [Ledger.Presets.pingliScheme, Ledger.Presets.hailinScheme, Ledger.Presets.honganLoveBankScheme,
    Ledger.Presets.neverExpireScheme].map(stringify)
  const catalogs = [Ledger.Presets.pingliCatalog, Ledger.Presets.honganLoveBankCatalog].map(stringify)
  const setup = { scheme: Ledger.Presets.pingliScheme, catalog: Ledger.Presets.pingliCatalog }
  const fulfilmentText = textOf(files, "mingquan-fulfilment.json")
  const agreement = CoBuilding.Lifecycle.example().agreement
  const agreements = [stringify(agreement)]
  const templates = [stringify(CoBuilding.Presets.standardTemplate)]
  const whistlePolicies = [stringify(CoBuilding.Presets.pingguWhistlePolicy)]
  const problems = CoBuilding.Presets.qijiangProblemList()
  const threeLists = [
    stringify({
      kind: "three-lists",
      schemaVersion: 1,
      grandCommittee: "qijiang-community",
      needs: problems.slice(0, 12)
    })
  ]
  const plans = Object.values(Assessment.Presets.plans).map(stringify)
  const inputsDocs = [stringify(Assessment.Presets.democraticEvaluationExample),
    stringify(Assessment.Presets.branchStarsExample), textOf(files, "qijiang-inputs.json"),
    textOf(files, "qijiang-members-inputs.json")]
  const rules = Deliberation.Presets.all.map(stringify)
  const voteFull = JSON.parse(textOf(files, "pingli-repair-vote.json")) as {
    electorate: { rows: Array<Record<string, unknown>> }
    ballots: Array<Record<string, unknown>>
  }
  const voteRows = voteFull.electorate.rows.slice(0, 24)
  const voters = new Set(voteRows.map((r) => String(r["业主编号"])))
  const votes = [stringify({
    ...voteFull,
    electorate: { ...voteFull.electorate, rows: voteRows },
    ballots: voteFull.ballots.filter((b) => Object.values(b).some((v) => voters.has(String(v)))).slice(0, 24)
  })]

  const targets: Array<Target> = [
    // ---- core
    decoder("core", "Document.decode", [], (input) => coreDocument.decode(input), {
      input: hostile([
        stringify({
          kind: "fuzz-plan",
          schemaVersion: 1,
          id: "a",
          start: "2024-01-01",
          period: "2024-Q1",
          budget: 100,
          points: 5,
          tags: ["x"],
          weights: { a: 1 }
        })
      ])
    }),
    {
      name: "Document.peekHeader",
      pkg: "core",
      input: hostile(schemes),
      run: (input) => {
        const header = Core.Document.peekHeader(input)
        if (header === undefined) return "failure"
        if (typeof header.kind !== "string" || typeof header.schemaVersion !== "number") {
          throw new Finding("wrong answer", `peekHeader returned ${describe(header)}`)
        }
        return "success"
      }
    },
    ...([
      ["CivilDate.make", Core.CivilDate.make, ["2024-02-29", "2023-12-31", "1970-01-01"]],
      ["Period.parse", Core.Period.parse, ["2024", "2024-Q1", "2024-03", "2024-H1"]],
      ["Fen.parse", Core.Fen.parse, ["1.00", "12,345.67", "0.01", "-3"]],
      ["Points.parse", Core.Points.parse, ["10", "-5", "0", "1,000"]],
      ["Instant.make", Core.Instant.make, ["2024-03-01T08:00:00Z", "2024-03-01T08:00:00.123+08:00"]],
      ["Database.parse", Store.Database.parse, ["memory:", "postgres://u@h/db", "./records", "file:./x"]]
    ] as const).map(([name, parse, valid]): Target =>
      decoder(
        name === "Database.parse" ? "store" : "core",
        name,
        [],
        (input) => (parse as (x: unknown) => unknown)(input),
        {
          input: text(valid)
        }
      )
    ),
    {
      name: "Id.validate",
      pkg: "core",
      input: text(["gc-1", "网格1"]),
      run: (input) => {
        const issues = Core.Id.validate(input as string)
        if (issues.length === 0) return "success"
        checkIssues(issues, "the issues")
        return "failure"
      }
    },
    decoder(
      "core",
      "CivilDate.fromParts",
      [stringify({ year: 2024, month: 2, day: 29 })],
      (input) => Core.CivilDate.fromParts(input as Core.CivilDate.Parts)
    ),
    decoder("core", "Instant.fromEpochMillis", [], (input) => Core.Instant.fromEpochMillis(input as number), {
      input: text(["0"]).map((v) => (typeof v === "string" ? Number(v) : v))
    }),

    // ---- org-tree
    decoder("org-tree", "OrgPolicy.document.decode", orgPolicies, Org.OrgPolicy.document.decode),
    decoder("org-tree", "OrgRows.document.decode", orgRows, Org.OrgRows.document.decode),
    {
      name: "OrgTree.build + Validation.validate",
      pkg: "org-tree",
      input: hostile([stringify(pingliRows)]),
      run: (input) => {
        const decoded = Org.OrgRows.document.decode(input)
        const rows = Result.isSuccess(decoded) ? decoded.success : input as Org.OrgRows.OrgRows
        const built = Org.OrgTree.build(rows, Org.Presets.hongan)
        const outcome = result(input, built)
        if (Result.isSuccess(built)) {
          const report = Org.Validation.validate(built.success, { asOf: Core.CivilDate.makeUnsafe("2024-06-30") })
          for (const [n, issue] of report.issues.entries()) checkIssues([issue], `validation issue ${n}`)
        }
        return outcome
      }
    },
    decoder(
      "org-tree",
      "Roster.read",
      [stringify(rosterSheets(pingliRows))],
      (input) => Org.Roster.read(input as never)
    ),

    // ---- points-ledger
    decoder("points-ledger", "Command.decode", commands, Ledger.Command.decode),
    decoder("points-ledger", "Entry.decode", entries.slice(0, 12).map(stringify), Ledger.Entry.decode),
    decoder("points-ledger", "Entry.decodeAll", [stringify(entries.slice(0, 12))], Ledger.Entry.decodeAll),
    decoder("points-ledger", "Scheme.decode", schemes, Ledger.Scheme.Scheme.decode),
    decoder("points-ledger", "RedemptionCatalog.decode", catalogs, Ledger.RedemptionCatalog.RedemptionCatalog.decode),
    (() => {
      const opened = Ledger.Journal.fromEntries(
        setup,
        Core.ValidationReport.getOrThrow(Ledger.Entry.decodeAll(entries.slice(0, 12)))
      )
      const journal = Core.ValidationReport.getOrThrow(opened)
      return decoder(
        "points-ledger",
        "Journal.append",
        commands,
        (input) => Ledger.Journal.append(journal, input as never)
      )
    })(),
    decoder(
      "points-ledger",
      "Journal.fromEntries",
      [stringify(entries.slice(0, 12))],
      (input) => Ledger.Journal.fromEntries(setup, input as never)
    ),

    // ---- co-building-agreement
    decoder("co-building-agreement", "Agreement.decode", agreements, CoBuilding.Agreement.decode),
    decoder("co-building-agreement", "Template.document.decode", templates, CoBuilding.Template.document.decode),
    decoder("co-building-agreement", "ThreeLists.document.decode", threeLists, CoBuilding.ThreeLists.document.decode),
    decoder(
      "co-building-agreement",
      "Whistle.policyDocument.decode",
      whistlePolicies,
      CoBuilding.Whistle.policyDocument.decode
    ),
    decoder(
      "co-building-agreement",
      "Fulfilment.document.decode",
      [fulfilmentText],
      CoBuilding.Fulfilment.document.decode
    ),
    decoder(
      "co-building-agreement",
      "Lifecycle.replay",
      [stringify(CoBuilding.Lifecycle.example().history ?? [])],
      (input) => CoBuilding.Lifecycle.replay(input as never)
    ),

    // ---- assessment-scoring
    decoder("assessment-scoring", "Plan.decode", plans, (input) => Assessment.Plan.decode(input)),
    decoder("assessment-scoring", "Inputs.document.decode", inputsDocs, Assessment.Inputs.document.decode),
    decoder("assessment-scoring", "Assessment.score", inputsDocs.slice(0, 2), (input) => {
      let plan: Assessment.Plan.Plan = Assessment.Presets.democraticEvaluation
      try {
        if ((input as { planId?: unknown } | null)?.planId === "branch-stars") plan = Assessment.Presets.branchStars
      } catch {
        // a value that throws when read: the score gets it as it is
      }
      return Assessment.Assessment.score(plan, input as never)
    }),

    // ---- deliberation
    decoder("deliberation", "DecisionRule.decode", rules, Deliberation.DecisionRule.decode),
    decoder("deliberation", "Vote.decode", votes, Deliberation.Vote.decode),
    decoder("deliberation", "Vote.count", votes, (input) => Deliberation.Vote.count(input)),

    // ---- cli
    decoder("cli", "JournalFile.parse", [], (input) => Cli.JournalFile.parse(input as string), {
      input: text([journalText, journalLines.slice(0, 3).join("\r\n")])
    }),
    decoder("cli", "Table.readCsv", [], (input) => Cli.Table.readCsv(input as string), {
      input: text(["编号,名称\nb-1,一支部\n", "\uFEFFa,b\r\n1,\"x\"\"y\"\r\n"])
    })
  ]
  return targets
}

const coreDocument = Core.Document.define({
  kind: "fuzz-plan",
  schemaVersion: 1,
  label: { zh: "模糊测试方案", en: "fuzz plan" },
  fields: {
    id: Core.Id.OrgUnitId,
    start: Core.CivilDate.CivilDate,
    period: Core.Period.PeriodString,
    budget: Core.Fen.Fen,
    points: Core.Points.Points,
    tags: Schema.Array(Schema.String),
    weights: Schema.Record(Schema.String, Schema.Number)
  }
})
