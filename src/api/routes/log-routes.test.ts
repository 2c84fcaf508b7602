import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'
import { leafHash, verifyCheckpoint, verifyConsistency, verifyEntry, verifyInclusion } from 'saksi/verify'
import { createApiHarness, expectError, type ApiHarness } from '../testing/api-harness.js'

/** Commits `n` registrations, one block each round of `wait=true` submissions. */
async function commitSome(h: ApiHarness, n: number): Promise<void> {
  const all = Array.from({ length: n }, () => h.envelope())
  const res = await Promise.all(all.map((e) => h.submit(e.text, '?wait=true')))
  expect(res.map((r) => r.statusCode)).toEqual(all.map(() => 200))
}

describe('GET /v1/log/...', () => {
  let h: ApiHarness
  let vkey: string
  let checkpoint3: { size: number; rootBase64: string }
  let checkpoint5: { size: number; rootBase64: string }
  beforeAll(async () => {
    h = await createApiHarness()
    vkey = (JSON.parse((await h.app.inject({ url: '/v1/network' })).body) as { vkey: string }).vkey
    await commitSome(h, 3)
    checkpoint3 = verifyCheckpoint((await h.app.inject({ url: '/v1/log/checkpoint' })).body, vkey)
    await commitSome(h, 2)
    checkpoint5 = verifyCheckpoint((await h.app.inject({ url: '/v1/log/checkpoint' })).body, vkey)
  })
  afterAll(() => h.close())

  describe('checkpoint', () => {
    it('answers the signed note as text/plain; charset=utf-8, verifiable with the network vkey', async () => {
      const res = await h.app.inject({ url: '/v1/log/checkpoint' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(checkpoint3.size).toBe(3)
      expect(checkpoint5.size).toBe(5)
    })
  })

  describe('entries', () => {
    it('answers the exact entry bytes, whose leaves prove inclusion in the checkpoint', async () => {
      for (let index = 0; index < 5; index++) {
        const res = await h.app.inject({ url: `/v1/log/entries/${index}` })
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toMatch(/^application\/json/)
        const bytes = new Uint8Array(res.rawPayload)
        expect(verifyEntry(bytes).index).toBe(index)
        const proof = JSON.parse((await h.app.inject({ url: `/v1/log/proof/inclusion?index=${index}&size=5` })).body) as { index: number; size: number; proof: string[] }
        expect(proof.index).toBe(index)
        expect(proof.size).toBe(5)
        expect(verifyInclusion({ leafHash: leafHash(bytes), index, size: 5, proof: proof.proof, root: checkpoint5.rootBase64 })).toBe(true)
      }
    })

    describe('when the index is past the end of the log', () => {
      it('answers 404 ENTRY_NOT_FOUND', async () => {
        expectError(await h.app.inject({ url: '/v1/log/entries/5' }), 404, 'ENTRY_NOT_FOUND')
        expectError(await h.app.inject({ url: `/v1/log/entries/${Number.MAX_SAFE_INTEGER}` }), 404, 'ENTRY_NOT_FOUND')
      })
    })

    describe('when the index is not a non-negative safe integer', () => {
      for (const bad of ['-1', '1e3', '0x10', '01', '1.0', '+1', ' 1', 'abc', '9007199254740992', '99999999999999999999', '１']) {
        it(`answers 400 PARAM_INVALID for ${JSON.stringify(bad)}`, async () => {
          const err = expectError(await h.app.inject({ url: `/v1/log/entries/${encodeURIComponent(bad)}` }), 400, 'PARAM_INVALID')
          expect(err.details).toEqual({ in: 'path', name: 'index' })
        })
      }
    })

    describe('when a query parameter is given', () => {
      it('answers 400 PARAM_UNKNOWN', async () => {
        expectError(await h.app.inject({ url: '/v1/log/entries/0?pretty=1' }), 400, 'PARAM_UNKNOWN')
      })
    })
  })

  describe('inclusion proofs', () => {
    describe('when the range is outside the log', () => {
      for (const q of ['index=5&size=5', 'index=0&size=6', 'index=0&size=0', `index=0&size=${Number.MAX_SAFE_INTEGER}`]) {
        it(`answers 400 PROOF_RANGE_INVALID for ${q}`, async () => {
          expectError(await h.app.inject({ url: `/v1/log/proof/inclusion?${q}` }), 400, 'PROOF_RANGE_INVALID')
        })
      }
    })

    describe('when a parameter is missing, malformed, unknown or repeated', () => {
      const cases: [string, string][] = [
        ['index=0', 'PARAM_MISSING'],
        ['', 'PARAM_MISSING'],
        ['index=-1&size=2', 'PARAM_INVALID'],
        ['index=0&size=1e3', 'PARAM_INVALID'],
        ['index=0&size=', 'PARAM_INVALID'],
        ['index=0&size=9007199254740993', 'PARAM_INVALID'],
        ['index=0&size=2&root=x', 'PARAM_UNKNOWN'],
        ['index=0&size=2&size=3', 'PARAM_REPEATED'],
      ]
      for (const [q, code] of cases) {
        it(`answers 400 ${code} for ?${q}`, async () => {
          expectError(await h.app.inject({ url: `/v1/log/proof/inclusion?${q}` }), 400, code)
        })
      }
    })
  })

  describe('consistency proofs', () => {
    it('answers {from, to, proof} that proves the older checkpoint a prefix of the newer', async () => {
      const res = await h.app.inject({ url: '/v1/log/proof/consistency?from=3&to=5' })
      expect(res.statusCode).toBe(200)
      const body = JSON.parse(res.body) as { from: number; to: number; proof: string[] }
      expect(body.from).toBe(3)
      expect(body.to).toBe(5)
      expect(
        verifyConsistency({ size1: 3, size2: 5, root1: fromBase64(checkpoint3.rootBase64), root2: checkpoint5.rootBase64, proof: body.proof }),
      ).toBe(true)
    })

    describe('when the sizes are outside the log or out of order', () => {
      for (const q of ['from=0&to=5', 'from=4&to=3', 'from=1&to=6']) {
        it(`answers 400 PROOF_RANGE_INVALID for ${q}`, async () => {
          expectError(await h.app.inject({ url: `/v1/log/proof/consistency?${q}` }), 400, 'PROOF_RANGE_INVALID')
        })
      }
    })

    describe('when a parameter is malformed', () => {
      it('answers 400 PARAM_INVALID naming it', async () => {
        const err = expectError(await h.app.inject({ url: '/v1/log/proof/consistency?from=1&to=0x5' }), 400, 'PARAM_INVALID')
        expect(err.details).toEqual({ in: 'query', name: 'to' })
      })
    })
  })
})
