import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineContract } from './define-contract.js'
import { anyone } from './policies.js'
import type { Policy } from './policy.js'

const ok = { args: z.strictObject({}), allow: anyone, run: () => undefined }

describe('defineContract', () => {
  describe('when the definition is valid', () => {
    it('returns an immutable contract with Map lookups', () => {
      const c = defineContract({ name: 'c', version: 1, methods: { m: ok } })
      expect(Object.isFrozen(c)).toBe(true)
      expect(c.methods.get('m')?.allow).toBe(anyone)
      expect(c.methods.get('constructor')).toBeUndefined()
      expect(c.queries.size).toBe(0)
    })
  })
  describe('when the definition is invalid', () => {
    it('throws CONTRACT_DEFINITION_INVALID', () => {
      const bad: unknown[] = [
        { name: 'has space', version: 1, methods: {} },
        { name: 'c', version: 0, methods: {} },
        { name: 'c', version: 1, methods: { 'bad name': ok } },
        { name: 'c', version: 1, methods: { m: { ...ok, args: {} } } },
        { name: 'c', version: 1, methods: { m: { ...ok, allow: () => true } } },
        { name: 'c', version: 1, methods: { m: { ...ok, allow: undefined as unknown as Policy } } },
        { name: 'c', version: 1, methods: { m: { ...ok, run: 1 } } },
        { name: 'c', version: 1, methods: {}, queries: { q: { args: z.object({}) } } },
        { name: 'c', version: 1, methods: {}, genesis: 'x' },
      ]
      for (const def of bad) {
        expect(() => defineContract(def as Parameters<typeof defineContract>[0]), JSON.stringify(def)).toThrow(
          expect.objectContaining({ code: 'CONTRACT_DEFINITION_INVALID' }),
        )
      }
    })
  })
})
