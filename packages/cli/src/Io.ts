/**
 * What the command touches outside itself: its output streams, files and environment.
 * The real one uses Node; tests pass their own.
 *
 * @since 0.1.0
 */
import { createReadStream } from "node:fs"
import { mkdir, open, readdir, readFile, stat, writeFile } from "node:fs/promises"
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
  /**
   * Reads a file as chunks of bytes, with its size, so that a large input is never held whole.
   * Optional: without it, {@link readChunks} reads the file with `readFile` as one chunk.
   */
  readonly readChunks?: ((path: string) => Promise<Chunks>) | undefined
}

/**
 * A file read in chunks: its size in bytes and the chunks, in order.
 *
 * @example
 * ```ts
 * import type { Io } from "@gongzhi/cli"
 *
 * const one: Io.Chunks = { size: 2, chunks: (async function*() { yield new Uint8Array([104, 105]) })() }
 * console.log(one.size) // 2
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Chunks {
  readonly size: number
  readonly chunks: AsyncIterable<Uint8Array>
}

/**
 * Reads a file in chunks through the Io: streamed when it has `readChunks` (the Node one reads
 * 1 MB at a time), otherwise read whole with `readFile` and given as one chunk. A file that
 * cannot be read fails as `readFile` does (`ENOENT`, …).
 *
 * @example
 * ```ts
 * import { Io } from "@gongzhi/cli"
 *
 * const read = await Io.readChunks(Io.memory({ "a.txt": "共治" }), "a.txt")
 * let bytes = 0
 * for await (const chunk of read.chunks) bytes += chunk.length
 * console.log(read.size, bytes) // 6 6
 * ```
 *
 * @category input
 * @since 0.2.0
 */
export const readChunks = async (io: Io, path: string): Promise<Chunks> => {
  if (io.readChunks !== undefined) return io.readChunks(path)
  const bytes = await io.readFile(path)
  return {
    size: bytes.length,
    chunks: (async function*() {
      yield bytes
    })()
  }
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
  readChunks: async (path) => {
    const info = await stat(path)
    if (info.isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), {
        code: "EISDIR",
        path
      })
    }
    return { size: info.size, chunks: createReadStream(path, { highWaterMark: 1 << 20 }) }
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
