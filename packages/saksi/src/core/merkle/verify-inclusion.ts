import { bytesEqual } from '../encoding/bytes.js'
import { isSaksiError } from '../errors.js'
import { checkHash, checkIndex, checkProofHashes, checkSize } from './check.js'
import { nodeHash } from './hash.js'
import { merkleError } from './merkle-errors.js'
import { verifierWalkSteps } from './verifier-walk.js'

/**
 * Number of hashes RFC 9162 section 2.1.3.2 consumes for (index, size): the steps of its loop
 * until sn reaches 0. The walk does not depend on hash values, so it gives a precise error code
 * for a proof that is too short or too long before any hashing.
 */
function inclusionPathLength(index: number, size: number): number {
  return verifierWalkSteps(index, size - 1)
}

/**
 * Computes the root that an inclusion proof leads to, per RFC 9162 section 2.1.3.2 (sizes and
 * indexes up to 2^53-1, with exact arithmetic rather than 32-bit shifts).
 * @param leafHash the 32-byte leaf hash (see `leafHash`)
 * @param index the leaf's index
 * @param size the tree size the proof is for
 * @param proof the inclusion path, leaf side first
 * @returns the 32-byte root
 * @throws ValidationError `MERKLE_SIZE_INVALID`, `MERKLE_INDEX_OUT_OF_RANGE` or
 *   `MERKLE_HASH_WRONG_LENGTH`; VerificationError `MERKLE_PROOF_WRONG_LENGTH`
 */
export function rootFromInclusionProof(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): Uint8Array {
  checkSize(size)
  checkIndex(index, size)
  checkHash(leafHash, 'leafHash')
  checkProofHashes(proof)
  const expected = inclusionPathLength(index, size)
  if (proof.length !== expected) {
    throw merkleError('MERKLE_PROOF_WRONG_LENGTH', `an inclusion proof for index ${index} in size ${size} has ${expected} hashes, got ${proof.length}`, {
      expected,
      actual: proof.length,
    })
  }
  // RFC 9162 section 2.1.3.2, steps 2 to 5.
  let fn = index
  let sn = size - 1
  let r = leafHash
  for (const p of proof) {
    if (sn === 0) throw merkleError('MERKLE_PROOF_WRONG_LENGTH')
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  if (sn !== 0) throw merkleError('MERKLE_PROOF_WRONG_LENGTH')
  return r
}

/**
 * Checks an inclusion proof (RFC 9162 section 2.1.3.2) and throws a coded error if it fails.
 * @param leafHash the 32-byte leaf hash
 * @param index the leaf's index, in [0, size)
 * @param size the tree size, in [1, 2^53-1]
 * @param proof the inclusion path, leaf side first
 * @param root the expected 32-byte root of the tree of `size` leaves
 * @throws ValidationError `MERKLE_SIZE_INVALID`, `MERKLE_INDEX_OUT_OF_RANGE` or
 *   `MERKLE_HASH_WRONG_LENGTH`; VerificationError `MERKLE_PROOF_WRONG_LENGTH` or
 *   `MERKLE_ROOT_MISMATCH`
 */
export function assertInclusion(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): void {
  checkSize(size)
  checkIndex(index, size)
  checkHash(leafHash, 'leafHash')
  checkHash(root, 'root')
  const computed = rootFromInclusionProof(leafHash, index, size, proof)
  if (!bytesEqual(computed, root)) throw merkleError('MERKLE_ROOT_MISMATCH', 'the inclusion proof does not lead to the expected root')
}

/**
 * Whether an inclusion proof is valid (RFC 9162 section 2.1.3.2). Never throws for bad input.
 * @param leafHash the 32-byte leaf hash
 * @param index the leaf's index
 * @param size the tree size
 * @param proof the inclusion path, leaf side first
 * @param root the expected 32-byte root
 * @returns true only if the proof shows the leaf at `index` in the tree with that root
 */
export function verifyInclusion(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  try {
    assertInclusion(leafHash, index, size, proof, root)
    return true
  } catch (e) {
    if (isSaksiError(e)) return false
    throw e
  }
}
