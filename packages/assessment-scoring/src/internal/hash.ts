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
 * Hashes JSON-like data to 16 hex digits; `undefined` members of objects are skipped. `listed`
 * may give the own keys (and the members) of objects the caller has already read, saving a
 * second listing and second look-ups (slow for objects in V8's dictionary mode).
 */
export const hashJson = (value: unknown, listed?: ReadonlyMap<object, Listed>): string => {
  // the two lanes are mixed inline, below, in two places: (1) the codes in `codes` and (2) the
  // characters of `text` (a named inner function is much slower to call once a build tool has
  // wrapped it to keep its name, as tsx and esbuild's keepNames do)
  let a = 0x811c9dc5
  let b = 0x050c5d1f
  const codes = new Float64Array(3)
  const f64 = new Float64Array(1)
  const u32 = new Uint32Array(f64.buffer)
  const stack: Array<unknown> = [value]
  const close = {}
  // objects of one shape (the same keys in the same order) share their sorted key order
  const shapes = new Map<string, Shape>()
  while (stack.length > 0) {
    const v = stack.pop()
    let n = 0
    let text: string
    if (v === close) {
      text = "}"
    } else if (v === null || v === undefined) {
      text = "n;"
    } else if (typeof v === "string") {
      codes[0] = 0x73
      codes[1] = v.length
      n = 2
      text = v
    } else if (typeof v === "number") {
      f64[0] = v === 0 ? 0 : v
      codes[0] = 0x64
      codes[1] = u32[0]!
      codes[2] = u32[1]!
      n = 3
      text = ""
    } else if (typeof v === "boolean") {
      text = v ? "t;" : "f;"
    } else if (Array.isArray(v)) {
      text = `a${v.length}{`
      stack.push(close)
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i])
    } else if (typeof v === "object") {
      const record = v as Record<string, unknown>
      const known = listed?.get(record)
      const { sorted, order } = shapeOf(shapes, known?.keys ?? Object.keys(record))
      const members = known?.members
      const offset = known?.offset ?? 0
      // each member read once: pushed (in reverse, to pop in order) before the count is known
      stack.push(close)
      let present = 0
      for (let i = sorted.length - 1; i >= 0; i--) {
        const member = members === undefined ? record[sorted[i]!] : members[offset + order[i]!]
        if (member === undefined) continue
        stack.push(member)
        stack.push(sorted[i])
        present++
      }
      text = `o${present}{`
    } else {
      text = `?${String(v)};`
    }
    for (let i = 0; i < n; i++) {
      const c = codes[i]!
      a = Math.imul(a ^ c, FNV_PRIME)
      b = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      a = Math.imul(a ^ c, FNV_PRIME)
      b = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
    }
  }
  return hex(a) + hex(b)
}

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, "0")

/** The sorted key order of objects with these keys, cached by shape in `shapes`. */
const shapeOf = (shapes: Map<string, Shape>, keys: ReadonlyArray<string>): Shape => {
  const tag = `${keys.length}\u0000${keys[0] ?? ""}`
  const cached = shapes.get(tag)
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
