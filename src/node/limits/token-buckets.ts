import type { RateLimit } from './admission-limits.js'

interface Bucket {
  tokens: number
  /** When `tokens` was last brought up to date, ms. */
  at: number
}

/**
 * Token buckets by id (a key, a client address) in a bounded map: at most `tracked` buckets, the
 * least recently used dropped first. A dropped bucket comes back full, which is where a bucket left
 * alone would be anyway once it refilled; to empty someone's bucket early is not possible, and to
 * refill one's own a caller must first make `tracked` other ids recent, which the other limits bound.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>()

  /**
   * @param limit the size and refill rate of every bucket
   * @param tracked most buckets held at once
   */
  constructor(
    private readonly limit: RateLimit,
    private readonly tracked: number,
  ) {}

  /** Buckets held now. */
  get size(): number {
    return this.#buckets.size
  }

  /**
   * Takes `cost` tokens from `id`'s bucket if it holds them (a cost above the burst costs the burst).
   * @returns 0 when taken; otherwise the ms until the bucket will hold them (nothing is taken)
   */
  take(id: string, cost: number, now: number): number {
    const { burst, perSecond } = this.limit
    const need = Math.min(cost, burst)
    let b = this.#buckets.get(id)
    if (b === undefined) {
      if (this.#buckets.size >= this.tracked) this.#buckets.delete(this.#buckets.keys().next().value!)
      b = { tokens: burst, at: now }
    } else {
      // Re-inserted below, so that the map's order is the order of use.
      this.#buckets.delete(id)
      b.tokens = Math.min(burst, b.tokens + (Math.max(0, now - b.at) * perSecond) / 1000)
      b.at = now
    }
    this.#buckets.set(id, b)
    if (b.tokens >= need) {
      b.tokens -= need
      return 0
    }
    return Math.ceil(((need - b.tokens) * 1000) / perSecond)
  }
}
