import { CliError } from '../cli-error.js'

/** An HTTP answer: status, headers and the body as bytes. */
export interface HttpAnswer {
  status: number
  headers: Headers
  body: Uint8Array
}

/** The default node URL (`saksi start`'s default address). */
export const DEFAULT_NODE_URL = 'http://127.0.0.1:8080'

/**
 * A small HTTP client for a Saksi node's API (PROTOCOL section 7). Transport failures (nothing
 * listening, DNS, a timeout) become a {@link CliError}: without an answer there is no verdict.
 * An overloaded node (503) is retried after its `Retry-After`, a few times.
 */
export class NodeClient {
  readonly baseUrl: string
  readonly #timeoutMs: number

  /**
   * @param baseUrl e.g. `http://127.0.0.1:8080`
   * @param timeoutMs per request (default 30 s)
   * @throws CliError for a URL that is not http(s)
   */
  constructor(baseUrl: string, timeoutMs = 30_000) {
    let url: URL
    try {
      url = new URL(baseUrl)
    } catch {
      throw new CliError(`--node ${baseUrl} is not a URL (e.g. ${DEFAULT_NODE_URL})`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--node ${baseUrl} must be an http or https URL`)
    this.baseUrl = url.href.replace(/\/+$/, '')
    this.#timeoutMs = timeoutMs
  }

  /**
   * Sends a request and reads the whole answer.
   * @param path e.g. `/v1/network`
   * @param init method, headers and body
   * @throws CliError when the node cannot be reached
   */
  async request(path: string, init: RequestInit = {}): Promise<HttpAnswer> {
    for (let attempt = 1; ; attempt++) {
      let res: Response
      let body: Uint8Array
      try {
        res = await fetch(this.baseUrl + path, { ...init, signal: AbortSignal.timeout(this.#timeoutMs) })
        body = new Uint8Array(await res.arrayBuffer())
      } catch (e) {
        const cause = (e as { cause?: { code?: string; message?: string } }).cause
        throw new CliError(`cannot reach ${this.baseUrl}${path}: ${cause?.code ?? cause?.message ?? (e as Error).message}`)
      }
      if (res.status === 503 && attempt < 5) {
        const wait = Math.min(Number(res.headers.get('retry-after')) || 1, 10)
        await new Promise((r) => setTimeout(r, wait * 1000))
        continue
      }
      return { status: res.status, headers: res.headers, body }
    }
  }

  /**
   * GET a JSON document.
   * @returns the status and the parsed body (`undefined` if it is not JSON)
   * @throws CliError when the node cannot be reached
   */
  async getJson(path: string): Promise<{ status: number; body: unknown }> {
    const a = await this.request(path, { headers: { accept: 'application/json' } })
    return { status: a.status, body: parseBody(a.body) }
  }
}

/**
 * Parses a JSON answer body leniently (for display and for reading a node's claims; anything
 * security-relevant is re-checked strictly by the caller).
 * @returns the value, or `undefined` when the body is not JSON
 */
export function parseBody(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body))
  } catch {
    return undefined
  }
}

/**
 * An error for an answer with an unexpected status, naming the protocol error code when the body
 * holds one.
 */
export function statusError(path: string, status: number, body: unknown): Error {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
  const what = err && typeof err.code === 'string' ? `${err.code}: ${String(err.message)}` : 'no protocol error body'
  return Object.assign(new Error(`GET ${path} answered ${status} (${what})`), { code: 'AUDIT_HTTP_STATUS' })
}
