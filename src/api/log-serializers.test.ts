import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApi } from './build-api.js'
import { FakeNode } from './testing/fake-node.js'

const NIK = '3201010101900001'

function capture(): { logs: string[]; stream: Writable } {
  const logs: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString())
      done()
    },
  })
  return { logs, stream }
}

describe('redactingLogger', () => {
  let app: ReturnType<typeof buildApi> | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  describe('when a request carries personal data in its query string', () => {
    it('logs the path and parameter names, never the values', async () => {
      const { logs, stream } = capture()
      app = buildApi(new FakeNode(), { logger: { level: 'info', stream } })
      await app.inject({ url: `/v1/contracts/identity/queries/get?did=${NIK}&nama=Siti%20Rahayu` })
      const text = logs.join('')
      expect(text).not.toContain(NIK)
      expect(text).not.toContain('Siti')
      const incoming = logs.map((l) => JSON.parse(l) as { req?: { url?: string; method?: string } }).find((l) => l.req)
      expect(incoming?.req).toMatchObject({ method: 'GET', url: '/v1/contracts/identity/queries/get?did=[redacted]&nama=[redacted]' })
    })
  })

  describe('when the logger is off', () => {
    it('builds the app without one', async () => {
      app = buildApi(new FakeNode(), { logger: false })
      expect((await app.inject({ url: '/v1/network' })).statusCode).toBe(200)
    })
  })
})
