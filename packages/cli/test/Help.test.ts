import { describe, expect, it } from "vitest"
import { Cli, Io, Main } from "../src/index.js"
import { langOf } from "../src/internal/program.js"

const help = async (argv: ReadonlyArray<string>) => {
  const io = Io.memory()
  const code = await Main.run(argv, io)
  return { code, out: io.output(), err: io.errors() }
}

/** The commands listed under a help's "Commands:" heading (in either language). */
const subcommands = (text: string): Array<string> => {
  const at = text.search(/^(Commands:|命令：)$/m)
  if (at < 0) return []
  const section = text.slice(at).split("\n\n")[0]!.split("\n").slice(1)
  return section.map((line) => /^ {2}(\S+)/.exec(line)?.[1]).filter((n): n is string => n !== undefined && n !== "help")
}

/** Every command path of the program, found from the help itself (so a new command is covered). */
const commandPaths = async (lang: "zh" | "en"): Promise<Array<Array<string>>> => {
  const paths: Array<Array<string>> = []
  const walk = async (path: Array<string>) => {
    paths.push(path)
    for (const name of subcommands((await help(["--lang", lang, ...path, "--help"])).out)) await walk([...path, name])
  }
  await walk([])
  return paths
}

/** The description column of every item line (options, arguments, commands) of a help text. */
const itemDescriptions = (text: string): Array<string> =>
  text.split("\n").flatMap((line) => {
    const m = /^ {2}(?!\$)\S.*?\s{2,}(\S.*)$/.exec(line)
    return m === null ? [] : [m[1]!]
  })

const han = /[\u4e00-\u9fff]/

describe("help", () => {
  describe("langOf", () => {
    it("reads the last --lang before --, Chinese by default", () => {
      expect(langOf([])).toBe("zh")
      expect(langOf(["--lang", "en", "ledger", "--help"])).toBe("en")
      expect(langOf(["ledger", "--lang=en", "--help"])).toBe("en")
      expect(langOf(["--lang", "en", "--lang", "zh"])).toBe("zh")
      expect(langOf(["--", "--lang", "en"])).toBe("zh")
      expect(langOf(["--lang", "fr"])).toBe("zh")
      expect(langOf(["--lang"])).toBe("zh")
    })
  })

  it("is in Chinese for every command with --lang zh (and by default)", async () => {
    const paths = await commandPaths("zh")
    expect(paths.length).toBeGreaterThan(15)
    for (const path of paths) {
      for (const argv of [["--lang", "zh", ...path, "--help"], [...path, "--help"]]) {
        const { code, out } = await help(argv)
        expect(code, argv.join(" ")).toBe(0)
        expect(out, argv.join(" ")).toMatch(/^用法：/)
        expect(out).not.toMatch(/^(Usage|Options|Arguments|Commands|Examples):/m)
        expect(out).not.toContain("display help for command")
        expect(out).not.toMatch(/\((default|choices):/)
        // every option, argument and command is described in Chinese
        const described = itemDescriptions(out)
        expect(described.length, argv.join(" ")).toBeGreaterThan(0)
        for (const text of described) expect(text, `${argv.join(" ")}: ${text}`).toMatch(han)
      }
    }
  })

  it("is in English for every command with --lang en, whatever the position of --lang", async () => {
    for (const path of await commandPaths("en")) {
      for (const argv of [["--lang", "en", ...path, "--help"], [...path, "--lang=en", "--help"]]) {
        const { code, out } = await help(argv)
        expect(code, argv.join(" ")).toBe(0)
        expect(out, argv.join(" ")).toMatch(/^Usage:/)
        expect(out).not.toMatch(/^(用法|选项|参数|命令|示例)：/m)
        expect(out).toContain("display help for command")
        for (const text of itemDescriptions(out)) expect(text, `${argv.join(" ")}: ${text}`).toMatch(/[a-z]{2}/)
      }
    }
  })

  it("lists the same commands and options in both languages", async () => {
    const zh = await commandPaths("zh")
    expect(await commandPaths("en")).toEqual(zh)
    for (const path of zh) {
      const flags = async (lang: string) =>
        [...(await help(["--lang", lang, ...path, "--help"])).out.matchAll(/^ {2}(-[^ ]+(?: [^ ]+)?)/gm)].map((m) =>
          m[1]
        )
      expect(await flags("zh")).toEqual(await flags("en"))
    }
  })

  it("notes choices and defaults in Chinese", async () => {
    const { out } = await help(["org", "render", "--help"])
    // (joined again where the help broke the line)
    expect(out.replace(/\n +/g, "")).toContain("（可选：\"mermaid\"、\"dot\"、\"svg\"、\"json\"；默认：\"mermaid\"）")
    expect((await help(["ledger", "notice", "--help"])).out).toContain("（默认：\"20\"）")
  })

  it("breaks Chinese lines between characters, within the width", async () => {
    const { out } = await help(["ledger", "open", "--help"])
    const widest = Math.max(
      ...out.split("\n").filter((l) => !l.startsWith("  $")).map((l) =>
        [...l].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0)
      )
    )
    expect(widest).toBeLessThanOrEqual(80)
    // a line never starts with closing punctuation
    expect(out).not.toMatch(/\n\s*[，。；：、）]/)
  })

  it("heads the examples in the chosen language", () => {
    expect(Cli.helpExamples(["gongzhi demo"], "zh")).toBe("\n示例：\n  $ gongzhi demo\n")
    expect(Cli.helpExamples(["gongzhi demo"])).toBe("\nExamples:\n  $ gongzhi demo\n")
  })
})
