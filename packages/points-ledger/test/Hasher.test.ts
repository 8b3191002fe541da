import { Entry, Hasher, Journal } from "@gongzhi/points-ledger"
import { describe, expect, it, vi } from "vitest"
import { vectorCommands, vectorSetup } from "./vectors/commands.js"
import vectors from "./vectors/hash-v2.json" with { type: "json" }

const entries = vectors.vectors.map((v) => v.entry) as unknown as ReadonlyArray<Entry.Entry>
const hashers = [Hasher.noble(), Hasher.node()!]

describe("Hasher", () => {
  it("computes SHA-256 (FIPS 180-2 test vectors) with node:crypto and with @noble/hashes alike", () => {
    for (const hasher of hashers) {
      expect(hasher.sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
      expect(hasher.sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
      expect(hasher.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      )
      expect(hasher.sha256Hex("哈安喜".repeat(200))).toBe(hashers[0]!.sha256Hex("哈安喜".repeat(200)))
    }
    expect(Hasher.detected.name).toBe("node:crypto")
  })

  it("gives the digest of bytes as the 32 bytes its hex spells (sha256OfUtf8Into), with both hashers and with createHash", () => {
    // node:crypto without `crypto.hash` (Node before 20.12): the hasher made of `createHash`
    const crypto = process.getBuiltinModule("node:crypto")
    const spy = vi.spyOn(process, "getBuiltinModule").mockReturnValue({ createHash: crypto.createHash })
    const createHash = Hasher.node()!
    spy.mockRestore()
    const encoder = new TextEncoder()
    const texts = ["", "abc", "哈安喜".repeat(200), "\u{1F600}\"|", "x".repeat(55), "x".repeat(64)]
    for (const hasher of [...hashers, createHash]) {
      for (const text of texts) {
        const digest = new Uint8Array(40).fill(7)
        hasher.sha256OfUtf8Into!(encoder.encode(text), digest)
        const hex = Array.from(digest.subarray(0, 32), (b) => b.toString(16).padStart(2, "0")).join("")
        expect(hex).toBe(hashers[1]!.sha256Hex(text))
        expect(hasher.sha256HexOfUtf8!(encoder.encode(text))).toBe(hex)
        // nothing written past the 32 bytes
        expect([...digest.subarray(32)]).toEqual([7, 7, 7, 7, 7, 7, 7, 7])
      }
    }
  })
})

describe("Entry", () => {
  describe("known-answer vectors (hash version 2)", () => {
    it("hashes every kind of command to the committed text and hash", () => {
      expect(vectors.hashVersion).toBe(Entry.hashVersion)
      const kinds = new Set(entries.map((e) => e.command._tag))
      expect(kinds.size).toBe(11)
      for (const v of vectors.vectors) {
        const e = v.entry as unknown as Entry.Entry
        expect(Entry.hashInput(e.prevHash, e.seq, e.command, e.postings)).toBe(v.text)
        for (const hasher of hashers) expect(hasher.sha256Hex(v.text)).toBe(e.hash)
      }
    })

    it("verifies the committed entries and makes them again from their commands, with either hasher", () => {
      // and with a hasher of text only (no `sha256HexOfUtf8`): the verification makes the texts then
      const textOnly: Hasher.Hasher = { name: "node:crypto", sha256Hex: hashers[1]!.sha256Hex }
      for (const hasher of [...hashers, textOnly]) {
        expect(Entry.verify(entries, { hasher })._tag).toBe("Intact")
        expect(
          Entry.verify(entries.map((e, i) => (i === 5 ? { ...e, command: { ...e.command, key: "k" } } : e)), { hasher })
        )
          .toEqual({ _tag: "Broken", index: 5, reason: "hash" })
        const built = Journal.appendAll(Journal.make({ ...vectorSetup, hasher }), vectorCommands)
        expect(built._tag === "Success" && JSON.parse(JSON.stringify(Journal.entries(built.success.journal)))).toEqual(
          JSON.parse(JSON.stringify(entries))
        )
        expect(built._tag === "Success" && Journal.verify(built.success.journal)._tag).toBe("Intact")
        const replayed = Journal.replay({ ...vectorSetup, hasher }, entries)
        expect(replayed._tag === "Success" && Journal.lastHash(replayed.success)).toBe(
          entries[entries.length - 1]!.hash
        )
      }
    })
  })
})
