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

const argv = process.argv.slice(2)
const io = Io.node()
const { version } = createRequire(import.meta.url)("../package.json") as { version: string }
process.exitCode = quickHelp(argv, io, version) ?? (await (await import("./Main.js")).run(argv, io))
