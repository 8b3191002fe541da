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
 *   GONGZHI_FUZZ_BUDGET_MS=2000  the time budget of one input
 *   GONGZHI_FUZZ_WORKERS=2       worker threads (default: 2, or 1 on one core)
 */
import { availableParallelism, loadavg } from "node:os"
import { Worker } from "node:worker_threads"
import type { Target } from "./target.js"
import { load } from "./targets.js"
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

const runs = Math.round(number("GONGZHI_FUZZ_RUNS", 10_000))
const budgetMs = number("GONGZHI_FUZZ_BUDGET_MS", 2_000)
const workers = Math.max(1, Math.round(number("GONGZHI_FUZZ_WORKERS", Math.min(2, availableParallelism()))))
const baseSeed = env["GONGZHI_FUZZ_SEED"] === "random"
  ? Math.floor(Math.random() * 2 ** 31)
  : Math.round(number("GONGZHI_FUZZ_SEED", 20_261_202))
const only = (env["GONGZHI_FUZZ_ONLY"] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "")
const path = env["GONGZHI_FUZZ_PATH"] || undefined

/** A seed of its own for each decoder (so that adding one changes no other's inputs). */
const seedOf = (name: string): number => {
  let h = baseSeed | 0
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15)
  return h >>> 1
}

const started = performance.now()
const all = await load()
const chosen = all.map((t, index) => [t, index] as const).filter(([t]) =>
  only.length === 0 || only.some((o) => t.name.includes(o))
)
if (chosen.length === 0) {
  console.error(
    `no decoder matches GONGZHI_FUZZ_ONLY=${only.join(",")}; there are: ${all.map((t) => t.name).join(", ")}`
  )
  process.exit(2)
}
const seeds = Object.fromEntries(chosen.map(([t]) => [t.name, seedOf(t.name)]))
console.log(
  `fuzzing ${chosen.length} decoders, ${
    runs.toLocaleString("en")
  } inputs each (GONGZHI_FUZZ_RUNS), seed ${baseSeed}, ` +
    `${workers} worker${workers === 1 ? "" : "s"}, budget ${budgetMs} ms an input; load average ${
      loadavg().map((l) => l.toFixed(2)).join(" ")
    }`
)

const reports = new Map<string, Report>()
const queue = chosen.map(([, index]) => index)

/** Runs targets on one worker until the queue is empty; a worker whose input hangs is stopped and replaced. */
const drive = (): Promise<void> =>
  new Promise((resolve) => {
    const heartbeat = new SharedArrayBuffer(24)
    const beat = new Int32Array(heartbeat, 0, 4)
    const began = new Float64Array(heartbeat, 16, 1)
    const settings: Settings = { runs, seeds, budgetMs, path, heartbeat }
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
        seed: seeds[target.name]!,
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
    worker.on("message", (message: { ready?: true; report?: Report; crashed?: string }) => {
      if (message.report !== undefined) reports.set(message.report.name, message.report)
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
          seed: seeds[target.name]!,
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

await Promise.all(Array.from({ length: Math.min(workers, queue.length) }, drive))

const seconds = (performance.now() - started) / 1000
const rows = chosen.map(([t]) => [t, reports.get(t.name)] as const)
const w = Math.max(...rows.map(([t]) => t.name.length), 7)
const pad = (s: string | number, n: number) => String(s).padStart(n)
console.log(
  `\n${"decoder".padEnd(w)}  ${"package".padEnd(21)} ${pad("inputs", 8)} ${pad("failures", 9)} ${pad("successes", 9)} ${
    pad("max ms", 8)
  }  finding`
)
let total = { runs: 0, failures: 0, successes: 0, maxMs: 0 }
const findings: Array<readonly [Target, Report]> = []
for (const [t, r] of rows) {
  if (r === undefined) {
    console.log(`${t.name.padEnd(w)}  ${t.pkg.padEnd(21)} not run`)
    continue
  }
  total = {
    runs: total.runs + r.runs,
    failures: total.failures + r.failures,
    successes: total.successes + r.successes,
    maxMs: Math.max(total.maxMs, r.maxMs)
  }
  if (r.finding !== undefined) findings.push([t, r])
  console.log(
    `${t.name.padEnd(w)}  ${t.pkg.padEnd(21)} ${pad(r.runs.toLocaleString("en"), 8)} ${
      pad(r.failures.toLocaleString("en"), 9)
    } ` +
      `${pad(r.successes.toLocaleString("en"), 9)} ${
        pad(r.runs === 0 ? "-" : ((r.totalMs / r.runs) * 1000).toFixed(0), 8)
      } ${pad(r.maxMs.toFixed(1), 8)}  ${
        r.finding === undefined ? "-" : r.finding.message.split("\n")[0]!.slice(0, 60)
      }`
  )
}
console.log(
  `${"total".padEnd(w)}  ${"".padEnd(21)} ${pad(total.runs.toLocaleString("en"), 8)} ${
    pad(total.failures.toLocaleString("en"), 9)
  } ` +
    `${pad(total.successes.toLocaleString("en"), 9)} ${pad("", 8)} ${
      pad(total.maxMs.toFixed(1), 8)
    }  ${findings.length} finding${findings.length === 1 ? "" : "s"}`
)
console.log(`${seconds.toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`)

for (const [t, r] of findings) {
  console.log(`\n✗ ${t.name} (@gongzhi/${t.pkg}): ${r.finding!.message}`)
  if (r.finding!.counterexample !== "") console.log(`  input: ${r.finding!.counterexample}`)
  console.log(
    `  again: GONGZHI_FUZZ_SEED=${baseSeed} GONGZHI_FUZZ_ONLY='${t.name}'${
      r.finding!.path === "" ? "" : ` GONGZHI_FUZZ_PATH=${r.finding!.path}`
    } pnpm fuzz` +
      `   (fast-check seed ${r.seed}, path ${r.finding!.path || "-"})`
  )
}
if (findings.length > 0 || process.exitCode === 1) process.exit(1)
