/**
 * Test support for the client (test-only, not in dist): the real API over a node, listening on
 * 127.0.0.1 on a free port, so that the client talks to it with the platform's fetch.
 */
import type { FastifyInstance } from 'fastify'
import { buildApi, type ApiOptions } from '../build-api.js'
import { SERVICES } from '../../services/registry.js'
import { openRealNode } from './real-node.js'
import type { SaksiNode } from '../../node/saksi-node.js'
import { createClient, type ClientConfig, type SaksiClient } from '../../../packages/saksi/src/client/create-client.js'

/** A listening API, its node and a client of it. */
export interface ListeningApi {
  url: string
  node: SaksiNode
  app: FastifyInstance
  client: SaksiClient
  /** Another client of the same API with other options. */
  clientWith(config: Omit<ClientConfig, 'url'>): SaksiClient
  close(): Promise<void>
}

/**
 * Serves the API over a node on `127.0.0.1:0`.
 * @param node the node (default: the real node over an in-memory store)
 * @param options API options
 */
export async function listenApi(node?: SaksiNode, options: ApiOptions = {}): Promise<ListeningApi> {
  const n = node ?? (await openRealNode())
  const app = buildApi(n, { services: SERVICES, ...options })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url,
    node: n,
    app,
    client: createClient({ url }),
    clientWith: (config) => createClient({ url, ...config }),
    async close() {
      // Node's fetch opens a spare connection after a stream is cancelled; an idle connection that
      // never sent a request would hold the server's close until it times out.
      app.server.closeAllConnections()
      await app.close()
      await n.close()
    },
  }
}
