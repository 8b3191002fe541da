/**
 * Journals read as a stream of lines (issue 16): `JournalFile.loader` gives what
 * `JournalFile.load(parse(text))` gives (differential property over generated journals, good and
 * tampered, at any batch size), reports progress in every phase (read, verified, replayed), and
 * `gongzhi ledger replay` shows that progress on a terminal.
 */
import { CivilDate } from "@gongzhi/core"
import { type Command, Entry, Journal, Presets } from "@gongzhi/points-ledger"
import fc from "fast-check"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Io, JournalFile, Main } from "../src/index.js"
import { journalProgress } from "../src/internal/ledger.js"

const header = { scheme: "preset:pingli", catalog: "preset:pingli" }
const setup = { scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog }

/** A journal of `people` residents who earn and redeem over some days, as JSON Lines. */
const journalText = (people: number, days: number, hashChain = true): string => {
  const commands: Array<Command.Command> = []
  for (let p = 0; p < people; p++) {
    commands.push({
      _tag: "Open",
      key: `o${p}`,
      on: CivilDate.makeUnsafe("2024-01-02"),
      account: `r${p}`,
      holder: { name: `居民${p}`, roles: ["resident"], grid: `g${p % 3}` }
    })
  }
  for (let d = 0; d < days; d++) {
    const on = CivilDate.makeUnsafe(
      `2024-${String(1 + Math.floor(d / 20)).padStart(2, "0")}-${String(3 + (d % 20)).padStart(2, "0")}`
    )
    for (let p = 0; p < people; p++) {
      commands.push({ _tag: "Earn", key: `e${d}-${p}`, on, account: `r${p}`, activity: "cleaning", approvedBy: ["g"] })
    }
  }
  const built = Journal.appendAll(Journal.make({ ...setup, hashChain }), commands)
  if (built._tag !== "Success") throw new Error(JSON.stringify(built.failure.issues[0]))
  return JournalFile.stringify(built.success.journal, header)
}

/** The reference: the whole text parsed, then loaded. */
const reference = (text: string) => {
  const parsed = JournalFile.parse(text)
  if (parsed._tag === "Failure") return parsed
  const doc = JournalFile.document.decode(parsed.success)
  return doc._tag === "Failure" ? doc : JournalFile.load(doc.success)
}

const streamed = (text: string, batchSize: number) => {
  const loader = JournalFile.loader({ batchSize })
  for (const line of text.split(/\r?\n/)) loader.line(line)
  return loader.finish()
}

const outcome = (result: ReturnType<typeof reference>) =>
  result._tag === "Success"
    ? {
      ok: true,
      length: (result.success as Journal.Journal).length,
      head: Journal.lastHash(result.success as Journal.Journal)
    }
    : {
      ok: false,
      first: [result.failure.issues[0]?.code, result.failure.issues[0]?.path],
      count: result.failure.issues.length
    }

/** The entries of a journal's lines with their seq and hashes made again: a rewrite that `verify` alone passes. */
const rehash = (lines: Array<string>, chained: boolean): Array<string> => {
  let prev = chained ? Entry.genesis : ""
  return lines.map((line, index) => {
    if (index === 0 || line === "") return line
    const entry = JSON.parse(line)
    entry.seq = index - 1
    entry.prevHash = prev
    entry.hash = chained ? Entry.hashOf(prev, entry.seq, entry.command, entry.postings) : ""
    prev = entry.hash
    return JSON.stringify(entry)
  })
}

/** Ways to spoil a journal's text, each at a line chosen by `at`. */
const tamper = (text: string, how: number, at: number): string => {
  const lines = text.split("\n")
  const chained = !lines[0]!.includes("\"hashChain\":false")
  const i = 1 + (at % Math.max(1, lines.length - 2))
  const line = lines[i] ?? ""
  switch (how) {
    case 0:
      return text
    case 1: // an amount changed
      lines[i] = line.replace(/"amount":(-?)(\d+)/, (_m, sign, n) => `"amount":${sign}${Number(n) + 1}`)
      break
    case 2: // a line removed
      lines.splice(i, 1)
      break
    case 3: // a line that is not JSON
      lines[i] = `${line}}`
      break
    case 4: // an entry that does not decode
      lines[i] = line.replace(/"seq":\d+/, "\"seq\":\"x\"")
      break
    case 5: // a line twice
      lines.splice(i, 0, line)
      break
    case 6: // blank lines and CRLF
      return text.replaceAll("\n", "\r\n\r\n")
    case 7: // an unknown scheme
      lines[0] = lines[0]!.replace("preset:pingli", "preset:constructor")
      break
    case 8: // a header that is not a journal's
      lines[0] = "{\"kind\":\"points-journal\"}"
      break
    case 9: // a key changed
      lines[i] = line.replace(/"key":"([^"]*)"/, "\"key\":\"$1x\"")
      break
    case 10: // both postings changed, the chain made again: only the replay sees it
      return rehash(
        lines.map((l, k) => (k === i
          ? l.replace(/"amount":(-?)(\d+)/g, (_m, sign, n) => `"amount":${sign}${Number(n) * 2}`)
          : l)
        ),
        chained
      ).join("\n")
    case 11: // an entry twice, the chain made again: its key was used already
      lines.splice(i, 0, line)
      return rehash(lines, chained).join("\n")
    case 12: // an account that was never opened, the chain made again: the command is refused
      return rehash(
        lines.map((l, k) => (k === i ? l.replaceAll(/"account":"r\d+"/g, "\"account\":\"nobody\"") : l)),
        chained
      ).join("\n")
  }
  return lines.join("\n")
}

describe("JournalFile.loader", () => {
  const good = journalText(7, 4)
  const unchained = journalText(3, 3, false)

  it("gives what load(parse(text)) gives, for good and spoiled journals, at any batch size", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(good, unchained),
        fc.integer({ min: 0, max: 12 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (text, how, at, batchSize) => {
          const spoiled = tamper(text, how, at)
          expect(outcome(streamed(spoiled, batchSize))).toEqual(outcome(reference(spoiled)))
        }
      ),
      { numRuns: 400 }
    )
  })

  it("finds what only the replay finds: postings, a key used twice, a refused command", () => {
    const codes = [10, 11, 12].map((how) => {
      const loaded = streamed(tamper(good, how, 9), 4)
      return loaded._tag === "Failure" ? [loaded.failure.issues[0]?.code, loaded.failure.issues[0]?.path] : undefined
    })
    expect(codes).toEqual([
      ["LEDGER_REPLAY_MISMATCH", ["entries", 9, "postings"]],
      // the copy comes first; the entry after it uses its key again
      ["LEDGER_REPLAY_MISMATCH", ["entries", 10, "command"]],
      ["LEDGER_UNKNOWN_ACCOUNT", ["entries", 9, "command", "account"]]
    ])
  })

  it("loads a good journal to the same head", () => {
    const loaded = streamed(good, 5)
    expect(loaded._tag).toBe("Success")
    expect(outcome(loaded)).toMatchObject({ ok: true, length: 35 })
  })

  it("reports progress in every phase: read, verified, replayed", () => {
    const seen: Array<JournalFile.Progress> = []
    const loader = JournalFile.loader({ batchSize: 4, onProgress: (p) => seen.push(p) })
    const lines = good.split("\n")
    for (const line of lines) loader.line(line, line.length + 1)
    expect(loader.finish()._tag).toBe("Success")
    const total = good.length + 1
    expect(seen.length).toBeGreaterThan(5)
    for (const phase of ["read", "verified", "replayed"] as const) {
      // every phase advances step by step, not at once at the end
      expect(seen.some((p) => p[phase] > 0 && p[phase] < total / 2), phase).toBe(true)
      expect(seen.some((p) => p[phase] > total / 2 && p[phase] < total), phase).toBe(true)
      for (let i = 1; i < seen.length; i++) expect(seen[i]![phase]).toBeGreaterThanOrEqual(seen[i - 1]![phase])
      expect(seen[seen.length - 1]![phase]).toBe(total)
    }
  })

  it("names the first line that is not JSON, and every one", () => {
    const result = streamed(`${good.split("\n").slice(0, 3).join("\n")}\n{oops\n\n[1,\n`, 2)
    expect(result._tag).toBe("Failure")
    if (result._tag === "Failure") expect(result.failure.issues.map((i) => i.path)).toEqual([[4], [6]])
  })
})

describe("journal progress line", () => {
  it("draws every phase's per cent on a terminal, throttled, and ends its line", () => {
    const io = Io.memory({}, { isTTY: true })
    let t = 0
    const line = journalProgress(io.stderr, "zh", 100, true, () => (t += 100))
    line.update({ read: 50, verified: 40, replayed: 30 })
    line.update({ read: 100, verified: 100, replayed: 100 })
    line.done()
    expect(io.errors()).toBe(
      "\r积分流水 [######--------------] 读取  50% · 校验  40% · 重放  30%" +
        "\r积分流水 [####################] 读取 100% · 校验 100% · 重放 100%" +
        "\r积分流水 [####################] 读取 100% · 校验 100% · 重放 100%\n"
    )
    const en = Io.memory({}, { isTTY: true })
    const english = journalProgress(en.stderr, "en", 10, true, () => (t += 100))
    english.update({ read: 5, verified: 5, replayed: 2 })
    english.done()
    expect(en.errors()).toContain("\rjournal [####----------------] read  50% · verified  50% · replayed  20%")
  })

  it("draws nothing off a terminal or when disabled", () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const io = Io.memory({}, { isTTY: tty })
      const line = journalProgress(io.stderr, "zh", 100, enabled)
      line.update({ read: 50, verified: 40, replayed: 30 })
      line.done()
      expect(io.errors()).toBe("")
    }
  })
})

describe("gongzhi ledger replay of a large journal", () => {
  // more than 1 MB: the progress line shows (on a terminal)
  const big = journalText(300, 12)

  it("shows read, verified and replayed on a terminal, and replays as before", async () => {
    expect(big.length).toBeGreaterThan(1 << 20)
    const io = Io.memory({ "big.jsonl": big }, { isTTY: true })
    expect(await Main.run(["ledger", "replay", "big.jsonl"], io)).toBe(0)
    expect(io.errors()).toMatch(/积分流水 \[#+\] 读取 100% · 校验 100% · 重放 100%\n$/)
    expect(io.output()).toContain("3900 条记录重放一致")
    const quiet = Io.memory({ "big.jsonl": big }, { isTTY: true })
    expect(await Main.run(["--quiet", "ledger", "verify", "big.jsonl"], quiet)).toBe(0)
    expect(quiet.errors()).toBe("")
  })

  it("streams a real file from disk (Io.readChunks) to the same journal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongzhi-journal-"))
    const path = join(dir, "big.jsonl")
    writeFileSync(path, big.replaceAll("\n", "\r\n"))
    const chunks = await Io.readChunks(Io.node(), path)
    let bytes = 0
    let count = 0
    for await (const chunk of chunks.chunks) {
      bytes += chunk.length
      count++
    }
    expect(bytes).toBe(chunks.size)
    expect(count).toBeGreaterThan(1)
    const mem = Io.memory()
    const io: Io.Io = { ...Io.node(), stdout: mem.stdout, stderr: mem.stderr }
    expect(await Main.run(["ledger", "verify", path], io)).toBe(0)
    const loaded = reference(big)
    if (loaded._tag !== "Success") throw new Error("the journal does not load")
    const head = Journal.lastHash(loaded.success as Journal.Journal)
    expect(mem.output()).toContain(`3900 条记录，最后哈希 ${head}`)
    expect(await Main.run(["ledger", "verify", join(dir, "nope.jsonl")], io)).toBe(2)
    expect(mem.errors()).toContain("找不到文件")
  })

  it("refuses bytes that are neither UTF-8 nor GB18030, as any file", async () => {
    const io = Io.memory({ "bad.jsonl": new Uint8Array([0x7b, 0xff, 0xff, 0xff, 0x7d, 0x0a]) })
    expect(await Main.run(["ledger", "replay", "bad.jsonl"], io)).toBe(2)
    expect(io.errors()).toContain("既不是 UTF-8 也不是 GB18030")
  })
})
