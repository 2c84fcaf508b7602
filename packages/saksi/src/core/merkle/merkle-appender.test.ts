import { describe, expect, it } from 'vitest'
import { toHex } from '../encoding/hex.js'
import { EMPTY_ROOT, leafHash } from './hash.js'
import { MemoryHashStore } from './memory-hash-store.js'
import { MerkleAppender, type MerkleNode } from './merkle-appender.js'
import { nodeKey } from './node-id.js'
import { rootPlan } from './root-plan.js'
import { listHasher, referenceRoot } from './testing/reference.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const leaves = Array.from({ length: 300 }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}`)))
const mth = listHasher(leaves)

describe('MerkleAppender', () => {
  describe('when new', () => {
    it('has size 0, the empty root and an empty frontier', () => {
      const a = new MerkleAppender()
      expect(a.size).toBe(0)
      expect(a.root()).toEqual(EMPTY_ROOT)
      expect(a.frontier()).toEqual([])
    })
  })

  describe('when leaves are appended', () => {
    it('returns every complete subtree exactly once, with the hash MTH gives it', () => {
      const a = new MerkleAppender()
      const seen = new Map<string, string>()
      for (const [i, h] of leaves.entries()) {
        const nodes: MerkleNode[] = a.append(h)
        expect(nodes[0]).toMatchObject({ level: 0, index: i })
        for (const node of nodes) {
          expect(seen.has(nodeKey(node))).toBe(false)
          const width = 2 ** node.level
          expect(toHex(node.hash), nodeKey(node)).toBe(toHex(mth(node.index * width, (node.index + 1) * width)))
          seen.set(nodeKey(node), toHex(node.hash))
        }
        expect(toHex(a.root()), `size ${i + 1}`).toBe(toHex(referenceRoot(mth, i + 1)))
      }
      // A log of n leaves has sum over levels of floor(n / 2^level) complete subtrees.
      let expected = 0
      for (let w = 1; w <= leaves.length; w *= 2) expected += Math.floor(leaves.length / w)
      expect(seen.size).toBe(expected)
    })

    it('is not affected if the caller later overwrites the leaf hash buffer', () => {
      const a = new MerkleAppender()
      const buffer = leaves[0]!.slice()
      a.append(buffer)
      buffer.fill(0)
      expect(a.root()).toEqual(leaves[0])
    })
  })

  describe('when restored from the frontier a store holds', () => {
    it('continues exactly like an appender that never stopped', () => {
      for (const size of [0, 1, 2, 3, 7, 8, 100, 255, 256]) {
        const store = new MemoryHashStore()
        store.appendLeafHashes(leaves.slice(0, size))
        const restored = MerkleAppender.restore(size, store.getNodes(rootPlan(size)))
        expect(restored.size).toBe(size)
        expect(restored.frontier()).toEqual(store.getNodes(rootPlan(size)))
        const rest = leaves.slice(size, size + 40)
        const nodes = rest.flatMap((h) => restored.append(h))
        store.appendLeafHashes(rest)
        expect(toHex(restored.root())).toBe(toHex(store.root()))
        expect(nodes.map((n) => toHex(n.hash))).toEqual(nodes.map((n) => toHex(store.getNodes([n])[0]!)))
      }
    })
  })

  describe('when restored with the wrong hashes', () => {
    it('refuses them with coded errors', () => {
      expect(codeOf(() => MerkleAppender.restore(3, [leaves[0]!]))).toBe('MERKLE_NODE_COUNT_MISMATCH')
      expect(codeOf(() => MerkleAppender.restore(3, [leaves[0]!, new Uint8Array(3)]))).toBe('MERKLE_HASH_WRONG_LENGTH')
      expect(codeOf(() => MerkleAppender.restore(-3, []))).toBe('MERKLE_SIZE_INVALID')
    })
  })

  describe('when the log is at 2^53-1 leaves', () => {
    it('refuses another append with MERKLE_SIZE_INVALID', () => {
      const full = MerkleAppender.restore(Number.MAX_SAFE_INTEGER, Array.from({ length: 53 }, (_, i) => leaves[i]!))
      expect(full.frontier()).toHaveLength(53)
      expect(codeOf(() => full.append(leaves[0]!))).toBe('MERKLE_SIZE_INVALID')
      expect(full.size).toBe(Number.MAX_SAFE_INTEGER)
    })
  })

  describe('when a leaf hash is not 32 bytes', () => {
    it('refuses it with MERKLE_HASH_WRONG_LENGTH and does not grow', () => {
      const a = new MerkleAppender()
      expect(codeOf(() => a.append(new Uint8Array(16)))).toBe('MERKLE_HASH_WRONG_LENGTH')
      expect(a.size).toBe(0)
    })
  })
})
