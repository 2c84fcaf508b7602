import { ChunkedKeys } from './chunked-keys.js'

/** Past every key and every range bound (keys and bounds are at most 0x7F): an open upper end. */
export const SPAN_END = '\uffff'

/** A half-open interval of keys `[lo, hi)`; `hi` is {@link SPAN_END} for no upper bound. */
export interface KeySpan {
  lo: string
  hi: string
}

/** What {@link KeySpans.add} did: the span now held, and the starts of the spans it absorbed. */
export interface SpanMerge {
  span: KeySpan
  absorbed: string[]
}

/**
 * A set of disjoint key intervals, merged when they overlap or touch, with O(log n) lookups: the
 * parts of a key space a cache knows completely (see `StateCache`). Starts are kept in sorted chunks
 * ({@link ChunkedKeys}), so that a hundred thousand small spans (one per citizen's prefix) stay cheap.
 */
export class KeySpans {
  readonly #starts = new ChunkedKeys()
  readonly #ends = new Map<string, string>()

  /** Number of spans. */
  get size(): number {
    return this.#starts.size
  }

  /** The span holding `key` (`lo <= key < hi`), if any. */
  containing(key: string): KeySpan | undefined {
    const lo = this.#starts.floor(key, true)
    if (lo === undefined) return undefined
    const hi = this.#ends.get(lo)!
    return key < hi ? { lo, hi } : undefined
  }

  /** The span holding the keys just below `hi` (`lo < hi <= span.hi`), if any: where a descending scan starts. */
  endingAt(hi: string): KeySpan | undefined {
    const lo = this.#starts.floor(hi, false)
    if (lo === undefined) return undefined
    const end = this.#ends.get(lo)!
    return hi <= end ? { lo, hi: end } : undefined
  }

  /**
   * Adds `[lo, hi)`, merged with every span it overlaps or touches.
   * @returns the merged span and the starts of the spans it replaced
   */
  add(lo: string, hi: string): SpanMerge {
    const absorbed: string[] = []
    let start = lo
    let end = hi
    const before = this.#starts.floor(lo, true)
    if (before !== undefined && this.#ends.get(before)! >= lo) {
      start = before
      if (this.#ends.get(before)! > end) end = this.#ends.get(before)!
    }
    for (;;) {
      // The first span starting inside (or right at the end of) what is being added.
      const [next] = this.#starts.keysIn({ lo: start, hi: `${end}\0`, reverse: false, limit: 1 })
      if (next === undefined) break
      const nextEnd = this.#ends.get(next)!
      if (nextEnd > end) end = nextEnd
      this.#remove(next)
      absorbed.push(next)
    }
    this.#starts.insert(start)
    this.#ends.set(start, end)
    return { span: { lo: start, hi: end }, absorbed }
  }

  /** Removes the span starting at `lo` (nothing if there is none). */
  delete(lo: string): void {
    if (this.#ends.has(lo)) this.#remove(lo)
  }

  #remove(lo: string): void {
    this.#starts.remove(lo)
    this.#ends.delete(lo)
  }
}
