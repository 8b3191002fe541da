/**
 * The hostile values of the fuzz suite: JSON with prototype keys and extreme numbers and strings,
 * valid documents with one thing changed, and values that JSON cannot make (Proxies, getters that
 * throw, sparse arrays, cycles) for the decoders a JavaScript caller reaches.
 */
import fc from "fast-check"

/** Keys that attack a prototype, or name things a lookup by name could find on a plain object. */
export const attackKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "then"
] as const

const numbers = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  -0,
  2 ** 53 + 1,
  2 ** 53 + 2,
  -(2 ** 53) - 1,
  Number.MIN_VALUE,
  Number.EPSILON,
  0.001,
  0.1 + 0.2,
  -1,
  0,
  1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  1e21
)

const strings = fc.constantFrom(
  "",
  " ",
  " x ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFFx",
  "\uFEFF",
  "\u202Eevil",
  "\t",
  "\r\n",
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "preset:constructor",
  "preset:__proto__",
  "preset:toString",
  "preset:",
  "=HYPERLINK(\"http://x\",\"y\")",
  "+1",
  "-1",
  "@SUM(A1)",
  "NaN",
  "Infinity",
  "1e308",
  "0x10",
  "1_000",
  "２０２４",
  "2024-02-30",
  "2024-13-01",
  "2024-Q5",
  "2024-W60",
  "0000-01-01",
  "9999-12-31T23:59:60Z",
  "2024-02-29",
  "2024",
  "2024-Q1",
  "2024-01",
  "1.005",
  "-0",
  "13812345678",
  "110101199003071234",
  "党支部",
  "王",
  "{name}",
  "${x}",
  "%s",
  "a".repeat(70),
  "中".repeat(300)
)

/** Strings long enough to test limits, without being so large that every input takes a second. */
const bigStrings = fc.constantFrom(10_000, 10_000, 10_000, 100_000, 100_000, 1_000_000).chain((n) =>
  fc.constantFrom("x", "中", "\uD800", "\u0000", " ").map((c) => c.repeat(n))
)

/** A leaf that is hostile on its own. */
export const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: numbers },
  { weight: 8, arbitrary: strings },
  { weight: 1, arbitrary: bigStrings },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 100, maxLength: 400 }) },
  { weight: 3, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 3, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer() },
  { weight: 5, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) }
)

const key = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...attackKeys) },
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) }
)

/** An object with own keys exactly as given (`__proto__` included), like one JSON.parse makes. */
export const ownObject = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => {
  const object: Record<string, unknown> = {}
  for (const [k, v] of entries) {
    Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true })
  }
  return object
}

/** JSON-like values (with NaN, Infinity and -0 too, as YAML makes them) whose keys attack prototypes. */
export const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 6 }).map(ownObject)
  )
})).value

/** Nesting `depth` levels deep, of arrays and objects (with an own `__proto__` key) in turns; a tree, not a graph. */
export const deep = (depth: number, inner: unknown = "leaf"): unknown => {
  let value = inner
  for (let i = 0; i < depth; i++) {
    value = i % 2 === 0
      ? [value]
      : ownObject([["nested", value], ["__proto__", { polluted: i }]])
  }
  return value
}

const boom = (): never => {
  throw new Error("boom")
}

/**
 * An input that is built when it is run, not when fast-check makes it: fast-check reads the
 * values it makes (for a clone method), and a Proxy that throws would stop it there.
 */
export class Deferred {
  constructor(readonly description: string, readonly build: () => unknown) {}
  toString(): string {
    return `<${this.description}>`
  }
}

/** The input itself, built when it was deferred. */
export const actual = (input: unknown): unknown => (input instanceof Deferred ? input.build() : input)

/**
 * The inputs that hold a value JSON cannot make: a decoder may fail on them with
 * CORE_INPUT_UNREADABLE (on any other input, that code means the decoder threw inside).
 */
export const exoticInputs = new WeakSet<object>()

const marked = <A>(value: A): A => {
  if ((typeof value === "object" && value !== null) || typeof value === "function") exoticInputs.add(value)
  return value
}

/** The kinds of values JSON cannot make. */
const kinds = [
  "throwing Proxy",
  "Proxy of the value whose get throws",
  "Proxy of the value whose ownKeys throws",
  "revoked Proxy",
  "getter that throws",
  "sparse array",
  "cycle",
  "symbol",
  "bigint",
  "function",
  "toString throws",
  "null prototype",
  "frozen",
  "Date",
  "Map",
  "boxed",
  "deep 10000",
  "deep 20000",
  "array of 5000"
] as const

/** Values JSON cannot make, each built fresh: what a JavaScript caller may hand a decoder. */
export const exotic = (base: unknown): fc.Arbitrary<Deferred> =>
  fc.constantFrom(...kinds).map((how) => new Deferred(how, () => marked(make(how, base))))

const make = (how: string, base: unknown): unknown => {
  const copy = (): unknown => (typeof base === "object" && base !== null ? copyOf(base) : base)
  const target = (): object => {
    const c = copy()
    return typeof c === "object" && c !== null ? c : {}
  }
  switch (how) {
    case "throwing Proxy":
      return new Proxy({}, {
        get: boom,
        has: boom,
        ownKeys: boom,
        getOwnPropertyDescriptor: boom,
        getPrototypeOf: boom
      })
    case "Proxy of the value whose get throws":
      return new Proxy(target(), { get: boom })
    case "Proxy of the value whose ownKeys throws":
      return new Proxy(target(), { ownKeys: boom })
    case "revoked Proxy": {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    }
    case "getter that throws": {
      const t = target() as Record<string, unknown>
      const keys = Object.keys(t)
      return Object.defineProperty(t, keys[keys.length >> 1] ?? "kind", { get: boom, enumerable: true })
    }
    case "sparse array": {
      const sparse = new Array(5)
      sparse[3] = copy()
      return sparse
    }
    case "cycle": {
      const t = target() as Record<string, unknown>
      t["self"] = t
      return t
    }
    case "symbol":
      return Symbol("s")
    case "bigint":
      return 10n ** 30n
    case "function":
      return () => copy()
    case "toString throws":
      return { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom }
    case "null prototype":
      return Object.assign(Object.create(null), target())
    case "frozen":
      return Object.freeze(target())
    case "Date":
      return new Date(Number.NaN)
    case "Map":
      return new Map([["kind", "x"]])
    case "boxed":
      return new String("x")
    case "deep 10000":
      return deep(10_000)
    case "deep 20000":
      return deep(20_000)
    default:
      return new Array(5_000).fill(0)
  }
}

/** A copy of a value (the value itself when it is too deep to copy: sharing it makes no cycle). */
const copyOf = (value: unknown): unknown => {
  try {
    return structuredClone(value)
  } catch {
    return value
  }
}

type Step = { readonly pick: number; readonly action: number; readonly value: unknown }

const step = (values: fc.Arbitrary<unknown>): fc.Arbitrary<Step> =>
  fc.record({ pick: fc.nat(), action: fc.nat(9), value: values })

type Key = string | number
type Place = readonly [Record<Key, unknown>, Key]

/** The paths of the fields and elements of a value (depth first, at most 5,000), once per valid document. */
const pathsOf = (root: unknown): ReadonlyArray<ReadonlyArray<Key>> => {
  const found: Array<ReadonlyArray<Key>> = []
  const stack: Array<readonly [unknown, ReadonlyArray<Key>]> = [[root, []]]
  while (stack.length > 0 && found.length < 5_000) {
    const [node, path] = stack.pop()!
    if (typeof node !== "object" || node === null) continue
    const keys: ReadonlyArray<Key> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node)
    for (const k of keys) {
      found.push([...path, k])
      stack.push([(node as Record<Key, unknown>)[k], [...path, k]])
    }
  }
  return found
}

/** The container and key a path leads to, if it still does (an earlier step may have removed it). */
const placeOf = (root: unknown, path: ReadonlyArray<Key>): Place | undefined => {
  let node = root
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof node !== "object" || node === null) return undefined
    node = (node as Record<Key, unknown>)[path[i]!]
  }
  if (typeof node !== "object" || node === null) return undefined
  return Object.hasOwn(node, path[path.length - 1]!)
    ? [node as Record<Key, unknown>, path[path.length - 1]!]
    : undefined
}

const apply = (paths: ReadonlyArray<ReadonlyArray<Key>>) => (root: unknown, { action, pick, value }: Step): unknown => {
  if (paths.length === 0) return value
  const place = placeOf(root, paths[pick % paths.length]!)
  if (place === undefined) return root
  const [container, k] = place
  const old = container[k]
  switch (action) {
    case 0: // delete the field (or an element)
      if (Array.isArray(container)) container.splice(k as number, 1)
      else delete container[k]
      return root
    case 1: // duplicate it (an array element twice; an object field copied under an attack key)
      if (Array.isArray(container)) container.splice(k as number, 0, copyOf(old))
      else {Object.defineProperty(
          container,
          typeof value === "string" && value !== "" ? value.slice(0, 20) : "__proto__",
          { value: old, enumerable: true, writable: true, configurable: true }
        )}
      return root
    case 2: // nest it deeply
      container[k] = deep(typeof value === "number" && value > 0 && value < 5_000 ? value : 2_000, old)
      return root
    case 3: { // a copy of the value of another place
      const other = placeOf(root, paths[(pick >> 3) % paths.length]!)
      container[k] = other === undefined ? value : copyOf(other[0][other[1]])
      return root
    }
    case 4: // an attack key next to it (on an object: an array's own constructor stops fast-check itself)
      if (Array.isArray(container)) return root
      Object.defineProperty(container, attackKeys[pick % attackKeys.length]!, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
      })
      return root
    case 5: // a number off by a little
      container[k] = typeof old === "number" ? old + (typeof value === "number" ? value : 1) : value
      return root
    case 6: // a string with something appended
      container[k] = typeof old === "string" ? old + (typeof value === "string" ? value : "\uD800") : value
      return root
    default: // replaced
      container[k] = value
      return root
  }
}

/** A valid document (one of `seeds`, JSON text) with one to three things changed. */
const replacement: fc.Arbitrary<unknown> = fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: json })

export const mutated = (
  seeds: ReadonlyArray<string>,
  values: fc.Arbitrary<unknown> = replacement
): fc.Arbitrary<unknown> => {
  const parsed = seeds.map((text) => ({ text, apply: apply(pathsOf(JSON.parse(text))) }))
  return fc.tuple(fc.nat(seeds.length - 1), fc.array(step(values), { minLength: 1, maxLength: 3 })).map(([i, steps]) =>
    steps.reduce(parsed[i]!.apply, JSON.parse(parsed[i]!.text) as unknown)
  )
}

/** A valid document with one thing changed to a value JSON cannot make. */
export const mutatedExotic = (seeds: ReadonlyArray<string>): fc.Arbitrary<Deferred> => {
  const parsed = seeds.map((text) => ({ text, paths: pathsOf(JSON.parse(text)) }))
  return fc.tuple(fc.nat(seeds.length - 1), fc.nat(), fc.boolean(), fc.constantFrom(...kinds)).map((
    [i, pick, whole, how]
  ) =>
    new Deferred(`${how} in a valid document`, () => {
      const { text, paths } = parsed[i]!
      const doc = JSON.parse(text) as unknown
      const place = paths.length === 0 ? undefined : placeOf(doc, paths[pick % paths.length]!)
      if (whole || place === undefined) return marked(make(how, doc))
      const [container, k] = place
      container[k] = make(how, container[k])
      return marked(doc)
    })
  )
}

/**
 * Everything a decoder of unknown input may get: arbitrary JSON, mutations of valid documents
 * (most of the inputs, as they get past the first checks) and values JSON cannot make.
 */
export const hostile = (seeds: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  seeds.length === 0
    ? fc.oneof({ weight: 4, arbitrary: json }, { weight: 1, arbitrary: exotic({ kind: "x", schemaVersion: 1 }) })
    : fc.oneof(
      { weight: 2, arbitrary: json },
      { weight: 6, arbitrary: mutated(seeds) },
      { weight: 1, arbitrary: fc.constantFrom(...seeds).map((s) => JSON.parse(s) as unknown) },
      { weight: 1, arbitrary: mutatedExotic(seeds) }
    )
