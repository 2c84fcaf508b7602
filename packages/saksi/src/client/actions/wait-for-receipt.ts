import { SaksiError, type Receipt } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { isApiStatus } from '../errors/saksi-api-error.js'
import { getTransaction } from './get-transaction.js'

/** Parameters of {@link waitForReceipt}. */
export interface WaitForReceiptParameters {
  txId: string
  /** Between two looks, in ms (default 250). */
  pollingIntervalMs?: number
  /** How long to wait, in ms (default 60 000). */
  timeoutMs?: number
}

/** What {@link waitForReceipt} returns: the committed receipt (`ok` or `failed`). */
export type WaitForReceiptReturnType = Receipt

/** What {@link waitForReceipt} throws: `CLIENT_WAIT_TIMEOUT`, or what {@link getTransaction} throws but `TX_NOT_FOUND`. */
export type WaitForReceiptErrorType = RequestErrorType | SaksiError

/**
 * Looks up a transaction (`GET /v1/tx/{txId}`) until it is committed. A node that does not know it
 * yet (404, e.g. another node of the network) or holds it pending is asked again.
 */
export async function waitForReceipt(client: SaksiClient, { txId, pollingIntervalMs = 250, timeoutMs = 60_000 }: WaitForReceiptParameters): Promise<WaitForReceiptReturnType> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const r = await getTransaction(client, { txId }).catch((e: unknown) => {
      if (isApiStatus(e, 404)) return undefined
      throw e
    })
    if (r && r.status !== 'pending') return r
    if (Date.now() + pollingIntervalMs > deadline) throw new SaksiError('CLIENT_WAIT_TIMEOUT', `transaction ${txId} was not committed within ${timeoutMs} ms`, { txId }, 'internal')
    await new Promise((done) => setTimeout(done, pollingIntervalMs))
  }
}
