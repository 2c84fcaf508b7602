import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApi } from '../build-api.js'
import { LargeLogNode } from '../testing/large-log-node.js'
import { openRaw, type RawStream } from '../testing/raw-stream.js'

const STREAMS = 1000
const LOG = 100_000

describe('GET /v1/events', () => {
  let app: FastifyInstance | undefined
  let node: LargeLogNode | undefined
  const open: RawStream[] = []
  afterEach(async () => {
    for (const s of open.splice(0)) s.close()
    await app?.close()
    await node?.close()
  })

  const listen = async (options: Parameters<typeof buildApi>[1]) => {
    node = new LargeLogNode(LOG)
    app = buildApi(node, options)
    await app.listen({ port: 0, host: '127.0.0.1' })
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  }

  describe(`when ${STREAMS.toLocaleString('en-US')} streams replay a ${LOG.toLocaleString('en-US')}-entry log`, () => {
    it('keeps answering GET /v1/network', async () => {
      const base = await listen({ sse: { maxStreams: STREAMS, maxStreamsPerClient: STREAMS + 1 } })
      for (let i = 0; i < STREAMS; i += 100) {
        open.push(...(await Promise.all(Array.from({ length: 100 }, () => openRaw(`${base}/v1/events?from=0`)))))
      }
      expect(open.every((s) => s.status === 200)).toBe(true)
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${base}/v1/network`, { signal: AbortSignal.timeout(30_000) })
        expect(res.status).toBe(200)
        expect(((await res.json()) as { network: string }).network).toBe('kota-contoh')
      }
      // The streams were replaying meanwhile, not waiting for /v1/network to finish.
      expect(node!.receiptsRead).toBeGreaterThan(STREAMS)
      expect(open.reduce((n, s) => n + s.bytes, 0)).toBeGreaterThan(0)
      const extra = await openRaw(`${base}/v1/events?from=0`, 'keep')
      open.push(extra)
      await extra.closed
      expect(extra.status).toBe(503)
      expect(JSON.parse(extra.text()).error.code).toBe('EVENT_STREAMS_NODE_LIMIT')
    }, 300_000)
  })

  describe('when a client opens more streams than one client may', () => {
    it('refuses the next one with 429 EVENT_STREAMS_CLIENT_LIMIT and Retry-After until one closes', async () => {
      const base = await listen({ sse: { maxStreamsPerClient: 2, maxStreams: 10, retryAfterSeconds: 7 } })
      const first = await openRaw(`${base}/v1/events`)
      open.push(first, await openRaw(`${base}/v1/events`))
      const refused = await openRaw(`${base}/v1/events`, 'keep')
      await refused.closed
      expect(refused.status).toBe(429)
      expect(refused.headers['retry-after']).toBe('7')
      const body = JSON.parse(refused.text()) as { error: { code: string; details: Record<string, unknown> } }
      expect(body.error).toMatchObject({ code: 'EVENT_STREAMS_CLIENT_LIMIT', details: { limit: 2, retryAfterSeconds: 7 } })
      first.close()
      await first.closed
      await expect.poll(async () => (await openRaw(`${base}/v1/events`).then((s) => (open.push(s), s))).status, { timeout: 10_000 }).toBe(200)
    })
  })

  describe('when the node serves as many streams as it may', () => {
    it('refuses the next one with 503 EVENT_STREAMS_NODE_LIMIT and Retry-After', async () => {
      const base = await listen({ sse: { maxStreamsPerClient: 5, maxStreams: 2 } })
      open.push(await openRaw(`${base}/v1/events`), await openRaw(`${base}/v1/events`))
      const refused = await openRaw(`${base}/v1/events`, 'keep')
      await refused.closed
      expect(refused.status).toBe(503)
      expect(refused.headers['retry-after']).toBe('10')
      expect((JSON.parse(refused.text()) as { error: { code: string } }).error.code).toBe('EVENT_STREAMS_NODE_LIMIT')
    })
  })

  describe('when a client replays from 0 and reads nothing', () => {
    it('reads no more of the log than the socket buffers hold, then disconnects it', async () => {
      const base = await listen({ sse: { stallMs: 500, maxStreamsPerClient: 1 } })
      open.push(await openRaw(`${base}/v1/events?from=0`, 'stall'))
      // The node closes it (a paused client does not see that): its one slot is free again.
      await expect.poll(async () => (await openRaw(`${base}/v1/events`).then((s) => (open.push(s), s))).status, { timeout: 20_000, interval: 200 }).toBe(200)
      // About 60 MB of history; loopback socket buffers hold a few MB at most.
      expect(node!.receiptsRead).toBeGreaterThan(0)
      expect(node!.receiptsRead).toBeLessThan(LOG / 4)
    })
  })
})
