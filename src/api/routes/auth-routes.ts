import type { FastifyPluginAsync } from 'fastify'
import { anyone, formatTime } from 'saksi'
import { z } from 'zod'
import type { SaksiNode } from '../../node/index.js'
import { apiError } from '../api-errors.js'
import type { AuthSessions } from '../auth/auth-sessions.js'
import { errorResponses } from '../response-schemas.js'
import { acceptSignedRequest, signedRequestSchema, type SignedRequestAction } from '../signed-request-action.js'
import { clientKey } from '../client-key.js'

/**
 * Signing in: a signed request answering a challenge. Anyone with a key may open a session; what
 * it may read is each gated route's policy, checked at the read on committed state.
 */
export const AUTH_SESSION: SignedRequestAction<{ challenge: string }> = {
  name: 'auth.session',
  allow: anyone,
  body: z.strictObject({ challenge: z.string().max(64, 'must be a challenge from POST /v1/auth/challenge') }),
}

/** The security scheme of gated reads in `/openapi.json`. */
export const BEARER_SCHEME = 'saksiSession'

const CHALLENGE_ANSWER = {
  type: 'object',
  required: ['challenge', 'expiresAt'],
  properties: { challenge: { type: 'string', description: '32 random bytes, base64: sign it in an auth.session request' }, expiresAt: { type: 'string', format: 'date-time' } },
} as const

const SESSION_ANSWER = {
  type: 'object',
  required: ['token', 'tokenType', 'signer', 'expiresAt'],
  properties: {
    token: { type: 'string', description: 'send as Authorization: Bearer <token>' },
    tokenType: { const: 'Bearer' },
    signer: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const

/**
 * `POST /v1/auth/challenge` and `POST /v1/auth/session`: a short-lived bearer token for reads that
 * name who did what to whom (docs/PROTOCOL-NOTES.md, "Sessions").
 */
export const authRoutes: FastifyPluginAsync<{ node: SaksiNode; sessions: AuthSessions }> = async (app, { node, sessions }) => {
  app.post(
    '/v1/auth/challenge',
    {
      bodyLimit: 1024,
      schema: {
        tags: ['auth'],
        summary: 'A sign-in challenge: random, valid for 60 s, usable once',
        description: 'No body. Sign the challenge in an `auth.session` signed request and send it to `POST /v1/auth/session`. Each client address has a sign-in bucket shared with `POST /v1/auth/session` and a share of the outstanding challenges: past either, 429 `RATE_LIMITED` (`details.scope` `sign-in` or `challenges`) with `Retry-After`.',
        response: { 200: CHALLENGE_ANSWER, ...errorResponses(400, 413, 415, 429) },
      },
    },
    async (request) => {
      const c = sessions.challenge(clientKey(request), Date.now())
      return { challenge: c.challenge, expiresAt: formatTime(c.expiresAtMs) }
    },
  )

  app.post<{ Body: Buffer | undefined }>(
    '/v1/auth/session',
    {
      bodyLimit: 8 * 1024,
      config: { documentedBody: signedRequestSchema(AUTH_SESSION) },
      schema: {
        tags: ['auth'],
        summary: 'Sign in: a signed auth.session request holding a challenge, answered with a bearer token (15 minutes)',
        description: 'The body is a signed request (docs/PROTOCOL-NOTES.md, "Signed requests") with action `auth.session` and body `{challenge}`. The challenge is used up whether or not the request is accepted. Costs a token of the client\'s sign-in bucket (429 `RATE_LIMITED`, `details.scope: "sign-in"`); a key holds at most 16 sessions, a new one closes its oldest.',
        response: { 200: SESSION_ANSWER, ...errorResponses(400, 401, 413, 415, 422, 429) },
      },
    },
    async (request) => {
      if (!(request.body instanceof Uint8Array)) throw apiError('MEDIA_TYPE_UNSUPPORTED', 'send the signed request as an application/json body')
      const now = Date.now()
      // Before the signature is checked: a flood of forged answers costs its sender too.
      sessions.spend(clientKey(request), now)
      const r = await acceptSignedRequest(node, AUTH_SESSION, request.body, now)
      if (!sessions.takeChallenge(r.body.challenge, now)) throw apiError('AUTH_CHALLENGE_INVALID', 'the challenge is unknown, already used or expired: ask POST /v1/auth/challenge for a new one')
      const s = sessions.open(r.signer, now)
      return { token: s.token, tokenType: 'Bearer', signer: s.signer, expiresAt: formatTime(s.expiresAtMs) }
    },
  )
}
