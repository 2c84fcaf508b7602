import { SaksiError } from 'saksi'
import { MemoryRequestGuardStore, type RequestGuardStore } from '../store/index.js'

/** Options of {@link DailyQuota}. */
export interface DailyQuotaOptions {
  /** Where counts live (default: in memory); with a data directory, `requests.sqlite`. */
  store?: RequestGuardStore
  /** What is counted, to keep the counts of several quotas apart in one store (default `quota`). */
  scope?: string
  /** The refusal's message, given the limit. */
  message?: (limit: number) => string
}

/**
 * Counts per key and UTC day, up to a limit, in the node's {@link RequestGuardStore}: a restart
 * does not start the day afresh when the store is a file.
 */
export class DailyQuota {
  readonly #store: RequestGuardStore
  readonly #scope: string
  readonly #message: (limit: number) => string

  /** @param limit most per key and day */
  constructor(
    private readonly limit: number,
    options: DailyQuotaOptions = {},
  ) {
    this.#store = options.store ?? new MemoryRequestGuardStore()
    this.#scope = options.scope ?? 'quota'
    this.#message = options.message ?? ((n) => `a citizen may have at most ${n} NIKs hashed a day; ask a field officer`)
  }

  /** @throws SaksiError `REQUEST_QUOTA_EXCEEDED` (429) when `n` more would pass the day's limit; nothing is taken then */
  take(key: string, n: number, now = new Date()): void {
    if (!this.#store.take(`${this.#scope}:${key}`, now.toISOString().slice(0, 10), n, this.limit)) {
      throw new SaksiError('REQUEST_QUOTA_EXCEEDED', this.#message(this.limit), { limit: this.limit }, 'validation')
    }
  }

  /** Gives back `n` taken today for something that did not happen after all (never below zero in effect: only what was taken). */
  refund(key: string, n: number, now = new Date()): void {
    this.#store.take(`${this.#scope}:${key}`, now.toISOString().slice(0, 10), -n, Number.POSITIVE_INFINITY)
  }
}
