// Keeps every library package's `exports` map in step with its sources: "." for
// `src/index.ts`, one subpath per namespace module it re-exports (`export * as Fen from
// "./Fen.js"` → "@gongzhi/core/Fen", named after the namespace), and the extra entry points a package lists in
// `gongzhi.entries`. Each entry has the "@gongzhi/source" condition (tests and examples run
// on `src/`), then `types` and `default` (ESM; `require()` loads it on Node ≥ 20.19).
//
//   node scripts/package-exports.mjs          check (part of `pnpm lint`)
//   node scripts/package-exports.mjs --write  rewrite the maps (of the packages named, or all)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..")
const write = process.argv.includes("--write")
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"))

const entry = (file) => ({
  "@gongzhi/source": `./src/${file}.ts`,
  types: `./dist/${file}.d.ts`,
  default: `./dist/${file}.js`
})

const namespaces = (indexText) =>
  [...indexText.matchAll(/^export \* as (\w+) from "\.\/([\w/]+)\.js"/gm)].map((m) => ({ name: m[1], file: m[2] }))

const expected = (dir, pkg) => {
  const exports = { ".": entry("index") }
  for (const { file, name } of namespaces(readFileSync(join(dir, "src", "index.ts"), "utf8"))) {
    exports[`./${name}`] = entry(file)
  }
  for (const extra of pkg.gongzhi?.entries ?? []) exports[`./${extra}`] = entry(extra)
  exports["./package.json"] = "./package.json"
  return exports
}

const stale = []
for (const name of readdirSync(join(root, "packages")).sort()) {
  if (only.length > 0 && !only.includes(name)) continue
  const dir = join(root, "packages", name)
  const file = join(dir, "package.json")
  if (!existsSync(file) || !existsSync(join(dir, "src", "index.ts"))) continue
  const text = readFileSync(file, "utf8")
  const pkg = JSON.parse(text)
  const next = { ...pkg, main: "./dist/index.js", types: "./dist/index.d.ts", exports: expected(dir, pkg) }
  delete next.module
  // Keep the fields in their usual order: exports where it was, main and types before it.
  const ordered = {}
  for (const [key, value] of Object.entries(next)) {
    if (key === "main" || key === "types") continue
    if (key === "exports") {
      ordered.main = next.main
      ordered.types = next.types
    }
    ordered[key] = value
  }
  const out = `${JSON.stringify(ordered, null, 2)}\n`
  if (out === text) continue
  if (write) writeFileSync(file, out)
  else stale.push(`packages/${name}/package.json`)
}

if (stale.length > 0) {
  console.error(
    `package-exports: out of step with src/index.ts: ${
      stale.join(", ")
    }\n  run: node scripts/package-exports.mjs --write`
  )
  process.exit(1)
}
console.log(`package-exports: ${write ? "written" : "in step with the sources"}`)
