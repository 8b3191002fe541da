/**
 * The message table of `@gongzhi/store`: every issue code the store reports, with its zh-CN
 * and en templates (`{name}` placeholders are filled from the issue's params).
 *
 * @since 0.2.0
 */
import { Issue } from "@gongzhi/core"

/**
 * Every issue code of the store with its zh and en message templates.
 *
 * @example
 * ```ts
 * import { Messages } from "@gongzhi/store"
 *
 * const issue = Messages.messages.make("STORE_SEQUENCE_CONFLICT", {
 *   path: ["expectedSeq"],
 *   params: { stream: "ledger/pingli", expected: 3, actual: 4 }
 * })
 * console.log(issue.message.zh) // 流 ledger/pingli 已有 4 条记录，写入期望 3 条（有人先写入了）
 * ```
 *
 * @category messages
 * @since 0.2.0
 */
export const messages = Issue.catalog({
  // ---- input ----
  STORE_STREAM_INVALID: {
    zh: "流编号须为 1 到 200 个字符的非空字符串，实际为 {actual}",
    en: "A stream id must be a non-empty string of at most 200 characters, got {actual}"
  },
  STORE_SEQ_INVALID: {
    zh: "序号须为非负整数，实际为 {actual}",
    en: "A sequence number must be a non-negative integer, got {actual}"
  },
  STORE_RECORDS_INVALID: {
    zh: "待写入的记录须为数组，实际为 {actual}",
    en: "The records to append must be an array, got {actual}"
  },
  STORE_TYPE_INVALID: {
    zh: "记录类型须为非空字符串，实际为 {actual}",
    en: "A record type must be a non-empty string, got {actual}"
  },
  STORE_KEY_INVALID: {
    zh: "幂等键须为非空字符串，实际为 {actual}",
    en: "An idempotency key must be a non-empty string, got {actual}"
  },
  STORE_KEY_DUPLICATE: {
    zh: "同一批记录中幂等键 \"{key}\" 出现了不止一次",
    en: "The idempotency key \"{key}\" is used more than once in the batch"
  },
  STORE_PAYLOAD_NOT_JSON: {
    zh: "记录内容须为 JSON 值（对象、数组、字符串、有限数、布尔或 null），此处为 {actual}",
    en: "A record payload must be a JSON value (object, array, string, finite number, boolean or null), got {actual}"
  },
  STORE_RECORDED_AT_INVALID: {
    zh: "记录时间须为毫秒时间戳（非负整数），实际为 {actual}",
    en: "The recording time must be a millisecond timestamp (a non-negative integer), got {actual}"
  },
  // ---- writing ----
  STORE_SEQUENCE_CONFLICT: {
    zh: "流 {stream} 已有 {actual} 条记录，写入期望 {expected} 条（有人先写入了）",
    en: "The stream {stream} has {actual} records, the append expected {expected} (someone wrote first)"
  },
  STORE_IDEMPOTENCY_MISMATCH: {
    zh: "流 {stream} 中幂等键 \"{key}\" 已用于第 {seq} 条记录，内容与本次写入不同",
    en: "In the stream {stream} the idempotency key \"{key}\" already names record {seq}, with other content"
  },
  STORE_DATABASE_FAILED: {
    zh: "数据库操作失败（{reason}）：{detail}",
    en: "The database operation failed ({reason}): {detail}"
  },
  // ---- reading back ----
  STORE_ROW_INVALID: {
    zh: "流 {stream} 第 {seq} 条记录的字段 {field} 不是存储时的格式",
    en: "Record {seq} of the stream {stream} has a {field} that is not in its stored form"
  },
  STORE_ROW_MISSING: {
    zh: "流 {stream} 缺少第 {seq} 条记录（序号不连续：该行被删除或序号被改动）",
    en: "The stream {stream} has no record {seq} (a gap in the sequence: the row was deleted or its seq changed)"
  },
  STORE_ROW_UNEXPECTED: {
    zh: "流 {stream} 的第 {seq} 条记录超出了流头记载的 {length} 条（该行为后来插入）",
    en: "Record {seq} of the stream {stream} lies beyond the {length} records its head records (the row was inserted)"
  },
  STORE_HASH_MISMATCH: {
    zh: "流 {stream} 第 {seq} 条记录的哈希与其内容或前一条不符（该行被改动）",
    en:
      "The hash of record {seq} of the stream {stream} does not match its content or the record before it (the row was changed)"
  },
  STORE_HEAD_MISMATCH: {
    zh: "流 {stream} 的流头记载 {length} 条记录，与存储的记录不符（记录被删除、插入或流头被改动）",
    en:
      "The head of the stream {stream} records {length} records, which does not match the stored records (rows deleted or inserted, or the head changed)"
  },
  // ---- snapshots ----
  STORE_SNAPSHOT_MISMATCH: {
    zh: "流 {stream} 在第 {seq} 条处的快照与记录不符，已拒绝",
    en: "The snapshot of the stream {stream} at record {seq} does not match the records and is refused"
  },
  STORE_SNAPSHOT_STATE_CHANGED: {
    zh: "流 {stream} 在第 {seq} 条处的快照内容与其哈希不符（快照被改动），已拒绝",
    en: "The snapshot of the stream {stream} at record {seq} does not match its hash (it was changed) and is refused"
  },
  STORE_SNAPSHOT_BEYOND_HEAD: {
    zh: "流 {stream} 只有 {length} 条记录，不能在第 {seq} 条处做快照",
    en: "The stream {stream} has {length} records: no snapshot can be taken at record {seq}"
  },
  STORE_SNAPSHOT_REPLAY_DIFFERS: {
    zh: "重放流 {stream} 前 {seq} 条记录得到的状态与快照不同",
    en: "Replaying the first {seq} records of the stream {stream} gives another state than the snapshot"
  },
  // ---- co-building sequences ----
  STORE_HISTORY_START: {
    zh: "流 {stream} 的第一条记录须为 {first}",
    en: "The first record of the stream {stream} must be {first}"
  },
  STORE_HISTORY_FIRST_ONLY: {
    zh: "流 {stream} 第 {seq} 条记录为 {type}，它只能是第一条",
    en: "Record {seq} of the stream {stream} is {type}, which can only come first"
  },
  STORE_WISH_NOT_OPEN: {
    zh: "流 {stream} 第 {seq} 条记录让微心愿转社区办理，但它已不在待认领状态",
    en: "Record {seq} of the stream {stream} hands the wish to the community, but it is no longer published"
  },
  STORE_WISH_DELIVERER_MISMATCH: {
    zh: "流 {stream} 第 {seq} 条记录的实现者 {by} 与认领情况（{expected}）不符",
    en: "Record {seq} of the stream {stream} names {by} as deliverer, but the claims give {expected}"
  },
  // ---- targets ----
  STORE_TARGET_INVALID: {
    zh: "数据库位置须为目录、memory://、idb:// 或 postgres:// 地址，实际为 {actual}",
    en: "A database location must be a directory, memory://, idb:// or a postgres:// URL, got {actual}"
  }
})
