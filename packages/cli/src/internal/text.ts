/** The columns a string takes in a terminal: CJK and full-width characters take two. */
export const displayWidth = (text: string): number => {
  let width = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    width +=
      (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1
  }
  return width
}

/** Pads to a display width. */
export const padEnd = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - displayWidth(text)))

/** Lines of a table whose columns are aligned by display width; numbers right-aligned. */
export const padCells = (rows: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> => {
  const widths: Array<number> = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))))
  return rows.map((row) =>
    row.map((cell, i) => {
      const pad = " ".repeat(Math.max(0, widths[i]! - displayWidth(cell)))
      return /^[-+↑↓]?\d[\d.,%]*$/.test(cell) ? pad + cell : cell + pad
    }).join("  ").trimEnd()
  )
}
