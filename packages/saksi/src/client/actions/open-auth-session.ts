import type { SignedRequest } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link openAuthSession}. */
export interface OpenAuthSessionParameters {
  /** A signed `auth.session` request whose body is `{challenge}` (from `requestAuthChallenge`). */
  request: SignedRequest
}

/** What {@link openAuthSession} returns: a bearer token for gated reads. */
export interface OpenAuthSessionReturnType {
  token: string
  tokenType: 'Bearer'
  /** The key that signed the challenge. */
  signer: string
  /** RFC 3339 time (15 minutes after sign-in on this implementation). */
  expiresAt: string
}

/**
 * What {@link openAuthSession} throws: 401 `AUTH_CHALLENGE_INVALID` (unknown, used or expired
 * challenge), 401 `REQUEST_BAD_SIGNATURE`, 400 `REQUEST_INVALID`, 422 `REQUEST_EXPIRED` /
 * `REQUEST_WRONG_NETWORK`, or a network error.
 */
export type OpenAuthSessionErrorType = RequestErrorType

/** `POST /v1/auth/session`: trades a signed challenge for a short-lived bearer token. */
export async function openAuthSession(client: SaksiClient, { request }: OpenAuthSessionParameters): Promise<OpenAuthSessionReturnType> {
  return (await requestJson<OpenAuthSessionReturnType>(client, { method: 'POST', path: '/v1/auth/session', body: JSON.stringify(request), retry: false })).data
}
