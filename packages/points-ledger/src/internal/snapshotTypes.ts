/**
 * The types the snapshot's encoder, restorer and checks share (a module of their own, so that
 * `snapshot.ts` and `snapshotCheck.ts` do not import each other).
 *
 * @internal
 */
import type * as Entry from "../Entry.js"
import type * as Snapshot from "../Snapshot.js"

/** What identifies the setup in a snapshot: the scheme's and the catalog's ids, versions and digests. */
export interface Refs {
  readonly scheme: Snapshot.Snapshot["scheme"]
  readonly catalog: Snapshot.Snapshot["catalog"]
  readonly hashVersion: number
}

/** A snapshot whose entries were read from their columns (see `snapshotEntries.ts`). */
export type Decoded = Omit<Snapshot.Snapshot, "entries"> & { readonly entries: ReadonlyArray<Entry.Entry> }
