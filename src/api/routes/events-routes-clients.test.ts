import type { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiHarness, type ApiHarness } from '../testing/api-harness.js'

let h: ApiHarness | undefined
const streams: Readable[] = []
afterEach(async () => {
  for (const s of streams.splice(0)) s.destroy()
  await h?.close()
  h = undefined
})

/** Opens `GET /v1/events` from `remoteAddress`: the answer's status once its headers are sent. */
async function open(remoteAddress: string): Promise<{ statusCode: number; body: () => Promise<string> }> {
  const res = await h!.app.inject({ url: '/v1/events', remoteAddress, payloadAsStream: true })
  const stream = res.stream()
  streams.push(stream)
  return {
    statusCode: res.statusCode,
    body: async () => {
      let text = ''
      for await (const chunk of stream) text += String(chunk)
      return text
    },
  }
}

describe('GET /v1/events', () => {
  describe.each([
    ['two addresses of one IPv6 /64', '2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:3::1'],
    ['one IPv4 client seen as 127.0.0.1 and as ::ffff:127.0.0.1', '127.0.0.1', '::ffff:127.0.0.1', '127.0.0.2'],
  ])('when %s open streams', (_case, first, second, other) => {
    it('counts them as one client against the per-client cap, and another client apart', async () => {
      h = await createApiHarness({ sse: { maxStreamsPerClient: 1, maxStreams: 10 } })
      expect((await open(first)).statusCode).toBe(200)
      const refused = await open(second)
      expect(refused.statusCode).toBe(429)
      expect(JSON.parse(await refused.body()).error.code).toBe('EVENT_STREAMS_CLIENT_LIMIT')
      expect((await open(other)).statusCode).toBe(200)
    })
  })
})
