/**
 * The real embedded node over an in-memory store, for running the API's tests against it
 * (the default; `SAKSI_API_NODE=fake` uses the fake). Test-only. The modules are imported by computed
 * name so that the API's tests build while the node is still being written.
 */
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import type { SaksiNode } from '../../node/saksi-node.js'
import { FAKE_ADMIN_KEY, TEST_NODE_KEY } from './fake-node.js'

interface NodeModules {
  openNode(options: Record<string, unknown>): Promise<SaksiNode>
  createGenesis(input: Record<string, unknown>): JsonObject
  MemoryLedgerStore: new () => unknown
  serviceContracts(): unknown[]
}

async function load(): Promise<NodeModules> {
  const at = (path: string) => import(/* @vite-ignore */ new URL(path, import.meta.url).href) as Promise<Record<string, unknown>>
  const [open, genesis, store, registry] = await Promise.all([at('../../node/open-node.js'), at('../../node/genesis.js'), at('../../store/memory/memory-ledger-store.js'), at('../../services/registry.js')])
  return { openNode: open.openNode, createGenesis: genesis.createGenesis, MemoryLedgerStore: store.MemoryLedgerStore, serviceContracts: registry.serviceContracts } as NodeModules
}

/**
 * Opens the real node on a fresh in-memory store, with the same network, origin and admin key as
 * the fake node, blocks cut after 2 ms, and signatures verified on the main thread.
 */
export async function openRealNode(): Promise<SaksiNode> {
  const m = await load()
  const key = TEST_NODE_KEY
  const genesis = m.createGenesis({
    network: 'kota-contoh',
    origin: 'saksi.example/kota-contoh',
    nodeKey: key.did,
    organisations: [{ id: 'dinsos', name: 'Dinas Sosial Kota Contoh', admins: [FAKE_ADMIN_KEY.did] }],
  })
  return m.openNode({ contracts: m.serviceContracts(), store: new m.MemoryLedgerStore(), key, genesis, signatureWorkers: 0, maxBlockDelayMs: 2 })
}
