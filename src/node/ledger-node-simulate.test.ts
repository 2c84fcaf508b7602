import { afterEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx, type BuildTxInput } from '../../packages/saksi/src/core/tx/sign-tx.js'
import { MemoryLedgerStore } from '../store/memory/memory-ledger-store.js'
import { serviceContracts } from '../services/registry.js'
import { createGenesis } from './genesis.js'
import type { LedgerNode } from './ledger-node.js'
import { openNode } from './open-node.js'

const nodeKey = KeyPair.generate()
const admin = KeyPair.generate()

let open: LedgerNode[] = []
afterEach(async () => {
  await Promise.all(open.map((n) => n.close()))
  open = []
})

async function start(admission: object = {}): Promise<LedgerNode> {
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [admin.did], grants: ['identity.verifier'] }] })
  const node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 2, admission })
  open.push(node)
  return node
}

let nonce = 0
function envelope(key: KeyPair, input: Partial<BuildTxInput> = {}): string {
  return JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Siti Rahayu' }, nonce: `n${nonce++}`, ...input }, key).envelope)
}

describe('LedgerNode.simulate', () => {
  describe('when the call would succeed', () => {
    it('answers its events at the next index and commits nothing', async () => {
      const node = await start()
      const answer = await node.simulate(envelope(admin))
      expect(answer).toMatchObject({ status: 'ok', index: 0, simulated: true, events: [{ type: 'identity.Registered' }] })
      expect(node.size()).toBe(0)
      expect(node.health().pending).toBe(0)
      await expect(node.query('identity', 'get', { did: admin.did })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })
  })

  describe('when the same envelope is admitted, or its key unknown', () => {
    it('refuses as submit would: TX_DUPLICATE, SIGNER_NOT_REGISTERED', async () => {
      const node = await start({ registeredOnly: true })
      const text = envelope(admin, { method: 'addMember', args: { org: 'dinsos', did: KeyPair.generate().did, roles: ['identity.verifier'] } })
      expect(await node.simulate(text)).toMatchObject({ status: 'ok', events: [{ type: 'identity.MemberAdded' }] })
      const { txId } = await node.submit(text)
      await expect(node.simulate(text)).rejects.toMatchObject({ code: 'TX_DUPLICATE', details: { txId } })
      const stranger = KeyPair.generate()
      await expect(node.simulate(envelope(stranger, { method: 'revokeKey', args: { did: stranger.did } }))).rejects.toMatchObject({ code: 'SIGNER_NOT_REGISTERED' })
      await node.waitForReceipt(txId, 5000)
      expect(node.size()).toBe(1)
    })
  })

  describe('when the state is corrupt or the node closed', () => {
    it('answers as reads do (STATE_CORRUPT), then NODE_CLOSED', async () => {
      const node = await start()
      await node.stateIntegrity.ready
      node.stateIntegrity.markCorrupt('a test marks the state corrupt')
      await expect(node.simulate(envelope(admin))).rejects.toMatchObject({ code: 'STATE_CORRUPT' })
      await node.close()
      await expect(node.simulate(envelope(admin))).rejects.toMatchObject({ code: 'NODE_CLOSED' })
    })
  })
})
