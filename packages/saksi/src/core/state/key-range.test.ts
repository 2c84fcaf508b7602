import { describe, expect, it } from 'vitest'
import { keyInRange, toKeyRange } from './key-range.js'
import { assertStateKey, isStateKey } from './state-key.js'

describe('isStateKey', () => {
  describe('when the key is printable ASCII without spaces', () => {
    it('accepts 1 to 512 characters', () => {
      expect(isStateKey('a')).toBe(true)
      expect(isStateKey('!~/x:y'.repeat(85) + 'ab')).toBe(true)
      expect(isStateKey('x'.repeat(512))).toBe(true)
    })
  })
  describe('when the key is empty, too long, or holds other characters', () => {
    it('refuses it', () => {
      for (const k of ['', 'x'.repeat(513), 'a b', 'tab\t', 'é', 'del\x7f', 'nul\0', 42, null]) expect(isStateKey(k)).toBe(false)
      expect(() => assertStateKey('a b')).toThrow(expect.objectContaining({ code: 'STATE_KEY_INVALID' }))
    })
  })
})

describe('toKeyRange', () => {
  describe('when given a prefix', () => {
    it('bounds the range to exactly the keys that start with it', () => {
      const r = toKeyRange({ prefix: 'org/' })
      expect(r).toEqual({ lo: 'org/', hi: 'org0', reverse: false })
      expect(keyInRange('org/', r)).toBe(true)
      expect(keyInRange('org/~~~', r)).toBe(true)
      expect(keyInRange('org', r)).toBe(false)
      expect(keyInRange('org0', r)).toBe(false)
    })
    it('handles a prefix ending in the last key character', () => {
      const r = toKeyRange({ prefix: 'a~' })
      expect(r.hi).toBe('a\x7f')
      expect(keyInRange('a~~~', r)).toBe(true)
      expect(keyInRange('b', r)).toBe(false)
    })
  })
  describe('when a prefix and start and end are combined', () => {
    it('keeps the tightest bounds', () => {
      expect(toKeyRange({ prefix: 'm/', start: 'm/c', end: 'z' })).toEqual({ lo: 'm/c', hi: 'm0', reverse: false })
      expect(toKeyRange({ prefix: 'm/', start: 'a', end: 'm/d' })).toEqual({ lo: 'm/', hi: 'm/d', reverse: false })
      expect(toKeyRange({ limit: 3, reverse: true })).toEqual({ lo: '', limit: 3, reverse: true })
    })
  })
  describe('when an option is malformed', () => {
    it('refuses it with STATE_RANGE_INVALID', () => {
      for (const o of [{ prefix: 'a b' }, { start: 'é' }, { limit: -1 }, { limit: 1.5 }, { reverse: 'yes' }] as object[]) {
        expect(() => toKeyRange(o)).toThrow(expect.objectContaining({ code: 'STATE_RANGE_INVALID' }))
      }
    })
  })
})
