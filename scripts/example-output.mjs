// What an example prints against what its comments say it prints.
//
// An output comment is a `//` comment at the end of a line that ends a `console.log(…)`
// call: `console.log(Fen.format(total)) // ¥300,000.00`. The comment must read, argument by
// argument (separated by a space or ", "), as the values logged, in one of the forms people
// write them:
//   - a string as printed (`哈*喜`) or quoted (`"哈*喜"`);
//   - a number, boolean, undefined or null as printed (`720`, `true`);
//   - an array or object as Node prints it (`[ 'a', 'b' ]`) or as a literal
//     (`["a", "b"]`, `{ seq: -1, hash: "00…" }`);
//   - a `Result` as `Success <value>` / `Failure <value>`, or just `Success` / `Failure`;
//   - an ellipsis `…` stands for any text (`"scheme.json: ✗ invalid (…)"`), spaces beside it
//     included;
//   - the whole output as one quoted string (`console.log(a, b) // "A AB"`).
// After the values the comment may go on with a note: ` (…)`, `: …`, ` — …` or ` -- …`.
// A call with an output comment must print when the example runs; if it prints more than
// once (in a loop), every print must match.
import { format, inspect } from "node:util"

const isResult = (v) =>
  v !== null && typeof v === "object" && (v._tag === "Success" || v._tag === "Failure") &&
  ("success" in v || "failure" in v)

const literal = (v, depth = 0) => {
  if (typeof v === "string") return JSON.stringify(v)
  if (typeof v === "bigint") return `${v}n`
  if (v === null || typeof v !== "object") return String(v)
  if (depth > 6) return "…"
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, depth + 1)).join(", ")}]`
  const entries = Object.entries(v)
  if (entries.length === 0) return "{}"
  const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k))
  return `{ ${entries.map(([k, x]) => `${key(k)}: ${literal(x, depth + 1)}`).join(", ")} }`
}

/** Every way a person may have written one logged value. */
export const renderings = (v, top = true) => {
  const out = new Set()
  if (typeof v === "string") {
    if (top) out.add(v)
    out.add(JSON.stringify(v))
    out.add(`'${v}'`)
  } else {
    out.add(inspect(v, { depth: 6, breakLength: Infinity }))
    out.add(literal(v))
    try {
      const json = JSON.stringify(v)
      if (json !== undefined) out.add(json)
    } catch {
      // not JSON: the other forms stand
    }
  }
  if (isResult(v)) {
    const inner = v._tag === "Success" ? v.success : v.failure
    out.add(v._tag)
    for (const r of renderings(inner, false)) out.add(`${v._tag} ${r}`)
    if (typeof inner === "string") out.add(`${v._tag} ${inner}`)
  }
  return [...out].sort((a, b) => b.length - a.length)
}

const noteStart = /^(?:\s+\(|:\s|\s+—|\s+--|\s+-\s|\s*$)/

/** Is `text` the whole of `pattern`, where each `…` in the pattern stands for any text? */
const globFull = (text, pattern) => {
  // Spaces next to an ellipsis belong to it: "{ … available: 0 … }" reads as "{…available: 0…}".
  const parts = pattern.split(/\s*…\s*/)
  if (parts.length === 1) return text === pattern
  const first = parts[0]
  const last = parts[parts.length - 1]
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last)) return false
  // Only "any text" wildcards: taking each middle part at its leftmost place is never wrong.
  const end = text.length - last.length
  let pos = first.length
  for (let i = 1; i < parts.length - 1; i++) {
    const at = text.indexOf(parts[i], pos)
    if (at === -1 || at + parts[i].length > end) return false
    pos = at + parts[i].length
  }
  return true
}

/**
 * Does an output comment describe the values of one `console.log` call? The comment may use
 * `…` for any text; the rendered values are the text matched against it.
 */
export const matches = (comment, args) => {
  // The whole output written as one quoted string: console.log(a, b) // "A AB"
  if (/^".*"$/.test(comment)) {
    try {
      const whole = JSON.parse(comment)
      if (typeof whole === "string" && whole === format(...args)) return true
    } catch {
      // not one JSON string: read it value by value
    }
  }
  const options = args.map((a) => renderings(a))
  const search = (i, pos) => {
    if (i === options.length) return noteStart.test(comment.slice(pos))
    const seps = i === 0 ? [""] : [" ", ", ", "，", "; "]
    for (const sep of seps) {
      if (!comment.startsWith(sep, pos)) continue
      const from = pos + sep.length
      for (const r of options[i]) {
        if (comment.startsWith(r, from) && search(i + 1, from + r.length)) return true
      }
      // The comment may abbreviate a value with "…": match the comment as the pattern.
      if (comment.includes("…", from)) {
        for (const r of options[i]) {
          const rest = comment.slice(from)
          for (let cut = rest.length; cut > 0; cut--) {
            const piece = rest.slice(0, cut)
            if (!piece.includes("…")) break
            if (globFull(r, piece) && search(i + 1, from + cut)) return true
          }
        }
      }
    }
    return false
  }
  return search(0, 0)
}

/** How the values were printed, for a message. */
export const printed = (args) => args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 4 }))).join(" ")
