/** What a bad input was, for the `actual` param of an issue (never its content). */
export const describe = (value: unknown): string => {
  if (value === null) return "null"
  try {
    if (Array.isArray(value)) return "array"
  } catch {
    // a revoked Proxy: Array.isArray throws on it
    return "object"
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  if (typeof value === "string") return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`
  return typeof value
}
