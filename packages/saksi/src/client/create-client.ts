import { SaksiError } from '../core/index.js'
import { SaksiNetworkError } from './errors/saksi-network-error.js'

/** The fetch function the client calls (the platform's by default). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>

/**
 * How the client retries an overloaded node (`503` with `Retry-After`) or a rate limit (`429` with a
 * `Retry-After` no longer than `maxDelayMs`: a refusal until tomorrow is not waited for).
 */
export interface RetryConfig {
  /** Retries after the first attempt (default 4). */
  count?: number
  /** Longest wait between attempts, in ms, whatever `Retry-After` says (default 10 000). */
  maxDelayMs?: number
}

/** Options of {@link createClient}. */
export interface ClientConfig {
  /** The node, e.g. `http://127.0.0.1:8080` or `https://saksi.kota-contoh.go.id`. */
  url: string
  /** The fetch to call (default `globalThis.fetch`, looked up at each request). */
  fetch?: FetchFunction
  /** Headers sent with every request (e.g. for a gateway in front of the node). */
  headers?: Record<string, string>
  /** Time for a whole answer, in ms (default 30 000). Streams have none. */
  timeoutMs?: number
  /** Retries of `503` answers, or `false` for none. */
  retry?: RetryConfig | false
}

/** A request to the node. */
export interface ClientRequest {
  /** Default `GET`. */
  method?: 'GET' | 'POST'
  /** The path, e.g. `/v1/network`. */
  path: string
  /** Query parameters; `undefined` ones are left out. */
  query?: Record<string, string | number | undefined>
  /** A JSON body (as text or bytes); sent as `application/json` unless headers say otherwise. */
  body?: string | Uint8Array
  /** The `Accept` header (default `application/json`). */
  accept?: string
  /** More headers. */
  headers?: Record<string, string>
  /** Retry a `503` (default true): false where asking twice would not be the same request. */
  retry?: boolean
  /** Aborts the request (`CLIENT_ABORTED`). */
  signal?: AbortSignal
}

/** A whole answer, whatever its status. */
export interface ClientResponse {
  method: string
  /** The full URL asked. */
  url: string
  status: number
  headers: Headers
  /** The body as received. */
  body: Uint8Array
}

/** An answer whose body is still to be read (a stream). */
export interface OpenResponse {
  method: string
  /** The full URL asked. */
  url: string
  response: Response
}

/** A client of one Saksi node: what every action takes as its first argument. */
export interface SaksiClient {
  /** The node's URL, without a trailing slash. */
  readonly url: string
  /**
   * Sends a request and reads the whole answer, retrying an overloaded node (`503`) after its
   * `Retry-After`. Any status is returned: actions decide what they expect.
   * @throws SaksiNetworkError when no answer comes
   */
  request(request: ClientRequest): Promise<ClientResponse>
  /**
   * Sends a request and returns the answer unread, for streams (no timeout, no retry).
   * @throws SaksiNetworkError when no answer comes
   */
  open(request: ClientRequest): Promise<OpenResponse>
}

const DEFAULT_RETRY = { count: 4, maxDelayMs: 10_000 }

function baseUrlOf(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new SaksiError('CLIENT_URL_INVALID', `${url} is not a URL`, { url, reason: 'syntax' })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SaksiError('CLIENT_URL_INVALID', `${url} is not an http or https URL`, { url, reason: 'protocol' })
  return parsed.href.replace(/\/+$/, '')
}

function queryString(query: ClientRequest['query']): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.append(name, String(value))
  const s = params.toString()
  return s ? `?${s}` : ''
}

function codeOf(e: unknown, caller: AbortSignal | undefined): 'CLIENT_NETWORK' | 'CLIENT_TIMEOUT' | 'CLIENT_ABORTED' {
  if (caller?.aborted) return 'CLIENT_ABORTED'
  return (e as { name?: unknown } | undefined)?.name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'CLIENT_NETWORK'
}

/**
 * Creates a client of a Saksi node's HTTP API (PROTOCOL section 7). Browser-safe: it needs only
 * `fetch`. The client holds the transport; each API action is a function of its own taking the
 * client (`getNetwork(client)`, `submitTransaction(client, {...})`, ...).
 * @param config the node's URL, and optionally fetch, headers, timeout and retries
 * @returns the client
 * @throws SaksiError `CLIENT_URL_INVALID` (details.reason `syntax` or `protocol`)
 */
export function createClient(config: ClientConfig): SaksiClient {
  const url = baseUrlOf(config.url)
  // Called through a function: a browser's fetch refuses to run as a method of another object.
  const fetchFn: FetchFunction = config.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const timeoutMs = config.timeoutMs ?? 30_000
  const retry = config.retry === false ? { count: 0, maxDelayMs: 0 } : { ...DEFAULT_RETRY, ...config.retry }

  const send = async (r: ClientRequest, signal: AbortSignal | undefined): Promise<OpenResponse> => {
    const method = r.method ?? 'GET'
    const target = url + r.path + queryString(r.query)
    const headers: Record<string, string> = { ...config.headers, accept: r.accept ?? 'application/json' }
    if (r.body !== undefined) headers['content-type'] = 'application/json'
    Object.assign(headers, r.headers)
    try {
      return { method, url: target, response: await fetchFn(target, { method, headers, body: r.body as BodyInit | undefined, signal }) }
    } catch (e) {
      throw new SaksiNetworkError(codeOf(e, r.signal), { method, url: target }, e)
    }
  }

  return {
    url,
    async request(r) {
      for (let attempt = 0; ; attempt++) {
        const timeout = AbortSignal.timeout(timeoutMs)
        const signal = r.signal ? AbortSignal.any([r.signal, timeout]) : timeout
        const { method, url: target, response: res } = await send(r, signal)
        let body: Uint8Array
        try {
          body = new Uint8Array(await res.arrayBuffer())
        } catch (e) {
          throw new SaksiNetworkError(codeOf(e, r.signal), { method, url: target }, e)
        }
        const after = (Number(res.headers.get('retry-after')) || 1) * 1000
        const retryable = res.status === 503 || (res.status === 429 && res.headers.has('retry-after') && after <= retry.maxDelayMs)
        if (retryable && r.retry !== false && attempt < retry.count) {
          const wait = Math.min(after, retry.maxDelayMs)
          await new Promise((done) => setTimeout(done, wait))
          continue
        }
        return { method, url: target, status: res.status, headers: res.headers, body }
      }
    },
    open: (r) => send(r, r.signal),
  }
}
