import { codedError } from '../codes/coded-error.js'
import { defineCodes, type CodeOf } from '../codes/define-codes.js'
import type { SaksiError } from '../errors.js'

/**
 * Codes of the Merkle log module. Each malformed input or failed proof has its own code so that
 * clients, the API and the tests can tell them apart.
 */
export const MERKLE_ERROR_CODES = defineCodes({
  MERKLE_SIZE_INVALID: {
    kind: 'validation',
    id: 'Ukuran pohon tidak sah: harus bilangan bulat 0 sampai 2^53-1, size1 tidak boleh melebihi size2, dan size1 tidak boleh 0 pada pemeriksaan konsistensi.',
    en: 'a tree size is not an integer in [0, 2^53-1], or size1 > size2, or size1 is 0 in a consistency check',
  },
  MERKLE_INDEX_OUT_OF_RANGE: { kind: 'validation', id: 'Indeks daun berada di luar rentang [0, ukuran pohon).', en: 'a leaf index is not an integer in [0, size)' },
  MERKLE_HASH_WRONG_LENGTH: { kind: 'validation', id: 'Hash (daun, akar, atau elemen bukti) tidak berukuran 32 bita.', en: 'a hash (leaf, root or proof element) is not 32 bytes' },
  MERKLE_PROOF_WRONG_LENGTH: { kind: 'verification', id: 'Jumlah hash dalam bukti tidak sesuai dengan ukuran pohonnya.', en: 'the proof does not have the number of hashes its sizes call for' },
  MERKLE_ROOT_MISMATCH: { kind: 'verification', id: 'Akar yang dihitung dari bukti tidak sama dengan akar yang diharapkan.', en: 'the root computed from the proof is not the expected root' },
  MERKLE_NODE_COUNT_MISMATCH: { kind: 'validation', id: 'Hash yang diserahkan tidak sesuai dengan simpul yang direncanakan.', en: 'the hashes handed in do not match the node ids that were planned' },
  MERKLE_NODE_MISSING: { kind: 'storage', id: 'Penyimpanan tidak memiliki hash simpul yang diminta.', en: 'the store does not hold a node hash that was asked for' },
})

/** A Merkle module error code. */
export type MerkleErrorCode = CodeOf<typeof MERKLE_ERROR_CODES>

/**
 * Builds the error for a Merkle code, of the kind its table gives: `VerificationError` for a
 * proof that does not verify, `StorageError` for a missing node, `ValidationError` otherwise.
 * @param code the stable code
 * @param message human-readable detail (defaults to the code's description)
 * @param details structured context (sizes, indexes, lengths; never hashes of personal data)
 * @returns the error, to be thrown by the caller
 */
export function merkleError(code: MerkleErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  return codedError(MERKLE_ERROR_CODES, code, message, details)
}
