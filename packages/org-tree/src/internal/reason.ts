/** Why reading an input failed, for the `reason` param of ORG_ROWS_UNREADABLE (a cause that cannot be read says "unknown"). */
export const reasonOf = (cause: unknown): string => {
  try {
    return cause instanceof Error ? cause.message.slice(0, 200) : typeof cause
  } catch {
    return "unknown"
  }
}
