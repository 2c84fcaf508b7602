import type { ParsedEnvelope } from 'saksi'

/** A batch of admitted transactions the orderer fixed as the next block, with its time. */
export interface OrderedBatch {
  /** The block time (RFC 3339 UTC, ms), stamped by the orderer: the only clock contracts see. */
  time: string
  /** Transactions in commit order. */
  txs: ParsedEnvelope[]
}

/**
 * Executes and commits one ordered batch. The orderer hands batches over in order and may hand the
 * next one before the previous has finished (the embedded node executes a block while the one before
 * it is written); the handler commits them in the order it received them.
 */
export type BatchHandler = (batch: OrderedBatch) => Promise<void>

/**
 * Orders admitted transactions into blocks (DESIGN "Ordering, blocks, time"). The embedded node
 * uses {@link LocalOrderer}; a network of agencies uses a JetStream orderer behind the same
 * interface, whose stream order (and "seal" messages carrying block boundaries and times) every node
 * sees alike.
 */
export interface Orderer {
  /** Queues an admitted transaction for a coming block. */
  submit(tx: ParsedEnvelope): void
  /** Starts cutting blocks, handing each to `handler` in order. */
  start(handler: BatchHandler): void
  /** Transactions queued and not yet handed to the handler. */
  queued(): number
  /** Stops cutting; hands over what is queued and waits for the batches in progress. */
  stop(): Promise<void>
}
