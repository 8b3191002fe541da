/**
 * Interop with fp-ts for hosts written with it: `Result` ↔ fp-ts `Either`.
 *
 * Import from `@gongzhi/core/fp-ts`. fp-ts is an optional peer dependency: this
 * module only builds fp-ts's plain `{ _tag: "Left" | "Right" }` values and is never
 * loaded unless imported.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import type { Either } from "fp-ts/lib/Either.js"

/**
 * Converts an effect `Result` to an fp-ts `Either` (failure → `Left`, success → `Right`).
 *
 * @example
 * ```ts
 * import { Points } from "@gongzhi/core"
 * import { toEither } from "@gongzhi/core/fp-ts"
 *
 * const either = toEither(Points.parse("400"))
 * console.log(either._tag) // "Right"
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toEither = <A, E>(result: Result.Result<A, E>): Either<E, A> =>
  Result.isSuccess(result) ? { _tag: "Right", right: result.success } : { _tag: "Left", left: result.failure }

/**
 * Converts an fp-ts `Either` to an effect `Result` (`Left` → failure, `Right` → success).
 *
 * @example
 * ```ts
 * import { fromEither } from "@gongzhi/core/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * console.log(fromEither(E.right(1))._tag) // "Success"
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromEither = <E, A>(either: Either<E, A>): Result.Result<A, E> =>
  either._tag === "Right" ? Result.succeed(either.right) : Result.fail(either.left)
