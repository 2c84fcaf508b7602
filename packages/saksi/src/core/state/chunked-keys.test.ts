import { describe, expect, it } from 'vitest'
import { ChunkedKeys } from './chunked-keys.js'
import { prng } from '../../../../../test/support/prng.js'

describe('ChunkedKeys', () => {
  describe('floor', () => {
    it('finds the greatest key before (or at) a key as a sorted array does, across many chunks', () => {
      const rand = prng(3)
      const keys = new ChunkedKeys()
      const model = new Set<string>()
      const key = () => `k${Math.floor(rand() * 20_000).toString().padStart(5, '0')}`
      for (let i = 0; i < 8000; i++) {
        const k = key()
        if (model.has(k)) {
          keys.remove(k)
          model.delete(k)
        } else {
          keys.insert(k)
          model.add(k)
        }
      }
      const sorted = [...model].sort()
      for (let q = 0; q < 2000; q++) {
        const k = q % 3 === 0 ? sorted[Math.floor(rand() * sorted.length)]! : key()
        const inclusive = q % 2 === 0
        const want = sorted.filter((x) => (inclusive ? x <= k : x < k)).at(-1)
        expect(keys.floor(k, inclusive), `${k} ${inclusive}`).toBe(want)
      }
      expect(keys.floor('', false)).toBeUndefined()
      expect(keys.floor('\uffff', false)).toBe(sorted.at(-1))
    })
  })
})
