import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import { definePolicy } from '../../../../packages/saksi/src/core/runtime/policy.js'
import { signRotationProof } from './rotation-proof.js'
import { createHarness, testKey, type Harness } from './testing/harness.js'

const admin = testKey(1)
const member = testKey(2)
const citizen = testKey(10)
const stranger = testKey(12)

const GENESIS: JsonObject = {
  network: 'kota-contoh',
  organisations: [{ id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', admins: [admin.did], grants: ['identity.verifier'], members: [{ did: member.did, roles: ['identity.verifier'] }] }],
}

const known = definePolicy('known', (ctx) => (ctx.directory.isKnown(ctx.caller) ? undefined : { code: 'UNKNOWN_KEY', message: 'unknown' }))

function isKnown(l: Harness, did: string): boolean {
  const request = { caller: did as `did:key:z${string}`, contract: 'identity', method: 'register', args: {}, time: { iso: l.time, ms: Date.parse(l.time) } }
  return l.runtime.authorize(l.store, known, request) === undefined
}

describe('identityDirectory.isKnown', () => {
  describe('when the key holds a record', () => {
    it('knows genesis admins and members, and registered citizens', () => {
      const l = createHarness(GENESIS)
      l.call(citizen, 'register', { name: 'Warga' })
      expect([admin, member, citizen].map((k) => isKnown(l, k.did))).toEqual([true, true, true])
    })
    it('knows a key rotated away and its successor', () => {
      const l = createHarness(GENESIS)
      l.call(citizen, 'register', { name: 'Warga' })
      const fresh = testKey(20)
      l.call(citizen, 'rotateKey', { newDid: fresh.did, proof: signRotationProof(fresh, citizen.did) })
      expect([isKnown(l, citizen.did), isKnown(l, fresh.did)]).toEqual([true, true])
    })
  })
  describe('when the key was never seen', () => {
    it('does not know it', () => {
      expect(isKnown(createHarness(GENESIS), stranger.did)).toBe(false)
    })
  })
})

describe('identityDirectory.rolesOf', () => {
  const roles = definePolicy('roles', (ctx) => ({ code: 'ROLES', message: JSON.stringify(ctx.directory.rolesOf(ctx.caller)) }))
  const rolesOf = (l: Harness, did: string) =>
    JSON.parse(l.runtime.authorize(l.store, roles, { caller: did as `did:key:z${string}`, contract: 'identity', method: 'register', args: {}, time: { iso: l.time, ms: Date.parse(l.time) } })!.message) as unknown

  describe('when the key is a member', () => {
    it('lists the roles that count, by organisation', () => {
      const l = createHarness(GENESIS)
      expect(rolesOf(l, admin.did)).toEqual([{ role: 'identity.admin', org: 'dukcapil' }])
      expect(rolesOf(l, member.did)).toEqual([{ role: 'identity.verifier', org: 'dukcapil' }])
    })
  })
  describe('when the key holds no membership or was revoked', () => {
    it('lists none', () => {
      const l = createHarness(GENESIS)
      expect(rolesOf(l, stranger.did)).toEqual([])
      l.call(member, 'revokeKey', { did: member.did })
      expect(rolesOf(l, member.did)).toEqual([])
    })
  })
})
