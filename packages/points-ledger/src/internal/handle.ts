/** The hidden state behind each public journal value. */
import type * as Entry from "../Entry.js"
import * as Hasher from "../Hasher.js"
import { type Options, rebuild, State } from "./engine.js"

/** The key of the hidden handle on a journal value (a symbol: left out by JSON and by `structuredClone`). */
export const handleKey: unique symbol = Symbol.for("@gongzhi/points-ledger/Journal/handle")

interface Handle {
  state: State
  readonly length: number
}

export interface JournalValue {
  readonly _tag: "Journal"
  readonly length: number
}

type WithHandle = JournalValue & { [handleKey]?: Handle }

export const attach = <J extends JournalValue>(journal: J, state: State): J => {
  ;(journal as WithHandle)[handleKey] = { state, length: journal.length }
  return journal
}

export const fresh = (options: Options): State => new State(options)

const handleOf = (journal: unknown): Handle | undefined => {
  if (typeof journal !== "object" || journal === null) return undefined
  try {
    const handle = (journal as WithHandle)[handleKey]
    return handle !== undefined && handle.state instanceof State ? handle : undefined
  } catch {
    return undefined
  }
}

/**
 * The state of a journal value: the shared state when the value is the newest one, else a
 * state rebuilt from the value's own entries (once, then kept); `undefined` for a value that
 * is not a journal made by this package (a copy made by `structuredClone` or JSON lost it).
 */
export const attachedState = (journal: unknown): State | undefined => {
  const handle = handleOf(journal)
  if (handle === undefined) return undefined
  // a value made inside a batch that was then rolled back (an append from the batch's own
  // iterator) has entries the state no longer holds: it answers as a detached copy
  if (handle.state.length < handle.length) return undefined
  if (handle.state.length !== handle.length) handle.state = rebuild(handle.state, handle.length)
  return handle.state
}

const emptyOptions: Options = {
  scheme: {
    kind: "points-scheme",
    schemaVersion: 1,
    id: "detached",
    name: { zh: "", en: "" },
    roles: ["resident"],
    approval: "automatic",
    activities: [],
    caps: {},
    expiry: { _tag: "Never" }
  },
  catalog: { kind: "redemption-catalog", schemaVersion: 1, id: "detached", name: { zh: "", en: "" }, items: [] },
  hashChain: true,
  hasher: Hasher.detected
}

/**
 * The state of a journal value for the getters that cannot fail: a detached copy reads as an
 * empty journal (the functions that return a `Result` fail with `LEDGER_JOURNAL_DETACHED`).
 */
export const stateOf = (journal: unknown): State => attachedState(journal) ?? new State(emptyOptions)

export const entriesOf = (journal: JournalValue): ReadonlyArray<Entry.Entry> => {
  const state = stateOf(journal)
  return state.entriesUpTo(state.length)
}
