import { describe, expect, it } from 'vitest'
import { createRuntime, executeGenesis } from '../../core/runtime/index.js'
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
    it('writes each organisation, its admins and members, deterministically', () => {
      const doc = { network: 'kota-contoh', origin: 'saksi.example/kota-contoh', organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [a.did], members: [{ did: b.did, roles: ['welfare.officer', 'identity.verifier'] }] }] }
      const out = seed(doc)
      expect(out.writes).toEqual(
        [
          { contract: 'identity', key: `member/dinsos/${a.did}`, value: { org: 'dinsos', did: a.did, roles: ['identity.admin'], since: TIME, addedBy: 'genesis' } },
          { contract: 'identity', key: `member/dinsos/${b.did}`, value: { org: 'dinsos', did: b.did, roles: ['identity.verifier', 'welfare.officer'], since: TIME, addedBy: 'genesis' } },
          { contract: 'identity', key: `membership/${a.did}/dinsos`, value: 'dinsos' },
          { contract: 'identity', key: `membership/${b.did}/dinsos`, value: 'dinsos' },
          { contract: 'identity', key: 'org/dinsos', value: { id: 'dinsos', name: 'Dinas Sosial', createdAt: TIME } },
        ].sort((x, y) => (x.key < y.key ? -1 : 1)),
      )
      expect(seed(doc).stateDigest).toEqual(out.stateDigest)
      expect(seed({ network: 'kota-contoh' }).writes).toEqual([])
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
  })
})
