import { getEntry, SaksiApiError, simulateTransaction, submitTransaction, type SaksiClient, type SubmitTransactionReturnType } from 'saksi/client'
import type { Envelope, JsonObject, KeyPair } from 'saksi'
import { isSaksiError, signTx } from 'saksi'
import { CliError } from '../cli-error.js'
import { nodeNetwork } from './node-network.js'
import { COMMON_WORDS as W } from '../words/common-words.js'
import { bilingual } from '../words/words.js'

/** A node's answer to a submitted transaction: the HTTP status and the receipt or error body. */
export interface Submitted {
  status: number
  /** The answer parsed as JSON (`undefined` when it is not JSON). */
  body: unknown
  /** The answer as text, when it is not JSON. */
  text?: string
}

/**
 * Signs a call for the node's network and submits it, with `wait` for the receipt once committed.
 * An answer with an error status is returned as it came, to be shown.
 * @throws CliError if the node is not a Saksi node or the transaction cannot be built
 */
export async function signAndSubmit(client: SaksiClient, key: KeyPair, contract: string, method: string, args: JsonObject, wait: boolean): Promise<Submitted> {
  return submitEnvelope(client, await signCall(client, key, contract, method, args), wait)
}

/**
 * Signs a call for the node's network.
 * @throws CliError if the node is not a Saksi node or the transaction cannot be built
 */
export async function signCall(client: SaksiClient, key: KeyPair, contract: string, method: string, args: JsonObject): Promise<Envelope> {
  const network = await nodeNetwork(client)
  try {
    return signTx({ network, contract, method, args }, key).envelope
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(bilingual(W, (w) => w.cannotBuild(e.code, e.message)))
    throw e
  }
}

/**
 * Simulates a signed envelope (`POST /v1/tx/simulate`): the would-be receipt (status 200), or the
 * error body the node answered, as it came.
 */
export async function simulateEnvelope(client: SaksiClient, envelope: Envelope): Promise<Submitted> {
  try {
    return { status: 200, body: await simulateTransaction(client, { envelope }) }
  } catch (e) {
    if (e instanceof SaksiApiError) return { status: e.status, body: e.body, text: e.text }
    throw e
  }
}

/** Submits a signed envelope, with `wait` for the receipt; an error status is returned as it came. */
export async function submitEnvelope(client: SaksiClient, envelope: Envelope, wait: boolean): Promise<Submitted> {
  let body: SubmitTransactionReturnType
  try {
    body = await submitTransaction(client, { envelope, wait })
  } catch (e) {
    if (e instanceof SaksiApiError) return { status: e.status, body: e.body, text: e.text }
    throw e
  }
  // 200 carries the receipt, 202 `{txId}` (PROTOCOL section 7).
  return { status: 'status' in body ? 200 : 202, body }
}

/**
 * Signs a call for the node's network and submits it with `?wait=true` (the receipt, once committed).
 * @throws CliError if the node is not a Saksi node or the transaction cannot be built
 */
export async function submitAndWait(client: SaksiClient, key: KeyPair, contract: string, method: string, args: JsonObject): Promise<Submitted> {
  return signAndSubmit(client, key, contract, method, args, true)
}

/**
 * Why a committed call failed, in words: the receipt (PROTOCOL section 7) carries only the code;
 * the entry's `result.message` says which field or rule, e.g. `args.bidDeadline must be an RFC 3339
 * UTC time`. Undefined when the receipt is not a failure or the entry cannot be read.
 */
export async function failureMessage(client: SaksiClient, receipt: unknown): Promise<string | undefined> {
  const r = receipt as { status?: unknown; index?: unknown; code?: unknown } | undefined
  if (r?.status !== 'failed' || typeof r.index !== 'number') return undefined
  const entry = await getEntry(client, { index: r.index }).catch(() => undefined)
  const message = (entry as { result?: { message?: unknown } } | undefined)?.result?.message
  return `${String(r.code)}${typeof message === 'string' ? `: ${message}` : ''}`
}
