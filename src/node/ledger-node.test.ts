import { afterEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx, type BuildTxInput } from '../../packages/saksi/src/core/tx/sign-tx.js'
import { toBase64 } from '../../packages/saksi/src/core/encoding/base64.js'
import { leafHash, verifyCheckpoint, verifyConsistency, verifyInclusion } from 'saksi/verify'
import type { Receipt } from '../../packages/saksi/src/core/runtime/receipt.js'
import { MemoryLedgerStore } from '../store/memory/memory-ledger-store.js'
import { createGenesis } from './genesis.js'
import { openNode, type OpenNodeOptions } from './open-node.js'
import type { LedgerNode } from './ledger-node.js'
import { serviceContracts } from '../services/registry.js'

const nodeKey = KeyPair.generate()
const admin = KeyPair.generate()
const genesis = createGenesis({
  network: 'kota-contoh',
  origin: 'saksi.example/kota-contoh',
  nodeKey: nodeKey.did,
  time: Date.parse('2026-11-23T00:00:00.000Z'),
  organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [admin.did] }],
})

let open: LedgerNode[] = []
afterEach(async () => {
  await Promise.all(open.map((n) => n.close()))
  open = []
})

async function start(over: Partial<Omit<OpenNodeOptions, 'contracts'>> = {}): Promise<LedgerNode> {
  const node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 2, ...over })
  open.push(node)
  return node
}

function envelope(key: KeyPair, method: string, args: BuildTxInput['args'], over: Partial<BuildTxInput> = {}): string {
  return JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method, args, ...over }, key).envelope)
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code })
}

describe('openNode', () => {
  it('initialises block 0 and an empty signed checkpoint from the genesis document', async () => {
    const node = await start()
    const info = node.info()
    expect(info).toMatchObject({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', maxValiditySeconds: 3600 })
    expect(info.contracts.map((c) => c.name)).toEqual(['identity', 'procurement', 'welfare'])
    expect(verifyCheckpoint(await node.checkpoint(), [info.vkey])).toMatchObject({ size: 0 })
    expect((await node.block(0)).header).toMatchObject({ height: 0, size: 0, firstIndex: 0 })
  })

  it('refuses a node key that is not the genesis node key', async () => {
    await expectCode(openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: KeyPair.generate(), genesis, signatureWorkers: 0 }), 'NODE_KEY_MISMATCH')
  })
})

describe('LedgerNode', () => {
  describe('when a citizen registers', () => {
    it('commits the transaction, answers its receipt and proves its inclusion', async () => {
      const node = await start()
      const citizen = KeyPair.generate()
      const { txId } = await node.submit(envelope(citizen, 'register', { name: 'Siti Rahayu' }))
      const receipt = (await node.waitForReceipt(txId, 5000)) as Receipt
      expect(receipt).toMatchObject({ txId, status: 'ok', index: 0, block: 1 })
      expect(await node.receipt(txId)).toEqual(receipt)
      expect(await node.query('identity', 'get', { did: citizen.did })).toMatchObject({ name: 'Siti Rahayu', status: 'unverified' })

      const cp = verifyCheckpoint(await node.checkpoint(), [node.info().vkey])
      expect(cp.size).toBe(1)
      const bytes = await node.entry(0)
      const proof = await node.inclusionProof(0, 1)
      expect(verifyInclusion({ leafHash: leafHash(bytes), index: 0, size: 1, proof, root: cp.root })).toBe(true)
      expect((await node.block('latest')).header).toMatchObject({ height: 1, size: 1, logRoot: toBase64(cp.root) })
    })

    it('records a refused call as a failed entry with its code', async () => {
      const node = await start()
      const citizen = KeyPair.generate()
      await node.waitForReceipt((await node.submit(envelope(citizen, 'register', { name: 'Budi' }))).txId, 5000)
      const second = await node.waitForReceipt((await node.submit(envelope(citizen, 'register', { name: 'Budi lagi' }))).txId, 5000)
      expect(second).toMatchObject({ status: 'failed', code: 'IDENTITY_EXISTS', events: [] })
    })
  })

  describe('when a transaction is refused at the door', () => {
    it('refuses each kind with its code and never logs it', async () => {
      const node = await start({ now: () => Date.parse('2026-11-23T10:00:00.000Z') })
      const k = KeyPair.generate()
      const base = { now: Date.parse('2026-11-23T10:00:00.000Z') }
      await expectCode(node.submit('{"tx":'), 'JSON_MALFORMED')
      await expectCode(node.submit(envelope(k, 'register', { name: 'A' }, { ...base, network: 'kota-lain' })), 'TX_WRONG_NETWORK')
      await expectCode(node.submit(envelope(k, 'register', { name: 'A' }, { expiresAt: '2026-11-23T09:59:59.999Z' })), 'TX_EXPIRED')
      await expectCode(node.submit(envelope(k, 'register', { name: 'A' }, { expiresAt: '2026-11-23T11:00:00.001Z' })), 'TX_TOO_FAR_AHEAD')
      const good = JSON.parse(envelope(k, 'register', { name: 'A' }, base))
      good.sig = toBase64(new Uint8Array(64).fill(1))
      await expectCode(node.submit(JSON.stringify(good)), 'TX_BAD_SIGNATURE')
      expect(node.size()).toBe(0)
    })

    it('refuses a duplicate while pending and once committed', async () => {
      const node = await start()
      const text = envelope(KeyPair.generate(), 'register', { name: 'Dewi' })
      const { txId } = await node.submit(text)
      await expectCode(node.submit(text), 'TX_DUPLICATE')
      await node.waitForReceipt(txId, 5000)
      await expect(node.submit(text)).rejects.toMatchObject({ code: 'TX_DUPLICATE', details: { txId } })
      expect(node.size()).toBe(1)
    })

    it('answers NODE_OVERLOADED when the pending bound is reached', async () => {
      const node = await start({ maxPending: 2, maxBlockDelayMs: 10_000, maxBlockTxs: 1000 })
      await node.submit(envelope(KeyPair.generate(), 'register', { name: 'A' }))
      await node.submit(envelope(KeyPair.generate(), 'register', { name: 'B' }))
      await expect(node.submit(envelope(KeyPair.generate(), 'register', { name: 'C' }))).rejects.toMatchObject({
        code: 'NODE_OVERLOADED',
        details: { retryAfterSeconds: 1 },
      })
    })
  })

  describe('when many clients submit at once', () => {
    it('commits them all in order, in several blocks, with consistent checkpoints', async () => {
      const node = await start({ maxBlockTxs: 40, signatureWorkers: 2 })
      const first = verifyCheckpoint(await node.checkpoint(), [node.info().vkey])
      const texts = Array.from({ length: 200 }, (_, i) => envelope(KeyPair.generate(), 'register', { name: `Warga ${i}` }))
      const ids = await Promise.all(texts.map((t) => node.submit(t)))
      const receipts = await Promise.all(ids.map(({ txId }) => node.waitForReceipt(txId, 10_000)))
      expect(receipts.every((r) => r?.status === 'ok')).toBe(true)
      expect(new Set(receipts.map((r) => r!.index)).size).toBe(200)
      expect((await node.block('latest')).header.height).toBeGreaterThanOrEqual(5)
      const last = verifyCheckpoint(await node.checkpoint(), [node.info().vkey])
      expect(last.size).toBe(200)
      expect(first.size).toBe(0)
      const mid = await node.block(2)
      const proof = await node.consistencyProof(mid.header.size, 200)
      expect(verifyConsistency({ size1: mid.header.size, size2: 200, root1: mid.header.logRoot, root2: last.root, proof })).toBe(true)
    })
  })

  describe('subscribe', () => {
    it('replays from an index and continues live, without gaps or repeats', async () => {
      const node = await start()
      for (let i = 0; i < 5; i++) await node.waitForReceipt((await node.submit(envelope(KeyPair.generate(), 'register', { name: `W${i}` }))).txId, 5000)
      const seen: number[] = []
      const stop = node.subscribe(2, (r) => seen.push(r.index))
      for (let i = 5; i < 8; i++) await node.waitForReceipt((await node.submit(envelope(KeyPair.generate(), 'register', { name: `W${i}` }))).txId, 5000)
      await new Promise((r) => setTimeout(r, 20))
      stop()
      expect(seen).toEqual([2, 3, 4, 5, 6, 7])
    })
  })

  describe('when storage fails to commit a block', () => {
    it('tells nobody "committed", frees the ids, and carries on from the stored head', async () => {
      const store = new MemoryLedgerStore()
      const errors: unknown[] = []
      const node = await start({ store, onError: (e) => errors.push(e) })
      const original = store.commitBlock.bind(store)
      store.commitBlock = async () => {
        throw new Error('disk full')
      }
      const text = envelope(KeyPair.generate(), 'register', { name: 'Rina' })
      const { txId } = await node.submit(text)
      expect(await node.waitForReceipt(txId, 300)).toBeUndefined()
      expect(errors).toHaveLength(1)
      expect(await node.receipt(txId)).toBeUndefined()
      store.commitBlock = original
      const again = await node.submit(text)
      expect(await node.waitForReceipt(again.txId, 5000)).toMatchObject({ status: 'ok', index: 0, block: 1 })
    })
  })

  describe('proof and lookup ranges', () => {
    it('refuses out-of-range indexes and sizes with codes', async () => {
      const node = await start()
      await expectCode(node.entry(0), 'ENTRY_NOT_FOUND')
      await expectCode(node.inclusionProof(0, 1), 'PROOF_RANGE_INVALID')
      await expectCode(node.consistencyProof(0, 0), 'PROOF_RANGE_INVALID')
      await expectCode(node.block(5), 'BLOCK_NOT_FOUND')
      await expect(node.query('identity', 'get', { did: KeyPair.generate().did })).rejects.toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    })
  })
})
