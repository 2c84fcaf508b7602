import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import type { ReceiptOrPending } from '../types/tx-answers.js'
import { pathSegment } from '../utils/path-segment.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link getTransaction}. */
export interface GetTransactionParameters {
  /** 64 lower-case hex digits. */
  txId: string
}

/** What {@link getTransaction} returns: the receipt, or `{txId, status: "pending"}`. */
export type GetTransactionReturnType = ReceiptOrPending

/** What {@link getTransaction} throws: `TX_NOT_FOUND` (404) for a transaction the node does not know. */
export type GetTransactionErrorType = RequestErrorType

/** `GET /v1/tx/{txId}`: a transaction's receipt. */
export async function getTransaction(client: SaksiClient, { txId }: GetTransactionParameters): Promise<GetTransactionReturnType> {
  return (await requestJson<ReceiptOrPending>(client, { path: `/v1/tx/${pathSegment(txId)}` })).data
}
