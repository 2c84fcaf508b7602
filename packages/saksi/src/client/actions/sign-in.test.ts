import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../core/keys/key-pair.js'
import { signRequest } from '../../core/request/sign-request.js'
import { listenApi, type ListeningApi } from '../../../../../src/api/testing/listen-api.js'
import { caught } from '../testing/caught.js'
import { openAuthSession } from './open-auth-session.js'
import { requestAuthChallenge } from './request-auth-challenge.js'
import { signIn } from './sign-in.js'

let api: ListeningApi
beforeAll(async () => {
  api = await listenApi()
})
afterAll(async () => {
  await api.close()
})

describe('signIn', () => {
  describe('when the key signs the challenge', () => {
    it('answers a bearer session for the key', async () => {
      const key = KeyPair.generate()
      const s = await signIn(api.client, { key, network: api.node.info().network })
      expect(s).toMatchObject({ tokenType: 'Bearer', signer: key.did })
    })
  })
})

describe('openAuthSession', () => {
  describe('when the challenge was already used', () => {
    it('throws 401 AUTH_CHALLENGE_INVALID', async () => {
      const { challenge } = await requestAuthChallenge(api.client)
      const request = signRequest({ network: api.node.info().network, action: 'auth.session', body: { challenge } }, KeyPair.generate())
      await openAuthSession(api.client, { request })
      expect(await caught(openAuthSession(api.client, { request }))).toMatchObject({ status: 401, code: 'AUTH_CHALLENGE_INVALID' })
    })
  })
})
