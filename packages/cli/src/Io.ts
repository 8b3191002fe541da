/**
 * What the command touches outside itself: its output streams, files and environment.
 * The real one uses Node; tests pass their own.
 *
 * @since 0.1.0
 */
import { mkdir, open, readdir, readFile, writeFile } from "node:fs/promises"
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
  /**
   * Writes a file from chunks asked for one at a time, each written before the next is asked
   * for (so a large output is never held whole). Optional: without it, {@link writeChunks}
   * joins the chunks and calls `writeFile`.
   */
  readonly writeChunks?: ((path: string, chunks: Iterable<string | Uint8Array>) => Promise<void>) | undefined
}

/**
 * Writes a file from chunks through the Io: streamed when it has `writeChunks` (the Node one
 * does, with backpressure: a chunk is asked for only when the one before it is written),
 * otherwise joined and written with `writeFile`. A failure to write (`EISDIR`, `ENOSPC`, …) is the
 * Io's error, as for `writeFile`.
 *
 * @example
 * ```ts
 * import { Io } from "@gongzhi/cli"
 *
 * const io = Io.memory()
 * await Io.writeChunks(io, "out.txt", ["共", "治\n"])
 * console.log(io.files.get("out.txt")) // "共治\n"
 * ```
 *
 * @category output
 * @since 0.2.0
 */
export const writeChunks = (io: Io, path: string, chunks: Iterable<string | Uint8Array>): Promise<void> => {
  if (io.writeChunks !== undefined) return io.writeChunks(path, chunks)
  const parts = [...chunks]
  if (parts.every((part) => typeof part === "string")) return io.writeFile(path, parts.join(""))
  const encoder = new TextEncoder()
  const bytes = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part))
  const all = new Uint8Array(bytes.reduce((n, part) => n + part.length, 0))
  let offset = 0
  for (const part of bytes) {
    all.set(part, offset)
    offset += part.length
  }
  return io.writeFile(path, all)
}

/**
 * The pieces of a long text, about 64 KB each, for {@link writeChunks}: a long output written
 * piece by piece is never converted to bytes whole.
 *
 * @example
 * ```ts
 * import { Io } from "@gongzhi/cli"
 *
 * console.log([...Io.pieces("abc", 2)]) // ["ab", "c"]
 * ```
 *
 * @category output
 * @since 0.2.0
 */
export function* pieces(text: string, size = 1 << 16): Generator<string, void, undefined> {
  let from = 0
  while (from < text.length) {
    let to = Math.min(text.length, from + Math.max(1, size))
    // never split a surrogate pair between two pieces
    const last = text.charCodeAt(to - 1)
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++
    yield text.slice(from, to)
    from = to
  }
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
  },
  writeChunks: async (path, chunks) => {
    await mkdir(dirname(path), { recursive: true })
    const file = await open(path, "w")
    try {
      // each chunk written in full (writeFile on a handle writes from its position) before the next is made
      for (const chunk of chunks) await file.writeFile(chunk)
    } finally {
      await file.close()
    }
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
