/**
 * The `gongzhi` executable: runs the shipped command on the process's arguments and exits
 * with its code (0 ok, 1 documents or inputs with errors, 2 wrong usage).
 *
 * `gongzhi`, `--help` and `--version` alone are answered before any domain package is loaded;
 * every command loads the full program (`Main`).
 */
import { createRequire } from "node:module"
import { quickHelp } from "./internal/program.js"
import * as Io from "./Io.js"

// Output that cannot be written is never a stack trace. A reader that went away (`gongzhi
// schema | head`) ends the command quietly, as Unix tools do; any other failure to write (a
// closed or full output) is said once on standard error, with exit code 2.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0)
  try {
    process.stderr.write(`gongzhi: cannot write the output (${error.code ?? "error"}): ${error.message}\n`)
  } finally {
    process.exit(2)
  }
})

const argv = process.argv.slice(2)
const io = Io.node()
const { version } = createRequire(import.meta.url)("../package.json") as { version: string }
process.exitCode = quickHelp(argv, io, version) ?? (await (await import("./Main.js")).run(argv, io))
