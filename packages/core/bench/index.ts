/**
 * Benchmarks of @gongzhi/core's hot paths against their peers, in one process:
 * - decoding 100,000 roster rows with all-problem reports (ValidationReport.decodeUnknown)
 *   vs effect's own `Schema.decodeUnknownResult` on the same schema (our overhead);
 * - parsing 1,000,000 typed money amounts (Fen.parse) vs `Math.round(parseFloat(x) * 100)`
 *   (the naive limit, which silently misreads 万, separators and ambiguous input);
 * - 1,000,000 civil-date additions vs `Date` UTC arithmetic.
 * Writes bench/results/core.json.
 */
import { CivilDate, Fen, Id, Random, ValidationReport } from "@gongzhi/core"
import { Result, Schema } from "effect"
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))

const time = (run: () => unknown, repeat = 3): number => {
  run() // warm up
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    run()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

const random = Random.seeded(20241122)

// 1. decoding rows
const Row = Schema.Struct({
  id: Id.OrgUnitId,
  parentId: Id.OrgUnitId,
  elected: CivilDate.CivilDate,
  funds: Fen.Fen,
  members: Schema.Int
})
const rows = Array.from({ length: 100_000 }, (_, i) => ({
  id: `unit-${i}`,
  parentId: `unit-${Math.floor(i / 10)}`,
  elected: `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
  funds: Math.floor(random() * 1_000_000),
  members: Math.floor(random() * 200)
}))
const ours = ValidationReport.decodeUnknown(Row)
const effectRaw = Schema.decodeUnknownResult(Row)
let failures = 0
const decodeOurs = time(() => {
  failures = 0
  for (const row of rows) if (Result.isFailure(ours(row))) failures++
})
const decodeEffect = time(() => {
  for (const row of rows) effectRaw(row, { errors: "all", onExcessProperty: "error" })
})

// 2. parsing money
const typed = Array.from({ length: 1_000_000 }, () => {
  const r = random()
  const yuan = Math.floor(random() * 1_000_000)
  return r < 0.25
    ? `${yuan}`
    : r < 0.5
    ? `${yuan}.${Math.floor(random() * 100)}`
    : r < 0.75
    ? `¥${yuan.toLocaleString("en-US")}.50`
    : `${yuan % 100}万元`
})
let parsedSum = 0
const parseOurs = time(() => {
  parsedSum = 0
  for (const text of typed) {
    const r = Fen.parse(text)
    if (Result.isSuccess(r)) parsedSum += r.success
  }
})
let naiveSum = 0
const parseNaive = time(() => {
  naiveSum = 0
  for (const text of typed) naiveSum += Math.round(Number.parseFloat(text) * 100) || 0
})

// 3. date arithmetic
const dates = Array.from({ length: 1_000_000 }, () => {
  const day = Math.floor(random() * 20000)
  return Result.getOrThrow(CivilDate.fromEpochDay(day))
})
const addOurs = time(() => {
  for (const date of dates) CivilDate.addDays(date, 30)
})
const addDate = time(() => {
  for (const date of dates) new Date(Date.parse(date) + 30 * 86_400_000).toISOString().slice(0, 10)
})

const memory = process.memoryUsage()
const results = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  decodeRows: {
    rows: rows.length,
    oursMs: decodeOurs,
    effectMs: decodeEffect,
    ratio: decodeOurs / decodeEffect,
    failures
  },
  parseMoney: { inputs: typed.length, oursMs: parseOurs, naiveMs: parseNaive, ratio: parseOurs / parseNaive },
  addDays: { dates: dates.length, oursMs: addOurs, dateMs: addDate, ratio: addOurs / addDate },
  peakRssMb: Math.round(memory.rss / 1024 / 1024)
}
mkdirSync(join(here, "results"), { recursive: true })
writeFileSync(join(here, "results", "core.json"), `${JSON.stringify(results, null, 2)}\n`)

const fmt = (ms: number) => `${ms.toFixed(0)} ms`
console.log("@gongzhi/core benchmarks")
console.log(
  `decode ${rows.length} rows (all problems, bilingual): ${fmt(decodeOurs)} vs effect decodeUnknownResult ${
    fmt(decodeEffect)
  } → ×${results.decodeRows.ratio.toFixed(2)}`
)
console.log(
  `Fen.parse ${typed.length} amounts: ${fmt(parseOurs)} vs parseFloat×100 ${fmt(parseNaive)} → ×${
    results.parseMoney.ratio.toFixed(2)
  }`
)
console.log(
  `CivilDate.addDays ×${dates.length}: ${fmt(addOurs)} vs Date arithmetic ${fmt(addDate)} → ×${
    results.addDays.ratio.toFixed(2)
  }`
)
console.log(`peak RSS ${results.peakRssMb} MB`)
