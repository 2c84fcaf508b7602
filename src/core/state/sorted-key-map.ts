import type { KeyRange } from './key-range.js'

/** First index `i` with `keys[i] >= key` (binary search). */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A map from string keys to values that keeps its keys sorted, for ordered range scans: a sorted
 * key array beside a hash map. Inserting a new key costs O(n) moves, which stays cheap for the
 * tens of thousands of keys an in-memory store or a block overlay holds.
 */
export class SortedKeyMap<V> {
  readonly #keys: string[] = []
  readonly #values = new Map<string, V>()

  /** Number of keys. */
  get size(): number {
    return this.#keys.length
  }

  /** The value at `key`, or undefined. */
  get(key: string): V | undefined {
    return this.#values.get(key)
  }

  /** True when `key` is present. */
  has(key: string): boolean {
    return this.#values.has(key)
  }

  /** Sets `key` to `value`, inserting the key in order if it is new. */
  set(key: string, value: V): void {
    if (!this.#values.has(key)) this.#keys.splice(lowerBound(this.#keys, key), 0, key)
    this.#values.set(key, value)
  }

  /** Removes `key`; returns whether it was present. */
  delete(key: string): boolean {
    if (!this.#values.delete(key)) return false
    this.#keys.splice(lowerBound(this.#keys, key), 1)
    return true
  }

  /** All keys in ascending order (a live view: do not mutate). */
  keys(): readonly string[] {
    return this.#keys
  }

  /** The keys inside `range`, in its direction, at most `range.limit` of them. */
  keysIn(range: KeyRange): string[] {
    const keys = this.#keys
    const from = lowerBound(keys, range.lo)
    const to = range.hi === undefined ? keys.length : lowerBound(keys, range.hi)
    const limit = range.limit ?? Infinity
    const out: string[] = []
    if (range.reverse) for (let i = to - 1; i >= from && out.length < limit; i--) out.push(keys[i]!)
    else for (let i = from; i < to && out.length < limit; i++) out.push(keys[i]!)
    return out
  }
}
