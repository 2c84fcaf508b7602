import type { FastifyPluginAsync } from 'fastify'
import type { Policy } from 'saksi'
import type { SaksiNode } from '../../node/index.js'
import { authorizeRead } from '../auth/authorize-read.js'
import type { AuthSessions } from '../auth/auth-sessions.js'
import { operatorPolicy } from '../auth/operator-policy.js'
import { errorResponses } from '../response-schemas.js'
import { BEARER_SCHEME } from './auth-routes.js'

/**
 * `GET /metrics`: the node's Prometheus metrics, with the API's request durations, for its
 * operators (a session of the node key or of a `node.operator`).
 */
export const metricsRoutes: FastifyPluginAsync<{ node: SaksiNode; sessions: AuthSessions }> = async (app, { node, sessions }) => {
  let allow: Policy | undefined
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (text exposition format), for the node key or a node.operator',
        security: [{ [BEARER_SCHEME]: [] }],
        querystring: { type: 'object', properties: {}, additionalProperties: false },
        response: { 200: { description: 'metrics', content: { 'text/plain': { schema: { type: 'string' } } } }, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      allow ??= operatorPolicy((node.genesis() as { nodeKey?: string }).nodeKey)
      await authorizeRead(node, sessions, request, allow, { contract: 'node', method: 'metrics', args: {} })
      return reply.type(node.metrics.contentType).send(await node.metrics.metrics())
    },
  )
}
