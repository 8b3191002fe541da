/**
 * A progress bar for long steps (replaying a large journal, generating a county), drawn
 * on a terminal only: in a pipe, a file or CI it stays silent.
 *
 * @since 0.1.0
 */

/**
 * Where a progress bar draws.
 *
 * @example
 * ```ts
 * import type { Progress } from "@gongzhi/cli"
 *
 * const sink: Progress.Sink = { isTTY: false, write: () => true }
 * console.log(sink.isTTY)
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Sink {
  readonly isTTY?: boolean | undefined
  readonly write: (text: string) => unknown
}

/**
 * A running progress bar.
 *
 * @example
 * ```ts
 * import { Progress } from "@gongzhi/cli"
 *
 * const bar: Progress.Bar = Progress.make({ label: "replay", total: 10, sink: { isTTY: false, write: () => true } })
 * bar.advance(10)
 * bar.done()
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface Bar {
  /** Moves the bar forward by `by` steps (1 by default). */
  readonly advance: (by?: number) => void
  /** Finishes the bar and ends its line. */
  readonly done: () => void
}

/**
 * Starts a progress bar; it draws only when the sink is a terminal and `enabled` is not false,
 * at most every 1% and every 80 ms.
 *
 * @example
 * ```ts
 * import { Progress } from "@gongzhi/cli"
 *
 * let drawn = ""
 * const bar = Progress.make({ label: "生成", total: 4, sink: { isTTY: true, write: (t) => (drawn += t) }, now: () => 0 })
 * for (let i = 0; i < 4; i++) bar.advance()
 * bar.done()
 * console.log(drawn.includes("100%")) // true
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (options: {
  readonly label: string
  readonly total: number
  readonly sink: Sink
  readonly enabled?: boolean | undefined
  readonly width?: number | undefined
  /** Milliseconds clock, for throttling; `performance.now` by default. */
  readonly now?: (() => number) | undefined
}): Bar => {
  const active = options.enabled !== false && options.sink.isTTY === true && options.total > 0
  const width = options.width ?? 28
  const now = options.now ?? (() => performance.now())
  let count = 0
  let lastPercent = -1
  let lastTime = Number.NEGATIVE_INFINITY
  let finished = false
  const draw = (force: boolean) => {
    const percent = Math.min(100, Math.floor((count * 100) / options.total))
    const time = now()
    if (!force && (percent === lastPercent || time - lastTime < 80)) return
    lastPercent = percent
    lastTime = time
    const filled = Math.round((percent / 100) * width)
    options.sink.write(
      `\r${options.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${
        String(percent).padStart(3)
      }% ${count}/${options.total}`
    )
  }
  return {
    advance: (by = 1) => {
      count = Math.min(options.total, count + by)
      if (active) draw(false)
    },
    done: () => {
      if (finished) return
      finished = true
      if (!active) return
      count = options.total
      draw(true)
      options.sink.write("\n")
    }
  }
}
