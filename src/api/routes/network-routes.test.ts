import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiHarness, expectError, type ApiHarness } from '../testing/api-harness.js'
import { genesisHash } from '../../../packages/saksi/src/core/block/block-header.js'
import { toBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'

describe('GET /v1/network', () => {
  let h: ApiHarness
  beforeAll(async () => {
    h = await createApiHarness()
  })
  afterAll(() => h.close())

  it('answers the network description of PROTOCOL section 7', async () => {
    const res = await h.app.inject({ url: '/v1/network' })
    expect(res.statusCode).toBe(200)
    const info = JSON.parse(res.body)
    expect(info).toEqual(h.node.info())
    expect(Object.keys(info)).toEqual(expect.arrayContaining(['network', 'origin', 'vkey', 'genesisHash', 'maxValiditySeconds', 'contracts']))
    expect(info.contracts).toContainEqual(expect.objectContaining({ name: 'identity', version: 1, methods: expect.arrayContaining(['register']) }))
  })

  it('echoes a plain X-Request-Id and makes one up otherwise', async () => {
    const given = await h.app.inject({ url: '/v1/network', headers: { 'x-request-id': 'abc-123' } })
    expect(given.headers['x-request-id']).toBe('abc-123')
    const odd = await h.app.inject({ url: '/v1/network', headers: { 'x-request-id': 'a b\u0001' } })
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  describe('when a query parameter is given', () => {
    it('answers 400 PARAM_UNKNOWN', async () => {
      const err = expectError(await h.app.inject({ url: '/v1/network?x=1' }), 400, 'PARAM_UNKNOWN')
      expect(err.details).toEqual({ in: 'query', name: 'x' })
    })
  })
})

describe('GET /v1/genesis', () => {
  let h: ApiHarness
  beforeAll(async () => {
    h = await createApiHarness()
  })
  afterAll(() => h.close())

  it('answers the genesis document whose JCS SHA-256 is the network genesisHash', async () => {
    const res = await h.app.inject({ url: '/v1/genesis' })
    expect(res.statusCode).toBe(200)
    const doc = JSON.parse(res.body)
    expect(toBase64(genesisHash(doc))).toBe(h.node.info().genesisHash)
    expect(doc).toMatchObject({ network: h.node.info().network })
  })
})
