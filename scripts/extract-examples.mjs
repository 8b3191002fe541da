// Extracts the TypeScript code blocks of the READMEs, the guides in docs/ and the
// `@example` blocks of every exported symbol's JSDoc into examples/generated/, so
// that `tsc` type-checks them and vitest runs them (examples/examples.test.ts).
//
// A block fenced as ```ts is extracted; ```ts no-run is type-checked only;
// ```text, ```sh and others are left alone.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { basename, dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const out = join(root, "examples", "generated")
rmSync(out, { recursive: true, force: true })

const walk = (dir, accept) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : walk(path, accept)
    return accept(path) ? [path] : []
  })

const fence = /^```(ts|typescript)( no-run)?\s*$/

/** Blocks of a markdown text: [{ code, line, run }]. */
const markdownBlocks = (text) => {
  const blocks = []
  const lines = text.split("\n")
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i].trim())
    if (open === null) continue
    const start = i + 1
    let j = start
    while (j < lines.length && lines[j].trim() !== "```") j++
    blocks.push({ code: lines.slice(start, j).join("\n"), line: start + 1, run: open[2] === undefined })
    i = j
  }
  return blocks
}

/** `@example` blocks of a TypeScript source: the comment prefix removed. */
const jsdocBlocks = (text) => {
  const blocks = []
  const comment = /\/\*\*([\s\S]*?)\*\//g
  let match
  while ((match = comment.exec(text)) !== null) {
    const body = match[1]
    const at = body.indexOf("@example")
    if (at === -1) continue
    const afterExample = body.slice(at).split("\n").map((l) => l.replace(/^\s*\* ?/, ""))
    const line = text.slice(0, match.index).split("\n").length
    blocks.push(...markdownBlocks(afterExample.join("\n")).map((b) => ({ ...b, line })))
  }
  return blocks
}

const header = (source, line) =>
  `// Extracted from ${relative(root, source)}:${line} by scripts/extract-examples.mjs; do not edit.\n`

let count = 0
const write = (dir, name, source, block) => {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name}${block.run ? "" : ".norun"}.ts`)
  writeFileSync(file, `${header(source, block.line)}${block.code}\nexport {}\n`)
  count++
}

const markdownSources = [
  join(root, "README.md"),
  ...(existsSync(join(root, "docs"))
    ? walk(join(root, "docs"), (p) => p.endsWith(".md") && !p.includes(join("docs", "api")))
    : []),
  ...readdirSync(join(root, "packages")).map((p) => join(root, "packages", p, "README.md"))
].filter((p) => existsSync(p))

for (const source of markdownSources) {
  const name = relative(root, source).replace(/[\\/]/g, "_").replace(/\.md$/, "")
  markdownBlocks(readFileSync(source, "utf8")).forEach((block, i) =>
    write(join(out, "markdown"), `${name}_${String(i + 1).padStart(2, "0")}`, source, block)
  )
}

for (const pkg of readdirSync(join(root, "packages"))) {
  const src = join(root, "packages", pkg, "src")
  if (!existsSync(src)) continue
  for (const source of walk(src, (p) => p.endsWith(".ts"))) {
    const module = relative(src, source).replace(/[\\/]/g, "_").replace(/\.ts$/, "")
    jsdocBlocks(readFileSync(source, "utf8")).forEach((block, i) =>
      write(join(out, "jsdoc", pkg), `${module}_${String(i + 1).padStart(3, "0")}`, source, block)
    )
  }
}

console.log(`extract-examples: ${count} examples written to ${relative(root, out)}/ (from ${basename(root)})`)
