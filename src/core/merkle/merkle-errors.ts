import { StorageError, ValidationError, VerificationError, type SaksiError } from '../errors.js'

/**
 * Codes of the Merkle log module. Each malformed input or failed proof has its own code so that
 * clients, the API and the tests can tell them apart.
 */
export const MERKLE_ERROR_CODES = {
  MERKLE_SIZE_INVALID:
    'a tree size is not an integer in [0, 2^53-1], or size1 > size2, or size1 is 0 in a consistency check',
  MERKLE_INDEX_OUT_OF_RANGE: 'a leaf index is not an integer in [0, size)',
  MERKLE_HASH_WRONG_LENGTH: 'a hash (leaf, root or proof element) is not 32 bytes',
  MERKLE_PROOF_WRONG_LENGTH: 'the proof does not have the number of hashes its sizes call for',
  MERKLE_ROOT_MISMATCH: 'the root computed from the proof is not the expected root',
  MERKLE_NODE_COUNT_MISMATCH: 'the hashes handed in do not match the node ids that were planned',
  MERKLE_NODE_MISSING: 'the store does not hold a node hash that was asked for',
} as const

/** A Merkle module error code. */
export type MerkleErrorCode = keyof typeof MERKLE_ERROR_CODES

const STORAGE: ReadonlySet<MerkleErrorCode> = new Set(['MERKLE_NODE_MISSING'])
const VERIFICATION: ReadonlySet<MerkleErrorCode> = new Set(['MERKLE_PROOF_WRONG_LENGTH', 'MERKLE_ROOT_MISMATCH'])

/**
 * Builds the error for a Merkle code, of the kind the code belongs to: `VerificationError` for a
 * proof that does not verify, `StorageError` for a missing node, `ValidationError` otherwise.
 * @param code the stable code
 * @param message human-readable detail (defaults to the code's description)
 * @param details structured context (sizes, indexes, lengths; never hashes of personal data)
 * @returns the error, to be thrown by the caller
 */
export function merkleError(code: MerkleErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  const text = message ?? MERKLE_ERROR_CODES[code]
  if (VERIFICATION.has(code)) return new VerificationError(code, text, details)
  if (STORAGE.has(code)) return new StorageError(code, text, details)
  return new ValidationError(code, text, details)
}
