/**
 * Shipped documents and scenarios: the standard agreement template, the 平谷 whistle response
 * policy, the 名泉 scenario generator, the 綦江 problem list with its triage policy and a
 * default micro-wish policy. The CLI's demo reuses them.
 *
 * @since 0.1.0
 */
export { type MingquanOptions, mingquanScenario, type Scenario } from "./presets/mingquan.js"
export { pingguWhistlePolicy } from "./presets/pingguWhistlePolicy.js"
export { qijiangProblemList, qijiangTriagePolicy } from "./presets/qijiang.js"
export { standardTemplate } from "./presets/standardTemplate.js"
import type * as MicroWish from "./MicroWish.js"

/**
 * The default micro-wish policy: a wish unclaimed for 14 days falls back to the community
 * (the seeds give no number; a county sets its own).
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/co-building-agreement"
 *
 * console.log(Presets.wishPolicy.claimWindowDays) // 14
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const wishPolicy: MicroWish.Policy = { claimWindowDays: 14 }
