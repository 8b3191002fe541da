/**
 * `@gongzhi/co-building-agreement`: 共驻共建 — agreements between a community grand party
 * committee and its member units, the five joints, the three lists and matching,
 * micro-wishes, whistle-and-report, joint meetings and fulfilment per period.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
export * as Agreement from "./Agreement.js"
export * as Category from "./Category.js"
export * as FiveJoints from "./FiveJoints.js"
export * as Fulfilment from "./Fulfilment.js"
export * as JointMeeting from "./JointMeeting.js"
export * as Lifecycle from "./Lifecycle.js"
export * as Matching from "./Matching.js"
export * as Messages from "./Messages.js"
export * as MicroWish from "./MicroWish.js"
export * as Presets from "./Presets.js"
export * as Template from "./Template.js"
export * as ThreeLists from "./ThreeLists.js"
export * as Whistle from "./Whistle.js"
