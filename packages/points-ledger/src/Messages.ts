/**
 * The message table of `@gongzhi/points-ledger`: every issue code the package reports, with
 * its zh-CN and en templates (`{name}` placeholders are filled from the issue's params).
 *
 * @since 0.1.0
 */
import { Issue } from "@gongzhi/core"

/**
 * Every issue code of the package with its zh and en message templates.
 *
 * @example
 * ```ts
 * import { Messages } from "@gongzhi/points-ledger"
 *
 * const issue = Messages.messages.make("LEDGER_INSUFFICIENT_BALANCE", {
 *   path: ["quantity"],
 *   params: { account: "pingli-ha", available: 30, held: 10, requested: 50 }
 * })
 * console.log(issue.message.zh) // "账户 pingli-ha 可用积分 30（另有 10 分冻结），不足 50 分"
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export const messages = Issue.catalog({
  // ---- documents ----
  LEDGER_DUPLICATE_ID: {
    zh: "{what:label}编号 \"{id}\" 重复",
    en: "The {what:label} id \"{id}\" is used more than once"
  },
  LEDGER_CAPS_INCONSISTENT: {
    zh: "上限 {smaller}（{smallerValue} 分）大于上限 {larger}（{largerValue} 分）",
    en: "The {smaller} cap ({smallerValue} points) is larger than the {larger} cap ({largerValue} points)"
  },
  LEDGER_VALIDITY_REVERSED: {
    zh: "有效期结束日 {to} 早于开始日 {from}",
    en: "The validity ends ({to}) before it starts ({from})"
  },
  // ---- commands ----
  LEDGER_UNKNOWN_COMMAND: {
    zh: "未知的指令类型 {actual}",
    en: "Unknown command type {actual}"
  },
  LEDGER_KEY_MISSING: {
    zh: "每条指令都需要非空的幂等键 key，实际为 {actual}",
    en: "Every command needs a non-empty idempotency key, got {actual}"
  },
  LEDGER_DATE_INVALID: {
    zh: "指令日期 {actual} 不是有效日期（YYYY-MM-DD）",
    en: "The command date {actual} is not a valid date (YYYY-MM-DD)"
  },
  LEDGER_ACCOUNT_RESERVED: {
    zh: "账户编号 \"{account}\" 以 system: 开头，为系统账户保留",
    en: "The account id \"{account}\" starts with system:, which is reserved for system accounts"
  },
  LEDGER_ACCOUNT_EXISTS: {
    zh: "账户 \"{account}\" 已开立",
    en: "The account \"{account}\" is already open"
  },
  LEDGER_UNKNOWN_ACCOUNT: {
    zh: "未知账户 \"{account}\"（请先开户）",
    en: "Unknown account \"{account}\" (open it first)"
  },
  LEDGER_UNKNOWN_ACTIVITY: {
    zh: "积分方案中没有活动 \"{activity}\"（已有：{known}）",
    en: "The scheme has no activity \"{activity}\" (known: {known})"
  },
  LEDGER_UNKNOWN_ITEM: {
    zh: "兑换目录中没有物品 \"{item}\"",
    en: "The redemption catalog has no item \"{item}\""
  },
  LEDGER_NOT_ELIGIBLE: {
    zh: "账户 \"{account}\" 的身份（{roles}）不能参加活动 \"{activity}\"（限：{allowed}）",
    en: "The account \"{account}\" ({roles}) may not earn points for \"{activity}\" (only: {allowed})"
  },
  LEDGER_AMOUNT_NOT_POSITIVE: {
    zh: "积分数应为正的安全整数，实际为 {actual}",
    en: "The amount must be a positive safe integer, got {actual}"
  },
  LEDGER_HOURS_MISSING: {
    zh: "活动 \"{activity}\" 按小时计分，需要填写服务分钟数 minutes",
    en: "The activity \"{activity}\" is credited by the hour: give the minutes of service"
  },
  LEDGER_CAP_EXCEEDED: {
    zh: "超过{cap:label}积分上限 {limit} 分：本期已得 {used} 分，还可得 {left} 分，本次 {requested} 分",
    en: "The {cap} cap of {limit} points is exceeded: {used} earned, {left} left, {requested} requested"
  },
  LEDGER_INSUFFICIENT_BALANCE: {
    zh: "账户 {account} 可用积分 {available}（另有 {held} 分冻结），不足 {requested} 分",
    en: "The account {account} has {available} points available ({held} held), fewer than {requested}"
  },
  LEDGER_STOCK_EXHAUSTED: {
    zh: "物品 \"{item}\" 库存 {stock}，不足 {requested}",
    en: "The item \"{item}\" has {stock} in stock, fewer than {requested}"
  },
  LEDGER_ITEM_LIMIT_REACHED: {
    zh: "物品 \"{item}\" 每人限兑 {limit} 件，已兑 {used} 件，本次 {requested} 件",
    en: "The item \"{item}\" is limited to {limit} per person: {used} taken, {requested} requested"
  },
  LEDGER_ITEM_NOT_AVAILABLE: {
    zh: "物品 \"{item}\" 在 {on} 不在兑换有效期内（{from} 至 {to}）",
    en: "The item \"{item}\" cannot be redeemed on {on} (valid {from} to {to})"
  },
  LEDGER_REDEMPTION_LIMIT_REACHED: {
    zh: "每{period:label}限兑换 {limit} 次，本{period:label}已兑换 {used} 次",
    en: "Redemptions are limited to {limit} per {period}; {used} already this {period}"
  },
  LEDGER_APPROVAL_MISSING: {
    zh: "需要 {required} 名审核人，实际有效审核人 {given} 名",
    en: "{required} approvers are required, {given} valid approvers given"
  },
  LEDGER_SELF_APPROVAL: {
    zh: "审核人 \"{approver}\" 不能审核自己的积分",
    en: "The approver \"{approver}\" may not approve their own points"
  },
  LEDGER_UNKNOWN_TRANSACTION: {
    zh: "没有幂等键为 \"{target}\" 的交易",
    en: "There is no transaction with the key \"{target}\""
  },
  LEDGER_REVERSAL_OF_REVERSAL: {
    zh: "交易 \"{target}\" 本身是冲正，不能再冲正（请重新登记原交易）",
    en: "The transaction \"{target}\" is itself a reversal and cannot be reversed (record the original again)"
  },
  LEDGER_ALREADY_REVERSED: {
    zh: "交易 \"{target}\" 已被 \"{by}\" 冲正",
    en: "The transaction \"{target}\" was already reversed by \"{by}\""
  },
  LEDGER_NOT_REVERSIBLE: {
    zh: "{kind:label}交易 \"{target}\" 不能冲正（{hint:label}）",
    en: "The {kind:label} transaction \"{target}\" cannot be reversed ({hint:label})"
  },
  LEDGER_UNKNOWN_HOLD: {
    zh: "没有幂等键为 \"{hold}\" 的冻结（待兑换）交易",
    en: "There is no hold (pending redemption) with the key \"{hold}\""
  },
  LEDGER_HOLD_CLOSED: {
    zh: "冻结 \"{hold}\" 已经{state:label}",
    en: "The hold \"{hold}\" is already {state}"
  },
  LEDGER_SAME_ACCOUNT: {
    zh: "转出和转入账户相同（{account}）",
    en: "The transfer goes from and to the same account ({account})"
  },
  LEDGER_DATE_OUT_OF_ORDER: {
    zh: "日期 {on} 早于账本最后一笔交易的日期 {last}",
    en: "The date {on} is before the date of the journal's last transaction ({last})"
  },
  LEDGER_IDEMPOTENCY_CONFLICT: {
    zh: "幂等键 \"{key}\" 已用于另一条不同的指令（第 {seq} 笔）",
    en: "The idempotency key \"{key}\" was already used by a different command (entry {seq})"
  },
  LEDGER_SEQUENCE_CONFLICT: {
    zh: "账本已有 {actual} 笔交易，指令期望 {expected} 笔（有人先写入了）",
    en: "The journal has {actual} entries, the command expected {expected} (someone wrote first)"
  },
  LEDGER_TEXT_MALFORMED: {
    zh: "{name:label}含有不成对的代理字符（不是有效的 Unicode 文本）",
    en: "The {name:label} contains a lone surrogate (it is not valid Unicode text)"
  },
  LEDGER_TEXT_TOO_LONG: {
    zh: "{name:label}最长 {maxLength} 个字符",
    en: "The {name:label} must be at most {maxLength} characters long"
  },
  LEDGER_TEXT_EMPTY: {
    zh: "{name:label}不能为空",
    en: "The {name:label} must not be empty"
  },
  LEDGER_COMMAND_UNREADABLE: {
    zh: "指令的字段 {field} 无法读取（取值时出错）",
    en: "The command's field {field} cannot be read (reading it failed)"
  },
  LEDGER_JOURNAL_DETACHED: {
    zh:
      "这个账本值是复制出来的（structuredClone 或 JSON），已失去其记录：请用 Journal.fromEntries(setup, entries) 从记录重建",
    en:
      "This journal value is a copy (structuredClone or JSON) that lost its entries: rebuild it from its entries with Journal.fromEntries(setup, entries)"
  },
  // ---- replay and verification ----
  LEDGER_CHAIN_BROKEN: {
    zh: "第 {index} 笔交易的哈希链断裂：{reason:label}",
    en: "The hash chain is broken at entry {index}: {reason:label}"
  },
  LEDGER_REPLAY_MISMATCH: {
    zh: "重放第 {index} 笔交易得到的{field:label}与存储的不同",
    en: "Replaying entry {index} gives a different {field:label} than the one stored"
  },
  LEDGER_HEAD_NOT_REACHED: {
    zh: "账本只有 {length} 笔交易，未到已知链头（第 {seq} 笔，哈希 {hash}）：末尾的交易被删去了",
    en:
      "The journal has {length} entries and stops before the known head (entry {seq}, hash {hash}): entries were cut off at the end"
  },
  LEDGER_HEAD_MISMATCH: {
    zh: "第 {seq} 笔交易的哈希 {actual} 与已知链头的哈希 {hash} 不同：账本被改写过",
    en: "The hash of entry {seq} is {actual}, not the known head's {hash}: the journal was rewritten"
  },
  // ---- snapshots ----
  LEDGER_SNAPSHOT_SETUP_MISMATCH: {
    zh: "快照的{what:label}是 {actual}，而账本的是 {expected}：不能用这个快照",
    en: "The snapshot's {what:label} is {actual}, the journal's is {expected}: the snapshot cannot be used"
  },
  LEDGER_SNAPSHOT_INCONSISTENT: {
    zh: "快照自相矛盾：{reason:label}",
    en: "The snapshot contradicts itself: {reason:label}"
  }
})

/**
 * Every issue code of the package.
 *
 * @example
 * ```ts
 * import type { Messages } from "@gongzhi/points-ledger"
 *
 * const code: Messages.Code = "LEDGER_CAP_EXCEEDED"
 * console.log(code)
 * ```
 *
 * @category messages
 * @since 0.1.0
 */
export type Code = keyof typeof messages.templates
