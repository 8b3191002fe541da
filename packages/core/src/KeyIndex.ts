/**
 * An index from string keys to slot numbers for millions of keys: ids of org units and people,
 * idempotency keys of a journal. The keys stay where the caller already keeps them (in its
 * rows or entries); the index holds only a 32-bit hash and the slot of each key, side by side
 * in one typed array with open addressing. A lookup of a new key is settled by one read of that
 * array instead of the chain of pointer loads a `Map` of a million strings costs, and the index adds
 * 16 to 32 bytes per key to the heap (the table is kept at most half full).
 *
 * @since 0.1.0
 */

/** FNV-1a over UTF-16 code units, finished with murmur3's mix; never 0 (0 marks an empty cell). */
const hashOf = (key: string): number => {
  let h = 0x811C9DC5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85EBCA6B)
  h ^= h >>> 13
  h = Math.imul(h, 0xC2B2AE35)
  h ^= h >>> 16
  return h === 0 ? 1 : h
}

/**
 * A string → slot index over keys the caller stores: `keyOf(slot)` must return the key
 * recorded under a slot (it confirms a probe whose hash matches).
 *
 * @example
 * ```ts
 * import { KeyIndex } from "@gongzhi/core"
 *
 * const rows = [{ id: "gc-1" }, { id: "gc-1-g1" }, { id: "gc-1" }]
 * const byId = KeyIndex.make((slot) => rows[slot]!.id, rows.length)
 * const duplicates = rows.flatMap((row, i) => {
 *   const first = byId.add(row.id, i)
 *   return first === undefined ? [] : [`row ${i + 1} repeats row ${first + 1}`]
 * })
 * console.log(duplicates) // ["row 3 repeats row 1"]
 * console.log(byId.get("gc-1-g1"), byId.get("nope")) // 1 undefined
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export class KeyIndex {
  // pairs of (hash, slot + 1) side by side: a probe reads one cache line
  private cells: Int32Array
  private mask: number
  private count = 0

  /**
   * An empty index; `expected` keys fit without growing.
   *
   * @since 0.1.0
   */
  constructor(private readonly keyOf: (slot: number) => string, expected = 0) {
    let capacity = 16
    while (capacity < expected * 2) capacity *= 2
    this.cells = new Int32Array(capacity * 2)
    this.mask = capacity - 1
  }

  /**
   * The number of keys.
   *
   * @since 0.1.0
   */
  get size(): number {
    return this.count
  }

  /**
   * The slot recorded for a key, `undefined` when there is none.
   *
   * @since 0.1.0
   */
  get(key: string): number | undefined {
    if (typeof key !== "string") return undefined
    const h = hashOf(key)
    const cells = this.cells
    const mask = this.mask
    for (let i = h & mask;; i = (i + 1) & mask) {
      const found = cells[2 * i]!
      if (found === 0) return undefined
      if (found === h) {
        const slot = cells[2 * i + 1]! - 1
        if (this.keyOf(slot) === key) return slot
      }
    }
  }

  /**
   * Whether a key is in the index.
   *
   * @since 0.1.0
   */
  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /**
   * Records a key under a slot unless the key is there already: then nothing changes and the
   * slot recorded first is returned (one probe does both, which makes duplicate checks cheap).
   * A key that is not a string (from unchecked JavaScript input) is never recorded nor found.
   *
   * @since 0.1.0
   */
  add(key: string, slot: number): number | undefined {
    if (!Number.isSafeInteger(slot) || slot < 0 || slot >= 0x7FFFFFFF) {
      throw new RangeError(`KeyIndex slots are integers from 0 to 2147483646, got ${slot}`)
    }
    if (typeof key !== "string") return undefined
    if ((this.count + 1) * 2 > this.mask + 1) this.grow()
    const h = hashOf(key)
    const cells = this.cells
    const mask = this.mask
    let i = h & mask
    for (; cells[2 * i] !== 0; i = (i + 1) & mask) {
      if (cells[2 * i] === h) {
        const existing = cells[2 * i + 1]! - 1
        if (this.keyOf(existing) === key) return existing
      }
    }
    cells[2 * i] = h
    cells[2 * i + 1] = slot + 1
    this.count++
    return undefined
  }

  /**
   * Adds the keys of slots `0 … count − 1` (not recorded yet) as {@link add} would one by one,
   * in slot order, and returns for every slot the slot recorded first under its key (`-1` when
   * there is none: the slot was recorded or its key was new). `mode(slot)`, when given, is asked
   * once per slot just before its key is read: 1 adds it (the default), 2 only looks it up, 0
   * skips it — a caller can check each key there while it is in the cache. For millions of
   * keys this is several times faster than `add` in a loop: the keys are hashed in one
   * sequential pass, then inserted region by region of the table, so that the writes stay in
   * the processor's cache.
   *
   * @since 0.1.0
   */
  addAll(count: number, mode?: (slot: number) => 0 | 1 | 2): Int32Array {
    if (!Number.isSafeInteger(count) || count < 0 || count > 0x7FFFFFFF) {
      throw new RangeError(`KeyIndex slots are integers from 0 to 2147483646, got a count of ${count}`)
    }
    const firsts = new Int32Array(count).fill(-1)
    // hash every key once, in slot order (0: skipped)
    const modes = new Uint8Array(count)
    const hashes = new Int32Array(count)
    let added = 0
    let used = 0
    for (let slot = 0; slot < count; slot++) {
      const m = mode === undefined ? 1 : mode(slot)
      if (m === 0) continue
      const key = this.keyOf(slot)
      if (typeof key !== "string") continue
      modes[slot] = m
      hashes[slot] = hashOf(key)
      used++
      if (m === 1) added++
    }
    while ((this.count + added) * 2 > this.mask + 1) this.grow()
    // group (slot, hash) pairs by table region (32,768 cells: 256 KiB), in slot order within a region
    const mask = this.mask
    const bits = 31 - Math.clz32(mask + 1)
    const shift = Math.min(bits, 15)
    const regions = 1 << (bits - shift)
    const starts = new Int32Array(regions + 1)
    for (let slot = 0; slot < count; slot++) if (modes[slot] !== 0) starts[((hashes[slot]! & mask) >>> shift) + 1]!++
    for (let r = 0; r < regions; r++) starts[r + 1]! += starts[r]!
    const pairs = new Int32Array(used * 2)
    for (let slot = 0; slot < count; slot++) {
      if (modes[slot] === 0) continue
      const at = starts[(hashes[slot]! & mask) >>> shift]!++
      pairs[2 * at] = slot
      pairs[2 * at + 1] = hashes[slot]!
    }
    const cells = this.cells
    for (let k = 0; k < used; k++) {
      const slot = pairs[2 * k]!
      const h = pairs[2 * k + 1]!
      let i = h & mask
      let first = -1
      for (; cells[2 * i] !== 0; i = (i + 1) & mask) {
        if (cells[2 * i] === h) {
          const existing = cells[2 * i + 1]! - 1
          if (this.keyOf(existing) === this.keyOf(slot)) {
            first = existing
            break
          }
        }
      }
      if (first >= 0) firsts[slot] = first
      else if (modes[slot] === 1) {
        cells[2 * i] = h
        cells[2 * i + 1] = slot + 1
        this.count++
      }
    }
    return firsts
  }

  private grow(): void {
    const old = this.cells
    const capacity = (this.mask + 1) * 2
    const cells = new Int32Array(capacity * 2)
    const mask = capacity - 1
    for (let j = 0; j < old.length; j += 2) {
      const h = old[j]!
      if (h === 0) continue
      let i = h & mask
      while (cells[2 * i] !== 0) i = (i + 1) & mask
      cells[2 * i] = h
      cells[2 * i + 1] = old[j + 1]!
    }
    this.cells = cells
    this.mask = mask
  }
}

/**
 * Makes an empty {@link KeyIndex} over keys the caller stores.
 *
 * @example
 * ```ts
 * import { KeyIndex } from "@gongzhi/core"
 *
 * const keys: Array<string> = []
 * const index = KeyIndex.make((slot) => keys[slot]!)
 * keys.push("e-2024-001")
 * index.add("e-2024-001", 0)
 * console.log(index.get("e-2024-001"), index.size) // 0 1
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (keyOf: (slot: number) => string, expected = 0): KeyIndex => new KeyIndex(keyOf, expected)
