import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signTx } from '../core/tx/sign-tx.js'
import { KeyPair } from '../core/keys/key-pair.js'
import { FakeNode, TEST_NODE_KEY } from '../../../../src/api/testing/fake-node.js'
import { signIn } from './actions/sign-in.js'
import { withSession } from './utils/with-session.js'
import { getTransaction } from './actions/get-transaction.js'
import { submitTransaction } from './actions/submit-transaction.js'
import { getNetwork } from './actions/get-network.js'
import { createClient, type FetchFunction } from './create-client.js'
import { SaksiApiError } from './errors/saksi-api-error.js'
import { SaksiNetworkError } from './errors/saksi-network-error.js'
import { listenApi, type ListeningApi } from '../../../../src/api/testing/listen-api.js'
import { requestJson } from './utils/request-json.js'
import { caught } from './testing/caught.js'

const envelope = (network: string) => signTx({ network, contract: 'identity', method: 'register', args: { name: 'Siti Rahayu' } }, KeyPair.generate())

/** A fetch that answers `status` with `body` and counts its calls. */
function answering(status: number, body: string, headers: Record<string, string> = {}): FetchFunction & { calls: RequestInit[] } {
  const calls: RequestInit[] = []
  return Object.assign(async (_input: string, init: RequestInit) => {
    calls.push(init)
    return new Response(body, { status, headers })
  }, { calls })
}

describe('createClient', () => {
  let api: ListeningApi
  beforeAll(async () => {
    api = await listenApi()
  })
  afterAll(async () => {
    await api.close()
  })

  describe('when the URL is not an http(s) URL', () => {
    it('refuses it with CLIENT_URL_INVALID and the reason', () => {
      expect(() => createClient({ url: 'not a url' })).toThrow(expect.objectContaining({ code: 'CLIENT_URL_INVALID', details: { url: 'not a url', reason: 'syntax' } }))
      expect(() => createClient({ url: 'ftp://127.0.0.1' })).toThrow(expect.objectContaining({ code: 'CLIENT_URL_INVALID', details: { url: 'ftp://127.0.0.1', reason: 'protocol' } }))
    })
  })

  describe('when the URL has a path or trailing slashes', () => {
    it('keeps the path and drops the slashes', () => {
      expect(createClient({ url: 'https://saksi.example/node//' }).url).toBe('https://saksi.example/node')
      expect(createClient({ url: 'http://127.0.0.1:8080' }).url).toBe('http://127.0.0.1:8080')
    })
  })

  describe('when the node answers 404 with the protocol error body', () => {
    it('throws a SaksiApiError with its code, message, details and status', async () => {
      const txId = 'ab'.repeat(32)
      const e = await caught(getTransaction(api.client, { txId }))
      expect(e).toBeInstanceOf(SaksiApiError)
      expect(e).toMatchObject({ code: 'TX_NOT_FOUND', status: 404, kind: 'not_found', details: { txId }, method: 'GET', url: `${api.url}/v1/tx/${txId}`, txId: undefined })
      expect((e as SaksiApiError).message).toBe('no transaction with this id is known to this node')
      expect((e as SaksiApiError).errorBody?.error.code).toBe('TX_NOT_FOUND')
    })
  })

  describe('when a transaction is submitted twice', () => {
    it('throws TX_DUPLICATE (409) carrying the known txId', async () => {
      const p = envelope(api.node.info().network)
      await submitTransaction(api.client, { envelope: p.envelope })
      const e = await caught(submitTransaction(api.client, { envelope: p.envelope }))
      expect(e).toBeInstanceOf(SaksiApiError)
      expect(e).toMatchObject({ code: 'TX_DUPLICATE', status: 409, kind: 'conflict', txId: p.txId })
    })
  })

  describe('when the node is overloaded (503 with Retry-After)', () => {
    let busy: ListeningApi
    beforeAll(async () => {
      busy = await listenApi(new FakeNode({ maxPending: 0 }))
    })
    afterAll(async () => {
      await busy.close()
    })

    it('throws NODE_OVERLOADED with retryAfterSeconds when retries are off', async () => {
      const e = await caught(submitTransaction(busy.clientWith({ retry: false }), { envelope: envelope('kota-contoh').envelope }))
      expect(e).toBeInstanceOf(SaksiApiError)
      expect(e).toMatchObject({ code: 'NODE_OVERLOADED', status: 503, kind: 'internal', retryAfterSeconds: 2 })
    })

    it('asks again `count` times, then throws', async () => {
      let calls = 0
      const fetch: FetchFunction = (input, init) => {
        calls++
        return globalThis.fetch(input, init)
      }
      const e = await caught(submitTransaction(busy.clientWith({ fetch, retry: { count: 2, maxDelayMs: 0 } }), { envelope: envelope('kota-contoh').envelope }))
      expect(e).toMatchObject({ code: 'NODE_OVERLOADED' })
      expect(calls).toBe(3)
    })
  })

  describe('when a 503 is followed by an answer', () => {
    it('returns the answer', async () => {
      let calls = 0
      const fetch: FetchFunction = async (input, init) => (calls++ === 0 ? new Response('{}', { status: 503, headers: { 'retry-after': '1' } }) : globalThis.fetch(input, init))
      expect((await getNetwork(api.clientWith({ fetch, retry: { maxDelayMs: 0 } }))).network).toBe('kota-contoh')
      expect(calls).toBe(2)
    })
  })

  describe('when a 429 with Retry-After is followed by an answer', () => {
    it('waits and asks again when Retry-After is within maxDelayMs, and not when it is longer', async () => {
      let calls = 0
      const limited = (after: string): FetchFunction => async (input, init) =>
        calls++ === 0 ? new Response('{"error":{"code":"RATE_LIMITED","message":"slow down"}}', { status: 429, headers: { 'retry-after': after } }) : globalThis.fetch(input, init)
      expect((await getNetwork(api.clientWith({ fetch: limited('1'), retry: { maxDelayMs: 1000 } }))).network).toBe('kota-contoh')
      expect(calls).toBe(2)
      calls = 0
      expect(await caught(getNetwork(api.clientWith({ fetch: limited('3600'), retry: { maxDelayMs: 1000 } })))).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 3600 })
      expect(calls).toBe(1)
    })
  })

  describe('when nothing listens at the URL', () => {
    it('throws a SaksiNetworkError CLIENT_NETWORK naming the URL and the reason', async () => {
      const server = createServer()
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
      const { port } = server.address() as { port: number }
      await new Promise((done) => server.close(done))
      const e = await caught(getNetwork(createClient({ url: `http://127.0.0.1:${port}` })))
      expect(e).toBeInstanceOf(SaksiNetworkError)
      expect(e).toMatchObject({ code: 'CLIENT_NETWORK', reason: 'ECONNREFUSED', method: 'GET', url: `http://127.0.0.1:${port}/v1/network` })
      expect((e as Error).message).toBe(`cannot reach http://127.0.0.1:${port}/v1/network: ECONNREFUSED`)
    })
  })

  describe('when no answer comes within the timeout', () => {
    it('throws CLIENT_TIMEOUT', async () => {
      const fetch: FetchFunction = (_input, init) => new Promise((_ok, fail) => init.signal!.addEventListener('abort', () => fail(init.signal!.reason)))
      expect(await caught(getNetwork(createClient({ url: api.url, fetch, timeoutMs: 1 })))).toMatchObject({ code: 'CLIENT_TIMEOUT' })
    })
  })

  describe("when the caller's signal aborts", () => {
    it('throws CLIENT_ABORTED', async () => {
      const e = await caught(api.client.request({ path: '/v1/network', signal: AbortSignal.abort() }))
      expect(e).toBeInstanceOf(SaksiNetworkError)
      expect(e).toMatchObject({ code: 'CLIENT_ABORTED' })
    })
  })

  describe('when the answer is not JSON', () => {
    it('throws CLIENT_NOT_JSON with the status and the text', async () => {
      const session = await signIn(api.client, { key: TEST_NODE_KEY, network: api.node.info().network })
      const e = await caught(requestJson(withSession(api.client, session), { path: '/metrics' }))
      expect(e).toBeInstanceOf(SaksiApiError)
      expect(e).toMatchObject({ code: 'CLIENT_NOT_JSON', status: 200, body: undefined })
      expect((e as SaksiApiError).text).toContain('# HELP')
    })
  })

  describe('when an error status has no protocol error body (a proxy page)', () => {
    it('throws CLIENT_HTTP_STATUS with the status, and the page as text', async () => {
      const fetch = answering(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' })
      const e = await caught(getNetwork(createClient({ url: 'http://127.0.0.1:1', fetch })))
      expect(e).toMatchObject({ code: 'CLIENT_HTTP_STATUS', status: 502, kind: 'internal', text: '<html>Bad Gateway</html>', errorBody: undefined, message: 'GET /v1/network answered 502 (no protocol error body)' })
    })
  })

  describe('when headers are configured', () => {
    it('sends them with every request, with Accept and the JSON content type', async () => {
      const fetch = answering(202, '{"txId":"x"}')
      const client = createClient({ url: 'http://127.0.0.1:1', fetch, headers: { authorization: 'Bearer t' } })
      await submitTransaction(client, { envelope: '{}' })
      expect(fetch.calls[0]).toMatchObject({ method: 'POST', body: '{}', headers: { authorization: 'Bearer t', accept: 'application/json', 'content-type': 'application/json' } })
    })
  })
})
