/**
 * The `gongzhi` executable: runs the shipped command on the process's arguments and exits
 * with its code (0 ok, 1 documents or inputs with errors, 2 wrong usage).
 */
import * as Main from "./Main.js"

process.exitCode = await Main.run(process.argv.slice(2))
