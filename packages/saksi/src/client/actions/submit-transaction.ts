import type { Envelope, Receipt } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import type { TxAdmitted } from '../types/tx-answers.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link submitTransaction}. */
export interface SubmitTransactionParameters {
  /** The signed envelope, as an object or as its JSON text or bytes (sent as they are). */
  envelope: Envelope | string | Uint8Array
  /** Wait (up to 10 s, on the node) for the commit and answer the receipt. */
  wait?: boolean
}

/** What {@link submitTransaction} returns: the receipt once committed, else `{txId}` once admitted. */
export type SubmitTransactionReturnType = Receipt | TxAdmitted

/**
 * What {@link submitTransaction} throws: a `SaksiApiError` with the node's code (`TX_DUPLICATE`
 * 409 with `txId`, `TX_BAD_SIGNATURE` 401, `TX_EXPIRED` 422, `RATE_LIMITED` 429, `NODE_OVERLOADED`
 * 503 after the retries, ...), or a `SaksiNetworkError`.
 */
export type SubmitTransactionErrorType = RequestErrorType

/**
 * `POST /v1/tx`: submits a signed transaction envelope.
 * @returns `{txId}` (202), or with `wait` the receipt (200) if committed within 10 s
 */
export async function submitTransaction(client: SaksiClient, { envelope, wait }: SubmitTransactionParameters): Promise<SubmitTransactionReturnType> {
  const body = typeof envelope === 'string' || envelope instanceof Uint8Array ? envelope : JSON.stringify(envelope)
  const request = { method: 'POST' as const, path: '/v1/tx', query: wait ? { wait: 'true' } : {}, body }
  return (await requestJson<SubmitTransactionReturnType>(client, request, [200, 202])).data
}
