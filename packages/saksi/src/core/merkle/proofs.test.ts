/**
 * Property tests: roots and proofs read from stored subtree hashes equal the naive recursive
 * definitions of RFC 9162 section 2.1 (testing/reference.ts), and verify.
 */
import { describe, expect, it } from 'vitest'
import { toHex } from '../encoding/hex.js'
import { consistencyProof, consistencyProofAsync } from './consistency-proof.js'
import { leafHash } from './hash.js'
import { inclusionProof, inclusionProofAsync } from './inclusion-proof.js'
import { MemoryHashStore } from './memory-hash-store.js'
import { rootAt, rootAtAsync } from './root-at.js'
import { periodicTree } from './testing/periodic-tree.js'
import { listHasher, referenceConsistency, referencePath, referenceRoot } from './testing/reference.js'
import { seededRandom } from './testing/seeded-random.js'
import { verifyConsistency } from './verify-consistency.js'
import { verifyInclusion } from './verify-inclusion.js'

const hex = (hashes: readonly Uint8Array[]): string[] => hashes.map(toHex)

function leaves(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)))
}

const SMALL = 130
const smallLeaves = leaves(SMALL)
const smallMth = listHasher(smallLeaves)
const smallStore = new MemoryHashStore()
smallStore.appendLeafHashes(smallLeaves)

describe('rootAt', () => {
  describe('when the size is anything from 0 to 130', () => {
    it('equals MTH computed from the leaves, and the store root at that size', () => {
      const growing = new MemoryHashStore()
      for (let n = 0; n <= SMALL; n++) {
        const want = toHex(referenceRoot(smallMth, n))
        expect(toHex(rootAt(smallStore, n)), `size ${n}`).toBe(want)
        expect(toHex(growing.root()), `appender root at size ${n}`).toBe(want)
        if (n < SMALL) growing.appendLeafHashes([smallLeaves[n]!])
      }
    })
  })
})

describe('inclusionProof', () => {
  describe('when every index of every size from 1 to 130 is proven', () => {
    it('equals PATH(m, D[n]) and verifies, and fails for any other index', () => {
      let checked = 0
      for (let n = 1; n <= SMALL; n++) {
        const root = referenceRoot(smallMth, n)
        for (let m = 0; m < n; m++) {
          const proof = inclusionProof(smallStore, m, n)
          expect(hex(proof), `m=${m} n=${n}`).toEqual(hex(referencePath(smallMth, m, n)))
          expect(verifyInclusion(smallLeaves[m]!, m, n, proof, root), `m=${m} n=${n}`).toBe(true)
          if (n > 1) expect(verifyInclusion(smallLeaves[m]!, (m + 1) % n, n, proof, root)).toBe(false)
          checked++
        }
      }
      expect(checked).toBe((SMALL * (SMALL + 1)) / 2)
    })
  })
})

describe('consistencyProof', () => {
  describe('when every pair 0 <= m <= n <= 130 is proven', () => {
    it('equals PROOF(m, D[n]) and verifies (m > 0), and fails against a wrong root', () => {
      for (let n = 1; n <= SMALL; n++) {
        const root2 = referenceRoot(smallMth, n)
        expect(consistencyProof(smallStore, 0, n)).toEqual([])
        for (let m = 1; m <= n; m++) {
          const root1 = referenceRoot(smallMth, m)
          const proof = consistencyProof(smallStore, m, n)
          expect(hex(proof), `m=${m} n=${n}`).toEqual(hex(referenceConsistency(smallMth, m, n)))
          expect(verifyConsistency(m, n, root1, root2, proof), `m=${m} n=${n}`).toBe(true)
          if (m < n) expect(verifyConsistency(m, n, root2, root1, proof), `swapped m=${m} n=${n}`).toBe(false)
        }
      }
    })
  })
})

describe('inclusionProof and consistencyProof from a larger store', () => {
  const N = 5000
  const bigLeaves = leaves(N)
  const mth = listHasher(bigLeaves)
  const store = new MemoryHashStore()
  store.appendLeafHashes(bigLeaves)
  const random = seededRandom(6962)

  describe('when sizes and indexes are random up to 5000', () => {
    it('match the reference and verify', () => {
      for (let t = 0; t < 300; t++) {
        const n = 1 + random(N)
        const m = random(n)
        const size1 = 1 + random(n)
        const root = referenceRoot(mth, n)
        const inc = inclusionProof(store, m, n)
        expect(hex(inc), `m=${m} n=${n}`).toEqual(hex(referencePath(mth, m, n)))
        expect(verifyInclusion(bigLeaves[m]!, m, n, inc, root)).toBe(true)
        const con = consistencyProof(store, size1, n)
        expect(hex(con), `size1=${size1} n=${n}`).toEqual(hex(referenceConsistency(mth, size1, n)))
        expect(verifyConsistency(size1, n, referenceRoot(mth, size1), root, con)).toBe(true)
      }
    })
  })

  describe('when the store answers asynchronously', () => {
    it('gives the same roots and proofs', async () => {
      const asyncStore = { getNodes: async (ids: Parameters<MemoryHashStore['getNodes']>[0]) => store.getNodes(ids) }
      expect(toHex(await rootAtAsync(asyncStore, 4321))).toBe(toHex(rootAt(store, 4321)))
      expect(hex(await inclusionProofAsync(asyncStore, 1234, 4321))).toEqual(hex(inclusionProof(store, 1234, 4321)))
      expect(hex(await consistencyProofAsync(asyncStore, 1234, 4321))).toEqual(hex(consistencyProof(store, 1234, 4321)))
      expect(toHex(await rootAtAsync(asyncStore, 0))).toBe(toHex(rootAt(store, 0)))
    })
  })
})

describe('inclusionProof, consistencyProof and rootAt beyond 2^32 leaves', () => {
  const tree = periodicTree(4)
  const random = seededRandom(9162)
  const MAX = Number.MAX_SAFE_INTEGER
  // Sizes around the 32-bit and 53-bit edges, where shifts and Math.log2 would go wrong.
  const edges = [2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 33 + 5, 2 ** 52, 2 ** 52 + 1, MAX - 1, MAX]

  describe('when sizes and indexes are at the 32- and 53-bit edges or random up to 2^53-1', () => {
    it('match the reference and verify', () => {
      const sizes = [...edges, ...Array.from({ length: 40 }, () => 1 + random(MAX))]
      for (const n of sizes) {
        const root = referenceRoot(tree.mth, n)
        expect(toHex(rootAt(tree.store, n)), `n=${n}`).toBe(toHex(root))
        for (const m of [0, n - 1, Math.floor(n / 2), random(n), random(n)]) {
          const proof = inclusionProof(tree.store, m, n)
          expect(hex(proof), `m=${m} n=${n}`).toEqual(hex(referencePath(tree.mth, m, n)))
          expect(verifyInclusion(tree.mth(m, m + 1), m, n, proof, root), `m=${m} n=${n}`).toBe(true)
        }
        for (const size1 of [1, n - 1, Math.floor(n / 2), 2 ** 32, 1 + random(n)].filter((s) => s >= 1 && s <= n)) {
          const proof = consistencyProof(tree.store, size1, n)
          expect(hex(proof), `size1=${size1} n=${n}`).toEqual(hex(referenceConsistency(tree.mth, size1, n)))
          expect(verifyConsistency(size1, n, referenceRoot(tree.mth, size1), root, proof), `size1=${size1} n=${n}`).toBe(true)
        }
      }
    })
  })
})
