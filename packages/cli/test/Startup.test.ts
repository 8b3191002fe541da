import { describe, expect, it } from "vitest"
import { Io, Main } from "../src/index.js"
import { commands, quickHelp } from "../src/internal/program.js"

/** What the full program prints (and returns) for these arguments. */
const full = async (argv: ReadonlyArray<string>) => {
  const io = Io.memory()
  const code = await Main.run(argv, io)
  return { code, out: io.output(), err: io.errors() }
}

/** What the quick path of the executable prints (and returns) for them. */
const quick = (argv: ReadonlyArray<string>) => {
  const io = Io.memory()
  const code = quickHelp(argv, io, "0.0.0")
  return { code, out: io.output(), err: io.errors() }
}

describe("start-up", () => {
  describe("quickHelp", () => {
    for (
      const argv of [["--help"], ["-h"], ["--lang", "en", "--help"], ["--lang=en", "-q", "--help"], ["--lang", "zh",
        "--help"], ["--lang", "en", "--lang=zh", "-h"], ["-q", "--lang", "en"], ["-v"], ["--version"], [], ["-q"]]
    ) {
      it(`answers ${JSON.stringify(argv)} exactly as the full program does`, async () => {
        const q = quick(argv)
        expect(q.code).toBeDefined()
        expect(q).toEqual(await full(argv))
      })
    }

    for (
      const argv of [["validate", "x.json"], ["--lang", "en", "schema"], ["demo", "--help"], ["--nosuch"], ["help"]]
    ) {
      it(`leaves ${JSON.stringify(argv)} to the full program`, () => {
        expect(quick(argv).code).toBeUndefined()
      })
    }

    it("answers in Chinese by default and with --lang zh, in English with --lang en", () => {
      expect(quick(["--help"]).out).toMatch(/^用法： gongzhi/)
      expect(quick(["--lang", "zh", "--help"]).out).toContain("命令：\n  validate [options] <files...>")
      expect(quick(["--lang", "en", "--help"]).out).toContain("Commands:\n  validate [options] <files...>")
    })

    it("lists every top-level command of the full program, in its order", async () => {
      const { out } = await full(["--help"])
      const listed = [...out.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]).filter((name) => name !== "help")
      expect(commands.map((c) => c.term.split(" ")[0])).toEqual(listed)
    })
  })
})
