import type { FastifyInstance } from 'fastify'
import type { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signRequest } from '../../../packages/saksi/src/core/request/sign-request.js'

/**
 * Signs in to an app as `key` (challenge, signed `auth.session`, token), for tests.
 * @param app the app
 * @param key the reader's key
 * @param network the node's network
 * @returns the headers of a gated read: `{authorization: 'Bearer …'}`
 * @throws Error with the answer when sign-in fails
 */
export async function signIn(app: FastifyInstance, key: KeyPair, network = 'kota-contoh'): Promise<{ authorization: string }> {
  const c = await app.inject({ method: 'POST', url: '/v1/auth/challenge' })
  const { challenge } = JSON.parse(c.body) as { challenge: string }
  const request = signRequest({ network, action: 'auth.session', body: { challenge } }, key)
  const s = await app.inject({ method: 'POST', url: '/v1/auth/session', payload: JSON.stringify(request), headers: { 'content-type': 'application/json' } })
  if (s.statusCode !== 200) throw new Error(`sign-in failed: ${s.statusCode} ${s.body}`)
  return { authorization: `Bearer ${(JSON.parse(s.body) as { token: string }).token}` }
}
