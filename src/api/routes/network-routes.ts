import type { FastifyPluginAsync } from 'fastify'
import type { SaksiNode } from '../../node/index.js'
import { paramsObject } from '../param-schemas.js'
import { NETWORK_INFO, NODE_HEALTH } from '../response-schemas.js'

/**
 * `GET /v1/network` (PROTOCOL section 7), and the extensions `GET /v1/genesis` and `GET /v1/health`
 * (see docs/PROTOCOL-NOTES.md).
 */
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
  app.get(
    '/v1/health',
    {
      schema: {
        tags: ['network'],
        summary: 'Whether the node produces blocks: ok, or halted (with why) after the execution watchdog interrupted a block',
        querystring: paramsObject({}),
        response: { 200: NODE_HEALTH },
      },
    },
    async () => node.health(),
  )
}
