import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { buildApi } from '../build-api.js'
import { createApiHarness, expectError, type ApiHarness } from '../testing/api-harness.js'

describe('GET /v1/contracts/{contract}/queries/{query}', () => {
  let h: ApiHarness
  const citizen = KeyPair.generate()
  beforeAll(async () => {
    h = await createApiHarness()
    expect((await h.submit(h.envelope({ args: { name: 'Budi Santoso' } }, citizen).text, '?wait=true')).statusCode).toBe(200)
  })
  afterAll(() => h.close())

  const query = (path: string) => h.app.inject({ url: `/v1/contracts/${path}` })

  describe('when the query finds something', () => {
    it('answers identity.get with the citizen record (PROTOCOL section 8)', async () => {
      const res = await query(`identity/queries/get?did=${citizen.did}`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(JSON.parse(res.body)).toMatchObject({ did: citizen.did, name: 'Budi Santoso' })
    })

    it('answers a query without arguments (an array)', async () => {
      const res = await query('identity/queries/organisations')
      expect(res.statusCode).toBe(200)
      expect(Array.isArray(JSON.parse(res.body))).toBe(true)
    })
  })

  describe('when the query finds nothing', () => {
    it('answers 404 NOT_FOUND', async () => {
      expectError(await query(`identity/queries/get?did=${KeyPair.generate().did}`), 404, 'NOT_FOUND')
    })

    it('answers 404 NOT_FOUND when the node answers undefined', async () => {
      const node = Object.create(h.node) as typeof h.node
      node.query = () => undefined as never
      node.queryPolicy = () => undefined
      const app = buildApi(node)
      expectError(await app.inject({ url: '/v1/contracts/identity/queries/get?did=x' }), 404, 'NOT_FOUND')
      await app.close()
    })
  })

  describe('when the contract or query is unknown', () => {
    it('answers 404 CONTRACT_UNKNOWN', async () => {
      expectError(await query('permits/queries/get'), 404, 'CONTRACT_UNKNOWN')
      expectError(await query('welfare/queries/get'), 404, 'QUERY_UNKNOWN')
    })
    it('answers 404 QUERY_UNKNOWN', async () => {
      expectError(await query('identity/queries/everything'), 404, 'QUERY_UNKNOWN')
    })
    it('answers 400 PARAM_INVALID for a name no contract can have', async () => {
      expectError(await query('..%2Fetc/queries/get'), 400, 'PARAM_INVALID')
      expectError(await query('identity/queries/%20'), 400, 'PARAM_INVALID')
    })
  })

  describe('when the arguments are wrong', () => {
    it('answers 400 ARGS_INVALID for an argument the schema refuses', async () => {
      expectError(await query('identity/queries/get?did=nobody'), 400, 'ARGS_INVALID')
    })
    it('answers 400 ARGS_INVALID for an unknown or missing argument', async () => {
      expectError(await query(`identity/queries/get?did=${citizen.did}&extra=1`), 400, 'ARGS_INVALID')
      expectError(await query('identity/queries/get'), 400, 'ARGS_INVALID')
      expectError(await query('identity/queries/get?__proto__=x'), 400, 'ARGS_INVALID')
    })
    it('answers 400 PARAM_REPEATED for an argument given twice', async () => {
      const err = expectError(await query(`identity/queries/get?did=${citizen.did}&did=${citizen.did}`), 400, 'PARAM_REPEATED')
      expect(err.details).toEqual({ in: 'query', name: 'did' })
    })
    it('answers 400 PARAM_INVALID for an argument longer than 4096 characters', async () => {
      expectError(await query(`identity/queries/get?did=${'x'.repeat(5000)}`), 400, 'PARAM_INVALID')
    })
  })
})
