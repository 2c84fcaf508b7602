import { describe, expect, it } from 'vitest'
import { FailedCallCap } from './failed-call-cap.js'

const DAY = Date.parse('2026-11-23T00:00:00.000Z')
const HOUR = 3_600_000

describe('FailedCallCap', () => {
  describe('when a signer reaches the cap', () => {
    it('refuses it until the next UTC day, and no other signer', () => {
      const cap = new FailedCallCap(2, 10)
      cap.failed('a', DAY + HOUR)
      expect(cap.refusal('a', DAY + 2 * HOUR)).toBeUndefined()
      cap.failed('a', DAY + HOUR)
      expect(cap.refusal('a', DAY + 2 * HOUR)).toBe(22 * 3600)
      expect(cap.refusal('b', DAY + 2 * HOUR)).toBeUndefined()
      expect(cap.refusal('a', DAY + 24 * HOUR)).toBeUndefined()
    })
  })
  describe('when receipts of an earlier day arrive late', () => {
    it('does not count them against today', () => {
      const cap = new FailedCallCap(1, 10)
      expect(cap.refusal('a', DAY + 25 * HOUR)).toBeUndefined()
      cap.failed('a', DAY + HOUR)
      expect(cap.refusal('a', DAY + 25 * HOUR)).toBeUndefined()
    })
  })
  describe('when many signers fail', () => {
    it('counts at most `tracked` of them', () => {
      const cap = new FailedCallCap(1, 100)
      for (let i = 0; i < 10_000; i++) cap.failed(`k${i}`, DAY)
      expect(cap.size).toBe(100)
      expect(cap.refusal('k9999', DAY)).toBeGreaterThan(0)
    })
  })
})
