import { defineCodes, type CodeOf } from '../codes/define-codes.js'

/**
 * Codes for transactions refused before they reach the log. Each kind of malformed envelope has its
 * own code so that clients and tests can tell them apart.
 */
export const TX_ERROR_CODES = defineCodes({
  TX_TOO_LARGE: { kind: 'validation', id: 'Amplop transaksi lebih besar dari 64 KiB.', en: 'the envelope is larger than 64 KiB' },
  TX_ENVELOPE_INVALID: { kind: 'validation', id: 'Amplop transaksi bukan objek JSON.', en: 'the envelope is not a JSON object' },
  TX_FIELD_MISSING: { kind: 'validation', id: 'Ada kolom wajib yang tidak diisi.', en: 'a required field is missing' },
  TX_FIELD_UNKNOWN: { kind: 'validation', id: 'Ada kolom yang tidak dikenal oleh protokol.', en: 'a field the protocol does not define is present' },
  TX_FIELD_TYPE: { kind: 'validation', id: 'Ada kolom dengan jenis data JSON yang salah.', en: 'a field has the wrong JSON type' },
  TX_FIELD_INVALID: { kind: 'validation', id: 'Ada kolom dengan jenis data yang benar tetapi nilainya tidak sah.', en: 'a field has the right type but an invalid value' },
  TX_VERSION_UNSUPPORTED: { kind: 'validation', id: 'Versi transaksi (tx.v) harus 1.', en: 'tx.v is not 1' },
  TX_SIGNER_INVALID: { kind: 'validation', id: 'Penanda tangan (tx.signer) bukan did:key Ed25519 yang sah.', en: 'tx.signer is not a valid Ed25519 did:key' },
  TX_NONCE_INVALID: { kind: 'validation', id: 'Nonce transaksi (tx.nonce) harus terdiri atas 1 sampai 64 karakter.', en: 'tx.nonce is not 1 to 64 characters' },
  TX_EXPIRES_INVALID: { kind: 'validation', id: 'Waktu kedaluwarsa (tx.expiresAt) bukan waktu UTC RFC 3339 dengan milidetik.', en: 'tx.expiresAt is not an RFC 3339 UTC millisecond time' },
  TX_SIG_ENCODING: { kind: 'validation', id: 'Tanda tangan (sig) bukan base64 kanonis dengan padding.', en: 'sig is not canonical padded base64' },
  TX_SIG_LENGTH: { kind: 'validation', id: 'Tanda tangan (sig) tidak berukuran 64 bita.', en: 'sig does not decode to 64 bytes' },
  TX_ARGS_INVALID: { kind: 'validation', id: 'Argumen transaksi (tx.args) bukan nilai JSON yang dapat ditandatangani secara persis.', en: 'tx.args is not a JSON value that can be signed exactly' },
  TX_BAD_SIGNATURE: { kind: 'verification', id: 'Tanda tangan tidak sah untuk penanda tangan transaksi.', en: 'the signature does not verify for tx.signer' },
  TX_WRONG_NETWORK: { kind: 'validation', id: 'Transaksi ini ditujukan untuk jaringan lain.', en: 'tx.network is not this network' },
  TX_EXPIRED: { kind: 'validation', id: 'Transaksi sudah kedaluwarsa.', en: 'tx.expiresAt is in the past' },
  TX_TOO_FAR_AHEAD: { kind: 'validation', id: 'Waktu kedaluwarsa transaksi melampaui batas masa berlaku yang diizinkan.', en: 'tx.expiresAt is further ahead than the maximum validity window' },
})

/** A transaction error code. */
export type TxErrorCode = CodeOf<typeof TX_ERROR_CODES>
