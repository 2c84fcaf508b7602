import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** What a client's own `X-Request-Id` may look like to be kept (it ends up in logs and headers). */
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * The request id: the client's `X-Request-Id` when it is short and plain, else a fresh UUID.
 * @param request the raw request
 * @returns the id Fastify logs and the app echoes in `X-Request-Id`
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id']
  return typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID()
}
