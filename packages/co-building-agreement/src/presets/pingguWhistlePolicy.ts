/**
 * The whistle response policy of 平谷 (Beijing, 2017).
 *
 * @since 0.1.0
 */
import { ValidationReport } from "@gongzhi/core"
import * as Whistle from "../Whistle.js"

/**
 * The response policy of 平谷's "whistle and report" (街乡吹哨、部门报到, 2017): departments and
 * units are on site within 30 minutes and stay until the matter is done, whatever the urgency.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/co-building-agreement"
 *
 * console.log(Presets.pingguWhistlePolicy.targets.map((t) => `${t.urgency} ${t.arriveWithinMinutes}`))
 * // ["routine 30", "urgent 30", "emergency 30"]
 * ```
 *
 * @category presets
 * @since 0.1.0
 */
export const pingguWhistlePolicy: Whistle.Policy = ValidationReport.getOrThrow(Whistle.policyDocument.decode({
  kind: "whistle-response-policy",
  schemaVersion: 1,
  id: "pinggu-2017",
  name: {
    zh: "平谷\"吹哨报到\"：30分钟到场、不解决不离开",
    en: "Pinggu whistle-and-report: on site in 30 minutes, stay until done"
  },
  targets: [
    { urgency: "routine", arriveWithinMinutes: 30, stayUntilDone: true },
    { urgency: "urgent", arriveWithinMinutes: 30, stayUntilDone: true },
    { urgency: "emergency", arriveWithinMinutes: 30, stayUntilDone: true }
  ]
}))
