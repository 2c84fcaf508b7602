import { describe, expect, it } from 'vitest'
import { createRuntime, executeGenesis } from '../../../../packages/saksi/src/core/runtime/index.js'
import { identity } from './identity.js'
import { testKey } from './testing/harness.js'

const TIME = '2026-01-01T00:00:00.000Z'
const a = testKey(1)
const b = testKey(2)

function seed(genesis: object) {
  return executeGenesis({ runtime: createRuntime({ contracts: [identity] }), genesis: genesis as Record<string, string>, time: TIME })
}

describe('identityGenesis', () => {
  describe('when the document lists organisations', () => {
    it('writes each organisation with its sorted grants, its admins and members, deterministically', () => {
      const doc = {
        network: 'kota-contoh',
        origin: 'saksi.example/kota-contoh',
        organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [a.did], grants: ['welfare.officer', 'identity.verifier'], members: [{ did: b.did, roles: ['welfare.officer', 'identity.verifier'] }] }],
      }
      const out = seed(doc)
      expect(out.writes).toEqual(
        [
          { contract: 'identity', key: `member/dinsos/${a.did}`, value: { org: 'dinsos', did: a.did, roles: ['identity.admin'], since: TIME, addedBy: 'genesis' } },
          { contract: 'identity', key: `member/dinsos/${b.did}`, value: { org: 'dinsos', did: b.did, roles: ['identity.verifier', 'welfare.officer'], since: TIME, addedBy: 'genesis' } },
          { contract: 'identity', key: `membership/${a.did}/dinsos`, value: 'dinsos' },
          { contract: 'identity', key: `membership/${b.did}/dinsos`, value: 'dinsos' },
          { contract: 'identity', key: 'org/dinsos', value: { id: 'dinsos', name: 'Dinas Sosial', createdAt: TIME, grants: ['identity.verifier', 'welfare.officer'] } },
        ].sort((x, y) => (x.key < y.key ? -1 : 1)),
      )
      expect(seed(doc).stateDigest).toEqual(out.stateDigest)
      expect(seed({ network: 'kota-contoh' }).writes).toEqual([])
    })
  })
  describe('when an organisation declares no grants (a document from before grants)', () => {
    it('seeds the organisation as before, and its members may hold identity.admin only', () => {
      const org = { id: 'dinsos', name: 'Dinas Sosial', admins: [a.did], members: [{ did: b.did, roles: ['identity.admin'] }] }
      expect(seed({ organisations: [org] }).writes).toContainEqual({ contract: 'identity', key: 'org/dinsos', value: { id: 'dinsos', name: 'Dinas Sosial', createdAt: TIME } })
      expect(seed({ organisations: [{ ...org, grants: [] }] }).stateDigest).toEqual(seed({ organisations: [org] }).stateDigest)
      expect(() => seed({ organisations: [{ ...org, members: [{ did: b.did, roles: ['identity.verifier'] }] }] })).toThrow(
        expect.objectContaining({
          code: 'GENESIS_INVALID',
          message: `identity genesis: member ${b.did} of organisation dinsos holds identity.verifier, which dinsos may not grant (its grants: identity.admin); add it to the organisation's grants`,
        }),
      )
    })
  })
  describe('when the document is malformed', () => {
    it('throws GENESIS_INVALID', () => {
      for (const organisations of [
        [{ id: 'dinsos', name: 'Dinas Sosial', admins: [] }],
        [{ id: 'Dinsos', name: 'Dinas Sosial', admins: [a.did] }],
        [{ id: 'dinsos', name: 'Dinas Sosial', admins: ['did:key:zx'] }],
        [{ id: 'dinsos', name: 'A', admins: [a.did] }, { id: 'dinsos', name: 'B', admins: [b.did] }],
        [{ id: 'dinsos', name: 'A', admins: [a.did], members: [{ did: a.did, roles: [] }] }],
        'none',
      ]) {
        expect(() => seed({ organisations }), JSON.stringify(organisations)).toThrow(expect.objectContaining({ code: 'GENESIS_INVALID' }))
      }
    })
    it('throws GENESIS_INVALID naming the field for malformed grants', () => {
      const cases: [unknown, string][] = [
        ['identity.verifier', 'genesis.organisations[0].grants must be a value of type array'],
        [['Verifier'], 'genesis.organisations[0].grants[0] must be a namespaced role like identity.verifier'],
        [['identity.verifier', 'identity.verifier'], 'genesis.organisations[0].grants must not repeat a role'],
        [['identity.admin'], 'genesis.organisations[0].grants must not list identity.admin (always grantable)'],
        [Array.from({ length: 65 }, (_, i) => `x.r${i}`), 'genesis.organisations[0].grants must have at most 64 item(s)'],
      ]
      for (const [grants, message] of cases) {
        expect(() => seed({ organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [a.did], grants }] }), JSON.stringify(grants)).toThrow(
          expect.objectContaining({ code: 'GENESIS_INVALID', message: `identity genesis: ${message}` }),
        )
      }
    })
  })
})
