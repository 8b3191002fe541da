/**
 * The SHA-256 function of the hash chain, chosen once when a program starts: `node:crypto`
 * where it is present (Node, Deno, Bun: native code, about ten times faster) and
 * `@noble/hashes` elsewhere (browsers, mini-programs: audited pure JavaScript). Both give the
 * same hashes (the package's known-answer vectors check it). A journal takes the hasher of its
 * `Setup`, by default {@link detected}.
 *
 * @since 0.2.0
 */
import { sha256 } from "@noble/hashes/sha2.js"

/**
 * A SHA-256 function over UTF-8 text, giving 64 lower-case hex characters, and its name;
 * optionally the same function over the UTF-8 bytes themselves (`sha256HexOfUtf8`, and
 * `sha256OfUtf8Into` giving the 32 bytes of the digest), which the chain uses when present: it
 * writes each entry's text straight into bytes instead of making the text (both hashers of the
 * package have them; a hasher of your own may leave them out).
 *
 * @example
 * ```ts
 * import { Hasher } from "@gongzhi/points-ledger"
 *
 * console.log(Hasher.noble().sha256Hex("abc")) // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Hasher {
  readonly name: "node:crypto" | "@noble/hashes"
  readonly sha256Hex: (text: string) => string
  /**
   * The SHA-256 (hex) of the given bytes, read as the UTF-8 of a text: `sha256HexOfUtf8(utf8)`
   * must equal `sha256Hex(text)`. The bytes are lent for the call only (a view of a buffer
   * written over afterwards): do not keep them.
   *
   * @since 0.3.0
   */
  readonly sha256HexOfUtf8?: ((bytes: Uint8Array) => string) | undefined
  /**
   * The SHA-256 of the given bytes (read as the UTF-8 of a text) as 32 bytes, written into the
   * first 32 bytes of `digest` (at least 32 long): the bytes whose hex `sha256HexOfUtf8` gives.
   * `Journal.verify` uses it when present (with `sha256HexOfUtf8`): it compares each digest
   * with the hashes the journal keeps as bytes and writes the next entry's previous hash from
   * it, without making a text of 64 digits per entry. The bytes are lent for the call only.
   *
   * @example
   * ```ts
   * import { Hasher } from "@gongzhi/points-ledger"
   *
   * const digest = new Uint8Array(32)
   * Hasher.noble().sha256OfUtf8Into?.(new Uint8Array([97, 98, 99]), digest)
   * console.log(digest[0], digest[31]) // 186 173
   * ```
   *
   * @category models
   * @since 0.3.0
   */
  readonly sha256OfUtf8Into?: ((bytes: Uint8Array, digest: Uint8Array) => void) | undefined
}

interface NodeCrypto {
  readonly hash?: (algorithm: string, data: string | Uint8Array, encoding: "hex" | "latin1") => string
  readonly createHash: (algorithm: string) => {
    update(data: string, encoding: "utf8"): { digest(encoding: "hex"): string }
    update(data: Uint8Array): { digest(encoding: "hex" | "latin1"): string }
  }
}

/**
 * The 32 bytes of a digest given as a `latin1` text (one character per byte, 0–255), written
 * into `digest`. `node:crypto` makes a short text more quickly than a `Buffer` (which costs an
 * allocation outside the heap: about three times the time of the hash of a 200-byte entry).
 */
const intoBytes = (latin1: string, digest: Uint8Array): void => {
  for (let i = 0; i < 32; i++) digest[i] = latin1.charCodeAt(i)
}

/**
 * The `node:crypto` hasher (`crypto.hash`, or `createHash` on older Node), or `undefined`
 * where there is no `node:crypto` (browsers). Found through `process.getBuiltinModule`, so
 * that bundlers for browsers never see an import of `node:crypto`.
 *
 * @example
 * ```ts
 * import { Hasher } from "@gongzhi/points-ledger"
 *
 * console.log(Hasher.node()?.name) // "node:crypto"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const node = (): Hasher | undefined => {
  let crypto: NodeCrypto | undefined
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    crypto = proc?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined
  } catch {
    crypto = undefined
  }
  if (crypto === undefined || typeof crypto.createHash !== "function") return undefined
  const hash = crypto.hash
  if (typeof hash === "function") {
    return {
      name: "node:crypto",
      sha256Hex: (text) => hash("sha256", text, "hex"),
      sha256HexOfUtf8: (bytes) => hash("sha256", bytes, "hex"),
      sha256OfUtf8Into: (bytes, digest) => intoBytes(hash("sha256", bytes, "latin1"), digest)
    }
  }
  const createHash = crypto.createHash
  return {
    name: "node:crypto",
    sha256Hex: (text) => createHash("sha256").update(text, "utf8").digest("hex"),
    sha256HexOfUtf8: (bytes) => createHash("sha256").update(bytes).digest("hex"),
    sha256OfUtf8Into: (bytes, digest) => intoBytes(createHash("sha256").update(bytes).digest("latin1"), digest)
  }
}

// TextEncoder is in every browser and in Node; the package's types include neither DOM nor Node.
declare const TextEncoder: new() => {
  encodeInto(source: string, destination: Uint8Array): { readonly read: number; readonly written: number }
}

const hexCodes = Array.from("0123456789abcdef", (c) => c.charCodeAt(0))

/**
 * The `@noble/hashes` hasher (pure JavaScript: runs everywhere). Each hasher keeps its own
 * encoding buffer and hash state, reused from call to call (nothing is shared between hashers).
 *
 * @example
 * ```ts
 * import { Hasher } from "@gongzhi/points-ledger"
 *
 * console.log(Hasher.noble().name) // "@noble/hashes"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const noble = (): Hasher => {
  const encoder = new TextEncoder()
  let scratch = new Uint8Array(1024)
  const initial = sha256.create()
  const worker = sha256.create()
  const digest = new Uint8Array(32)
  const codes = new Array<number>(64)
  const into = (bytes: Uint8Array, out: Uint8Array): void => {
    initial._cloneInto(worker)
    worker.update(bytes)
    worker.digestInto(out)
  }
  const ofBytes = (bytes: Uint8Array): string => {
    into(bytes, digest)
    for (let i = 0; i < 32; i++) {
      const b = digest[i]!
      codes[2 * i] = hexCodes[b >>> 4]!
      codes[2 * i + 1] = hexCodes[b & 15]!
    }
    return String.fromCharCode(...codes)
  }
  return {
    name: "@noble/hashes",
    sha256Hex: (text) => {
      if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3)
      const { written } = encoder.encodeInto(text, scratch)
      return ofBytes(scratch.subarray(0, written))
    },
    sha256HexOfUtf8: ofBytes,
    sha256OfUtf8Into: into
  }
}

/**
 * The hasher for this program: `node:crypto` where present, else `@noble/hashes`.
 *
 * @example
 * ```ts
 * import { Hasher } from "@gongzhi/points-ledger"
 *
 * console.log(Hasher.detect().sha256Hex("").length) // 64
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const detect = (): Hasher => node() ?? noble()

/**
 * The hasher chosen when the package was loaded ({@link detect}): journals use it unless their
 * `Setup` names another.
 *
 * @example
 * ```ts
 * import { Hasher } from "@gongzhi/points-ledger"
 *
 * console.log(["node:crypto", "@noble/hashes"].includes(Hasher.detected.name)) // true
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const detected: Hasher = detect()
