import { describe, expect, it } from 'vitest'
import { findNikInClear } from './nik.js'

// Synthetic NIKs (region 3171 = Jakarta Pusat); no real person's number.
describe('findNikInClear', () => {
  describe('when a 16-digit number appears anywhere', () => {
    it('finds it in strings, grouped forms, integers, nested values and keys', () => {
      expect(findNikInClear({ name: '3171012345678901' })).toBe('args.name')
      expect(findNikInClear({ note: 'NIK: 3171 0123 4567 8901.' })).toBe('args.note')
      expect(findNikInClear({ note: 'nik 3171-0123-4567-8901' })).toBe('args.note')
      expect(findNikInClear({ n: 3171012345678901 })).toBe('args.n')
      expect(findNikInClear({ a: [{ b: 'x' }, { c: 'id=3171012345678901;' }] })).toBe('args.a[1].c')
      expect(findNikInClear({ '3171012345678901': true })).toBe('args (a key)')
    })
  })
  describe('when digits are not a 16-digit run', () => {
    it('finds nothing', () => {
      for (const v of [
        { phone: '0812-3456-7890' },
        { long: '31710123456789012' },
        { short: '317101234567890' },
        { at: '2026-11-23T18:30:00.000Z' },
        { hash: 'q2Jm7ZBQ1W0r9o0M3Hk8bY2o1nA4Sx6wYpLQe1K1Zx8=' },
        { n: 123456789012345 },
        { lat: '-6.2088123456789012' },
      ]) {
        expect(findNikInClear(v), JSON.stringify(v)).toBeUndefined()
      }
    })
  })
})
