/**
 * How long `gongzhi --help` takes to start, against `node -e 0` (Node's own start-up) in the
 * same run: the two are run in turns, 20 times each after two warm-up runs of each, and the
 * medians are compared. Goal: `gongzhi --help` ≤ 250 ms.
 *
 * Run: pnpm --filter @gongzhi/cli bench (builds nothing: run `pnpm build` first).
 * Writes bench/results/startup.json and the table in the package README.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const bin = join(here, "..", "dist", "bin.js")
if (!existsSync(bin)) {
  console.error("bench: the CLI is not built (no dist/bin.js): run `pnpm build` first")
  process.exit(1)
}

const time = (args: ReadonlyArray<string>): number => {
  const start = process.hrtime.bigint()
  execFileSync(process.execPath, [...args], { stdio: "ignore" })
  return Number(process.hrtime.bigint() - start) / 1e6
}
const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

const cases = { help: [bin, "--help"], version: [bin, "--version"], node: ["-e", "0"] } as const
const runs: Record<keyof typeof cases, Array<number>> = { help: [], version: [], node: [] }
for (let i = 0; i < 2; i++) for (const args of Object.values(cases)) time(args)
for (let i = 0; i < 20; i++) {
  for (const [name, args] of Object.entries(cases)) runs[name as keyof typeof cases].push(time(args))
}

const results = {
  machine: `${process.platform} ${process.arch}, Node ${process.version}`,
  runs: 20,
  helpMs: median(runs.help),
  versionMs: median(runs.version),
  nodeMs: median(runs.node),
  helpMinusNodeMs: median(runs.help) - median(runs.node),
  goalMs: 250,
  met: median(runs.help) <= 250
}
mkdirSync(join(here, "results"), { recursive: true })
writeFileSync(join(here, "results", "startup.json"), `${JSON.stringify(results, null, 2)}\n`)

const ms = (n: number) => `${n.toFixed(0)} ms`
const table = [
  "| command | median of 20 runs | over `node -e 0` |",
  "|---|---:|---:|",
  `| \`node -e 0\` (Node's own start-up) | ${ms(results.nodeMs)} | — |`,
  `| \`gongzhi --help\` | ${ms(results.helpMs)} | +${ms(results.helpMinusNodeMs)} |`,
  `| \`gongzhi --version\` | ${ms(results.versionMs)} | +${ms(results.versionMs - results.nodeMs)} |`
].join("\n")
console.log(table)
console.log(`goal: gongzhi --help ≤ 250 ms: ${results.met ? "met" : "NOT met"} (${ms(results.helpMs)})`)

const readme = join(here, "..", "README.md")
const text = readFileSync(readme, "utf8")
const start = "<!-- startup:start -->"
const end = "<!-- startup:end -->"
const a = text.indexOf(start)
const b = text.indexOf(end)
if (a !== -1 && b > a) writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`)
