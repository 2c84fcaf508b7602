import { ConflictError } from 'saksi'
import { MemoryRequestGuardStore, type RequestGuardStore } from '../store/index.js'

/**
 * Remembers signed requests until they expire, so that a captured request cannot be sent twice.
 * Bounded by the validity window: entries leave once expired. Kept in the node's
 * {@link RequestGuardStore}: with a data directory, `requests.sqlite`, so that a restart does not
 * forget (in memory without one).
 */
export class ReplayCache {
  /** @param store where claimed ids live (default: in memory) */
  constructor(private readonly store: RequestGuardStore = new MemoryRequestGuardStore()) {}

  /**
   * Claims a request id.
   * @throws ConflictError `REQUEST_REPLAYED` if it was claimed before and has not expired
   */
  claim(id: string, expiresAtMs: number, now = Date.now()): void {
    if (!this.store.claim(id, expiresAtMs, now)) throw new ConflictError('REQUEST_REPLAYED', 'this signed request was already used')
  }
}
