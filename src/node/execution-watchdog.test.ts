import { describe, expect, it } from 'vitest'
import { ExecutionTimeout, ExecutionWatchdog } from './execution-watchdog.js'

describe('ExecutionWatchdog', () => {
  describe('when the function ends', () => {
    it('returns its value and passes its exceptions through', () => {
      const dog = new ExecutionWatchdog(1000)
      expect(dog.run('sum', () => 1 + 1)).toBe(2)
      const boom = new Error('boom')
      expect(() =>
        dog.run('throw', () => {
          throw boom
        }),
      ).toThrow(boom)
    })
  })

  describe('when the function never ends', () => {
    it('interrupts it, whatever it catches, and keeps working afterwards', () => {
      const dog = new ExecutionWatchdog(50)
      let finished = false
      const runaway = (): void => {
        try {
          for (;;) {
            // spins
          }
        } catch {
          finished = true
        } finally {
          finished = true
        }
      }
      expect(() => dog.run('block 3', runaway)).toThrow(ExecutionTimeout)
      expect(() => dog.run('block 3', runaway)).toThrow(expect.objectContaining({ code: 'EXECUTION_TIMEOUT', message: expect.stringContaining('block 3') }))
      expect(finished).toBe(false)
      expect(dog.run('after', () => 'alive')).toBe('alive')
    })
  })

  describe('when the timeout is not a positive integer', () => {
    it('refuses it', () => {
      expect(() => new ExecutionWatchdog(0)).toThrow(RangeError)
    })
  })
})
