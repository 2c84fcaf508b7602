import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../encoding/json.js'
import { toKeyRange, type RangeOptions } from './key-range.js'
import { MemoryStateStore } from './memory-state-store.js'
import { StateOverlay } from './state-overlay.js'
import { prng } from '../../../../../test/support/prng.js'


describe('StateOverlay', () => {
  describe('when a key is written in the overlay', () => {
    it('reads see the write, the base does not change', () => {
      const base = new MemoryStateStore()
      base.apply([{ contract: 'c', key: 'k', value: 1 }, { contract: 'c', key: 'gone', value: 2 }])
      const o = new StateOverlay(base)
      o.put('c', 'k', 10)
      o.put('c', 'new', 3)
      o.delete('c', 'gone')
      expect(o.get('c', 'k')).toBe(10)
      expect(o.get('c', 'new')).toBe(3)
      expect(o.get('c', 'gone')).toBeUndefined()
      expect(base.get('c', 'k')).toBe(1)
      expect(base.get('c', 'gone')).toBe(2)
      expect(o.writes()).toEqual([
        { contract: 'c', key: 'gone' },
        { contract: 'c', key: 'k', value: 10 },
        { contract: 'c', key: 'new', value: 3 },
      ])
    })
  })
  describe('when overlays are stacked', () => {
    it('the upper one sees the lower one, and applying folds writes down', () => {
      const base = new MemoryStateStore()
      const block = new StateOverlay(base)
      block.put('c', 'a', 1)
      const tx = new StateOverlay(block)
      expect(tx.get('c', 'a')).toBe(1)
      tx.delete('c', 'a')
      tx.put('b', 'z', 'v')
      expect(block.get('c', 'a')).toBe(1)
      block.apply(tx.writes())
      expect(block.get('c', 'a')).toBeUndefined()
      expect(block.writes()).toEqual([{ contract: 'b', key: 'z', value: 'v' }, { contract: 'c', key: 'a' }])
    })
  })
  describe('when the base returns unfrozen values', () => {
    it('freezes them before handing them out', () => {
      const base = { get: () => ({ a: [1] }) as JsonValue, range: () => [{ key: 'k', value: { b: {} } as JsonValue }] }
      const o = new StateOverlay(base)
      expect(Object.isFrozen((o.get('c', 'k') as { a: number[] }).a)).toBe(true)
      expect(Object.isFrozen((o.range('c', toKeyRange())[0]!.value as { b: object }).b)).toBe(true)
    })
  })
  describe('when range scans mix buffered writes, deletes and base entries', () => {
    it('matches a plain model for thousands of random operations', () => {
      const rand = prng(7)
      const keyOf = () => `k/${String.fromCharCode(0x21 + Math.floor(rand() * 6))}${Math.floor(rand() * 12)}`
      const base = new MemoryStateStore()
      const model = new Map<string, number>()
      for (let i = 0; i < 60; i++) {
        const key = keyOf()
        base.apply([{ contract: 'c', key, value: i }])
        model.set(key, i)
      }
      const lower = new StateOverlay(base)
      const upper = new StateOverlay(lower)
      for (let step = 0; step < 3000; step++) {
        const layer = rand() < 0.5 ? lower : upper
        const key = keyOf()
        if (layer === upper || !upper.writes().some((w) => w.key === key)) {
          // Writing below a key the upper layer already shadows would not show through; keep the model simple.
          if (rand() < 0.3) {
            layer.delete('c', key)
            model.delete(key)
          } else {
            layer.put('c', key, step)
            model.set(key, step)
          }
        }
        const options: RangeOptions = {}
        if (rand() < 0.5) options.prefix = `k/${String.fromCharCode(0x21 + Math.floor(rand() * 6))}`
        if (rand() < 0.3) options.start = keyOf()
        if (rand() < 0.3) options.end = keyOf()
        if (rand() < 0.5) options.limit = Math.floor(rand() * 8)
        if (rand() < 0.5) options.reverse = true
        const range = toKeyRange(options)
        let expected = [...model.entries()]
          .filter(([k]) => k >= range.lo && (range.hi === undefined || k < range.hi))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        if (range.reverse) expected.reverse()
        if (range.limit !== undefined) expected = expected.slice(0, range.limit)
        expect(upper.range('c', range).map((e) => [e.key, e.value])).toEqual(expected)
      }
    })
  })
})
