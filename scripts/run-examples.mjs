// Runs compiled examples in this process, one after another, and compares what each
// `console.log` with an output comment printed with the comment (scripts/example-output.mjs).
// Run with `node --enable-source-maps`, so that a call's place is its line in the `.ts` source.
//
//   node --enable-source-maps scripts/run-examples.mjs <list.json> <report.json>
// list.json: [{ "source": "/abs/x.ts", "compiled": "/abs/x.js", "name": "label" }]
import { readFileSync, writeFileSync } from "node:fs"
import { pathToFileURL } from "node:url"
import ts from "typescript"
import { matches, printed } from "./example-output.mjs"

const [listFile, reportFile] = process.argv.slice(2)
const list = JSON.parse(readFileSync(listFile, "utf8"))

/** The output comments of a source: line of the call → comment text. */
const outputComments = (file) => {
  const text = readFileSync(file, "utf8")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found = new Map()
  const visit = (node) => {
    if (
      ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) && node.expression.expression.text === "console" &&
      node.expression.name.text === "log"
    ) {
      const end = node.getEnd()
      const lineEnd = text.indexOf("\n", end)
      const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd)
      const m = /^\)*;?\s*\/\/\s?(.*)$/.exec(rest)
      if (m !== null) {
        const line = source.getLineAndCharacterOfPosition(node.expression.name.getStart()).line + 1
        found.set(line, m[1].trim())
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

// What the examples print is kept only for the lines with an output comment (the first 100
// prints of each), so an example that prints a lot costs nothing.
const realLog = console.log
let current = undefined
console.log = (...args) => {
  if (current === undefined) return realLog(...args)
  current.prints++
  if (current.comments.size === 0) return
  const frames = (new Error().stack ?? "").split("\n")
  for (const frame of frames) {
    const m = /\((.*\.ts):(\d+):\d+\)$/.exec(frame) ?? /at (.*\.ts):(\d+):\d+$/.exec(frame)
    if (m !== null && m[1].endsWith(current.sourceTail)) {
      const line = Number(m[2])
      if (!current.comments.has(line)) return
      const list = current.logs.get(line) ?? []
      if (list.length < 100) list.push(args)
      current.logs.set(line, list)
      return
    }
  }
}

const failures = []
let checked = 0
for (let index = 0; index < list.length; index++) {
  const example = list[index]
  if (process.env.GONGZHI_EXAMPLES_TRACE) process.stderr.write(`${example.name}\n`)
  const comments = outputComments(example.source)
  current = { sourceTail: example.source.split("/").slice(-2).join("/"), comments, logs: new Map(), prints: 0 }
  try {
    const run = import(pathToFileURL(example.compiled).href)
    let timer
    await Promise.race([
      run,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("did not finish within 60 s")), 60_000)
      })
    ]).finally(() => clearTimeout(timer))
  } catch (error) {
    failures.push({
      name: example.name,
      problem: `throws: ${error instanceof Error ? error.stack ?? error.message : String(error)}`
    })
    continue
  }
  for (const [line, comment] of comments) {
    checked++
    const here = current.logs.get(line) ?? []
    if (here.length === 0) {
      failures.push({
        name: example.name,
        line,
        problem: `line ${line} says it prints ${JSON.stringify(comment)} but printed nothing`
      })
      continue
    }
    for (const args of here) {
      if (!matches(comment, args)) {
        failures.push({
          name: example.name,
          line,
          problem: `line ${line} says it prints ${JSON.stringify(comment)} but printed ${JSON.stringify(printed(args))}`
        })
        break
      }
    }
  }
}
current = undefined
writeFileSync(reportFile, JSON.stringify({ examples: list.length, outputComments: checked, failures }, null, 2))
// Examples may leave timers or handles open; the report is written, so end here.
process.exit(0)
