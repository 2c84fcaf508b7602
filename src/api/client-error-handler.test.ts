import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiHarness, type ApiHarness } from './testing/api-harness.js'

describe('clientErrorHandler', () => {
  let h: ApiHarness
  let port: number
  beforeAll(async () => {
    h = await createApiHarness()
    await h.app.listen({ port: 0, host: '127.0.0.1' })
    port = (h.app.server.address() as AddressInfo).port
  })
  afterAll(() => h.close())

  /** Sends raw bytes and reads until the server closes the connection. */
  const raw = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(text))
      let out = ''
      socket.on('data', (d: Buffer) => (out += d.toString()))
      socket.on('close', () => resolve(out))
      socket.on('error', reject)
      socket.setTimeout(5000, () => socket.destroy(new Error('timeout')))
    })

  const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as { error: { code: string } }

  describe('when the request is not HTTP', () => {
    it('answers 400 REQUEST_MALFORMED with the protocol body', async () => {
      const res = await raw('HELLO THERE\r\n\r\n')
      expect(res).toMatch(/^HTTP\/1.1 400 /)
      expect(bodyOf(res).error.code).toBe('REQUEST_MALFORMED')
    })
  })

  describe('when Content-Length is not a number', () => {
    it('answers 400 REQUEST_MALFORMED', async () => {
      const res = await raw('POST /v1/tx HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}')
      expect(res).toMatch(/^HTTP\/1.1 400 /)
      expect(bodyOf(res).error.code).toBe('REQUEST_MALFORMED')
    })
  })

  describe('when the headers are too large', () => {
    it('answers 431 HEADERS_TOO_LARGE', async () => {
      const res = await raw(`GET /v1/network HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`)
      expect(res).toMatch(/^HTTP\/1.1 431 /)
      expect(bodyOf(res).error.code).toBe('HEADERS_TOO_LARGE')
    })
  })

  describe('when the body is shorter than its Content-Length', () => {
    it('does not answer 5xx', async () => {
      const res = await raw('POST /v1/tx HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"tx":')
      expect(res).not.toMatch(/^HTTP\/1.1 5/)
    })
  })
})
