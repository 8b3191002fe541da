/**
 * Runs every example: the programs in examples/ and the code blocks extracted from the
 * READMEs, guides and JSDoc `@example`s (see scripts/extract-examples.mjs). An example
 * that throws fails the test.
 */
import { existsSync, readdirSync, statSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

const here = dirname(fileURLToPath(import.meta.url))

const walk = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

const programs = readdirSync(here)
  .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
  .map((name) => join(here, name))
const generated = existsSync(join(here, "generated"))
  ? walk(join(here, "generated")).filter((path) => path.endsWith(".ts") && !path.endsWith(".norun.ts"))
  : []

describe("examples", () => {
  beforeEach(() => {
    vi.spyOn(console, "log").mockImplementation(() => undefined)
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it("extracted the code blocks of the docs (run `pnpm test`, which extracts them first)", () => {
    expect(generated.length).toBeGreaterThan(0)
  })

  for (const file of [...programs, ...generated]) {
    // An example that opens a database (PGlite starts in a few seconds) gets time on a loaded machine.
    it(`runs ${relative(here, file)}`, async () => {
      await expect(import(pathToFileURL(file).href)).resolves.toBeDefined()
    }, 60_000)
  }
})
