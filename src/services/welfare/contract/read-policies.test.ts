import { describe, expect, it } from 'vitest'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import type { Policy } from '../../../../packages/saksi/src/core/runtime/policy.js'
import { APPLICATION_READERS, HOUSEHOLD_READERS, PROGRAMME_OFFICIALS } from './read-policies.js'
import { head, householdArgs, member, nikHash, people, welfareLedger, type WelfareLedger } from './testing/welfare-fixture.js'

const P = 'dinsos.pkh'

function check(l: WelfareLedger, policy: Policy, caller: KeyPair, method: string, args: Record<string, unknown>) {
  return l.runtime.authorize(l.store, policy, { caller: caller.did, contract: 'welfare', method, args, time: { iso: '2026-01-01T00:00:00.000Z', ms: 0 } })
}

/** A household a verified citizen applied for with their own key. */
function selfApplied(): { l: WelfareLedger; citizen: KeyPair; household: string } {
  const l = welfareLedger()
  const citizen = KeyPair.generate()
  expect(l.call(citizen, 'register', { name: 'Warga Uji' })).toMatchObject({ status: 'ok' })
  expect(l.call(people.identityVerifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'ktp-el-chip' } })).toMatchObject({ status: 'ok' })
  const r = l.w(citizen, 'registerHousehold', householdArgs(P, [head({ nikHash: nikHash(1) }), member()], { applicant: citizen.did, consent: { method: 'self-signed' } }))
  expect(r.status).toBe('ok')
  return { l, citizen, household: (r.events[0]!.data as { household: string }).household }
}

describe('HOUSEHOLD_READERS', () => {
  describe("when the reader is the household's applicant", () => {
    it('allows its trail, its accesses and its payment instructions', () => {
      const { l, citizen, household } = selfApplied()
      expect(check(l, HOUSEHOLD_READERS, citizen, 'accesses', { programme: P, household })).toBeUndefined()
      expect(check(l, HOUSEHOLD_READERS, citizen, 'instruction', { programme: P, instruction: `${household}/2026-Q1` })).toBeUndefined()
    })
  })

  describe("when the reader is an official of the programme's agency", () => {
    it('allows them', () => {
      const { l, household } = selfApplied()
      expect(check(l, HOUSEHOLD_READERS, people.verifier, 'household', { programme: P, household })).toBeUndefined()
    })
  })

  describe('when the reader is another citizen, or the arguments name no household', () => {
    it('refuses with ACCESS_DENIED, never an internal error', () => {
      const { l, household } = selfApplied()
      expect(check(l, HOUSEHOLD_READERS, KeyPair.generate(), 'accesses', { programme: P, household })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(check(l, HOUSEHOLD_READERS, KeyPair.generate(), 'accesses', { programme: 'x y', household: 7 })).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
})

describe('PROGRAMME_OFFICIALS', () => {
  describe("when the reader holds no welfare role in the programme's agency", () => {
    it('refuses the work lists', () => {
      const { l, citizen } = selfApplied()
      expect(check(l, PROGRAMME_OFFICIALS, citizen, 'households', { programme: P, status: 'registered' })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(check(l, PROGRAMME_OFFICIALS, people.treasurer, 'payments', { programme: P, status: 'failed' })).toBeUndefined()
    })
  })
})

describe('APPLICATION_READERS', () => {
  describe('when a citizen asks for their own applications', () => {
    it("allows them and refuses another citizen's", () => {
      const { l, citizen } = selfApplied()
      expect(check(l, APPLICATION_READERS, citizen, 'applications', { did: citizen.did })).toBeUndefined()
      expect(check(l, APPLICATION_READERS, KeyPair.generate(), 'applications', { did: citizen.did })).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
})
