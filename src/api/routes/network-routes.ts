import type { FastifyPluginAsync } from 'fastify'
import type { SaksiNode } from '../../node/index.js'
import { paramsObject } from '../param-schemas.js'
import { NETWORK_INFO } from '../response-schemas.js'

/** `GET /v1/network` (PROTOCOL section 7) and `GET /v1/genesis` (an extension, see docs/PROTOCOL-NOTES.md). */
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
  app.get(
    '/v1/genesis',
    {
      schema: {
        tags: ['network'],
        summary: 'The genesis document: its JCS SHA-256 is genesisHash; auditors re-execute the log from it',
        querystring: paramsObject({}),
        response: { 200: { type: 'object', additionalProperties: true } },
      },
    },
    async () => node.genesis(),
  )
}
