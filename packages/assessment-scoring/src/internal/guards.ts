/**
 * The guard of the built-in methods that read one finite number (`linear`, `bands`, `ratio`,
 * `rank`): shared, so that the engine recognises it and checks such inputs inline.
 */
export const isFiniteNumber = (u: unknown): u is number => typeof u === "number" && Number.isFinite(u)
