import type { JsonObject } from '../../core/index.js'
import { CliError } from '../cli-error.js'
import { parseBody, statusError, type NodeClient } from '../http/node-client.js'
import { AuditFailure } from './audit-failure.js'
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

/** Reads a node's log, blocks and proofs over its HTTP API (PROTOCOL section 7). */
export class HttpAuditSource implements AuditSource {
  readonly label: string
  readonly proofs: AuditProofs
  readonly #client: NodeClient
  readonly #options: HttpAuditSourceOptions

  /**
   * @param client the node
   * @param options the trusted genesis document and request concurrency
   */
  constructor(client: NodeClient, options: HttpAuditSourceOptions = {}) {
    this.#client = client
    this.#options = options
    this.label = client.baseUrl
    this.proofs = {
      inclusion: (index, size) => this.#proof(`/v1/log/proof/inclusion?index=${index}&size=${size}`),
      consistency: (from, to) => this.#proof(`/v1/log/proof/consistency?from=${from}&to=${to}`),
    }
  }

  /** @inheritdoc */
  async genesis(): Promise<{ document: JsonObject; claimedGenesisHash?: string; claimedVkey?: string }> {
    const net = await this.#client.getJson('/v1/network')
    if (net.status !== 200 || !isObject(net.body)) throw new AuditFailure('network', 'AUDIT_HTTP_STATUS', `GET /v1/network answered ${net.status}`)
    const claims = { claimedGenesisHash: String(net.body.genesisHash), claimedVkey: String(net.body.vkey) }
    if (this.#options.genesis) return { document: this.#options.genesis, ...claims }
    const g = await this.#client.getJson('/v1/genesis')
    if (g.status === 200 && isObject(g.body)) return { document: g.body as JsonObject, ...claims }
    throw new CliError(`${this.label} does not serve its genesis document; pass --genesis FILE (the network's genesis.json) to audit from genesis`)
  }

  /** @inheritdoc */
  async head(): Promise<AuditHead> {
    // The checkpoint first: every block up to the latest one read after it is then at or past it.
    const cp = await this.#client.request('/v1/log/checkpoint')
    if (cp.status !== 200) throw statusError('/v1/log/checkpoint', cp.status, parseBody(cp.body))
    const latest = await this.#client.getJson('/v1/blocks/latest')
    const header = isObject(latest.body) && isObject(latest.body.header) ? latest.body.header : undefined
    if (latest.status !== 200 || !header || typeof header.height !== 'number') throw statusError('/v1/blocks/latest', latest.status, latest.body)
    return { checkpoint: new TextDecoder().decode(cp.body), height: header.height }
  }

  /** @inheritdoc */
  async block(height: number): Promise<unknown> {
    const a = await this.#client.getJson(`/v1/blocks/${height}`)
    if (a.status === 404) return undefined
    if (a.status !== 200) throw statusError(`/v1/blocks/${height}`, a.status, a.body)
    return a.body
  }

  /** @inheritdoc */
  async entries(from: number, to: number): Promise<Uint8Array[]> {
    const out: (Uint8Array | undefined)[] = new Array(to - from)
    let next = from
    let end = to
    const worker = async (): Promise<void> => {
      while (next < end) {
        const i = next++
        const a = await this.#client.request(`/v1/log/entries/${i}`)
        if (a.status === 404) {
          end = Math.min(end, i)
          continue
        }
        if (a.status !== 200) throw statusError(`/v1/log/entries/${i}`, a.status, parseBody(a.body))
        out[i - from] = a.body
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.#options.concurrency ?? 32, to - from) }, worker))
    return out.slice(0, end - from) as Uint8Array[]
  }

  /** @inheritdoc */
  async close(): Promise<void> {}

  async #proof(path: string): Promise<string[]> {
    const a = await this.#client.getJson(path)
    if (a.status !== 200) throw statusError(path, a.status, a.body)
    const proof = isObject(a.body) ? a.body.proof : undefined
    if (!Array.isArray(proof) || !proof.every((p) => typeof p === 'string')) throw new Error(`GET ${path}: the answer has no proof array`)
    return proof as string[]
  }
}
