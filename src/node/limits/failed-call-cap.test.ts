import { describe, expect, it } from 'vitest'
import type { FailedCallStore } from '../../store/index.js'
import { FailedCallCap } from './failed-call-cap.js'

const DAY = Date.parse('2026-11-23T00:00:00.000Z')
const HOUR = 3_600_000

describe('FailedCallCap', () => {
  describe('when a signer reaches the cap', () => {
    it('refuses it until the next UTC day, and no other signer', () => {
      const cap = new FailedCallCap(2, 10)
      cap.committed(['a'], DAY + HOUR)
      expect(cap.refusal('a', DAY + 2 * HOUR)).toBeUndefined()
      cap.committed(['a'], DAY + HOUR)
      expect(cap.refusal('a', DAY + 2 * HOUR)).toBe(22 * 3600)
      expect(cap.refusal('b', DAY + 2 * HOUR)).toBeUndefined()
      expect(cap.refusal('a', DAY + 24 * HOUR)).toBeUndefined()
    })
  })
  describe('when receipts of an earlier day arrive late', () => {
    it('does not count them against today', () => {
      const cap = new FailedCallCap(1, 10)
      expect(cap.refusal('a', DAY + 25 * HOUR)).toBeUndefined()
      cap.committed(['a'], DAY + HOUR)
      expect(cap.refusal('a', DAY + 25 * HOUR)).toBeUndefined()
    })
  })
  describe('when many signers fail', () => {
    it('counts at most `tracked` of them', () => {
      const cap = new FailedCallCap(1, 100)
      for (let i = 0; i < 10_000; i++) cap.committed([`k${i}`], DAY)
      expect(cap.size).toBe(100)
      expect(cap.refusal('k9999', DAY)).toBeGreaterThan(0)
    })
  })
  describe('when it has a store', () => {
    /** A store in memory that records what it was asked. */
    function recordingStore(days: Record<string, Record<string, number>> = {}) {
      const writes: [string, Record<string, number>][] = []
      const store: FailedCallStore = {
        addFailedCalls: (day, counts) => {
          writes.push([day, Object.fromEntries(counts)])
          const d = (days[day] ??= {})
          for (const [k, n] of counts) d[k] = (d[k] ?? 0) + n
        },
        failedCalls: (day, limit) => new Map(Object.entries(days[day] ?? {}).sort((a, b) => b[1] - a[1]).slice(0, limit)),
      }
      return { store, writes, days }
    }

    it('writes each block\'s failures in one call, by signer and UTC day', () => {
      const { store, writes } = recordingStore()
      const cap = new FailedCallCap(5, 10, store)
      cap.committed(['a', 'b', 'a'], DAY + HOUR)
      cap.committed([], DAY + 2 * HOUR)
      expect(writes).toEqual([['2026-11-23', { a: 2, b: 1 }]])
    })

    it('starts a day from the store\'s counts, so a restart does not forgive them', () => {
      const { store } = recordingStore({ '2026-11-23': { a: 2, b: 1 } })
      const cap = new FailedCallCap(2, 10, store)
      expect(cap.refusal('a', DAY + HOUR)).toBe(23 * 3600)
      expect(cap.refusal('b', DAY + HOUR)).toBeUndefined()
      cap.committed(['b'], DAY + HOUR)
      expect(cap.refusal('b', DAY + HOUR)).toBe(23 * 3600)
      expect(cap.refusal('a', DAY + 24 * HOUR)).toBeUndefined()
    })

    it('keeps counting in memory when the store fails, and says so', () => {
      const errors: unknown[] = []
      const broken: FailedCallStore = {
        addFailedCalls: () => {
          throw new Error('disk full')
        },
        failedCalls: () => new Map(),
      }
      const cap = new FailedCallCap(1, 10, broken, (e) => errors.push(e))
      cap.committed(['a'], DAY)
      expect(cap.refusal('a', DAY)).toBeGreaterThan(0)
      expect(errors).toEqual([new Error('disk full')])
    })
  })
})
