/**
 * A stable 64-bit fingerprint of JSON data (two FNV-1a 32-bit lanes over a canonical walk:
 * object keys sorted, types tagged), written iteratively so deep inputs cannot overflow the
 * stack. Not cryptographic: it identifies the inputs a result was computed from.
 */

const FNV_PRIME = 0x01000193

/** What a caller already knows of an object it has read (see {@link hashJson}). */
export interface Listed {
  /** The object's own keys, in `Object.keys` order. */
  readonly keys: ReadonlyArray<string>
  /** When given, `members[offset + i]` is the object's member under `keys[i]`, as already read. */
  readonly members?: ReadonlyArray<unknown> | undefined
  readonly offset?: number | undefined
}

interface Shape {
  readonly keys: ReadonlyArray<string>
  readonly sorted: ReadonlyArray<string>
  /** `order[i]` is the index in `keys` of `sorted[i]`. */
  readonly order: Int32Array
}

/**
 * The walk's state: the two lanes (`lanes[0]`, `lanes[1]`) and a scratch number whose 64 bits
 * are read as two 32-bit words. The feeding helpers are module-level functions taking it (an
 * inner function is much slower to call once a build tool has wrapped it to keep its name, as
 * tsx and esbuild's keepNames do).
 */
interface Walk {
  readonly lanes: Int32Array
  readonly f64: Float64Array
  readonly u32: Uint32Array
}

/** Mixes one code (a char code or a 32-bit word) into both lanes. */
const mix = (lanes: Int32Array, c: number): void => {
  const a = lanes[0]!
  const b = lanes[1]!
  lanes[0] = Math.imul(a ^ c, FNV_PRIME)
  lanes[1] = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
}

/** Mixes the char codes of `text`. */
const feed = (lanes: Int32Array, text: string): void => {
  let a = lanes[0]!
  let b = lanes[1]!
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, FNV_PRIME)
    b = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
  }
  lanes[0] = a
  lanes[1] = b
}

/** Feeds a value that is not an object nor an array (strings, numbers, booleans, null, undefined, …). */
const feedScalar = (walk: Walk, v: unknown): void => {
  const { lanes } = walk
  if (v === null || v === undefined) {
    feed(lanes, "n;")
  } else if (typeof v === "string") {
    mix(lanes, 0x73)
    mix(lanes, v.length)
    feed(lanes, v)
  } else if (typeof v === "number") {
    walk.f64[0] = v === 0 ? 0 : v
    mix(lanes, 0x64)
    mix(lanes, walk.u32[0]!)
    mix(lanes, walk.u32[1]!)
  } else if (typeof v === "boolean") {
    feed(lanes, v ? "t;" : "f;")
  } else {
    feed(lanes, `?${String(v)};`)
  }
}

/**
 * Hashes JSON-like data to 16 hex digits; `undefined` members of objects are skipped. `listed`
 * may give the own keys (and the members) of objects the caller has already read, saving a
 * second listing and second look-ups (slow for objects in V8's dictionary mode).
 */
export const hashJson = (value: unknown, listed?: ReadonlyMap<object, Listed>): string => {
  const f64 = new Float64Array(1)
  const walk: Walk = { lanes: Int32Array.of(0x811c9dc5 | 0, 0x050c5d1f), f64, u32: new Uint32Array(f64.buffer) }
  const { lanes } = walk
  const stack: Array<unknown> = [value]
  const close = {}
  // objects of one shape (the same keys in the same order) share their sorted key order
  const shapes = new Map<string, Shape>()
  // an object's present members in key order (scratch)
  const present: Array<unknown> = []
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === close) {
      feed(lanes, "}")
    } else if (typeof v !== "object" || v === null) {
      feedScalar(walk, v)
    } else if (Array.isArray(v)) {
      feed(lanes, `a${v.length}{`)
      stack.push(close)
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i])
    } else {
      const record = v as Record<string, unknown>
      const known = listed?.get(record)
      const { sorted, order } = shapeOf(shapes, known?.keys ?? Object.keys(record))
      const members = known?.members
      const offset = known?.offset ?? 0
      // each member read once, in key order; an object whose members are all numbers (a
      // subject's values) is fed here, without the stack
      if (members !== undefined && feedNumbers(walk, sorted, order, members, offset)) continue
      present.length = 0
      for (let i = 0; i < sorted.length; i++) {
        const member = members === undefined ? record[sorted[i]!] : members[offset + order[i]!]
        if (member !== undefined) present.push(sorted[i], member)
      }
      feed(lanes, `o${present.length / 2}{`)
      // pushed in reverse, to pop in order
      stack.push(close)
      for (let i = present.length - 1; i >= 0; i--) stack.push(present[i])
    }
  }
  return hex(lanes[0]!) + hex(lanes[1]!)
}

/**
 * Feeds an object whose present members, `members[offset + order[i]]` under `sorted[i]`, are
 * all numbers, and says so; feeds nothing and says `false` otherwise. (The same codes as the
 * walk: `o<count>{`, then each key as a string and each number, then `}`.)
 */
const feedNumbers = (
  walk: Walk,
  sorted: ReadonlyArray<string>,
  order: Int32Array,
  members: ReadonlyArray<unknown>,
  offset: number
): boolean => {
  let count = 0
  for (let i = 0; i < order.length; i++) {
    const member = members[offset + order[i]!]
    if (typeof member === "number") count++
    else if (member !== undefined) return false
  }
  const { lanes, f64, u32 } = walk
  feed(lanes, `o${count}{`)
  let a = lanes[0]!
  let b = lanes[1]!
  for (let i = 0; i < order.length; i++) {
    const member = members[offset + order[i]!]
    if (member === undefined) continue
    const key = sorted[i]!
    // the key: 0x73, its length, its char codes
    a = Math.imul(a ^ 0x73, FNV_PRIME)
    b = Math.imul(b ^ (0x73 + 0x9e), FNV_PRIME) ^ (b >>> 15)
    a = Math.imul(a ^ key.length, FNV_PRIME)
    b = Math.imul(b ^ (key.length + 0x9e), FNV_PRIME) ^ (b >>> 15)
    for (let k = 0; k < key.length; k++) {
      const c = key.charCodeAt(k)
      a = Math.imul(a ^ c, FNV_PRIME)
      b = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
    }
    // the number: 0x64, then its two 32-bit words
    f64[0] = member === 0 ? 0 : (member as number)
    const lo = u32[0]!
    const hi = u32[1]!
    a = Math.imul(a ^ 0x64, FNV_PRIME)
    b = Math.imul(b ^ (0x64 + 0x9e), FNV_PRIME) ^ (b >>> 15)
    a = Math.imul(a ^ lo, FNV_PRIME)
    b = Math.imul(b ^ (lo + 0x9e), FNV_PRIME) ^ (b >>> 15)
    a = Math.imul(a ^ hi, FNV_PRIME)
    b = Math.imul(b ^ (hi + 0x9e), FNV_PRIME) ^ (b >>> 15)
  }
  lanes[0] = a
  lanes[1] = b
  feed(lanes, "}")
  return true
}

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, "0")

/** The sorted key order of objects with these keys, cached by shape in `shapes`. */
const shapeOf = (shapes: Map<string, Shape>, keys: ReadonlyArray<string>): Shape => {
  const tag = `${keys.length}\u0000${keys[0] ?? ""}`
  const cached = shapes.get(tag)
  if (cached !== undefined && cached.keys === keys) return cached
  if (cached !== undefined && cached.keys.length === keys.length) {
    let same = true
    for (let i = 0; i < keys.length; i++) {
      if (cached.keys[i] !== keys[i]) {
        same = false
        break
      }
    }
    if (same) return cached
  }
  const indices = keys.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0))
  const shape: Shape = { keys, sorted: indices.map((i) => keys[i]!), order: Int32Array.from(indices) }
  shapes.set(tag, shape)
  return shape
}
