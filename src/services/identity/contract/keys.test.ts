import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toBase64 } from '../../../../packages/saksi/src/core/encoding/base64.js'
import { anyone, defineContract, role, selfAsCitizen } from '../../../../packages/saksi/src/core/runtime/index.js'
import { signRotationProof } from './rotation-proof.js'
import { createHarness, testKey } from './testing/harness.js'

const admin = testKey(1)
const verifier = testKey(2)
const citizen = testKey(10)
const fresh = testKey(20)
const other = testKey(21)

// Another service, to show that a dead key is refused in every contract.
const guestbook = defineContract({
  name: 'guestbook',
  version: 1,
  methods: {
    sign: { args: z.strictObject({}), allow: anyone, run: (ctx) => ctx.state.put(`sig/${ctx.caller}`, ctx.time.iso) },
    citizenSign: { args: z.strictObject({}), allow: selfAsCitizen, run: (ctx) => ctx.emit('guestbook.Signed', {}) },
    officialSign: { args: z.strictObject({}), allow: role('identity.verifier'), run: (ctx) => ctx.emit('guestbook.Signed', {}) },
  },
})

function ledger() {
  const l = createHarness(
    { organisations: [{ id: 'dukcapil', name: 'Dukcapil', admins: [admin.did], grants: ['identity.verifier'], members: [{ did: verifier.did, roles: ['identity.verifier'] }] }] },
    [guestbook],
  )
  l.call(citizen, 'register', { name: 'Siti Rahayu' })
  return l
}

describe('identity.rotateKey', () => {
  describe('when the new key proves possession', () => {
    it('moves the identity to the new key, and the old key can no longer act anywhere', () => {
      const l = ledger()
      expect(l.call(citizen, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, citizen.did) })).toMatchObject({
        status: 'ok',
        events: [{ type: 'identity.KeyRotated', data: { from: citizen.did, to: fresh.did } }],
      })
      expect(l.query('get', { did: citizen.did })).toBeUndefined()
      expect(l.query('get', { did: fresh.did })).toMatchObject({ did: fresh.did, name: 'Siti Rahayu', rotatedFrom: citizen.did })
      expect(l.query('key', { did: citizen.did })).toMatchObject({ status: 'rotated', successor: fresh.did })
      for (const [method, contract] of [['register', 'identity'], ['rotateKey', 'identity'], ['sign', 'guestbook'], ['citizenSign', 'guestbook']] as const) {
        const r = l.call(citizen, method, method === 'register' ? { name: 'Siti' } : {}, contract)
        expect(r, `${contract}.${method}`).toMatchObject({ status: 'failed', code: 'IDENTITY_KEY_REVOKED' })
        expect(r.status === 'failed' && r.message).toContain(fresh.did)
      }
      expect(l.call(fresh, 'citizenSign', {}, 'guestbook')).toMatchObject({ status: 'ok' })
    })
    it('moves an official’s memberships, so the roles follow the key', () => {
      const l = ledger()
      l.call(verifier, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, verifier.did) })
      expect(l.query('roles', { did: fresh.did })).toEqual([{ org: 'dukcapil', roles: ['identity.verifier'] }])
      expect(l.query('roles', { did: verifier.did })).toEqual([])
      expect(l.call(fresh, 'verifyCitizen', { did: citizen.did, evidence: { method: 'dukcapil' } })).toMatchObject({ status: 'ok' })
      expect(l.call(verifier, 'officialSign', {}, 'guestbook')).toMatchObject({ code: 'IDENTITY_KEY_REVOKED' })
    })
  })
  describe('when the proof is invalid', () => {
    it('fails with IDENTITY_ROTATION_PROOF_INVALID (or ARGS_INVALID if it is not a signature at all)', () => {
      const l = ledger()
      const wrongSigner = signRotationProof(other, citizen.did)
      const wrongMessage = toBase64(fresh.sign(new TextEncoder().encode(`saksi/rotate/v1\n${other.did}\n${fresh.did}`)))
      for (const proof of [wrongSigner, wrongMessage, toBase64(new Uint8Array(64))]) {
        expect(l.call(citizen, 'rotateKey', { newDid: fresh.did, proof })).toMatchObject({ code: 'IDENTITY_ROTATION_PROOF_INVALID' })
      }
      expect(l.call(citizen, 'rotateKey', { newDid: fresh.did, proof: 'abc' })).toMatchObject({ code: 'ARGS_INVALID' })
      expect(l.query('key', { did: citizen.did })).toMatchObject({ status: 'active' })
    })
  })
  describe('when the new key is taken or there is nothing to rotate', () => {
    it('fails with IDENTITY_KEY_IN_USE or IDENTITY_NOT_FOUND', () => {
      const l = ledger()
      expect(l.call(citizen, 'rotateKey', { newDid: citizen.did, proof: signRotationProof(citizen, citizen.did) })).toMatchObject({ code: 'IDENTITY_KEY_IN_USE' })
      expect(l.call(citizen, 'rotateKey', { newDid: verifier.did, proof: signRotationProof(verifier, citizen.did) })).toMatchObject({ code: 'IDENTITY_KEY_IN_USE' })
      expect(l.call(other, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, other.did) })).toMatchObject({ code: 'IDENTITY_NOT_FOUND' })
    })
  })
})

describe('identity.revokeKey', () => {
  describe('when the holder revokes its own key', () => {
    it('the key can no longer act in any contract, nor register again', () => {
      const l = ledger()
      expect(l.call(citizen, 'revokeKey', { did: citizen.did, reason: 'phone lost' })).toMatchObject({
        status: 'ok',
        events: [{ type: 'identity.KeyRevoked', data: { did: citizen.did, by: citizen.did, reason: 'phone lost' } }],
      })
      expect(l.query('key', { did: citizen.did })).toEqual({ did: citizen.did, status: 'revoked', by: citizen.did, at: l.time, reason: 'phone lost' })
      expect(l.call(citizen, 'register', { name: 'Siti' })).toMatchObject({ code: 'IDENTITY_KEY_REVOKED' })
      expect(l.call(citizen, 'sign', {}, 'guestbook')).toMatchObject({ code: 'IDENTITY_KEY_REVOKED' })
      expect(l.call(verifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'dukcapil' } })).toMatchObject({ code: 'IDENTITY_KEY_REVOKED' })
    })
  })
  describe('when an admin tries to revoke a member’s key', () => {
    it('is refused: only the holder revokes a key; the admin removes the member instead', () => {
      const l = ledger()
      expect(l.call(admin, 'revokeKey', { did: verifier.did, org: 'dukcapil' })).toMatchObject({ code: 'ARGS_INVALID', message: 'args has unknown field(s): org' })
      expect(l.call(admin, 'revokeKey', { did: verifier.did })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.query('key', { did: verifier.did })).toEqual({ did: verifier.did, status: 'active' })
      expect(l.call(admin, 'removeMember', { org: 'dukcapil', did: verifier.did })).toMatchObject({ status: 'ok' })
      expect(l.call(verifier, 'officialSign', {}, 'guestbook')).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
  describe('when the caller is not the holder', () => {
    it('fails with ACCESS_DENIED and the key stays active', () => {
      const l = ledger()
      expect(l.call(other, 'revokeKey', { did: citizen.did })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.call(verifier, 'revokeKey', { did: admin.did })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.call(admin, 'revokeKey', { did: citizen.did })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.query('key', { did: citizen.did })).toMatchObject({ status: 'active' })
    })
  })
  describe('when the holder is the last admin of its organisation', () => {
    it('is not refused (a compromised key must be stoppable); the organisation is left without an active admin', () => {
      const l = ledger()
      expect(l.call(admin, 'revokeKey', { did: admin.did })).toMatchObject({ status: 'ok' })
      expect(l.query('organisation', { id: 'dukcapil' })).toMatchObject({ admins: [] })
      expect(l.query('members', { org: 'dukcapil' })).toContainEqual(expect.objectContaining({ did: admin.did, keyStatus: 'revoked' }))
    })
  })
})

describe('identity.get and the key status', () => {
  describe('when the key is active', () => {
    it('answers the citizen record with keyStatus active', () => {
      const l = ledger()
      expect(l.query('get', { did: citizen.did })).toEqual({ did: citizen.did, name: 'Siti Rahayu', status: 'unverified', registeredAt: expect.any(String), keyStatus: 'active' })
    })
  })
  describe('when the holder revoked a verified key', () => {
    it('still answers the record, with keyStatus revoked next to status verified', () => {
      const l = ledger()
      l.call(verifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'dukcapil' } })
      l.call(citizen, 'revokeKey', { did: citizen.did })
      expect(l.query('get', { did: citizen.did })).toMatchObject({ did: citizen.did, status: 'verified', keyStatus: 'revoked' })
      expect(l.query('get', { did: citizen.did })).not.toHaveProperty('successor')
    })
  })
  describe('when the key was rotated', () => {
    it('the old key answers not found and the new key answers the record, active, with rotatedFrom', () => {
      const l = ledger()
      l.call(citizen, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, citizen.did) })
      expect(l.query('get', { did: citizen.did })).toBeUndefined()
      expect(l.query('get', { did: fresh.did })).toMatchObject({ did: fresh.did, rotatedFrom: citizen.did, keyStatus: 'active' })
    })
    it('a record still held under a rotated key says so, with the successor', () => {
      const l = ledger()
      // Not produced by rotateKey (which moves the record), but get must never present a dead key as live.
      l.store.apply([{ contract: 'identity', key: `key/${citizen.did}`, value: { did: citizen.did, status: 'rotated', successor: fresh.did, at: l.time } }])
      expect(l.query('get', { did: citizen.did })).toMatchObject({ did: citizen.did, status: 'unverified', keyStatus: 'rotated', successor: fresh.did })
    })
  })
})
