/**
 * The hashed text of an entry (hash version 2) written as plainly as possible: the reference
 * that `Entry.hashInput` and the UTF-8 writer of the verification (`src/internal/hashText.ts`)
 * are compared with, byte for byte (test/canonical.test.ts). It is the text of the package
 * before the writer came (Entry.ts's `commandText` / `hashInput`), with `quote` read as what it
 * stands for (`JSON.stringify`).
 */
import type { Command, Entry } from "@gongzhi/points-ledger"

/** A value's text: `-` when missing, a number as `String` does, a list as `[..]` of JSON texts, anything else as JSON. */
const valueText = (value: unknown): string => {
  if (value === undefined) return "-"
  if (typeof value === "number") return String(value)
  if (Array.isArray(value)) {
    let out = "["
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + JSON.stringify(value[i])
    return `${out}]`
  }
  return JSON.stringify(value) ?? "-"
}

const holderText = (value: unknown): string => {
  const h = (value ?? {}) as Record<string, unknown>
  return `{${valueText(h["name"])}|${valueText(h["roles"])}|${valueText(h["member"])}|${valueText(h["grid"])}}`
}

type Fields = (c: Record<string, unknown>) => ReadonlyArray<unknown>

/** The fields of each kind after the head, in their fixed order (the holder of an opening is written apart). */
const kindFields: Record<string, Fields> = {
  Open: (c) => [c["account"]],
  Earn: (c) => [c["account"], c["activity"], c["minutes"], c["approvedBy"], c["note"]],
  Redeem: (c) => [c["account"], c["item"], c["quantity"]],
  Hold: (c) => [c["account"], c["item"], c["quantity"]],
  Release: (c) => [c["hold"]],
  Settle: (c) => [c["hold"]],
  Adjust: (c) => [c["account"], c["amount"], c["reason"], c["approvedBy"]],
  Reverse: (c) => [c["target"], c["reason"]],
  Transfer: (c) => [c["from"], c["to"], c["amount"]],
  Donate: (c) => [c["from"], c["amount"]],
  Expire: () => []
}

/** The reference of `Entry.commandText`. */
export const commandText = (command: Command.Command, withExpectedSeq: boolean): string => {
  const c = command as unknown as Record<string, unknown>
  const expectedSeq = withExpectedSeq && c["expectedSeq"] !== undefined ? String(c["expectedSeq"]) : "-"
  let text = `${c["_tag"]}|${valueText(c["key"])}|${valueText(c["on"])}|${expectedSeq}`
  const tag = c["_tag"]
  if (!Object.hasOwn(kindFields, tag as PropertyKey)) return text
  for (const field of kindFields[tag as string]!(c)) text += `|${valueText(field)}`
  if (tag === "Open") text += `|${holderText(c["holder"])}`
  return text
}

/** The reference of `Entry.hashInput`. */
export const hashInput = (
  prevHash: string,
  seq: number,
  command: Command.Command,
  postings: ReadonlyArray<Entry.Posting>
): string => {
  let p = ""
  for (let i = 0; i < postings.length; i++) {
    p += `${i === 0 ? "" : ","}${JSON.stringify(postings[i]!.account)}:${postings[i]!.amount}`
  }
  return `2|${prevHash}|${seq}|${commandText(command, true)}|${p}`
}
