import type { FastifyPluginAsync } from 'fastify'
import type { SaksiNode } from '../../node/index.js'
import { countParam, paramsObject } from '../param-schemas.js'
import { parseCount } from '../parse-count.js'
import { ReceiptEventStream, type EventStreamOptions } from '../receipt-event-stream.js'
import { errorResponses } from '../response-schemas.js'

/** Options of {@link eventsRoutes}. */
export interface EventsRoutesOptions {
  node: SaksiNode
  /** Streams open now; the app ends them when it closes. */
  streams: Set<ReceiptEventStream>
  sse?: EventStreamOptions
}

/**
 * `GET /v1/events`: Server-Sent Events, one per committed entry (`id` = index, `data` = receipt).
 * Resumes after `Last-Event-ID` (as EventSource sends it on reconnection), else from `?from=I`,
 * else from the current end of the log (live events only). A future index is allowed: its events
 * come when they are committed.
 */
export const eventsRoutes: FastifyPluginAsync<EventsRoutesOptions> = async (app, { node, streams, sse }) => {
  app.get<{ Querystring: { from?: string }; Headers: { 'last-event-id'?: string } }>(
    '/v1/events',
    {
      // HEAD would drain an endless stream in the background.
      exposeHeadRoute: false,
      schema: {
        tags: ['events'],
        summary: 'Stream committed receipts as Server-Sent Events',
        description:
          'One event per committed entry: `id` is the log index, `data` the receipt JSON. `Last-Event-ID` resumes after that index and wins over `from`; without either the stream starts at the current end of the log. A comment line is sent periodically as a heartbeat.',
        querystring: paramsObject({ from: countParam('first log index to send') }),
        headers: { type: 'object', properties: { 'last-event-id': countParam('the last index the client received') } },
        response: {
          200: { description: 'an endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          ...errorResponses(400),
        },
      },
    },
    async (request, reply) => {
      const last = request.headers['last-event-id']
      const from =
        last !== undefined ? parseCount(last, 'last-event-id', 'header') + 1 : request.query.from !== undefined ? parseCount(request.query.from, 'from', 'query') : node.size()
      const stream = new ReceiptEventStream(node, from, sse)
      streams.add(stream)
      stream.once('close', () => streams.delete(stream))
      return reply
        .headers({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' })
        .send(stream)
    },
  )
}
