import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Receipt } from '../../../packages/saksi/src/core/runtime/receipt.js'
import { createApiHarness, expectError, type ApiHarness } from '../testing/api-harness.js'
import { idsOf, openEvents, type SseConnection } from '../testing/sse-client.js'

describe('GET /v1/events', () => {
  let h: ApiHarness
  let base: string
  const open: SseConnection[] = []
  beforeEach(async () => {
    h = await createApiHarness({ sse: { heartbeatMs: 40 } })
    await h.app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    for (const c of open.splice(0)) c.close()
    await h.close()
  })

  const events = async (path: string, headers: Record<string, string> = {}) => {
    const c = await openEvents(`${base}${path}`, headers)
    open.push(c)
    return c
  }
  const commit = async (n: number) => {
    for (let i = 0; i < n; i++) expect((await h.submit(h.envelope().text, '?wait=true')).statusCode).toBe(200)
  }

  describe('when a client connects', () => {
    it('answers an event stream that must not be cached or buffered', async () => {
      const c = await events('/v1/events')
      expect(c.status).toBe(200)
      expect(c.headers['content-type']).toBe('text/event-stream; charset=utf-8')
      expect(c.headers['cache-control']).toBe('no-cache')
      expect(c.headers['x-accel-buffering']).toBe('no')
      await c.until((r) => r.some((e) => e.retry !== undefined))
    })

    it('sends a heartbeat comment', async () => {
      const c = await events('/v1/events')
      await c.until((r) => r.some((e) => e.comment === 'keep-alive'))
    })
  })

  describe('when ?from=I is given', () => {
    it('replays from I, then sends live events; each data is the receipt', async () => {
      await commit(3)
      const c = await events('/v1/events?from=1')
      await c.until((r) => idsOf(r).length === 2)
      await commit(2)
      await c.until((r) => idsOf(r).length === 4)
      expect(idsOf(c.received)).toEqual([1, 2, 3, 4])
      for (const e of c.received.filter((x) => x.id !== undefined)) {
        const receipt = JSON.parse(e.data!) as Receipt
        expect(receipt.index).toBe(Number(e.id))
        expect(receipt).toEqual(JSON.parse((await h.app.inject({ url: `/v1/tx/${receipt.txId}` })).body))
      }
    })

    it('waits for an index not yet committed', async () => {
      const c = await events('/v1/events?from=2')
      await commit(3)
      await c.until((r) => idsOf(r).length === 1)
      expect(idsOf(c.received)).toEqual([2])
    })
  })

  describe('when Last-Event-ID is given', () => {
    it('resumes after it', async () => {
      await commit(4)
      const c = await events('/v1/events', { 'last-event-id': '1' })
      await c.until((r) => idsOf(r).length === 2)
      expect(idsOf(c.received)).toEqual([2, 3])
    })

    it('wins over ?from, as on an EventSource reconnection', async () => {
      await commit(4)
      const c = await events('/v1/events?from=0', { 'last-event-id': '2' })
      await c.until((r) => idsOf(r).length === 1)
      await commit(1)
      await c.until((r) => idsOf(r).length === 2)
      expect(idsOf(c.received)).toEqual([3, 4])
    })
  })

  describe('when neither is given', () => {
    it('sends only entries committed from now on', async () => {
      await commit(2)
      const c = await events('/v1/events')
      await c.until((r) => r.some((e) => e.retry !== undefined))
      await commit(1)
      await c.until((r) => idsOf(r).length === 1)
      expect(idsOf(c.received)).toEqual([2])
    })
  })

  describe('when the client disconnects', () => {
    it('unsubscribes from the node', async () => {
      let live = 0
      const subscribe = h.node.subscribe.bind(h.node)
      h.node.subscribe = (from, listener) => {
        live++
        const stop = subscribe(from, listener)
        return () => {
          live--
          stop()
        }
      }
      const c = await events('/v1/events?from=0')
      await c.until((r) => r.length > 0)
      expect(live).toBe(1)
      c.close()
      const deadline = Date.now() + 5000
      while (live > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      expect(live).toBe(0)
    })
  })

  describe('when the app closes', () => {
    it('ends open streams so that the server can stop', async () => {
      const c = await events('/v1/events')
      await c.until((r) => r.length > 0)
      await h.app.close()
      await c.ended
    })
  })

  describe('when the resume point is malformed', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['?from=-1', {}, 'PARAM_INVALID'],
      ['?from=1e3', {}, 'PARAM_INVALID'],
      ['?from=9007199254740992', {}, 'PARAM_INVALID'],
      ['?from=1&from=2', {}, 'PARAM_REPEATED'],
      ['?since=1', {}, 'PARAM_UNKNOWN'],
      ['', { 'last-event-id': 'abc' }, 'PARAM_INVALID'],
      ['', { 'last-event-id': '' }, 'PARAM_INVALID'],
      ['', { 'last-event-id': '99999999999999999' }, 'PARAM_INVALID'],
    ]
    for (const [query, headers, code] of cases) {
      it(`answers 400 ${code} for ${query || JSON.stringify(headers)}`, async () => {
        expectError(await h.app.inject({ url: `/v1/events${query}`, headers }), 400, code)
      })
    }
  })
})
