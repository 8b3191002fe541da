/**
 * The JSDoc contract of every public export (STYLE.md): a one-line summary, an `@example`
 * with a code block, a `@category` and a `@since`. The examples themselves are extracted,
 * type-checked and run by examples.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

const walk = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === "internal" ? [] : walk(path)
    return path.endsWith(".ts") && !path.endsWith("index.ts") ? [path] : []
  })

const exportPattern = /^export (?:declare )?(?:const|function\*?|type|interface|class|abstract class) ([A-Za-z0-9_$]+)/

/** Each top-level export with the JSDoc comment right above it (or undefined). */
const exportsOf = (text: string) => {
  const lines = text.split("\n")
  const found: Array<{ name: string; line: number; doc: string | undefined }> = []
  lines.forEach((line, i) => {
    const match = exportPattern.exec(line)
    if (match === null) return
    let j = i - 1
    if (lines[j]?.trim() !== "*/") {
      found.push({ name: match[1]!, line: i + 1, doc: undefined })
      return
    }
    while (j >= 0 && !lines[j]!.trim().startsWith("/**")) j--
    found.push({ name: match[1]!, line: i + 1, doc: lines.slice(j, i).join("\n") })
  })
  return found
}

const sources = existsSync(join(root, "packages"))
  ? readdirSync(join(root, "packages")).flatMap((pkg) => {
    const src = join(root, "packages", pkg, "src")
    return existsSync(src) ? walk(src) : []
  })
  : []

describe("JSDoc contract", () => {
  for (const file of sources) {
    it(`documents every export of ${relative(root, file)}`, () => {
      const problems: Array<string> = []
      for (const { name, line, doc } of exportsOf(readFileSync(file, "utf8"))) {
        const where = `${relative(root, file)}:${line} ${name}`
        if (doc === undefined) {
          problems.push(`${where}: no JSDoc`)
          continue
        }
        const summary = doc.split("\n").map((l) => l.replace(/^\s*\/?\*+\s?/, "").trim()).find((l) => l !== "")
        if (summary === undefined || summary.startsWith("@")) problems.push(`${where}: no summary line`)
        if (!/@example\s*\n\s*\*\s*```ts/.test(doc)) problems.push(`${where}: no @example with a \`\`\`ts block`)
        if (!/@since \d+\.\d+\.\d+/.test(doc)) problems.push(`${where}: no @since`)
        if (!/@category [a-z]/.test(doc)) problems.push(`${where}: no @category`)
      }
      expect(problems).toEqual([])
    })
  }
})
