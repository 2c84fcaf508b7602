import { ChunkedKeys } from './chunked-keys.js'
import type { KeyRange } from './key-range.js'

/**
 * A map from string keys to values that keeps its keys sorted, for ordered range scans: sorted key
 * chunks ({@link ChunkedKeys}, O(log n) inserts) beside a hash map.
 */
export class SortedKeyMap<V> {
  readonly #keys = new ChunkedKeys()
  readonly #values = new Map<string, V>()

  /** Number of keys. */
  get size(): number {
    return this.#keys.size
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
    if (!this.#values.has(key)) this.#keys.insert(key)
    this.#values.set(key, value)
  }

  /** Removes `key`; returns whether it was present. */
  delete(key: string): boolean {
    if (!this.#values.delete(key)) return false
    this.#keys.remove(key)
    return true
  }

  /** All keys in ascending order. */
  keys(): IterableIterator<string> {
    return this.#keys.all()
  }

  /** The keys inside `range`, in its direction, at most `range.limit` of them. */
  keysIn(range: KeyRange): string[] {
    return this.#keys.keysIn(range)
  }
}
