/** Codes the node itself raises (beyond the core's `TX_*` and `JSON_*`). */
export const NODE_ERROR_CODES = {
  TX_DUPLICATE: 'this transaction id is already admitted or committed',
  NODE_OVERLOADED: 'the admission queue is full; retry after the given seconds',
  NODE_CLOSED: 'the node is shutting down',
  ENTRY_NOT_FOUND: 'no entry at that index',
  BLOCK_NOT_FOUND: 'no block at that height',
  TX_NOT_FOUND: 'no transaction with that id',
  PROOF_RANGE_INVALID: 'the index or sizes are outside the log',
  GENESIS_MISMATCH: 'the data directory holds another network',
  NODE_KEY_MISMATCH: 'the node key is not the genesis node key',
  STATE_NOT_LOADED: 'committed state was read without loading it first (a node bug)',
} as const

/** A node error code. */
export type NodeErrorCode = keyof typeof NODE_ERROR_CODES
