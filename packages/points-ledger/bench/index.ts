/**
 * Benchmark of the points journal (issue 4): a county of 60,000 residents over a year,
 * 1,000,000 generated transactions (earn, redeem, reverse, expire) applied with every check,
 * with and without the hash chain; compared in the same run with the limit, a hand-written
 * loop that only adds the amounts into a Map. Also: balance as of a date on the full journal,
 * verification of the chain, replay, and peak memory. Writes bench/results/journal.json.
 *
 * Run: npm run bench (BENCH_SIZE=200000 for a quicker run)
 */
import { CivilDate, KeyIndex, Random } from "@gongzhi/core"
import { type Command, Journal, Presets, type Scheme } from "@gongzhi/points-ledger"
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"

const size = Number(process.env["BENCH_SIZE"] ?? 1_000_000)
const residents = 60_000
const year = 2024

// 平利 rules with points valid 180 days, so that the monthly expiry runs have work to do.
const scheme: Scheme.Scheme = {
  ...Presets.pingliScheme,
  expiry: { _tag: "AfterDays", days: 180 },
  redemptionLimit: undefined as never
}
const { redemptionLimit: _dropped, ...schemeNoLimit } = scheme
const setup = { scheme: schemeNoLimit as Scheme.Scheme, catalog: Presets.pingliCatalog }

const generate = (): Array<Command.Command> => {
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
// a full GC between phases, so that retained sizes can be measured (no node flags needed)
setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as () => void
const retainedHeap = () => {
  gc()
  return process.memoryUsage().heapUsed
}

// every timed run (ours and the limit) starts after a full GC, so that none pays for the garbage of the one before
const applyAll = (commands: ReadonlyArray<Command.Command>, hashChain: boolean) => {
  gc()
  let journal = Journal.make({ ...setup, hashChain })
  let rejected = 0
  const t0 = performance.now()
  for (let i = 0; i < commands.length; i++) {
    const result = Journal.append(journal, commands[i]!)
    if (result._tag === "Success") journal = result.success.journal
    else rejected++
    if ((i & 0xFFFF) === 0) sample()
  }
  const ms = performance.now() - t0
  sample()
  return { journal, ms, rejected }
}

const limitLoop = (commands: ReadonlyArray<Command.Command>) => {
  // the limit: no checks, no lots, no history, just adding amounts into a Map
  const balances = new Map<string, number>()
  gc()
  const t0 = performance.now()
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!
    if (c._tag === "Earn") balances.set(c.account, (balances.get(c.account) ?? 0) + 10)
    else if (c._tag === "Redeem") balances.set(c.account, (balances.get(c.account) ?? 0) - 50)
  }
  return { ms: performance.now() - t0, accounts: balances.size }
}

const floorLoop = (commands: ReadonlyArray<Command.Command>) => {
  // the floor of any journal the issue asks for, before a single check: every idempotency key
  // recorded (core's KeyIndex, the fastest index we have), a copy of every command kept, and
  // the Map of balances of the limit loop
  const kept: Array<Command.Command> = []
  const keys = KeyIndex.make((seq) => kept[seq]!.key, 1024)
  const balances = new Map<string, number>()
  gc()
  const t0 = performance.now()
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!
    if (keys.get(c.key) !== undefined) continue
    keys.add(c.key, kept.length)
    kept.push({ ...c })
    if (c._tag === "Earn") balances.set(c.account, (balances.get(c.account) ?? 0) + 10)
    else if (c._tag === "Redeem") balances.set(c.account, (balances.get(c.account) ?? 0) - 50)
  }
  return { ms: performance.now() - t0, kept: kept.length }
}

const main = () => {
  console.log(
    `points-ledger bench: ${size.toLocaleString("en-US")} transactions, ${
      residents.toLocaleString("en-US")
    } residents, Node ${process.version}`
  )
  const tg = performance.now()
  const commands = generate()
  console.log(
    `generated ${commands.length.toLocaleString("en-US")} commands in ${Math.round(performance.now() - tg)} ms`
  )
  sample()
  const heapWithCommands = retainedHeap()

  const limit = limitLoop(commands)
  const limitRate = commands.length / (limit.ms / 1000)
  const floor = floorLoop(commands)
  const floorRate = commands.length / (floor.ms / 1000)

  const plain = applyAll(commands, false)
  const plainRate = commands.length / (plain.ms / 1000)
  const plainLength = plain.journal.length
  const plainRejected = plain.rejected
  // balance as of a date on the full journal (indexed on append)
  const random = Random.seeded(7)
  const queries = 10_000
  const tq = performance.now()
  let checksum = 0
  for (let i = 0; i < queries; i++) {
    const r = Journal.balance(
      plain.journal,
      `r${Math.floor(random() * residents)}`,
      CivilDate.makeUnsafe(`${year}-0${1 + Math.floor(random() * 9)}-15`)
    )
    if (r._tag === "Success") checksum += r.success.available
  }
  const balanceMs = (performance.now() - tq) / queries
  plain.journal = undefined as never
  gc()

  const rssBeforeHashed = sample()
  const hashed = applyAll(commands, true)
  const hashedRate = commands.length / (hashed.ms / 1000)
  const rssHashed = sample()
  const heapHashed = retainedHeap() - heapWithCommands
  const tv = performance.now()
  const verified = Journal.verify(hashed.journal)
  const verifyMs = performance.now() - tv
  sample()

  const results = {
    size: commands.length,
    residents,
    node: process.version,
    appliedEntries: plainLength,
    rejected: plainRejected,
    limitMapLoop: { ms: Math.round(limit.ms), txPerSecond: Math.round(limitRate) },
    floorKeysAndCopies: { ms: Math.round(floor.ms), txPerSecond: Math.round(floorRate) },
    journalWithoutHashChain: {
      ms: Math.round(plain.ms),
      txPerSecond: Math.round(plainRate),
      ratioToLimit: +(limitRate / plainRate).toFixed(1)
    },
    journalWithHashChain: {
      ms: Math.round(hashed.ms),
      txPerSecond: Math.round(hashedRate),
      ratioToLimit: +(limitRate / hashedRate).toFixed(1)
    },
    balanceAsOfDateMs: +balanceMs.toFixed(4),
    verifyChain: { ms: Math.round(verifyMs), result: verified._tag },
    memory: {
      peakRssMB: mb(peakRss),
      hashedJournalRetainedHeapMB: mb(heapHashed),
      rssWithHashedJournalMB: mb(rssHashed),
      rssBeforeHashedJournalMB: mb(rssBeforeHashed)
    },
    checksum
  }
  const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`)
  line("limit: Map loop (no checks)", `${results.limitMapLoop.txPerSecond.toLocaleString("en-US")} tx/s`)
  line(
    "floor: keys indexed + commands kept + Map",
    `${results.floorKeysAndCopies.txPerSecond.toLocaleString("en-US")} tx/s`
  )
  line(
    "journal, all checks, no hash chain",
    `${
      results.journalWithoutHashChain.txPerSecond.toLocaleString("en-US")
    } tx/s (limit is ${results.journalWithoutHashChain.ratioToLimit}× faster)`
  )
  line(
    "journal, all checks, SHA-256 hash chain",
    `${
      results.journalWithHashChain.txPerSecond.toLocaleString("en-US")
    } tx/s (limit is ${results.journalWithHashChain.ratioToLimit}× faster)`
  )
  line(
    "entries applied / rejected by the checks",
    `${plainLength.toLocaleString("en-US")} / ${plainRejected.toLocaleString("en-US")}`
  )
  line("balance as of a date (1M journal)", `${results.balanceAsOfDateMs} ms per query`)
  line("verify the hash chain", `${results.verifyChain.ms} ms (${verified._tag})`)
  line("hashed journal + indexes, retained heap", `${results.memory.hashedJournalRetainedHeapMB} MB (after a full GC)`)
  line(
    "peak RSS of the whole run",
    `${results.memory.peakRssMB} MB (with the hashed journal: ${results.memory.rssWithHashedJournalMB} MB)`
  )
  const out = join(dirname(fileURLToPath(import.meta.url)), "results", "journal.json")
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`wrote ${out}`)
  void hashed
}

main()
