import type { FastifyPluginAsync } from 'fastify'
import { toBase64 } from 'saksi'
import type { SaksiNode } from '../../node/index.js'
import { countParam, paramsObject } from '../param-schemas.js'
import { parseCount } from '../parse-count.js'
import { CONSISTENCY_PROOF, ENTRY, INCLUSION_PROOF, errorResponses } from '../response-schemas.js'

/** `GET /v1/log/...`: checkpoint, entries and proofs (PROTOCOL section 7). */
export const logRoutes: FastifyPluginAsync<{ node: SaksiNode }> = async (app, { node }) => {
  const noQuery = paramsObject({})

  app.get(
    '/v1/log/checkpoint',
    {
      schema: {
        tags: ['log'],
        summary: 'The latest signed checkpoint (C2SP tlog-checkpoint, signed-note)',
        querystring: noQuery,
        response: { 200: { description: 'the checkpoint note', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(await node.checkpoint()),
  )

  app.get<{ Params: { index: string } }>(
    '/v1/log/entries/:index',
    {
      schema: {
        tags: ['log'],
        summary: 'The exact bytes of a log entry',
        params: paramsObject({ index: countParam('log index') }, ['index']),
        querystring: noQuery,
        response: { 200: { description: 'the JCS bytes of the entry, as stored', content: { 'application/json': { schema: ENTRY } } }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const bytes = await node.entry(parseCount(request.params.index, 'index', 'path'))
      // The stored bytes are what the Merkle leaf hashes: sent as they are, never re-serialised.
      return reply.type('application/json').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    },
  )

  app.get<{ Querystring: { index: string; size: string } }>(
    '/v1/log/proof/inclusion',
    {
      schema: {
        tags: ['log'],
        summary: 'Inclusion proof of entry `index` in the tree of `size` entries (RFC 6962)',
        querystring: paramsObject({ index: countParam('log index'), size: countParam('tree size') }, ['index', 'size']),
        response: { 200: INCLUSION_PROOF, ...errorResponses(400) },
      },
    },
    async (request) => {
      const index = parseCount(request.query.index, 'index', 'query')
      const size = parseCount(request.query.size, 'size', 'query')
      const proof = await node.inclusionProof(index, size)
      return { index, size, proof: proof.map(toBase64) }
    },
  )

  app.get<{ Querystring: { from: string; to: string } }>(
    '/v1/log/proof/consistency',
    {
      schema: {
        tags: ['log'],
        summary: 'Consistency proof between the trees of `from` and `to` entries (RFC 6962)',
        querystring: paramsObject({ from: countParam('older tree size (at least 1)'), to: countParam('newer tree size') }, ['from', 'to']),
        response: { 200: CONSISTENCY_PROOF, ...errorResponses(400) },
      },
    },
    async (request) => {
      const from = parseCount(request.query.from, 'from', 'query')
      const to = parseCount(request.query.to, 'to', 'query')
      const proof = await node.consistencyProof(from, to)
      return { from, to, proof: proof.map(toBase64) }
    },
  )
}
