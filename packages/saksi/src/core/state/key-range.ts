import { ValidationError } from '../errors.js'
import { isKeyBound } from './state-key.js'

/** A range scan as contracts ask for it. Bounds are compared in key (byte) order. */
export interface RangeOptions {
  /** Only keys that start with this prefix. */
  prefix?: string
  /** Only keys at or after this one (inclusive). */
  start?: string
  /** Only keys before this one (exclusive). */
  end?: string
  /** At most this many entries (a non-negative integer). */
  limit?: number
  /** Descending key order instead of ascending. */
  reverse?: boolean
}

/**
 * A resolved range, as storage drivers receive it: keys `k` with `lo <= k` and, when `hi` is set,
 * `k < hi`; in SQL, `key >= lo AND key < hi ORDER BY key [DESC] LIMIT limit`.
 */
export interface KeyRange {
  /** Inclusive lower bound ('' for no bound). */
  lo: string
  /** Exclusive upper bound, or undefined for none. It may contain 0x7F (one past any key character). */
  hi?: string
  /** At most this many entries; undefined for no limit. */
  limit?: number
  /** Descending order. */
  reverse: boolean
}

function bad(message: string): never {
  throw new ValidationError('STATE_RANGE_INVALID', message)
}

/**
 * Resolves contract-facing range options to the bounds drivers use. A prefix `p` becomes
 * `[p, p')` where `p'` is `p` with its last character incremented: for keys drawn from 0x21-0x7E
 * that interval holds exactly the keys starting with `p`.
 * @param options prefix, start, end, limit, reverse
 * @returns the key range
 * @throws ValidationError `STATE_RANGE_INVALID` if a bound is not printable ASCII or the limit is not a non-negative integer
 */
export function toKeyRange(options: RangeOptions = {}): KeyRange {
  if (typeof options !== 'object' || options === null) bad('range options must be an object')
  const { prefix, start, end, limit, reverse } = options
  for (const [name, v] of [['prefix', prefix], ['start', start], ['end', end]] as const) {
    if (v !== undefined && !isKeyBound(v)) bad(`range ${name} must be at most 512 printable ASCII characters without spaces`)
  }
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) bad('range limit must be a non-negative integer')
  if (reverse !== undefined && typeof reverse !== 'boolean') bad('range reverse must be a boolean')
  let lo = start ?? ''
  let hi = end
  if (prefix !== undefined && prefix !== '') {
    if (prefix > lo) lo = prefix
    const prefixEnd = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
    if (hi === undefined || prefixEnd < hi) hi = prefixEnd
  }
  const range: KeyRange = { lo, reverse: reverse ?? false }
  if (hi !== undefined) range.hi = hi
  if (limit !== undefined) range.limit = limit
  return range
}

/** True when `key` lies inside `range` (ignoring the limit). */
export function keyInRange(key: string, range: KeyRange): boolean {
  return key >= range.lo && (range.hi === undefined || key < range.hi)
}
