/**
 * The index interval `[lo, hi)` of entries with `from <= index < to` (indexes being non-negative
 * integers), or `undefined` when it is empty or a bound is NaN. Drivers share it so that odd
 * arguments (negative, fractional, infinite) mean the same everywhere.
 * @param from inclusive lower bound
 * @param to exclusive upper bound
 * @returns integer bounds, `hi` possibly `Infinity`
 */
export function indexInterval(from: number, to: number): { lo: number; hi: number } | undefined {
  const lo = Math.max(0, Math.ceil(from))
  const hi = Math.ceil(to)
  if (!(lo < hi)) return undefined
  return { lo, hi }
}

/**
 * A page size as a count: NaN or anything below 1 is 0, fractions round down, `Infinity` stays.
 * @param limit the caller's limit
 * @returns how many items to return at most
 */
export function pageSize(limit: number): number {
  return limit >= 1 ? Math.floor(limit) : 0
}
