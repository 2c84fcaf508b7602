import { describe, expect, it } from 'vitest'
import { ExpiringMap } from './expiring-map.js'

describe('ExpiringMap', () => {
  describe('when a value is taken', () => {
    it('answers it once', () => {
      const m = new ExpiringMap<number>(1000, 10)
      m.add('a', 1, 0)
      expect(m.take('a', 10)).toBe(1)
      expect(m.take('a', 10)).toBeUndefined()
    })
  })

  describe('when a value has expired', () => {
    it('is not answered, and is purged as new values arrive', () => {
      const m = new ExpiringMap<number>(1000, 10)
      m.add('a', 1, 0)
      expect(m.get('a', 999)?.value).toBe(1)
      expect(m.get('a', 1000)).toBeUndefined()
      m.add('b', 2, 1000)
      expect(m.size).toBe(1)
    })
  })

  describe('when more values arrive than it holds', () => {
    it('drops the oldest first', () => {
      const m = new ExpiringMap<number>(1000, 2)
      m.add('a', 1, 0)
      m.add('b', 2, 1)
      m.add('c', 3, 2)
      expect(m.size).toBe(2)
      expect(m.get('a', 3)).toBeUndefined()
      expect(m.get('c', 3)?.value).toBe(3)
    })
  })

  describe('when values belong to groups', () => {
    it('counts each group\'s values and knows its oldest, as values are taken, expire or are dropped', () => {
      const m = new ExpiringMap<number>(1000, 3)
      m.add('a', 1, 0, 'g')
      m.add('b', 2, 10, 'g')
      m.add('c', 3, 20, 'h')
      expect([m.countOf('g'), m.countOf('h'), m.countOf('none')]).toEqual([2, 1, 0])
      expect(m.oldestOf('g')).toEqual({ key: 'a', expiresAtMs: 1000 })
      m.add('d', 4, 30, 'h')
      expect([m.countOf('g'), m.oldestOf('g')?.key]).toEqual([1, 'b'])
      m.take('b', 40)
      expect([m.countOf('g'), m.oldestOf('g')]).toEqual([0, undefined])
      m.purge(1020)
      expect([m.countOf('h'), m.oldestOf('h')?.key]).toEqual([1, 'd'])
      m.delete('d')
      expect([m.countOf('h'), m.size]).toEqual([0, 0])
    })
  })
})
