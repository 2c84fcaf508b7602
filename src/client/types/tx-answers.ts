import type { Receipt } from '../../core/index.js'

/** `{txId}`: a transaction admitted and not yet committed (`202`). */
export interface TxAdmitted {
  txId: string
}

/** A transaction the node knows and has not committed yet (`GET /v1/tx/{txId}`). */
export interface PendingReceipt {
  txId: string
  status: 'pending'
}

/** A committed transaction's receipt, or a pending one. */
export type ReceiptOrPending = Receipt | PendingReceipt
