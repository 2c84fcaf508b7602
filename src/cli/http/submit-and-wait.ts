import type { JsonObject, KeyPair } from '../../core/index.js'
import { isSaksiError, signTx } from '../../core/index.js'
import { CliError } from '../cli-error.js'
import { parseBody, type NodeClient } from './node-client.js'

/** A node's answer to a submitted transaction: the HTTP status and the receipt or error body. */
export interface Submitted {
  status: number
  body: unknown
}

/**
 * Signs a call for the node's network and submits it with `?wait=true` (the receipt, once committed).
 * @throws CliError if the node is not a Saksi node or the transaction cannot be built
 */
export async function submitAndWait(client: NodeClient, key: KeyPair, contract: string, method: string, args: JsonObject): Promise<Submitted> {
  const net = await client.getJson('/v1/network')
  const network = (net.body as { network?: unknown } | undefined)?.network
  if (net.status !== 200 || typeof network !== 'string') throw new CliError(`${client.baseUrl}/v1/network answered ${net.status}; is this a Saksi node?`)
  let envelope
  try {
    envelope = signTx({ network, contract, method, args }, key).envelope
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(`cannot build this transaction: ${e.code}: ${e.message}`)
    throw e
  }
  const answer = await client.request('/v1/tx?wait=true', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) })
  return { status: answer.status, body: parseBody(answer.body) }
}

/**
 * Why a committed call failed, in words: the receipt (PROTOCOL section 7) carries only the code;
 * the entry's `result.message` says which field or rule, e.g. `args.bidDeadline must be an RFC 3339
 * UTC time`. Undefined when the receipt is not a failure or the entry cannot be read.
 */
export async function failureMessage(client: NodeClient, receipt: unknown): Promise<string | undefined> {
  const r = receipt as { status?: unknown; index?: unknown; code?: unknown } | undefined
  if (r?.status !== 'failed' || typeof r.index !== 'number') return undefined
  const entry = await client.getJson(`/v1/log/entries/${r.index}`).catch(() => undefined)
  const message = (entry?.body as { result?: { message?: unknown } } | undefined)?.result?.message
  return `${String(r.code)}${typeof message === 'string' ? `: ${message}` : ''}`
}
