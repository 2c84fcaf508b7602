import { describe, expect, it } from 'vitest'
import { toBase64 } from '../../../../packages/saksi/src/core/encoding/base64.js'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import { createHarness, testKey } from './testing/harness.js'

const admin = testKey(1)
const verifier = testKey(2)
const dinsosAdmin = testKey(3)
const citizen = testKey(10)
const other = testKey(11)
const stranger = testKey(12)

const GENESIS: JsonObject = {
  network: 'kota-contoh',
  organisations: [
    {
      id: 'dukcapil',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      admins: [admin.did],
      grants: ['identity.verifier', 'dukcapil.clerk'],
      members: [{ did: verifier.did, roles: ['identity.verifier'] }],
    },
    { id: 'dinsos', name: 'Dinas Sosial', admins: [dinsosAdmin.did] },
  ],
}
const NIK_HASH = toBase64(new Uint8Array(32).fill(7))

function ledger() {
  return createHarness(GENESIS)
}

describe('identity.register', () => {
  describe('when a new key registers', () => {
    it('records an unverified citizen and emits identity.Registered', () => {
      const l = ledger()
      expect(l.call(citizen, 'register', { name: 'Siti Rahayu' })).toEqual({
        status: 'ok',
        events: [{ type: 'identity.Registered', data: { did: citizen.did, name: 'Siti Rahayu' } }],
        writes: expect.any(String),
      })
      expect(l.query('get', { did: citizen.did })).toEqual({ did: citizen.did, name: 'Siti Rahayu', status: 'unverified', registeredAt: l.time, keyStatus: 'active' })
    })
    it('counts the name in characters, not UTF-16 units', () => {
      expect(ledger().call(citizen, 'register', { name: '🌺'.repeat(100) })).toMatchObject({ status: 'ok' })
    })
  })
  describe('when the key is already registered', () => {
    it('fails with IDENTITY_EXISTS and changes nothing', () => {
      const l = ledger()
      l.call(citizen, 'register', { name: 'Siti Rahayu' })
      const before = l.store.dump()
      expect(l.call(citizen, 'register', { name: 'Siti R.' })).toMatchObject({ status: 'failed', code: 'IDENTITY_EXISTS' })
      expect(l.store.dump()).toEqual(before)
    })
  })
  describe('when the name is invalid', () => {
    it('fails with ARGS_INVALID naming args.name', () => {
      const l = ledger()
      for (const args of [{}, { name: '' }, { name: ' ' }, { name: 'x'.repeat(101) }, { name: 'a\nb' }, { name: 'Budi', extra: 1 }] as JsonObject[]) {
        const r = l.call(citizen, 'register', args)
        expect(r, JSON.stringify(args)).toMatchObject({ status: 'failed', code: 'ARGS_INVALID' })
        expect(r.status === 'failed' && r.message).toMatch(/^args( has unknown|\.name)/)
      }
    })
  })
  describe('when the arguments hold a NIK in clear', () => {
    it('is screened out at admission, and refused with IDENTITY_NIK_IN_CLEAR if it gets through', () => {
      const l = ledger()
      const args = { name: 'Budi 3171012345678901' }
      expect(l.runtime.screen({ contract: 'identity', method: 'register', args })).toMatchObject({ code: 'IDENTITY_NIK_IN_CLEAR' })
      const r = l.call(citizen, 'register', args)
      expect(r).toMatchObject({ status: 'failed', code: 'IDENTITY_NIK_IN_CLEAR' })
      expect(JSON.stringify(r)).not.toContain('3171012345678901')
    })
    it('refuses any 16 digits, even a phone or account number (deliberate: documented for clients)', () => {
      const l = ledger()
      for (const name of ['Budi 0812 3456 7890 1234', 'Budi (rek. 1234-5678-9012-3456)']) {
        expect(l.runtime.screen({ contract: 'identity', method: 'register', args: { name } }), name).toMatchObject({ code: 'IDENTITY_NIK_IN_CLEAR', message: expect.stringMatching(/^args\.name /) })
      }
      expect(l.call(citizen, 'register', { name: 'Budi 0812-3456-7890' })).toMatchObject({ status: 'ok' })
    })
  })
})

describe('identity.addMember', () => {
  describe('when an admin of the organisation adds a member', () => {
    it('records the membership with sorted roles', () => {
      const l = ledger()
      expect(l.call(admin, 'addMember', { org: 'dukcapil', did: other.did, roles: ['identity.verifier', 'dukcapil.clerk'] })).toMatchObject({
        status: 'ok',
        events: [{ type: 'identity.MemberAdded', data: { org: 'dukcapil', did: other.did, roles: ['dukcapil.clerk', 'identity.verifier'], by: admin.did } }],
      })
      expect(l.query('roles', { did: other.did })).toEqual([{ org: 'dukcapil', roles: ['dukcapil.clerk', 'identity.verifier'] }])
      expect(l.query('members', { org: 'dukcapil' })).toHaveLength(3)
    })
  })
  describe('when the caller is not an admin of that organisation', () => {
    it('fails with ACCESS_DENIED', () => {
      const l = ledger()
      for (const signer of [stranger, verifier, dinsosAdmin]) {
        expect(l.call(signer, 'addMember', { org: 'dukcapil', did: other.did, roles: [] })).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      }
      expect(l.query('roles', { did: other.did })).toEqual([])
    })
  })
  describe('when the member exists or the arguments are wrong', () => {
    it('fails with IDENTITY_MEMBER_EXISTS or ARGS_INVALID', () => {
      const l = ledger()
      expect(l.call(admin, 'addMember', { org: 'dukcapil', did: verifier.did, roles: [] })).toMatchObject({ code: 'IDENTITY_MEMBER_EXISTS' })
      expect(l.call(admin, 'addMember', { org: 'dukcapil', did: other.did, roles: ['Admin'] })).toMatchObject({ code: 'ARGS_INVALID', message: 'args.roles[0] must be a namespaced role like identity.verifier' })
      expect(l.call(admin, 'addMember', { org: 'dukcapil', did: 'did:key:zNope', roles: [] })).toMatchObject({ code: 'ARGS_INVALID', message: 'args.did must be an Ed25519 did:key' })
      expect(l.call(admin, 'addMember', { org: 'dukcapil', did: other.did, roles: ['a.b', 'a.b'] })).toMatchObject({ code: 'ARGS_INVALID' })
    })
  })
})

describe('identity.setRoles and identity.removeMember', () => {
  describe('when an admin changes a member', () => {
    it('replaces roles and removes the member', () => {
      const l = ledger()
      expect(l.call(admin, 'setRoles', { org: 'dukcapil', did: verifier.did, roles: ['identity.admin'] })).toMatchObject({ status: 'ok' })
      expect(l.query('organisation', { id: 'dukcapil' })).toMatchObject({ admins: [admin.did, verifier.did].sort() })
      expect(l.call(admin, 'removeMember', { org: 'dukcapil', did: verifier.did })).toMatchObject({ status: 'ok' })
      expect(l.query('roles', { did: verifier.did })).toEqual([])
      expect(l.call(admin, 'removeMember', { org: 'dukcapil', did: verifier.did })).toMatchObject({ code: 'IDENTITY_NOT_MEMBER' })
    })
  })
  describe('when the change would leave no admin', () => {
    it('fails with IDENTITY_LAST_ADMIN', () => {
      const l = ledger()
      expect(l.call(admin, 'setRoles', { org: 'dukcapil', did: admin.did, roles: [] })).toMatchObject({ code: 'IDENTITY_LAST_ADMIN' })
      expect(l.call(admin, 'removeMember', { org: 'dukcapil', did: admin.did })).toMatchObject({ code: 'IDENTITY_LAST_ADMIN' })
      l.call(admin, 'setRoles', { org: 'dukcapil', did: verifier.did, roles: ['identity.admin'] })
      expect(l.call(verifier, 'removeMember', { org: 'dukcapil', did: admin.did })).toMatchObject({ status: 'ok' })
    })
  })
  describe('when an admin of another organisation tries', () => {
    it('fails with ACCESS_DENIED', () => {
      expect(ledger().call(dinsosAdmin, 'removeMember', { org: 'dukcapil', did: verifier.did })).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
})

describe('identity.verifyCitizen', () => {
  function registered() {
    const l = ledger()
    l.call(citizen, 'register', { name: 'Siti Rahayu' })
    return l
  }
  describe('when an official with identity.verifier verifies a registered citizen', () => {
    it('marks the citizen verified with the evidence and a keyed hash only', () => {
      const l = registered()
      const evidence = { method: 'ktp-in-person', checkedAt: '2026-11-23T07:00:00.000Z', nikHash: NIK_HASH }
      expect(l.call(verifier, 'verifyCitizen', { did: citizen.did, evidence })).toMatchObject({
        status: 'ok',
        events: [{ type: 'identity.CitizenVerified', data: { did: citizen.did, by: verifier.did, method: 'ktp-in-person' } }],
      })
      expect(l.query('get', { did: citizen.did })).toMatchObject({ status: 'verified', verification: { by: verifier.did, at: l.time, ...evidence } })
      expect(l.call(verifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'dukcapil' } })).toMatchObject({ code: 'IDENTITY_ALREADY_VERIFIED' })
    })
  })
  describe('when the caller does not hold identity.verifier', () => {
    it('fails with ACCESS_DENIED', () => {
      const l = registered()
      for (const signer of [admin, dinsosAdmin, other]) {
        expect(l.call(signer, 'verifyCitizen', { did: citizen.did, evidence: { method: 'dukcapil' } })).toMatchObject({ code: 'ACCESS_DENIED' })
      }
      l.call(admin, 'removeMember', { org: 'dukcapil', did: verifier.did })
      expect(l.call(verifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'dukcapil' } })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.query('get', { did: citizen.did })).toMatchObject({ status: 'unverified' })
    })
  })
  describe('when the subject or the evidence is wrong', () => {
    it('fails with a precise code', () => {
      const l = registered()
      const v = (did: string, evidence: object) => l.call(verifier, 'verifyCitizen', { did, evidence: evidence as Record<string, string> })
      expect(v(other.did, { method: 'dukcapil' })).toMatchObject({ code: 'IDENTITY_NOT_FOUND' })
      l.call(verifier, 'register', { name: 'Petugas' })
      expect(v(verifier.did, { method: 'dukcapil' })).toMatchObject({ code: 'IDENTITY_SELF_VERIFICATION' })
      expect(v(citizen.did, { method: 'dukcapil', checkedAt: '2027-01-01T00:00:00.000Z' })).toMatchObject({ code: 'IDENTITY_EVIDENCE_INVALID' })
      expect(v(citizen.did, { method: 'selfie' })).toMatchObject({ code: 'ARGS_INVALID', message: expect.stringMatching(/^args\.evidence\.method must be one of/) })
      expect(v(citizen.did, { method: 'dukcapil', nikHash: 'abc' })).toMatchObject({ code: 'ARGS_INVALID', message: expect.stringMatching(/^args\.evidence\.nikHash/) })
    })
  })
  describe('when the evidence holds a NIK in clear', () => {
    it('fails with IDENTITY_NIK_IN_CLEAR wherever it is', () => {
      const l = registered()
      for (const evidence of [{ method: 'dukcapil', nik: '3171012345678901' }, { method: 'dukcapil', nikHash: '3171012345678901' }, { method: 'other', note: 3171012345678901 }] as JsonObject[]) {
        expect(l.call(verifier, 'verifyCitizen', { did: citizen.did, evidence })).toMatchObject({ code: 'IDENTITY_NIK_IN_CLEAR' })
      }
    })
  })
})

describe('identity queries', () => {
  describe('when asked about unknown things', () => {
    it('answers not found, or an empty list', () => {
      const l = ledger()
      expect(l.query('get', { did: stranger.did })).toBeUndefined()
      expect(l.query('organisation', { id: 'bpkad' })).toBeUndefined()
      expect(l.query('members', { org: 'bpkad' })).toBeUndefined()
      expect(l.query('roles', { did: stranger.did })).toEqual([])
      expect(l.query('key', { did: stranger.did })).toEqual({ did: stranger.did, status: 'active' })
      expect(l.query('organisations')).toEqual([
        { id: 'dinsos', name: 'Dinas Sosial', createdAt: '2026-11-23T08:00:00.000Z', grants: [] },
        { id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', createdAt: '2026-11-23T08:00:00.000Z', grants: ['dukcapil.clerk', 'identity.verifier'] },
      ])
      expect(() => l.query('get', { did: 'nope' })).toThrow(expect.objectContaining({ code: 'ARGS_INVALID' }))
    })
  })
})
