import { describe, expect, it } from 'vitest'
import { SortedKeyMap } from './sorted-key-map.js'
import { prng } from '../../../../../test/support/prng.js'


describe('SortedKeyMap', () => {
  describe('when driven by thousands of random sets and deletes (enough to split many chunks)', () => {
    it('keeps the same keys, order and range answers as a plain sorted array', () => {
      const rand = prng(7)
      const map = new SortedKeyMap<number>()
      const model = new Map<string, number>()
      const key = () => `k/${Math.floor(rand() * 5000).toString(36).padStart(3, '0')}`
      for (let step = 0; step < 20_000; step++) {
        const k = key()
        if (rand() < 0.3) {
          expect(map.delete(k)).toBe(model.delete(k))
        } else {
          map.set(k, step)
          model.set(k, step)
        }
        if (step % 1000 === 999) {
          const sorted = [...model.keys()].sort()
          expect([...map.keys()]).toEqual(sorted)
          expect(map.size).toBe(sorted.length)
          for (let q = 0; q < 50; q++) {
            const a = key()
            const b = rand() < 0.2 ? undefined : key()
            const lo = b === undefined || a < b ? a : b
            const hi = b === undefined ? undefined : a < b ? b : a
            const limit = rand() < 0.5 ? undefined : 1 + Math.floor(rand() * 40)
            const reverse = rand() < 0.5
            let expected = sorted.filter((k) => k >= lo && (hi === undefined || k < hi))
            if (reverse) expected = expected.reverse()
            if (limit !== undefined) expected = expected.slice(0, limit)
            expect(map.keysIn({ lo, hi, limit, reverse })).toEqual(expected)
          }
        }
      }
      for (const [k, v] of model) expect(map.get(k)).toBe(v)
    })
  })
})
