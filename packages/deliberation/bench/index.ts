/**
 * Benchmark of the tally on a large district: 1,000,000 exclusive units, one owner each,
 * 1,000,000 ballots, counted by the 民法典 Art. 278 ordinary-matter rule with every check and
 * its bilingual explanation (`Tally.count`), against a hand-written loop over the same arrays
 * (per-voter choice codes and areas) that sums yes / no / abstain / spoiled on headcount and
 * area and compares the four thresholds, explaining nothing. Both run in the same process, in
 * turns, warmed the same way; the median of the turns is compared. Also timed on their own
 * (no peer): building the electorate, casting the ballots, a tally as of an instant while
 * voting is open (replayed from the records). Peak memory (max RSS) is printed.
 *
 * Writes bench/results/deliberation.json and rewrites the table between the bench markers
 * of the package README.
 *
 * Run: npm run bench (tsx --conditions=@gongzhi/source bench/index.ts); BENCH_UNITS and
 * BENCH_TURNS change the size and the number of turns.
 */
import { Instant, Random, ValidationReport } from "@gongzhi/core"
import { Ballots, Electorate, Presets, Tally } from "@gongzhi/deliberation"
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const UNITS = Number(process.env["BENCH_UNITS"] ?? 1_000_000)
const TURNS = Number(process.env["BENCH_TURNS"] ?? 15)
const get = ValidationReport.getOrThrow

const time = <A>(f: () => A): { readonly ms: number; readonly cpuMs: number; readonly value: A } => {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  const value = f()
  const used = process.cpuUsage(cpu)
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, value }
}
const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

// --- data ---------------------------------------------------------------------------------
const random = Random.seeded(20241031)
const units: Array<Electorate.UnitInput> = []
const areas = new Float64Array(UNITS)
for (let i = 0; i < UNITS; i++) {
  const area = 6000 + Math.floor(random() * 9000)
  areas[i] = area
  units.push({ id: `u${i}`, building: `b${i % 2000}`, area, owner: { id: `o${i}`, name: `业主${i}` } })
}
const built = time(() => get(Electorate.owners(units)))
const electorate = built.value
const choices = new Uint8Array(UNITS)
const codeOf = { yes: 1, no: 2, abstain: 3, spoiled: 4 } as const
const ballots: Array<Ballots.Ballot> = []
const instants = Array.from(
  { length: 28 },
  (_, d) => Instant.makeUnsafe(`2024-10-${String(d + 2).padStart(2, "0")}T10:00:00+08:00`)
)
for (let i = 0; i < UNITS; i++) {
  const r = random()
  const choice: Ballots.Choice = r < 0.62 ? "yes" : r < 0.9 ? "no" : r < 0.97 ? "abstain" : "spoiled"
  choices[i] = codeOf[choice]
  ballots.push({ voter: `o${i}`, choice, at: instants[i % instants.length]!, channel: "paper", recordedBy: "计票人" })
}
const opened = get(Ballots.open({
  matter: "district",
  rule: Presets.ownersOrdinary,
  electorate,
  opensAt: Instant.makeUnsafe("2024-10-01T00:00:00+08:00"),
  closesAt: Instant.makeUnsafe("2024-10-31T18:00:00+08:00")
}))
const cast = time(() => get(Ballots.castAll(opened, ballots)))
const box = get(Ballots.close(cast.value, Instant.makeUnsafe("2024-10-31T18:00:00+08:00")))

// --- the peer: a hand-written loop over the same arrays -------------------------------------
const handLoop = (codes: Uint8Array, area: Float64Array) => {
  let eligibleH = 0
  let eligibleA = 0
  let partH = 0
  let partA = 0
  let yesH = 0
  let yesA = 0
  for (let i = 0; i < codes.length; i++) {
    const a = area[i]!
    eligibleH++
    eligibleA += a
    const c = codes[i]!
    if (c === 0) continue
    partH++
    partA += a
    if (c === 1) {
      yesH++
      yesA += a
    }
  }
  // participants ≥ 2/3 of all (area and headcount); yes > 1/2 of participants (area and headcount)
  const quorum = partA * 3 >= eligibleA * 2 && partH * 3 >= eligibleH * 2
  const pass = yesA * 2 > partA && yesH * 2 > partH
  return { passed: quorum && pass, yesH, yesA, partH, partA }
}

const ours = () => get(Tally.count(box))
const check = ours()
const peerCheck = handLoop(choices, areas)
if (
  check.passed !== peerCheck.passed || check.counts.yes.headcount !== peerCheck.yesH ||
  check.counts.yes.area !== peerCheck.yesA || check.counts.participants.area !== peerCheck.partA
) {
  throw new Error("the tally and the hand loop disagree")
}

// warm both the same way, then alternate
for (let i = 0; i < 3; i++) {
  ours()
  handLoop(choices, areas)
}
const oursMs: Array<number> = []
const peerMs: Array<number> = []
for (let t = 0; t < TURNS; t++) {
  if (t % 2 === 0) {
    oursMs.push(time(ours).ms)
    peerMs.push(time(() => handLoop(choices, areas)).ms)
  } else {
    peerMs.push(time(() => handLoop(choices, areas)).ms)
    oursMs.push(time(ours).ms)
  }
}
const asOf = time(() => get(Tally.count(cast.value, { asOf: Instant.makeUnsafe("2024-10-15T12:00:00+08:00") })))

const oursMedian = median(oursMs)
const peerMedian = median(peerMs)
const ratio = oursMedian / peerMedian
const peakRss = process.resourceUsage().maxRSS * 1024
const heap = process.memoryUsage().heapUsed

const results = {
  date: new Date().toISOString(),
  node: process.version,
  units: UNITS,
  ballots: ballots.length,
  turns: TURNS,
  tally: { oursMedianMs: oursMedian, handLoopMedianMs: peerMedian, ratio, oursMs, handLoopMs: peerMs },
  buildElectorate: { wallMs: built.ms, cpuMs: built.cpuMs },
  castAll: { wallMs: cast.ms, cpuMs: cast.cpuMs },
  tallyAsOf: { wallMs: asOf.ms, cpuMs: asOf.cpuMs },
  peakRssMb: mb(peakRss),
  heapUsedMb: mb(heap),
  passed: check.passed,
  explanation: check.explanation
}
writeFileSync(join(here, "results", "deliberation.json"), JSON.stringify(results, null, 2) + "\n")

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0))
const table = [
  `${UNITS.toLocaleString("en")} exclusive units, ${
    ballots.length.toLocaleString("en")
  } ballots, ${TURNS} turns each, ${process.version}, ${new Date().toISOString().slice(0, 10)}:`,
  "",
  "| operation | ours, median (min) ms | hand-written loop, median (min) ms | ratio of medians |",
  "|---|---:|---:|---:|",
  `| tally with explanations (\`Tally.count\`) | ${fmt(oursMedian)} (${fmt(Math.min(...oursMs))}) | ${
    fmt(peerMedian)
  } (${fmt(Math.min(...peerMs))}) | ${ratio.toFixed(2)}× |`,
  "",
  "Timed once, no peer (wall ms / CPU ms):",
  "",
  "| operation | wall ms | CPU ms |",
  "|---|---:|---:|",
  `| tally as of an instant while open (replayed from the records) | ${fmt(asOf.ms)} | ${fmt(asOf.cpuMs)} |`,
  `| cast ${ballots.length.toLocaleString("en")} ballots, every one checked (\`Ballots.castAll\`) | ${fmt(cast.ms)} | ${
    fmt(cast.cpuMs)
  } |`,
  `| build the electorate (\`Electorate.owners\`) | ${fmt(built.ms)} | ${fmt(built.cpuMs)} |`,
  "",
  `Peak memory (max RSS): ${mb(peakRss)} MB; heap in use at the end: ${mb(heap)} MB.`
].join("\n")
const readmePath = join(here, "..", "README.md")
const readme = readFileSync(readmePath, "utf8")
const start = "<!-- bench:start -->"
const end = "<!-- bench:end -->"
if (readme.includes(start) && readme.includes(end)) {
  writeFileSync(
    readmePath,
    readme.slice(0, readme.indexOf(start) + start.length) + "\n" + table + "\n" + readme.slice(readme.indexOf(end))
  )
}
console.log(table)
console.log(`\nratio ours / hand loop: ${ratio.toFixed(2)}× (goal ≤ 1.5×)`)
