/**
 * A stable 64-bit fingerprint of JSON data (two FNV-1a 32-bit lanes over a canonical walk:
 * object keys sorted, types tagged), written iteratively so deep inputs cannot overflow the
 * stack. Not cryptographic: it identifies the inputs a result was computed from.
 */

const FNV_PRIME = 0x01000193

/**
 * Hashes JSON-like data to 16 hex digits; `undefined` members of objects are skipped. `keysOf`
 * may give the own keys of objects already listed by the caller (`Object.keys` order), saving a
 * second listing (slow for objects in V8's dictionary mode).
 */
export const hashJson = (value: unknown, keysOf?: ReadonlyMap<object, ReadonlyArray<string>>): string => {
  let a = 0x811c9dc5
  let b = 0x050c5d1f
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      a = Math.imul(a ^ c, FNV_PRIME)
      b = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
    }
  }
  const mix = (c: number) => {
    a = Math.imul(a ^ c, FNV_PRIME)
    b = Math.imul(b ^ (c + 0x9e), FNV_PRIME) ^ (b >>> 15)
  }
  const f64 = new Float64Array(1)
  const u32 = new Uint32Array(f64.buffer)
  const stack: Array<unknown> = [value]
  const close = {}
  // objects of one shape (the same keys in the same order) share their sorted key order
  const shapes = new Map<string, { keys: ReadonlyArray<string>; sorted: ReadonlyArray<string> }>()
  const sortedKeys = (keys: ReadonlyArray<string>): ReadonlyArray<string> => {
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
      if (same) return cached.sorted
    }
    const sorted = [...keys].sort()
    shapes.set(tag, { keys, sorted })
    return sorted
  }
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === close) {
      feed("}")
    } else if (v === null || v === undefined) {
      feed("n;")
    } else if (typeof v === "string") {
      mix(0x73)
      mix(v.length)
      feed(v)
    } else if (typeof v === "number") {
      mix(0x64)
      f64[0] = v === 0 ? 0 : v
      mix(u32[0]!)
      mix(u32[1]!)
    } else if (typeof v === "boolean") {
      feed(v ? "t;" : "f;")
    } else if (Array.isArray(v)) {
      feed(`a${v.length}{`)
      stack.push(close)
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i])
    } else if (typeof v === "object") {
      const record = v as Record<string, unknown>
      const keys = sortedKeys(keysOf?.get(record) ?? Object.keys(record))
      // each member read once: pushed (in reverse, to pop in order) before the count is known
      stack.push(close)
      let present = 0
      for (let i = keys.length - 1; i >= 0; i--) {
        const member = record[keys[i]!]
        if (member === undefined) continue
        stack.push(member)
        stack.push(keys[i])
        present++
      }
      feed(`o${present}{`)
    } else {
      feed(`?${String(v)};`)
    }
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0")
  return hex(a) + hex(b)
}
