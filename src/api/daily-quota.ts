import { SaksiError } from 'saksi'

/**
 * Counts per key and UTC day, in memory (a restart forgives the day: the quota bounds a search to
 * tens of NIKs a day per key, which a restart now and then does not change).
 */
export class DailyQuota {
  readonly #used = new Map<string, number>()
  #day = ''
  constructor(private readonly limit: number) {}

  /** @throws SaksiError `REQUEST_QUOTA_EXCEEDED` (429) when `n` more would pass the day's limit */
  take(key: string, n: number, now = new Date()): void {
    const day = now.toISOString().slice(0, 10)
    if (day !== this.#day) {
      this.#used.clear()
      this.#day = day
    }
    const used = this.#used.get(key) ?? 0
    if (used + n > this.limit) throw new SaksiError('REQUEST_QUOTA_EXCEEDED', `a citizen may have at most ${this.limit} NIKs hashed a day; ask a field officer`, { limit: this.limit }, 'validation')
    this.#used.set(key, used + n)
  }
}
