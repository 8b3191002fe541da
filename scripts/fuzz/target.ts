/** What the fuzz suite runs: a public decoder, the inputs it gets, and how to read its answer. */
import type fc from "fast-check"
import type { Outcome } from "./checks.js"

/** One public decoder (or reader) of one package, fed hostile input. */
export interface Target {
  /** The decoder as a caller writes it, e.g. `Plan.decode`. */
  readonly name: string
  /** The package it is exported from. */
  readonly pkg: string
  /** The hostile inputs. */
  readonly input: fc.Arbitrary<unknown>
  /**
   * Runs the decoder on one input and reads its answer (after checking it): a success or a
   * failure. Throws a `Finding` on anything else.
   */
  readonly run: (input: unknown) => Outcome | Promise<Outcome>
  /** The number of inputs, as a share of the run size (1 unless the decoder is slow by nature). */
  readonly share?: number
}

/** A target as the main thread knows it: its name and package. */
export interface Listed {
  readonly name: string
  readonly pkg: string
}

/** A seed of its own for each decoder (so that adding one changes no other's inputs). */
export const seedOf = (base: number, name: string): number => {
  let h = base | 0
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15)
  return h >>> 1
}
