import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import { serviceContracts } from '../../services/registry.js'
import { initNetwork } from './init-network.js'
import { openDataNode } from './open-data-node.js'

const root = mkdtempSync(join(tmpdir(), 'saksi-data-node-'))
const dir = join(root, 'kota')
afterAll(() => rmSync(root, { recursive: true, force: true }))
beforeAll(async () => {
  await initNetwork({ dir, contracts: serviceContracts() })
}, 60_000)

const HOUR = 3_600_000
const DAY = 24 * HOUR

describe('openDataNode', () => {
  describe('when a key used up its day of committed failed calls and the node restarts', () => {
    it('still refuses it with RATE_LIMITED (failed-calls), and lets it call the next UTC day', async () => {
      // A clock the test moves, an hour into a UTC day after the genesis.
      const at = { now: Date.now() + DAY - (Date.now() % DAY) + HOUR }
      const open = () => openDataNode(dir, serviceContracts(), { node: { signatureWorkers: 0, maxBlockDelayMs: 1, now: () => at.now, admission: { failedCallsPerDay: 2 } } })
      const key = KeyPair.generate()
      const tx = (method: string, args: JsonObject) => JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method, args, now: at.now }, key).envelope)
      const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: { code: string; details: unknown }) => ({ code: e.code, details: e.details }))

      const first = await open()
      const commit = async (text: string) => first.node.waitForReceipt((await first.node.submit(text)).txId, 10_000)
      expect(await commit(tx('register', { name: 'Warga' }))).toMatchObject({ status: 'ok' })
      for (let i = 0; i < 2; i++) expect(await commit(tx('register', { name: `lagi ${i}` }))).toMatchObject({ status: 'failed', code: 'IDENTITY_EXISTS' })
      const capped = { code: 'RATE_LIMITED', details: { scope: 'failed-calls', retryAfterSeconds: 23 * 3600 } }
      expect(await refusal(first.node.submit(tx('register', { name: 'sekali lagi' })))).toEqual(capped)
      await first.close()

      const again = await open()
      try {
        expect(await refusal(again.node.submit(tx('register', { name: 'sesudah restart' })))).toEqual(capped)
        at.now += DAY
        const { txId } = await again.node.submit(tx('register', { name: 'besok' }))
        expect(await again.node.waitForReceipt(txId, 10_000)).toMatchObject({ code: 'IDENTITY_EXISTS' })
      } finally {
        await again.close()
      }
    })
  })
})
