import { describe, expect, it } from 'vitest'
import { toKeyRange } from './key-range.js'
import { MemoryStateStore } from './memory-state-store.js'

function store(): MemoryStateStore {
  const s = new MemoryStateStore()
  s.apply(['b', 'a/2', 'a/10', 'a/1', 'c', 'A'].map((key, i) => ({ contract: 'x', key, value: i })))
  s.apply([{ contract: 'y', key: 'a/5', value: 'other contract' }])
  return s
}

describe('MemoryStateStore', () => {
  describe('when scanning a range', () => {
    it('returns keys in byte order, within the contract', () => {
      expect(store().range('x', toKeyRange()).map((e) => e.key)).toEqual(['A', 'a/1', 'a/10', 'a/2', 'b', 'c'])
      expect(store().range('x', toKeyRange({ prefix: 'a/' })).map((e) => e.key)).toEqual(['a/1', 'a/10', 'a/2'])
      expect(store().range('none', toKeyRange())).toEqual([])
    })
    it('honours reverse, limit, start and end', () => {
      const s = store()
      expect(s.range('x', toKeyRange({ reverse: true, limit: 2 })).map((e) => e.key)).toEqual(['c', 'b'])
      expect(s.range('x', toKeyRange({ start: 'a/10', end: 'b' })).map((e) => e.key)).toEqual(['a/10', 'a/2'])
      expect(s.range('x', toKeyRange({ prefix: 'a/', reverse: true, limit: 1 })).map((e) => e.key)).toEqual(['a/2'])
      expect(s.range('x', toKeyRange({ limit: 0 }))).toEqual([])
    })
  })
  describe('when writes are applied', () => {
    it('puts, overwrites and deletes in order, and freezes values', () => {
      const s = store()
      const value = { n: [1, 2] }
      s.apply([{ contract: 'x', key: 'b', value }, { contract: 'x', key: 'c' }, { contract: 'x', key: 'c', value: 'again' }, { contract: 'x', key: 'A' }])
      expect(s.get('x', 'b')).toEqual({ n: [1, 2] })
      expect(Object.isFrozen(value.n)).toBe(true)
      expect(s.get('x', 'c')).toBe('again')
      expect(s.get('x', 'A')).toBeUndefined()
      expect(s.dump().map((w) => `${w.contract}:${w.key}`)).toEqual(['x:a/1', 'x:a/10', 'x:a/2', 'x:b', 'x:c', 'y:a/5'])
    })
  })
})
