/**
 * Findings already handed over to the package that owns them (each with its reproducer in the
 * report of the fuzz work). While one is open, `pnpm fuzz` counts it in the "known" column and
 * goes on, so that the other decoders and the rest of that decoder's inputs still run; with
 * `GONGZHI_FUZZ_STRICT=1` every known finding fails the run like a new one. Delete an entry
 * when its fix lands: the run says when an entry no longer matches anything.
 */

/** A finding that is known: which inputs show it, or how its message reads. */
export interface Known {
  /** What goes wrong, for the summary. */
  readonly what: string
  /** Who fixes it. */
  readonly owner: string
  /** Inputs not run at all, because they hang (a hang cannot be stepped over: the worker is stopped). */
  readonly skip?: ((input: unknown) => boolean) | undefined
  /** Findings (their message, the stack included) that are this one. */
  readonly matches?: ((message: string) => boolean) | undefined
}

/** Whether a value reaches itself through its own enumerable keys (a value JSON cannot make). */
export const hasCycle = (root: unknown): boolean => {
  try {
    const onPath = new Set<object>()
    const done = new Set<object>()
    const visit = (node: unknown, depth: number): boolean => {
      if (typeof node !== "object" || node === null || depth > 5_000) return false
      if (onPath.has(node)) return true
      if (done.has(node)) return false
      onPath.add(node)
      for (const k of Object.keys(node)) if (visit((node as Record<string, unknown>)[k], depth + 1)) return true
      onPath.delete(node)
      done.add(node)
      return false
    }
    return visit(root, 0)
  } catch {
    return false
  }
}

const inStack = (file: string) => (message: string): boolean => message.includes(file)

/** The open findings, by decoder. */
export const known: Readonly<Record<string, ReadonlyArray<Known>>> = {
  "Journal.append": [{
    what: "a command field whose value cannot be turned into text (toString throws, an object without one) " +
      "makes the engine's describe() throw instead of a LEDGER_* failure",
    owner: "points-ledger (helper-10)",
    matches: inStack("points-ledger/src/internal/plan.ts")
  }],
  "Assessment.score": [{
    what: "inputs that reach themselves (subjects[i].values.peers[0].self = that peer) never return",
    owner: "assessment-scoring (helper-11)",
    skip: hasCycle
  }],
  "Plan.validate": [{
    what: "a plan that reaches itself (plan.self = plan) never returns",
    owner: "assessment-scoring (helper-11)",
    skip: hasCycle
  }],
  "JournalFile.parse": [{
    what: "a value that is not a string (a Proxy, a number) throws instead of a failure",
    owner: "cli (helper-12)",
    matches: inStack("cli/src/JournalFile.ts")
  }],
  "JournalFile.load": [{
    what: "a journal document that throws when read (a Proxy, a getter) throws instead of a failure",
    owner: "cli (helper-12)",
    matches: inStack("cli/src/JournalFile.ts")
  }],
  "InputsTable.read": [{
    what:
      "a sheet that throws when read (a Proxy, a getter) throws from InputsTable.read / Table.toRecords instead of a failure",
    owner: "cli (helper-12)",
    matches: (message) => inStack("cli/src/Table.ts")(message) || inStack("cli/src/InputsTable.ts")(message)
  }, {
    what:
      "a sheet whose name is not a string (NaN, null, 1.5) gives issues whose path holds that value (CLI_TABLE_BAD_CELL path [null, 2, \"E\"])",
    owner: "cli (helper-12)",
    matches: (message) => message.includes("malformed failure") && message.includes("lacks path")
  }]
}
