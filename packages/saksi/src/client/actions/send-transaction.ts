import { signTx, type JsonObject, type Signer } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { getNetwork } from './get-network.js'
import { submitTransaction, type SubmitTransactionReturnType } from './submit-transaction.js'

/** Parameters of {@link sendTransaction}: the call, the key that signs it, and how to wait. */
export interface SendTransactionParameters {
  signer: Signer
  contract: string
  method: string
  args?: JsonObject
  /** The network id (default: asked of the node with `GET /v1/network`). */
  network?: string
  /** Default: 16 random hex characters. */
  nonce?: string
  /** Default: `now + ttlSeconds`. */
  expiresAt?: string
  /** Clock for the default expiry, in ms (default `Date.now()`). */
  now?: number
  /** Validity window for the default expiry (default 300 s). */
  ttlSeconds?: number
  /** Wait (up to 10 s, on the node) for the receipt. */
  wait?: boolean
}

/** What {@link sendTransaction} returns: as {@link submitTransaction}. */
export type SendTransactionReturnType = SubmitTransactionReturnType

/** What {@link sendTransaction} throws: as {@link submitTransaction}, and a `ValidationError` (`TX_*`) for a call that cannot be signed. */
export type SendTransactionErrorType = RequestErrorType

/** Builds and signs a transaction for the node's network, and submits it (`POST /v1/tx`). */
export async function sendTransaction(client: SaksiClient, p: SendTransactionParameters): Promise<SendTransactionReturnType> {
  const network = p.network ?? (await getNetwork(client)).network
  const { envelope } = signTx({ network, contract: p.contract, method: p.method, args: p.args, nonce: p.nonce, expiresAt: p.expiresAt, now: p.now, ttlSeconds: p.ttlSeconds }, p.signer)
  return submitTransaction(client, { envelope, wait: p.wait })
}
