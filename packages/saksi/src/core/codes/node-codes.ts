import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes the node itself raises (beyond the core's `TX_*` and `JSON_*`). The table lives in core so
 * that browser-safe clients can look the codes up; the node (`src/node`) gives them.
 */
export const NODE_ERROR_CODES = defineCodes({
  TX_DUPLICATE: { kind: 'conflict', id: 'Transaksi dengan ID ini sudah diterima atau sudah dicatat.', en: 'this transaction id is already admitted or committed' },
  NODE_OVERLOADED: { kind: 'internal', id: 'Antrean penerimaan node penuh; coba lagi setelah beberapa detik.', en: 'the admission queue is full; retry after the given seconds' },
  NODE_CLOSED: { kind: 'internal', id: 'Node sedang dimatikan.', en: 'the node is shutting down' },
  NODE_BUSY: { kind: 'internal', id: 'Transaksi tidak dicatat tepat waktu; ajukan kembali dengan transaksi baru.', en: 'a transaction the node sent was not committed in time; ask again with a new transaction' },
  EXECUTION_TIMEOUT: { kind: 'internal', id: 'Eksekusi blok melampaui batas waktu watchdog (kode kontrak tidak berhenti); produksi blok dihentikan sampai operator bertindak.', en: "a block's execution ran past the watchdog's timeout (contract code that does not end); block production is halted until an operator acts" },
  NODE_HALTED: { kind: 'internal', id: 'Produksi blok dihentikan (lihat /v1/health); transaksi baru tidak diterima, pembacaan tetap dilayani.', en: 'block production is halted (see /v1/health); new transactions are not admitted, reads are still answered' },
  ENTRY_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada entri pada indeks tersebut.', en: 'no entry at that index' },
  BLOCK_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada blok pada ketinggian tersebut.', en: 'no block at that height' },
  TX_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada transaksi dengan ID tersebut.', en: 'no transaction with that id' },
  NOT_FOUND: { kind: 'not_found', id: 'Data yang diminta tidak ditemukan.', en: 'the query found nothing for these arguments' },
  PROOF_RANGE_INVALID: { kind: 'validation', id: 'Indeks atau ukuran berada di luar log.', en: 'the index or sizes are outside the log' },
  GENESIS_MISMATCH: { kind: 'validation', id: 'Direktori data menyimpan jaringan lain.', en: 'the data directory holds another network' },
  STATE_NOT_LOADED: { kind: 'internal', id: 'Status tercatat dibaca sebelum dimuat (galat pada node).', en: 'committed state was read without loading it first (a node bug)' },
  NODE_KEY_MISMATCH: { kind: 'validation', id: 'Kunci node bukan kunci node dalam genesis.', en: 'the node key is not the genesis node key' },
})

/** A node error code. */
export type NodeErrorCode = CodeOf<typeof NODE_ERROR_CODES>
