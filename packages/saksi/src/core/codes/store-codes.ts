import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes of storage failures (all kind `storage`). The table lives in core so that browser-safe
 * clients can look the codes up; the storage drivers (`src/store`) give them.
 */
export const STORE_ERROR_CODES = defineCodes({
  STORE_NOT_INITIALISED: { kind: 'storage', id: 'Penyimpanan belum memiliki genesis.', en: 'the store has no genesis yet' },
  STORE_ALREADY_INITIALISED: { kind: 'storage', id: 'Penyimpanan sudah memiliki genesis.', en: 'the store already holds a genesis' },
  STORE_BLOCK_OUT_OF_ORDER: { kind: 'storage', id: 'Blok tidak menyambung dengan kepala rantai, atau entrinya tidak melanjutkan log.', en: 'the block does not follow the head, or its entries do not continue the log' },
  STORE_DUPLICATE_TX: { kind: 'storage', id: 'Ada ID transaksi dalam blok yang sudah dicatat sebelumnya.', en: 'a transaction id in the block is already committed' },
  STORE_COMMIT_INVALID: { kind: 'storage', id: 'Data blok yang akan disimpan saling bertentangan (jumlah entri, simpul Merkle, atau jenis kolom).', en: 'the block commit contradicts itself (entry count, Merkle nodes or field types)' },
  STORE_CORRUPT: { kind: 'storage', id: 'Data tersimpan tidak dapat dibaca atau tidak konsisten.', en: 'stored data does not decode or is inconsistent' },
  STORE_SCHEMA_UNSUPPORTED: { kind: 'storage', id: 'Basis data ditulis oleh versi skema yang lebih baru daripada yang dikenal program ini.', en: 'the database was written by a newer schema version than this code knows' },
  STORE_OPTIONS_INVALID: { kind: 'storage', id: 'Pilihan driver penyimpanan di luar rentang yang diizinkan.', en: 'a driver option is out of range' },
  STORE_CLOSED: { kind: 'storage', id: 'Penyimpanan sudah ditutup.', en: 'the store has been closed' },
  STORE_IO: { kind: 'storage', id: 'Basis data mengalami kegagalan.', en: 'the database failed' },
  STORE_LOCKED: { kind: 'storage', id: 'Direktori data sedang dipakai oleh proses Saksi lain; hentikan proses itu dahulu (saksi verify tetap dapat membacanya).', en: 'the data directory is in use by another Saksi process; stop that process first (saksi verify may still read it)' },
})

/** A storage error code. */
export type StoreErrorCode = CodeOf<typeof STORE_ERROR_CODES>
