import { StorageError } from '../core/index.js'

/** Codes of storage failures (all `StorageError`, kind `storage`). */
export const STORE_ERROR_CODES = {
  STORE_NOT_INITIALISED: 'the store has no genesis yet',
  STORE_ALREADY_INITIALISED: 'the store already holds a genesis',
  STORE_BLOCK_OUT_OF_ORDER: 'the block does not follow the head, or its entries do not continue the log',
  STORE_DUPLICATE_TX: 'a transaction id in the block is already committed',
  STORE_COMMIT_INVALID: 'the block commit contradicts itself (entry count, Merkle nodes or field types)',
  STORE_CORRUPT: 'stored data does not decode or is inconsistent',
  STORE_SCHEMA_UNSUPPORTED: 'the database was written by a newer schema version than this code knows',
  STORE_OPTIONS_INVALID: 'a driver option is out of range',
  STORE_CLOSED: 'the store has been closed',
  STORE_IO: 'the database failed',
} as const

/** A storage error code. */
export type StoreErrorCode = keyof typeof STORE_ERROR_CODES

/**
 * Builds the `StorageError` for a store code.
 * @param code the stable code
 * @param message human-readable detail (defaults to the code's description)
 * @param details structured context (heights, indexes, the driver's own error code)
 * @returns the error, for the caller to throw
 */
export function storeError(code: StoreErrorCode, message?: string, details?: Record<string, unknown>): StorageError {
  return new StorageError(code, message ?? STORE_ERROR_CODES[code], details)
}
