interface Item<V> {
  value: V
  expiresAtMs: number
  group: string | undefined
}

/**
 * Values that expire after one fixed time to live, at most `max` of them: the oldest are dropped
 * first. With one time to live, insertion order is expiry order, so expired values are purged from
 * the front of the map as new ones arrive: memory stays bounded and nothing needs a timer. A value
 * may belong to a group (a client, a signer): the map counts each group's live values and knows its
 * oldest, so that a caller can bound what one group holds.
 * @typeParam V what each key holds
 */
export class ExpiringMap<V> {
  readonly #ttlMs: number
  readonly #max: number
  readonly #items = new Map<string, Item<V>>()
  /** Each group's keys, oldest first (a Set keeps insertion order). */
  readonly #groups = new Map<string, Set<string>>()

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
   * @param group the group it counts in, if any
   * @returns its expiry, ms since the epoch
   */
  add(key: string, value: V, now: number, group?: string): number {
    this.purge(now)
    while (this.#items.size >= this.#max) this.delete(this.#items.keys().next().value!)
    this.delete(key)
    const expiresAtMs = now + this.#ttlMs
    this.#items.set(key, { value, expiresAtMs, group })
    if (group !== undefined) {
      const keys = this.#groups.get(group)
      if (keys) keys.add(key)
      else this.#groups.set(group, new Set([key]))
    }
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
    this.delete(key)
    return item?.value
  }

  /** Removes the value under `key`, if any. */
  delete(key: string): void {
    const item = this.#items.get(key)
    if (item === undefined) return
    this.#items.delete(key)
    if (item.group === undefined) return
    const keys = this.#groups.get(item.group)!
    keys.delete(key)
    if (keys.size === 0) this.#groups.delete(item.group)
  }

  /** Values of `group` held (call {@link purge} first to leave out expired ones). */
  countOf(group: string): number {
    return this.#groups.get(group)?.size ?? 0
  }

  /** The key and expiry of `group`'s oldest value, if it holds any. */
  oldestOf(group: string): { key: string; expiresAtMs: number } | undefined {
    const key = this.#groups.get(group)?.values().next().value
    return key === undefined ? undefined : { key, expiresAtMs: this.#items.get(key)!.expiresAtMs }
  }

  /** Removes the values expired at `now`. */
  purge(now: number): void {
    for (const [key, item] of this.#items) {
      if (item.expiresAtMs > now) return
      this.delete(key)
    }
  }
}
