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
 * Read access to contract state, the interface every storage driver implements (in-memory here;
 * SQLite and PostgreSQL in the store layer). Synchronous so that contract execution stays
 * synchronous and deterministic. Each contract has its own namespace of keys.
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
