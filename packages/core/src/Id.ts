/**
 * Branded string ids: an `OrgUnitId` cannot be passed where a `MemberId` is expected.
 *
 * Every id is checked when it is decoded: not empty, at most 128 characters (or the
 * length you choose), no control characters and no spaces around it (a common
 * leftover of spreadsheet imports).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { describeValue } from "./internal/schemaIssues.js"
import * as Issue from "./Issue.js"
import type * as Label from "./Label.js"

/**
 * The messages of id checks.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * console.log(Id.messages.codes.includes("CORE_ID_EMPTY")) // true
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  CORE_ID_EMPTY: { zh: "{name:label}不能为空", en: "The {name:label} must not be empty" },
  CORE_ID_TOO_LONG: {
    zh: "{name:label}最长 {maxLength} 个字符",
    en: "The {name:label} must be at most {maxLength} characters long"
  },
  CORE_ID_CONTROL_CHARACTER: {
    zh: "{name:label}不能包含控制字符（如换行、制表符）",
    en: "The {name:label} must not contain control characters (such as line breaks or tabs)"
  },
  CORE_ID_UNTRIMMED: {
    zh: "{name:label}首尾不能有空白",
    en: "The {name:label} must not start or end with white space"
  },
  CORE_ID_LONE_SURROGATE: {
    zh: "{name:label}含有不成对的代理字符（不是有效的 Unicode 文字）",
    en: "The {name:label} contains a lone surrogate (it is not valid Unicode text)"
  },
  CORE_ID_NOT_STRING: {
    zh: "{name:label}应为文字，实际为 {actual}",
    en: "The {name:label} must be text, got {actual}"
  }
})

/**
 * The longest id accepted unless an id kind says otherwise.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * console.log(Id.defaultMaxLength) // 128
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultMaxLength = 128

// C0 controls, DEL and C1 controls
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/
// a high surrogate not followed by a low one, or a low one not after a high one
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Options of an id kind.
 *
 * @example
 * ```ts
 * import type { Id } from "@gongzhi/core"
 *
 * const options: Id.Options = { maxLength: 32, label: { zh: "工单编号", en: "ticket id" } }
 * console.log(options.maxLength)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** Longest accepted id; 128 by default. */
  readonly maxLength?: number | undefined
  /** What the id is called in messages; by default the brand. */
  readonly label?: Label.Label | undefined
}

const noIssues: ReadonlyArray<Issue.DomainIssue> = Object.freeze([])

/**
 * Whether a string is a good id: 1 to `maxLength` characters, no control character (C0, DEL,
 * C1) and nothing `trim` removes at either end. The quick form of {@link validate} for code that
 * checks millions of ids: a loop over the char codes, no regular expression and no allocation.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * console.log(Id.isValid("gc-12"), Id.isValid("网格一\u3000"), Id.isValid("")) // true false false
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const isValid = (value: string, options?: Options): boolean => {
  if (typeof value !== "string") return false
  const n = value.length
  if (n === 0 || n > (options?.maxLength ?? defaultMaxLength)) return false
  const first = value.charCodeAt(0)
  const last = value.charCodeAt(n - 1)
  // ASCII spaces and controls at the ends; other spaces (U+00A0, the full-width U+3000, …) are what `trim` removes
  if (first <= 32 || last <= 32) return false
  if ((first >= 0x80 || last >= 0x80) && value.trim() !== value) return false
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false
    if (c >= 0xd800 && c <= 0xdfff) {
      // a high surrogate must be followed by a low one; a low one is never alone
      if (c > 0xdbff) return false
      const next = value.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    }
  }
  return true
}

/**
 * The issues of an id string (empty if it is a good id).
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * console.log(Id.validate(" a1 ").map((i) => i.code)) // ["CORE_ID_UNTRIMMED"]
 * ```
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (value: string, options?: Options): ReadonlyArray<Issue.DomainIssue> => {
  if (isValid(value, options)) return noIssues
  const maxLength = options?.maxLength ?? defaultMaxLength
  const label = options?.label ?? { zh: "编号", en: "id" }
  const labels = { name: label }
  if (typeof value !== "string") {
    return [messages.make("CORE_ID_NOT_STRING", { params: { actual: describeValue(value) }, labels })]
  }
  if (value.length === 0) return [messages.make("CORE_ID_EMPTY", { labels })]
  const found: Array<Issue.DomainIssue> = []
  if (value.length > maxLength) found.push(messages.make("CORE_ID_TOO_LONG", { params: { maxLength }, labels }))
  if (controlCharacter.test(value)) found.push(messages.make("CORE_ID_CONTROL_CHARACTER", { labels }))
  if (value.trim() !== value) found.push(messages.make("CORE_ID_UNTRIMMED", { labels }))
  if (loneSurrogate.test(value)) found.push(messages.make("CORE_ID_LONE_SURROGATE", { labels }))
  return found
}

/**
 * A string schema checked by the id rules (not empty, at most `maxLength` characters, no control
 * characters, no leading or trailing white space, no lone surrogates), without a brand: for ids
 * inside documents whose types stay plain strings. {@link make} brands it.
 *
 * @example
 * ```ts
 * import { Id, ValidationReport } from "@gongzhi/core"
 *
 * const PlanId = Id.text({ label: { zh: "考核方案编号", en: "plan id" } })
 * const result = ValidationReport.decodeUnknown(PlanId)(" p-1")
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.code) // "CORE_ID_UNTRIMMED"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const text = (options?: Options) =>
  Schema.String.check(Issue.refine((value: string) => validate(value, options), {
    jsonSchema: { minLength: 1, maxLength: options?.maxLength ?? defaultMaxLength, pattern: "^\\S(.*\\S)?$" }
  }))

/**
 * Defines a kind of id: a branded, checked string schema. Domain packages define their own
 * ids with it; the ids used across packages are defined here.
 *
 * @example
 * ```ts
 * import { Id, ValidationReport } from "@gongzhi/core"
 *
 * const WishId = Id.make("WishId", { label: { zh: "微心愿编号", en: "micro-wish id" } })
 * type WishId = typeof WishId.Type
 *
 * const result = ValidationReport.decodeUnknown(WishId)("")
 * if (result._tag === "Failure") console.log(result.failure.issues[0]?.message.zh) // "微心愿编号不能为空"
 * const id: WishId = WishId.make("wish-1")
 * console.log(id)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = <const B extends string>(brand: B, options?: Options) => {
  const label = options?.label ?? { zh: `编号（${brand}）`, en: brand }
  return text({ ...options, label }).pipe(
    Schema.brand<B>(brand as never)
  ).annotate({
    identifier: brand,
    description: `${label.en} (${label.zh})`,
    "gongzhi/expected": label
  })
}

/**
 * Id of an organisation unit at any level (grand committee, branch, party group, centre household…).
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const id: Id.OrgUnitId = Id.OrgUnitId.make("hongan-gc-01")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const OrgUnitId = make("OrgUnitId", { label: { zh: "组织编号", en: "org unit id" } })
/**
 * The type of {@link OrgUnitId}: a string branded as a OrgUnitId.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const ids: ReadonlyArray<Id.OrgUnitId> = [Id.OrgUnitId.make("x-1")]
 * console.log(ids.length)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type OrgUnitId = typeof OrgUnitId.Type

/**
 * Id of a person: a party member or a resident holding a role.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const id: Id.MemberId = Id.MemberId.make("m-0001")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const MemberId = make("MemberId", { label: { zh: "人员编号", en: "member id" } })
/**
 * The type of {@link MemberId}: a string branded as a MemberId.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const ids: ReadonlyArray<Id.MemberId> = [Id.MemberId.make("x-1")]
 * console.log(ids.length)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type MemberId = typeof MemberId.Type

/**
 * Id of a member unit (驻区单位): a school, bank, agency or company in the community.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const id: Id.UnitId = Id.UnitId.make("unit-bank-01")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const UnitId = make("UnitId", { label: { zh: "单位编号", en: "unit id" } })
/**
 * The type of {@link UnitId}: a string branded as a UnitId.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const ids: ReadonlyArray<Id.UnitId> = [Id.UnitId.make("x-1")]
 * console.log(ids.length)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type UnitId = typeof UnitId.Type

/**
 * Id of a points account (a member's, the community pool's…).
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const id: Id.AccountId = Id.AccountId.make("acct-haanxi")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const AccountId = make("AccountId", { label: { zh: "账户编号", en: "account id" } })
/**
 * The type of {@link AccountId}: a string branded as a AccountId.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const ids: ReadonlyArray<Id.AccountId> = [Id.AccountId.make("x-1")]
 * console.log(ids.length)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type AccountId = typeof AccountId.Type

/**
 * Id of a grid (网格 / 小区), the residential area a branch covers.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const id: Id.GridId = Id.GridId.make("grid-017")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const GridId = make("GridId", { label: { zh: "网格编号", en: "grid id" } })
/**
 * The type of {@link GridId}: a string branded as a GridId.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const ids: ReadonlyArray<Id.GridId> = [Id.GridId.make("x-1")]
 * console.log(ids.length)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type GridId = typeof GridId.Type

/**
 * Id of a co-building agreement (共驻共建协议).
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const id: Id.AgreementId = Id.AgreementId.make("mq-2024-01")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const AgreementId = make("AgreementId", { label: { zh: "协议编号", en: "agreement id" } })
/**
 * The type of {@link AgreementId}: a string branded as a AgreementId.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const ids: ReadonlyArray<Id.AgreementId> = [Id.AgreementId.make("x-1")]
 * console.log(ids.length)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type AgreementId = typeof AgreementId.Type

/**
 * Id of an assessed subject (a member, a branch, a grand committee…) in an assessment.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const id: Id.SubjectId = Id.SubjectId.make("gc-qijiang-03")
 * console.log(id)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export const SubjectId = make("SubjectId", { label: { zh: "考核对象编号", en: "subject id" } })
/**
 * The type of {@link SubjectId}: a string branded as a SubjectId.
 *
 * @example
 * ```ts
 * import { Id } from "@gongzhi/core"
 *
 * const ids: ReadonlyArray<Id.SubjectId> = [Id.SubjectId.make("x-1")]
 * console.log(ids.length)
 * ```
 *
 * @category ids
 * @since 0.1.0
 */
export type SubjectId = typeof SubjectId.Type
