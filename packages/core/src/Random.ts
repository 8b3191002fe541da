/**
 * Seeded pseudo-random numbers for fixtures, simulations and benchmarks. Domain functions never
 * draw random numbers themselves: a caller that wants randomness makes a generator here and
 * passes it (or its seed) in, so the same seed always gives the same data.
 *
 * @since 0.1.0
 */

/**
 * A generator: each call returns the next number of its sequence, in [0, 1).
 *
 * @example
 * ```ts
 * import { Random } from "@gongzhi/core"
 *
 * const next: Random.Generator = Random.seeded(7)
 * console.log(next() < 1) // true
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Generator = () => number

/**
 * A generator of the sequence of a seed (mulberry32: 32 bits of state, fast, well spread, not
 * for secrets). Seeds are read as 32-bit integers.
 *
 * @example
 * ```ts
 * import { Random } from "@gongzhi/core"
 *
 * const a = Random.seeded(42)
 * const b = Random.seeded(42)
 * console.log(a() === b(), a() === b()) // true true
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const seeded = (seed: number): Generator => {
  let state = seed | 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
