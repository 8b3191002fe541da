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

const pipe = 124
const dash = 45
const comma = 44
const colon = 58
const quoteMark = 34

// TextEncoder is in every browser and in Node; the package's types include neither DOM nor Node.
declare const TextEncoder: new() => {
  encodeInto(source: string, destination: Uint8Array): { readonly read: number; readonly written: number }
}

const isStringList = (value: unknown): value is ReadonlyArray<string> => {
  if (!Array.isArray(value)) return false
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false
  return true
}

/**
 * A reusable writer of hashed texts (one per verification: its buffer grows to the longest
 * entry and is written over for the next one).
 */
export class HashText {
  private bytes = new Uint8Array(1024)
  private length = 0
  private readonly encoder = new TextEncoder()
  /** Where the previous hash goes (64 hexadecimal digits, copied by the encoder: quicker than a loop). */
  private prevHashBytes = this.bytes.subarray(2, 66)

  /**
   * The UTF-8 bytes of `Entry.hashInput(prevHash, seq, command, postings)`: a view of the
   * writer's buffer, valid until its next call.
   */
  entry(prevHash: string, seq: number, command: Command.Command, postings: ReadonlyArray<PostingText>): Uint8Array {
    // the hash version (`Entry.hashVersion`); the buffer is never shorter than 66 bytes
    this.bytes[0] = 50
    this.bytes[1] = pipe
    this.length = 2
    const copied = prevHash.length === 64 ? this.encoder.encodeInto(prevHash, this.prevHashBytes) : undefined
    if (copied !== undefined && copied.written === 64 && copied.read === 64) this.length = 66
    else this.utf8(prevHash)
    this.byte(pipe)
    this.number(seq)
    this.byte(pipe)
    this.command(command)
    this.byte(pipe)
    for (let i = 0; i < postings.length; i++) {
      const posting = postings[i]!
      if (i > 0) this.byte(comma)
      const account: unknown = posting.account
      if (typeof account === "string") this.quoted(account)
      else this.utf8(`${quote(account)}`)
      const amount: unknown = posting.amount
      if (typeof amount === "number" && Number.isSafeInteger(amount)) {
        this.byte(colon)
        this.integer(amount)
      } else {
        this.utf8(`:${amount}`)
      }
    }
    return this.bytes.subarray(0, this.length)
  }

  /** `Entry.commandText(command, true)`: kind, key, date, expected seq, then the fields of the kind in their fixed order. */
  private command(command: Command.Command): void {
    const c = command as unknown as Record<string, unknown>
    const expectedSeq = c["expectedSeq"]
    const tag: unknown = c["_tag"]
    // the tag as the template of `commandText` makes it (and picks the kind by: a property key)
    const kind = typeof tag === "string" ? tag : `${tag}`
    this.utf8(kind)
    this.field(c["key"])
    this.field(c["on"])
    this.byte(pipe)
    if (expectedSeq === undefined) this.byte(dash)
    else if (typeof expectedSeq === "number" && Number.isSafeInteger(expectedSeq)) this.integer(expectedSeq)
    else this.utf8(String(expectedSeq))
    switch (kind) {
      case "Open":
        this.field(c["account"])
        this.byte(pipe)
        this.utf8(holderText(c["holder"]))
        return
      case "Earn":
        this.field(c["account"])
        this.field(c["activity"])
        this.field(c["minutes"])
        this.field(c["approvedBy"])
        this.field(c["note"])
        return
      case "Redeem":
      case "Hold":
        this.field(c["account"])
        this.field(c["item"])
        this.field(c["quantity"])
        return
      case "Release":
      case "Settle":
        this.field(c["hold"])
        return
      case "Adjust":
        this.field(c["account"])
        this.field(c["amount"])
        this.field(c["reason"])
        this.field(c["approvedBy"])
        return
      case "Reverse":
        this.field(c["target"])
        this.field(c["reason"])
        return
      case "Transfer":
        this.field(c["from"])
        this.field(c["to"])
        this.field(c["amount"])
        return
      case "Donate":
        this.field(c["from"])
        this.field(c["amount"])
        return
      default:
        // Expire, and a kind that is none of these (an entry from outside): the head only
        return
    }
  }

  /** `|` and the text of a field ({@link valueText}). */
  private field(value: unknown): void {
    this.byte(pipe)
    if (typeof value === "string") this.quoted(value)
    else if (value === undefined) this.byte(dash)
    else if (typeof value === "number" && Number.isSafeInteger(value)) this.integer(value)
    else if (isStringList(value)) {
      this.byte(91)
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.byte(comma)
        this.quoted(value[i]!)
      }
      this.byte(93)
    } else {
      this.utf8(valueText(value))
    }
  }

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return
    const bigger = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n))
    bigger.set(this.bytes.subarray(0, this.length))
    this.bytes = bigger
    this.prevHashBytes = bigger.subarray(2, 66)
  }

  private byte(b: number): void {
    this.room(1)
    this.bytes[this.length++] = b
  }

  /** A string as `quote` writes it: in quotes as it is when printable ASCII without `"` or `\`, else its JSON. */
  private quoted(value: string): void {
    const n = value.length
    this.room(n + 2)
    const bytes = this.bytes
    const start = this.length
    let at = start
    bytes[at++] = quoteMark
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i)
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        this.length = start
        this.utf8(JSON.stringify(value))
        return
      }
      bytes[at++] = c
    }
    bytes[at++] = quoteMark
    this.length = at
  }

  /** A safe integer's decimal digits (as `String` writes it; -0 as `0`). */
  private integer(value: number): void {
    this.room(17)
    const bytes = this.bytes
    let v = value
    if (v < 0) {
      bytes[this.length++] = dash
      v = -v
    }
    let digits = 1
    for (let p = 10; p <= v; p *= 10) digits++
    let at = this.length + digits
    this.length = at
    do {
      const q = Math.floor(v / 10)
      bytes[--at] = 48 + (v - 10 * q)
      v = q
    } while (v > 0)
  }

  /** A string's UTF-8 (a lone surrogate as U+FFFD, as `TextEncoder` and `node:crypto` write it). */
  private utf8(text: string): void {
    const n = text.length
    this.room(3 * n)
    const bytes = this.bytes
    let at = this.length
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
    this.length = at
  }

  private number(value: number): void {
    if (Number.isSafeInteger(value)) this.integer(value)
    else this.utf8(String(value))
  }
}
