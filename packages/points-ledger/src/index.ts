/**
 * `@gongzhi/points-ledger`: volunteer points (积分制 / 爱心银行 / 积分超市) that lose nothing —
 * schemes and redemption catalogs as low-code documents, an append-only double-entry journal
 * with idempotency keys, optimistic concurrency, lots and expiry, a SHA-256 hash chain,
 * balances as of any date, statements, leaderboards, reconciliation and masked public notices.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
export * as Command from "./Command.js"
export * as Entry from "./Entry.js"
export * as Hasher from "./Hasher.js"
export * as Journal from "./Journal.js"
export * as JournalStore from "./JournalStore.js"
export * as Messages from "./Messages.js"
export * as Presets from "./presets/Presets.js"
export * as RedemptionCatalog from "./RedemptionCatalog.js"
export * as Report from "./Report.js"
export * as Scheme from "./Scheme.js"
export * as Simulation from "./Simulation.js"
export * as Snapshot from "./Snapshot.js"
