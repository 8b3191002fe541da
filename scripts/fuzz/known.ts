/**
 * Findings already handed over to the package that owns them (each with its reproducer in the
 * report of the fuzz work). While one is open, `pnpm fuzz` counts it in the "known" column and
 * goes on, so that the other decoders and the rest of that decoder's inputs still run; with
 * `GONGZHI_FUZZ_STRICT=1` every known finding fails the run like a new one. Delete an entry
 * when its fix lands: the run says when an entry no longer matches anything.
 */

/** A finding that is known: which inputs show it, or how its message reads. */
export interface Known {
  /** What goes wrong, for the summary. */
  readonly what: string
  /** Who fixes it. */
  readonly owner: string
  /** Inputs not run at all, because they hang (a hang cannot be stepped over: the worker is stopped). */
  readonly skip?: ((input: unknown) => boolean) | undefined
  /** Findings (their message, the stack included) that are this one. */
  readonly matches?: ((message: string) => boolean) | undefined
}

/** The open findings, by decoder (none open: every finding so far is fixed, with a regression test in its package). */
export const known: Readonly<Record<string, ReadonlyArray<Known>>> = {}
