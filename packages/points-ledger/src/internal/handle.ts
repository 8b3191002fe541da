/** The hidden state behind each public journal value. */
import type * as Entry from "../Entry.js"
import { type Options, rebuild, State } from "./engine.js"

/** The key of the hidden handle on a journal value (a symbol: left out by JSON). */
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

/**
 * The state of a journal value: the shared state when the value is the newest one, else a
 * state rebuilt from the value's own entries (once, then kept).
 */
export const stateOf = (journal: JournalValue): State => {
  const handle = (journal as WithHandle)[handleKey]
  if (handle === undefined) throw new TypeError("Not a journal made by Journal.make")
  if (handle.state.entries.length !== handle.length) {
    handle.state = rebuild(handle.state.options, handle.state.entries.slice(0, handle.length))
  }
  return handle.state
}

export const entriesOf = (journal: JournalValue): ReadonlyArray<Entry.Entry> => stateOf(journal).entries
