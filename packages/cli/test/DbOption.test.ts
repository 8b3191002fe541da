/**
 * `--db` (and `GONGZHI_DB`) with the URL of another database (`mysql://x`) is a usage error
 * (exit 2), never a PGlite folder named `mysql:/x` (issue 16).
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Io, Main } from "../src/index.js"
import { voteFiles } from "./voteFiles.js"

const run = async (argv: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const cwd = mkdtempSync(join(tmpdir(), "gongzhi-dbopt-"))
  const mem = Io.memory()
  const io: Io.Io = { ...Io.node(), env, cwd, stdout: mem.stdout, stderr: mem.stderr }
  const code = await Main.run(argv, io)
  return { code, out: mem.output(), err: mem.errors(), created: readdirSync(cwd) }
}

describe("--db", () => {
  for (const db of ["mysql://x", "sqlite:///tmp/x.db", "https://example.com/db", "memory://other", "idb://x"]) {
    it(`refuses ${db} as a usage error, creating nothing`, async () => {
      for (
        const argv of [["ledger", "balance", "pl", "ha", "--db", db], ["ledger", "open", "pl", "ha", "--name", "哈安喜",
          "--on", "2024-03-01", "--db", db], ["demo", "--out", "report", "--db", db]]
      ) {
        const zh = await run(argv)
        expect(zh.code, argv.join(" ")).toBe(2)
        expect(zh.err).toMatch(
          /^gongzhi: --db \S+:\/\/… 不是支持的存储：请用 PGlite 文件夹、memory:\/\/ 或 postgres:\/\/…/
        )
        // refused before any work: not even the demo's report folder
        expect(zh.created).toEqual([])
      }
      const en = await run(["--lang", "en", "ledger", "balance", "pl", "ha", "--db", db])
      expect(en.code).toBe(2)
      expect(en.err).toContain("is not a supported store: use a PGlite folder, memory:// or postgres://…")
    }, 60_000)
  }

  it("says GONGZHI_DB when the URL came from there", async () => {
    const { code, err } = await run(["ledger", "balance", "pl", "ha"], { GONGZHI_DB: "mysql://x" })
    expect(code).toBe(2)
    expect(err).toContain("GONGZHI_DB mysql://… 不是支持的存储")
  })

  it("refuses it for tally --db too", async () => {
    const vote = voteFiles()
    const { code, err } = await run(["tally", "preset:civil-code-278-ordinary", vote.owners, vote.ballots, "--db",
      "mysql://x"])
    expect(code).toBe(2)
    expect(err).toContain("mysql://… 不是支持的存储")
  })

  it("still takes memory:// and folders", async () => {
    const memory = await run(["ledger", "open", "pl", "ha", "--name", "哈安喜", "--on", "2024-03-01", "--db",
      "memory://"])
    expect(memory.code).toBe(0)
    const folder = await run(["ledger", "open", "pl", "ha", "--name", "哈安喜", "--on", "2024-03-01", "--db", "data"])
    expect(folder.code).toBe(0)
    expect(folder.created).toEqual(["data"])
    expect(existsSync(join(tmpdir(), "mysql:"))).toBe(false)
  }, 120_000)
})
