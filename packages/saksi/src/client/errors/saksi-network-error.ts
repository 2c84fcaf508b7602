import { SaksiError } from '../../core/index.js'

/** Why no answer came. */
export type NetworkErrorCode = 'CLIENT_NETWORK' | 'CLIENT_TIMEOUT' | 'CLIENT_ABORTED'

/**
 * No answer from the node: nothing listens at the URL, the name does not resolve, the connection
 * broke, the client timeout passed (`CLIENT_TIMEOUT`) or the caller aborted (`CLIENT_ABORTED`).
 * Without an answer there is no verdict about the request: it may or may not have reached the node.
 */
export class SaksiNetworkError extends SaksiError {
  declare readonly code: NetworkErrorCode
  /** The method of the request. */
  readonly method: string
  /** The full URL asked. */
  readonly url: string
  /** What the platform said (e.g. `ECONNREFUSED`, `Failed to fetch`). */
  readonly reason: string

  /**
   * @param code why no answer came
   * @param request the method and full URL
   * @param cause what fetch threw
   */
  constructor(code: NetworkErrorCode, request: { method: string; url: string }, cause: unknown) {
    const reason = reasonOf(cause)
    super(code, `cannot reach ${request.url}: ${reason}`, { method: request.method, url: request.url, reason }, 'internal')
    this.method = request.method
    this.url = request.url
    this.reason = reason
    this.cause = cause
  }
}

/** Node's fetch hides the system error (`ECONNREFUSED`) in `cause`; browsers give a bare TypeError. */
function reasonOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e))
}
