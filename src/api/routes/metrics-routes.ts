import type { FastifyPluginAsync } from 'fastify'
import type { Registry } from 'prom-client'

/** `GET /metrics`: the node's Prometheus metrics, with the API's request durations. */
export const metricsRoutes: FastifyPluginAsync<{ registry: Registry }> = async (app, { registry }) => {
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (text exposition format)',
        querystring: { type: 'object', properties: {}, additionalProperties: false },
        response: { 200: { description: 'metrics', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  )
}
