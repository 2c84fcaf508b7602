import type { KeyRange } from './key-range.js'

const MAX_CHUNK = 512

/** First index `i` with `keys[i] >= key` in a sorted array (binary search). */
export function lowerBound(keys: readonly string[], key: string): number {
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
 * A sorted set of string keys kept as a list of sorted chunks of at most 512 keys, so that an
 * insert or a delete moves at most a chunk (and, rarely, the chunk list) instead of every key:
 * O(log n + 512) where a single sorted array costs O(n). In-memory state and an audit's
 * re-execution hold a million keys and more, where O(n) inserts would take hours.
 */
export class ChunkedKeys {
  readonly #chunks: string[][] = []
  #size = 0

  /** Number of keys. */
  get size(): number {
    return this.#size
  }

  /** Adds `key` (which must not be present). */
  insert(key: string): void {
    const chunks = this.#chunks
    if (chunks.length === 0) {
      chunks.push([key])
      this.#size++
      return
    }
    const ci = Math.min(this.#chunkFor(key), chunks.length - 1)
    const chunk = chunks[ci]!
    chunk.splice(lowerBound(chunk, key), 0, key)
    this.#size++
    if (chunk.length > MAX_CHUNK) chunks.splice(ci + 1, 0, chunk.splice(MAX_CHUNK >>> 1))
  }

  /** Removes `key` (which must be present). */
  remove(key: string): void {
    const ci = this.#chunkFor(key)
    const chunk = this.#chunks[ci]
    if (!chunk) return
    const i = lowerBound(chunk, key)
    if (chunk[i] !== key) return
    chunk.splice(i, 1)
    this.#size--
    if (chunk.length === 0) this.#chunks.splice(ci, 1)
  }

  /** The keys inside `range`, in its direction, at most `range.limit` of them. */
  keysIn(range: KeyRange): string[] {
    const limit = range.limit ?? Infinity
    const out: string[] = []
    const inside = (k: string) => k >= range.lo && (range.hi === undefined || k < range.hi)
    if (!range.reverse) {
      let [ci, i] = this.#position(range.lo)
      for (; ci < this.#chunks.length && out.length < limit; ci++, i = 0) {
        const chunk = this.#chunks[ci]!
        for (; i < chunk.length && out.length < limit; i++) {
          if (!inside(chunk[i]!)) return out
          out.push(chunk[i]!)
        }
      }
      return out
    }
    let [ci, i] = range.hi === undefined ? [this.#chunks.length, 0] : this.#position(range.hi)
    // Step back from the first key at or after `hi` to the last key before it.
    for (i--; ci >= 0 && out.length < limit; ci--, i = (this.#chunks[ci]?.length ?? 0) - 1) {
      const chunk = this.#chunks[ci]
      if (!chunk) continue
      for (; i >= 0 && out.length < limit; i--) {
        if (!inside(chunk[i]!)) return out
        out.push(chunk[i]!)
      }
    }
    return out
  }

  /**
   * The greatest key before `key` (or equal to it, when `inclusive`), without building a list.
   * @returns the key, or undefined when there is none
   */
  floor(key: string, inclusive: boolean): string | undefined {
    const [ci, i] = this.#position(key)
    const chunk = this.#chunks[ci]
    if (inclusive && chunk !== undefined && chunk[i] === key) return key
    if (i > 0) return chunk![i - 1]
    const before = this.#chunks[ci - 1]
    return before?.[before.length - 1]
  }

  // The first chunk whose last key is >= key (chunks.length when none is).
  #chunkFor(key: string): number {
    let lo = 0
    let hi = this.#chunks.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const chunk = this.#chunks[mid]!
      if (chunk[chunk.length - 1]! < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  // Chunk and offset of the first key >= key.
  #position(key: string): [number, number] {
    const ci = this.#chunkFor(key)
    const chunk = this.#chunks[ci]
    return chunk ? [ci, lowerBound(chunk, key)] : [this.#chunks.length, 0]
  }

  /** All keys in ascending order. */
  *all(): IterableIterator<string> {
    for (const chunk of this.#chunks) yield* chunk
  }
}
