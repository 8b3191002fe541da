/**
 * The organisation as flat rows, as they come from a database or an Excel roster: org units
 * (with their parent), people, member units and positions. The `org-rows` document holds them
 * all; {@link columns} maps Chinese and English headers of a roster to the row fields.
 *
 * @since 0.1.0
 */
import { CivilDate, Document, type Label } from "@gongzhi/core"
import * as Schema from "effect/Schema"
import * as Kind from "./Kind.js"

/**
 * An org unit (or a grid, building or entrance) as a row: its id, its parent's id (none for the
 * root), kind and name; a branch's type; what territory it covers (grid, building or entrance
 * ids); the member units a unit or joint branch covers.
 *
 * @example
 * ```ts
 * import { OrgRows } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * const row = Schema.decodeUnknownSync(OrgRows.OrgUnitRow)({ id: "b-1", parentId: "gc-1", kind: "branch", name: "一网格党支部", branchType: "grid", covers: ["grid-1"] })
 * console.log(row.kind) // "branch"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const OrgUnitRow = Schema.Struct({
  id: Schema.String,
  parentId: Schema.optionalKey(Schema.NullOr(Schema.String)),
  kind: Kind.Kind,
  name: Schema.String,
  branchType: Schema.optionalKey(Kind.BranchType),
  /** The category that sets its committee's term (社区 / 村: 5 years); inferred when absent (see `Validation`). */
  category: Schema.optionalKey(Kind.Category),
  covers: Schema.optionalKey(Schema.Array(Schema.String)),
  memberUnits: Schema.optionalKey(Schema.Array(Schema.String))
}).annotate({ identifier: "OrgUnitRow" })

/**
 * An org unit row.
 *
 * @example
 * ```ts
 * import type { OrgRows } from "@gongzhi/org-tree"
 *
 * const row: OrgRows.OrgUnitRow = { id: "gc-1", kind: "grand-committee", name: "城东社区大党委" }
 * console.log(row.name)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type OrgUnitRow = typeof OrgUnitRow.Type

/**
 * A person: a party member (full or probationary) of an org unit, or a resident holding a role.
 * An in-service member (在职党员) names the member unit that employs them and the grand committee
 * of the community they report to (dual management); a first secretary from outside the
 * community is `external`.
 *
 * @example
 * ```ts
 * import type { OrgRows } from "@gongzhi/org-tree"
 *
 * const liu: OrgRows.PersonRow = { id: "p-1", name: "刘洋", membership: "full", employerUnitId: "u-finance", reportsTo: "gc-1" }
 * console.log(liu.reportsTo)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface PersonRow {
  readonly id: string
  readonly name: string
  /** The org unit the person's membership (or residence role) belongs to. */
  readonly orgUnitId?: string | undefined
  readonly membership: Kind.Membership
  readonly employerUnitId?: string | undefined
  /** The grand committee an in-service member reports to. */
  readonly reportsTo?: string | undefined
  readonly external?: boolean | undefined
}

/**
 * Schema of {@link PersonRow}.
 *
 * @example
 * ```ts
 * import { OrgRows } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(OrgRows.PersonRow)({ id: "p-1", name: "刘洋", membership: "probationary" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const PersonRow: Schema.Codec<PersonRow> = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  orgUnitId: Schema.optionalKey(Schema.String),
  membership: Kind.Membership,
  employerUnitId: Schema.optionalKey(Schema.String),
  reportsTo: Schema.optionalKey(Schema.String),
  external: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "PersonRow" }) as unknown as Schema.Codec<PersonRow>

/**
 * A member unit (驻区单位) of a grand committee: a school, bank, agency, company….
 *
 * @example
 * ```ts
 * import type { OrgRows } from "@gongzhi/org-tree"
 *
 * const bank: OrgRows.MemberUnitRow = { id: "u-bank", name: "工商银行名泉支行", type: "bank", grandCommitteeId: "mingquan" }
 * console.log(bank.type)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberUnitRow {
  readonly id: string
  readonly name: string
  readonly type: Kind.UnitType
  readonly grandCommitteeId: string
}

/**
 * Schema of {@link MemberUnitRow}.
 *
 * @example
 * ```ts
 * import { OrgRows } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(OrgRows.MemberUnitRow)({ id: "u-1", name: "名泉中学", type: "school", grandCommitteeId: "mingquan" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const MemberUnitRow: Schema.Codec<MemberUnitRow> = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  type: Kind.UnitType,
  grandCommitteeId: Schema.String
}).annotate({ identifier: "MemberUnitRow" })

/**
 * A position held in an org unit, with its term: `start`, the term's scheduled `end` (任期届满),
 * and `left` once the holder actually left the post (so history stays in the rows). `partTime`
 * marks a part-time committee member (兼职委员), often a member unit's head.
 *
 * @example
 * ```ts
 * import type { OrgRows } from "@gongzhi/org-tree"
 * import { CivilDate } from "@gongzhi/core"
 *
 * const position: OrgRows.PositionRow = { orgUnitId: "gc-1", personId: "p-1", role: "secretary", start: CivilDate.makeUnsafe("2021-07-01") }
 * console.log(position.role)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface PositionRow {
  readonly orgUnitId: string
  readonly personId: string
  readonly role: Kind.Role
  readonly start: CivilDate.CivilDate
  readonly end?: CivilDate.CivilDate | undefined
  readonly left?: CivilDate.CivilDate | undefined
  readonly partTime?: boolean | undefined
}

/**
 * Schema of {@link PositionRow}.
 *
 * @example
 * ```ts
 * import { OrgRows } from "@gongzhi/org-tree"
 * import { Schema } from "effect"
 *
 * console.log(Schema.is(OrgRows.PositionRow)({ orgUnitId: "b-1", personId: "p-1", role: "secretary", start: "2024-01-01" })) // true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const PositionRow: Schema.Codec<PositionRow> = Schema.Struct({
  orgUnitId: Schema.String,
  personId: Schema.String,
  role: Kind.Role,
  start: CivilDate.CivilDate,
  end: Schema.optionalKey(CivilDate.CivilDate),
  left: Schema.optionalKey(CivilDate.CivilDate),
  partTime: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "PositionRow" }) as unknown as Schema.Codec<PositionRow>

/**
 * The `org-rows` document: the rows of an organisation and, optionally, the policy it follows
 * (a shipped one as `"preset:hongan"`).
 *
 * @example
 * ```ts
 * import { OrgRows } from "@gongzhi/org-tree"
 *
 * const doc = OrgRows.document.decode({ kind: "org-rows", schemaVersion: 1, orgUnits: [{ id: "gc-1", kind: "grand-committee", name: "城东社区大党委" }] })
 * console.log(doc._tag) // "Success"
 * ```
 *
 * @category documents
 * @since 0.1.0
 */
export const document = Document.define({
  kind: "org-rows",
  schemaVersion: 1,
  label: { zh: "组织花名册", en: "organisation roster" },
  description: "An organisation as flat rows: org units with their parents, people, member units and positions",
  fields: {
    policy: Schema.optionalKey(Schema.String),
    orgUnits: Schema.Array(OrgUnitRow),
    people: Schema.optionalKey(Schema.Array(PersonRow)),
    memberUnits: Schema.optionalKey(Schema.Array(MemberUnitRow)),
    positions: Schema.optionalKey(Schema.Array(PositionRow))
  }
})

/**
 * An `org-rows` document.
 *
 * @example
 * ```ts
 * import type { OrgRows } from "@gongzhi/org-tree"
 *
 * const doc: OrgRows.OrgRows = { kind: "org-rows", schemaVersion: 1, orgUnits: [] }
 * console.log(doc.orgUnits.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type OrgRows = Document.Type<typeof document>

/**
 * The rows of an organisation without the document header, as {@link OrgTree} builds from.
 *
 * @example
 * ```ts
 * import type { OrgRows } from "@gongzhi/org-tree"
 *
 * const rows: OrgRows.Rows = { orgUnits: [{ id: "gc-1", kind: "grand-committee", name: "城东社区大党委" }] }
 * console.log(rows.orgUnits.length)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Rows {
  readonly orgUnits: ReadonlyArray<OrgUnitRow>
  readonly people?: ReadonlyArray<PersonRow> | undefined
  readonly memberUnits?: ReadonlyArray<MemberUnitRow> | undefined
  readonly positions?: ReadonlyArray<PositionRow> | undefined
}

/**
 * A column of a roster: the row field, its Chinese and English header, and what it holds
 * (`list` cells are separated by `、` or commas).
 *
 * @example
 * ```ts
 * import type { OrgRows } from "@gongzhi/org-tree"
 *
 * const column: OrgRows.Column = { key: "id", zh: "编号", en: "id", type: "text", required: true }
 * console.log(column.zh)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Column extends Label.Label {
  readonly key: string
  readonly type: "text" | "list" | "boolean" | "date"
  readonly required?: boolean | undefined
  /** Other headers a roster may use. */
  readonly aliases?: ReadonlyArray<string> | undefined
}

/**
 * The sheets of a roster and their columns: `orgUnits` (组织), `people` (人员), `memberUnits`
 * (驻区单位) and `positions` (职务).
 *
 * @example
 * ```ts
 * import { OrgRows } from "@gongzhi/org-tree"
 *
 * console.log(OrgRows.columns.orgUnits.map((c) => c.zh).slice(0, 4)) // ["编号", "上级编号", "类型", "名称"]
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export const columns: {
  readonly orgUnits: ReadonlyArray<Column>
  readonly people: ReadonlyArray<Column>
  readonly memberUnits: ReadonlyArray<Column>
  readonly positions: ReadonlyArray<Column>
} = {
  orgUnits: [
    { key: "id", zh: "编号", en: "id", type: "text", required: true, aliases: ["组织编号"] },
    { key: "parentId", zh: "上级编号", en: "parentId", type: "text", aliases: ["上级", "上级组织", "parent"] },
    { key: "kind", zh: "类型", en: "kind", type: "text", required: true, aliases: ["组织类型"] },
    { key: "name", zh: "名称", en: "name", type: "text", required: true, aliases: ["组织名称"] },
    { key: "branchType", zh: "支部类型", en: "branchType", type: "text", aliases: ["branch type"] },
    { key: "category", zh: "组织类别", en: "category", type: "text", aliases: ["类别"] },
    { key: "covers", zh: "覆盖", en: "covers", type: "list", aliases: ["覆盖网格", "覆盖楼栋"] },
    { key: "memberUnits", zh: "覆盖单位", en: "memberUnits", type: "list", aliases: ["member units"] }
  ],
  people: [
    { key: "id", zh: "编号", en: "id", type: "text", required: true, aliases: ["人员编号"] },
    { key: "name", zh: "姓名", en: "name", type: "text", required: true },
    { key: "orgUnitId", zh: "所在组织", en: "orgUnitId", type: "text", aliases: ["组织编号"] },
    { key: "membership", zh: "身份", en: "membership", type: "text", required: true, aliases: ["党员身份"] },
    { key: "employerUnitId", zh: "工作单位", en: "employerUnitId", type: "text", aliases: ["单位编号"] },
    { key: "reportsTo", zh: "报到社区", en: "reportsTo", type: "text" },
    { key: "external", zh: "外派", en: "external", type: "boolean" }
  ],
  memberUnits: [
    { key: "id", zh: "编号", en: "id", type: "text", required: true, aliases: ["单位编号"] },
    { key: "name", zh: "单位名称", en: "name", type: "text", required: true, aliases: ["名称"] },
    { key: "type", zh: "单位类型", en: "type", type: "text", required: true, aliases: ["类型"] },
    { key: "grandCommitteeId", zh: "所属大党委", en: "grandCommitteeId", type: "text", required: true }
  ],
  positions: [
    { key: "orgUnitId", zh: "组织编号", en: "orgUnitId", type: "text", required: true, aliases: ["组织"] },
    { key: "personId", zh: "人员编号", en: "personId", type: "text", required: true, aliases: ["人员"] },
    { key: "role", zh: "职务", en: "role", type: "text", required: true },
    { key: "start", zh: "任期开始", en: "start", type: "date", required: true },
    { key: "end", zh: "任期届满", en: "end", type: "date", aliases: ["任期结束"] },
    { key: "left", zh: "离任日期", en: "left", type: "date" },
    { key: "partTime", zh: "兼职", en: "partTime", type: "boolean" }
  ]
}
