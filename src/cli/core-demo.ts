/**
 * What `npm start` runs until the embedded node exists: the ledger core at work, in memory. It
 * creates the Kota Contoh network, signs real transactions, executes them through the identity
 * contract, appends them to the Merkle log, signs a block and a checkpoint, and then checks all of
 * it with `saksi/verify` as an outside auditor would.
 */
import { KeyPair } from '../core/keys/key-pair.js'
import { signTx } from '../core/tx/sign-tx.js'
import { formatTime } from '../core/encoding/time.js'
import { toBase64 } from '../core/encoding/base64.js'
import type { JsonObject } from '../core/encoding/json.js'
import { genesisHash, type BlockHeader } from '../core/block/block-header.js'
import { buildBlockHeader } from '../core/block/build-block-header.js'
import { signBlock } from '../core/block/sign-block.js'
import { MemoryHashStore } from '../core/merkle/memory-hash-store.js'
import { inclusionProof } from '../core/merkle/inclusion-proof.js'
import { leafHash as merkleLeafHash } from '../core/merkle/hash.js'
import { signCheckpoint } from '../core/note/sign-checkpoint.js'
import { formatVerifierKey } from '../core/note/verifier-key.js'
import { createRuntime } from '../core/runtime/create-runtime.js'
import { executeBlock } from '../core/runtime/execute-block.js'
import { executeGenesis } from '../core/runtime/execute-genesis.js'
import { MemoryStateStore } from '../core/state/memory-state-store.js'
import { identity } from '../contracts/identity/identity.js'
import { leafHash, verifyCheckpoint, verifyEntry, verifyInclusion } from '../verify/index.js'

/** Runs the in-memory demonstration and prints what happened. */
export function runCoreDemo(log: (line: string) => void = console.log): { verified: boolean } {
  const network = 'kota-contoh'
  const origin = 'saksi.example/kota-contoh'
  const nodeKey = KeyPair.generate()
  const admin = KeyPair.generate()
  const verifier = KeyPair.generate()
  const citizens = ['Siti Rahayu', 'Budi Santoso', 'Dewi Lestari'].map((name) => ({ name, key: KeyPair.generate() }))
  const t0 = Date.now()
  const genesis: JsonObject = {
    network,
    origin,
    time: formatTime(t0),
    nodeKey: nodeKey.did,
    organisations: [{ id: 'dinsos', name: 'Dinas Sosial Kota Contoh', admins: [admin.did], grants: ['identity.verifier'] }],
  }

  const runtime = createRuntime({ contracts: [identity] })
  const state = new MemoryStateStore()
  const g = executeGenesis({ runtime, genesis, time: formatTime(t0) })
  state.apply(g.writes)
  const log0 = new MemoryHashStore()
  const b0 = buildBlockHeader({ network, genesisHash: genesisHash(genesis) }, { time: formatTime(t0), size: 0, logRoot: log0.root(), stateDigest: g.stateDigest, proposer: nodeKey.did })

  const call = (key: KeyPair, method: string, args: JsonObject) => signTx({ network, contract: 'identity', method, args, now: t0 }, key)
  const txs = [
    ...citizens.map((c) => call(c.key, 'register', { name: c.name })),
    call(citizens[0]!.key, 'register', { name: 'Siti (again)' }),
    call(admin, 'addMember', { org: 'dinsos', did: verifier.did, roles: ['identity.verifier'] }),
    call(verifier, 'verifyCitizen', { did: citizens[1]!.key.did, evidence: { method: 'ktp-in-person' } }),
    call(citizens[2]!.key, 'addMember', { org: 'dinsos', did: citizens[2]!.key.did, roles: ['identity.admin'] }),
  ]
  const time1 = formatTime(t0 + 1)
  const exec = executeBlock({ runtime, state, height: 1, time: time1, firstIndex: 0, txs, prevStateDigest: g.stateDigest })
  state.apply(exec.writes)
  log0.appendLeafHashes(exec.entryBytes.map((b) => merkleLeafHash(b)))
  const b1: BlockHeader = buildBlockHeader(b0, { time: time1, size: log0.size, logRoot: log0.root(), stateDigest: exec.stateDigest, proposer: nodeKey.did })
  const signed = signBlock(b1, nodeKey)
  const checkpoint = signCheckpoint({ origin, size: log0.size, root: log0.root() }, nodeKey)
  const vkey = formatVerifierKey(origin, nodeKey.publicKey)

  log(`Saksi — ledger core demo (network ${network})`)
  log(`The embedded node with its HTTP API comes with the "Embedded node" issue; this run is in memory.\n`)
  for (const r of exec.receipts) {
    const entry = exec.entries[r.index]!
    log(`  #${r.index} ${entry.tx.contract}.${entry.tx.method.padEnd(14)} ${r.status === 'ok' ? 'ok    ' : 'failed'} ${r.code ?? r.events.map((e) => e.type).join(', ')}`)
  }
  log(`\nBlock ${b1.height}: size ${b1.size}, stateDigest ${b1.stateDigest}, signed ${signed.sig.slice(0, 16)}…`)
  log(`\nCheckpoint (verifier key ${vkey}):\n${checkpoint}`)

  // An auditor's view: trust only the verifier key, check the checkpoint, each entry and its proof.
  const cp = verifyCheckpoint(checkpoint, [vkey], { origin })
  let verified = true
  exec.entryBytes.forEach((bytes, index) => {
    verifyEntry(bytes)
    const proof = inclusionProof(log0, index, cp.size).map(toBase64)
    verified &&= verifyInclusion({ leafHash: leafHash(bytes), index, size: cp.size, proof, root: cp.rootBase64 })
  })
  log(`Audit with saksi/verify: checkpoint signed by ${cp.signers.join(', ')}; ${exec.entryBytes.length} entries ${verified ? 'all included and correctly signed' : 'FAILED'}.`)
  return { verified }
}
