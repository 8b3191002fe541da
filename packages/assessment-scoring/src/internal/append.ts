/**
 * Appends `items` to `target` one by one: never `target.push(...items)`, whose arguments go on
 * the stack and overflow it for a few hundred thousand items (a list of issues can be that long).
 */
export const append = <A>(target: Array<A>, items: ReadonlyArray<A>): void => {
  for (const item of items) target.push(item)
}
