import { describe, expect, it } from "vitest"
import { Io, Main } from "../src/index.js"
import { commanderError } from "../src/internal/usage.js"

const run = async (argv: ReadonlyArray<string>) => {
  const io = Io.memory()
  const code = await Main.run(argv, io)
  return { code, err: io.errors() }
}

/** Every kind of usage error commander raises for gongzhi, with the English it writes. */
const mistakes: ReadonlyArray<readonly [argv: ReadonlyArray<string>, en: string, zh: string]> = [
  [["valdate"], "error: unknown command 'valdate'\n(Did you mean validate?)",
    "错误：未知命令 'valdate'\n（是否要输入 validate？）"],
  [["validate", "--bogus", "a.json"], "error: unknown option '--bogus'", "错误：未知选项 '--bogus'"],
  [["tally", "--jsno", "a", "b", "c"], "(Did you mean --json?)", "（是否要输入 --json？）"],
  [["tally"], "error: missing required argument 'rule'", "错误：缺少必需的参数 'rule'"],
  [
    ["tally", "a", "b", "c", "d"],
    "error: too many arguments for 'tally'. Expected 3 arguments but got 4.",
    "错误：命令 'tally' 的参数过多：应有 3 个，实际有 4 个"
  ],
  [
    ["org", "render", "--format", "nope", "a.json"],
    "error: option '--format <format>' argument 'nope' is invalid. Allowed choices are mermaid, dot, svg, json.",
    "错误：选项 '--format <format>' 的取值 'nope' 无效；可选：mermaid、dot、svg、json"
  ],
  [["tally", "a", "b", "c", "--matter"], "error: option '--matter <id>' argument missing",
    "错误：选项 '--matter <id>' 缺少取值"]
]

describe("commander's usage errors", () => {
  it.each(mistakes)("are in the run's language: %j", async (argv, en, zh) => {
    const english = await run(["--lang", "en", ...argv])
    expect(english.code).toBe(2)
    expect(english.err).toContain(en)
    const chinese = await run(["--lang", "zh", ...argv])
    expect(chinese.code).toBe(2)
    expect(chinese.err).toContain(zh)
    // Chinese by default, and no English line of commander's left
    const byDefault = await run(argv)
    expect(byDefault.err).toContain(zh)
    expect(byDefault.err).not.toMatch(/^error:|Did you mean/m)
  })

  it("names an invalid --lang in Chinese, the language messages have when none is chosen", async () => {
    const { code, err } = await run(["--lang", "xx", "validate", "a.json"])
    expect(code).toBe(2)
    expect(err).toContain("错误：选项 '--lang <lang>' 的取值 'xx' 无效；可选：zh、en")
  })

  it("translates every message of commander 14 it knows, and leaves one it does not know as it is", () => {
    expect(commanderError("error: required option '--plan <file>' not specified\n", "zh"))
      .toBe("错误：未给出必需的选项 '--plan <file>'\n")
    expect(commanderError("error: too many arguments. Expected 1 argument but got 2.", "zh"))
      .toBe("错误：参数过多：应有 1 个，实际有 2 个")
    expect(commanderError("error: option '--n <n>' argument 'x' is invalid. Not a number.", "zh"))
      .toBe("错误：选项 '--n <n>' 的取值 'x' 无效：Not a number.")
    expect(
      commanderError(
        "error: command-argument value 'x' is invalid for argument 'kind'. Allowed choices are a, b.",
        "zh"
      )
    )
      .toBe("错误：参数 'kind' 的取值 'x' 无效；可选：a、b")
    expect(commanderError("error: option '--a' cannot be used with option '--b'", "zh"))
      .toBe("错误：选项 '--a' 不能与选项 '--b' 同时使用")
    expect(commanderError("(Did you mean one of --json, --jsonl?)", "zh")).toBe(
      "(Did you mean one of --json, --jsonl?)"
    )
    expect(commanderError("error: unknown option '--x'\n(Did you mean one of --json, --jsonl?)", "zh"))
      .toBe("错误：未知选项 '--x'\n（是否要输入以下之一：--json、--jsonl？）")
    expect(commanderError("error: something new", "zh")).toBe("error: something new")
    expect(commanderError("error: unknown option '--x'", "en")).toBe("error: unknown option '--x'")
  })
})
