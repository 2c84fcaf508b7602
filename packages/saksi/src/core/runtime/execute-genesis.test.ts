import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { INITIAL_STATE_DIGEST, nextStateDigest } from '../block/block-header.js'
import { createRuntime } from './create-runtime.js'
import { defineContract } from './define-contract.js'
import { executeGenesis } from './execute-genesis.js'
import { nobody } from './policies.js'
import { hashWrites } from './write-set.js'

const noop = { args: z.strictObject({}), allow: nobody, run: () => undefined }

const zeta = defineContract({
  name: 'zeta',
  version: 1,
  methods: { noop },
  genesis(ctx, doc) {
    const names = doc.names
    if (!Array.isArray(names)) throw new Error('names must be a list')
    for (const n of names) ctx.state.put(`name/${String(n)}`, { n: String(n), at: ctx.time.iso })
  },
})
const alpha = defineContract({ name: 'alpha', version: 1, methods: { noop }, genesis: (ctx) => ctx.state.put('seeded', true) })
const plain = defineContract({ name: 'plain', version: 1, methods: { noop } })

describe('executeGenesis', () => {
  describe('when contracts seed state', () => {
    it('returns their writes sorted by (contract, key) and block 0’s digest', () => {
      const runtime = createRuntime({ contracts: [zeta, plain, alpha] })
      const out = executeGenesis({ runtime, genesis: { network: 'kota-contoh', names: ['b', 'a'] }, time: '2026-01-01T00:00:00.000Z' })
      expect(out.writes).toEqual([
        { contract: 'alpha', key: 'seeded', value: true },
        { contract: 'zeta', key: 'name/a', value: { n: 'a', at: '2026-01-01T00:00:00.000Z' } },
        { contract: 'zeta', key: 'name/b', value: { n: 'b', at: '2026-01-01T00:00:00.000Z' } },
      ])
      expect(out.writeSetHash).toEqual(hashWrites(out.writes))
      expect(out.stateDigest).toEqual(nextStateDigest(INITIAL_STATE_DIGEST, out.writeSetHash))
    })
  })
  describe('when a contract refuses the document', () => {
    it('throws GENESIS_INVALID naming the contract', () => {
      const runtime = createRuntime({ contracts: [zeta] })
      expect(() => executeGenesis({ runtime, genesis: {}, time: '2026-01-01T00:00:00.000Z' })).toThrow(/zeta: names must be a list/)
      expect(() => executeGenesis({ runtime, genesis: { names: ['a b'] }, time: '2026-01-01T00:00:00.000Z' })).toThrow(
        expect.objectContaining({ code: 'GENESIS_INVALID' }),
      )
    })
  })
})
