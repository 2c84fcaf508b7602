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
})
