import { leafHash, nodeHash } from '../packages/saksi/src/core/merkle/hash.js'
import { MemoryHashStore } from '../packages/saksi/src/core/merkle/memory-hash-store.js'
import { MerkleAppender } from '../packages/saksi/src/core/merkle/merkle-appender.js'
import { rootAt } from '../packages/saksi/src/core/merkle/root-at.js'
import { inclusionProof } from '../packages/saksi/src/core/merkle/inclusion-proof.js'
import { consistencyProof } from '../packages/saksi/src/core/merkle/consistency-proof.js'
import { verifyInclusion } from '../packages/saksi/src/core/merkle/verify-inclusion.js'
import { verifyConsistency } from '../packages/saksi/src/core/merkle/verify-consistency.js'
import { opsPerSecond, type BenchResult } from './types.js'

const LEAVES = 1_000_000
const CHUNK = 4096

/** Deterministic pseudo-random indexes (xorshift), so runs compare. */
function indexes(count: number, bound: number, seed = 0x9e3779b9): number[] {
  let x = seed
  return Array.from({ length: count }, () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) % bound
  })
}

/** Appends all leaves (given as one flat buffer) in chunks of views, returns leaves per second. */
function timeAppend(flat: Uint8Array, append: (chunk: Uint8Array[]) => void): number {
  const start = performance.now()
  for (let i = 0; i < LEAVES; i += CHUNK) {
    const chunk: Uint8Array[] = []
    for (let j = i; j < Math.min(i + CHUNK, LEAVES); j++) chunk.push(flat.subarray(j * 32, j * 32 + 32))
    append(chunk)
  }
  return (LEAVES * 1000) / (performance.now() - start)
}

/**
 * The Merkle log at 1,000,000 leaves: appending (leaf hashes precomputed), roots, inclusion and
 * consistency proofs read from the in-memory store of subtree hashes, and their verification.
 */
export async function benchMerkle(): Promise<BenchResult[]> {
  const flat = new Uint8Array(LEAVES * 32)
  const entry = new Uint8Array(8)
  const view = new DataView(entry.buffer)
  for (let i = 0; i < LEAVES; i++) {
    view.setUint32(4, i)
    flat.set(leafHash(entry), i * 32)
  }

  const a = new Uint8Array(32).fill(1)
  const b = new Uint8Array(32).fill(2)
  const rawNodeHash = opsPerSecond(() => {
    nodeHash(a, b)
  }, 1000)

  const appender = new MerkleAppender()
  const appenderRate = timeAppend(flat, (chunk) => {
    for (const h of chunk) appender.appendTo(h, () => {})
  })
  const store = new MemoryHashStore()
  const storeRate = timeAppend(flat, (chunk) => store.appendLeafHashes(chunk))
  const n = store.size

  const sizes = indexes(4096, n).map((i) => i + 1)
  const leafIndexes = indexes(4096, n, 12345)
  let k = 0
  const rootRate = opsPerSecond(() => {
    rootAt(store, sizes[k++ & 4095]!)
  }, 1000)
  const frontierRootRate = opsPerSecond(() => {
    store.root()
  }, 1000)

  const inclusionRate = opsPerSecond(() => {
    inclusionProof(store, leafIndexes[k++ & 4095]!, n)
  })
  const root = store.root()
  const proofs = leafIndexes.slice(0, 1024).map((i) => ({ i, leaf: flat.slice(i * 32, i * 32 + 32), proof: inclusionProof(store, i, n) }))
  const verifyInclusionRate = opsPerSecond(() => {
    const p = proofs[k++ & 1023]!
    if (!verifyInclusion(p.leaf, p.i, n, p.proof, root)) throw new Error('inclusion proof did not verify')
  })

  const consistencyRate = opsPerSecond(() => {
    consistencyProof(store, sizes[k++ & 4095]!, n)
  })
  const consistency = sizes.slice(0, 1024).map((m) => ({ m, root1: rootAt(store, m), proof: consistencyProof(store, m, n) }))
  const verifyConsistencyRate = opsPerSecond(() => {
    const c = consistency[k++ & 1023]!
    if (!verifyConsistency(c.m, n, c.root1, root, c.proof)) throw new Error('consistency proof did not verify')
  })

  const vsHash = (value: number) => ({ value: value / rawNodeHash, baseline: 'raw nodeHash' })
  const at = `n = ${n.toLocaleString('en-US')}`
  return [
    { name: 'raw nodeHash (SHA-256 of 65 bytes)', value: rawNodeHash, unit: 'ops/s', note: 'the floor every figure below pays' },
    { name: 'append, MerkleAppender only', value: appenderRate, unit: 'leaves/s', ratio: vsHash(appenderRate), note: 'about one nodeHash per leaf' },
    { name: 'append, MemoryHashStore (all subtree hashes kept)', value: storeRate, unit: 'leaves/s', ratio: vsHash(storeRate), note: `to ${at}, leaf hashes precomputed` },
    { name: 'root at a random size (rootAt, store reads)', value: rootRate, unit: 'ops/s', note: at },
    { name: 'root at the current size (frontier, no reads)', value: frontierRootRate, unit: 'ops/s', note: at },
    { name: 'inclusion proof generation', value: inclusionRate, unit: 'ops/s', note: `random leaf, ${at}, ${proofs[0]!.proof.length} hashes` },
    { name: 'inclusion proof verification', value: verifyInclusionRate, unit: 'ops/s', note: `${at}, one nodeHash per proof hash` },
    { name: 'consistency proof generation', value: consistencyRate, unit: 'ops/s', note: `random size1 to ${at}` },
    { name: 'consistency proof verification', value: verifyConsistencyRate, unit: 'ops/s', note: `${at}, up to two nodeHash per proof hash` },
  ]
}
