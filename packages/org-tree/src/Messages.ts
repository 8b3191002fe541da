/**
 * The one message table of `@gongzhi/org-tree`: every issue code of the package with its
 * zh-CN and en template. Codes are stable; messages are data.
 *
 * @since 0.1.0
 */
import { Issue } from "@gongzhi/core"

/**
 * Every issue code of the package and its zh/en message templates: `{name}` placeholders are
 * filled from the issue's params (language-neutral: ids, kinds, roles, counts) and `{name:label}`
 * placeholders, per language, from the labels given to `make` (the Chinese or English name of a
 * kind or role, another issue's message).
 *
 * @example
 * ```ts
 * import { Messages } from "@gongzhi/org-tree"
 *
 * const issue = Messages.messages.make("ORG_MISSING_PARENT", { path: ["orgUnits", 3, "parentId"], params: { id: "b-1", parentId: "gc-9" } })
 * console.log(issue.message.en) // "b-1: its parent gc-9 does not exist"
 *
 * // a kind's words come as a label; the params keep the kind itself
 * const notGrid = Messages.messages.make("ORG_NOT_A_GRID", { params: { id: "b-1", kind: "branch" }, labels: { kind: { zh: "党支部", en: "branch" } } })
 * console.log(notGrid.message.zh, notGrid.params.kind) // "b-1 不是网格（是党支部）" "branch"
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  // building
  ORG_UNKNOWN_KIND: {
    zh: "{id}：不认识的组织类型 {kind}（可用：{known:label}，或 {known}）",
    en: "{id}: unknown kind {kind} (known: {known:label})"
  },
  ORG_UNKNOWN_VALUE: {
    zh: "{id}：{field} 的值 {value} 不认识（可用：{known}）",
    en: "{id}: the {field} {value} is not known (known: {known})"
  },
  ORG_BAD_ID: {
    zh: "第 {row} 行（编号 {id}）：{reason:label}",
    en: "Row {row} (id {id}): {reason:label}"
  },
  ORG_EMPTY_NAME: {
    zh: "{what:label} {id} 没有名称",
    en: "The {what:label} {id} has no name"
  },
  ORG_DUPLICATE_ENTRY: {
    zh: "{id} 的 {field} 中 {value} 重复（第一次是第 {first} 项）",
    en: "{id}: {value} is listed twice in {field} (first as entry {first})"
  },
  ORG_DUPLICATE_POSITION: {
    zh: "{personId} 自 {start} 起任 {id} 的{role:label}写了两次（第一次在第 {first} 行）",
    en: "The {role:label} position of {personId} in {id} from {start} is given twice (first in row {first})"
  },
  ORG_DUPLICATE_ID: {
    zh: "编号 {id} 重复（第一次出现在第 {first} 行）",
    en: "The id {id} is used twice (first in row {first})"
  },
  ORG_MISSING_PARENT: {
    zh: "{id}：上级 {parentId} 不存在",
    en: "{id}: its parent {parentId} does not exist"
  },
  ORG_NO_ROOT: {
    zh: "没有顶层组织：每个组织都有上级（存在循环）",
    en: "There is no root: every org unit has a parent (there is a cycle)"
  },
  ORG_SEVERAL_ROOTS: {
    zh: "有 {count} 个顶层组织（{ids}），只能有一个",
    en: "There are {count} roots ({ids}); there must be one"
  },
  ORG_CYCLE: {
    zh: "上下级关系成环：{ids}",
    en: "The parent links form a cycle: {ids}"
  },
  ORG_KIND_NOT_ALLOWED: {
    zh: "{id}（{kind:label}）不能设在{parentKind:label} {parentId} 之下（按 {policy}）",
    en: "{id} ({kind:label}) may not sit under the {parentKind:label} {parentId} (by {policy})"
  },
  ORG_ROOT_KIND_NOT_ALLOWED: {
    zh: "顶层组织 {id} 是{kind:label}；按 {policy}，顶层只能是：{allowed:label}",
    en: "The root {id} is a {kind:label}; by {policy} the root must be: {allowed:label}"
  },
  ORG_UNKNOWN_REFERENCE: {
    zh: "{what:label} {id} 引用的{targetKind:label} {target} 不存在",
    en: "{what:label} {id} refers to the {targetKind:label} {target}, which does not exist"
  },
  ORG_WRONG_REFERENCE_KIND: {
    zh: "{id} 的 {field} 应指向{expected:label}，但 {target} 是{actual:label}",
    en: "{field} of {id} should name a {expected:label}, but {target} is a {actual:label}"
  },
  // validating against the policy
  ORG_BRANCH_TOO_FEW_FULL_MEMBERS: {
    zh: "党支部 {id} 只有 {full} 名正式党员（不足 {min} 名应成立联合党支部）",
    en: "The branch {id} has {full} full members (fewer than {min}: it should be a joint branch)"
  },
  ORG_JOINT_BRANCH_TOO_FEW_FULL_MEMBERS: {
    zh: "联合党支部 {id} 只有 {full} 名正式党员，党支部至少需要 {min} 名",
    en: "The joint branch {id} has {full} full members; a branch needs at least {min}"
  },
  ORG_UNIT_NEEDS_OWN_BRANCH: {
    zh: "联合党支部 {id} 覆盖的单位 {unit} 有 {full} 名正式党员（≥ {min}），应单独成立党支部",
    en:
      "The joint branch {id} covers the unit {unit}, which has {full} full members (≥ {min}) and must have its own branch"
  },
  ORG_HOLDER_PROBATIONARY: {
    zh: "{personId} 是预备党员，没有选举权和被选举权，不能担任 {id} 的{role:label}",
    en: "{personId} is a probationary member with no right to be elected and cannot be {role:label} of {id}"
  },
  ORG_JOINT_BRANCH_TOO_MANY_UNITS: {
    zh: "联合党支部 {id} 覆盖 {units} 个单位，一般不超过 {max} 个",
    en: "The joint branch {id} covers {units} units; normally at most {max}"
  },
  ORG_BRANCH_TOO_MANY_MEMBERS: {
    zh: "党支部 {id} 有 {members} 名党员，一般不超过 {max} 名",
    en: "The branch {id} has {members} members; normally at most {max}"
  },
  ORG_COMMITTEE_REQUIRED: {
    zh: "党支部 {id} 有 {full} 名正式党员（≥ {threshold}），应设支部委员会（{min}–{max} 人），现有委员 {committee} 人",
    en:
      "The branch {id} has {full} full members (≥ {threshold}) and must have a committee of {min}–{max}; it has {committee}"
  },
  ORG_COMMITTEE_LARGE: {
    zh: "党支部 {id} 的委员会有 {committee} 人，一般为 {min}–{max} 人",
    en: "The committee of the branch {id} has {committee} members; normally {min}–{max}"
  },
  ORG_COMMITTEE_TOO_LARGE: {
    zh: "党支部 {id} 的委员会有 {committee} 人，不超过 {hardMax} 人",
    en: "The committee of the branch {id} has {committee} members; at most {hardMax}"
  },
  ORG_COMMITTEE_NOT_EXPECTED: {
    zh: "党支部 {id} 正式党员不足 {threshold} 名，不设委员会，却有 {committee} 名委员",
    en: "The branch {id} has fewer than {threshold} full members and no committee, yet {committee} committee members"
  },
  ORG_SECRETARY_MISSING: {
    zh: "{kind:label} {id} 没有书记",
    en: "The {kind:label} {id} has no secretary"
  },
  ORG_SECRETARY_SEVERAL: {
    zh: "{kind:label} {id} 有 {count} 名书记，只能有一名",
    en: "The {kind:label} {id} has {count} secretaries; it must have one"
  },
  ORG_TOO_MANY_DEPUTIES: {
    zh: "{kind:label} {id} 有 {count} 名副书记，至多 {max} 名",
    en: "The {kind:label} {id} has {count} deputy secretaries; at most {max}"
  },
  ORG_TERM_EXPIRED: {
    zh: "{personId} 在 {id} 的{role:label}任期已于 {end} 届满",
    en: "The term of {personId} as {role:label} of {id} ended on {end}"
  },
  ORG_TERM_TOO_LONG: {
    zh: "{personId} 在 {id} 的{role:label}任期 {start} 至 {end} 超过 {years} 年",
    en: "The term of {personId} as {role:label} of {id}, {start} to {end}, is longer than {years} years"
  },
  ORG_TERM_END_BEFORE_START: {
    zh: "{personId} 在 {id} 的{role:label}任期结束 {end} 早于开始 {start}",
    en: "The term of {personId} as {role:label} of {id} ends ({end}) before it starts ({start})"
  },
  ORG_HOLDER_NOT_MEMBER: {
    zh: "{personId} 担任 {id} 的{role:label}，但不是该组织的党员",
    en: "{personId} holds the {role:label} position of {id} but is not a member of it"
  },
  ORG_HOLDER_NOT_PARTY_MEMBER: {
    zh: "{personId} 不是党员，不能担任{role:label}",
    en: "{personId} is not a party member and cannot be {role:label}"
  },
  ORG_SUGGEST_GENERAL_BRANCH: {
    zh: "{id} 有 {members} 名党员（≥ {threshold}），可考虑成立党总支",
    en: "{id} has {members} members (≥ {threshold}); consider a general branch"
  },
  ORG_SUGGEST_COMMITTEE: {
    zh: "{id} 有 {members} 名党员（≥ {threshold}），可考虑成立基层党委",
    en: "{id} has {members} members (≥ {threshold}); consider a grassroots committee"
  },
  // policies
  ORG_POLICY_COMMITTEE_RANGE: {
    zh: "委员会人数应满足 最少 {min} ≤ 一般最多 {max} ≤ 最多 {hardMax}",
    en: "The committee sizes must satisfy min {min} ≤ normal max {max} ≤ hard max {hardMax}"
  },
  ORG_POLICY_DUPLICATE_ENTRY: {
    zh: "{list} 中 {entry} 写了两次（第一次是第 {first} 项）",
    en: "{entry} is listed twice in {list} (first as entry {first})"
  },
  ORG_POLICY_DUPLICATE_PARENT: {
    zh: "{parent} 的下级规则写了两次",
    en: "The rule for {parent} is given twice"
  },
  // rosters (Roster.read)
  ORG_ROSTER_NO_HEADER: { zh: "表 {sheet} 没有表头行", en: "Sheet {sheet} has no header row" },
  ORG_ROSTER_MISSING_COLUMN: {
    zh: "表 {sheet} 缺少必需的列“{header}”（可用表头：{accepted}）",
    en: "Sheet {sheet} lacks the required column \"{header}\" (accepted headers: {accepted})"
  },
  ORG_ROSTER_DUPLICATE_COLUMN: {
    zh: "表 {sheet} 的第 {first} 列和第 {second} 列都是“{header}”",
    en: "Columns {first} and {second} of sheet {sheet} are both \"{header}\""
  },
  ORG_ROSTER_UNKNOWN_COLUMN: {
    zh: "表 {sheet} 的列“{header}”不认识，已忽略",
    en: "Column \"{header}\" of sheet {sheet} is not known and was ignored"
  },
  ORG_ROSTER_DUPLICATE_SHEET: {
    zh: "表 {sheet} 与前面的表都是{table:label}表，已忽略",
    en: "Sheet {sheet} holds the {table:label} like an earlier sheet and was ignored"
  },
  ORG_ROSTER_SHEETS_NOT_A_LIST: {
    zh: "花名册的各表应放在一个列表中，实际为{actual:label}",
    en: "The sheets of a roster should be a list; got {actual:label}"
  },
  ORG_ROSTER_ROWS_NOT_A_LIST: {
    zh: "表 {sheet} 的行应为列表，实际为{actual:label}",
    en: "The rows of sheet {sheet} should be a list; got {actual:label}"
  },
  ORG_ROSTER_NO_ORG_UNITS: {
    zh: "花名册中没有组织表（表名应为 {names}）",
    en: "The roster has no org units sheet (name it {names})"
  },
  ORG_ROSTER_MISSING_CELL: {
    zh: "{cell}（{header}，第 {row} 行，编号 {id}）不能为空",
    en: "{cell} ({header}, row {row}, id {id}) must not be empty"
  },
  ORG_ROSTER_UNKNOWN_LABEL: {
    zh: "{cell}（{header}，第 {row} 行，编号 {id}）的 {actual} 不认识，可填：{known:label}",
    en: "{cell} ({header}, row {row}, id {id}): {actual} is not known; write one of {known:label}"
  },
  ORG_ROSTER_BAD_CELL: {
    zh: "{cell}（{header}，第 {row} 行，编号 {id}）应为{expected:label}，实际为 {actual}：{reason:label}",
    en: "{cell} ({header}, row {row}, id {id}) should be {expected:label}, got {actual}: {reason:label}"
  },
  ORG_ROSTER_BAD_ROW: {
    zh: "{cell}（{header}，第 {row} 行，编号 {id}）：{reason:label}",
    en: "{cell} ({header}, row {row}, id {id}): {reason:label}"
  },
  // trees
  ORG_TREE_NOT_BUILT: {
    zh:
      "这不是由 OrgTree.build 构建的组织树，也无法按其中的行重新构建：请用 OrgTree.build(rows, policy) 从花名册行重新构建（经 structuredClone 或 JSON 复制、未改动的树会自动按其行重建索引）",
    en:
      "This is not an org tree built by OrgTree.build, and its rows do not build again: rebuild it with OrgTree.build(rows, policy) from the roster rows (a tree copied by structuredClone or through JSON, unchanged, has its indexes rebuilt from its rows)"
  },
  ORG_ROWS_UNREADABLE: {
    zh: "组织花名册行无法读取（{reason}）：请先用 OrgRows.document.decode 校验输入",
    en: "The roster rows cannot be read ({reason}): check the input with OrgRows.document.decode first"
  },
  // changes
  ORG_UNKNOWN_UNIT: {
    zh: "没有编号为 {id} 的组织",
    en: "There is no org unit {id}"
  },
  ORG_MOVE_INTO_OWN_SUBTREE: {
    zh: "不能把 {id} 移到它自己的下级 {target} 之下",
    en: "{id} cannot move under {target}, which is inside its own subtree"
  },
  ORG_NOT_A_GRID: {
    zh: "{id} 不是网格（是{kind:label}）",
    en: "{id} is not a grid (it is a {kind:label})"
  },
  ORG_SPLIT_BUILDING_NOT_IN_GRID: {
    zh: "楼栋 {building} 不属于网格 {grid}",
    en: "The building {building} is not in the grid {grid}"
  },
  ORG_SPLIT_BUILDING_TWICE: {
    zh: "楼栋 {building} 被分到了多个新网格",
    en: "The building {building} is given to more than one new grid"
  },
  ORG_POSITION_NOT_FOUND: {
    zh: "{personId} 在 {id} 没有进行中的{role:label}职务",
    en: "{personId} holds no open {role:label} position in {id}"
  }
})
