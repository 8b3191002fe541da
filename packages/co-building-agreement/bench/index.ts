/**
 * Benchmark of matching and period fulfilment on a generated district: 200 grand committees,
 * 3,000 member units (one agreement each), 100,000 needs and 20,000 resources, plus a year
 * of delivery records, micro-wishes, whistles and joint meetings. Measured at 10 %, 50 % and
 * 100 % to show the growth; the peer is a naive implementation written here (every need
 * scans every resource; every unit filters every record), run on the same data where it
 * finishes in reasonable time. Writes bench/results/co-building.json.
 *
 * Run: npm run bench (tsx --conditions=@gongzhi/source bench/index.ts)
 */
import {
  Agreement,
  Category,
  Fulfilment,
  type JointMeeting,
  Matching,
  type MicroWish,
  Presets,
  type ThreeLists,
  type Whistle
} from "@gongzhi/co-building-agreement"
import { CivilDate, Fen, Id, Instant, Period, Random } from "@gongzhi/core"
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const FULL = { committees: 200, units: 3_000, needs: 100_000, resources: 20_000 }
const categories = Category.all
const urgencies = ["low", "normal", "high", "critical"] as const
const tagPool = ["老人", "儿童", "维修", "义诊", "法律", "就业", "消防", "环境", "文化", "助残", "交通", "物资"]
const pad = (n: number, w = 5) => String(n).padStart(w, "0")
const day = (n: number) => CivilDate.makeUnsafe(new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10))

const generate = (fraction: number, seed: number) => {
  const random = Random.seeded(seed)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(random() * xs.length)]!
  const committees = Math.round(FULL.committees * fraction)
  const unitCount = Math.round(FULL.units * fraction)
  const gc = (i: number) => Id.OrgUnitId.make(`gc-${pad(i, 3)}`)
  const template = Presets.mingquanScenario({ year: 2024 }).agreements[0]!
  const agreements: Array<Agreement.Agreement> = []
  for (let u = 0; u < unitCount; u++) {
    agreements.push({
      ...template,
      id: Id.AgreementId.make(`a-${pad(u)}`),
      grandCommittee: { id: gc(u % committees), name: `大党委${u % committees}` },
      memberUnit: { id: Id.UnitId.make(`u-${pad(u)}`), name: `单位${u}` },
      commitments: template.commitments.map((c) =>
        c._tag === "Funding"
          ? { ...c, annualAmount: Fen.makeUnsafe(1_000_000 + Math.floor(random() * 40) * 100_000) }
          : c
      )
    })
  }
  const deliveries: Array<Fulfilment.Delivery> = []
  for (const a of agreements) {
    for (const c of a.commitments) {
      for (let m = 0; m < 12; m++) {
        if (random() < 0.1) continue
        const on = day(m * 30 + 10)
        switch (c._tag) {
          case "Funding":
            if (m % 6 === 2) {
              deliveries.push({
                _tag: "FundsDelivered",
                agreement: a.id,
                commitment: c.id,
                on,
                amount: Fen.makeUnsafe(Math.floor(c.annualAmount / 2))
              })
            }
            break
          case "VolunteerHours":
            deliveries.push({ _tag: "HoursDelivered", agreement: a.id, commitment: c.id, on, hours: c.hours })
            break
          case "FacilityOpening":
            deliveries.push({
              _tag: "FacilityOpened",
              agreement: a.id,
              commitment: c.id,
              on,
              hours: c.hoursPerWeek * 4
            })
            break
          case "Service":
            if (m % 3 === 0) {
              deliveries.push({ _tag: "ServiceDelivered", agreement: a.id, commitment: c.id, on, times: 1 })
            }
            break
          case "Project":
            break
        }
      }
    }
  }
  const resources: Array<ThreeLists.Resource> = []
  for (let i = 0; i < Math.round(FULL.resources * fraction); i++) {
    const u = Math.floor(random() * unitCount)
    resources.push({
      id: `r-${pad(i, 6)}` as ThreeLists.ResourceId,
      grandCommittee: gc(u % committees),
      unit: Id.UnitId.make(`u-${pad(u)}`),
      category: pick(categories),
      tags: [pick(tagPool), pick(tagPool)],
      capacity: 1 + Math.floor(random() * 20),
      description: "资源",
      grid: Id.GridId.make(`g-${u % committees}-${Math.floor(random() * 10)}`)
    })
  }
  const needs: Array<ThreeLists.Need> = []
  for (let i = 0; i < Math.round(FULL.needs * fraction); i++) {
    const c = Math.floor(random() * committees)
    needs.push({
      id: `n-${pad(i, 6)}` as ThreeLists.NeedId,
      grandCommittee: gc(c),
      category: pick(categories),
      tags: [pick(tagPool)],
      urgency: pick(urgencies),
      quantity: 1 + Math.floor(random() * 3),
      raisedBy: { kind: "resident", name: "居民" },
      raisedOn: day(Math.floor(random() * 365)),
      description: "需求",
      status: "open",
      grid: Id.GridId.make(`g-${c}-${Math.floor(random() * 10)}`)
    })
  }
  const wishes: Array<MicroWish.Wish> = []
  for (let i = 0; i < Math.round(5_000 * fraction); i++) {
    const a = agreements[Math.floor(random() * agreements.length)]!
    const postedOn = day(Math.floor(random() * 300))
    const claimOn = day(CivilDate.toEpochDay(postedOn) - CivilDate.toEpochDay(day(0)) + 3)
    wishes.push({
      id: `w-${i}` as MicroWish.WishId,
      grandCommittee: a.grandCommittee.id,
      title: "心愿",
      wisher: "居民",
      postedOn,
      publishedTo: agreements.filter((_, k) => k % committees === Number(a.grandCommittee.id.slice(3))).slice(0, 20)
        .map((x) => x.memberUnit.id),
      status: "delivered",
      claim: { unit: a.memberUnit.id, on: claimOn },
      delivered: { on: claimOn, by: a.memberUnit.id },
      history: [{ _tag: "Posted", on: postedOn }, { _tag: "Claimed", on: claimOn, unit: a.memberUnit.id }, {
        _tag: "Delivered",
        on: claimOn,
        by: a.memberUnit.id
      }]
    })
  }
  const whistles: Array<Whistle.Whistle> = []
  for (let i = 0; i < Math.round(2_000 * fraction); i++) {
    const a = agreements[Math.floor(random() * agreements.length)]!
    const blown = Date.UTC(2024, 0, 1) + Math.floor(random() * 360) * 86_400_000
    const inst = (ms: number) => Instant.makeUnsafe(new Date(ms).toISOString())
    whistles.push({
      id: `wh-${i}` as Whistle.WhistleId,
      grandCommittee: a.grandCommittee.id,
      category: "emergency",
      urgency: pick(["routine", "urgent", "emergency"] as const),
      blownAt: inst(blown),
      description: "哨",
      called: [{ kind: "unit", id: a.memberUnit.id }],
      responses: [{
        party: a.memberUnit.id,
        kind: "unit",
        called: true,
        arrivedAt: inst(blown + Math.floor(random() * 50) * 60_000)
      }]
    })
  }
  const meetings: Array<JointMeeting.Meeting> = []
  for (let c = 0; c < committees; c++) {
    const invited = agreements.filter((a) => a.grandCommittee.id === gc(c)).map((a) => a.memberUnit.id)
    for (const date of [day(30), day(200)]) {
      meetings.push({
        id: `m-${c}-${date}` as JointMeeting.MeetingId,
        grandCommittee: gc(c),
        date,
        kind: "regular",
        invited,
        attendance: invited.map((unit) => ({ unit, present: random() < 0.9 })),
        decisions: []
      })
    }
  }
  return { agreements, deliveries, lists: { resources, needs, projects: [] }, wishes, whistles, meetings }
}

// --- the naive peer ----------------------------------------------------------------------

/** Every need scans every resource (same committee and category), same score and order. */
const naivePlan = (lists: ThreeLists.Lists): Matching.Plan => {
  const free = new Map<string, number>(lists.resources.map((r) => [r.id, r.capacity]))
  const rank = { critical: 0, high: 1, normal: 2, low: 3 } as const
  const open = lists.needs.filter((n) => n.status === "open").sort((a, b) =>
    rank[a.urgency] - rank[b.urgency] || (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : 0) ||
    (a.id < b.id ? -1 : 1)
  )
  const matches: Array<Matching.Match> = []
  const unmatched: Array<ThreeLists.NeedId> = []
  for (const need of open) {
    let best: { id: string; score: number; available: number } | undefined
    for (const r of lists.resources) {
      if (r.grandCommittee !== need.grandCommittee || r.category !== need.category) continue
      const available = free.get(r.id)!
      if (available < need.quantity) continue
      let shared = 0
      for (const t of need.tags) if (r.tags.includes(t)) shared++
      const score = 30 + Math.floor((20 * shared) / need.tags.length) + (need.grid === r.grid ? 25 : 0) + 15 +
        Math.floor((10 * { low: 0, normal: 1, high: 2, critical: 3 }[need.urgency]) / 3)
      if (
        best === undefined || score > best.score ||
        (score === best.score && (available > best.available || (available === best.available && r.id < best.id)))
      ) {
        best = { id: r.id, score, available }
      }
    }
    if (best === undefined) unmatched.push(need.id)
    else {
      free.set(best.id, best.available - need.quantity)
      matches.push({
        need: need.id,
        resource: best.id as ThreeLists.ResourceId,
        amount: need.quantity,
        score: best.score,
        explanation: []
      })
    }
  }
  return { matches, unmatched }
}

/** Funds committed and delivered per unit by filtering every record for every unit. */
const naiveFunds = (agreements: ReadonlyArray<Agreement.Agreement>, deliveries: ReadonlyArray<Fulfilment.Delivery>) =>
  agreements.map((a) => ({
    unit: a.memberUnit.id,
    committed: Agreement.annualFunding(a),
    delivered: deliveries.filter((d) => d.agreement === a.id && d._tag === "FundsDelivered").reduce(
      (n, d) => n + (d._tag === "FundsDelivered" ? d.amount : 0),
      0
    )
  }))

// --- measuring ---------------------------------------------------------------------------

let peakHeap = 0
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
}
/** Median wall time of `repeat` runs. */
const time = <A>(f: () => A, repeat = 3): { ms: number; value: A } => {
  let value!: A
  const times: Array<number> = []
  for (let i = 0; i < repeat; i++) {
    ;(globalThis as { gc?: () => void }).gc?.()
    const start = performance.now()
    value = f()
    times.push(performance.now() - start)
    sample()
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)]!, value }
}

// warm up the JIT on a small district
{
  const warm = generate(0.02, 7)
  Matching.plan(warm.lists)
  Matching.propose(warm.lists)
  Fulfilment.compute({ ...warm, whistlePolicy: Presets.pingguWhistlePolicy }, Period.year(2024))
}

const rows: Array<Record<string, number | string | boolean | null>> = []
const naiveLimit = Number(process.env["NAIVE_MAX_FRACTION"] ?? "0.5")
for (const fraction of [0.1, 0.5, 1]) {
  const data = generate(fraction, 20_240_101)
  sample()
  const plan = time(() => Matching.plan(data.lists))
  const propose = time(() => Matching.propose(data.lists))
  const fulfilment = time(() =>
    Fulfilment.compute({ ...data, whistlePolicy: Presets.pingguWhistlePolicy }, Period.year(2024))
  )
  if (fulfilment.value._tag === "Failure") throw new Error(JSON.stringify(fulfilment.value.failure.issues.slice(0, 3)))
  const runNaive = fraction <= naiveLimit
  const naive = runNaive ? time(() => naivePlan(data.lists), 1) : undefined
  const naiveF = runNaive ? time(() => naiveFunds(data.agreements, data.deliveries), 1) : undefined
  const same = naive === undefined ? null : JSON.stringify(naive.value.matches.map((m) => [m.need, m.resource])) ===
    JSON.stringify(plan.value.matches.map((m) => [m.need, m.resource]))
  const row = {
    fraction,
    committees: Math.round(FULL.committees * fraction),
    units: data.agreements.length,
    needs: data.lists.needs.length,
    resources: data.lists.resources.length,
    deliveries: data.deliveries.length,
    planMs: Math.round(plan.ms),
    proposeMs: Math.round(propose.ms),
    fulfilmentMs: Math.round(fulfilment.ms),
    naivePlanMs: naive === undefined ? null : Math.round(naive.ms),
    naiveFundsMs: naiveF === undefined ? null : Math.round(naiveF.ms),
    planSpeedup: naive === undefined ? null : Math.round((naive.ms / plan.ms) * 10) / 10,
    fundsSpeedup: naiveF === undefined ? null : Math.round((naiveF.ms / fulfilment.ms) * 10) / 10,
    samePlanAsNaive: same,
    matched: plan.value.matches.length
  }
  rows.push(row)
  console.log(JSON.stringify(row))
}

const base = rows[0]!
const ratios = rows.map((r) => ({
  fraction: Number(r["fraction"]),
  size: Math.round((Number(r["needs"]) / Number(base["needs"])) * 10) / 10,
  plan: Math.round((Number(r["planMs"]) / Math.max(1, Number(base["planMs"]))) * 10) / 10,
  propose: Math.round((Number(r["proposeMs"]) / Math.max(1, Number(base["proposeMs"]))) * 10) / 10,
  fulfilment: Math.round((Number(r["fulfilmentMs"]) / Math.max(1, Number(base["fulfilmentMs"]))) * 10) / 10
}))
console.log("growth vs 10% (size ×, time ×):")
for (const r of ratios) {
  console.log(
    `  ${r.fraction * 100}%: size ×${r.size}  plan ×${r.plan}  propose ×${r.propose}  fulfilment ×${r.fulfilment}`
  )
}
const peakMb = Math.round(peakHeap / 1_048_576)
console.log(`peak heap used: ${peakMb} MB`)

const here = dirname(fileURLToPath(import.meta.url))
mkdirSync(join(here, "results"), { recursive: true })
writeFileSync(
  join(here, "results", "co-building.json"),
  `${
    JSON.stringify(
      {
        node: process.version,
        date: new Date().toISOString().slice(0, 10),
        sizes: FULL,
        rows,
        growth: ratios,
        peakHeapMb: peakMb
      },
      null,
      2
    )
  }\n`
)
