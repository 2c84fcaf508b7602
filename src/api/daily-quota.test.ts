import { describe, expect, it } from 'vitest'
import { DailyQuota } from './daily-quota.js'

describe('DailyQuota', () => {
  it('allows up to the limit per key and day, refuses beyond it, and starts afresh the next UTC day', () => {
    const q = new DailyQuota(5)
    const day1 = new Date('2026-11-23T23:00:00Z')
    q.take('a', 3, day1)
    q.take('a', 2, day1)
    q.take('b', 5, day1)
    expect(() => q.take('a', 1, day1)).toThrow(expect.objectContaining({ code: 'REQUEST_QUOTA_EXCEEDED' }))
    // A refused request takes nothing: one that fits still does.
    expect(() => q.take('b', 6, day1)).toThrow()
    q.take('a', 0, day1)
    q.take('a', 5, new Date('2026-11-24T00:00:01Z'))
  })
})
