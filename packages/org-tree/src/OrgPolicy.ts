/**
 * A county's organisation policy (组织设置规则) as a low-code document: which kinds may be the
 * root, which may sit under which, and every threshold the validation applies — with the
 * regulation each comes from. Nothing of it is code: a county edits the document.
 *
 * @since 0.1.0
 */
import { Document, Issue, Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import * as Kind from "./Kind.js"
import { messages } from "./Messages.js"

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))

/**
 * The thresholds of the national rules (《中国共产党支部工作条例（试行）》 and related), as numbers
 * a county may change.
 *
 * @example
 * ```ts
 * import { Presets } from "@gongzhi/org-tree"
 *
 * console.log(Presets.hongan.thresholds.branchMinFullMembers) // 3
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const Thresholds = Schema.Struct({
  /** Full members a branch needs; fewer form a joint branch (Art. 4). */
  branchMinFullMembers: Count,
  /** Units a joint branch normally covers at most (Art. 5; a warning). */
  jointBranchMaxUnits: Count,
  /** Members a branch normally has at most (Art. 4; a warning). */
  branchMaxMembers: Count,
  /** Full members from which a branch must have a committee (Ch. 6). */
  committeeRequiredAt: Count,
  /** The committee's normal size: from … */
  committeeMin: Count,
  /** … to (a warning above). */
  committeeMax: Count,
  /** The committee's size never above (an error). */
  committeeHardMax: Count,
  /** Members from which a general branch is suggested (a warning). */
  generalBranchSuggestAt: Count,
  /** Members from which a grassroots committee is suggested (a warning). */
  committeeSuggestAt: Count
}).annotate({ identifier: "OrgThresholds" })

/**
 * Thresholds of a policy.
 *
 * @example
 * ```ts
 * import type { OrgPolicy } from "@gongzhi/org-tree"
 *
 * const soft = (t: OrgPolicy.Thresholds) => t.branchMaxMembers
 * console.log(typeof soft)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Thresholds = typeof Thresholds.Type

/**
 * The organisation policy document (`kind: "org-policy"`).
 *
 * @example
 * ```ts
 * import { OrgPolicy, Presets } from "@gongzhi/org-tree"
 *
 * const decoded = OrgPolicy.document.decode(JSON.parse(JSON.stringify(Presets.hongan)))
 * console.log(decoded._tag) // "Success"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "org-policy",
  schemaVersion: 1,
  label: { zh: "组织设置规则", en: "organisation policy" },
  description: "Which kinds of org units may sit under which, and the thresholds of the rules, with their sources",
  fields: {
    id: Schema.NonEmptyString,
    name: Label.Label,
    /** The kinds the root may be. */
    roots: Schema.Array(Kind.Kind),
    /** For each parent kind, the kinds allowed under it. */
    allowed: Schema.Array(Schema.Struct({ parent: Kind.Kind, children: Schema.Array(Kind.Kind) })),
    thresholds: Thresholds,
    /**
     * The longest term of committee positions: per category of the organisation first (社区 and 村:
     * 5 years), then per kind, then the default.
     */
    termYears: Schema.Struct({
      default: Count,
      byKind: Schema.Array(Schema.Struct({ kind: Kind.Kind, years: Count })),
      byCategory: Schema.optionalKey(Schema.Array(Schema.Struct({ category: Kind.Category, years: Count })))
    }),
    /** The most deputy secretaries, per kind (no limit where absent). */
    maxDeputies: Schema.Array(
      Schema.Struct({ kind: Kind.Kind, max: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)) })
    ),
    /** The kinds that must have exactly one secretary. */
    secretaryRequired: Schema.Array(Kind.Kind),
    /** Where each rule comes from. */
    sources: Schema.Array(Schema.Struct({ rule: Schema.String, source: Schema.String }))
  },
  checks: [
    (policy) => {
      const t = policy.thresholds
      const issues: Array<Issue.DomainIssue> = []
      if (t.committeeMin > t.committeeMax || t.committeeMax > t.committeeHardMax) {
        issues.push(messages.make("ORG_POLICY_COMMITTEE_RANGE", {
          path: ["thresholds", "committeeMin"],
          params: { min: t.committeeMin, max: t.committeeMax, hardMax: t.committeeHardMax }
        }))
      }
      // a kind twice in a list is a typo or a copy left behind: say where
      const once = (list: ReadonlyArray<string>, path: ReadonlyArray<string | number>) => {
        const first = new Map<string, number>()
        list.forEach((entry, index) => {
          const before = first.get(entry)
          if (before === undefined) first.set(entry, index)
          else {
            issues.push(messages.make("ORG_POLICY_DUPLICATE_ENTRY", {
              path: [...path, index],
              params: { list: path.join("."), entry, first: before + 1 }
            }))
          }
        })
      }
      once(policy.roots, ["roots"])
      policy.allowed.forEach((rule, index) => once(rule.children, ["allowed", index, "children"]))
      once(policy.termYears.byKind.map((rule) => rule.kind), ["termYears", "byKind"])
      once((policy.termYears.byCategory ?? []).map((rule) => rule.category), ["termYears", "byCategory"])
      once(policy.maxDeputies.map((rule) => rule.kind), ["maxDeputies"])
      once(policy.secretaryRequired, ["secretaryRequired"])
      const seen = new Set<string>()
      policy.allowed.forEach((rule, index) => {
        if (seen.has(rule.parent)) {
          issues.push(
            messages.make("ORG_POLICY_DUPLICATE_PARENT", {
              path: ["allowed", index, "parent"],
              params: { parent: rule.parent }
            })
          )
        }
        seen.add(rule.parent)
      })
      return issues
    }
  ]
})

/**
 * An organisation policy.
 *
 * @example
 * ```ts
 * import type { OrgPolicy } from "@gongzhi/org-tree"
 *
 * const name = (policy: OrgPolicy.OrgPolicy) => policy.name.zh
 * console.log(typeof name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type OrgPolicy = Document.Type<typeof document>

/**
 * The kinds a policy allows under a parent kind.
 *
 * @example
 * ```ts
 * import { OrgPolicy, Presets } from "@gongzhi/org-tree"
 *
 * console.log(OrgPolicy.childrenOf(Presets.hongan, "party-group")) // ["centre-household"]
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const childrenOf = (policy: OrgPolicy, parent: Kind.Kind): ReadonlyArray<Kind.Kind> =>
  policy.allowed.find((rule) => rule.parent === parent)?.children ?? []

/**
 * The longest term, in years, of committee positions in an org unit of a kind (and, when given,
 * of a category: a community or village branch serves 5 years where other branches serve 3).
 *
 * @example
 * ```ts
 * import { OrgPolicy, Presets } from "@gongzhi/org-tree"
 *
 * console.log(OrgPolicy.termYears(Presets.hongan, "grand-committee"), OrgPolicy.termYears(Presets.hongan, "branch")) // 5 3
 * console.log(OrgPolicy.termYears(Presets.national, "branch", "community")) // 5
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const termYears = (policy: OrgPolicy, kind: Kind.Kind, category?: Kind.Category): number =>
  (category === undefined
    ? undefined
    : policy.termYears.byCategory?.find((rule) => rule.category === category)?.years) ??
    policy.termYears.byKind.find((rule) => rule.kind === kind)?.years ?? policy.termYears.default

/**
 * The most deputy secretaries an org unit of a kind may have (`undefined`: no limit).
 *
 * @example
 * ```ts
 * import { OrgPolicy, Presets } from "@gongzhi/org-tree"
 *
 * console.log(OrgPolicy.maxDeputies(Presets.hongan, "branch"), OrgPolicy.maxDeputies(Presets.mingquan, "grand-committee")) // 1 undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const maxDeputies = (policy: OrgPolicy, kind: Kind.Kind): number | undefined =>
  policy.maxDeputies.find((rule) => rule.kind === kind)?.max
