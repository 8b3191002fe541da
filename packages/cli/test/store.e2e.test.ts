/**
 * End to end on a store: spawns the BUILT command (`dist/bin.js`) with `--db` on an embedded
 * PGlite directory (always) and on a PostgreSQL server at GONGZHI_TEST_POSTGRES_URL (when set;
 * GONGZHI_TEST_REQUIRE_SERVER=1, as `.ci/run` sets it, makes a missing URL a failure): ledger
 * open/earn/redeem/balance/notice/verify, an idempotent retry, a row changed by SQL found by
 * `verify`, `tally --db` and `demo --db`. And the help never loads the store.
 */
import { Database } from "@gongzhi/store"
import * as Effect from "effect/Effect"
import * as SqlClient from "effect/sql/SqlClient"
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { voteFiles } from "./voteFiles.js"

const dist = join(import.meta.dirname, "..", "dist")
const bin = join(dist, "bin.js")
const serverUrl = process.env["GONGZHI_TEST_POSTGRES_URL"]
const serverRequired = process.env["GONGZHI_TEST_REQUIRE_SERVER"] === "1"

const gongzhi = (args: ReadonlyArray<string>, cwd?: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [bin, "--lang", "en", ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: undefined, GONGZHI_DB: undefined },
      maxBuffer: 64 * 1024 * 1024
    }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 99, stdout, stderr })
    })
  })

/** Runs SQL on the store at a location (as a hostile administrator would). */
const sql = (location: string, text: string) => {
  const target = Database.parse(location)
  if (target._tag === "Failure") throw new Error("bad location")
  return Effect.runPromise(Effect.provide(
    Effect.flatMap(Effect.service(SqlClient.SqlClient), (client) => client.unsafe(text)),
    Database.layerSql(target.success, { maxConnections: 1 })
  ))
}

const targets: ReadonlyArray<{ readonly label: string; readonly location: () => string }> = [
  { label: "embedded PGlite (a directory)", location: () => mkdtempSync(join(tmpdir(), "gongzhi-db-")) },
  ...(serverUrl === undefined
    ? []
    : [{ label: "PostgreSQL server (GONGZHI_TEST_POSTGRES_URL)", location: () => serverUrl }])
]

describe("gongzhi on a store (built)", () => {
  it("has the PostgreSQL server when it is required (GONGZHI_TEST_REQUIRE_SERVER=1)", () => {
    expect(serverUrl !== undefined || !serverRequired, "GONGZHI_TEST_POSTGRES_URL is not set").toBe(true)
    console.log(
      `@gongzhi/cli store suites that ran: ${targets.map((t) => t.label).join("; ")}${
        serverUrl === undefined ? " — PostgreSQL server suite not configured (set GONGZHI_TEST_POSTGRES_URL)" : ""
      }`
    )
  })

  it("never loads the store for help, files or the commands that do not use it", () => {
    // the static imports reachable from the executable: none of them is the store's module
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      const text = readFileSync(file, "utf8")
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm)) {
        const spec = m[1] ?? m[2]!
        expect(spec, `${file} imports ${spec} statically`).not.toMatch(/@gongzhi\/store|@electric-sql|pg$/)
        if (spec.startsWith(".")) visit(resolve(dirname(file), spec))
      }
    }
    visit(bin)
    visit(join(dist, "Main.js"))
    expect(seen.has(join(dist, "internal", "ledger.js"))).toBe(true)
    expect(seen.has(join(dist, "internal", "store.js"))).toBe(false)
    expect(existsSync(join(dist, "internal", "store.js"))).toBe(true)
  })

  for (const target of targets) {
    describe(`on ${target.label}`, () => {
      it(
        "records, answers and verifies a journal; a retried key records nothing twice; a changed row is named",
        async () => {
          const location = target.location()
          const name = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}`
          const db = ["--db", location]
          const open = await gongzhi(["ledger", "open", name, "ha", "--name", "哈安喜", "--on", "2024-03-01", ...db])
          expect(open.stderr).toBe("")
          expect(open.code).toBe(0)
          expect(open.stdout).toContain(`new journal ${name}`)
          expect(open.stdout).toContain(`${name}: entry 0 stored (Open, ha +0)`)
          const earn = ["ledger", "earn", name, "ha", "cleaning", "--on", "2024-03-02", "--approved-by", "grid-sec",
            "--key", "e-1", ...db]
          expect((await gongzhi(earn)).stdout).toContain("ha: available 10, held 0, lifetime earned 10")
          const again = await gongzhi(earn)
          expect(again.code).toBe(0)
          expect(again.stdout).toContain("key e-1 is already entry 1, not recorded twice")
          expect(again.stdout).toContain("ha: available 10")
          const redeem = await gongzhi(["ledger", "redeem", name, "ha", "nosuch", "--on", "2024-03-03", ...db])
          expect(redeem.code).toBe(1)
          expect(redeem.stdout).toContain("LEDGER_UNKNOWN_ITEM")
          const balance = await gongzhi(["ledger", "balance", name, "ha", ...db])
          expect(balance.stdout).toBe("ha: available 10, held 0, lifetime earned 10\n")
          const notice = await gongzhi(["ledger", "notice", name, "--period", "2024", ...db])
          expect(notice.code).toBe(0)
          expect(notice.stdout).toContain("哈*喜")
          expect(notice.stdout).not.toContain("哈安喜")
          const verify = await gongzhi(["ledger", "verify", name, ...db])
          expect(verify.stdout).toMatch(
            new RegExp(`^${name}: hash chain intact, 2 entries, last hash [0-9a-f]{64}\\n$`)
          )
          const snapshot = await gongzhi(["ledger", "snapshot", name, ...db])
          expect(snapshot.stdout).toContain(`${name}: snapshot of 2 entries saved`)
          expect((await gongzhi(["ledger", "balance", name, "ha", ...db])).stdout).toBe(balance.stdout)
          // an administrator changes the earned points of entry 1 in SQL
          await sql(
            location,
            `UPDATE gongzhi_records SET payload = replace(payload, '"amount":10', '"amount":100') WHERE stream_id = 'ledger/${name}' AND seq = 1`
          )
          const tampered = await gongzhi(["ledger", "verify", name, ...db])
          expect(tampered.code).toBe(1)
          expect(tampered.stdout).toMatch(/STORE_HASH_MISMATCH at records\[1\]: The hash of record 1/)
          const missing = await gongzhi(["ledger", "balance", `${name}-none`, "ha", ...db])
          expect(missing.code).toBe(2)
          expect(missing.stderr).toContain(`holds no journal named ${name}-none`)
        },
        300_000
      )

      it("tally --db keeps the ballot box and counts what it reads back; demo --db writes and reads back", async () => {
        const location = target.location()
        const matter = `m-${Date.now()}-${Math.floor(Math.random() * 1e6)}`
        const vote = voteFiles()
        const args = ["tally", "preset:civil-code-278-ordinary", vote.owners, vote.ballots, "--matter", matter, "--db",
          location]
        const first = await gongzhi(args)
        expect(first.stderr).toMatch(
          new RegExp(`ballot box ballots/${matter} kept in .* \\(\\d+ records written, \\d+ in all\\)`)
        )
        const plain = await gongzhi(args.slice(0, 4))
        expect(first.stdout).toBe(plain.stdout)
        expect(first.code).toBe(0)
        expect(plain.code).toBe(0)
        const second = await gongzhi(args)
        expect(second.stderr).toContain("(0 records written")
        expect(second.stdout).toBe(plain.stdout)

        const out = mkdtempSync(join(tmpdir(), "gongzhi-e2e-"))
        const demo = await gongzhi(["demo", "--out", out, "--quiet", "--db", location, "--seed", "11"])
        expect(demo.code).toBe(0)
        expect(demo.stdout).toMatch(
          /journal ledger\/pingli-2024-seed-11: (\d+) entries \(\1 written now\), replayed consistently/
        )
        expect(demo.stdout).toMatch(/micro-wish wish\/pingli-wheelchair: delivered, 3 records/)
        expect(demo.stdout).toMatch(/whistle whistle\/qijiang-2024-07-01-flood: 3 parties arrived, 6 records/)
        const json = await gongzhi(["demo", "--out", out, "--quiet", "--json", "--db", location, "--seed", "11"])
        const figures = JSON.parse(json.stdout)
        expect(figures.stored.journal.length).toBe(figures.pingli.transactions)
        expect(figures.stored.journal.written).toBe(0)
        expect(figures.stored.box.ballots).toBeGreaterThan(0)
        const balance = await gongzhi(["ledger", "verify", "pingli-2024-seed-11", "--db", location])
        expect(balance.stdout).toContain(`${figures.pingli.transactions} entries`)
      }, 300_000)
    })
  }

  it("keeps files as before: a .jsonl name is a file, and the recording commands refuse one", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "gongzhi-cwd-"))
    const refused = await gongzhi(["ledger", "earn", "journal.jsonl", "ha", "cleaning"], cwd)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain("journal.jsonl ends in .jsonl")
    expect(existsSync(join(cwd, "gongzhi-data"))).toBe(false)
    // without --db, a name that is not a file is a journal in ./gongzhi-data
    const open = await gongzhi(["ledger", "open", "pingli", "ha", "--name", "哈安喜", "--on", "2024-03-01"], cwd)
    expect(open.stdout).toContain(`new journal pingli in ${join(cwd, "gongzhi-data")}`)
    expect(existsSync(join(cwd, "gongzhi-data"))).toBe(true)
  }, 300_000)
})
