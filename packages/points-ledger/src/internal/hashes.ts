/**
 * The hashes of a journal's entries as bytes: 32 per entry in chunks of 65,536 entries (2 MiB,
 * no copy when the journal grows), instead of a 64-character string per entry (about 80 bytes
 * on the heap). A hash that is not 64 lowercase hexadecimal digits (only an entry from outside
 * can have one) is kept as it is, apart. The text of a hash is made when it is read.
 */
const chunkBits = 16
const chunkSize = 1 << chunkBits
const chunkMask = chunkSize - 1

/** The value of a lowercase hexadecimal digit, -1 for any other character. */
const digitOf = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1)

const hexDigits = "0123456789abcdef"

/** The character codes of a byte's two lowercase hexadecimal digits, the first in the high byte (a constant table). */
const digitPairs: Uint16Array = (() => {
  const table = new Uint16Array(256)
  for (let b = 0; b < 256; b++) table[b] = (hexDigits.charCodeAt(b >>> 4) << 8) | hexDigits.charCodeAt(b & 15)
  return table
})()

export class HashColumn {
  private readonly chunks: Array<Uint8Array> = []
  /** Hashes that are not 64 lowercase hexadecimal digits, by seq. */
  private readonly odd = new Map<number, string>()
  /** One hash's character codes (reused: one flat string per read). */
  private readonly codes: Array<number> = new Array<number>(64).fill(48)
  /**
   * The text of the last hash pushed and of the one before it (`undefined` after a truncation):
   * an append reads both for its entry (`prevHash`, `hash`), so they are not made from bytes.
   */
  private last: string | undefined = undefined
  private beforeLast: string | undefined = undefined
  length = 0

  push(hash: string): void {
    this.beforeLast = this.last
    this.last = hash
    const seq = this.length++
    const chunk = seq >>> chunkBits
    if (chunk === this.chunks.length) this.chunks.push(new Uint8Array(chunkSize * 32))
    const bytes = this.chunks[chunk]!
    const at = (seq & chunkMask) * 32
    if (hash.length === 64) {
      let i = 0
      for (; i < 32; i++) {
        const hi = digitOf(hash.charCodeAt(2 * i))
        const lo = digitOf(hash.charCodeAt(2 * i + 1))
        if (hi < 0 || lo < 0) break
        bytes[at + i] = (hi << 4) | lo
      }
      if (i === 32) return
    }
    this.odd.set(seq, hash)
  }

  /** The hash of the entry `seq`, as text. */
  at(seq: number): string {
    if (seq === this.length - 1 && this.last !== undefined) return this.last
    if (seq === this.length - 2 && this.beforeLast !== undefined) return this.beforeLast
    if (this.odd.size > 0) {
      const odd = this.odd.get(seq)
      if (odd !== undefined) return odd
    }
    const bytes = this.chunks[seq >>> chunkBits]!
    const at = (seq & chunkMask) * 32
    const codes = this.codes
    for (let i = 0; i < 32; i++) {
      const b = bytes[at + i]!
      codes[2 * i] = hexDigits.charCodeAt(b >>> 4)
      codes[2 * i + 1] = hexDigits.charCodeAt(b & 15)
    }
    return String.fromCharCode(...codes)
  }

  /** Whether the hash of the entry `seq` is `hash` (without making its text). */
  is(seq: number, hash: string): boolean {
    if (this.odd.size > 0) {
      const odd = this.odd.get(seq)
      if (odd !== undefined) return odd === hash
    }
    if (hash.length !== 64) return false
    const bytes = this.chunks[seq >>> chunkBits]!
    const at = (seq & chunkMask) * 32
    // the stored bytes' two digits (one table read) compared with the text's two characters
    const pairs = digitPairs
    for (let i = 0; i < 32; i++) {
      if (((hash.charCodeAt(2 * i) << 8) | hash.charCodeAt(2 * i + 1)) !== pairs[bytes[at + i]!]) return false
    }
    return true
  }

  /**
   * Whether the hash of the entry `seq` is the digest whose 32 bytes are `digest` (a hash kept
   * apart, not 64 lowercase hexadecimal digits, is no digest's).
   */
  isDigest(seq: number, digest: Uint8Array): boolean {
    if (this.odd.size > 0 && this.odd.has(seq)) return false
    const bytes = this.chunks[seq >>> chunkBits]!
    const at = (seq & chunkMask) * 32
    for (let i = 0; i < 32; i++) if (bytes[at + i] !== digest[i]) return false
    return true
  }

  /** Keeps the first `n` hashes only. */
  truncate(n: number): void {
    for (let seq = n; seq < this.length && this.odd.size > 0; seq++) this.odd.delete(seq)
    if (n !== this.length) {
      this.last = undefined
      this.beforeLast = undefined
    }
    this.length = n
    this.chunks.length = Math.ceil(n / chunkSize)
  }
}
