import { Command, Help, Option } from "commander"
import type * as Io from "../Io.js"

/** The "Examples:" part of a command's help (`Cli.helpExamples`). */
export const helpExamples = (lines: ReadonlyArray<string>): string =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`

/**
 * The top-level commands as the program's help lists them, in order. The help of `gongzhi`
 * alone is printed from this table without loading any command (see {@link quickHelp}); a test
 * checks that it is the same text as the full program prints, so the two cannot drift.
 */
export const commands: ReadonlyArray<{ readonly term: string; readonly description: string }> = [
  {
    term: "validate [options] <files...>",
    description: "validate documents of any kind (detected by their `kind` field); exit code 1 if any has errors"
  },
  { term: "schema [kind]", description: "print the JSON Schema (draft 2020-12) of a document kind, for form builders" },
  {
    term: "org",
    description: "organisation rosters (组织花名册): build, validate against the county's policy, render"
  },
  {
    term: "ledger",
    description:
      "points journals (积分流水, .jsonl or a store): open, earn, redeem, replay, verify the hash chain, balances, statements, leaderboards, public notices"
  },
  {
    term: "score [options] <plan> [inputs]",
    description:
      "score and rank subjects with an assessment plan; inputs from JSON, CSV or Excel (Chinese headers welcome)"
  },
  {
    term: "tally [options] <rule> <electorate> <ballots>",
    description:
      "count a vote exactly by its decision rule (民法典 Art. 278, branch meetings, elections, residents' meetings); exit code 0 if it passed"
  },
  {
    term: "report [options] <dir>",
    description:
      "write the county report from a folder of documents: report.html (self-contained, charts inline), report.md, report.xlsx and CSV tables"
  },
  {
    term: "demo [options]",
    description: "run the seeds end to end on generated, deterministic data and write the report folder"
  }
]

/** The `gongzhi` program itself: its description, version, global options and help text. */
export const makeProgram = (io: Io.Io, version: string): Command =>
  new Command("gongzhi")
    .description(
      "gongzhi (共治): community grand-party-committee governance — documents, org charts, points, co-building, assessment"
    )
    .version(version, "-v, --version")
    .addOption(new Option("--lang <lang>", "language of messages").choices(["zh", "en"]).default("zh"))
    .option("-q, --quiet", "print only what was asked for and errors")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text)
    })
    .addHelpText(
      "after",
      helpExamples(["gongzhi demo", "gongzhi validate scheme.json", "gongzhi schema assessment-plan",
        "gongzhi <command> --help"])
    )

const globalFlags = new Set(["-h", "--help", "-v", "--version", "-q", "--quiet"])

/**
 * `gongzhi`, `gongzhi --help` and `gongzhi --version` (with global options only) are answered
 * from {@link commands} alone, so they start in the time of commander and nothing else; any
 * argument that names a command returns `undefined` and the full program runs.
 */
export const quickHelp = (argv: ReadonlyArray<string>, io: Io.Io, version: string): number | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === "--lang") {
      i++
      continue
    }
    if (arg.startsWith("--lang=") || globalFlags.has(arg)) continue
    return undefined
  }
  const terms = new Map<string, string>()
  const program = makeProgram(io, version)
  for (const { description, term } of commands) {
    const name = term.split(" ")[0]!
    terms.set(name, term)
    program.command(name).description(description)
  }
  const help = new Help()
  program.configureHelp({ subcommandTerm: (command) => terms.get(command.name()) ?? help.subcommandTerm(command) })
  try {
    program.parse([...argv], { from: "user" })
  } catch (error) {
    const code = (error as { exitCode?: unknown }).exitCode
    return typeof code === "number" ? (code === 0 ? 0 : 2) : 2
  }
  // Commander ends every parse without a command by throwing (help or usage); should it not,
  // the full program decides.
  return undefined
}
