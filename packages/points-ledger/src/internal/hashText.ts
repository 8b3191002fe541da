/**
 * The text an entry is hashed over (`Entry.hashInput`, hash version 2) written straight into
 * UTF-8 bytes, for a hasher that takes bytes (`Hasher.sha256HexOfUtf8`): the same bytes as the
 * UTF-8 of the text (test/canonical.test.ts compares them with the plain reference in
 * test/canonical.ts), without making the text. A text made of some thirty pieces is a rope
 * that the hasher must first copy into one string; writing the bytes once costs less (a
 * verification of 1 M entries: see the package README).
 *
 * The common values (strings that need no escaping, whole numbers, missing fields, lists of
 * strings) are written directly; any other value is written as the UTF-8 of its text, made by
 * the same function as `Entry.commandText`'s ({@link valueText}).
 */
import type * as Command from "../Command.js"
import { quote } from "./fields.js"

/** What the text reads of a posting (an `Entry.Posting`; named here, as Entry.ts imports this module). */
interface PostingText {
  readonly account: string
  readonly amount: number
}

/** The text of one field: `-` when missing, a number as `String` does, a list as `[..]` of JSON texts, anything else as JSON. */
export const valueText = (value: unknown): string => {
  if (value === undefined) return "-"
  if (typeof value === "number") return String(value)
  if (Array.isArray(value)) {
    let out = "["
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + quote(value[i])
    return `${out}]`
  }
  return quote(value) ?? "-"
}

/** The text of an account's holder: its four fields in braces. */
export const holderText = (value: unknown): string => {
  const h = (value ?? {}) as Record<string, unknown>
  return `{${valueText(h["name"])}|${valueText(h["roles"])}|${valueText(h["member"])}|${valueText(h["grid"])}}`
}

// TextEncoder is in every browser and in Node; the package's types include neither DOM nor Node.
declare const TextEncoder: new() => {
  encodeInto(source: string, destination: Uint8Array): { readonly read: number; readonly written: number }
}

const pipe = 124
const dash = 45
const comma = 44
const colon = 58
const quoteMark = 34

const isStringList = (value: unknown): value is ReadonlyArray<string> => {
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false
  return true
}

/**
 * A byte's two lowercase hexadecimal digits as one 16-bit number that, stored in a
 * `Uint16Array`, puts the first digit first in memory (whatever the machine's byte order): a
 * previous hash is written as 32 such stores instead of 64 (a constant table).
 */
const hexPairs: Uint16Array = (() => {
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
  const digits = "0123456789abcdef"
  const table = new Uint16Array(256)
  for (let b = 0; b < 256; b++) {
    const hi = digits.charCodeAt(b >>> 4)
    const lo = digits.charCodeAt(b & 15)
    table[b] = littleEndian ? (lo << 8) | hi : (hi << 8) | lo
  }
  return table
})()

/** 1 for the printable ASCII characters that `quote` writes as they are (not `"` or `\`), 0 for the others (a constant table). */
const plain: Uint8Array = (() => {
  const table = new Uint8Array(128)
  for (let c = 0x20; c <= 0x7e; c++) table[c] = c === 0x22 || c === 0x5c ? 0 : 1
  return table
})()

/** The longest text whose view of the buffer is kept for the next text of that length. */
const viewsUpTo = 4096

/**
 * A reusable writer of hashed texts (one per verification or state: its buffer grows to the
 * longest entry and is written over for the next one). Written for speed, as a verification
 * writes a million of them: every write goes through a position (`at`) held in a local
 * variable, room is made once per field, the fields of a command are read in the branch of its
 * kind (each read then sees the few shapes of one kind), and the view handed out is kept for
 * the next text of the same length instead of being made for each entry.
 */
export class HashText {
  private bytes = new Uint8Array(1024)
  /** The views of the buffer's first `n` bytes, by `n` (dropped when the buffer grows). */
  private views: Array<Uint8Array | undefined> = []
  private readonly encoder = new TextEncoder()
  /** Where the previous hash goes (bytes 2–65), and the same as 32 pairs of digits. */
  private prevHashBytes = this.bytes.subarray(2, 66)
  private prevPairs = new Uint16Array(this.bytes.buffer, 2, 32)

  /**
   * The UTF-8 bytes of `Entry.hashInput(prevHash, seq, command, postings)`: a view of the
   * writer's buffer, valid until its next call.
   */
  entry(prevHash: string, seq: number, command: Command.Command, postings: ReadonlyArray<PostingText>): Uint8Array {
    // the hash version (`Entry.hashVersion`); the buffer is never shorter than 66 bytes
    this.bytes[0] = 50
    this.bytes[1] = pipe
    // a hash: 64 ASCII characters, copied by the encoder (quicker than a loop)
    const copied = prevHash.length === 64 ? this.encoder.encodeInto(prevHash, this.prevHashBytes) : undefined
    const at = copied !== undefined && copied.written === 64 && copied.read === 64 ? 66 : this.utf8(2, prevHash)
    return this.rest(at, seq, command, postings)
  }

  /**
   * `entry` after the hash whose 32 bytes are `prev` (its 64 lowercase hexadecimal digits are
   * written from them): what a verification that keeps each hash as bytes calls.
   */
  entryAfter(
    prev: Uint8Array,
    seq: number,
    command: Command.Command,
    postings: ReadonlyArray<PostingText>
  ): Uint8Array {
    const bytes = this.bytes
    bytes[0] = 50
    bytes[1] = pipe
    const pairs = this.prevPairs
    for (let i = 0; i < 32; i++) pairs[i] = hexPairs[prev[i]!]!
    return this.rest(66, seq, command, postings)
  }

  /** What follows the previous hash (written up to `at`): `|seq|command|postings`, as a view of the buffer. */
  private rest(at: number, seq: number, command: Command.Command, postings: ReadonlyArray<PostingText>): Uint8Array {
    at = this.room(at, 1)
    this.bytes[at++] = pipe
    at = Number.isSafeInteger(seq) ? this.integer(at, seq) : this.utf8(at, String(seq))
    at = this.room(at, 1)
    this.bytes[at++] = pipe
    at = this.command(at, command)
    at = this.room(at, 1)
    this.bytes[at++] = pipe
    for (let i = 0; i < postings.length; i++) {
      const posting = postings[i]!
      if (i > 0) {
        at = this.room(at, 1)
        this.bytes[at++] = comma
      }
      const account: unknown = posting.account
      at = typeof account === "string" ? this.quoted(at, account) : this.utf8(at, `${quote(account)}`)
      const amount: unknown = posting.amount
      if (typeof amount === "number" && Number.isSafeInteger(amount)) {
        at = this.room(at, 1)
        this.bytes[at++] = colon
        at = this.integer(at, amount)
      } else {
        at = this.utf8(at, `:${amount}`)
      }
    }
    return this.view(at)
  }

  /** The buffer's first `n` bytes. */
  private view(n: number): Uint8Array {
    if (n > viewsUpTo) return this.bytes.subarray(0, n)
    let view = this.views[n]
    if (view === undefined) {
      view = this.bytes.subarray(0, n)
      this.views[n] = view
    }
    return view
  }

  /**
   * `Entry.commandText(command, true)`: kind, key, date, expected seq, then the fields of the
   * kind in their fixed order.
   */
  private command(at: number, command: Command.Command): number {
    const c = command as unknown as Record<string, unknown>
    const tag: unknown = c["_tag"]
    // the tag as the template of `commandText` makes it (and picks the kind by: a property key)
    const kind = typeof tag === "string" ? tag : `${tag}`
    // the same head in every branch: its reads there see the shapes of one kind only
    switch (kind) {
      case "Earn":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        at = this.field(at, c["account"])
        at = this.field(at, c["activity"])
        at = this.field(at, c["minutes"])
        at = this.field(at, c["approvedBy"])
        return this.field(at, c["note"])
      case "Redeem":
      case "Hold":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        at = this.field(at, c["account"])
        at = this.field(at, c["item"])
        return this.field(at, c["quantity"])
      case "Reverse":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        at = this.field(at, c["target"])
        return this.field(at, c["reason"])
      case "Open":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        at = this.field(at, c["account"])
        at = this.room(at, 1)
        this.bytes[at++] = pipe
        return this.utf8(at, holderText(c["holder"]))
      case "Release":
      case "Settle":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        return this.field(at, c["hold"])
      case "Adjust":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        at = this.field(at, c["account"])
        at = this.field(at, c["amount"])
        at = this.field(at, c["reason"])
        return this.field(at, c["approvedBy"])
      case "Transfer":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        at = this.field(at, c["from"])
        at = this.field(at, c["to"])
        return this.field(at, c["amount"])
      case "Donate":
        at = this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
        at = this.field(at, c["from"])
        return this.field(at, c["amount"])
      default:
        // Expire, and a kind that is none of these (an entry from outside): the head only
        return this.head(at, kind, c["key"], c["on"], c["expectedSeq"])
    }
  }

  /** The kind, `|` key, `|` date, `|` expected seq (`-` when missing, else as `String` writes it). */
  private head(at: number, kind: string, key: unknown, on: unknown, expectedSeq: unknown): number {
    at = this.utf8(at, kind)
    at = this.field(at, key)
    at = this.field(at, on)
    at = this.room(at, 2)
    this.bytes[at++] = pipe
    if (expectedSeq === undefined) {
      this.bytes[at++] = dash
      return at
    }
    if (typeof expectedSeq === "number" && Number.isSafeInteger(expectedSeq)) return this.integer(at, expectedSeq)
    return this.utf8(at, String(expectedSeq))
  }

  /** `|` and the text of a field ({@link valueText}). */
  private field(at: number, value: unknown): number {
    at = this.room(at, 1)
    this.bytes[at++] = pipe
    if (typeof value === "string") return this.quoted(at, value)
    if (value === undefined) {
      at = this.room(at, 1)
      this.bytes[at++] = dash
      return at
    }
    if (typeof value === "number" && Number.isSafeInteger(value)) return this.integer(at, value)
    if (isStringList(value)) {
      at = this.room(at, 1)
      this.bytes[at++] = 91
      for (let i = 0; i < value.length; i++) {
        if (i > 0) {
          at = this.room(at, 1)
          this.bytes[at++] = comma
        }
        at = this.quoted(at, value[i]!)
      }
      at = this.room(at, 1)
      this.bytes[at++] = 93
      return at
    }
    return this.utf8(at, valueText(value))
  }

  /** Makes room for `n` more bytes after `at` (the buffer may be another one afterwards); gives `at`. */
  private room(at: number, n: number): number {
    if (at + n <= this.bytes.length) return at
    const bigger = new Uint8Array(Math.max(2 * this.bytes.length, at + n))
    bigger.set(this.bytes.subarray(0, at))
    this.bytes = bigger
    this.views = []
    this.prevHashBytes = bigger.subarray(2, 66)
    this.prevPairs = new Uint16Array(bigger.buffer, 2, 32)
    return at
  }

  /** A string as `quote` writes it: in quotes as it is when printable ASCII without `"` or `\`, else its JSON. */
  private quoted(start: number, value: string): number {
    const n = value.length
    this.room(start, n + 2)
    const bytes = this.bytes
    let at = start
    bytes[at++] = quoteMark
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i)
      if (c > 0x7e || plain[c] === 0) return this.utf8(start, JSON.stringify(value))
      bytes[at++] = c
    }
    bytes[at++] = quoteMark
    return at
  }

  /** A safe integer's decimal digits (as `String` writes it; -0 as `0`). */
  private integer(at: number, value: number): number {
    this.room(at, 17)
    const bytes = this.bytes
    let v = value
    if (v < 0) {
      bytes[at++] = dash
      v = -v
    }
    let digits = 1
    for (let p = 10; p <= v; p *= 10) digits++
    const end = at + digits
    at = end
    do {
      const q = Math.floor(v / 10)
      bytes[--at] = 48 + (v - 10 * q)
      v = q
    } while (v > 0)
    return end
  }

  /** A string's UTF-8 (a lone surrogate as U+FFFD, as `TextEncoder` and `node:crypto` write it). */
  private utf8(at: number, text: string): number {
    const n = text.length
    this.room(at, 3 * n)
    const bytes = this.bytes
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i)
      if (c < 0x80) {
        bytes[at++] = c
        continue
      }
      if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6)
        bytes[at++] = 0x80 | (c & 63)
        continue
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = text.charCodeAt(i + 1)
        if (c < 0xdc00 && d >= 0xdc00 && d <= 0xdfff) {
          i++
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          bytes[at++] = 0xf0 | (c >> 18)
          bytes[at++] = 0x80 | ((c >> 12) & 63)
          bytes[at++] = 0x80 | ((c >> 6) & 63)
          bytes[at++] = 0x80 | (c & 63)
          continue
        }
        c = 0xfffd
      }
      bytes[at++] = 0xe0 | (c >> 12)
      bytes[at++] = 0x80 | ((c >> 6) & 63)
      bytes[at++] = 0x80 | (c & 63)
    }
    return at
  }
}
