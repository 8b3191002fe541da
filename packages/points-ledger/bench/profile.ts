/**
 * A CPU profile of our own engine on the benchmark's workload (the first BENCH_SIZE commands,
 * 200,000 by default), with or without the chain (PROFILE_CHAIN=1): the functions that take
 * the most time by themselves, and the share of garbage collection. PROFILE_BATCH=1 profiles the
 * batched path instead: the commands the plain journal accepts, in one `Journal.appendAll`.
 * PROFILE_WHAT=load profiles a trusted load of a hashed journal's entries (`Journal.replay` with
 * `trusted: true`), PROFILE_WHAT=verify the verification of its chain (`Journal.verify`). Run:
 * `BENCH_NO_MAIN=1 npx tsx bench/profile.ts` (on the built package: build first).
 */
import { type Command, Hasher, Journal } from "@gongzhi/points-ledger"
import { Session } from "node:inspector"
import { generate, setup } from "./index.js"
import { PlainJournal } from "./peer.js"

interface Node {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}

const chain = process.env["PROFILE_CHAIN"] === "1"
const batched = process.env["PROFILE_BATCH"] === "1"
const all = generate()
const accepted = (commands: ReadonlyArray<Command.Command>) => {
  const plain = new PlainJournal(setup, undefined)
  return commands.filter((c) => plain.append(c))
}
const what = process.env["PROFILE_WHAT"] ?? "append"
const commands = batched ? accepted(all) : all
/** A hashed journal of the commands and its entries (what a load and a verification read). */
const hashedJournal = () => {
  let journal = Journal.make({ ...setup, hasher: Hasher.detected })
  for (const c of all) {
    const r = Journal.append(journal, c)
    if (r._tag === "Success") journal = r.success.journal
  }
  return { journal, entries: Journal.entries(journal) }
}
const hashed = what === "append" ? undefined : hashedJournal()
const run = () => {
  if (hashed !== undefined) {
    if (what === "verify") return Journal.verify(hashed.journal)
    const r = Journal.replay({ ...setup, hasher: Hasher.detected }, hashed.entries, { trusted: true })
    if (r._tag === "Failure") throw new Error(JSON.stringify(r.failure.issues[0]))
    return r.success
  }
  let journal = Journal.make({ ...setup, hashChain: chain, hasher: Hasher.detected })
  if (batched) {
    const r = Journal.appendAll(journal, commands)
    if (r._tag === "Failure") throw new Error(JSON.stringify(r.failure.issues[0]))
    return r.success.journal
  }
  for (const c of commands) {
    const r = Journal.append(journal, c)
    if (r._tag === "Success") journal = r.success.journal
  }
  return journal
}
run() // warm
const session = new Session()
session.connect()
session.post("Profiler.enable")
session.post("Profiler.start", () => {
  const t0 = performance.now()
  run()
  const ms = performance.now() - t0
  session.post("Profiler.stop", (_error, { profile }) => {
    const nodes = profile.nodes as ReadonlyArray<Node>
    const self = new Map<number, number>()
    const samples = profile.samples as ReadonlyArray<number>
    for (const id of samples) self.set(id, (self.get(id) ?? 0) + 1)
    const byName = new Map<string, number>()
    for (const node of nodes) {
      const f = node.callFrame
      const name = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`
      byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0))
    }
    const total = samples.length
    console.log(
      hashed === undefined
        ? `${commands.length} commands${batched ? " in one batch" : ""}, chain ${chain ? "node:crypto" : "off"}: ${
          Math.round(ms)
        } ms, ${Math.round(commands.length / (ms / 1000))} tx/s`
        : `${what} of ${hashed.entries.length} entries: ${Math.round(ms)} ms, ${
          Math.round(hashed.entries.length / (ms / 1000))
        } entries/s`
    )
    for (const [name, n] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`${((100 * n) / total).toFixed(1).padStart(5)} %  ${name}`)
    }
  })
})
