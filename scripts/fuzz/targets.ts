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
import { checkAnswer, checkIssues, describe, Finding } from "./checks.js"
import type { Target } from "./target.js"
import { exotic, hostile, json, leaf, mutated } from "./values.js"

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
  run: (input) => {
    const answer = decode(input)
    return answer instanceof Promise ? answer.then((r: unknown) => checkAnswer(input, r)) : checkAnswer(input, answer)
  },
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

/** Bytes of `base` cut short, with bytes flipped, inserted or removed: a damaged upload. */
const damaged = (bases: ReadonlyArray<Uint8Array>): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...bases).map((b) => b.slice()) },
    {
      weight: 6,
      arbitrary: fc.tuple(
        fc.nat(bases.length - 1),
        fc.array(fc.tuple(fc.nat(3), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
      ).map(([i, edits]) => {
        let bytes = bases[i]!.slice()
        for (const [how, at, byte] of edits) {
          const k = at % (bytes.length + 1)
          if (how === 0) bytes = bytes.slice(0, k)
          else if (how === 1 && k < bytes.length) bytes[k] = byte
          else if (how === 2) bytes = Uint8Array.from([...bytes.subarray(0, k), byte, ...bytes.subarray(k)])
          else bytes = Uint8Array.from([...bytes.subarray(0, k), ...bytes.subarray(k + 1 + (byte % 64))])
        }
        return bytes
      })
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) }
  )

/** CSV text: valid tables and ones with unclosed quotes, a BOM, formula cells, NUL and odd line ends. */
const csvText = (valid: ReadonlyArray<string>): fc.Arbitrary<string> => {
  const cell = fc.oneof(
    fc.constantFrom(
      "\"",
      "\"unclosed",
      "a\"b",
      "\"\"",
      "=1+1",
      "=HYPERLINK(\"http://x\")",
      "+1",
      "-1",
      "@x",
      "\t=1",
      "\r=1",
      "\u0000",
      "\uD800",
      "\uFEFF",
      "x,y",
      "\"x,y\"",
      "\n",
      "\r",
      "党支部",
      "正式",
      "是",
      "否",
      "2024-3-1",
      "2024/03/01",
      "1e308",
      "NaN",
      "-0",
      "0x1F",
      "１２",
      "constructor",
      "__proto__",
      "preset:constructor",
      " "
    ),
    fc.string({ maxLength: 6 }),
    fc.string({ unit: "binary", maxLength: 6 })
  )
  const table = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }).chain((rows) =>
    fc.tuple(fc.constantFrom(",", ";", "\t"), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean()).map(([sep, nl, bom]) =>
      (bom ? "\uFEFF" : "") + rows.map((r) => r.join(sep)).join(nl)
    )
  )
  const edited = fc.tuple(fc.constantFrom(...valid), fc.nat(), cell, fc.nat(2)).map(([v, at, c, how]) => {
    const k = at % (v.length + 1)
    return how === 0 ? v.slice(0, k) + c + v.slice(k) : how === 1 ? v.slice(0, k) : v + "\n" + c
  })
  return fc.oneof({ weight: 3, arbitrary: edited }, { weight: 3, arbitrary: table }, {
    weight: 1,
    arbitrary: fc.constantFrom(...valid)
  })
}

/** The Chinese roster header and a row, in GBK (as Excel in China saves CSV): 编号,姓名,身份,所在组织 / m-1,哈安喜,正式,b-1 */
const gbkRoster = Uint8Array.from(
  "b1e0bac52cd0d5c3fb2cc9edb7dd2ccbf9d4dad7e9d6af0a6d2d312cb9feb0b2cfb22cd5fdcabd2c622d310a".match(/../g)!.map((h) =>
    parseInt(h, 16)
  )
)

/** Every target, once the valid documents they start from are made. */
export const load = async (): Promise<ReadonlyArray<Target>> => {
  const files = await demoFiles()

  // ---- valid documents
  const orgPolicies = Object.values(Org.Presets.policies).map(stringify)
  const pingliRows = Org.Fixtures.pingliGridBranch() as unknown as Record<string, unknown>
  const mingquanRows = JSON.parse(textOf(files, "mingquan-org.json")) as Record<string, ReadonlyArray<unknown>>
  const orgRows = [
    stringify(pingliRows),
    // the first rows of each table (the whole roster is 64 KB: a mutation of it costs more than it finds)
    stringify(
      Object.fromEntries(Object.entries(mingquanRows).map(([k, v]) => [k, Array.isArray(v) ? v.slice(0, 15) : v]))
    )
  ]
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

  const journalDoc = Result.getOrThrow(Cli.JournalFile.parse(journalText))
  const journalDocs = [stringify(journalDoc)]
  const electorate = Deliberation.Electorate.example()
  const memberRows = [
    { 序号: 1, 党员编号: "m-1", 姓名: "哈安喜", 类别: "正式党员", 表决权: "是" },
    { 序号: 2, 党员编号: "m-2", 姓名: "周玉宏", 类别: "预备党员", 表决权: "否" },
    { 序号: 3, 党员编号: "m-3", 姓名: "王芳", 类别: "正式党员" }
  ]
  const ballotRows = votes.map((v) => stringify((JSON.parse(v) as { ballots: unknown }).ballots))
  const box = Deliberation.Ballots.example()
  const csvs = [
    textOf(files, "csv/points-notice.csv"),
    "编号,上级编号,类型,名称\ngc,,社区大党委,城东社区大党委\nb-1,gc,党支部,一网格党支部\n",
    "\uFEFF编号,名称\r\nb-1,\"一\"\"支部\"\"\"\r\n"
  ]
  const workbooks = [
    await Cli.Workbook.write([{
      name: "组织",
      rows: [["编号", "上级编号", "类型", "名称"], ["gc", null, "社区大党委", "城东"], ["b-1", "gc", "党支部",
        "一支部"]]
    }]),
    await Cli.Workbook.write([{
      name: "考核数据",
      rows: [["编号", "名称", "党员互评"], ["m-01", "哈安喜", 4.5], ["m-02", "=1+1", true]]
    }])
  ]
  const plan = Assessment.Presets.democraticEvaluation
  const inputsSheet = Cli.InputsTable.template(plan, "zh")
  const inputsSheets = [stringify({
    ...inputsSheet,
    rows: [...inputsSheet.rows, ["m-01", "哈安喜", "", "", 4, 95, "说明", "支部委员会", "", ""], ["m-02", "周玉宏",
      "一组", 2, 3.5, 90, "", "", "否", ""]]
  })]
  const encode = (t: string) => new TextEncoder().encode(t)
  const documentText = (seed: string): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 2, arbitrary: mutated([seed]).map((v) => JSON.stringify(v) ?? "null") },
      {
        weight: 1,
        arbitrary: text([seed, "a: &a [*a]", "- !!js/function x", "key: [unclosed", "{\"a\": 1,}"]).map((v) =>
          typeof v === "string" ? v : String(JSON.stringify(v) ?? "")
        )
      }
    )
  const cliFiles = fc.oneof(
    fc.tuple(
      fc.constantFrom("x.json", "x.yaml", "x.yml"),
      fc.constantFrom(...plans, ...schemes).chain(documentText).map(encode)
    ),
    fc.tuple(
      fc.constant("x.jsonl"),
      text([journalText, journalLines.slice(0, 3).join("\r\n")]).map((v) => encode(typeof v === "string" ? v : ""))
    ),
    fc.tuple(fc.constantFrom("x.csv", "x.CSV"), fc.oneof(csvText(csvs).map(encode), damaged([gbkRoster]))),
    fc.tuple(fc.constantFrom("x.xlsx", "x.XLSX"), damaged(workbooks)),
    fc.tuple(
      fc.constantFrom("x.txt", "x", "missing.json", "missing.csv", "missing.xlsx"),
      fc.uint8Array({ maxLength: 20 })
    )
  ).map(([name, bytes]) => ({ name, bytes }))
  const cliReader = (name: string, read: (io: Cli.Io.Io, path: string) => Promise<unknown>): Target => ({
    name,
    pkg: "cli",
    input: cliFiles,
    run: async (input) => {
      const { name: file, bytes } = input as { name: string; bytes: Uint8Array }
      const io = Cli.Io.memory(file.startsWith("missing") ? {} : { [file]: bytes })
      try {
        await read(io, file)
        return "success"
      } catch (cause) {
        if (cause instanceof Cli.Cli.UsageError) {
          if (cause.label.zh.trim() === "" || cause.label.en.trim() === "") {
            throw new Finding("malformed failure", "a UsageError without zh/en text")
          }
          return "failure"
        }
        if (cause instanceof Core.ValidationReport.DomainError) {
          checkIssues(cause.report.issues, "the DomainError")
          return "failure"
        }
        throw cause
      }
    }
  })

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

    decoder(
      "core",
      "ValidationReport.decodeUnknown(Id.OrgUnitId)",
      [],
      Core.ValidationReport.decodeUnknown(Core.Id.OrgUnitId),
      {
        input: text(["gc-1", "网格1", "b_2"])
      }
    ),

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
        const outcome = checkAnswer(input, built)
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

    decoder("points-ledger", "Journal.fromSnapshot", [stringify(Result.getOrThrow(Ledger.Journal.snapshot(
      Result.getOrThrow(
        Ledger.Journal.fromEntries(setup, Result.getOrThrow(Ledger.Entry.decodeAll(entries.slice(0, 12))))
      )
    )))], (input) => Ledger.Journal.fromSnapshot(setup, input)),
    {
      name: "Entry.verify",
      pkg: "points-ledger",
      input: hostile([stringify(entries.slice(0, 12))]),
      run: (input) => {
        const decoded = Ledger.Entry.decodeAll(input)
        const verification = Ledger.Entry.verify(Result.isSuccess(decoded) ? decoded.success : input as never)
        const v = verification as { _tag?: unknown }
        if (typeof v !== "object" || v === null || typeof v._tag !== "string") {
          throw new Finding("wrong answer", `verify returned ${describe(verification)}`)
        }
        return v._tag === "Intact" ? "success" : "failure"
      }
    },

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

    {
      name: "Fulfilment.validateDeliveries",
      pkg: "co-building-agreement",
      input: hostile([stringify((JSON.parse(fulfilmentText) as { deliveries?: unknown }).deliveries ?? [])]),
      run: (input) => {
        const issues = CoBuilding.Fulfilment.validateDeliveries([agreement], input as never)
        if (!Array.isArray(issues)) throw new Finding("wrong answer", `returned ${describe(issues)}`)
        if (issues.length === 0) return "success"
        checkIssues(issues, "the issues")
        return "failure"
      }
    },
    {
      name: "ThreeLists.validate",
      pkg: "co-building-agreement",
      input: hostile(threeLists),
      run: (input) => {
        const decoded = CoBuilding.ThreeLists.document.decode(input)
        const issues = CoBuilding.ThreeLists.validate(Result.isSuccess(decoded) ? decoded.success : input as never)
        if (!Array.isArray(issues)) throw new Finding("wrong answer", `returned ${describe(issues)}`)
        if (issues.length === 0) return "success"
        checkIssues(issues, "the issues")
        return "failure"
      }
    },

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

    decoder("assessment-scoring", "Plan.validate", plans, (input) => Assessment.Plan.validate(input as never)),
    decoder("assessment-scoring", "Appraisal.document.decode", [
      stringify({ kind: "in-service-member-appraisal", schemaVersion: 1 })
    ], Assessment.Appraisal.document.decode),
    decoder("assessment-scoring", "AgreementFulfilment.decode", [
      stringify([{ subjectId: "gc", agreementId: "a", commitmentsDue: 2, commitmentsFulfilled: 1, meetingsHeld: 1 }])
    ], Assessment.AgreementFulfilment.decode),
    decoder("assessment-scoring", "LedgerParticipation.decode", [
      stringify([{ subjectId: "m-1", hours: 56, points: 400, activities: 12 }])
    ], Assessment.LedgerParticipation.decode),
    decoder("assessment-scoring", "OrgCoverage.decode", [
      stringify([{ subjectId: "gc", households: 10, householdsCovered: 8, grids: 3, gridsWithBranch: 3 }])
    ], Assessment.OrgCoverage.decode),
    decoder("assessment-scoring", "Expression.compile", [
      stringify({ if: [{ ">=": [{ var: "value" }, 2] }, { var: "max" }, 0] })
    ], (input) => Assessment.Expression.compile(input as never)),

    // ---- deliberation
    decoder("deliberation", "DecisionRule.decode", rules, Deliberation.DecisionRule.decode),
    decoder("deliberation", "Vote.decode", votes, Deliberation.Vote.decode),
    decoder("deliberation", "Vote.count", votes, (input) => Deliberation.Vote.count(input)),

    decoder(
      "deliberation",
      "Electorate.fromOwnerRows",
      [stringify(voteRows)],
      (input) => Deliberation.Electorate.fromOwnerRows(input as never)
    ),
    decoder(
      "deliberation",
      "Electorate.fromMemberRows",
      [stringify(memberRows)],
      (input) => Deliberation.Electorate.fromMemberRows(input as never)
    ),
    {
      name: "Electorate.parseArea",
      pkg: "deliberation",
      input: text(["131.82", "88㎡", "100 平方米", "12.5m2"]),
      run: (input) => {
        const area = Deliberation.Electorate.parseArea(input as string)
        if (area === undefined) return "failure"
        if (!Number.isSafeInteger(area) || area <= 0) throw new Finding("wrong answer", `parseArea returned ${area}`)
        return "success"
      }
    },
    decoder("deliberation", "Ballots.fromRows", ballotRows, (input) => Deliberation.Ballots.fromRows(input as never)),
    decoder("deliberation", "Ballots.open", [
      stringify({
        matter: "m",
        rule: Deliberation.Presets.all[0],
        electorate,
        opensAt: box.opensAt,
        closesAt: box.closesAt
      })
    ], (input) => Deliberation.Ballots.open(input as never)),
    decoder("deliberation", "Tally.count", [stringify(box)], (input) => Deliberation.Tally.count(input as never)),
    decoder(
      "deliberation",
      "Process.replay",
      [stringify(Deliberation.Process.example().history)],
      (input) => Deliberation.Process.replay(input as never)
    ),

    // ---- cli
    decoder("cli", "JournalFile.document.decode", journalDocs, Cli.JournalFile.document.decode),
    decoder("cli", "JournalFile.load", journalDocs, (input) => {
      const decoded = Cli.JournalFile.document.decode(input)
      return Cli.JournalFile.load(Result.isSuccess(decoded) ? decoded.success : input as never)
    }),
    decoder("cli", "Workbook.read", [], (input) => Cli.Workbook.read(input as Uint8Array), {
      input: damaged(workbooks)
    }),
    decoder("cli", "InputsTable.read", inputsSheets, (input) => Cli.InputsTable.read(plan, input as never)),
    {
      name: "gongzhi <command> <file> (Main.run)",
      pkg: "cli",
      // the whole command (parsing arguments, reading, checking, printing) takes ~10 ms: a tenth of the inputs
      share: 0.1,
      input: fc.tuple(
        fc.constantFrom(
          ["validate"],
          ["org", "validate"],
          ["org", "build"],
          ["score", "preset:democratic-evaluation"],
          ["ledger", "verify"],
          ["ledger", "replay"],
          ["validate", "--json"]
        ),
        cliFiles
      ),
      run: async (input) => {
        const [command, { name, bytes }] = input as [ReadonlyArray<string>, { name: string; bytes: Uint8Array }]
        // a ledger command given a name that is no .jsonl file opens a store: only files are fuzzed here
        const file = command[0] === "ledger" ? "x.jsonl" : name
        const io = Cli.Io.memory(name.startsWith("missing") ? {} : { [file]: bytes })
        const code = await Cli.Main.run([...command, file], io)
        const said = `${io.output()}\n${io.errors()}`
        if (code !== 0 && code !== 1 && code !== 2) {
          throw new Finding("wrong exit code", `exit code ${code}: ${said.slice(0, 300)}`)
        }
        if (
          /\n\s+at .+[:(]\d+:\d+\)?\n/.test(said) ||
          /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/.test(io.errors())
        ) {
          throw new Finding("stack trace", `the command printed an internal error: ${io.errors().slice(0, 600)}`)
        }
        if (code !== 0 && said.trim() === "") throw new Finding("silent failure", `exit code ${code} and nothing said`)
        return code === 0 ? "success" : "failure"
      }
    },
    cliReader("Cli.readText", Cli.Cli.readText),
    cliReader("Cli.readJson", Cli.Cli.readJson),
    cliReader("Cli.readSheets", Cli.Cli.readSheets),
    decoder("cli", "JournalFile.parse", [], (input) => Cli.JournalFile.parse(input as string), {
      input: text([journalText, journalLines.slice(0, 3).join("\r\n")])
    }),
    decoder("cli", "Table.readCsv", [], (input) => Cli.Table.readCsv(input as string), {
      input: fc.oneof({ weight: 4, arbitrary: csvText(csvs) }, { weight: 1, arbitrary: text(csvs) })
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
