/**
 * The plain reference of the tally: replays the records with a Map, sums with BigInt and
 * compares rationals by cross-multiplication. The fast path (typed columns) must agree.
 */
import type { Ballots, DecisionRule } from "../src/index.js"

type Dim = DecisionRule.Dimension
const dims: ReadonlyArray<Dim> = ["headcount", "area", "weight"]

export interface RefCheck {
  readonly value: number
  readonly whole: number
  readonly met: boolean
}

export interface RefTally {
  readonly quorum: ReadonlyArray<RefCheck>
  readonly pass: ReadonlyArray<RefCheck>
  readonly passed: boolean
  readonly yesHeadcount: number
  readonly participantsHeadcount: number
}

export const referenceTally = (box: Ballots.Box, asOf?: string): RefTally => {
  const limit = asOf === undefined ? Infinity : Date.parse(asOf)
  const latest = new Map<string, Ballots.Ballot>()
  for (const b of box.records) if (Date.parse(b.at) <= limit) latest.set(b.voter, b)
  const excluded = new Set(box.exclusions.map((e) => e.voter))
  const zero = () => ({ headcount: 0n, area: 0n, weight: 0n })
  const eligible = zero()
  const shouldAttend = zero()
  const present = zero()
  const participants = zero()
  const yes = zero()
  const addTo = (m: Record<Dim, bigint>, v: { area: number; weight: number }) => {
    m.headcount += 1n
    m.area += BigInt(v.area)
    m.weight += BigInt(v.weight)
  }
  for (const v of box.electorate.voters) {
    if (!v.hasVote) continue
    addTo(eligible, v)
    if (excluded.has(v.id)) continue
    addTo(shouldAttend, v)
    const b = latest.get(v.id)
    if (b === undefined) continue
    const counted = b.choice === "yes" || b.choice === "no" ||
      (b.choice === "abstain" && box.rule.abstentions === "participant") ||
      (b.choice === "spoiled" && box.rule.spoiled === "participant")
    if (!counted) continue
    addTo(participants, v)
    if (b.channel !== "written-opinion") addTo(present, v)
    if (b.choice === "yes") addTo(yes, v)
  }
  const baseOf = (base: DecisionRule.Base) =>
    base === "eligible" ? eligible : base === "shouldAttend" ? shouldAttend : participants
  const evaluate = (of: Record<Dim, bigint>, c: DecisionRule.Check): RefCheck => {
    const value = of[c.dimension]
    const whole = baseOf(c.base)[c.dimension]
    const l = value * BigInt(c.threshold.denominator)
    const r = BigInt(c.threshold.numerator) * whole
    const met = whole > 0n && (c.threshold.strict ? l > r : l >= r)
    return { value: Number(value), whole: Number(whole), met }
  }
  const quorum = box.rule.quorum.map((c) => evaluate(present, c))
  const pass = box.rule.pass.map((c) => evaluate(yes, c))
  void dims
  return {
    quorum,
    pass,
    passed: quorum.every((c) => c.met) && pass.every((c) => c.met),
    yesHeadcount: Number(yes.headcount),
    participantsHeadcount: Number(participants.headcount)
  }
}
