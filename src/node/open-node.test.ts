import { afterEach, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../packages/saksi/src/core/encoding/json.js'
import { formatTime } from '../../packages/saksi/src/core/encoding/time.js'
import type { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import type { Receipt } from '../../packages/saksi/src/core/runtime/receipt.js'
import { signTx } from '../../packages/saksi/src/core/tx/sign-tx.js'
import type { ParsedEnvelope } from '../../packages/saksi/src/core/tx/types.js'
import { testKey } from '../services/identity/contract/testing/harness.js'
import { periodAt } from '../services/welfare/contract/periods.js'
import { pkhRules } from '../services/welfare/contract/pkh-example.js'
import { head, householdArgs, member, people, welfareGenesis } from '../services/welfare/contract/testing/welfare-fixture.js'
import type { LedgerStore } from '../store/ledger-store.js'
import { MemoryLedgerStore } from '../store/memory/memory-ledger-store.js'
import { AsyncOnlyStore } from '../store/testing/async-only-store.js'
import { createGenesis } from './genesis.js'
import { serviceContracts } from '../services/registry.js'
import type { LedgerNode } from './ledger-node.js'
import { openNode } from './open-node.js'
import type { BatchHandler, Orderer } from './orderer.js'

const T0 = Date.parse('2026-11-23T00:00:00.000Z')
const nodeKey = testKey(50)
const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, time: T0, organisations: welfareGenesis().organisations as never })
const P = 'dinsos.pkh'
const period = periodAt('quarter', formatTime(T0))
const citizens = Array.from({ length: 6 }, (_, i) => testKey(60 + i))

/** Blocks exactly as the test cuts them, at the times it gives: the same blocks on every node. */
class ManualOrderer implements Orderer {
  #queue: ParsedEnvelope[] = []
  #handler: BatchHandler | undefined
  submit(tx: ParsedEnvelope): void {
    this.#queue.push(tx)
  }
  start(handler: BatchHandler): void {
    this.#handler = handler
  }
  queued(): number {
    return this.#queue.length
  }
  async stop(): Promise<void> {}
  /** Hands everything queued to the node as one block; resolves once it is committed. */
  seal(time: number): Promise<void> {
    const txs = this.#queue
    this.#queue = []
    return this.#handler!({ time: formatTime(time), txs })
  }
}

const opened: LedgerNode[] = []
afterEach(async () => {
  for (const n of opened.splice(0)) await n.close()
})

async function start(store: LedgerStore, stateCacheSize?: number): Promise<{ node: LedgerNode; orderer: ManualOrderer }> {
  const orderer = new ManualOrderer()
  const node = await openNode({ contracts: serviceContracts(), store, key: nodeKey, genesis, orderer, signatureWorkers: 0, now: () => T0, stateCacheSize })
  opened.push(node)
  return { node, orderer }
}

const tx = (key: KeyPair, contract: string, method: string, args: JsonObject): string => JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args, now: T0, ttlSeconds: 3000 }, key).envelope)

/**
 * Runs identity and welfare transactions on a node with synchronous state, block by block (later
 * blocks use what earlier ones returned), and returns each block's envelopes.
 */
async function referenceRun(): Promise<{ node: LedgerNode; blocks: string[][] }> {
  const { node, orderer } = await start(new MemoryLedgerStore())
  const blocks: string[][] = []
  const block = async (envelopes: string[]): Promise<Receipt[]> => {
    blocks.push(envelopes)
    const ids = []
    for (const e of envelopes) ids.push((await node.submit(e)).txId)
    await orderer.seal(T0 + blocks.length * 1000)
    return Promise.all(ids.map(async (id) => (await node.waitForReceipt(id, 1000))!))
  }
  await block([
    tx(people.programmeAdmin, 'welfare', 'createProgramme', { programme: P, name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(period) }),
    ...citizens.map((c, i) => tx(c, 'identity', 'register', { name: `Warga ${i}` })),
    tx(citizens[0]!, 'identity', 'register', { name: 'Warga 0 lagi' }),
  ])
  const registered = await block([
    ...Array.from({ length: 5 }, () => tx(people.enumerator, 'welfare', 'registerHousehold', householdArgs(P, [head(), member({ schoolLevel: 'sd' }), member({ schoolLevel: 'smp', birthMonth: '2012-02' })]))),
    ...citizens.slice(0, 3).map((c) => tx(people.identityVerifier, 'identity', 'verifyCitizen', { did: c.did, evidence: { method: 'dukcapil' } })),
  ])
  const households = registered.filter((r) => r.events[0]?.type === 'welfare.HouseholdRegistered').map((r) => (r.events[0]!.data as { household: string }).household)
  expect(households).toHaveLength(5)
  await block([
    ...households.map((household) => tx(people.verifier, 'welfare', 'verifyHousehold', { programme: P, household, evidence: { method: 'dukcapil' } })),
    tx(people.identityVerifier, 'identity', 'verifyCitizen', { did: citizens[0]!.did, evidence: { method: 'dukcapil' } }),
  ])
  await block([tx(people.treasurer, 'welfare', 'disburse', { programme: P, period })])
  await block([tx(people.enumerator, 'welfare', 'registerHousehold', householdArgs(P, [head()])), tx(people.treasurer, 'welfare', 'disburse', { programme: P, period })])
  return { node, blocks }
}

/** Replays the reference blocks on `store`, two blocks in flight at a time. */
async function replay(store: LedgerStore, blocks: string[][], stateCacheSize?: number): Promise<LedgerNode> {
  const { node, orderer } = await start(store, stateCacheSize)
  let previous: Promise<void> = Promise.resolve()
  for (const [i, envelopes] of blocks.entries()) {
    for (const e of envelopes) await node.submit(e)
    const sealed = orderer.seal(T0 + (i + 1) * 1000)
    await previous
    previous = sealed
  }
  await previous
  return node
}

async function headers(node: LedgerNode): Promise<unknown[]> {
  return Promise.all(Array.from({ length: node.size() === 0 ? 1 : (await node.block('latest')).header.height + 1 }, async (_, h) => (await node.block(h)).header))
}

async function metric(node: LedgerNode, name: string): Promise<number> {
  return (await node.metrics.getSingleMetric(name)!.get()).values[0]!.value
}

describe('openNode', () => {
  describe('when the store reads contract state only asynchronously', () => {
    it('commits the same blocks as on a store with synchronous reads, with a bounded cache that evicts, and answers queries', async () => {
      const reference = await referenceRun()
      const expected = await headers(reference.node)
      expect(expected).toHaveLength(6)
      const queries = async (node: LedgerNode) => [
        await node.query('welfare', 'run', { programme: P, period }),
        await node.query('identity', 'get', { did: citizens[0]!.did }),
        await node.query('welfare', 'stats', { programme: P, period }),
      ]
      const want = await queries(reference.node)

      for (const cacheSize of [undefined, 12]) {
        const store = new AsyncOnlyStore()
        expect((store as LedgerStore).syncState).toBeUndefined()
        const node = await replay(store, reference.blocks, cacheSize)
        expect(await headers(node), `cache of ${cacheSize ?? 'default'} entries`).toEqual(expected)
        expect(await queries(node)).toEqual(want)
        expect(await metric(node, 'saksi_state_loads_total')).toBeGreaterThan(0)
        expect(store.batches).toBeGreaterThan(0)
        if (cacheSize !== undefined) {
          expect(await metric(node, 'saksi_state_cache_evictions_total')).toBeGreaterThan(0)
          expect(await metric(node, 'saksi_state_cache_entries')).toBeLessThanOrEqual(cacheSize)
        }
      }
    })
  })
})
