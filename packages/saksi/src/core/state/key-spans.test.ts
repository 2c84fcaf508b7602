import { describe, expect, it } from 'vitest'
import { KeySpans, SPAN_END } from './key-spans.js'
import { prng } from '../../../../../test/support/prng.js'

// Keys of a small universe, so that a boolean per key models the covered set exactly.
const universe = Array.from({ length: 60 }, (_, i) => `k${i.toString().padStart(2, '0')}`)

describe('KeySpans', () => {
  describe('when spans are added at random', () => {
    it('covers exactly the union of what was added, as disjoint spans, and finds the span of every key', () => {
      const rand = prng(11)
      const spans = new KeySpans()
      const covered = new Set<string>()
      for (let step = 0; step < 400; step++) {
        const a = Math.floor(rand() * universe.length)
        const b = Math.min(universe.length, a + 1 + Math.floor(rand() * 6))
        const lo = universe[a]!
        const hi = b === universe.length ? SPAN_END : universe[b]!
        const merged = spans.add(lo, hi)
        for (const k of universe.slice(a, b)) covered.add(k)
        expect(merged.span.lo <= lo && merged.span.hi >= hi).toBe(true)
        if (rand() < 0.2) {
          // Drop the span around a random key, as a cache does when it evicts a key inside it.
          const around = spans.containing(universe[Math.floor(rand() * universe.length)]!)
          if (around) {
            spans.delete(around.lo)
            for (const k of universe) if (k >= around.lo && k < around.hi) covered.delete(k)
          }
        }
        for (const k of universe) {
          const span = spans.containing(k)
          expect(span !== undefined, `${k} at step ${step}`).toBe(covered.has(k))
          if (span) expect(span.lo <= k && k < span.hi).toBe(true)
        }
      }
      expect(spans.size).toBeGreaterThan(0)
    })
  })

  describe('when spans touch', () => {
    it('merges them into one and reports the starts it absorbed', () => {
      const spans = new KeySpans()
      spans.add('a', 'c')
      spans.add('e', 'g')
      expect(spans.add('c', 'e')).toEqual({ span: { lo: 'a', hi: 'g' }, absorbed: ['a', 'e'] })
      expect(spans.size).toBe(1)
      expect(spans.add('b', 'd')).toEqual({ span: { lo: 'a', hi: 'g' }, absorbed: ['a'] })
    })
  })

  describe('endingAt', () => {
    it('finds the span holding the keys just below a bound, for descending scans', () => {
      const spans = new KeySpans()
      spans.add('b', 'd')
      spans.add('m', SPAN_END)
      expect(spans.endingAt('d')).toEqual({ lo: 'b', hi: 'd' })
      expect(spans.endingAt('c')).toEqual({ lo: 'b', hi: 'd' })
      expect(spans.endingAt('b')).toBeUndefined()
      expect(spans.endingAt('e')).toBeUndefined()
      expect(spans.endingAt(SPAN_END)).toEqual({ lo: 'm', hi: SPAN_END })
    })
  })
})
