import type { FastifyPluginAsync } from 'fastify'
import type { SaksiNode } from '../../node/index.js'
import { countParam, paramsObject } from '../param-schemas.js'
import { parseCount } from '../parse-count.js'
import { SaksiError } from 'saksi'
import { EventStreamHub } from '../event-stream-hub.js'
import type { EventStreamOptions } from '../event-stream-options.js'
import { errorResponses } from '../response-schemas.js'
import { clientKey } from '../client-key.js'

/** Options of {@link eventsRoutes}. */
export interface EventsRoutesOptions {
  node: SaksiNode
  /** Limits and tuning of the streams (see `EVENT_STREAM_DEFAULTS`). */
  sse?: EventStreamOptions
}

/**
 * `GET /v1/events`: Server-Sent Events, one per committed entry (`id` = index, `data` = receipt).
 * Resumes after `Last-Event-ID` (as EventSource sends it on reconnection), else from `?from=I`,
 * else from the current end of the log (live events only). A future index is allowed: its events
 * come when they are committed. Streams are capped per client address and in total (429
 * `EVENT_STREAMS_CLIENT_LIMIT`, 503 `EVENT_STREAMS_NODE_LIMIT`, both with `Retry-After`); history is
 * replayed in pages as the client reads (see {@link EventStreamHub}). The app's close ends them.
 */
export const eventsRoutes: FastifyPluginAsync<EventsRoutesOptions> = async (app, { node, sse }) => {
  const hub = new EventStreamHub(node, sse)
  app.addHook('preClose', (done) => {
    hub.finish()
    done()
  })
  app.get<{ Querystring: { from?: string }; Headers: { 'last-event-id'?: string } }>(
    '/v1/events',
    {
      // HEAD would drain an endless stream in the background.
      exposeHeadRoute: false,
      schema: {
        tags: ['events'],
        summary: 'Stream committed receipts as Server-Sent Events',
        description:
          'One event per committed entry: `id` is the log index, `data` the receipt JSON. `Last-Event-ID` resumes after that index and wins over `from`; without either the stream starts at the current end of the log. A comment line is sent periodically as a heartbeat. History is sent as fast as the client reads it; a client that reads nothing for a minute while its buffer is full is disconnected and may resume with `Last-Event-ID`. Open streams are capped per client address (429 `EVENT_STREAMS_CLIENT_LIMIT`) and in total (503 `EVENT_STREAMS_NODE_LIMIT`), both with `Retry-After`.',
        querystring: paramsObject({ from: countParam('first log index to send') }),
        headers: { type: 'object', properties: { 'last-event-id': countParam('the last index the client received') } },
        response: {
          200: { description: 'an endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          ...errorResponses(400, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const last = request.headers['last-event-id']
      const from =
        last !== undefined ? parseCount(last, 'last-event-id', 'header') + 1 : request.query.from !== undefined ? parseCount(request.query.from, 'from', 'query') : node.size()
      let stream
      try {
        stream = hub.open(clientKey(request), from)
      } catch (e) {
        if (e instanceof SaksiError) reply.header('retry-after', String(hub.settings.retryAfterSeconds))
        throw e
      }
      return reply
        .headers({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' })
        .send(stream)
    },
  )
}
