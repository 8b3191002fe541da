/**
 * Builds and validates a generated province of org rows (1,000,000 by default) and compares,
 * in the same process on the same rows, with d3-hierarchy's `stratify` (building the tree
 * only). Also times roll-ups and coverage over the whole tree, and reports peak memory.
 *
 * Run: npm run bench (in packages/org-tree)  —  BENCH_ROWS=200000 npm run bench for a quick run
 */
import { CivilDate, Random } from "@gongzhi/core"
import { stratify } from "d3-hierarchy"
import { spawnSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { OrgRows } from "../src/index.js"
import { OrgTree, Presets, Rollup, Validation } from "../src/index.js"

const size = Number(process.env["BENCH_ROWS"] ?? 1_000_000)

/** A province: street committees → grand committees → grids → buildings, branches → groups → centre households. */
const generate = (
  n: number
): { rows: Array<OrgRows.OrgUnitRow>; people: Array<OrgRows.PersonRow>; positions: Array<OrgRows.PositionRow> } => {
  const random = Random.seeded(42)
  const rows: Array<OrgRows.OrgUnitRow> = []
  const people: Array<OrgRows.PersonRow> = []
  const positions: Array<OrgRows.PositionRow> = []
  const start = CivilDate.makeUnsafe("2023-03-01")
  const end = CivilDate.makeUnsafe("2026-02-28")
  const gcStart = CivilDate.makeUnsafe("2021-07-01")
  const gcEnd = CivilDate.makeUnsafe("2026-06-30")
  rows.push({ id: "province", kind: "street-working-committee", name: "省" })
  let s = 0
  while (rows.length < n) {
    const gc = `gc-${s++}`
    rows.push({ id: gc, parentId: "province", kind: "grand-committee", name: `社区${s}` })
    let gcSecretary = ""
    for (let g = 0; g < 15 && rows.length < n; g++) {
      const grid = `${gc}-g${g}`
      rows.push({ id: grid, parentId: gc, kind: "grid", name: `网格${g}` })
      const branch = `${grid}-b`
      rows.push({ id: branch, parentId: gc, kind: "branch", name: `支部${g}`, branchType: "grid", covers: [grid] })
      const members = 8 + Math.floor(random() * 20)
      for (let m = 0; m < members; m++) {
        people.push({ id: `${branch}-m${m}`, name: "党员", membership: "full", orgUnitId: branch })
      }
      positions.push(
        { orgUnitId: branch, personId: `${branch}-m0`, role: "secretary", start, end },
        { orgUnitId: branch, personId: `${branch}-m1`, role: "committee-member", start, end },
        { orgUnitId: branch, personId: `${branch}-m2`, role: "committee-member", start, end }
      )
      if (gcSecretary === "") gcSecretary = `${branch}-m0`
      for (let b = 0; b < 3 && rows.length < n; b++) {
        const building = `${grid}-bd${b}`
        rows.push({ id: building, parentId: grid, kind: "building", name: `${b}栋` })
        const group = `${branch}-p${b}`
        rows.push({ id: group, parentId: branch, kind: "party-group", name: `${b}栋党小组`, covers: [building] })
        rows.push({ id: `${group}-c`, parentId: group, kind: "centre-household", name: "中心户" })
      }
    }
    if (gcSecretary !== "") {
      positions.push({ orgUnitId: gc, personId: gcSecretary, role: "secretary", start: gcStart, end: gcEnd })
    }
  }
  rows.length = n
  // rows come in any order from a database: shuffle them
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[rows[i], rows[j]] = [rows[j]!, rows[i]!]
  }
  const kept = new Set(rows.map((r) => r.id))
  return {
    rows,
    people: people.filter((p) => kept.has(p.orgUnitId!)),
    positions: positions.filter((p) => kept.has(p.orgUnitId) && kept.has(p.personId.replace(/-m\d+$/, "")))
  }
}

// every timed run (d3's and ours) starts after a full GC, so that no run pays for the garbage of the one before
const time = <A>(f: () => A): { value: A; ms: number } => {
  ;(globalThis as { gc?: () => void }).gc?.()
  const t0 = performance.now()
  const value = f()
  return { value, ms: performance.now() - t0 }
}

let peakRss = 0
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss))
const sampler = setInterval(sample, 20)

// The memory of building and validating the tree on its own, measured in a child process
// (this file with BENCH_PEAK_ONLY=1) that does nothing else: the peak RSS, and the RSS before the
// build (the generated rows, the runtime). In this process, d3's trees and the timed runs' garbage
// would be counted too.
if (process.env["BENCH_PEAK_ONLY"] === "1") {
  const rows = generate(size)
  ;(globalThis as { gc?: () => void }).gc?.()
  const rssBefore = process.memoryUsage().rss
  const built = OrgTree.build({ orgUnits: rows.rows, people: rows.people, positions: rows.positions }, Presets.hongan)
  if (built._tag === "Failure") throw new Error("the generated province does not build")
  Validation.validate(built.success, { asOf: CivilDate.makeUnsafe("2024-12-31") })
  Rollup.counts(built.success)
  Rollup.coverage(built.success)
  console.log(
    JSON.stringify({
      rssBeforeBuildMB: Math.round(rssBefore / 1048576),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024)
    })
  )
  process.exit(0)
}
const alone = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
  env: { ...process.env, BENCH_PEAK_ONLY: "1" },
  encoding: "utf8"
})
if (alone.status !== 0) throw new Error(`the memory run failed: ${alone.stderr}`)
const buildAlone = JSON.parse(alone.stdout.trim().split("\n").pop()!) as { rssBeforeBuildMB: number; peakRssMB: number }

const data = generate(size)
sample()
const gc = (globalThis as { gc?: () => void }).gc
const used = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
gc?.()
const inputsOnly = used()
const asOf = CivilDate.makeUnsafe("2024-12-31")
console.log(
  `${data.rows.length.toLocaleString("en")} org rows, ${data.people.length.toLocaleString("en")} people, ${
    data.positions.length.toLocaleString("en")
  } positions`
)

const runs = 3
const best = (f: () => number) => Math.min(...Array.from({ length: runs }, f))

// d3's stratify (the peer, building the tree only), ours on the org rows alone (the same work),
// and ours with people and positions plus full validation, timed in turns (d3, ours, ours, d3,
// ours, ours, …) so that a slow moment of the shared machine falls on all: the best of each,
// and the median of the turns' ratios
const turns = 5
// in a function, so that nothing of the last turn but the tree stays reachable from the stack
const inTurns = () => {
  let d3Ms = Infinity
  let rowsOnlyMs = Infinity
  let buildMs = Infinity
  let validateMs = Infinity
  let tree: OrgTree.OrgTree | undefined
  let issues = 0
  const ratios: Array<number> = []
  for (let turn = 0; turn < turns; turn++) {
    tree = undefined
    const d3 = time(() =>
      stratify<OrgRows.OrgUnitRow>().id((d) => d.id).parentId((d) => d.parentId ?? null)(data.rows)
    ).ms
    sample()
    // (only its time is kept: the tree goes before the next run)
    const rowsOnly = ((run) => {
      if (run.value._tag === "Failure") throw new Error("the generated province does not build")
      sample()
      return { ms: run.ms }
    })(time(() => OrgTree.build({ orgUnits: data.rows }, Presets.hongan)))
    tree = undefined
    const built = time(() =>
      OrgTree.build({ orgUnits: data.rows, people: data.people, positions: data.positions }, Presets.hongan)
    )
    if (built.value._tag === "Failure") {
      throw new Error(
        `the generated province does not build: ${built.value.failure.issues[0]?.message.en}`
      )
    }
    const current = built.value.success
    tree = current
    sample()
    const validated = time(() => Validation.validate(current, { asOf }))
    issues = validated.value.issues.length
    sample()
    d3Ms = Math.min(d3Ms, d3)
    rowsOnlyMs = Math.min(rowsOnlyMs, rowsOnly.ms)
    buildMs = Math.min(buildMs, built.ms)
    validateMs = Math.min(validateMs, validated.ms)
    ratios.push((built.ms + validated.ms) / d3)
  }
  ratios.sort((x, y) => x - y)
  return { d3Ms, rowsOnlyMs, buildMs, validateMs, tree: tree!, issues, ratios }
}
const { d3Ms, rowsOnlyMs, buildMs, validateMs, tree, issues, ratios } = inTurns()
const round2 = (x: number) => Math.round(x * 100) / 100
const rollupMs = best(() => time(() => Rollup.counts(tree)).ms)
const coverageMs = best(() => time(() => Rollup.coverage(tree)).ms)
sample()
clearInterval(sampler)

// the heap the tree itself keeps (its indexes and validation figures; the rows are the caller's),
// when gc is exposed: the heap with the inputs and the tree, minus the heap with the inputs alone
const counts = Rollup.counts(tree)
let treeRetainedMB: number | null = null
if (gc !== undefined) {
  gc()
  treeRetainedMB = Math.round((used() - inputsOnly) / 1024 / 1024)
}

const result = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  rows: data.rows.length,
  people: data.people.length,
  positions: data.positions.length,
  d3StratifyMs: Math.round(d3Ms),
  buildOrgRowsOnlyMs: Math.round(rowsOnlyMs),
  ratioOrgRowsOnlyToStratify: Math.round((rowsOnlyMs / d3Ms) * 100) / 100,
  buildMs: Math.round(buildMs),
  validateMs: Math.round(validateMs),
  buildAndValidateMs: Math.round(buildMs + validateMs),
  ratioToStratify: Math.round(((buildMs + validateMs) / d3Ms) * 100) / 100,
  ratioToStratifyMedianOfTurns: round2(ratios[Math.floor(ratios.length / 2)]!),
  ratiosOfTurns: ratios.map(round2).join(" "),
  rollupMs: Math.round(rollupMs * 10) / 10,
  coverageMs: Math.round(coverageMs * 10) / 10,
  validationIssues: issues,
  grandCommittees: counts.byKind["grand-committee"],
  peakRssMB: Math.round(peakRss / 1024 / 1024),
  buildAlonePeakRssMB: buildAlone.peakRssMB,
  buildAloneRssBeforeBuildMB: buildAlone.rssBeforeBuildMB,
  treeRetainedMB
}
console.table(result)
console.log(
  `build of the org rows alone: ${result.ratioOrgRowsOnlyToStratify}× d3 stratify; build with people and positions + full validation: ${result.ratioToStratify}× (best of each), ${result.ratioToStratifyMedianOfTurns}× (median of ${turns} turns) (goal ≤ 1.0×)`
)
const dir = join(import.meta.dirname, "results")
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, "org-tree.json"), `${JSON.stringify(result, null, 2)}\n`)
