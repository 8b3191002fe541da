/**
 * A string → slot index for large key sets (idempotency keys, account ids): open addressing
 * over two typed arrays (32-bit hash, slot + 1) with linear probing. The keys themselves are
 * not stored: a probe whose hash matches confirms the key through `keyOf(slot)`, which reads
 * it from where the caller keeps it (the entry's command, the account). Against a `Map` of a
 * million keys this saves the chain of pointer loads a miss costs: a new key (the usual case)
 * is settled by one read of the hash array.
 */

/** FNV-1a over UTF-16 code units, finished with murmur3's mix; never 0 (0 marks an empty slot). */
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

export class StringIndex {
  private hashes: Int32Array
  private slots: Int32Array
  private mask: number
  private count = 0

  constructor(private readonly keyOf: (slot: number) => string, capacity = 1024) {
    let size = 16
    while (size < capacity * 2) size *= 2
    this.hashes = new Int32Array(size)
    this.slots = new Int32Array(size)
    this.mask = size - 1
  }

  /** The number of keys. */
  get size(): number {
    return this.count
  }

  /** The slot of a key, or -1. */
  get(key: string): number {
    const h = hashOf(key)
    const hashes = this.hashes
    const mask = this.mask
    let i = h & mask
    for (;;) {
      const found = hashes[i]!
      if (found === 0) return -1
      if (found === h) {
        const slot = this.slots[i]! - 1
        if (this.keyOf(slot) === key) return slot
      }
      i = (i + 1) & mask
    }
  }

  /** Records a key that is not in the index yet. */
  add(key: string, slot: number): void {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow()
    this.put(hashOf(key), slot + 1)
    this.count++
  }

  private put(h: number, value: number): void {
    const hashes = this.hashes
    const mask = this.mask
    let i = h & mask
    while (hashes[i] !== 0) i = (i + 1) & mask
    hashes[i] = h
    this.slots[i] = value
  }

  private grow(): void {
    const hashes = this.hashes
    const slots = this.slots
    this.hashes = new Int32Array(hashes.length * 2)
    this.slots = new Int32Array(hashes.length * 2)
    this.mask = this.hashes.length - 1
    for (let i = 0; i < hashes.length; i++) {
      if (hashes[i] !== 0) this.put(hashes[i]!, slots[i]!)
    }
  }
}
