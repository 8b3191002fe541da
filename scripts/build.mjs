// Builds the package in the current directory: one ESM file, one declaration file and their
// source maps per source module, `src/X.ts` → `dist/X.js` + `dist/X.d.ts` (see docs/build.md
// for why tsc and not a bundler).
//
// Every call or `new` evaluated when a module loads (schemas built at the top level, frozen
// tables, presets) is annotated `/*#__PURE__*/`, so a bundler can drop what an app does not
// import: `sideEffects: false` is then true in fact. Code inside functions is not touched.
//
// Usage: node ../../scripts/build.mjs [--bin src/bin.ts]   (from a package folder)
import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import ts from "typescript"

const cwd = process.cwd()
const args = process.argv.slice(2)
const bins = args.flatMap((a, i) => (a === "--bin" ? [args[i + 1]] : []))

const configPath = join(cwd, "tsconfig.json")
const config = ts.readConfigFile(configPath, ts.sys.readFile)
if (config.error !== undefined) fail([config.error])
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, cwd)

// The build resolves other workspace packages through their published `exports` (their built
// declarations), never through the "@gongzhi/source" condition: what we ship is checked
// against what we ship.
const options = {
  ...parsed.options,
  customConditions: undefined,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: false,
  outDir: join(cwd, "dist"),
  rootDir: join(cwd, "src"),
  declaration: true,
  declarationMap: true,
  sourceMap: true,
  removeComments: false,
  // Source maps point into the shipped `src/`.
  sourceRoot: undefined,
  inlineSources: false
}

rmSync(join(cwd, "dist"), { recursive: true, force: true })
// The licence ships in every tarball (npm packs a LICENSE file found at the package root).
copyFileSync(join(cwd, "..", "..", "LICENSE"), join(cwd, "LICENSE"))

const program = ts.createProgram({ rootNames: parsed.fileNames, options })

/** Is this node evaluated when the module loads (not inside a function, method or accessor)? */
const atLoadTime = (node) => {
  for (let n = node.parent; n !== undefined; n = n.parent) {
    if (
      ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n) || ts.isPropertyDeclaration(n) && !hasStatic(n)
    ) return false
  }
  return true
}
const hasStatic = (n) => (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)

const annotatePure = (context) => (sourceFile) => {
  const visit = (node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) {
      if (atLoadTime(node) && insideDeclaration(node)) {
        ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, "#__PURE__", false)
      }
    }
    return ts.visitEachChild(node, visit, context)
  }
  return ts.visitEachChild(sourceFile, visit, context)
}

/**
 * Only values that are declared (a `const` initialiser, a class's `extends` clause, an
 * `export default` expression) are marked: a top-level expression statement is run for what
 * it does and stays as it is.
 */
const insideDeclaration = (node) => {
  for (let n = node.parent; n !== undefined && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isVariableDeclaration(n) || ts.isHeritageClause(n) || ts.isExportAssignment(n)) return true
    if (ts.isPropertyDeclaration(n)) return true
    if (ts.isExpressionStatement(n)) return false
  }
  return false
}

const emitted = program.emit(undefined, undefined, undefined, false, { before: [annotatePure] })
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]
if (diagnostics.length > 0) fail(diagnostics)

for (const bin of bins) {
  const out = join(cwd, "dist", relative(join(cwd, "src"), resolve(cwd, bin)).replace(/\.ts$/, ".js"))
  if (!existsSync(out)) fail([], `--bin ${bin}: ${out} was not emitted`)
  const text = readFileSync(out, "utf8")
  if (!text.startsWith("#!")) writeFileSync(out, `#!/usr/bin/env node\n${text}`)
  chmodSync(out, 0o755)
}

const count = program.getSourceFiles().filter((f) => f.fileName.startsWith(join(cwd, "src"))).length
console.log(
  `build: ${relative(join(cwd, "..", ".."), cwd)}: ${count} source modules → dist/ (ESM + .d.ts, one file each)`
)

function fail(list, message) {
  if (list.length > 0) {
    console.error(
      ts.formatDiagnosticsWithColorAndContext(list, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => cwd,
        getNewLine: () => "\n"
      })
    )
  }
  if (message !== undefined) console.error(message)
  process.exit(1)
}
