import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CursorSaver } from './cursor-saver.js'
import type { FollowerCursor } from './follower-cursor.js'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function recording(): FollowerCursor & { saves: number[] } {
  const saves: number[] = []
  return { saves, load: () => saves.at(-1) ?? 0, save: (i) => void saves.push(i) }
}

describe('CursorSaver', () => {
  describe('when saves are asked for often', () => {
    it('writes at most once per interval, the latest position', () => {
      const cursor = recording()
      let at = 0
      const saver = new CursorSaver(cursor, () => at, 200, 0)
      for (at = 1; at <= 50; at++) saver.schedule()
      at = 50
      expect(cursor.saves).toEqual([])
      vi.advanceTimersByTime(200)
      expect(cursor.saves).toEqual([50])
      at = 60
      saver.schedule()
      saver.schedule()
      vi.advanceTimersByTime(200)
      expect(cursor.saves).toEqual([50, 60])
    })
  })

  describe('when the position has not moved', () => {
    it('does not write', () => {
      const cursor = recording()
      const saver = new CursorSaver(cursor, () => 7, 200, 7)
      saver.schedule()
      vi.advanceTimersByTime(1_000)
      saver.flush()
      expect(cursor.saves).toEqual([])
    })
  })

  describe('when flushed', () => {
    it('writes at once and cancels the timed save', () => {
      const cursor = recording()
      let at = 3
      const saver = new CursorSaver(cursor, () => at, 200, 0)
      saver.schedule()
      saver.flush()
      expect(cursor.saves).toEqual([3])
      at = 4
      vi.advanceTimersByTime(1_000)
      expect(cursor.saves).toEqual([3])
    })
  })
})
