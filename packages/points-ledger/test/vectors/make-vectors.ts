/**
 * Writes test/vectors/hash-v2.json: a journal with every kind of command, each entry with the
 * text it is hashed over and its SHA-256 (hash version 2). Run once when the hashed text
 * changes on purpose (a new hash version): `npx tsx --conditions=@gongzhi/source test/vectors/make-vectors.ts`.
 */
import { Entry, Journal } from "@gongzhi/points-ledger"
import { writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { vectorCommands, vectorSetup } from "./commands.js"

const journal = Journal.appendAll(Journal.make(vectorSetup), vectorCommands)
if (journal._tag === "Failure") throw new Error(JSON.stringify(journal.failure.issues))
const vectors = Journal.entries(journal.success.journal).map((e) => ({
  entry: e,
  text: Entry.hashInput(e.prevHash, e.seq, e.command, e.postings)
}))
const out = join(dirname(fileURLToPath(import.meta.url)), "hash-v2.json")
writeFileSync(out, `${JSON.stringify({ hashVersion: Entry.hashVersion, vectors }, null, 1)}\n`)
console.log(`wrote ${vectors.length} vectors to ${out}`)
