import type { JsonObject, Receipt, Tx } from 'saksi'
import { SaksiError, ValidationError, parseEnvelope, verifyParsedEnvelope } from 'saksi'
import { catalogueError, catalogueOf } from 'saksi/catalogue'
import type { SaksiNode } from '../../../node/index.js'
import { apiError } from '../../../api/index.js'
import { welfare } from '../contract/index.js'

/** The codes a refused record can carry: the runtime's and welfare's. */
const CATALOGUE = catalogueOf([welfare])

/** A signed transaction that records a use of personal data, parsed and its signature checked. */
export interface RecordTx {
  tx: Tx & { args: JsonObject }
  /** The body as sent, for `node.submit`. */
  body: Uint8Array
}

/**
 * Reads the body of a route that answers personal data or NIK hashes only once a record of it is on
 * the log: a signed `welfare.<method>` transaction. Parsed strictly (a malformed envelope gets its
 * own TX_* or JSON_* code) and its signature checked here, so that a quota is never taken in the name
 * of someone who did not sign.
 * @throws ValidationError `REQUEST_INVALID` for another contract or method; the envelope's own codes
 */
export function readRecordTx(body: unknown, method: string): RecordTx {
  if (!(body instanceof Uint8Array)) throw apiError('MEDIA_TYPE_UNSUPPORTED', 'send the envelope as an application/json body')
  const parsed = parseEnvelope(body)
  const { tx } = parsed.envelope
  if (tx.contract !== 'welfare' || tx.method !== method) throw new ValidationError('REQUEST_INVALID', `the body must be a signed welfare.${method} transaction`)
  verifyParsedEnvelope(parsed)
  return { tx: tx as RecordTx['tx'], body }
}

/** A count taken for the record before it is submitted, and given back if the node does not admit it. */
export interface RecordQuota {
  take(): void
  refund(): void
}

/**
 * Commits the record and waits for it; answers its receipt only if the contract accepted it. A
 * `quota` is taken before submitting and given back if the node refuses to admit the record (e.g. a
 * copy of one already committed, which anyone may post): only admitted records count.
 * Never answered later for the same transaction: a committed envelope is public on the log, and
 * whoever copied it could ask with it. Ask again with a new transaction.
 * @throws SaksiError `NODE_BUSY` when it was not committed in time; the failed call's code (with `details.txId`) when the contract refused it
 */
export async function commitRecord(node: SaksiNode, record: RecordTx, waitTimeoutMs: number, quota?: RecordQuota): Promise<Receipt> {
  quota?.take()
  let txId: string
  try {
    txId = (await node.submit(record.body)).txId
  } catch (e) {
    quota?.refund()
    throw e
  }
  const receipt = await node.waitForReceipt(txId, waitTimeoutMs)
  if (!receipt) throw new SaksiError('NODE_BUSY', `the record ${txId} was not committed in time; ask again with a new welfare.${record.tx.method} transaction`, { txId }, 'internal')
  if (receipt.status !== 'ok') {
    const code = receipt.code ?? 'ACCESS_DENIED'
    throw catalogueError(CATALOGUE, code, `the record was refused (committed as a failed call): ${code}`, { txId })
  }
  return receipt
}
