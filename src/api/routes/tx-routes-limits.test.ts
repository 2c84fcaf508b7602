import { afterEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { MemoryLedgerStore } from '../../store/memory/memory-ledger-store.js'
import { createGenesis, openNode, type SaksiNode } from '../../node/index.js'
import { serviceContracts } from '../../services/registry.js'
import { buildApi } from '../build-api.js'

const nodeKey = KeyPair.generate()
let node: SaksiNode | undefined
afterEach(async () => {
  await node?.close()
  node = undefined
})

async function api(admission: object) {
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did })
  node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1, admission })
  return buildApi(node, { logger: false })
}

const post = (app: Awaited<ReturnType<typeof api>>, args: JsonObject, remoteAddress: string, key = KeyPair.generate()) =>
  app.inject({ method: 'POST', url: '/v1/tx', remoteAddress, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args }, key).envelope) })

describe('POST /v1/tx under the admission limits', () => {
  describe('when one client address sends more than its bucket holds', () => {
    it('answers 429 RATE_LIMITED with Retry-After, and still admits other addresses', async () => {
      const app = await api({ perClient: { burst: 2, perSecond: 0.1 } })
      expect((await post(app, { name: 'A' }, '203.0.113.7')).statusCode).toBe(202)
      expect((await post(app, { name: 'B' }, '203.0.113.7')).statusCode).toBe(202)
      const res = await post(app, { name: 'C' }, '203.0.113.7')
      expect(res.statusCode).toBe(429)
      expect(res.headers['retry-after']).toBe('10')
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'RATE_LIMITED', details: { scope: 'client', retryAfterSeconds: 10 } } })
      expect((await post(app, { name: 'D' }, '198.51.100.1')).statusCode).toBe(202)
    })
  })
  describe('when the arguments are too large or the key unknown', () => {
    it('answers 413 ARGS_TOO_LARGE and 422 SIGNER_NOT_REGISTERED', async () => {
      const app = await api({ maxArgsBytes: 100 })
      const big = await post(app, { name: 'x'.repeat(200) }, '203.0.113.7')
      expect([big.statusCode, JSON.parse(big.body).error.code]).toEqual([413, 'ARGS_TOO_LARGE'])
      const res = await app.inject({
        method: 'POST',
        url: '/v1/tx',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify((() => { const k = KeyPair.generate(); return signTx({ network: 'kota-contoh', contract: 'identity', method: 'revokeKey', args: { did: k.did } }, k).envelope })()),
      })
      expect([res.statusCode, JSON.parse(res.body).error.code]).toEqual([422, 'SIGNER_NOT_REGISTERED'])
      expect(node!.size()).toBe(0)
    })
  })
})
