import { SaksiError, type ErrorKind } from '../../core/index.js'
import type { ClientResponse } from '../create-client.js'
import type { ErrorBody } from '../types/error-body.js'
import { parseJsonBody } from '../utils/parse-json-body.js'

function kindOf(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'authorization'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status >= 500) return 'internal'
  return 'validation'
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The protocol's error body, when the answer holds one (`error.code` a string). */
function errorBodyOf(body: unknown): ErrorBody | undefined {
  if (!isObject(body) || !isObject(body.error) || typeof body.error.code !== 'string') return undefined
  const { code, message, details } = body.error
  const out: ErrorBody = { error: { code, message: typeof message === 'string' ? message : String(message), details: isObject(details) ? details : {} } }
  if (typeof body.txId === 'string') out.txId = body.txId
  return out
}

/** `Retry-After` in seconds, when it is a number of seconds (PROTOCOL: 429 and 503 send one). */
function retryAfterOf(headers: Headers): number | undefined {
  const v = headers.get('retry-after')
  return v !== null && /^\d+$/.test(v.trim()) ? Number(v) : undefined
}

/**
 * The node answered, but not what the action asked for. `code` is the protocol's code from the
 * error body (`TX_NOT_FOUND`, `TX_DUPLICATE`, `NODE_OVERLOADED`, ...), else `CLIENT_HTTP_STATUS`
 * (an unexpected status with no protocol error body, e.g. a proxy's page) or `CLIENT_NOT_JSON` (a
 * body that is not JSON where JSON was expected). `details` are the body's details.
 */
export class SaksiApiError extends SaksiError {
  /** The HTTP status. */
  readonly status: number
  /** The method of the request. */
  readonly method: string
  /** The full URL asked. */
  readonly url: string
  /** The answer's headers. */
  readonly headers: Headers
  /** The answer's body parsed as JSON, or `undefined` when it is not JSON. */
  readonly body: unknown
  /** The answer's body as text. */
  readonly text: string
  /** The protocol's error body, when the answer is one. */
  readonly errorBody: ErrorBody | undefined
  /** The already known transaction of a duplicate (`409 TX_DUPLICATE`). */
  readonly txId: string | undefined
  /** When to ask again, from `Retry-After` (429, 503). */
  readonly retryAfterSeconds: number | undefined

  /**
   * @param response the answer
   * @param code the code (default: the error body's, else `CLIENT_HTTP_STATUS`)
   * @param message the message (default: the error body's, else the status in words)
   */
  constructor(response: ClientResponse, code?: string, message?: string) {
    const text = new TextDecoder().decode(response.body)
    const body = parseJsonBody(response.body)
    const errorBody = errorBodyOf(body)
    const path = new URL(response.url).pathname
    super(
      code ?? errorBody?.error.code ?? 'CLIENT_HTTP_STATUS',
      message ?? errorBody?.error.message ?? `${response.method} ${path} answered ${response.status} (no protocol error body)`,
      errorBody?.error.details ?? { status: response.status },
      kindOf(response.status),
    )
    this.status = response.status
    this.method = response.method
    this.url = response.url
    this.headers = response.headers
    this.body = body
    this.text = text
    this.errorBody = errorBody
    this.txId = errorBody?.txId
    this.retryAfterSeconds = retryAfterOf(response.headers)
  }
}

/** True when `e` is a {@link SaksiApiError} with this HTTP status. */
export function isApiStatus(e: unknown, status: number): e is SaksiApiError {
  return e instanceof SaksiApiError && e.status === status
}
