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
      // Long digit strings that are not hex digests still count, and a NIK beside a digest too.
      expect(findNikInClear({ n: '31710123456789010000000000000000' })).toBeUndefined() // 32 digits: not a 16-digit run
      expect(findNikInClear({ note: 'hash a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8 NIK 3171012345678901' })).toBe('args.note')
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
        // Digests that happen to hold a run of 16 decimal digits (about one 64-digit hash in forty).
        { commitment: 'a3171012345678901b9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2' },
        { ref: 'pd_3171012345678901aa0b1c2d3e4f5a6b' },
        { txId: '00003171012345678901f00000000000000000000000000000000000000000000' },
        { household: 'hh-3171012345678901abcd' },
      ]) {
        expect(findNikInClear(v), JSON.stringify(v)).toBeUndefined()
      }
    })
  })
})
