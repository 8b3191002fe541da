/**
 * The public API never throws, whatever a JavaScript caller hands it: getters answer their
 * fallback for input they cannot read (a Proxy with throwing getters, a wrong type).
 *
 * @internal
 */

/** Runs `f`, answering `fallback` if it throws. @internal */
export const safely = <A>(fallback: A, f: () => A): A => {
  try {
    return f()
  } catch {
    return fallback
  }
}

/** A safe integer, the only kind of number thresholds compare. @internal */
export const isWhole = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n)
