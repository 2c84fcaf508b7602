import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockHash, type SignedBlock } from '../../../packages/saksi/src/core/block/block-header.js'
import { toBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'
import { verifyBlockSignature } from '../../../packages/saksi/src/core/block/verify-block.js'
import { createApiHarness, expectError, type ApiHarness } from '../testing/api-harness.js'

describe('GET /v1/blocks/...', () => {
  let h: ApiHarness
  beforeAll(async () => {
    h = await createApiHarness()
    await h.submit(h.envelope().text, '?wait=true')
    await h.submit(h.envelope().text, '?wait=true')
  })
  afterAll(() => h.close())

  const get = async (url: string) => JSON.parse((await h.app.inject({ url })).body) as SignedBlock

  describe('latest', () => {
    it('answers {header, sig} of the head, signed by its proposer', async () => {
      const res = await h.app.inject({ url: '/v1/blocks/latest' })
      expect(res.statusCode).toBe(200)
      const b = JSON.parse(res.body) as SignedBlock
      expect(Object.keys(b).sort()).toEqual(['header', 'sig'])
      expect(b.header.height).toBeGreaterThanOrEqual(2)
      expect(() => verifyBlockSignature(b, [b.header.proposer])).not.toThrow()
    })
  })

  describe('by height', () => {
    it('answers each block, chained to the previous one', async () => {
      const latest = await get('/v1/blocks/latest')
      for (let height = 1; height <= latest.header.height; height++) {
        const b = await get(`/v1/blocks/${height}`)
        expect(b.header.height).toBe(height)
        expect(b.header.prev).toBe(toBase64(blockHash((await get(`/v1/blocks/${height - 1}`)).header)))
      }
    })

    describe('when there is no such block', () => {
      it('answers 404 BLOCK_NOT_FOUND', async () => {
        expectError(await h.app.inject({ url: '/v1/blocks/1000' }), 404, 'BLOCK_NOT_FOUND')
      })
    })

    describe('when the height is malformed', () => {
      for (const bad of ['-1', '1e2', 'first', '9007199254740992', '0x1', '00']) {
        it(`answers 400 PARAM_INVALID for ${bad}`, async () => {
          expectError(await h.app.inject({ url: `/v1/blocks/${bad}` }), 400, 'PARAM_INVALID')
        })
      }
    })

    describe('when the method is not GET', () => {
      it('answers 405 METHOD_NOT_ALLOWED with Allow', async () => {
        const res = await h.app.inject({ method: 'POST', url: '/v1/blocks/latest', payload: '{}', headers: { 'content-type': 'application/json' } })
        expectError(res, 405, 'METHOD_NOT_ALLOWED')
        expect(res.headers.allow).toBe('GET, HEAD')
      })
    })
  })
})
