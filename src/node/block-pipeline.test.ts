import { afterEach, describe, expect, it } from 'vitest'
import { blockHash } from '../../packages/saksi/src/core/block/block-header.js'
import { toBase64 } from '../../packages/saksi/src/core/encoding/base64.js'
import { StorageError } from '../../packages/saksi/src/core/errors.js'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../packages/saksi/src/core/tx/sign-tx.js'
import type { BlockCommit } from '../store/ledger-store.js'
import { MemoryLedgerStore } from '../store/memory/memory-ledger-store.js'
import { createGenesis } from './genesis.js'
import type { LedgerNode } from './ledger-node.js'
import { openNode } from './open-node.js'
import { serviceContracts } from '../services/registry.js'

const nodeKey = KeyPair.generate()
const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, time: Date.parse('2026-11-23T00:00:00.000Z') })

/** A memory store whose block commits wait until the test releases (or fails) them, in order. */
class GatedStore extends MemoryLedgerStore {
  readonly calls: { commit: BlockCommit; release: () => void; fail: (e: Error) => void }[] = []
  gated = false

  override async commitBlock(commit: BlockCommit): Promise<void> {
    if (!this.gated) return super.commitBlock(commit)
    const go = await new Promise<boolean>((resolve, reject) => this.calls.push({ commit, release: () => resolve(true), fail: reject }))
    if (go) return super.commitBlock(commit)
  }
}

let node: LedgerNode | undefined
afterEach(async () => {
  await node?.close()
  node = undefined
})

const register = (key: KeyPair, name: string): string => JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name } }, key).envelope)

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('block pipelining', () => {
  describe('when a block is still being written', () => {
    it('executes the next block on its writes, shows neither as committed until stored, and holds a third', async () => {
      const store = new GatedStore()
      node = await openNode({ contracts: serviceContracts(), store, key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1 })
      store.gated = true
      const siti = KeyPair.generate()
      const first = await node.submit(register(siti, 'Siti'))
      await until(() => store.calls.length === 1)
      const again = await node.submit(register(siti, 'Siti lagi'))
      await until(() => store.calls.length === 2)
      const third = await node.submit(register(KeyPair.generate(), 'Budi'))
      await new Promise((r) => setTimeout(r, 30))
      expect(store.calls).toHaveLength(2)
      expect(node.size()).toBe(0)
      expect(await node.receipt(first.txId)).toEqual({ txId: first.txId, status: 'pending' })
      expect((await node.block('latest')).header.height).toBe(0)

      const waits = [first, again, third].map(({ txId }) => node!.waitForReceipt(txId, 5000))
      store.calls[0]!.release()
      await until(() => store.calls.length === 3)
      expect(node.size()).toBe(1)
      store.calls[1]!.release()
      store.calls[2]!.release()
      const [r1, r2, r3] = await Promise.all(waits)
      expect(r1).toMatchObject({ status: 'ok', index: 0, block: 1 })
      // Block 2 was executed before block 1 was stored, and still saw Siti registered.
      expect(r2).toMatchObject({ status: 'failed', code: 'IDENTITY_EXISTS', index: 1, block: 2 })
      expect(r3).toMatchObject({ status: 'ok', index: 2, block: 3 })
      expect(node.size()).toBe(3)
    })
  })

  describe('when a block fails to commit', () => {
    it('fails the block stacked on it too, and carries on from the last stored block', async () => {
      const store = new GatedStore()
      const errors: unknown[] = []
      node = await openNode({ contracts: serviceContracts(), store, key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1, onError: (e) => errors.push(e) })
      store.gated = true
      const siti = KeyPair.generate()
      const budi = KeyPair.generate()
      const sitiTx = register(siti, 'Siti')
      const a = await node.submit(sitiTx)
      await until(() => store.calls.length === 1)
      const b = await node.submit(register(budi, 'Budi'))
      await until(() => store.calls.length === 2)
      store.calls[0]!.fail(new StorageError('STORE_IO', 'disk full'))
      store.calls[1]!.release()
      await until(() => errors.length === 2)
      expect(errors.map((e) => (e as StorageError).code)).toEqual(['STORE_IO', 'STORE_BLOCK_OUT_OF_ORDER'])
      expect(await node.receipt(a.txId)).toBeUndefined()
      expect(await node.receipt(b.txId)).toBeUndefined()
      expect(node.size()).toBe(0)

      store.gated = false
      const c = await node.submit(register(KeyPair.generate(), 'Citra'))
      expect(await node.waitForReceipt(c.txId, 5000)).toMatchObject({ status: 'ok', index: 0, block: 1 })
      // Siti's registration was never stored, so it may be sent again and now succeeds.
      await expect(node!.query('identity', 'get', { did: siti.did })).rejects.toThrow()
      await node.submit(sitiTx)
      expect(await node.waitForReceipt(a.txId, 5000)).toMatchObject({ status: 'ok', index: 1, block: 2 })
      const [b0, b1, b2] = await Promise.all([0, 1, 2].map((h) => node!.block(h)))
      expect(b1!.header.prev).toBe(toBase64(blockHash(b0!.header)))
      expect(b2!.header.prev).toBe(toBase64(blockHash(b1!.header)))
    })
  })
})
