/**
 * Replaying stored entries into a state: every command run again with all checks, each
 * result compared with the entry stored (seq, postings, previous hash, hash); and the check
 * that a journal reaches a known head. (The verification of a journal's own chain is in
 * verify.ts.)
 */
import { Issue, ValidationReport } from "@gongzhi/core"
import * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import { execute, nothing, Rejected, Replayed, samePostings } from "./engine.js"
import { chainReasons, replayFields } from "./labels.js"
import type { State } from "./state.js"

/**
 * Appends stored entries to a state, each checked; the report of the first that differs (paths
 * `[...at, i, ...]`). `trusted`: entries from the journal's own store, whose hashes were checked
 * there — their commands are not read again and their hashes not recomputed (the rules still
 * run; the seq, the link to the previous hash and the postings are compared).
 */
export const replayInto = (
  state: State,
  stored: ReadonlyArray<Entry.Entry>,
  at: Issue.Path,
  trusted = false
): ValidationReport.ValidationReport | undefined => {
  for (let i = 0; i < stored.length; i++) {
    const entry = stored[i]!
    if (trusted && (entry.seq !== state.length || entry.prevHash !== state.lastHash)) {
      const field = entry.seq !== state.length ? "seq" : "prevHash"
      return ValidationReport.of(messages.make("LEDGER_REPLAY_MISMATCH", {
        path: [...at, i, field],
        params: { index: i, field },
        labels: { field: replayFields[field] }
      }))
    }
    const outcome = trusted ? execute(state, entry.command, true, entry) : execute(state, entry.command, false)
    if (outcome instanceof Rejected) {
      return ValidationReport.make(outcome.issues.map(Issue.prefixPath([...at, i, "command"])))
    }
    const mismatch = (field: keyof typeof replayFields) =>
      ValidationReport.of(messages.make("LEDGER_REPLAY_MISMATCH", {
        path: [...at, i, field],
        params: { index: i, field },
        labels: { field: replayFields[field] }
      }))
    if (outcome === nothing || outcome instanceof Replayed) return mismatch("command")
    // a trusted entry is in the columns as it is: its seq and link were compared above, its
    // postings by `execute` (with the ones its command makes), its hash is not recomputed
    if (trusted) continue
    const made = state.entry(outcome)
    if (entry.seq !== made.seq) return mismatch("seq")
    if (!samePostings(entry.postings, made.postings)) return mismatch("postings")
    if (entry.prevHash !== made.prevHash) {
      return ValidationReport.of(messages.make("LEDGER_CHAIN_BROKEN", {
        path: [...at, i, "prevHash"],
        params: { index: i, part: "prevHash" },
        labels: { reason: chainReasons.prevHash }
      }))
    }
    if (entry.hash !== made.hash) {
      return ValidationReport.of(messages.make("LEDGER_CHAIN_BROKEN", {
        path: [...at, i, "hash"],
        params: { index: i, part: "hash" },
        labels: { reason: chainReasons.hash }
      }))
    }
  }
  return undefined
}

/** Whether the state's entries reach a known head with its hash. */
export const checkHead = (
  state: State,
  known: Entry.Head | undefined
): ValidationReport.ValidationReport | undefined => {
  if (known === undefined) return undefined
  if (known.seq >= state.length) {
    return ValidationReport.of(messages.make("LEDGER_HEAD_NOT_REACHED", {
      path: [],
      params: { seq: known.seq, hash: known.hash, length: state.length }
    }))
  }
  const at = known.seq < 0 ? state.genesis : state.hashOf(known.seq)
  if (at !== known.hash) {
    return ValidationReport.of(messages.make("LEDGER_HEAD_MISMATCH", {
      path: [Math.max(0, known.seq), "hash"],
      params: { seq: known.seq, hash: known.hash, actual: at }
    }))
  }
  return undefined
}
