import { Assessment, Inputs, Plan } from "@gongzhi/assessment-scoring"
import { Random } from "@gongzhi/core"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
const SUBJECTS = Number(process.env["BENCH_SUBJECTS"] ?? 10_000)
const PEER_SUBJECTS = Math.min(SUBJECTS, Number(process.env["BENCH_PEER_SUBJECTS"] ?? 2_000))
const INDICATORS = 100
const DIMENSIONS = 10

// ---------------------------------------------------------------- the plan
const bandsOf = (i: number) => [
  { below: 40 + (i % 5), points: 0 },
  { min: 40 + (i % 5), below: 80, points: 0.6 },
  { min: 80, points: 1 }
]
const plan: Plan.Plan = {
  kind: "assessment-plan",
  schemaVersion: 1,
  id: "bench",
  version: "1",
  name: { zh: "基准方案", en: "benchmark plan" },
  subject: { zh: "社区", en: "community" },
  maxTotal: 100,
  indicators: Array.from({ length: DIMENSIONS }, (_, d) => ({
    id: `d${d}`,
    label: { zh: `维度${d}`, en: `dimension ${d}` },
    max: 10,
    children: Array.from({ length: INDICATORS / DIMENSIONS }, (_, k) => {
      const i = d * (INDICATORS / DIMENSIONS) + k
      return {
        id: `i${i}`,
        label: { zh: `指标${i}`, en: `indicator ${i}` },
        max: 1,
        method: { name: "bands", config: { hitPolicy: "first", bands: bandsOf(i) } }
      }
    })
  })),
  bonus: [{ id: "award", label: { zh: "表彰", en: "award" }, points: 2, cap: 2 }],
  deductions: [{ id: "complaint", label: { zh: "投诉", en: "complaint" }, points: 3, cap: 3 }],
  vetoes: [{
    id: "incident",
    label: { zh: "事故", en: "incident" },
    effect: { _tag: "ForceGrade", grade: "fail" },
    when: { "==": [{ "var": "values.i0" }, 0] }
  }],
  rounding: { places: 2, mode: "half-up" },
  grades: {
    bands: [
      { id: "excellent", label: { zh: "优秀", en: "excellent" }, min: 90 },
      { id: "pass", label: { zh: "合格", en: "pass" }, min: 60 },
      { id: "fail", label: { zh: "不合格", en: "fail" }, min: 0 }
    ],
    quotas: [{ grade: "excellent", numerator: 1, denominator: 3, scope: "plan", tie: "by-subject-id" }]
  },
  ranking: { mode: "competition", scope: "plan" }
}

// ---------------------------------------------------------------- the data
const random = Random.seeded(42)
const subjects: Array<Inputs.Subject> = Array.from({ length: SUBJECTS }, (_, s) => {
  const values: Record<string, number> = {}
  for (let i = 0; i < INDICATORS; i++) values[`i${i}`] = Math.floor(60 + random() * 41) - (random() < 0.05 ? 60 : 0)
  return {
    id: `s${String(s).padStart(6, "0")}`,
    values,
    bonus: { award: random() < 0.2 ? 1 : 0 },
    deductions: { complaint: random() < 0.1 ? 1 : 0 }
  }
})
const inputs = Inputs.make("bench", subjects, "2024")

// ---------------------------------------------------------------- shared grading (used by both peers)
interface Row {
  id: string
  total: number
  veto: boolean
}
const grade = (rows: Array<Row>) => {
  const grades = rows.map((r) => (r.veto ? "fail" : r.total >= 90 ? "excellent" : r.total >= 60 ? "pass" : "fail"))
  const holders = rows.map((r, k) => ({ r, k })).filter(({ k }) => grades[k] === "excellent")
    .sort((a, b) => b.r.total - a.r.total || (a.r.id < b.r.id ? -1 : 1))
  const limit = Math.floor(rows.length / 3)
  for (const { k } of holders.slice(limit)) grades[k] = "pass"
  const order = rows.map((r, k) => ({ r, k })).sort((a, b) => b.r.total - a.r.total || (a.r.id < b.r.id ? -1 : 1))
  const ranks = new Array<number>(rows.length)
  order.forEach((
    { r, k },
    i
  ) => (ranks[k] = i > 0 && order[i - 1]!.r.total === r.total ? ranks[order[i - 1]!.k]! : i + 1))
  return { grades, ranks }
}
const round2 = (x: number) => Math.round(x * 100) / 100

// ---------------------------------------------------------------- the hand-written loop
// the keys of the values, made once (not one string per value and run), and the checks a hand
// loop can reasonably make of inputs it did not make: no duplicate ids, every value present and a
// finite number, no other keys, occurrences whole numbers ≥ 0 (a bad input ends the run)
const keys = Array.from({ length: INDICATORS }, (_, i) => `i${i}`)
const bandTable = Array.from({ length: INDICATORS }, (_, i) => bandsOf(i))
const occurrences = (n: number | undefined): number => {
  if (n === undefined) return 0
  if (!Number.isSafeInteger(n) || n < 0) throw new Error("occurrences")
  return n
}
const handWritten = (list: ReadonlyArray<Inputs.Subject>) => {
  const rows: Array<Row> = []
  const seen = new Set<string>()
  for (const s of list) {
    if (seen.has(s.id)) throw new Error(`duplicate ${s.id}`)
    seen.add(s.id)
    const values = s.values
    if (Object.keys(values).length !== INDICATORS) throw new Error(`unknown keys in ${s.id}`)
    let total = 0
    for (let d = 0; d < DIMENSIONS; d++) {
      let dim = 0
      for (let k = 0; k < INDICATORS / DIMENSIONS; k++) {
        const i = d * (INDICATORS / DIMENSIONS) + k
        const v = values[keys[i]!]
        if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`bad value ${s.id}.${keys[i]}`)
        for (const b of bandTable[i]!) {
          if ((b.min === undefined || v >= b.min) && (b.below === undefined || v < b.below)) {
            dim += b.points
            break
          }
        }
      }
      total += Math.min(round2(dim), 10)
    }
    const award = occurrences(s.bonus?.["award"])
    const complaint = occurrences(s.deductions?.["complaint"])
    total = Math.max(0, round2(total + (award > 0 ? 2 : 0) - (complaint > 0 ? 3 : 0)))
    rows.push({ id: s.id, total, veto: values["i0"] === 0 })
  }
  return { rows, ...grade(rows) }
}


setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as (o?: unknown) => void
const program = (Plan.compile(plan) as any).success
const json = process.env.JSON === "1"
const inp: Inputs.Inputs = json ? JSON.parse(JSON.stringify(inputs)) : inputs
const ours = () => Assessment.score(program, inp)
const hw = () => handWritten(inp.subjects)
const warm = subjects.slice(0, 200), wi = Inputs.make("bench", warm)
for (let i = 0; i < 3; i++) { Assessment.score(program, wi); handWritten(warm) }
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const time = (f: () => unknown) => { const t0 = cpu(); f(); gc({ type: "minor" }); gc({ type: "minor" }); return cpu() - t0 }
const TURNS = Number(process.env.TURNS ?? 21)
gc(); ours(); hw()
const r: number[] = [], os: number[] = [], hs: number[] = []
for (let i = 0; i < TURNS; i++) { const o = time(ours); const h = time(hw); r.push(o / h); os.push(o); hs.push(h) }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!
const mn = (a: number[]) => Math.min(...a)
console.log(json ? "json  " : "filled", "best ratio", (mn(os) / mn(hs)).toFixed(3), "ours", mn(os).toFixed(1), "hand", mn(hs).toFixed(1), "median", med(r).toFixed(2))
if (process.env.PHASES) { const ph = (globalThis as any).PH as number[][]; const last = ph.slice(-TURNS); for (let j = 0; j < 3; j++) console.log("phase", j, Math.min(...last.map((p) => p[j]!)).toFixed(2), med(last.map((p) => p[j]!)).toFixed(2)) }
