/**
 * Generated command sequences shared by the differential tests: three setups, members
 * a, b, c (and one that is not opened), and steps (an operation, days to advance, an
 * expected seq) turned into commands against what was issued so far.
 */
import { CivilDate, ValidationReport } from "@gongzhi/core"
import type { Command } from "@gongzhi/points-ledger"
import { Journal, Presets } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { catalog } from "./fixtures.js"

export const setups: ReadonlyArray<Journal.Setup> = [
  { scheme: Presets.pingliScheme, catalog },
  { scheme: { ...Presets.pingliScheme, expiry: { _tag: "AfterDays", days: 40 } }, catalog, hashChain: false },
  { scheme: Presets.hailinScheme, catalog: Presets.pingliCatalog }
]
export const members = ["a", "b", "c"] as const
const items = ["brush", "rice", "oil", "racket", "wheelchair", "mooncake", "caviar"] as const

export type Op =
  | { readonly op: "earn"; readonly who: number; readonly activity: number; readonly minutes: number }
  | { readonly op: "redeem" | "hold"; readonly who: number; readonly item: number; readonly quantity: number }
  | { readonly op: "release" | "settle" | "reverse" | "again"; readonly pick: number }
  | { readonly op: "adjust"; readonly who: number; readonly amount: number; readonly self: boolean }
  | { readonly op: "transfer"; readonly who: number; readonly to: number; readonly amount: number }
  | { readonly op: "donate"; readonly who: number; readonly amount: number }
  | { readonly op: "expire" }

// mostly an open account, sometimes one that is not (3)
const who = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.constant(3) })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant("earn" as const),
      who,
      // mostly an activity of the scheme (index modulo their number), sometimes none (-1)
      activity: fc.oneof({ weight: 9, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: fc.constant(-1) }),
      minutes: fc.integer({ min: 0, max: 300 })
    })
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom("redeem" as const, "hold" as const),
      who,
      item: fc.integer({ min: 0, max: 6 }),
      quantity: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 3 }) }, {
        weight: 1,
        arbitrary: fc.constant(0)
      })
    })
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom("release" as const, "settle" as const, "reverse" as const, "again" as const),
      pick: fc.nat()
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("adjust" as const),
      who,
      amount: fc.integer({ min: -40, max: 200 }),
      self: fc.boolean()
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("transfer" as const),
      who,
      to: who,
      amount: fc.integer({ min: 0, max: 60 })
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("donate" as const), who, amount: fc.integer({ min: 0, max: 60 }) })
  },
  { weight: 1, arbitrary: fc.constant({ op: "expire" as const }) }
)
// mostly the same or the next days (caps, limits), sometimes a jump (expiry), sometimes a day back (refused)
const advanceArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 2, arbitrary: fc.integer({ min: 4, max: 60 }) },
  { weight: 1, arbitrary: fc.constant(-1) }
)
// mostly no expected seq; sometimes the right one (0), sometimes a stale one
const seqArb = fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, {
  weight: 2,
  arbitrary: fc.integer({ min: 0, max: 2 })
})
export const stepArb = fc.tuple(opArb, advanceArb, seqArb)
export const caseArb = fc.tuple(
  fc.integer({ min: 0, max: setups.length - 1 }),
  fc.array(stepArb, { minLength: 5, maxLength: 60 })
)

const startDay = CivilDate.toEpochDay(CivilDate.makeUnsafe("2024-01-01"))
export const dateOf = (day: number) => ValidationReport.getOrThrow(CivilDate.fromEpochDay(startDay + day))

/** The command of a step (`undefined` when it repeats an earlier command and there is none yet). */
export const commandOf = (
  op: Op,
  expectedSeq: number | null,
  ctx: {
    readonly key: string
    readonly on: CivilDate.CivilDate
    readonly length: number
    readonly activities: ReadonlyArray<string>
    readonly issued: ReadonlyArray<Command.Command>
  }
): Command.Command | undefined => {
  const { activities, issued, key, on } = ctx
  const journal = { length: ctx.length }
  const seq = expectedSeq === null ? {} : { expectedSeq: journal.length + (expectedSeq === 0 ? 0 : -expectedSeq) }
  const account = (i: number) => members[i] ?? "nobody"
  const holds = issued.filter((c) => c._tag === "Hold")
  let command: Command.Command
  switch (op.op) {
    case "earn": {
      const activity = op.activity < 0 ? "dancing" : activities[op.activity % activities.length]!
      command = {
        _tag: "Earn",
        key,
        on,
        account: account(op.who),
        activity,
        approvedBy: op.minutes % 13 === 0 ? [`m-${account(op.who)}`] : ["x1", "x2"],
        ...(op.minutes % 11 === 0 ? {} : { minutes: op.minutes }),
        ...seq
      }
      break
    }
    case "redeem":
    case "hold":
      command = {
        _tag: op.op === "redeem" ? "Redeem" : "Hold",
        key,
        on,
        account: account(op.who),
        item: items[op.item]!,
        quantity: op.quantity,
        ...seq
      }
      break
    case "release":
    case "settle":
      command = {
        _tag: op.op === "release" ? "Release" : "Settle",
        key,
        on,
        hold: holds.length === 0 ? "none" : holds[op.pick % holds.length]!.key
      }
      break
    case "reverse":
      command = {
        _tag: "Reverse",
        key,
        on,
        target: issued.length === 0 ? "none" : issued[op.pick % issued.length]!.key,
        reason: "test"
      }
      break
    case "again":
      if (issued.length === 0) return undefined
      command = issued[op.pick % issued.length]!
      break
    case "adjust":
      command = {
        _tag: "Adjust",
        key,
        on,
        account: account(op.who),
        amount: op.amount,
        reason: "test",
        approvedBy: op.self ? `m-${account(op.who)}` : "sec"
      }
      break
    case "transfer":
      command = { _tag: "Transfer", key, on, from: account(op.who), to: account(op.to), amount: op.amount }
      break
    case "donate":
      command = { _tag: "Donate", key, on, from: account(op.who), amount: op.amount }
      break
    case "expire":
      command = { _tag: "Expire", key, on, ...seq }
      break
  }
  return command
}

const json = <A>(value: A): A => JSON.parse(JSON.stringify(value))

/** What an append answers, comparable between two journals: the entry, or the codes and paths of its issues. */
export const outcome = (r: ReturnType<typeof Journal.append>) =>
  r._tag === "Failure"
    ? { failed: r.failure.issues.map((i) => [i.code, i.path]) }
    : { entry: r.success.entry === undefined ? null : json(r.success.entry), replayed: r.success.replayed }

/** One generated step: the operation, the days to move on, the `expectedSeq` to give (or none). */
export type Step = readonly [Parameters<typeof commandOf>[0], number, number | null]

/**
 * Runs steps against journals kept in step (every one gets the same command, and each moves on
 * to the journal its append returns); the outcomes of each journal's appends. `issued` collects
 * the commands that made an entry (later reversals pick their targets there), `at` the day and
 * the next key number (both carried on from call to call).
 */
export const runSteps = (
  journals: Array<Journal.Journal>,
  steps: ReadonlyArray<Step>,
  activities: ReadonlyArray<string>,
  issued: Array<Command.Command>,
  at: { day: number; n: number }
): Array<Array<unknown>> => {
  const outcomes: Array<Array<unknown>> = journals.map(() => [])
  for (const [op, advance, expectedSeq] of steps) {
    at.day = Math.max(0, at.day + advance)
    const command = commandOf(op, expectedSeq, {
      key: `k${at.n++}`,
      on: dateOf(at.day),
      length: journals[0]!.length,
      activities,
      issued
    })
    if (command === undefined) continue
    const results = journals.map((j) => Journal.append(j, command))
    results.forEach((r, i) => {
      outcomes[i]!.push(outcome(r))
      if (r._tag === "Success") journals[i] = r.success.journal
    })
    const first = results[0]!
    if (first._tag === "Success" && !first.success.replayed && first.success.entry !== undefined) issued.push(command)
  }
  return outcomes
}
