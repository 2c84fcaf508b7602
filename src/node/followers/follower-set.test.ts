import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Registry } from 'prom-client'
import { afterAll, describe, expect, it } from 'vitest'
import { CursorSaver } from './cursor-saver.js'
import { describeFollowerShutdown } from './describe-follower-shutdown.js'
import { fileCursor, followerCursorFile } from './file-cursor.js'
import type { Follower } from './follower.js'
import { memoryCursor, type FollowerCursor } from './follower-cursor.js'
import { FOLLOWER_LAG_METRIC, FOLLOWER_NEXT_INDEX_METRIC } from './follower-metrics.js'
import { FollowerSet } from './follower-set.js'

const dir = mkdtempSync(join(tmpdir(), 'saksi-followers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A log that only counts its entries. */
function fakeLog(size: number) {
  const log = { entries: size, metrics: new Registry(), size: () => log.entries }
  return log
}

/**
 * A follower that finishes one entry per timer turn, saving its cursor as it goes (throttled) and
 * on stop. `stuck` makes it stop advancing; `stopHangs` / `stopFails` make its stop misbehave.
 */
class FakeFollower implements Follower {
  nextIndex: number
  startedAt: number | undefined
  stoppedAt: number | undefined
  stuck = false
  readonly #log: { size(): number }
  readonly #saver: CursorSaver
  readonly #stop: 'ok' | 'hangs' | 'fails'
  #stopped = false

  constructor(
    readonly name: string,
    log: { size(): number },
    cursor: FollowerCursor,
    stop: 'ok' | 'hangs' | 'fails' = 'ok',
  ) {
    this.#log = log
    this.nextIndex = cursor.load()
    this.#saver = new CursorSaver(cursor, () => this.nextIndex, 3_600_000, this.nextIndex)
    this.#stop = stop
  }

  start(): void {
    this.startedAt = this.nextIndex
    void this.#run()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.stoppedAt ??= this.nextIndex
    if (this.#stop === 'hangs') return new Promise(() => undefined)
    if (this.#stop === 'fails') throw new Error('disk full')
    this.#saver.flush()
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      if (!this.stuck && this.nextIndex < this.#log.size()) {
        this.nextIndex++
        this.#saver.schedule()
      }
      await new Promise((r) => setTimeout(r, 1))
    }
  }
}

describe('FollowerSet', () => {
  describe('when it shuts down while a follower is behind the head', () => {
    it('waits until the follower reaches the head, then stops it, which saves its cursor', async () => {
      const log = fakeLog(40)
      const file = followerCursorFile(dir, 'projection')
      const follower = new FakeFollower('projection', log, fileCursor(file))
      const set = new FollowerSet({ log, drainMs: 60_000 }).add(follower)
      set.start()
      const [ended] = await set.shutdown()
      expect(follower.stoppedAt).toBe(40)
      expect(ended).toEqual({ name: 'projection', nextIndex: 40, head: 40, lag: 0, reachedHead: true, stopped: true })
      expect(fileCursor(file).load()).toBe(40)
      expect(describeFollowerShutdown([ended!])).toEqual([])
    })
  })

  describe('when a follower restarts', () => {
    it('resumes from the cursor its last stop saved', async () => {
      const log = fakeLog(10)
      const cursor = fileCursor(followerCursorFile(dir, 'resume'))
      const first = new FollowerSet({ log, drainMs: 60_000 }).add(new FakeFollower('resume', log, cursor))
      first.start()
      await first.shutdown()
      log.entries = 25
      const again = new FakeFollower('resume', log, fileCursor(followerCursorFile(dir, 'resume')))
      const second = new FollowerSet({ log, drainMs: 60_000 }).add(again)
      second.start()
      expect(again.startedAt).toBe(10)
      await second.shutdown()
      expect(cursor.load()).toBe(25)
    })
  })

  describe('when a follower is stuck', () => {
    it('gives up waiting at the deadline, stops it where it is, and lets the others finish', async () => {
      const log = fakeLog(30)
      const stuckCursor = memoryCursor(3)
      const stuck = new FakeFollower('stuck', log, stuckCursor)
      stuck.stuck = true
      const healthy = new FakeFollower('healthy', log, memoryCursor(30))
      const set = new FollowerSet({ log, drainMs: 50 }).add(stuck).add(healthy)
      set.start()
      const ended = await set.shutdown()
      expect(ended).toEqual([
        { name: 'stuck', nextIndex: 3, head: 30, lag: 27, reachedHead: false, stopped: true },
        { name: 'healthy', nextIndex: 30, head: 30, lag: 0, reachedHead: true, stopped: true },
      ])
      expect(stuckCursor.load()).toBe(3)
      expect(describeFollowerShutdown(ended)).toEqual(['follower stuck stopped at log index 3 of 30; it processes the rest at the next start'])
    })
  })

  describe('when a follower works on a schedule (drains false)', () => {
    it('does not wait for it to reach the head, and reports nothing about it', async () => {
      const log = fakeLog(30)
      const scheduled = Object.assign(new FakeFollower('scheduled', log, memoryCursor(3)), { drains: false })
      scheduled.stuck = true
      const set = new FollowerSet({ log, drainMs: 60_000 }).add(scheduled)
      set.start()
      const ended = await set.shutdown()
      expect(ended).toEqual([{ name: 'scheduled', nextIndex: 3, head: 30, lag: 27, reachedHead: true, stopped: true }])
      expect(describeFollowerShutdown(ended)).toEqual([])
    })
  })

  describe("when a follower's stop does not return or throws", () => {
    it('moves on after stopMs and reports it; the cursor stays at its last save', async () => {
      const log = fakeLog(0)
      const hangs = new FakeFollower('hangs', log, memoryCursor(), 'hangs')
      const fails = new FakeFollower('fails', log, memoryCursor(), 'fails')
      const set = new FollowerSet({ log, drainMs: 0, stopMs: 50 }).add(hangs).add(fails)
      set.start()
      const ended = await set.shutdown()
      expect(ended.map((e) => [e.name, e.stopped, e.reachedHead])).toEqual([
        ['hangs', false, true],
        ['fails', false, true],
      ])
      expect(ended[1]!.error).toBeInstanceOf(Error)
      expect(describeFollowerShutdown(ended)).toEqual([
        'follower hangs did not stop in time; it resumes from the cursor it saved last',
        'follower fails failed to stop (disk full); it resumes from the cursor it saved last',
      ])
    })
  })

  describe('when shutdown is called twice', () => {
    it('stops each follower once and answers the same', async () => {
      const log = fakeLog(2)
      let stops = 0
      const follower = new FakeFollower('once', log, memoryCursor())
      const stop = follower.stop.bind(follower)
      follower.stop = () => (stops++, stop())
      const set = new FollowerSet({ log, drainMs: 60_000 }).add(follower)
      set.start()
      const [a, b] = await Promise.all([set.shutdown(), set.shutdown()])
      expect(a).toBe(b)
      expect(stops).toBe(1)
    })
  })

  describe('when followers run', () => {
    it("reports each one's next index and lag in the node's metrics, and drops them after shutdown", async () => {
      const log = fakeLog(12)
      const behind = new FakeFollower('webhooks', log, memoryCursor(2))
      behind.stuck = true
      const set = new FollowerSet({ log, drainMs: 0 }).add(behind)
      set.start()
      expect(set.positions()).toEqual([{ name: 'webhooks', nextIndex: 2, head: 12, lag: 10 }])
      expect(await log.metrics.getSingleMetricAsString(FOLLOWER_NEXT_INDEX_METRIC)).toContain('saksi_follower_next_index{follower="webhooks"} 2')
      expect(await log.metrics.getSingleMetricAsString(FOLLOWER_LAG_METRIC)).toContain('saksi_follower_lag_entries{follower="webhooks"} 10')
      await set.shutdown()
      expect(await log.metrics.getSingleMetricAsString(FOLLOWER_NEXT_INDEX_METRIC)).not.toContain('webhooks')
    })

    it('starts a follower added after the start at once', () => {
      const log = fakeLog(0)
      const set = new FollowerSet({ log })
      set.start()
      const late = new FakeFollower('late', log, memoryCursor(0))
      set.add(late)
      expect(late.startedAt).toBe(0)
      return set.shutdown()
    })
  })

  describe('when a follower cannot be added', () => {
    it('refuses a second follower of the same name, a bad name, and any follower once shutting down', async () => {
      const log = fakeLog(0)
      const set = new FollowerSet({ log }).add(new FakeFollower('outbox', log, memoryCursor()))
      expect(() => set.add(new FakeFollower('outbox', log, memoryCursor()))).toThrow(expect.objectContaining({ code: 'FOLLOWER_DUPLICATE', kind: 'conflict' }))
      expect(() => set.add(new FakeFollower('Out Box', log, memoryCursor()))).toThrow(expect.objectContaining({ code: 'FOLLOWER_NAME_INVALID' }))
      await set.shutdown()
      expect(() => set.add(new FakeFollower('later', log, memoryCursor()))).toThrow(expect.objectContaining({ code: 'FOLLOWERS_STOPPED' }))
    })
  })
})
