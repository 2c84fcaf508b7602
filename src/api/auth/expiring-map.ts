/**
 * Values that expire after one fixed time to live, at most `max` of them: the oldest are dropped
 * first. With one time to live, insertion order is expiry order, so expired values are purged from
 * the front of the map as new ones arrive: memory stays bounded and nothing needs a timer.
 * @typeParam V what each key holds
 */
export class ExpiringMap<V> {
  readonly #ttlMs: number
  readonly #max: number
  readonly #items = new Map<string, { value: V; expiresAtMs: number }>()

  /**
   * @param ttlMs how long a value lives, in ms
   * @param max the most values held (the oldest goes first past it)
   */
  constructor(ttlMs: number, max: number) {
    this.#ttlMs = ttlMs
    this.#max = max
  }

  /** How many values are held (expired ones not yet purged included). */
  get size(): number {
    return this.#items.size
  }

  /**
   * Holds `value` under `key` until `now` + the time to live.
   * @returns its expiry, ms since the epoch
   */
  add(key: string, value: V, now: number): number {
    this.#purge(now)
    while (this.#items.size >= this.#max) this.#items.delete(this.#items.keys().next().value!)
    const expiresAtMs = now + this.#ttlMs
    this.#items.set(key, { value, expiresAtMs })
    return expiresAtMs
  }

  /** The value under `key` if it has not expired at `now`. */
  get(key: string, now: number): { value: V; expiresAtMs: number } | undefined {
    const item = this.#items.get(key)
    return item && item.expiresAtMs > now ? item : undefined
  }

  /**
   * Removes and answers the value under `key` if it has not expired at `now`: single use.
   */
  take(key: string, now: number): V | undefined {
    const item = this.get(key, now)
    this.#items.delete(key)
    return item?.value
  }

  #purge(now: number): void {
    for (const [key, item] of this.#items) {
      if (item.expiresAtMs > now) return
      this.#items.delete(key)
    }
  }
}
