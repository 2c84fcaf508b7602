import type { FastifyRequest, FastifyServerOptions } from 'fastify'
import { redactUrl } from './redact-url.js'

/** The request as the API logs it: Fastify's default fields, with query values redacted. */
export interface LoggedRequest {
  method: string
  url: string
  host: string | undefined
  remoteAddress: string | undefined
  remotePort: number | undefined
}

/**
 * Serializes a request for the logs like Fastify's default, but with the query values redacted
 * ({@link redactUrl}): a NIK or a name sent in a query string never reaches stdout.
 * @param request the request
 */
export function serializeRequest(request: FastifyRequest): LoggedRequest {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}

/**
 * The logger option of the API with the request serializer above: `true` becomes pino's defaults
 * with it, options get it (a serializer given by the caller for `req` is replaced: the logs must
 * never hold query values), `false` and an absent logger stay off.
 * @param logger the logger option given to `buildApi`
 */
export function redactingLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false
  const base = logger === true ? {} : logger
  return { ...base, serializers: { ...base.serializers, req: serializeRequest as never } }
}
