import type { FastifyPluginAsync } from 'fastify'
import { NotFoundError, MAX_ENVELOPE_BYTES } from 'saksi'
import type { SaksiNode } from '../../node/index.js'
import { apiError } from '../api-errors.js'
import { TX_ID_PARAM, paramsObject } from '../param-schemas.js'
import { ENVELOPE, RECEIPT, RECEIPT_OR_PENDING, SIMULATED_RECEIPT, TX_ID_BODY, errorResponses } from '../response-schemas.js'
import { clientKey } from '../client-key.js'

/** Options of {@link txRoutes}. */
export interface TxRoutesOptions {
  node: SaksiNode
  /** How long `POST /v1/tx?wait=true` waits for the commit (PROTOCOL: 10 s). */
  waitTimeoutMs: number
}

// An envelope body: 64 KiB, read by the node's strict parser.
const ENVELOPE_BODY = { bodyLimit: MAX_ENVELOPE_BYTES, config: { tooLargeCode: 'TX_TOO_LARGE', documentedBody: ENVELOPE } }

function envelopeOf(body: Buffer | undefined): Buffer {
  // With no body at all Fastify runs no parser: say what the route takes.
  if (!(body instanceof Uint8Array)) throw apiError('MEDIA_TYPE_UNSUPPORTED', 'send the envelope as an application/json body')
  return body
}

/** `POST /v1/tx`, `POST /v1/tx/simulate` (PROTOCOL-NOTES "Preflight") and `GET /v1/tx/{txId}` (PROTOCOL section 7). */
export const txRoutes: FastifyPluginAsync<TxRoutesOptions> = async (app, { node, waitTimeoutMs }) => {
  app.post<{ Querystring: { wait?: 'true' | 'false' }; Body: Buffer | undefined }>(
    '/v1/tx',
    {
      ...ENVELOPE_BODY,
      schema: {
        tags: ['transactions'],
        summary: 'Submit a signed transaction envelope',
        description:
          'The body is the envelope as `application/json` (UTF-8), at most 64 KiB. It is read byte for byte by the node\'s strict parser (duplicate keys, unknown fields and non-canonical base64 are refused), not by a schema. With `wait=true` the answer waits up to 10 s for the commit.',
        querystring: paramsObject({ wait: { type: 'string', enum: ['true', 'false'], description: 'wait up to 10 s for the receipt' } }),
        response: {
          200: { ...RECEIPT, description: 'committed (only with wait=true)' },
          202: { ...TX_ID_BODY, description: 'admitted, not yet committed' },
          ...errorResponses(400, 401, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { txId } = await node.submit(envelopeOf(request.body), { client: clientKey(request) })
      if (request.query.wait === 'true') {
        const receipt = await node.waitForReceipt(txId, waitTimeoutMs)
        if (receipt) return reply.code(200).send(receipt)
      }
      return reply.code(202).send({ txId })
    },
  )

  app.post<{ Body: Buffer | undefined }>(
    '/v1/tx/simulate',
    {
      ...ENVELOPE_BODY,
      schema: {
        tags: ['transactions'],
        summary: 'Simulate a signed transaction envelope: the would-be receipt, nothing committed',
        description:
          'The body is an envelope exactly as for `POST /v1/tx`, checked the same way (the same errors, and the same per-client rate limit). The call runs on the current committed head and nothing is kept: the txId is not consumed, so the same envelope may be simulated again, then submitted. A call refused on its access decision carries `explanation` (the roles needed and held), which a committed result never does.',
        querystring: paramsObject({}),
        response: {
          200: { ...SIMULATED_RECEIPT, description: 'what the receipt would be if committed now' },
          ...errorResponses(400, 401, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (request) => node.simulate(envelopeOf(request.body), { client: clientKey(request) }),
  )

  app.get<{ Params: { txId: string } }>(
    '/v1/tx/:txId',
    {
      schema: {
        tags: ['transactions'],
        summary: "A transaction's receipt",
        params: paramsObject({ txId: TX_ID_PARAM }, ['txId']),
        querystring: paramsObject({}),
        response: { 200: { ...RECEIPT_OR_PENDING, description: 'the receipt, or pending' }, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const receipt = await node.receipt(request.params.txId)
      if (!receipt) throw new NotFoundError('TX_NOT_FOUND', 'no transaction with this id is known to this node', { txId: request.params.txId })
      return receipt
    },
  )
}
