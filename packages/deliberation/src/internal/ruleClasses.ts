/**
 * The zh and en names of the classes of rules, here so that messages can name a class without
 * importing the rule schemas (`DecisionRule.classLabels` is this table).
 *
 * @internal
 */

/** The words of each class of rule. @internal */
export const ruleClassLabels = {
  "owners-ordinary": { zh: "业主共同决定一般事项", en: "owners' ordinary matter" },
  "owners-special": { zh: "业主共同决定重大事项", en: "owners' special matter" },
  "branch-meeting": { zh: "支部党员大会", en: "branch general meeting" },
  "party-election": { zh: "党内选举", en: "party election" },
  "branch-committee": { zh: "支部委员会会议", en: "branch committee meeting" },
  "residents-meeting": { zh: "居民会议", en: "residents' meeting" },
  custom: { zh: "自定义", en: "custom" }
} as const
