/** The store layer: the `LedgerStore` interface every driver implements, and the drivers. */
export type { BlockCommit, LedgerStore, StoredEntry, StoreHead, TxLocation } from './ledger-store.js'
export { STORE_ERROR_CODES, storeError, type StoreErrorCode } from './store-errors.js'
export { checkBlockCommit, merkleNodeCount, type LogPosition } from './check-block-commit.js'
export { MemoryLedgerStore } from './memory/memory-ledger-store.js'
export { SqliteLedgerStore } from './sqlite/sqlite-ledger-store.js'
export { openSqliteLedgerStore, type SqliteStoreOptions } from './sqlite/open-sqlite-ledger-store.js'
export { SCHEMA_VERSION } from './sqlite/schema.js'
