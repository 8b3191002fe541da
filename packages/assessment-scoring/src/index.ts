/**
 * `@gongzhi/assessment-scoring`: explainable annual assessment (考核) for community
 * governance — indicator trees, scoring methods (extensible), bonus, deduction and one-vote
 * veto items, grades with quotas, the horse-race ranking (赛马比拼), consequences and
 * appraisals of in-service members.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
export * as Appraisal from "./Appraisal.js"
export * as Assessment from "./Assessment.js"
export * as Consequence from "./Consequence.js"
export * as Explanation from "./Explanation.js"
export * as Expression from "./Expression.js"
export * as Grade from "./Grade.js"
export * as Inputs from "./Inputs.js"
export * as AgreementFulfilment from "./inputs/AgreementFulfilment.js"
export * as LedgerParticipation from "./inputs/LedgerParticipation.js"
export * as OrgCoverage from "./inputs/OrgCoverage.js"
export * as Messages from "./Messages.js"
export * as Method from "./Method.js"
export * as Plan from "./Plan.js"
export * as Presets from "./presets/Presets.js"
export * as Ranking from "./Ranking.js"
export * as Rounding from "./Rounding.js"
