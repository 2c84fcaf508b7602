import { bytesEqual, isBytes } from '../encoding/bytes.js'
import { isSaksiError } from '../errors.js'
import { isPowerOfTwo } from './bits.js'
import { checkHash, checkProofHashes, checkSize } from './check.js'
import { nodeHash } from './hash.js'
import { merkleError } from './merkle-errors.js'
import { verifierWalkSteps } from './verifier-walk.js'

/**
 * Steps 3 and 4 of RFC 9162 section 2.1.4.2, then the number of loop steps of step 6 until sn
 * reaches 0: the consistency path holds one hash more than that. Hash values do not steer the
 * walk, so this gives the exact expected proof length before any hashing.
 */
function consistencyLoopSteps(size1: number, size2: number): number {
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return verifierWalkSteps(fn, sn)
}

/**
 * Checks a consistency proof between two tree heads (RFC 9162 section 2.1.4.2) and throws a
 * coded error if it fails. Edge cases, as transparency-dev/merkle and the C2SP test vectors
 * treat them: size1 == size2 (> 0) needs an empty proof and byte-equal roots (nothing is hashed,
 * so root lengths are not checked); size1 == 0 is refused, since the algorithm is defined for
 * 0 < size1 and a proof from the empty tree proves nothing.
 * @param size1 the older tree size, in [1, size2]
 * @param size2 the newer tree size, up to 2^53-1
 * @param root1 the 32-byte root at size1
 * @param root2 the 32-byte root at size2
 * @param proof the consistency path
 * @throws ValidationError `MERKLE_SIZE_INVALID` or `MERKLE_HASH_WRONG_LENGTH`; VerificationError
 *   `MERKLE_PROOF_WRONG_LENGTH` or `MERKLE_ROOT_MISMATCH`
 */
export function assertConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): void {
  checkSize(size1, 'size1')
  checkSize(size2, 'size2')
  if (size1 > size2) throw merkleError('MERKLE_SIZE_INVALID', 'size1 must not exceed size2', { size1, size2 })
  if (size1 === 0) throw merkleError('MERKLE_SIZE_INVALID', 'a consistency proof from the empty tree proves nothing', { size1, size2 })
  if (!Array.isArray(proof)) throw merkleError('MERKLE_PROOF_WRONG_LENGTH', 'the proof must be an array of hashes')
  if (size1 === size2) {
    if (proof.length !== 0) throw merkleError('MERKLE_PROOF_WRONG_LENGTH', 'equal sizes need an empty proof', { expected: 0, actual: proof.length })
    if (!(isBytes(root1) && isBytes(root2) && bytesEqual(root1, root2))) {
      throw merkleError('MERKLE_ROOT_MISMATCH', 'equal sizes need equal roots')
    }
    return
  }
  checkHash(root1, 'root1')
  checkHash(root2, 'root2')
  checkProofHashes(proof)
  const firstIsPowerOfTwo = isPowerOfTwo(size1)
  const expected = consistencyLoopSteps(size1, size2) + (firstIsPowerOfTwo ? 0 : 1)
  if (proof.length !== expected) {
    throw merkleError('MERKLE_PROOF_WRONG_LENGTH', `a consistency proof from ${size1} to ${size2} has ${expected} hashes, got ${proof.length}`, {
      expected,
      actual: proof.length,
    })
  }
  // RFC 9162 section 2.1.4.2, steps 1 to 7.
  const path = firstIsPowerOfTwo ? [root1, ...proof] : proof
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let fr = path[0]!
  let sr = fr
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!
    if (sn === 0) throw merkleError('MERKLE_PROOF_WRONG_LENGTH')
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  if (sn !== 0) throw merkleError('MERKLE_PROOF_WRONG_LENGTH')
  if (!bytesEqual(fr, root1)) throw merkleError('MERKLE_ROOT_MISMATCH', 'the proof does not lead to root1', { which: 'root1' })
  if (!bytesEqual(sr, root2)) throw merkleError('MERKLE_ROOT_MISMATCH', 'the proof does not lead to root2', { which: 'root2' })
}

/**
 * Whether a consistency proof between two tree heads is valid (RFC 9162 section 2.1.4.2), with
 * the edge cases of `assertConsistency`. Never throws for bad input.
 * @param size1 the older tree size
 * @param size2 the newer tree size
 * @param root1 the root at size1
 * @param root2 the root at size2
 * @param proof the consistency path
 * @returns true only if the tree of size2 extends the tree of size1
 */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): boolean {
  try {
    assertConsistency(size1, size2, root1, root2, proof)
    return true
  } catch (e) {
    if (isSaksiError(e)) return false
    throw e
  }
}
