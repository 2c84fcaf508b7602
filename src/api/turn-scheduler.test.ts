import { describe, expect, it } from 'vitest'
import { TurnScheduler } from './turn-scheduler.js'

const busy = (ms: number) => {
  const end = performance.now() + ms
  while (performance.now() < end);
}

describe('TurnScheduler', () => {
  describe('when a task is scheduled', () => {
    it('runs it in a later turn, not in the caller', async () => {
      const s = new TurnScheduler(10)
      let ran = false
      s.run(() => void (ran = true))
      expect(ran).toBe(false)
      await new Promise((r) => setImmediate(r))
      await new Promise((r) => setImmediate(r))
      expect(ran).toBe(true)
    })
  })

  describe('when the tasks take longer than the budget', () => {
    it('yields to the event loop between slices, and a timer runs meanwhile', async () => {
      const s = new TurnScheduler(5)
      const order: string[] = []
      for (let i = 0; i < 20; i++) s.run(() => (busy(2), void order.push(`task ${i}`)))
      setTimeout(() => order.push('timer'), 0)
      await new Promise<void>((resolve) => s.run(() => resolve()))
      expect(order.indexOf('timer')).toBeGreaterThan(0)
      expect(order.indexOf('timer')).toBeLessThan(20)
      expect(s.turns).toBeGreaterThan(3)
    })
  })

  describe('when a task throws', () => {
    it('runs the next ones', async () => {
      const s = new TurnScheduler(10)
      s.run(() => {
        throw new Error('boom')
      })
      await new Promise<void>((resolve) => s.run(() => resolve()))
      expect(s.waiting).toBe(0)
    })
  })
})
