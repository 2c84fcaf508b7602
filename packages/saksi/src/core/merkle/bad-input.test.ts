/** Every kind of bad input yields its own stable code, through a SaksiError; nothing untyped. */
import { describe, expect, it } from 'vitest'
import { isSaksiError } from '../errors.js'
import { consistencyProof } from './consistency-proof.js'
import { consistencyProofPlan } from './consistency-proof-plan.js'
import { EMPTY_ROOT, leafHash } from './hash.js'
import { inclusionProof } from './inclusion-proof.js'
import { inclusionProofPlan } from './inclusion-proof-plan.js'
import { MemoryHashStore } from './memory-hash-store.js'
import type { MerkleErrorCode } from './merkle-errors.js'
import { rootAt } from './root-at.js'
import { assembleRoot, rootPlan } from './root-plan.js'
import { assembleProof } from './proof-plan.js'
import { assertConsistency, verifyConsistency } from './verify-consistency.js'
import { assertInclusion, rootFromInclusionProof, verifyInclusion } from './verify-inclusion.js'

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (!isSaksiError(e)) throw new Error(`untyped error: ${String(e)}`)
    return e.code
  }
  return 'NO_ERROR'
}

const expectCode = (code: MerkleErrorCode, fn: () => unknown): void => {
  expect(codeOf(fn)).toBe(code)
}

const leaves = Array.from({ length: 8 }, (_, i) => leafHash(Uint8Array.of(i)))
const store = new MemoryHashStore()
store.appendLeafHashes(leaves)
const root8 = store.root()
const proof3 = inclusionProof(store, 3, 8)
const root5 = rootAt(store, 5)
const proof5to8 = consistencyProof(store, 5, 8)
// 2^64-1 as JSON.parse delivers it (rounded to 2^64), like the C2SP vector leafIdx-sub-@1.
const U64_MAX_FROM_JSON = JSON.parse('18446744073709551615') as number
const BAD_SIZES: unknown[] = [-1, 1.5, NaN, Infinity, 2 ** 53, U64_MAX_FROM_JSON, '8', 8n, null, undefined]

describe('assertInclusion', () => {
  describe('when the proof is valid', () => {
    it('returns without throwing', () => {
      expect(codeOf(() => assertInclusion(leaves[3]!, 3, 8, proof3, root8))).toBe('NO_ERROR')
    })
  })
  describe('when the size is not an integer in [0, 2^53-1]', () => {
    it.each(BAD_SIZES.map((s) => [String(s), s]))('refuses %s with MERKLE_SIZE_INVALID', (_label, size) => {
      expectCode('MERKLE_SIZE_INVALID', () => assertInclusion(leaves[3]!, 3, size as number, proof3, root8))
      expect(verifyInclusion(leaves[3]!, 3, size as number, proof3, root8)).toBe(false)
    })
  })
  describe('when the index is out of range', () => {
    it.each([[-1], [8], [9], [1.5], [NaN], [2 ** 53], [U64_MAX_FROM_JSON]])('refuses %s with MERKLE_INDEX_OUT_OF_RANGE', (index) => {
      expectCode('MERKLE_INDEX_OUT_OF_RANGE', () => assertInclusion(leaves[3]!, index, 8, proof3, root8))
    })
    it('refuses every index of the empty tree', () => {
      expectCode('MERKLE_INDEX_OUT_OF_RANGE', () => assertInclusion(leaves[0]!, 0, 0, [], EMPTY_ROOT))
    })
  })
  describe('when a hash is not 32 bytes', () => {
    it('refuses a short or long leaf hash, root or proof element with MERKLE_HASH_WRONG_LENGTH', () => {
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assertInclusion(new Uint8Array(31), 3, 8, proof3, root8))
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assertInclusion(leaves[3]!, 3, 8, proof3, new Uint8Array(33)))
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assertInclusion(leaves[3]!, 3, 8, [proof3[0]!, new Uint8Array(0), proof3[2]!], root8))
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assertInclusion('x' as unknown as Uint8Array, 3, 8, proof3, root8))
    })
  })
  describe('when the proof has the wrong number of hashes', () => {
    it('refuses it with MERKLE_PROOF_WRONG_LENGTH', () => {
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertInclusion(leaves[3]!, 3, 8, proof3.slice(1), root8))
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertInclusion(leaves[3]!, 3, 8, [...proof3, root8], root8))
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertInclusion(leaves[3]!, 3, 8, null as unknown as Uint8Array[], root8))
    })
  })
  describe('when the proof leads elsewhere', () => {
    it('refuses it with MERKLE_ROOT_MISMATCH', () => {
      expectCode('MERKLE_ROOT_MISMATCH', () => assertInclusion(leaves[4]!, 3, 8, proof3, root8))
      expectCode('MERKLE_ROOT_MISMATCH', () => assertInclusion(leaves[3]!, 3, 8, proof3, EMPTY_ROOT))
    })
  })
})

describe('rootFromInclusionProof', () => {
  describe('when the proof is valid', () => {
    it('returns the root', () => {
      expect(rootFromInclusionProof(leaves[3]!, 3, 8, proof3)).toEqual(root8)
    })
  })
  describe('when the proof is too long for the sizes', () => {
    it('throws MERKLE_PROOF_WRONG_LENGTH before hashing', () => {
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => rootFromInclusionProof(leaves[0]!, 0, 1, [root8]))
    })
  })
})

describe('assertConsistency', () => {
  describe('when the proof is valid', () => {
    it('returns without throwing', () => {
      expect(codeOf(() => assertConsistency(5, 8, root5, root8, proof5to8))).toBe('NO_ERROR')
    })
  })
  describe('when a size is not an integer in [0, 2^53-1]', () => {
    it.each(BAD_SIZES.map((s) => [String(s), s]))('refuses %s with MERKLE_SIZE_INVALID', (_label, size) => {
      expectCode('MERKLE_SIZE_INVALID', () => assertConsistency(size as number, 8, root5, root8, proof5to8))
      expectCode('MERKLE_SIZE_INVALID', () => assertConsistency(5, size as number, root5, root8, proof5to8))
      expect(verifyConsistency(5, size as number, root5, root8, proof5to8)).toBe(false)
    })
  })
  describe('when size1 > size2', () => {
    it('refuses it with MERKLE_SIZE_INVALID', () => {
      expectCode('MERKLE_SIZE_INVALID', () => assertConsistency(8, 5, root8, root5, proof5to8))
    })
  })
  describe('when size1 is 0', () => {
    it('refuses it with MERKLE_SIZE_INVALID, even with an empty proof and matching roots', () => {
      expectCode('MERKLE_SIZE_INVALID', () => assertConsistency(0, 8, EMPTY_ROOT, root8, []))
      expectCode('MERKLE_SIZE_INVALID', () => assertConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, []))
    })
  })
  describe('when the sizes are equal', () => {
    it('accepts equal roots with an empty proof, and refuses anything else', () => {
      expect(verifyConsistency(8, 8, root8, root8, [])).toBe(true)
      expectCode('MERKLE_ROOT_MISMATCH', () => assertConsistency(8, 8, root8, root5, []))
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertConsistency(8, 8, root8, root8, [root8]))
    })
  })
  describe('when a hash is not 32 bytes', () => {
    it('refuses it with MERKLE_HASH_WRONG_LENGTH', () => {
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assertConsistency(5, 8, root5.subarray(1), root8, proof5to8))
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assertConsistency(5, 8, root5, new Uint8Array(64), proof5to8))
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assertConsistency(5, 8, root5, root8, [...proof5to8.slice(1), new Uint8Array(31)]))
    })
  })
  describe('when the proof has the wrong number of hashes', () => {
    it('refuses it with MERKLE_PROOF_WRONG_LENGTH', () => {
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertConsistency(5, 8, root5, root8, []))
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertConsistency(5, 8, root5, root8, proof5to8.slice(1)))
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertConsistency(5, 8, root5, root8, [...proof5to8, root8]))
      expectCode('MERKLE_PROOF_WRONG_LENGTH', () => assertConsistency(5, 8, root5, root8, 'x' as unknown as Uint8Array[]))
    })
  })
  describe('when the proof leads elsewhere', () => {
    it('refuses it with MERKLE_ROOT_MISMATCH', () => {
      expectCode('MERKLE_ROOT_MISMATCH', () => assertConsistency(5, 8, root8, root8, proof5to8))
      expectCode('MERKLE_ROOT_MISMATCH', () => assertConsistency(5, 8, root5, root5, proof5to8))
    })
  })
})

describe('proof plans', () => {
  describe('when sizes or indexes are bad', () => {
    it('throw the same codes as the verifiers', () => {
      expectCode('MERKLE_SIZE_INVALID', () => rootPlan(-1))
      expectCode('MERKLE_SIZE_INVALID', () => inclusionProofPlan(0, 2 ** 53))
      expectCode('MERKLE_INDEX_OUT_OF_RANGE', () => inclusionProofPlan(5, 5))
      expectCode('MERKLE_SIZE_INVALID', () => consistencyProofPlan(6, 5))
      expectCode('MERKLE_SIZE_INVALID', () => consistencyProofPlan(0.5, 5))
    })
  })
  describe('when the hashes handed in do not match the plan', () => {
    it('refuses them with MERKLE_NODE_COUNT_MISMATCH or MERKLE_HASH_WRONG_LENGTH', () => {
      const plan = inclusionProofPlan(3, 7)
      expectCode('MERKLE_NODE_COUNT_MISMATCH', () => assembleProof(plan, []))
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => assembleProof(plan, plan.nodes.map(() => new Uint8Array(2))))
      expectCode('MERKLE_NODE_COUNT_MISMATCH', () => assembleRoot(rootPlan(7), [root8]))
    })
  })
})

describe('MemoryHashStore', () => {
  describe('when asked for nodes it does not hold', () => {
    it('throws MERKLE_NODE_MISSING', () => {
      expectCode('MERKLE_NODE_MISSING', () => store.getNodes([{ level: 0, index: 8 }]))
      expectCode('MERKLE_NODE_MISSING', () => store.getNodes([{ level: 3, index: 1 }]))
      expectCode('MERKLE_NODE_MISSING', () => store.getNodes([{ level: 4, index: 0 }]))
      expectCode('MERKLE_NODE_MISSING', () => store.getNodes([{ level: 0, index: -1 }]))
      expectCode('MERKLE_NODE_MISSING', () => inclusionProof(store, 3, 9))
      expectCode('MERKLE_NODE_MISSING', () => rootAt(store, 9))
    })
  })
  describe('when a leaf hash in a batch is not 32 bytes', () => {
    it('throws MERKLE_HASH_WRONG_LENGTH and appends none of the batch', () => {
      const s = new MemoryHashStore()
      expectCode('MERKLE_HASH_WRONG_LENGTH', () => s.appendLeafHashes([leaves[0]!, new Uint8Array(20)]))
      expect(s.size).toBe(0)
    })
  })
})
