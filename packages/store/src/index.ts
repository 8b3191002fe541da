/**
 * `@gongzhi/store`: every sequence the SDK keeps as append-only streams on a real database —
 * embedded PGlite by default, PostgreSQL to scale out — with optimistic concurrency,
 * idempotent retries, snapshots and tamper checks.
 *
 * @since 0.2.0
 */
export * as CoBuildingStore from "./CoBuildingStore.js"
export * as Database from "./Database.js"
export * as DeliberationStore from "./DeliberationStore.js"
export * as LedgerStore from "./LedgerStore.js"
export * as Messages from "./Messages.js"
export * as Migrations from "./Migrations.js"
export * as PgliteClient from "./PgliteClient.js"
export * as Record from "./Record.js"
export * as StreamStore from "./StreamStore.js"
