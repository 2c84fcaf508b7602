import { describe, expect, it } from 'vitest'
import { TokenBuckets } from './token-buckets.js'

describe('TokenBuckets.take', () => {
  describe('when a bucket holds the tokens', () => {
    it('takes them, up to the burst, then says how long until the next', () => {
      const b = new TokenBuckets({ burst: 3, perSecond: 2 }, 10)
      expect([b.take('k', 1, 0), b.take('k', 1, 0), b.take('k', 1, 0)]).toEqual([0, 0, 0])
      expect(b.take('k', 1, 0)).toBe(500)
      expect(b.take('k', 1, 499)).toBe(2)
      expect(b.take('k', 1, 500)).toBe(0)
    })
    it('refills no further than the burst, and charges a cost above it as the burst', () => {
      const b = new TokenBuckets({ burst: 2, perSecond: 1 }, 10)
      expect(b.take('k', 5, 0)).toBe(0)
      expect(b.take('k', 1, 1_000_000)).toBe(0)
      expect(b.take('k', 2, 1_000_000)).toBe(1000)
    })
  })
  describe('when ids are many', () => {
    it('keeps each apart and holds at most `tracked`, dropping the least recently used', () => {
      const b = new TokenBuckets({ burst: 1, perSecond: 1 }, 2)
      expect([b.take('a', 1, 0), b.take('b', 1, 0)]).toEqual([0, 0])
      expect(b.take('a', 1, 0)).toBeGreaterThan(0)
      for (let i = 0; i < 1000; i++) b.take(`fresh-${i}`, 1, 0)
      expect(b.size).toBe(2)
    })
    it('keeps a bucket in use while fresh ids come and go', () => {
      const b = new TokenBuckets({ burst: 1, perSecond: 1 }, 3)
      b.take('busy', 1, 0)
      for (let i = 0; i < 100; i++) {
        expect(b.take('busy', 1, 0)).toBeGreaterThan(0)
        b.take(`fresh-${i}`, 1, 0)
      }
    })
  })
})
