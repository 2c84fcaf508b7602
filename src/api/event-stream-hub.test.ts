import { afterEach, describe, expect, it } from 'vitest'
import { EventStreamHub } from './event-stream-hub.js'
import { EVENT_STREAM_DEFAULTS } from './event-stream-options.js'
import { LargeLogNode } from './testing/large-log-node.js'

describe('EventStreamHub', () => {
  let hub: EventStreamHub
  afterEach(() => hub.finish())

  describe('when built without options', () => {
    it('uses the documented defaults', () => {
      hub = new EventStreamHub(new LargeLogNode(0))
      expect(hub.settings).toEqual({ heartbeatMs: 15_000, highWaterBytes: 65_536, stallMs: 60_000, retryMs: 2000, pageSize: 100, turnBudgetMs: 10, maxStreams: 1000, maxStreamsPerClient: 16, retryAfterSeconds: 10 })
      expect(hub.settings).toEqual(EVENT_STREAM_DEFAULTS)
    })
  })

  describe('open', () => {
    describe('when a client is at its cap', () => {
      it('refuses it with EVENT_STREAMS_CLIENT_LIMIT and still opens streams for others', () => {
        hub = new EventStreamHub(new LargeLogNode(0), { maxStreamsPerClient: 2, maxStreams: 5, retryAfterSeconds: 3 })
        hub.open('a', 0)
        hub.open('a', 0)
        expect(() => hub.open('a', 0)).toThrow(expect.objectContaining({ code: 'EVENT_STREAMS_CLIENT_LIMIT', kind: 'validation', details: { limit: 2, retryAfterSeconds: 3 } }))
        hub.open('b', 0)
        expect(hub.size).toBe(3)
        expect(hub.openBy('a')).toBe(2)
      })
    })

    describe('when the node is at its cap', () => {
      it('refuses every client with EVENT_STREAMS_NODE_LIMIT until a stream closes', async () => {
        hub = new EventStreamHub(new LargeLogNode(0), { maxStreamsPerClient: 2, maxStreams: 2 })
        const first = hub.open('a', 0)
        hub.open('b', 0)
        expect(() => hub.open('c', 0)).toThrow(expect.objectContaining({ code: 'EVENT_STREAMS_NODE_LIMIT', kind: 'internal' }))
        first.destroy()
        await new Promise((r) => first.once('close', r))
        expect(hub.openBy('a')).toBe(0)
        expect(hub.open('c', 0).destroyed).toBe(false)
      })
    })
  })

  describe('when streams are open', () => {
    it('sends each a heartbeat from one timer', async () => {
      hub = new EventStreamHub(new LargeLogNode(0), { heartbeatMs: 20 })
      const texts = ['', '']
      const streams = [hub.open('a', 0), hub.open('b', 0)]
      streams.forEach((s, i) => s.on('data', (c) => (texts[i] += String(c))))
      await new Promise((r) => setTimeout(r, 70))
      for (const t of texts) expect(t).toContain(': keep-alive\n\n')
    })
  })
})
