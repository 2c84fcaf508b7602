import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import { signRotationProof } from './rotation-proof.js'
import { createHarness, testKey } from './testing/harness.js'

// Reproductions of the security review's attacks: an admin of one organisation (here the parks
// office) must not be able to reach beyond its own memberships.

const dukcapilAdmin = testKey(1)
const verifier = testKey(2)
const dinsosAdmin = testKey(3)
const parksAdmin = testKey(4)
const victim = testKey(10)
const fresh = testKey(20)

const GENESIS: JsonObject = {
  network: 'kota-contoh',
  organisations: [
    {
      id: 'dukcapil',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      admins: [dukcapilAdmin.did],
      grants: ['identity.verifier'],
      members: [{ did: verifier.did, roles: ['identity.verifier'] }],
    },
    { id: 'dinsos', name: 'Dinas Sosial', admins: [dinsosAdmin.did], grants: ['identity.verifier', 'welfare.enumerator'] },
    { id: 'pertamanan', name: 'Dinas Pertamanan', admins: [parksAdmin.did] },
  ],
}

function ledger(genesis: JsonObject = GENESIS) {
  const l = createHarness(genesis)
  l.call(victim, 'register', { name: 'Siti Rahayu' })
  return l
}

describe('an organisation admin acting on a key outside its organisation', () => {
  describe('when the parks admin adds an outsider and tries to revoke its key', () => {
    it('fails, and the outsider can still register and rotate', () => {
      const l = ledger()
      expect(l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: victim.did, roles: [] })).toMatchObject({ status: 'ok' })
      expect(l.call(parksAdmin, 'revokeKey', { did: victim.did, org: 'pertamanan' })).toMatchObject({ status: 'failed' })
      expect(l.call(parksAdmin, 'revokeKey', { did: victim.did })).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      expect(l.query('key', { did: victim.did })).toEqual({ did: victim.did, status: 'active' })
      expect(l.call(victim, 'register', { name: 'Siti' })).toMatchObject({ code: 'IDENTITY_EXISTS' })
      expect(l.call(victim, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, victim.did) })).toMatchObject({ status: 'ok' })
    })
  })
  describe('when the parks admin adds another agency’s only admin and tries to revoke its key', () => {
    it('fails, and that agency keeps its admin', () => {
      const l = ledger()
      expect(l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: dinsosAdmin.did, roles: [] })).toMatchObject({ status: 'ok' })
      expect(l.call(parksAdmin, 'revokeKey', { did: dinsosAdmin.did, org: 'pertamanan' })).toMatchObject({ status: 'failed' })
      expect(l.call(parksAdmin, 'revokeKey', { did: dinsosAdmin.did })).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      expect(l.query('organisation', { id: 'dinsos' })).toMatchObject({ admins: [dinsosAdmin.did] })
      expect(l.call(dinsosAdmin, 'addMember', { org: 'dinsos', did: fresh.did, roles: [] })).toMatchObject({ status: 'ok' })
    })
  })
  describe('when the parks admin removes a member it shares with another agency', () => {
    it('only the parks membership goes; the key, its citizen record and its other roles stay', () => {
      const l = ledger()
      l.call(dinsosAdmin, 'addMember', { org: 'dinsos', did: victim.did, roles: ['identity.admin'] })
      l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: victim.did, roles: ['identity.admin'] })
      expect(l.call(parksAdmin, 'removeMember', { org: 'pertamanan', did: victim.did })).toMatchObject({
        status: 'ok',
        events: [{ type: 'identity.MemberRemoved', data: { org: 'pertamanan', did: victim.did, by: parksAdmin.did } }],
      })
      expect(l.query('roles', { did: victim.did })).toEqual([{ org: 'dinsos', roles: ['identity.admin'] }])
      expect(l.query('key', { did: victim.did })).toEqual({ did: victim.did, status: 'active' })
      expect(l.query('organisation', { id: 'dinsos' })).toMatchObject({ admins: [dinsosAdmin.did, victim.did].sort() })
      expect(l.call(victim, 'addMember', { org: 'dinsos', did: fresh.did, roles: [] })).toMatchObject({ status: 'ok' })
    })
  })
  describe('when an admin tries to revoke a member of its own organisation', () => {
    it('is refused: it removes the member instead, which ends the member’s roles there', () => {
      const l = ledger()
      expect(l.call(dukcapilAdmin, 'revokeKey', { did: verifier.did, org: 'dukcapil' })).toMatchObject({ status: 'failed' })
      expect(l.call(dukcapilAdmin, 'revokeKey', { did: verifier.did })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.call(dukcapilAdmin, 'removeMember', { org: 'dukcapil', did: verifier.did })).toMatchObject({ status: 'ok' })
      expect(l.call(verifier, 'verifyCitizen', { did: victim.did, evidence: { method: 'dukcapil' } })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.query('key', { did: verifier.did })).toEqual({ did: verifier.did, status: 'active' })
    })
  })
})

describe('a key added to an organisation without its consent', () => {
  describe('when it leaves the organisation', () => {
    it('the membership goes, and a rotation to it is no longer blocked', () => {
      const l = ledger()
      // The parks admin adds the victim's future key, which blocks a rotation to it.
      l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: fresh.did, roles: [] })
      expect(l.call(victim, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, victim.did) })).toMatchObject({ code: 'IDENTITY_KEY_IN_USE' })
      expect(l.call(fresh, 'removeMember', { org: 'pertamanan', did: fresh.did })).toMatchObject({
        status: 'ok',
        events: [{ type: 'identity.MemberRemoved', data: { org: 'pertamanan', did: fresh.did, by: fresh.did } }],
      })
      expect(l.call(victim, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, victim.did) })).toMatchObject({ status: 'ok' })
    })
  })
  describe('when the last admin tries to leave', () => {
    it('fails with IDENTITY_LAST_ADMIN', () => {
      const l = ledger()
      expect(l.call(parksAdmin, 'removeMember', { org: 'pertamanan', did: parksAdmin.did })).toMatchObject({ code: 'IDENTITY_LAST_ADMIN' })
      expect(l.call(victim, 'removeMember', { org: 'pertamanan', did: parksAdmin.did })).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
})

describe('a key holder revoking its own key', () => {
  describe('when the holder is an admin', () => {
    it('the key is dead everywhere; the organisation keeps its other admins', () => {
      const l = ledger()
      l.call(dinsosAdmin, 'addMember', { org: 'dinsos', did: victim.did, roles: ['identity.admin'] })
      expect(l.call(victim, 'revokeKey', { did: victim.did, reason: 'phone lost' })).toMatchObject({
        status: 'ok',
        events: [{ type: 'identity.KeyRevoked', data: { did: victim.did, by: victim.did, reason: 'phone lost' } }],
      })
      expect(l.query('organisation', { id: 'dinsos' })).toMatchObject({ admins: [dinsosAdmin.did] })
      expect(l.call(victim, 'register', { name: 'Siti' })).toMatchObject({ code: 'IDENTITY_KEY_REVOKED' })
    })
  })
})

describe('an organisation admin granting roles', () => {
  // No organisation declares grants: its admins may grant identity.admin and nothing else.
  const NO_GRANTS: JsonObject = {
    network: 'kota-contoh',
    organisations: [
      { id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', admins: [dukcapilAdmin.did] },
      { id: 'pertamanan', name: 'Dinas Pertamanan', admins: [parksAdmin.did] },
    ],
  }
  describe('when the parks admin grants identity.verifier to an accomplice', () => {
    it('fails with IDENTITY_ROLE_NOT_GRANTABLE, and the accomplice cannot verify anyone', () => {
      const l = ledger(NO_GRANTS)
      expect(l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: fresh.did, roles: ['identity.verifier'] })).toMatchObject({
        status: 'failed',
        code: 'IDENTITY_ROLE_NOT_GRANTABLE',
        message: 'organisation pertamanan may not grant identity.verifier (its grants: identity.admin)',
      })
      expect(l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: fresh.did, roles: [] })).toMatchObject({ status: 'ok' })
      expect(l.call(parksAdmin, 'setRoles', { org: 'pertamanan', did: fresh.did, roles: ['identity.verifier'] })).toMatchObject({ code: 'IDENTITY_ROLE_NOT_GRANTABLE' })
      expect(l.call(parksAdmin, 'setRoles', { org: 'pertamanan', did: parksAdmin.did, roles: ['identity.admin', 'identity.verifier'] })).toMatchObject({ code: 'IDENTITY_ROLE_NOT_GRANTABLE' })
      expect(l.query('roles', { did: fresh.did })).toEqual([{ org: 'pertamanan', roles: [] }])
      expect(l.call(fresh, 'verifyCitizen', { did: victim.did, evidence: { method: 'other' } })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.query('get', { did: victim.did })).toMatchObject({ status: 'unverified' })
    })
    it('also refuses roles of other contracts, but identity.admin is always grantable', () => {
      const l = ledger(NO_GRANTS)
      expect(l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: fresh.did, roles: ['welfare.enumerator'] })).toMatchObject({ code: 'IDENTITY_ROLE_NOT_GRANTABLE' })
      expect(l.call(parksAdmin, 'addMember', { org: 'pertamanan', did: fresh.did, roles: ['identity.admin'] })).toMatchObject({ status: 'ok' })
    })
  })
  describe('when an organisation that declares grants appoints a verifier', () => {
    it('the role is granted and counts, in Dukcapil and in Dinas Sosial alike', () => {
      const l = ledger()
      const second = testKey(11)
      l.call(second, 'register', { name: 'Budi Santoso' })
      expect(l.query('organisation', { id: 'dinsos' })).toMatchObject({ grants: ['identity.verifier', 'welfare.enumerator'] })
      expect(l.call(dukcapilAdmin, 'addMember', { org: 'dukcapil', did: fresh.did, roles: ['identity.verifier'] })).toMatchObject({ status: 'ok' })
      expect(l.call(fresh, 'verifyCitizen', { did: victim.did, evidence: { method: 'ktp-in-person' } })).toMatchObject({ status: 'ok' })
      const officer = testKey(12)
      expect(l.call(dinsosAdmin, 'addMember', { org: 'dinsos', did: officer.did, roles: ['welfare.enumerator'] })).toMatchObject({ status: 'ok' })
      expect(l.call(dinsosAdmin, 'setRoles', { org: 'dinsos', did: officer.did, roles: ['identity.verifier', 'welfare.enumerator'] })).toMatchObject({ status: 'ok' })
      expect(l.call(officer, 'verifyCitizen', { did: second.did, evidence: { method: 'family-card' } })).toMatchObject({ status: 'ok' })
      // Dukcapil may not grant welfare roles.
      expect(l.call(dukcapilAdmin, 'setRoles', { org: 'dukcapil', did: fresh.did, roles: ['welfare.enumerator'] })).toMatchObject({
        code: 'IDENTITY_ROLE_NOT_GRANTABLE',
        message: 'organisation dukcapil may not grant welfare.enumerator (its grants: identity.admin, identity.verifier)',
      })
    })
  })
  describe('when a verifier role is held in an organisation that may not grant it', () => {
    it('does not count: the holder cannot verify (state written before grants existed)', () => {
      const l = ledger(NO_GRANTS)
      // A membership an admin granted before grants were enforced.
      l.store.apply([
        { contract: 'identity', key: `member/pertamanan/${fresh.did}`, value: { org: 'pertamanan', did: fresh.did, roles: ['identity.verifier'], since: l.time, addedBy: parksAdmin.did } },
        { contract: 'identity', key: `membership/${fresh.did}/pertamanan`, value: 'pertamanan' },
      ])
      expect(l.query('roles', { did: fresh.did })).toEqual([{ org: 'pertamanan', roles: ['identity.verifier'] }])
      expect(l.call(fresh, 'verifyCitizen', { did: victim.did, evidence: { method: 'other' } })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.query('get', { did: victim.did })).toMatchObject({ status: 'unverified' })
    })
  })
})
