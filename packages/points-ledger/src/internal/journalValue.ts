/**
 * The journal value and its setup: what a journal is made from, the system accounts, and the
 * empty journal (the public side is the `Journal` module, which re-exports these).
 */
import { ValidationReport } from "@gongzhi/core"
import * as Hasher from "../Hasher.js"
import { messages } from "../Messages.js"
import type * as RedemptionCatalog from "../RedemptionCatalog.js"
import type * as Scheme from "../Scheme.js"
import { system } from "./engine.js"
import { attach, fresh } from "./handle.js"

/**
 * A points journal: its scheme, catalog, whether it keeps a hash chain, and its length.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const journal: Journal.Journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * console.log(journal.length) // 0
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Journal {
  readonly _tag: "Journal"
  /** The points scheme the journal applies. */
  readonly scheme: Scheme.Scheme
  /** The redemption catalog the journal sells from. */
  readonly catalog: RedemptionCatalog.RedemptionCatalog
  /** Whether each entry carries a SHA-256 hash chain. */
  readonly hashChain: boolean
  /** The number of entries. */
  readonly length: number
}

/**
 * What a journal is made from: the scheme, the catalog and whether to keep the hash chain
 * (on by default; off only for throw-away simulations).
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const setup: Journal.Setup = { scheme: Presets.honganLoveBankScheme, catalog: Presets.honganLoveBankCatalog, hashChain: true }
 * console.log(Journal.make(setup).hashChain) // true
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Setup {
  readonly scheme: Scheme.Scheme
  readonly catalog: RedemptionCatalog.RedemptionCatalog
  readonly hashChain?: boolean | undefined
  /** The SHA-256 function of the chain (default: `Hasher.detected`, chosen when the package loads). */
  readonly hasher?: Hasher.Hasher | undefined
}

/**
 * The ids of the system accounts: the issuing pool (发放池, its balance is minus everything
 * issued), points held for pending redemptions, the redemption sink, the expiry sink and the
 * donation account.
 *
 * @example
 * ```ts
 * import { Journal } from "@gongzhi/points-ledger"
 *
 * console.log(Journal.SystemAccount.redemption) // "system:redemption"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const SystemAccount: {
  readonly pool: "system:pool"
  readonly held: "system:held"
  readonly redemption: "system:redemption"
  readonly expiry: "system:expiry"
  readonly donation: "system:donation"
} = system

export const wrap = (setup: Setup, length: number): Journal => ({
  _tag: "Journal",
  scheme: setup.scheme,
  catalog: setup.catalog,
  hashChain: setup.hashChain ?? true,
  length
})

/**
 * Makes an empty journal for a scheme and a catalog.
 *
 * @example
 * ```ts
 * import { Journal, Presets } from "@gongzhi/points-ledger"
 *
 * const journal = Journal.make({ scheme: Presets.pingliScheme, catalog: Presets.pingliCatalog })
 * console.log(Journal.lastHash(journal) === "0".repeat(64)) // true
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (setup: Setup): Journal => {
  const journal = wrap(setup, 0)
  return attach(
    journal,
    fresh({
      scheme: setup.scheme,
      catalog: setup.catalog,
      hashChain: journal.hashChain,
      hasher: setup.hasher ?? Hasher.detected
    })
  )
}

/** The failure of a function given a journal copy that lost its state. */
export const detached = () => ValidationReport.of(messages.make("LEDGER_JOURNAL_DETACHED", { path: [], params: {} }))
