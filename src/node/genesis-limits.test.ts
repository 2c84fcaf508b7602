import { describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { DEFAULT_EXECUTION_LIMITS } from '../../packages/saksi/src/core/runtime/execution-limits.js'
import { createGenesis, parseGenesis } from './genesis.js'

const nodeKey = KeyPair.fromSeed(new Uint8Array(32).fill(9))
const base = { network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, time: Date.parse('2026-11-23T00:00:00.000Z') }

describe('createGenesis', () => {
  describe('when no limits are given', () => {
    it('writes the default execution limits under limits.execution', () => {
      const doc = createGenesis(base)
      expect(doc.limits).toEqual({ execution: DEFAULT_EXECUTION_LIMITS })
      expect(parseGenesis(doc).executionLimits).toEqual(DEFAULT_EXECUTION_LIMITS)
    })
  })

  describe('when other sections of limits are given', () => {
    it('keeps them beside limits.execution', () => {
      const doc = createGenesis({ ...base, extra: { limits: { admission: { perKey: 5 } } }, executionLimits: { ...DEFAULT_EXECUTION_LIMITS, events: 7 } })
      expect(doc.limits).toEqual({ admission: { perKey: 5 }, execution: { ...DEFAULT_EXECUTION_LIMITS, events: 7 } })
    })
  })
})

describe('parseGenesis', () => {
  describe('when the genesis was written before limits', () => {
    it('gives no execution limits', () => {
      const { limits: _, ...old } = createGenesis(base)
      expect(parseGenesis(old).executionLimits).toBeUndefined()
    })
  })

  describe('when limits.execution is malformed', () => {
    it('refuses it with GENESIS_INVALID', () => {
      const doc = { ...createGenesis(base), limits: { execution: { ...DEFAULT_EXECUTION_LIMITS, stateReads: -1 } } }
      expect(() => parseGenesis(doc)).toThrow(expect.objectContaining({ code: 'GENESIS_INVALID', message: expect.stringContaining('stateReads') }))
    })
  })
})
