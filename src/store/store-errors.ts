import { STORE_ERROR_CODES, StorageError, type StoreErrorCode } from 'saksi'

/** Codes of storage failures (all `StorageError`, kind `storage`); the table lives in core for browser-safe clients. */
export { STORE_ERROR_CODES, type StoreErrorCode }

/**
 * Builds the `StorageError` for a store code.
 * @param code the stable code
 * @param message human-readable detail (defaults to the code's English message)
 * @param details structured context (heights, indexes, the driver's own error code)
 * @returns the error, for the caller to throw
 */
export function storeError(code: StoreErrorCode, message?: string, details?: Record<string, unknown>): StorageError {
  return new StorageError(code, message ?? STORE_ERROR_CODES[code].en, details)
}
