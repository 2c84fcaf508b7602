import type { Envelope, SimulatedReceipt } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link simulateTransaction}. */
export interface SimulateTransactionParameters {
  /** The signed envelope, as an object or as its JSON text or bytes (sent as they are). */
  envelope: Envelope | string | Uint8Array
}

/** What {@link simulateTransaction} returns: the would-be receipt (`simulated: true`), with `explanation` for an access refusal. */
export type SimulateTransactionReturnType = SimulatedReceipt

/**
 * What {@link simulateTransaction} throws: a `SaksiApiError` with the code `POST /v1/tx` would
 * give the same envelope (`TX_BAD_SIGNATURE` 401, `TX_EXPIRED` 422, `TX_DUPLICATE` 409,
 * `RATE_LIMITED` 429, ...), or a `SaksiNetworkError`.
 */
export type SimulateTransactionErrorType = RequestErrorType

/**
 * `POST /v1/tx/simulate`: runs a signed envelope on the node's committed head without committing
 * it or consuming its txId; submit the same envelope afterwards with `submitTransaction`.
 * @returns the would-be receipt
 */
export async function simulateTransaction(client: SaksiClient, { envelope }: SimulateTransactionParameters): Promise<SimulateTransactionReturnType> {
  const body = typeof envelope === 'string' || envelope instanceof Uint8Array ? envelope : JSON.stringify(envelope)
  return (await requestJson<SimulateTransactionReturnType>(client, { method: 'POST', path: '/v1/tx/simulate', body }, [200])).data
}
