import { Instant, Random, ValidationReport } from "@gongzhi/core"
import { Ballots, type DecisionRule, Electorate } from "../src/index.js"

export const ok = <A>(r: { _tag: "Success"; success: A } | { _tag: "Failure"; failure: unknown }): A => {
  if (r._tag === "Failure") throw new Error(JSON.stringify(r.failure))
  return r.success
}

export const codes = (r: { _tag: string; failure?: { issues: ReadonlyArray<{ code: string }> } }) =>
  r._tag === "Failure" ? r.failure!.issues.map((i) => i.code) : []

export const opensAt = Instant.makeUnsafe("2024-10-01T00:00:00+08:00")
export const closesAt = Instant.makeUnsafe("2024-10-31T18:00:00+08:00")
export const at = (day: number, hour = 10) =>
  Instant.makeUnsafe(`2024-10-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+08:00`)

/** n owners with one unit each of the given areas (hundredths of m²). */
export const ownersOf = (areas: ReadonlyArray<number>) =>
  ValidationReport.getOrThrow(Electorate.owners(areas.map((area, i) => ({
    id: `u${i}`,
    building: String(1 + (i % 3)),
    area,
    owner: { id: `o${i}`, name: `业主${i}` }
  }))))

export const randomOwners = (n: number, seed: number) => {
  const random = Random.seeded(seed)
  return ownersOf(Array.from({ length: n }, () => 5000 + Math.floor(random() * 10000)))
}

export const membersOf = (full: number, probationary = 0) =>
  ValidationReport.getOrThrow(Electorate.members([
    ...Array.from({ length: full }, (_, i) => ({ id: `m${i}`, name: `党员${i}`, status: "full" as const })),
    ...Array.from(
      { length: probationary },
      (_, i) => ({ id: `p${i}`, name: `预备${i}`, status: "probationary" as const })
    )
  ]))

export const boxOf = (
  rule: DecisionRule.DecisionRule,
  electorate: Electorate.Electorate,
  exclusions: ReadonlyArray<Ballots.Exclusion> = []
) => ok(Ballots.open({ matter: "m", rule, electorate, opensAt, closesAt, exclusions }))

export const vote = (
  voter: string,
  choice: Ballots.Choice,
  day = 10,
  channel: Ballots.Channel = "paper"
): Ballots.Ballot => ({ voter, choice, at: at(day), channel, recordedBy: "计票人" })
