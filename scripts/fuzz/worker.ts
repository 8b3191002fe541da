/**
 * Runs fuzz targets in a worker thread, so that the main thread can stop one whose input hangs.
 * It tells the main thread which input it is on through a shared heartbeat.
 */
import fc from "fast-check"
import { parentPort, workerData } from "node:worker_threads"
import { checkPrototypes, describe, Finding, textOf } from "./checks.js"
import { known as knownFindings } from "./known.js"
import { planted } from "./planted.js"
import { seedOf, type Target } from "./target.js"
import { load } from "./targets.js"
import { actual } from "./values.js"

/** What a worker reports for one target. */
export interface Report {
  readonly name: string
  readonly pkg: string
  readonly runs: number
  readonly failures: number
  readonly successes: number
  readonly maxMs: number
  readonly totalMs: number
  /** Inputs that showed a known finding (see known.ts), or were not run because they would hang. */
  readonly known: number
  /** The known findings of the decoder that no input showed. */
  readonly unseen: ReadonlyArray<string>
  readonly seed: number
  readonly finding?: { readonly message: string; readonly path: string; readonly counterexample: string } | undefined
}

/** The settings of a run, from the main thread. */
export interface Settings {
  readonly runs: number
  /** The base seed; each decoder's is derived from it and its name (`seedOf`). */
  readonly baseSeed: number
  readonly budgetMs: number
  /** Known findings fail the run too. */
  readonly strict: boolean
  /** Run the planted decoders (planted.ts) instead of the real ones. */
  readonly selfTest: boolean
  readonly path?: string | undefined
  /** [target index, run index, shrinking (0/1)] then, as a float64 at byte 16, when the input began. */
  readonly heartbeat: SharedArrayBuffer
}

const settings = workerData as Settings
// the yaml package warns through process.emitWarning on tags it does not know (`!!js/function`):
// thousands of such inputs would fill the log with the same warning
process.removeAllListeners("warning")
const beat = new Int32Array(settings.heartbeat, 0, 4)
const began = new Float64Array(settings.heartbeat, 16, 1)

const show = (value: unknown): string => {
  try {
    const text = fc.stringify(value)
    return text.length > 2_000 ? `${text.slice(0, 2_000)}… (${text.length} characters)` : text
  } catch {
    return describe(value)
  }
}

const runTarget = async (target: Target, index: number): Promise<Report> => {
  const numRuns = Math.max(1, Math.round(settings.runs * (target.share ?? 1)))
  const seed = seedOf(settings.baseSeed, target.name)
  let runs = 0
  let failures = 0
  let successes = 0
  let maxMs = 0
  let totalMs = 0
  let failedAt: number | undefined
  let known = 0
  const open = settings.strict ? [] : knownFindings[target.name] ?? []
  const seen = new Set<string>()
  Atomics.store(beat, 0, index)
  Atomics.store(beat, 2, 0)
  const once = async (input: unknown): Promise<boolean> => {
    // once an input failed, fast-check shrinks it; a shrink that takes long ends (the smallest so far is reported)
    if (failedAt !== undefined && performance.now() - failedAt > 20_000) return true
    if (failedAt === undefined) Atomics.store(beat, 1, runs + known)
    const skipped = open.find((k) => k.skip !== undefined && k.skip(actual(input)))
    if (skipped !== undefined) {
      seen.add(skipped.what)
      if (failedAt === undefined) known++
      return true
    }
    // replaying one input: show it first, in case it hangs
    if (settings.path !== undefined) process.stderr.write(`input: ${show(input)}\n`)
    began[0] = Date.now()
    try {
      const given = actual(input)
      // every eighth input: the JSON text of a large input (a million lone surrogates is 6 MB of it),
      // twice, would double the cost of a run
      const before = (runs + known) % 8 === 0 ? textOf(given) : undefined
      const start = performance.now()
      const outcome = await target.run(given)
      const ms = performance.now() - start
      // decoders never change what they are given (a rejected input is left as it was, too)
      if (before !== undefined && textOf(given) !== before) {
        throw new Finding("input changed", "the decoder changed its input")
      }
      checkPrototypes()
      if (ms > settings.budgetMs) {
        throw new Finding("too slow", `${ms.toFixed(0)} ms (the budget is ${settings.budgetMs} ms)`)
      }
      if (failedAt === undefined) {
        runs++
        totalMs += ms
        if (ms > maxMs) maxMs = ms
        if (outcome === "success") successes++
        else failures++
      }
      return true
    } catch (cause) {
      const message = cause instanceof Error ? `${cause.message}\n${cause.stack ?? ""}` : describe(cause)
      const matched = open.find((k) => k.matches !== undefined && k.matches(message))
      if (matched !== undefined) {
        seen.add(matched.what)
        if (failedAt === undefined) known++
        return true
      }
      if (failedAt === undefined) {
        failedAt = performance.now()
        Atomics.store(beat, 2, 1)
      }
      if (cause instanceof Finding) throw cause
      throw new Finding(
        "threw",
        cause instanceof Error
          ? `${cause.name}: ${cause.message}\n${cause.stack ?? ""}`.slice(0, 1_500)
          : describe(cause)
      )
    } finally {
      began[0] = 0
    }
  }
  const details = await fc.check(fc.asyncProperty(target.input, once), {
    numRuns,
    seed,
    ...(settings.path === undefined ? {} : { path: settings.path }),
    endOnFailure: false
  })
  const unseen = open.map((k) => k.what).filter((what) => !seen.has(what))
  const base = { name: target.name, pkg: target.pkg, runs, failures, successes, maxMs, totalMs, known, unseen, seed }
  if (!details.failed) {
    try {
      checkPrototypes(true)
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : describe(cause)
      return {
        ...base,
        finding: {
          message: `${message}, by one of the inputs (this one is checked after them all)`,
          path: "",
          counterexample: ""
        }
      }
    }
    return base
  }
  const error = details.errorInstance
  return {
    ...base,
    finding: {
      message: error instanceof Error ? error.message : describe(error),
      path: details.counterexamplePath ?? "",
      counterexample: details.counterexample === null ? "" : show(details.counterexample[0])
    }
  }
}

// the main thread sends the index of a target to run, the worker answers with its report
const targets = settings.selfTest ? Promise.resolve(planted.map(([target]) => target)) : load()
parentPort!.on("message", (index: number) => {
  targets.then((all) => runTarget(all[index]!, index)).then(
    (report) => parentPort!.postMessage({ report }),
    (cause: unknown) =>
      parentPort!.postMessage({ crashed: cause instanceof Error ? cause.stack ?? cause.message : describe(cause) })
  )
})
// the main thread learns the decoders from the first worker to load them
void targets.then(
  (all) => parentPort!.postMessage({ ready: all.map((t) => ({ name: t.name, pkg: t.pkg })) }),
  (cause: unknown) =>
    parentPort!.postMessage({ crashed: cause instanceof Error ? cause.stack ?? cause.message : describe(cause) })
)
