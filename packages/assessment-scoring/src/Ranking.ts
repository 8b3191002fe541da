/**
 * Ranking (赛马比拼, the "horse race" between communities): rank by total within peer groups,
 * by competition ranking (1, 2, 2, 4) or dense ranking (1, 2, 2, 3), and the change against
 * the previous period.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Where subjects with a one-vote veto (一票否决) stand: `"last"`, ranked after every subject
 * without one (among themselves by total), or `"unranked"`, given no rank. Either way a vetoed
 * subject is never ahead of one without a veto, and rank-based consequences never reach it.
 *
 * @example
 * ```ts
 * import type { Ranking } from "@gongzhi/assessment-scoring"
 *
 * const vetoed: Ranking.Vetoed = "unranked"
 * console.log(vetoed)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type Vetoed = "last" | "unranked"

/**
 * How a plan ranks: `mode` of ties, `scope` (all subjects, or each peer group) and where
 * vetoed subjects stand (`vetoed`, default `"last"`).
 *
 * @example
 * ```ts
 * import type { Ranking } from "@gongzhi/assessment-scoring"
 *
 * const config: Ranking.Config = { mode: "competition", scope: "group", vetoed: "last" }
 * console.log(config.mode)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Config {
  readonly mode: "competition" | "dense"
  readonly scope: "plan" | "group"
  /** Where subjects with a veto stand; default `"last"`. */
  readonly vetoed?: Vetoed
}

/**
 * Schema of {@link Config}.
 *
 * @example
 * ```ts
 * import { Ranking } from "@gongzhi/assessment-scoring"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(Ranking.Config)({ mode: "dense", scope: "plan" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Config: Schema.Codec<Config> = Schema.Struct({
  mode: Schema.Literals(["competition", "dense"]),
  scope: Schema.Literals(["plan", "group"]),
  vetoed: Schema.optionalKey(Schema.Literals(["last", "unranked"]))
}).annotate({ identifier: "RankingConfig" })

/**
 * One ranked entry: id, total (compare exact values, e.g. integer units) and peer group.
 *
 * @example
 * ```ts
 * import type { Ranking } from "@gongzhi/assessment-scoring"
 *
 * const entry: Ranking.Entry = { id: "gc-01", total: 8750, group: "古南街道" }
 * console.log(entry.total)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Entry {
  readonly id: string
  readonly total: number
  readonly group: string | undefined
  /** Whether a one-vote veto applies to the subject (see {@link Vetoed}); default no. */
  readonly vetoed?: boolean
}

/**
 * A subject's place: its rank and the number of peers it was ranked among.
 *
 * @example
 * ```ts
 * import type { Ranking } from "@gongzhi/assessment-scoring"
 *
 * const place: Ranking.Place = { rank: 2, peers: 19 }
 * console.log(`${place.rank}/${place.peers}`)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Place {
  readonly rank: number
  readonly peers: number
}

/**
 * Ranks entries by total, highest first, within each scope; equal totals share a rank.
 * Vetoed entries come after every other entry of their scope (`vetoed: "last"`, the default;
 * they never share a rank with an entry without a veto) or get no place (`"unranked"`, and are
 * not counted in `peers`). Runs in n·log n.
 *
 * @example
 * ```ts
 * import { Ranking } from "@gongzhi/assessment-scoring"
 *
 * const entries = [
 *   { id: "a", total: 90, group: undefined }, { id: "b", total: 85, group: undefined },
 *   { id: "c", total: 85, group: undefined }, { id: "d", total: 70, group: undefined }
 * ]
 * const competition = Ranking.rank(entries, { mode: "competition", scope: "plan" })
 * const dense = Ranking.rank(entries, { mode: "dense", scope: "plan" })
 * console.log(competition.get("d")?.rank, dense.get("d")?.rank) // 4 3
 * const vetoed = [...entries, { id: "e", total: 100, group: undefined, vetoed: true }]
 * console.log(Ranking.rank(vetoed, { mode: "competition", scope: "plan" }).get("e")?.rank) // 5
 * console.log(Ranking.rank(vetoed, { mode: "competition", scope: "plan", vetoed: "unranked" }).get("e")) // undefined
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const rank = (entries: ReadonlyArray<Entry>, config: Config): ReadonlyMap<string, Place> => {
  const unranked = config.vetoed === "unranked"
  const scopes = new Map<string, Array<Entry>>()
  for (const e of entries) {
    if (unranked && e.vetoed === true) continue
    const key = config.scope === "group" ? `g:${e.group ?? ""}` : "all"
    let list = scopes.get(key)
    if (list === undefined) scopes.set(key, list = [])
    list.push(e)
  }
  const places = new Map<string, Place>()
  const isVetoed = (e: Entry): number => (e.vetoed === true ? 1 : 0)
  for (const list of scopes.values()) {
    list.sort((a, b) => isVetoed(a) - isVetoed(b) || b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    let rankNow = 0
    let dense = 0
    let position = 0
    let before: Entry | undefined
    for (const e of list) {
      position++
      if (before === undefined || before.total !== e.total || isVetoed(before) !== isVetoed(e)) {
        rankNow = position
        dense++
      }
      places.set(e.id, { rank: config.mode === "dense" ? dense : rankNow, peers: list.length })
      before = e
    }
  }
  return places
}

/**
 * The change of rank against the previous period: positive when the subject moved up.
 *
 * @example
 * ```ts
 * import { Ranking } from "@gongzhi/assessment-scoring"
 *
 * console.log(Ranking.change(3, 5)) // 2 (from 5th to 3rd)
 * console.log(Ranking.change(3, undefined)) // undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const change = (current: number, previous: number | undefined): number | undefined =>
  previous === undefined ? undefined : previous - current
