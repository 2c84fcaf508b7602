import type { JsonValue } from '../encoding/json.js'
import type { KeyRange } from './key-range.js'

/** One key and its value, as a range scan returns them. */
export interface StateEntry {
  key: string
  value: JsonValue
}

/**
 * One state write: `value` is the new value, or absent for a delete. The write set of a
 * transaction and of a block are lists of these (see `src/core/runtime/README.md`).
 */
export interface StateWrite {
  contract: string
  key: string
  value?: JsonValue
}

/**
 * Synchronous read access to contract state: what contract execution reads through, synchronous so
 * that execution stays synchronous and deterministic. Overlays, `MemoryStateStore` and the node's
 * cache of committed state implement it, and so do the optional synchronous reads of drivers whose
 * database is local (`LedgerStore.syncState`: SQLite, memory). Storage drivers read state through
 * `AsyncStateReader`; one over a network database (PostgreSQL) offers only that, and the node
 * loads what a block reads into a bounded cache (docs/ARCHITECTURE.md, "State reads"). Each contract
 * has its own namespace of keys.
 *
 * Rules for implementations:
 * - keys are compared as strings, which for state keys (printable ASCII) is byte order;
 * - returned values are either fresh objects or deeply frozen ones; callers must not mutate them
 *   (the runtime freezes what it hands to contracts);
 * - values are never `null` (a delete removes the key).
 */
export interface StateStore {
  /**
   * The value at `key` in `contract`'s namespace.
   * @returns the value, or `undefined` when the key is absent
   */
  get(contract: string, key: string): JsonValue | undefined
  /**
   * The entries of `contract` whose keys lie in `range`, ordered by key (descending when
   * `range.reverse`), at most `range.limit` of them.
   */
  range(contract: string, range: KeyRange): StateEntry[]
}
