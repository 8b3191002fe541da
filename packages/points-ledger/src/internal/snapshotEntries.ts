/**
 * Reading the entries of a snapshot from its columns: each command by the journal's own reader
 * (the rules of the `Command` schema, checked field by field, see `read.ts`; a command that
 * fails them is decoded by the schema, which names every problem), the postings from their
 * counts and (account index, amount) pairs, each entry's previous hash the hash before it.
 * The entries made are fresh objects; the postings share the accounts' id strings.
 */
import { CivilDate, Issue } from "@gongzhi/core"
import * as Command from "../Command.js"
import type * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import { readCommand, Refused } from "./read.js"

export interface ReadEntries {
  readonly entries: Array<Entry.Entry>
  readonly issues: Array<Issue.DomainIssue>
}

export interface Columns {
  readonly commands: unknown
  readonly hashes: ReadonlyArray<string>
  readonly postings: ReadonlyArray<number>
}

export const readEntries = (
  columns: Columns,
  accounts: ReadonlyArray<{ readonly id: string }>,
  genesis: string,
  path: Issue.Path
): ReadEntries => {
  const entries: Array<Entry.Entry> = []
  const issues: Array<Issue.DomainIssue> = []
  const wrong = (at: Issue.Path, reason: string, reasonZh: string) =>
    issues.push(messages.make("LEDGER_SNAPSHOT_INCONSISTENT", {
      path: [...path, ...at],
      labels: { reason: { zh: reasonZh, en: reason } }
    }))
  const { commands, hashes, postings } = columns
  if (!Array.isArray(commands)) {
    const decoded = Command.decode(commands)
    if (decoded._tag === "Failure") {
      for (const i of decoded.failure.issues) issues.push(Issue.prefixPath([...path, "commands"])(i))
    } else wrong(["commands"], "the commands are not a list", "指令不是列表")
    return { entries, issues }
  }
  if (commands.length !== hashes.length) {
    wrong(
      ["hashes"],
      `${commands.length} commands and ${hashes.length} hashes`,
      `指令 ${commands.length} 条，哈希 ${hashes.length} 个`
    )
  }
  const dates = new Map<unknown, boolean>()
  const isDate = (on: unknown): boolean => {
    let good = dates.get(on)
    if (good === undefined) {
      good = typeof on === "string" && CivilDate.make(on)._tag === "Success"
      dates.set(on, good)
    }
    return good
  }
  let k = 0
  let prev = genesis
  let postingsOk = true
  for (let i = 0; i < commands.length; i++) {
    const read = readCommand(commands[i], isDate)
    let command: Command.Command | undefined
    if (read instanceof Refused) {
      // the schema is the reference: it names every problem (and decides, should the quick rules be stricter)
      const decoded = Command.decode(commands[i])
      if (decoded._tag === "Failure") {
        for (const issue of decoded.failure.issues) issues.push(Issue.prefixPath([...path, "commands", i])(issue))
      } else command = decoded.success
    } else command = read
    const list: Array<Entry.Posting> = []
    const count = postings[k]
    if (postingsOk && (count === undefined || count < 0 || k + 1 + 2 * count > postings.length)) {
      wrong(["postings", k], `the postings of entry ${i} run past the end`, `第 ${i} 笔交易的分录超出范围`)
      postingsOk = false
    }
    if (postingsOk) {
      for (let j = 0; j < count!; j++) {
        const account = accounts[postings[k + 1 + 2 * j]!]
        if (account === undefined) {
          wrong(
            ["postings", k + 1 + 2 * j],
            `a posting of entry ${i} names no account`,
            `第 ${i} 笔交易的分录账户不存在`
          )
          postingsOk = false
          break
        }
        list.push({ account: account.id, amount: postings[k + 2 + 2 * j]! })
      }
      k += 1 + 2 * count!
    }
    const hash = hashes[i] ?? ""
    if (command !== undefined) entries.push({ seq: i, command, postings: list, prevHash: prev, hash })
    prev = hash
  }
  if (postingsOk && k !== postings.length) {
    wrong(["postings", k], "there are postings after the last entry", "最后一笔交易之后还有分录")
  }
  return { entries, issues }
}
