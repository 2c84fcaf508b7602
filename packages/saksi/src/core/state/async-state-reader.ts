import type { JsonValue } from '../encoding/json.js'
import type { KeyRange } from './key-range.js'
import type { StateEntry, StateStore } from './state-store.js'

/** One key of one contract's namespace. */
export interface StateKeyRef {
  contract: string
  key: string
}

/** One range scan of one contract's namespace. */
export interface StateScan {
  contract: string
  range: KeyRange
}

/**
 * Committed contract state read asynchronously and in batches: the state interface every storage
 * driver offers, including those over a network database (PostgreSQL), which answer each batch in
 * one round trip. The node never executes on it directly (execution is synchronous): it loads what a
 * block reads into a bounded cache and executes on that (see `docs/ARCHITECTURE.md`, "State reads").
 *
 * The rules of {@link StateStore} hold: string (byte) key order, fresh or deeply frozen values,
 * never `null`. Failures reject with a `StorageError`.
 */
export interface AsyncStateReader {
  /**
   * The values at `keys`, in the same order.
   * @returns one value per key, `undefined` where the key is absent
   */
  getMany(keys: readonly StateKeyRef[]): Promise<(JsonValue | undefined)[]>
  /**
   * The answers of several range scans, in the same order; each as `StateStore.range` answers it
   * (ordered by key, descending when `reverse`, at most `limit` entries).
   */
  rangeMany(scans: readonly StateScan[]): Promise<StateEntry[][]>
}

/**
 * The asynchronous interface over a synchronous store (SQLite, memory): each batch is read at once.
 * @param state the synchronous reads
 */
export function asyncStateReader(state: StateStore): AsyncStateReader {
  return {
    getMany: async (keys) => keys.map((k) => state.get(k.contract, k.key)),
    rangeMany: async (scans) => scans.map((s) => state.range(s.contract, s.range)),
  }
}
