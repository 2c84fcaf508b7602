import { afterEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../packages/saksi/src/core/tx/sign-tx.js'
import type { FastifyInstance } from 'fastify'
import { buildApi } from '../api/build-api.js'
import { signIn } from '../api/testing/sign-in.js'
import { identity } from '../services/identity/contract/identity.js'
import { MemoryLedgerStore } from '../store/memory/memory-ledger-store.js'
import { createGenesis } from './genesis.js'
import type { LedgerNode } from './ledger-node.js'
import { openNode } from './open-node.js'
import type { NodeHalt } from './saksi-node.js'
import { runaway } from './testing/runaway-contract.js'

const nodeKey = KeyPair.generate()
const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did })
const citizen = KeyPair.generate()
let nonce = 0
const tx = (contract: string, method: string, args: Record<string, string> = {}) =>
  signTx({ network: 'kota-contoh', contract, method, args, nonce: `n${nonce++}` }, citizen)

let node: LedgerNode | undefined
let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  await node?.close()
  node = app = undefined
})

async function start(halts: NodeHalt[]): Promise<{ node: LedgerNode; app: FastifyInstance }> {
  node = await openNode({ contracts: [identity, runaway], store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1, executionTimeoutMs: 200, onHalt: (h) => halts.push(h) })
  app = buildApi(node)
  return { node, app }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 5))
}

describe('LedgerNode', () => {
  describe('when a contract call never ends', () => {
    it('interrupts the block, halts block production with a clear message and keeps answering reads, losing and half-applying nothing', async () => {
      const halts: NodeHalt[] = []
      const { node, app } = await start(halts)
      const register = tx('identity', 'register', { name: 'Toko Contoh' })
      await node.submit(JSON.stringify(register.envelope))
      expect(await node.waitForReceipt(register.txId, 5000)).toMatchObject({ status: 'ok' })
      const size = node.size()

      const spin = tx('runaway', 'spin', { key: 'spun' })
      const mark = tx('runaway', 'mark', { key: 'marked' })
      await node.submit(JSON.stringify(spin.envelope))
      await node.submit(JSON.stringify(mark.envelope))
      // The runaway never ends: any answer at all means the watchdog interrupted it.
      await until(async () => (await app.inject({ url: '/v1/health' })).json().status === 'halted')

      const network = await app.inject({ url: '/v1/network' })
      expect(network.statusCode).toBe(200)
      expect(network.json()).toMatchObject({ network: 'kota-contoh' })
      const health = (await app.inject({ url: '/v1/health' })).json()
      expect(health).toMatchObject({ status: 'halted', size, pending: 2, halt: { code: 'EXECUTION_TIMEOUT', held: 2, message: expect.stringContaining('watchdog') } })
      expect(halts).toEqual([expect.objectContaining({ code: 'EXECUTION_TIMEOUT', message: health.halt.message, since: health.halt.since })])
      // The metrics are the operator's: read with the node key's session.
      const metrics = (await app.inject({ url: '/metrics', headers: await signIn(app, nodeKey) })).body
      expect(metrics).toMatch(/^saksi_block_production_halted 1$/m)
      expect(metrics).toMatch(/^saksi_execution_watchdog_trips_total 1$/m)

      // Nothing of the interrupted block is committed, and its transactions are still admitted.
      expect(node.size()).toBe(size)
      expect(await node.receipt(spin.txId)).toEqual({ txId: spin.txId, status: 'pending' })
      expect(await node.receipt(mark.txId)).toEqual({ txId: mark.txId, status: 'pending' })
      expect((await app.inject({ url: '/v1/contracts/runaway/queries/get?key=spun' })).statusCode).toBe(404)
      expect((await app.inject({ url: `/v1/contracts/identity/queries/get?did=${citizen.did}` })).statusCode).toBe(200)

      // New transactions are refused with a clear code rather than left to wait for ever.
      const late = tx('runaway', 'mark', { key: 'late' })
      const refused = await app.inject({ method: 'POST', url: '/v1/tx', payload: JSON.stringify(late.envelope), headers: { 'content-type': 'application/json' } })
      expect(refused.statusCode).toBe(503)
      expect(refused.json().error.code).toBe('NODE_HALTED')
    })
  })

  describe('when blocks run normally', () => {
    it('reports its health as ok', async () => {
      const { app } = await start([])
      expect((await app.inject({ url: '/v1/health' })).json()).toMatchObject({ status: 'ok', height: 0, size: 0, pending: 0 })
    })
  })
})
