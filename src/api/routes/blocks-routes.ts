import type { FastifyPluginAsync } from 'fastify'
import type { SaksiNode } from '../../node/index.js'
import { countParam, paramsObject } from '../param-schemas.js'
import { parseCount } from '../parse-count.js'
import { SIGNED_BLOCK, errorResponses } from '../response-schemas.js'

/** `GET /v1/blocks/latest` and `GET /v1/blocks/{height}`: `{header, sig}` (PROTOCOL section 7). */
export const blocksRoutes: FastifyPluginAsync<{ node: SaksiNode }> = async (app, { node }) => {
  const noQuery = paramsObject({})

  app.get(
    '/v1/blocks/latest',
    { schema: { tags: ['blocks'], summary: 'The latest signed block header', querystring: noQuery, response: { 200: SIGNED_BLOCK } } },
    async () => node.block('latest'),
  )

  app.get<{ Params: { height: string } }>(
    '/v1/blocks/:height',
    {
      schema: {
        tags: ['blocks'],
        summary: 'A signed block header by height',
        params: paramsObject({ height: countParam('block height') }, ['height']),
        querystring: noQuery,
        response: { 200: SIGNED_BLOCK, ...errorResponses(400, 404) },
      },
    },
    async (request) => node.block(parseCount(request.params.height, 'height', 'path')),
  )
}
