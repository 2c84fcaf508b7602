/** Proofs and roots read O(log n) stored hashes, in one `getNodes` call, never the whole log. */
import { describe, expect, it } from 'vitest'
import { bitLength } from './bits.js'
import { consistencyProof } from './consistency-proof.js'
import { leafHash } from './hash.js'
import { inclusionProof } from './inclusion-proof.js'
import { MemoryHashStore } from './memory-hash-store.js'
import { rootAt } from './root-at.js'
import { CountingReader } from './testing/counting-reader.js'
import { periodicTree } from './testing/periodic-tree.js'
import { seededRandom } from './testing/seeded-random.js'

const ceilLog2 = (n: number): number => (n <= 1 ? 0 : bitLength(n - 1))

describe('inclusionProof, consistencyProof and rootAt', () => {
  describe('when the store holds 2^16 + 3 real leaves', () => {
    const n = 2 ** 16 + 3
    const store = new MemoryHashStore()
    store.appendLeafHashes(Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(String(i)))))
    const counting = new CountingReader(store)

    it('reads at most 2 ceil(log2 n) nodes in one call for any index and size', () => {
      const random = seededRandom(1)
      for (let t = 0; t < 500; t++) {
        const size = 1 + random(n)
        counting.reset()
        inclusionProof(counting, random(size), size)
        expect(counting.reads).toBeLessThanOrEqual(2 * ceilLog2(size))
        expect(counting.calls).toBeLessThanOrEqual(1)
      }
    })

    it('reads at most 2 ceil(log2 n) + 2 nodes for a consistency proof and popcount(n) for a root', () => {
      const random = seededRandom(2)
      for (let t = 0; t < 500; t++) {
        const size2 = 1 + random(n)
        counting.reset()
        consistencyProof(counting, 1 + random(size2), size2)
        expect(counting.reads).toBeLessThanOrEqual(2 * ceilLog2(size2) + 2)
        counting.reset()
        rootAt(counting, size2)
        expect(counting.reads).toBeLessThanOrEqual(bitLength(size2))
      }
    })
  })

  describe('when the log has up to 2^53-1 leaves (a synthetic store)', () => {
    const counting = new CountingReader(periodicTree(3).store)

    it('still reads O(log n) nodes per proof, in one call: at most 2 ceil(log2 n) + 2', () => {
      const random = seededRandom(3)
      const sizes = [2 ** 20, 2 ** 20 + 1, 2 ** 32 + 1, 2 ** 52 + 2 ** 51 - 1, Number.MAX_SAFE_INTEGER, ...Array.from({ length: 100 }, () => 1 + random(Number.MAX_SAFE_INTEGER))]
      const readsOf = (fn: () => unknown): number => {
        counting.reset()
        fn()
        expect(counting.calls).toBe(1)
        return counting.reads
      }
      let worst = 0
      for (const n of sizes) {
        const bound = 2 * ceilLog2(n) + 2
        for (const reads of [
          readsOf(() => inclusionProof(counting, random(n), n)),
          readsOf(() => inclusionProof(counting, n - 1, n)),
          readsOf(() => consistencyProof(counting, 1 + random(n - 1), n)),
          readsOf(() => consistencyProof(counting, n - 1, n)),
          readsOf(() => rootAt(counting, n)),
        ]) {
          expect(reads).toBeLessThanOrEqual(bound)
          worst = Math.max(worst, reads)
        }
      }
      expect(worst).toBeLessThanOrEqual(2 * 53 + 2)
    })
  })
})
