/**
 * JSON written in pieces: the same text as `JSON.stringify(value, null, 2)`, produced without
 * recursion over the value's depth (a tree 1 M levels deep is a loop, not a stack overflow) and
 * handed out in chunks of about 64 KB, so that no single string grows with the output (a report
 * of a million issues is far beyond V8's longest string). Indentation stops growing below
 * {@link maxIndentLevels} levels: a chain a million levels deep, indented in full, would be
 * about 10^12 spaces; below that level each line keeps the indentation of the last one.
 */

/** Where the chunks go; called once per chunk, in order. */
export type Write = (chunk: string) => void

const chunkSize = 1 << 16

/** How many levels are indented; deeper values are written at the same indentation. */
export const maxIndentLevels = 64

interface Frame {
  readonly holder: object
  readonly keys: ReadonlyArray<string> | undefined // undefined for an array
  readonly length: number
  readonly indent: string
  readonly outer: string
  index: number
  wrote: boolean
}

/** `value.toJSON(key)` when it has one, as `JSON.stringify` does. */
const prepared = (value: unknown, key: string): unknown => {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key)
  }
  return value
}

const skipped = (value: unknown): boolean =>
  value === undefined || typeof value === "function" || typeof value === "symbol"

/**
 * Writes `value` as `JSON.stringify(value, null, indent)` would print it, in chunks. A cycle is a
 * `TypeError`, as for `JSON.stringify`; a value `JSON.stringify` turns into `undefined` writes
 * nothing.
 */
export const write = (value: unknown, out: Write, indent = 2): void => {
  for (const chunk of chunks(value, indent)) out(chunk)
}

/**
 * The chunks of {@link write} (then `suffix`), one at a time as they are asked for: a writer that
 * waits for each to be written (a file with backpressure) holds no more than one chunk of the text.
 */
export function* chunks(value: unknown, indent = 2, suffix = ""): Generator<string, void, undefined> {
  const step = " ".repeat(indent)
  const deepest = step.repeat(maxIndentLevels)
  let buffer = ""
  const emit = (text: string) => {
    buffer += text
  }
  const inner = (at: string) => (at.length >= deepest.length ? deepest : at + step)
  const stack: Array<Frame> = []
  const open = new Set<object>()
  /** Writes a primitive, or opens a frame for an array or object (`v` is after `toJSON`). */
  const start = (v: unknown, at: string): void => {
    if (v === null || typeof v !== "object") {
      emit(JSON.stringify(v) ?? "null")
      return
    }
    if (open.has(v)) throw new TypeError("Converting circular structure to JSON")
    if (Array.isArray(v)) {
      if (v.length === 0) return emit("[]")
      emit("[")
      open.add(v)
      stack.push({ holder: v, keys: undefined, length: v.length, indent: inner(at), outer: at, index: 0, wrote: false })
      return
    }
    const keys = Object.keys(v)
    emit("{")
    open.add(v)
    stack.push({ holder: v, keys, length: keys.length, indent: inner(at), outer: at, index: 0, wrote: false })
  }
  const first = prepared(value, "")
  if (skipped(first)) {
    if (suffix !== "") yield suffix
    return
  }
  start(first, "")
  while (stack.length > 0) {
    if (buffer.length >= chunkSize) {
      yield buffer
      buffer = ""
    }
    const frame = stack[stack.length - 1]!
    if (frame.index >= frame.length) {
      stack.pop()
      open.delete(frame.holder)
      const close = frame.keys === undefined ? "]" : "}"
      // an object whose every value was skipped is "{}", as JSON.stringify prints it
      emit(frame.wrote ? `\n${frame.outer}${close}` : close)
      continue
    }
    const i = frame.index++
    if (frame.keys === undefined) {
      const item = prepared((frame.holder as ReadonlyArray<unknown>)[i], String(i))
      emit(`${frame.wrote ? "," : ""}\n${frame.indent}`)
      frame.wrote = true
      if (skipped(item)) emit("null")
      else start(item, frame.indent)
    } else {
      const key = frame.keys[i]!
      const item = prepared((frame.holder as Record<string, unknown>)[key], key)
      if (skipped(item)) continue
      emit(`${frame.wrote ? "," : ""}\n${frame.indent}${JSON.stringify(key)}: `)
      frame.wrote = true
      start(item, frame.indent)
    }
  }
  buffer += suffix
  if (buffer.length > 0) yield buffer
}
