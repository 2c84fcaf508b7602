/** Codes of storage failures (all `StorageError`, kind `storage`). */
export const STORE_ERROR_CODES = {
  STORE_NOT_INITIALISED: 'the store has no genesis yet',
  STORE_ALREADY_INITIALISED: 'the store already holds a genesis',
  STORE_BLOCK_OUT_OF_ORDER: 'the block does not follow the head, or its entries do not continue the log',
  STORE_DUPLICATE_TX: 'a transaction id in the block is already committed',
  STORE_CORRUPT: 'stored data does not decode or is inconsistent',
  STORE_CLOSED: 'the store has been closed',
  STORE_IO: 'the database failed',
} as const

/** A storage error code. */
export type StoreErrorCode = keyof typeof STORE_ERROR_CODES
