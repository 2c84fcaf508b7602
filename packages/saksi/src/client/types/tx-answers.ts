import type { PendingReceipt, Receipt } from '../../core/index.js'

export type { PendingReceipt }

/** `{txId}`: a transaction admitted and not yet committed (`202`). */
export interface TxAdmitted {
  txId: string
}


/** A committed transaction's receipt, or a pending one. */
export type ReceiptOrPending = Receipt | PendingReceipt
