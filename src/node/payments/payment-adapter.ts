/** A transfer the node asks a bank (or payment gateway) to make. */
export interface PaymentOrder {
  /** The same for every attempt at the same payment: the bank pays a key at most once. */
  idempotencyKey: string
  /** Whole Rupiah. */
  amount: number
  currency: 'IDR'
  /** The payee's account, as a vault reference the adapter resolves (never on the log in clear). */
  payee: string
  /** The instruction this pays, for the bank's statement. */
  reference: string
  attempt: number
}

/** What the bank answered. */
export type PaymentOutcome = { status: 'paid'; bankReference: string } | { status: 'failed'; reason: string }

/**
 * Executes payments after commit (DESIGN "Contracts": side effects happen in the node, through an
 * outbox, idempotently). Implementations: `SimulatedBank` for tests and the demo; a bank's or
 * payment gateway's API in production. `pay` may throw for a transient fault (network down): the
 * outbox then tries again later with the same idempotency key.
 */
export interface PaymentAdapter {
  pay(order: PaymentOrder): Promise<PaymentOutcome>
}
