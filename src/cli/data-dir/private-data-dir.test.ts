import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import { serviceContracts } from '../../services/registry.js'
import { bufferIo } from '../cli-io.js'
import { runCli } from '../run-cli.js'
import { SERVICES } from '../../services/index.js'
import { fileModes, notPrivate } from '../testing/file-modes.js'
import { openDataNode } from './open-data-node.js'

const DIRS = ['.', 'keys', 'followers']
let root = ''
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-modes-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function init(name: string): Promise<string> {
  const dir = join(root, name)
  expect(await runCli(['init', '--data', dir], bufferIo(), { services: SERVICES })).toBe(0)
  return dir
}

describe('privateDataDir', () => {
  describe('when saksi init has written a directory', () => {
    it('leaves every file 0600 and every folder 0700', async () => {
      const dir = await init('fresh')
      expect(notPrivate(await fileModes(dir), DIRS)).toEqual([])
    })
  })

  describe('when a node opens a directory written with 0644 files and commits', () => {
    it('makes every file private, the write-ahead logs and the bank and vault included', async () => {
      const dir = await init('old')
      await chmod(dir, 0o755)
      for (const f of ['genesis.json', 'ledger.sqlite', 'node-key.pem', 'vault.key']) await chmod(join(dir, f), 0o644)
      const { node, close } = await openDataNode(dir, serviceContracts(), { node: { signatureWorkers: 0, maxBlockDelayMs: 1 } })
      try {
        const { envelope, txId } = signTx({ network: node.info().network, contract: 'identity', method: 'register', args: { name: 'Warga Uji' } }, KeyPair.generate())
        await node.submit(JSON.stringify(envelope))
        await node.waitForReceipt(txId, 10_000)
        const modes = await fileModes(dir)
        expect(Object.keys(modes)).toEqual(expect.arrayContaining(['ledger.sqlite-wal', 'ledger.sqlite-shm', 'vault.sqlite', 'bank-sim.sqlite', 'node.lock', 'node.pid']))
        expect(notPrivate(modes, DIRS)).toEqual([])
      } finally {
        await close()
      }
      expect(notPrivate(await fileModes(dir), DIRS)).toEqual([])
    })
  })
})
