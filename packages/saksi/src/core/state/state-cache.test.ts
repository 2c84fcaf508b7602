import { describe, expect, it } from 'vitest'
import { toKeyRange, type RangeOptions } from './key-range.js'
import { MemoryStateStore } from './memory-state-store.js'
import { StateCache, UNKNOWN } from './state-cache.js'
import type { StateWrite } from './state-store.js'
import { prng } from '../../../../../test/support/prng.js'

function randomRange(rand: () => number, key: () => string): RangeOptions {
  const pick = rand()
  const limit = rand() < 0.5 ? undefined : Math.floor(rand() * 6)
  const reverse = rand() < 0.4
  if (pick < 0.4) return { prefix: `${key().slice(0, 3)}`, limit, reverse }
  const a = key()
  const b = key()
  return { start: a < b ? a : b, end: a < b ? b : a, limit, reverse }
}

describe('StateCache', () => {
  describe('when driven by random reads, fills and committed writes with a small capacity', () => {
    it('answers every get and range it knows exactly as the store does, and evicts to stay bounded', () => {
      const rand = prng(5)
      const store = new MemoryStateStore()
      const cache = new StateCache(40)
      const key = () => `${'abc'[Math.floor(rand() * 3)]}/${Math.floor(rand() * 30)}`
      const contract = () => (rand() < 0.8 ? 'c' : 'd')
      let known = 0
      for (let step = 0; step < 6000; step++) {
        const r = rand()
        if (r < 0.3) {
          // A committed block: the store and the cache take the same writes.
          const writes: StateWrite[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => (rand() < 0.3 ? { contract: contract(), key: key() } : { contract: contract(), key: key(), value: { n: step } }))
          store.apply(writes)
          cache.apply(writes)
        } else if (r < 0.65) {
          const c = contract()
          const k = key()
          const cached = cache.get(c, k)
          if (cached === UNKNOWN) cache.set(c, k, store.get(c, k))
          else {
            known++
            expect(cached, `${c}/${k}`).toEqual(store.get(c, k))
          }
        } else {
          const c = contract()
          const range = toKeyRange(randomRange(rand, key))
          const cached = cache.range(c, range)
          if (cached === UNKNOWN) {
            cache.setRange(c, range, store.range(c, range))
            // What was just filled is known (unless it was too large to keep, or evicted at once).
            const again = cache.range(c, range)
            if (again !== UNKNOWN) expect(again).toEqual(store.range(c, range))
          } else {
            known++
            expect(cached, `${c} ${JSON.stringify(range)}`).toEqual(store.range(c, range))
          }
        }
        expect(cache.size).toBeLessThanOrEqual(40)
      }
      expect(cache.evictions).toBeGreaterThan(100)
      expect(known).toBeGreaterThan(1000)
    })
  })

  describe('when a scan stopped at its limit', () => {
    it('knows the keys up to the last entry, so a shorter scan or a get in that part is answered, a longer one is not', () => {
      const cache = new StateCache()
      cache.setRange('c', toKeyRange({ prefix: 'm/', limit: 2 }), [
        { key: 'm/1', value: 1 },
        { key: 'm/3', value: 3 },
      ])
      expect(cache.range('c', toKeyRange({ prefix: 'm/', limit: 1 }))).toEqual([{ key: 'm/1', value: 1 }])
      expect(cache.get('c', 'm/2')).toBeUndefined()
      expect(cache.get('c', 'm/4')).toBe(UNKNOWN)
      expect(cache.range('c', toKeyRange({ prefix: 'm/', limit: 3 }))).toBe(UNKNOWN)
      expect(cache.range('c', toKeyRange({ prefix: 'm/', reverse: true, limit: 1 }))).toBe(UNKNOWN)
    })
  })

  describe('when a committed write lands inside a known range', () => {
    it('answers the range with the write, without asking the store again', () => {
      const cache = new StateCache()
      cache.setRange('c', toKeyRange({ prefix: 'm/' }), [{ key: 'm/1', value: 1 }])
      cache.apply([{ contract: 'c', key: 'm/2', value: 2 }, { contract: 'c', key: 'm/1' }])
      expect(cache.range('c', toKeyRange({ prefix: 'm/' }))).toEqual([{ key: 'm/2', value: 2 }])
      expect(cache.get('c', 'm/1')).toBeUndefined()
    })
  })

  describe('when a present key inside a known range is evicted', () => {
    it('no longer answers the range', () => {
      const cache = new StateCache(8)
      cache.setRange('c', toKeyRange({ prefix: 'm/' }), [
        { key: 'm/1', value: 1 },
        { key: 'm/2', value: 2 },
      ])
      // Other scans fill the LRU part (the capacity less its probation) until m/ is the oldest out.
      for (let i = 0; i < 6; i++) cache.setRange('c', toKeyRange({ prefix: `x${i}/` }), [])
      expect(cache.range('c', toKeyRange({ prefix: 'm/' }))).toBe(UNKNOWN)
      expect(cache.evictions).toBeGreaterThan(0)
    })
  })

  describe('when a scan is larger than a quarter of the capacity', () => {
    it('does not keep it', () => {
      const cache = new StateCache(8)
      cache.setRange('c', toKeyRange(), [1, 2, 3].map((n) => ({ key: `k/${n}`, value: n })))
      expect(cache.range('c', toKeyRange())).toBe(UNKNOWN)
      expect(cache.size).toBe(0)
    })
  })

  describe('when a key is read one by one from a local store', () => {
    it('keeps it the second time, and applies committed writes only to what it keeps', () => {
      const cache = new StateCache(80)
      cache.set('c', 'hot', 1)
      expect(cache.get('c', 'hot')).toBe(UNKNOWN)
      cache.set('c', 'hot', 1)
      expect(cache.get('c', 'hot')).toBe(1)
      cache.apply([
        { contract: 'c', key: 'hot', value: 2 },
        { contract: 'c', key: 'once', value: 3 },
      ])
      expect(cache.get('c', 'hot')).toBe(2)
      expect(cache.get('c', 'once')).toBe(UNKNOWN)
      cache.apply([{ contract: 'c', key: 'once', value: 3 }], true)
      expect(cache.get('c', 'once')).toBe(3)
      cache.set('c', 'loaded', 4, true)
      expect(cache.get('c', 'loaded')).toBe(4)
    })
  })

  describe('set', () => {
    it('freezes the values it keeps', () => {
      const cache = new StateCache()
      const value = { a: [1, { b: 2 }] }
      cache.set('c', 'k', value)
      expect(Object.isFrozen(value) && Object.isFrozen(value.a[1])).toBe(true)
    })
  })

  describe('when cleared', () => {
    it('knows nothing it held, and fills again', () => {
      const cache = new StateCache(10)
      cache.set('c', 'a', 1, true)
      cache.setRange('c', toKeyRange({ prefix: 'm/' }), [{ key: 'm/1', value: 1 }])
      cache.clear()
      expect(cache.size).toBe(0)
      expect(cache.get('c', 'a')).toBe(UNKNOWN)
      expect(cache.range('c', toKeyRange({ prefix: 'm/' }))).toBe(UNKNOWN)
      cache.set('c', 'a', 2, true)
      expect(cache.get('c', 'a')).toBe(2)
    })
  })
})
