/**
 * The store commands in-process (`Main.run` with `--db` on an embedded PGlite directory), so that
 * what the built-binary e2e (`store.e2e.test.ts`) checks by spawning also counts for coverage:
 * ledger open/earn/redeem/balance/statement/leaderboard/notice/verify/snapshot/replay, an
 * idempotent retry, misuse, `tally --db` and `demo --db`.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Io, Main } from "../src/index.js"
import { voteFiles } from "./voteFiles.js"

const gongzhi = async (argv: ReadonlyArray<string>, cwd?: string) => {
  let out = ""
  let err = ""
  const io: Io.Io = {
    ...Io.node(),
    env: {},
    ...(cwd === undefined ? {} : { cwd }),
    stdout: { isTTY: false, write: (text: string) => (out += text) },
    stderr: { isTTY: false, write: (text: string) => (err += text) }
  }
  const code = await Main.run(["--lang", "en", ...argv], io)
  return { code, out, err }
}

describe("gongzhi on a store (in-process, embedded PGlite)", () => {
  it("records, answers, snapshots and verifies a journal; a retried key records nothing twice", async () => {
    const db = ["--db", mkdtempSync(join(tmpdir(), "gongzhi-db-"))]
    const open = await gongzhi(["ledger", "open", "pl", "ha", "--name", "哈安喜", "--on", "2024-03-01", ...db])
    expect(open.err).toBe("")
    expect(open.code).toBe(0)
    expect(open.out).toContain("new journal pl")
    expect((await gongzhi(["ledger", "open", "pl", "zhou", "--name", "周玉宏", "--on", "2024-03-01", ...db])).code)
      .toBe(0)
    const earn = ["ledger", "earn", "pl", "ha", "cleaning", "--on", "2024-03-02", "--approved-by", "grid-sec", "--key",
      "e-1", ...db]
    expect((await gongzhi(earn)).out).toContain("ha: available 10, held 0, lifetime earned 10")
    const again = await gongzhi(earn)
    expect(again.code).toBe(0)
    expect(again.out).toContain("key e-1 is already entry 2, not recorded twice")
    const redeem = await gongzhi(["ledger", "redeem", "pl", "ha", "nosuch", "--on", "2024-03-03", ...db])
    expect(redeem.code).toBe(1)
    expect(redeem.out).toContain("LEDGER_UNKNOWN_ITEM")
    expect((await gongzhi(["ledger", "balance", "pl", "ha", ...db])).out).toBe(
      "ha: available 10, held 0, lifetime earned 10\n"
    )
    expect((await gongzhi(["ledger", "balance", "pl", "ha", "--as-of", "2024-02-30", ...db])).code).toBe(2)
    const notice = await gongzhi(["ledger", "notice", "pl", "--period", "2024", ...db])
    expect(notice.out).toContain("哈*喜")
    expect(notice.out).not.toContain("哈安喜")
    const snapshot = await gongzhi(["ledger", "snapshot", "pl", ...db])
    expect(snapshot.out).toContain("pl: snapshot of 3 entries saved")
    const verify = await gongzhi(["ledger", "verify", "pl", ...db])
    expect(verify.out).toMatch(/^pl: hash chain intact, 3 entries, last hash [0-9a-f]{64}\n$/)
    for (const command of ["statement pl ha", "leaderboard pl", "replay pl"]) {
      const run = await gongzhi(["ledger", ...command.split(" "), ...db])
      expect(run.code, command).toBe(0)
      expect(run.out.length, command).toBeGreaterThan(0)
    }
    const missing = await gongzhi(["ledger", "balance", "nope", "ha", ...db])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain("holds no journal named nope")
  }, 300_000)

  it("refuses a .jsonl name for the recording commands; a plain name is a journal in ./gongzhi-data", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "gongzhi-cwd-"))
    const refused = await gongzhi(["ledger", "earn", "journal.jsonl", "ha", "cleaning"], cwd)
    expect(refused.code).toBe(2)
    expect(refused.err).toContain("journal.jsonl ends in .jsonl")
  }, 300_000)

  it("tally --db keeps the ballot box; demo --db writes its records and reads them back", async () => {
    const location = mkdtempSync(join(tmpdir(), "gongzhi-db-"))
    const vote = voteFiles()
    const args = ["tally", "preset:civil-code-278-ordinary", vote.owners, vote.ballots, "--matter", "wall", "--db",
      location]
    const first = await gongzhi(args)
    expect(first.code).toBe(0)
    expect(first.err).toMatch(/ballot box ballots\/wall kept in .* \(\d+ records written, \d+ in all\)/)
    expect((await gongzhi(args)).err).toContain("(0 records written")
    const out = mkdtempSync(join(tmpdir(), "gongzhi-demo-"))
    const demo = await gongzhi(["demo", "--out", out, "--quiet", "--json", "--db", location, "--seed", "11"])
    expect(demo.code).toBe(0)
    const figures = JSON.parse(demo.out)
    expect(figures.stored.journal.length).toBe(figures.pingli.transactions)
    expect(figures.stored.box.ballots).toBeGreaterThan(0)
  }, 300_000)
})
