import { defineConfig, type Options } from "tsup"

/**
 * The build of every library package: ESM + CJS + type declarations for both, for Node
 * ≥ 20.19 and browsers; dependencies and peers stay external.
 */
export const library = (entry: ReadonlyArray<string>, overrides: Options = {}) =>
  defineConfig({
    entry: [...entry],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    ...overrides
  })
