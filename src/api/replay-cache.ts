import { ConflictError } from 'saksi'

/**
 * Remembers signed requests until they expire, so that a captured request cannot be sent twice.
 * Bounded by the validity window: entries leave once expired. (In memory: after a restart a request
 * still within its window could be replayed once; the vault then holds a duplicate sealed record,
 * referenced by nothing.)
 */
export class ReplayCache {
  readonly #seen = new Map<string, number>()

  /**
   * Claims a request id.
   * @throws ConflictError `REQUEST_REPLAYED` if it was claimed before and has not expired
   */
  claim(id: string, expiresAtMs: number, now = Date.now()): void {
    if (this.#seen.size > 1000) for (const [k, exp] of this.#seen) if (exp <= now) this.#seen.delete(k)
    if (this.#seen.has(id)) throw new ConflictError('REQUEST_REPLAYED', 'this signed request was already used')
    this.#seen.set(id, expiresAtMs)
  }
}
