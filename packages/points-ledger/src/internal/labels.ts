/**
 * The words of the parts a replay or a chain check compares, for the `{field:label}` and
 * `{reason:label}` placeholders of `LEDGER_REPLAY_MISMATCH` and `LEDGER_CHAIN_BROKEN` (the
 * params keep the neutral `field` / `part`).
 *
 * @internal
 */
export const replayFields = {
  seq: { zh: "序号", en: "seq" },
  prevHash: { zh: "前一哈希", en: "prevHash" },
  postings: { zh: "分录", en: "postings" },
  command: { zh: "指令结果", en: "command" }
} as const

/** @internal */
export const chainReasons = {
  prevHash: { zh: "前一哈希不符", en: "the previous hash differs" },
  hash: { zh: "哈希与内容不符", en: "the hash differs from the entry's content" }
} as const
