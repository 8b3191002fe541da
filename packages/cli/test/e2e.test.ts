/**
 * End to end: spawns the BUILT command (`dist/bin.js`, as `npx gongzhi` runs it) on fixture
 * files and checks what a user sees: output, exit codes, no stack traces, no colours in a
 * pipe. `pnpm test` builds before it tests.
 */
import { execFile, spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const bin = join(import.meta.dirname, "..", "dist", "bin.js")
const fixture = (name: string) => join(import.meta.dirname, "fixtures", name)

const gongzhi = (args: ReadonlyArray<string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], {
      env: { ...process.env, FORCE_COLOR: undefined },
      maxBuffer: 64 * 1024 * 1024
    }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 99, stdout, stderr })
    })
  })

describe("gongzhi (built)", () => {
  it("is built (run pnpm build first)", () => {
    expect(existsSync(bin), `${bin} is missing: run \`pnpm build\` before the tests`).toBe(true)
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node")).toBe(true)
  })

  it("ends quietly when the reader of its output goes away (gongzhi schema | head -1)", async () => {
    const child = spawn(process.execPath, [bin, "schema", "assessment-plan"], { stdio: ["ignore", "pipe", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (chunk) => (stderr += String(chunk)))
    // close the pipe before the command writes, as `head` does once it has read enough
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)))
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /)
    expect(code).toBe(0)
  })

  it("runs the demo and writes the report folder", async () => {
    const out = mkdtempSync(join(tmpdir(), "gongzhi-e2e-"))
    const { code, stdout, stderr } = await gongzhi(["demo", "--out", out])
    expect(stderr).toBe("")
    expect(code).toBe(0)
    expect(stdout).toContain("哈安喜 400 分，周玉宏 320 分")
    expect(stdout).not.toContain("\u001b[")
    for (const file of ["report.html", "report.md", "report.xlsx", "documents/pingli-journal.jsonl"]) {
      expect(existsSync(join(out, file))).toBe(true)
    }
    const json = await gongzhi(["demo", "--out", out, "--json", "--quiet"])
    expect(JSON.parse(json.stdout).pingli.zhouYuhongEarned).toBe(320)
  }, 120_000)

  it("exits 1 on documents with errors and 0 on good ones", async () => {
    const bad = await gongzhi(["--lang", "en", "validate", fixture("scheme-bad.json")])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain("CORE_SCHEMA_UNEXPECTED_KEY at pointsPerHuor")
    const json = await gongzhi(["validate", "--json", fixture("plan-bad.yaml")])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ kind: "assessment-plan", valid: false })
    const good = await gongzhi(["score", "preset:qijiang-committee-member", fixture("members.csv")])
    expect(good.code).toBe(0)
    expect(good.stdout).toContain("区实验小学校长")
  }, 60_000)

  it("exits 2 without a stack trace on wrong usage and missing files", async () => {
    for (
      const args of [["frobnicate"], ["validate", fixture("no-such-file.json")], ["score", "preset:nope",
        fixture("members.csv")], ["validate", fixture("not-json.json")]]
    ) {
      const { code, stderr } = await gongzhi(args)
      expect(code).toBe(2)
      expect(stderr).not.toMatch(/\n\s+at /)
    }
  }, 60_000)

  it("prints help with examples", async () => {
    const { code, stdout } = await gongzhi(["ledger", "--help"])
    expect(code).toBe(0)
    expect(stdout).toContain("gongzhi ledger verify journal.jsonl")
  }, 60_000)
})
