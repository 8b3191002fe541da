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
 * optionally the same function over the UTF-8 bytes themselves (`sha256HexOfUtf8`), which the
 * verification of a chain uses when present: it writes each entry's text straight into bytes
 * instead of making the text (both hashers of the package have it; a hasher of your own may
 * leave it out).
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
}

interface NodeCrypto {
  readonly hash?: (algorithm: string, data: string | Uint8Array, encoding: "hex") => string
  readonly createHash: (algorithm: string) => {
    update(data: string, encoding: "utf8"): { digest(encoding: "hex"): string }
    update(data: Uint8Array): { digest(encoding: "hex"): string }
  }
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
      sha256HexOfUtf8: (bytes) => hash("sha256", bytes, "hex")
    }
  }
  const createHash = crypto.createHash
  return {
    name: "node:crypto",
    sha256Hex: (text) => createHash("sha256").update(text, "utf8").digest("hex"),
    sha256HexOfUtf8: (bytes) => createHash("sha256").update(bytes).digest("hex")
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
  const ofBytes = (bytes: Uint8Array): string => {
    initial._cloneInto(worker)
    worker.update(bytes)
    worker.digestInto(digest)
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
    sha256HexOfUtf8: ofBytes
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
