/**
 * `pnpm fuzz`: every public decoder of every package and the CLI's readers, fed hostile input.
 * For each input: no throw, no hang (a time budget per input), no prototype pollution, and every
 * failure with a code, a path and zh/en text. Prints a table per decoder and a total; exits 1 on
 * any finding, printing how to run the input again.
 *
 *   GONGZHI_FUZZ_RUNS=10000      inputs per decoder (default 10,000; slow readers get a share)
 *   GONGZHI_FUZZ_SEED=42         the base seed (default fixed, so CI runs are repeatable; "random" for a new one)
 *   GONGZHI_FUZZ_ONLY=Plan,Vote  only the decoders whose name contains one of these
 *   GONGZHI_FUZZ_PATH=17:3       replay one input (with the seed and the name printed with a finding)
 *   GONGZHI_FUZZ_BUDGET_MS=10000 the time budget of one input (a worker 3 s past it is stopped: a hang)
 *   GONGZHI_FUZZ_WORKERS=2       worker threads (default: 2, or 1 on one core)
 *   GONGZHI_FUZZ_STRICT=1        known findings (known.ts, handed over to their package) fail the run too
 *   GONGZHI_FUZZ_SELF_TEST=1     (or --self-test) run decoders with planted bugs instead (planted.ts), budget 1,000 ms:
 *                                succeeds only if every one is found
 */
import { availableParallelism, loadavg } from "node:os"
import { Worker } from "node:worker_threads"
import { known } from "./known.js"
import { planted } from "./planted.js"
import { type Listed, seedOf } from "./target.js"
import type { Report, Settings } from "./worker.js"

const env = process.env
const number = (name: string, fallback: number): number => {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${name}=${raw} is not a positive number`)
    process.exit(2)
  }
  return n
}

const selfTest = env["GONGZHI_FUZZ_SELF_TEST"] === "1" || process.argv.includes("--self-test")
const runs = Math.round(number("GONGZHI_FUZZ_RUNS", 10_000))
const budgetMs = number("GONGZHI_FUZZ_BUDGET_MS", selfTest ? 1_000 : 10_000)
const workers = Math.max(1, Math.round(number("GONGZHI_FUZZ_WORKERS", Math.min(2, availableParallelism()))))
const baseSeed = env["GONGZHI_FUZZ_SEED"] === "random"
  ? Math.floor(Math.random() * 2 ** 31)
  : Math.round(number("GONGZHI_FUZZ_SEED", 20_261_202))
const only = (env["GONGZHI_FUZZ_ONLY"] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "")
const path = env["GONGZHI_FUZZ_PATH"] || undefined
const strict = env["GONGZHI_FUZZ_STRICT"] === "1"

const started = performance.now()
const header = `${workers} worker${workers === 1 ? "" : "s"}, budget ${budgetMs} ms an input`

/** The decoders, as the first worker to load them lists them; then the ones chosen, and those still to run. */
let all: ReadonlyArray<Listed> = []
let chosen: ReadonlyArray<readonly [Listed, number]> = []
const queue: Array<number> = []
const choose = (listed: ReadonlyArray<Listed>): void => {
  all = listed
  // a name given whole chooses that decoder only (Entry.decode, not Entry.decodeAll too)
  const picks = (t: Listed) =>
    only.some((o) => t.name === o || (!listed.some((x) => x.name === o) && t.name.includes(o)))
  chosen = listed.map((t, index) => [t, index] as const).filter(([t]) => only.length === 0 || picks(t))
  if (chosen.length === 0) {
    console.error(
      `no decoder matches GONGZHI_FUZZ_ONLY=${only.join(",")}; there are: ${listed.map((t) => t.name).join(", ")}`
    )
    process.exit(2)
  }
  queue.push(...chosen.map(([, index]) => index))
  console.log(
    `fuzzing ${chosen.length} decoders, ${
      runs.toLocaleString("en")
    } inputs each (GONGZHI_FUZZ_RUNS), seed ${baseSeed}, ` +
      `${header}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`
  )
}

const reports = new Map<string, Report>()

/** Runs targets on one worker until the queue is empty; a worker whose input hangs is stopped and replaced. */
const drive = (): Promise<void> =>
  new Promise((resolve) => {
    const heartbeat = new SharedArrayBuffer(24)
    const beat = new Int32Array(heartbeat, 0, 4)
    const began = new Float64Array(heartbeat, 16, 1)
    const settings: Settings = { runs, baseSeed, budgetMs, strict, selfTest, path, heartbeat }
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      workerData: settings,
      execArgv: process.execArgv
    })
    let current: number | undefined
    let done = false
    const next = () => {
      current = queue.shift()
      if (current === undefined) {
        done = true
        clearInterval(watch)
        void worker.terminate().then(() => resolve())
      } else worker.postMessage(current)
    }
    const watch = setInterval(() => {
      const since = began[0]!
      if (current === undefined || since === 0 || Date.now() - since < budgetMs + 3_000) return
      const target = all[current]!
      const shrinking = Atomics.load(beat, 2) === 1
      const run = Atomics.load(beat, 1)
      reports.set(target.name, {
        name: target.name,
        pkg: target.pkg,
        runs: run,
        failures: 0,
        successes: 0,
        maxMs: Date.now() - since,
        totalMs: 0,
        known: 0,
        unseen: [],
        seed: seedOf(baseSeed, target.name),
        finding: {
          message: `hang: one input ran for more than ${budgetMs + 3_000} ms and the worker was stopped${
            shrinking ? " (while shrinking a failure)" : ""
          }`,
          path: shrinking ? "" : String(run),
          counterexample: ""
        }
      })
      done = true
      clearInterval(watch)
      void worker.terminate().then(() => drive().then(resolve))
    }, 200)
    worker.on("message", (message: { ready?: ReadonlyArray<Listed>; report?: Report; crashed?: string }) => {
      if (message.ready !== undefined && all.length === 0) choose(message.ready)
      if (message.report !== undefined) {
        const r = message.report
        reports.set(r.name, r)
        // one line as each decoder ends, so that a long run shows where it is
        console.log(
          `  ${reports.size}/${chosen.length} ${r.name}: ${(r.runs + r.known).toLocaleString("en")} inputs` +
            `${r.finding === undefined ? "" : " ✗"} (${((performance.now() - started) / 1000).toFixed(0)} s)`
        )
      }
      if (message.crashed !== undefined && current === undefined) {
        console.error(`the fuzz targets could not be made: ${message.crashed}`)
        process.exit(1)
      }
      if (message.crashed !== undefined) {
        const target = all[current!]!
        reports.set(target.name, {
          name: target.name,
          pkg: target.pkg,
          runs: 0,
          failures: 0,
          successes: 0,
          maxMs: 0,
          totalMs: 0,
          known: 0,
          unseen: [],
          seed: seedOf(baseSeed, target.name),
          finding: { message: `the fuzz run itself failed: ${message.crashed}`, path: "", counterexample: "" }
        })
      }
      next()
    })
    worker.on("error", (cause) => {
      if (done) return
      done = true
      clearInterval(watch)
      console.error(`a fuzz worker failed: ${cause.stack ?? String(cause)}`)
      process.exitCode = 1
      resolve()
    })
  })

await Promise.all(Array.from({ length: workers }, drive))

const seconds = (performance.now() - started) / 1000
const rows = chosen.map(([t]) => [t, reports.get(t.name)] as const)
const w = Math.max(...rows.map(([t]) => t.name.length), 7)
const n = (x: number) => x.toLocaleString("en")
const line = (cells: ReadonlyArray<string>) =>
  [cells[0]!.padEnd(w), cells[1]!.padEnd(21), ...cells.slice(2, 8).map((c, i) => c.padStart([8, 9, 9, 7, 8, 8][i]!)),
    cells[8]]
    .join(" ")
console.log("")
console.log(line(["decoder", "package", "inputs", "failures", "successes", "known", "mean µs", "max ms", "finding"]))
const total = { inputs: 0, failures: 0, successes: 0, known: 0, maxMs: 0 }
const findings: Array<readonly [Listed, Report]> = []
let missing = 0
for (const [t, r] of rows) {
  if (r === undefined) {
    missing++
    console.log(line([t.name, t.pkg, "-", "-", "-", "-", "-", "-", "not run"]))
    continue
  }
  total.inputs += r.runs + r.known
  total.failures += r.failures
  total.successes += r.successes
  total.known += r.known
  total.maxMs = Math.max(total.maxMs, r.maxMs)
  if (r.finding !== undefined) findings.push([t, r])
  console.log(line([
    t.name,
    t.pkg,
    n(r.runs + r.known),
    n(r.failures),
    n(r.successes),
    n(r.known),
    r.runs === 0 ? "-" : ((r.totalMs / r.runs) * 1000).toFixed(0),
    r.maxMs.toFixed(1),
    r.finding === undefined ? "-" : r.finding.message.split("\n")[0]!.slice(0, 70)
  ]))
}
console.log(line([
  "total",
  `${rows.length} decoders`,
  n(total.inputs),
  n(total.failures),
  n(total.successes),
  n(total.known),
  "",
  total.maxMs.toFixed(1),
  `${findings.length} finding${findings.length === 1 ? "" : "s"}`
]))
console.log(`${seconds.toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`)

const open = rows.flatMap(([t, r]) => (r !== undefined && r.known > 0 ? [[t, r] as const] : []))
if (open.length > 0) {
  console.log(`\nknown findings, handed over (scripts/fuzz/known.ts; GONGZHI_FUZZ_STRICT=1 fails on them):`)
  for (const [t, r] of open) {
    console.log(`  ${t.name}: ${n(r.known)} inputs`)
    for (const k of known[t.name] ?? []) if (!r.unseen.includes(k.what)) console.log(`    - ${k.what} (${k.owner})`)
  }
}
const stale = rows.flatMap(([t, r]) => (r === undefined ? [] : r.unseen.map((what) => `${t.name}: ${what}`)))
if (stale.length > 0) {
  console.log(`\nknown findings no input showed (fixed? then delete them from scripts/fuzz/known.ts):`)
  for (const s of stale) console.log(`  ${s}`)
}

for (const [t, r] of findings) {
  console.log(`\n✗ ${t.name} (@gongzhi/${t.pkg}): ${r.finding!.message}`)
  if (r.finding!.counterexample !== "") console.log(`  input: ${r.finding!.counterexample}`)
  const again = r.finding!.path === "" ? "" : ` GONGZHI_FUZZ_PATH=${r.finding!.path}`
  console.log(`  again: GONGZHI_FUZZ_SEED=${baseSeed} GONGZHI_FUZZ_ONLY='${t.name}'${again} pnpm fuzz`)
  console.log(`  (fast-check seed ${r.seed}, path ${r.finding!.path || "-"})`)
}
if (selfTest) {
  // every planted bug must be found, as the finding it is
  const unnoticed = planted.filter(([t, kind]) => !reports.get(t.name)?.finding?.message.startsWith(kind))
  console.log(
    unnoticed.length === 0
      ? `\nself-test: all ${planted.length} planted bugs were found`
      : `\nself-test: NOT found: ${unnoticed.map(([t, kind]) => `${t.name} (expected ${kind})`).join("; ")}`
  )
  process.exit(unnoticed.length === 0 ? 0 : 1)
}
if (findings.length > 0 || missing > 0 || process.exitCode === 1) process.exit(1)
