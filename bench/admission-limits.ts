import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { MemoryLedgerStore } from '../src/store/memory/memory-ledger-store.js'
import { createGenesis } from '../src/node/genesis.js'
import { openNode } from '../src/node/open-node.js'
import { AdmissionGuard, resolveAdmissionLimits, type AdmissionLimits } from '../src/node/limits/index.js'
import { createRuntime } from '../packages/saksi/src/core/runtime/create-runtime.js'
import { parseEnvelope } from '../packages/saksi/src/core/tx/parse-envelope.js'
import { verifyParsedEnvelope } from '../packages/saksi/src/core/tx/verify-envelope.js'
import { serviceContracts } from '../src/services/registry.js'
import type { BenchResult } from './types.js'

const KEYS = 1000
const TXS = 20_000
const ROUNDS = 5
const CLIENTS = 256
const OFF: Partial<AdmissionLimits> = { perKey: null, perClient: null, failedCallsPerDay: null, maxArgsBytes: null, registeredOnly: false }

/**
 * CPU µs per transaction to admit and commit `texts` (all submitted at once, clients in turn) on a
 * fresh node with `limits`, signatures on the main thread: CPU time rather than wall time, which
 * other load on a shared machine swings by more than the limits cost.
 */
async function admitMicros(limits: Partial<AdmissionLimits>, registrations: string[], texts: string[], nodeKey: KeyPair, genesis: ReturnType<typeof createGenesis>): Promise<number> {
  const node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, maxPending: 50_000, signatureWorkers: 0, admission: limits })
  try {
    const ids = await Promise.all(registrations.map((t) => node.submit(t)))
    await node.waitForReceipt(ids.at(-1)!.txId, 30_000)
    const before = process.cpuUsage()
    const admitted = await Promise.all(texts.map((t, i) => node.submit(t, { client: `10.0.${i % CLIENTS}.1` })))
    await node.waitForReceipt(admitted.at(-1)!.txId, 60_000)
    const used = process.cpuUsage(before)
    return (used.user + used.system) / texts.length
  } finally {
    await node.close()
  }
}

/** µs per transaction of the guard's checks alone (on a node's committed state), and of parse + verify. */
async function guardMicros(registrations: string[], texts: string[], nodeKey: KeyPair, genesis: ReturnType<typeof createGenesis>): Promise<{ guard: number; envelope: number }> {
  const node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0 })
  try {
    const ids = await Promise.all(registrations.map((t) => node.submit(t)))
    await node.waitForReceipt(ids.at(-1)!.txId, 30_000)
    const parsed = texts.map((t) => parseEnvelope(t))
    const limits = resolveAdmissionLimits(genesis)
    const guard = new AdmissionGuard({ limits: { ...limits, perKey: { burst: 1e9, perSecond: 1e9 }, perClient: { burst: 1e9, perSecond: 1e9 } }, runtime: createRuntime({ contracts: serviceContracts() }), authorize: (p, r) => node.authorize(p, r), now: Date.now })
    const run = async () => {
      for (let i = 0; i < parsed.length; i++) {
        guard.beforeSignature(parsed[i]!, `10.0.${i % CLIENTS}.1`)
        await guard.afterSignature(parsed[i]!)
      }
    }
    await run()
    let started = performance.now()
    await run()
    const guardUs = ((performance.now() - started) * 1000) / parsed.length
    started = performance.now()
    for (const t of texts.slice(0, 5000)) verifyParsedEnvelope(parseEnvelope(t))
    return { guard: guardUs, envelope: ((performance.now() - started) * 1000) / 5000 }
  } finally {
    await node.close()
  }
}

/**
 * The admission limits' cost (finding 3 of issue 12): the same 20,000 calls by 1,000 registered
 * keys from 256 client addresses, admitted and committed in process (parse, signature, and
 * with the limits: client bucket, argument size, registered-signer read, failed-call cap, key
 * bucket), on nodes with the default limits and with every limit off, alternately, 5 rounds each;
 * the medians of CPU per transaction and their same-run ratio. The calls are `procurement.createPlan` by citizens, which
 * fail on their policy (a cheap call that is not a registration, so the registered check runs).
 */
export async function benchAdmissionLimits(): Promise<BenchResult[]> {
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did })
  const keys = Array.from({ length: KEYS }, () => KeyPair.generate())
  const sign = (key: KeyPair, contract: string, method: string, args: Record<string, string>) => JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args, ttlSeconds: 3600 }, key).envelope)
  const registrations = keys.map((k, i) => sign(k, 'identity', 'register', { name: `Warga ${i}` }))
  const texts = Array.from({ length: TXS }, (_, i) => sign(keys[i % KEYS]!, 'procurement', 'createPlan', { process: `p-${i}` }))
  const on: number[] = []
  const off: number[] = []
  // Alternately first, so that neither gains from the other's warm-up or suffers its garbage.
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) off.push(await admitMicros(OFF, registrations, texts, nodeKey, genesis))
    on.push(await admitMicros({}, registrations, texts, nodeKey, genesis))
    if (r % 2 === 1) off.push(await admitMicros(OFF, registrations, texts, nodeKey, genesis))
  }
  const checks = await guardMicros(registrations, texts, nodeKey, genesis)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const usOff = median(off)
  const usOn = median(on)
  return [
    { name: 'admit and commit, every limit off: CPU per tx', value: usOff, unit: 'µs', note: `median of ${ROUNDS}, signatures on the main thread` },
    { name: 'admit and commit, default limits: CPU per tx', value: usOn, unit: 'µs', ratio: { value: usOn / usOff, baseline: 'limits off' }, note: `median of ${ROUNDS}; ${KEYS} keys, ${CLIENTS} clients` },
    { name: 'admission throughput with the limits (same run)', value: usOff / usOn, unit: '× limits off' },
    { name: 'parse and verify one envelope, one core', value: checks.envelope, unit: 'µs' },
    { name: 'the limits\' checks of one transaction, main thread', value: checks.guard, unit: 'µs', ratio: { value: checks.guard / checks.envelope, baseline: 'parse and verify' } },
  ]
}
