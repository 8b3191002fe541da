/**
 * The hash of an entry as the journal computes it when appending, and when verifying its own
 * state with a hasher that gives no digest as bytes (verify.ts): SHA-256 of `Entry.hashInput`,
 * its text written straight into UTF-8 bytes (`HashText`) when the hasher takes bytes, else
 * made as a text. (`Entry.verify` makes the same choice inline: Entry.ts cannot import this
 * module without a cycle.)
 */
import type * as Command from "../Command.js"
import * as Entry from "../Entry.js"
import type * as Hasher from "../Hasher.js"
import type { HashText } from "./hashText.js"

/** SHA-256 (hex) of the hashed text of the entry `seq` after `prevHash`; `text` writes it as bytes when given. */
export const entryHash = (
  hasher: Hasher.Hasher,
  text: HashText | undefined,
  prevHash: string,
  seq: number,
  command: Command.Command,
  postings: ReadonlyArray<Entry.Posting>
): string =>
  text !== undefined && hasher.sha256HexOfUtf8 !== undefined
    ? hasher.sha256HexOfUtf8(text.entry(prevHash, seq, command, postings))
    : hasher.sha256Hex(Entry.hashInput(prevHash, seq, command, postings))
