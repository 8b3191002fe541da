/**
 * The command against large, odd and hostile inputs (issue 16): outputs streamed in chunks, no
 * recursion over input depth, usage errors with exit code 2, validate and score agreeing, and
 * columns called `__proto__`.
 */
import { Presets as AssessmentPresets } from "@gongzhi/assessment-scoring"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { stringify as toYaml } from "yaml"
import { InputsTable, Io, JournalFile, Main } from "../src/index.js"
import * as Json from "../src/internal/json.js"
import { chain, nesting } from "./chains.js"

/** An Io that keeps each chunk written to standard output. */
const chunked = (files: Record<string, string | Uint8Array> = {}) => {
  const io = Io.memory(files)
  const chunks: Array<string> = []
  return {
    io: { ...io, stdout: { isTTY: false, write: (text: string) => void chunks.push(text) } } as Io.Io,
    chunks,
    errors: io.errors,
    files: io.files
  }
}

const text = (value: unknown): string => {
  let out = ""
  Json.write(value, (chunk) => (out += chunk))
  return out
}

describe("JSON written in pieces", () => {
  it("is the text JSON.stringify(value, null, 2) prints, for any JSON value", () => {
    const run = fc.check(
      fc.property(fc.jsonValue(), (value) => text(value) === (JSON.stringify(value, null, 2) ?? "")),
      {
        numRuns: 2000
      }
    )
    expect(run.counterexample).toBeNull()
  })
  it("skips and replaces what JSON.stringify skips and replaces, and calls toJSON", () => {
    const odd = {
      a: undefined,
      b: () => 1,
      c: [undefined, () => 1, Symbol("s"), Number.NaN, -0, Infinity],
      d: new Date(0),
      e: {},
      f: [],
      g: { only: undefined },
      h: { toJSON: (key: string) => `key ${key}` }
    }
    expect(text(odd)).toBe(JSON.stringify(odd, null, 2))
    expect(text(undefined)).toBe("")
  })
  it("refuses a cycle with a TypeError, as JSON.stringify does", () => {
    const cycle: Record<string, unknown> = {}
    cycle["self"] = [cycle]
    expect(() => text(cycle)).toThrow(TypeError)
  })
  it("writes a value a million levels deep without recursion, in chunks of bounded size", () => {
    let deep: unknown = "leaf"
    for (let i = 0; i < 1_000_000; i++) deep = { children: [deep] }
    let length = 0
    let longest = 0
    Json.write(deep, (chunk) => {
      length += chunk.length
      longest = Math.max(longest, chunk.length)
    })
    // linear in the depth: the indentation stops growing below Json.maxIndentLevels levels
    expect(length).toBeGreaterThan(1_000_000)
    // two levels per node, two lines per level
    expect(length).toBeLessThan(2 * 1_000_000 * 2 * (2 * Json.maxIndentLevels + 16))
    expect(longest).toBeLessThan(1 << 17)
  }, 60_000)
  it("is the same value once parsed, however deep; as JSON.stringify prints it down to maxIndentLevels", () => {
    let deep: unknown = [1, { a: "x" }]
    for (let i = 0; i < 300; i++) deep = i % 2 === 0 ? { children: [deep], n: i } : [deep, i]
    const written = text(deep)
    expect(JSON.parse(written)).toEqual(deep)
    const printed = JSON.stringify(deep, null, 2)
    const lines = written.split("\n")
    const shallow = lines.findIndex((line) => line.length - line.trimStart().length >= 2 * Json.maxIndentLevels)
    expect(lines.slice(0, shallow)).toEqual(printed.split("\n").slice(0, shallow))
  })
})

describe("validate --json", () => {
  it("streams a report of many issues in chunks, never one string of the whole output", async () => {
    // 30,000 subjects without an id: tens of thousands of issues
    const inputs = {
      kind: "assessment-inputs",
      schemaVersion: 1,
      planId: "p",
      subjects: Array.from({ length: 30_000 }, () => ({ values: 1 }))
    }
    const c = chunked({ "inputs.json": JSON.stringify(inputs) })
    expect(await Main.run(["validate", "--json", "inputs.json"], c.io)).toBe(1)
    const output = c.chunks.join("")
    const parsed = JSON.parse(output)
    expect(parsed[0].issues.length).toBeGreaterThanOrEqual(30_000)
    expect(output).toBe(`${JSON.stringify(parsed, null, 2)}\n`)
    expect(c.chunks.length).toBeGreaterThan(10)
    expect(Math.max(...c.chunks.map((chunk) => chunk.length))).toBeLessThan(1 << 17)
  }, 60_000)
})

describe("org render --format json", () => {
  it("renders a chain 3,000 and 200,000 levels deep, streamed, without overflowing the stack", async () => {
    for (const n of [3_000, 200_000]) {
      const c = chunked({ "rows.json": JSON.stringify(chain(n)), "policy.json": JSON.stringify(nesting) })
      const code = await Main.run(["org", "render", "rows.json", "--policy", "policy.json", "--format", "json"], c.io)
      expect(c.errors()).toBe("")
      expect(code).toBe(0)
      expect(c.chunks.length).toBeGreaterThan(1)
      let node = JSON.parse(c.chunks.join(""))
      let depth = 1
      while (node.children !== undefined) {
        node = node.children[0]
        depth++
      }
      expect(depth).toBe(n)
    }
  }, 60_000)
  it("writes the same JSON to a file with --out", async () => {
    const c = chunked({ "rows.json": JSON.stringify(chain(3)), "policy.json": JSON.stringify(nesting) })
    await Main.run(["org", "render", "rows.json", "--policy", "policy.json", "--format", "json", "-o", "t.json"], c.io)
    const file = c.files.get("t.json")
    const written = typeof file === "string" ? file : new TextDecoder().decode(file)
    expect(JSON.parse(written)).toMatchObject({ id: "g0", children: [{ id: "g1", children: [{ id: "g2" }] }] })
    expect(written.endsWith("}\n")).toBe(true)
  })
})

describe("exit codes", () => {
  const journal = JSON.stringify({
    kind: "points-journal",
    schemaVersion: 1,
    scheme: "preset:pingli",
    catalog: "preset:pingli"
  })
  it("a date that does not exist is a usage error (2), like any bad --as-of or --on", async () => {
    for (
      const argv of [
        ["ledger", "balance", "j.jsonl", "someone", "--as-of", "2024-02-30"],
        ["ledger", "balance", "j.jsonl", "someone", "--as-of", "yesterday"],
        ["ledger", "statement", "j.jsonl", "someone", "--period", "2024-Q5"],
        ["validate", "--as-of", "2024-02-30", "j.jsonl"],
        ["org", "validate", "rows.json", "--as-of", "2023-02-29"],
        ["report", "dir", "--as-of", "2024-02-30"],
        ["ledger", "earn", "j.jsonl", "--on", "2024-02-30", "--account", "a", "--activity", "x"],
        ["tally", "preset:civil-code-278-ordinary", "e.csv", "b.csv", "--as-of", "2024-02-30T25:00:00+08:00"]
      ]
    ) {
      const io = Io.memory({ "j.jsonl": `${journal}\n`, "rows.json": JSON.stringify(chain(1)) })
      const code = await Main.run(argv, io)
      expect({ argv, code }).toEqual({ argv, code: 2 })
      expect(io.errors()).toMatch(/--as-of|--on|--period/)
    }
  })
  it("an unknown command is a usage error (2)", async () => {
    const io = Io.memory()
    expect(await Main.run(["nosuchcommand"], io)).toBe(2)
    expect(io.errors()).toContain("nosuchcommand")
  })
})

describe("validate and score agree on assessment inputs", () => {
  const plan = AssessmentPresets.democraticEvaluation
  const example = AssessmentPresets.democraticEvaluationExample
  const bad = (value: unknown) => {
    const [first, ...rest] = example.subjects
    const key = Object.keys(first!.values)[0]!
    return { ...example, subjects: [{ ...first!, values: { ...first!.values, [key]: value } }, ...rest] }
  }
  const codes = (out: string) => [...new Set([...out.matchAll(/[A-Z]+(?:_[A-Z0-9]+)+/g)].map((m) => m[0]))].sort()
  it("refuses with the same codes what score refuses: .nan, -1, \"10\"", async () => {
    for (const value of [Number.NaN, -1, "10"]) {
      const yaml = toYaml(bad(value))
      const files = {
        "inputs.yaml": yaml,
        "plan.json": JSON.stringify({ ...plan, kind: "assessment-plan", schemaVersion: 1 })
      }
      const scored = Io.memory(files)
      const scoreCode = await Main.run(["--lang", "en", "score", `preset:${plan.id}`, "inputs.yaml"], scored)
      const validated = Io.memory(files)
      const validateCode = await Main.run(["--lang", "en", "validate", "inputs.yaml"], validated)
      expect(scoreCode).toBe(1)
      expect(validateCode).toBe(1)
      const scoreCodes = codes(scored.output() + scored.errors())
      expect(scoreCodes.length).toBeGreaterThan(0)
      expect(codes(validated.output())).toEqual(scoreCodes)
    }
  })
  it("finds the plan among the documents of the run, and says so when it has none", async () => {
    const custom = { ...plan, id: "my-plan" }
    const files = {
      "plan.json": JSON.stringify({ ...custom, kind: "assessment-plan", schemaVersion: 1 }),
      "inputs.json": JSON.stringify({ ...bad(-1), planId: "my-plan" })
    }
    const both = Io.memory(files)
    expect(await Main.run(["--lang", "en", "validate", "plan.json", "inputs.json"], both)).toBe(1)
    const alone = Io.memory(files)
    expect(await Main.run(["--lang", "en", "validate", "inputs.json"], alone)).toBe(0)
    expect(alone.output()).toContain("CLI_INPUTS_PLAN_NOT_GIVEN")
  })
})

describe("an indicator called __proto__", () => {
  it("keeps its column: an own value, not the prototype", () => {
    const [leaf] = AssessmentPresets.democraticEvaluation.indicators
    const plan = {
      ...AssessmentPresets.democraticEvaluation,
      indicators: [{ ...leaf!, id: "__proto__", input: "__proto__", children: undefined }]
    } as unknown as typeof AssessmentPresets.democraticEvaluation
    const read = InputsTable.read(plan, { name: "s", rows: [["编号", "__proto__"], ["m-1", 7]] })
    expect(read._tag).toBe("Success")
    if (read._tag !== "Success") return
    const values = read.success.subjects[0]!.values
    expect(Object.hasOwn(values, "__proto__")).toBe(true)
    expect(Object.getOwnPropertyDescriptor(values, "__proto__")?.value).toBe(7)
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype)
  })
})

describe("readers handed values JSON cannot make (a JavaScript caller's)", () => {
  const throwing = new Proxy({}, {
    get: () => {
      throw new Error("no reading")
    },
    ownKeys: () => {
      throw new Error("no keys")
    }
  })
  const codes = (
    r: { readonly _tag: string; readonly failure?: { readonly issues: ReadonlyArray<{ code: string }> } }
  ) => r._tag === "Failure" ? r.failure!.issues.map((i) => i.code) : "success"

  it("JournalFile.parse and load give failures, never exceptions", () => {
    expect(codes(JournalFile.parse(7 as never))).toEqual(["CLI_JOURNAL_UNREADABLE"])
    expect(codes(JournalFile.parse(throwing as never))).toEqual(["CLI_JOURNAL_UNREADABLE"])
    expect(codes(JournalFile.load(throwing as never))).toEqual(["CLI_JOURNAL_UNREADABLE"])
    const doc = { kind: "points-journal", schemaVersion: 1, scheme: "preset:pingli", catalog: "preset:pingli" }
    expect(codes(JournalFile.load({ ...doc, entries: throwing } as never))).toEqual(["CLI_JOURNAL_UNREADABLE"])
    expect(codes(JournalFile.load({ ...doc, entries: [] } as never))).toEqual("success")
  })

  it("InputsTable.read and Table.toRecords give failures for sheets that throw, and name a sheet that is not text", () => {
    const plan = AssessmentPresets.qijiangCommitteeMember
    expect(codes(InputsTable.read(plan, throwing as never))).toEqual(["CLI_TABLE_UNREADABLE"])
    expect(codes(InputsTable.read(plan, { name: "委员", rows: throwing } as never))).toEqual(["CLI_TABLE_UNREADABLE"])
    expect(codes(InputsTable.read(plan, { name: "委员", rows: 5 } as never))).toEqual(["CLI_TABLE_UNREADABLE"])
    const named = InputsTable.read(plan, { name: Number.NaN, rows: [["编号", "名称"], ["", "x"]] } as never)
    expect(named._tag).toBe("Failure")
    if (named._tag === "Failure") {
      for (const issue of named.failure.issues) {
        for (const part of issue.path) expect(["string", "number"]).toContain(typeof part)
        expect(issue.path[0]).toBe("NaN")
      }
    }
  })
})
