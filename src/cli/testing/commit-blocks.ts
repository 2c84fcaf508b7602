import { join } from 'node:path'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import type { Receipt } from '../../../packages/saksi/src/core/runtime/receipt.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import { openDataNode } from '../data-dir/open-data-node.js'
import { readKeyFile } from '../key-file.js'
import { serviceContracts } from '../../services/registry.js'

/** The people of a test ledger. */
export interface TestLedgerPeople {
  citizens: KeyPair[]
  verifier: KeyPair
}

/**
 * Commits a few blocks to an initialised data directory through the node, one round per block:
 * registrations, a verifier appointed by the Dukcapil admin, verifications, a duplicate
 * registration (failed). Closes the node.
 * @param dir the data directory
 * @returns the keys used, and every receipt in log order
 */
export async function commitTestBlocks(dir: string): Promise<TestLedgerPeople & { receipts: Receipt[] }> {
  const { node, paths, close } = await openDataNode(dir, serviceContracts(), { node: { signatureWorkers: 0, maxBlockDelayMs: 1 } })
  const network = node.info().network
  const admin = (await readKeyFile(join(paths.keys, 'dukcapil-admin.pem'))).key
  const citizens = ['Siti Rahayu', 'Budi Santoso', 'Dewi Lestari', 'Agus Setiawan'].map(() => KeyPair.generate())
  const verifier = KeyPair.generate()
  const receipts: Receipt[] = []
  const round = async (calls: { key: KeyPair; method: string; args: JsonObject }[]): Promise<void> => {
    const ids = await Promise.all(calls.map((c) => node.submit(JSON.stringify(signTx({ network, contract: 'identity', method: c.method, args: c.args }, c.key).envelope))))
    for (const { txId } of ids) receipts.push((await node.waitForReceipt(txId, 10_000))!)
  }
  const names = ['Siti Rahayu', 'Budi Santoso', 'Dewi Lestari', 'Agus Setiawan']
  await round(citizens.map((key, i) => ({ key, method: 'register', args: { name: names[i]! } })))
  await round([{ key: admin, method: 'addMember', args: { org: 'dukcapil', did: verifier.did, roles: ['identity.verifier'] } }])
  await round(citizens.slice(0, 2).map((c) => ({ key: verifier, method: 'verifyCitizen', args: { did: c.did, evidence: { method: 'ktp-in-person' } } })))
  await round([{ key: citizens[0]!, method: 'register', args: { name: 'Siti lagi' } }])
  await close()
  return { citizens, verifier, receipts: receipts.sort((a, b) => a.index - b.index) }
}
