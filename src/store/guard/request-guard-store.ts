/**
 * What a node remembers of signed requests between restarts (node-local, never on the log): the
 * ids of requests already used, until they expire, and per-key daily counts. A restart must not
 * forget either, or a captured request could be sent again and a day's quota start afresh.
 */
export interface RequestGuardStore {
  /**
   * Claims a request id until `expiresAtMs`; an id whose claim expired may be claimed again.
   * Expired ids are removed now and then.
   * @returns false when the id is claimed and has not expired
   */
  claim(id: string, expiresAtMs: number, nowMs: number): boolean
  /**
   * Adds `n` to the count of `key` for `day` (a UTC date, `YYYY-MM-DD`) if it stays within `limit`.
   * Counts of earlier days are removed now and then.
   * @returns false, taking nothing, when `n` more would pass the limit
   */
  take(key: string, day: string, n: number, limit: number): boolean
  /** Releases the store's resources (a database connection). */
  close(): void
}
