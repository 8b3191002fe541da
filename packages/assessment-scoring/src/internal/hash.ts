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
 * - an array or object met again inside itself (a cycle, which JSON cannot make but a
 *   JavaScript caller can): a stream over `r` and how many levels up it was met, so that the
 *   walk ends and a cyclic value still has one fingerprint.
 * The fingerprint is the root's digest as 16 hex digits. (Tags are mixed as their char codes.)
 */

const FNV_PRIME = 0x01000193

/** Word `i` of a typed array the caller made long enough (0 past its end, which never happens). */
const word = (words: Int32Array, i: number): number => words[i] ?? 0
/** The same of a Uint32Array (a helper of its own: one read with both kinds of array would be polymorphic wherever it is inlined). */
const uword = (words: Uint32Array, i: number): number => words[i] ?? 0
const SEED_A = 0x811c9dc5 | 0
const SEED_B = 0x050c5d1f

/**
 * The lanes of a stream being mixed, and a scratch pair of views on one float: a local value
 * of each hashing run (no module-level mutable state, so a hash begun inside another — a
 * plug-in scoring from inside a check — cannot disturb it).
 */
export interface Lanes {
  a: number
  b: number
  readonly f64: Float64Array
  readonly u32: Uint32Array
}

export const lanes = (): Lanes => {
  const f64 = new Float64Array(1)
  return { a: 0, b: 0, f64, u32: new Uint32Array(f64.buffer) }
}

const start = (l: Lanes): void => {
  l.a = SEED_A
  l.b = SEED_B
}

/** Mixes one code (a char code or a 32-bit word) into both lanes. */
const mix = (l: Lanes, c: number): void => {
  l.a = Math.imul(l.a ^ c, FNV_PRIME)
  l.b = Math.imul(l.b ^ (c + 0x9e), FNV_PRIME) ^ (l.b >>> 15)
}

/** Mixes the char codes of `text`. */
const feed = (l: Lanes, text: string): void => {
  for (let i = 0; i < text.length; i++) mix(l, text.charCodeAt(i))
}

const fmix32 = (h: number): number => {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/** Sets the lanes to the digest of a value that is not an object nor an array. */
const scalar = (l: Lanes, v: unknown): void => {
  start(l)
  if (v === null || v === undefined) {
    mix(l, 0x6e)
  } else if (typeof v === "string") {
    mix(l, 0x73)
    mix(l, v.length)
    feed(l, v)
  } else if (typeof v === "number") {
    l.f64[0] = v === 0 ? 0 : v
    mix(l, 0x64)
    mix(l, uword(l.u32, 0))
    mix(l, uword(l.u32, 1))
  } else if (typeof v === "boolean") {
    mix(l, v ? 0x74 : 0x66)
  } else {
    mix(l, 0x3f)
    feed(l, String(v))
  }
}

/** The state of a member's stream after its key: the same for every object, so callers keep it. */
const keyState = (l: Lanes, key: string): Int32Array => {
  scalar(l, key)
  return Int32Array.of(l.a, l.b)
}

/** The {@link keyState}s of keys, flat: key `i` at `2i` and `2i + 1` (see {@link addNumberMember}). */
const keyStates = (keys: ReadonlyArray<string>): Int32Array => {
  const l = lanes()
  const states = new Int32Array(keys.length * 2)
  keys.forEach((key, i) => states.set(keyState(l, key), 2 * i))
  return states
}

/** Sets the lanes to the digest of a member whose key stream is (ka, kb) and whose value's digest is (va, vb). */
const member = (l: Lanes, ka: number, kb: number, va: number, vb: number): void => {
  l.a = ka
  l.b = kb
  mix(l, va)
  mix(l, vb)
  l.a = fmix32(l.a)
  l.b = fmix32(l.b)
}

/** The lanes of a number's stream after its type tag (the same for every number; constants). */
const [NUMBER_A, NUMBER_B] = (() => {
  const l = lanes()
  start(l)
  mix(l, 0x64)
  return [l.a, l.b] as const
})()

/**
 * The lane-wise sums and count of the member digests of one object being added up (see
 * {@link addNumberMember}): a local value of its caller, reset by {@link beginMembers}.
 */
export interface MemberSums {
  sumA: number
  sumB: number
  count: number
  /** The digest of the member last worked out by `numberMember`. */
  lastA: number
  lastB: number
  readonly f64: Float64Array
  readonly u32: Uint32Array
}

/** A new {@link MemberSums}, made once by a caller that adds up the members of many objects. */
export const memberSums = (): MemberSums => {
  const f64 = new Float64Array(1)
  return { sumA: 0, sumB: 0, count: 0, lastA: 0, lastB: 0, f64, u32: new Uint32Array(f64.buffer) }
}

/** Starts adding up the member digests of an object (see {@link addNumberMember}). */
export const beginMembers = (sums: MemberSums): void => {
  sums.sumA = 0
  sums.sumB = 0
  sums.count = 0
}

/** How many small whole numbers (0, 1, … ) a {@link KeyTable} remembers the member digests of, per key. */
const MEMO = 128

/**
 * What {@link addNumberMember} needs of the keys a caller reads: each key's {@link keyState}, and
 * the member digests of the small whole numbers met under each key, worked out once (most
 * indicator values are counts and percentages). A local value of its caller, like the sums.
 */
export interface KeyTable {
  /** Key `i`'s state at `2i` and `2i + 1`. */
  readonly states: Int32Array
  /** How many numbers are remembered per key (0 when there are too many keys to remember any). */
  readonly width: number
  /**
   * The member digest of number `v` under key `i`, its two words side by side at `2m` and
   * `2m + 1` for `m = i × width + v` (one cache line for both), when `known[m]` is 1.
   */
  readonly memo: Int32Array
  readonly known: Uint8Array
}

/** The {@link KeyTable} of keys (key `i` is `keys[i]`; see {@link addNumberMember}). */
export const keyTable = (keys: ReadonlyArray<string>): KeyTable => {
  const width = keys.length <= 4096 ? MEMO : 0
  return {
    states: keyStates(keys),
    width,
    memo: new Int32Array(2 * keys.length * width),
    known: new Uint8Array(keys.length * width)
  }
}

/**
 * Works out the digest of a member whose value is a number, under the key whose
 * {@link keyState} is at `states[at]`, `states[at + 1]`, into `sums.lastA` and `sums.lastB`. (The
 * same steps as `scalar` and `member`, in local variables.)
 */
const numberMember = (sums: MemberSums, states: Int32Array, at: number, value: number): void => {
  const u32 = sums.u32
  sums.f64[0] = value === 0 ? 0 : value
  const lo = uword(u32, 0)
  const hi = uword(u32, 1)
  let x = Math.imul(NUMBER_A ^ lo, FNV_PRIME)
  let y = Math.imul(NUMBER_B ^ (lo + 0x9e), FNV_PRIME) ^ (NUMBER_B >>> 15)
  x = Math.imul(x ^ hi, FNV_PRIME)
  y = Math.imul(y ^ (hi + 0x9e), FNV_PRIME) ^ (y >>> 15)
  let p = word(states, at)
  let q = word(states, at + 1)
  p = Math.imul(p ^ x, FNV_PRIME)
  q = Math.imul(q ^ (x + 0x9e), FNV_PRIME) ^ (q >>> 15)
  p = Math.imul(p ^ y, FNV_PRIME)
  q = Math.imul(q ^ (y + 0x9e), FNV_PRIME) ^ (q >>> 15)
  sums.lastA = fmix32(p)
  sums.lastB = fmix32(q)
}

/**
 * Adds the digest of a member whose value is a number, under key `i` of `keys`, to the sums
 * begun by {@link beginMembers}. A caller that reads an object's members anyway adds them up
 * here, stores them with {@link storeMembers} and hands them to {@link hashJson}. The digest of
 * a small whole number is worked out once per key and then remembered (-0 is 0 here too).
 */
export const addNumberMember = (sums: MemberSums, keys: KeyTable, i: number, value: number): void => {
  const width = keys.width
  if ((value | 0) === value && value >= 0 && value < width) {
    const m = i * width + value
    if (keys.known[m] !== 1) {
      numberMember(sums, keys.states, 2 * i, value)
      keys.memo[2 * m] = sums.lastA
      keys.memo[2 * m + 1] = sums.lastB
      keys.known[m] = 1
    }
    sums.sumA = (sums.sumA + word(keys.memo, 2 * m)) | 0
    sums.sumB = (sums.sumB + word(keys.memo, 2 * m + 1)) | 0
  } else {
    numberMember(sums, keys.states, 2 * i, value)
    sums.sumA = (sums.sumA + sums.lastA) | 0
    sums.sumB = (sums.sumB + sums.lastB) | 0
  }
  sums.count++
}

/**
 * Objects whose member digests a caller has added up already: each object's offset in `sums`,
 * where its lane A, lane B and member count follow one another.
 */
export interface KnownMembers {
  readonly offsets: Map<object, number>
  readonly sums: Int32Array
  /** The digests of some elements of one array, worked out by the caller (see {@link KnownElements}). */
  readonly elements?: KnownElements | undefined
}

/**
 * Digests a caller has worked out for elements of one array (a scoring run's subjects, while
 * it read them): element `i`'s lanes at `digests[2i]` and `digests[2i + 1]` when `has[i]` is 1.
 */
export interface KnownElements {
  readonly of: ReadonlyArray<unknown>
  readonly digests: Int32Array
  readonly has: Uint8Array
}

/** Sets the lanes to the digest of a string or a number (as the walk does). */
export const digestScalar = (l: Lanes, v: string | number): void => scalar(l, v)

/** Sets the lanes to the digest of an object from the lane-wise sums of its members' digests and their count. */
export const digestObject = (l: Lanes, sumA: number, sumB: number, count: number): void => object(l, sumA, sumB, count)

/**
 * Adds to `sums` the member of key state `state` (see {@link keyStateOf}) whose value's digest
 * is in the lanes (the lanes are then the member's digest).
 */
export const addMember = (sums: MemberSums, l: Lanes, state: Int32Array): void => {
  member(l, word(state, 0), word(state, 1), l.a, l.b)
  sums.sumA = (sums.sumA + l.a) | 0
  sums.sumB = (sums.sumB + l.b) | 0
  sums.count++
}

/** The key state of `key`, from the caller's cache (worked out with scratch lanes the first time). */
export const keyStateOf = (cache: Map<string, Int32Array>, key: string): Int32Array => {
  let state = cache.get(key)
  if (state === undefined) {
    state = keyState(lanes(), key)
    cache.set(key, state)
  }
  return state
}

/** Records the sums added up since {@link beginMembers} as those of `object`, at `offset` (a multiple of 3). */
export const storeMembers = (known: KnownMembers, sums: MemberSums, object: object, offset: number): void => {
  known.sums[offset] = sums.sumA
  known.sums[offset + 1] = sums.sumB
  known.sums[offset + 2] = sums.count
  known.offsets.set(object, offset)
}

/** Sets the lanes to the digest of an object from the sums of its members' digests. */
const object = (l: Lanes, sumA: number, sumB: number, count: number): void => {
  start(l)
  mix(l, 0x6f)
  mix(l, count)
  mix(l, sumA)
  mix(l, sumB)
  mix(l, 0x7d)
}

/** An array or object being walked: its members still to digest, and what is folded so far. */
interface Frame {
  /** The array or object walked. */
  readonly of: object
  readonly isArray: boolean
  /** An array's elements, or an object's present members as (key, value) pairs. */
  readonly items: ReadonlyArray<unknown>
  /** The index in `items` of the member being digested. */
  next: number
  /** For the array of {@link KnownMembers.elements}: the digests of its elements known already. */
  readonly known: KnownElements | undefined
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
  const l = lanes()
  const frames: Array<Frame> = []
  const keys = new Map<string, Int32Array>()
  const elements = known?.elements
  // the arrays and objects being walked, with their depth: one met again is a cycle
  const onPath = new Map<object, number>()
  let v = value
  // whether the lanes hold the digest of `v` already (an element whose digest is known)
  let ready = false
  for (;;) {
    // descend: the digest of `v`, or a frame for its members
    let frame: Frame | undefined
    if (ready) {
      ready = false
    } else if (typeof v !== "object" || v === null) {
      scalar(l, v)
    } else if (onPath.has(v)) {
      start(l)
      mix(l, 0x72)
      mix(l, frames.length - (onPath.get(v) ?? 0))
    } else if (Array.isArray(v)) {
      const knownHere = elements !== undefined && elements.of === v ? elements : undefined
      frame = { of: v, isArray: true, items: v, next: 0, foldA: 0, foldB: 0, known: knownHere }
    } else {
      const at = known?.offsets.get(v)
      if (known !== undefined && at !== undefined) {
        object(l, word(known.sums, at), word(known.sums, at + 1), word(known.sums, at + 2))
      } else {
        const record = v as Record<string, unknown>
        const items: Array<unknown> = []
        for (const key of Object.keys(record)) {
          const member = record[key]
          if (member !== undefined) items.push(key, member)
        }
        frame = { of: v, isArray: false, items, next: 1, foldA: 0, foldB: 0, known: undefined }
      }
    }
    if (frame !== undefined) {
      if (frame.isArray) {
        start(l)
        mix(l, 0x61)
        mix(l, frame.items.length)
        frame.foldA = l.a
        frame.foldB = l.b
      }
      if (frame.next < frame.items.length) {
        onPath.set(frame.of, frames.length)
        frames.push(frame)
        v = frame.items[frame.next]
        ready = knownElement(l, frame)
        continue
      }
      finish(l, frame)
    }
    // ascend: fold the digest just made into the frames above, finishing those that are complete
    for (;;) {
      const top = frames[frames.length - 1]
      if (top === undefined) return hex(l.a) + hex(l.b)
      const va = l.a
      const vb = l.b
      if (top.isArray) {
        l.a = top.foldA
        l.b = top.foldB
        mix(l, va)
        mix(l, vb)
        top.foldA = l.a
        top.foldB = l.b
        top.next++
      } else {
        const key = top.items[top.next - 1] as string
        let state = keys.get(key)
        if (state === undefined) {
          state = keyState(l, key)
          keys.set(key, state)
        }
        member(l, word(state, 0), word(state, 1), va, vb)
        top.foldA = (top.foldA + l.a) | 0
        top.foldB = (top.foldB + l.b) | 0
        top.next += 2
      }
      if (top.next < top.items.length) {
        v = top.items[top.next]
        ready = knownElement(l, top)
        break
      }
      frames.pop()
      onPath.delete(top.of)
      finish(l, top)
    }
  }
}

/** Whether the next element of an array frame has a known digest; if so, the lanes are set to it. */
const knownElement = (l: Lanes, frame: Frame): boolean => {
  const known = frame.known
  if (known === undefined || known.has[frame.next] !== 1) return false
  l.a = word(known.digests, 2 * frame.next)
  l.b = word(known.digests, 2 * frame.next + 1)
  return true
}

/** Sets the lanes to the digest of a frame whose members are all folded in. */
const finish = (l: Lanes, frame: Frame): void => {
  if (frame.isArray) {
    l.a = frame.foldA
    l.b = frame.foldB
    mix(l, 0x7d)
  } else {
    object(l, frame.foldA, frame.foldB, frame.items.length / 2)
  }
}

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, "0")
