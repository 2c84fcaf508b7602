import type { ContractEvent } from '../log/entry.js'
import type { StateWrite } from '../state/state-store.js'
import type { Tx } from '../tx/types.js'
import type { BlockTime } from './context.js'

/** One call to execute: the transaction and where it sits in the log. */
export interface CallInput {
  tx: Tx
  txId: string
  /** The entry's log index. */
  index: number
  /** The block's height. */
  block: number
  time: BlockTime
  /** The rules version the call executes under (the genesis document's `rules`; default 1). */
  rules?: number
}

/**
 * What a call did. A failed call has no events and no writes: nothing of it is kept but its code.
 */
export type CallOutcome =
  | { status: 'ok'; events: ContractEvent[]; writes: StateWrite[] }
  | { status: 'failed'; code: string; message?: string; events: []; writes: [] }
