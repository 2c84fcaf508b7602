import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Receipt } from '../../core/runtime/receipt.js'
import { KeyPair } from '../../core/keys/key-pair.js'
import { createClient, type FetchFunction } from '../create-client.js'
import { listenApi, type ListeningApi } from '../../../../../src/api/testing/listen-api.js'
import { sendTransaction } from './send-transaction.js'
import { streamReceipts } from './stream-receipts.js'
import { caught } from '../testing/caught.js'

let api: ListeningApi
const register = (name: string) => sendTransaction(api.client, { signer: KeyPair.generate(), contract: 'identity', method: 'register', args: { name }, wait: true })

beforeAll(async () => {
  api = await listenApi()
  await register('Siti Rahayu')
  await register('Budi Santoso')
})
afterAll(async () => {
  await api.close()
})

async function take(stream: AsyncIterable<Receipt>, n: number): Promise<Receipt[]> {
  const out: Receipt[] = []
  for await (const r of stream) {
    out.push(r)
    if (out.length === n) break
  }
  return out
}

describe('streamReceipts', () => {
  describe('when asked from an index', () => {
    it('yields the receipts of the committed entries from there, in log order', async () => {
      const size = api.node.size()
      const got = await take(streamReceipts(api.client, { from: size - 2 }), 2)
      expect(got.map((r) => r.index)).toEqual([size - 2, size - 1])
      expect(got[1]).toEqual(await api.node.receipt(got[1]!.txId))
    })
  })

  describe('when entries are committed while streaming', () => {
    it('yields them as they come', async () => {
      const stream = streamReceipts(api.client, { from: api.node.size() })
      const next = stream.next()
      const committed = await register('Dewi Lestari')
      expect((await next).value).toEqual(committed)
      await stream.return()
    })
  })

  describe('when the signal aborts while streaming', () => {
    it('ends the stream', async () => {
      const stop = new AbortController()
      let opened!: () => void
      const open = new Promise<void>((done) => (opened = done))
      const fetch: FetchFunction = async (input, init) => {
        const res = await globalThis.fetch(input, init)
        opened()
        return res
      }
      const next = streamReceipts(createClient({ url: api.url, fetch }), { signal: stop.signal }).next()
      await open
      stop.abort()
      expect(await next).toEqual({ done: true, value: undefined })
    })
  })

  describe('when the signal aborts before the node answers', () => {
    it('ends the stream', async () => {
      expect(await streamReceipts(api.client, { signal: AbortSignal.abort() }).next()).toEqual({ done: true, value: undefined })
    })
  })

  describe('when the node refuses the request', () => {
    it('throws its error', async () => {
      const fetch: FetchFunction = async () => new Response('{"error":{"code":"PARAM_INVALID","message":"bad","details":{}}}', { status: 400 })
      const e = await caught(streamReceipts(createClient({ url: api.url, fetch }), { from: 1 }).next())
      expect(e).toMatchObject({ code: 'PARAM_INVALID', status: 400 })
    })
  })

  describe('when an event holds data that is not JSON', () => {
    it('throws CLIENT_NOT_JSON', async () => {
      const fetch: FetchFunction = async () => new Response('id: 0\ndata: {oops\n\n', { status: 200, headers: { 'content-type': 'text/event-stream' } })
      const e = await caught(streamReceipts(createClient({ url: api.url, fetch })).next())
      expect(e).toMatchObject({ code: 'CLIENT_NOT_JSON', text: '{oops' })
    })
  })

  describe('when events come split across chunks, with CRLF and comments', () => {
    it('parses each whole event once', async () => {
      const text = ': heartbeat\r\n\r\nid: 0\r\ndata: {"index":0}\r\n\r\nid: 1\ndata: {"index":1}\n\n'
      const bytes = new TextEncoder().encode(text)
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7))
          c.close()
        },
      })
      const fetch: FetchFunction = async () => new Response(body, { status: 200 })
      expect((await take(streamReceipts(createClient({ url: api.url, fetch })), 5)).map((r) => r.index)).toEqual([0, 1])
    })
  })
})
