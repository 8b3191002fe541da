/**
 * Reading the entries of a snapshot quickly: each command by the journal's own reader (the
 * rules of the `Command` schema, checked field by field, see `read.ts`), the postings, seq and
 * hashes by quick checks; an entry that fails them is decoded by the `Entry` schema, the
 * reference, which names every problem. The entries read are fresh copies.
 */
import { CivilDate, Issue } from "@gongzhi/core"
import * as Entry from "../Entry.js"
import { isId } from "./fields.js"
import { readCommand, Refused } from "./read.js"

export interface ReadEntries {
  readonly entries: Array<Entry.Entry>
  readonly issues: Array<Issue.DomainIssue>
}

const isInt = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n)

const readPostings = (input: unknown): Array<Entry.Posting> | undefined => {
  if (!Array.isArray(input)) return undefined
  const out: Array<Entry.Posting> = []
  for (const p of input) {
    if (typeof p !== "object" || p === null) return undefined
    const account = (p as Record<string, unknown>)["account"]
    const amount = (p as Record<string, unknown>)["amount"]
    if (!isId(account) || !isInt(amount)) return undefined
    out.push({ account, amount })
  }
  return out
}

export const readEntries = (input: unknown, path: Issue.Path): ReadEntries => {
  const entries: Array<Entry.Entry> = []
  const issues: Array<Issue.DomainIssue> = []
  if (!Array.isArray(input)) {
    const decoded = Entry.decodeAll(input)
    if (decoded._tag === "Failure") { for (const i of decoded.failure.issues) issues.push(Issue.prefixPath(path)(i)) }
    return { entries, issues }
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
  for (let i = 0; i < input.length; i++) {
    const e: unknown = input[i]
    let entry: Entry.Entry | undefined
    if (typeof e === "object" && e !== null) {
      const r = e as Record<string, unknown>
      const seq = r["seq"]
      const prevHash = r["prevHash"]
      const hash = r["hash"]
      const command = readCommand(r["command"], isDate)
      const postings = readPostings(r["postings"])
      if (
        isInt(seq) && seq >= 0 && typeof prevHash === "string" && typeof hash === "string" &&
        !(command instanceof Refused) && postings !== undefined
      ) entry = { seq, command, postings, prevHash, hash }
    }
    if (entry === undefined) {
      // the schema is the reference: it names every problem (and decides, should the quick checks be stricter)
      const decoded = Entry.decode(e)
      if (decoded._tag === "Failure") {
        for (const issue of decoded.failure.issues) issues.push(Issue.prefixPath([...path, i])(issue))
        continue
      }
      entry = decoded.success
    }
    entries.push(entry)
  }
  return { entries, issues }
}
