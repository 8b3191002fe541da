import { describe, expect, it } from "vitest"
import * as Deliberation from "../src/index.js"

const hostile = new Proxy({}, {
  get: () => {
    throw new Error("hostile getter")
  },
  ownKeys: () => {
    throw new Error("hostile keys")
  },
  getOwnPropertyDescriptor: () => {
    throw new Error("hostile descriptor")
  }
})
const junk: ReadonlyArray<unknown> = [undefined, null, 0, 1.5, -1, Number.NaN, "", "x", [], [undefined, 1], {}, hostile,
  Symbol("s"), 10n]

// every function exported by every module, with the junk each parameter can get
const functions = Object.entries(Deliberation).flatMap(([module, ns]) =>
  Object.entries(ns as object).filter(([, f]) => typeof f === "function").map(([name, f]) =>
    [`${module}.${name}`, f] as const
  )
)

describe("the public API never throws", () => {
  for (const [name, f] of functions) {
    if (name.endsWith(".example") || name === "Presets.pingliScenario") continue
    it(`${name}`, () => {
      const problems: Array<string> = []
      for (const a of junk) {
        for (const b of [undefined, ...junk.slice(0, 12)]) {
          try {
            const r = (f as (...args: ReadonlyArray<unknown>) => unknown)(a, b, b)
            if (typeof r === "function") (r as (x: unknown) => unknown)(a)
          } catch (e) {
            problems.push(`${String(typeof a === "symbol" ? "symbol" : a)}, ${String(b)}: ${String(e)}`)
            break
          }
        }
      }
      expect(problems.slice(0, 3)).toEqual([])
    })
  }
})
