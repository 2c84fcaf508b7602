/**
 * Test support: a synthetic log of any size up to 2^53-1 whose leaves repeat with period 2^p
 * (leaf i is leafHash of the 8-byte big-endian value i mod 2^p). Complete subtrees of at least
 * 2^p leaves then depend only on their level, so every hash is computable, and the tree is a real
 * RFC 6962 tree: proofs built from it must verify, and a wrong index at a low level still shows.
 */
import { leafHash, nodeHash } from '../hash.js'
import type { MerkleHashReader } from '../hash-store.js'
import type { NodeId } from '../node-id.js'
import { splitPoint, type RangeHasher } from './reference.js'

/** A periodic tree: its range hasher (for the reference) and a store serving its node hashes. */
export interface PeriodicTree {
  /** MTH of any leaf range. */
  readonly mth: RangeHasher
  /** A store that holds every complete subtree of a log of 2^53-1 leaves. */
  readonly store: MerkleHashReader
}

/**
 * Builds a periodic tree.
 * @param periodBits p: leaves repeat every 2^p
 * @returns its range hasher and store
 */
export function periodicTree(periodBits = 4): PeriodicTree {
  const period = 2 ** periodBits
  const memo = new Map<string, Uint8Array>()
  const leaf = (i: number): Uint8Array => {
    const bytes = new Uint8Array(8)
    new DataView(bytes.buffer).setBigUint64(0, BigInt(i % period))
    return leafHash(bytes)
  }
  const mth: RangeHasher = (begin, end) => {
    const width = end - begin
    if (width === 1) return leaf(begin)
    // Compare exactly: Math.log2 rounds (log2(2^53-1) is 53).
    const complete = 2 ** Math.round(Math.log2(width)) === width && begin % width === 0
    const key = complete ? (width >= period ? `c${width}` : `c${width}@${begin % period}`) : `${begin},${end}`
    let h = memo.get(key)
    if (!h) {
      const k = splitPoint(width)
      h = nodeHash(mth(begin, begin + k), mth(begin + k, end))
      memo.set(key, h)
    }
    return h
  }
  const store: MerkleHashReader = {
    getNodes: (ids: readonly NodeId[]) =>
      ids.map(({ level, index }) => {
        const width = 2 ** level
        return mth(index * width, (index + 1) * width)
      }),
  }
  return { mth, store }
}
