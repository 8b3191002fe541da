/**
 * Output files written in pieces (issue 16): `org render -o` streams its text to the file through
 * `Io.writeChunks` (the Node one with backpressure), and a file that cannot be written (`EISDIR`,
 * `ENOSPC`, …) is one line on standard error with exit code 2, never a stack trace.
 */
import fc from "fast-check"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Io, Main } from "../src/index.js"
import * as Json from "../src/internal/json.js"
import { chain as chainRows, nesting } from "./chains.js"

const chain = (n: number) => JSON.stringify(chainRows(n))

/** A memory Io whose writeChunks records how it was called and waits a tick for every chunk. */
const streaming = (files: Record<string, string>) => {
  const io = Io.memory(files)
  const calls: Array<{ path: string; array: boolean; sizes: Array<number>; text: string }> = []
  const writeChunks = async (path: string, chunks: Iterable<string | Uint8Array>) => {
    const call = { path, array: Array.isArray(chunks), sizes: [] as Array<number>, text: "" }
    calls.push(call)
    for (const chunk of chunks) {
      const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)
      call.sizes.push(text.length)
      call.text += text
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    io.files.set(path, call.text)
  }
  return { io: { ...io, writeChunks } as Io.Io, calls, memory: io }
}

const files = { "rows.json": chain(20_000), "policy.json": JSON.stringify(nesting) }

describe("org render -o", () => {
  for (const format of ["json", "mermaid", "dot"]) {
    it(`streams ${format} to the file in pieces, the same text as standard output`, async () => {
      const s = streaming(files)
      const argv = ["org", "render", "rows.json", "--policy", "policy.json", "--format", format]
      expect(await Main.run([...argv, "-o", "out"], s.io)).toBe(0)
      expect(s.calls.length).toBe(1)
      const [call] = s.calls
      // asked for one piece at a time (an iterable, not an array), none much over 64 KB
      expect(call!.array).toBe(false)
      expect(call!.sizes.length).toBeGreaterThan(5)
      expect(Math.max(...call!.sizes)).toBeLessThan(70_000)
      const out = Io.memory(files)
      expect(await Main.run(argv, out)).toBe(0)
      expect(call!.text).toBe(out.output())
    })
  }
})

describe("Json.chunks", () => {
  it("gives the text of JSON.stringify(value, null, 2) and the suffix, in pieces", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom("", "\n"), (value, suffix) => {
      expect([...Json.chunks(value, 2, suffix)].join("")).toBe((JSON.stringify(value, null, 2) ?? "") + suffix)
    }))
    expect([...Json.chunks(undefined, 2, "\n")]).toEqual(["\n"])
  })
})

describe("Io.pieces", () => {
  it("cuts a text into pieces that join back to it, never inside a surrogate pair", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), fc.integer({ min: 1, max: 5 }), (text, size) => {
      const parts = [...Io.pieces(text, size)]
      expect(parts.join("")).toBe(text)
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(size + 1)
        expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
      }
    }))
    expect([...Io.pieces("")]).toEqual([])
  })
})

describe("Io.writeChunks", () => {
  it("joins the pieces for an Io without writeChunks (strings stay text, bytes become bytes)", async () => {
    const io = Io.memory()
    await Io.writeChunks(io, "a.txt", ["共", "治"])
    expect(io.files.get("a.txt")).toBe("共治")
    await Io.writeChunks(io, "b.bin", ["共", new TextEncoder().encode("治")])
    expect(new TextDecoder().decode(io.files.get("b.bin") as Uint8Array)).toBe("共治")
  })

  it("writes a file piece by piece on Node, making its folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongzhi-out-"))
    const path = join(dir, "sub", "out.txt")
    let asked = 0
    function* parts() {
      for (let i = 0; i < 100; i++) {
        asked++
        yield `${i}\n`
      }
    }
    await Io.writeChunks(Io.node(), path, parts())
    expect(asked).toBe(100)
    expect(readFileSync(path, "utf8").split("\n").length).toBe(101)
  })
})

describe("Io.readChunks", () => {
  it("refuses a folder on Node and reads a memory file as one chunk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongzhi-in-"))
    await expect(Io.readChunks(Io.node(), dir)).rejects.toMatchObject({ code: "EISDIR" })
    await expect(Io.readChunks(Io.node(), join(dir, "nope"))).rejects.toMatchObject({ code: "ENOENT" })
    const read = await Io.readChunks(Io.memory({ "a.txt": "ab" }), "a.txt")
    const chunks: Array<Uint8Array> = []
    for await (const chunk of read.chunks) chunks.push(chunk)
    expect([read.size, chunks.length]).toEqual([2, 1])
  })

  it("lists a memory folder's files, and refuses one with none", async () => {
    const io = Io.memory({ "d/a.json": "{}", "d/b.json": "{}", "d/e/c.json": "{}" })
    expect(await io.readDir("d")).toEqual(["a.json", "b.json"])
    await expect(io.readDir("x")).rejects.toMatchObject({ code: "ENOENT" })
  })
})

describe("an output that cannot be written", () => {
  const run = async (argv: ReadonlyArray<string>) => {
    const mem = Io.memory()
    const io: Io.Io = { ...Io.node(), stdout: mem.stdout, stderr: mem.stderr }
    const code = await Main.run(argv, io)
    return { code, out: mem.output(), err: mem.errors() }
  }
  const dir = mkdtempSync(join(tmpdir(), "gongzhi-unwritable-"))
  const rows = join(dir, "rows.json")
  it("is one line with exit code 2: a folder, a file in the way, a full disk", async () => {
    await Io.node().writeFile(rows, chain(3))
    await Io.node().writeFile(join(dir, "policy.json"), JSON.stringify(nesting))
    const policy = ["--policy", join(dir, "policy.json")]
    const folder = await run(["org", "render", rows, ...policy, "-o", dir])
    expect(folder).toMatchObject({ code: 2, out: "" })
    expect(folder.err).toBe(`gongzhi: 无法写入输出 ${dir}（EISDIR）：这是一个文件夹\n`)
    const json = await run(["--lang", "en", "org", "render", rows, ...policy, "--format", "json", "-o", dir])
    expect(json.err).toBe(`gongzhi: cannot write the output ${dir} (EISDIR): it is a folder\n`)
    const inTheWay = await run(["--lang", "en", "org", "build", rows, ...policy, "-o", join(rows, "x.json")])
    expect(inTheWay.code).toBe(2)
    expect(inTheWay.err).toMatch(
      /^gongzhi: cannot write the output .*rows\.json \((EEXIST|ENOTDIR)\): a part of the path/
    )
    if (existsSync("/dev/full")) {
      const full = await run(["--lang", "en", "org", "render", rows, ...policy, "--format", "json", "-o", "/dev/full"])
      expect(full).toMatchObject({ code: 2, err: "gongzhi: cannot write the output (ENOSPC): the disk is full\n" })
    }
  })

  it("does not take other errors for an output that cannot be written", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", syscall: "connect" })
    const io: Io.Io = { ...Io.memory(files), writeFile: () => Promise.reject(refused) }
    await expect(Main.run(["org", "build", "rows.json", "--policy", "policy.json", "-o", "out.json"], io)).rejects
      .toBe(refused)
  })
})
