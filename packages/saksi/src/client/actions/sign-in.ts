import { signRequest, type DidKey, type Signer } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { openAuthSession, type OpenAuthSessionReturnType } from './open-auth-session.js'
import { requestAuthChallenge } from './request-auth-challenge.js'

/** Parameters of {@link signIn}. */
export interface SignInParameters {
  /** The reader's key. */
  key: Signer & { did: DidKey }
  /** The node's network (`getNetwork(client).network`). */
  network: string
}

/** What {@link signIn} returns: the session (its token for `withSession`). */
export type SignInReturnType = OpenAuthSessionReturnType

/** What {@link signIn} throws: as `requestAuthChallenge` and `openAuthSession`. */
export type SignInErrorType = RequestErrorType

/**
 * Signs in: asks a challenge, signs it in an `auth.session` request, and opens a session. What the
 * session may read is decided by each gated route, for the key's roles at the time of the read.
 */
export async function signIn(client: SaksiClient, { key, network }: SignInParameters): Promise<SignInReturnType> {
  const { challenge } = await requestAuthChallenge(client)
  return openAuthSession(client, { request: signRequest({ network, action: 'auth.session', body: { challenge } }, key) })
}
