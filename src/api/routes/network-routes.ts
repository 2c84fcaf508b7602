import type { FastifyPluginAsync } from 'fastify'
import type { SaksiNode } from '../../node/saksi-node.js'
import { paramsObject } from '../param-schemas.js'
import { NETWORK_INFO } from '../response-schemas.js'

/** `GET /v1/network` (PROTOCOL section 7). */
export const networkRoutes: FastifyPluginAsync<{ node: SaksiNode }> = async (app, { node }) => {
  app.get(
    '/v1/network',
    {
      schema: {
        tags: ['network'],
        summary: 'The network: id, log origin, checkpoint verifier key, genesis hash, validity window, contracts',
        querystring: paramsObject({}),
        response: { 200: NETWORK_INFO },
      },
    },
    async () => node.info(),
  )
}
