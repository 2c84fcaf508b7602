import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestJson } from '../utils/request-json.js'

/** What {@link requestAuthChallenge} returns: a challenge to sign, and until when it may be answered. */
export interface RequestAuthChallengeReturnType {
  /** 32 random bytes, base64. */
  challenge: string
  /** RFC 3339 time (60 s after issue on this implementation). */
  expiresAt: string
}

/** What {@link requestAuthChallenge} throws. */
export type RequestAuthChallengeErrorType = RequestErrorType

/** `POST /v1/auth/challenge`: a sign-in challenge, random, short-lived and usable once. */
export async function requestAuthChallenge(client: SaksiClient): Promise<RequestAuthChallengeReturnType> {
  return (await requestJson<RequestAuthChallengeReturnType>(client, { method: 'POST', path: '/v1/auth/challenge', retry: false })).data
}
