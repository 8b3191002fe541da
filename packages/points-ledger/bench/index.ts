/**
 * Benchmark of the points journal (issue 18): a county of 60,000 residents over a year,
 * 1,000,000 generated commands (openings, earnings with caps and approvals, redemptions from a
 * catalog stocked for the county, reversals, the monthly expiry) applied with every check —
 * ours and a plain-JavaScript journal (bench/peer.ts) on the same commands, in turns in one
 * process, both warmed the same way, with and without the SHA-256 chain (both hashing the same
 * text with the same function). Also: the browser path (@noble/hashes), verification of the
 * chain, balance as of a date, the heap a hashed journal keeps, and a replay from entries (what
 * a store's load does). The batched path too: the commands the plain journal accepts, in one
 * all-or-nothing `Journal.appendAll`, against the plain journal on the same commands. Writes
 * bench/results/journal.json and the table of the README (BENCH_ONLY=throughput: only the
 * throughput lines, printed, nothing written).
 *
 * Run: pnpm bench (BENCH_SIZE=200000 for a quicker run). The script builds the package first and
 * measures the built JavaScript (`dist/`), as users run it: run from the TypeScript sources,
 * tsx's transform adds a `__name` call to every closure made on the hot path (about a quarter
 * of our time in a profile), which no user pays.
 */
import { CivilDate, Random } from "@gongzhi/core"
import { type Command, Hasher, Journal, Presets, type RedemptionCatalog, type Scheme } from "@gongzhi/points-ledger"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { loadavg } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { PlainJournal } from "./peer.js"

const size = Number(process.env["BENCH_SIZE"] ?? 1_000_000)
const residents = 60_000
const year = 2024

// 平利 rules with points valid 180 days (so that the monthly expiry runs have work to do), no
// redemption limit; the catalog's stock sized for a county (200,000 of each item, not 2,000–5,000).
const { redemptionLimit: _dropped, ...pingli } = Presets.pingliScheme
const scheme: Scheme.Scheme = { ...pingli, expiry: { _tag: "AfterDays", days: 180 } }
const catalog: RedemptionCatalog.RedemptionCatalog = {
  ...Presets.pingliCatalog,
  items: Presets.pingliCatalog.items.map((item) => ({ ...item, stock: 200_000 }))
}
export const setup: Journal.Setup = { scheme, catalog }

export const generate = (): Array<Command.Command> => {
  const random = Random.seeded(20240101)
  const commands: Array<Command.Command> = []
  const start = CivilDate.toEpochDay(CivilDate.makeUnsafe(`${year}-01-01`))
  const dates: Array<CivilDate.CivilDate> = []
  for (let i = 0; i < 366; i++) {
    const r = CivilDate.fromEpochDay(start + i)
    if (r._tag === "Success") dates.push(r.success)
  }
  for (let r = 0; r < residents; r++) {
    commands.push({
      _tag: "Open",
      key: `o${r}`,
      on: dates[0]!,
      account: `r${r}`,
      holder: { name: `居民${r}`, roles: ["resident"] }
    })
  }
  const balance = new Float64Array(residents)
  const lastEarn: Array<string | undefined> = new Array(residents)
  const remaining = size - residents - 12
  const perDay = remaining / 365
  const activities = ["cleaning", "securityPatrol", "fireDuty", "volunteerService"] as const
  const points = [10, 10, 20, 10]
  const items = ["brush", "rice", "flour", "oil"] as const
  const prices = [5, 50, 40, 60]
  let n = 0
  for (let day = 0; day < 365; day++) {
    const on = dates[day]!
    if (day > 0 && on.endsWith("-01")) commands.push({ _tag: "Expire", key: `x${day}`, on })
    const count = Math.round(perDay * (day + 1)) - Math.round(perDay * day)
    for (let i = 0; i < count; i++) {
      const r = Math.floor(random() * residents)
      const account = `r${r}`
      const roll = random()
      const key = `t${n++}`
      if (roll < 0.05 && lastEarn[r] !== undefined) {
        commands.push({ _tag: "Reverse", key, on, target: lastEarn[r]!, reason: "登记错误" })
        lastEarn[r] = undefined
      } else if (roll < 0.15 && balance[r]! >= 60) {
        const k = Math.floor(random() * items.length)
        commands.push({ _tag: "Redeem", key, on, account, item: items[k]!, quantity: 1 })
        balance[r] = balance[r]! - prices[k]!
      } else {
        const k = Math.floor(random() * activities.length)
        const activity = activities[k]!
        commands.push(
          activity === "volunteerService"
            ? { _tag: "Earn", key, on, account, activity, minutes: 120, approvedBy: ["grid-committee"] }
            : { _tag: "Earn", key, on, account, activity, approvedBy: ["grid-committee"] }
        )
        balance[r] = balance[r]! + points[k]!
        lastEarn[r] = key
      }
    }
  }
  return commands
}

let peakRss = 0
const sample = () => {
  const rss = process.memoryUsage().rss
  if (rss > peakRss) peakRss = rss
  return rss
}
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
// a full GC before each timed run and between phases (no node flags needed)
setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as () => void
// the JS heap and the typed arrays' buffers (which are outside it: the hash column, the key index)
const heap = () => {
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

const timed = <A>(run: () => A): { readonly value: A; readonly ms: number } => {
  gc()
  const t0 = performance.now()
  const value = run()
  return { value, ms: performance.now() - t0 }
}

const ours = (commands: ReadonlyArray<Command.Command>, chain: boolean, hasher?: Hasher.Hasher) => {
  let journal = Journal.make({ ...setup, hashChain: chain, ...(hasher === undefined ? {} : { hasher }) })
  let rejected = 0
  const codes = new Map<string, number>()
  for (let i = 0; i < commands.length; i++) {
    const result = Journal.append(journal, commands[i]!)
    if (result._tag === "Success") journal = result.success.journal
    else {
      rejected++
      const code = result.failure.issues[0]!.code
      codes.set(code, (codes.get(code) ?? 0) + 1)
    }
    if ((i & 0xFFFF) === 0) sample()
  }
  return { journal, rejected, codes }
}

/** The batched path: every command in one all-or-nothing `Journal.appendAll` (the commands given all pass). */
const oursBatched = (commands: ReadonlyArray<Command.Command>, chain: boolean, hasher?: Hasher.Hasher) => {
  const journal = Journal.make({ ...setup, hashChain: chain, ...(hasher === undefined ? {} : { hasher }) })
  const result = Journal.appendAll(journal, commands)
  sample()
  if (result._tag === "Failure") throw new Error(`batch refused: ${JSON.stringify(result.failure.issues[0])}`)
  return result.success.journal
}

/** The commands the plain journal accepts (a batch is all or nothing: the batched runs take these). */
const acceptedOf = (commands: ReadonlyArray<Command.Command>) => {
  const plain = new PlainJournal(setup, undefined)
  return commands.filter((c) => plain.append(c))
}

const peer = (commands: ReadonlyArray<Command.Command>, hasher: Hasher.Hasher | undefined) => {
  const journal = new PlainJournal(setup, hasher)
  let rejected = 0
  for (let i = 0; i < commands.length; i++) {
    if (!journal.append(commands[i]!)) rejected++
    if ((i & 0xFFFF) === 0) sample()
  }
  return { journal, rejected }
}

/**
 * The CPU time of the main thread so far (ms, in steps of the clock tick, usually 10 ms), read
 * from Linux's /proc: `process.cpuUsage` counts the GC's helper threads too, which may still be
 * sweeping after the collection before a timed run. `undefined` elsewhere.
 */
const mainThreadCpuMs = (): number | undefined => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8")
    // the fields after the command name (in parentheses): utime and stime are the 12th and 13th
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return undefined
  }
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000))
const fmt = (n: number) => n.toLocaleString("en-US")

const main = () => {
  const startLoad = loadavg().map((x) => +x.toFixed(2))
  console.log(
    `points-ledger bench: ${fmt(size)} commands, ${fmt(residents)} residents, Node ${process.version}, load average ${
      startLoad.join(" ")
    }`
  )
  const commands = generate()
  const node = Hasher.node()
  const noble = Hasher.noble()
  const warm = commands.slice(0, Math.min(100_000, commands.length))
  const accepted = acceptedOf(commands)
  const warmAccepted = acceptedOf(warm)
  // both warmed the same way: the first 100,000 commands, with and without the chain
  for (let i = 0; i < 2; i++) {
    ours(warm, false)
    oursBatched(warmAccepted, false)
    peer(warm, undefined)
    ours(warm, true, node)
    oursBatched(warmAccepted, true, node)
    peer(warm, node)
  }
  const heapBase = heap()

  // no chain, in turns: ours, peer, ours, peer (the better of each two); only numbers are kept
  const plainPhase = () => {
    const o1 = timed(() => ours(commands, false))
    const p1 = timed(() => peer(commands, undefined))
    const o2 = timed(() => ours(commands, false))
    const p2 = timed(() => peer(commands, undefined))
    const run = o1.value
    const sameDecisions = run.rejected === p1.value.rejected &&
      [...p1.value.journal.accounts].every(([id, a]) => {
        const b = Journal.balance(run.journal, id)
        return b._tag === "Success" && b.success.available === a.balance
      })
    // balance as of a date on the full journal
    const random = Random.seeded(7)
    const queries = 100_000
    const ids = Array.from({ length: queries }, () => `r${Math.floor(random() * residents)}`)
    const asOf = Array.from(
      { length: queries },
      () => CivilDate.makeUnsafe(`${year}-0${1 + Math.floor(random() * 9)}-15`)
    )
    let checksum = 0
    const tq = timed(() => {
      for (let i = 0; i < queries; i++) {
        const r = Journal.balance(run.journal, ids[i]!, asOf[i]!)
        if (r._tag === "Success") checksum += r.success.available
      }
    })
    return {
      oursMs: Math.min(o1.ms, o2.ms),
      peerMs: Math.min(p1.ms, p2.ms),
      sameDecisions,
      applied: run.journal.length,
      rejected: run.rejected,
      codes: Object.fromEntries([...run.codes].sort((a, b) => b[1] - a[1])),
      balanceUs: (tq.ms * 1000) / queries,
      checksum
    }
  }
  const plain = plainPhase()
  const { codes, checksum, balanceUs } = plain

  // the batched path: the accepted commands in one appendAll, ours and the peer on the same commands, in turns
  const batchedPhase = (chain: boolean) => {
    const hasher = chain ? node : undefined
    const o1 = timed(() => oursBatched(accepted, chain, hasher).length)
    const p1 = timed(() => peer(accepted, hasher).journal.entries.length)
    const o2 = timed(() => oursBatched(accepted, chain, hasher).length)
    const p2 = timed(() => peer(accepted, hasher).journal.entries.length)
    return {
      oursMs: Math.min(o1.ms, o2.ms),
      peerMs: Math.min(p1.ms, p2.ms),
      same: o1.value === accepted.length && p1.value === accepted.length
    }
  }
  const batched = batchedPhase(false)
  const batchedChained = batchedPhase(true)
  if (process.env["BENCH_ONLY"] === "throughput") {
    const line = (what: string, r: { oursMs: number; peerMs: number }, n: number) =>
      console.log(
        `${what.padEnd(34)} ours ${fmt(rate(n, r.oursMs))} tx/s, plain journal ${fmt(rate(n, r.peerMs))}: ×${
          (r.peerMs / r.oursMs).toFixed(2)
        }`
      )
    line("per command, no chain", plain, commands.length)
    line("one batch, no chain", batched, accepted.length)
    line("one batch, node:crypto chain", batchedChained, accepted.length)
    console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`)
    return
  }

  // SHA-256 chain with node:crypto, in turns; the better of our two runs is kept for what follows
  const chainedPhase = () => {
    const o1 = timed(() => ours(commands, true, node))
    const p1 = timed(() => peer(commands, node))
    const sameHash = Journal.lastHash(o1.value.journal) === p1.value.journal.lastHash
    ;(p1 as { value: unknown }).value = undefined
    const p2 = timed(() => peer(commands, node))
    ;(p2 as { value: unknown }).value = undefined
    ;(o1 as { value: unknown }).value = undefined
    const o2 = timed(() => ours(commands, true, node))
    return { oursMs: Math.min(o1.ms, o2.ms), peerMs: Math.min(p1.ms, p2.ms), sameHash, journal: o2.value.journal }
  }
  const chained = chainedPhase()
  const hashed = chained.journal
  const heapHashed = heap() - heapBase

  // the main thread's CPU time too: on the shared 2-core machine, a load above 2 stretches the wall time
  // (timed inline: `timed`'s collection would count in the CPU time)
  gc()
  const cpuBefore = mainThreadCpuMs()
  const tv0 = performance.now()
  const tv = { value: Journal.verify(hashed), ms: 0 }
  tv.ms = performance.now() - tv0
  const cpuAfter = mainThreadCpuMs()
  const entries = Journal.entries(hashed)
  const tr = timed(() => Journal.replay({ ...setup, hasher: node }, entries))
  ;(tr as { value: unknown }).value = tr.value._tag
  const tt = timed(() => Journal.replay({ ...setup, hasher: node }, entries, { trusted: true }))
  ;(tt as { value: unknown }).value = tt.value._tag

  // a snapshot of the hashed journal: taken, written as JSON, read back, restored
  const ts = timed(() => Journal.snapshot(hashed))
  const taken = ts.value
  if (taken._tag === "Failure") throw new Error("snapshot")
  const tj = timed(() => JSON.stringify(taken.success))
  ;(ts as { value: unknown }).value = undefined
  const snapshotMB = mb(tj.value.length)
  const tp = timed(() => JSON.parse(tj.value) as unknown)
  ;(tj as { value: unknown }).value = undefined
  const tf = timed(() => Journal.fromSnapshot({ ...setup, hasher: node }, tp.value))
  const restoredSame = tf.value._tag === "Success" && Journal.lastHash(tf.value.success) === Journal.lastHash(hashed)
  ;(tp as { value: unknown }).value = undefined
  ;(tf as { value: unknown }).value = undefined

  // the browser path: @noble/hashes, on a fifth of the commands
  const part = commands.slice(0, Math.max(residents + 1, Math.floor(commands.length / 5)))
  const tn = timed(() => ours(part, true, noble))

  const results = {
    size: commands.length,
    residents,
    node: process.version,
    applied: plain.applied,
    rejected: plain.rejected,
    rejectedBy: codes,
    peerSameDecisionsAndBalances: plain.sameDecisions,
    peerSameLastHash: chained.sameHash,
    noChain: {
      oursTxPerSecond: rate(commands.length, plain.oursMs),
      peerTxPerSecond: rate(commands.length, plain.peerMs),
      ratio: +(plain.peerMs / plain.oursMs).toFixed(2)
    },
    nodeCryptoChain: {
      oursTxPerSecond: rate(commands.length, chained.oursMs),
      peerTxPerSecond: rate(commands.length, chained.peerMs),
      ratio: +(chained.peerMs / chained.oursMs).toFixed(2)
    },
    batchedNoChain: {
      commands: accepted.length,
      oursTxPerSecond: rate(accepted.length, batched.oursMs),
      peerTxPerSecond: rate(accepted.length, batched.peerMs),
      ratio: +(batched.peerMs / batched.oursMs).toFixed(2),
      allApplied: batched.same
    },
    batchedNodeCryptoChain: {
      commands: accepted.length,
      oursTxPerSecond: rate(accepted.length, batchedChained.oursMs),
      peerTxPerSecond: rate(accepted.length, batchedChained.peerMs),
      ratio: +(batchedChained.peerMs / batchedChained.oursMs).toFixed(2),
      allApplied: batchedChained.same
    },
    nobleChain: { commands: part.length, oursTxPerSecond: rate(part.length, tn.ms) },
    verifyMs: Math.round(tv.ms),
    verifyMainThreadCpuMs: cpuBefore === undefined || cpuAfter === undefined ? null : cpuAfter - cpuBefore,
    verified: tv.value._tag,
    balanceAsOfUs: +balanceUs.toFixed(2),
    hashedJournalHeapMB: mb(heapHashed),
    replay: { entriesPerSecond: rate(entries.length, tr.ms), result: tr.value },
    trustedLoad: { entriesPerSecond: rate(entries.length, tt.ms), result: tt.value },
    snapshot: {
      takeMs: Math.round(ts.ms),
      jsonMB: snapshotMB,
      stringifyMs: Math.round(tj.ms),
      parseMs: Math.round(tp.ms),
      restoreMs: Math.round(tf.ms),
      restoredEntriesPerSecond: rate(entries.length, tf.ms),
      sameHead: restoredSame
    },
    peakRssMB: mb(peakRss),
    loadAverage: startLoad,
    loadAverageAtEnd: loadavg().map((x) => +x.toFixed(2)),
    checksum
  }
  const rows: Array<readonly [string, string, string]> = [
    [
      "all checks, no chain",
      `${fmt(results.noChain.oursTxPerSecond)} tx/s (plain journal ${
        fmt(results.noChain.peerTxPerSecond)
      }: ours ×${results.noChain.ratio})`,
      "≥ 1,000,000 tx/s and ≥ 2× the plain journal"
    ],
    [
      "all checks, SHA-256 chain (node:crypto)",
      `${fmt(results.nodeCryptoChain.oursTxPerSecond)} tx/s (plain journal ${
        fmt(results.nodeCryptoChain.peerTxPerSecond)
      }: ours ×${results.nodeCryptoChain.ratio})`,
      "≥ 300,000 tx/s and ≥ 1.5× the plain journal"
    ],
    [
      `one batch (\`appendAll\`, all or nothing) of the ${fmt(accepted.length)} accepted commands, no chain`,
      `${fmt(results.batchedNoChain.oursTxPerSecond)} tx/s (plain journal on the same commands ${
        fmt(results.batchedNoChain.peerTxPerSecond)
      }: ours ×${results.batchedNoChain.ratio})`,
      "≥ 1,000,000 tx/s and ≥ 2× the plain journal"
    ],
    [
      "one batch of the accepted commands, SHA-256 chain (node:crypto)",
      `${fmt(results.batchedNodeCryptoChain.oursTxPerSecond)} tx/s (plain journal ${
        fmt(results.batchedNodeCryptoChain.peerTxPerSecond)
      }: ours ×${results.batchedNodeCryptoChain.ratio})`,
      "≥ 300,000 tx/s and ≥ 1.5× the plain journal"
    ],
    [
      "all checks, SHA-256 chain (@noble/hashes, the browser path)",
      `${fmt(results.nobleChain.oursTxPerSecond)} tx/s (${fmt(part.length)} commands)`,
      "printed"
    ],
    [
      `verify the chain (${fmt(entries.length)} entries)`,
      `${(results.verifyMs / 1000).toFixed(2)} s (${results.verified}; main thread's CPU time ${
        results.verifyMainThreadCpuMs === null ? "not read" : `${(results.verifyMainThreadCpuMs / 1000).toFixed(2)} s`
      })`,
      "≤ 2 s for 1 M"
    ],
    ["balance as of a date", `${results.balanceAsOfUs} µs`, "≤ 10 µs"],
    ["heap kept by the hashed journal (JS heap and typed arrays)", `${results.hashedJournalHeapMB} MB`, "≤ 400 MB"],
    ["replay from entries, every check and hash", `${fmt(results.replay.entriesPerSecond)} entries/s`, "—"],
    [
      "load from trusted entries (a store's load)",
      `${fmt(results.trustedLoad.entriesPerSecond)} entries/s (${results.trustedLoad.result})`,
      "≥ 1,000,000 /s"
    ],
    [
      "restore from a snapshot (`fromSnapshot`, JSON already parsed)",
      `${fmt(results.snapshot.restoredEntriesPerSecond)} entries/s (${
        (results.snapshot.restoreMs / 1000).toFixed(2)
      } s; take ${results.snapshot.takeMs} ms, JSON ${results.snapshot.jsonMB} MB written in ${results.snapshot.stringifyMs} ms, read in ${results.snapshot.parseMs} ms; same head: ${
        results.snapshot.sameHead ? "yes" : "NO"
      })`,
      "—"
    ],
    [
      "same decisions, balances, last hash as the plain journal",
      `${results.peerSameDecisionsAndBalances ? "yes" : "NO"}, ${results.peerSameLastHash ? "yes" : "NO"}`,
      "yes"
    ],
    [
      "applied / rejected",
      `${fmt(results.applied)} / ${fmt(results.rejected)} (${
        Object.entries(codes).map(([c, k]) => `${c} ${fmt(k)}`).join(", ")
      })`,
      "—"
    ],
    ["peak RSS of the run", `${results.peakRssMB} MB`, "—"]
  ]
  for (const [what, value] of rows) console.log(`${what.padEnd(60)} ${value}`)
  const here = dirname(fileURLToPath(import.meta.url))
  const out = join(here, "results", "journal.json")
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
  const table = [
    `Figures of one run (${
      fmt(commands.length)
    } commands, Node ${process.version}, the project's shared 2-core machine, load average ${
      results.loadAverage.join(" ")
    } at the start and ${
      results.loadAverageAtEnd.join(" ")
    } at the end; the built package, as users run it), from \`bench/results/journal.json\`:`,
    "",
    "| measure | result | goal |",
    "|---|---|---|",
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`)
  ].join("\n")
  const readme = join(here, "..", "README.md")
  const text = readFileSync(readme, "utf8")
  const start = "<!-- bench:start -->"
  const end = "<!-- bench:end -->"
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from !== -1 && to > from) {
    writeFileSync(readme, `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`)
    console.log(`wrote ${out} and the table of ${readme}`)
  } else console.log(`wrote ${out} (no bench markers in ${readme})`)
}

if (process.env["BENCH_NO_MAIN"] === undefined) main()
