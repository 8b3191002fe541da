import { existsSync, readdirSync } from "node:fs"
import { availableParallelism } from "node:os"
import { defaultClientConditions, defaultServerConditions } from "vite"
import { defineConfig } from "vitest/config"

// Tests, examples and benchmarks run on the packages' sources through the
// "@gongzhi/source" export condition: no build is needed first.
const sourceCondition = "@gongzhi/source"

const packages = readdirSync("packages").filter((name) => existsSync(`packages/${name}/package.json`)).sort()

export default defineConfig({
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  test: {
    // Vitest's default is one worker less than the cores: a single worker on a 2-core machine,
    // which leaves a core idle while suites wait on child processes, PGlite, PostgreSQL or Chromium.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: { name, root: `packages/${name}`, include: ["test/**/*.test.ts"] }
      })),
      { extends: true as const, test: { name: "examples", root: "examples", include: ["**/*.test.ts"] } }
    ],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts"],
      reporter: ["text-summary", "json-summary", "html"],
      // Every library package keeps at least 90% of its source lines covered, each on its own.
      thresholds: Object.fromEntries(packages.map((name) => [`packages/${name}/src/**`, { lines: 90 }]))
    }
  }
})
