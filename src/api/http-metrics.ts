import type { FastifyInstance } from 'fastify'
import { Histogram, type Registry } from 'prom-client'

/** Name of the request duration histogram. */
export const HTTP_DURATION_METRIC = 'saksi_http_request_duration_seconds'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Times every request into a histogram labelled by method, route pattern and status code, in the
 * node's registry. Unmatched paths share the route label `unmatched`, so hostile URLs cannot grow
 * the number of series. An event stream is timed over its whole life.
 * @param app the Fastify app (root, so that the hook sees every route)
 * @param registry the node's registry; a histogram already there (a second app on the same node) is reused
 */
export function installHttpMetrics(app: FastifyInstance, registry: Registry): void {
  const existing = registry.getSingleMetric(HTTP_DURATION_METRIC)
  const histogram =
    (existing as Histogram<'method' | 'route' | 'status_code'> | undefined) ??
    new Histogram({
      name: HTTP_DURATION_METRIC,
      help: 'HTTP request duration by method, route and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    })
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched'
    const method = METHODS.has(request.method) ? request.method : 'OTHER'
    histogram.observe({ method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000)
    done()
  })
}
