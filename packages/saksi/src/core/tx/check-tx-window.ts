import { ValidationError } from '../errors.js'
import type { ParsedEnvelope } from './types.js'

/** The network rules an admitted transaction must meet. */
export interface TxWindow {
  /** This network's id. */
  network: string
  /** The node's clock, ms since the epoch. */
  now: number
  /** Largest allowed distance of `expiresAt` ahead of `now` (PROTOCOL default 3600 s). */
  maxValiditySeconds: number
}

/**
 * Checks a transaction against the network id and the expiry window (PROTOCOL section 3).
 * @throws ValidationError `TX_WRONG_NETWORK`, `TX_EXPIRED` or `TX_TOO_FAR_AHEAD`
 */
export function checkTxWindow(parsed: ParsedEnvelope, window: TxWindow): void {
  const { tx } = parsed.envelope
  if (tx.network !== window.network) {
    throw new ValidationError('TX_WRONG_NETWORK', `this transaction is for network ${JSON.stringify(tx.network)}, not ${JSON.stringify(window.network)}`, {
      expected: window.network,
    })
  }
  if (parsed.expiresAtMs <= window.now) throw new ValidationError('TX_EXPIRED', `the transaction expired at ${tx.expiresAt}`, { expiresAt: tx.expiresAt })
  if (parsed.expiresAtMs > window.now + window.maxValiditySeconds * 1000) {
    throw new ValidationError('TX_TOO_FAR_AHEAD', `expiresAt is more than ${window.maxValiditySeconds} s ahead`, { maxValiditySeconds: window.maxValiditySeconds })
  }
}
