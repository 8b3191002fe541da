/**
 * The facts a snapshot must agree with before a state is built from it: its setup (scheme,
 * catalog, chain, hash version), its entries (numbered in order, linked, ending at the head,
 * each balanced, keys used once), its accounts (balances equal to the postings and to their
 * lots, held points equal to their open holds, history ending at the balances, lots owned
 * once and in expiry order), its holds, its undo records (one per entry, of the entry's kind),
 * its reversals and its stock. Every fact that fails is reported, nothing is built.
 */
import { type Issue, KeyIndex } from "@gongzhi/core"
import type * as Command from "../Command.js"
import * as Entry from "../Entry.js"
import { messages } from "../Messages.js"
import type * as Snapshot from "../Snapshot.js"
import type { Decoded, Refs } from "./snapshotTypes.js"
import { type Options, system } from "./state.js"

const systemOrder = Object.values(system) as ReadonlyArray<string>

/** The undo record each kind of entry leaves. */
const undoKinds: Readonly<Record<string, ReadonlyArray<"Earned" | Exclude<Snapshot.Undo, number>["_tag"]>>> = {
  Open: ["None"],
  Earn: ["Earned"],
  Redeem: ["Redeemed"],
  Hold: ["None"],
  Release: ["None"],
  Settle: ["Settled"],
  Adjust: ["Credited", "Spent"],
  Reverse: ["None"],
  Transfer: ["Credited"],
  Donate: ["Spent"],
  Expire: ["Spent"]
}

export interface Checked {
  readonly issues: Array<Issue.DomainIssue>
  /** The index of the entries' keys, made while checking them. */
  readonly keys: KeyIndex.KeyIndex
  /** The entries' commands, the column the index reads its keys from. */
  readonly commands: Array<Command.Command>
}

/** What every check reads: the snapshot, the setup and where to report. */
interface Context {
  readonly s: Decoded
  readonly options: Options
  readonly wrong: (path: Issue.Path, reason: string, reasonZh: string) => void
}

/** The setup the snapshot was made for: scheme, catalog, chain, hash version. */
const checkSetup = (options: Options, refs: Refs, s: Decoded, issues: Array<Issue.DomainIssue>): void => {
  const setup = (path: Issue.Path, what: string, whatZh: string, expected: unknown, actual: unknown) => {
    if (expected !== actual) {
      issues.push(messages.make("LEDGER_SNAPSHOT_SETUP_MISMATCH", {
        path,
        params: { what, expected: String(expected), actual: String(actual) },
        labels: { what: { zh: whatZh, en: what } }
      }))
    }
  }
  setup(["scheme", "id"], "scheme", "积分方案", refs.scheme.id, s.scheme.id)
  setup(
    ["scheme", "schemaVersion"],
    "scheme version",
    "积分方案版本",
    refs.scheme.schemaVersion,
    s.scheme.schemaVersion
  )
  setup(["scheme", "digest"], "scheme digest", "积分方案摘要", refs.scheme.digest, s.scheme.digest)
  setup(["catalog", "id"], "catalog", "兑换目录", refs.catalog.id, s.catalog.id)
  setup(
    ["catalog", "schemaVersion"],
    "catalog version",
    "兑换目录版本",
    refs.catalog.schemaVersion,
    s.catalog.schemaVersion
  )
  setup(["catalog", "digest"], "catalog digest", "兑换目录摘要", refs.catalog.digest, s.catalog.digest)
  setup(["hashChain"], "hash chain", "哈希链设置", options.hashChain, s.hashChain)
  setup(["hashVersion"], "hash version", "哈希版本", refs.hashVersion, s.hashVersion)
}

/** Entries numbered in order, linked, balanced, keys used once, ending at the head and the last date. */
const checkEntries = (
  c: Context
): { keys: KeyIndex.KeyIndex; commands: Array<Command.Command>; posted: Map<string, number> } => {
  const { options, s, wrong } = c
  const genesis = options.hashChain ? Entry.genesis : ""
  // the index reads the keys from the commands' column, which the restored state takes over
  // (and appends to); a slot past its end (left by a batch rolled back) matches no key
  const commands: Array<Command.Command> = []
  const keys = KeyIndex.make((seq) => commands[seq]?.key ?? "", s.entries.length)
  const posted = new Map<string, number>()
  let prev = genesis
  for (let i = 0; i < s.entries.length; i++) {
    const e = s.entries[i]!
    if (e.seq !== i) wrong(["entries", i, "seq"], `entry ${i} has the seq ${e.seq}`, `第 ${i} 笔交易的序号是 ${e.seq}`)
    if (e.prevHash !== prev) {
      wrong(["entries", i, "prevHash"], `entry ${i} does not link to the one before`, `第 ${i} 笔交易未接上前一笔`)
    }
    prev = e.hash
    commands.push(e.command)
    if (keys.add(e.command.key, i) !== undefined) {
      wrong(
        ["entries", i, "command", "key"],
        `the key ${e.command.key} is used twice`,
        `幂等键 ${e.command.key} 用了两次`
      )
    }
    let sum = 0
    for (const p of e.postings) {
      sum += p.amount
      posted.set(p.account, (posted.get(p.account) ?? 0) + p.amount)
    }
    if (sum !== 0) {
      wrong(
        ["entries", i, "postings"],
        `the postings of entry ${i} do not sum to zero`,
        `第 ${i} 笔交易的分录合计不为零`
      )
    }
  }
  const n = s.entries.length
  if (s.head.seq !== n - 1 || s.head.hash !== prev) {
    wrong(["head"], `the head is not the last entry (${n - 1}, ${prev})`, `链头不是最后一笔交易（${n - 1}，${prev}）`)
  }
  const lastOn = n === 0 ? "" : s.entries[n - 1]!.command.on
  if (s.lastDate !== lastOn) {
    wrong(["lastDate"], `the last date is not the last entry's (${lastOn})`, `最后日期不是最后一笔交易的（${lastOn}）`)
  }

  return { keys, commands, posted }
}

/** Accounts and lots: balances = postings = lots, held = open holds, history, earnings, owners; the lots' owners. */
const checkAccounts = (c: Context, posted: Map<string, number>): Int32Array => {
  const { s, wrong } = c
  const n = s.entries.length
  const reversedSeqs = new Uint8Array(n)
  for (const [seq] of s.reversed) if (seq < n) reversedSeqs[seq] = 1
  const earnedBy = new Map<string, number>()
  for (const e of s.entries) {
    if (e.command._tag === "Earn" && reversedSeqs[e.seq] !== 1) {
      const p = e.postings[1]
      if (p !== undefined) earnedBy.set(p.account, (earnedBy.get(p.account) ?? 0) + p.amount)
    }
  }
  // the owner of each lot (-1: none yet), an account index
  const owner = new Int32Array(Math.floor(s.lots.length / 3)).fill(-1)
  const ids = new Set<string>()
  const openHeld = new Map<number, number>()
  for (const h of s.holds) if (h.status === "open") openHeld.set(h.account, (openHeld.get(h.account) ?? 0) + h.amount)
  let members = 0
  for (let a = 0; a < s.accounts.length; a++) {
    const acc = s.accounts[a]!
    const path = ["accounts", a]
    if (ids.has(acc.id)) wrong([...path, "id"], `the account ${acc.id} is there twice`, `账户 ${acc.id} 出现两次`)
    ids.add(acc.id)
    const isSystem = a < systemOrder.length
    if (isSystem && (acc.id !== systemOrder[a] || acc.holder !== undefined)) {
      wrong([...path, "id"], `account ${a} must be ${systemOrder[a]}`, `第 ${a} 个账户应为 ${systemOrder[a]}`)
    }
    if (!isSystem) {
      members++
      const opened = s.entries[acc.openedSeq]?.command
      if (acc.holder === undefined || opened?._tag !== "Open" || opened.account !== acc.id) {
        wrong(
          [...path, "openedSeq"],
          `the account ${acc.id} was not opened by entry ${acc.openedSeq}`,
          `账户 ${acc.id} 不是第 ${acc.openedSeq} 笔交易开立的`
        )
      }
    }
    if ((posted.get(acc.id) ?? 0) !== acc.balance) {
      wrong(
        [...path, "balance"],
        `the balance of ${acc.id} is not the sum of its postings`,
        `账户 ${acc.id} 的余额不等于其分录之和`
      )
    }
    posted.delete(acc.id)
    let inLots = 0
    let expires = Number.NEGATIVE_INFINITY
    for (let i = 0; i < acc.lots.length; i++) {
      const l = acc.lots[i]!
      if (!(l < owner.length) || owner[l] !== -1) {
        wrong([...path, "lots", i], `the lot ${l} is unknown or has two owners`, `批次 ${l} 不存在或属于两个账户`)
        continue
      }
      owner[l] = a
      inLots += s.lots[3 * l + 2]!
      if (s.lots[3 * l + 1]! < expires) {
        wrong(
          [...path, "lots", i],
          `the lots of ${acc.id} are not in expiry order`,
          `账户 ${acc.id} 的批次未按到期日排列`
        )
      }
      expires = s.lots[3 * l + 1]!
      if (i < acc.head && s.lots[3 * l + 2] !== 0) {
        wrong(
          [...path, "head"],
          `a lot of ${acc.id} before its head is not spent`,
          `账户 ${acc.id} 已用完的批次还有积分`
        )
      }
    }
    if (acc.head > acc.lots.length) {
      wrong([...path, "head"], `the head of ${acc.id} is past its lots`, `账户 ${acc.id} 的批次起点超出范围`)
    }
    if (isSystem ? acc.lots.length > 0 : inLots !== acc.balance) {
      wrong([...path, "lots"], `the lots of ${acc.id} do not hold its balance`, `账户 ${acc.id} 的批次合计不等于余额`)
    }
    const held = isSystem ? 0 : openHeld.get(a) ?? 0
    if (acc.held !== held) {
      wrong(
        [...path, "held"],
        `the held points of ${acc.id} are not its open holds`,
        `账户 ${acc.id} 的冻结积分不等于未结冻结之和`
      )
    }
    if (acc.earned !== (earnedBy.get(acc.id) ?? 0)) {
      wrong(
        [...path, "earned"],
        `the points earned by ${acc.id} are not its earnings`,
        `账户 ${acc.id} 的累计获得积分与其获得记录不符`
      )
    }
    const h = acc.history
    const k = h.length - 5
    if (
      h.length % 5 !== 0 || (k >= 0 && (h[k + 2] !== acc.balance || h[k + 3] !== acc.held || h[k + 4] !== acc.earned))
    ) {
      wrong(
        [...path, "history"],
        `the history of ${acc.id} does not end at its balances`,
        `账户 ${acc.id} 的历史不以当前余额结束`
      )
    }
  }
  if (s.accounts.length < systemOrder.length) wrong(["accounts"], "the system accounts are missing", "缺少系统账户")
  for (const [account] of posted) {
    wrong(["accounts"], `the account ${account} has postings but no state`, `账户 ${account} 有分录却没有状态`)
  }
  const opens = s.entries.filter((e) => e.command._tag === "Open").length
  if (opens !== members) {
    wrong(
      ["accounts"],
      `${opens} accounts were opened, ${members} are there`,
      `开户 ${opens} 个，快照中有 ${members} 个`
    )
  }
  if (s.lots.length % 3 !== 0) wrong(["lots"], "the lots are not three numbers each", "批次数据不是每批三个数")
  for (let l = 0; l < s.lots.length / 3; l++) {
    if (owner[l] === -1 || s.lots[3 * l + 2]! < 0) {
      wrong(["lots", l], `the lot ${l} has no owner`, `批次 ${l} 不属于任何账户`)
    }
  }
  const heldAccount = s.accounts[1]
  let openTotal = 0
  for (const v of openHeld.values()) openTotal += v
  if (heldAccount !== undefined && heldAccount.balance !== openTotal) {
    wrong(
      ["accounts", 1, "balance"],
      "the held account is not the sum of the open holds",
      "冻结账户余额不等于未结冻结之和"
    )
  }
  return owner
}

/** Whether takes name lots that exist (of one account, when given) with positive amounts. */
const takesOk = (
  c: Context,
  owner: Int32Array,
  list: ReadonlyArray<readonly [number, number]>,
  path: Issue.Path,
  account?: number
): void => {
  for (const [l, amount] of list) {
    if (!(owner[l]! >= 0) || amount <= 0 || (account !== undefined && owner[l] !== account)) {
      c.wrong(path, `a take names the lot ${l} wrongly`, `取用记录的批次 ${l} 不对`)
      return
    }
  }
}

/** Holds match their Hold entries; their status matches the entry that closed them. */
const checkHolds = (c: Context, keys: KeyIndex.KeyIndex, owner: Int32Array): Set<string> => {
  const { s, wrong } = c
  const holdKeys = new Set<string>()
  for (let i = 0; i < s.holds.length; i++) {
    const h = s.holds[i]!
    const e = s.entries[h.seq]
    holdKeys.add(h.key)
    if (e?.command._tag !== "Hold" || e.command.key !== h.key || s.accounts[h.account]?.id !== e.command.account) {
      wrong(
        ["holds", i],
        `the hold ${h.key} is not the hold of entry ${h.seq}`,
        `冻结 ${h.key} 不是第 ${h.seq} 笔交易的冻结`
      )
      continue
    }
    if (h.amount !== e.postings[1]?.amount) {
      wrong(
        ["holds", i, "amount"],
        `the hold ${h.key} has other points than its entry`,
        `冻结 ${h.key} 的积分与交易不同`
      )
    }
    takesOk(c, owner, h.consumed, ["holds", i, "consumed"], h.account)
    const closer = h.closedBy === undefined ? undefined : s.entries[keys.get(h.closedBy) ?? -1]?.command
    const closedOk = h.status === "open"
      ? h.closedBy === undefined
      : closer !== undefined && closer._tag === (h.status === "released" ? "Release" : "Settle") &&
        closer.hold === h.key
    if (!closedOk) {
      wrong(
        ["holds", i, "status"],
        `the hold ${h.key} is ${h.status} without the entry that did it`,
        `冻结 ${h.key} 的状态与交易不符`
      )
    }
  }
  const holdEntries = s.entries.filter((e) => e.command._tag === "Hold").length
  if (holdEntries !== s.holds.length) {
    wrong(
      ["holds"],
      `${holdEntries} holds were made, ${s.holds.length} are there`,
      `冻结 ${holdEntries} 笔，快照中有 ${s.holds.length} 笔`
    )
  }

  return holdKeys
}

/** One undo record per entry, of the entry's kind, naming lots of the right owner. */
const checkUndo = (c: Context, owner: Int32Array, holdKeys: Set<string>): void => {
  const { s, wrong } = c
  const n = s.entries.length
  const kindAt = (seq: number) => s.entries[seq]?.command._tag
  if (s.undo.length !== n) {
    wrong(["undo"], `${s.undo.length} undo records for ${n} entries`, `${n} 笔交易却有 ${s.undo.length} 条撤销记录`)
  }
  for (let i = 0; i < Math.min(n, s.undo.length); i++) {
    const u = s.undo[i]!
    const path = ["undo", i]
    const tag = typeof u === "number" ? "Earned" : u._tag
    if (!undoKinds[kindAt(i)!]!.includes(tag)) {
      wrong(path, `entry ${i} (${kindAt(i)}) cannot leave a ${tag} record`, `第 ${i} 笔交易不会留下 ${tag} 记录`)
      continue
    }
    if (typeof u === "number") {
      if (s.lots[3 * u] !== i || s.accounts[owner[u] ?? -1]?.id !== s.entries[i]!.postings[1]?.account) {
        wrong(path, `the lot of earning ${i} is not its own`, `第 ${i} 笔获得积分的批次不对`)
      }
      continue
    }
    switch (u._tag) {
      case "Credited":
        takesOk(c, owner, u.spent, path)
        for (const l of u.lots) {
          if (owner[l] !== u.account) {
            wrong(path, `a credited lot of entry ${i} is not the account's`, `第 ${i} 笔交易的入账批次不属于该账户`)
          }
        }
        break
      case "Spent":
        takesOk(c, owner, u.spent, path)
        break
      case "Redeemed":
        takesOk(c, owner, u.spent, path, u.account)
        break
      case "Settled":
        if (!holdKeys.has(u.hold)) wrong(path, `the settled hold ${u.hold} is unknown`, `结算的冻结 ${u.hold} 不存在`)
        break
      case "None":
        break
    }
  }
}

/** The reversals recorded are the Reverse entries, each naming its target. */
const checkReversals = (c: Context, keys: KeyIndex.KeyIndex): void => {
  const { s, wrong } = c
  const reversals = s.entries.filter((e) => e.command._tag === "Reverse").length
  if (reversals !== s.reversed.length) {
    wrong(
      ["reversed"],
      `${reversals} reversals, ${s.reversed.length} recorded`,
      `冲正 ${reversals} 笔，记录 ${s.reversed.length} 笔`
    )
  }
  for (let i = 0; i < s.reversed.length; i++) {
    const [seq, key] = s.reversed[i]!
    const by = s.entries[keys.get(key) ?? -1]?.command
    if (by?._tag !== "Reverse" || by.target !== s.entries[seq]?.command.key) {
      wrong(["reversed", i], `entry ${seq} was not reversed by ${key}`, `第 ${seq} 笔交易不是由 ${key} 冲正的`)
    }
  }
}

/** Stock only for the catalog's stocked items, within 0 and the initial stock. */
const checkStock = (c: Context): void => {
  const { options, s, wrong } = c
  const initial = new Map<string, number>()
  for (const item of options.catalog.items) if (item.stock !== undefined) initial.set(item.id, item.stock)
  if (s.stock.length !== initial.size) {
    wrong(["stock"], "the stocked items are not the catalog's", "有库存的物品与目录不符")
  }
  for (let i = 0; i < s.stock.length; i++) {
    const [item, left] = s.stock[i]!
    const start = initial.get(item)
    if (start === undefined || left < 0 || left > start) {
      wrong(["stock", i], `the stock of ${item} is not possible`, `物品 ${item} 的库存不可能`)
    }
  }
}

export const checkSnapshot = (options: Options, refs: Refs, s: Decoded): Checked => {
  const issues: Array<Issue.DomainIssue> = []
  checkSetup(options, refs, s, issues)
  if (issues.length > 0) return { issues, keys: KeyIndex.make(() => ""), commands: [] }
  const wrong = (path: Issue.Path, reason: string, reasonZh: string) => {
    if (issues.length < 100) {
      issues.push(
        messages.make("LEDGER_SNAPSHOT_INCONSISTENT", { path, labels: { reason: { zh: reasonZh, en: reason } } })
      )
    }
  }
  const c: Context = { s, options, wrong }
  const { commands, keys, posted } = checkEntries(c)
  const owner = checkAccounts(c, posted)
  const holdKeys = checkHolds(c, keys, owner)
  checkUndo(c, owner, holdKeys)
  checkReversals(c, keys)
  checkStock(c)
  return { issues, keys, commands }
}
