import type { FastifyInstance } from 'fastify'
import { apiError } from './api-errors.js'

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/**
 * Answers requests that match no route: 405 `METHOD_NOT_ALLOWED` with an `Allow` header when the
 * path exists under other methods, else 404 `ROUTE_NOT_FOUND`. Both go through the error handler.
 * @param app the Fastify app
 */
export function installNotFoundHandler(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request) => {
    const path = request.url.split('?', 1)[0] ?? '/'
    const allow = METHODS.filter((method) => request.server.findRoute({ method, url: path }) !== null)
    // A route that exists for this very method and still found nothing (a missing static file).
    if (allow.length === 0 || allow.includes(request.method as (typeof METHODS)[number])) {
      throw apiError('ROUTE_NOT_FOUND', `no route for ${request.method} ${path.length > 200 ? path.slice(0, 200) + '…' : path}`)
    }
    throw apiError('METHOD_NOT_ALLOWED', `${request.method} is not allowed here; use ${allow.join(', ')}`, { allow })
  })
}
