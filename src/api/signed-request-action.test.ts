import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { utf8 } from '../../packages/saksi/src/core/encoding/bytes.js'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signRequest } from '../../packages/saksi/src/core/request/sign-request.js'
import { anyone, role } from '../../packages/saksi/src/core/runtime/policies.js'
import { acceptSignedRequest, requestAllowed, signedRequestSchema, type SignedRequestAction } from './signed-request-action.js'
import { FAKE_ADMIN_KEY, FakeNode } from './testing/fake-node.js'

const node = new FakeNode()
const stranger = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const ADMINS: SignedRequestAction = { name: 'dinsos.deposit', allow: role('identity.admin') }
const signed = (key: KeyPair, action = 'dinsos.deposit', network = 'kota-contoh') => utf8(JSON.stringify(signRequest({ network, action, body: { records: [] } }, key)))

describe('acceptSignedRequest', () => {
  describe('when the signer may take the action', () => {
    it('answers the verified request', async () => {
      const r = await acceptSignedRequest(node, ADMINS, signed(FAKE_ADMIN_KEY))
      expect(r).toMatchObject({ action: 'dinsos.deposit', signer: FAKE_ADMIN_KEY.did, body: { records: [] } })
    })
  })

  describe('when the policy refuses the signer', () => {
    it('throws an AuthorizationError with its code, and the declared message', async () => {
      await expect(acceptSignedRequest(node, ADMINS, signed(stranger))).rejects.toThrow(expect.objectContaining({ code: 'ACCESS_DENIED', kind: 'authorization', message: 'the caller does not hold the role identity.admin' }))
      await expect(acceptSignedRequest(node, { ...ADMINS, denied: 'admins only' }, signed(stranger))).rejects.toThrow(expect.objectContaining({ code: 'ACCESS_DENIED', message: 'admins only' }))
    })
  })

  describe('when the request is not for this action or this network', () => {
    it('throws REQUEST_INVALID or REQUEST_WRONG_NETWORK before asking the policy', async () => {
      await expect(acceptSignedRequest(node, ADMINS, signed(stranger, 'dinsos.other'))).rejects.toThrow(expect.objectContaining({ code: 'REQUEST_INVALID', message: 'this route takes the action dinsos.deposit' }))
      await expect(acceptSignedRequest(node, ADMINS, signed(stranger, 'dinsos.deposit', 'kota-lain'))).rejects.toThrow(expect.objectContaining({ code: 'REQUEST_WRONG_NETWORK' }))
    })
  })

  describe('when the action declares a body schema', () => {
    const WITH_BODY: SignedRequestAction<{ records: unknown[] }> = { ...ADMINS, body: z.object({ records: z.array(z.unknown()).min(1, 'must hold a record') }) }

    it('refuses a body it does not accept with REQUEST_INVALID naming the field, once the policy allows the signer', async () => {
      await expect(acceptSignedRequest(node, WITH_BODY, signed(FAKE_ADMIN_KEY))).rejects.toThrow(expect.objectContaining({ code: 'REQUEST_INVALID', kind: 'validation', message: 'req.body.records must hold a record' }))
      await expect(acceptSignedRequest(node, WITH_BODY, signed(stranger))).rejects.toThrow(expect.objectContaining({ code: 'ACCESS_DENIED' }))
    })

    it('documents the body from the same schema', () => {
      const doc = signedRequestSchema(WITH_BODY)
      expect(doc.properties.req.properties.action).toEqual({ const: 'dinsos.deposit' })
      expect(doc.properties.req.properties.body).toMatchObject({ type: 'object', required: ['records'], properties: { records: { type: 'array', minItems: 1 } } })
    })
  })
})

describe('requestAllowed', () => {
  describe('when asked about a further policy', () => {
    it('answers whether it allows the request', async () => {
      const open: SignedRequestAction = { name: 'dinsos.deposit', allow: anyone }
      expect(await requestAllowed(node, open, role('identity.admin'), await acceptSignedRequest(node, open, signed(FAKE_ADMIN_KEY)))).toBe(true)
      expect(await requestAllowed(node, open, role('identity.admin'), await acceptSignedRequest(node, open, signed(stranger)))).toBe(false)
    })
  })
})
