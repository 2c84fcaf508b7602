import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes of the node's admission limits (rate limits, the daily cap on failed calls, argument sizes,
 * the registered-signer rule). Like every admission refusal, nothing is logged. The table lives in
 * core so that browser-safe clients can look the codes up; the node (`src/node/limits`) gives them.
 */
export const ADMISSION_LIMIT_CODES = defineCodes({
  RATE_LIMITED: {
    kind: 'validation',
    id: 'Terlalu banyak transaksi dari kunci atau alamat ini; coba lagi setelah waktu yang disebut di header Retry-After.',
    en: 'too many transactions from this key or client; retry after the Retry-After header',
  },
  ARGS_TOO_LARGE: {
    kind: 'validation',
    id: 'Argumen transaksi melebihi ukuran yang diterima metode ini.',
    en: 'the transaction arguments are larger than the method accepts',
  },
  SIGNER_NOT_REGISTERED: {
    kind: 'authorization',
    id: 'Kunci ini belum terdaftar; daftarkan dulu dengan identity.register sebelum memanggil metode lain.',
    en: 'this key is not registered; call identity.register before any other method',
  },
})

/** An admission-limit code. */
export type AdmissionLimitCode = CodeOf<typeof ADMISSION_LIMIT_CODES>
