import { describe, expect, it } from 'vitest'
import { freezeJson, snapshotJson } from './json-snapshot.js'

describe('snapshotJson', () => {
  describe('when the value is exact JSON', () => {
    it('returns a deeply frozen copy', () => {
      const original = { a: [{ b: 1 }], s: 'x' }
      const snap = snapshotJson(original) as typeof original
      expect(snap).toEqual(original)
      expect(snap).not.toBe(original)
      expect(Object.isFrozen(snap.a[0])).toBe(true)
      original.a[0]!.b = 2
      expect(snap.a[0]!.b).toBe(1)
    })
    it('keeps __proto__ as an own key', () => {
      const v = JSON.parse('{"__proto__":{"x":1}}') as object
      const snap = snapshotJson(v)
      expect(Object.getPrototypeOf(snap)).toBe(Object.prototype)
      expect(Object.keys(snap as object)).toEqual(['__proto__'])
    })
  })
  describe('when the value is not exact JSON', () => {
    it('refuses it, naming where', () => {
      // eslint-disable-next-line no-sparse-arrays -- a sparse array is one of the cases
      for (const v of [undefined, NaN, -0, 2 ** 60, new Date(0), { a: undefined }, [1, , 3], '\ud800']) {
        expect(() => snapshotJson(v, 'value')).toThrow(expect.objectContaining({ code: 'JSON_VALUE_INVALID' }))
      }
      expect(() => snapshotJson({ a: { b: NaN } }, 'value')).toThrow(/value\.a\.b/)
    })
  })
})

describe('freezeJson', () => {
  describe('when given a nested value', () => {
    it('freezes it in place', () => {
      const v = { a: [1, { b: 2 }] }
      expect(freezeJson(v)).toBe(v)
      expect(Object.isFrozen(v.a[1])).toBe(true)
    })
  })
})
