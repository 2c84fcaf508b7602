import { describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { CURRENT_RULES } from '../../packages/saksi/src/core/runtime/rules.js'
import { createGenesis, parseGenesis } from './genesis.js'

const base = { network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: KeyPair.generate().did }

describe('createGenesis', () => {
  describe('when founding a network', () => {
    it('records the current rules version', () => {
      expect(createGenesis(base).rules).toBe(CURRENT_RULES)
      expect(createGenesis({ ...base, rules: 1 }).rules).toBe(1)
    })
  })
})

describe('parseGenesis', () => {
  describe('when the document has no rules version (written before issue 12)', () => {
    it('leaves it absent, which means rules 1', () => {
      const doc = createGenesis(base)
      delete doc.rules
      expect(parseGenesis(doc).rules).toBeUndefined()
    })
  })
  describe('when the rules version is one this node does not know', () => {
    it('refuses the document with GENESIS_INVALID', () => {
      for (const rules of [0, CURRENT_RULES + 1, 1.5, '2']) {
        expect(() => parseGenesis({ ...createGenesis(base), rules }), String(rules)).toThrow(expect.objectContaining({ code: 'GENESIS_INVALID', message: expect.stringContaining('genesis.rules') }))
      }
    })
  })
})
