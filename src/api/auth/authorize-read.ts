import type { FastifyRequest } from 'fastify'
import { AuthorizationError, formatTime, type Policy } from 'saksi'
import { apiError } from '../api-errors.js'
import type { SaksiNode } from '../../node/index.js'
import type { AuthSessions } from './auth-sessions.js'

/** What a read is, for its policy: the contract (or service) and the query (or route) read. */
export interface ReadTarget {
  /** e.g. `welfare`, or `node` for the node's own routes. */
  contract: string
  /** e.g. `accesses`, or `metrics`. */
  method: string
  /** The read's arguments as sent (path and query parameters). */
  args: Record<string, unknown>
}

// RFC 6750 section 2.1; our tokens are 43 characters of base64url.
const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/i

/**
 * Checks a gated read: the request's bearer token names an open session, and `policy` allows the
 * session's signer on committed state (`node.authorize`, as for signed requests), with `target`
 * as the call it reads for.
 * @param node the node
 * @param sessions the node's sessions
 * @param request the HTTP request (its `Authorization` header)
 * @param policy who may read
 * @param target what is read, for the policy
 * @param now the node's clock, ms since the epoch
 * @returns the reader's did
 * @throws AuthorizationError `AUTH_REQUIRED` (no bearer token: 401), `AUTH_TOKEN_INVALID` (unknown or
 *   expired: 401), or the policy's refusal code (`ACCESS_DENIED`, ...: 403)
 */
export async function authorizeRead(node: SaksiNode, sessions: AuthSessions, request: FastifyRequest, policy: Policy, target: ReadTarget, now: number = Date.now()): Promise<string> {
  const header = request.headers.authorization
  if (header === undefined || header === '') throw apiError('AUTH_REQUIRED', `${target.contract}.${target.method} is read with a session: POST /v1/auth/challenge, then /v1/auth/session, then send Authorization: Bearer <token>`)
  const m = BEARER.exec(header)
  const signer = m ? sessions.signerOf(m[1]!, now) : undefined
  if (!signer) throw apiError('AUTH_TOKEN_INVALID', 'the bearer token is unknown or expired; sign in again')
  const refusal = await node.authorize(policy, { caller: signer, contract: target.contract, method: target.method, args: target.args, time: { iso: formatTime(now), ms: now } })
  if (refusal) throw new AuthorizationError(refusal.code, refusal.message)
  return signer
}
