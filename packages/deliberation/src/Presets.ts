/**
 * Shipped documents and scenarios: the decision rules of the law and party regulations, each
 * citing its source, the default rule of each matter category, and the 平利 scenario.
 *
 * @since 0.2.0
 */
import type * as Ballots from "./Ballots.js"
import type * as DecisionRule from "./DecisionRule.js"
import type * as Electorate from "./Electorate.js"
import type * as Feedback from "./Feedback.js"
import type * as Fund from "./Fund.js"
import { pingliScenario as generate } from "./internal/pingli.js"
import * as shipped from "./internal/rules.js"
import type * as Notice from "./Notice.js"
import type * as Process from "./Process.js"
import type * as Tally from "./Tally.js"

/**
 * 民法典 Art. 278 ordinary matters, using the maintenance fund included: owners with ≥ 2/3 of
 * the exclusive area and ≥ 2/3 of the headcount take part; passed with more than half of the
 * participating area and more than half of the participating owners.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/deliberation"
 *
 * console.log(Presets.ownersOrdinary.source.article) // "第二百七十八条第二款"
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const ownersOrdinary: DecisionRule.DecisionRule = shipped.ownersOrdinary

/**
 * 民法典 Art. 278 items 6–8 (raising the fund; rebuilding; changing the use of common parts or
 * running a business on them): ≥ 3/4 of the participating area and of the participating owners.
 *
 * @example
 * ```ts
 * import { Fraction, Presets } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.format(Presets.ownersSpecial.pass[0]!.threshold)) // "≥ 3/4"
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const ownersSpecial: DecisionRule.DecisionRule = shipped.ownersSpecial

/**
 * 支部党员大会 (支部工作条例 Art. 11): more than half of the members with a vote present; passed
 * with more than half of those with a vote who should attend; probationary members have no vote.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/deliberation"
 *
 * console.log(Presets.branchMeeting.pass[0]!.base) // "shouldAttend"
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const branchMeeting: DecisionRule.DecisionRule = shipped.branchMeeting

/**
 * Party elections (基层组织选举工作条例 2020): those with the right to vote present ≥ 4/5 of
 * those who should attend; elected with more than half of those who should attend.
 *
 * @example
 * ```ts
 * import { Fraction, Presets } from "@gongzhi/deliberation"
 *
 * console.log(Fraction.format(Presets.partyElection.quorum[0]!.threshold)) // "≥ 4/5"
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const partyElection: DecisionRule.DecisionRule = shipped.partyElection

/**
 * 支部委员会会议: more than half of the committee present; decisions by more than half of the
 * committee.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/deliberation"
 *
 * console.log(Presets.branchCommittee.class) // "branch-committee"
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const branchCommittee: DecisionRule.DecisionRule = shipped.branchCommittee

/**
 * 居民会议 (城市居民委员会组织法 Art. 9): more than half of the adult residents, household
 * representatives or group representatives present; decisions by more than half of those present.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/deliberation"
 *
 * console.log(Presets.residentsMeeting.pass[0]!.base) // "participants"
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const residentsMeeting: DecisionRule.DecisionRule = shipped.residentsMeeting

/**
 * Every shipped rule.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/deliberation"
 *
 * console.log(Presets.all.length) // 6
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const all: ReadonlyArray<DecisionRule.DecisionRule> = shipped.all

/**
 * The shipped rule with an id, if there is one.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/deliberation"
 *
 * console.log(Presets.byId("civil-code-278-special")?.class) // "owners-special"
 * console.log(Presets.byId("constructor")) // undefined
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const byId = (id: string): DecisionRule.DecisionRule | undefined => shipped.byId(id)

/**
 * What {@link pingliScenario} makes: the electorate, the closed ballot box and its tally, the
 * decision, the matter's completed seven-step process, the result notice, the feedback and
 * the maintenance fund.
 *
 * @example
 * ```ts
 * import type { Presets } from "@gongzhi/deliberation"
 *
 * const keys: ReadonlyArray<keyof Presets.PingliScenario> = ["electorate", "box", "tally", "decision", "process", "notice", "feedback", "fund"]
 * console.log(keys.length) // 8
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface PingliScenario {
  readonly electorate: Electorate.Electorate
  readonly box: Ballots.Box
  readonly tally: Tally.Tally
  readonly decision: Tally.Decision
  readonly process: Process.State
  readonly notice: Notice.Notice
  readonly feedback: Feedback.Summary
  readonly fund: Fund.Fund
}

/**
 * The 平利 scenario (shared/seeds/004): a generated 金缘上城 A区 of 539 households (deterministic
 * for a seed, core's `Random.seeded`), the exterior-wall repair raised, sorted, discussed,
 * decided by the 民法典 Art. 278 ordinary-matter rule with more than 70 % of the owners in
 * favour, paid from the fund's interest (5,120,000 yuan of principal kept, about 200,000 yuan of
 * interest a year, audited every three years), published and reported back. (The report tells
 * the wall repair of 美佳星座 and the fund of 金缘上城; the scenario joins them in one estate.)
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/deliberation"
 *
 * const s = Presets.pingliScenario()
 * console.log(s.electorate.totals.headcount, s.tally.passed) // 539 true
 * ```
 *
 * @category presets
 * @since 0.2.0
 */
export const pingliScenario = (options?: { readonly seed?: number }): PingliScenario => generate(options)
