import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { MemoryLedgerStore } from '../src/store/memory/memory-ledger-store.js'
import { createGenesis } from '../src/node/genesis.js'
import { openNode } from '../src/node/open-node.js'
import type { AdmissionLimits } from '../src/node/limits/index.js'
import { serviceContracts } from '../src/services/registry.js'
import type { BenchResult } from './types.js'

const TXS = 2000
const ROUNDS = 3
const OFF: Partial<AdmissionLimits> = { perKey: null, perClient: null, failedCallsPerDay: null, registeredOnly: false }

/** CPU µs per call of `each` over `texts`, one after the other (the node's own turn, signatures on the main thread). */
async function cpuMicros(texts: string[], each: (text: string) => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage()
  for (const t of texts) await each(t)
  const used = process.cpuUsage(before)
  return (used.user + used.system) / texts.length
}

/**
 * What one `POST /v1/tx/simulate` of `identity.register` costs the node (admission's checks, then
 * the call on the committed head, nothing kept) beside one admission of the same envelope (the
 * checks and the txId reserved; the commit itself not counted), in rounds on one node.
 */
export async function benchSimulate(): Promise<BenchResult[]> {
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did })
  // Blocks are cut only at the end of a round, so that committing does not run inside the admissions measured.
  const node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, maxPending: TXS * 2, maxBlockTxs: TXS * 2, maxBlockDelayMs: 60_000, signatureWorkers: 0, admission: OFF })
  let simulate = 0
  let admit = 0
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const texts = Array.from({ length: TXS }, (_, i) => JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Toko Maju Jaya' }, nonce: `r${round}n${i}` }, KeyPair.generate()).envelope))
      simulate += await cpuMicros(texts, (t) => node.simulate(t))
      admit += await cpuMicros(texts, (t) => node.submit(t))
    }
  } finally {
    await node.close()
  }
  simulate /= ROUNDS
  admit /= ROUNDS
  return [
    { name: 'admission of identity.register (POST /v1/tx)', value: admit, unit: 'µs CPU' },
    { name: 'simulate of identity.register (POST /v1/tx/simulate)', value: simulate, unit: 'µs CPU', ratio: { value: simulate / admit, baseline: 'admission' }, note: 'checks + the call on the committed head' },
  ]
}
