import { describe, expect, it } from 'vitest'
import { DEFAULT_EXECUTION_LIMITS, executionLimitsOf } from './execution-limits.js'
import { jsonBytes, utf8Length } from './execution-meter.js'

describe('executionLimitsOf', () => {
  describe('when the genesis has no limits (written before them)', () => {
    it('gives none', () => {
      expect(executionLimitsOf({ v: 1 })).toBeUndefined()
      expect(executionLimitsOf({ v: 1, limits: {} })).toBeUndefined()
    })
  })

  describe('when the genesis has limits.execution', () => {
    it('gives them', () => {
      expect(executionLimitsOf({ limits: { execution: { ...DEFAULT_EXECUTION_LIMITS } } })).toEqual(DEFAULT_EXECUTION_LIMITS)
    })

    it.each([
      [{ limits: 3 }, 'genesis.limits must be an object'],
      [{ limits: { execution: { ...DEFAULT_EXECUTION_LIMITS, events: 0 } } }, 'genesis.limits.execution.events'],
      [{ limits: { execution: { ...DEFAULT_EXECUTION_LIMITS, gas: 1 } } }, 'unknown resource'],
      [{ limits: { execution: { stateReads: 1 } } }, 'genesis.limits.execution.bytesRead'],
    ])('refuses malformed ones with GENESIS_INVALID (%j)', (doc, message) => {
      expect(() => executionLimitsOf(doc as never)).toThrow(expect.objectContaining({ code: 'GENESIS_INVALID', message: expect.stringContaining(message) }))
    })
  })
})

describe('utf8Length', () => {
  describe('when the text is not ASCII', () => {
    it('counts UTF-8 bytes, a surrogate pair as 4', () => {
      expect(utf8Length('abc')).toBe(3)
      expect(utf8Length('é')).toBe(2)
      expect(utf8Length('€')).toBe(3)
      expect(utf8Length('😀')).toBe(4)
    })
  })
})

describe('jsonBytes', () => {
  describe('when two values differ only in key order', () => {
    it('measures them alike', () => {
      expect(jsonBytes({ a: 1, b: 'é' })).toBe(jsonBytes({ b: 'é', a: 1 }))
      expect(jsonBytes(undefined)).toBe(0)
    })
  })
})
