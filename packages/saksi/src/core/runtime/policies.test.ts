import { describe, expect, it } from 'vitest'
import { KeyPair } from '../keys/key-pair.js'
import type { Directory } from './directory.js'
import { allOf, anyOf, anyone, nobody, orgAdmin, role, self, selfAsCitizen, verifiedCitizen } from './policies.js'
import type { Policy, PolicyContext } from './policy.js'

const caller = KeyPair.fromSeed(new Uint8Array(32).fill(3)).did
const other = KeyPair.fromSeed(new Uint8Array(32).fill(4)).did

function directory(facts: { roles?: [string, string][]; admins?: string[]; citizen?: 'unverified' | 'verified' }): Directory {
  return {
    keyRefusal: () => undefined,
    citizenStatus: (did) => (did === caller ? facts.citizen : undefined),
    hasRole: (did, r, org) => did === caller && (facts.roles ?? []).some(([o, x]) => x === r && (org === undefined || org === o)),
    isOrgAdmin: (did, org) => did === caller && (facts.admins ?? []).includes(org),
    isKnown: (did) => did === caller && (facts.citizen !== undefined || (facts.roles ?? []).length > 0),
    rolesOf: (did) => (did === caller ? (facts.roles ?? []).map(([org, r]) => ({ role: r, org })) : []),
  }
}

function check(policy: Policy, facts: Parameters<typeof directory>[0], args: unknown = {}) {
  return policy.check(context(facts, args))
}

function requires(policy: Policy, facts: Parameters<typeof directory>[0], args: unknown = {}) {
  return policy.requires?.(context(facts, args))
}

function context(facts: Parameters<typeof directory>[0], args: unknown): PolicyContext {
  return {
    caller,
    contract: 'c',
    method: 'm',
    args,
    time: { iso: '2026-01-01T00:00:00.000Z', ms: 0 },
    directory: directory(facts),
    view: () => {
      throw new Error('unused')
    },
  }
}

describe('role', () => {
  describe('when the caller holds the role', () => {
    it('allows in any organisation, or only in the one named by an argument', () => {
      expect(check(role('x.verifier'), { roles: [['dinsos', 'x.verifier']] })).toBeUndefined()
      expect(check(role('x.verifier', { orgArg: 'org' }), { roles: [['dinsos', 'x.verifier']] }, { org: 'dinsos' })).toBeUndefined()
    })
  })
  describe('when the caller does not hold it there', () => {
    it('refuses with ACCESS_DENIED', () => {
      expect(check(role('x.verifier'), {})).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(check(role('x.verifier', { orgArg: 'org' }), { roles: [['dinsos', 'x.verifier']] }, { org: 'bpkad' })).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
})

describe('orgAdmin', () => {
  describe('when the caller administers args.org', () => {
    it('allows', () => expect(check(orgAdmin, { admins: ['dinsos'] }, { org: 'dinsos' })).toBeUndefined())
  })
  describe('when args.org is another organisation or missing', () => {
    it('refuses', () => {
      expect(check(orgAdmin, { admins: ['dinsos'] }, { org: 'bpkad' })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(check(orgAdmin, { admins: ['dinsos'] }, {})).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
})

describe('self and selfAsCitizen', () => {
  describe('when the subject is the caller', () => {
    it('allows (selfAsCitizen also needs a registered citizen)', () => {
      expect(check(self(), {}, { did: caller })).toBeUndefined()
      expect(check(selfAsCitizen, { citizen: 'unverified' }, { did: caller })).toBeUndefined()
      expect(check(selfAsCitizen, { citizen: 'unverified' }, {})).toBeUndefined()
    })
  })
  describe('when the subject is someone else or the caller is not registered', () => {
    it('refuses with ACCESS_DENIED or CITIZEN_NOT_REGISTERED', () => {
      expect(check(self(), {}, { did: other })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(check(selfAsCitizen, { citizen: 'verified' }, { did: other })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(check(selfAsCitizen, {}, { did: caller })).toMatchObject({ code: 'CITIZEN_NOT_REGISTERED' })
    })
  })
})

describe('verifiedCitizen', () => {
  describe('when the caller is not verified', () => {
    it('says precisely why', () => {
      expect(check(verifiedCitizen, { citizen: 'verified' })).toBeUndefined()
      expect(check(verifiedCitizen, { citizen: 'unverified' })).toMatchObject({ code: 'CITIZEN_NOT_VERIFIED' })
      expect(check(verifiedCitizen, {})).toMatchObject({ code: 'CITIZEN_NOT_REGISTERED' })
    })
  })
})

describe('anyOf', () => {
  describe('when one alternative allows', () => {
    it('allows', () => expect(check(anyOf(nobody, role('x.r'), anyone), {})).toBeUndefined())
  })
  describe('when all refuse', () => {
    it('keeps a shared code, else ACCESS_DENIED listing the alternatives', () => {
      expect(check(anyOf(verifiedCitizen, selfAsCitizen), {})).toMatchObject({ code: 'CITIZEN_NOT_REGISTERED' })
      expect(check(anyOf(role('welfare.enumerator'), selfAsCitizen), {})).toEqual({
        code: 'ACCESS_DENIED',
        message: 'the call requires one of: role(welfare.enumerator), selfAsCitizen',
      })
    })
  })
})

describe('allOf', () => {
  describe('when one refuses', () => {
    it('returns the first refusal', () => {
      expect(check(allOf(anyone, verifiedCitizen, nobody), { citizen: 'unverified' })).toMatchObject({ code: 'CITIZEN_NOT_VERIFIED' })
      expect(check(allOf(anyone, role('x.r')), { roles: [['o', 'x.r']] })).toBeUndefined()
    })
  })
})

describe('Policy.requires', () => {
  describe('when the policy asks for a role', () => {
    it('names the role, in the organisation the call names or in any', () => {
      expect(requires(role('welfare.verifier', { orgArg: 'org' }), {}, { org: 'dinsos' })).toEqual([{ role: 'welfare.verifier', org: 'dinsos' }])
      expect(requires(role('welfare.verifier'), {})).toEqual([{ role: 'welfare.verifier' }])
      expect(requires(orgAdmin, {}, { org: 'dinsos' })).toEqual([{ orgAdmin: 'dinsos' }])
      expect(requires(orgAdmin, {}, {})).toEqual([{ orgAdmin: undefined }])
    })
  })
  describe('when policies are composed', () => {
    it('lists every alternative of anyOf, and what the refusing parts of allOf require', () => {
      const either = anyOf(role('a.x', { orgArg: 'org' }), orgAdmin, self())
      expect(requires(either, {}, { org: 'dinsos' })).toEqual([{ role: 'a.x', org: 'dinsos' }, { orgAdmin: 'dinsos' }])
      const both = allOf(role('a.x'), role('b.y'))
      expect(requires(both, { roles: [['dinsos', 'a.x']] })).toEqual([{ role: 'b.y' }])
      expect(requires(allOf(self(), anyone), {})).toBeUndefined()
    })
  })
  describe('when the policy asks for no role', () => {
    it('has no requirement', () => {
      for (const p of [anyone, nobody, self(), selfAsCitizen, verifiedCitizen]) expect(requires(p, {})).toBeUndefined()
    })
  })
  describe('when asked', () => {
    it('does not change what check decides', () => {
      const p = anyOf(role('a.x', { orgArg: 'org' }), orgAdmin)
      const before = check(p, { roles: [['dinsos', 'b.y']] }, { org: 'dinsos' })
      requires(p, { roles: [['dinsos', 'b.y']] }, { org: 'dinsos' })
      expect(check(p, { roles: [['dinsos', 'b.y']] }, { org: 'dinsos' })).toEqual(before)
      expect(before).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })
})
