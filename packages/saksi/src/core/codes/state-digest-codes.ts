import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes of the state digest (an LtHash16 of all committed state, kept by the store per block and
 * checked by the node when it opens): the core's `LTHASH_INVALID` and the node's `STATE_CORRUPT`.
 */
export const STATE_DIGEST_ERROR_CODES = defineCodes({
  LTHASH_INVALID: { kind: 'validation', id: 'Nilai LtHash16 harus tepat 2048 bita.', en: 'an LtHash16 value must be exactly 2048 bytes' },
  STATE_CORRUPT: {
    kind: 'internal',
    id: 'Status tercatat di node ini tidak cocok dengan digest-nya (data diubah di luar node). Node menolak penulisan dan pembacaan status sampai operator memulihkannya; log dan buktinya tetap dapat diperiksa.',
    en: "this node's committed state does not match its digest (it was changed outside the node). The node refuses writes and state reads until an operator restores it; the log and its proofs can still be checked.",
  },
})

/** A state digest code. */
export type StateDigestErrorCode = CodeOf<typeof STATE_DIGEST_ERROR_CODES>
