/**
 * Commander's own usage errors (`error: unknown option '--x'`, `error: missing required
 * argument 'rule'`, …) in the language of the run: commander writes them in English, and a
 * Chinese run prints them in Chinese, with the same names, values and suggestions. A message
 * this table does not know is printed as commander wrote it.
 */
import type { Label } from "@gongzhi/core"

type Rewrite = readonly [pattern: RegExp, zh: (...groups: ReadonlyArray<string>) => string]

/** Where a conflicting value came from (commander's `option '…'` or `environment variable '…'`). */
const source = (text: string): string =>
  text.replace(/^option '/, "选项 '").replace(/^environment variable '/, "环境变量 '")

/** Commander 14's messages (lib/command.js, option.js, argument.js), first line of the error. */
const messages: ReadonlyArray<Rewrite> = [
  [/^error: unknown option '(.*)'$/, (flag) => `错误：未知选项 '${flag}'`],
  [/^error: unknown command '(.*)'$/, (name) => `错误：未知命令 '${name}'`],
  [/^error: missing required argument '(.*)'$/, (name) => `错误：缺少必需的参数 '${name}'`],
  [/^error: option '(.*)' argument missing$/, (flags) => `错误：选项 '${flags}' 缺少取值`],
  [/^error: required option '(.*)' not specified$/, (flags) => `错误：未给出必需的选项 '${flags}'`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (name, expected, got) =>
      `错误：${name === undefined ? "" : `命令 '${name}' 的`}参数过多：应有 ${expected} 个，实际有 ${got} 个`
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (flags, value, choices) => `错误：选项 '${flags}' 的取值 '${value}' 无效；可选：${choices.split(", ").join("、")}`
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\.(?: (.*))?$/,
    (flags, value, reason) => `错误：选项 '${flags}' 的取值 '${value}' 无效${reason === undefined ? "" : `：${reason}`}`
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/,
    (value, name, choices) => `错误：参数 '${name}' 的取值 '${value}' 无效；可选：${choices.split(", ").join("、")}`
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\.(?: (.*))?$/,
    (value, name, reason) => `错误：参数 '${name}' 的取值 '${value}' 无效${reason === undefined ? "" : `：${reason}`}`
  ],
  [/^error: (.*) cannot be used with (.*)$/, (one, other) => `错误：${source(one)} 不能与${source(other)} 同时使用`]
]

/** Commander's "did you mean" line. */
const suggestions: ReadonlyArray<Rewrite> = [
  [/^\(Did you mean one of (.*)\?\)$/, (names) => `（是否要输入以下之一：${names.split(", ").join("、")}？）`],
  [/^\(Did you mean (.*)\?\)$/, (name) => `（是否要输入 ${name}？）`]
]

const rewrite = (line: string, table: ReadonlyArray<Rewrite>): string => {
  for (const [pattern, zh] of table) {
    const found = pattern.exec(line)
    if (found !== null) return zh(...found.slice(1))
  }
  return line
}

/**
 * A usage error of commander's as the run's language has it: Chinese for `zh` (the message line
 * and its "did you mean" line), unchanged for `en` and for lines it does not know.
 */
export const commanderError = (text: string, lang: Label.Lang): string => {
  if (lang === "en") return text
  const lines = text.split("\n")
  return lines.map((line, i) => rewrite(line, i === 0 ? messages : suggestions)).join("\n")
}
