import type { ContractEvent, Entry } from '../log/entry.js'
import type { RefusalExplanation } from './explain-refusal.js'

/** A committed transaction's receipt (PROTOCOL section 7, `GET /v1/tx/{txId}`, once committed). */
export interface Receipt {
  txId: string
  status: 'ok' | 'failed'
  /** The failure code, for a failed call. */
  code?: string
  index: number
  block: number
  time: string
  events: ContractEvent[]
}

/**
 * The receipt of a committed entry.
 * @param entry the log entry
 * @returns `{txId, status, code?, index, block, time, events}`
 */
export function receiptOf(entry: Entry): Receipt {
  const r = entry.result
  const receipt: Receipt = { txId: entry.txId, status: r.status, index: entry.index, block: entry.block, time: entry.time, events: r.events }
  if (r.status === 'failed') receipt.code = r.code
  return receipt
}

/** A transaction the node has admitted and not committed yet (`GET /v1/tx/{txId}`). */
export interface PendingReceipt {
  txId: string
  status: 'pending'
}

/**
 * What a call would give if committed now (`POST /v1/tx/simulate`, PROTOCOL-NOTES "Preflight"):
 * executed on the committed head, nothing kept, the txId not consumed.
 */
export interface SimulatedReceipt {
  txId: string
  status: 'ok' | 'failed'
  /** The failure code, for a failed call. */
  code?: string
  /** Why, for a failed call, as its committed entry would record it. */
  message?: string
  /** The log index the entry would take now (the log size). */
  index: number
  events: ContractEvent[]
  simulated: true
  /** For a call refused on its access decision: the roles needed and held (never in a committed result). */
  explanation?: RefusalExplanation
}
