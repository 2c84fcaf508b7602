import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SaksiError } from '../../../packages/saksi/src/core/errors.js'
import { formatTime } from '../../../packages/saksi/src/core/encoding/time.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { buildApi } from '../build-api.js'
import { createApiHarness, expectError, type ApiHarness } from '../testing/api-harness.js'
import { FakeNode } from '../testing/fake-node.js'

describe('POST /v1/tx', () => {
  let h: ApiHarness
  beforeEach(async () => {
    h = await createApiHarness({ waitTimeoutMs: 2000 })
  })
  afterEach(() => h.close())

  describe('when the envelope is valid', () => {
    it('answers 202 {txId} once admitted', async () => {
      const e = h.envelope()
      const res = await h.submit(e.text)
      expect(res.statusCode).toBe(202)
      expect(JSON.parse(res.body)).toEqual({ txId: e.txId })
      expect(res.headers['content-type']).toMatch(/^application\/json/)
    })

    it('answers 200 with the receipt with wait=true once committed', async () => {
      const e = h.envelope()
      const res = await h.submit(e.text, '?wait=true')
      expect(res.statusCode).toBe(200)
      const receipt = JSON.parse(res.body)
      expect(receipt).toMatchObject({ txId: e.txId, status: 'ok', index: 0, events: [{ type: 'identity.Registered' }] })
      expect(Object.keys(receipt).sort()).toEqual(['block', 'events', 'index', 'status', 'time', 'txId'])
    })

    it('answers 200 with a failed receipt for a call the contract refuses (it is committed)', async () => {
      const key = KeyPair.generate()
      expect((await h.submit(h.envelope({}, key).text, '?wait=true')).statusCode).toBe(200)
      const res = await h.submit(h.envelope({ args: { name: 'again' } }, key).text, '?wait=true')
      expect(res.statusCode).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({ status: 'failed', code: 'IDENTITY_EXISTS', events: [] })
    })

    it('accepts application/json with charset=utf-8 and wait=false', async () => {
      const res = await h.submit(h.envelope().text, '?wait=false', { 'content-type': 'application/json; charset=UTF-8' })
      expect(res.statusCode).toBe(202)
    })

    it('accepts an envelope of exactly 64 KiB', async () => {
      const e = h.envelope()
      const text = e.text.replace(/}$/, ' '.repeat(64 * 1024 - Buffer.byteLength(e.text)) + '}')
      expect(Buffer.byteLength(text)).toBe(64 * 1024)
      expect((await h.submit(text)).statusCode).toBe(202)
    })
  })

  describe('when the transaction is not committed within the wait', () => {
    it('answers 202 {txId}', async () => {
      const node = new FakeNode()
      const app = buildApi(node, { waitTimeoutMs: 50 })
      const e = h.envelope()
      const res = await app.inject({ method: 'POST', url: '/v1/tx?wait=true', payload: e.text, headers: { 'content-type': 'application/json' } })
      expect(res.statusCode).toBe(202)
      expect(JSON.parse(res.body)).toEqual({ txId: e.txId })
      await app.close()
    })
  })

  describe('when the envelope is malformed', () => {
    const cases: [string, (text: string) => string, string][] = [
      ['not JSON', () => '{"tx":', 'JSON_MALFORMED'],
      ['empty', () => '', 'JSON_MALFORMED'],
      ['a JSON array', () => '[]', 'TX_ENVELOPE_INVALID'],
      ['with a duplicate key', (t) => t.replace('{"tx":', '{"sig":"x","tx":'), 'JSON_DUPLICATE_KEY'],
      ['with an unknown envelope field', (t) => t.replace('{"tx":', '{"extra":1,"tx":'), 'TX_FIELD_UNKNOWN'],
      ['with an unknown tx field', (t) => t.replace('"v":1', '"v":1,"extra":true'), 'TX_FIELD_UNKNOWN'],
      ['with a missing field', (t) => t.replace(/"nonce":"[^"]*",/, ''), 'TX_FIELD_MISSING'],
      ['with a wrong type', (t) => t.replace('"v":1', '"v":"1"'), 'TX_FIELD_TYPE'],
      ['with an unsafe number', (t) => t.replace('"name":"Siti Rahayu"', '"name":12345678901234567890'), 'JSON_NUMBER_UNSAFE'],
      ['nested too deeply', (t) => t.replace('"name":"Siti Rahayu"', `"name":${'['.repeat(100)}${']'.repeat(100)}`), 'JSON_TOO_DEEP'],
      ['with a byte order mark', (t) => '\uFEFF' + t, 'JSON_MALFORMED'],
    ]
    for (const [name, mutate, code] of cases) {
      it(`answers 400 ${code} for an envelope ${name}`, async () => {
        const res = await h.submit(mutate(h.envelope().text))
        expectError(res, 400, code)
      })
    }

    it('answers 400 JSON_INVALID_UNICODE for bytes that are not UTF-8, as the bytes were sent', async () => {
      const text = h.envelope().text
      const bytes = Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(40))])
      expectError(await h.submit(bytes), 400, 'JSON_INVALID_UNICODE')
    })
  })

  describe('when the signature does not verify', () => {
    it('answers 401 TX_BAD_SIGNATURE', async () => {
      const a = h.envelope()
      const otherSig = (JSON.parse(h.envelope().text) as { sig: string }).sig
      expectError(await h.submit(a.text.replace(/"sig":"[^"]*"/, `"sig":"${otherSig}"`)), 401, 'TX_BAD_SIGNATURE')
    })
  })

  describe('when the transaction is for another network or outside the window', () => {
    it('answers 422 TX_WRONG_NETWORK', async () => {
      expectError(await h.submit(h.envelope({ network: 'kota-lain' }).text), 422, 'TX_WRONG_NETWORK')
    })
    it('answers 422 TX_EXPIRED', async () => {
      expectError(await h.submit(h.envelope({ expiresAt: formatTime(Date.now() - 1000) }).text), 422, 'TX_EXPIRED')
    })
    it('answers 422 TX_TOO_FAR_AHEAD', async () => {
      expectError(await h.submit(h.envelope({ expiresAt: formatTime(Date.now() + 2 * 3600_000) }).text), 422, 'TX_TOO_FAR_AHEAD')
    })
  })

  describe('when the call is malformed or its arguments hold personal data', () => {
    it('answers 422 with the code, the path and the reason, and logs nothing', async () => {
      expectError(await h.submit(h.envelope({ contract: 'bogus', method: 'x', args: { nik: '3273012345678901' } }).text), 422, 'CONTRACT_UNKNOWN')
      expectError(await h.submit(h.envelope({ method: 'nosuch', args: {} }).text), 422, 'METHOD_UNKNOWN')
      const invalid = expectError(await h.submit(h.envelope({ args: { name: 'x'.repeat(101) } }).text), 422, 'ARGS_INVALID')
      expect(invalid.details).toEqual({ path: 'args.name' })
      expect(invalid.message).toContain('args.name')
      const nik = expectError(await h.submit(h.envelope({ args: { name: 'NIK 3273012345678901' } }).text), 422, 'ARGS_PERSONAL_DATA')
      expect(nik.details).toEqual({ reason: 'IDENTITY_NIK_IN_CLEAR' })
      const phone = expectError(await h.submit(h.envelope({ args: { name: 'WA ０８１２-３４５６-７８９０' } }).text), 422, 'ARGS_PERSONAL_DATA')
      expect(phone.details).toEqual({ path: 'args.name', reason: 'PHONE_NUMBER' })
      expect(h.node.size()).toBe(0)
    })
  })

  describe('when the transaction is a replay', () => {
    it('answers 409 with the txId at the top level, pending or committed', async () => {
      const e = h.envelope()
      expect((await h.submit(e.text)).statusCode).toBe(202)
      const pending = expectError(await h.submit(e.text), 409, 'TX_DUPLICATE')
      expect(pending.body.txId).toBe(e.txId)
      await h.node.waitForReceipt(e.txId, 2000)
      const committed = expectError(await h.submit(e.text), 409, 'TX_DUPLICATE')
      expect(committed.body.txId).toBe(e.txId)
      expect(Object.keys(committed.body).sort()).toEqual(['error', 'txId'])
    })
  })

  describe('when the body is too large', () => {
    it('answers 413 TX_TOO_LARGE for a valid envelope one byte over 64 KiB', async () => {
      const e = h.envelope()
      const text = e.text.replace(/}$/, ' '.repeat(64 * 1024 + 1 - Buffer.byteLength(e.text)) + '}')
      expect(Buffer.byteLength(text)).toBe(64 * 1024 + 1)
      expectError(await h.submit(text), 413, 'TX_TOO_LARGE')
    })
    it('answers 413 TX_TOO_LARGE for a huge body without reading it', async () => {
      expectError(await h.submit(Buffer.alloc(5 * 1024 * 1024, 0x20)), 413, 'TX_TOO_LARGE')
    })
  })

  describe('when the body is not application/json', () => {
    const cases: [string, Record<string, string>][] = [
      ['text/plain', { 'content-type': 'text/plain' }],
      ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['a JSON-like type', { 'content-type': 'application/jsonp' }],
      ['another charset', { 'content-type': 'application/json; charset=latin1' }],
      ['a content coding', { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
      ['no content type', {}],
    ]
    for (const [name, headers] of cases) {
      it(`answers 415 MEDIA_TYPE_UNSUPPORTED for ${name}`, async () => {
        expectError(await h.submit(h.envelope().text, '', headers), 415, 'MEDIA_TYPE_UNSUPPORTED')
      })
    }
    it('answers 415 for no body at all', async () => {
      expectError(await h.app.inject({ method: 'POST', url: '/v1/tx' }), 415, 'MEDIA_TYPE_UNSUPPORTED')
    })
  })

  describe('when the query string is odd', () => {
    it('answers 400 PARAM_INVALID for wait=yes', async () => {
      expectError(await h.submit(h.envelope().text, '?wait=yes'), 400, 'PARAM_INVALID')
    })
    it('answers 400 PARAM_UNKNOWN for an unknown parameter', async () => {
      expectError(await h.submit(h.envelope().text, '?fast=true'), 400, 'PARAM_UNKNOWN')
    })
    it('answers 400 PARAM_REPEATED for wait given twice', async () => {
      expectError(await h.submit(h.envelope().text, '?wait=true&wait=false'), 400, 'PARAM_REPEATED')
    })
  })

  describe('when the node is overloaded or closing', () => {
    it('answers 503 NODE_OVERLOADED with Retry-After', async () => {
      const node = new FakeNode({ maxPending: 0 })
      const app = buildApi(node)
      const res = await app.inject({ method: 'POST', url: '/v1/tx', payload: h.envelope().text, headers: { 'content-type': 'application/json' } })
      const err = expectError(res, 503, 'NODE_OVERLOADED')
      expect(err.details).toEqual({ retryAfterSeconds: 2 })
      expect(res.headers['retry-after']).toBe('2')
      await app.close()
    })

    it('answers 503 NODE_CLOSED once the node is closed', async () => {
      await h.node.close()
      expectError(await h.submit(h.envelope().text), 503, 'NODE_CLOSED')
    })

    it('gives Retry-After 1 when the node names no delay', async () => {
      const node = new FakeNode()
      node.submit = async () => {
        throw new SaksiError('NODE_OVERLOADED', 'busy', undefined, 'internal')
      }
      const app = buildApi(node)
      const res = await app.inject({ method: 'POST', url: '/v1/tx', payload: '{}', headers: { 'content-type': 'application/json' } })
      expectError(res, 503, 'NODE_OVERLOADED')
      expect(res.headers['retry-after']).toBe('1')
      await app.close()
    })
  })
})

describe('GET /v1/tx/{txId}', () => {
  let h: ApiHarness
  beforeEach(async () => {
    h = await createApiHarness()
  })
  afterEach(() => h.close())

  describe('when the transaction is committed', () => {
    it('answers the receipt', async () => {
      const e = h.envelope()
      await h.submit(e.text, '?wait=true')
      const res = await h.app.inject({ url: `/v1/tx/${e.txId}` })
      expect(res.statusCode).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({ txId: e.txId, status: 'ok', index: 0, block: 1 })
    })
  })

  describe('when the transaction is admitted but not committed', () => {
    it('answers {txId, status: "pending"}', async () => {
      const node = new FakeNode()
      const app = buildApi(node)
      const e = h.envelope()
      await app.inject({ method: 'POST', url: '/v1/tx', payload: e.text, headers: { 'content-type': 'application/json' } })
      const res = await app.inject({ url: `/v1/tx/${e.txId}` })
      expect(res.statusCode).toBe(200)
      expect(JSON.parse(res.body)).toEqual({ txId: e.txId, status: 'pending' })
      await app.close()
    })
  })

  describe('when the transaction is unknown', () => {
    it('answers 404 TX_NOT_FOUND', async () => {
      expectError(await h.app.inject({ url: `/v1/tx/${'a'.repeat(64)}` }), 404, 'TX_NOT_FOUND')
    })
  })

  describe('when the id is not 64 lowercase hex digits', () => {
    for (const id of ['abc', 'A'.repeat(64), 'g'.repeat(64), 'a'.repeat(65), '%20' + 'a'.repeat(61)]) {
      it(`answers 400 PARAM_INVALID for ${id.slice(0, 12)}…`, async () => {
        const err = expectError(await h.app.inject({ url: `/v1/tx/${id}` }), 400, 'PARAM_INVALID')
        expect(err.details).toEqual({ in: 'path', name: 'txId' })
      })
    }
  })
})
