// Checks the package boundaries of DESIGN.md on the sources: domain packages import only
// @gongzhi/core (and their declared dependencies), only the CLI and the store import domain
// packages, and no package has an import cycle between its modules (type-only imports count:
// a cycle of types is still a cycle a reader has to untangle).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const packagesDir = join(root, "packages")

/** Which workspace packages each package may import, by its role in DESIGN.md. */
const allowed = (name) => {
  if (name === "@gongzhi/core") return new Set()
  if (name === "@gongzhi/cli") return "any"
  if (name === "@gongzhi/store") return "domain"
  return new Set(["@gongzhi/core"])
}

const walk = (dir) =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : []
  })

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm

const specifiers = (text) => {
  const found = []
  // Comments (JSDoc examples above all) are not imports.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
  for (const m of code.matchAll(importPattern)) found.push(m[1] ?? m[2])
  return found
}

const problems = []
for (const dir of readdirSync(packagesDir).sort()) {
  const pkgPath = join(packagesDir, dir, "package.json")
  if (!existsSync(pkgPath)) continue
  const { name } = JSON.parse(readFileSync(pkgPath, "utf8"))
  const rule = allowed(name)
  const src = join(packagesDir, dir, "src")
  const files = walk(src)
  const graph = new Map()
  for (const file of files) {
    const edges = []
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"))
        if (target.endsWith(".ts") && existsSync(target)) edges.push(target)
        continue
      }
      if (!spec.startsWith("@gongzhi/")) continue
      const imported = spec.split("/").slice(0, 2).join("/")
      if (imported === name) {
        problems.push(`${relative(root, file)}: imports its own package by name (${spec}); use a relative import`)
      } else if (
        rule === "domain"
          ? imported === "@gongzhi/cli" || imported === "@gongzhi/store"
          : rule !== "any" && !rule.has(imported)
      ) {
        problems.push(
          `${
            relative(root, file)
          }: ${name} may not import ${imported} (DESIGN.md: core ← domain packages ← store ← cli)`
        )
      }
    }
    graph.set(file, edges)
  }
  // Cycles: depth-first search with an explicit stack (no recursion over the graph's depth).
  const state = new Map() // 1 on the path, 2 done
  const reported = new Set()
  for (const start of graph.keys()) {
    if (state.has(start)) continue
    const stack = [{ file: start, next: 0 }]
    const path = [start]
    state.set(start, 1)
    while (stack.length > 0) {
      const top = stack[stack.length - 1]
      const edges = graph.get(top.file) ?? []
      if (top.next >= edges.length) {
        state.set(top.file, 2)
        stack.pop()
        path.pop()
        continue
      }
      const target = edges[top.next++]
      const s = state.get(target)
      if (s === 1) {
        const cycle = [...path.slice(path.indexOf(target)), target].map((f) => relative(src, f))
        const key = [...cycle].slice(0, -1).sort().join(" ")
        if (!reported.has(key)) {
          reported.add(key)
          problems.push(`${name}: import cycle ${cycle.join(" → ")}`)
        }
      } else if (s === undefined) {
        state.set(target, 1)
        stack.push({ file: target, next: 0 })
        path.push(target)
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`check-boundaries: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`)
  process.exit(1)
}
console.log("check-boundaries: package boundaries kept, no import cycles")
