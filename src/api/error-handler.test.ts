import { connect, type AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { AuthorizationError, ConflictError, NotFoundError, SaksiError, StorageError, ValidationError, VerificationError } from '../../packages/saksi/src/core/errors.js'
import { TransactionRefused } from '../../packages/saksi/src/core/runtime/transaction-refused.js'
import { apiError } from './api-errors.js'
import { buildApi } from './build-api.js'
import { toHttpError } from './error-handler.js'
import { expectError } from './testing/api-harness.js'
import { FakeNode } from './testing/fake-node.js'
import { catalogueOf } from 'saksi/catalogue'
import { serviceContracts } from '../services/registry.js'

/** The catalogue the API builds for the registry's services. */
const SERVICE_CATALOGUE = catalogueOf(serviceContracts())

describe('toHttpError', () => {
  describe('when given a node or core error', () => {
    const cases: [string, SaksiError, number][] = [
      ['a parse code', new ValidationError('TX_FIELD_MISSING', 'm'), 400],
      ['a JSON code', new ValidationError('JSON_DUPLICATE_KEY', 'm'), 400],
      ['a screen refusal', new ValidationError('IDENTITY_NIK_IN_CLEAR', 'm', { screened: true }), 400],
      ['TX_TOO_LARGE', new ValidationError('TX_TOO_LARGE', 'm'), 413],
      ['TX_BAD_SIGNATURE', new VerificationError('TX_BAD_SIGNATURE', 'm'), 401],
      ['TX_WRONG_NETWORK', new ValidationError('TX_WRONG_NETWORK', 'm'), 422],
      ['TX_EXPIRED', new ValidationError('TX_EXPIRED', 'm'), 422],
      ['TX_TOO_FAR_AHEAD', new ValidationError('TX_TOO_FAR_AHEAD', 'm'), 422],
      ['TX_DUPLICATE', new ConflictError('TX_DUPLICATE', 'm', { txId: 'ab' }), 409],
      ['NODE_OVERLOADED (kind internal)', new SaksiError('NODE_OVERLOADED', 'm', { retryAfterSeconds: 3 }, 'internal'), 503],
      ['NODE_CLOSED', new SaksiError('NODE_CLOSED', 'm', undefined, 'internal'), 503],
      ['a code the catalogue calls not_found, raised as another kind', new ValidationError('ENTRY_NOT_FOUND', 'm'), 404],
      ['a *_NOT_FOUND code the catalogue does not hold (no suffix guess)', new ValidationError('SOMETHING_NOT_FOUND', 'm'), 400],
      ['a contract code by its table kind', new ValidationError('WELFARE_PROGRAMME_EXISTS', 'm'), 409],
      ['a catalogue code raised as a node fault', new SaksiError('ARGS_INVALID', 'm', undefined, 'internal'), 500],
      ['a not_found kind', new NotFoundError('QUERY_UNKNOWN', 'm'), 404],
      ['an authorization kind', new AuthorizationError('ACCESS_DENIED', 'm'), 403],
      ['another conflict', new ConflictError('SOMETHING_TAKEN', 'm'), 409],
      ['another verification failure', new VerificationError('MERKLE_ROOT_MISMATCH', 'm'), 422],
      ['a storage failure', new StorageError('STORE_IO', 'm'), 500],
      ['an internal failure', new SaksiError('CONTRACT_ERROR', 'm', undefined, 'internal'), 500],
      ['a transaction refused at admission for an unknown contract (a 404 elsewhere)', new TransactionRefused('CONTRACT_UNKNOWN', 'm', {}, 'not_found'), 422],
      ['a transaction refused at admission for its arguments', new TransactionRefused('ARGS_INVALID', 'm', { path: 'args.name' }, 'validation'), 422],
      ['a sealed call refused with a conflict', new TransactionRefused('PROCUREMENT_STAGE_INVALID', 'm', { sealed: true }, 'conflict'), 409],
      ['a sealed call refused for access', new TransactionRefused('ACCESS_DENIED', 'm', { sealed: true }, 'authorization'), 422],
    ]
    for (const [name, error, status] of cases) {
      it(`maps ${name} to ${status} with its code`, () => {
        const out = toHttpError(error, undefined, SERVICE_CATALOGUE)
        expect(out.status).toBe(status)
        expect(out.body.error.code).toBe(error.code)
      })
    }

    it('puts a duplicate txId at the top level', () => {
      expect(toHttpError(new ConflictError('TX_DUPLICATE', 'dup', { txId: 'ab' })).body).toEqual({ error: { code: 'TX_DUPLICATE', message: 'dup', details: { txId: 'ab' } }, txId: 'ab' })
    })

    it('gives 503 NODE_OVERLOADED a Retry-After header from the details', () => {
      expect(toHttpError(new SaksiError('NODE_OVERLOADED', 'm', { retryAfterSeconds: 3 }, 'internal')).headers).toEqual({ 'retry-after': '3' })
      expect(toHttpError(new SaksiError('NODE_OVERLOADED', 'm', { retryAfterSeconds: -1 }, 'internal')).headers).toEqual({ 'retry-after': '1' })
    })

    it('hides the message of an unexpected node fault', () => {
      const out = toHttpError(new StorageError('STORE_IO', 'SQLITE_IOERR at /var/lib/saksi/ledger.db'))
      expect(JSON.stringify(out.body)).not.toContain('/var/lib')
      expect(out.body.error.details).toEqual({})
    })

    it('always gives details as a JSON object', () => {
      expect(toHttpError(new ValidationError('X_Y', 'm')).body.error.details).toEqual({})
      const cyclic: Record<string, unknown> = {}
      cyclic.self = cyclic
      expect(toHttpError(new ValidationError('X_Y', 'm', cyclic)).body.error.details).toEqual({})
      expect(toHttpError(new ValidationError('X_Y', 'm', { n: 10n } as never)).body.error.details).toEqual({})
    })
  })

  describe('when given an API error', () => {
    it.each([
      ['PARAM_INVALID', 400],
      ['REQUEST_TOO_LARGE', 413],
      ['MEDIA_TYPE_UNSUPPORTED', 415],
      ['ROUTE_NOT_FOUND', 404],
      ['METHOD_NOT_ALLOWED', 405],
      ['URI_TOO_LONG', 414],
      ['HEADERS_TOO_LARGE', 431],
      ['REQUEST_TIMEOUT', 408],
    ] as const)('maps %s to %i', (code, status) => {
      expect(toHttpError(apiError(code)).status).toBe(status)
    })
  })

  describe('when given anything else', () => {
    for (const thrown of [new Error('secret at /etc/saksi'), new TypeError('x is undefined'), 'a string', undefined, null, { statusCode: 400 }, Object.assign(new Error('m'), { statusCode: 404, code: 'EWHATEVER' })]) {
      it(`answers 500 INTERNAL and says nothing about ${String(thrown)}`, () => {
        const out = toHttpError(thrown)
        expect(out.status).toBe(500)
        expect(out.body.error.code).toBe('INTERNAL')
        expect(out.body.error.message).not.toMatch(/secret|undefined/)
      })
    }
  })
})

describe('the error handler', () => {
  let app: ReturnType<typeof buildApi> | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  describe('when the node throws something unexpected', () => {
    it('answers 500 INTERNAL without internals and logs the error with the request id', async () => {
      const logs: string[] = []
      const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
          logs.push(chunk.toString())
          done()
        },
      })
      const node = new FakeNode()
      node.checkpoint = async () => {
        throw new Error('disk on fire at /var/lib/saksi')
      }
      app = buildApi(node, { logger: { level: 'error', stream } })
      const res = await app.inject({ url: '/v1/log/checkpoint', headers: { 'x-request-id': 'req-42' } })
      const err = expectError(res, 500, 'INTERNAL')
      expect(err.details).toEqual({})
      expect(res.body).not.toContain('/var/lib')
      expect(res.headers['x-request-id']).toBe('req-42')
      const logged = logs.map((l) => JSON.parse(l) as { reqId?: string; err?: { message?: string } }).find((l) => l.err)
      expect(logged?.reqId).toBe('req-42')
      expect(logged?.err?.message).toContain('disk on fire')
    })
  })

  describe('when no route matches', () => {
    it('answers 404 ROUTE_NOT_FOUND', async () => {
      app = buildApi(new FakeNode())
      for (const url of ['/', '/v2/network', '/v1/networks', '/v1/log/entries', '/v1/log/entries/1/2', '/docs/static/missing.js']) {
        expectError(await app.inject({ url }), 404, 'ROUTE_NOT_FOUND')
      }
    })

    it('answers 405 METHOD_NOT_ALLOWED with Allow when the path exists', async () => {
      app = buildApi(new FakeNode())
      const cases: [string, string, string][] = [
        ['DELETE', '/v1/network', 'GET, HEAD'],
        ['GET', '/v1/tx', 'POST'],
        ['PUT', '/v1/tx', 'POST'],
        ['OPTIONS', '/v1/log/checkpoint', 'GET, HEAD'],
        ['PATCH', `/v1/tx/${'a'.repeat(64)}`, 'GET, HEAD'],
        ['HEAD', '/v1/events', 'GET'],
      ]
      for (const [method, url, allow] of cases) {
        const res = await app.inject({ method: method as 'GET', url })
        expect(res.statusCode).toBe(405)
        expect(res.headers.allow).toBe(allow)
        if (method !== 'HEAD') expectError(res, 405, 'METHOD_NOT_ALLOWED')
      }
    })

    it('answers 400 REQUEST_MALFORMED for a path that does not decode', async () => {
      app = buildApi(new FakeNode())
      expectError(await app.inject({ url: '/v1/tx/%zz' }), 400, 'REQUEST_MALFORMED')
    })

    it('answers 414 URI_TOO_LONG for a path parameter longer than any route takes', async () => {
      app = buildApi(new FakeNode())
      expectError(await app.inject({ url: `/v1/log/entries/${'1'.repeat(500)}` }), 414, 'URI_TOO_LONG')
    })
  })

  describe('when the client asks in Bahasa Indonesia (Accept-Language)', () => {
    it('answers the catalogue sentence, keeps the code, the status and the details, and the English text in details.en', async () => {
      app = buildApi(new FakeNode())
      const id = await app.inject({ url: '/v1/log/entries/99', headers: { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' } })
      const err = expectError(id, 404, 'ENTRY_NOT_FOUND')
      expect(err.message).toBe(SERVICE_CATALOGUE.get('ENTRY_NOT_FOUND')!.id)
      expect(err.details).toMatchObject({ en: expect.stringContaining('no entry at index 99') })
      expect(id.headers['content-language']).toBe('id')
      expect(id.headers.vary).toContain('Accept-Language')
      // A parameter error keeps naming the parameter in its details.
      const param = expectError(await app.inject({ url: '/v1/blocks/x', headers: { 'accept-language': 'id' } }), 400, 'PARAM_INVALID')
      expect(param.message).toBe(SERVICE_CATALOGUE.get('PARAM_INVALID')!.id)
      expect(param.details).toMatchObject({ in: 'path', en: expect.stringContaining('path parameter') })
    })

    it('answers in English when English is preferred or no language is asked for', async () => {
      app = buildApi(new FakeNode())
      for (const headers of [{}, { 'accept-language': 'en-US,en;q=0.9,id;q=0.5' }, { 'accept-language': 'fr' }]) {
        const res = await app.inject({ url: '/v1/log/entries/99', headers })
        const err = expectError(res, 404, 'ENTRY_NOT_FOUND')
        expect(err.message).toContain('no entry at index 99')
        expect(err.details).not.toHaveProperty('en')
        expect(res.headers['content-language']).toBe('en')
      }
    })
  })

  describe('when the app is closing', () => {
    it('answers 503 NODE_CLOSED to a request that arrives on an open connection', async () => {
      const closing = buildApi(new FakeNode())
      await closing.listen({ port: 0, host: '127.0.0.1' })
      const socket = connect((closing.server.address() as AddressInfo).port, '127.0.0.1')
      await new Promise((resolve) => socket.once('connect', resolve))
      let text = ''
      socket.on('data', (d: Buffer) => (text += d.toString()))
      const ended = new Promise((resolve) => socket.once('close', resolve))
      // The request has begun before the app closes and ends after.
      socket.write('GET /v1/network HTTP/1.1\r\nHost: x\r\n')
      await new Promise((resolve) => setTimeout(resolve, 50))
      const closed = closing.close()
      await new Promise((resolve) => setTimeout(resolve, 50))
      socket.write('\r\n')
      await closed
      await ended
      expect(text).toMatch(/^HTTP\/1.1 503 /)
      expect(text).toContain('{"error":{"code":"NODE_CLOSED","message":"the node is shutting down","details":{}}}')
    })
  })
})

describe('toHttpError', () => {
  describe('when a contract code is not in the catalogue given (the service is not served)', () => {
    it('keeps the kind the error was raised with', () => {
      expect(toHttpError(new ValidationError('WELFARE_PROGRAMME_EXISTS', 'm')).status).toBe(400)
      expect(toHttpError(new ValidationError('WELFARE_PROGRAMME_EXISTS', 'm'), undefined, SERVICE_CATALOGUE).status).toBe(409)
    })
  })
})
