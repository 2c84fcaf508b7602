import type { LedgerStore } from '../store/index.js'

/**
 * Asks the store which transaction ids are already committed, gathering the questions of one
 * event-loop turn into a single `committedTxIds` query: under load, admission checks dozens of ids
 * per turn, and one indexed lookup of many ids costs little more than one of a single id.
 */
export class CommittedCheck {
  #batch: { txId: string; resolve: (committed: boolean) => void; reject: (e: unknown) => void }[] = []

  /** @param store the ledger store to ask */
  constructor(private readonly store: LedgerStore) {}

  /** Whether `txId` is committed; rejects with the store's error if the query fails. */
  isCommitted(txId: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.#batch.length === 0) setImmediate(() => void this.#flush())
      this.#batch.push({ txId, resolve, reject })
    })
  }

  async #flush(): Promise<void> {
    const batch = this.#batch
    this.#batch = []
    try {
      const committed = await this.store.committedTxIds(batch.map((b) => b.txId))
      for (const b of batch) b.resolve(committed.has(b.txId))
    } catch (e) {
      for (const b of batch) b.reject(e)
    }
  }
}
