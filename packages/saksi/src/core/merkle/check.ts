import { HASH_SIZE } from './hash.js'
import { merkleError } from './merkle-errors.js'
import { isBytes } from '../encoding/bytes.js'

/**
 * Checks that `size` is a tree size: an integer in [0, 2^53-1].
 * @param size the value to check
 * @param field name used in the message and details
 * @throws ValidationError `MERKLE_SIZE_INVALID`
 */
export function checkSize(size: unknown, field = 'size'): asserts size is number {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw merkleError('MERKLE_SIZE_INVALID', `${field} must be an integer in [0, 2^53-1]`, { field, value: String(size) })
  }
}

/**
 * Checks that `index` is a leaf index of a tree of `size` leaves (RFC 9162 section 2.1.3.2 step 1).
 * @param index the value to check
 * @param size the tree size, already checked
 * @throws ValidationError `MERKLE_INDEX_OUT_OF_RANGE`
 */
export function checkIndex(index: unknown, size: number): asserts index is number {
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw merkleError('MERKLE_INDEX_OUT_OF_RANGE', `index must be an integer in [0, ${size})`, { index: String(index), size })
  }
}

/**
 * Checks that `hash` is a 32-byte `Uint8Array`.
 * @param hash the value to check
 * @param field name used in the message and details
 * @throws ValidationError `MERKLE_HASH_WRONG_LENGTH`
 */
export function checkHash(hash: unknown, field: string): asserts hash is Uint8Array {
  if (!isBytes(hash) || hash.length !== HASH_SIZE) {
    const actual = isBytes(hash) ? hash.length : typeof hash
    throw merkleError('MERKLE_HASH_WRONG_LENGTH', `${field} must be ${HASH_SIZE} bytes`, { field, actual })
  }
}

/**
 * Checks that `proof` is an array of 32-byte hashes.
 * @param proof the value to check
 * @throws VerificationError `MERKLE_PROOF_WRONG_LENGTH` if it is not an array;
 *   ValidationError `MERKLE_HASH_WRONG_LENGTH` if an element is not 32 bytes
 */
export function checkProofHashes(proof: unknown): asserts proof is readonly Uint8Array[] {
  if (!Array.isArray(proof)) throw merkleError('MERKLE_PROOF_WRONG_LENGTH', 'the proof must be an array of hashes')
  for (let i = 0; i < proof.length; i++) checkHash(proof[i], `proof[${i}]`)
}
