/**
 * `@gongzhi/deliberation`: 议事决策 — decision rules as documents, electorates, ballots and
 * exact tallies, the seven-step method (七步工作法) as an event-sourced process, result
 * notices and the owners' maintenance fund (专项维修资金).
 *
 * @packageDocumentation
 * @since 0.2.0
 */
export * as Ballots from "./Ballots.js"
export * as DecisionRule from "./DecisionRule.js"
export * as Electorate from "./Electorate.js"
export * as Feedback from "./Feedback.js"
export * as Fraction from "./Fraction.js"
export * as Fund from "./Fund.js"
export * as Messages from "./Messages.js"
export * as Notice from "./Notice.js"
export * as Presets from "./Presets.js"
export * as Process from "./Process.js"
export * as Tally from "./Tally.js"
export * as Vote from "./Vote.js"
