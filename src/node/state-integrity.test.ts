import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../packages/saksi/src/core/tx/sign-tx.js'
import { serviceContracts } from '../services/registry.js'
import { openSqliteLedgerStore } from '../store/sqlite/open-sqlite-ledger-store.js'
import { createGenesis } from './genesis.js'
import type { LedgerNode } from './ledger-node.js'
import { openNode } from './open-node.js'

const nodeKey = KeyPair.generate()
const citizen = KeyPair.generate()
const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, time: Date.parse('2026-11-23T00:00:00.000Z') })

let dir: string
let n = 0
const opened: LedgerNode[] = []
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksi-integrity-'))
})
afterEach(async () => {
  for (const node of opened.splice(0)) await node.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function start(path: string): Promise<LedgerNode> {
  const node = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(path), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1 })
  opened.push(node)
  return node
}

function register(key: KeyPair, name: string): string {
  return JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name } }, key).envelope)
}

/** A data store with one registered citizen, closed. */
async function ledgerWithCitizen(): Promise<string> {
  const path = join(dir, `ledger-${n++}.sqlite`)
  const node = await start(path)
  const { txId } = await node.submit(register(citizen, 'Toko Maju'))
  expect((await node.waitForReceipt(txId, 10_000))?.status).toBe('ok')
  opened.splice(opened.indexOf(node), 1)
  await node.close()
  return path
}

/** Changes the citizen's identity record in the state table, as someone with the file could. */
function tamper(path: string): void {
  const raw = new Database(path)
  const row = raw.prepare("SELECT key, value FROM state WHERE contract = 'identity' AND value LIKE '%Toko Maju%'").get() as { key: string; value: string }
  raw.prepare("UPDATE state SET value = ? WHERE contract = 'identity' AND key = ?").run(row.value.replace('Toko Maju', 'Pemilik Baru'), row.key)
  raw.close()
}

describe('openNode', () => {
  describe('when a state row of ledger.sqlite was changed behind its back', () => {
    it('does not serve the changed state as truth, and says the state is corrupt', async () => {
      const path = await ledgerWithCitizen()
      tamper(path)
      const node = await start(path)
      await node.stateIntegrity.ready
      await expect(node.query('identity', 'get', { did: citizen.did })).rejects.toMatchObject({ code: 'STATE_CORRUPT' })
      expect(node.info().state).toMatchObject({ status: 'corrupt', code: 'STATE_CORRUPT' })
    })

    it('refuses every write with STATE_CORRUPT and commits nothing', async () => {
      const path = await ledgerWithCitizen()
      tamper(path)
      const node = await start(path)
      const size = node.size()
      await expect(node.submit(register(KeyPair.generate(), 'Warung Baru'))).rejects.toMatchObject({ code: 'STATE_CORRUPT' })
      expect(node.size()).toBe(size)
    })
  })

  describe('when the state is as the node left it', () => {
    it('checks the digest, reports it in the network info and serves state and writes', async () => {
      const path = await ledgerWithCitizen()
      const node = await start(path)
      await node.stateIntegrity.ready
      expect(node.info().state).toMatchObject({ status: 'ok', height: 1, entries: expect.any(Number) })
      expect(await node.query('identity', 'get', { did: citizen.did })).toMatchObject({ name: 'Toko Maju' })
      const { txId } = await node.submit(register(KeyPair.generate(), 'Warung Baru'))
      expect((await node.waitForReceipt(txId, 10_000))?.status).toBe('ok')
    })
  })
})
