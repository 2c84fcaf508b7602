import { genesisHash, type SignedBlock } from '../../../packages/saksi/src/core/block/block-header.js'
import { buildBlockHeader } from '../../../packages/saksi/src/core/block/build-block-header.js'
import { signBlock } from '../../../packages/saksi/src/core/block/sign-block.js'
import { toBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import type { ExecutionLimits } from '../../../packages/saksi/src/core/runtime/execution-limits.js'
import { formatTime } from '../../../packages/saksi/src/core/encoding/time.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { leafHash } from '../../../packages/saksi/src/core/merkle/hash.js'
import { consistencyProof } from '../../../packages/saksi/src/core/merkle/consistency-proof.js'
import { inclusionProof } from '../../../packages/saksi/src/core/merkle/inclusion-proof.js'
import { MemoryHashStore } from '../../../packages/saksi/src/core/merkle/memory-hash-store.js'
import { signCheckpoint } from '../../../packages/saksi/src/core/note/sign-checkpoint.js'
import { createRuntime } from '../../../packages/saksi/src/core/runtime/create-runtime.js'
import { executeBlock } from '../../../packages/saksi/src/core/runtime/execute-block.js'
import { executeGenesis } from '../../../packages/saksi/src/core/runtime/execute-genesis.js'
import { MemoryStateStore } from '../../../packages/saksi/src/core/state/memory-state-store.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import type { ParsedEnvelope } from '../../../packages/saksi/src/core/tx/types.js'
import { identity } from '../../services/identity/contract/identity.js'
import { createGenesis } from '../../node/genesis.js'
import type { AuditSource } from '../audit-source.js'
import { stateAfter } from '../compare-state.js'

/** A ledger built in memory with the core alone (no node, no store), open to tampering. */
export interface FixtureLedger {
  genesis: JsonObject
  nodeKey: KeyPair
  blocks: SignedBlock[]
  checkpoints: string[]
  entries: Uint8Array[]
  state: MemoryStateStore
  tree: MemoryHashStore
  /** An audit source over the (possibly tampered) arrays above. */
  source(kind: 'data' | 'node'): AuditSource
}

const T0 = Date.parse('2026-11-23T08:00:00.000Z')

/**
 * Builds `blocks` blocks after genesis, each with registrations, a duplicate registration (failed),
 * and from block 2 on a verification by an official added in block 1.
 * @param blocks blocks after block 0
 * @param perBlock citizens registering per block
 * @param executionLimits the genesis `limits.execution` the calls run under (default: createGenesis's)
 */
export function buildFixtureLedger(blocks = 3, perBlock = 4, executionLimits?: ExecutionLimits): FixtureLedger {
  const network = 'kota-contoh'
  const origin = 'saksi.example/kota-contoh'
  const nodeKey = KeyPair.generate()
  const admin = KeyPair.generate()
  const verifier = KeyPair.generate()
  const genesis = createGenesis({ network, origin, nodeKey: nodeKey.did, time: T0, organisations: [{ id: 'dukcapil', name: 'Dukcapil', admins: [admin.did], grants: ['identity.verifier'] }], executionLimits })
  const runtime = createRuntime({ contracts: [identity], limits: executionLimits })
  const state = new MemoryStateStore()
  const tree = new MemoryHashStore()
  const g = executeGenesis({ runtime, genesis, time: formatTime(T0) })
  state.apply(g.writes)
  let header = buildBlockHeader({ network, genesisHash: genesisHash(genesis) }, { time: formatTime(T0), size: 0, logRoot: tree.root(), stateDigest: g.stateDigest, proposer: nodeKey.did })
  const ledger: FixtureLedger = {
    genesis,
    nodeKey,
    blocks: [signBlock(header, nodeKey)],
    checkpoints: [signCheckpoint({ origin, size: 0, root: tree.root() }, nodeKey)],
    entries: [],
    state,
    tree,
    source: (kind) => fixtureSource(ledger, kind),
  }
  const call = (key: KeyPair, method: string, args: JsonObject): ParsedEnvelope => signTx({ network, contract: 'identity', method, args, now: T0 }, key)
  const citizens: KeyPair[] = []
  for (let h = 1; h <= blocks; h++) {
    const txs: ParsedEnvelope[] = []
    if (h === 1) txs.push(call(admin, 'addMember', { org: 'dukcapil', did: verifier.did, roles: ['identity.verifier'] }))
    for (let i = 0; i < perBlock; i++) {
      const key = KeyPair.generate()
      citizens.push(key)
      txs.push(call(key, 'register', { name: `Warga ${h}-${i}` }))
    }
    txs.push(call(citizens[0]!, 'register', { name: `Warga lagi ${h}` }))
    if (h >= 2) txs.push(call(verifier, 'verifyCitizen', { did: citizens[h - 1]!.did, evidence: { method: 'ktp-in-person' } }))
    const time = formatTime(T0 + h * 1000)
    const exec = executeBlock({ runtime, state, height: h, time, firstIndex: tree.size, txs, prevStateDigest: Buffer.from(header.stateDigest, 'base64') })
    state.apply(exec.writes)
    tree.appendLeafHashes(exec.entryBytes.map((b) => leafHash(b)))
    ledger.entries.push(...exec.entryBytes)
    header = buildBlockHeader(header, { time, size: tree.size, logRoot: tree.root(), stateDigest: exec.stateDigest, proposer: nodeKey.did })
    ledger.blocks.push(signBlock(header, nodeKey))
    ledger.checkpoints.push(signCheckpoint({ origin, size: tree.size, root: tree.root() }, nodeKey))
  }
  return ledger
}

function fixtureSource(ledger: FixtureLedger, kind: 'data' | 'node'): AuditSource {
  const height = ledger.blocks.length - 1
  const source: AuditSource = {
    label: `fixture (${kind})`,
    genesis: async () => ({ document: ledger.genesis }),
    head: async () => ({ checkpoint: ledger.checkpoints[height]!, height }),
    block: async (h) => (ledger.blocks[h] === undefined ? undefined : structuredClone(ledger.blocks[h])),
    entries: async (from, to) => ledger.entries.slice(from, to),
    close: async () => undefined,
  }
  if (kind === 'data') {
    source.checkpointAt = async (h) => ledger.checkpoints[h]
    source.stateRange = async (c, after, limit) => stateAfter(ledger.state, c, after, limit)
    source.currentHeight = async () => height
  } else {
    Object.assign(source, {
      proofs: {
        inclusion: async (index: number, size: number) => inclusionProof(ledger.tree, index, size).map(toBase64),
        consistency: async (from: number, to: number) => consistencyProof(ledger.tree, from, to).map(toBase64),
      },
    })
  }
  return source
}
