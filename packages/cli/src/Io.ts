/**
 * What the command touches outside itself: its output streams, files and environment.
 * The real one uses Node; tests pass their own.
 *
 * @since 0.1.0
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import type * as Progress from "./Progress.js"

/**
 * The outside world of one run of the command.
 *
 * @example
 * ```ts
 * import type { Io } from "@gongzhi/cli"
 *
 * const quiet = (io: Io.Io) => io.env["GONGZHI_QUIET"] === "1"
 * console.log(typeof quiet)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Io {
  readonly stdout: Progress.Sink
  readonly stderr: Progress.Sink
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly readFile: (path: string) => Promise<Uint8Array>
  /** The names of the files in a folder, sorted. */
  readonly readDir: (path: string) => Promise<ReadonlyArray<string>>
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>
}

/**
 * The process's own streams, files and environment.
 *
 * @example
 * ```ts
 * import { Io } from "@gongzhi/cli"
 *
 * const io = Io.node()
 * console.log(typeof io.readFile)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const node = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  readDir: async (path) =>
    (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort(),
  writeFile: async (path, data) => {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, data)
  }
})

/**
 * An in-memory outside world for tests and embedding: files in a map, output collected.
 *
 * @example
 * ```ts
 * import { Io } from "@gongzhi/cli"
 *
 * const io = Io.memory({ "scheme.json": "{}" })
 * io.stdout.write("hello")
 * console.log(io.output()) // "hello"
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const memory = (
  files: Record<string, string | Uint8Array> = {},
  options?: { readonly isTTY?: boolean; readonly env?: Record<string, string> }
): Io & {
  readonly files: Map<string, string | Uint8Array>
  readonly output: () => string
  readonly errors: () => string
} => {
  const store = new Map(Object.entries(files))
  let out = ""
  let err = ""
  const encoder = new TextEncoder()
  return {
    files: store,
    output: () => out,
    errors: () => err,
    stdout: { isTTY: options?.isTTY ?? false, write: (text: string) => (out += text) },
    stderr: { isTTY: options?.isTTY ?? false, write: (text: string) => (err += text) },
    env: options?.env ?? {},
    cwd: "/",
    readFile: async (path) => {
      const found = store.get(path)
      if (found === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: "ENOENT" })
      }
      return typeof found === "string" ? encoder.encode(found) : found
    },
    readDir: async (path) => {
      const prefix = path.endsWith("/") ? path : `${path}/`
      const names = [...store.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes("/"))
      if (names.length === 0) {
        throw Object.assign(new Error(`ENOENT: no such directory, scandir '${path}'`), { code: "ENOENT" })
      }
      return names.map((k) => k.slice(prefix.length)).sort()
    },
    writeFile: async (path, data) => {
      store.set(path, data)
    }
  }
}
