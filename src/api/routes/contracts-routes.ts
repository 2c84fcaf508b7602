import type { FastifyPluginAsync } from 'fastify'
import { NotFoundError } from 'saksi'
import type { SaksiNode } from '../../node/index.js'
import { NAME_PARAM, paramsObject } from '../param-schemas.js'
import { errorResponses } from '../response-schemas.js'
import { authorizeRead } from '../auth/authorize-read.js'
import type { AuthSessions } from '../auth/auth-sessions.js'
import { BEARER_SCHEME } from './auth-routes.js'

/** Longest query argument accepted, in characters. */
const MAX_ARG_LENGTH = 4096

/**
 * `GET /v1/contracts/{contract}/queries/{query}?...`: a read-only query of committed state. Every
 * query parameter is an argument, passed as a string: the contract's own schema decides what it
 * accepts (`ARGS_INVALID`). An argument given twice is refused (`PARAM_REPEATED`, in `build-api`).
 * A query that declares who may read it (`allow`) takes a session's bearer token (401 without, 403
 * for a reader its policy refuses), checked before its arguments.
 */
export const contractsRoutes: FastifyPluginAsync<{ node: SaksiNode; sessions: AuthSessions }> = async (app, { node, sessions }) => {
  app.get<{ Params: { contract: string; query: string }; Querystring: Record<string, string> }>(
    '/v1/contracts/:contract/queries/:query',
    {
      schema: {
        tags: ['contracts'],
        summary: "A read-only query of a contract's committed state",
        description:
          'Query parameters are the query\'s arguments, each a string; the contract validates them (`ARGS_INVALID`). `GET /v1/network` lists each contract\'s queries. 404 when the contract or query is unknown or the query finds nothing. Queries whose answer names who did what to whom (e.g. `welfare.accesses`, the work lists) take a session token: 401 `AUTH_REQUIRED` without one, 403 when the reader\'s roles do not allow it.',
        security: [{}, { [BEARER_SCHEME]: [] }],
        params: paramsObject({ contract: NAME_PARAM, query: NAME_PARAM }, ['contract', 'query']),
        querystring: { type: 'object', additionalProperties: { type: 'string', maxLength: MAX_ARG_LENGTH } },
        response: { 200: { description: "the query's answer (any JSON value)" }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { contract, query } = request.params
      // fromEntries defines keys such as "__proto__" as plain data.
      const args = Object.fromEntries(Object.entries(request.query))
      const allow = node.queryPolicy(contract, query)
      if (allow) await authorizeRead(node, sessions, request, allow, { contract, method: query, args })
      const answer = await node.query(contract, query, args)
      if (answer === undefined) throw new NotFoundError('NOT_FOUND', `${contract}.${query} found nothing for these arguments`)
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer))
    },
  )
}
