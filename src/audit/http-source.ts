import {
  getBlock,
  getCheckpoint,
  getConsistencyProof,
  getEntryBytes,
  getGenesis,
  getInclusionProof,
  getNetwork,
  isApiStatus,
  SaksiApiError,
  type SaksiClient,
} from 'saksi/client'
import type { JsonObject } from 'saksi'
import { AuditFailure, AuditSourceUnavailable } from './audit-failure.js'
import type { AuditHead, AuditProofs, AuditSource } from './audit-source.js'

/** Options of {@link HttpAuditSource}. */
export interface HttpAuditSourceOptions {
  /** The genesis document the auditor trusts (from the network's operators); else the node's `GET /v1/genesis`, if it serves one. */
  genesis?: JsonObject
  /** Concurrent entry requests (default 32). */
  concurrency?: number
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * An error for an answer with an unexpected status, naming the protocol error code when the body
 * holds one.
 */
function statusError(path: string, status: number, error: SaksiApiError | undefined): Error {
  const what = error?.errorBody ? `${error.code}: ${error.message}` : 'no protocol error body'
  return Object.assign(new Error(`GET ${path} answered ${status} (${what})`), { code: 'AUDIT_HTTP_STATUS' })
}

/** What an action answered, or the node's answer when it was not the one asked for. */
async function answerOf<T>(action: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: SaksiApiError }> {
  try {
    return { ok: true, value: await action }
  } catch (e) {
    if (e instanceof SaksiApiError) return { ok: false, error: e }
    throw e
  }
}

/** Reads a node's log, blocks and proofs over its HTTP API (PROTOCOL section 7). */
export class HttpAuditSource implements AuditSource {
  readonly label: string
  readonly proofs: AuditProofs
  readonly #client: SaksiClient
  readonly #options: HttpAuditSourceOptions

  /**
   * @param client the node
   * @param options the trusted genesis document and request concurrency
   */
  constructor(client: SaksiClient, options: HttpAuditSourceOptions = {}) {
    this.#client = client
    this.#options = options
    this.label = client.url
    this.proofs = {
      inclusion: (index, size) => this.#proof(`/v1/log/proof/inclusion?index=${index}&size=${size}`, getInclusionProof(this.#client, { index, size })),
      consistency: (from, to) => this.#proof(`/v1/log/proof/consistency?from=${from}&to=${to}`, getConsistencyProof(this.#client, { from, to })),
    }
  }

  /** @inheritdoc */
  async genesis(): Promise<{ document: JsonObject; claimedGenesisHash?: string; claimedVkey?: string }> {
    const net = await answerOf<unknown>(getNetwork(this.#client))
    if (!net.ok || !isObject(net.value)) throw new AuditFailure('network', 'AUDIT_HTTP_STATUS', `GET /v1/network answered ${net.ok ? 200 : net.error.status}`)
    const claims = { claimedGenesisHash: String(net.value.genesisHash), claimedVkey: String(net.value.vkey) }
    if (this.#options.genesis) return { document: this.#options.genesis, ...claims }
    const g = await answerOf<unknown>(getGenesis(this.#client))
    if (g.ok && isObject(g.value)) return { document: g.value as JsonObject, ...claims }
    throw new AuditSourceUnavailable(`${this.label} does not serve its genesis document; pass --genesis FILE (the network's genesis.json) to audit from genesis`)
  }

  /** @inheritdoc */
  async head(): Promise<AuditHead> {
    // The checkpoint first: every block up to the latest one read after it is then at or past it.
    const cp = await answerOf(getCheckpoint(this.#client))
    if (!cp.ok) throw statusError('/v1/log/checkpoint', cp.error.status, cp.error)
    const latest = await answerOf<unknown>(getBlock(this.#client, { height: 'latest' }))
    const header = latest.ok && isObject(latest.value) && isObject(latest.value.header) ? latest.value.header : undefined
    if (!latest.ok || !header || typeof header.height !== 'number') throw statusError('/v1/blocks/latest', latest.ok ? 200 : latest.error.status, latest.ok ? undefined : latest.error)
    return { checkpoint: cp.value, height: header.height }
  }

  /** @inheritdoc */
  async block(height: number): Promise<unknown> {
    const a = await answerOf(getBlock(this.#client, { height }))
    if (a.ok) return a.value
    if (a.error.status === 404) return undefined
    throw statusError(`/v1/blocks/${height}`, a.error.status, a.error)
  }

  /** @inheritdoc */
  async entries(from: number, to: number): Promise<Uint8Array[]> {
    const out: (Uint8Array | undefined)[] = new Array(to - from)
    let next = from
    let end = to
    const worker = async (): Promise<void> => {
      while (next < end) {
        const i = next++
        const a = await answerOf(getEntryBytes(this.#client, { index: i }))
        if (!a.ok && isApiStatus(a.error, 404)) {
          end = Math.min(end, i)
          continue
        }
        if (!a.ok) throw statusError(`/v1/log/entries/${i}`, a.error.status, a.error)
        out[i - from] = a.value
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.#options.concurrency ?? 32, to - from) }, worker))
    return out.slice(0, end - from) as Uint8Array[]
  }

  /** @inheritdoc */
  async close(): Promise<void> {}

  async #proof(path: string, action: Promise<unknown>): Promise<string[]> {
    const a = await answerOf(action)
    if (!a.ok) throw statusError(path, a.error.status, a.error)
    const proof = isObject(a.value) ? a.value.proof : undefined
    if (!Array.isArray(proof) || !proof.every((p) => typeof p === 'string')) throw new Error(`GET ${path}: the answer has no proof array`)
    return proof as string[]
  }
}
