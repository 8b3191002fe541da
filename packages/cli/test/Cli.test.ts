import { Document, Issue, ValidationReport } from "@gongzhi/core"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Cli, Io, Registry } from "../src/index.js"

const Scheme = Document.define({
  kind: "points-scheme",
  schemaVersion: 1,
  label: { zh: "积分方案", en: "points scheme" },
  fields: { name: Schema.NonEmptyString, pointsPerHour: Schema.Int }
})
const registry = [
  Registry.fromDefinition(
    Scheme,
    "@gongzhi/points-ledger",
    (doc) =>
      (doc as { pointsPerHour: number }).pointsPerHour > 5
        ? ValidationReport.of(
          Issue.make({
            code: "X_GENEROUS",
            severity: "warning",
            message: { zh: "每小时积分较高", en: "many points an hour" }
          })
        )
        : ValidationReport.empty
  )
]
const good = JSON.stringify({ kind: "points-scheme", schemaVersion: 1, name: "平利", pointsPerHour: 1 })
const generous = JSON.stringify({ kind: "points-scheme", schemaVersion: 1, name: "平利", pointsPerHour: 8 })
const bad = JSON.stringify({ kind: "points-scheme", schemaVersion: 1, name: "", pointsPerHuor: 1 })
const run = (argv: ReadonlyArray<string>, files: Record<string, string> = {}, options?: { isTTY?: boolean }) => {
  const io = Io.memory(files, options)
  return Cli.run(argv, { io, registry, installers: [] }).then((code) => ({ code, out: io.output(), err: io.errors() }))
}

describe("Cli", () => {
  describe("validate", () => {
    it("passes a good document with exit code 0", async () => {
      const { code, out } = await run(["validate", "good.json"], { "good.json": good })
      expect(code).toBe(0)
      expect(out).toBe("good.json [points-scheme]: ✓ 通过 （0 个错误，0 个警告）\n")
    })
    it("prints every issue, in the chosen language, and exits 1 on errors", async () => {
      const { code, out } = await run(["--lang", "en", "validate", "good.json", "bad.json", "generous.json"], {
        "good.json": good,
        "bad.json": bad,
        "generous.json": generous
      })
      expect(code).toBe(1)
      expect(out).toContain("bad.json [points-scheme]: ✗ invalid (3 errors, 0 warnings)")
      expect(out).toContain(
        "  error CORE_SCHEMA_UNEXPECTED_KEY at pointsPerHuor: Unknown field pointsPerHuor (a typo?)"
      )
      expect(out).toContain(
        "generous.json [points-scheme]: ✓ valid (0 errors, 1 warning)\n  warning X_GENEROUS: many points an hour"
      )
    })
    it("prints JSON for machines", async () => {
      const { code, out } = await run(["validate", "--json", "bad.json"], { "bad.json": bad })
      expect(code).toBe(1)
      const parsed = JSON.parse(out) as Array<{ file: string; valid: boolean; issues: Array<{ code: string }> }>
      expect(parsed[0]?.valid).toBe(false)
      expect(parsed[0]?.issues.map((i) => i.code)).toContain("CORE_SCHEMA_MISSING_KEY")
    })
    it("names unknown kinds and headerless documents", async () => {
      const { code, out } = await run(["--lang", "en", "validate", "x.json", "y.json"], {
        "x.json": "{\"kind\":\"nope\",\"schemaVersion\":1}",
        "y.json": "[]"
      })
      expect(code).toBe(1)
      expect(out).toContain("Unknown document kind nope (known kinds: points-scheme)")
      expect(out).toContain("has no kind and schemaVersion")
    })
    it("colours only on a terminal", async () => {
      const tty = await run(["validate", "bad.json"], { "bad.json": bad }, { isTTY: true })
      expect(tty.out).toContain("\u001b[31m")
      const pipe = await run(["validate", "bad.json"], { "bad.json": bad })
      expect(pipe.out).not.toContain("\u001b[")
    })
  })

  describe("usage errors", () => {
    it("reports a missing file or bad JSON in one line with exit code 2, no stack trace", async () => {
      const missing = await run(["validate", "nope.json"])
      expect(missing.code).toBe(2)
      expect(missing.err).toBe("gongzhi: 找不到文件 nope.json\n")
      const broken = await run(["--lang", "en", "validate", "broken.json"], { "broken.json": "{" })
      expect(broken.code).toBe(2)
      expect(broken.err).toMatch(/^gongzhi: broken.json is not valid JSON: /)
      expect(broken.err).not.toContain("    at ")
    })
    it("rejects unknown commands, options and languages with exit code 2", async () => {
      expect((await run(["frobnicate"])).code).toBe(2)
      expect((await run(["validate"])).code).toBe(2)
      expect((await run(["--lang", "fr", "schema"])).code).toBe(2)
    })
  })

  describe("schema and help", () => {
    it("lists kinds and prints a JSON Schema", async () => {
      expect((await run(["schema"])).out).toContain("points-scheme")
      const { code, out } = await run(["schema", "points-scheme"])
      expect(code).toBe(0)
      expect(JSON.parse(out).$schema).toBe("https://json-schema.org/draft/2020-12/schema")
      const unknown = await run(["schema", "nope"])
      expect(unknown.code).toBe(2)
      expect(unknown.err).toContain("不认识的文档类型 nope")
    })
    it("prints help with examples and the version", async () => {
      const help = await run(["--help"])
      expect(help.code).toBe(0)
      expect(help.out).toContain("示例：")
      expect((await run(["--lang", "en", "--help"])).out).toContain("Examples:")
      expect((await run(["validate", "--help"])).out).toContain("gongzhi validate scheme.json plan.json")
      expect((await run(["--version"])).out).toBe("0.0.0\n")
    })
  })
})

describe("Cli documents in YAML", () => {
  it("validates YAML documents and reports YAML syntax errors", async () => {
    const ok = await run(["validate", "scheme.yaml"], {
      "scheme.yaml": "kind: points-scheme\nschemaVersion: 1\nname: 平利\npointsPerHour: 1\n"
    })
    expect(ok.code).toBe(0)
    const broken = await run(["--lang", "en", "validate", "broken.yml"], { "broken.yml": "kind: [unclosed\n" })
    expect(broken.code).toBe(2)
    expect(broken.err).toMatch(/^gongzhi: broken.yml is not valid YAML: /)
  })
})

describe("Cli text encodings", () => {
  // "编号,名称\ng-1,一网格\n" as Excel in China saves a CSV: GB18030 (GBK)
  const gbk = new Uint8Array([177, 224, 186, 197, 44, 195, 251, 179, 198, 10, 103, 45, 49, 44, 210, 187, 205, 248, 184,
    241, 10])

  it("reads a GBK-encoded CSV as Chinese text, never as replacement characters", async () => {
    const sheets = await Cli.readSheets(Io.memory({ "roster.csv": gbk }), "roster.csv")
    expect(sheets[0]!.rows).toEqual([["编号", "名称"], ["g-1", "一网格"]])
    expect(JSON.stringify(sheets)).not.toContain("\uFFFD")
  })

  it("reads UTF-8 with and without a byte-order mark", async () => {
    const io = Io.memory({ "a.csv": "\uFEFF编号\ng-1\n", "b.csv": "编号\ng-1\n" })
    expect(await Cli.readText(io, "a.csv")).toBe("编号\ng-1\n")
    expect(await Cli.readText(io, "b.csv")).toBe("编号\ng-1\n")
  })

  it("refuses bytes that are neither UTF-8 nor GB18030, naming both", async () => {
    const io = Io.memory({ "bad.csv": new Uint8Array([0x81, 0xff, 0xfe, 0x80]) })
    const error = await Cli.readText(io, "bad.csv").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Cli.UsageError)
    expect((error as Cli.UsageError).label.en).toContain("neither UTF-8 nor GB18030")
  })
})

describe("Cli malformed tables", () => {
  it("turns a CSV with a quote never closed into a usage error naming the file and line, no stack trace", async () => {
    const io = Io.memory({ "roster.csv": "编号,名称\ng-1,\"一网格\n" })
    const error = await Cli.readSheets(io, "roster.csv").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Cli.UsageError)
    expect((error as Cli.UsageError).label.en).toMatch(/^roster\.csv: The CSV is malformed at line \d+/)
  })
})
