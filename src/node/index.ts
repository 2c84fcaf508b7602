/** The embedded node: admission, signature workers, ordering, blocks, receipts, the payment outbox. Import it from here, never from its files. */
export type { NodeHalt, NodeHealth, SaksiNode } from './saksi-node.js'
export { SignaturePool } from './signature-pool.js'
export { parseGenesis, createGenesis, type Genesis } from './genesis.js'
export { DEFAULT_EXECUTION_TIMEOUT_MS, openNode, type OpenNodeOptions } from './open-node.js'
export type { LedgerNode } from './ledger-node.js'
export { fileCursor, memoryCursor, followerCursorFile, FollowerSet, describeFollowerShutdown, type Follower, type FollowerCursor } from './followers/index.js'
export { PaymentOutbox } from './payments/payment-outbox.js'
export { SimulatedBank } from './payments/simulated-bank.js'
