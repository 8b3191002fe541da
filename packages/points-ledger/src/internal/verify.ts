/**
 * The verification of a journal's own chain from its columns (`Journal.verify`). With a hasher
 * that gives digests as bytes (`Hasher.sha256OfUtf8Into`), each entry's text is written
 * straight into bytes after the previous digest's hex (`HashText.entryAfter`), hashed into one
 * reused 32-byte digest and compared with the hash column's bytes: nothing is allocated per
 * entry. Otherwise each hash is made as text (`entryHash`) and compared with the column.
 *
 * The entries are taken in blocks of {@link block}: the objects of a block's entries that the
 * writer reads (each command, its key, the postings and their accounts) are first read in a row
 * ({@link readAhead}), then written and hashed one by one. Each of these objects is somewhere
 * else on the heap and most are out of the cache, and the writer's reads of one entry wait in
 * turn (the command, then its key, then its characters); the short loop of reads that do not
 * depend on each other lets the processor wait for many at once. Measured on the bench's 1 M
 * chain: see the package README.
 */
import type * as Command from "../Command.js"
import type * as Entry from "../Entry.js"
import { entryHash } from "./entryHash.js"
import { HashText } from "./hashText.js"
import type { State } from "./state.js"

type Reason = Extract<Entry.Verification, { _tag: "Broken" }>["reason"]

const broken = (index: number, reason: Reason): Entry.Verification => ({ _tag: "Broken", index, reason })

/** The number of entries whose objects are read ahead together (32 measured best of 8 and 32). */
const block = 32

/**
 * Reads what the writer will read of the entries `from` to `to` (excluded): each command and its
 * key, the postings, the first posting and the last one's account. Only these reads matter, not
 * what they give: a sum of lengths and amounts goes into `sink` so that the compiler keeps them.
 * A read that fails (an entry from outside that is not an object where one is expected) is
 * left to the writer, which finds it in its turn.
 */
const readAhead = (
  commands: ReadonlyArray<Command.Command>,
  postingsOf: ReadonlyArray<ReadonlyArray<Entry.Posting>>,
  from: number,
  to: number,
  sink: Int32Array
): void => {
  let sum = 0
  try {
    for (let i = from; i < to; i++) {
      const key: unknown = commands[i]!.key
      if (typeof key === "string") sum += key.length
      const postings = postingsOf[i]!
      const m = postings.length
      if (m > 0) {
        const account: unknown = postings[m - 1]!.account
        sum += postings[0]!.amount + (typeof account === "string" ? account.length : 0)
      }
    }
  } catch {
    // nothing: the writer meets the same entry
  }
  sink[0] = sum
}

/** The first entry whose postings do not sum to zero or whose hash is not its content's, and why (`undefined` when none). */
const firstBrokenAsDigests = (
  state: State,
  into: (bytes: Uint8Array, digest: Uint8Array) => void
): { readonly index: number; readonly reason: Reason } | undefined => {
  const text = new HashText()
  // the genesis hash (64 zeros) as bytes, then each entry's digest in turn
  const digest = new Uint8Array(32)
  const sink = new Int32Array(1)
  const commands = state.commands
  const postingsOf = state.postings
  const hashes = state.hashes
  const n = state.length
  let i = 0
  try {
    while (i < n) {
      const end = Math.min(n, i + block)
      readAhead(commands, postingsOf, i, end, sink)
      for (; i < end; i++) {
        const postings = postingsOf[i]!
        let sum = 0
        for (let p = 0; p < postings.length; p++) sum += postings[p]!.amount
        if (sum !== 0) return { index: i, reason: "unbalanced" }
        into(text.entryAfter(digest, i, commands[i]!, postings), digest)
        if (!hashes.isDigest(i, digest)) return { index: i, reason: "hash" }
      }
    }
  } catch {
    return { index: i, reason: "malformed" }
  }
  return undefined
}

/**
 * Checks the state's own chain from its columns (what `Entry.verify` checks of a list of
 * entries; the seq and the link to the previous hash hold by construction): every entry's
 * postings sum to zero and its hash is the hash of its content.
 */
export const verifyState = (state: State, known: Entry.Head | undefined): Entry.Verification => {
  const chained = state.options.hashChain
  const hasher = state.options.hasher
  const n = state.length
  let prev = state.genesis
  if (chained && hasher.sha256HexOfUtf8 !== undefined && hasher.sha256OfUtf8Into !== undefined) {
    const found = firstBrokenAsDigests(state, hasher.sha256OfUtf8Into)
    if (found !== undefined) return broken(found.index, found.reason)
    if (n > 0) prev = state.hashOf(n - 1)
  } else {
    // the texts written straight into bytes when the hasher takes them (see hashText.ts)
    const text = hasher.sha256HexOfUtf8 === undefined ? undefined : new HashText()
    let i = 0
    try {
      for (; i < n; i++) {
        const postings = state.postings[i]!
        let sum = 0
        for (let p = 0; p < postings.length; p++) sum += postings[p]!.amount
        if (sum !== 0) return broken(i, "unbalanced")
        const hash = chained ? entryHash(hasher, text, prev, i, state.commands[i]!, postings) : ""
        if (chained ? !state.hashes.is(i, hash) : state.hashOf(i) !== hash) return broken(i, "hash")
        prev = hash
      }
    } catch {
      return broken(i, "malformed")
    }
  }
  const head: Entry.Head = { seq: n - 1, hash: prev }
  if (known !== undefined) {
    if (known.seq >= n) return broken(n, "truncated")
    const at = known.seq < 0 ? state.genesis : state.hashOf(known.seq)
    if (at !== known.hash) return broken(Math.max(0, known.seq), "head")
  }
  return { _tag: "Intact", length: n, lastHash: prev, head }
}
