/**
 * A stable 64-bit fingerprint of JSON data, written iteratively so that deep inputs cannot
 * overflow the stack. Not cryptographic: it identifies the inputs a result was computed from.
 *
 * Every value has a digest of two 32-bit lanes, each an FNV-1a-style stream (the second lane
 * with an offset code and a shift, so the lanes differ):
 * - a scalar: a stream from the seeds over a type tag and its content (a string: `s`, its
 *   length, its char codes; a number: `d`, its two 32-bit words, -0 read as 0; `n`, `t`, `f` for
 *   null (and undefined), true, false; anything else: `?` and its `String`);
 * - an array: a stream over `a`, its length, each element's digest (both lanes), then `}`;
 * - an object: order-independent — each present member (`undefined` ones are skipped) has the
 *   digest of a stream over its key (as a string) and its value's digest, finalised with
 *   murmur3's `fmix32`; the object's digest is a stream over `o`, the member count, the
 *   lane-wise sums of its members' digests (mod 2^32), then `}`. So no keys are sorted, and a
 *   caller that has already read an object's members can add them up itself (see
 *   {@link addNumberMember}).
 * The fingerprint is the root's digest as 16 hex digits. (Tags are mixed as their char codes.)
 */

const FNV_PRIME = 0x01000193
const SEED_A = 0x811c9dc5 | 0
const SEED_B = 0x050c5d1f

/** The lanes of a stream, and the digest a step produced (module-level, so nothing is allocated per value). */
let a = 0
let b = 0

const start = (): void => {
  a = SEED_A
  b = SEED_B
}

/** Mixes one code (a char code or a 32-bit word) into both lanes. */
const mix = (c: number): void => {
  a = Math.imul(a ^ c, FNV_PRIME)
  b = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
}

/** Mixes the char codes of `text`. */
const feed = (text: string): void => {
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i))
}

const fmix32 = (h: number): number => {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)

/** Sets (a, b) to the digest of a value that is not an object nor an array. */
const scalar = (v: unknown): void => {
  start()
  if (v === null || v === undefined) {
    mix(0x6e)
  } else if (typeof v === "string") {
    mix(0x73)
    mix(v.length)
    feed(v)
  } else if (typeof v === "number") {
    f64[0] = v === 0 ? 0 : v
    mix(0x64)
    mix(u32[0]!)
    mix(u32[1]!)
  } else if (typeof v === "boolean") {
    mix(v ? 0x74 : 0x66)
  } else {
    mix(0x3f)
    feed(String(v))
  }
}

/** The state of a member's stream after its key: the same for every object, so callers keep it. */
const keyState = (key: string): Int32Array => {
  scalar(key)
  return Int32Array.of(a, b)
}

/** The {@link keyState}s of keys, flat: key `i` at `2i` and `2i + 1` (see {@link addNumberMember}). */
export const keyStates = (keys: ReadonlyArray<string>): Int32Array => {
  const states = new Int32Array(keys.length * 2)
  keys.forEach((key, i) => states.set(keyState(key), 2 * i))
  return states
}

/** Sets (a, b) to the digest of a member whose key stream is (ka, kb) and whose value's digest is (va, vb). */
const member = (ka: number, kb: number, va: number, vb: number): void => {
  a = ka
  b = kb
  mix(va)
  mix(vb)
  a = fmix32(a)
  b = fmix32(b)
}

/** The lanes of a number's stream after its type tag (the same for every number). */
start()
mix(0x64)
const NUMBER_A = a
const NUMBER_B = b

/** The lane-wise sums and count of the member digests being added up (see {@link addNumberMember}). */
let sumA = 0
let sumB = 0
let sumCount = 0

/** Starts adding up the member digests of an object (see {@link addNumberMember}). */
export const beginMembers = (): void => {
  sumA = 0
  sumB = 0
  sumCount = 0
}

/**
 * Adds the digest of a member whose value is a number, under the key whose {@link keyState} is
 * at `keys[at]`, `keys[at + 1]`, to the sums begun by {@link beginMembers}. A caller that reads
 * an object's members anyway adds them up here, stores them with {@link storeMembers} and hands
 * them to {@link hashJson}. (The same steps as `scalar` and `member`, in local variables: this
 * runs once per value.)
 */
export const addNumberMember = (keys: Int32Array, at: number, value: number): void => {
  f64[0] = value === 0 ? 0 : value
  const lo = u32[0]!
  const hi = u32[1]!
  let x = Math.imul(NUMBER_A ^ lo, FNV_PRIME)
  let y = Math.imul(NUMBER_B ^ (lo + 0x9e), FNV_PRIME) ^ (NUMBER_B >>> 15)
  x = Math.imul(x ^ hi, FNV_PRIME)
  y = Math.imul(y ^ (hi + 0x9e), FNV_PRIME) ^ (y >>> 15)
  let p = keys[at]!
  let q = keys[at + 1]!
  p = Math.imul(p ^ x, FNV_PRIME)
  q = Math.imul(q ^ (x + 0x9e), FNV_PRIME) ^ (q >>> 15)
  p = Math.imul(p ^ y, FNV_PRIME)
  q = Math.imul(q ^ (y + 0x9e), FNV_PRIME) ^ (q >>> 15)
  sumA = (sumA + fmix32(p)) | 0
  sumB = (sumB + fmix32(q)) | 0
  sumCount++
}

/**
 * Objects whose member digests a caller has added up already: each object's offset in `sums`,
 * where its lane A, lane B and member count follow one another.
 */
export interface KnownMembers {
  readonly offsets: Map<object, number>
  readonly sums: Int32Array
}

/** Records the sums added up since {@link beginMembers} as those of `object`, at `offset` (a multiple of 3). */
export const storeMembers = (known: KnownMembers, object: object, offset: number): void => {
  known.sums[offset] = sumA
  known.sums[offset + 1] = sumB
  known.sums[offset + 2] = sumCount
  known.offsets.set(object, offset)
}

/** Sets (a, b) to the digest of an object from the sums of its members' digests. */
const object = (sumA: number, sumB: number, count: number): void => {
  start()
  mix(0x6f)
  mix(count)
  mix(sumA)
  mix(sumB)
  mix(0x7d)
}

/** An array or object being walked: its members still to digest, and what is folded so far. */
interface Frame {
  readonly isArray: boolean
  /** An array's elements, or an object's present members as (key, value) pairs. */
  readonly items: ReadonlyArray<unknown>
  /** The index in `items` of the member being digested. */
  next: number
  /** An array's stream, or an object's sums. */
  foldA: number
  foldB: number
}

/**
 * Hashes JSON-like data to 16 hex digits. `known` may give, for objects the caller has already
 * read, the sums of their members' digests (see {@link addNumberMember}): those objects are not
 * walked again.
 */
export const hashJson = (value: unknown, known?: KnownMembers): string => {
  const frames: Array<Frame> = []
  const keys = new Map<string, Int32Array>()
  let v = value
  for (;;) {
    // descend: the digest of `v`, or a frame for its members
    let frame: Frame | undefined
    if (typeof v !== "object" || v === null) {
      scalar(v)
    } else if (Array.isArray(v)) {
      frame = { isArray: true, items: v, next: 0, foldA: 0, foldB: 0 }
    } else {
      const at = known?.offsets.get(v)
      if (at !== undefined) {
        object(known!.sums[at]!, known!.sums[at + 1]!, known!.sums[at + 2]!)
      } else {
        const record = v as Record<string, unknown>
        const items: Array<unknown> = []
        for (const key of Object.keys(record)) {
          const member = record[key]
          if (member !== undefined) items.push(key, member)
        }
        frame = { isArray: false, items, next: 1, foldA: 0, foldB: 0 }
      }
    }
    if (frame !== undefined) {
      if (frame.isArray) {
        start()
        mix(0x61)
        mix(frame.items.length)
        frame.foldA = a
        frame.foldB = b
      }
      if (frame.next < frame.items.length) {
        frames.push(frame)
        v = frame.items[frame.next]
        continue
      }
      finish(frame)
    }
    // ascend: fold the digest just made into the frames above, finishing those that are complete
    for (;;) {
      const top = frames[frames.length - 1]
      if (top === undefined) return hex(a) + hex(b)
      if (top.isArray) {
        const va = a
        const vb = b
        a = top.foldA
        b = top.foldB
        mix(va)
        mix(vb)
        top.foldA = a
        top.foldB = b
        top.next++
      } else {
        const va = a
        const vb = b
        const key = top.items[top.next - 1] as string
        let state = keys.get(key)
        if (state === undefined) {
          state = keyState(key)
          keys.set(key, state)
        }
        member(state[0]!, state[1]!, va, vb)
        top.foldA = (top.foldA + a) | 0
        top.foldB = (top.foldB + b) | 0
        top.next += 2
      }
      if (top.next < top.items.length) {
        v = top.items[top.next]
        break
      }
      frames.pop()
      finish(top)
    }
  }
}

/** Sets (a, b) to the digest of a frame whose members are all folded in. */
const finish = (frame: Frame): void => {
  if (frame.isArray) {
    a = frame.foldA
    b = frame.foldB
    mix(0x7d)
  } else {
    object(frame.foldA, frame.foldB, frame.items.length / 2)
  }
}

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, "0")
